"""inkout's own Presidio recognizers, for DLP info types that Presidio has no detector for.

They are ordinary Presidio PatternRecognizers, registered once at start beside the predefined
ones, so Presidio's context words apply: a bare date or number scores too low to be reported,
and the words around it ("DOB", "born", "MRN") raise it above DLP's default minimum.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
import string
import unicodedata
from collections.abc import Iterator

import phonenumbers
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer import predefined_recognizers as presidio_predefined
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer
from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country
from rapidfuzz.distance import Levenshtein
from spacy.lang.en.stop_words import STOP_WORDS

from inkout import names

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A date's end: OCR may drop the space before the next word ("born 25.06.1938in Ohio").
_DATE_END = r"(?:\b|(?=[a-z]))"
DATES = [
    # OCR may read the second separator as a comma ("13.04, 1943") or put a space after
    # either ("06. 16.1976", "17.05. 1968").
    r"\b(?:0?[1-9]|[12]\d|3[01])[/.\-] ?(?:0?[1-9]|[12]\d|3[01])(?:[/.\-] ?|, ?)(?:19|20)?\d{2}"
    + _DATE_END,
    # ... or read a hyphen as a colon ("1984:01-01"), or the second as a space ("1957-09 22"),
    # or split a two-digit month or day with a space ("1976-1 1-18")
    r"\b(?:19|20)\d{2}[/.\-:](?:1 ?[0-2]|0?[1-9])[/.\- ](?:[12] ?\d|3 ?[01]|0?[1-9])" + _DATE_END,
    # OCR may drop the space after the day's comma ("July 17,1959")
    # ... or a space inside the year ("September 6, 19 83"), or the one after it ("1964if")
    rf"\b{MONTHS}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,\s*|\s+)(?:19|20) ?\d{{2}}(?!\d)",
    rf"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+{MONTHS},?\s+(?:19|20) ?\d{{2}}(?!\d)",
    # a day or month OCR misread out of range ("94/03/1997" for "04/03/1997")
    r"\b\d{2}[/.\-]\d{2}[/.\-](?:19|20)\d{2}" + _DATE_END,
]
_STREET_WORDS = (
    "Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Way|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct"
    "|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Alley|Row|Crescent|Close"
).split("|")
# OCR drops a letter of a long street type ("Dive" for "Drive", "Boulevad"), reads "ri" as
# "n" ("Dnve") or one "n" as "m" ("Avemue"): those readings count too.
_STREET_SLIPS = sorted(
    (
        {w[:i] + w[i + 1 :] for w in _STREET_WORDS if len(w) >= 5 for i in range(1, len(w) - 1)}
        | {w.replace("ri", "n") for w in _STREET_WORDS}
        | {"Read"}  # "o" read as "e"
        | {
            w[:i] + "m" + w[i + 1 :]
            for w in _STREET_WORDS
            if len(w) >= 5
            for i, c in enumerate(w)
            if c == "n"
        }
    )
    - set(_STREET_WORDS)
)
_STREET_TYPES = "(?:" + "|".join(_STREET_WORDS + _STREET_SLIPS) + r")\b\.?"


# Labels as OCR misreads them. "Bom:" is "Born:" with "rn" read as "m", "Barn" with "o" read
# as "a", "Bam:" with both, "Ben" with "o" as "e" and "rn" as "n", "Bor" with its small "n"
# lost, "orn" with its "B" cut by the image's edge; "Dos:" is "DOB:" with "B" read as "s"
# ("bos", its "D" read as "b" too), "OB:" with its "D" cut by the edge; "Bon" is "Born" with
# its "r" lost, "bir" is "birth" with the end of its line unread; "RN", "MRM", "MIRN" and
# "IRN" are a small or faint "MRN", "MEN" one with its "R" read as "E", "ARN" one whose "M"
# the image's edge cut.
_DOB_SLIPS = (
    *("d0b", "doe", "dos", "bos", "bith", "bir", "bom", "bon", "barn", "bam", "ben", "bor"),
    *("orn", "ob"),
)
_MRN_SLIPS = ("rn", "mrm", "mirn", "irn", "brn", "men", "arn")
# Presidio matches context words as substrings of the words near a finding. These misreadings
# are short or common inside words ("rn" in "return", "internal", "born"; "dos" in "dose"), so
# they count only as whole words.
WHOLE_WORD_CONTEXT = frozenset(_DOB_SLIPS + _MRN_SLIPS)


def date_of_birth() -> PatternRecognizer:
    """A date is a date of birth only beside a word that says so: alone it scores 0.1."""
    return PatternRecognizer(
        supported_entity="DATE_OF_BIRTH",
        name="InkoutDateOfBirthRecognizer",
        patterns=[Pattern(f"date {i}", p, 0.1) for i, p in enumerate(DATES)],
        # OCR often reads "DOB" as "D0B" or "Doe" and "birth" as "bith": they count too.
        context=[
            *("dob", "birth", "born", "birthday", "birthdate", "d.o.b", "geburtsdatum"),
            *_DOB_SLIPS,
        ],
    )


# Street types OCR joins to the name before them ("Milllane" for "Mill Lane"); short ones
# ("Way", "Row") end too many words.
_GLUED_TYPES = (
    "street|avenue|road|lane|drive|boulevard|place|court|terrace|circle|parkway|square|crescent"
)


# Street types OCR may read with a small first letter ("8929 Oak street"): only those that
# seldom follow a capitalised word in a sentence, as "way" or "close" do ("40 Euros way").
_LOWER_CASE_TYPES = frozenset({"street", "avenue", "road", "lane", "boulevard", "terrace"})


class _StreetAddress(PatternRecognizer):
    """A street type joined to the name before it counts only when the joined word is no
    English word: "Millane" is a street, "Workplace" is not. So does a long type with two
    letters misread, when that is no English word either ("Avemuc" for "Avenue")."""

    def validate_result(self, pattern_text: str) -> bool | None:
        words = pattern_text.split()
        lexicon = names.lexicon()
        for before, word in itertools.pairwise(words[:-1]):
            # a name's rest that OCR split off, never a word of a sentence ("3 Apples from"),
            # unless it reads the name's last letters again ("Lakevi view")
            twice = before.endswith(word[:2]) or before.endswith(word[:1])
            if word[0].islower() and before[0].isupper() and not twice and lexicon.is_english(word):
                return False
        last = words[-1].rstrip(".")
        if re.fullmatch(_STREET_TYPES, last) or last in _LOWER_CASE_TYPES:
            return None
        if last in _CUT_TYPE_SET:  # only its pattern, at a line's end, ends so
            return None
        if names.lexicon().is_english(last):
            return False
        glued = re.search(f"(?:{_GLUED_TYPES})$", last, re.IGNORECASE) is not None
        return None if glued or _near_long_type(last) else False


# Street types long enough that two misread letters leave them recognisable.
_LONG_TYPES = ("avenue", "street", "boulevard", "terrace", "parkway", "crescent", "highway")


# The starts of long types ("Stre", "Aven", "Boulev"), but words that end street names.
_CUT_TYPE_SET = frozenset(
    t[:k].title() for t in _LONG_TYPES for k in range(4, len(t)) if t[:k] not in ("park", "high")
)
_CUT_TYPES = "|".join(sorted(_CUT_TYPE_SET))


def _near_long_type(word: str) -> bool:
    """Whether word is a long street type with at most two letters misread, dropped or added."""
    word = word.lower()
    return len(word) >= 5 and any(
        abs(len(t) - len(word)) <= 2 and edits(word, t) <= 2 for t in _LONG_TYPES
    )


def edits(a: str, b: str) -> int:
    """Levenshtein distance between two words (rapidfuzz's, in C: label and header words are
    compared with every known one, thousands of times an image)."""
    return Levenshtein.distance(a, b)


# Words of a sentence that OCR glues to the street type before them, when the space between
# is narrow in small type ("mailed to 1236 Pine Courtnext week", "I'm at 6282 Pine Courtcome
# over").
_GLUED_AFTER = (
    "next|in|on|at|and|for|to|by|from|is|was|this|today|tomorrow|tonight|within|before|after"
    "|come|coming|over|here|now|so|if|when|with|near|or|but|then"
)


def street_address() -> PatternRecognizer:
    """A house number, one to four capitalised words and a street type: "1234 Maple Avenue". The
    number may follow a lower-case word OCR joined it to ("at8551 Washington Street"), or be
    joined to the street's name, perhaps after a space read inside it ("201 9Pine"), or hold a
    dot, a comma or a space OCR read in a gap ("38.44 Washington Street", "88 46 Sunset
    Boulevard"), or a slash, for a digit or a unit's number ("7/52 Lakeview Drive"), or end in a
    parenthesis, a last 0 in small type ("26) High Street"), or in a backslash or a bar, a last 1
    ("777\\ Harbor Way" on a scan), or start with a letter read for its first digit ("S40
    Washington Street"). The street's words are capitalised (Presidio matches
    ignoring case: "184 customers" over "Customer details" over "Street address:" would be a
    street), its type may have a small first letter ("8929 Oak street": OCR reads a small S for
    a capital one); a line break may come before the type ("7079 Birch" over "Terrace,
    Columbus"). OCR may read a name's last letter or two twice, the second time as a word of its
    own ("1265 Lake eview Drive", "1265 Lakevi view Drive"), or split its rest off ("1692 Wa
    shington Street"), or glue a small word of the sentence to the type ("1236 Pine Courtnext
    week").
    """
    number = (
        r"(?<![\d.,])(?<!(?-i:[A-Z]))"
        r"(?:\d{1,3}[.,/]\d{1,3}(?=\s)|\d{1,4} \d{1,3}(?= )|\d{1,3}[)\\|](?= )|\d{1,6}[A-Za-z]?"
        r"|(?-i:[SOIl])\d{1,3}(?=[ \t]))"
    )
    # a name's last letter or two read twice, the second time as the start of a word: "Lake
    # eview", "Lakevi view"
    twice = r"(?:(?-i:([a-z]{1,2})) (?-i:\1[a-z]{2,}))?"
    # ... or its rest split off ("1692 Wa shington Street"): no English word (see
    # _StreetAddress)
    split = r"(?: (?-i:[a-z]{2,}))?"
    pattern = rf"{number}[ \t]+(?:(?-i:[A-Z])[A-Za-z'.-]*{twice}{split}\s+){{1,4}}{_STREET_TYPES}"
    # a long type with two letters misread: "7836 Maple Avemuc" (see _near_long_type)
    misread = rf"{number}[ \t]+(?:(?-i:[A-Z])[A-Za-z'.-]*\s+){{1,3}}(?-i:[A-Z][a-z]{{4,9}})\b"
    # the number joined to the street's name: "6964EIm Road", or its last digit, the space
    # read before it ("201 9Pine Court")
    joined_number = r"(?<![\d.,])(?<!(?-i:[A-Za-z]))(?:\d{1,4} \d|\d{2,6})(?=(?-i:[A-Z][a-zA-Z]))"
    joined = rf"{joined_number}(?:(?-i:[A-Z])[A-Za-z'.-]*\s+){{1,4}}{_STREET_TYPES}"
    # ... and its long type misread too ("6340Sunset Boukvard, Columbus")
    joined_misread = (
        rf"{joined_number}(?:(?-i:[A-Z])[A-Za-z'.-]*\s+){{1,3}}(?-i:[A-Z][a-z]{{4,9}})\b"
    )
    # a street's name with a small first letter, sure from the city, state and ZIP code after
    # it ("3094 washington Street, Raleigh, NC 27601") or from standing alone on its line
    # ("5916 lashington Street" atop a radiograph)
    small_street = rf"{number}[ \t]+(?:(?-i:[a-z])[a-z'.-]*[ \t]+){{1,3}}(?-i:{_STREET_TYPES})"
    small = (
        small_street + r"(?=,\s(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))*,\s(?-i:[A-Z]{2})\s\d{5}\b)"
    )
    small_alone = rf"(?:(?<=\n)|(?<![\s\S])){small_street}(?=[ \t]*(?:\n|(?![\s\S])))"
    # a long type cut short by the end of its line, where a photographed page bends away
    # ("3462 Washington Stre")
    cut = rf"{number}[ \t]+(?:(?-i:[A-Z])[A-Za-z'.-]*\s+){{1,4}}(?-i:{_CUT_TYPES})(?=\n|$)"
    glued = (
        rf"{number}[ \t]+(?:(?-i:[A-Z])[A-Za-z'.-]*\s+){{0,3}}"
        rf"(?-i:[A-Z][a-z]{{2,}}(?:{_GLUED_TYPES}|{_GLUED_TYPES.title()}))\b"
    )
    # the type glued to the small word after it ("1236 Pine Courtnext week"), in small type
    before_word = (
        rf"{number}[ \t]+(?:(?-i:[A-Z])[A-Za-z'.-]*\s+){{1,4}}"
        rf"(?-i:{'|'.join(_STREET_WORDS)})(?=(?-i:{_GLUED_AFTER})\b)"
    )
    return _StreetAddress(
        supported_entity="STREET_ADDRESS",
        name="InkoutStreetAddressRecognizer",
        patterns=[
            Pattern("house number, street, type", pattern, 0.5),
            Pattern("house number, street, type glued to the next word", before_word, 0.5),
            Pattern("house number, street joined to its type", glued, 0.5),
            Pattern("house number joined to the street", joined, 0.5),
            Pattern("house number joined to the street, a long type misread", joined_misread, 0.5),
            Pattern("house number, street, a long type misread", misread, 0.5),
            Pattern("house number, street in small letters, city, state", small, 0.5),
            Pattern("house number, street in small letters, alone on its line", small_alone, 0.5),
            Pattern("house number, street, a long type cut at the line's end", cut, 0.5),
        ],
        context=["address", "street", "addr", "residence", "lives", "ship", "mailing"],
    )


def garbled_street() -> PatternRecognizer:
    """A house number and a street whose type OCR garbled past reading, sure from the city,
    the state and the ZIP code after it: "3955 Sunset Bc vard, Denver, CO 80202" for
    "Boulevard", or "3643 Pine Cour, Portland, OR97205", the space before the ZIP code lost.
    Only the street is the finding: the city and state alone identify no one."""
    return PatternRecognizer(
        supported_entity="STREET_ADDRESS",
        name="InkoutGarbledStreetRecognizer",
        patterns=[
            Pattern(
                "house number, street misread, city, state, ZIP code",
                r"(?<![\d.,])\b\d{1,6}[ \t]+(?-i:[A-Z])[A-Za-z'.-]*(?:[ \t]+[A-Za-z'.-]+){1,3}"
                r"(?=,\s(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))*,\s(?-i:[A-Z]{2})\s?\d{5}\b)",
                0.5,
            )
        ],
    )


def medical_record_number() -> PatternRecognizer:
    """An identifier is a medical record number only after a label such as "MRN"."""
    return PatternRecognizer(
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="InkoutMedicalRecordNumberRecognizer",
        patterns=[
            # a space OCR read beside the hyphen ("A- 158730", "A -971209"), the hyphen as a
            # tilde or an equals sign ("A=129923"), or a tilde read in before it ("A~-467348")
            Pattern("record id", r"\b(?:[A-Z]{1,3}(?: ?[-~=]{1,2} ?)?)?\d{5,10}\b", 0.05),
            # ... or a space read among its digits after its letters ("A-9 19419")
            Pattern(
                "record id, a space in it", r"\b[A-Z]{1,3} ?[-~=]{1,2} ?\d{1,4} \d{3,8}\b", 0.05
            ),
            # ... or among its digits right after "MRN" ("MRN 84271 83", "MRN A-3498 14")
            Pattern(
                "record id right after its label, a space in its digits",
                r"(?:(?<=\bMRN )|(?<=\bMRN: ))(?:[A-Z]{1,3} ?[-~=]{1,2} ?)?\d{4,8} \d{1,3}\b",
                0.05,
            ),
            # a dot OCR read in a gap ("753.4986"); a price has two decimals, not three or more
            Pattern("record id, a dot read in it", r"\b\d{2,6}\.\d{3,6}\b", 0.05),
        ],
        context=[
            *("mrn", "medical", "record", "chart", "patient", "hospital", "accession"),
            *_MRN_SLIPS,
        ],
    )


class _LabelledName(PatternRecognizer):
    """Capitalised words alone on a line, but for a product's name: a capitalised word with
    an acronym of two to four capitals no list has as a name ("Northwind CRM" beside an "Add
    customer" button, "Contoso HR"), where a name in capitals is capitals throughout."""

    def invalidate_result(self, pattern_text: str) -> bool:
        words = re.findall(r"[^\W\d_]+", pattern_text)
        if len(words) == 1 and words[0][1:].islower():  # "Yuikimura": see _glued_small
            return not _glued_small(words[0])
        if all(w.isupper() for w in words):
            return False
        return any(
            w.isupper() and 2 <= len(w) <= 4 and not names.lexicon().is_name(w) for w in words
        )


def labelled_name() -> PatternRecognizer:
    """A line or table cell holding only two to four capitalised words ("Lukas Hoffmann",
    "GIRARD, ANTOINE", "Anderson, Sarah"), alone or after "Label: ", is a name only after a
    label that says so: alone it scores 0.2, too low to report; "Name", "Spouse", "Account
    holder" lift it."""
    # capitalised: Presidio matches patterns ignoring case, which would take any two words;
    # OCR may read a mark between two small letters ("Okon!kwo", "N:avarro" on a radiograph),
    # or a dot between two capitals ("OBI, AD.AEZE" on a photographed form)
    word = r"(?-i:[A-Z](?:[A-Za-z\u00C0-\u024F'\u2019-]|[!:|](?=[a-z])|(?<=[A-Z])\.(?=[A-Z]))+)"
    # ... or after a letter's "Dear", up to its comma; OCR may read a thin last letter as "!"
    # or ")", a last letter's tail or accent as a mark ("Tech: Aditya Jos!" for "Joshi",
    # "Takeshi Ite)" for "Ito", "Diego Navar:" for "Navarro" on a radiograph)
    # OCR may drop the space after a label's colon ("Tech:Nour Qureshi")
    start = r"(?m)(?:^[ \t]*(?!Dear )|(?<=: )|(?<=\w:)|(?<=\bDear ))"
    pattern = rf"{start}{word},?(?:[ \t]+{word}){{1,3}}[,!):\u201D]?[ \t]*$"
    # ... or a given name and a surname OCR glued together ("PawetZieliiski", "BaoVu")
    low = r"[a-z\u00DF-\u00FF\u0100-\u024F'\u2019]"
    glued = rf"(?m)(?:^[ \t]*|(?<=: )|(?<=\w:))(?-i:[A-Z]{low}+[A-Z]{low}+)[ \t]*$"
    # ... the surname's capital perhaps read small ("Yuikimura" under "Sincerely,")
    small = rf"(?m)(?:^[ \t]*|(?<=: )|(?<=\w:))(?-i:[A-Z]{low}{{5,}})[ \t]*$"
    return _LabelledName(
        supported_entity="PERSON",
        name="InkoutLabelledNameRecognizer",
        patterns=[
            Pattern("capitalised words alone on a line", pattern, 0.2),
            Pattern("two capitalised words glued, alone on a line", glued, 0.2),
            Pattern("a given name and a surname glued, alone on a line", small, 0.2),
        ],
        # "customer", "contact" and the like also head the buttons and menus of application
        # screens, so they cost some collateral there; measured on the accuracy corpus, leaving
        # them out leaked more values than it spared words, and a leak is the worse error.
        context=(
            "name patient spouse holder contact customer client employee owner recipient "
            "sender signed physician doctor dr referring referred technician guardian applicant "
            "tenant attn dear insured beneficiary subscriber "
            # who took or read a radiograph, as its burnt-in text names them ("Tech: ")
            "tech technologist radiographer operator radiologist "
            # a letter's closing: the signature's name is the line below it
            "regards sincerely faithfully cordially respectfully"
        ).split(),
    )


# Host names as OCR reads them: a space may follow a dot ("example. com").
_HOST = r"[A-Za-z0-9-]+(?:\. ?[A-Za-z0-9-]+)*\. ?(?-i:[a-z]{2,12})\b"
# After an "@", a comma between a domain's labels is a dot OCR misread: "yahoo,co.uk", and a
# dash a hyphen: "clinic—north.org". Before the last label only with no space and a country
# or generic domain after it ("yahoo.co,uk"), as a sentence's comma never stands.
_MAIL_HOST = (
    r"[A-Za-z0-9\u2013\u2014-]+(?:[.,] ?[A-Za-z0-9\u2013\u2014-]+)*"
    r"(?:\. ?|,(?=(?-i:[a-z]{2}|com|org|net|edu|gov)\b))(?-i:[a-z]{2,12})\b"
)
# A user name as OCR reads it: a "?" for a digit between its letters ("anhbui?3").
_MAIL_USER = r"\b[A-Za-z0-9._%+,-]+(?:\?\d[A-Za-z0-9._%+,-]*)?"


# A scheme and its "://" as OCR reads them: slashes as "l", "I", "|" or a quote, or the colon
# as "i", "y", "_", "1" or a quote before them ("httpsi/", "https1/", "https‘//"), as a dot, a
# comma or a "?" ("https.//") or dropped ("https //") or read as a third slash ("https///"),
# or with a slash as a yen sign ("https¥/"), or read as one slash before a letter
# ("https/portal", never "HTTP/1.1"); a space inside "http".
_SCHEME = (
    r"\b(?:h ?t ?t ?p ?s?|ftp)"
    r"(?: ?: ?[/lI|\u2018\u2019']{1,2}|[iy_1\u2018\u2019]/{1,2}| //|[.,;?]//|///| ?\u00a5/{1,2}"
    r"|/(?=[A-Za-z])) ?"
)


def ocr_tolerant_web() -> list[PatternRecognizer]:
    """URLs and e-mail addresses as OCR misreads them: a space after "@" or a dot, a comma
    for a dot in the user name or between the domain's labels, a space before its last
    character ("linhle5 o@": a user name of one character is all but unknown), "http:/" or
    "https: //" for "http://", "www -" for "www.", spaces for the dots of a host when a path
    follows ("https: /drive example comifile/a/77").
    Presidio's own recognizers find the well-read ones (and validate their top-level domain);
    these find the rest, at LIKELY.
    A URL with a scheme needs no public top-level domain: intranet hosts ("wiki.corp.local")
    are as sensitive as any; nor does one without, under a private top-level domain."""
    url = PatternRecognizer(
        supported_entity="URL",
        name="InkoutOcrUrlRecognizer",
        patterns=[
            Pattern(
                "scheme, then a host, as read",
                _SCHEME + _HOST + r"(?::\d+)?(?:/[^\s]*)?",
                0.6,
            ),
            Pattern(
                "scheme, then a host read with spaces for its dots, then a path",
                _SCHEME + r"[A-Za-z0-9-]+(?: [A-Za-z0-9-]+){1,3}/[^\s]*",
                0.6,
            ),
            # "://" is a scheme's alone, whatever OCR made of the letters before it ("ath
            # tip://intranet fabrikam. local/users/kumar" for "at http://...")
            Pattern(
                "a scheme misread, then a host read with spaces, then a path",
                r"\b[A-Za-z]{2,5}:// ?[A-Za-z0-9-]+(?:(?:\. ?| )[A-Za-z0-9-]+){1,4}"
                r"/(?:[\w./?=&%#+-]*[\w/=&%#+-])?",
                0.6,
            ),
            # ... and so, with their scheme lost or read apart, are hosts under a private
            # top-level domain, which no public list holds ("intranet.fabrikam.local/users")
            Pattern(
                "a host under a private top-level domain",
                r"\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?-i:local|internal|corp|lan|intranet)\b"
                r"(?![.@-])(?::\d+)?(?:/[^\s]*)?",
                0.6,
            ),
            Pattern(
                "www, then a host, as read, a slash after it perhaps read as a parenthesis",
                r"\bwww ?[.,-] ?" + _HOST + r"(?:(?:/|\)(?=\w))[^\s]*)?",
                0.6,
            ),
        ],
    )
    email = _OcrEmail(
        supported_entity="EMAIL_ADDRESS",
        name="InkoutOcrEmailRecognizer",
        patterns=[
            Pattern(
                "address with a space after @ or a dot, a comma for a dot, or a semicolon,"
                " colon, backslash or bar for the j, i or l before the @",
                _MAIL_USER + r"[;:\\|]? ?@ ?" + _MAIL_HOST,
                0.6,
            ),
            Pattern(
                "address with the last dot of its domain dropped",
                r"\b[A-Za-z0-9._%+-]{2,}@[A-Za-z0-9-]{3,}(?-i:com|org|net|fr|de|uk|nl|es|it)\b",
                0.6,
            ),
            # ... or misread with it ("ryan.c@orangesr" for "orange.fr"): a user name with a
            # dot inside, as people's are and a masked one's bullets ("meee@") are not
            Pattern(
                "address with its domain's last dot lost, a user name with a dot",
                r"\b[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+@(?-i:[a-z]{5,})\b(?![.@-])",
                0.4,
            ),
            Pattern(
                "address with a space before the last letter of the user name",
                r"\b[A-Za-z0-9._%+-]{2,} [A-Za-z0-9]@ ?" + _HOST,
                0.6,
            ),
            # a colon for the dot between a user name's words ("takeshi:yamamoto@orange.fr"),
            # where no label stands glued before an address ("email:jo@x.org", see below)
            Pattern(
                "address with a colon for a dot in the user name",
                r"\b(?-i:[a-z]{2,}):[A-Za-z0-9._%+-]+@" + _HOST,
                0.6,
            ),
        ],
    )
    return [url, email]


class _OcrEmail(PatternRecognizer):
    """Addresses as OCR misreads them (see ocr_tolerant_web); a user name's colon is a dot
    only when the word before it is no English word, as labels are ("email:", "login:")."""

    def validate_result(self, pattern_text: str) -> bool | None:
        local = pattern_text.split("@", 1)[0]
        word = local.split(":", 1)[0]
        if ":" in local and (word in _MAIL_LABELS or names.lexicon().is_english(word)):
            return False
        return None


# What a form writes before an address, glued to it when OCR drops the space ("email:jo@...").
_MAIL_LABELS = frozenset("email mail login user username contact from to cc bcc reply".split())


# A piece of an address or URL that OCR split off with a space: only the characters those
# are written with, and inside it marks OCR reads for a slash, a colon or a "t"
# (".../users)szabo", "https‘//drive", "patients'1739", "neVaccoun¥/torres" for
# ".net/account/torres"), and "é" for a digit as in a user name ("d62d7cea6é").
_WEB_PIECE = re.compile(
    r"[A-Za-z0-9._~:/?#=&%+@\u00e9-]+(?:[)\u00a5\u2018\u2019'][A-Za-z0-9._~:/?#=&%+@\u00e9-]+)*"
)
_USER_PIECE = re.compile(r"[A-Za-z0-9._%+\u00e9-]+")  # "é": a 6 misread ("schneideré")
# ... and of a domain, with a quote mark OCR read from a speck inside ("clinic-\u2018north.org")
_DOMAIN_PIECE = re.compile(r"[A-Za-z0-9.-]+(?:[\u2018\u2019'][A-Za-z0-9.-]+)*")
_DOMAIN_MARKS = str.maketrans("", "", "\u2018\u2019'")
# Where a URL starts inside a token ("athttp://", "httpy/intranet", "www"): a scheme and its
# colon or slash as OCR reads them (but a version: "HTTP/1.1"), or "www" not followed by more
# letters of a word.
_URL_START = re.compile(
    r"(?i)(?:https?|h[a-z]tps?|ht[a-z]ps?|h[a-z]ps?|nttps?|ftp)"
    r"(?= ?[:;\u00a5]|[y?_1\u2018\u2019]?/(?![\d.]))|www(?![a-z])"
)
# A URL as written, its scheme's colon dropped ("https//") or one letter of "http" misread
# ("hutps://", "nttps://"), or its "tt" read as one letter ("hups//"), or its colon read as
# a slash ("https///") or a "?" ("hutps?//"): the slashes leave no doubt.
_WRITTEN_URL = re.compile(
    r"(?i)(?:https?|h[a-z]tps?|ht[a-z]ps?|h[a-z]ps?|nttps?|ftp)"
    r"(?:://|///?|[?\u2018\u2019]//| ?\u00a5//?)[^/]"
)
_TRAILING = ".,;:!?)]>\"'"
_TOKEN = re.compile(r"\S+")
# Lower-case words that come before an address in a sentence, and are no part of it,
# besides spaCy's stop words ("at", "to", "me").
_BEFORE_ADDRESS = frozenset(
    "new email mail contact write reach send cc bcc address use try".split()
)


class SplitWebRecognizer(EntityRecognizer):
    """E-mail addresses and URLs that OCR split with spaces, joined across them.

    With narrow spaces (or wide letter gaps) OCR splits one address into words: "valent
    inarodriguez71@clinic-north.org", "ines. fournier@web.de", "anhdo50@mail.example org",
    "http://intranet fabrikam local/users/szymanska". Presidio's patterns then find a part
    or nothing, and the rest stays readable. From each "@" or scheme, neighbouring words on
    the same line (one space apart) are joined while they are made of address characters and
    the join is needed: a user name's word that ends or starts with a separator, or that is
    no English word ("contact jo@x.io" keeps "contact"); domain words until the domain has a
    public suffix; URL words with a dot, a slash or a query character, or a plain word
    between the host and such a word. A URL written with "://" is one even when its host
    is misread ("exampleneVaccount"). LIKELY: the anchor and the pieces agree.
    """

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["EMAIL_ADDRESS", "URL"], name="InkoutSplitWebRecognizer"
        )

    def load(self) -> None:
        names.lexicon()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list:
        tokens = [m.span() for m in _TOKEN.finditer(text)]
        found: list[RecognizerResult] = []
        for i, (start, end) in enumerate(tokens):
            token = text[start:end]
            if "EMAIL_ADDRESS" in entities and "@" in token:
                span = _split_email(text, tokens, i)
                if span:
                    found.append(self._result("EMAIL_ADDRESS", *span))
            if "URL" in entities and (m := _URL_START.search(token)):
                span = _split_url(text, tokens, i, start + m.start())
                if span:
                    found.append(self._result("URL", *span))
            elif "URL" in entities and "//" in token and _joined(text, tokens, i - 1, i):
                # a space OCR read inside the scheme ("htt ps://..."): the rest is read on
                # from this token, and the URL starts with the scheme's first letters
                head = text[tokens[i - 1][0] : tokens[i - 1][1]]
                if len(head) <= 4 and _URL_START.match(head + token):
                    span = _split_url(text, tokens, i, start)
                    if span:
                        found.append(self._result("URL", tokens[i - 1][0], span[1]))
        return found

    def _result(self, entity: str, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(
            entity, start, end, self.SCORE, recognition_metadata=_metadata(self)
        )


def _metadata(recognizer: EntityRecognizer) -> dict:
    """What Presidio's own recognizers put in a result: the recognizer's name and id."""
    return {
        RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
    }


def _joined(text: str, tokens: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether tokens i and j (adjacent) are one space apart on one line."""
    if not 0 <= j < len(tokens):
        return False
    a, b = sorted((i, j))
    return text[tokens[a][1] : tokens[b][0]] == " "


def _is_domain(domain: str) -> bool:
    """A host name with a public suffix: "orange.fr", not "orange" (itself a suffix)."""
    import tldextract

    return "." in domain.strip(".") and bool(tldextract.extract(domain.strip(".")).suffix)


_COMMON_SUFFIX = re.compile(r"[a-z]{2}|com|org|net|edu|gov")


def _read_symbol(c: str) -> bool:
    """A sign no address holds that OCR reads for part of a letter: a non-ASCII symbol."""
    return ord(c) > 127 and unicodedata.category(c).startswith("S")


def _split_email(text: str, tokens: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    start, end = tokens[i]
    token = text[start:end]
    at = token.index("@")
    user = token[:at].lstrip("(<[\"'")
    while user[:1] and _read_symbol(user[0]):
        user = user[1:]  # a letter's piece read as a sign ("fournier. ™M@" for "fournier.m@")
    start += at - len(user)
    if not (user == "" or _USER_PIECE.fullmatch(user)):
        return None
    joins = 0
    k = i
    while joins < 2 and _joined(text, tokens, k, k - 1):
        before = text[tokens[k - 1][0] : tokens[k - 1][1]]
        if not _USER_PIECE.fullmatch(before.removesuffix(",")):
            break
        # ... or a comma read for its dot ("sneha, joshi@web.de"), after no word
        comma = (
            before.endswith(",")
            and before[:-1].islower()
            and not names.lexicon().is_english(before[:-1])
        )
        glued = before[-1] in "._-" or comma or (user[:1] in ("", ".", "_", "-"))
        cut = (
            len(user) == 1  # a user name of one character is all but unknown
            or (
                before.islower()
                and before.isalnum()
                and before not in _BEFORE_ADDRESS
                and before not in STOP_WORDS
            )
        ) and any(c.isalpha() for c in before)
        if not (glued or cut):
            break
        k -= 1
        joins += 1
        start, user = tokens[k][0], before + user
    if not user.strip("._-"):
        return None
    domain = token[at + 1 :].rstrip(_TRAILING)
    end = tokens[i][0] + at + 1 + len(domain)
    if domain and not _DOMAIN_PIECE.fullmatch(domain):
        return None
    k = i
    # Words joined only by dots put in between end in a common suffix ("orange fr"), not
    # in any word a sentence goes on with ("@home now": ".now" is a suffix too)
    read_dot = "." in domain
    hops = 0  # the domain's own joins: a user name in three pieces, "yahoo. co.uk" in two
    while (
        not _is_domain(domain.translate(_DOMAIN_MARKS))
        and hops < 3
        and _joined(text, tokens, k, k + 1)
    ):
        after = text[tokens[k + 1][0] : tokens[k + 1][1]].rstrip(_TRAILING)
        if not after or not _DOMAIN_PIECE.fullmatch(after):
            break
        k += 1
        hops += 1
        read_dot = read_dot or "." in after
        domain = domain + ("" if domain.endswith(".") or after.startswith(".") else ".") + after
        end = tokens[k][0] + len(after)
    # Joined at spaces alone, a domain may have one label more that the spaces hid: "oran ge
    # fr" is "orange.fr", though "oran.ge" is a domain already
    if hops and not read_dot and hops < 3 and _joined(text, tokens, k, k + 1):
        after = text[tokens[k + 1][0] : tokens[k + 1][1]].rstrip(_TRAILING)
        if _COMMON_SUFFIX.fullmatch(after) and after not in STOP_WORDS:
            k += 1
            domain, end = f"{domain}.{after}", tokens[k][0] + len(after)
    bare = domain.translate(_DOMAIN_MARKS)
    if not _is_domain(bare) or not (read_dot or _COMMON_SUFFIX.fullmatch(bare.rsplit(".", 1)[-1])):
        return None  # joined or not: Presidio's own pattern misses "x@yahoo..co.uk"
    return start, end


def _urlish(piece: str) -> bool:
    return bool(_WEB_PIECE.fullmatch(piece)) and any(c in piece for c in "./?=&#")


# Letters and digits, one digit at least: a hash, a number, part of either ("Sf2", a 5 read
# as "S").
_ID_PIECE = re.compile(r"[0-9a-zA-Z]*[0-9][0-9a-zA-Z]*")
_LAST_PART = re.compile(r"[/=?&)]")  # what ends a path's or a query's last part
_PATH_START = re.compile(r"[/?)]")
_QUERY_NUMBER = re.compile(r"[?&][\w-]+=\d+$")
# The rest of a hash: six or more lower-case hex digits, letters and digits both.
_HASH_PIECE = re.compile(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6,}")
# ... or its first four or more, a digit perhaps read as a letter ("fSel" for "f5e1")
_HASH_START = re.compile(r"(?=[0-9a-fOISl]*[a-f])(?=[0-9a-fOISl]*[\dOISl])[0-9a-fOISl]{4,}")
# ... and what may stand before such a rest: two characters, or a few hex digits
_HASH_HEAD = re.compile(r".{,2}|[0-9a-f]{3,8}")
_HASH_REST = re.compile(r"(?=.*[0-9OIl])[0-9a-fOIl]{2,}")
# ... and a bit of one, a digit in it, read apart from the rest
_HASH_BIT = re.compile(r"(?=.*\d)[0-9a-f]{1,3}")
_SLASH_READ = re.compile(r"[VIl|][a-z]{2,}")  # a slash read as a letter, glued to a word


def _host(text: str, start: int, k: int, tokens: list[tuple[int, int]]) -> str:
    """What is joined so far of a URL from start to token k, without its scheme."""
    return text[start : tokens[k][1]].split("//", 1)[-1]


def _hash_bit(text: str, tokens: list[tuple[int, int]], k: int, start: int) -> bool:
    """Whether token k + 1 is a bit of the hash that a URL joined up to token k ends in: a hex
    letter and a digit ("c8"), or digits another bit follows ("1" in "ea968c8 1 c8"). Digits
    alone are a count after a whole hash as often ("8ad1429eed 2 times")."""
    joined = text[start : tokens[k][1]].replace(" ", "")
    if _HASH_START.fullmatch(_LAST_PART.split(joined)[-1]) is None:
        return False
    piece = text[tokens[k + 1][0] : tokens[k + 1][1]].rstrip(_TRAILING)
    if _HASH_BIT.fullmatch(piece) is None:
        return False
    if not piece.isdigit():
        return True
    if not _joined(text, tokens, k + 1, k + 2):
        return False
    after = text[tokens[k + 2][0] : tokens[k + 2][1]].rstrip(_TRAILING)
    return _HASH_BIT.fullmatch(after) is not None and not after.isdigit()


def _host_goes_on(text: str, tokens: list[tuple[int, int]], k: int, start: int) -> bool:
    """Whether a URL written with "//" whose host is unfinished at the end of its line
    ("https://dr") goes on at the start of the next, where the host has its dot ("rive.exampl
    .com/file/..."): tesseract broke one line in two."""
    if k + 1 >= len(tokens) or text[tokens[k][1] : tokens[k + 1][0]] != "\n":
        return False
    after = text[tokens[k + 1][0] : tokens[k + 1][1]].rstrip(_TRAILING)
    return (
        "//" in text[start : tokens[k][1]]
        and _host(text, start, k, tokens).isalnum()
        and after[:1].isalnum()
        and "." in after
        and _WEB_PIECE.fullmatch(after) is not None
    )


def _split_url(
    text: str, tokens: list[tuple[int, int]], i: int, start: int
) -> tuple[int, int] | None:
    token = text[start : tokens[i][1]].rstrip(_TRAILING)
    if not _WEB_PIECE.fullmatch(token):
        # marks OCR read from a scan's noise right after it ("hutps://drive.example.com/fle/
        # d/236fbe1705.tCt=<CS*~"): a URL written with "//" ends where they begin
        m = _WEB_PIECE.match(token)
        piece = token[: m.end()].rstrip(_TRAILING) if m else ""
        if _WRITTEN_URL.match(piece) and "." in piece.split("//", 1)[1]:
            return start, start + len(piece)
        return None
    end = start + len(token)
    joins = 0
    k = i
    while joins < 5 and (_joined(text, tokens, k, k + 1) or _host_goes_on(text, tokens, k, start)):
        after = text[tokens[k + 1][0] : tokens[k + 1][1]]
        host = _host(text, start, k, tokens)
        if after == "." and "/" not in host and not _is_domain(host):
            # a dot of an unfinished host read apart: "intranet . fabrikam.local/..."
            nxt = text[tokens[k + 2][0] : tokens[k + 2][1]] if k + 2 < len(tokens) else ""
            nxt = nxt.rstrip(_TRAILING)
            if (
                _joined(text, tokens, k + 1, k + 2)
                and nxt[:1].islower()
                and _WEB_PIECE.fullmatch(nxt)
            ):
                k += 2
                joins += 1
                end = tokens[k][0] + len(nxt)
                continue
        piece = after.rstrip(_TRAILING)
        if not piece or not _WEB_PIECE.fullmatch(piece):
            break
        previous = text[tokens[k][0] : tokens[k][1]]
        # a path or a query has begun (its slash perhaps read as a parenthesis)
        path = _PATH_START.search(text[start : tokens[k][1]].split("//", 1)[-1]) is not None
        continues = (
            # a capital is a sentence's next word, unless a path follows it while the host
            # is not finished ("intranet.brightbank Jocal/users/hamdan")
            (_urlish(piece) and (not piece[0].isupper() or (not path and "/" in piece)))
            or piece[0] in "./"
            or (previous[-1] in "./:=?&" and (piece[0].islower() or piece[0].isdigit()))
            # the last digits of a path or a query at the end of its line: ".../patients/81
            # 900", "?id=25 709", or of an identifier in it: ".../file/d/3de7 70743c"
            or (
                _ID_PIECE.fullmatch(piece) is not None
                and path
                and _ID_PIECE.fullmatch(_LAST_PART.split(previous)[-1]) is not None
                and text[tokens[k + 1][1] : tokens[k + 1][1] + 1] in ("", "\n")
            )
            # or of a query's number anywhere: "?id=7 1270 for reference"
            or (piece.isdigit() and _QUERY_NUMBER.search(previous) is not None)
            # or of a hash or a number anywhere, split after its first characters: ".../d/7
            # 7dc5e766f at any time", ".../patients/22 187 for", ".../d/961 e393e36 at"
            or (
                path
                and _HASH_HEAD.fullmatch(_LAST_PART.split(previous)[-1]) is not None
                and _HASH_PIECE.fullmatch(piece) is not None
            )
            # ... or after most of it, the rest with a digit read as a letter ("9ad947 acOf")
            or (
                path
                and _HASH_START.fullmatch(_LAST_PART.split(previous)[-1]) is not None
                and _HASH_REST.fullmatch(piece) is not None
            )
            or (
                path
                and piece.isdigit()
                and len(piece) >= 2
                and _LAST_PART.split(previous)[-1].isdigit()
            )
            # ... or in several pieces, some of a character or two: ".../d/ea968c8 1 c8 fill"
            or (path and _hash_bit(text, tokens, k, start))
            # a slash of the path read as a comma: ".../users, menon for reference"
            or (
                path
                and previous.endswith(",")
                and piece.isalnum()
                and piece.islower()
                and not names.lexicon().is_english(piece)
            )
            # ... or as a capital before the path's last part, at the line's end: ".../accoun
            # Vkimura" for ".../account/kimura"
            or (
                path
                and _SLASH_READ.fullmatch(piece) is not None
                and text[tokens[k + 1][1] : tokens[k + 1][1] + 1] in ("", "\n")
                and not names.lexicon().is_english(piece)
            )
            # a host word between two others: "intranet tailspin local/users/do"
            or (
                piece.islower()
                and _joined(text, tokens, k + 1, k + 2)
                and _urlish(text[tokens[k + 2][0] : tokens[k + 2][1]].rstrip(_TRAILING))
            )
        )
        if not continues:
            break
        k += 1
        joins += 1
        end = tokens[k][0] + len(piece)
    written = _WRITTEN_URL.match(token) is not None
    if joins == 0 and not written:
        return None
    if end - start < 8:
        return None
    return start, end


def _after_label(*labels: str) -> str:
    """A lookbehind: right after one of the labels and a space, a colon or a line break (a
    value read below its label comes after it on a line of its own)."""
    seps = (" ", ": ", ":", "\n", ":\n", "# ")
    alternatives = (f"(?<=\\b{re.escape(label)}{sep})" for label in labels for sep in seps)
    # Every separator ends in one of these: checked first, it spares most positions of the
    # text the alternatives, which are tried one by one (two thirds of a labelled phone
    # recognizer's time on a screenshot).
    return "(?<=[ :\n])(?:" + "|".join(alternatives) + ")"


def _iban_groups(separator: str = " ", misread: str = "") -> str:
    """An IBAN after its country code and check digits: groups of four, as printed, and the
    rest, each after an optional separator; misread: marks OCR may read for a character."""
    char = f"[A-Z0-9{re.escape(misread)}]"
    return rf"(?:{separator}?{char}{{4}}){{2,7}}(?:{separator}?{char}{{1,3}})?"


_IBAN_GROUPS = _iban_groups()

_PHONE_LABELS = (
    *("Phone", "phone", "Telephone", "Tel", "Tel.", "Mobile", "Mob", "Cell", "Fax"),
    *("PHONE", "TEL", "MOBILE"),
    *("Jel", "Tek"),  # "Tel" as OCR misreads it at a radiograph's edge
)
# Digits as OCR reads them beside a label: "+" as "4" ("433 1 44 28 26 42", "41-720 ...") or
# as "$" ("$49 30 1368919"), a digit as a letter ("(G12) 597-8395"), spaces dropped
# ("449307141066", "433143 44 27 54"), "$" for a 5 or an 8.
_DIGIT = r"[\dOolISGBZ$]"
_PHONE_SHAPE = (
    rf"(?:(?:[+$] ?)?\(?{_DIGIT}{{1,6}}\)?(?:[ .\-]{{1,2}}\(?{_DIGIT}{{1,8}}\)?){{1,6}}(?![\w-])"
    r"|(?:[+$] ?)?\d{7,15}\b)"
)


class _LabelledPhone(PatternRecognizer):
    """A phone number's shape right after its label: seven to fifteen digits, at most two of
    them read as letters."""

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = sum(c.isdigit() for c in pattern_text)
        letters = sum(c.isalpha() for c in pattern_text)
        if 7 <= digits + letters <= 15 and letters <= 2 and digits >= 6:
            return None  # keep the pattern's score: True would make it VERY_LIKELY
        return False


_IP_LABELS = ("IP", "IP address", "login from", "Login from")


def labelled_values() -> list[PatternRecognizer]:
    """Values right after the label that names them, in their type's shape, though OCR broke
    what identifies them elsewhere: one misread digit fails an IBAN's mod-97 check ("2311"
    for "3311"), a dropped digit an SSN's 3-2-4 groups ("72-06-1086"), a misread octet an
    IP address ("142.130.860.172"), a "+" read as "4" a phone number ("433 1 44 28 26 42").
    LIKELY, as label and shape agree; without the label these shapes are not reported (but an
    IBAN in its country's exact layout is, at POSSIBLE: see misread_iban_digit)."""
    return [
        PatternRecognizer(
            supported_entity="IBAN_CODE",
            name="InkoutLabelledIbanRecognizer",
            patterns=[
                Pattern(
                    "IBAN shape after its label",
                    _after_label("IBAN") + r"[A-Z]{2}\d{2}" + _IBAN_GROUPS + r"\b",
                    0.6,
                )
            ],
        ),
        PatternRecognizer(
            supported_entity="US_SSN",
            name="InkoutLabelledSsnRecognizer",
            patterns=[
                Pattern(
                    "SSN groups, one digit short or not, after the label",
                    _after_label(*_SSN_LABELS) + r"\d{2,3}[- ]?\d{1,2}[- ]?\d{3,4}\b",
                    0.6,
                )
            ],
        ),
        _LetterInSsn(
            supported_entity="US_SSN",
            name="InkoutLabelledSsnLetterRecognizer",
            patterns=[
                Pattern(
                    "SSN groups with a letter or mark read in or for a digit, after the label",
                    _after_label(*_SSN_LABELS)
                    + r"[\dA-Za-z:.,']{3,4}[- ][\dA-Za-z:.,']{2,3}[- ][\dA-Za-z:.,']{4,5}\b",
                    0.6,
                )
            ],
        ),
        _LabelledPhone(
            supported_entity="PHONE_NUMBER",
            name="InkoutLabelledPhoneRecognizer",
            patterns=[
                Pattern(
                    "phone shape after its label",
                    _after_label(*_PHONE_LABELS) + _PHONE_SHAPE,
                    0.6,
                )
            ],
        ),
        PatternRecognizer(
            supported_entity="IP_ADDRESS",
            name="InkoutLabelledIpRecognizer",
            patterns=[
                Pattern(
                    "four dotted numbers after the label",
                    _after_label(*_IP_LABELS) + r"\d{1,3}(?:\.\d{1,3}){3}\b",
                    0.6,
                ),
                # ... or three and a dot, the last number unread ("172.23.167." for
                # "172.23.167.4" in small type): the box then grows over its ink
                Pattern(
                    "three dotted numbers and a dot after the label",
                    _after_label(*_IP_LABELS) + r"\d{1,3}(?:\.\d{1,3}){2}\.(?!\S)",
                    0.6,
                ),
            ],
        ),
        _DotsLostIp(
            supported_entity="IP_ADDRESS",
            name="InkoutLabelledIpDotsLostRecognizer",
            patterns=[
                Pattern(
                    "seven to twelve digits, its dots lost, after the label",
                    _after_label(*_IP_LABELS) + r"\d{7,12}(?![\w.,-])",
                    0.6,
                )
            ],
        ),
        _DigitReadIntoIp(
            supported_entity="IP_ADDRESS",
            name="InkoutLabelledIpDigitReadInRecognizer",
            patterns=[
                Pattern(
                    "four dotted numbers, one of four digits, after the label",
                    _after_label(*_IP_LABELS) + r"\d{1,4}(?:\.\d{1,4}){3}\b",
                    0.6,
                )
            ],
        ),
    ]


_SSN_LABELS = ("SSN", "Social Security No", "Social Security Number")
_SSN_GROUPS = (3, 2, 4)


class _LetterInSsn(PatternRecognizer):
    """An SSN after its label with one letter or mark OCR read into a group or for one of its
    digits ("730-9S5-1784", "730-9S-1784", "54:4-38-4330"): its 3-2-4 groups once the letter
    is left out, or with the letter standing for a digit."""

    def validate_result(self, pattern_text: str) -> bool | None:
        groups = re.split(r"[- ]", pattern_text)
        marked = [k for k, g in enumerate(groups) if not g.isdigit()]
        if len(groups) != 3 or len(marked) != 1:
            return False
        k = marked[0]
        if sum(not c.isdigit() for c in groups[k]) != 1:
            return False
        sizes = [len(g) for g in groups]
        if sizes[k] == _SSN_GROUPS[k] + 1:
            sizes[k] -= 1  # the letter read in, not for a digit
        return None if tuple(sizes) == _SSN_GROUPS else False


class _DigitReadIntoIp(PatternRecognizer):
    """An IPv4 address after its label with a digit OCR read into one number ("1472.24.108.242"
    for "172.24.108.242"): one number of four digits, which without one of them is an octet."""

    def validate_result(self, pattern_text: str) -> bool | None:
        numbers = pattern_text.split(".")
        long = [n for n in numbers if len(n) == 4]
        if len(long) != 1:
            return False
        return None if any(_octet(long[0][:k] + long[0][k + 1 :]) for k in range(4)) else False


class _DotsLostIp(PatternRecognizer):
    """An IPv4 address after its label with every dot lost in small type ("172242147" under
    "Last login from" for "172.24.2.147"): digits that split into four octets."""

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if _splits_into(pattern_text, 4) else False


def _splits_into(digits: str, octets: int) -> bool:
    """Whether digits read as that many octets, one after another."""
    if octets == 1:
        return _octet(digits)
    return any(
        _octet(digits[:k]) and _splits_into(digits[k:], octets - 1)
        for k in range(1, min(3, len(digits) - 1) + 1)
    )


_CALL_BEFORE = re.compile(
    r"(?i)\b(?:call|dial|ring|text)(?: (?:us|me|them|him|her))?(?: at| on)?\s*$"
)


class _PlusReadAsFour(PatternRecognizer):
    """An international number whose "+" OCR read as "4", "#" or "$" ("433 1 44 28 26 42" for
    "+33 1 44 28 26 42", "#33 1 45 577790", two groups glued), in a sentence: valid once the
    "+" is put back, and reported only with a word about calling before it (its score alone is
    below DLP's default minimum)."""

    # ... or right after "call us at": "call" is one of spaCy's stop words, which Presidio's
    # context search skips
    SCORE_AFTER_CALL = 0.55

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            if _CALL_BEFORE.search(text, max(0, r.start - 30), r.start):
                r.score = max(r.score, self.SCORE_AFTER_CALL)
        return results

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if _valid_international("+" + pattern_text[1:]) else False


def _valid_international(text: str) -> bool:
    """Whether text, written with its "+" and country code, is a valid phone number."""
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def plus_read_as_four() -> PatternRecognizer:
    return _PlusReadAsFour(
        supported_entity="PHONE_NUMBER",
        name="InkoutPlusReadAsFourRecognizer",
        patterns=[
            Pattern("4 for +, then groups", r"(?<![\w+.#$-])[4#$]\d{1,3}(?: \d{1,6}){2,5}\b", 0.2)
        ],
        context=["phone", "telephone", "tel", "reach", "contact", "mobile", "cell", "fax", "ring"],
    )


class _GluedPhone(PatternRecognizer):
    """A phone number OCR glued to the short word before it ("textme at818.554.6820 when you
    land"): libphonenumber takes no number right after a letter. Only after a word of at
    most four small letters ("at", "on", "call"), and valid as written in one of the phone
    recognizer's regions, or internationally with its "+"."""

    REGIONS = presidio_predefined.PhoneRecognizer.DEFAULT_SUPPORTED_REGIONS
    _WORD_BEFORE = re.compile(r"(?:^|\s)[a-z]{1,4}$")

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if self._WORD_BEFORE.search(text, max(0, r.start - 5), r.start)]

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text.startswith("+"):
            return None if _valid_international(pattern_text) else False
        for region in self.REGIONS:
            try:
                number = phonenumbers.parse(pattern_text, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return None
        return False


def glued_phone() -> PatternRecognizer:
    return _GluedPhone(
        supported_entity="PHONE_NUMBER",
        name="InkoutGluedPhoneRecognizer",
        patterns=[
            Pattern(
                "a number's groups right after a small letter",
                r"(?<=[a-z])(?:\+\d{1,3}[ .\-]?)?\(?\d{2,4}\)?[ .\-]\d{3,4}[ .\-]\d{3,4}(?![\w-])",
                0.4,
            )
        ],
    )


class _MarkedCountryCode(PatternRecognizer):
    """An international number with a mark OCR read after its country code ("+1: 212
    403.3867" in a scan), its "+" read as a pound sign ("£33 1 40 70 35 49" on a
    radiograph), or a comma read for a space between two groups ("+33 1 45 75 39,23"): valid
    once the mark is taken out, the plus put back or the space."""

    def validate_result(self, pattern_text: str) -> bool | None:
        plus = "+" + pattern_text[1:] if pattern_text.startswith("£") else pattern_text
        fixed = re.sub(r"^(\+\d{1,3})[:;.,]", r"\1", plus)
        fixed = re.sub(r"(?<=\d),(?=\d)", " ", fixed)
        return None if _valid_international(fixed) else False


def marked_country_code() -> PatternRecognizer:
    return _MarkedCountryCode(
        supported_entity="PHONE_NUMBER",
        name="InkoutMarkedCountryCodeRecognizer",
        patterns=[
            Pattern(
                "+, a country code and a mark, then groups",
                r"(?<![\w+])\+\d{1,3}[:;.,] \(?\d[\d ().-]{5,16}\d\b",
                0.4,
            ),
            Pattern(
                "a pound sign for the +, a country code, then groups",
                r"(?<![\w+£])£\d{1,3} \(?\d[\d ().-]{5,16}\d\b",
                0.4,
            ),
            Pattern(
                "+, a country code, then groups, a comma for a space between two",
                r"(?<![\w+])\+\d{1,3}(?: \d{1,4})+,\d{1,4}(?: \d{1,4})*\b",
                0.4,
            ),
        ],
        context=["phone", "telephone", "tel", "mobile", "cell", "fax"],
    )


class _SplitCard(CreditCardRecognizer):
    """Card numbers whose groups OCR split or joined ("2411-732 1-021 4-1014", "3701-789947-1
    4505"): 13 to 19 digits with a space or hyphen anywhere between them. Luhn decides, as
    for Presidio's own patterns. A digit read twice where OCR split a group ("4292-9236-522
    11-7656" for "...-5221-7656") is left out once, and then Luhn must pass: POSSIBLE, as one
    number in ten passes it."""

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = "".join(c for c in pattern_text if c.isdigit())
        if 13 <= len(digits) <= 19 and super().validate_result(pattern_text):
            return True
        # four groups of four once the two pieces of the split group are one, less a digit
        groups = re.findall(r"\d+", pattern_text)
        luhn = super().validate_result
        for k in range(len(groups) - 1):
            joined = groups[k] + groups[k + 1]
            rest = groups[:k] + groups[k + 2 :]
            if len(joined) != 5 or len(rest) != 3 or any(len(g) != 4 for g in rest):
                continue
            at = len(groups[k])  # the pair either side of the split, or right after or before it
            for i in {at - 1, at, at - 2} & set(range(4)):
                if joined[i] == joined[i + 1]:
                    fixed = "".join(groups[:k]) + joined[:i] + joined[i + 1 :]
                    if luhn(fixed + "".join(groups[k + 2 :])):
                        return None
        return False


def split_card() -> CreditCardRecognizer:
    return _SplitCard(
        patterns=[
            Pattern("digits split anywhere (weak)", r"\b\d{1,6}(?:(?: ?- ?| )\d{1,6}){2,7}\b", 0.3)
        ],
        name="InkoutSplitCardRecognizer",
    )


class _DoubledCard(CreditCardRecognizer):
    """Card numbers in four groups of four with one digit read twice, its group five long
    ("4076 7707 7687 87111" for "... 8711"): with one of the two left out, Luhn must pass.
    POSSIBLE, as one number in ten passes Luhn."""

    def validate_result(self, pattern_text: str) -> bool | None:
        groups = re.findall(r"\d+", pattern_text)
        if sorted(map(len, groups)) != [4, 4, 4, 5]:
            return False
        long = next(g for g in groups if len(g) == 5)
        at = pattern_text.index(long)
        # only in the group too long, where the digit was read twice
        shorter = {long[:k] + long[k + 1 :] for k in range(1, 5) if long[k] == long[k - 1]}
        readings = [
            re.sub(r"\D", "", pattern_text[:at] + g + pattern_text[at + 5 :]) for g in shorter
        ]
        luhn = super().validate_result
        return None if any(luhn(r) for r in readings) else False


def doubled_card() -> CreditCardRecognizer:
    return _DoubledCard(
        patterns=[
            Pattern(
                "four groups, one digit read twice (weak)", r"\b\d{4,5}(?:[ -]\d{4,5}){3}\b", 0.3
            )
        ],
        name="InkoutDoubledCardRecognizer",
    )


class _LetterInCard(CreditCardRecognizer):
    """Card numbers in four groups of four with one or two digits read as letters
    ("4167-801S-8884-6909") or a "5" as "$": put back, Luhn must pass. POSSIBLE, as one
    number in ten passes Luhn."""

    def validate_result(self, pattern_text: str) -> bool | None:
        letters = sum(c.isalpha() or c == "$" for c in pattern_text)
        fixed = re.sub(r"\D", "", pattern_text.translate(_CARD_DIGITS))
        if not 1 <= letters <= 2 or len(fixed) != 16:
            return False
        return None if super().validate_result(fixed) else False


def letter_in_card() -> CreditCardRecognizer:
    digit = f"[\\d{_MISREAD_DIGITS}$]"
    return _LetterInCard(
        patterns=[
            Pattern(
                "four groups of four, a digit read as a letter (weak)",
                rf"(?<![\w$])(?-i:[\d$]{digit}{{3}}(?:[ -]{digit}{{4}}){{3}})\b",
                0.4,
            )
        ],
        name="InkoutLetterInCardRecognizer",
    )


# A mark OCR put between a card number's digits: a dot for a space ("22.45 9688 ..."), a
# quote or a cent sign from a speck ("4272 '2489-...", "3597-¢ 6816").
_CARD_MARK = re.compile(r"[.,'\u2019\u00a2:]")


class _MarkedCard(CreditCardRecognizer):
    """Card numbers with one stray mark between their digits. Decimal figures have marks too
    ("12.50 3.99 4.25 18.00"), so besides Luhn the layout of a card is needed, not of a list
    of amounts: three groups of exactly four digits, or an American Express number's four,
    six and five once the mark is left out ("3436 162766 592.49")."""

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = "".join(c for c in pattern_text if c.isdigit())
        groups = re.findall(r"\d+", pattern_text)
        amex = digits[:2] in ("34", "37") and [
            len(g) for g in re.findall(r"\d+", _CARD_MARK.sub("", pattern_text))
        ] == [4, 6, 5]
        if (
            not 13 <= len(digits) <= 19
            or len(_CARD_MARK.findall(pattern_text)) != 1
            or (sum(len(g) == 4 for g in groups) < 3 and not amex)
        ):
            return False
        return super().validate_result(digits)


def marked_card() -> CreditCardRecognizer:
    return _MarkedCard(
        patterns=[
            Pattern(
                "digit groups, one stray mark between them (weak)",
                r"\b\d{1,4}(?:(?: ?-?[.,'\u2019\u00a2:]-? ?| ?- ?| )\d{1,6}){3,6}\b",
                0.3,
            )
        ],
        name="InkoutMarkedCardRecognizer",
    )


class _LooseIpv4(PatternRecognizer):
    """IPv4 addresses with one separator misread: a comma or a colon for a dot ("10.123.145,204",
    "192.168:.123.93") or a space after or before a dot ("192. 168.193.34", "10.102.81 .173"),
    or spaces after two dots
    ("192.168. 169. 162"). The others must be dots and every number an octet, so a list of
    decimals ("1.5, 2.5, 3.5") is none."""

    def validate_result(self, pattern_text: str) -> bool | None:
        numbers = re.findall(r"\d+", pattern_text)
        separators = re.findall(r"[^\d]+", pattern_text)
        if any(int(n) > 255 for n in numbers):
            return False
        misread = sum(sep != "." for sep in separators)
        spaced = "." in separators and all(sep in (".", ". ") for sep in separators)
        return None if misread == 1 or spaced else False


def loose_ipv4() -> PatternRecognizer:
    return _LooseIpv4(
        supported_entity="IP_ADDRESS",
        name="InkoutLooseIpv4Recognizer",
        patterns=[
            Pattern(
                "four numbers, one separator misread",
                r"(?<![\w.,:])\d{1,3}(?:(?:\.[ :]?|[,:]\.?| \.)\d{1,3}){3}(?![\w]|[.,:]\d)",
                0.6,
            )
        ],
    )


# Words about an address before an IPv4 address OCR broke, which alone scores too low.
_IP_CONTEXT = ("ip", "ipv4", "login", "host", "server")


def ip_space_for_dot() -> PatternRecognizer:
    """An IPv4 address with a space OCR read for one dot ("10.216.204 206"): alone it scores
    too low to report, as a version and a count ("1.2.3 45") would; a word such as "IP" or
    "login" before it makes it POSSIBLE."""
    return _LooseIpv4(
        supported_entity="IP_ADDRESS",
        name="InkoutIpSpaceForDotRecognizer",
        patterns=[
            Pattern(
                "four numbers, a space for one dot",
                r"(?<![\w.,:])\d{1,3}(?:(?:\.| (?=\d))\d{1,3}){3}(?![\w]|[.,:]\d)",
                0.1,
            )
        ],
        context=list(_IP_CONTEXT),
    )


class _SpaceInOctet(PatternRecognizer):
    """An IPv4 address with a space OCR read inside one of its numbers ("10.1 14.220.66"),
    perhaps a comma for one dot too ("39.1 19,104.80"): without that space, four numbers and
    three dots, every number an octet."""

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text.count(",") > 1:
            return False
        numbers = pattern_text.replace(" ", "").replace(",", ".").split(".")
        if len(numbers) != 4 or not all(n.isdigit() and _octet(n) for n in numbers):
            return False
        return None


def ip_space_in_octet() -> PatternRecognizer:
    return _SpaceInOctet(
        supported_entity="IP_ADDRESS",
        name="InkoutIpSpaceInOctetRecognizer",
        patterns=[
            Pattern(
                "three dots, a space between two digits",
                r"(?<![\w.,:])\d[\d.,]{0,10}\d (?=\d)[\d.,]{0,10}\d(?![\w]|[.,:]\d)",
                0.4,
            )
        ],
        context=list(_IP_CONTEXT),
    )


class _GluedIpv4(PatternRecognizer):
    """An IPv4 address OCR glued to the word after it ("10.234.143.77is down"): every
    number an octet."""

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if all(int(n) <= 255 for n in pattern_text.split(".")) else False


def glued_ipv4() -> PatternRecognizer:
    return _GluedIpv4(
        supported_entity="IP_ADDRESS",
        name="InkoutGluedIpv4Recognizer",
        patterns=[
            Pattern(
                "four octets, a small word glued after them",
                r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?=(?-i:[a-z]{2,})\b)",
                0.6,
            )
        ],
    )


# What OCR reads for an SSN's hyphen in a photo's noise: a tilde, a dash, an equals sign.
_SSN_HYPHEN = str.maketrans(
    {"~": "-", "\u2013": "-", "\u2014": "-", "=": "-", " ": None, ".": None}
)


class _SpacedSsn(presidio_predefined.UsSsnRecognizer):
    """An SSN with a space OCR read beside a hyphen ("695-83 -8655"), which Presidio takes for
    mismatched delimiters, or inside a group ("21 1-33-4651", "773-1 1-5454"), or a dot in
    small type inside the last ("392-1 1-71.30"), or a space before its last digit or two
    ("417-92-731 9", "635-64-75 11"), or a hyphen read as another mark ("817-31 ~6793"); read
    right, it must pass Presidio's own checks."""

    def invalidate_result(self, pattern_text: str) -> bool:
        fixed = pattern_text.translate(_SSN_HYPHEN)
        return fixed == pattern_text or super().invalidate_result(fixed)


def spaced_ssn() -> PatternRecognizer:
    return _SpacedSsn(
        patterns=[
            Pattern(
                "SSN, a space beside a hyphen or in the first group, or a hyphen misread",
                r"\b(?:\d{3}|\d \d{2}|\d{2} \d) ?[-~\u2013\u2014=] ?(?:\d{2}|\d \d)"
                r" ?[-~\u2013\u2014=] ?(?:\d{4}|\d\.\d{3}|\d{2}[. ]\d{2}|\d{3}[. ]\d)\b",
                0.4,
            )
        ],
        name="InkoutSpacedSsnRecognizer",
    )


class _IpDotDropped(PatternRecognizer):
    """An IPv4 address with one dot dropped by OCR ("192168.199.60"), and perhaps another read
    as a comma ("192168,235.21"), or between two short octets ("172.22.334" for "3.34"):
    three numbers, one of which splits into two octets. Alone it scores too low to report; a
    word such as "IP" or "login" before it makes it POSSIBLE."""

    def validate_result(self, pattern_text: str) -> bool | None:
        groups = re.split(r"[.,]", pattern_text)
        long = [g for g in groups if not _octet(g)]
        if pattern_text.count(",") > 1 or len(groups) != 3 or len(long) != 1:
            return False
        return None if _octet_splits(long[0]) else False


def _octet(digits: str) -> bool:
    return 1 <= len(digits) <= 3 and int(digits) <= 255 and (digits == "0" or digits[0] != "0")


def ip_dot_dropped() -> PatternRecognizer:
    return _IpDotDropped(
        supported_entity="IP_ADDRESS",
        name="InkoutIpDotDroppedRecognizer",
        patterns=[
            Pattern(
                "three numbers, one of two octets",
                r"(?<![\w.,])\d{1,6}[.,]\d{1,6}[.,]\d{1,6}(?![\w]|[.,]\d)",
                0.1,
            )
        ],
        context=list(_IP_CONTEXT),
    )


class _GarbledIp(PatternRecognizer):
    """An IP address OCR garbled in more than one way at once, which the single-misread
    recognizers above each miss: a comma beside a dot and a space ("10.144.185,. 28"), a dot
    dropped and another read as a space ("192168.45 224"), or as a dash after a space
    ("191.80.211 -38"), two dots dropped ("192168.12480"),
    a space before or inside an IPv6 address's colons with an "S" for a 5 ("2001
    :db8:Sdab::9be4", "2001:db8:89d: :dSdf"), a colon read as a dash after a space and its
    "::" as one colon ("2001 -db8:f51 1:d8de"), or as a dash and a colon ("2d2f-:d7d3").
    Read back (spaces out, commas as dots, letters as the digits they look like), it must be
    a valid address, or an IPv4 address whose numbers of two octets split into octets one
    way alone (two, when both are such numbers). Alone it scores too low to report; "IP" or
    "login" before it lifts it."""

    def validate_result(self, pattern_text: str) -> bool | None:
        if ":" in pattern_text:
            fixed = pattern_text.replace(" -", ":").replace("-:", "::").replace(":-", "::")
            fixed = fixed.replace(" ", "")
            # an "é" is a 6, or a 6 read twice ("::bé6eb")
            readings = {
                fixed.translate(HEX_OF_LETTER),
                fixed.replace("é", "").translate(HEX_OF_LETTER),
            }
            return None if any(_ipv6(r) for r in readings) else False
        groups = [g for g in re.split(r"[., -]+", pattern_text) if g]
        marks = len(re.findall(r"[.,-]+", pattern_text))  # numbers apart are no address
        if marks < len(groups) - 2 or not all(g.isdigit() for g in groups):
            return False
        if len(groups) == 4:
            return None if all(_octet(g) for g in groups) else False
        long = [g for g in groups if not _octet(g)]
        # one number of two octets among three, split one way; or two such numbers alone,
        # each split one way or two ("17218.152155": 172.18 or 17.218, an address both ways;
        # "1234" splits three ways, any number's digits)
        if len(long) != 4 - len(groups) or len(groups) not in (2, 3):
            return False
        ways = [_octet_splits(g) for g in long]
        return None if all(w == 1 or w == 2 and len(long) == 2 for w in ways) else False


def _ipv6(text: str) -> bool:
    """Whether text is an IPv6 address, or one whose "::" OCR read as one colon: then it
    has four groups or more, one with a letter, so that no time of day ("12:30:45") is one."""
    candidates = [text]
    groups = text.split(":")
    if "::" not in text and len(groups) >= 4 and any(c in "abcdef" for c in text.lower()):
        candidates += [
            ":".join(groups[:k]) + "::" + ":".join(groups[k:]) for k in range(1, len(groups))
        ]
    for candidate in candidates:
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        return True
    return False


def _octet_splits(digits: str) -> int:
    """In how many ways digits read as two octets ("192168": one, 192 and 168)."""
    return sum(_octet(digits[:k]) and _octet(digits[k:]) for k in range(1, len(digits)))


# Letters OCR reads for the hex digits they look like in an IPv6 address ("ddi7", "::ecSa",
# "::bcaé" in small type).
HEX_OF_LETTER = str.maketrans("ilIoOSé", "1110056")


def garbled_ip() -> PatternRecognizer:
    hexish = r"[0-9A-Fa-fSOolIé]{1,5}"  # five: a digit read twice, once as "é"
    return _GarbledIp(
        supported_entity="IP_ADDRESS",
        name="InkoutGarbledIpRecognizer",
        patterns=[
            Pattern(
                "IPv4, its dots read as commas, spaces or dropped, two marks at least",
                r"(?<![\w.,:])\d{1,6}(?:(?:[.,]{1,2} ?| -?)\d{1,6}){2,3}(?![\w]|[.,:]\d)",
                0.1,
            ),
            Pattern(
                "IPv4 with two dots dropped: two numbers of two octets",
                r"(?<![\w.,:])\d{4,6}[.,]\d{4,6}(?![\w]|[.,:]\d)",
                0.1,
            ),
            Pattern(
                "IPv6 with spaces among its colons",
                rf"(?<![\w:]){hexish}(?: ?: ?:? ?{hexish}){{2,7}}(?![\w:])",
                0.1,
            ),
            Pattern(
                "IPv6 with a colon read as a dash, a space in a group",
                rf"(?<![\w:]){hexish}(?:(?: ?: ?:? ?| -|-:|:-){hexish}| {hexish}(?= ?:)){{3,9}}"
                r"(?![\w:])",
                0.1,
            ),
        ],
        context=list(_IP_CONTEXT),
    )


class _CardDigitDropped(PatternRecognizer):
    """A card number with one digit dropped by OCR, in its groups: an American Express number
    as 4-6-4 or 4-5-5 ("3760-900096-0925" for "...-09295"), or sixteen digits in four groups
    with one of three ("4111 1111 111 1111"). Any number a digit short has a reading that
    passes Luhn, so Luhn cannot tell: alone it scores too low to report, and a word such as
    "card" near it makes it POSSIBLE. Diners Club's 4-6-4 numbers start 30, 36, 38 or 39."""

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = re.sub(r"\D", "", pattern_text)
        groups = [len(g) for g in re.findall(r"\d+", pattern_text)]
        if digits[:2] in ("34", "37"):
            return None if groups in ([4, 6, 4], [4, 5, 5]) else False
        return None if len(digits) == 15 and sorted(groups) == [3, 4, 4, 4] else False


def card_digit_dropped() -> PatternRecognizer:
    return _CardDigitDropped(
        supported_entity="CREDIT_CARD",
        name="InkoutCardDigitDroppedRecognizer",
        patterns=[
            Pattern("card groups, one digit short", r"\b3[47]\d\d([ -])\d{5,6}\1\d{4,5}\b", 0.1),
            Pattern(
                "four groups of four, one of three",
                r"\b[2-6]\d{2,3}(?:([ -])\d{3,4})(?:\1\d{3,4}){2}\b",
                0.1,
            ),
        ],
        context=list(presidio_predefined.CreditCardRecognizer.CONTEXT),
    )


class _SsnDigitDropped(PatternRecognizer):
    """An SSN with one digit dropped by OCR ("59-75-5562"), in its hyphenated groups: eight
    digits. Alone it scores too low to report; a word such as "SSN" before it makes it
    POSSIBLE. A date in the same shape ("12-05-2023") is none."""

    def validate_result(self, pattern_text: str) -> bool | None:
        groups = pattern_text.split("-")
        if sum(len(g) for g in groups) != 8:
            return False
        if len(groups[2]) == 4 and groups[2][:2] in ("19", "20"):
            return False
        return None


def ssn_digit_dropped() -> PatternRecognizer:
    return _SsnDigitDropped(
        supported_entity="US_SSN",
        name="InkoutSsnDigitDroppedRecognizer",
        patterns=[Pattern("SSN groups, one digit short", r"\b\d{2,3}-\d{1,2}-\d{3,4}\b", 0.1)],
        context=["ssn", "social", "security"],
    )


class _SsnGroupsShifted(presidio_predefined.UsSsnRecognizer):
    """An SSN with one hyphen OCR read as a space, perhaps a digit early or late ("306-1
    46978" for "306-14-6978"): nine digits in three groups, a hyphen and a space between
    them, which Presidio takes for mismatched delimiters; read right, it must pass
    Presidio's own checks. Alone it scores too low to report; a word such as "SSN" before it
    (Presidio's context words for SSNs) makes it POSSIBLE."""

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = re.sub(r"[- ]", "", pattern_text)
        if len(digits) != 9 or "-" not in pattern_text or " " not in pattern_text:
            return True
        return super().invalidate_result(f"{digits[:3]}-{digits[3:5]}-{digits[5:]}")


def ssn_groups_shifted() -> PatternRecognizer:
    return _SsnGroupsShifted(
        patterns=[
            Pattern(
                "nine digits, a hyphen and a space shifted",
                r"\b\d{2,4}[- ]\d{1,3}[- ]\d{3,5}\b",
                0.1,
            )
        ],
        name="InkoutSsnGroupsShiftedRecognizer",
    )


class _SpacedIpv6(PatternRecognizer):
    """IPv6 addresses with spaces OCR put around a colon ("2001 :db8:be60::caaa", "3d02: :986e")
    or inside a group ("200 1:db8:7f7::b08"), a colon read as a dash after a space ("2001
    -db8:7aa2::65df"), or "::" as "=" in small type ("2001 -db8:c0b1 =14ba"); the address so
    mended must parse, so a group split in two still has at most four digits."""

    def validate_result(self, pattern_text: str) -> bool | None:
        mended = pattern_text.replace(" -", ":").replace("=", "::").replace(" ", "")
        try:
            ipaddress.IPv6Address(mended)
        except ValueError:
            return False
        return None


# Letters OCR reads for the digits of an IBAN's check digits ("NLS6" for "NL56", "NLA7" for
# "NL47").
_MISREAD_DIGITS = "OoSIlBZA"
_CHECK_DIGITS = str.maketrans(_MISREAD_DIGITS, "00511824")
# ... and in a card number, a "5" read as a dollar sign ("4978 $793 9173 3741")
_CARD_DIGITS = str.maketrans(_MISREAD_DIGITS + "$", "00511824" + "5")


def _passes_mod97(iban: str) -> bool:
    """Whether an IBAN without spaces passes its check: moved to the end, its first four
    characters and the rest read as a base-36 number leave 1 modulo 97."""
    return int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1


def _is_iban(compact: str) -> bool:
    """Whether compact (no spaces) is in its country's exact IBAN layout and passes mod 97."""
    layout = regex_per_country.get(compact[:2])
    return bool(layout and re.fullmatch(layout, compact) and _passes_mod97(compact))


# ... and every digit each letter may stand for in the check digits, where mod 97 decides
# between them: an "S" is mostly a 5, but a 3 in some fonts ("DESO" for "DE30").
_DIGIT_READINGS = {"O": "0", "o": "0", "S": "53", "I": "1", "l": "1", "B": "83", "Z": "2", "A": "4"}


def _check_readings(pair: str) -> list[str]:
    """The digit pairs pair may be read as, each letter as the digits it may stand for."""
    options = [c if c.isdigit() else _DIGIT_READINGS.get(c, "") for c in pair]
    return ["".join(p) for p in itertools.product(*options)]


class _MisreadIban(PatternRecognizer):
    """IBANs whose check digits OCR read as letters ("NLS6 ABNA 5338 0388 53", "DES7 ...",
    "DESO ..." for "DE30"), or with a letter read in before or between them ("GBO06 BARC
    ...", "DES58 ...", "DE5S9 ..."), perhaps with a space read inside a group ("GBO7 BARC 44
    12 ..."): the digits put back, in the layout of the country's IBANs, must pass the mod-97
    check, which one misread digit fails."""

    def validate_result(self, pattern_text: str) -> bool | None:
        compact = pattern_text.replace(" ", "")
        if sum(c.isdigit() for c in compact[4:]) < 6:
            return False  # words in capitals ("ALSO BLOG BOOK"), which mod 97 passes one in 97
        readings = [
            compact[:2] + check + compact[4:]
            for check in _check_readings(compact[2:4])
            if check != compact[2:4]
        ]
        head = pattern_text.split()[0]
        if len(head) == 5 and any(c in _MISREAD_DIGITS for c in head[2:]):
            # one of three is a letter read in: before them, or between ("DE5S9" for "DE59")
            readings += [
                compact[:2] + extra + compact[5:]
                for k in range(3)
                for extra in _check_readings(head[2:][:k] + head[2:][k + 1 :])
            ]
        layout = regex_per_country.get(compact[:2])
        if any(_passes_mod97(r) and (layout is None or re.fullmatch(layout, r)) for r in readings):
            return None  # None keeps the pattern's LIKELY
        return False  # read right, or no IBAN: Presidio's own recognizer decides


def misread_iban() -> PatternRecognizer:
    return _MisreadIban(
        supported_entity="IBAN_CODE",
        name="InkoutMisreadIbanRecognizer",
        patterns=[
            Pattern(
                "IBAN with a letter in its check digits",
                rf"\b(?-i:[A-Z]{{2}}[\d{_MISREAD_DIGITS}]{{2,3}}" + _IBAN_GROUPS + r")\b",
                0.6,
            ),
            Pattern(
                "IBAN with a letter in its check digits and a space read inside a group",
                rf"\b(?-i:[A-Z]{{2}}(?=\d?[{_MISREAD_DIGITS}])[\d{_MISREAD_DIGITS}]{{2}}"
                r"(?: ?[A-Z0-9]){11,30})\b",
                0.6,
            ),
        ],
    )


class _GluedIban(PatternRecognizer):
    """IBANs OCR glued to the word before them ("my IBAN isNL41 TRIO ..."), where a font's
    narrow spaces left none: Presidio's pattern wants a word boundary before the country
    code. The country's exact layout and the mod-97 check decide."""

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if _is_iban(pattern_text.replace(" ", "")) else False  # None: LIKELY


def glued_iban() -> PatternRecognizer:
    return _GluedIban(
        supported_entity="IBAN_CODE",
        name="InkoutGluedIbanRecognizer",
        patterns=[
            Pattern(
                "IBAN right after a word's small letters",
                r"(?<=[a-z])(?-i:[A-Z]{2}\d{2}" + _IBAN_GROUPS + r")\b",
                0.6,
            )
        ],
    )


class _MisreadIbanDigit(PatternRecognizer):
    """IBANs with one digit of their account part misread ("... 8835 883" for "... 8835 983"):
    mod 97 fails, but the country code, the check digits and the exact layout and length of
    that country's IBAN are there, which no other number has. POSSIBLE: no checksum agrees.
    A dot OCR read for a space ("... 7032.88") ends Presidio's pattern early, a "$" read
    for a digit ("DE29 $171 ...") or a space after the country code ("GB 18 LOYD ...") breaks
    it; with the dots and spaces left out and the digit put back, an IBAN that passes mod 97
    is one for certain. So is one with a "!" or ":" read for a lost character ("GB88 LOY!",
    "FR76 1591 7630 685: ...") that exactly one letter or digit put back makes pass, one
    tesseract broke across two lines ("GB88 LOYD" then "3036 2833 5550 47"), which Presidio's
    pattern does not cross, and one with a space read inside a group ("DE04 7805 21 35
    ..."). Check digits OCR could not read ("GBS) BARC ...") leave mod 97 nothing to check:
    POSSIBLE, on the layout alone."""

    def validate_result(self, pattern_text: str) -> bool | None:
        compact = pattern_text.replace(" ", "").replace(".", "").replace("\n", "")
        compact = compact.replace(":", "!")  # a colon read for a lost character, as a "!" is
        if not compact[2:4].translate(_CHECK_DIGITS).isdigit():
            # a mark, not a letter OCR reads for a digit, which _MisreadIban puts back to check
            layout = regex_per_country.get(compact[:2])
            unread = compact[:2] + "00" + compact[4:]
            return None if layout and re.fullmatch(layout, unread) else False
        if compact.count("$") + compact.count("!") > 1:
            return False
        if "!" in compact:
            # mod 97 catches every single wrong character: at most one of these passes
            fits = [
                c
                for c in string.ascii_uppercase + string.digits
                if _is_iban(compact.replace("!", c))
            ]
            return len(fits) == 1
        # "$" is a digit OCR misread, most often an 8 or a 5: certain when one passes mod 97
        readings = [compact.replace("$", d) for d in "8536"] if "$" in compact else [compact]
        layout = regex_per_country.get(compact[:2])
        if layout is None:
            return False
        if not re.fullmatch(layout, readings[0]):
            # a letter OCR read for a digit where the country's layout has only digits
            # ("DE60 2640 3782 S937 ..."): certain when put back it passes mod 97
            fixed = compact[:4] + compact[4:].translate(_CHECK_DIGITS)
            if fixed != compact and _is_iban(fixed):
                return True
            # a character read twice ("DE44 2998 8974 3008 4325 133" for "... 4325 13"):
            # POSSIBLE when without one of them it is the country's IBAN and passes mod 97
            return None if _one_doubled(compact) else False
        if any(_passes_mod97(r) for r in readings):
            # else Presidio's own reports it, which takes groups of three to five
            groups = pattern_text.split()
            return (
                any(c in pattern_text for c in ".$\n")
                or pattern_text[2] == " "
                or any(len(g) < 3 for g in groups[1:-1])
            )
        return None


def _one_doubled(compact: str) -> bool:
    """Whether an IBAN read with one character too many in its account part is the country's
    IBAN, passing mod 97, without one that repeats the character before it."""
    return any(
        compact[i] == compact[i - 1] and _is_iban(compact[:i] + compact[i + 1 :])
        for i in range(5, len(compact))
    )


def misread_iban_digit() -> PatternRecognizer:
    return _MisreadIbanDigit(
        supported_entity="IBAN_CODE",
        name="InkoutMisreadIbanDigitRecognizer",
        patterns=[
            Pattern(
                "IBAN layout, checksum failing or a dot for a space",
                # check digits: at least one a digit or a mark, so "IBAN" itself is none
                r"\b(?-i:[A-Z]{2} ?(?=[A-Z]?[\d$)|!])[\dA-Z$)|!]{2}"
                + _iban_groups("[ .\n]", "$!:")
                + r")\b",
                0.4,
            ),
            Pattern(
                "IBAN, a space read inside a group",
                r"\b(?-i:[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30})\b",
                0.4,
            ),
        ],
    )


# Marks OCR reads beside a group of an IBAN, from a speck or a printed character's serif:
# "GB93° HBUK 4044 8112 1808 34", "DE61! 6224 3051 2939 8345 22".
_IBAN_MARKS = "°*'\u2019\"^~!"


class _MarkedIban(PatternRecognizer):
    """IBANs with a stray mark glued to one of their groups: taken out, the rest must be the
    country's exact IBAN and pass mod 97, which Presidio's pattern, cut short at the mark,
    never checks."""

    def validate_result(self, pattern_text: str) -> bool | None:
        if not any(c in _IBAN_MARKS for c in pattern_text):
            return False  # the mark the pattern looked ahead to lies beyond it: Presidio's
        compact = "".join(c for c in pattern_text if c not in _IBAN_MARKS + " ")
        return None if _is_iban(compact) else False  # None: LIKELY


def marked_iban() -> PatternRecognizer:
    mark = f"[{re.escape(_IBAN_MARKS)}]"
    return _MarkedIban(
        supported_entity="IBAN_CODE",
        name="InkoutMarkedIbanRecognizer",
        patterns=[
            Pattern(
                "IBAN groups, a mark glued to one of them",
                rf"\b(?-i:[A-Z]{{2}}\d{{2}}(?=[^\n]*?{mark})(?:{mark}?(?: [A-Z0-9]{{1,4}})){{3,8}}"
                rf"{mark}?)(?!\w)",
                0.6,
            )
        ],
    )


class _IbanDigitDropped(PatternRecognizer):
    """IBANs printed in groups of four with one group read three characters long ("... 0633
    311 586" for "... 0633 7311 586"): OCR dropped a character there. POSSIBLE when one put
    back in that group gives the country's exact IBAN layout; mod 97 cannot confirm it, as
    one of the forty ways to put a digit back passes it by chance more often than not."""

    def validate_result(self, pattern_text: str) -> bool | None:
        groups = pattern_text.split(" ")
        layout = regex_per_country.get(groups[0][:2])
        short = next(i for i in range(1, len(groups) - 1) if len(groups[i]) == 3)  # by pattern
        at = sum(len(g) for g in groups[:short])
        compact = "".join(groups)
        return (
            None
            if layout and any(re.fullmatch(layout, compact[:at] + c + compact[at:]) for c in "0A")
            else False
        )


def iban_digit_dropped() -> PatternRecognizer:
    return _IbanDigitDropped(
        supported_entity="IBAN_CODE",
        name="InkoutIbanDigitDroppedRecognizer",
        patterns=[
            Pattern(
                "IBAN groups, one of three inside them",
                r"\b(?-i:[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){1,6} [A-Z0-9]{3}"
                r"(?:(?: [A-Z0-9]{4}){1,5}(?: [A-Z0-9]{1,3})?| [A-Z0-9]{1,3}))\b",
                0.4,
            )
        ],
    )


class _Ipv6ColonLost(PatternRecognizer):
    """An IPv6 address whose "::" OCR read as one colon ("2001:db8:369:d0e9"): four to seven
    groups, the first of three or four digits, and a letter among them, which times and
    counters of digits only never have. Another colon may be read as " -" besides ("2001
    -db8:4e4d:f53c"), as _SpacedIpv6 reads it, or after a space ("2001 :db8:2e10:5b1")."""

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if any(c in "abcdefABCDEF" for c in pattern_text) else False


def ipv6_colon_lost() -> PatternRecognizer:
    return _Ipv6ColonLost(
        supported_entity="IP_ADDRESS",
        name="InkoutIpv6ColonLostRecognizer",
        patterns=[
            Pattern(
                "IPv6 of four to seven groups, its double colon read as one",
                r"(?<![\w:])[0-9A-Fa-f]{3,4}(?: ?:[0-9A-Fa-f]{1,4}| -[0-9A-Fa-f]{1,4}){3,6}"
                r"(?![\w:])",
                0.4,
            )
        ],
        context=list(_IP_CONTEXT),
    )


def spaced_ipv6() -> PatternRecognizer:
    # a group of up to four hex digits, or one OCR split with a space ("91 da"); the last
    # only when the piece after the space holds a digit ("::1 ee3"): "2001:db8::1 bad" ends
    # before the word; or is two letters after a digit, no small word ("::7f ab", not "::7f be"),
    # or after a group of one digit ("::1 cf")
    group = (
        r"[0-9A-Fa-f]{1,4}"
        r"(?: [0-9A-Fa-f]{1,3}(?= ?:)| (?=[0-9A-Fa-f]{0,2}\d)[0-9A-Fa-f]{1,3}(?![\w:])"
        r"|(?<=\d[a-fA-F]|[a-fA-F]\d|\d\d|:\d) (?!be|ca)[a-fA-F]{2}(?![\w:]))?"
    )
    first = r"(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{1,3} [0-9A-Fa-f]{1,3})"
    return _SpacedIpv6(
        supported_entity="IP_ADDRESS",
        name="InkoutSpacedIpv6Recognizer",
        patterns=[
            Pattern(
                "IPv6 with spaces around a colon or inside a group",
                rf"(?<![\w:]){first}(?:(?: ?: ?| -){group}| ?(?:: ?:|=) ?(?:{group})?){{2,7}}"
                r"(?![\w:])",
                0.6,
            )
        ],
    )


def two_series_card() -> CreditCardRecognizer:
    """Cards whose number starts with 2: Mastercard's 2221-2720 range (issued since 2017) and
    Mir's 2200-2204. Presidio's card pattern starts only at 1 and 3-6; Luhn still decides."""
    return CreditCardRecognizer(
        patterns=[
            Pattern(
                "cards starting with 2 (weak)",
                r"\b(2[2-7]\d{2})[- ]?(\d{4})[- ]?(\d{4})[- ]?(\d{4})\b",
                0.3,
            )
        ],
        name="InkoutTwoSeriesCardRecognizer",
    )


# A word of letters, with inner hyphens or apostrophes ("O'Brien", "Al-Farsi").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


# Titles before a name, which do not make it part of a longer phrase.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "rev"})


# US states, written out: "MADISON, WISCONSIN" is a city and its state, not a person.
_PLACES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
    york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont
    virginia washington wisconsin wyoming columbia
    """.split()
)


def _capitalised(word: str) -> bool:
    """Title case or upper case, as names are written ("McDonald" and "DUBOIS" included)."""
    return word[0].isupper()


# Capitals that OCR reads as their lower case, being the same shape: "sakura" for "Sakura".
_SAME_SHAPE = frozenset("cosuvwxz")


def _ocr_variants(word: str) -> tuple[str, ...]:
    """The word, and what it was before OCR's commonest slips on a capital: "lyer" for "Iyer",
    "tto" for "Ito", "sakura" for "Sakura", "vu" for "Vu"."""
    if len(word) >= 2 and word[1:].islower():
        # "tto" for "Ito" in small type; a word stays one ("tan")
        if len(word) > 2 and (
            word[0] == "l" or (word[0] == "t" and not names.lexicon().is_english(word))
        ):
            return (word, "I" + word[1:])
        if word[0] in _SAME_SHAPE and not names.lexicon().is_english(word):
            return (word, word[0].upper() + word[1:])  # "will", "customer", "so" stay words
    return (word,)


class GazetteerNameRecognizer(EntityRecognizer):
    """Names by their parts: a given name then a surname ("Aoife Byrne", "NGOZI ADEYEMI",
    "Katarzyna M. Nowak"), or "Surname, Given" ("Kelly, Siobhan"), both capitalised, on one line.

    One part may be missing from the lists if the other is there and the missing one is not an
    English word ("Oluwaseun Balogun"); two English words ("Grant Park", "Rose Hall") need both
    parts in the lists.
    """

    SCORE = 0.7  # LIKELY: the shape and the lists agree

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="InkoutGazetteerNameRecognizer")

    def load(self) -> None:
        names.lexicon()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list:
        return [
            RecognizerResult("PERSON", start, end, self.SCORE, recognition_metadata=_metadata(self))
            for start, end in name_spans(text)
        ]


_INITIAL = re.compile(r"[A-Z]\.?")
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+")


def name_cell(cell: str) -> bool:
    """Whether a table cell under a column of names holds one, though the lists lack it or OCR
    misread it: two to four words of letters ("Vikram Singh", "Pawet Kamiriska", "Salma
    Hamdan"), each capitalised or a listed name ("Quang vu"), not all English words unless all
    are listed ("Grant Park", not "Open tickets"). One word counts when OCR joined two
    capitalised ones ("TrangNgo"), the second capital perhaps an "I" read as "l" ("Emilto")."""
    words = cell.replace(", ", " ").split(" ")
    if len(words) == 1:
        joined = [cell] + [
            cell[:i] + "I" + cell[i + 1 :]
            for i in range(2, len(cell) - 1)
            if cell[i] == "l" and cell[i + 1].islower()
        ]
        return any(_CAMEL.fullmatch(w) for w in joined) and not names.lexicon().is_english(cell)
    if not 2 <= len(words) <= 4 or not all(
        _WORD.fullmatch(w) or _INITIAL.fullmatch(w) for w in words
    ):
        return False
    lex = names.lexicon()
    parts = [w for w in words if not _INITIAL.fullmatch(w)]
    listed = [any(_kind(w)) for w in parts]
    if len(parts) < 2 or not all(_capitalised(w) or k for w, k in zip(parts, listed, strict=True)):
        return False
    return all(listed) or any(not lex.is_english(w) for w in parts)


def _kind(word: str) -> tuple[bool, bool]:
    """Whether the word, or what it was before OCR's commonest slips, is a listed given name
    and a listed surname."""
    lex = names.lexicon()
    keys = [names.fold(v) for v in _ocr_variants(word)]
    given, surname = any(k in lex.given for k in keys), any(k in lex.surnames for k in keys)
    if not (given or surname) and "t" in word and word[0].isupper() and not lex.is_english(word):
        # Without Polish in its model, OCR reads "ł" as "t": "Pawet" is "Paweł", "Michat" "Michał".
        key = names.fold(word)
        keys = [key[:i] + "l" + key[i + 1 :] for i, c in enumerate(key) if c == "t"]
        given, surname = any(k in lex.given for k in keys), any(k in lex.surnames for k in keys)
    return given, surname


# Short words that follow a given name in a sentence ("Maria is", "Tom at"): no surnames.
_SHORT_WORDS = frozenset(
    "is at to in on of or and the as by an be we us it if so no my me he up for are was "
    "has had not but you all can via per".split()
)


# OCR reads a capital S as a dollar sign at the start of a word ("Maximilian $chulz").
_DOLLAR_S = re.compile(r"(?<![\w$])\$(?=[a-z]{3})")
# A small letter glued to the start of a line before a capitalised word: the image's edge
# read as a letter ("sRahul Menon" burnt in at a radiograph's very edge).
_EDGE_LETTER = re.compile(r"(?m)^[a-z](?=[A-Z][a-z]{2})")
# An accented capital "I" read as a brace or a bracket inside a word in capitals ("SOF{A
# NAVARRO" for "SOFÍA").
_MARK_FOR_I = re.compile(r"(?<=[A-Z]{2})[{}\[\]](?=[A-Z])")


def name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that the name lists and the shape of the words say are person names."""
    lex = names.lexicon()
    # one character for one: the spans stay where they were
    text = _MARK_FOR_I.sub("I", _EDGE_LETTER.sub(" ", _DOLLAR_S.sub("S", text)))

    def shaped(word: str) -> bool:
        # A lower-case word counts only as a listed name: "sakura", not "custome" (cut short)
        return _capitalised(word) or (len(_ocr_variants(word)) > 1 and any(_kind(word)))

    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        row, base = line.group(), line.start()
        words = list(_WORD.finditer(row))
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            first, second = a.group(), b.group()
            if _initial_i_dropped(row, a, b, last=i == len(words) - 2) or _first_letter_cut(
                row, first, second, len(words)
            ):
                spans.append((base + a.start(), base + b.end()))
                continue
            if not (shaped(first) and shaped(second)):
                continue
            gap = row[a.end() : b.start()]
            # a speck read as a bar ("Maximilian |Fischer") or an opening quote ("Emi
            # \u201cKobayashi" on a scan), a letter's stroke as a brace ("Pawel} Zielinski")
            if gap in (" |", "| ", " | ", "} ", "] ", " \u201c", " \u2018", " \u00ab", ' "'):
                gap = " "
            # a last "l" read as "!" ("Pau! Meyer" in a dark sidebar)
            if gap == "! " and _capitalised(first) and _kind(first + "l")[0]:
                gap, first = " ", first + "l"
            (a_given, a_surname), (b_given, b_surname) = _kind(first), _kind(second)
            if gap == " ":
                if a_given and b_surname:
                    found = True
                elif a_given:  # "Chiamaka Obi": a known given name, an unlisted surname
                    found = not b_given and (
                        not lex.is_english(second)
                        # "Anh Do": short surnames are often words too, never function words
                        or (
                            len(second) <= 3
                            and second.lower() not in _SHORT_WORDS
                            and not lex.is_english(first)
                        )
                    )
                    # Alone on its line, a surname the lists know only as a given name
                    # ("AMIRA AZIZ" atop a radiograph), when it is no English word
                    found = found or (
                        b_given
                        and row.strip() == f"{first} {second}"
                        and not lex.is_english(second)
                    )
                elif b_surname:  # "Oluwaseun Balogun": an unlisted given name, a known surname
                    # "Ren Ito": a given name listed as a surname only, no word either. On a
                    # line of its own (a signature, a profile), or as the subject that starts
                    # a line's sentence, the surname may be a word too: "Ikechukwu Obi",
                    # "Ikechukwu Obi will pick you up".
                    subject = i == 0 and len(words) > 2 and words[2].group().islower()
                    found = not lex.is_english(first) and (
                        not lex.is_english(second) or len(words) == 2 or subject
                    )
                else:
                    found = False
                found = found or _capitals_in_sentence(row, first, second)
                found = found or _capitals_alone(row, first, second, len(words))
                found = found or _introduced(text, base + a.start(), first, second)
                # A middle name or initial between the two: "Katarzyna M. Nowak", "Mary Anne Smith".
                after = row[b.end() : words[i + 2].start()] if i + 2 < len(words) else ""
                if a_given and after in (" ", ". "):
                    third = words[i + 2].group()
                    if shaped(third) and _kind(third)[1]:
                        spans.append((base + a.start(), base + words[i + 2].end()))
            elif gap == ", ":  # "Kelly, Siobhan": a surname, a comma, a given name
                # ... unless the "surname" is a word ending a longer capitalised phrase: a
                # street before its city ("Harbor Way, Denver")
                before = words[i - 1] if i else None
                phrase = (
                    before is not None
                    and lex.is_english(first)
                    and row[before.end() : a.start()] == " "
                    and _capitalised(before.group())
                    and before.group().lower() not in TITLES
                )
                # In capitals ("TRAN, HOA"), as forms and worklists write patients, or alone
                # on its line ("Dang, Trang" atop a radiograph), a listed surname may come
                # before a given name the lists lack, unless that is a word or a place
                # ("MADISON, WISCONSIN").
                # (a mark OCR read after it, a letter's tail, still leaves it alone:
                # "Navarro, Pab °")
                alone = len(words) == 2 and _bare(row) == f"{first}, {second}"
                unlisted = (
                    (first.isupper() and second.isupper() or alone and _capitalised(second))
                    and len(second) >= 3
                    and (alone or not b_surname)  # "Kimura, Ren": listed as a surname only
                    and not lex.is_english(second)
                    and second.lower() not in _PLACES
                )
                # An unlisted surname in capitals inside a sentence ("We spoke with QURESHI,
                # AMIRA on the phone"): only a record's name is written so. Headings in
                # capitals have no small letters around them, and acronyms are short or
                # have no vowel.
                in_sentence = (
                    first.isupper()
                    and second.isupper()
                    and not (a_given or a_surname)
                    and len(first) >= 4
                    and not lex.is_english(first)
                    and first.lower() not in _PLACES
                    and (b_given or (unlisted and len(second) >= 4))
                    and all(any(c in "AEIOUY" for c in w) for w in (first, second))
                    and any(c.islower() for c in row)
                )
                # Alone on its line, an unlisted surname before a listed given name ("Ngo, Mai"),
                # or before an unlisted one, both no word, written alike ("NGO, TRANG" atop a
                # radiograph): a line holds only a name so, or a city and its state. A short
                # surname may be a word too before a listed given name ("Do, Quang").
                alone_given = (
                    alone
                    and (b_given or (unlisted and first.isupper() == second.isupper()))
                    and (not lex.is_english(first) or b_given and _short_surname(first, second))
                    and not is_place(first)
                    and len(first) >= 2
                    and any(c in "AEIOUYaeiouy" for c in first)
                )
                # A surname only, no word, before a capitalised word no list has, no word either
                # ("handled by Ogunleye, Folasade from"): as records write a name. After "by",
                # a surname the lists know as a given name too ("handled by Nair, Vikram"), or
                # as a word ("handled by Joshi, Vikram").
                by = row[: a.start()].endswith(" by ")
                unlisted_given = (
                    a_surname
                    and (not a_given or by)
                    and (by or not lex.is_english(first))
                    and _capitalised(second)
                    and not b_surname
                    and len(second) >= 4
                    and not lex.is_english(second)
                )
                # Right after "with" or "by", a surname no list has, or a short one that may
                # be a word, before a listed given name, written alike ("handled by DO, QUANG
                # from our office", "We spoke with Hamdan, Hassan on the phone", a short one
                # too: "We spoke with DO, ANH on the phone"); or a listed
                # surname before a given name the lists know as a surname only, no word
                # ("handled by KOBAYASHI, REN from our office")
                introduced = (
                    (
                        b_given
                        or a_surname
                        and b_surname
                        and len(second) >= 3
                        and not lex.is_english(second)
                    )
                    and first.isupper() == second.isupper()
                    and (
                        _short_surname(first, second, given=3)
                        if len(first) <= 3
                        else not lex.is_english(first)
                    )
                    and not is_place(first)
                    and bool(
                        _INTRODUCING.search(text, max(0, base + a.start() - 6), base + a.start())
                    )
                )
                # ... and never a state after the comma: "Jackson, Wyoming"
                found = (
                    (
                        a_surname
                        and (b_given or unlisted)
                        or in_sentence
                        or alone_given
                        or unlisted_given
                        or introduced
                    )
                    and not phrase
                    and not is_place(second)
                )
            else:
                found = False
            if found:
                spans.append((base + a.start(), base + b.end()))
        for w in words:
            if _glued_name(w.group()):
                spans.append((base + w.start(), base + w.end()))
        spans.extend((base + a, base + b) for a, b in _after_title(row))
        if (m := _DEAR_ALONE.match(row)) and _name_like(m.group(1)) and not is_place(m.group(1)):
            spans.append((base + m.start(1), base + m.end(1)))
    return spans


# The name after a title; between its two words OCR may read a mark ("Dr. Grainne: Quinn",
# "Dr. Brandon ‘| Clark", "Dr. Aditya “Singh").
_TITLED = re.compile(
    r"\b(?:Dr|DR|Prof|PROF)\.? ([^\W\d_][\w'-]*)"
    r"(?:([ :|\u2018\u2019\u201c\u201d'\"]{1,5})([^\W\d_][\w'-]*))?"
)


# A letter's greeting whose line ends after one word, the rest of the name read elsewhere
# ("Dear Nourour" for "Dear Nour Aziz,", its "Aziz," two lines below): a name no list has and
# no English word ("Dear Customer", "Dear Team" stay).
_DEAR_ALONE = re.compile(r"[ \t]*Dear ((?-i:[A-Z][a-z\u00DF-\u024F'-]{2,}))[ \t]*$")


def _after_title(row: str) -> Iterator[tuple[int, int]]:
    """The name after "Dr." or "Prof.": its first word capitalised and a listed name or no
    English word ("Dr. Aditya Jos", its surname cut short at a radiograph's edge, "Dr. Tyle"),
    and the next one with it when that is one too, or a short surname ("Dr. Trang Do")."""
    for m in _TITLED.finditer(row):
        first, gap, second = m.group(1), m.group(2), m.group(3)
        if not (_capitalised(first) and _name_like(first)):
            continue
        end = m.end(1)
        if second and " " in gap and _capitalised(second) and _short_surname(second, first):
            end = m.end(3)
        yield m.start(1), end


def _name_like(word: str) -> bool:
    return any(_kind(word)) or not names.lexicon().is_english(word)


def _short_surname(word: str, before: str, given: int = 4) -> bool:
    """Whether word, after the given name before it, can be its surname: name-like, or a short
    word that is never a function word ("Dr. Trang Do", "TRANG DO": Vietnamese, Korean and
    Chinese surnames are often English words too) after a given name of at least given letters
    that is no English word."""
    return _name_like(word) or (
        len(word) <= 3
        and word.lower() not in _SHORT_WORDS
        and any(c in "AEIOUYaeiouy" for c in word)
        and len(before) >= given
        and not names.lexicon().is_english(before)
    )


# The words before a person a letter's sentence introduces: "We spoke with", "handled by";
# or a message's: "ask Trang Do about the keys", "call Emi Ito".
_INTRODUCING = re.compile(r"\b(?:with|by|ask|tell|call|text|ping|thank|remind|meet)\s$")


def _introduced(text: str, start: int, first: str, second: str) -> bool:
    """A given name no list has and no English word, then a surname that may be a short word,
    right after "with" or "by", though the line broke between them ("We spoke with" over
    "Trang Do on the phone"), or a verb whose object is a person ("ask"): a sentence names a
    person so."""
    return (
        bool(_INTRODUCING.search(text, max(0, start - 8), start))
        and _capitalised(first)
        and len(first) >= 3
        and not names.lexicon().is_english(first)
        and not is_place(first)
        and _capitalised(second)
        and _short_surname(second, first)
    )


def _capitals_in_sentence(row: str, first: str, second: str) -> bool:
    """Two words in capitals inside a sentence ("We spoke with SALMA AZIZ on the phone"):
    only a record's name is written so. Each a listed name or no English word, one of them no
    English word at all, no place, with a vowel and three letters or more, so acronyms ("IT",
    "HQ") and shouted words ("READ THE") stay."""
    lex = names.lexicon()
    pair = (first, second)
    return (
        any(c.islower() for c in row)
        and any(not lex.is_english(w) for w in pair)
        and all(
            w.isupper()
            and len(w) >= 3
            and any(c in "AEIOUY" for c in w)
            and (any(_kind(w)) or not lex.is_english(w))
            and w.lower() not in _PLACES
            for w in pair
        )
    )


def _first_letter_cut(row: str, first: str, second: str, count: int) -> bool:
    """A name alone on its line whose given name lost its capital, cut by the image's edge or
    too faint ("sabel Torres", "wa Lewandowski" atop a radiograph): a small word, then a
    listed surname, or a capitalised word that, like the small one, is no English word."""
    lex = names.lexicon()
    return (
        count == 2
        and _bare(row) == f"{first} {second}"
        and first.isalpha()
        and first.islower()
        and 2 <= len(first) <= 10
        and _capitalised(second)
        and second.lower() not in _PLACES
        and (
            _kind(second)[1]
            or not (lex.is_english(first) or lex.is_english(second) or len(second) < 3)
            # a listed given name that is a rare word too ("salma Hamdan" in a dark list)
            or (_kind(first)[0] and not lex.is_english(second) and len(second) >= 3)
        )
    )


def _capitals_alone(row: str, first: str, second: str, count: int) -> bool:
    """Two words in capitals alone on their line, neither an English word (but a short surname:
    "TRANG DO") nor a place, each with a vowel ("TRANG NGO" atop a radiograph, "BAO VU"): as a
    patient's name is burnt in,
    whichever country it comes from; a heading of two words is made of words ("AP SUPINE").
    In title case too, as a chat's or a profile's contact stands above its message ("Trang
    Do"), when neither is two English words joined either ("Helpdesk")."""
    lex = names.lexicon()
    title = all(w[0].isupper() and w[1:].islower() for w in (first, second))
    return (
        count == 2
        and _bare(row) == f"{first} {second}"
        and (title or first.isupper() and second.isupper())
        and all(
            len(w) >= 2
            and any(c in "AEIOUaeiou" for c in w)
            and (
                not lex.is_english(w)
                # in title case a word of two letters only: "Trang Do", not "Zendesk Pro"
                or w == second
                and _short_surname(second, first)
                and not (title and len(w) > 2)
            )
            and not (title and _joined_words(w))
            and w.lower() not in _PLACES
            for w in (first, second)
        )
        and len(first + second) >= 5
    )


def _joined_words(word: str) -> bool:
    """Two English words written as one, as product names are ("Helpdesk", "Dashboard")."""
    lex = names.lexicon()
    return any(
        lex.is_english(word[:k]) and lex.is_english(word[k:]) for k in range(3, len(word) - 2)
    )


def is_surname(word: str) -> bool:
    """Whether the word, or what it was before OCR's commonest slips, is a listed surname."""
    return _kind(word)[1]


def _bare(row: str) -> str:
    """A line without the marks at its ends, but a colon: "Lane, Springf:" is a label."""
    return re.sub(r"^[\W_]+|[^\w:]+$", "", row)


def is_place(word: str) -> bool:
    """Whether a word is one of the places that capitalised name shapes often are: a US state,
    a country ("MADISON, WISCONSIN")."""
    return word.lower() in _PLACES


def _initial_i_dropped(row: str, a: re.Match[str], b: re.Match[str], last: bool) -> bool:
    """A given name, then a surname whose thin capital "I" OCR dropped, ending the line: "Yui
    to" for "Yui Ito". Only at the end of a line, where no sentence goes on ("Tell Yui to");
    a given name no list has, only alone on its line with it ("Haruto to")."""
    second = b.group()
    if not (last and second.islower() and len(second) <= 5 and row[a.end() : b.start()] == " "):
        return False
    if row[b.end() :].strip() or not _capitalised(a.group()):
        return False
    # a given name the lists lack will do alone on its line, when it is no word ("Haruto to")
    alone = not row[: a.start()].strip() and not names.lexicon().is_english(a.group())
    if not (_kind(a.group())[0] or alone):
        return False
    surname = "I" + second
    return _kind(surname)[1] and not names.lexicon().is_english(surname)


def _glued_small(word: str) -> bool:
    """Whether a word is a listed given name and a listed surname, both of three letters or
    more and neither an English word, glued with the surname's capital read small ("Yuikimura",
    not "Contoso"); never an English word or a listed name of its own."""
    lex = names.lexicon()
    if lex.is_english(word) or any(_kind(word)):
        return False
    return any(
        _kind(word[:k])[0]
        and _kind(word[k:])[1]
        and not lex.is_english(word[:k])
        and not lex.is_english(word[k:])
        for k in range(3, len(word) - 2)
    )


def _glued_name(word: str) -> bool:
    """A given name and a surname OCR read without the space between them: "LUCIAMORENO",
    "LuciaMoreno". Only in capitals or with a capital at the join, both parts listed and of
    three letters or more, and never an English word. The capital may be an "I" read as a
    small "l" ("Yuilto" for "Yui Ito"). A surname of two letters only after a capital, the
    given name before it no English word ("AnhVu" for "Anh Vu")."""
    lex = names.lexicon()
    if len(word) < 5 or not word[0].isupper() or lex.is_english(word):
        return False
    if any(_kind(word)):  # a name of its own ("Emilio")
        return False
    given, surname = word[:-2], word[-2:]
    if (
        surname[0].isupper()
        and surname[1].islower()
        and given[1:].islower()
        and _kind(given)[0]
        and _kind(surname)[1]
        and not lex.is_english(given)
    ):
        return True
    if len(word) < 6:
        return False
    if word.isupper():
        joins = range(3, len(word) - 2) if len(word) >= 7 else range(0)
    else:
        joins = [
            k
            for k in range(3, len(word) - 2)
            if (word[k].isupper() and len(word) >= 7 or word[k] == "l") and word[1:k].islower()
        ]
    return any(_kind(word[:k])[0] and _kind(word[k:])[1] for k in joins)


_ALNUM = re.compile(r"[^\W_]")


def _too_short(candidate: str, shortest: int) -> bool:
    """Whether a candidate has fewer digits than any valid national number of a region.

    Parsing never adds digits (letters of "1-800-FLOWERS" count, as they become digits), so
    such a candidate cannot be valid there. Numbers written internationally ("+49", "0049",
    "011 44") are measured against their own country, not this one: they are never skipped.
    """
    count = len(_ALNUM.findall(candidate))
    if count >= shortest or "+" in candidate or "\uff0b" in candidate:
        return False
    first = next((c for c in candidate if c.isdecimal()), "")
    return not first or unicodedata.decimal(first) != 0


_PLAIN_NUMBER = re.compile(r"[1-9][\d\s().\-/]*")


def _too_long(candidate: str, longest: int | None) -> bool:
    """Whether a candidate written nationally has more digits than any number of a region,
    its national prefix included: a card number's sixteen digits, in the US or Germany.

    Only plain digits and separators are measured. Anything that could make parsing drop or
    reinterpret digits is never skipped: a "+" or a leading 0 (international and trunk
    prefixes), letters (vanity numbers, "ext" extensions) and other marks ("#" extensions).
    """
    if longest is None or not _PLAIN_NUMBER.fullmatch(candidate):
        return False
    return sum(c.isdigit() for c in candidate) > longest


class _RegionMatcher(phonenumbers.PhoneNumberMatcher):
    """libphonenumber's matcher for one region, which skips candidates too short or too long
    for it before parsing them.

    A card number or a table of small figures yields many short candidates, each parsed and
    validated once per region: most of Presidio's phone-matching time on a screenshot.
    """

    def __init__(
        self,
        text: str,
        region: str,
        leniency: int,
        found: dict[tuple[int, str], phonenumbers.PhoneNumberMatch] | None = None,
    ) -> None:
        super().__init__(text, region, leniency=leniency)
        self._failed: set[tuple[int, str]] = set()
        self._found = {} if found is None else found
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        lengths = metadata.general_desc.possible_length if metadata else ()
        self._shortest = min(lengths, default=1)
        prefix = (metadata.national_prefix or "") if metadata else ""
        self._longest = max(lengths, default=0) + len(prefix) if lengths else None

    def _parse_and_verify(self, candidate: str, offset: int):  # noqa: ANN202 (library type)
        if _too_short(candidate, self._shortest) or _too_long(candidate, self._longest):
            return None
        if (offset, candidate) in self._failed:
            return None  # the inner-match search tries a failed candidate again as its own group
        if (match := self._found.get((offset, candidate))) is not None:
            return match  # an earlier region's: its span is found, whatever this region says
        match = super()._parse_and_verify(candidate, offset)
        if match is None:
            self._failed.add((offset, candidate))
        else:
            self._found[(offset, candidate)] = match
        return match


_STATE_AND_ZIP = re.compile(
    r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA"
    r"|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]) ?\d{5}"
)


class InkoutUsLicenseRecognizer(presidio_predefined.UsLicenseRecognizer):
    """Presidio's US driver's licence recognizer without the codes no state issues.

    Its weak pattern, matched ignoring case, takes any letter and digits for a licence, at
    POSSIBLE without context: "A4" paper, "Room B12", "v2". Every state's number with a letter
    in it has four characters or more, and licences are printed in capitals.
    """

    REPLACES = "UsLicenseRecognizer"

    def __init__(self) -> None:
        super().__init__(name="InkoutUsLicenseRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        letters = [c for c in pattern_text if c.isalpha()]
        if _STATE_AND_ZIP.fullmatch(pattern_text):
            return True  # "TX78701": a state and its ZIP code, the space between them lost
        return bool(letters) and (len(pattern_text) < 4 or not all(c.isupper() for c in letters))


class InkoutPhoneRecognizer(presidio_predefined.PhoneRecognizer):
    """Presidio's phone recognizer (same regions, leniency, score and context words), with
    candidates too short or too long for a region skipped unparsed, none parsed twice in one
    region, and none that one region found parsed again in the next: the same findings,
    faster; but for numbers starting with a small letter, which are a masked number's bullets
    read as letters, never a vanity number ("1-800-FLOWERS")."""

    REPLACES = "PhoneRecognizer"

    def __init__(self) -> None:
        super().__init__(name="InkoutPhoneRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        results = []
        # A candidate one region found is not parsed again in the next: its span is found, and
        # what another region would find inside it instead is a duplicate removed below.
        found: dict[tuple[int, str], phonenumbers.PhoneNumberMatch] = {}
        for region in self.supported_regions:
            # The region only names the match in the explanation, which inkout never returns:
            # looking up the number's own region (as Presidio does) would cost a third of this.
            for match in _RegionMatcher(text, region, self.leniency, found):
                if match.raw_string[:1].islower():
                    continue  # bullets read as letters ("seeeee9912"), never a vanity number
                results.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)


def all_recognizers() -> list[EntityRecognizer]:
    """inkout's recognizers; those with a REPLACES name take the place of Presidio's own."""
    return [
        InkoutPhoneRecognizer(),
        InkoutUsLicenseRecognizer(),
        date_of_birth(),
        street_address(),
        garbled_street(),
        medical_record_number(),
        labelled_name(),
        GazetteerNameRecognizer(),
        two_series_card(),
        split_card(),
        marked_card(),
        doubled_card(),
        letter_in_card(),
        spaced_ipv6(),
        ipv6_colon_lost(),
        loose_ipv4(),
        ssn_digit_dropped(),
        card_digit_dropped(),
        ssn_groups_shifted(),
        spaced_ssn(),
        ip_dot_dropped(),
        ip_space_for_dot(),
        ip_space_in_octet(),
        glued_ipv4(),
        garbled_ip(),
        misread_iban(),
        misread_iban_digit(),
        glued_iban(),
        marked_iban(),
        iban_digit_dropped(),
        *labelled_values(),
        plus_read_as_four(),
        glued_phone(),
        marked_country_code(),
        *ocr_tolerant_web(),
        SplitWebRecognizer(),
    ]
