"""Cover boxes with solid colour, in place, through the native kernel in inkout._paint.

Two ways to say where to paint, both one call whatever the count:

- a sequence of Box, as the redaction pipeline produces them;
- an (n, 4) integer array of (left, top, right, bottom) rectangles, right/bottom exclusive,
  which skips the per-box conversion entirely when it is already int32 and C-contiguous.

and two ways to say with what: one RGB colour per box (a sequence of n colours, or an (n, 3)
array), or a single RGB colour for all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import attrgetter

import numpy as np

from inkout._paint import fill_rects
from inkout.model import Box, Rgb

_SCALE = {np.dtype(np.uint8): 1.0, np.dtype(np.uint16): 257.0, np.dtype(np.float32): 1 / 255}
_XYWH = attrgetter("left", "top", "width", "height")
_INT32 = np.iinfo(np.int32)
_SCALARS = (int, float, np.integer, np.floating)

# Single colours already in an image's layout: (rgb, channels, dtype) -> read-only (1, c) row.
_ROWS: dict[tuple, np.ndarray] = {}
_ROWS_MAX = 256


def _pixels(rgb: np.ndarray, channels: int, dtype: np.dtype) -> np.ndarray:
    """(k, 3) RGB colours as (k, channels) pixels: gray, gray + alpha, BGR or BGRA (OpenCV)."""
    rgb = np.asarray(rgb, np.float64).reshape(-1, 3)
    if channels <= 2:  # ITU-R BT.601 luma, as OpenCV's RGB2GRAY
        colour = (0.299 * rgb[:, 0] + 0.587 * rgb[:, 1] + 0.114 * rgb[:, 2])[:, None]
    else:
        colour = rgb[:, ::-1]
    alpha = np.full((len(rgb), max(0, channels - colour.shape[1])), 255.0)  # opaque: must show
    values = np.hstack([colour, alpha]) * _SCALE[dtype]
    if dtype.kind == "u":
        values = np.clip(np.round(values), 0, np.iinfo(dtype).max)
    return np.ascontiguousarray(values, dtype)


def _row(rgb: Rgb, channels: int, dtype: np.dtype) -> np.ndarray:
    """One colour as a (1, channels) pixel table, cached: redaction uses a handful of colours."""
    key = (*rgb, channels, dtype)
    row = _ROWS.get(key)
    if row is None:
        row = _pixels(np.array(rgb), channels, dtype)
        row.flags.writeable = False
        if len(_ROWS) >= _ROWS_MAX:
            _ROWS.clear()
        _ROWS[key] = row
    return row


def _table(colours, channels: int, dtype: np.dtype) -> np.ndarray:
    """One colour per box as an (n, channels) table, or (1, channels) when they are all equal."""
    if isinstance(colours, np.ndarray):
        unique, index = np.unique(colours.reshape(-1, 3), axis=0, return_inverse=True)
        if len(unique) == 1:
            return _row(tuple(unique[0].tolist()), channels, dtype)
        return _pixels(unique, channels, dtype)[index.reshape(-1)]
    first = colours[0]
    if colours.count(first) == len(colours):  # C-level scan; the usual case
        return _row(first, channels, dtype)
    keys = list(map(tuple, colours))
    where = {c: i for i, c in enumerate(dict.fromkeys(keys))}  # distinct colours, in order
    rows = np.concatenate([_row(c, channels, dtype) for c in where])
    return rows[np.fromiter(map(where.__getitem__, keys), np.intp, len(keys))]


def _is_one_colour(colours) -> bool:
    if isinstance(colours, np.ndarray):
        return colours.ndim == 1
    return len(colours) == 3 and isinstance(colours[0], _SCALARS)


def _rects(boxes) -> np.ndarray:
    """(n, 4) integers as C-contiguous int32, saturated to the int32 range (which clips alike)."""
    rects = np.asarray(boxes)
    if rects.dtype.kind not in "iu":
        raise TypeError(f"rects must be integers, not {rects.dtype}")
    if rects.dtype != np.int32:
        if rects.dtype.kind == "u" and rects.dtype.itemsize >= 4:
            rects = np.minimum(rects, _INT32.max)
        elif rects.dtype.itemsize > 4:
            rects = np.clip(rects, _INT32.min, _INT32.max)
        rects = rects.astype(np.int32)
    return np.ascontiguousarray(rects)


def _box_rects(boxes: Sequence[Box]) -> tuple[np.ndarray, bool]:
    """Boxes as int32 rects for the kernel, and whether they are (left, top, width, height)."""
    n = len(boxes)
    try:  # the kernel adds width and height in 64 bits: no Python arithmetic per box
        xywh = np.fromiter(chain.from_iterable(map(_XYWH, boxes)), np.int32, 4 * n)
        return xywh.reshape(n, 4), True
    except OverflowError:  # coordinates beyond int32: edges in Python, then saturate
        return _rects(np.array([(b.left, b.top, b.right, b.bottom) for b in boxes])), False


def paint_boxes(
    image: np.ndarray,
    boxes: Sequence[Box] | np.ndarray,
    colours: Rgb | Sequence[Rgb] | np.ndarray,
    padding: int = 0,
) -> int:
    """Fill each box (grown by padding pixels, clipped to the image) with its colour, in order.

    image: uint8, uint16 or float32; (h, w) or (h, w, c) in OpenCV channel order (gray,
    gray + alpha, BGR, BGRA); C-contiguous. It is painted in place.
    boxes: a sequence of Box, or an (n, 4) integer array of (left, top, right, bottom) with
    right and bottom exclusive; int32 C-contiguous arrays are used as they are, other integer
    types are converted (saturating at the int32 range, which clips the same).
    colours: one RGB colour (r, g, b) in 0-255 for every box, or one per box as a sequence of
    n RGB tuples or an (n, 3) array. Alpha channels are painted opaque.
    Where boxes overlap, the later one wins. Returns the number of boxes that touched the image.
    """
    one = _is_one_colour(colours)
    if not one and len(boxes) != len(colours):
        raise ValueError("one colour per box")
    if image.dtype not in _SCALE:
        raise TypeError(f"unsupported pixel type {image.dtype}")
    if not image.flags.c_contiguous:
        raise ValueError("image must be C-contiguous")
    n = len(boxes)
    if not n:
        return 0
    channels = image.shape[2] if image.ndim == 3 else 1
    table = _row(colours, channels, image.dtype) if one else _table(colours, channels, image.dtype)
    if isinstance(boxes, np.ndarray) or not isinstance(boxes[0], Box):
        return fill_rects(image, _rects(boxes), table, padding)
    rects, sizes = _box_rects(boxes)
    return fill_rects(image, rects, table, padding, sizes)
