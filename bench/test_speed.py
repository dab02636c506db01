"""Latency, throughput and memory of a real inkout server process, beside the OCR floor.

The server runs as its own process (`python -m inkout.cli serve`) on a loopback port, as in
production; the floor is tesseract alone in this process, one API held in memory, reading
the same decoded image. All figures go to bench/README.md through the report fixture.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import grpc
import numpy as np
import pytest
from conftest import cores
from grpc_health.v1 import health_pb2, health_pb2_grpc
from reference import Reference, references
from tesserocr import OEM, PSM, PyTessBaseAPI

from inkout.infotypes import ALL_BASIC
from inkout.ocr import tessdata_path
from inkout_client import InkoutClient, StreamItem

E2E_ROUNDS = 11
THROUGHPUT_FLOOR_ROUNDS = 3
THROUGHPUT_IMAGE = "ui_screenshot_1280x800"
THROUGHPUT_REQUESTS = 32
MEMORY_IMAGE = "receipt"
CHANNEL = [
    ("grpc.max_receive_message_length", 256 * 1024 * 1024),
    ("grpc.max_send_message_length", 256 * 1024 * 1024),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """`inkout serve` in a child process, with its resident memory readable from /proc."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "inkout.cli", "serve", "--host", "127.0.0.1"]
            + ["--port", str(self.port), "--log-level", "WARNING"],
            env=dict(os.environ),
        )
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.port}", options=CHANNEL)
        health = health_pb2_grpc.HealthStub(self.channel)
        deadline = time.monotonic() + 120
        while True:
            try:
                health.Check(health_pb2.HealthCheckRequest(), timeout=2)
                break
            except grpc.RpcError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("inkout serve did not start") from None
                time.sleep(0.3)
        self.client = InkoutClient(channel=self.channel)

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, user and system, all its threads."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.channel.close()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    running = ServerProcess()
    yield running
    running.stop()


REFS = {r.name: r for r in references()}


def _redact(server: ServerProcess, ref: Reference, request_id: str = "") -> float:
    started = time.perf_counter()
    response = server.client.redact(
        ref.data, timeout=120, request_id=request_id, info_types=(ALL_BASIC,)
    )
    elapsed = time.perf_counter() - started
    assert response.redacted_image
    return elapsed


class Floor:
    """Tesseract alone on one reference image: its decoded gray image recognised in this
    process by one API held in memory."""

    def __init__(self, ref: Reference) -> None:
        self.gray = cv2.imdecode(np.frombuffer(ref.data, np.uint8), cv2.IMREAD_GRAYSCALE)
        self.api = PyTessBaseAPI(path=tessdata_path(), lang="eng", psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
        self.read()  # warm-up

    def read(self) -> float:
        """One recognition; its wall time in seconds."""
        h, w = self.gray.shape
        started = time.perf_counter()
        self.api.SetImageBytes(self.gray.tobytes(), w, h, 1, w)
        self.api.Recognize()
        return time.perf_counter() - started

    def close(self) -> None:
        self.api.End()


@pytest.mark.parametrize("name", list(REFS))
def test_end_to_end(benchmark, report, server, name: str) -> None:
    """RedactImage through the server, every built-in info type (ALL_BASIC), findings included;
    and the floor, one reading right before each call. This machine's speed drifts by a fifth
    over minutes: measured apart, the two were compared across that drift."""
    ref = REFS[name]
    floor, floors = Floor(ref), []
    _redact(server, ref)  # warm-up
    benchmark.group = "inkout RedactImage end to end"
    benchmark.pedantic(
        _redact,
        args=(server, ref),
        setup=lambda: floors.append(floor.read()),
        rounds=E2E_ROUNDS,
        iterations=1,
    )
    floor.close()
    report.e2e[name] = list(benchmark.stats.stats.data)
    report.floor[name] = statistics.median(floors)


def _throughput_floor(report) -> None:
    """Floor readings of the throughput image between the throughput runs: their ideal."""
    floor = Floor(REFS[THROUGHPUT_IMAGE])
    report.throughput_floors += [floor.read() for _ in range(THROUGHPUT_FLOOR_ROUNDS)]
    floor.close()


def test_throughput_floor(report) -> None:
    """Tesseract alone, one API per core on as many threads: how near the ideal this machine
    lets any server come (tesserocr releases the GIL while recognising)."""
    _throughput_floor(report)
    gray = cv2.imdecode(np.frombuffer(REFS[THROUGHPUT_IMAGE].data, np.uint8), cv2.IMREAD_GRAYSCALE)
    h, w = gray.shape
    apis = [
        PyTessBaseAPI(path=tessdata_path(), lang="eng", psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
        for _ in range(cores())
    ]
    each = max(1, THROUGHPUT_REQUESTS // len(apis))

    def recognise(api: PyTessBaseAPI, times: int) -> None:
        for _ in range(times):
            api.SetImageBytes(gray.tobytes(), w, h, 1, w)
            api.Recognize()

    for api in apis:
        recognise(api, 1)  # warm-up
    started, cpu = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(len(apis)) as pool:
        list(pool.map(recognise, apis, [each] * len(apis)))
    report.floor_throughput = each * len(apis) / (time.perf_counter() - started)
    report.floor_throughput_cpu = (time.process_time() - cpu) / (each * len(apis))
    for api in apis:
        api.End()


@pytest.mark.parametrize("clients", [1, 2, 4, 8])
def test_throughput_concurrent_clients(report, server, clients: int) -> None:
    ref = REFS[THROUGHPUT_IMAGE]
    _throughput_floor(report)
    _redact(server, ref)
    started, cpu = time.perf_counter(), server.cpu_seconds()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda i: _redact(server, ref), range(THROUGHPUT_REQUESTS)))
    mode = ("RedactImage, concurrent clients", clients)
    report.throughput[mode] = THROUGHPUT_REQUESTS / (time.perf_counter() - started)
    report.throughput_cpu[mode] = (server.cpu_seconds() - cpu) / THROUGHPUT_REQUESTS
    report.throughput_image = THROUGHPUT_IMAGE


def test_throughput_stream(report, server) -> None:
    ref = REFS[THROUGHPUT_IMAGE]
    _throughput_floor(report)
    items = (StreamItem(f"i{i}", ref.data) for i in range(THROUGHPUT_REQUESTS))
    started, cpu = time.perf_counter(), server.cpu_seconds()
    responses = list(server.client.redact_many(items, timeout=600, info_types=(ALL_BASIC,)))
    elapsed = time.perf_counter() - started
    assert len(responses) == THROUGHPUT_REQUESTS
    assert all(r.status.code == 0 for r in responses)
    mode = ("StreamRedactImages, one stream", 1)
    report.throughput[mode] = THROUGHPUT_REQUESTS / elapsed
    report.throughput_cpu[mode] = (server.cpu_seconds() - cpu) / THROUGHPUT_REQUESTS
    _throughput_floor(report)


def test_memory_is_flat_over_a_thousand_requests(report) -> None:
    fresh = ServerProcess()
    try:
        ref = REFS[MEMORY_IMAGE]
        report.memory["start"] = fresh.rss_mib()
        with ThreadPoolExecutor(cores()) as pool:
            list(pool.map(lambda i: _redact(fresh, ref), range(100)))
            report.memory["100"] = fresh.rss_mib()
            list(pool.map(lambda i: _redact(fresh, ref), range(900)))
            report.memory["1000"] = fresh.rss_mib()
    finally:
        fresh.stop()
