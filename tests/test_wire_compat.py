"""inkout's mirrored messages against Google's own google-cloud-dlp classes.

The descriptors must agree field for field (name, number, type, label, oneof), and bytes
written by either side must parse on the other, unknown (reserved) fields included.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from google.cloud import dlp_v2
from google.protobuf import descriptor as d
from google.protobuf import descriptor_pb2, json_format
from google.protobuf.message import Message
from google.rpc import status_pb2

from inkout.v1 import dlp_pb2

ROOTS = [
    "RedactImageRequest",
    "RedactImageResponse",
    "ListInfoTypesRequest",
    "ListInfoTypesResponse",
]
GOOGLE_PACKAGE = "google.privacy.dlp.v2."
OUR_PACKAGE = "inkout.v1."
EXTENSION_START = 1000

# The decision recorded in the proto: these non-image branches are reserved, never declared.
RESERVED = {
    "ContentLocation": (
        {2, 5, 8, 10, 11},
        {
            "record_location",
            "document_location",
            "metadata_location",
            "conversation_location",
            "batch_content_location",
        },
    ),
    "Location": ({8}, {"container"}),
    "Finding": ({7}, {"quote_info"}),
}

Pair = tuple[d.Descriptor, d.Descriptor]
EnumPair = tuple[d.EnumDescriptor, d.EnumDescriptor]


def _name(field: d.FieldDescriptor) -> str:
    # proto-plus renames fields that clash with Python names ("type" -> "type_").
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


def _oneof(field: d.FieldDescriptor) -> str | None:
    return field.containing_oneof.name if field.containing_oneof is not None else None


def _is_map_entry(desc: d.Descriptor) -> bool:
    return desc.GetOptions().map_entry


def _pairs() -> list[Pair]:
    """Every (ours, Google's) message pair reachable from the roots through declared fields."""
    pairs: list[Pair] = []
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
            if mine is None or field.number >= EXTENSION_START:
                continue
            if not mine.full_name.startswith(OUR_PACKAGE) or _is_map_entry(mine):
                continue  # well-known types (Timestamp) and map entries are not mirrored
            queue.append((mine, theirs.fields_by_number[field.number].message_type))
    return sorted(pairs, key=lambda pair: pair[0].full_name)


def _enum_pairs() -> list[EnumPair]:
    pairs: dict[str, EnumPair] = {}
    for ours, theirs in PAIRS:
        for field in ours.fields:
            if field.enum_type is not None and field.number < EXTENSION_START:
                google = theirs.fields_by_number[field.number].enum_type
                pairs[field.enum_type.full_name] = (field.enum_type, google)
    return [pairs[name] for name in sorted(pairs)]


def _reserved(desc: d.Descriptor) -> tuple[set[int], set[str]]:
    as_proto = descriptor_pb2.DescriptorProto()
    desc.CopyToProto(as_proto)
    numbers = {n for r in as_proto.reserved_range for n in range(r.start, r.end)}
    return numbers, set(as_proto.reserved_name)


PAIRS = _pairs()
PAIR_IDS = [_relative(ours.full_name) for ours, _ in PAIRS]
ENUM_PAIRS = _enum_pairs()
ENUM_IDS = [_relative(ours.full_name) for ours, _ in ENUM_PAIRS]

MIRRORED = {
    "RedactImageRequest", "RedactImageRequest.ImageRedactionConfig", "RedactImageResponse",
    "InspectConfig", "InspectConfig.InfoTypeLikelihood", "InspectConfig.FindingLimits",
    "InspectConfig.FindingLimits.InfoTypeLimit", "InfoType", "SensitivityScore",
    "CustomInfoType", "CustomInfoType.Dictionary", "CustomInfoType.Dictionary.WordList",
    "CustomInfoType.Regex", "CustomInfoType.SurrogateType",
    "CustomInfoType.MetadataKeyValueExpression", "CustomInfoType.FileLabelInfoType",
    "CustomInfoType.FileLabelInfoType.SensitivityLabel",
    "CustomInfoType.FileLabelInfoType.GoogleDriveLabel",
    "CustomInfoType.FileLabelInfoType.GoogleDriveLabel.LabelField",
    "CustomInfoType.DetectionRule", "CustomInfoType.DetectionRule.Proximity",
    "CustomInfoType.DetectionRule.LikelihoodAdjustment", "CustomInfoType.DetectionRule.HotwordRule",
    "CloudStoragePath", "StoredType", "InspectionRuleSet", "InspectionRule", "ExclusionRule",
    "ExcludeInfoTypes", "ExcludeByHotword", "ExcludeByImageFindings", "ImageContainmentType",
    "Encloses", "FullyInside", "Overlap", "AdjustmentRule", "AdjustByMatchingInfoTypes",
    "AdjustByImageFindings", "Color", "ByteContentItem", "InspectResult", "Finding", "Location",
    "Range", "ContentLocation", "ImageLocation", "BoundingBox", "ListInfoTypesRequest",
    "ListInfoTypesResponse", "InfoTypeDescription", "LocationSupport", "VersionDescription",
    "InfoTypeCategory",
}  # fmt: skip


# ----- descriptors


def test_the_walk_reaches_exactly_the_mirrored_messages() -> None:
    assert set(PAIR_IDS) == MIRRORED


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=PAIR_IDS)
def test_message_has_googles_name(ours: d.Descriptor, theirs: d.Descriptor) -> None:
    assert _relative(ours.full_name) == _relative(theirs.full_name)
    assert theirs.full_name.startswith(GOOGLE_PACKAGE)


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=PAIR_IDS)
def test_each_field_below_1000_matches_googles_name_number_type_label_and_oneof(
    ours: d.Descriptor, theirs: d.Descriptor
) -> None:
    for field in ours.fields:
        if field.number >= EXTENSION_START:
            continue
        assert field.number in theirs.fields_by_number, f"{field.full_name} is not DLP's"
        google = theirs.fields_by_number[field.number]
        assert field.name == _name(google), field.full_name
        assert field.type == google.type, field.full_name
        assert field.is_repeated == google.is_repeated, field.full_name
        assert _type_name(field) == _type_name(google), field.full_name
        assert _oneof(field) == _oneof(google), field.full_name


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=PAIR_IDS)
def test_every_google_field_is_declared_or_reserved_by_number_and_name(
    ours: d.Descriptor, theirs: d.Descriptor
) -> None:
    numbers, names = _reserved(ours)
    for google in theirs.fields:
        if google.number in ours.fields_by_number:
            continue
        assert google.number in numbers, f"{google.full_name} is neither declared nor reserved"
        assert _name(google) in names, f"{google.full_name}'s name is not reserved"


def test_only_the_non_image_branches_are_reserved() -> None:
    reserved = {
        _relative(ours.full_name): _reserved(ours) for ours, _ in PAIRS if any(_reserved(ours))
    }
    assert reserved == RESERVED


@pytest.mark.parametrize(("ours", "theirs"), ENUM_PAIRS, ids=ENUM_IDS)
def test_enum_values_match_googles_by_name_and_number(
    ours: d.EnumDescriptor, theirs: d.EnumDescriptor
) -> None:
    assert _relative(ours.full_name) == _relative(theirs.full_name)
    assert {(v.name, v.number) for v in ours.values} == {(v.name, v.number) for v in theirs.values}


def test_package_level_enums_are_all_mirrored() -> None:
    names = set(ENUM_IDS)
    assert {"Likelihood", "MatchingType", "ContentOption", "InfoTypeSupportedBy"} <= names


def test_inkout_only_fields_are_in_the_extension_range() -> None:
    for ours, theirs in PAIRS:
        for field in ours.fields:
            if field.number not in theirs.fields_by_number:
                assert field.number >= EXTENSION_START, field.full_name


# ----- fully populated Google messages


def _google_request() -> dlp_v2.RedactImageRequest:
    likelihood = dlp_v2.Likelihood
    regex = {"pattern": r"TK-(\d{4})", "group_indexes": [1]}
    hotword = {
        "hotword_regex": {"pattern": "(?i)ticket", "group_indexes": [0]},
        "proximity": {"window_before": 30, "window_after": 5},
        "likelihood_adjustment": {"fixed_likelihood": likelihood.VERY_LIKELY},
    }
    relative = dict(hotword, likelihood_adjustment={"relative_likelihood": -2})
    drive_label = {"label_id": "l", "label_fields_to_match": [{"id": "f", "value": "x"}]}
    exclusion_rules: list[dict[str, Any]] = [
        {"dictionary": {"word_list": {"words": ["TK-0000"]}}, "matching_type": 1},
        {"regex": {"pattern": "TK-9"}, "matching_type": 2},
        {"exclude_info_types": {"info_types": [{"name": "URL"}]}, "matching_type": 3},
        {
            "exclude_by_hotword": {
                "hotword_regex": {"pattern": "test"},
                "proximity": {"window_before": 4, "window_after": 2},
            },
            "matching_type": 4,
        },
        {
            "exclude_by_image_findings": {
                "info_types": [{"name": "PERSON_NAME"}],
                "image_containment_type": {"fully_inside": {}},
            }
        },
        {
            "exclude_by_image_findings": {
                "info_types": [{"name": "URL"}],
                "image_containment_type": {"encloses": {}},
            }
        },
    ]
    adjustment_rules: list[dict[str, Any]] = [
        {
            "adjust_by_matching_info_types": {
                "info_types": [{"name": "URL"}],
                "min_likelihood": likelihood.POSSIBLE,
                "matching_type": 2,
            },
            "likelihood_adjustment": {"relative_likelihood": 1},
        },
        {
            "adjust_by_image_findings": {
                "info_types": [{"name": "URL"}],
                "min_likelihood": likelihood.LIKELY,
                "image_containment_type": {"overlaps": {}},
            },
            "likelihood_adjustment": {"fixed_likelihood": likelihood.UNLIKELY},
        },
    ]
    custom_info_types: list[dict[str, Any]] = [
        {
            "info_type": {"name": "TICKET"},
            "likelihood": likelihood.POSSIBLE,
            "regex": regex,
            "detection_rules": [{"hotword_rule": hotword}, {"hotword_rule": relative}],
            "exclusion_type": dlp_v2.CustomInfoType.ExclusionType.EXCLUSION_TYPE_EXCLUDE,
            "sensitivity_score": {"score": 20},
        },
        {"info_type": {"name": "CODENAME"}, "dictionary": {"word_list": {"words": ["Osprey"]}}},
        {"info_type": {"name": "GCS"}, "dictionary": {"cloud_storage_path": {"path": "gs://b/w"}}},
        {"info_type": {"name": "SUR"}, "surrogate_type": {}},
        {
            "info_type": {"name": "STORED"},
            "stored_type": {"name": "s", "create_time": {"seconds": 5}},
        },
        {
            "info_type": {"name": "META"},
            "metadata_key_value_expression": {"key_regex": "k", "value_regex": "v"},
        },
        {
            "info_type": {"name": "DRIVE"},
            "file_label_info_type": {"google_drive_label": drive_label},
        },
        {
            "info_type": {"name": "MIP"},
            "file_label_info_type": {"sensitivity_label": {"guid": "g"}},
        },
    ]
    return dlp_v2.RedactImageRequest(
        parent="projects/p/locations/global",
        location_id="global",
        include_findings=True,
        inspect_template="projects/p/inspectTemplates/t",
        deidentify_template="projects/p/deidentifyTemplates/d",
        byte_item={"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": b"\x89PNG-bytes"},
        image_redaction_configs=[
            {
                "info_type": {"name": "EMAIL_ADDRESS"},
                "redaction_color": {"red": 1.0, "green": 0.25, "blue": 0.5},
            },
            {"redact_all_text": True, "redaction_color": {"blue": 1.0}},
        ],
        inspect_config={
            "info_types": [
                {"name": "PERSON_NAME", "version": "stable", "sensitivity_score": {"score": 30}}
            ],
            "min_likelihood": likelihood.LIKELY,
            "min_likelihood_per_info_type": [
                {"info_type": {"name": "PHONE_NUMBER"}, "min_likelihood": likelihood.POSSIBLE}
            ],
            "limits": {
                "max_findings_per_item": 10,
                "max_findings_per_request": 20,
                "max_findings_per_info_type": [{"info_type": {"name": "URL"}, "max_findings": 3}],
            },
            "include_quote": True,
            "exclude_info_types": True,
            "content_options": [
                dlp_v2.ContentOption.CONTENT_IMAGE,
                dlp_v2.ContentOption.CONTENT_TEXT,
            ],
            "custom_info_types": custom_info_types,
            "rule_set": [
                {
                    "info_types": [{"name": "TICKET"}],
                    "rules": [
                        {"hotword_rule": hotword},
                        *({"exclusion_rule": rule} for rule in exclusion_rules),
                        *({"adjustment_rule": rule} for rule in adjustment_rules),
                    ],
                }
            ],
        },
    )


def _google_response() -> dlp_v2.RedactImageResponse:
    box = {"top": 10, "left": 20, "width": 300, "height": 40}
    finding = {
        "name": "projects/p/locations/global/findings/1",
        "finding_id": "1",
        "quote": "John Smith",
        "info_type": {
            "name": "PERSON_NAME",
            "version": "stable",
            "sensitivity_score": {"score": 10},
        },
        "likelihood": dlp_v2.Likelihood.VERY_LIKELY,
        "create_time": {"seconds": 1_700_000_000, "nanos": 5},
        "job_create_time": {"seconds": 1_700_000_001},
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
                    "image_location": {"bounding_boxes": [box, dict(box, top=60)]},
                    "container_timestamp": {"seconds": 9},
                    "container_version": "v1",
                }
            ],
        },
    }
    return dlp_v2.RedactImageResponse(
        redacted_image=b"\x89PNG-redacted",
        extracted_text="Name: John Smith",
        inspect_result={
            "findings_truncated": True,
            "findings": [finding, dict(finding, quote="x")],
        },
    )


def _google_list_request() -> dlp_v2.ListInfoTypesRequest:
    return dlp_v2.ListInfoTypesRequest(
        parent="locations/global",
        language_code="en-US",
        filter="supported_by=INSPECT",
        location_id="global",
    )


def _google_list_response() -> dlp_v2.ListInfoTypesResponse:
    category = dlp_v2.InfoTypeCategory
    return dlp_v2.ListInfoTypesResponse(
        info_types=[
            {
                "name": "PERSON_NAME",
                "display_name": "Person name",
                "supported_by": [dlp_v2.InfoTypeSupportedBy.INSPECT],
                "description": "A name",
                "location_support": {"regionalization_scope": 2, "locations": ["global", "us"]},
                "example": "Jane Doe",
                "versions": [{"version": "stable", "description": "d"}],
                "categories": [
                    {"location_category": category.LocationCategory.AUSTRIA},
                    {"industry_category": category.IndustryCategory.HEALTH},
                    {"type_category": category.TypeCategory.PII},
                ],
                "sensitivity_score": {"score": 30},
                "specific_info_types": ["FIRST_NAME", "LAST_NAME"],
                "launch_status": 1,
            }
        ]
    )


ROUND_TRIPS: dict[str, Callable[[], Any]] = {
    "RedactImageRequest": _google_request,
    "RedactImageResponse": _google_response,
    "ListInfoTypesRequest": _google_list_request,
    "ListInfoTypesResponse": _google_list_response,
}


def _plain(value: Any) -> Any:
    """JSON form with proto-plus's keyword suffix ("type_") removed from keys."""
    if isinstance(value, dict):
        return {k.removesuffix("_"): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _dict(message: Message) -> dict[str, Any]:
    return _plain(json_format.MessageToDict(message, preserving_proto_field_name=True))


def _set_fields(message: Message, into: set[str]) -> set[str]:
    for field, value in message.ListFields():
        into.add(field.full_name)
        if field.message_type is not None and not _is_map_entry(field.message_type):
            for item in value if field.is_repeated else [value]:
                _set_fields(item, into)
    return into


def _ours_from_google(name: str) -> tuple[Any, Message]:
    google = ROUND_TRIPS[name]()
    return google, getattr(dlp_pb2, name).FromString(type(google).serialize(google))


def test_the_round_trip_messages_set_every_declared_field() -> None:
    declared = {
        field.full_name
        for ours, _ in PAIRS
        for field in ours.fields
        if field.number < EXTENSION_START
    }
    covered: set[str] = set()
    for name in ROUND_TRIPS:
        _set_fields(_ours_from_google(name)[1], covered)
    assert declared - covered == set()


@pytest.mark.parametrize("name", list(ROUND_TRIPS))
def test_googles_bytes_parse_as_ours_field_for_field(name: str) -> None:
    google, ours = _ours_from_google(name)
    assert _dict(ours) == _dict(type(google).pb(google))


@pytest.mark.parametrize("name", list(ROUND_TRIPS))
def test_our_bytes_parse_as_googles_equal_message(name: str) -> None:
    google, ours = _ours_from_google(name)
    assert type(google).deserialize(ours.SerializeToString()) == google


def test_reserved_fields_pass_through_ours_byte_for_byte_as_unknown_fields() -> None:
    google = dlp_v2.Finding(
        quote="2020-01-02",
        quote_info={"date_time": {"date": {"year": 2020, "month": 1, "day": 2}}},
        location={
            "content_locations": [
                {"record_location": {"field_id": {"name": "col"}}},
                {"document_location": {"file_offset": 7}},
                {"metadata_location": {"storage_label": {"key": "k"}}},
                {"conversation_location": {"message_index": 2}},
                {"batch_content_location": {"item_index": 3}},
            ],
            "container": {"type_": "GCS", "full_path": "gs://b/o"},
        },
    )
    raw = dlp_v2.Finding.serialize(google)
    ours = dlp_pb2.Finding.FromString(raw)
    assert not ours.location.content_locations[0].HasField("location")
    assert ours.SerializeToString() == raw
    assert dlp_v2.Finding.deserialize(ours.SerializeToString()) == google


# ----- inkout's extensions


def test_googles_parser_ignores_inkouts_request_extensions() -> None:
    request = dlp_pb2.RedactImageRequest(request_id="r-1", box_padding=4, include_findings=True)
    request.byte_item.data = b"img"
    google = dlp_v2.RedactImageRequest.pb().FromString(request.SerializeToString())
    expected = dlp_v2.RedactImageRequest(include_findings=True, byte_item={"data": b"img"})
    assert _dict(google) == _dict(dlp_v2.RedactImageRequest.pb(expected))
    # Kept as unknown fields, so a Google-built proxy in between passes them on.
    assert dlp_pb2.RedactImageRequest.FromString(google.SerializeToString()) == request


def test_googles_parser_ignores_inkouts_response_extensions() -> None:
    response = dlp_pb2.RedactImageResponse(
        redacted_image=b"img",
        request_id="r-1",
        status=dlp_pb2.ItemStatus(code=3, message="bad image"),
    )
    google = dlp_v2.RedactImageResponse.pb().FromString(response.SerializeToString())
    assert _dict(google) == {"redacted_image": "aW1n"}
    assert dlp_pb2.RedactImageResponse.FromString(google.SerializeToString()) == response


def test_unset_box_padding_is_distinguishable_from_zero() -> None:
    assert not dlp_pb2.RedactImageRequest().HasField("box_padding")
    assert dlp_pb2.RedactImageRequest(box_padding=0).HasField("box_padding")


def test_item_status_is_wire_compatible_with_google_rpc_status() -> None:
    item = dlp_pb2.ItemStatus(code=3, message="bad image")
    status = status_pb2.Status.FromString(item.SerializeToString())
    assert (status.code, status.message) == (3, "bad image")
    back = dlp_pb2.ItemStatus.FromString(status.SerializeToString())
    assert back == item
