"""Read text and its pixel boxes with tesseract, held in memory through tesserocr.

Tesseract APIs are expensive to create (they load the trained model), so an OcrEngine makes
a fixed pool of them once and lends one to each call; tesserocr releases the GIL while
recognising, so calls on several threads run in parallel.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import cv2
import numpy as np
from tesserocr import OEM, PSM, RIL, PyTessBaseAPI, iterate_level

from inkout.model import Box, OcrText, Symbol, Word

DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"


def tessdata_path() -> str:
    """TESSDATA_PREFIX if set, else Debian's tesseract-ocr-eng location."""
    return os.environ.get("TESSDATA_PREFIX", DEFAULT_TESSDATA)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The OCR input and how to map its coordinates back to the original image."""

    gray: np.ndarray
    border: int
    scale: float
    width: int
    height: int


def to_gray8(pixels: np.ndarray) -> np.ndarray:
    """Any decoded image (gray, BGR, BGRA; 8/16-bit or float) as 8-bit gray for tesseract.

    Transparent pixels are composited over white, because their colour values are often
    black and would hide dark text drawn on a transparent background.
    """
    img = pixels
    if img.dtype == np.uint16 or img.dtype.kind == "f":
        # Medical and scientific images often use a narrow part of the range: stretch it.
        img = cv2.normalize(img, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    elif img.dtype != np.uint8:
        raise TypeError(f"unsupported pixel type {img.dtype}")
    if img.ndim == 2:
        return img
    channels = img.shape[2]
    if channels in (2, 4):
        colour, alpha = img[:, :, :-1], img[:, :, -1:].astype(np.float32) / 255.0
        img = (colour.astype(np.float32) * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
        channels -= 1
    if channels == 1:
        return np.ascontiguousarray(img[:, :, 0])
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)


def prepare(pixels: np.ndarray, border: int = 20) -> Prepared:
    """Gray, dark text on light, with a replicated border.

    Tesseract misses text that touches the image edge; a replicated border recovers it.
    Light-on-dark images (X-rays, dark UI themes) are inverted, since tesseract reads dark
    text on a light page best.
    """
    gray = to_gray8(pixels)
    height, width = gray.shape
    if np.median(gray) < 110:
        gray = 255 - gray
    if border:
        gray = cv2.copyMakeBorder(gray, border, border, border, border, cv2.BORDER_REPLICATE)
    return Prepared(np.ascontiguousarray(gray), border, 1.0, width, height)


class OcrEngine:
    """A pool of tesseract APIs, each created once and reused for every image."""

    def __init__(self, workers: int = 1, language: str = "eng", tessdata: str | None = None):
        self._path = tessdata or tessdata_path()
        self._pool: queue.Queue[PyTessBaseAPI] = queue.Queue()
        for _ in range(max(1, workers)):
            api = PyTessBaseAPI(path=self._path, lang=language, psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
            self._pool.put(api)
        self.workers = max(1, workers)
        self.language = language

    @contextmanager
    def _lease(self) -> Iterator[PyTessBaseAPI]:
        api = self._pool.get()
        try:
            yield api
        finally:
            api.Clear()
            self._pool.put(api)

    def read(self, pixels: np.ndarray) -> OcrText:
        """OCR a decoded image; every box in the result is in the input's pixel coordinates."""
        prepared = prepare(pixels)
        with self._lease() as api:
            gray = prepared.gray
            api.SetImageBytes(gray.tobytes(), gray.shape[1], gray.shape[0], 1, gray.shape[1])
            api.Recognize()
            return _collect(api, prepared)

    def close(self) -> None:
        while not self._pool.empty():
            self._pool.get_nowait().End()


def _to_box(bbox: tuple[int, int, int, int], p: Prepared) -> Box | None:
    """A tesseract (x1, y1, x2, y2) on the prepared image as a Box on the original, clipped."""
    x1, y1, x2, y2 = bbox
    left = max(0, min(p.width, round((x1 - p.border) / p.scale)))
    top = max(0, min(p.height, round((y1 - p.border) / p.scale)))
    right = max(0, min(p.width, round((x2 - p.border) / p.scale)))
    bottom = max(0, min(p.height, round((y2 - p.border) / p.scale)))
    if right <= left or bottom <= top:
        return None
    return Box(left, top, right - left, bottom - top)


def _collect(api: PyTessBaseAPI, p: Prepared) -> OcrText:
    """Walk tesseract's symbols once, building the text, the words and the symbol boxes.

    Words are joined by a space and lines by a newline, so that character offsets into the
    text identify exactly one recognised symbol each.
    """
    parts: list[str] = []
    words: list[Word] = []
    symbols: list[Symbol] = []
    offset = 0
    line = -1
    iterator = api.GetIterator()
    if iterator is None:
        return OcrText("", (), ())
    word_start = 0
    word_box: Box | None = None
    word_conf = 0.0

    def close_word() -> None:
        if word_box is not None and offset > word_start:
            words.append(Word(word_start, offset, word_box, line, word_conf))

    for r in iterate_level(iterator, RIL.SYMBOL):
        if r.Empty(RIL.SYMBOL):
            continue  # a blank page still yields one empty element
        text = r.GetUTF8Text(RIL.SYMBOL)
        if not text:
            continue
        if r.IsAtBeginningOf(RIL.WORD):
            close_word()
            if r.IsAtBeginningOf(RIL.TEXTLINE):
                line += 1
                sep = "\n"
            else:
                sep = " "
            if parts:
                parts.append(sep)
                offset += 1
            word_start = offset
            wb = r.BoundingBox(RIL.WORD)
            word_box = _to_box(wb, p) if wb else None
            word_conf = float(r.Confidence(RIL.WORD))
        box = r.BoundingBox(RIL.SYMBOL)
        sym_box = _to_box(box, p) if box else None
        if word_box is None:
            # A word tesseract could not place cannot be painted by box; skip its text too.
            continue
        parts.append(text)
        n = len(text)
        if sym_box is not None:
            # A symbol can carry several codepoints (ligatures): share its width among them.
            for i in range(n):
                left = sym_box.left + sym_box.width * i // n
                right = sym_box.left + sym_box.width * (i + 1) // n
                piece = Box(left, sym_box.top, max(1, right - left), sym_box.height)
                symbols.append(Symbol(offset + i, offset + i + 1, piece, len(words)))
        offset += n
    close_word()
    return OcrText("".join(parts), tuple(words), tuple(symbols))
