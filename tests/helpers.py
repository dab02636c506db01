"""Checks shared by the integration tests: decode a response and read it again with OCR."""

from __future__ import annotations

import struct
import zlib

import cv2
import numpy as np

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


def noise(shape: tuple[int, ...], dtype: type = np.uint8, seed: int = 0) -> np.ndarray:
    """Random pixels over the dtype's whole range (floats in [0, 1))."""
    rng = np.random.default_rng(seed)
    if dtype == np.float32:
        return rng.random(shape, dtype=np.float32)
    return rng.integers(0, np.iinfo(dtype).max, shape, dtype=dtype, endpoint=True)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image: a decompression bomb's calling card."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + png_chunk(b"IEND", b"")
    )
