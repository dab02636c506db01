"""The gRPC edge: inkout.v1.RedactionService, and the same handlers at DLP's method paths.

Every error becomes a gRPC status with a message a person can act on; nothing but a fully
painted image is ever sent back. Logs carry sizes, counts and timings, never text or pixels.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from inkout import convert
from inkout.config import Settings
from inkout.errors import DeadlineExceeded, InkoutError, InvalidArgument, ResourceExhausted
from inkout.redact import Redactor
from inkout.v1 import dlp_pb2, redaction_service_pb2_grpc

log = logging.getLogger("inkout")

DLP_SERVICE = "google.privacy.dlp.v2.DlpService"
INTERNAL_MESSAGE = "redaction failed inside the server; no image was returned (see server log)"

_CODES: dict[type[InkoutError], grpc.StatusCode] = {
    InvalidArgument: grpc.StatusCode.INVALID_ARGUMENT,
    ResourceExhausted: grpc.StatusCode.RESOURCE_EXHAUSTED,
    DeadlineExceeded: grpc.StatusCode.DEADLINE_EXCEEDED,
}


def _status(error: Exception) -> tuple[grpc.StatusCode, str]:
    """The gRPC code and message for an error; unexpected ones say nothing of the input."""
    for kind, code in _CODES.items():
        if isinstance(error, kind):
            return code, str(error)
    return grpc.StatusCode.INTERNAL, INTERNAL_MESSAGE


class RedactionServicer(redaction_service_pb2_grpc.RedactionServiceServicer):
    def __init__(self, redactor: Redactor, settings: Settings):
        self.redactor = redactor
        self.settings = settings
        # Stream items run here, not on gRPC's threads, so a stream cannot starve unary calls.
        self._items = ThreadPoolExecutor(
            max_workers=max(2, settings.ocr_workers * 2), thread_name_prefix="inkout-item"
        )

    def _redact(
        self, request: dlp_pb2.RedactImageRequest, context: grpc.ServicerContext
    ) -> dlp_pb2.RedactImageResponse:
        started = time.perf_counter()

        def check_deadline() -> None:
            remaining = context.time_remaining()
            if remaining is not None and remaining <= 0:
                raise DeadlineExceeded("the call's deadline passed before the image was redacted")
            if not context.is_active():
                raise DeadlineExceeded("the call was cancelled before the image was redacted")

        job = convert.job(request)
        result = self.redactor.redact(job, check_deadline)
        out = convert.response(request, result)
        log.info(
            "redacted id=%s bytes_in=%d bytes_out=%d findings=%d boxes=%d ms=%.0f %s",
            request.request_id or "-",
            len(job.data),
            len(result.image),
            len(result.findings),
            result.boxes_painted,
            (time.perf_counter() - started) * 1000,
            " ".join(f"{k}={v * 1000:.0f}" for k, v in result.timings.items()),
        )
        return out

    def RedactImage(self, request, context):  # noqa: N802 (gRPC's method name)
        try:
            return self._redact(request, context)
        except Exception as error:  # every failure must become a status
            code, message = _status(error)
            if code == grpc.StatusCode.INTERNAL:
                log.exception("redaction failed id=%s", request.request_id or "-")
            else:
                log.info("rejected id=%s code=%s", request.request_id or "-", code.name)
            context.abort(code, message)

    def StreamRedactImages(self, request_iterator, context):  # noqa: N802
        """Items run concurrently and come back in completion order, each with its status."""
        done = queue.Queue()
        window = threading.Semaphore(self.settings.stream_window)
        finished = object()
        count = {"submitted": 0}

        def work(request: dlp_pb2.RedactImageRequest) -> None:
            try:
                response = self._redact(request, context)
                response.status.code = grpc.StatusCode.OK.value[0]
            except Exception as error:  # one bad image never ends the stream
                code, message = _status(error)
                if code == grpc.StatusCode.INTERNAL:
                    log.exception("stream item failed id=%s", request.request_id or "-")
                response = dlp_pb2.RedactImageResponse(request_id=request.request_id)
                response.status.code = code.value[0]
                response.status.message = message
            done.put(response)

        def read() -> None:
            try:
                for request in request_iterator:
                    window.acquire()  # back-pressure: at most stream_window items in flight
                    count["submitted"] += 1
                    self._items.submit(work, request)
            except Exception:  # the client went away: finish what was sent
                log.info("stream input ended early")
            finally:
                done.put(finished)

        threading.Thread(target=read, name="inkout-stream-reader", daemon=True).start()
        yielded = 0
        reading = True
        while reading or yielded < count["submitted"]:
            item = done.get()
            if item is finished:
                reading = False
                continue
            yielded += 1
            window.release()
            yield item

    def ListInfoTypes(self, request, context):  # noqa: N802
        try:
            return convert.info_type_descriptions(request.filter)
        except InvalidArgument as error:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(error))

    def close(self) -> None:
        self._items.shutdown(wait=False, cancel_futures=True)


def _dlp_handler(servicer: RedactionServicer) -> grpc.GenericRpcHandler:
    """DLP's own method paths, served by the same code with the same (wire-identical) messages."""
    return grpc.method_handlers_generic_handler(
        DLP_SERVICE,
        {
            "RedactImage": grpc.unary_unary_rpc_method_handler(
                servicer.RedactImage,
                request_deserializer=dlp_pb2.RedactImageRequest.FromString,
                response_serializer=dlp_pb2.RedactImageResponse.SerializeToString,
            ),
            "ListInfoTypes": grpc.unary_unary_rpc_method_handler(
                servicer.ListInfoTypes,
                request_deserializer=dlp_pb2.ListInfoTypesRequest.FromString,
                response_serializer=dlp_pb2.ListInfoTypesResponse.SerializeToString,
            ),
        },
    )


class Server:
    """A running inkout server: the engines, the gRPC server and the bound port."""

    def __init__(self, settings: Settings, redactor: Redactor | None = None):
        self.settings = settings
        self._owns_redactor = redactor is None
        self.redactor = redactor or Redactor(settings)
        self.servicer = RedactionServicer(self.redactor, settings)
        limit = settings.max_request_bytes + 64 * 1024  # room for the fields beside the image
        self.grpc = grpc.server(
            ThreadPoolExecutor(
                max_workers=settings.max_concurrent_rpcs, thread_name_prefix="inkout-rpc"
            ),
            options=[
                ("grpc.max_receive_message_length", limit),
                ("grpc.max_send_message_length", 4 * limit),
                ("grpc.so_reuseport", 0),
            ],
            maximum_concurrent_rpcs=settings.max_concurrent_rpcs,
        )
        redaction_service_pb2_grpc.add_RedactionServiceServicer_to_server(self.servicer, self.grpc)
        self.grpc.add_generic_rpc_handlers((_dlp_handler(self.servicer),))
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.grpc)
        self.port = self.grpc.add_insecure_port(f"{settings.host}:{settings.port}")
        if self.port == 0:
            raise OSError(f"cannot listen on {settings.host}:{settings.port}")

    def start(self) -> Server:
        self.grpc.start()
        for name in ("", "inkout.v1.RedactionService", DLP_SERVICE):
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)
        log.info(
            "inkout serving on %s:%d (ocr_workers=%d, max_request_bytes=%d, max_pixels=%d)",
            self.settings.host,
            self.port,
            self.settings.ocr_workers,
            self.settings.max_request_bytes,
            self.settings.max_pixels,
        )
        return self

    def stop(self, grace: float | None = 5.0) -> None:
        self.health.enter_graceful_shutdown()
        self.grpc.stop(grace).wait()
        self.servicer.close()
        if self._owns_redactor:
            self.redactor.close()
