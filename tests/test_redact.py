"""The pipeline without gRPC: limits cap what is reported, never what is painted, and any
failing stage raises instead of returning an image."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import decode
from render import render

from inkout import redact as redact_module
from inkout.model import InspectSpec, PaintPlan
from inkout.redact import RedactJob, Redactor

EMAILS = ["ann@example.com", "bob@example.com", "cy@example.com"]


@pytest.fixture(scope="module")
def redactor(server) -> Redactor:
    return server.redactor  # the session's engines, already loaded


@pytest.fixture(scope="module")
def doc():
    return render([["Mail", e] for e in EMAILS])


def _painted(data: bytes, doc, value: str) -> bool:
    """Every ink pixel of the value, as drawn, is covered by the black paint."""
    b = doc.boxes[value]
    ink = np.array(doc.image.convert("L"))[b.top : b.bottom, b.left : b.right] < 160
    region = decode(data)[b.top : b.bottom, b.left : b.right]
    return bool(ink.any() and (region[ink] == 0).all())


def test_limits_cap_reported_findings_but_every_finding_is_painted(redactor, doc) -> None:
    spec = InspectSpec(info_types=("EMAIL_ADDRESS",), max_findings_per_item=1)
    result = redactor.redact(RedactJob(doc.png(), spec=spec))
    assert len(result.findings) == 1 and result.findings_truncated
    assert all(_painted(result.image, doc, e) for e in EMAILS)


def test_a_per_info_type_limit_truncates_that_type(redactor, doc) -> None:
    spec = InspectSpec(
        info_types=("EMAIL_ADDRESS",), max_findings_per_info_type=(("EMAIL_ADDRESS", 2),)
    )
    result = redactor.redact(RedactJob(doc.png(), spec=spec))
    assert [f.quote for f in result.findings] == EMAILS[:2] and result.findings_truncated


def test_padding_zero_paints_only_the_text_boxes(redactor, doc) -> None:
    spec = InspectSpec(info_types=("EMAIL_ADDRESS",))
    tight = decode(redactor.redact(RedactJob(doc.png(), spec=spec, padding=0)).image)
    padded = decode(redactor.redact(RedactJob(doc.png(), spec=spec, padding=6)).image)
    assert (padded == 0).sum() > (tight == 0).sum()


def test_a_plan_that_paints_nothing_still_reports(redactor, doc) -> None:
    spec = InspectSpec(info_types=("EMAIL_ADDRESS",))
    plan = PaintPlan(by_info_type=(("PERSON_NAME", (0, 0, 0)),), others=None)
    result = redactor.redact(RedactJob(doc.png(), spec=spec, plan=plan))
    assert len(result.findings) == 3 and result.boxes_painted == 0
    assert (decode(result.image)[..., ::-1] == np.array(doc.image)).all()


def test_a_failing_stage_raises_and_returns_no_image(redactor, doc, monkeypatch) -> None:
    def broken(pixels, fmt, source_bytes=None):
        raise RuntimeError("encoder exploded")

    monkeypatch.setattr(redact_module.encode, "encode", broken)
    with pytest.raises(RuntimeError, match="encoder exploded"):
        redactor.redact(RedactJob(doc.png(), spec=InspectSpec(info_types=("EMAIL_ADDRESS",))))


def test_an_internal_fault_reaches_the_caller_as_internal_without_an_image(
    channel, doc, server, monkeypatch
) -> None:
    import grpc

    from inkout_client import InkoutClient

    monkeypatch.setattr(redact_module, "paint_boxes", lambda *a, **k: 1 / 0)
    with pytest.raises(grpc.RpcError) as raised:
        InkoutClient(channel=channel).redact(doc.png())
    assert raised.value.code() == grpc.StatusCode.INTERNAL
    assert "no image was returned" in raised.value.details()


def test_by_default_padding_grows_with_the_text_height(redactor, doc) -> None:
    spec = InspectSpec(info_types=("EMAIL_ADDRESS",))
    result = redactor.redact(RedactJob(doc.png(), spec=spec))
    image = decode(result.image)
    for finding in result.findings:
        (b,) = finding.boxes
        least = redactor.settings.box_padding
        pad = max(least, round(redact_module.PADDING_PER_HEIGHT * b.height))
        end = max(least, round(redact_module.PADDING_PER_HEIGHT_VERTICAL * b.height))
        assert (image[b.top - end : b.bottom + end, b.left - pad : b.right + pad] == 0).all()
    assert least < pad < end  # this text is tall enough to pad more, and more above and below


def test_a_name_the_lists_lack_under_a_name_column_is_painted(redactor) -> None:
    table = render([["Name"], ["Quang vu"], ["Active"], ["Open tickets"]])
    result = redactor.redact(RedactJob(table.png(), spec=InspectSpec()))
    assert [f.quote for f in result.findings] == ["Quang vu"]
    assert _painted(result.image, table, "Quang vu")


def test_a_number_far_below_an_ssn_column_header_is_painted(redactor) -> None:
    # OCR often drops a hyphen ("87417-2904"); the header, four rows up, still says SSN.
    table = render([["SSN"], ["Active"], ["Pending"], ["Active"], ["87417-2904"]])
    result = redactor.redact(RedactJob(table.png(), spec=InspectSpec()))
    assert [f.quote for f in result.findings] == ["87417-2904"]
    assert _painted(result.image, table, "87417-2904")
