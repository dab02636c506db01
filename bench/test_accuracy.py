"""Accuracy: inkout and presidio-image-redactor on the same generated corpus, side by side.

Each redacts every image as it does out of the box: inkout with the default list of a request
without info types, presidio-image-redactor with every entity it has. The same strong reader
and the same pixel test score both (bench/accuracy/score.py). Results go to bench/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from accuracy.corpus import KINDS, build
from accuracy.score import StrongReader, Tally, gray, map_threads, score
from test_peer import PEER_PYTHON, PEER_VENV, run_peer

from inkout.config import Settings
from inkout.redact import RedactJob, Redactor


def _peer_outputs(samples, tmp_path: Path) -> list[bytes]:
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    files = []
    for s in samples:
        path = inputs / f"{s.name}.{s.format}"
        path.write_bytes(s.data)
        files.append(path)
    run_peer(["--out", str(outputs), *map(str, files)], cwd=tmp_path)
    return [(outputs / f.name).read_bytes() for f in files]


def test_accuracy(report, tmp_path: Path) -> None:
    if not PEER_PYTHON.exists():
        pytest.skip(f"{PEER_VENV} not found: `make bench` builds it")
    samples = build()
    reader = StrongReader(workers=2)
    originals = map_threads(lambda s: reader.read(gray(s.data)), samples)

    redactor = Redactor(Settings(ocr_workers=2))
    try:
        outputs = {"inkout": [redactor.redact(RedactJob(s.data)).image for s in samples]}
    finally:
        redactor.close()
    outputs["presidio-image-redactor"] = _peer_outputs(samples, tmp_path)

    for tool, results in outputs.items():
        images = [gray(r) for r in results]
        texts = map_threads(reader.read, images)
        overall = Tally()
        per_kind = {kind: Tally() for kind in KINDS}
        for sample, image, text, original in zip(samples, images, texts, originals, strict=True):
            assert image.shape == gray(sample.data).shape, sample.name
            tally = score(sample.items, original, image, text)
            per_kind[sample.kind].add(tally)
            overall.add(tally)
        for kind, tally in per_kind.items():
            report.accuracy[(tool, kind)] = tally
        report.accuracy[(tool, "overall")] = overall
    report.accuracy_samples = len(samples)
