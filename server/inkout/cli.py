"""`inkout serve`: start the gRPC server with embedded defaults (see inkout.config)."""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import threading

from inkout.config import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="inkout", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the gRPC server")
    serve.add_argument("--host", help="address to bind (default [::], all interfaces)")
    serve.add_argument("--port", type=int, help="port (default 50051)")
    serve.add_argument("--ocr-workers", type=int, help="tesseract APIs held in memory")
    serve.add_argument("--max-request-bytes", type=int, help="largest request (default 32 MiB)")
    serve.add_argument("--max-pixels", type=int, help="largest image (default 100 megapixels)")
    serve.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    from inkout.service import Server  # heavy imports after argument errors are reported

    settings = Settings.from_env(
        host=args.host,
        port=args.port,
        ocr_workers=args.ocr_workers,
        max_request_bytes=args.max_request_bytes,
        max_pixels=args.max_pixels,
    )
    server = Server(settings)
    # The models just loaded are most of the heap and live as long as the process: a full
    # collection walked them all, a pause in whichever request set it off. Frozen, it walks
    # only what requests leave behind.
    gc.freeze()
    server.start()
    stopped = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        stopped.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    stopped.wait()
    server.stop(grace=10.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
