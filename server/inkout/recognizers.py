"""inkout's own Presidio recognizers, for DLP info types that Presidio has no detector for.

They are ordinary Presidio PatternRecognizers, registered once at start beside the predefined
ones, so Presidio's context words apply: a bare date or number scores too low to be reported,
and the words around it ("DOB", "born", "MRN") raise it above DLP's default minimum.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATES = [
    r"\b(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|[12]\d|3[01])[/.\-](?:19|20)?\d{2}\b",
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
        context=["dob", "birth", "born", "birthday", "birthdate", "d.o.b", "geburtsdatum"],
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
        context=["mrn", "medical", "record", "chart", "patient", "hospital", "accession"],
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


def all_recognizers() -> list[PatternRecognizer]:
    return [date_of_birth(), street_address(), medical_record_number(), labelled_name()]
