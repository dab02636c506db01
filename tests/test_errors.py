"""Bad input: a gRPC status a person can act on, never the original image, and the server
keeps serving after every one of them."""

from __future__ import annotations

import grpc
import pytest
from helpers import png_claiming
from render import render

from inkout.v1 import dlp_pb2
from inkout_client import InkoutClient


@pytest.fixture(scope="module")
def client(channel) -> InkoutClient:
    return InkoutClient(channel=channel)


@pytest.fixture(scope="module")
def png() -> bytes:
    return render([["Reach", "me", "at", "ann.lee@example.org"]]).png()


def _expect(client: InkoutClient, request: dlp_pb2.RedactImageRequest, code, *words: str) -> None:
    with pytest.raises(grpc.RpcError) as raised:
        client.stub.RedactImage(request, timeout=30)
    error = raised.value
    assert error.code() == code, error.details()
    for word in words:
        assert word in error.details()


def _still_serving(client: InkoutClient, png: bytes) -> None:
    response = client.redact(png, info_types=["EMAIL_ADDRESS"])
    assert len(response.inspect_result.findings) == 1


CASES = {
    "empty bytes": (lambda png: InkoutClient.request(b""), "byte_item.data"),
    "undecodable bytes": (lambda png: InkoutClient.request(b"hello, I am text" * 10), "PNG"),
    "png declared as jpeg": (
        lambda png: InkoutClient.request(png, image_type="jpeg"),
        "IMAGE_JPEG",
    ),
    "unknown info type": (
        lambda png: InkoutClient.request(png, info_types=["NOT_A_TYPE"]),
        "NOT_A_TYPE",
    ),
    "invalid regex": (
        lambda png: dlp_pb2.RedactImageRequest(
            byte_item=dlp_pb2.ByteContentItem(data=png),
            inspect_config=dlp_pb2.InspectConfig(
                custom_info_types=[
                    dlp_pb2.CustomInfoType(
                        info_type=dlp_pb2.InfoType(name="TICKET"),
                        regex=dlp_pb2.CustomInfoType.Regex(pattern="TK-[0-9+"),
                    )
                ]
            ),
        ),
        "TK-[0-9+",
    ),
    "too many pixels": (
        lambda png: InkoutClient.request(png_claiming(30000, 30000)),
        "pixels",
    ),
    "text declared as the content type": (
        lambda png: dlp_pb2.RedactImageRequest(
            byte_item=dlp_pb2.ByteContentItem(type=dlp_pb2.ByteContentItem.TEXT_UTF8, data=png)
        ),
        "TEXT_UTF8",
    ),
    "templates": (
        lambda png: dlp_pb2.RedactImageRequest(
            byte_item=dlp_pb2.ByteContentItem(data=png),
            inspect_template="projects/p/inspectTemplates/t",
        ),
        "inspect_template",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_invalid_argument_and_the_server_keeps_serving(client, png, case) -> None:
    make, word = CASES[case]
    _expect(client, make(png), grpc.StatusCode.INVALID_ARGUMENT, word)
    _still_serving(client, png)


def test_a_request_over_the_size_limit_is_resource_exhausted(client, png) -> None:
    big = InkoutClient.request(png + b"\0" * (33 * 1024 * 1024))
    _expect(client, big, grpc.StatusCode.RESOURCE_EXHAUSTED)
    _still_serving(client, png)


def test_a_deadline_that_passes_gets_deadline_exceeded(client, png) -> None:
    large = render([["deadline"] * 8] * 40, width=2400).png()
    with pytest.raises(grpc.RpcError) as raised:
        client.stub.RedactImage(InkoutClient.request(large), timeout=0.05)
    assert raised.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    _still_serving(client, png)


def test_calls_beyond_the_concurrency_limit_get_resource_exhausted(server, png) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from inkout.config import Settings
    from inkout.service import Server

    settings = Settings(host="127.0.0.1", port=0, max_concurrent_rpcs=1)
    small = Server(settings, redactor=server.redactor).start()  # shares the loaded engines
    try:
        slow = render([["Overload", "test", "line"]] * 60, width=2400).png()
        with grpc.insecure_channel(f"127.0.0.1:{small.port}") as ch:
            client = InkoutClient(channel=ch)

            def call(_: int) -> grpc.StatusCode:
                try:
                    client.redact(slow)
                    return grpc.StatusCode.OK
                except grpc.RpcError as error:
                    return error.code()

            with ThreadPoolExecutor(4) as pool:
                codes = list(pool.map(call, range(4)))
            assert grpc.StatusCode.OK in codes
            assert grpc.StatusCode.RESOURCE_EXHAUSTED in codes
            assert set(codes) <= {grpc.StatusCode.OK, grpc.StatusCode.RESOURCE_EXHAUSTED}
    finally:
        small.stop(grace=1.0)
    _still_serving(InkoutClient(channel=grpc.insecure_channel(f"127.0.0.1:{server.port}")), png)
