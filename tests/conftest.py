"""Shared fixtures: one real inkout server on a loopback port for the whole session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import grpc
import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "clients" / "python"))

from inkout.config import Settings  # noqa: E402
from inkout.ocr import OcrEngine  # noqa: E402

if TYPE_CHECKING:
    from inkout.service import Server

CHANNEL_OPTIONS = [("grpc.max_receive_message_length", 128 * 1024 * 1024)]


@pytest.fixture(scope="session")
def ocr_engine() -> Iterator[OcrEngine]:
    engine = OcrEngine(workers=1)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    from inkout.service import Server  # imported here: it loads the whole pipeline

    running = Server(Settings(host="127.0.0.1", port=0, ocr_workers=2)).start()
    yield running
    running.stop(grace=1.0)


@pytest.fixture(scope="session")
def address(server: Server) -> str:
    return f"127.0.0.1:{server.port}"


@pytest.fixture(scope="session")
def channel(address: str) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(address, options=CHANNEL_OPTIONS) as ch:
        grpc.channel_ready_future(ch).result(timeout=30)
        yield ch
