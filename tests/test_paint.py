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


# ----- the kernel against a plain numpy loop, on every layout and fast path


def _reference(image: np.ndarray, rects: np.ndarray, table: np.ndarray, padding: int = 0) -> int:
    """What fill_rects must do, one numpy slice per rectangle, in order."""
    h, w = image.shape[:2]
    painted = 0
    for i, (x0, y0, x1, y1) in enumerate(rects.tolist()):
        x0, y0 = max(0, x0 - padding), max(0, y0 - padding)
        x1, y1 = min(w, x1 + padding), min(h, y1 + padding)
        if x0 < x1 and y0 < y1:
            image[y0:y1, x0:x1] = table[i if len(table) > 1 else 0].reshape(image.shape[2:])
            painted += 1
    return painted


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.float32])
@pytest.mark.parametrize("channels", [None, 1, 2, 3, 4])
@pytest.mark.parametrize("padding", [0, 2, -1])
def test_random_overlapping_rects_match_a_numpy_loop(dtype, channels, padding) -> None:
    # Out-of-range and empty rects, overlaps, and colours that repeat, alternate and come back,
    # with uniform bytes (memset) and without (the repeated-pixel row), on every layout.
    rng = np.random.default_rng(channels or 0)
    shape = (37, 53) if channels is None else (37, 53, channels)
    c = 1 if channels is None else channels
    image = rng.integers(0, 200, shape).astype(dtype)
    expected = image.copy()
    n = 400
    x0 = rng.integers(-20, 60, n)
    y0 = rng.integers(-20, 45, n)
    rects = np.stack([x0, y0, x0 + rng.integers(-3, 30, n), y0 + rng.integers(-3, 20, n)], 1)
    rects = rects.astype(np.int32)
    palette = np.array(
        [[0] * c, [255] * c, [1, 2, 3, 4][:c], [7] * c, [9, 9, 8, 9][:c]], dtype
    ).reshape(5, c)
    table = np.ascontiguousarray(palette[rng.integers(0, 5, n)])
    painted = fill_rects(image.reshape(37, 53, -1), rects, table, padding)
    assert painted == _reference(expected.reshape(37, 53, -1), rects, table, padding)
    assert painted > 100
    np.testing.assert_array_equal(image, expected)
    # One colour for all: a (1, channels) table.
    one = palette[2:3].copy()
    fill_rects(image.reshape(37, 53, -1), rects, one, padding)
    _reference(expected.reshape(37, 53, -1), rects, one, padding)
    np.testing.assert_array_equal(image, expected)


def test_overlapping_boxes_are_painted_in_order_later_wins() -> None:
    for shape in [(10, 10), (10, 10, 3)]:
        image = np.full(shape, 255, np.uint8)
        boxes = [Box(0, 0, 6, 6), Box(3, 3, 6, 6), Box(0, 0, 4, 4)]
        paint_boxes(image, boxes, [(255, 0, 0), (0, 0, 255), (255, 0, 0)])
        red = 76 if len(shape) == 2 else [0, 0, 255]  # gray of red, or BGR red
        blue = 29 if len(shape) == 2 else [255, 0, 0]
        assert (image[0:4, 0:4] == red).all()
        assert (image[4:9, 4:9] == blue).all()
        assert (image[0:3, 5] == red).all() and (image[5, 0:3] == red).all()


def test_an_int32_rect_array_paints_like_the_same_boxes() -> None:
    boxes = [Box(1, 2, 5, 3), Box(10, 0, 4, 20), Box(-3, 15, 8, 8)]
    rects = np.array([(b.left, b.top, b.right, b.bottom) for b in boxes], np.int32)
    colours = [(10, 20, 30), (200, 100, 0), (10, 20, 30)]
    by_box = np.zeros((20, 20, 3), np.uint8)
    by_rect = np.zeros((20, 20, 3), np.uint8)
    assert paint_boxes(by_box, boxes, colours, padding=1) == 3
    assert paint_boxes(by_rect, rects, colours, padding=1) == 3
    np.testing.assert_array_equal(by_box, by_rect)
    assert by_rect[3, 2].tolist() == [30, 20, 10]


@pytest.mark.parametrize(
    "rects",
    [
        np.array([[1, 1, 4, 3], [5, 5, 7, 9]], np.int64),
        np.array([[1, 1, 4, 3], [5, 5, 7, 9]], np.uint16),
        np.array([[1, 1, 4, 3], [5, 5, 7, 9]], np.int32).T.copy().T,  # Fortran order
        [(1, 1, 4, 3), (5, 5, 7, 9)],
    ],
    ids=["int64", "uint16", "fortran", "tuples"],
)
def test_other_integer_rects_are_converted(rects) -> None:
    image = np.zeros((10, 10), np.uint8)
    assert paint_boxes(image, rects, (255, 255, 255)) == 2
    expected = np.zeros((10, 10), np.uint8)
    expected[1:3, 1:4] = 255
    expected[5:9, 5:7] = 255
    np.testing.assert_array_equal(image, expected)


def test_float_rects_are_rejected() -> None:
    with pytest.raises(TypeError, match="rects must be integers"):
        paint_boxes(np.zeros((4, 4), np.uint8), np.zeros((1, 4)), (0, 0, 0))


@pytest.mark.parametrize(
    "colours",
    [(0, 128, 255), [0, 128, 255], np.array([0, 128, 255]), [(0, 128, 255)] * 3],
    ids=["tuple", "list", "array", "one-per-box"],
)
def test_one_colour_for_all_boxes(colours) -> None:
    image = np.zeros((10, 10, 3), np.uint8)
    boxes = [Box(0, 0, 2, 2), Box(4, 4, 2, 2), Box(8, 8, 2, 2)]
    assert paint_boxes(image, boxes, colours) == 3
    for b in boxes:
        assert (image[b.top : b.bottom, b.left : b.right] == [255, 128, 0]).all()
    assert (image[3, 3] == 0).all()


def test_one_colour_per_box_as_an_array_or_lists() -> None:
    boxes = np.array([[0, 0, 2, 2], [2, 0, 4, 2], [4, 0, 6, 2]], np.int32)
    rgb = [[255, 0, 0], [0, 255, 0], [255, 0, 0]]
    for colours in (np.array(rgb, np.uint8), rgb):
        image = np.zeros((2, 6, 4), np.uint8)
        paint_boxes(image, boxes, colours)
        assert (
            image[0, :, :].tolist()
            == [[0, 0, 255, 255]] * 2 + [[0, 255, 0, 255]] * 2 + [[0, 0, 255, 255]] * 2
        )
    with pytest.raises(ValueError, match="one colour per box"):
        paint_boxes(image, boxes, np.zeros((2, 3)))


@pytest.mark.parametrize(
    ("dtype", "rgb", "expected"),
    [
        (np.uint16, (0, 0, 0), [0, 0, 0]),  # memset
        (np.uint16, (255, 255, 255), [65535, 65535, 65535]),  # memset of 0xff
        (np.uint16, (255, 1, 0), [0, 257, 65535]),
        (np.float32, (0, 0, 0), [0.0, 0.0, 0.0]),  # memset
        (np.float32, (255, 51, 0), [0.0, 0.2, 1.0]),
    ],
)
def test_uint16_and_float32_pixels_are_painted_whole(dtype, rgb, expected) -> None:
    image = np.full((12, 40, 3), 3, dtype)
    rects = np.array([[1, 1, 39, 11], [50, 0, 60, 5]], np.int32)  # wide, and one outside
    assert paint_boxes(image, rects, rgb) == 1
    np.testing.assert_allclose(image[1:11, 1:39].reshape(-1, 3), [expected] * 380, rtol=1e-6)
    assert (image[0] == 3).all() and (image[:, 0] == 3).all() and (image[:, 39] == 3).all()


@pytest.mark.parametrize("rgb", [(0, 0, 0), (255, 255, 255), (10, 200, 30)])
def test_one_channel_images_take_the_memset_path_for_any_colour(rgb) -> None:
    gray = round(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2])
    for shape in [(9, 9), (9, 9, 1)]:
        image = np.full(shape, 5, np.uint8)
        assert paint_boxes(image, [Box(2, 3, 5, 4)], rgb) == 1
        assert (image[3:7, 2:7] == gray).all()
        assert (image == gray).sum() == 20


def test_huge_and_negative_coordinates_are_clipped() -> None:
    big, small = np.iinfo(np.int32).max, np.iinfo(np.int32).min
    image = np.zeros((6, 8), np.uint8)
    rects = np.array(
        [[small, small, big, 0], [small, big, big, big], [big, big, big, big], [small, 0, -4, 9]],
        np.int32,
    )
    # big + 3 and small - 3 would wrap in 32 bits; the kernel adds in 64.
    assert paint_boxes(image, rects, (255, 255, 255), padding=3) == 1
    assert (image[:3] == 255).all() and not image[3:].any()
    # Beyond int32: arrays saturate, Boxes are summed in Python; both clip the same.
    image = np.zeros((6, 8), np.uint8)
    assert paint_boxes(image, np.array([[-(2**40), 1, 2**40, 2]]), (255, 255, 255)) == 1
    assert (image[1] == 255).all() and image.sum() == 8 * 255
    image = np.zeros((6, 8), np.uint8)
    assert paint_boxes(image, [Box(-(2**40), 3, 2**40 + 2, 1)], (255, 255, 255)) == 1
    assert (image[3, :2] == 255).all() and image.sum() == 2 * 255
    image = np.zeros((6, 8), np.uint8)
    assert paint_boxes(image, [Box(2**40, 0, 1, 1), Box(0, -(2**35), 1, 1)], (9, 9, 9)) == 0
    assert not image.any()


def test_zero_size_and_inverted_rects_paint_nothing() -> None:
    image = np.zeros((6, 6, 3), np.uint8)
    rects = np.array([[2, 2, 2, 5], [2, 2, 5, 2], [4, 4, 1, 5], [4, 4, 5, 1]], np.int32)
    assert paint_boxes(image, rects, (255, 0, 0)) == 0
    boxes = [Box(1, 1, 0, 3), Box(1, 1, 3, 0), Box(3, 3, -2, 2)]
    assert paint_boxes(image, boxes, (255, 0, 0)) == 0
    assert not image.any()
    # Padding can grow an empty rect into one pixel, and shrink a small one to nothing.
    assert paint_boxes(image, [Box(3, 3, 0, 0), Box(0, 0, 2, 2)], (255, 0, 0), padding=1) == 2
    assert paint_boxes(image, [Box(0, 0, 2, 2)], (0, 255, 0), padding=-1) == 0
    assert (image[2:4, 2:4] == [0, 0, 255]).all() and (image[0:3, 0:3] == [0, 0, 255]).all()
    assert (image.any(axis=2)).sum() == 9 + 4 - 1  # the two squares share (2, 2)


def test_no_boxes_paint_nothing() -> None:
    image = np.zeros((4, 4), np.uint8)
    assert paint_boxes(image, [], []) == 0
    assert paint_boxes(image, np.zeros((0, 4), np.int32), (255, 255, 255)) == 0
    assert fill_rects(image, np.zeros((0, 4), np.int32), np.zeros((1, 1), np.uint8)) == 0
    assert not image.any()


def test_the_kernel_checks_what_keeps_it_inside_its_buffers() -> None:
    image = np.zeros((4, 4, 3), np.uint8)
    rects = np.zeros((2, 4), np.int32)
    colours = np.zeros((2, 3), np.uint8)
    with pytest.raises(ValueError, match=r"rects must have shape \(n, 4\)"):
        fill_rects(image, np.zeros((2, 3), np.int32), colours)
    with pytest.raises(TypeError, match="rects must be int32"):
        fill_rects(image, rects.astype(np.int64), colours)
    with pytest.raises(ValueError, match="colours must have shape"):
        fill_rects(image, rects, np.zeros((3, 3), np.uint8))
    with pytest.raises(TypeError, match="colours must have the image's dtype"):
        fill_rects(image, rects, colours.astype(np.uint16))
    with pytest.raises(ValueError, match="colours must be C-contiguous"):
        fill_rects(image, rects, np.zeros((3, 2), np.uint8).T)
    with pytest.raises(TypeError, match="unsupported pixel type"):
        fill_rects(image.astype(np.int16), rects, colours.astype(np.int16))
    with pytest.raises(ValueError, match="image must have shape"):
        fill_rects(np.zeros(4, np.uint8), rects, np.zeros((2, 1), np.uint8))
    with pytest.raises(ValueError, match="C-contiguous"):
        fill_rects(np.zeros((4, 8, 3), np.uint8)[:, ::2], rects, colours)
    image.flags.writeable = False
    with pytest.raises(ValueError, match="image must be writable"):
        fill_rects(image, rects, colours)
    with pytest.raises(TypeError, match="unsupported pixel type"):
        paint_boxes(np.zeros((2, 2), np.int64), [Box(0, 0, 1, 1)], (0, 0, 0))
