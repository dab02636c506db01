"""The native painter: many boxes in one call, clipped, padded, in the image's own layout."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from inkout._paint import fill_rects
from inkout.model import Box
from inkout.paint import paint_boxes


def test_paints_each_box_with_its_colour_in_bgr_order() -> None:
    image = np.full((20, 20, 3), 255, np.uint8)
    paint_boxes(image, [Box(1, 1, 3, 3), Box(10, 10, 2, 2)], [(255, 0, 0), (0, 0, 255)])
    assert (image[1:4, 1:4] == [0, 0, 255]).all()  # red is (B, G, R) = (0, 0, 255)
    assert (image[10:12, 10:12] == [255, 0, 0]).all()
    assert image[5, 5].tolist() == [255, 255, 255]


def test_boxes_are_clipped_to_the_image_and_outside_ones_ignored() -> None:
    image = np.full((10, 10), 200, np.uint8)
    painted = paint_boxes(
        image, [Box(-5, -5, 8, 8), Box(8, 8, 10, 10), Box(50, 50, 3, 3)], [(0, 0, 0)] * 3
    )
    assert painted == 2
    assert (image[:3, :3] == 0).all() and (image[8:, 8:] == 0).all()
    assert (image[4:7, 4:7] == 200).all()


def test_padding_grows_every_box_on_all_sides() -> None:
    image = np.full((10, 10), 255, np.uint8)
    paint_boxes(image, [Box(4, 4, 2, 2)], [(0, 0, 0)], padding=1)
    assert (image[3:7, 3:7] == 0).all()
    assert image[2, 2] == 255 and image[7, 7] == 255


@pytest.mark.parametrize(
    ("shape", "dtype", "expected"),
    [
        ((6, 6), np.uint16, [0]),
        ((6, 6, 4), np.uint8, [0, 0, 0, 255]),
        ((6, 6, 3), np.uint16, [0, 0, 0]),
        ((6, 6, 3), np.float32, [0.0, 0.0, 0.0]),
    ],
)
def test_gray_alpha_16_bit_and_float_images_are_painted(shape, dtype, expected) -> None:
    image = np.ones(shape, dtype) * (1 if dtype == np.float32 else 7)
    if len(shape) == 3 and shape[2] == 4:
        image[..., 3] = 0  # transparent: the box must still show
    paint_boxes(image, [Box(1, 1, 2, 2)], [(0, 0, 0)])
    assert np.asarray(image[1, 1]).reshape(-1).tolist() == expected


def test_white_on_16_bit_is_full_scale() -> None:
    image = np.zeros((4, 4), np.uint16)
    paint_boxes(image, [Box(0, 0, 1, 1)], [(255, 255, 255)])
    assert image[0, 0] == 65535


def test_ten_thousand_boxes_in_one_call() -> None:
    rng = np.random.default_rng(7)
    image = np.full((400, 400, 3), 255, np.uint8)
    xy = rng.integers(0, 400, size=(10_000, 2))
    boxes = [Box(int(x), int(y), 3, 3) for x, y in xy]
    assert paint_boxes(image, boxes, [(0, 0, 0)] * len(boxes)) == 10_000
    expected = np.full((400, 400), False)
    for x, y in xy:
        expected[y : y + 3, x : x + 3] = True
    assert ((image[..., 0] == 0) == expected).all()


def test_the_kernel_releases_the_gil_so_threads_paint_at_once() -> None:
    # Two threads each paint their own image; both finish and paint exactly their boxes.
    images = [np.full((500, 500, 3), 255, np.uint8) for _ in range(2)]
    rects = np.array([[0, 0, 500, 500]] * 50, np.int32)
    colours = np.zeros((50, 3), np.uint8)
    threads = [threading.Thread(target=fill_rects, args=(im, rects, colours)) for im in images]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all((im == 0).all() for im in images)


def test_mismatched_colours_are_rejected() -> None:
    with pytest.raises(ValueError, match="one colour per box"):
        paint_boxes(np.zeros((2, 2), np.uint8), [Box(0, 0, 1, 1)], [])
    with pytest.raises(ValueError, match="colours must have shape"):
        fill_rects(
            np.zeros((2, 2, 3), np.uint8), np.zeros((1, 4), np.int32), np.zeros((1, 1), np.uint8)
        )


def test_a_non_contiguous_image_is_rejected_rather_than_painted_in_a_copy() -> None:
    image = np.zeros((4, 8), np.uint8)[:, ::2]
    with pytest.raises(ValueError, match="C-contiguous"):
        paint_boxes(image, [Box(0, 0, 1, 1)], [(0, 0, 0)])
