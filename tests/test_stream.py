"""StreamRedactImages: ids echoed, a status per item, one bad image never ends the stream."""

from __future__ import annotations

import grpc
from helpers import reread
from render import render

from inkout_client import InkoutClient, StreamItem


def test_twenty_images_with_one_corrupt_all_come_back_with_their_ids(channel, ocr_engine) -> None:
    images = {
        f"img-{i:02d}": render([["Contact:", f"user{i}@example.com"]]).png() for i in range(20)
    }
    images["img-07"] = images["img-07"][:40]  # truncated: not a decodable image
    client = InkoutClient(channel=channel)
    responses = list(
        client.redact_many(
            (StreamItem(rid, data) for rid, data in images.items()),
            info_types=["EMAIL_ADDRESS"],
        )
    )
    by_id = {r.request_id: r for r in responses}
    assert len(responses) == 20 and set(by_id) == set(images)
    bad = by_id.pop("img-07")
    assert bad.status.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert bad.status.message and not bad.redacted_image
    for rid, response in by_id.items():
        assert response.status.code == 0, (rid, response.status.message)
        assert [f.info_type.name for f in response.inspect_result.findings] == ["EMAIL_ADDRESS"]
    sample = by_id["img-03"]
    assert "user3@example.com" not in reread(ocr_engine, sample.redacted_image)


def test_an_empty_stream_ends_cleanly(channel) -> None:
    assert list(InkoutClient(channel=channel).redact_many([])) == []


def test_a_stream_after_a_bad_one_is_served(channel) -> None:
    client = InkoutClient(channel=channel)
    first = list(client.redact_many([StreamItem("x", b"not an image")]))
    assert first[0].status.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    second = list(client.redact_many([StreamItem("y", render([["ok"]]).png())]))
    assert second[0].status.code == 0 and second[0].redacted_image
