"""Google's own google-cloud-dlp client against a real inkout server on a loopback port."""

from __future__ import annotations

import grpc
import numpy as np
import pytest
from google.cloud import dlp_v2
from google.cloud.dlp_v2.services.dlp_service.transports import DlpServiceGrpcTransport
from helpers import decode, reread, squeeze
from render import overlap, render

from inkout.boxes import union
from inkout.model import Box

VALUES = {
    "PERSON_NAME": "John Smith",
    "EMAIL_ADDRESS": "john.smith@example.com",
    "US_SOCIAL_SECURITY_NUMBER": "536-22-8765",
    "PHONE_NUMBER": "(212) 736-5000",
    "CREDIT_CARD_NUMBER": "4111 1111 1111 1111",
}
LABELS = ["Name:", "Email:", "SSN:", "Phone:", "Card:"]


@pytest.fixture(scope="module")
def dlp(channel: grpc.Channel) -> dlp_v2.DlpServiceClient:
    return dlp_v2.DlpServiceClient(transport=DlpServiceGrpcTransport(channel=channel))


@pytest.fixture(scope="module")
def form():
    return render([[label, value] for label, value in zip(LABELS, VALUES.values(), strict=True)])


@pytest.fixture(scope="module")
def redacted(dlp: dlp_v2.DlpServiceClient, form) -> dlp_v2.RedactImageResponse:
    return dlp.redact_image(
        request={
            "parent": "projects/local/locations/global",
            "byte_item": {"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": form.png()},
            "include_findings": True,
            "inspect_config": {
                "info_types": [{"name": name} for name in VALUES],
                "include_quote": True,
            },
        }
    )


def test_each_value_is_found_with_its_info_type(redacted) -> None:
    found: dict[str, set[str]] = {}
    for f in redacted.inspect_result.findings:
        found.setdefault(f.info_type.name, set()).add(squeeze(f.quote))
    for info_type, value in VALUES.items():
        assert squeeze(value) in found.get(info_type, set()), info_type


def test_each_finding_box_lies_on_its_value(redacted, form) -> None:
    for finding in redacted.inspect_result.findings:
        value = VALUES[finding.info_type.name]
        if squeeze(finding.quote) != squeeze(value):
            continue  # another finding of the same type, checked by the leak test
        boxes = [
            Box(b.left, b.top, b.width, b.height)
            for loc in finding.location.content_locations
            for b in loc.image_location.bounding_boxes
        ]
        assert boxes, finding.info_type.name
        drawn = form.boxes[value]
        assert overlap(union(boxes), drawn) > 0.95, finding.info_type.name  # covers the value
        assert overlap(drawn, union(boxes)) > 0.6, finding.info_type.name  # and little else


def test_no_value_can_be_read_in_the_output(redacted, ocr_engine) -> None:
    text = squeeze(reread(ocr_engine, redacted.redacted_image))
    for value in VALUES.values():
        assert squeeze(value) not in text
    digits = "".join(c for c in text if c.isdigit())
    assert "8765" not in digits and "1111" not in digits and "5000" not in digits


def test_the_labels_beside_the_values_are_untouched(redacted, form) -> None:
    image = decode(redacted.redacted_image)[:, :, ::-1]  # BGR -> RGB
    original = np.array(form.image)
    for label in LABELS:
        b = form.boxes[label]
        region = (slice(b.top, b.bottom), slice(b.left, b.right))
        assert (image[region] == original[region]).all(), label


def test_the_output_is_a_png_of_the_same_size(redacted, form) -> None:
    assert redacted.redacted_image.startswith(b"\x89PNG")
    assert decode(redacted.redacted_image).shape[:2] == (form.image.height, form.image.width)


def test_extracted_text_and_ranges_point_at_the_quotes(redacted) -> None:
    text = redacted.extracted_text
    raw = text.encode("utf-8")
    for f in redacted.inspect_result.findings:
        cp = f.location.codepoint_range
        br = f.location.byte_range
        assert text[cp.start : cp.end] == f.quote
        assert raw[br.start : br.end].decode("utf-8") == f.quote


def test_without_include_quote_no_text_leaves_the_server(dlp, form) -> None:
    response = dlp.redact_image(
        request={
            "byte_item": {"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": form.png()},
            "include_findings": True,
            "inspect_config": {"info_types": [{"name": "EMAIL_ADDRESS"}]},
        }
    )
    assert response.extracted_text == ""
    assert [f.quote for f in response.inspect_result.findings] == [""]
    assert response.inspect_result.findings[0].info_type.name == "EMAIL_ADDRESS"


def test_findings_are_left_out_unless_asked_for(dlp, form) -> None:
    response = dlp.redact_image(
        request={
            "byte_item": {"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": form.png()}
        }
    )
    assert len(response.inspect_result.findings) == 0
    assert response.redacted_image != form.png()


def test_presidio_names_are_accepted_as_aliases(dlp, form) -> None:
    response = dlp.redact_image(
        request={
            "byte_item": {"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": form.png()},
            "include_findings": True,
            "inspect_config": {"info_types": [{"name": "US_SSN"}]},
        }
    )
    assert [f.info_type.name for f in response.inspect_result.findings] == [
        "US_SOCIAL_SECURITY_NUMBER"
    ]


def test_redaction_colour_per_info_type_and_only_named_types_painted(dlp, form) -> None:
    response = dlp.redact_image(
        request={
            "byte_item": {"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": form.png()},
            "include_findings": True,
            "inspect_config": {"info_types": [{"name": "EMAIL_ADDRESS"}, {"name": "PERSON_NAME"}]},
            "image_redaction_configs": [
                {"info_type": {"name": "EMAIL_ADDRESS"}, "redaction_color": {"red": 1.0}}
            ],
        }
    )
    image = decode(response.redacted_image)
    email = form.boxes[VALUES["EMAIL_ADDRESS"]]
    centre = image[email.top + email.height // 2, email.left + email.width // 2]
    assert centre.tolist()[:3] == [0, 0, 255]  # red, in OpenCV's BGR order
    name = form.boxes[VALUES["PERSON_NAME"]]
    original = np.array(form.image)[name.top : name.bottom, name.left : name.right]
    assert (image[name.top : name.bottom, name.left : name.right, ::-1] == original).all()
    # The name is still reported even though no config asked to paint it.
    assert {f.info_type.name for f in response.inspect_result.findings} == {
        "EMAIL_ADDRESS",
        "PERSON_NAME",
    }


def test_redact_all_text_covers_every_word(dlp, form, ocr_engine) -> None:
    response = dlp.redact_image(
        request={
            "byte_item": {"type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG, "data": form.png()},
            "image_redaction_configs": [{"redact_all_text": True}],
        }
    )
    assert squeeze(reread(ocr_engine, response.redacted_image)) == ""


def test_list_info_types_names_the_dlp_detectors(dlp) -> None:
    names = {t.name for t in dlp.list_info_types(request={}).info_types}
    assert set(VALUES) <= names


def test_all_basic_adds_the_dates_the_default_list_leaves_readable(dlp) -> None:
    page = render([["Visit on 14 July 2023"]])

    def found(info_types: list[str]) -> set[str]:
        response = dlp.redact_image(
            request={
                "byte_item": {
                    "type_": dlp_v2.ByteContentItem.BytesType.IMAGE_PNG,
                    "data": page.png(),
                },
                "include_findings": True,
                "inspect_config": {"info_types": [{"name": n} for n in info_types]},
            }
        )
        return {f.info_type.name for f in response.inspect_result.findings}

    assert "DATE" not in found([])
    assert "DATE" in found(["ALL_BASIC"])
