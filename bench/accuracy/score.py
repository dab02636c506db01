"""Scores of one redactor's output against a sample's ground truth.

- box recall: share of sensitive values whose glyphs are erased in the output;
- leak rate: share of the values a strong OCR reads in the original that it still reads in
  the output (several passes: sparse-text layout, 2x upscaling, inversion);
- collateral: share of the other words whose glyphs are erased.

A box counts as erased when, inside it, no more than ERASE_TOLERANCE of the pixels stand out
from the paint colour (black) by more than CONTRAST: no glyph can be made out.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import cv2
import numpy as np
from tesserocr import OEM, PSM, PyTessBaseAPI

from inkout.model import Box
from inkout.ocr import tessdata_path

CONTRAST = 40
ERASE_TOLERANCE = 0.03
PAINT = 0


def gray(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ValueError("output is not a decodable image")
    return image


def erased(image: np.ndarray, box: Box) -> bool:
    """No glyph can be made out in box: almost every pixel is within CONTRAST of the paint."""
    h, w = image.shape
    left, top = max(0, box.left + 1), max(0, box.top + 1)
    right, bottom = min(w, box.right - 1), min(h, box.bottom - 1)
    if right <= left or bottom <= top:
        return True
    region = image[top:bottom, left:right].astype(np.int16)
    standing_out = np.count_nonzero(np.abs(region - PAINT) > CONTRAST)
    return standing_out <= ERASE_TOLERANCE * region.size


def normalise(text: str) -> str:
    """Letters and digits only, lower case: how a reader would compare a value."""
    return "".join(c for c in text.lower() if c.isalnum())


class StrongReader:
    """A harder OCR than the redactor's own: several passes, every text they find joined."""

    def __init__(self, workers: int = 2):
        self._apis: queue.Queue[PyTessBaseAPI] = queue.Queue()
        for _ in range(workers):
            api = PyTessBaseAPI(path=tessdata_path(), lang="eng", oem=OEM.LSTM_ONLY)
            api.SetPageSegMode(PSM.SPARSE_TEXT)
            self._apis.put(api)

    def read(self, image: np.ndarray) -> str:
        bordered = cv2.copyMakeBorder(image, 24, 24, 24, 24, cv2.BORDER_REPLICATE)
        passes = [
            bordered,
            cv2.resize(bordered, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
            cv2.bitwise_not(bordered),
        ]
        api = self._apis.get()
        try:
            texts = []
            for p in passes:
                p = np.ascontiguousarray(p)
                api.SetImageBytes(p.tobytes(), p.shape[1], p.shape[0], 1, p.shape[1])
                texts.append(api.GetUTF8Text())
            return "\n".join(texts)
        finally:
            self._apis.put(api)


@dataclass
class Tally:
    """Counts over many samples; the three measures are ratios of them."""

    values: int = 0
    values_erased: int = 0
    readable_before: int = 0
    readable_after: int = 0
    words: int = 0
    words_erased: int = 0
    missed: list[str] = field(default_factory=list)  # info types of values not erased

    def add(self, other: Tally) -> None:
        self.values += other.values
        self.values_erased += other.values_erased
        self.readable_before += other.readable_before
        self.readable_after += other.readable_after
        self.words += other.words
        self.words_erased += other.words_erased
        self.missed += other.missed

    @property
    def box_recall(self) -> float:
        return self.values_erased / self.values if self.values else float("nan")

    @property
    def leak_rate(self) -> float:
        return self.readable_after / self.readable_before if self.readable_before else 0.0

    @property
    def collateral(self) -> float:
        return self.words_erased / self.words if self.words else 0.0


def score(items: Iterable, original_text: str, output: np.ndarray, output_text: str) -> Tally:
    """One sample's counts: items carry .text, .info_type and .box (bench.accuracy.corpus)."""
    tally = Tally()
    before, after = normalise(original_text), normalise(output_text)
    for item in items:
        gone = erased(output, item.box)
        if item.info_type is None:
            tally.words += 1
            tally.words_erased += gone
            continue
        tally.values += 1
        tally.values_erased += gone
        if not gone:
            tally.missed.append(item.info_type)
        value = normalise(item.text)
        if value and value in before:
            tally.readable_before += 1
            tally.readable_after += value in after
    return tally


def map_threads(fn, items: list, workers: int = 2) -> list:
    """fn over items on a few threads (tesseract releases the GIL); results in order."""
    results: list = [None] * len(items)
    todo: queue.Queue[int] = queue.Queue()
    for i in range(len(items)):
        todo.put(i)

    def run() -> None:
        while True:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            results[i] = fn(items[i])

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
