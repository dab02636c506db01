"""The catalogue of built-in info types, and how Presidio's scores become DLP likelihoods.

Names are Google Cloud DLP's where DLP has the same detector, so code written for DLP asks for
what it always asked for; Presidio's entity names are accepted as aliases. Where DLP has no
equivalent (CRYPTO, UUID, NRP) Presidio's name is the canonical one. The table covers every
entity that presidio-analyzer's default English registry produces with our spaCy configuration
(detect.NER_CONFIGURATION); tests/test_detect.py checks that against the live engine.

Presidio score -> DLP likelihood (``likelihood_of``):

    score >= 0.85   VERY_LIKELY    validated matches score 1.0 (Luhn-checked cards, e-mails
                                   with a real top-level domain, IBAN / NHS / DEA checksums);
                                   spaCy NER scores 0.85; a pattern with a context word nearby
                                   (0.5 + 0.35, e.g. "SSN: 536-22-8765")
    score >= 0.5    LIKELY         medium patterns: SSNs in ddd-dd-dddd form that pass the range
                                   checks (0.5), IP addresses (0.6), URLs (0.5-0.6), dates
                                   (0.6-0.8), a phone number with a context word (0.75)
    score >= 0.3    POSSIBLE       a plain phone number (0.4), unvalidated medium patterns (0.3)
    score >= 0.15   UNLIKELY       weak date forms (0.2)
    score <  0.15   VERY_UNLIKELY  Presidio's deliberately weak patterns (0.01-0.1): any 9 digits
                                   as SSN/passport, 8-17 digits as a bank account, ...

DLP's default min_likelihood is POSSIBLE, so by default weak guesses are dropped and a bare
phone number is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from inkout.errors import InvalidArgument
from inkout.model import Likelihood


@dataclass(frozen=True, slots=True)
class InfoTypeInfo:
    """One built-in detector as ListInfoTypes describes it, plus the Presidio entity behind it."""

    name: str
    display_name: str
    description: str
    aliases: tuple[str, ...] = ()
    presidio_entity: str = ""
    in_default: bool = True


def _info(
    name: str, display: str, description: str, presidio: str, *aliases: str, default: bool = True
) -> InfoTypeInfo:
    return InfoTypeInfo(name, display, description, tuple(aliases), presidio, default)


# DLP: "ALL_BASIC" asks for every built-in detector. A request with no info types gets the
# default list instead: every detector of data that points at a person or an account, but not
# generic dates, times and place names, which most images are full of ("July 2023", "11:52",
# "Ohio") and which identify no one on their own. Birth dates are DATE_OF_BIRTH, streets
# STREET_ADDRESS: both are in the default list.
ALL_BASIC = "ALL_BASIC"
_NOT_DEFAULT = " Not in the default list: ask for it by name, or with ALL_BASIC."


# Canonical name, display name, description, Presidio entity, aliases (Presidio's name first).
_CATALOGUE: tuple[InfoTypeInfo, ...] = (
    _info(
        "PERSON_NAME",
        "Person name",
        "A person's full name or part of it, found by the spaCy named-entity model.",
        "PERSON",
        "PERSON",
    ),
    _info(
        "EMAIL_ADDRESS",
        "Email address",
        "An e-mail address whose domain ends in a real top-level domain.",
        "EMAIL_ADDRESS",
    ),
    _info(
        "PHONE_NUMBER",
        "Phone number",
        "A telephone number in a national or international format (libphonenumber).",
        "PHONE_NUMBER",
    ),
    _info(
        "US_SOCIAL_SECURITY_NUMBER",
        "US Social Security number",
        "A 9-digit US SSN, with impossible area, group and serial numbers rejected.",
        "US_SSN",
        "US_SSN",
    ),
    _info(
        "CREDIT_CARD_NUMBER",
        "Credit card number",
        "A 12 to 19 digit payment card number; only numbers passing the Luhn check are likely.",
        "CREDIT_CARD",
        "CREDIT_CARD",
    ),
    _info(
        "IBAN_CODE",
        "IBAN",
        "An International Bank Account Number with a valid country format and checksum.",
        "IBAN_CODE",
    ),
    _info("IP_ADDRESS", "IP address", "An IPv4 or IPv6 address.", "IP_ADDRESS"),
    _info("URL", "URL", "A web address, with or without its scheme.", "URL"),
    _info(
        "LOCATION",
        "Location",
        "A place name: a country, city, region or facility, found by the spaCy model."
        + _NOT_DEFAULT,
        "LOCATION",
        default=False,
    ),
    _info(
        "DATE",
        "Date",
        "A date or time of day, in numeric or written form." + _NOT_DEFAULT,
        "DATE_TIME",
        "DATE_TIME",
        default=False,
    ),
    _info(
        "US_DRIVERS_LICENSE_NUMBER",
        "US driver's license number",
        "A driver's license number in one of the formats used by US states.",
        "US_DRIVER_LICENSE",
        "US_DRIVER_LICENSE",
    ),
    _info(
        "US_PASSPORT",
        "US passport number",
        "A US passport number (9 digits, or a letter and 8 digits).",
        "US_PASSPORT",
    ),
    _info(
        "US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER",
        "US ITIN",
        "A US Individual Taxpayer Identification Number: nine digits starting with 9.",
        "US_ITIN",
        "US_ITIN",
    ),
    _info(
        "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
        "UK NHS number",
        "A 10-digit UK National Health Service number with a valid check digit.",
        "UK_NHS",
        "UK_NHS",
    ),
    _info(
        "US_DEA_NUMBER",
        "US DEA number",
        "A US Drug Enforcement Administration registration number with a valid check digit.",
        "MEDICAL_LICENSE",
        "MEDICAL_LICENSE",
    ),
    _info(
        "FINANCIAL_ACCOUNT_NUMBER",
        "US bank account number",
        "A US bank account number (8 to 17 digits); likely only next to words like 'account'.",
        "US_BANK_NUMBER",
        "US_BANK_NUMBER",
    ),
    _info("MAC_ADDRESS", "MAC address", "A network hardware (MAC) address.", "MAC_ADDRESS"),
    _info(
        "CRYPTO",
        "Cryptocurrency wallet address",
        "A Bitcoin wallet address with a valid checksum.",
        "CRYPTO",
    ),
    _info("UUID", "UUID", "A universally unique identifier (GUID).", "UUID"),
    _info(
        "DATE_OF_BIRTH",
        "Date of birth",
        "A date next to a word that marks it as a birth date (DOB, born, date of birth).",
        "DATE_OF_BIRTH",
    ),
    _info(
        "STREET_ADDRESS",
        "Street address",
        "A house number and street name ending in a street type (1234 Maple Avenue).",
        "STREET_ADDRESS",
    ),
    _info(
        "MEDICAL_RECORD_NUMBER",
        "Medical record number",
        "An identifier of 5 to 10 digits after a label such as MRN, chart or patient ID.",
        "MEDICAL_RECORD_NUMBER",
    ),
    _info(
        "NRP",
        "Nationality, religious or political group",
        "A nationality, religious or political group, found by the spaCy model.",
        "NRP",
    ),
)

_BY_NAME: dict[str, InfoTypeInfo] = {}
for _entry in _CATALOGUE:
    for _key in (_entry.name, *_entry.aliases):
        if _key in _BY_NAME:
            raise RuntimeError(f"info type name {_key!r} is defined twice")  # a table typo
        _BY_NAME[_key] = _entry

_FROM_PRESIDIO: dict[str, str] = {e.presidio_entity: e.name for e in _CATALOGUE}


def all_builtin() -> tuple[InfoTypeInfo, ...]:
    """Every built-in detector, in catalogue order (what ListInfoTypes returns)."""
    return _CATALOGUE


def default_names() -> frozenset[str]:
    """What a request without info types looks for (see ALL_BASIC)."""
    return frozenset(e.name for e in _CATALOGUE if e.in_default)


def is_builtin(name: str) -> bool:
    """True for a canonical built-in name or one of its aliases."""
    return name in _BY_NAME


def canonical(name: str) -> str:
    """The canonical name for a built-in info type or alias; case-sensitive, as DLP is."""
    entry = _BY_NAME.get(name)
    if entry is None:
        names = ", ".join(e.name for e in _CATALOGUE)
        hint = ""
        if name.upper() in _BY_NAME and name != name.upper():
            hint = f' (names are case-sensitive: did you mean "{name.upper()}"?)'
        raise InvalidArgument(
            f'unknown info type "{name}"{hint}: use one of {names} '
            "(ListInfoTypes lists them; in info_types, "
            f"{ALL_BASIC} asks for all of them), or define it in custom_info_types"
        )
    return entry.name


def presidio_entity(canonical_name: str) -> str:
    """The Presidio entity that produces a built-in info type (aliases accepted too)."""
    return _BY_NAME[canonical(canonical_name)].presidio_entity


def from_presidio(entity: str) -> str | None:
    """The canonical name for a Presidio entity, or None if the catalogue does not offer it."""
    return _FROM_PRESIDIO.get(entity)


# (lowest score, likelihood), highest first: see the table in the module docstring.
LIKELIHOOD_THRESHOLDS: tuple[tuple[float, Likelihood], ...] = (
    (0.85, Likelihood.VERY_LIKELY),
    (0.5, Likelihood.LIKELY),
    (0.3, Likelihood.POSSIBLE),
    (0.15, Likelihood.UNLIKELY),
)


def likelihood_of(score: float) -> Likelihood:
    """DLP likelihood for a Presidio confidence score in [0, 1]."""
    for lowest, likelihood in LIKELIHOOD_THRESHOLDS:
        if score >= lowest:
            return likelihood
    return Likelihood.VERY_UNLIKELY
