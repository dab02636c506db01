"""A small typed client for inkout's own service, inkout.v1.RedactionService.

It uses the stubs generated from proto/ by the inkout build (``inkout.v1``). Code written for
Google Cloud DLP needs no client of ours: point ``dlp_v2.DlpServiceClient`` at the server.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import grpc

from inkout.v1 import dlp_pb2, redaction_service_pb2_grpc

__all__ = ["InkoutClient", "StreamItem", "dlp_pb2"]

_BYTES_TYPES = {
    "png": dlp_pb2.ByteContentItem.IMAGE_PNG,
    "jpeg": dlp_pb2.ByteContentItem.IMAGE_JPEG,
    "jpg": dlp_pb2.ByteContentItem.IMAGE_JPEG,
    "bmp": dlp_pb2.ByteContentItem.IMAGE_BMP,
}


@dataclass(frozen=True)
class StreamItem:
    """One image for StreamRedactImages; request_id comes back on its response."""

    request_id: str
    image: bytes


class InkoutClient:
    """Redact images on an inkout server. Use as a context manager to close the channel."""

    def __init__(
        self,
        target: str = "localhost:50051",
        *,
        channel: grpc.Channel | None = None,
        max_message_bytes: int = 128 * 1024 * 1024,
    ):
        options = [
            ("grpc.max_receive_message_length", max_message_bytes),
            ("grpc.max_send_message_length", max_message_bytes),
        ]
        self._own_channel = channel is None
        self.channel = channel or grpc.insecure_channel(target, options=options)
        self.stub = redaction_service_pb2_grpc.RedactionServiceStub(self.channel)

    def __enter__(self) -> InkoutClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_channel:
            self.channel.close()

    @staticmethod
    def request(
        image: bytes,
        *,
        info_types: Sequence[str] = (),
        include_findings: bool = True,
        include_quote: bool = False,
        image_type: str | None = None,
        request_id: str = "",
        box_padding: int | None = None,
    ) -> dlp_pb2.RedactImageRequest:
        """A RedactImageRequest; no info_types means the default list."""
        req = dlp_pb2.RedactImageRequest(
            include_findings=include_findings,
            request_id=request_id,
            byte_item=dlp_pb2.ByteContentItem(
                type=_BYTES_TYPES.get((image_type or "").lower(), dlp_pb2.ByteContentItem.IMAGE),
                data=image,
            ),
            inspect_config=dlp_pb2.InspectConfig(
                info_types=[dlp_pb2.InfoType(name=n) for n in info_types],
                include_quote=include_quote,
            ),
        )
        if box_padding is not None:
            req.box_padding = box_padding
        return req

    def redact(
        self, image: bytes, *, timeout: float | None = 60.0, **options: object
    ) -> dlp_pb2.RedactImageResponse:
        """Redact one image; options are those of request()."""
        return self.stub.RedactImage(self.request(image, **options), timeout=timeout)  # type: ignore[arg-type]

    def redact_many(
        self, items: Iterable[StreamItem], *, timeout: float | None = None, **options: object
    ) -> Iterator[dlp_pb2.RedactImageResponse]:
        """Redact many images over one stream; responses arrive as they finish, each with
        its request_id and a status (code 0 is OK; otherwise the image is absent)."""
        requests = (
            self.request(item.image, request_id=item.request_id, **options)  # type: ignore[arg-type]
            for item in items
        )
        return self.stub.StreamRedactImages(requests, timeout=timeout)

    def list_info_types(self) -> list[dlp_pb2.InfoTypeDescription]:
        return list(self.stub.ListInfoTypes(dlp_pb2.ListInfoTypesRequest()).info_types)
