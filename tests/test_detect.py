"""The detector against the real Presidio + spaCy pipeline: built-ins, custom info types,
hotword and exclusion rules with DLP's semantics, validation, and concurrent use."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import pytest

from inkout import infotypes
from inkout.detect import Detector, is_header
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
    RuleSet,
)

SENTENCE = (
    "Please contact John Smith at john.smith@example.com or (212) 736-5000. "
    "His SSN is 536-22-8765 and card 4111 1111 1111 1111."
)
EMAILS = "Write to alice@example.com or bob@corp.example.org, docs at https://example.org/page."
PHONE = "Reach me on (212) 736-5000 today."

VU, U, P, L, VL = (
    Likelihood.VERY_UNLIKELY,
    Likelihood.UNLIKELY,
    Likelihood.POSSIBLE,
    Likelihood.LIKELY,
    Likelihood.VERY_LIKELY,
)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def span(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


def quotes(text: str, found: Iterable[Detection], info_type: str | None = None) -> list[str]:
    return [text[d.start : d.end] for d in found if info_type in (None, d.info_type)]


def types(found: Iterable[Detection]) -> set[str]:
    return {d.info_type for d in found}


def hot(pattern: str, before: int = 0, after: int = 0, **adjust) -> HotwordRule:
    return HotwordRule(Regex(pattern), Proximity(before, after), **adjust)


def only(*info_types: str, **kwargs) -> InspectSpec:
    return InspectSpec(info_types=info_types, **kwargs)


# ----- built-in detectors -----


def test_catalogue_covers_every_entity_the_engine_produces(detector: Detector) -> None:
    assert {i.presidio_entity for i in infotypes.all_builtin()} == detector.supported_entities


@pytest.mark.parametrize(
    ("info_type", "value", "lowest"),
    [
        ("PERSON_NAME", "John Smith", L),
        ("EMAIL_ADDRESS", "john.smith@example.com", VL),
        ("PHONE_NUMBER", "(212) 736-5000", P),
        ("US_SOCIAL_SECURITY_NUMBER", "536-22-8765", L),
        ("CREDIT_CARD_NUMBER", "4111 1111 1111 1111", VL),
    ],
)
def test_finds_each_value_in_a_sentence_with_its_exact_span(
    detector: Detector, info_type: str, value: str, lowest: Likelihood
) -> None:
    found = detector.detect(SENTENCE, InspectSpec())
    matches = [
        d for d in found if d.info_type == info_type and (d.start, d.end) == span(SENTENCE, value)
    ]
    assert len(matches) == 1, quotes(SENTENCE, found, info_type)
    assert matches[0].likelihood >= lowest


def test_findings_are_sorted_by_start_then_end(detector: Detector) -> None:
    found = detector.detect(SENTENCE, InspectSpec())
    assert [(d.start, d.end) for d in found] == sorted((d.start, d.end) for d in found)


def test_validated_matches_are_very_likely_and_a_plain_phone_number_possible(
    detector: Detector,
) -> None:
    found = {d.info_type: d for d in detector.detect(SENTENCE, InspectSpec())}
    assert found["CREDIT_CARD_NUMBER"].likelihood == VL and found["CREDIT_CARD_NUMBER"].score == 1.0
    assert found["EMAIL_ADDRESS"].likelihood == VL
    assert found["PHONE_NUMBER"].likelihood == P


def test_a_card_number_failing_the_luhn_check_is_not_a_credit_card(detector: Detector) -> None:
    text = "Card 4111 1111 1111 1112 on file."
    found = detector.detect(text, InspectSpec(min_likelihood=VU))
    assert "CREDIT_CARD_NUMBER" not in types(found)


def test_empty_or_blank_text_finds_nothing(detector: Detector) -> None:
    assert detector.detect("", InspectSpec()) == []
    assert detector.detect(" \n\t", InspectSpec()) == []


def test_offsets_are_codepoints(detector: Detector) -> None:
    text = "Café ☕ — write to anna@example.com"
    found = detector.detect(text, only("EMAIL_ADDRESS"))
    assert [(d.start, d.end) for d in found] == [span(text, "anna@example.com")]


# ----- which info types, which likelihoods -----


def test_info_types_restrict_what_is_reported(detector: Detector) -> None:
    found = detector.detect(SENTENCE, only("EMAIL_ADDRESS", "PHONE_NUMBER"))
    assert types(found) == {"EMAIL_ADDRESS", "PHONE_NUMBER"}


def test_aliases_in_info_types_report_canonical_names(detector: Detector) -> None:
    found = detector.detect(SENTENCE, only("US_SSN", "CREDIT_CARD"))
    assert types(found) == {"US_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"}


DATED = "Visited Springfield, Ohio on 14 July 2023 at 11:52. DOB: 03/25/1961."


def test_no_info_types_leaves_generic_dates_and_places_but_not_births(detector: Detector) -> None:
    found = detector.detect(DATED, InspectSpec())
    assert "DATE" not in types(found) and "LOCATION" not in types(found)
    assert quotes(DATED, found, "DATE_OF_BIRTH") == ["03/25/1961"]


def test_all_basic_runs_every_built_in_and_dates_can_be_asked_for_by_name(
    detector: Detector,
) -> None:
    everything = types(detector.detect(DATED, only(infotypes.ALL_BASIC)))
    assert {"DATE", "LOCATION", "DATE_OF_BIRTH"} <= everything
    assert types(detector.detect(DATED, only("DATE"))) == {"DATE"}


def test_min_likelihood_drops_weaker_findings(detector: Detector) -> None:
    spec = only("EMAIL_ADDRESS", "PHONE_NUMBER", min_likelihood=L)
    assert types(detector.detect(SENTENCE, spec)) == {"EMAIL_ADDRESS"}


def test_default_minimum_is_possible_so_weak_patterns_are_dropped(detector: Detector) -> None:
    text = "Ref 536228765 attached."
    assert detector.detect(text, only("US_SOCIAL_SECURITY_NUMBER")) == []
    weak = detector.detect(text, only("US_SOCIAL_SECURITY_NUMBER", min_likelihood=VU))
    assert [(d.info_type, d.likelihood) for d in weak] == [("US_SOCIAL_SECURITY_NUMBER", VU)]


def test_per_type_minimum_overrides_the_global_one(detector: Detector) -> None:
    looser = only(
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        min_likelihood=VL,
        min_likelihood_per_info_type=(("PHONE_NUMBER", P),),
    )
    assert types(detector.detect(SENTENCE, looser)) == {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    stricter = only(
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        min_likelihood_per_info_type=(("PHONE_NUMBER", VL), ("EMAIL_ADDRESS", P)),
    )
    assert types(detector.detect(SENTENCE, stricter)) == {"EMAIL_ADDRESS"}


def test_per_type_minimum_accepts_aliases(detector: Detector) -> None:
    text = "Ref 536-22-8765 for John Smith."  # no context word: the SSN scores 0.5, LIKELY
    assert "US_SOCIAL_SECURITY_NUMBER" in types(detector.detect(text, only("US_SSN")))
    spec = only("PERSON", "US_SSN", min_likelihood_per_info_type=(("US_SSN", VL),))
    assert types(detector.detect(text, spec)) == {"PERSON_NAME"}


# ----- custom info types -----


def test_custom_regex_reports_the_whole_match_with_very_likely_by_default(
    detector: Detector,
) -> None:
    text = "Badge E-12345 issued; E-999 is too short."
    custom = CustomInfoType("EMPLOYEE_ID", regex=Regex(r"E-\d{5}"))
    found = detector.detect(text, only("EMPLOYEE_ID", custom_info_types=(custom,)))
    assert [(d.info_type, d.start, d.end, d.likelihood) for d in found] == [
        ("EMPLOYEE_ID", *span(text, "E-12345"), VL)
    ]


def test_custom_regex_group_indexes_report_only_the_groups(detector: Detector) -> None:
    text = "Badge E-12345-77 issued."
    custom = CustomInfoType("EMPLOYEE_ID", regex=Regex(r"E-(\d{5})-(\d\d)", (1, 2)))
    found = detector.detect(text, only("EMPLOYEE_ID", custom_info_types=(custom,)))
    assert quotes(text, found) == ["12345", "77"]


def test_custom_likelihood_is_used_and_filtered_by_the_minimum(detector: Detector) -> None:
    text = "Badge E-12345 issued."
    custom = CustomInfoType("EMPLOYEE_ID", likelihood=P, regex=Regex(r"E-\d{5}"))
    found = detector.detect(text, only("EMPLOYEE_ID", custom_info_types=(custom,)))
    assert [d.likelihood for d in found] == [P]
    spec = only("EMPLOYEE_ID", custom_info_types=(custom,), min_likelihood=L)
    assert detector.detect(text, spec) == []


def test_dictionary_words_match_case_insensitively_on_word_boundaries(detector: Detector) -> None:
    text = "The PROJECT, falcon files: Jennifer asked jen123 about Jen."
    custom = CustomInfoType("CODENAME", words=("Project Falcon", "jen"))
    found = detector.detect(text, only("CODENAME", custom_info_types=(custom,)))
    assert quotes(text, found) == ["PROJECT, falcon", "jen", "Jen"]
    assert [d.start for d in found][1] == text.index("jen123")


def test_dictionary_prefers_the_longest_phrase_at_a_position(detector: Detector) -> None:
    text = "Ask John Smith or John."
    custom = CustomInfoType("STAFF", words=("john", "John Smith"))
    found = detector.detect(text, only("STAFF", custom_info_types=(custom,)))
    assert quotes(text, found) == ["John Smith", "John"]


def test_custom_types_alone_still_run_every_built_in(detector: Detector) -> None:
    custom = CustomInfoType("SURNAME", words=("Smith",))
    found = detector.detect(SENTENCE, InspectSpec(custom_info_types=(custom,)))
    assert {"SURNAME", "EMAIL_ADDRESS", "CREDIT_CARD_NUMBER"} <= types(found)


def test_naming_only_custom_types_runs_no_built_ins(detector: Detector) -> None:
    custom = CustomInfoType("SURNAME", words=("Smith",))
    found = detector.detect(SENTENCE, only("SURNAME", custom_info_types=(custom,)))
    assert types(found) == {"SURNAME"}


def test_same_type_and_span_is_reported_once(detector: Detector) -> None:
    text = "Vendor Acme Corp."
    custom = CustomInfoType("VENDOR", regex=Regex(r"(Acme)", (0, 1)))
    found = detector.detect(text, only("VENDOR", custom_info_types=(custom,)))
    assert quotes(text, found) == ["Acme"]


def test_overlapping_findings_of_different_types_are_all_kept(detector: Detector) -> None:
    custom = CustomInfoType("MAILBOX", regex=Regex(r"john\.smith"))
    found = detector.detect(SENTENCE, only("EMAIL_ADDRESS", "MAILBOX", custom_info_types=(custom,)))
    assert quotes(SENTENCE, found) == ["john.smith", "john.smith@example.com"]


# ----- hotword rules -----


def phone_rule(*rules: HotwordRule) -> RuleSet:
    return RuleSet(("PHONE_NUMBER",), hotword_rules=rules)


def phone_likelihoods(detector: Detector, *rules: HotwordRule, **kwargs) -> list[Likelihood]:
    spec = only("PHONE_NUMBER", rule_sets=(phone_rule(*rules),), **kwargs)
    return [d.likelihood for d in detector.detect(PHONE, spec)]


def test_phone_number_without_hotword_is_possible(detector: Detector) -> None:
    assert phone_likelihoods(detector) == [P]


def test_hotword_before_raises_likelihood(detector: Detector) -> None:
    assert phone_likelihoods(detector, hot(r"(?i)reach me", before=15, relative_likelihood=1)) == [
        L
    ]
    rule = hot(r"(?i)reach me", before=15, fixed_likelihood=VL)
    assert phone_likelihoods(detector, rule) == [VL]


def test_hotword_after_lowers_likelihood_and_can_drop_the_finding(detector: Detector) -> None:
    rule = hot(r"today", after=10, relative_likelihood=-2)
    assert phone_likelihoods(detector, rule) == []
    assert phone_likelihoods(detector, rule, min_likelihood=VU) == [VU]


def test_hotword_adjustments_are_clamped(detector: Detector) -> None:
    assert phone_likelihoods(detector, hot(r"Reach", before=20, relative_likelihood=9)) == [VL]
    down = hot(r"Reach", before=20, relative_likelihood=-9)
    assert phone_likelihoods(detector, down, min_likelihood=VU) == [VU]


def test_hotword_outside_its_window_does_nothing(detector: Detector) -> None:
    assert phone_likelihoods(detector, hot(r"Reach", before=5, fixed_likelihood=VL)) == [P]
    assert phone_likelihoods(detector, hot(r"today", before=30, fixed_likelihood=VL)) == [P]


def test_hotword_rules_apply_in_order(detector: Detector) -> None:
    rules = (
        hot(r"Reach", before=20, fixed_likelihood=VU),
        hot(r"today", after=10, relative_likelihood=2),
    )
    assert phone_likelihoods(detector, *rules, min_likelihood=VU) == [P]


def test_custom_type_hotword_rules_adjust_its_findings(detector: Detector) -> None:
    text = "Order 123456 placed; badge 654321 issued."
    custom = CustomInfoType(
        "BADGE",
        likelihood=U,
        regex=Regex(r"\b\d{6}\b"),
        hotword_rules=(hot(r"(?i)badge", before=8, fixed_likelihood=VL),),
    )
    found = detector.detect(text, only("BADGE", custom_info_types=(custom,)))
    assert quotes(text, found) == ["654321"]


# ----- exclusion rules -----


def email_rule(rule: ExclusionRule) -> InspectSpec:
    return only("EMAIL_ADDRESS", rule_sets=(RuleSet(("EMAIL_ADDRESS",), exclusion_rules=(rule,)),))


def emails_left(detector: Detector, rule: ExclusionRule, text: str = EMAILS) -> list[str]:
    return quotes(text, detector.detect(text, email_rule(rule)))


def test_both_emails_are_found_without_rules(detector: Detector) -> None:
    assert quotes(EMAILS, detector.detect(EMAILS, only("EMAIL_ADDRESS"))) == [
        "alice@example.com",
        "bob@corp.example.org",
    ]


@pytest.mark.parametrize(
    ("matching", "left"),
    [
        (MatchingType.FULL_MATCH, ["bob@corp.example.org"]),
        (MatchingType.PARTIAL_MATCH, ["bob@corp.example.org"]),
        (MatchingType.INVERSE_MATCH, ["alice@example.com"]),
    ],
)
def test_dictionary_exclusion(detector: Detector, matching: MatchingType, left: list[str]) -> None:
    rule = ExclusionRule(words=("ALICE@example.com",), matching_type=matching)
    assert emails_left(detector, rule) == left


def test_dictionary_full_match_needs_the_whole_finding(detector: Detector) -> None:
    full = ExclusionRule(words=("example.org",), matching_type=MatchingType.FULL_MATCH)
    assert emails_left(detector, full) == ["alice@example.com", "bob@corp.example.org"]
    partial = ExclusionRule(words=("example.org",), matching_type=MatchingType.PARTIAL_MATCH)
    assert emails_left(detector, partial) == ["alice@example.com"]


@pytest.mark.parametrize(
    ("pattern", "matching", "left"),
    [
        (r"[a-z]+@example\.com", MatchingType.FULL_MATCH, ["bob@corp.example.org"]),
        (r"example", MatchingType.FULL_MATCH, ["alice@example.com", "bob@corp.example.org"]),
        (r"@corp\.", MatchingType.PARTIAL_MATCH, ["alice@example.com"]),
        (r"@corp\.", MatchingType.INVERSE_MATCH, ["bob@corp.example.org"]),
    ],
)
def test_regex_exclusion(
    detector: Detector, pattern: str, matching: MatchingType, left: list[str]
) -> None:
    assert (
        emails_left(detector, ExclusionRule(regex=Regex(pattern), matching_type=matching)) == left
    )


def urls_left(detector: Detector, matching: MatchingType) -> list[str]:
    rule = ExclusionRule(info_types=("EMAIL_ADDRESS",), matching_type=matching)
    spec = only("URL", rule_sets=(RuleSet(("URL",), exclusion_rules=(rule,)),))
    return quotes(EMAILS, detector.detect(EMAILS, spec))


def test_urls_inside_emails_are_found_without_rules(detector: Detector) -> None:
    found = quotes(EMAILS, detector.detect(EMAILS, only("URL")))
    assert "example.com" in found and any(q.startswith("https://example.org/page") for q in found)


def test_info_type_exclusion_drops_findings_inside_or_overlapping_another_type(
    detector: Detector,
) -> None:
    for matching in (MatchingType.FULL_MATCH, MatchingType.PARTIAL_MATCH):
        left = urls_left(detector, matching)
        assert len(left) == 1 and left[0].startswith("https://example.org/page"), matching


def test_info_type_exclusion_inverse_keeps_only_overlapping_findings(detector: Detector) -> None:
    left = urls_left(detector, MatchingType.INVERSE_MATCH)
    assert left and all(
        "@" not in q and q in "alice@example.com bob@corp.example.org" for q in left
    )


def test_excluding_info_types_are_run_but_not_reported(detector: Detector) -> None:
    assert "EMAIL_ADDRESS" not in types(detector.detect(EMAILS, only("URL", rule_sets=())))
    rule = ExclusionRule(info_types=("EMAIL_ADDRESS",), matching_type=MatchingType.PARTIAL_MATCH)
    spec = only("URL", rule_sets=(RuleSet(("URL",), exclusion_rules=(rule,)),))
    assert types(detector.detect(EMAILS, spec)) == {"URL"}


@pytest.mark.parametrize(
    ("matching", "left"),
    [
        (MatchingType.FULL_MATCH, ["sales@example.net"]),
        (MatchingType.PARTIAL_MATCH, ["sales@example.net"]),
        (MatchingType.INVERSE_MATCH, ["help@example.com"]),
    ],
)
def test_exclude_by_hotword(detector: Detector, matching: MatchingType, left: list[str]) -> None:
    text = "Support: help@example.com. Sales: sales@example.net."
    rule = ExclusionRule(
        hotword=Regex(r"(?i)support"), hotword_proximity=Proximity(12, 0), matching_type=matching
    )
    assert emails_left(detector, rule, text) == left


def test_exclude_type_custom_is_not_reported_but_drives_exclusion_rules(
    detector: Detector,
) -> None:
    internal = CustomInfoType("INTERNAL_DOMAIN", words=("corp.example.org",), exclude=True)
    rule = ExclusionRule(info_types=("INTERNAL_DOMAIN",), matching_type=MatchingType.PARTIAL_MATCH)
    spec = only(
        "EMAIL_ADDRESS",
        "INTERNAL_DOMAIN",
        custom_info_types=(internal,),
        rule_sets=(RuleSet(("EMAIL_ADDRESS",), exclusion_rules=(rule,)),),
    )
    found = detector.detect(EMAILS, spec)
    assert [(d.info_type, EMAILS[d.start : d.end]) for d in found] == [
        ("EMAIL_ADDRESS", "alice@example.com")
    ]


def test_exclude_type_custom_without_a_rule_only_hides_its_own_findings(
    detector: Detector,
) -> None:
    internal = CustomInfoType("INTERNAL_DOMAIN", words=("corp.example.org",), exclude=True)
    spec = only("EMAIL_ADDRESS", custom_info_types=(internal,))
    assert quotes(EMAILS, detector.detect(EMAILS, spec)) == [
        "alice@example.com",
        "bob@corp.example.org",
    ]


def test_exclusion_rules_on_custom_types(detector: Detector) -> None:
    text = "Badges E-12345 and E-00000."
    custom = CustomInfoType("EMPLOYEE_ID", regex=Regex(r"E-\d{5}"))
    rule = ExclusionRule(regex=Regex(r"E-0+"), matching_type=MatchingType.FULL_MATCH)
    spec = only(
        "EMPLOYEE_ID",
        custom_info_types=(custom,),
        rule_sets=(RuleSet(("EMPLOYEE_ID",), exclusion_rules=(rule,)),),
    )
    assert quotes(text, detector.detect(text, spec)) == ["E-12345"]


# ----- validation -----

GOOD_REGEX = Regex(r"E-\d{5}")


def custom(**kwargs) -> InspectSpec:
    kwargs.setdefault("name", "EMPLOYEE_ID")
    return InspectSpec(custom_info_types=(CustomInfoType(**kwargs),))


def exclusion(**kwargs) -> InspectSpec:
    return InspectSpec(
        rule_sets=(RuleSet(("EMAIL_ADDRESS",), exclusion_rules=(ExclusionRule(**kwargs),)),)
    )


INVALID = {
    "unknown info type": (only("FOO"), ['info_types: unknown info type "FOO"', "ListInfoTypes"]),
    "unknown per-type minimum": (
        InspectSpec(min_likelihood_per_info_type=(("BAR", L),)),
        ['min_likelihood_per_info_type: unknown info type "BAR"'],
    ),
    "unknown rule set type": (
        InspectSpec(rule_sets=(RuleSet(("BAZ",), hotword_rules=(hot("x", 1),)),)),
        ['rule_set[0].info_types: unknown info type "BAZ"'],
    ),
    "unknown exclusion type": (
        exclusion(info_types=("QUX",)),
        ['exclusion_rules[0].exclude_info_types: unknown info type "QUX"'],
    ),
    "lower-case name": (only("email_address"), ['did you mean "EMAIL_ADDRESS"']),
    "bad custom regex": (
        custom(regex=Regex("E-(\\d")),
        ['"EMPLOYEE_ID".regex: invalid regex "E-(\\d"', "missing )", "RE2 syntax"],
    ),
    "bad hotword regex": (
        InspectSpec(rule_sets=(RuleSet(("PHONE_NUMBER",), hotword_rules=(hot("[a-", 5),)),)),
        ["rule_set[0].hotword_rules[0].hotword_regex: invalid regex", "missing ]"],
    ),
    "bad custom hotword regex": (
        custom(regex=GOOD_REGEX, hotword_rules=(hot("*x", 5),)),
        ['"EMPLOYEE_ID".detection_rules[0].hotword_regex: invalid regex "*x"'],
    ),
    "bad exclusion regex": (
        exclusion(regex=Regex("(?P<x")),
        ["exclusion_rules[0].regex: invalid regex"],
    ),
    "bad exclusion hotword regex": (
        exclusion(hotword=Regex("+"), hotword_proximity=Proximity(5, 5)),
        ["exclusion_rules[0].hotword_regex: invalid regex"],
    ),
    "group index past the groups": (
        custom(regex=Regex(r"E-(\d{5})", (2,))),
        ["group_indexes has 2", "has 1 group(s)", "1 to 1"],
    ),
    "group index without groups": (
        custom(regex=Regex(r"E-\d{5}", (1,))),
        ["group_indexes has 1", "has no groups"],
    ),
    "negative group index": (custom(regex=Regex(r"E-(\d{5})", (-1,))), ["group_indexes has -1"]),
    "empty pattern": (custom(regex=Regex("")), ["the regex pattern is empty"]),
    "neither regex nor words": (
        custom(),
        ['"EMPLOYEE_ID": define it with a regex or a dictionary'],
    ),
    "both regex and words": (custom(regex=GOOD_REGEX, words=("a",)), ["not both"]),
    "empty custom name": (custom(name=" ", regex=GOOD_REGEX), ["custom_info_types[0] has no name"]),
    "custom named like a built-in": (
        custom(name="EMAIL_ADDRESS", regex=GOOD_REGEX),
        ['"EMAIL_ADDRESS" has the name of a built-in info type'],
    ),
    "custom named like an alias": (
        custom(name="PERSON", regex=GOOD_REGEX),
        ['"PERSON" has the name of a built-in info type'],
    ),
    "custom defined twice": (
        InspectSpec(
            custom_info_types=(
                CustomInfoType("BADGE", regex=GOOD_REGEX),
                CustomInfoType("BADGE", words=("x1",)),
            )
        ),
        ['custom_info_types[1] "BADGE" is defined twice'],
    ),
    "word without letters or digits": (
        custom(words=("ok", "--")),
        ["dictionary: word 1 has no letters or digits"],
    ),
    "negative window": (
        custom(regex=GOOD_REGEX, hotword_rules=(hot("x", before=-1),)),
        ["proximity windows must be zero or more", "window_before=-1"],
    ),
    "unspecified fixed likelihood": (
        custom(regex=GOOD_REGEX, hotword_rules=(hot("x", 5, fixed_likelihood=Likelihood(0)),)),
        ["fixed_likelihood is LIKELIHOOD_UNSPECIFIED"],
    ),
    "exclusion of no kind": (exclusion(), ["needs exactly one of", "got none"]),
    "exclusion of two kinds": (
        exclusion(words=("a",), regex=GOOD_REGEX),
        ["needs exactly one of", "got words, regex"],
    ),
    "rule set without info types": (
        InspectSpec(rule_sets=(RuleSet((), hotword_rules=(hot("x", 1),)),)),
        ["rule_set[0]: list the info types"],
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_specs_are_rejected_with_a_message_that_says_what_to_fix(
    detector: Detector, case: str
) -> None:
    spec, fragments = INVALID[case]
    with pytest.raises(InvalidArgument) as raised:
        detector.validate(spec)
    for fragment in fragments:
        assert fragment in str(raised.value)
    with pytest.raises(InvalidArgument):
        detector.detect("some text", spec)


def test_a_full_valid_spec_passes_validation(detector: Detector) -> None:
    spec = InspectSpec(
        info_types=("PERSON", "EMAIL_ADDRESS", "BADGE"),
        min_likelihood=U,
        min_likelihood_per_info_type=(("BADGE", L), ("US_SSN", P)),
        custom_info_types=(
            CustomInfoType("BADGE", regex=Regex(r"B-(\d+)", (1,)), hotword_rules=(hot("id", 4),)),
            CustomInfoType("INTERNAL", words=("corp.example.org",), exclude=True),
        ),
        rule_sets=(
            RuleSet(
                ("EMAIL_ADDRESS", "BADGE"),
                hotword_rules=(hot("(?i)mail", 10, relative_likelihood=1),),
                exclusion_rules=(
                    ExclusionRule(info_types=("INTERNAL", "URL")),
                    ExclusionRule(hotword=Regex("test"), hotword_proximity=Proximity(5, 5)),
                ),
            ),
        ),
    )
    detector.validate(spec)
    assert detector.detect("", spec) == []


# ----- concurrency and privacy -----

TEXTS = [
    SENTENCE,
    EMAILS,
    PHONE,
    "Patient Maria Garcia, born 1984-02-17, lives in Boston; SSN 123-45-6789.",
    "Server 192.168.1.20, MAC 00:1B:44:11:3A:B7, https://intranet.example.com/x.",
    "IBAN GB82 WEST 1234 5698 7654 32 and card 5555 5555 5555 4444 for Ana Lopez.",
    "Call Dr. Wu at +44 20 7946 0958 or w.wu@hospital.example.org.",
    "Badge E-12345 belongs to Jennifer; contact jen@example.com.",
]
SPECS = [
    InspectSpec(),
    InspectSpec(
        custom_info_types=(CustomInfoType("EMPLOYEE_ID", regex=Regex(r"E-(\d{5})", (1,))),),
        rule_sets=(
            RuleSet(
                ("URL",),
                exclusion_rules=(
                    ExclusionRule(
                        info_types=("EMAIL_ADDRESS",), matching_type=MatchingType.PARTIAL_MATCH
                    ),
                ),
            ),
        ),
    ),
    only("EMAIL_ADDRESS", "PHONE_NUMBER", min_likelihood=L),
]


def test_concurrent_detect_matches_serial_results(detector: Detector) -> None:
    jobs = [(text, spec) for spec in SPECS for text in TEXTS]
    serial = [detector.detect(text, spec) for text, spec in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            concurrent = list(pool.map(lambda job: detector.detect(*job), jobs))
            assert concurrent == serial


def test_detection_never_logs_the_text(
    detector: Detector, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for text in TEXTS:
        detector.detect(text, SPECS[1])
    for secret in ("John Smith", "536-22-8765", "alice@example.com", "Maria", "12345"):
        assert secret not in caplog.text


def test_presidio_warnings_reach_the_log_but_not_its_other_language_notices(
    detector: Detector, caplog: pytest.LogCaptureFixture
) -> None:
    log = logging.getLogger("presidio-analyzer")
    with caplog.at_level(logging.WARNING):
        log.warning(
            "Recognizer not added to registry because language is not supported by registry"
            " - EsNifRecognizer supported languages: es, registry supported languages: en"
        )
        log.warning("Entity FOO doesn't have the corresponding recognizer")
    assert [r.getMessage()[:10] for r in caplog.records] == ["Entity FOO"]


def test_form_labels_are_not_reported_as_names(detector: Detector) -> None:
    text = "Name: John Smith\nEmail: john.smith@example.com\nPhone: (212) 736-5000"
    names = [
        text[d.start : d.end]
        for d in detector.detect(text, InspectSpec())
        if d.info_type == "PERSON_NAME"
    ]
    assert names == ["John Smith"]


def test_a_catastrophic_backtracking_regex_cannot_hang_detection(detector: Detector) -> None:
    # With a backtracking engine this pattern takes exponential time on this text; RE2 is linear.
    custom = CustomInfoType(name="EVIL", regex=Regex(r"(a+)+$"))
    text = "a" * 64 + "!"
    assert (
        detector.detect(
            text, InspectSpec(info_types=("EMAIL_ADDRESS",), custom_info_types=(custom,))
        )
        == []
    )


def test_lookarounds_are_refused_with_a_message_naming_re2(detector: Detector) -> None:
    custom = CustomInfoType(name="LOOK", regex=Regex(r"(?<=ID:)\d+"))
    with pytest.raises(InvalidArgument, match="RE2 syntax"):
        detector.validate(InspectSpec(custom_info_types=(custom,)))


@pytest.mark.parametrize(
    ("text", "info_type"),
    [
        ("ssn 536-22-8765", "US_SOCIAL_SECURITY_NUMBER"),
        ("phone (212) 736-5000", "PHONE_NUMBER"),
    ],
)
def test_a_context_word_nearby_raises_the_likelihood(detector: Detector, text, info_type) -> None:
    value = text.split(" ", 1)[1]
    spec = InspectSpec(info_types=(info_type,), min_likelihood=Likelihood.VERY_UNLIKELY)
    bare = [d for d in detector.detect(f"ref {value}", spec) if d.info_type == info_type]
    with_context = [d for d in detector.detect(text, spec) if d.info_type == info_type]
    assert bare and with_context
    assert with_context[0].score > bare[0].score


@pytest.mark.parametrize(
    ("text", "info_type", "value"),
    [
        ("DOB: 03/25/1949", "DATE_OF_BIRTH", "03/25/1949"),
        ("Date of birth\n1949-03-25", "DATE_OF_BIRTH", "1949-03-25"),
        ("Born March 25, 1949 in Lagos", "DATE_OF_BIRTH", "March 25, 1949"),
        ("Doe:\n1951-12-17", "DATE_OF_BIRTH", "1951-12-17"),  # "DOB:" as OCR read it
        ("the date of bith 13.04, 1943 is", "DATE_OF_BIRTH", "13.04, 1943"),
        ("DOB: 06. 16.1976\nSemi-Upright", "DATE_OF_BIRTH", "06. 16.1976"),  # a space read in
        ("RN A-952809", "MEDICAL_RECORD_NUMBER", "A-952809"),  # "MRN" as OCR read it
        ("MRN 3328130", "MEDICAL_RECORD_NUMBER", "3328130"),
        ("MRN: A-448812", "MEDICAL_RECORD_NUMBER", "A-448812"),
        ("Lives at 1234 Maple Avenue, Springfield", "STREET_ADDRESS", "1234 Maple Avenue"),
    ],
)
def test_inkouts_own_detectors_find_their_values(
    detector: Detector, text, info_type, value
) -> None:
    found = [
        text[d.start : d.end]
        for d in detector.detect(text, InspectSpec())
        if d.info_type == info_type
    ]
    assert found == [value]


@pytest.mark.parametrize(
    ("text", "info_type"),
    [
        ("Meeting on 03/25/2024", "DATE_OF_BIRTH"),
        ("Order 3328130 shipped", "MEDICAL_RECORD_NUMBER"),
    ],
)
def test_without_their_context_words_dates_and_numbers_are_not_births_or_records(
    detector: Detector, text, info_type
) -> None:
    assert info_type not in {d.info_type for d in detector.detect(text, InspectSpec())}


@pytest.mark.parametrize(
    ("text", "value", "info_type", "labels"),
    [
        (
            "Born 11/13/1938\nStudy date: 05/02/2019",
            "05/02/2019",
            "DATE_OF_BIRTH",
            ("D.O.B.:", "Date of birth:", "Patient born:"),
        ),
        (
            "ST. MARY HOSPITAL\nMRN: A-458783\nAcc: 68073033",
            "68073033",
            "MEDICAL_RECORD_NUMBER",
            ("MRN:", "Patient ID:", "Medical record no.:"),
        ),
    ],
)
def test_a_value_with_a_label_of_its_own_takes_no_context_from_the_lines_around(
    detector: Detector, text: str, value: str, info_type: str, labels: tuple[str, ...]
) -> None:
    found = detector.detect(text, InspectSpec())
    assert value not in quotes(text, found, info_type)
    assert quotes(text, found, info_type)  # the labelled value beside it still is
    # Its own label, or a line with a word that says so, still counts.
    for label in labels:
        line = f"{label} {value}"
        assert quotes(line, detector.detect(line, InspectSpec()), info_type) == [value]


def test_a_name_that_runs_into_the_next_label_is_trimmed_and_a_date_is_no_name(
    detector: Detector,
) -> None:
    text = "Name: John Smith\nAddress: 77 High Street\nMeeting on 03/25/2024"
    names = [
        text[d.start : d.end]
        for d in detector.detect(text, InspectSpec())
        if d.info_type == "PERSON_NAME"
    ]
    assert names == ["John Smith"]


def test_a_name_never_runs_into_the_next_line_of_a_side_panel(detector: Detector) -> None:
    text = "Signed in as\nCamille Laurent\nAdministrator\nDashboard\nSettings"
    names = [
        text[d.start : d.end]
        for d in detector.detect(text, InspectSpec())
        if d.info_type == "PERSON_NAME"
    ]
    assert "Administrator" not in " ".join(names) and "Dashboard" not in " ".join(names)


def test_dates_without_a_digit_are_not_reported(detector: Detector) -> None:
    text = "Revenue this month rose; the report is due next week."
    assert "DATE" not in {d.info_type for d in detector.detect(text, InspectSpec())}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Account holder: GIRARD, ANTOINE", "GIRARD, ANTOINE"),
        ("Patient name:\nWilhelmina Okonkwo-Berg", "Wilhelmina Okonkwo-Berg"),
    ],
)
def test_capitalised_words_after_a_name_label_are_a_name(detector: Detector, text, name) -> None:
    found = [
        text[d.start : d.end]
        for d in detector.detect(text, InspectSpec())
        if d.info_type == "PERSON_NAME"
    ]
    assert name in found


@pytest.mark.parametrize(
    "text", ["Rental Application\nPersonal Information", "Employer: City Council"]
)
def test_capitalised_words_without_a_name_label_are_not_a_name(detector: Detector, text) -> None:
    assert "PERSON_NAME" not in {d.info_type for d in detector.detect(text, InspectSpec())}


@pytest.mark.parametrize(
    "text",
    [
        "EMPLOYEE INFORMATION SHEET\nEmployee Information Sheet",
        "Ledger Console\nDashboard",
        "Open tickets\nMonthly revenue",
    ],
)
def test_title_case_english_phrases_are_not_names(detector: Detector, text: str) -> None:
    assert "PERSON_NAME" not in types(detector.detect(text, InspectSpec()))


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for contacting us.\nKind regards,\nIkechukwu Adebayo",
        "Please keep this letter.\nSincerdy,\nPaul Schneider",  # "Sincerely," misread
    ],
)
def test_a_letter_s_closing_is_no_name_though_the_signature_is(
    detector: Detector, text: str
) -> None:
    found = quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    assert found == [text.rsplit("\n", 1)[1]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chats\nSearch or startnew chat\nIkechukwu Adebayo\nphoto\nFamily", "Ikechukwu Adebayo"),
        ("Your case is now handled by Folasade Obi from our office.", "Folasade Obi"),
    ],
)
def test_a_name_spacy_takes_for_a_nationality_is_a_name(
    detector: Detector, text: str, name: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == [name]


def test_a_nationality_before_a_surname_is_no_name(detector: Detector) -> None:
    text = "He is a Spanish Shepherd owner"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []


def test_names_of_many_countries_are_found_in_upper_case_and_reversed(
    detector: Detector,
) -> None:
    text = "Patients: NGOZI ADEYEMI; Byrne, Aoife; Piotr Krawczyk and Chloé Girard."
    found = set(quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME"))
    assert {"NGOZI ADEYEMI", "Byrne, Aoife", "Piotr Krawczyk", "Chloé Girard"} <= found


def test_card_numbers_starting_with_2_are_cards_when_the_luhn_check_passes(
    detector: Detector,
) -> None:
    text = "Mastercard 2491 8099 1102 7247, mistyped 2491 8099 1102 7248."
    cards = quotes(text, detector.detect(text, InspectSpec()), "CREDIT_CARD_NUMBER")
    assert cards == ["2491 8099 1102 7247"]


@pytest.mark.parametrize(
    ("text", "info_type", "value"),
    [
        ("Mail sbyrne@example. com today", "EMAIL_ADDRESS", "sbyrne@example. com"),
        ("From: pham.h@ outlook.com", "EMAIL_ADDRESS", "pham.h@ outlook.com"),
        ("Write garcia.,j@yahoo.co.uk", "EMAIL_ADDRESS", "garcia.,j@yahoo.co.uk"),
        ("Linh Le\nlinhle5 o@mail.example.org", "EMAIL_ADDRESS", "linhle5 o@mail.example.org"),
        ("Email: theo@clinic\u2014north.org", "EMAIL_ADDRESS", "theo@clinic\u2014north.org"),
        ("Mail anhbui?3@yahoo.co.uk", "EMAIL_ADDRESS", "anhbui?3@yahoo.co.uk"),  # "?" for 9
        ("Isabel Rodriguez\nrodriguezi@orangefr\n", "EMAIL_ADDRESS", "rodriguezi@orangefr"),
        ("Caoimhe Ryan\nryan.c@orangesr\nNew", "EMAIL_ADDRESS", "ryan.c@orangesr"),  # "fr"
        ("Last login from\n2001 -db8:7aa2::65df", "IP_ADDRESS", "2001 -db8:7aa2::65df"),
        (
            "see http:/intranet.tailspin.local/users/le",
            "URL",
            "http:/intranet.tailspin.local/users/le",
        ),
        (
            "at https: //portal. tailspin. com/p/608 We",
            "URL",
            "https: //portal. tailspin. com/p/608",
        ),
        ("Web www -northwind.org/billing?id=83682", "URL", "www -northwind.org/billing?id=83682"),
        (
            "online at\nhttps: /drive example comifile/a/774c5e766 at any time",
            "URL",
            "https: /drive example comifile/a/774c5e766",
        ),
    ],
)
def test_urls_and_addresses_are_found_as_ocr_misreads_them(
    detector: Detector, text: str, info_type: str, value: str
) -> None:
    assert value in quotes(text, detector.detect(text, InspectSpec()), info_type)


@pytest.mark.parametrize(
    ("text", "info_type", "value"),
    [
        # a user name split where the font's letters stand apart
        (
            "Email valent inarodriguez71@clinic-north.org",
            "EMAIL_ADDRESS",
            "valent inarodriguez71@clinic-north.org",
        ),
        ("Email: ines. fournier@web.de", "EMAIL_ADDRESS", "ines. fournier@web.de"),
        ("saleh a@example com", "EMAIL_ADDRESS", "saleh a@example com"),
        ("anhdo50@mail.example org", "EMAIL_ADDRESS", "anhdo50@mail.example org"),
        ("yyamamoto@ora nge.fr", "EMAIL_ADDRESS", "yyamamoto@ora nge.fr"),
        ("tzajac@orange fr", "EMAIL_ADDRESS", "tzajac@orange fr"),
        ("Email tomaszmazur78@yahoo..co.uk", "EMAIL_ADDRESS", "tomaszmazur78@yahoo..co.uk"),
        ("Email address:\nsneha, joshi@web.de\nPhone", "EMAIL_ADDRESS", "sneha, joshi@web.de"),
        (
            "my work email is bui.m@clinic-\u2018north.org",
            "EMAIL_ADDRESS",
            "bui.m@clinic-\u2018north.org",
        ),
        # the "m" after the dot read as a space and a trade mark sign
        (
            "sent to fournier. \u2122M@yahoo.co.uk at any time",
            "EMAIL_ADDRESS",
            "fournier. \u2122M@yahoo.co.uk",
        ),
        ("E-mail: fischer.\\@gmail.com\nSpouse", "EMAIL_ADDRESS", "fischer.\\@gmail.com"),
        # a domain in three pieces, its first two a domain already ("oran.ge")
        ("Haruto Yamamoto\nhyamamoto@oran ge fr\n+1 503", "EMAIL_ADDRESS", "hyamamoto@oran ge fr"),
        ("write to jo@web de to ask", "EMAIL_ADDRESS", "jo@web de"),  # a word after it
        # a 6 read as "é" before a space
        (
            "cc maximilianschneideré @yahoo. co.uk on the invoice",
            "EMAIL_ADDRESS",
            "maximilianschneideré @yahoo. co.uk",
        ),
        # a user name in three pieces, and its domain in two
        (
            "E-rreil:\npadraigm ccarth y44@ yahoo. co.uk\nCity:",
            "EMAIL_ADDRESS",
            "padraigm ccarth y44@ yahoo. co.uk",
        ),
        (  # a path split off, its last digit read as "é"
            "form is at https://drive.example.com /file/d/d62d7cea6é fill it",
            "URL",
            "https://drive.example.com /file/d/d62d7cea6é",
        ),
        (  # ":" read as "?"
            "Website:\nhutps?//portal.northwind.cony patients/48378\nRegistered",
            "URL",
            "hutps?//portal.northwind.cony patients/48378",
        ),
        (
            "Website:\nnttps://contoso.example.net /account /chukwu Preferred",
            "URL",
            "nttps://contoso.example.net /account /chukwu",
        ),
        (
            "Website:\nhups//drive.example.com/file/d/242bf87f58\nPhone",
            "URL",
            "hups//drive.example.com/file/d/242bf87f58",
        ),
        (  # marks read from a scan's noise right after it
            "hutps://drive.example.com/fle/d/236fbe1705.tCt=<CS*~\u2018\u201cCS\na",
            "URL",
            "hutps://drive.example.com/fle/d/236fbe1705.tCt=",
        ),
        (
            "http://intranet .contoso.local/users/ngo",
            "URL",
            "http://intranet .contoso.local/users/ngo",
        ),
        ("www tailspin .org/billing?id-50489", "URL", "www tailspin .org/billing?id-50489"),
        ("httpy/intranet tailspin local/users/do", "URL", "httpy/intranet tailspin local/users/do"),
        (
            "athttp://intranet fabrikam local/users/szymanska. Thanks",
            "URL",
            "http://intranet fabrikam local/users/szymanska",
        ),
        (
            "https: //northwind. example .net/account /haddad",
            "URL",
            "https: //northwind. example .net/account /haddad",
        ),
        (
            "terms http: //intranet . fabrikam. local/users/mecarthy apply",
            "URL",
            "http: //intranet . fabrikam. local/users/mecarthy",
        ),
        (
            "Profile https://fabrikam.exampleneVaccount/bui",
            "URL",
            "https://fabrikam.exampleneVaccount/bui",
        ),
        (  # "t" read as a yen sign in the piece split off
            "form is athttps//contoso.example neVaccoun\u00a5/torres fill it",
            "URL",
            "https//contoso.example neVaccoun\u00a5/torres",
        ),
        (  # "://" read as one slash
            "here is the link https/portal.contoso.com/patients/14384\nok",
            "URL",
            "https/portal.contoso.com/patients/14384",
        ),
        (  # ":" read as "1", a slash as an apostrophe
            "online at https1/ portal northwind.com/patients'1739 at any time.",
            "URL",
            "https1/ portal northwind.com/patients'1739",
        ),
        (  # ":" read as a quote, the host's dot as a space
            "form is athttps\u2018//drive example.com/file/d/44e80a 7965 fillit",
            "URL",
            "https\u2018//drive example.com/file/d/44e80a 7965",
        ),
        (  # "at http" read "ath tip", the host's dots as spaces
            "form is ath tip://intranet fabrikam. local/users/kumar fill it",
            "URL",
            "tip://intranet fabrikam. local/users/kumar",
        ),
    ],
)
def test_addresses_and_urls_that_ocr_split_with_spaces_are_found_whole(
    detector: Detector, text: str, info_type: str, value: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), info_type) == [value]


def test_a_host_under_a_private_top_level_domain_is_a_url_without_its_scheme(
    detector: Detector,
) -> None:
    # its scheme read apart, on a line before it ("httr")
    text = "Portal:\nhttr\nintranet.fabrikam.local/users/navarro\nOK"
    assert "intranet.fabrikam.local/users/navarro" in quotes(
        text, detector.detect(text, InspectSpec()), "URL"
    )
    text = "see wiki.corp.local:8080/x and files.lan"
    assert quotes(text, detector.detect(text, InspectSpec()), "URL") == [
        "wiki.corp.local:8080/x",
        "files.lan",
    ]
    text = "Ask the local branch or corp. office at the internal desk"
    assert quotes(text, detector.detect(text, InspectSpec()), "URL") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("contact jo@x.io now", "jo@x.io"),  # words of a sentence stay out
        ("write to me at jo@x.io or", "jo@x.io"),
        ("Contact Maria jo@x.io", "jo@x.io"),
    ],
)
def test_words_before_an_address_are_not_joined_to_it(
    detector: Detector, text: str, value: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "EMAIL_ADDRESS") == [value]


def test_a_url_ends_where_the_sentence_goes_on(detector: Detector) -> None:
    text = "visit www.example.com. Then go, or see http://x.example.org/a for more"
    found = quotes(text, detector.detect(text, InspectSpec()), "URL")
    assert found == ["www.example.com", "http://x.example.org/a"]
    assert detector.detect("HTTP status 404. see", InspectSpec()) == []


@pytest.mark.parametrize(
    ("text", "info_type", "value"),
    [
        ("Card 2411-732 1-021 4-1014 ok", "CREDIT_CARD_NUMBER", "2411-732 1-021 4-1014"),
        ("Amex 3701-789947-1 4505", "CREDIT_CARD_NUMBER", "3701-789947-1 4505"),
        ("IP 2001 :db8:be60::caaa", "IP_ADDRESS", "2001 :db8:be60::caaa"),
        ("from 2001:db8:3d02: :986e", "IP_ADDRESS", "2001:db8:3d02: :986e"),
    ],
)
def test_numbers_ocr_split_with_spaces_are_found_by_their_checksum_or_syntax(
    detector: Detector, text: str, info_type: str, value: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), info_type) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Card 2411-732 1-021 4-1015 ok",  # fails Luhn
        "Card 4292-9236-522 12-7656 ok",  # no digit read twice at the split
        "Order 12 34 56 78 90 12 34 done",
        "Call 10:30 :: 11:45",  # times, not an IPv6 address
    ],
)
def test_split_numbers_without_checksum_or_syntax_are_not_reported(
    detector: Detector, text: str
) -> None:
    assert types(detector.detect(text, InspectSpec())) <= {"DATE", "PHONE_NUMBER"}
    assert "CREDIT_CARD_NUMBER" not in types(detector.detect(text, InspectSpec()))
    assert "IP_ADDRESS" not in types(detector.detect(text, InspectSpec()))


@pytest.mark.parametrize(
    "text",
    [
        "2463 Lakeview Drive, Madison, WI 53703",
        "Baltimore, MD 21201",
        "4038 Sunset Blvd, Austin, TX78701",  # the space before the ZIP code lost
    ],
)
def test_a_city_before_a_state_code_is_no_name_nor_is_the_state_a_licence(
    detector: Detector, text: str
) -> None:
    found = types(detector.detect(text, InspectSpec()))
    assert "PERSON_NAME" not in found and "US_DRIVERS_LICENSE_NUMBER" not in found


@pytest.mark.parametrize("text", ["Signed by John Smith, MD", "Reviewed: Kelly Smith, PA"])
def test_a_name_before_a_degree_that_is_also_a_state_code_is_a_name(
    detector: Detector, text: str
) -> None:
    name = text.split(": ")[-1].replace("Signed by ", "").split(",")[0]
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == [name]


def test_a_sentence_break_after_an_at_sign_is_no_address(detector: Detector) -> None:
    text = "Meet me @ home. Then we go."
    assert "EMAIL_ADDRESS" not in types(detector.detect(text, InspectSpec()))


# ----- the same findings as Presidio, for less work -----

PHONE_TEXTS = [
    "Call (212) 736-5000 or +44 20 7946 0958 today",
    "Tel. 030 1234567, Fax 0049 30 12345679, mobile 0151 23456789",
    "Card 4111 1111 1111 1111 exp 04/27, PIN 1234, room 12",
    "+1 (415) 555-0132 ext. 12 and 1-800-FLOWERS",
    "Bureau 01 42 68 53 00, portable 06 12 34 56 78",
    "Ligação (11) 91234-5678 ou 011 44 20 7946 0958",
    "IL 03-1234567, IN 098765 43210, CA 604-555-0199",
    "short 555-0199, 4 8 15 16 23 42, 2023-07-14 11:52, 0 800 123",
    # long candidates: cards, IBAN groups, numbers with extensions or written with a trunk 0
    "4925 4122 4824 4759, 4957 6561 1597 1438, 4983-2468-2034-1768, 12345678901234567",
    "DE89 3704 0044 0532 0130 00, +49 30 1234567 #12, (212) 736-5000 x1234567",
    "0049 151 23456789 0, 01 42 68 53 00 00, 1 800 555 0199 0000",
    # numbers one region matches whole and others only in part, a table column of them
    "(983) 264-5179\n(944) 229-9644\n229-9644\n(030) 1234567\n0681 0809 0596",
    "+49 30 1234567 / 030 1234567 / 30 1234567 / 098765 43210 / 98765 43210",
]


@pytest.mark.parametrize("text", PHONE_TEXTS)
def test_phone_numbers_are_those_presidios_own_recognizer_finds(text: str) -> None:
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    from inkout.recognizers import InkoutPhoneRecognizer

    def spans(recognizer) -> list[tuple[int, int, float]]:
        found = recognizer.analyze(text, ["PHONE_NUMBER"], None)
        return sorted((r.start, r.end, r.score) for r in found)

    expected = spans(PhoneRecognizer())
    assert spans(InkoutPhoneRecognizer()) == expected


def test_the_token_under_a_finding_is_the_one_presidio_would_pick(detector: Detector) -> None:
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from inkout.detect import _ContextEnhancer

    text = "Patient:  John  Smith\nSSN 536-22-8765, phone (212) 736-5000.\n\nMRN: 00123"
    artifacts = detector._artifacts(text, ["PERSON"])
    plain = [str(t) for t in artifacts.tokens]  # without the token ends
    for start in range(len(text) - 1):
        expected = LemmaContextAwareEnhancer._find_index_of_match_token(
            "", start, plain, artifacts.tokens_indices
        )
        found = _ContextEnhancer._find_index_of_match_token(
            "", start, artifacts.tokens, artifacts.tokens_indices
        )
        assert found == expected, start


def test_context_scoring_raises_the_scores_presidio_would_raise(detector: Detector) -> None:
    import copy

    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    text = (
        "Patient: John Smith\nSSN 536-22-8765, phone (212) 736-5000.\nMRN: A-00123\n"
        "Born 03/04/1981, card 4111 1111 1111 1111\nRef 00456"
    )
    analyzer = detector._analyzer
    artifacts = detector._artifacts(text, ["PERSON"])
    recognizers = analyzer.registry.get_recognizers(language="en", all_fields=True)
    raw = []
    for recognizer in recognizers:
        found = recognizer.analyze(text=text, entities=[], nlp_artifacts=artifacts) or []
        for r in found:
            r.recognition_metadata = {**(r.recognition_metadata or {})}
            r.recognition_metadata.setdefault(r.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
        raw.extend(found)
    presidio = LemmaContextAwareEnhancer().enhance_using_context(
        text, copy.deepcopy(raw), artifacts, recognizers
    )
    ours = analyzer.context_aware_enhancer.enhance_using_context(text, raw, artifacts, recognizers)
    assert [(r.entity_type, r.start, r.end, r.score) for r in ours] == [
        (r.entity_type, r.start, r.end, r.score) for r in presidio
    ]
    assert any(r.analysis_explanation.supportive_context_word for r in ours)  # some were raised


def test_names_and_places_are_found_between_lines_the_entity_recogniser_skips(
    detector: Detector,
) -> None:
    text = (
        "aiko.haddad@example.com\n(212) 736-5000\n4111 1111 1111 1111\n"
        "Our client John Smith moved to Paris last year.\nhttps://example.com/x\n"
        "2023-07-14\nSigned by Maria Garcia in Berlin"
    )
    found = detector.detect(text, only("PERSON_NAME", "LOCATION"))
    assert quotes(text, found, "PERSON_NAME") == ["John Smith", "Maria Garcia"]
    assert quotes(text, found, "LOCATION") == ["Paris", "Berlin"]


@pytest.mark.parametrize(
    "text",
    [
        "KATARZYNA MAZUR\nST. MARY HOSPITAL\nTel: (206) 978-0430",
        "Tech: Sarah Miller\nW: 400 L: 1024\nkVp 109 mAs 3.8\nSeries: 1 Image: 10",
        "Thu Tran\nAdd customer\nDashboard",  # a button read below a name
        # ... and a product's name, a word with an acronym, below the button
        "Eoin Doyle\nAdd customer\nNorthwind CRM\nCustomers",
    ],
)
def test_institutions_words_without_capitals_and_one_english_word_are_no_names(
    detector: Detector, text: str
) -> None:
    found = quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    assert found == [text.split("\n")[0].removeprefix("Tech: ")]


def test_a_value_under_a_column_header_that_names_its_type_is_found_though_ocr_broke_it(
    detector: Detector,
) -> None:
    # The header is rows above, out of reach of context words: only headers= tells.
    text = (
        "87417-2904\n71-778215\n9520-4756-4212-4568\nB41 3756 4489 4470\n3436 162766 592.48"
        "\n4389-7076-§639-0039\nSOSO-BOBO-1234-5678\n•••-••-0994"
    )
    cells = [span(text, v) for v in text.split("\n")]
    headers = [(a, b, "Card / SSN") for a, b in cells]
    wanted = only("US_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER")
    assert detector.detect(text, wanted) == []
    found = detector.detect(text, wanted, headers)
    assert [(text[d.start : d.end], d.info_type) for d in found] == [
        ("87417-2904", "US_SOCIAL_SECURITY_NUMBER"),
        ("71-778215", "US_SOCIAL_SECURITY_NUMBER"),  # a digit and a hyphen dropped
        ("9520-4756-4212-4568", "CREDIT_CARD_NUMBER"),
        ("B41 3756 4489 4470", "CREDIT_CARD_NUMBER"),
        ("3436 162766 592.48", "CREDIT_CARD_NUMBER"),  # a dot for a space
        ("4389-7076-§639-0039", "CREDIT_CARD_NUMBER"),  # a sign for a digit inside
    ]  # four letters are no card number's digits misread


def test_a_column_header_one_letter_off_still_names_its_type(detector: Detector) -> None:
    text = "5872 6767 3014 3647"  # "5372...": one digit misread, the checksum fails
    headers = [(0, len(text), "cad")]  # "Card" in a dark table's small type
    assert quotes(text, detector.detect(text, only("CREDIT_CARD_NUMBER"), headers)) == [text]
    assert quotes(text, detector.detect(text, only("CREDIT_CARD_NUMBER"), [(0, 19, "cat")])) == []


def test_a_name_under_a_name_column_header_is_found_though_the_lists_lack_it(
    detector: Detector,
) -> None:
    text = "Quang bui\nOpen tickets"  # OCR read "Bui" as "bui", a capital unlike its small letter
    cells = [span(text, v) for v in text.split("\n")]
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []
    for header in ("Name", "Customer name"):
        found = detector.detect(text, InspectSpec(), [(a, b, header) for a, b in cells])
        assert quotes(text, found, "PERSON_NAME") == ["Quang bui"]
    # "Company name" is no column of people, and "Name:" is a form's label, its value beside it
    assert not is_header("Company name") and not is_header("Name:")


def test_an_iban_with_a_letter_for_a_check_digit_is_found_if_the_digit_put_back_checks(
    detector: Detector,
) -> None:
    for text, found in [
        ("Please pay NLS6 ABNA 5338 0388 53 by Friday", ["NLS6 ABNA 5338 0388 53"]),
        ("Please pay NLS7 ABNA 5338 0388 53 by Friday", []),  # 57 fails mod 97
        (
            "Bank account (IBAN)\nGBO06 BARC 2202 4273 4811 41\nPhone",
            ["GBO06 BARC 2202 4273 4811 41"],
        ),
        ("Pay GBO07 BARC 2202 4273 4811 41 now", []),  # a letter read in, and 07 fails mod 97
        ("Paid into DE60 2640 3782 S937 7865 74 held", ["DE60 2640 3782 S937 7865 74"]),
        ("Paid into DE60 2640 3782 S938 7865 74 held", []),  # S for 5, but 8 fails mod 97
        ("ALSO BLOG BOOK TEAM WORK PLAN", []),  # capitals, no digits to check
        ("deposit to IBAN NLA7 ABNA 4391 6019 64 and", ["NLA7 ABNA 4391 6019 64"]),  # A for 4
        # a letter read in between the check digits
        ("paid into DE5S9 9816 2602 4516 5203 96 held", ["DE5S9 9816 2602 4516 5203 96"]),
        # "DE30" read "DESO": an "S" for a 3, which mod 97 tells from a 5
        ("deposit to IBAN\nDESO 3490 2673 5662 0692 49 and", ["DESO 3490 2673 5662 0692 49"]),
        ("deposit to IBAN NLA8 ABNA 4391 6019 64 and", []),  # 48 fails mod 97
        # an "O" for a 0 and a space read inside a group, both at once
        ("IBAN: GBO7 BARC 44 12 6626 3380 14\nSpouse", ["GBO7 BARC 44 12 6626 3380 14"]),
        ("IBAN: GBO8 BARC 44 12 6626 3380 14\nSpouse", []),  # 08 fails mod 97
        # glued to the word before it, the space lost in a narrow font
        ("my IBAN isNL41 TRIO 0478 9321 44", ["NL41 TRIO 0478 9321 44"]),
        ("my IBAN isNL42 TRIO 0478 9321 44", []),  # 42 fails mod 97
    ]:
        assert quotes(text, detector.detect(text, only("IBAN_CODE")), "IBAN_CODE") == found


def test_an_address_with_a_comma_for_a_dot_in_its_domain_is_found(detector: Detector) -> None:
    text = "Reply to singh.s@yahoo,co.uk today"
    found = detector.detect(text, only("EMAIL_ADDRESS"))
    assert quotes(text, found, "EMAIL_ADDRESS") == ["singh.s@yahoo,co.uk"]


def test_an_address_with_a_comma_for_its_last_dot_is_found_but_not_a_sentences_comma(
    detector: Detector,
) -> None:
    text = "Email address:\nfournier.m@yahoo.co,uk\nor write to jo@example.org,and then"
    found = detector.detect(text, only("EMAIL_ADDRESS"))
    assert quotes(text, found, "EMAIL_ADDRESS") == ["fournier.m@yahoo.co,uk", "jo@example.org"]


def test_an_address_with_its_last_letter_read_as_a_semicolon_is_found(detector: Detector) -> None:
    text = "E-mail: zielinski.;@web.de; or write to a.b@x.org"  # "zielinski.j@web.de"
    found = detector.detect(text, only("EMAIL_ADDRESS"))
    assert quotes(text, found, "EMAIL_ADDRESS") == ["zielinski.;@web.de", "a.b@x.org"]


def test_an_iban_with_a_stray_mark_must_still_pass_its_check(detector: Detector) -> None:
    text = "to IBAN GB83° WEST 1234 5698 7654 32 and"  # one check digit wrong
    assert quotes(text, detector.detect(text, InspectSpec()), "IBAN_CODE") == []


@pytest.mark.parametrize(
    ("text", "info_type", "value"),
    [
        # An underline read as "_" glued to the number's last or first digit.
        ("Your SSN is 688-31-1200_ on file", "US_SOCIAL_SECURITY_NUMBER", "688-31-1200"),
        ("Card _4111 1111 1111 1111", "CREDIT_CARD_NUMBER", "4111 1111 1111 1111"),
        # "e" read as a euro sign inside an IPv6 address, "f" as a pound sign, "c" as a cent.
        ("Registered from IP: 2001:db8:57€2::9635", "IP_ADDRESS", "2001:db8:57€2::9635"),
        ("Last seen at 2001:db8:7£7::b08 today", "IP_ADDRESS", "2001:db8:7£7::b08"),
        ("Last seen at 2001:db8:7¢57::1092 today", "IP_ADDRESS", "2001:db8:7¢57::1092"),
        # ... but a cent sign in a card number is a speck
        ("the card 4855-3780-82¢08-1736 on the date", "CREDIT_CARD_NUMBER", "4855-3780-82¢08-1736"),
        # ... a "1" read as "i", a "0" as "O"
        ("IP: 2001:db8:9c3f::ddi7\nRegistered", "IP_ADDRESS", "2001:db8:9c3f::ddi7"),
        ("Last seen at 2OO1:db8::7 today", "IP_ADDRESS", "2OO1:db8::7"),
        # a space inside a group of an IPv6 address
        ("Last seen at 200 1:db8:7f7::b08 today", "IP_ADDRESS", "200 1:db8:7f7::b08"),
        ("Last seen at 2001:db8:91 da::654c today", "IP_ADDRESS", "2001:db8:91 da::654c"),
        ("from IP address 2001:db8:f8cb::1 ee3 shortly", "IP_ADDRESS", "2001:db8:f8cb::1 ee3"),
        ("Last login from\n2001 -db8:a79 4::7f ab\nOK", "IP_ADDRESS", "2001 -db8:a79 4::7f ab"),
        ("number as 21 1-33-4651. Your", "US_SOCIAL_SECURITY_NUMBER", "21 1-33-4651"),
        ("must show SSN 773-1 1-5454 exactly", "US_SOCIAL_SECURITY_NUMBER", "773-1 1-5454"),
        # ... and a dot read inside its last group, in small type
        ("number as 392-1 1-71.30. Refunds", "US_SOCIAL_SECURITY_NUMBER", "392-1 1-71.30"),
        # ... or a space before its last digit
        ("number as 417-92-731 9. You", "US_SOCIAL_SECURITY_NUMBER", "417-92-731 9"),
        ("number as\n635-64-75 11. Our", "US_SOCIAL_SECURITY_NUMBER", "635-64-75 11"),  # two
        # a dot of an IPv4 address read as a comma or a colon, or followed by a space
        ("Last seen at 10.123.145,204 today", "IP_ADDRESS", "10.123.145,204"),
        ("Last seen at 192.168:.123.93 today", "IP_ADDRESS", "192.168:.123.93"),
        ("please whitelist 192. 168.193.34 for me", "IP_ADDRESS", "192. 168.193.34"),
        ("a sign-in from 10.102.81 .173 and blocked it", "IP_ADDRESS", "10.102.81 .173"),
        ("textme at818.554.6820 when you land", "PHONE_NUMBER", "818.554.6820"),  # glued
        # a phone number's last group read as letters or signs
        ("Phone:\n+33 1 40 87 64 Ze\nTeacher", "PHONE_NUMBER", "+33 1 40 87 64 Ze"),
        ("Phone\n+1713 748 $720\nActive", "PHONE_NUMBER", "+1713 748 $720"),
        ("can you whitelist 192.168. 169. 162 on it?", "IP_ADDRESS", "192.168. 169. 162"),
        # a mark glued to a group of an IBAN
        (
            "Bank account (IBAN): GB93° HBUK 4044 8112 1808 34",
            "IBAN_CODE",
            "GB93° HBUK 4044 8112 1808 34",
        ),
        (
            "paid into the account DE61! 6224 3051 2939 8345 22 held in your name",
            "IBAN_CODE",
            "DE61! 6224 3051 2939 8345 22",
        ),
        # a mark between a card number's digits
        ("Card 22.45 9688 7667 0190 on file", "CREDIT_CARD_NUMBER", "22.45 9688 7667 0190"),
        ("Card 3436 162766 592.49 on file", "CREDIT_CARD_NUMBER", "3436 162766 592.49"),  # Amex
        ("Card 4272 '2489-1044-9287 on file", "CREDIT_CARD_NUMBER", "4272 '2489-1044-9287"),
        ("Card 5365-9854-3597-¢ 6816 on file", "CREDIT_CARD_NUMBER", "5365-9854-3597-¢ 6816"),
        # a hyphen of an SSN read as a space, perhaps a digit early, after "ssn"
        ("asked for my ssn, its 306-1 46978", "US_SOCIAL_SECURITY_NUMBER", "306-1 46978"),
        ("my ssn is 306-14 6978 ok", "US_SOCIAL_SECURITY_NUMBER", "306-14 6978"),
        # an IPv6 address with "S" for a 5, or its "::" read as ":" and a colon as " -"
        ("Last login\n2001:db8:7b57::ecSa\nok", "IP_ADDRESS", "2001:db8:7b57::ecSa"),
        ("from IP address 2001:db8:80a1::bcaé shortly", "IP_ADDRESS", "2001:db8:80a1::bcaé"),
        ("IP address\n2001 -db8:4e4d:f53c\nok", "IP_ADDRESS", "2001 -db8:4e4d:f53c"),
        ("Last login from\n2001 :db8:2e10:5b1\nok", "IP_ADDRESS", "2001 :db8:2e10:5b1"),
        # ... its "::" read as "=", or its last group split after one digit, in small grey type
        ("Last login from\n2001 -db8:c0b1 =14ba", "IP_ADDRESS", "2001 -db8:c0b1 =14ba"),
        ("Last login from\n2001 :db8:2755::1 cf", "IP_ADDRESS", "2001 :db8:2755::1 cf"),
        # a dot dropped between two short octets
        ("Last login from\n172.22.334\nNorthwind", "IP_ADDRESS", "172.22.334"),
        # an "l" read as a bar before the "@"
        ("Lena Schulz\nschulz.|@orange. fr\nActive", "EMAIL_ADDRESS", "schulz.|@orange. fr"),
        # a letter read into an SSN after its label, or for one of its digits
        ("must show SSN 730-9S5-1784 exactly", "US_SOCIAL_SECURITY_NUMBER", "730-9S5-1784"),
        ("SSN: 730-9S-1784\nDOB", "US_SOCIAL_SECURITY_NUMBER", "730-9S-1784"),
        # a digit read twice, its group five long
        ("to card 4076 7707 7687 87111 within", "CREDIT_CARD_NUMBER", "4076 7707 7687 87111"),
        # ... where OCR split its group ("5221" read "522 11")
        ("Card: 4292-9236-522 11-7656", "CREDIT_CARD_NUMBER", "4292-9236-522 11-7656"),
        # "$" for a digit of an IBAN, put back by mod 97; a space after a record's hyphen
        ("IBAN: DE29 $171 2332 8562 2677 66\nCity", "IBAN_CODE", "DE29 $171 2332 8562 2677 66"),
        ("filed under MRN A- 158730 in", "MEDICAL_RECORD_NUMBER", "A- 158730"),
        ("and quote MRN A -971209 at reception", "MEDICAL_RECORD_NUMBER", "A -971209"),
        ("and quote MRN A-9 19419 at reception", "MEDICAL_RECORD_NUMBER", "A-9 19419"),
        ("and quote MRN A-3498 14 at reception", "MEDICAL_RECORD_NUMBER", "A-3498 14"),
        ("filed under MRN 84271 83 in our system", "MEDICAL_RECORD_NUMBER", "84271 83"),
        # a digit of a card read as a letter, put back for Luhn
        ("refund to card 4167-801S-8884-6909 within", "CREDIT_CARD_NUMBER", "4167-801S-8884-6909"),
        ("charged to the card 4978 $793 9173 3741 on", "CREDIT_CARD_NUMBER", "4978 $793 9173 3741"),
        ("amount to card\n$475-5640-1574-7363 within", "CREDIT_CARD_NUMBER", "$475-5640-1574-7363"),
        ("MRN;\nA~333721\nSSN", "MEDICAL_RECORD_NUMBER", "A~333721"),
        ("MRN:\nA~-467348\nBank", "MEDICAL_RECORD_NUMBER", "A~-467348"),
        ("MRN\nA=129923\nGender:", "MEDICAL_RECORD_NUMBER", "A=129923"),  # "-" as "="
        ("Born 06/07/1981\nMIRN A-186747\nSex: F", "MEDICAL_RECORD_NUMBER", "A-186747"),
        # its spaces read elsewhere
        ("Address\nDate ofbir th:\n01/12/2001\nURL", "DATE_OF_BIRTH", "01/12/2001"),
        ("Patient\nMEN\nA-367006\nDate", "MEDICAL_RECORD_NUMBER", "A-367006"),  # "R" as "E"
        ("Quinn\nARN A-276950\nStudy", "MEDICAL_RECORD_NUMBER", "A-276950"),  # "M" cut off
        ("Date of birth: 17.05. 1968\nTel", "DATE_OF_BIRTH", "17.05. 1968"),  # a space in it
    ],
)
def test_values_with_a_stray_mark_ocr_read_into_them_are_found(
    detector: Detector, text: str, info_type: str, value: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), info_type) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Totals 12.50 3.99 4.25 18.00 9.99 paid",  # amounts: no groups of four digits
        "Scores 1.5, 2.5, 3.5, 4.5 and more",  # decimals, not one misread dot
        "See steps 1. 2. 3. 4. below",  # a list: no plain dot between its numbers
        "Shares 1,200,150,100 issued",  # thousands, commas only
        "Host 2001:db8::1 bad",  # a word after an address is not a split group
        "Totals 4076 7707 7687 87112 paid",  # no digit read twice leaves a Luhn number
        "we shipped 306-1 46978 units",  # no word about an SSN
        "at 10:30 -12:45:30 today",  # times
        "Codes 4167-801S-8884-6908 here",  # a letter put back, and Luhn fails
        "Ref 2024-ABBA-1234-5678 ok",  # letters of a reference, not digits misread
    ],
)
def test_figures_with_marks_between_them_are_no_cards_addresses_or_ssns(
    detector: Detector, text: str
) -> None:
    types = ("CREDIT_CARD_NUMBER", "IP_ADDRESS", "US_SOCIAL_SECURITY_NUMBER")
    found = detector.detect(text, only(*types))
    assert quotes(text, found) in ([], ["2001:db8::1"])


@pytest.mark.parametrize(
    "text",
    [
        "call 212-555-0161 Bob at noon",  # a name after it
        "call 212-555-0161 or 212-555-0162",  # a word with no digit drawn like it
        "call 212-555-0161 GO now",  # a word of letters only
        "call 212-555-0161 2024 times",  # digits alone: a number of its own
    ],
)
def test_a_word_after_a_phone_number_is_no_misread_group_of_it(
    detector: Detector, text: str
) -> None:
    found = quotes(text, detector.detect(text, only("PHONE_NUMBER")))
    assert found and all(q.startswith("212-555-016") and len(q) == 12 for q in found)


def test_underscores_inside_addresses_stay_part_of_them(detector: Detector) -> None:
    text = "Write to john_2@example.com or see http://intranet.local/a_1"
    found = detector.detect(text, InspectSpec())
    assert quotes(text, found, "EMAIL_ADDRESS") == ["john_2@example.com"]
    assert "http://intranet.local/a_1" in quotes(text, found, "URL")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tels) +1: 212 403.3867\nEmail", ["+1: 212 403.3867"]),
        ("Tel: +49; 30 2791317", ["+49; 30 2791317"]),
        ("Score +1: 212 403 3 points", []),  # no valid number
        ("MRN: 1393059\nJel: £33 1 40 70 35 49\nSex: F", ["£33 1 40 70 35 49"]),  # "+" as "£"
        ("Paid £12 300 000 00 in all", []),  # an amount: no valid number with a plus either
        ("MRN: 9338709\nels +33 1 45 75 39,23\n4369 Pine", ["+33 1 45 75 39,23"]),  # "," for " "
        ("Scores +12 30,45 and +3 1,5", []),  # no valid number once the comma is a space
    ],
)
def test_a_number_with_a_mark_read_in_it_is_a_phone_number_once_the_mark_is_out(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only("PHONE_NUMBER"))) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("You can reach our team on 433 1 44 28 26 42 from Monday", ["433 1 44 28 26 42"]),
        ("you can reach me on #33 1 45 577790 anytime", ["#33 1 45 577790"]),  # "#", glued
        ("Mobile phone 447 911 123456 after six", ["447 911 123456"]),
        ("please call us at\n#33 2 40 71 19 64 during business hours", ["#33 2 40 71 19 64"]),
        ("MRN: 1393059\nJel: 433 2 40 703549\nSex: F", ["433 2 40 703549"]),  # "Tel" misread
        ("We shipped 433 1 44 28 26 42 units", []),  # no word about calling
        ("Recall at 433 1 44 28 26 42 units", []),
    ],
)
def test_a_number_with_its_plus_read_as_4_needs_a_word_about_calling(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only("PHONE_NUMBER"))) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pay to FR76 5975 5377 4106 0540 8835 883 today", ["FR76 5975 5377 4106 0540 8835 883"]),
        ("GB98 MIDL 0751 2218 5186 16", ["GB98 MIDL 0751 2218 5186 16"]),
        # a digit read twice: without it, a German IBAN that passes mod 97
        ("account DE44 2998 8974 3008 4325 133 held", ["DE44 2998 8974 3008 4325 133"]),
        ("DE44 2998 8974 3008 4325 134", []),  # one too many, and none read twice
        ("DE12 3456 7890 1234 5678 9", []),  # one digit short of a German IBAN's layout
        # check digits OCR could not read: the rest in a British IBAN's layout
        ("the account GBS) BARC 3600 7046 6075 51 held", ["GBS) BARC 3600 7046 6075 51"]),
        ("the account GBS) BARC 3600 7046 6075 5 held", []),  # one digit short
        # a digit dropped inside a group of four: a French IBAN's layout with it put back
        ("Pay FR76 9897 6678 5108 0633 311 586", ["FR76 9897 6678 5108 0633 311 586"]),
        ("ref FR76 9897 6678 511 0633 7311 5", []),  # one short, and the end too: no layout
        ("Totals 1234 5678 123 4567 8901", []),  # no country code and check digits
        ("XX12 3456 7890 1234 5678 90", []),  # no country
    ],
)
def test_an_iban_with_a_misread_digit_in_its_country_s_layout_is_possible(
    detector: Detector, text: str, found: list[str]
) -> None:
    results = detector.detect(text, only("IBAN_CODE"))
    assert quotes(text, results) == found
    assert all(d.likelihood == Likelihood.POSSIBLE for d in results)


def test_a_polish_name_with_its_l_stroke_read_as_t_is_found(detector: Detector) -> None:
    text = "Ticket closed by Pawet Kamiriska"  # "Paweł Kamińska"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Pawet Kamiriska"]


def test_a_date_after_dob_read_as_dos_is_a_date_of_birth(detector: Detector) -> None:
    text = "Dos:\nJuly 19, 1986"
    found = detector.detect(text, InspectSpec())
    assert quotes(text, found, "DATE_OF_BIRTH") == ["July 19, 1986"]
    text = "Social Security No.\nbos\n1958-03-03\n759-82-8903"  # "D" read as "b" too
    found = detector.detect(text, InspectSpec())
    assert quotes(text, found, "DATE_OF_BIRTH") == ["1958-03-03"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # "Born" without its "r"; no masked number either: a word, then a date's two dots
        ("Hopital Saint-Louis\nbon 05.07.1957\nSex: M", "05.07.1957"),
        ("Please confirm that the date of bir\n1940-02-06 is correct.", "1940-02-06"),
    ],
)
def test_a_date_after_born_or_birth_cut_short_is_a_date_of_birth(
    detector: Detector, text: str, date: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "DATE_OF_BIRTH") == [date]


def test_a_name_found_by_ner_leaves_out_the_words_before_it(detector: Detector) -> None:
    text = "Signed by Michal Nowak"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Michal Nowak"]


def test_an_institution_in_another_language_is_no_name(detector: Detector) -> None:
    for text in ("Klinikum Nord\nMRN 8734705", "Hôpital Saint-Louis\nMRN 8734705"):
        assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "DIEGO RODRIGUEZ\nST. MARY HOSPITAI\nDate of birth: 1946-02-08",  # "L" read as "I"
        "TAKESHI ITO\nH\u00e9pital Saint-Louis\nBorn 14.06.1985",  # "\u00f4" read as "\u00e9"
        "Isabel Torres\nHO6pital Saint-Louis\n5751 Park Place",  # "\u00f4" read as "O6"
    ],
)
def test_an_institution_with_a_letter_misread_is_no_name(detector: Detector, text: str) -> None:
    found = quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    assert found == [text.split("\n")[0]]


def test_a_street_in_small_letters_alone_on_its_line_is_a_street(detector: Detector) -> None:
    text = "Series: 3 Image: 13\n5916 lashington Street"  # "W" read as "l"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "5916 lashington Street"
    ]
    text = "We sent 5916 lashington Street maps"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []


def test_a_street_with_its_name_s_last_letter_read_twice_is_a_street(detector: Detector) -> None:
    text = "Tailspin Property Management\n1265 Lake eview Drive, Madison, WI"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "1265 Lake eview Drive"
    ]
    text = "Tailspin Property Management\n1265 Lakevi view Drive, Madison, WI"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "1265 Lakevi view Drive"
    ]
    text = "Order 12 Lake view Drive"  # a small word that does not repeat the last letter
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []
    text = "Our inspector will visit 1692 Wa shington Street on Tuesday"  # its rest split off
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "1692 Wa shington Street"
    ]
    text = "I bought 3 Apples from Street vendors"  # a word of the sentence
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []
    text = "S40 Washington Street, Portland, OR 97205"  # "5" read as "S"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "S40 Washington Street"
    ]


def test_a_house_number_with_a_space_read_in_before_its_glued_last_digit_is_a_street(
    detector: Detector,
) -> None:
    text = "Tailspin Property Management\n201 9Pine Court, Springfield 62704"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "201 9Pine Court"
    ]


def test_a_street_glued_to_the_small_word_after_it_is_a_street(detector: Detector) -> None:
    text = "The new card will be mailed to 1236 Pine Courtnext week."
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "1236 Pine Court"
    ]
    text = "I'm at 6282 Pine Courtcome over"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == [
        "6282 Pine Court"
    ]
    text = "Take bus 12 to Main Streetcar depot"  # a longer word: no sentence's small word
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []


def test_a_house_number_is_on_its_street_s_line(detector: Detector) -> None:
    # "Age: 84Y" of another column over a street whose number OCR lost
    text = "Sex: M Age: 84Y\nLakeview Drive\nStudy date: 06/16/2020"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []


def test_a_column_header_that_names_no_type_adds_nothing(detector: Detector) -> None:
    text = "Order\n87417-2904"
    assert detector.detect(text, InspectSpec(), [(6, 16, "Order")]) == []
    assert not is_header("Order") and is_header("SSN") and is_header("Card number")
    assert not is_header("Social media")


def test_an_address_masked_on_screen_is_not_reported_but_one_with_a_plus_is(
    detector: Detector,
) -> None:
    # "k•••@mail.example.org" as OCR reads the bullets; the last one is a real address.
    text = "k++*@mail.example.org\na***@outlook.com\n@orange.fr\njohn+billing@example.com"
    found = detector.detect(text, only("EMAIL_ADDRESS", "URL"))
    assert quotes(text, found) == ["john+billing@example.com", "example.com"]


@pytest.mark.parametrize(
    "masked",
    [
        "geee@example.com",  # bullets read as a run of one letter
        "mee e@mail.example.org",
        "veee@orange. fr",
        "t--@orange.fr",
        "»@yahoo.co.uk",
        "@ee-00-2909",  # an SSN with its last four digits shown
        "@e00-000-6352",
        "00000-2834",  # a phone number's bullets read as zeros
        "see @web.de",  # wide bullets read as "ee", apart from the "@"
        "gee @example.com",
        "k-*s@example.com",  # a mark no user name holds
        "m=@gmail.com",
        "e**e@web.de",  # some bullets read as "e"
        "je++@web.de",
        "j-@gmail.com",  # three small bullets read as one mark, or as e's
        "e@gmail.com",
        "ee@gmail.com",
        "jt-@clinic-north.org",  # a user name ending in a mark
        "te-@orange fr",
        "vs**@ou tlook.com",
        "0\u00a2\u00a2e@mail.example.org",  # bullets read as cent signs
        "ie\u00a2e e@yahoo.co.uk",  # ... between letters, as a hex digit's would stand
        "pees @yahoo.co.uk",  # three wide bullets, one read as an "s"
        "ee ee @yahoo.co.uk",  # ... read as words of their own
        "beee\u00a2 @mailexample.org",
        "seeeee9912",  # a number's bullets and hyphens read as small letters
        "seeses_QQ47",
        "@00-000-27595",  # a hyphen read as a digit after the bullets
        "\u00ae@yahoo.co.uk",
        ")gmail.com",  # the "@" read as a parenthesis, the bullets as nothing
    ],
)
def test_values_masked_on_screen_as_other_fonts_read_the_bullets_are_not_reported(
    detector: Detector, masked: str
) -> None:
    text = f"Customer\n{masked}\nActive"
    assert detector.detect(text, InspectSpec()) == []


@pytest.mark.parametrize(
    "masked",
    [
        "ee0-200-0270",  # a bullet read as a digit among zeros
        "o0e_000-1063",  # a hyphen read as an underscore
        "soe-000-0107",  # bullets read as any small letter, before a group of zeros
        "sv4-000-0268",
    ],
)
def test_masked_numbers_under_a_phone_header_are_not_reported(
    detector: Detector, masked: str
) -> None:
    text = f"Phone\n{masked}\nActive"
    assert detector.detect(text, InspectSpec()) == []


def test_a_number_with_digits_in_its_middle_group_is_not_taken_for_a_masked_one(
    detector: Detector,
) -> None:
    # more than one digit besides zeros is a number OCR garbled, not bullets
    text = "Phone\n0o0-123-4567"
    assert quotes(text, detector.detect(text, only("PHONE_NUMBER"))) == ["0o0-123-4567"]
    # ... or in its first two groups: an SSN's first digit read as a letter by a second look
    text = "The tax\nform must show SSN g83-90-6751 exactly as issued."
    found = detector.detect(text, only("US_SOCIAL_SECURITY_NUMBER"))
    assert quotes(text, found) == ["g83-90-6751"]


@pytest.mark.parametrize(
    "real",
    [
        "lee@example.com",
        "joe@example.com",
        "leeeds@example.com",
        "je@example.com",
        "jess @gmail.com",  # a space before the "@", but two letters no bullet is read as
    ],
)
def test_addresses_with_doubled_letters_are_not_taken_for_masked_ones(
    detector: Detector, real: str
) -> None:
    assert real in quotes(real, detector.detect(real, InspectSpec()), "EMAIL_ADDRESS")


def test_digits_after_an_ip_label_are_an_address_only_when_they_split_into_four_octets(
    detector: Detector,
) -> None:
    text = "Last login from\n172242147"  # "172.24.2.147", in small type
    assert quotes(text, detector.detect(text, only("IP_ADDRESS"))) == ["172242147"]
    for text in (
        "Last login from\n9999999999",
        "Last login from\n2024",
        "Last login from\n1722421470001",
    ):
        assert detector.detect(text, only("IP_ADDRESS")) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "IP address 9999.24.108.242 now",
        "IP 1472.2444.108.242",
        "version 1472.24.108.242",
    ],
)
def test_four_dotted_numbers_one_of_four_digits_need_the_label_and_an_octet_inside(
    detector: Detector, text: str
) -> None:
    assert detector.detect(text, only("IP_ADDRESS")) == []


def test_a_finding_inside_another_of_its_type_is_one_finding(detector: Detector) -> None:
    # Presidio finds "o@mail.example.org", the OCR-tolerant pattern the whole address.
    text = "Contact linhle5 o@mail.example.org"
    found = [d for d in detector.detect(text, InspectSpec()) if d.info_type == "EMAIL_ADDRESS"]
    assert [text[d.start : d.end] for d in found] == ["linhle5 o@mail.example.org"]
    assert found[0].likelihood == Likelihood.VERY_LIKELY  # Presidio's, the higher one


def test_a_date_of_birth_with_the_next_word_glued_to_its_year_is_found(
    detector: Detector,
) -> None:
    text = "date ofbirth January 11, 1964if they ask"  # and "of" glued to "birth"
    found = quotes(text, detector.detect(text, InspectSpec()), "DATE_OF_BIRTH")
    assert found == ["January 11, 1964"]
    text = "born January 11, 19645 times"  # a digit after it: a longer number, no year
    assert quotes(text, detector.detect(text, InspectSpec()), "DATE_OF_BIRTH") == []
    for date in ("25.06.1938", "06/25/1938", "1938-06-25"):  # in digits too
        text = f"the policy holder was born {date}in Ohio."
        assert quotes(text, detector.detect(text, InspectSpec()), "DATE_OF_BIRTH") == [date]
    text = "the policy holder was born 25.06.19385 in Ohio."
    assert quotes(text, detector.detect(text, InspectSpec()), "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    ("text", "info_type", "value"),
    [
        ("Last login IP: 142.130.860.172\nMRN", "IP_ADDRESS", "142.130.860.172"),
        ("Last login from\n10.281.215.235\nName", "IP_ADDRESS", "10.281.215.235"),
        ("Address IP: 1472.24.108.242 shortly", "IP_ADDRESS", "1472.24.108.242"),  # 4 in
        ("Last login from\n172242147\nAdd", "IP_ADDRESS", "172242147"),  # every dot lost
        ("Last login from\n172.23.167.\nAdd", "IP_ADDRESS", "172.23.167."),  # last one unread
        ("SSN\n72-06-1086\nProfile URL:", "US_SOCIAL_SECURITY_NUMBER", "72-06-1086"),
        ("show SSN 54:4-38-4330 exactly", "US_SOCIAL_SECURITY_NUMBER", "54:4-38-4330"),  # a mark
        ("to IBAN DE22 0353 9616 5495 2311 21 and", "IBAN_CODE", "DE22 0353 9616 5495 2311 21"),
        ("Phone:\n433 1 44 2826 42\nEmail:", "PHONE_NUMBER", "433 1 44 2826 42"),  # "+" as 4
        ("Mobile: 41-720 502 1587", "PHONE_NUMBER", "41-720 502 1587"),
        ("Phone:\n(G12) 597-8395", "PHONE_NUMBER", "(G12) 597-8395"),  # a digit as a letter
        ("Phone: $49 30 1368919", "PHONE_NUMBER", "$49 30 1368919"),  # "+" as "$"
        ("Phone: +33 1 45 $7 36 40\nPolicy", "PHONE_NUMBER", "+33 1 45 $7 36 40"),  # 5 as $
        ("Home Phone\n433143 44 27 54\nSSN", "PHONE_NUMBER", "433143 44 27 54"),  # "+" as 4
        ("Born:\n09.02.1938", "DATE_OF_BIRTH", "09.02.1938"),
        ("Bom:\n09.02.1938", "DATE_OF_BIRTH", "09.02.1938"),  # "rn" read as "m"
        ("Barn 1953-02-20\nIP", "DATE_OF_BIRTH", "1953-02-20"),  # "o" read as "a"
        ("Bam:\n03/03/1986\nPolicy", "DATE_OF_BIRTH", "03/03/1986"),  # both
        ("Imaging Center\nBen 11/20/1942\n:", "DATE_OF_BIRTH", "11/20/1942"),  # "o" as "e" too
        ("Bor\n1961-01-19\nPolicy", "DATE_OF_BIRTH", "1961-01-19"),  # its "n" lost
        ("eyer, Jan\norn 18.12.1939\nRN:", "DATE_OF_BIRTH", "18.12.1939"),  # "B" cut at the edge
        ("Born:\nJuly 17,1959\nHome", "DATE_OF_BIRTH", "July 17,1959"),  # no space after ","
        ("Born:\n94/03/1997\nPlan", "DATE_OF_BIRTH", "94/03/1997"),  # "0" read as "9"
        ("Born September 6, 19 83\nMRN", "DATE_OF_BIRTH", "September 6, 19 83"),  # split year
        ("Born 1984:01-01 for", "DATE_OF_BIRTH", "1984:01-01"),  # a hyphen read as a colon
        ("Born 1957-09 22\n6857 Park", "DATE_OF_BIRTH", "1957-09 22"),  # a hyphen as a space
        ("was born 1976-1 1-18 in Ohio", "DATE_OF_BIRTH", "1976-1 1-18"),  # a split month
        ("Born 1976-11-1 8\nPolicy", "DATE_OF_BIRTH", "1976-11-1 8"),  # a split day
        ("OB: July 26, 1973\nRN:", "DATE_OF_BIRTH", "July 26, 1973"),  # the "D" cut off
        ("IRN A-982265\nStudy date:", "MEDICAL_RECORD_NUMBER", "A-982265"),  # a faint "M"
        ("BRN A-208369\nSex: F", "MEDICAL_RECORD_NUMBER", "A-208369"),  # "M" read as "B"
    ],
)
def test_a_value_ocr_broke_is_found_right_after_the_label_naming_it(
    detector: Detector, text: str, info_type: str, value: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), info_type) == [value]
    unlabelled = text.replace("IP:", "at").replace("SSN", "Ref").replace("IBAN", "ref")
    unlabelled = unlabelled.replace("login from", "order")
    labels = ("Phone", "Mobile", "Born", "Bom", "Barn", "Bam", "Ben", "Bor", "orn", "OB:", "IRN")
    labels += ("BRN",)
    for label in labels:
        unlabelled = unlabelled.replace(label, "Order")
    found = [
        d
        for d in detector.detect(unlabelled, InspectSpec())
        if unlabelled[d.start : d.end] == value
    ]
    if info_type == "IBAN_CODE":  # its country's exact layout still counts, but only as POSSIBLE
        assert [d.likelihood for d in found] == [Likelihood.POSSIBLE]
    else:
        assert not [d for d in found if d.info_type == info_type]


def test_spacy_s_given_name_takes_the_listed_surname_before_its_comma(detector: Detector) -> None:
    text = "Eze, Oluwaseun\nDOB 05/26/1961\nSpringfield, Ohio"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["Eze, Oluwaseun"]


def test_a_surname_that_lost_its_capital_at_the_edge_joins_the_given_name_after_its_comma(
    detector: Detector,
) -> None:
    text = "Hopital Saint-Louis\newis, Jessica\norn 15.11.1981"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["ewis, Jessica"]
    # in a sentence, the word before the comma is no surname
    text = "Thanks for the visit, Jessica"
    assert "visit, Jessica" not in quotes(text, detector.detect(text, only("PERSON_NAME")))


def test_a_given_name_in_capitals_takes_the_unlisted_surname_in_capitals_before_it(
    detector: Detector,
) -> None:
    text = "HAMDAN, TARIQ\nDOB 05/26/1961"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["HAMDAN, TARIQ"]
    text = "PATIENT, TARIQ\nDOB 05/26/1961"  # an English word is no surname
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["TARIQ"]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Address: 2463 Lakeview Dive, Madison", "2463 Lakeview Dive"),  # a letter dropped
        ("Address: 2463 Lakeview Dnve, Madison", "2463 Lakeview Dnve"),  # "ri" read as "n"
        ("Meet me at8551 Washington Street", "8551 Washington Street"),  # joined to a word
        ("Address: 7836 Maple Avemue, Springfield", "7836 Maple Avemue"),  # "n" read as "m"
        ("Address: 7511 Milllane, Madison", "7511 Milllane"),  # the type joined to the name
        ("Address: 2728 MillLane, Madison", "2728 MillLane"),
        ("Address: 38.44 Washington Street", "38.44 Washington Street"),  # a dot in a gap
        ("DOB 08/07/1977\n7/52 Lakeview Drive\nMRN", "7/52 Lakeview Drive"),  # a 7 read "/"
        ("I'm at 88 46 SunsetBoulevard, see you", "88 46 SunsetBoulevard"),  # a space in it
        ("Tailspin\n8929 Oak street, Raleigh, NC 27601", "8929 Oak street"),  # "S" read as "s"
        ("Isabel Navarro\n1189 Elm Read\nColumbus", "1189 Elm Read"),  # "o" read as "e"
        ("Northwind Insurance\n7079 Birch\nTerrace, Columbus", "7079 Birch\nTerrace"),  # broken
        ("Amira Rahman\n6964EIm Road\nSpringfield", "6964EIm Road"),  # the number joined
        # ... and a long type misread
        ("6340Sunset Boukvard, Columbus, OH43215", "6340Sunset Boukvard"),
        ("Dear Sir,\n7836 Maple Avemuc, Springfield", "7836 Maple Avemuc"),  # two slips
        ("Utility\n2308 8 High Street, Portland", "2308 8 High Street"),  # a digit read twice
        # a small first letter, before a city, state and ZIP code
        ("eg\n3094 washington Street, Raleigh, NC 27601", "3094 washington Street"),
        ("Paul Schulz\n3462 Washington Stre\nIC 27601", "3462 Washington Stre"),  # cut short
        ("Anh Ngo\n26) High Street\nAustin, TX 78701", "26) High Street"),  # 0 read as ")"
        ("Bright Savings Union\n777\\ Harbor Way, Springfield", "777\\ Harbor Way"),  # 1 as "\\"
        # the type garbled past reading, before a city, state and ZIP code
        ("Contoso Bank\n3955 Sunset Bc vard, Denver, CO 80202", "3955 Sunset Bc vard"),
        ("Contoso Bank\n3643 Pine Cour, Portland, OR97205", "3643 Pine Cour"),  # ZIP glued
    ],
)
def test_a_street_as_ocr_misread_it_is_still_a_street(
    detector: Detector, text: str, street: str
) -> None:
    found = quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS")
    assert found == [street]


@pytest.mark.parametrize(
    "text",
    [
        "We sold 3094 washington Street maps",  # small letters without a city after them
        "Page 12 Washington Stre is cut",  # a type cut short, but not at the line's end
        "Call 1300 Park\nLine",
    ],
)
def test_a_street_in_small_letters_or_cut_short_needs_what_makes_it_sure(
    detector: Detector, text: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []


def test_a_phone_number_under_a_phone_column_is_found_though_ocr_dropped_its_plus(
    detector: Detector,
) -> None:
    text = "4 49 30 7141066\n•••-•••-0177"
    headers = [(0, 15, "Phone"), (16, len(text), "Phone")]
    found = detector.detect(text, InspectSpec(), headers)
    assert quotes(text, found, "PHONE_NUMBER") == ["4 49 30 7141066"]
    assert "4 49 30 7141066" not in quotes(text, detector.detect(text, InspectSpec()))


def test_a_number_on_the_line_after_a_phone_is_not_a_phone(detector: Detector) -> None:
    text = "Tel: +49 30 1367686\nMRN: A-996021\nAcc: 60147167"
    assert quotes(text, detector.detect(text, InspectSpec()), "PHONE_NUMBER") == ["+49 30 1367686"]


def test_the_name_after_a_letter_s_dear_is_found_without_it(detector: Detector) -> None:
    text = "Dear Trang Dang,\nThank you for your letter."
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Trang Dang"]
    assert detector.detect("Dear Customer,\nThanks", InspectSpec()) == []
    # spaCy's "Dear Aditya Joshi" is trimmed to the name
    text = "Re: Your account review\nDear Aditya Joshi,\nThe new card will be"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Aditya Joshi"]
    # small words alone on the line below are no name, though "Dear" is a name's label
    text = "Dear Ines Bonnet,\nWe apologyise\nfor any inconvenience"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Ines Bonnet"]
    # a line that ends after the given name, the rest read elsewhere ("Dear Nour Aziz,")
    text = "Dear Nourour\nother records. The outstanding balance\nAziz,\nOur offices"
    assert "Nourour" in quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    assert detector.detect("Dear Customer\nThanks", InspectSpec()) == []


def test_spacy_s_peoples_and_places_with_digits_are_none(detector: Detector) -> None:
    # masked numbers as a second look read them again: spaCy took the first for a people
    text = "eee-000-2\neee-000-12\nheeeg\n@00-000-6634\neee-000-4387"
    assert detector.detect(text, only("NRP", "LOCATION")) == []


def test_a_city_before_its_state_and_zip_code_is_no_name_though_a_given_name(
    detector: Detector,
) -> None:
    text = "8849 Lakeview Drive\nMadison WI 53703\nRe: Your account"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []
    text = "4320 Washington Street, Madison WI 53703\n2019-10-26"
    assert "Madison WI 53703" not in quotes(text, detector.detect(text, InspectSpec()))


@pytest.mark.parametrize(
    "text", ["kVp 115 mAs 7.9\nTech: Ikechukwu Adebayo", "Tech: Ikechukwu Adebayo\nAP SUPINE"]
)
def test_the_name_after_a_radiograph_s_tech_label_is_found_but_not_its_view(
    detector: Detector, text: str
) -> None:
    found = quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    assert found == ["Ikechukwu Adebayo"]


@pytest.mark.parametrize("closing", ["Kind regards,", "Yours sincerely,", "Yours faithfully,"])
def test_the_name_below_a_letter_s_closing_is_its_signature(
    detector: Detector, closing: str
) -> None:
    text = f"No further action is needed.\n{closing}\nTrang Do\nClaims Department"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Trang Do"]
    text = f"No further action is needed.\n{closing}\nCustomer Service Team\nAcme Bank"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []


@pytest.mark.parametrize(
    "text",
    [
        "Return ticket 1234567",  # "rn", a misread "MRN", inside "Return"
        "Internal reference 4471823",
        "Barnes & Noble order 12.03.2020",  # "barn" inside "Barnes"
        "Take two doses 12.03.2020",  # "dos" inside "doses"
        "Admiring 1234567",  # "mirn", a misread "MRN", inside "Admiring"
    ],
)
def test_a_label_s_misreading_counts_only_as_a_whole_word(detector: Detector, text: str) -> None:
    assert detector.detect(text, InspectSpec()) == []


@pytest.mark.parametrize("text", ["Print on A4 paper", "Room B12, floor 3", "Release v2 is out"])
def test_a_letter_and_a_digit_or_two_are_no_driver_s_licence(detector: Detector, text: str) -> None:
    assert detector.detect(text, InspectSpec()) == []


def test_a_driver_s_licence_in_capitals_is_still_found(detector: Detector) -> None:
    text = "Driver license: D1234567"
    assert quotes(text, detector.detect(text, InspectSpec()), "US_DRIVERS_LICENSE_NUMBER") == [
        "D1234567"
    ]


def test_a_count_and_the_lines_below_it_are_no_street(detector: Detector) -> None:
    text = "Showing 1 to 4 of 184 customers\nCustomer details\nStreet address:\n8896 Oak Street"
    found = quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS")
    assert found == ["8896 Oak Street"]


@pytest.mark.parametrize("text", ["Order 5 Acme Widgetco today", "We shipped 12 Blue Widgets"])
def test_a_number_and_capitalised_words_far_from_any_street_type_are_no_street(
    detector: Detector, text: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []


def test_a_joined_word_that_ends_in_a_street_type_but_is_english_is_no_street(
    detector: Detector,
) -> None:
    text = "Room 12 Workplace safety"
    assert quotes(text, detector.detect(text, InspectSpec()), "STREET_ADDRESS") == []


def test_a_protocol_version_is_no_url(detector: Detector) -> None:
    text = "served over HTTP/1.1 and HTTP/2 today"  # a scheme's one slash is before a letter
    assert quotes(text, detector.detect(text, only("URL"))) == []


@pytest.mark.parametrize(
    ("label", "url", "after"),
    [
        ("URL: ", "https//portal.northwind.com/patents/6746", ""),
        ("Web: ", "hutps://portal.acme-health.com/patients/22560", ""),
        # a host split before its last label, which OCR read with a capital
        ("Profile: ", "http://intranet.brightbank Jocal/users/hamdan", "\nName"),
        # the last digits of a path split off at the end of the line
        ("Link: ", "https://portal brightbank.com/patients/81 900", "\nNext"),
        ("Portal\n", "https://drive.example.com/file/d/3de7 70743c", "\nStreet"),  # of an id
        ("Portal\n", "https://drive.example.com/file/d/931b541 Sf2", "\nStreet"),  # "5" as "S"
        ("see ", "www fabrikam.org/billing?id=25 709", "\nok"),  # of a query's value
        ("Profile URL:\n", "www.northwind.org)billing?id=7 159", "\nRef"),  # "/" read as ")"
        ("at\n", "www. fabrikam.org/billing?id=7 1270", " for reference."),  # mid-line
        ("at ", "htt p://intranet.northwind. local/users/lewis", " for"),  # a space in "http"
        ("Website:\n", "https //drive.example.com/file/d/8ad1429eed", "\nBorn"),  # no colon
        ("online at\n", "https://drive.example.comfile/d/7 7dc5e766f", " at any time."),  # hash
        ("online at\n", "https://drive.example.com/file/d/961 e393e36", " at any time."),
        ("Portal: ", "https://portal.contoso.com/patients/22 187", " for you"),  # a number
        ("at ", "https://drive.example.com/file/d/9ad947 acOf", " if needed"),  # "O" for 0
        ("form is at ", "https://drive.example.com/file/d/ea968c8 1 c8", " fill it"),  # 3 parts
        ("the link\n", "https://brightbank.examplenet/accoun Vkimura", "\n13:58"),  # "/" as V
        ("Web: ", "http: \u2018/northwind.example.net/account/schulz", ""),  # a slash as a quote
        ("Portal\n", "httpsi/tailspin.example.net/account/kowalski", "\nNext"),  # ":" as "i"
        ("Link: ", "www.bright bank.org/billin g?id= 54593", "\nNext"),  # a query's value
        ("at\n", "https.//drive.example.com/file/d/1a578d9e77", " for"),  # ":" as "."
        ("at\n", "http://intranet.northwind.local/users, menon", " for"),  # "/" as ","
        ("online at ", "https///northwind.example.net/account/qureshi", " at"),  # ":" as "/"
        ("URL: ", "https://dr\nrive.exampl .com/file/d/823dd2ae32", "\nAccount"),  # two lines
        ("at ", "htt ps://drive.example.com/file/d/fSel 89812", " for"),  # "f5e1" misread
        ("online at ", "https\u00a5/drive.example.com/file/d/b25e235fe6", " at"),  # ":/" as "¥"
        ("Website:\n", "https \u00a5// portal.stma rys.com", "\nPhone"),
        ("online at ", "https_/tailspin.example.net/account/adebayo", " at"),  # ":" as "_"
    ],
)
def test_a_url_with_its_scheme_or_host_misread_is_found_whole(
    detector: Detector, label: str, url: str, after: str
) -> None:
    text = label + url + after
    assert quotes(text, detector.detect(text, InspectSpec()), "URL") == [url]


def test_a_count_after_a_url_that_ends_in_a_hash_stays_out_of_it(detector: Detector) -> None:
    text = "see https://drive.example.com/file/d/8ad1429eed 2 times"
    url = "https://drive.example.com/file/d/8ad1429eed"
    assert quotes(text, detector.detect(text, InspectSpec()), "URL") == [url]


def test_a_capitalised_word_after_a_url_with_a_path_stays_out_of_it(detector: Detector) -> None:
    text = "see http://x.example.com/a Then/now"
    assert quotes(text, detector.detect(text, InspectSpec()), "URL") == ["http://x.example.com/a"]


def test_an_address_with_a_colon_for_a_dot_in_its_user_name_is_found_whole(
    detector: Detector,
) -> None:
    text = "Email\ntakeshi:yamamoto@orange.fr\nok"
    found = quotes(text, detector.detect(text, InspectSpec()), "EMAIL_ADDRESS")
    assert found == ["takeshi:yamamoto@orange.fr"]
    text = "email:jo@example.org now"  # a label glued to the address stays out of it
    found = quotes(text, detector.detect(text, InspectSpec()), "EMAIL_ADDRESS")
    assert found == ["jo@example.org"]


@pytest.mark.parametrize(
    "text", ["see @home now", "Is it ok?john@example.com", "thanks, john@example.com"]
)
def test_words_around_an_at_sign_join_an_address_only_as_one_could_be_written(
    detector: Detector, text: str
) -> None:
    found = quotes(text, detector.detect(text, InspectSpec()), "EMAIL_ADDRESS")
    assert found == [a for a in ["john@example.com"] if a in text]


def test_a_word_after_a_lone_dot_after_a_whole_url_stays_out_of_it(detector: Detector) -> None:
    text = "see http://example.com . then call"
    assert quotes(text, detector.detect(text, InspectSpec()), "URL") == ["http://example.com"]


def test_a_year_after_a_url_s_last_word_stays_out_of_it(detector: Detector) -> None:
    text = "see https://example.com/docs/intro 2024\nNext"
    quoted = quotes(text, detector.detect(text, InspectSpec()), "URL")
    assert quoted == ["https://example.com/docs/intro"]


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Name: ", "Ikechukwu Adebayo"),
        ("Name: ", "KAMINSKA, MAREK"),
        ("Referred by:\n", "Ikechukwu Adebayo"),
        ("Tech: ", "Aditya Jos!"),  # "hi" read as "!"
        ("Tech: ", "Takeshi Ite)"),  # "o" read as "e)"
        ("Account holder:\n", "PawetZieliiski"),  # glued
        ("Tech:", "NourQureshi"),  # glued, and glued to its label
        ("Tech:", "Ikechukwu Adebayo"),  # glued to its label
        ("Sincerely,\n", "Yuikimura"),  # glued, the surname's capital read small
    ],
)
def test_a_name_label_lifts_a_name_no_list_has(detector: Detector, label: str, name: str) -> None:
    # "name" is one of spaCy's stop words, which Presidio's context search leaves out
    text = f"{label}{name}\nDate"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == [name]
    other = f"Team: {name}\nDate"
    if not name.isupper():  # (in capitals beside small letters it is a name anyway)
        assert quotes(other, detector.detect(other, InspectSpec()), "PERSON_NAME") == []


@pytest.mark.parametrize("word", ["Contoso", "Welcome", "Dashboard"])
def test_one_word_glued_of_a_given_name_and_a_surname_needs_both_and_neither_a_word(
    detector: Detector, word: str
) -> None:
    # "Contoso" splits into "Con" and "toso", a listed given name and surname, but "con" is a
    # word
    text = f"Sincerely,\n{word}\nClaims Department"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []


@pytest.mark.parametrize("name", ["Adaeze Okon!kwo", "Isabel N:avarro", "OBI, AD.AEZE"])
def test_a_labelled_name_covers_a_mark_ocr_read_between_two_of_its_letters(
    detector: Detector, name: str
) -> None:
    text = f"Tech: {name}\nAP PORTABLE"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == [name]


def test_a_name_ending_in_an_initial_takes_the_rest_of_the_word_ocr_split_off(
    detector: Detector,
) -> None:
    text = "Patient: Ewa L ewandowski\nDOB"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Ewa L ewandowski"]
    text = "Signed by Ewa L and the team"
    assert "Ewa L and" not in quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ref: Dr. Marek Szym:anska\nW: 400", "Marek Szym:anska"),  # "ń" read as ":" and "n"
        ("Tech: Sofia Torres\u201d\nkVp 95", "Sofia Torres\u201d"),  # the last "s" as a quote
        ("Acc: 52567076\nTech: Diego Navar:\nAP SUPINE", "Diego Navar:"),  # the rest as ":"
        ("Tech: Kavya Men«0Nn\nMRN 1234567", "Kavya Men«0Nn"),  # "o" as "«", the rest garbled
        # "Chukwu" read as "Chi", a speck and "wu": a digit for a letter, after "Tech:"
        ("ACC: 86317557\nTech: Ikechukwu Chi 1wu\nLATERAL", "Ikechukwu Chi 1wu"),
    ],
)
def test_a_name_takes_the_marks_ocr_read_for_its_last_letters(
    detector: Detector, text: str, name: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == [name]


def test_a_name_at_a_line_s_end_takes_the_last_letters_ocr_split_off(detector: Detector) -> None:
    text = "Ref: Dr. Sneha Kuma r\nW: 400 L: 40"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Sneha Kuma r"]
    text = "Ref: Dr. Th\u00e9o Fe nt aine\nkVp 80"  # letter-spaced, after a capital or two
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == [
        "Th\u00e9o Fe nt aine"
    ]
    text = "Ref: Dr. Th\u00e9o Fe and so on\nkVp 80"  # small words of a sentence stay out
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Th\u00e9o Fe"]
    text = "Name\nMarek Kowal ski\nPadraig McCarthy"  # the rest of a listed surname
    assert "Marek Kowal ski" in quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    text = "Name\nJoanna Zieli ski\nActive"  # ... and a letter lost between ("ń")
    assert "Joanna Zieli ski" in quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")
    text = "Name\nMarek Kowal ski trip\nPadraig McCarthy"  # not ending its line
    assert "Marek Kowal ski" not in quotes(text, detector.detect(text, InspectSpec()))
    text = "Acc: 74763205\nRef: Dr. Sophie pel\nN: 2048"  # "Weber" misread, after a title
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Sophie pel"]
    text = "Ref: Dr. Sophie <Schulize\n4096 L: 2048"  # "Schulz" after a mark
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Sophie <Schulize"]
    text = "Ref: Dr. Haruto It\nW: 400"  # "Ito" cut short, an English word
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Haruto It"]
    text = "Ref: Dr. Sophie was\nN: 2048"  # a word
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Sophie"]
    text = "Ref: Dr. Sneha Kumar\nW: 400 L: 40"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Sneha Kumar"]


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("IBAN DE19 5097 7463 0391 7032.88 on file", "DE19 5097 7463 0391 7032.88"),
        ("IBAN DE04 7805 21 35 7521 5997 87\nInvoice", "DE04 7805 21 35 7521 5997 87"),
        ("IBAN:\nGB 18 LOYD 7254 3248 0393 69\nLast login", "GB 18 LOYD 7254 3248 0393 69"),
        # a line tesseract broke in two, and a "!" for the "D" it lost
        ("the account GB88 LOYD\n3036 2833 5550 47 held", "GB88 LOYD\n3036 2833 5550 47"),
        ("the account GB88 LOY!\n3036 2833 5550 47 held", "GB88 LOY!\n3036 2833 5550 47"),
        # ... or a ":" for a lost digit
        ("account FR76 1591 7630 685: 4860 0164 938 held", "FR76 1591 7630 685: 4860 0164 938"),
    ],
)
def test_an_iban_with_a_dot_a_space_or_a_line_break_read_in_is_found_whole_when_mod_97_passes(
    detector: Detector, text: str, iban: str
) -> None:
    found = detector.detect(text, only("IBAN_CODE"))
    assert quotes(text, found) == [iban]
    assert [d.likelihood for d in found] == [Likelihood.VERY_LIKELY]


def test_a_mark_in_an_iban_is_a_lost_character_only_when_one_put_back_passes_mod_97(
    detector: Detector,
) -> None:
    text = "the account GB88 LOY!\n3036 2833 5550 48 held"  # a wrong last digit too
    assert detector.detect(text, only("IBAN_CODE")) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We spoke with\nTrang Do on the phone yesterday.", ["Trang Do"]),  # a line's break
        ("Your case is now handled by Trang Do from our office.", ["Trang Do"]),
        ("We spoke with Quality Do on the phone", []),  # an English word
        ("We spoke with Trang In the end", []),  # a function word
        ("Your case is now handled by Denver Co from our office.", []),  # a place
        ("ask Trang Do about the keys", ["Trang Do"]),  # a verb whose object is a person
        ("call Contoso Support about it", []),
    ],
)
def test_an_unlisted_name_after_with_by_or_ask_is_a_name_though_its_surname_is_a_word(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We spoke with QURESHI, AMIRA on the phone yesterday.", ["QURESHI, AMIRA"]),
        ("We comply with GDPR, HIPAA and more", []),  # acronyms
        ("Offices in DENVER, COLORADO and elsewhere", []),  # a place
        ("QURESHI, AMIRA", ["QURESHI, AMIRA"]),  # alone on its line, as records write them
        ("DENVER, COLORADO", []),
    ],
)
def test_an_unlisted_surname_in_capitals_before_a_given_name_in_a_sentence_is_a_name(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == found


@pytest.mark.parametrize(
    ("info_type", "text", "found"),
    [
        ("US_SOCIAL_SECURITY_NUMBER", "they asked for my ssn, it's 59-75-5562", ["59-75-5562"]),
        ("US_SOCIAL_SECURITY_NUMBER", "order 59-75-5562 shipped", []),  # no word about an SSN
        ("US_SOCIAL_SECURITY_NUMBER", "SSN on file; visit on 12-05-2023", []),  # a date's shape
        ("CREDIT_CARD_NUMBER", "card is 3760-900096-0925, exp 09", ["3760-900096-0925"]),  # Amex
        ("CREDIT_CARD_NUMBER", "Amex 3782 82246 10005", ["3782 82246 10005"]),
        ("CREDIT_CARD_NUMBER", "my visa 4111 1111 111 1111 ok", ["4111 1111 111 1111"]),
        ("CREDIT_CARD_NUMBER", "order 3760-900096-0925 shipped", []),  # no word about a card
        ("CREDIT_CARD_NUMBER", "card 3056-930902-5905", []),  # Diners Club's 4-6-4, not Luhn
    ],
)
def test_a_number_one_digit_short_needs_a_word_about_it_nearby(
    detector: Detector, info_type: str, text: str, found: list[str]
) -> None:
    results = detector.detect(text, only(info_type))
    assert quotes(text, results) == found
    assert all(d.likelihood == Likelihood.POSSIBLE for d in results)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a sign-in to your account from 10.1 14.220.66 and", ["10.1 14.220.66"]),
        ("from 10.114.2 20.66 today", ["10.114.2 20.66"]),
        ("account from 39.1 19,104.80 and", ["39.1 19,104.80"]),  # a comma for a dot too
        ("from 39.1 19,104,80 and", []),  # two commas: figures
        ("from 10.1 400.220.66", []),  # 1400 is no octet
        ("scores 10.1 14.2 and 20.66", []),  # two dots: decimals
        ("from 10.216.204 206", []),  # a space for a dot needs a word about it
    ],
)
def test_an_ip_address_with_a_space_inside_a_number_is_found(
    detector: Detector, text: str, found: list[str]
) -> None:
    results = detector.detect(text, only("IP_ADDRESS"))
    assert quotes(text, results) == found
    assert all(d.likelihood == Likelihood.POSSIBLE for d in results)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the server at 10.234.143.77is down again", ["10.234.143.77"]),
        ("the server at 10.234.143.277is down", []),  # 277 is no octet
        ("build 1.2.3.4b2", []),  # one letter glued: a version
    ],
)
def test_an_ip_address_glued_to_the_word_after_it_is_found(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only("IP_ADDRESS"))) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Last login from\n192168.199.60", ["192168.199.60"]),
        ("Last login from\n192168,235.21", ["192168,235.21"]),  # and a comma for a dot
        ("Last login from 1921,68,235", []),  # two commas: a number
        ("order 192168.199.60 shipped", []),  # no word about an address
        ("Last login from 10.15.7", []),  # three numbers, none of two octets
        ("Last login from 10.0012.5", []),  # no octet starts with 0
        ("Last login from\n10.216.204 206", ["10.216.204 206"]),  # a space for a dot
        ("version 1.2.3 45 installed", []),
        ("Last login from 10.216.204 306", []),  # 306 is no octet
        # two misreads at once: a comma beside a dot, then a space
        ("Last login from\n10.144.185,. 28", ["10.144.185,. 28"]),
        ("Last login from\n192168.45 224", ["192168.45 224"]),  # a dot dropped, one a space
        ("from IP address 191.80.211 -38 shortly", ["191.80.211 -38"]),  # " -" for a dot
        ("Last login from\n2001:db8:50fe::bé6eb\nok", ["2001:db8:50fe::bé6eb"]),  # a 6 twice
        ("Last login from\n2001:db8:50fe::bé6ebe\nok", []),  # a group of five, "é" or not
        ("Last login from\n2001 :db8:Sdab::9be4", ["2001 :db8:Sdab::9be4"]),  # "S" for 5
        ("Last login from\n2001:db8:89d: :dSdf", ["2001:db8:89d: :dSdf"]),  # ": :" for "::"
        # " -" for a colon, a space inside a group, "::" read as one colon
        ("Last login from\n2001 -db8:f51 1:d8de\nJune", ["2001 -db8:f51 1:d8de"]),
        ("Last login from\n2001:db8:12 today", []),  # one colon for "::" needs four groups
        ("Last login from cafe bad 12 be", []),  # words of hex letters, no colon
        ("Last login 10:30:45:12 am", []),  # no group with a letter
        ("from IP address 2001:db8:2d2f-:d7d3 shortly", ["2001:db8:2d2f-:d7d3"]),  # "-:" for "::"
        ("Last login 10 20 30 40", []),  # numbers apart
        ("Last login at 16:49:30", []),  # a time
        ("Last login from 1921 68.45 224", []),  # two numbers of no octet
        ("Last login from\n192168.12480\n134", ["192168.12480"]),  # two dots dropped
        ("Last login from\n17218.152155\nok", ["17218.152155"]),  # each split two ways
        ("Last login from\n1234.5678", []),  # "1234" splits three ways
    ],
)
def test_an_ip_address_with_a_dot_dropped_needs_a_word_about_it_nearby(
    detector: Detector, text: str, found: list[str]
) -> None:
    results = detector.detect(text, only("IP_ADDRESS"))
    assert quotes(text, results) == found
    assert all(d.likelihood == Likelihood.POSSIBLE for d in results)


@pytest.mark.parametrize(
    ("text", "info_type", "found"),
    [
        ("SSN: 695-83 -8655.", "US_SOCIAL_SECURITY_NUMBER", ["695-83 -8655"]),
        ("show SSN 817-31 ~6793 exactly", "US_SOCIAL_SECURITY_NUMBER", ["817-31 ~6793"]),
        ("Ref 817-31~6793", "US_SOCIAL_SECURITY_NUMBER", ["817-31~6793"]),  # a tilde for "-"
        ("Range 817=31=6793", "US_SOCIAL_SECURITY_NUMBER", ["817=31=6793"]),
        ("Social security 666-83 ~8655.", "US_SOCIAL_SECURITY_NUMBER", []),  # never issued
        # an area never issued: no SSN by its shape; after its label, only as the field's value
        ("Social security 666-83 -8655.", "US_SOCIAL_SECURITY_NUMBER", []),
        ("MRN 753.4986", "MEDICAL_RECORD_NUMBER", ["753.4986"]),
        ("Patient paid 1234.56", "MEDICAL_RECORD_NUMBER", []),  # a price
    ],
)
def test_identifiers_with_a_space_or_a_dot_read_into_them_are_found(
    detector: Detector, text: str, info_type: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only(info_type))) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Name: Yui to\nDOB", ["Yui to"]),  # "Yui Ito", its thin capital I dropped
        ("Please tell Yui to call the desk", []),  # a sentence goes on after it
    ],
)
def test_a_surname_whose_initial_i_ocr_dropped_ends_a_name_at_the_end_of_a_line(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert [q for q in quotes(text, detector.detect(text, only("PERSON_NAME"))) if "to" in q] == (
        found
    )


def test_a_name_alone_on_its_line_whose_given_name_lost_its_capital_stays_whole(
    detector: Detector,
) -> None:
    text = "Thank you for contacting us.\nSincerely,\navya Singh\nCustomer Service Manager"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["avya Singh"]


def test_a_name_found_once_is_found_wherever_it_stands_again(detector: Detector) -> None:
    text = "Trang Ngo\nsounds good\nYesterday\nTrang Ngo\nonline"
    found = detector.detect(text, only("PERSON_NAME"))
    assert [d.start for d in found] == [0, text.rindex("Trang Ngo")]
    # with its first letter misread or lost there
    text = "Vikram Nair\nsounds good\nfikram Nair\nsee you\nikram Nair\nok"
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["Vikram Nair", "fikram Nair", "ikram Nair"]
    # or in the other order, in capitals
    text = "DO, BAO\n4661 Oak Street\nDear Bao Do,\nThank you"
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["DO, BAO", "Bao Do"]
    # ... the comma after it left out ("Dear Trang Bui," and a city after it)
    text = "Bui, Trang\n7860 Cedar Lane\nAustin, TX 78701\nDear Trang Bui,\nOur offices"
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["Bui, Trang", "Trang Bui"]
    # or with the space between its words lost
    text = "Chats\nAnhVu\ncall me later\n09:14\nAnh Vu\nlast seen today"
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["AnhVu", "Anh Vu"]
    # ... and a capital I read as a small l
    text = "Chats\nEmilto\n09:14\nEmi Ito\nlast seen today"
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["Emilto", "Emi Ito"]
    # or with the start of its first word lost in a word read into it from the line beside
    text = "Chats\nMaximilian Schneider\nYesterday\nr ) onlineimilian Schneider\nplease"
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["Maximilian Schneider", "onlineimilian Schneider"]
    text = "Maximilian Schneider\nwrote to the civilian Schneider office"  # an English word
    found = detector.detect(text, only("PERSON_NAME"))
    assert quotes(text, found) == ["Maximilian Schneider"]
    # ... but never as an English word: "Yesterda y" taken for a name is no cue
    from inkout.detect import _same_name_elsewhere

    text = "Yesterda y\nok\nYesterday\nsee you\nYesterda y"
    split = Detection("PERSON_NAME", 0, 10, Likelihood.LIKELY, 0.7)
    again = [text[d.start : d.end] for d in _same_name_elsewhere(text, [split])]
    assert again == ["Yesterda y"]
    # a given name alone is no cue
    text = "Dr. Lukas Hoffmann wrote\nLukas\nok"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["Lukas Hoffmann"]


@pytest.mark.parametrize(
    ("label", "rest", "info_type", "value"),
    [
        ("MRN:", "\neMinictalAdtae\nGender:\nFemale", "MEDICAL_RECORD_NUMBER", "eMinictalAdtae"),
        ("Last login IP:", "\nVIZAT AIT AZS\nGender:", "IP_ADDRESS", "VIZAT AIT AZS"),
        ("Full name:", "\ncate hdr ekica\nIBAN", "PERSON_NAME", "cate hdr ekica"),
        ("Street address:", " ee flee eee\nSSN:", "STREET_ADDRESS", "ee flee eee"),
        ("DOB", " Nie\nMRN:", "DATE_OF_BIRTH", "Nie"),
        ("D.O.B.", " 1O/O2/l98O\nMRN:", "DATE_OF_BIRTH", "1O/O2/l98O"),
        # two columns read across: label, label, value, value
        (
            "MRN:",
            "\nRegistered fom IP\nO5997I3I\n10.248.214.38",
            "MEDICAL_RECORD_NUMBER",
            "O5997I3I",
        ),
        ("Alt. phone:", "\nGta 20 eee 0608\nTel:\n202.576.1835", "PHONE_NUMBER", "Gta 20 eee 0608"),
        # ... the values the other way round: the line after is another label's, found
        ("DOB:", "\nHome hone\n312-555-0259\n16.01.1976\nJob:", "DATE_OF_BIRTH", "16.01.1976"),
        # digits split off a number found beside them belong to it
        ("Tel:", "\n331429012 64\nctuns", "PHONE_NUMBER", "331429012 64"),
        # ... and so does a name's given name beside a mark OCR read for a letter
        ("Account holder:", "\nMATHIIEU ,OUS SEAU\nPlan:", "PERSON_NAME", "MATHIIEU ,OUS SEAU"),
        (  # (alone on its line, "lsabel Torres" is a name with or without its label)
            "Emergency contact:",
            "\nMrs lsabel Torres\nPolicy no.:",
            "PERSON_NAME",
            "Mrs lsabel Torres",
        ),
        (
            "Profile URL:",
            "\n_httpsi/fabrikam.example.netiaccount/ryan\nPhone",
            "URL",
            "_httpsi/fabrikam.example.netiaccount/ryan",
        ),
        # ... and so does a domain's label that OCR set apart from its dot
        (
            "Portal:",
            "\nhttps: //northwind -example. net /account/do\nSSN:",
            "URL",
            "https: //northwind -example. net /account/do",
        ),
        # ... and digits OCR split off an address's user name, its domain a URL finding too
        (
            "Email address:",
            "\nikechukwuadebayo 1 2@web.de\nTel",
            "EMAIL_ADDRESS",
            "ikechukwuadebayo 1 2@web.de",
        ),
        # an IBAN with a check digit misread, a phone number inside it
        ("IBAN", "\nNLO4INGB 4644 2278 63,\nTyler Clark", "IBAN_CODE", "NLO4INGB 4644 2278 63,"),
        # ... a phone number's country code misread as letters in a monospaced font
        ("Work phone:", "\npele! 45 86 11 67\nSSN", "PHONE_NUMBER", "pele! 45 86 11 67"),
        # ... and the last letters of its path ("okonkwo")
        (
            "Website:",
            " https://acme-health.example. net/accounV/okonk wo\nSSN",
            "URL",
            "https://acme-health.example. net/accounV/okonk wo",
        ),
        # ... its path's "/account" no label, a speck read after it left out
        (
            "Portal:",
            "\nnttPes//northwind.exemple.net /account /Iewandowski |\nfield S in block",
            "URL",
            "nttPes//northwind.exemple.net /account /Iewandowski",
        ),
        # ... or the last of them, a digit read as a mark ("fe84d9fb9")
        (
            "Profile URL:",
            "\nhttps://drive.example.com/file/d/fe84d9 fb?\nName",
            "URL",
            "https://drive.example.com/file/d/fe84d9 fb?",
        ),
        # ... or its dots read as spaces after its scheme, dictionary words or not
        (
            "Website:",
            "\nhttps//s marys example net/account/doyle\nSSN",
            "URL",
            "https//s marys example net/account/doyle",
        ),
        # "MRN:" read "MAN:", a label with its colon only
        ("MAN:", "\nA-574036\nSSN", "MEDICAL_RECORD_NUMBER", "A-574036"),
        ("France\nMN:", "\n01970197\nPlan:", "MEDICAL_RECORD_NUMBER", "01970197"),  # "R" lost
        # a month and a year, its day garbled atop a radiograph, is no masked value
        ("Date of birth:", " November up 1982\nMRN: 7541467", "DATE_OF_BIRTH", "November up 1982"),
        # a label wrapped onto two lines ("Account" ... "holder:") is no second column
        (
            "Account\nMathieu Fournier\nholder:\nLast login IP:",
            "\n10.93.:209,.22\nHome phone:\n+33 1 47 29 17 80",
            "IP_ADDRESS",
            "10.93.:209,.22",
        ),
    ],
)
def test_what_follows_a_label_is_of_its_type_though_ocr_garbled_it(
    detector: Detector, label: str, rest: str, info_type: str, value: str
) -> None:
    text = label + rest
    assert value in quotes(text, detector.detect(text, InspectSpec()), info_type)
    other = "Notes:" + rest
    assert value not in quotes(other, detector.detect(other, InspectSpec()))


@pytest.mark.parametrize(
    "text",
    [
        "Email:\nNot provided\nPhone: Unknown",  # words, no value
        "Name Email Phone\nCard / SSN",  # a table's headers
        "Telephone:\nReferred by\n404-405-2162",  # a label between
        "Name: INV-53583",  # no name has digits
        "Policy no.: HX-5632-55\nAccount number: 5632-55",  # no label of a type here
        "Blood type:\nSSN:\nO+\n147-53-6271",  # two columns: the SSN is the line after
        "Name\nEmail\nPhone\n\u2018SSN\nStatus",  # headers, a mark read before one
        "Phone:\n\u2022\u2022\u2022-\u2022\u2022\u2022-0194\nEmail:",  # masked on screen
        "Phone\naeneee 1546\ne002 0118",  # masked, its bullets read as letters
        "Name\nPhone\nSSN\nAdaeze Adebayo\nSv-nne-0976",  # headers over a table's rows
        "Phone:\nPlease call us about your account and the letter we sent you last week",
        # a sentence's end alone on its line is no label ("apologise": no American word)
        "Refunds will be paid into the account held in\nyour name.\nWe apologise for any",
    ],
)
def test_words_labels_or_sentences_after_a_label_are_no_value(
    detector: Detector, text: str
) -> None:
    found = detector.detect(text, InspectSpec())
    kept = {"404-405-2162", "147-53-6271", "Adaeze Adebayo"}
    assert [q for q in quotes(text, found) if q not in kept] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Eon Doyle\nDate of birth: June 15, 1959\nMRN: 4915484", "Eon Doyle"),
        ("DO, MAI\nDOB: 09/14/1952\nMRN A-510781", "DO, MAI"),
        ("4 June 2023\nDo, Bao\n2034 Maple Avenue\nColumbus, OH 43215", "Do, Bao"),
    ],
)
def test_the_line_above_a_date_of_birth_s_label_or_an_address_is_whom_it_belongs_to(
    detector: Detector, text: str, name: str
) -> None:
    assert name in quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Patient Information\nDate of birth: June 15, 1959",  # words, no name among them
        "MERCY GENERAL HOSPITAL\nDOB: 09/14/1952",  # an institution
        "Sex: M Age: 37Y\nBorn 03/21/2005",  # a label
        "Please enter your\nDate of birth",
        "Last login IP\nDate of birth",  # a form's label read across its columns
        "Type a message\ndate of birth 04/19/1989 if they ask",  # no label: in a sentence
        "Accounts Department\n2034 Maple Avenue\nColumbus, OH 43215",
        "Bright Savings Union\n9561 Elm Road\nAustin, TX 78701",  # a letterhead, of words
        "Billing address:\n2034 Maple Avenue",
    ],
)
def test_a_heading_or_label_above_a_date_of_birth_or_an_address_is_no_name(
    detector: Detector, text: str
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == []


def test_the_other_column_read_between_a_name_and_its_date_of_birth_is_no_name(
    detector: Detector,
) -> None:
    text = "SOPHIE FISCHER\nH\u00e9pital Saint-Louis\nBorn 14.06.1985"
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["SOPHIE FISCHER"]
    text = "Ikechukwu Chukwu\neo\nH6pital Saint-Louis\nDOB 1986-01-23"  # a noise line too
    assert quotes(text, detector.detect(text, InspectSpec()), "PERSON_NAME") == ["Ikechukwu Chukwu"]


def test_a_word_after_a_comma_that_ends_a_url_s_path_stays_a_word(detector: Detector) -> None:
    text = "Open http://intranet.northwind.local/users, then sign in"
    found = quotes(text, detector.detect(text, InspectSpec()), "URL")
    assert [u.rstrip(",") for u in found] == ["http://intranet.northwind.local/users"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Last login from\n2001:db8:369:d0e9\nName", ["2001:db8:369:d0e9"]),  # "::" read as ":"
        ("route fd00:ab:12:7:9 up", ["fd00:ab:12:7:9"]),
        ("at 1230:45:10:22 ok", []),  # digits only: a counter or a time
        ("key ab:cd:ef:01", []),  # a first group of two: no address starts so
    ],
)
def test_an_ipv6_address_whose_double_colon_ocr_read_as_one_is_found(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, only("IP_ADDRESS"))) == found


@pytest.mark.parametrize("text", ["Name\nmeee@outlook\nActive", "ssh root@server now"])
def test_an_address_without_its_domain_s_dot_needs_a_dot_in_its_user_name(
    detector: Detector, text: str
) -> None:
    # a masked address's bullets read as letters, or a login, is no person's address
    assert detector.detect(text, only("EMAIL_ADDRESS")) == []


def test_a_label_alone_on_its_line_is_no_name_however_misread(detector: Detector) -> None:
    # "Gender:" read as "Gente:", "Profile URL:" under a name's label
    text = "MRN\nPetey no.\n4751488\nGente:\nFemale\nName\nJohn Smith\nProfile URL:\nwww.x.io"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["John Smith"]
    text = "Fullname:\nNour Rahman\nSocal Security No:\n882-21-8923"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == ["Nour Rahman"]


def test_a_year_whose_last_digit_ocr_read_as_a_colon_stays_in_its_date_of_birth(
    detector: Detector,
) -> None:
    text = "Bao Bui\nDOB: November 12, 196:\nTel: 404.603.2415"
    found = detector.detect(text, InspectSpec())
    assert quotes(text, found, "DATE_OF_BIRTH") == ["November 12, 196:"]
    assert quotes(text, found, "PHONE_NUMBER") == ["404.603.2415"]


def test_a_name_s_field_with_digits_that_are_no_misread_letters_is_no_name(
    detector: Detector,
) -> None:
    text = "Name: Room 4B\nTech: INV-53583"
    assert quotes(text, detector.detect(text, only("PERSON_NAME"))) == []


def test_a_language_after_its_label_is_no_nationality(detector: Detector) -> None:
    text = "Preferred language:\nGerman\nNationality: German"
    found = detector.detect(text, InspectSpec())
    assert [d.start for d in found if d.info_type == "NRP"] == [text.rindex("German")]


def test_a_label_with_a_letter_lost_still_labels_its_field(detector: Detector) -> None:
    # "Card No." read "ard No." in the shadow of a photographed page's edge
    text = "Street address:\n7895 Elm Road\nard No.\n4056-3228-5793-\nae"
    assert quotes(text, detector.detect(text, InspectSpec()), "CREDIT_CARD_NUMBER") == [
        "4056-3228-5793-"
    ]
    text = "Patients:\n12 today\nheld in\nyour name."  # a plural; a sentence's end
    assert quotes(text, detector.detect(text, InspectSpec())) == []


def test_a_phone_number_under_its_header_may_have_a_hyphen_read_as_a_colon(
    detector: Detector,
) -> None:
    text = "206-372:3136\n10:30"
    headers = [(0, 12, "Phone"), (13, 18, "Phone")]
    assert quotes(text, detector.detect(text, only("PHONE_NUMBER"), headers)) == ["206-372:3136"]
    text = "312,399,8928\n10:30"  # ... or its dots as commas
    assert quotes(text, detector.detect(text, only("PHONE_NUMBER"), headers)) == ["312,399,8928"]
    assert quotes(text, detector.detect(text, only("PHONE_NUMBER"))) == []  # not without it
    text = "3755:600219-52916"  # and a card number's
    found = detector.detect(text, only("CREDIT_CARD_NUMBER"), [(0, 17, "Card / SSN")])
    assert quotes(text, found) == [text]


def test_an_address_under_an_email_column_is_found_however_ocr_read_its_dots(
    detector: Detector,
) -> None:
    text = "bui b@webde\nActive"
    found = detector.detect(text, only("EMAIL_ADDRESS"), [(0, 11, "Email"), (12, 18, "Email")])
    assert quotes(text, found) == ["bui b@webde"]
    # masked on screen, its bullets read as marks or letters: no value
    for text in ("c\u2022\u2022\u2022@gmail.com", "feee@clinic-north.org,", "Oree( @web.de"):
        found = detector.detect(text, only("EMAIL_ADDRESS"), [(0, len(text), "Email")])
        assert quotes(text, found) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "DOB:" read "po:" under the patient's name atop a radiograph
        ("ACC: 58221324\njaruto Kobayashi\npo: 1995-07-13:\nRN 07991242", ["1995-07-13"]),
        ("Haruto Kobayashi\nAcc: 1995-07-13", []),  # another label of the header
        ("Acc: 62415552\nablo Rodriguez\njeom 10.05.1943\nIRN", ["10.05.1943"]),  # 4 letters
        ("Haruto Kobayashi\nDate 2021-10-15", []),  # the study's date
        ("Ana Do\n12/03/2024", []),  # no label: a chat's date under its contact
        ("Invoice total\npo: 1995-07-13", []),  # no name above
    ],
)
def test_a_date_under_a_name_after_a_garbled_short_label_is_a_date_of_birth(
    detector: Detector, text: str, found: list[str]
) -> None:
    assert quotes(text, detector.detect(text, InspectSpec()), "DATE_OF_BIRTH") == found
