"""inkout's own Presidio recognizers, for DLP info types that Presidio has no detector for.

They are ordinary Presidio PatternRecognizers, registered once at start beside the predefined
ones, so Presidio's context words apply: a bare date or number scores too low to be reported,
and the words around it ("DOB", "born", "MRN") raise it above DLP's default minimum.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer import predefined_recognizers as presidio_predefined
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

from inkout import names

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATES = [
    # OCR may read the second separator as a comma ("13.04, 1943") or put a space after the
    # first ("06. 16.1976").
    r"\b(?:0?[1-9]|[12]\d|3[01])[/.\-] ?(?:0?[1-9]|[12]\d|3[01])(?:[/.\-]|, ?)(?:19|20)?\d{2}\b",
    r"\b(?:19|20)\d{2}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01])\b",
    rf"\b{_MONTHS}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b",
    rf"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+{_MONTHS},?\s+(?:19|20)\d{{2}}\b",
]
_STREET_TYPES = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Way|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct"
    r"|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Alley|Row|Crescent|Close)\b\.?"
)


def date_of_birth() -> PatternRecognizer:
    """A date is a date of birth only beside a word that says so: alone it scores 0.1."""
    return PatternRecognizer(
        supported_entity="DATE_OF_BIRTH",
        name="InkoutDateOfBirthRecognizer",
        patterns=[Pattern(f"date {i}", p, 0.1) for i, p in enumerate(_DATES)],
        # OCR often reads "DOB" as "D0B" or "Doe" and "birth" as "bith": they count too.
        context=[
            *("dob", "birth", "born", "birthday", "birthdate", "d.o.b", "geburtsdatum"),
            *("d0b", "doe", "bith"),
        ],
    )


def street_address() -> PatternRecognizer:
    """A house number, one to four capitalised words and a street type: "1234 Maple Avenue"."""
    pattern = rf"\b\d{{1,6}}[A-Za-z]?\s+(?:[A-Z][A-Za-z'.-]*\s+){{1,4}}{_STREET_TYPES}"
    return PatternRecognizer(
        supported_entity="STREET_ADDRESS",
        name="InkoutStreetAddressRecognizer",
        patterns=[Pattern("house number, street, type", pattern, 0.5)],
        context=["address", "street", "addr", "residence", "lives", "ship", "mailing"],
    )


def medical_record_number() -> PatternRecognizer:
    """An identifier is a medical record number only after a label such as "MRN"."""
    return PatternRecognizer(
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="InkoutMedicalRecordNumberRecognizer",
        patterns=[Pattern("record id", r"\b(?:[A-Z]{1,3}-?)?\d{5,10}\b", 0.05)],
        # OCR drops or mistakes the M of a small "MRN" label: "RN", "MRM".
        context=[
            *("mrn", "medical", "record", "chart", "patient", "hospital", "accession"),
            *("rn", "mrm"),
        ],
    )


def labelled_name() -> PatternRecognizer:
    """A line or table cell holding only two to four capitalised words ("Lukas Hoffmann",
    "GIRARD, ANTOINE", "Anderson, Sarah"), alone or after "Label: ", is a name only after a
    label that says so: alone it scores 0.2, too low to report; "Name", "Spouse", "Account
    holder" lift it."""
    word = r"[A-Z][A-Za-z\u00C0-\u024F'\u2019-]+"
    pattern = rf"(?m)(?:^[ \t]*|(?<=: )){word},?(?:[ \t]+{word}){{1,3}}[ \t]*$"
    return PatternRecognizer(
        supported_entity="PERSON",
        name="InkoutLabelledNameRecognizer",
        patterns=[Pattern("capitalised words alone on a line", pattern, 0.2)],
        # "customer", "contact" and the like also head the buttons and menus of application
        # screens, so they cost some collateral there; measured on the accuracy corpus, leaving
        # them out leaked more values than it spared words, and a leak is the worse error.
        context=(
            "name patient spouse holder contact customer client employee owner recipient "
            "sender signed physician doctor dr referring technician guardian applicant tenant "
            "attn dear"
        ).split(),
    )


# Host names as OCR reads them: a space may follow a dot ("example. com").
_HOST = r"[A-Za-z0-9-]+(?:\. ?[A-Za-z0-9-]+)*\. ?(?-i:[a-z]{2,12})\b"


def ocr_tolerant_web() -> list[PatternRecognizer]:
    """URLs and e-mail addresses as OCR misreads them: a space after "@" or a dot, a comma
    for a dot in the user name, a space before its last character ("linhle5 o@": a user
    name of one character is all but unknown), "http:/" or "https: //" for "http://",
    "www -" for "www.", spaces for the dots of a host when a path follows
    ("https: /drive example comifile/a/77").
    Presidio's own recognizers find the well-read ones (and validate their top-level domain);
    these find the rest, at LIKELY.
    A URL with a scheme needs no public top-level domain: intranet hosts ("wiki.corp.local")
    are as sensitive as any."""
    url = PatternRecognizer(
        supported_entity="URL",
        name="InkoutOcrUrlRecognizer",
        patterns=[
            Pattern(
                "scheme, then a host, as read",
                r"\b(?:https?|ftp) ?: ?[/lI|]{1,2} ?" + _HOST + r"(?::\d+)?(?:/[^\s]*)?",
                0.6,
            ),
            Pattern(
                "scheme, then a host read with spaces for its dots, then a path",
                r"\b(?:https?|ftp) ?: ?[/lI|]{1,2} ?[A-Za-z0-9-]+(?: [A-Za-z0-9-]+){1,3}/[^\s]*",
                0.6,
            ),
            Pattern(
                "www, then a host, as read",
                r"\bwww ?[.,-] ?" + _HOST + r"(?:/[^\s]*)?",
                0.6,
            ),
        ],
    )
    email = PatternRecognizer(
        supported_entity="EMAIL_ADDRESS",
        name="InkoutOcrEmailRecognizer",
        patterns=[
            Pattern(
                "address with a space after @ or a dot",
                r"\b[A-Za-z0-9._%+,-]+ ?@ ?" + _HOST,
                0.6,
            ),
            Pattern(
                "address with a space before the last letter of the user name",
                r"\b[A-Za-z0-9._%+-]{2,} [A-Za-z0-9]@ ?" + _HOST,
                0.6,
            ),
        ],
    )
    return [url, email]


def _after_label(*labels: str) -> str:
    """A lookbehind: right after one of the labels and a space, a colon or a line break (a
    value read below its label comes after it on a line of its own)."""
    seps = (" ", ": ", ":", "\n", ":\n", "# ")
    alternatives = (f"(?<=\\b{re.escape(label)}{sep})" for label in labels for sep in seps)
    return "(?:" + "|".join(alternatives) + ")"


def labelled_values() -> list[PatternRecognizer]:
    """Values right after the label that names them, in their type's shape, though OCR broke
    what identifies them elsewhere: one misread digit fails an IBAN's mod-97 check ("2311"
    for "3311"), a dropped digit an SSN's 3-2-4 groups ("72-06-1086"), a misread octet an
    IP address ("142.130.860.172"). LIKELY, as label and shape agree; without the label
    these shapes are not reported."""
    return [
        PatternRecognizer(
            supported_entity="IBAN_CODE",
            name="InkoutLabelledIbanRecognizer",
            patterns=[
                Pattern(
                    "IBAN shape after its label",
                    _after_label("IBAN")
                    + r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
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
                    _after_label("SSN", "Social Security No", "Social Security Number")
                    + r"\d{2,3}[- ]?\d{1,2}[- ]?\d{3,4}\b",
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
                    _after_label("IP", "IP address") + r"\d{1,3}(?:\.\d{1,3}){3}\b",
                    0.6,
                )
            ],
        ),
    ]


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
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "rev"})


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
    "sakura" for "Sakura"."""
    if len(word) > 2 and word[1:].islower():
        if word[0] == "l":
            return (word, "I" + word[1:])
        if word[0] in _SAME_SHAPE and not names.lexicon().is_english(word):
            return (word, word[0].upper() + word[1:])  # "will", "customer" stay words
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
            RecognizerResult("PERSON", start, end, self.SCORE, recognition_metadata=self._meta())
            for start, end in name_spans(text)
        ]

    def _meta(self) -> dict:
        return {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }


def name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that the name lists and the shape of the words say are person names."""
    lex = names.lexicon()

    def kind(word: str) -> tuple[bool, bool]:
        keys = [names.fold(v) for v in _ocr_variants(word)]
        return any(k in lex.given for k in keys), any(k in lex.surnames for k in keys)

    def shaped(word: str) -> bool:
        # A lower-case word counts only as a listed name: "sakura", not "custome" (cut short)
        return _capitalised(word) or (len(_ocr_variants(word)) > 1 and any(kind(word)))

    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        row, base = line.group(), line.start()
        words = list(_WORD.finditer(row))
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            first, second = a.group(), b.group()
            if not (shaped(first) and shaped(second)):
                continue
            gap = row[a.end() : b.start()]
            (a_given, a_surname), (b_given, b_surname) = kind(first), kind(second)
            if gap == " ":
                if a_given and b_surname:
                    found = True
                elif a_given:  # "Chiamaka Obi": a known given name, an unlisted surname
                    found = not b_given and not lex.is_english(second)
                elif b_surname:  # "Oluwaseun Balogun": an unlisted given name, a known surname
                    found = not a_surname and not lex.is_english(first)
                else:
                    found = False
                # A middle name or initial between the two: "Katarzyna M. Nowak", "Mary Anne Smith".
                after = row[b.end() : words[i + 2].start()] if i + 2 < len(words) else ""
                if a_given and after in (" ", ". "):
                    third = words[i + 2].group()
                    if shaped(third) and kind(third)[1]:
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
                    and before.group().lower() not in _TITLES
                )
                # In capitals ("TRAN, HOA"), as forms and worklists write patients, a listed
                # surname may come before a given name the lists lack, unless that is a word
                # or a place ("MADISON, WISCONSIN").
                unlisted = (
                    first.isupper()
                    and second.isupper()
                    and len(second) >= 3
                    and not b_surname
                    and not lex.is_english(second)
                    and second.lower() not in _PLACES
                )
                found = a_surname and (b_given or unlisted) and not phrase
            else:
                found = False
            if found:
                spans.append((base + a.start(), base + b.end()))
        for w in words:
            if _glued_name(w.group(), kind):
                spans.append((base + w.start(), base + w.end()))
    return spans


def _glued_name(word: str, kind) -> bool:
    """A given name and a surname OCR read without the space between them: "LUCIAMORENO",
    "LuciaMoreno". Only in capitals or with a capital at the join, both parts listed and of
    three letters or more, and never an English word."""
    if len(word) < 7 or not word[0].isupper() or names.lexicon().is_english(word):
        return False
    if word.isupper():
        joins = range(3, len(word) - 2)
    else:
        joins = [k for k in range(3, len(word) - 2) if word[k].isupper() and word[1:k].islower()]
    return any(kind(word[:k])[0] and kind(word[k:])[1] for k in joins)


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

    def __init__(self, text: str, region: str, leniency: int) -> None:
        super().__init__(text, region, leniency=leniency)
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        lengths = metadata.general_desc.possible_length if metadata else ()
        self._shortest = min(lengths, default=1)
        prefix = (metadata.national_prefix or "") if metadata else ""
        self._longest = max(lengths, default=0) + len(prefix) if lengths else None

    def _parse_and_verify(self, candidate: str, offset: int):  # noqa: ANN202 (library type)
        if _too_short(candidate, self._shortest) or _too_long(candidate, self._longest):
            return None
        return super()._parse_and_verify(candidate, offset)


class InkoutPhoneRecognizer(presidio_predefined.PhoneRecognizer):
    """Presidio's phone recognizer (same regions, leniency, score and context words), with
    candidates too short or too long for a region skipped unparsed: the same findings,
    faster."""

    REPLACES = "PhoneRecognizer"

    def __init__(self) -> None:
        super().__init__(name="InkoutPhoneRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        results = []
        for region in self.supported_regions:
            # The region only names the match in the explanation, which inkout never returns:
            # looking up the number's own region (as Presidio does) would cost a third of this.
            for match in _RegionMatcher(text, region, self.leniency):
                results.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)


def all_recognizers() -> list[EntityRecognizer]:
    """inkout's recognizers; those with a REPLACES name take the place of Presidio's own."""
    return [
        InkoutPhoneRecognizer(),
        date_of_birth(),
        street_address(),
        medical_record_number(),
        labelled_name(),
        GazetteerNameRecognizer(),
        two_series_card(),
        *labelled_values(),
        *ocr_tolerant_web(),
    ]
