"""presidio-image-redactor on the reference images, for the latency table beside inkout's.

It cannot share inkout's venv (it needs `opencv-python`, inkout `opencv-python-headless`), so
`make bench` builds .venv-peer and this test runs bench/peer.py there in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from reference import references

ROOT = Path(__file__).resolve().parent.parent
PEER_VENV = ROOT / os.environ.get("PEER_VENV", ".venv-peer")  # an absolute value wins
PEER_PYTHON = PEER_VENV / "bin" / "python"
ROUNDS = 3
TIMEOUT = 3600  # seconds; a whole run takes a few minutes on 2 cores


def _peer_version() -> str:
    return subprocess.run(
        [
            str(PEER_PYTHON),
            "-c",
            "import importlib.metadata as m; print(m.version('presidio-image-redactor'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _tesseract_version() -> str:
    try:
        out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    except FileNotFoundError:
        return "missing"
    lines = (out.stdout or out.stderr).split()
    return lines[1] if len(lines) > 1 else "unknown"


def run_peer(args: list[str], cwd: Path) -> dict[str, list[float]]:
    """bench/peer.py in the peer's venv; its stdout is the JSON of timings it returns.

    stderr passes through (progress with -s, shown by pytest on failure).
    """
    done = subprocess.run(
        [str(PEER_PYTHON), str(ROOT / "bench" / "peer.py"), *args],
        stdout=subprocess.PIPE,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
    )
    assert done.returncode == 0, f"bench/peer.py exited {done.returncode}; its stderr is above"
    return json.loads(done.stdout)


def test_presidio_image_redactor(report, tmp_path: Path) -> None:
    if not PEER_PYTHON.exists():
        pytest.skip(
            f"{PEER_VENV} not found: `make bench` builds it (presidio-image-redactor needs "
            "opencv-python, which cannot share inkout's venv)"
        )
    files = []
    for ref in references():
        path = tmp_path / f"{ref.name}.{ref.format}"
        path.write_bytes(ref.data)
        files.append(path)

    timings = run_peer(["--rounds", str(ROUNDS), *map(str, files)], cwd=tmp_path)

    for ref in references():
        samples = timings.get(ref.name)
        assert samples and len(samples) == ROUNDS, f"no timings for {ref.name}: {timings}"
        assert all(s > 0 for s in samples), (ref.name, samples)
        report.peer[ref.name] = samples
    report.notes.append(
        f"presidio-image-redactor {_peer_version()} in its own venv ({PEER_VENV.name}, "
        f"opencv-python), tesseract CLI {_tesseract_version()} started by pytesseract per image; "
        f"{ROUNDS} rounds per image after one warm-up, each timing the same work as inkout's "
        "figure: decode the input bytes, `redact()`, encode in the input's format."
    )
