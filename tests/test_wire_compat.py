"""inkout's mirrored messages against Google's own google-cloud-dlp classes.

The descriptors must agree field for field (name, number, type, label, oneof), and bytes
written by either side must parse on the other, unknown (reserved) fields included.
"""

from __future__ import annotations

import pytest
from google.cloud import dlp_v2
from google.protobuf import descriptor as d
from google.protobuf import json_format

from inkout.v1 import dlp_pb2

ROOTS = ["RedactImageRequest", "RedactImageResponse", "ListInfoTypesRequest", "ListInfoTypesResponse"]
GOOGLE_PACKAGE = "google.privacy.dlp.v2."
OUR_PACKAGE = "inkout.v1."


def _name(field: d.FieldDescriptor) -> str:
    # proto-plus renames fields that clash with Python keywords ("type" -> "type_").
    return field.name.removesuffix("_")


def _relative(full_name: str) -> str:
    for package in (GOOGLE_PACKAGE, OUR_PACKAGE):
        if full_name.startswith(package):
            return full_name[len(package) :]
    return full_name


def _type_name(field: d.FieldDescriptor) -> str:
    if field.message_type is not None:
        return _relative(field.message_type.full_name)
    if field.enum_type is not None:
        return _relative(field.enum_type.full_name)
    return str(field.type)


def _pairs() -> list[tuple[d.Descriptor, d.Descriptor]]:
    """Every (ours, Google's) message pair reachable from the roots through declared fields."""
    pairs: list[tuple[d.Descriptor, d.Descriptor]] = []
    seen: set[str] = set()
    queue = [(getattr(dlp_pb2, n).DESCRIPTOR, getattr(dlp_v2, n).pb().DESCRIPTOR) for n in ROOTS]
    while queue:
        ours, theirs = queue.pop()
        if ours.full_name in seen:
            continue
        seen.add(ours.full_name)
        pairs.append((ours, theirs))
        for field in ours.fields:
            mine = field.message_type
            if mine is None or not mine.full_name.startswith(OUR_PACKAGE) or field.number >= 1000:
                continue
            if mine.GetOptions().map_entry:
                continue
            queue.append((mine, theirs.fields_by_number[field.number].message_type))
    return pairs


PAIRS = _pairs()


def test_the_walk_covers_every_mirrored_message() -> None:
    names = {_relative(ours.full_name) for ours, _ in PAIRS}
    for expected in [
        "InspectConfig.FindingLimits.InfoTypeLimit",
        "CustomInfoType.DetectionRule.HotwordRule",
        "ExclusionRule",
        "AdjustmentRule",
        "ImageLocation",
        "BoundingBox",
        "InfoTypeDescription",
        "InfoTypeCategory",
    ]:
        assert expected in names
    assert len(PAIRS) >= 50


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=[_relative(o.full_name) for o, _ in PAIRS])
def test_each_field_matches_googles_name_number_type_and_oneof(ours, theirs) -> None:
    assert _relative(ours.full_name) == _relative(theirs.full_name)
    for field in ours.fields:
        if field.number >= 1000:
            continue  # inkout's extension range
        assert field.number in theirs.fields_by_number, f"{field.full_name} is not DLP's"
        google = theirs.fields_by_number[field.number]
        assert field.name == _name(google)
        assert field.type == google.type
        assert field.is_repeated == google.is_repeated
        assert _type_name(field) == _type_name(google)
        our_oneof = field.containing_oneof.name if field.containing_oneof else None
        their_oneof = google.containing_oneof.name if google.containing_oneof else None
        if their_oneof and not their_oneof.startswith("_"):
            assert our_oneof == their_oneof, field.full_name


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=[_relative(o.full_name) for o, _ in PAIRS])
def test_every_google_field_is_declared_or_reserved(ours, theirs) -> None:
    reserved_numbers = {n for start, end in _reserved_ranges(ours) for n in range(start, end)}
    reserved_names = set(_reserved_names(ours))
    for google in theirs.fields:
        if google.number in ours.fields_by_number:
            continue
        assert google.number in reserved_numbers, f"{google.full_name} is missing"
        assert _name(google) in reserved_names, f"{google.full_name}'s name is not reserved"


def _reserved_ranges(desc: d.Descriptor) -> list[tuple[int, int]]:
    from google.protobuf import descriptor_pb2

    proto = descriptor_pb2.DescriptorProto()
    desc.CopyToProto(proto)
    return [(r.start, r.end) for r in proto.reserved_range]


def _reserved_names(desc: d.Descriptor) -> list[str]:
    from google.protobuf import descriptor_pb2

    proto = descriptor_pb2.DescriptorProto()
    desc.CopyToProto(proto)
    return list(proto.reserved_name)


def _enum_pairs() -> list[tuple[d.EnumDescriptor, d.EnumDescriptor]]:
    pairs = {}
    for ours, theirs in PAIRS:
        for field in ours.fields:
            if field.enum_type is not None and field.number < 1000:
                google = theirs.fields_by_number[field.number].enum_type
                pairs[field.enum_type.full_name] = (field.enum_type, google)
    return list(pairs.values())


@pytest.mark.parametrize(("ours", "theirs"), _enum_pairs(), ids=lambda e: e.name)
def test_enum_values_match_by_name_and_number(ours, theirs) -> None:
    assert {(v.name, v.number) for v in ours.values} == {(v.name, v.number) for v in theirs.values}


def test_inkout_only_fields_are_in_the_extension_range() -> None:
    for ours, theirs in PAIRS:
        for field in ours.fields:
            if field.number not in theirs.fields_by_number:
                assert field.number >= 1000, field.full_name


# ----- round trips with fully populated messages


def _google_request() -> dlp_v2.RedactImageRequest:
    regex = {"pattern": r"TK-(\d{4})", "group_indexes": [1]}
    hotword = {
        "hotword_regex": {"pattern": "(?i)ticket"},
        "proximity": {"window_before": 30, "window_after": 5},
        "likelihood_adjustment": {"fixed_likelihood": dlp_v2.Likelihood.VERY_LIKELY},
    }
    relative = dict(hotword, likelihood_adjustment={"relative_likelihood": -2})
    return dlp_v2.RedactImageRequest(
        parent="projects/p/locations/global",
        location_id="global",
        include_findings=True,
        inspect_template="projects/p/inspectTemplates/t",
        deidentify_template="projects/p/deidentifyTemplates/d",
        byte_item={"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": b"\x89PNG-bytes"},
        image_redaction_configs=[
            {"info_type": {"name": "EMAIL_ADDRESS"}, "redaction_color": {"red": 1.0, "green": 0.25, "blue": 0.5}},
            {"redact_all_text": True},
        ],
        inspect_config={
            "info_types": [{"name": "PERSON_NAME", "version": "stable", "sensitivity_score": {"score": 30}}],
            "min_likelihood": dlp_v2.Likelihood.LIKELY,
            "min_likelihood_per_info_type": [
                {"info_type": {"name": "PHONE_NUMBER"}, "min_likelihood": dlp_v2.Likelihood.POSSIBLE}
            ],
            "limits": {
                "max_findings_per_item": 10,
                "max_findings_per_request": 20,
                "max_findings_per_info_type": [{"info_type": {"name": "URL"}, "max_findings": 3}],
            },
            "include_quote": True,
            "exclude_info_types": True,
            "content_options": [dlp_v2.ContentOption.CONTENT_IMAGE],
            "custom_info_types": [
                {
                    "info_type": {"name": "TICKET"},
                    "likelihood": dlp_v2.Likelihood.POSSIBLE,
                    "regex": regex,
                    "detection_rules": [{"hotword_rule": hotword}, {"hotword_rule": relative}],
                    "exclusion_type": dlp_v2.CustomInfoType.ExclusionType.EXCLUSION_TYPE_EXCLUDE,
                    "sensitivity_score": {"score": 20},
                },
                {"info_type": {"name": "CODENAME"}, "dictionary": {"word_list": {"words": ["Bluebird", "Osprey"]}}},
                {"info_type": {"name": "GCS"}, "dictionary": {"cloud_storage_path": {"path": "gs://b/w"}}},
                {"info_type": {"name": "SUR"}, "surrogate_type": {}},
                {"info_type": {"name": "STORED"}, "stored_type": {"name": "s", "create_time": {"seconds": 5}}},
                {"info_type": {"name": "META"}, "metadata_key_value_expression": {"key_regex": "k", "value_regex": "v"}},
                {
                    "info_type": {"name": "LABEL"},
                    "file_label_info_type": {
                        "google_drive_label": {
                            "label_id": "l",
                            "label_fields_to_match": [{"id": "f", "value": "x"}],
                        }
                    },
                },
            ],
            "rule_set": [
                {
                    "info_types": [{"name": "TICKET"}],
                    "rules": [
                        {"hotword_rule": hotword},
                        {"exclusion_rule": {"dictionary": {"word_list": {"words": ["TK-0000"]}}, "matching_type": 1}},
                        {"exclusion_rule": {"regex": {"pattern": "TK-9"}, "matching_type": 2}},
                        {"exclusion_rule": {"exclude_info_types": {"info_types": [{"name": "URL"}]}, "matching_type": 3}},
                        {"exclusion_rule": {"exclude_by_hotword": {"hotword_regex": {"pattern": "test"}, "proximity": {"window_before": 4}}}},
                        {
                            "exclusion_rule": {
                                "exclude_by_image_findings": {
                                    "info_types": [{"name": "PERSON_NAME"}],
                                    "image_containment_type": {"fully_inside": {}},
                                }
                            }
                        },
                        {
                            "adjustment_rule": {
                                "adjust_by_matching_info_types": {
                                    "info_types": [{"name": "URL"}],
                                    "min_likelihood": 3,
                                    "matching_type": 2,
                                },
                                "likelihood_adjustment": {"relative_likelihood": 1},
                            }
                        },
                        {
                            "adjustment_rule": {
                                "adjust_by_image_findings": {
                                    "info_types": [{"name": "URL"}],
                                    "min_likelihood": 4,
                                    "image_containment_type": {"overlaps": {}},
                                }
                            }
                        },
                    ],
                }
            ],
        },
    )


def _google_response() -> dlp_v2.RedactImageResponse:
    box = {"top": 10, "left": 20, "width": 300, "height": 40}
    return dlp_v2.RedactImageResponse(
        redacted_image=b"\x89PNG-redacted",
        extracted_text="Name: John Smith",
        inspect_result={
            "findings_truncated": True,
            "findings": [
                {
                    "name": "projects/p/findings/1",
                    "finding_id": "1",
                    "quote": "John Smith",
                    "info_type": {"name": "PERSON_NAME"},
                    "likelihood": dlp_v2.Likelihood.VERY_LIKELY,
                    "create_time": {"seconds": 1700000000, "nanos": 5},
                    "job_create_time": {"seconds": 1700000001},
                    "resource_name": "r",
                    "trigger_name": "t",
                    "job_name": "j",
                    "labels": {"team": "records", "env": "test"},
                    "location": {
                        "byte_range": {"start": 6, "end": 16},
                        "codepoint_range": {"start": 6, "end": 16},
                        "content_locations": [
                            {
                                "container_name": "form.png",
                                "image_location": {"bounding_boxes": [box, box]},
                                "container_timestamp": {"seconds": 9},
                                "container_version": "v1",
                            }
                        ],
                    },
                }
            ],
        },
    )


def _google_info_types() -> dlp_v2.ListInfoTypesResponse:
    return dlp_v2.ListInfoTypesResponse(
        info_types=[
            {
                "name": "PERSON_NAME",
                "display_name": "Person name",
                "supported_by": [dlp_v2.InfoTypeSupportedBy.INSPECT],
                "description": "A name",
                "location_support": {"regionalization_scope": 2, "locations": ["global"]},
                "example": "Jane Doe",
                "versions": [{"version": "stable", "description": "d"}],
                "categories": [{"location_category": 1}, {"industry_category": 2}, {"type_category": 1}],
                "sensitivity_score": {"score": 30},
                "specific_info_types": ["FIRST_NAME", "LAST_NAME"],
                "launch_status": 1,
            }
        ]
    )


ROUND_TRIPS = {
    "RedactImageRequest": _google_request,
    "RedactImageResponse": _google_response,
    "ListInfoTypesResponse": _google_info_types,
    "ListInfoTypesRequest": lambda: dlp_v2.ListInfoTypesRequest(
        parent="p", language_code="en-US", filter="supported_by=INSPECT", location_id="global"
    ),
}


def _dict(message) -> dict:
    return _plain(json_format.MessageToDict(message, preserving_proto_field_name=True))


def _plain(value):
    """JSON form with proto-plus's keyword suffix ("type_") removed from keys."""
    if isinstance(value, dict):
        return {k.removesuffix("_"): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("name", list(ROUND_TRIPS))
def test_googles_bytes_parse_as_ours_field_for_field_and_back(name) -> None:
    google = ROUND_TRIPS[name]()
    raw = type(google).serialize(google)
    ours = getattr(dlp_pb2, name).FromString(raw)
    assert _dict(ours) == _dict(type(google).pb(google))
    back = type(google).deserialize(ours.SerializeToString())
    assert back == google


def test_reserved_fields_survive_a_pass_through_ours_as_unknown_fields() -> None:
    google = dlp_v2.Finding(
        quote="2020-01-02",
        quote_info={"date_time": {"date": {"year": 2020, "month": 1, "day": 2}}},
        location={"container": {"type_": "GCS", "full_path": "gs://b/o"}, "content_locations": [
            {"record_location": {"field_id": {"name": "col"}}}
        ]},
    )
    raw = dlp_v2.Finding.serialize(google)
    ours = dlp_pb2.Finding.FromString(raw)
    assert dlp_v2.Finding.deserialize(ours.SerializeToString()) == google


def test_googles_parser_ignores_inkouts_extension_fields() -> None:
    ours = dlp_pb2.RedactImageResponse(redacted_image=b"img", request_id="r-1")
    ours.status.code = 3
    ours.status.message = "bad image"
    google = dlp_v2.RedactImageResponse.deserialize(ours.SerializeToString())
    assert google.redacted_image == b"img"
    request = dlp_pb2.RedactImageRequest(request_id="r-1", box_padding=4, include_findings=True)
    assert dlp_v2.RedactImageRequest.deserialize(request.SerializeToString()).include_findings


def test_item_status_parses_as_google_rpc_status() -> None:
    from google.rpc import status_pb2

    item = dlp_pb2.ItemStatus(code=3, message="bad image")
    status = status_pb2.Status.FromString(item.SerializeToString())
    assert (status.code, status.message) == (3, "bad image")
