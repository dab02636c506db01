"""Painter: the Cython kernel against a numpy slice-fill loop and cv2.rectangle on a 4K image.

Every painter is called the same way: the image, the same list of Box (what inkout.redact
passes) and one RGB colour, and each does its own conversion inside the timed call: the native
painter turns the boxes into its int32 rect array, the other two read box attributes in a plain
Python loop, as a user would write it. After timing, each painter paints a fresh white image and
must paint exactly the pixels the numpy loop paints.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from inkout.model import Box
from inkout.paint import paint_boxes

WIDTH, HEIGHT = 3840, 2160


def _boxes(n: int) -> list[Box]:
    rng = np.random.default_rng(n)
    xy = rng.integers(0, [WIDTH - 200, HEIGHT - 40], size=(n, 2))
    wh = rng.integers([20, 12], [200, 40], size=(n, 2))
    return [Box(int(x), int(y), int(w), int(h)) for (x, y), (w, h) in zip(xy, wh, strict=True)]


def numpy_loop(image: np.ndarray, boxes: list[Box], colour: tuple[int, int, int]) -> None:
    h, w = image.shape[:2]
    bgr = colour[::-1]
    for b in boxes:
        image[max(0, b.top) : min(h, b.bottom), max(0, b.left) : min(w, b.right)] = bgr


def opencv(image: np.ndarray, boxes: list[Box], colour: tuple[int, int, int]) -> None:
    bgr = colour[::-1]
    for b in boxes:
        cv2.rectangle(image, (b.left, b.top), (b.right - 1, b.bottom - 1), bgr, thickness=-1)


def native(image: np.ndarray, boxes: list[Box], colour: tuple[int, int, int]) -> None:
    paint_boxes(image, boxes, colour)


PAINTERS = {"cython": native, "numpy_loop": numpy_loop, "cv2_rectangle": opencv}


@pytest.fixture(scope="module")
def canvas() -> np.ndarray:
    return np.full((HEIGHT, WIDTH, 3), 255, np.uint8)


@pytest.mark.parametrize("count", [1, 100, 10_000])
@pytest.mark.parametrize("painter", list(PAINTERS))
def test_painter(benchmark, canvas, painter: str, count: int, report) -> None:
    boxes = _boxes(count)
    benchmark.group = f"painter {count} boxes, 3840x2160"
    benchmark(PAINTERS[painter], canvas, boxes, (0, 0, 0))
    report.painter(painter, count, benchmark.stats.stats.median)
    # Every painter paints the same pixels.
    check = np.full((HEIGHT, WIDTH, 3), 255, np.uint8)
    PAINTERS[painter](check, boxes, (0, 0, 0))
    reference = np.full((HEIGHT, WIDTH, 3), 255, np.uint8)
    numpy_loop(reference, boxes, (0, 0, 0))
    assert (check == reference).all()
