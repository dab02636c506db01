"""The info-type catalogue: DLP names, Presidio aliases, and the score-to-likelihood table."""

from __future__ import annotations

import pytest

from inkout import infotypes
from inkout.errors import InvalidArgument
from inkout.model import Likelihood

DLP_NAMES = [
    "PERSON_NAME",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "US_SOCIAL_SECURITY_NUMBER",
    "CREDIT_CARD_NUMBER",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "LOCATION",
    "DATE",
    "US_DRIVERS_LICENSE_NUMBER",
    "US_PASSPORT",
    "US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER",
    "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    "US_DEA_NUMBER",
    "FINANCIAL_ACCOUNT_NUMBER",
    "MAC_ADDRESS",
]

ALIASES = {
    "PERSON": "PERSON_NAME",
    "US_SSN": "US_SOCIAL_SECURITY_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD_NUMBER",
    "DATE_TIME": "DATE",
    "US_DRIVER_LICENSE": "US_DRIVERS_LICENSE_NUMBER",
    "US_ITIN": "US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER",
    "UK_NHS": "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    "MEDICAL_LICENSE": "US_DEA_NUMBER",
    "US_BANK_NUMBER": "FINANCIAL_ACCOUNT_NUMBER",
}


@pytest.mark.parametrize("name", DLP_NAMES)
def test_dlp_names_are_canonical(name: str) -> None:
    assert infotypes.canonical(name) == name


@pytest.mark.parametrize(("alias", "name"), sorted(ALIASES.items()))
def test_presidio_names_are_accepted_as_aliases(alias: str, name: str) -> None:
    assert infotypes.canonical(alias) == name
    assert infotypes.presidio_entity(name) == alias
    assert infotypes.presidio_entity(alias) == alias
    assert infotypes.from_presidio(alias) == name


@pytest.mark.parametrize("name", ["CRYPTO", "UUID", "NRP"])
def test_presidio_name_stays_canonical_where_dlp_has_no_equivalent(name: str) -> None:
    assert infotypes.canonical(name) == name
    assert infotypes.presidio_entity(name) == name


def test_every_canonical_name_maps_to_itself_and_aliases_do_not_collide() -> None:
    seen: set[str] = set()
    for info in infotypes.all_builtin():
        assert infotypes.canonical(info.name) == info.name
        for key in (info.name, *info.aliases):
            assert key not in seen
            seen.add(key)
            assert infotypes.canonical(key) == info.name


def test_all_builtin_describes_each_type_for_list_info_types() -> None:
    infos = infotypes.all_builtin()
    assert [i.name for i in infos][: len(DLP_NAMES)] == DLP_NAMES
    for info in infos:
        assert info.display_name and info.description and info.presidio_entity
        assert info.description.endswith(".")
    presidio = [i.presidio_entity for i in infos]
    assert len(presidio) == len(set(presidio))


def test_unknown_name_says_what_to_do() -> None:
    with pytest.raises(InvalidArgument) as raised:
        infotypes.canonical("FOO")
    message = str(raised.value)
    assert 'unknown info type "FOO"' in message
    assert "PERSON_NAME" in message and "EMAIL_ADDRESS" in message
    assert "ListInfoTypes" in message


def test_names_are_case_sensitive_and_the_error_suggests_the_right_case() -> None:
    with pytest.raises(InvalidArgument, match='did you mean "EMAIL_ADDRESS"'):
        infotypes.canonical("email_address")
    with pytest.raises(InvalidArgument):
        infotypes.presidio_entity("Person")


@pytest.mark.parametrize(
    ("score", "likelihood"),
    [
        (1.0, Likelihood.VERY_LIKELY),  # validated: Luhn, e-mail TLD, checksums
        (0.85, Likelihood.VERY_LIKELY),  # spaCy NER; a pattern with a context word
        (0.8499, Likelihood.LIKELY),
        (0.6, Likelihood.LIKELY),
        (0.5, Likelihood.LIKELY),  # SSN with valid ranges
        (0.4999, Likelihood.POSSIBLE),
        (0.4, Likelihood.POSSIBLE),  # a plain phone number
        (0.3, Likelihood.POSSIBLE),
        (0.2999, Likelihood.UNLIKELY),
        (0.15, Likelihood.UNLIKELY),
        (0.1499, Likelihood.VERY_UNLIKELY),
        (0.1, Likelihood.VERY_UNLIKELY),  # Presidio's deliberately weak patterns
        (0.05, Likelihood.VERY_UNLIKELY),
        (0.0, Likelihood.VERY_UNLIKELY),
    ],
)
def test_likelihood_table_edges(score: float, likelihood: Likelihood) -> None:
    assert infotypes.likelihood_of(score) == likelihood


def test_likelihood_thresholds_descend() -> None:
    lows = [low for low, _ in infotypes.LIKELIHOOD_THRESHOLDS]
    levels = [level for _, level in infotypes.LIKELIHOOD_THRESHOLDS]
    assert lows == sorted(lows, reverse=True)
    assert levels == sorted(levels, reverse=True)
