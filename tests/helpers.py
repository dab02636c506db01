"""Checks shared by the integration tests: decode a response and read it again with OCR."""

from __future__ import annotations

import cv2
import numpy as np

from inkout.model import Box
from inkout.ocr import OcrEngine


def decode(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image is not None, "the response is not a decodable image"
    return image


def reread(engine: OcrEngine, data: bytes) -> str:
    """What OCR can still read in a redacted image, with spaces squeezed out."""
    return engine.read(decode(data)).text


def squeeze(text: str) -> str:
    return "".join(text.split())


def union(boxes: list[Box]) -> Box:
    left = min(b.left for b in boxes)
    top = min(b.top for b in boxes)
    right = max(b.right for b in boxes)
    bottom = max(b.bottom for b in boxes)
    return Box(left, top, right - left, bottom - top)
