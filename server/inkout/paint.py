"""Cover boxes with solid colour, in place, through the native kernel in inkout._paint."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from inkout._paint import fill_rects
from inkout.model import Box, Rgb

_SCALE = {np.dtype(np.uint8): 1.0, np.dtype(np.uint16): 257.0, np.dtype(np.float32): 1 / 255}


def _pixel(rgb: Rgb, channels: int, dtype: np.dtype) -> list[float]:
    """An RGB colour in the image's own layout: gray, BGR or BGRA (OpenCV's order)."""
    r, g, b = rgb
    if channels == 1:
        values = [0.299 * r + 0.587 * g + 0.114 * b]
    elif channels == 2:  # gray + alpha
        values = [0.299 * r + 0.587 * g + 0.114 * b, 255.0]
    else:
        values = [b, g, r] + [255.0] * (channels - 3)  # alpha opaque: the box must show
    return [round(v * _SCALE[dtype]) if dtype != np.float32 else v * _SCALE[dtype] for v in values]


def paint_boxes(
    image: np.ndarray,
    boxes: Sequence[Box],
    colours: Sequence[Rgb],
    padding: int = 0,
) -> int:
    """Fill each box (grown by padding pixels, clipped to the image) with its colour.

    image: uint8, uint16 or float32; (h, w) or (h, w, c) in OpenCV channel order; C-contiguous.
    Returns the number of boxes that touched the image.
    """
    if len(boxes) != len(colours):
        raise ValueError("one colour per box")
    if image.dtype not in _SCALE:
        raise TypeError(f"unsupported pixel type {image.dtype}")
    if not image.flags.c_contiguous:
        raise ValueError("image must be C-contiguous")
    if not boxes:
        return 0
    view = image if image.ndim == 3 else image.reshape(image.shape[0], image.shape[1], 1)
    channels = view.shape[2]
    rects = np.array(
        [(b.left - padding, b.top - padding, b.right + padding, b.bottom + padding) for b in boxes],
        dtype=np.int32,
    )
    cache: dict[Rgb, list[float]] = {}
    table = np.array(
        [cache.setdefault(c, _pixel(c, channels, image.dtype)) for c in colours], dtype=image.dtype
    )
    return fill_rects(view, rects, table)
