"""`inkout serve` as a process: it starts, reports healthy, serves, and stops on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from render import render

from inkout_client import InkoutClient


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_answers_and_stops_on_sigterm() -> None:
    port = _free_port()
    env = dict(os.environ, INKOUT_OCR_WORKERS="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "inkout.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            health = health_pb2_grpc.HealthStub(channel)
            deadline = time.monotonic() + 90
            while True:
                try:
                    status = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=2)
                    break
                except grpc.RpcError:
                    assert proc.poll() is None, proc.stdout.read()
                    assert time.monotonic() < deadline, "server did not become healthy"
                    time.sleep(0.5)
            assert status.status == health_pb2.HealthCheckResponse.SERVING
            secret = "mia.wong@example.net"
            response = InkoutClient(channel=channel).redact(
                render([["Mail", secret]]).png(), info_types=["EMAIL_ADDRESS"]
            )
            assert len(response.inspect_result.findings) == 1
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        log = proc.stdout.read()
        assert "serving on" in log and "redacted" in log
        assert secret not in log  # logs never carry extracted text
    finally:
        if proc.poll() is None:
            proc.kill()
