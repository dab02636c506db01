"""Each speed lever measured against what it replaced, in the same run as everything else.

- OCR: one tesseract API against bands read at once on every core (inkout.ocr); what the
  second look at lines the first reading left out costs (one API, without it); and large
  type read at its own size against shrunk (both must read the same words).
- Detection: Presidio's own analyze (its full spaCy pipeline) against inkout's detector,
  which runs spaCy's entity recogniser alone, for every built-in type.
- spaCy's entity recogniser on the whole text against only the lines with words.
- Phone numbers: Presidio's recogniser against inkout's, which skips candidates too short for
  a region unparsed (both must find the same numbers).
- Encoding: OpenCV's PNG encoder at level 1 against inkout's (Up filter, ISA-L).
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable

import cv2
import numpy as np
import pytest
from presidio_analyzer.predefined_recognizers import PhoneRecognizer
from reference import references

from inkout.detect import Detector
from inkout.encode import encode
from inkout.infotypes import ALL_BASIC
from inkout.model import InspectSpec
from inkout.ocr import OcrEngine
from inkout.recognizers import InkoutPhoneRecognizer

REFS = {r.name: r for r in references()}
EVERY_TYPE = InspectSpec(info_types=(ALL_BASIC,))  # the same work as Presidio's full pipeline
ROUNDS = 5


def _median(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _words(text: str) -> Counter[str]:
    """Words by their letters and digits: "DOB:" and "DOB" are the same word read."""
    return Counter(w for w in ("".join(c for c in t if c.isalnum()) for t in text.split()) if w)


@pytest.fixture(scope="module")
def engines():
    one, many = OcrEngine(workers=1), OcrEngine(workers=2)
    yield one, many
    one.close()
    many.close()


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize("name", list(REFS))
def test_levers(report, engines, detector, name: str) -> None:
    ref = REFS[name]
    pixels = cv2.imdecode(np.frombuffer(ref.data, np.uint8), cv2.IMREAD_UNCHANGED)
    one, many = engines
    text = one.read(pixels).text
    single, banded = _words(text), _words(many.read(pixels).text)
    assert sum((single & banded).values()) >= 0.95 * sum(single.values())  # same words read
    full = _words(one.read(pixels, shrink=False).text)
    assert sum((single & full).values()) >= 0.95 * sum(full.values())  # large type read shrunk
    row = {
        "ocr, one API, first look only": _median(lambda: one.read(pixels, look_again=False)),
        "ocr, one API, large type at its size": _median(lambda: one.read(pixels, shrink=False)),
        "ocr, one API": _median(lambda: one.read(pixels)),
        "ocr, bands": _median(lambda: many.read(pixels)),
        "detect, Presidio's full pipeline": _median(
            lambda: detector._analyzer.analyze(text=text, language="en")
        ),
        "detect, inkout": _median(lambda: detector.detect(text, EVERY_TYPE)),
    }
    nlp = detector._nlp
    others = [p for p in nlp.pipe_names if p != "ner"]
    row["spaCy entities, every line"] = _median(lambda: nlp(text, disable=others))
    row["spaCy entities, lines with words"] = _median(
        lambda: detector._entities(nlp.make_doc(text))
    )
    presidio_phone, inkout_phone = PhoneRecognizer(), InkoutPhoneRecognizer()

    def phones(recognizer) -> list[tuple[int, int]]:
        return sorted((r.start, r.end) for r in recognizer.analyze(text, ["PHONE_NUMBER"]))

    assert phones(inkout_phone) == phones(presidio_phone)  # the same numbers found
    row["phone, Presidio"] = _median(lambda: phones(presidio_phone))
    row["phone, inkout"] = _median(lambda: phones(inkout_phone))
    if ref.format == "png":
        row["png, OpenCV level 1"] = _median(
            lambda: cv2.imencode(".png", pixels, [cv2.IMWRITE_PNG_COMPRESSION, 1])
        )
        row["png, inkout"] = _median(lambda: encode(pixels, "png"))
    report.levers[name] = row
