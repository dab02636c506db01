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
    # the floor of throughput_image read between the throughput runs: their ideal's
    throughput_floors: list[float] = field(default_factory=list)
    # CPU seconds an image in each throughput run: the server process's
    throughput_cpu: dict[tuple[str, int], float] = field(default_factory=dict)
    # tesseract alone on one thread per core: what this machine allows of the ideal
    floor_throughput: float = 0.0
    floor_throughput_cpu: float = 0.0
    painters: dict[tuple[str, int], float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)
    levers: dict[str, dict[str, float]] = field(default_factory=dict)
    accuracy: dict[tuple[str, str], object] = field(default_factory=dict)
    accuracy_samples: int = 0
    notes: list[str] = field(default_factory=list)

    def painter(self, name: str, count: int, seconds: float) -> None:
        self.painters[(name, count)] = seconds

    def throughput_floor(self) -> float:
        """The floor the throughput runs are held to: read between them when it was, as the
        machine's speed drifts; else the latency table's."""
        if self.throughput_floors:
            return statistics.median(self.throughput_floors)
        return self.floor.get(self.throughput_image, float("nan"))

    # ----- rendering

    def markdown(self) -> str:
        out: list[str] = []
        if self.floor and self.e2e:
            out += self._targets()
        if self.accuracy:
            out += self._accuracy()
        if self.floor or self.e2e:
            out += self._latency()
        if self.throughput:
            out += self._throughput()
        if self.painters:
            out += self._painter()
        if self.memory:
            out += self._memory()
        if self.levers:
            out += self._levers()
        if self.notes:
            out += ["### Notes", "", *[f"- {n}" for n in self.notes], ""]
        return "\n".join(out)

    def _targets(self) -> list[str]:
        """The issue's targets, judged from this run's figures."""
        rows = ["### Targets", "", "| target | this run | met |", "| --- | --- | --- |"]

        def row(target: str, value: str, ok: bool) -> None:
            rows.append(f"| {target} | {value} | {'yes' if ok else 'no'} |")

        p50 = {n: statistics.median(s) / self.floor[n] for n, s in self.e2e.items()}
        p95 = {n: percentile(s, 95) / self.floor[n] for n, s in self.e2e.items()}
        row(
            "median latency <= 1.0x the floor, every image",
            f"at most {max(p50.values()):.2f}x",
            max(p50.values()) <= 1.0,
        )
        row(
            "p95 never above 1.5x the floor",
            f"at most {max(p95.values()):.2f}x",
            max(p95.values()) <= 1.5,
        )
        if self.throughput:
            ideal = cores() / self.throughput_floor()
            loaded = {k: v for k, v in self.throughput.items() if k[1] > 1 or "Stream" in k[0]}
            worst = min(loaded.values()) / ideal
            row(
                ">= 90% of cores / floor with concurrent clients and streams",
                f"at least {worst:.0%}",
                worst >= 0.9,
            )
        if self.peer:
            ratios = [
                statistics.median(self.peer[n]) / statistics.median(s)
                for n, s in self.e2e.items()
                if n in self.peer
            ]
            row(
                ">= 8x faster than presidio-image-redactor per image",
                f"at least {min(ratios):.1f}x",
                min(ratios) >= 8,
            )
        if self.painters:
            big = self.painters[("numpy_loop", 10_000)] / self.painters[("cython", 10_000)]
            small = self.painters[("numpy_loop", 1)] / self.painters[("cython", 1)]
            row("painter >= 10x the numpy loop at 10,000 boxes", f"{big:.1f}x", big >= 10)
            row("painter never slower than the numpy loop at 1 box", f"{small:.1f}x", small >= 1)
        if {"100", "1000"} <= set(self.memory):
            growth = self.memory["1000"] / self.memory["100"] - 1
            row(
                "resident memory within 5% from request 100 to 1,000",
                f"{growth:+.1%}",
                abs(growth) <= 0.05,
            )
        return [*rows, ""]

    def _accuracy(self) -> list[str]:
        kinds = list(dict.fromkeys(kind for _, kind in self.accuracy))
        tools = list(dict.fromkeys(tool for tool, _ in self.accuracy))
        rows = [
            f"### Accuracy on the generated corpus ({self.accuracy_samples} images)",
            "",
            "Box recall: sensitive values whose glyphs are erased (higher is better). Leak rate: "
            "values a strong OCR (sparse layout, 2x upscaling, inversion) still reads in the "
            "output, over those it reads in the original (lower is better). Collateral: other "
            "words erased (lower is better). Targets: recall >= 0.98, leak <= 1%, collateral "
            "<= 3%. inkout runs its default list (a request without info types); "
            "presidio-image-redactor every entity it has.",
            "",
            "| kind | values | "
            + " | ".join(f"{t} recall | {t} leak | {t} collateral" for t in tools)
            + " |",
            "| --- | ---: | " + " | ".join("---: | ---: | ---:" for _ in tools) + " |",
        ]
        for kind in kinds:
            cells = []
            for tool in tools:
                t = self.accuracy[(tool, kind)]
                cells.append(f"{t.box_recall:.3f} | {t.leak_rate:.1%} | {t.collateral:.1%}")
            values = self.accuracy[(tools[0], kind)].values
            rows.append(f"| {kind} | {values} | " + " | ".join(cells) + " |")
        missed = self.accuracy.get(("inkout", "overall"))
        if missed is not None and missed.missed:
            counts = sorted(
                {m: missed.missed.count(m) for m in missed.missed}.items(), key=lambda x: -x[1]
            )
            rows += [
                "",
                "inkout's values not erased, by info type: "
                + ", ".join(f"{name} {n}" for name, n in counts)
                + ".",
            ]
        return [*rows, ""]

    def _levers(self) -> list[str]:
        columns = list(next(iter(self.levers.values())))
        for row in self.levers.values():
            columns += [c for c in row if c not in columns]
        rows = [
            "### Levers: each against what it replaced (median milliseconds)",
            "",
            "| image | " + " | ".join(columns) + " |",
            "| --- | " + " | ".join("---:" for _ in columns) + " |",
        ]
        for name, row in self.levers.items():
            cells = " | ".join(f"{row[c] * 1000:.0f}" if c in row else "" for c in columns)
            rows.append(f"| {name} | {cells} |")
        return [*rows, ""]

    def _latency(self) -> list[str]:
        rows = [
            "### Latency per image (seconds)",
            "",
            "Floor: tesseract recognising the decoded image in-process, one API held in memory, "
            "the median of one reading right before each of inkout's calls. "
            "inkout: `RedactImage` through a real server on loopback, every built-in info type "
            "(`ALL_BASIC`). "
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
        floor = self.throughput_floor()
        ideal = cores() / floor
        read = (
            f"the median of {len(self.throughput_floors)} floor readings taken between the "
            "runs below"
            if self.throughput_floors
            else "the latency table's"
        )
        rows = [
            f"### Throughput ({self.throughput_image}, images per second)",
            "",
            f"Ideal = cores / floor = {cores()} / {floor:.3f} s = {ideal:.2f} images/s; the "
            f"floor is {read}. CPU an image: the CPU time the server process (for tesseract "
            "alone, the benchmark process) used during the run, over its images. With every "
            "core busy, no mode can pass floor / (CPU an image) of the ideal.",
            "",
            "| mode | concurrency | images/s | share of ideal | CPU an image (s) "
            "| CPU an image / floor |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]

        def row(mode: str, n: int, ips: float, cpu: float) -> None:
            cells = f"{cpu:.3f} | {cpu / floor:.2f}x" if cpu else " | "
            rows.append(f"| {mode} | {n} | {ips:.2f} | {ips / ideal:.0%} | {cells} |")

        if self.floor_throughput:
            mode = "tesseract alone, one API per core, in-process (no inkout)"
            row(mode, cores(), self.floor_throughput, self.floor_throughput_cpu)
        for (mode, n), ips in sorted(self.throughput.items()):
            row(mode, n, ips, self.throughput_cpu.get((mode, n), 0.0))
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
    complete = exitstatus == 0 and all(
        (
            REPORT.floor,
            REPORT.e2e,
            REPORT.peer,
            REPORT.throughput,
            REPORT.painters,
            REPORT.memory,
            REPORT.levers,
            REPORT.accuracy,
        )
    )
    if not complete:
        # Only a whole, passing run may replace the README: every figure there is side by side.
        partial = HERE.parent / ".benchmarks" / "partial.md"
        partial.parent.mkdir(exist_ok=True)
        partial.write_text(f"{machine()}\n\n{text}")
        print(f"\npartial benchmark run: tables written to {partial}")
        return
    readme = HERE / "README.md"
    head = readme.read_text().split(MARK)[0] if readme.exists() else "# Benchmarks\n\n"
    body = f"{MARK}\n\n{machine()}\nCommand: `{COMMAND}`.\n\n{text}"
    readme.write_text(head.rstrip() + "\n\n" + body)
