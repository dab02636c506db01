"""Request messages to core values: DLP's defaults and semantics, and refusals of what
inkout does not implement (never silently ignored)."""

from __future__ import annotations

import pytest

from inkout import convert
from inkout.errors import InvalidArgument
from inkout.model import BLACK, Likelihood, MatchingType, PaintPlan
from inkout.v1 import dlp_pb2

IRC = dlp_pb2.RedactImageRequest.ImageRedactionConfig


def _names(name: str) -> str:
    return name


def test_info_type_aliases_become_dlp_names() -> None:
    spec = convert.inspect_spec(
        dlp_pb2.InspectConfig(
            info_types=[dlp_pb2.InfoType(name="US_SSN"), dlp_pb2.InfoType(name="PERSON")]
        )
    )
    assert spec.info_types == ("US_SOCIAL_SECURITY_NUMBER", "PERSON_NAME")


def test_all_basic_passes_to_the_detector_as_is() -> None:
    cfg = dlp_pb2.InspectConfig(
        info_types=[dlp_pb2.InfoType(name="ALL_BASIC"), dlp_pb2.InfoType(name="US_SSN")]
    )
    assert convert.inspect_spec(cfg).info_types == ("ALL_BASIC", "US_SOCIAL_SECURITY_NUMBER")


def test_unspecified_min_likelihood_is_possible_as_in_dlp() -> None:
    assert convert.inspect_spec(dlp_pb2.InspectConfig()).min_likelihood == Likelihood.POSSIBLE
    cfg = dlp_pb2.InspectConfig(min_likelihood=dlp_pb2.LIKELY)
    assert convert.inspect_spec(cfg).min_likelihood == Likelihood.LIKELY


def test_custom_regex_dictionary_and_hotword_rule_are_converted() -> None:
    hot = dlp_pb2.CustomInfoType.DetectionRule.HotwordRule(
        hotword_regex=dlp_pb2.CustomInfoType.Regex(pattern="ticket"),
        proximity=dlp_pb2.CustomInfoType.DetectionRule.Proximity(window_before=20),
        likelihood_adjustment=dlp_pb2.CustomInfoType.DetectionRule.LikelihoodAdjustment(
            relative_likelihood=1
        ),
    )
    cfg = dlp_pb2.InspectConfig(
        custom_info_types=[
            dlp_pb2.CustomInfoType(
                info_type=dlp_pb2.InfoType(name="TICKET"),
                likelihood=dlp_pb2.POSSIBLE,
                regex=dlp_pb2.CustomInfoType.Regex(pattern=r"T-(\d+)", group_indexes=[1]),
                detection_rules=[dlp_pb2.CustomInfoType.DetectionRule(hotword_rule=hot)],
            ),
            dlp_pb2.CustomInfoType(
                info_type=dlp_pb2.InfoType(name="CODENAME"),
                dictionary=dlp_pb2.CustomInfoType.Dictionary(
                    word_list=dlp_pb2.CustomInfoType.Dictionary.WordList(words=["Bluebird"])
                ),
            ),
        ]
    )
    ticket, codename = convert.inspect_spec(cfg).custom_info_types
    assert ticket.regex is not None and ticket.regex.group_indexes == (1,)
    assert ticket.likelihood == Likelihood.POSSIBLE
    assert ticket.hotword_rules[0].relative_likelihood == 1
    assert ticket.hotword_rules[0].proximity.window_before == 20
    assert codename.words == ("Bluebird",) and codename.likelihood == Likelihood.VERY_LIKELY


def test_custom_names_can_be_used_in_rule_sets_and_limits() -> None:
    cfg = dlp_pb2.InspectConfig(
        custom_info_types=[
            dlp_pb2.CustomInfoType(
                info_type=dlp_pb2.InfoType(name="TICKET"),
                regex=dlp_pb2.CustomInfoType.Regex(pattern="T-1"),
            )
        ],
        rule_set=[
            dlp_pb2.InspectionRuleSet(
                info_types=[dlp_pb2.InfoType(name="TICKET")],
                rules=[
                    dlp_pb2.InspectionRule(
                        exclusion_rule=dlp_pb2.ExclusionRule(
                            exclude_info_types=dlp_pb2.ExcludeInfoTypes(
                                info_types=[dlp_pb2.InfoType(name="EMAIL_ADDRESS")]
                            ),
                            matching_type=dlp_pb2.MATCHING_TYPE_PARTIAL_MATCH,
                        )
                    )
                ],
            )
        ],
        limits=dlp_pb2.InspectConfig.FindingLimits(
            max_findings_per_item=5,
            max_findings_per_info_type=[
                dlp_pb2.InspectConfig.FindingLimits.InfoTypeLimit(
                    info_type=dlp_pb2.InfoType(name="TICKET"), max_findings=2
                )
            ],
        ),
    )
    spec = convert.inspect_spec(cfg)
    (rule_set,) = spec.rule_sets
    assert rule_set.info_types == ("TICKET",)
    assert rule_set.exclusion_rules[0].info_types == ("EMAIL_ADDRESS",)
    assert rule_set.exclusion_rules[0].matching_type == MatchingType.PARTIAL_MATCH
    assert spec.max_findings_per_item == 5
    assert spec.max_findings_per_info_type == (("TICKET", 2),)


@pytest.mark.parametrize(
    ("custom", "words"),
    [
        (dlp_pb2.CustomInfoType(info_type=dlp_pb2.InfoType(name="X")), "set regex or dictionary"),
        (
            dlp_pb2.CustomInfoType(
                info_type=dlp_pb2.InfoType(name="X"), stored_type=dlp_pb2.StoredType(name="s")
            ),
            "stored_type is not supported",
        ),
        (
            dlp_pb2.CustomInfoType(
                info_type=dlp_pb2.InfoType(name="X"),
                dictionary=dlp_pb2.CustomInfoType.Dictionary(
                    cloud_storage_path=dlp_pb2.CloudStoragePath(path="gs://b/w.txt")
                ),
            ),
            "word_list",
        ),
    ],
)
def test_unsupported_custom_info_types_are_refused(custom, words) -> None:
    with pytest.raises(InvalidArgument, match=words):
        convert.inspect_spec(dlp_pb2.InspectConfig(custom_info_types=[custom]))


def test_an_adjustment_rule_is_refused_rather_than_ignored() -> None:
    cfg = dlp_pb2.InspectConfig(
        rule_set=[
            dlp_pb2.InspectionRuleSet(
                info_types=[dlp_pb2.InfoType(name="EMAIL_ADDRESS")],
                rules=[dlp_pb2.InspectionRule(adjustment_rule=dlp_pb2.AdjustmentRule())],
            )
        ]
    )
    with pytest.raises(InvalidArgument, match="adjustment_rule is not supported"):
        convert.inspect_spec(cfg)


def test_no_image_redaction_configs_paints_every_finding_black() -> None:
    assert convert.paint_plan([], _names) == PaintPlan()
    assert PaintPlan().colour_for("ANYTHING") == BLACK


def test_configs_paint_named_types_in_their_colours_and_nothing_else() -> None:
    plan = convert.paint_plan(
        [
            IRC(
                info_type=dlp_pb2.InfoType(name="EMAIL_ADDRESS"),
                redaction_color=dlp_pb2.Color(red=1.0, green=0.5),
            )
        ],
        _names,
    )
    assert plan.colour_for("EMAIL_ADDRESS") == (255, 128, 0)
    assert plan.colour_for("PERSON_NAME") is None


def test_a_config_without_a_target_covers_all_other_types() -> None:
    plan = convert.paint_plan(
        [
            IRC(info_type=dlp_pb2.InfoType(name="EMAIL_ADDRESS")),
            IRC(redaction_color=dlp_pb2.Color(blue=2.0)),
        ],
        _names,
    )
    assert plan.colour_for("EMAIL_ADDRESS") == BLACK
    assert plan.colour_for("PERSON_NAME") == (0, 0, 255)  # clamped to 1.0


def test_redact_all_text_sets_the_all_text_colour() -> None:
    plan = convert.paint_plan([IRC(redact_all_text=True)], _names)
    assert plan.all_text == BLACK and plan.others is None


def test_a_job_keeps_the_declared_type_and_padding() -> None:
    request = dlp_pb2.RedactImageRequest(
        byte_item=dlp_pb2.ByteContentItem(type=dlp_pb2.ByteContentItem.IMAGE_PNG, data=b"x"),
        box_padding=0,
    )
    job = convert.job(request)
    assert job.declared_type == "IMAGE_PNG" and job.padding == 0
    assert (
        convert.job(
            dlp_pb2.RedactImageRequest(byte_item=dlp_pb2.ByteContentItem(data=b"x"))
        ).padding
        is None
    )


def test_list_info_types_rejects_filters_it_cannot_apply() -> None:
    assert convert.info_type_descriptions("supported_by=INSPECT").info_types
    with pytest.raises(InvalidArgument, match="filter"):
        convert.info_type_descriptions("category=HEALTH")
