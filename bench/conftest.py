"""Benchmark session: one collector for every figure, written to bench/README.md at the end.

Every number in bench/README.md comes from one run of `make bench`, side by side: the floor
(tesseract alone), inkout end to end, presidio-image-redactor, throughput, painter, memory.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "clients" / "python"))

COMMAND = "make bench"
MARK = "<!-- tables below are written by bench/conftest.py; do not edit by hand -->"


def cores() -> int:
    return len(os.sched_getaffinity(0))


@dataclass
class Report:
    floor: dict[str, float] = field(default_factory=dict)
    e2e: dict[str, list[float]] = field(default_factory=dict)
    peer: dict[str, list[float]] = field(default_factory=dict)
    throughput: dict[tuple[str, int], float] = field(default_factory=dict)
    throughput_image: str = ""
    painters: dict[tuple[str, int], float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def painter(self, name: str, count: int, seconds: float) -> None:
        self.painters[(name, count)] = seconds

    # ----- rendering

    def markdown(self) -> str:
        out: list[str] = []
        if self.floor or self.e2e:
            out += self._latency()
        if self.throughput:
            out += self._throughput()
        if self.painters:
            out += self._painter()
        if self.memory:
            out += self._memory()
        if self.notes:
            out += ["### Notes", "", *[f"- {n}" for n in self.notes], ""]
        return "\n".join(out)

    def _latency(self) -> list[str]:
        rows = [
            "### Latency per image (seconds)",
            "",
            "Floor: tesseract recognising the decoded image in-process, one API held in memory. "
            "inkout: `RedactImage` through a real server on loopback, every built-in info type. "
            "presidio-image-redactor: `ImageRedactorEngine.redact` with the same spaCy pipeline.",
            "",
            "| image | floor | inkout p50 | inkout p95 | p50 / floor | p95 / floor "
            "| presidio-image-redactor p50 | presidio / inkout |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, floor in self.floor.items():
            samples = self.e2e.get(name, [])
            p50 = statistics.median(samples) if samples else float("nan")
            p95 = percentile(samples, 95) if samples else float("nan")
            peer = statistics.median(self.peer[name]) if self.peer.get(name) else float("nan")
            rows.append(
                f"| {name} | {floor:.3f} | {p50:.3f} | {p95:.3f} | {p50 / floor:.2f}x "
                f"| {p95 / floor:.2f}x | {peer:.3f} | {peer / p50:.1f}x |"
            )
        return [*rows, ""]

    def _throughput(self) -> list[str]:
        floor = self.floor.get(self.throughput_image, float("nan"))
        ideal = cores() / floor
        rows = [
            f"### Throughput ({self.throughput_image}, images per second)",
            "",
            f"Ideal = cores / floor = {cores()} / {floor:.3f} s = {ideal:.2f} images/s.",
            "",
            "| mode | concurrency | images/s | share of ideal |",
            "| --- | ---: | ---: | ---: |",
        ]
        for (mode, n), ips in sorted(self.throughput.items()):
            rows.append(f"| {mode} | {n} | {ips:.2f} | {ips / ideal:.0%} |")
        return [*rows, ""]

    def _painter(self) -> list[str]:
        counts = sorted({c for _, c in self.painters})
        names = ["cython", "numpy_loop", "cv2_rectangle"]
        rows = [
            "### Painter, 3840x2160 RGB (median milliseconds per call)",
            "",
            "| boxes | " + " | ".join(names) + " | numpy / cython | cv2 / cython |",
            "| ---: | " + " | ".join("---:" for _ in names) + " | ---: | ---: |",
        ]
        for c in counts:
            t = {n: self.painters.get((n, c), float("nan")) for n in names}
            numpy_ratio = t["numpy_loop"] / t["cython"]
            cv2_ratio = t["cv2_rectangle"] / t["cython"]
            cells = " | ".join(f"{t[n] * 1000:.3f}" for n in names)
            rows.append(f"| {c} | {cells} | {numpy_ratio:.1f}x | {cv2_ratio:.1f}x |")
        return [*rows, ""]

    def _memory(self) -> list[str]:
        rows = [
            "### Resident memory of one server process (MiB)",
            "",
            "| after start | after 100 requests | after 1,000 requests | growth 100 -> 1,000 |",
            "| ---: | ---: | ---: | ---: |",
        ]
        m = self.memory
        growth = (m["1000"] - m["100"]) / m["100"] if "1000" in m and "100" in m else float("nan")
        rows.append(
            f"| {m.get('start', float('nan')):.0f} | {m.get('100', float('nan')):.0f} "
            f"| {m.get('1000', float('nan')):.0f} | {growth:+.1%} |"
        )
        return [*rows, ""]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    rev = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Measured {when} on {cpu}, {cores()} cores, {mem:.0f} GiB, Linux "
        f"{platform.release()}, Python {platform.python_version()}, commit {rev or 'unknown'}."
    )


REPORT = Report()


@pytest.fixture(scope="session")
def report() -> Iterator[Report]:
    yield REPORT


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    text = REPORT.markdown()
    if not text:
        return
    readme = HERE / "README.md"
    head = readme.read_text().split(MARK)[0] if readme.exists() else "# Benchmarks\n\n"
    body = f"{MARK}\n\n{machine()}\nCommand: `{COMMAND}`.\n\n{text}"
    readme.write_text(head.rstrip() + "\n\n" + body)
