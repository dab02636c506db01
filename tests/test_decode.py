"""decode(): every supported format and mode lands in OpenCV's layout, and every input we
cannot redact faithfully is refused with InvalidArgument and a message saying what to send."""

from __future__ import annotations

import base64
import io
import struct
import warnings
import zlib

import cv2
import numpy as np
import pytest
from helpers import noise, png_chunk, png_claiming
from PIL import Image, ImageOps
from render import encode as pil_bytes

from inkout import decode as decode_module
from inkout.decode import DecodedImage, decode
from inkout.errors import InvalidArgument
from inkout.model import Box
from inkout.paint import paint_boxes

LIMIT = 10_000_000
H, W = 30, 40


def smooth_rgb(height: int = H, width: int = W) -> np.ndarray:
    """A gradient with a dark corner block: survives JPEG nearly unchanged, and is asymmetric."""
    yy, xx = np.mgrid[0:height, 0:width]
    rgb = np.dstack([xx * 255 // width, yy * 255 // height, np.full_like(xx, 128)]).astype(np.uint8)
    rgb[: height // 3, : width // 4] = (20, 20, 20)
    return rgb


def cv_bytes(pixels: np.ndarray, ext: str) -> bytes:
    ok, buf = cv2.imencode(ext, pixels)
    assert ok
    return buf.tobytes()


def tiff_by_hand(width: int, height: int, order: str) -> bytes:
    """An uncompressed 8-bit gray TIFF in either byte order (Pillow writes only little-endian)."""
    pixels = bytes(i % 256 for i in range(width * height))
    shorts = [(256, width), (257, height), (258, 8), (259, 1), (262, 1), (277, 1), (278, height)]
    entries = 9
    data_at = 8 + 2 + entries * 12 + 4
    ifd = struct.pack(order + "H", entries)
    for tag, value in shorts[:5]:
        ifd += struct.pack(order + "HHIHH", tag, 3, 1, value, 0)
    ifd += struct.pack(order + "HHII", 273, 4, 1, data_at)
    for tag, value in shorts[5:]:
        ifd += struct.pack(order + "HHIHH", tag, 3, 1, value, 0)
    ifd += struct.pack(order + "HHII", 279, 4, 1, len(pixels))
    ifd += struct.pack(order + "I", 0)
    magic = b"MM" if order == ">" else b"II"
    return magic + struct.pack(order + "HI", 42, 8) + ifd + pixels


def one_of_each() -> dict[str, bytes]:
    rgb = Image.fromarray(smooth_rgb())
    return {
        "png": pil_bytes(rgb, "PNG"),
        "jpeg": pil_bytes(rgb, "JPEG"),
        "bmp": pil_bytes(rgb, "BMP"),
        "tiff": pil_bytes(rgb, "TIFF"),
        "webp": pil_bytes(rgb, "WEBP", lossless=True),
        "gif": pil_bytes(rgb.convert("P"), "GIF"),
    }


EACH = one_of_each()


def rejected(data: bytes, declared: str = "IMAGE", limit: int = LIMIT) -> str:
    with pytest.raises(InvalidArgument) as raised:
        decode(data, declared, limit)
    return str(raised.value)


# ----- layouts -----


def _bgr(rgb: np.ndarray) -> np.ndarray:
    return rgb[:, :, [2, 1, 0, 3]] if rgb.shape[2] == 4 else rgb[:, :, ::-1]


LOSSLESS = {
    "png gray": ("PNG", lambda: noise((H, W)), lambda a: a),
    "png rgb": ("PNG", lambda: noise((H, W, 3)), _bgr),
    "png rgba": ("PNG", lambda: noise((H, W, 4)), _bgr),
    "png 16-bit gray": ("PNG", lambda: noise((H, W), np.uint16), lambda a: a),
    "bmp gray": ("BMP", lambda: noise((H, W)), lambda a: a),
    "bmp rgb": ("BMP", lambda: noise((H, W, 3)), _bgr),
    "tiff gray": ("TIFF", lambda: noise((H, W)), lambda a: a),
    "tiff rgb": ("TIFF", lambda: noise((H, W, 3)), _bgr),
    "tiff 16-bit gray": ("TIFF", lambda: noise((H, W), np.uint16), lambda a: a),
    "tiff float": ("TIFF", lambda: noise((H, W), np.float32), lambda a: a),
    "webp rgb": ("WEBP", lambda: noise((H, W, 3)), _bgr),
    "webp rgba": ("WEBP", lambda: noise((H, W, 4)), _bgr),
}


@pytest.mark.parametrize("case", list(LOSSLESS))
def test_each_format_and_mode_decodes_to_opencv_layout_unchanged(case: str) -> None:
    fmt, make, expect = LOSSLESS[case]
    source = make()
    options = {"lossless": True, "exact": True} if fmt == "WEBP" else {}
    data = pil_bytes(Image.fromarray(source), fmt, **options)
    image = decode(data, "IMAGE", LIMIT)
    assert image.format == fmt.lower()
    assert image.pixels.dtype == source.dtype
    np.testing.assert_array_equal(image.pixels, expect(source))


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_jpeg_decodes_gray_as_gray_and_colour_as_bgr(mode: str) -> None:
    source = Image.fromarray(smooth_rgb()).convert(mode)
    data = pil_bytes(source, "JPEG", quality=95)
    image = decode(data, "IMAGE_JPEG", LIMIT)
    reference = np.array(Image.open(io.BytesIO(data)))
    reference = reference if mode == "L" else reference[:, :, ::-1]
    assert image.format == "jpeg"
    assert image.pixels.shape == reference.shape and image.pixels.dtype == np.uint8
    assert np.abs(image.pixels.astype(int) - reference).mean() < 1.5


@pytest.mark.parametrize(("ext", "fmt"), [(".png", "png"), (".tiff", "tiff")])
@pytest.mark.parametrize("channels", [3, 4])
def test_16_bit_colour_is_kept_16_bit(ext: str, fmt: str, channels: int) -> None:
    source = noise((H, W, channels), np.uint16)
    image = decode(cv_bytes(source, ext), "IMAGE", LIMIT)
    assert image.format == fmt
    assert image.pixels.dtype == np.uint16
    np.testing.assert_array_equal(image.pixels, source)


def test_palette_png_becomes_bgr_and_with_transparency_bgra() -> None:
    rgb = Image.fromarray(smooth_rgb())
    palette = rgb.convert("P")
    image = decode(pil_bytes(palette, "PNG"), "IMAGE_PNG", LIMIT)
    np.testing.assert_array_equal(image.pixels, np.array(palette.convert("RGB"))[:, :, ::-1])

    data = pil_bytes(palette, "PNG", transparency=0)
    image = decode(data, "IMAGE_PNG", LIMIT)
    expected = np.array(Image.open(io.BytesIO(data)).convert("RGBA"))
    assert image.pixels.shape == (H, W, 4)
    np.testing.assert_array_equal(image.pixels[:, :, 3], expected[:, :, 3])


def test_rgba_tiff_keeps_its_colours_where_it_is_semi_transparent() -> None:
    # OpenCV's 8-bit TIFF reader premultiplies unassociated alpha (Pillow's and most tools'
    # RGBA TIFFs); decode undoes it, so semi-transparent pixels do not come back darker.
    rgba = noise((H, W, 4))
    rgba[:, :, 3] = np.clip(rgba[:, :, 3], 128, 255)
    rgba[:5, :, 3] = 255
    image = decode(pil_bytes(Image.fromarray(rgba), "TIFF"), "IMAGE", LIMIT).pixels
    expected = _bgr(rgba)
    assert image.shape == (H, W, 4) and image.dtype == np.uint8
    np.testing.assert_array_equal(image[:, :, 3], rgba[:, :, 3])
    np.testing.assert_array_equal(image[:5], expected[:5])
    assert np.abs(image.astype(int) - expected).max() <= 1


def test_gray_with_alpha_png_becomes_bgra() -> None:
    la = np.dstack([noise((H, W)), noise((H, W), seed=1)])
    image = decode(pil_bytes(Image.fromarray(la, "LA"), "PNG"), "IMAGE", LIMIT)
    expected = np.dstack([la[:, :, 0]] * 3 + [la[:, :, 1]])
    np.testing.assert_array_equal(image.pixels, expected)


def test_gif_decodes_its_first_frame_only() -> None:
    red, green = Image.new("RGB", (W, H), (255, 0, 0)), Image.new("RGB", (W, H), (0, 255, 0))
    data = pil_bytes(red, "GIF", save_all=True, append_images=[green])
    image = decode(data, "IMAGE", LIMIT)
    assert image.format == "gif"
    assert image.pixels.shape[:2] == (H, W)
    assert (image.pixels[:, :, :3] == (0, 0, 255)).all()


def test_multipage_tiff_decodes_its_first_page_only() -> None:
    red, green = Image.new("RGB", (W, H), (255, 0, 0)), Image.new("RGB", (20, 10), (0, 255, 0))
    data = pil_bytes(red, "TIFF", save_all=True, append_images=[green])
    image = decode(data, "IMAGE", LIMIT)
    assert image.pixels.shape == (H, W, 3)
    assert (image.pixels == (0, 0, 255)).all()


def test_animated_webp_decodes_its_first_frame() -> None:
    red, green = Image.new("RGB", (W, H), (255, 0, 0)), Image.new("RGB", (W, H), (0, 255, 0))
    data = pil_bytes(red, "WEBP", save_all=True, append_images=[green], lossless=True)
    image = decode(data, "IMAGE", LIMIT)
    assert image.pixels.shape[:2] == (H, W)
    assert (image.pixels[:, :, :3] == (0, 0, 255)).all()


@pytest.mark.parametrize("fmt", list(EACH))
def test_pixels_are_contiguous_writeable_and_the_painter_paints_them(fmt: str) -> None:
    image = decode(EACH[fmt], "IMAGE", LIMIT)
    assert isinstance(image, DecodedImage)
    assert image.pixels.flags.c_contiguous and image.pixels.flags.writeable
    assert paint_boxes(image.pixels, [Box(5, 5, 10, 10)], [(0, 0, 0)]) == 1
    assert (image.pixels[5:15, 5:15, :3] == 0).all()


# ----- declared types -----


@pytest.mark.parametrize("declared", ["IMAGE", "BYTES_TYPE_UNSPECIFIED"])
@pytest.mark.parametrize("fmt", list(EACH))
def test_image_and_unspecified_accept_every_supported_format(declared: str, fmt: str) -> None:
    assert decode(EACH[fmt], declared, LIMIT).format == fmt


@pytest.mark.parametrize(
    ("declared", "fmt"), [("IMAGE_PNG", "png"), ("IMAGE_JPEG", "jpeg"), ("IMAGE_BMP", "bmp")]
)
def test_a_specific_image_type_accepts_its_own_format(declared: str, fmt: str) -> None:
    assert decode(EACH[fmt], declared, LIMIT).format == fmt


@pytest.mark.parametrize(
    ("declared", "fmt", "message"),
    [
        (
            "IMAGE_PNG",
            "jpeg",
            "byte_item.type is IMAGE_PNG but the bytes are a JPEG image: "
            "set type to IMAGE_JPEG or IMAGE",
        ),
        ("IMAGE_JPEG", "png", "but the bytes are a PNG image: set type to IMAGE_PNG or IMAGE"),
        ("IMAGE_BMP", "gif", "but the bytes are a GIF image: set type to IMAGE"),
        ("IMAGE_JPEG", "tiff", "but the bytes are a TIFF image: set type to IMAGE"),
        ("IMAGE_PNG", "webp", "but the bytes are a WebP image: set type to IMAGE"),
    ],
)
def test_bytes_that_contradict_the_declared_type_are_rejected_saying_which_type_to_set(
    declared: str, fmt: str, message: str
) -> None:
    assert message in rejected(EACH[fmt], declared)


@pytest.mark.parametrize(
    "declared", ["TEXT_UTF8", "PDF", "WORD_DOCUMENT", "CSV", "AUDIO", "SOMETHING_NEW"]
)
def test_declared_types_inkout_does_not_redact_are_rejected(declared: str) -> None:
    message = rejected(EACH["png"], declared)
    assert f"byte_item.type is {declared}, which inkout does not redact" in message
    assert "IMAGE" in message and "PNG, JPEG, BMP, TIFF, WebP or GIF" in message


def test_svg_is_rejected_with_advice_to_render_it() -> None:
    message = rejected(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "IMAGE_SVG")
    assert "IMAGE_SVG" in message and "render the SVG to PNG" in message


# ----- bytes that are not a supported image -----


def test_empty_bytes_are_rejected() -> None:
    assert "byte_item.data is empty" in rejected(b"")


def test_bytes_in_no_supported_format_are_rejected_naming_the_formats() -> None:
    message = rejected(b"hello, I am text" * 10)
    assert "the first bytes look like neither PNG, JPEG, BMP, TIFF, WebP nor GIF" in message
    assert "68 65 6c 6c 6f" in message  # the first bytes, to debug with


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (base64.b64encode(EACH["png"]), "base64"),
        (b"data:image/png;base64," + base64.b64encode(EACH["png"]), "data: URL"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"<?xml version='1.0'?><svg/>", "SVG"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
    ],
)
def test_common_mistakes_get_a_hint(data: bytes, hint: str) -> None:
    message = rejected(data)
    assert "look like neither" in message and hint in message


@pytest.mark.parametrize("fmt", ["JPEG", "JPEG progressive"])
@pytest.mark.parametrize("keep", [0.5, 0.9, -2, -1])
def test_truncated_jpeg_is_rejected_as_truncated(fmt: str, keep: float) -> None:
    # The comment holds FF D9 before the image data: it must not pass for the end marker.
    data = pil_bytes(
        Image.fromarray(noise((64, 64, 3))),
        "JPEG",
        progressive=fmt.endswith("progressive"),
        comment=b"\xff\xd9",
    )
    assert decode(data, "IMAGE", LIMIT).pixels.shape == (64, 64, 3)
    cut = data[: int(len(data) * keep)] if keep > 0 else data[: int(keep)]
    message = rejected(cut)
    assert "JPEG data is truncated" in message and "send the complete file" in message


def test_jpeg_with_data_after_its_end_marker_is_accepted() -> None:
    # Phones append more images (MPF) after the primary image's end marker.
    data = EACH["jpeg"] + EACH["jpeg"] + b"trailer"
    assert decode(data, "IMAGE", LIMIT).pixels.shape == (H, W, 3)


@pytest.mark.parametrize("cut", [12, 13, 200])
def test_truncated_png_is_rejected_as_truncated(cut: int) -> None:
    data = pil_bytes(Image.fromarray(noise((64, 64, 3))), "PNG")
    message = rejected(data[:-cut])
    assert "PNG data is truncated" in message


def test_truncated_webp_is_rejected_as_truncated() -> None:
    data = pil_bytes(Image.fromarray(noise((64, 64, 3))), "WEBP")
    assert "WebP data is truncated" in rejected(data[:-100])


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "GIF"])
def test_truncated_bmp_tiff_and_gif_are_rejected(fmt: str) -> None:
    source = Image.fromarray(noise((64, 64, 3)))
    data = pil_bytes(source.convert("P") if fmt == "GIF" else source, fmt)
    message = rejected(data[: len(data) * 3 // 4])
    assert fmt in message and "send an intact" in message


def test_corrupt_image_data_is_rejected() -> None:
    data = bytearray(pil_bytes(Image.fromarray(noise((64, 64, 3))), "PNG"))
    idat = data.find(b"IDAT")
    data[idat + 20 : idat + 60] = b"\x55" * 40
    message = rejected(bytes(data))
    assert "PNG image cannot be decoded" in message and "send an intact PNG file" in message


def test_an_unreadable_header_is_rejected() -> None:
    message = rejected(b"BM\x00\x01")
    assert "BMP header is unreadable" in message and "send an intact BMP file" in message


def test_tiff_with_samples_the_painter_cannot_paint_is_rejected() -> None:
    message = rejected(cv_bytes(np.ones((H, W), np.int32), ".tiff"))
    assert "int32" in message and "16-bit" in message


# ----- the pixel limit -----


def test_a_header_claiming_more_pixels_than_the_limit_is_rejected_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_decoding(*args: object) -> None:
        raise AssertionError("the decoder ran on an image over the limit")

    monkeypatch.setattr(decode_module.cv2, "imdecode", no_decoding)
    message = rejected(png_claiming(30000, 30000), "IMAGE_PNG", 100_000_000)
    assert "30000x30000 = 900,000,000 pixels" in message
    assert "limit of 100,000,000 pixels" in message and "configurable on the server" in message


def _limit_cases() -> dict[str, bytes]:
    rgb = Image.fromarray(smooth_rgb())
    rgba = rgb.convert("RGBA")
    return {
        "png": pil_bytes(rgb, "PNG"),
        "jpeg": pil_bytes(rgb, "JPEG"),
        "jpeg progressive": pil_bytes(rgb, "JPEG", progressive=True),
        "bmp": pil_bytes(rgb, "BMP"),
        "bmp with alpha": cv_bytes(np.array(rgba), ".bmp"),
        "tiff little-endian": pil_bytes(rgb, "TIFF"),
        "tiff big-endian": tiff_by_hand(W, H, ">"),
        "bigtiff": pil_bytes(rgb, "TIFF", big_tiff=True),
        "webp lossy": pil_bytes(rgb, "WEBP"),
        "webp lossless": pil_bytes(rgb, "WEBP", lossless=True),
        "webp with alpha": pil_bytes(rgba, "WEBP"),
        "gif": pil_bytes(rgb.convert("P"), "GIF"),
    }


LIMIT_CASES = _limit_cases()


@pytest.mark.parametrize("case", list(LIMIT_CASES))
def test_the_limit_is_read_from_every_formats_header(case: str) -> None:
    data = LIMIT_CASES[case]
    assert decode(data, "IMAGE", W * H).pixels.shape[:2] == (H, W)
    message = rejected(data, "IMAGE", W * H - 1)
    assert f"{W}x{H} = {W * H:,} pixels" in message


def test_the_limit_in_force_is_ours_not_pillows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode(EACH["png"], "IMAGE", LIMIT).pixels.shape == (H, W, 3)
        # Over Pillow's own error threshold too, yet the message is ours.
        message = rejected(png_claiming(20000, 20000), "IMAGE", 100_000_000)
    assert "limit of 100,000,000 pixels" in message


# ----- orientation -----


def _oriented(fmt: str, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    if fmt == "JPEG":
        return pil_bytes(Image.fromarray(smooth_rgb()), "JPEG", exif=exif, quality=95)
    options: dict[str, object] = {"lossless": True} if fmt == "WEBP" else {}
    if fmt == "TIFF":
        return pil_bytes(Image.fromarray(noise((H, W, 3))), "TIFF", tiffinfo={0x0112: orientation})
    return pil_bytes(Image.fromarray(noise((H, W, 3))), fmt, exif=exif, **options)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied_so_pixels_are_as_displayed(fmt: str, orientation: int) -> None:
    data = _oriented(fmt, orientation)
    image = decode(data, "IMAGE", LIMIT).pixels
    shown = np.array(ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB"))
    shown = shown[:, :, ::-1]
    assert image.shape == shown.shape
    assert image.shape[:2] == ((W, H) if orientation >= 5 else (H, W))
    if fmt == "JPEG":
        assert np.abs(image.astype(int) - shown).mean() < 1.5
    else:
        np.testing.assert_array_equal(image, shown)
    assert image.flags.c_contiguous and image.flags.writeable


def test_an_unreadable_exif_block_is_ignored() -> None:
    jpeg = EACH["jpeg"]
    garbage = b"Exif\x00\x00II*\x00\xff\xff\xff\x7f"
    app1 = b"\xff\xe1" + struct.pack(">H", len(garbage) + 2) + garbage
    image = decode(jpeg[:2] + app1 + jpeg[2:], "IMAGE", LIMIT)
    assert image.pixels.shape == (H, W, 3)


def _filtered(raw: np.ndarray, kind: int, bpp: int) -> np.ndarray:
    """PNG's forward filter of one kind over every row of raw (uint8, rows of bytes)."""
    x = raw.astype(np.int32)
    left = np.zeros_like(x)
    left[:, bpp:] = x[:, :-bpp]
    up = np.zeros_like(x)
    up[1:] = x[:-1]
    corner = np.zeros_like(x)
    corner[1:, bpp:] = x[:-1, :-bpp]
    if kind == 0:
        out = x
    elif kind == 1:
        out = x - left
    elif kind == 2:
        out = x - up
    elif kind == 3:
        out = x - (left + up) // 2
    else:
        p = left + up - corner
        pa, pb, pc = np.abs(p - left), np.abs(p - up), np.abs(p - corner)
        predictor = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, corner))
        out = x - predictor
    return (out % 256).astype(np.uint8)


def _png_with_filters(pixels: np.ndarray, colour: int, kinds: list[int], chunks: int = 1) -> bytes:
    """A PNG whose row k uses filter kinds[k % len(kinds)], its data in several IDAT chunks."""
    height, width = pixels.shape[:2]
    channels = 1 if pixels.ndim == 2 else pixels.shape[2]
    samples = pixels.astype(">u2") if pixels.dtype == np.uint16 else pixels
    raw = np.ascontiguousarray(samples).view(np.uint8).reshape(height, -1)
    bpp = channels * pixels.dtype.itemsize
    per_row = np.array([kinds[k % len(kinds)] for k in range(height)])
    rows = np.empty((height, raw.shape[1] + 1), np.uint8)
    rows[:, 0] = per_row
    for kind in set(kinds):
        rows[per_row == kind, 1:] = _filtered(raw, kind, bpp)[per_row == kind]
    stream = zlib.compress(rows.tobytes())
    step = -(-len(stream) // chunks)
    depth = 8 * pixels.dtype.itemsize
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + b"".join(png_chunk(b"IDAT", stream[i : i + step]) for i in range(0, len(stream), step))
        + png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("kinds", [[0], [1], [2], [3], [4], [4, 3, 2, 1, 0]])
@pytest.mark.parametrize(
    ("colour", "shape", "dtype"),
    [
        (0, (23, 17), np.uint8),
        (0, (23, 17), np.uint16),
        (2, (23, 17, 3), np.uint8),
        (2, (23, 17, 3), np.uint16),
        (6, (23, 17, 4), np.uint8),
        (6, (23, 17, 4), np.uint16),
    ],
)
def test_plain_png_decodes_as_opencv_does_for_every_row_filter(
    kinds: list[int], colour: int, shape: tuple[int, ...], dtype: type
) -> None:
    rgb_order = noise(shape, dtype, seed=sum(shape) + len(kinds))
    data = _png_with_filters(rgb_order, colour, kinds, chunks=3)
    fast = decode_module._plain_png(data)
    assert fast is not None  # the fast path took it
    expected = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert fast.dtype == expected.dtype and np.array_equal(fast, expected)
    assert np.array_equal(decode(data, "IMAGE", LIMIT).pixels, expected)


@pytest.mark.parametrize("colour", [0, 2])
def test_text_like_and_noise_like_pngs_decode_as_opencv_does(colour: int) -> None:
    shape = (300, 400) if colour == 0 else (300, 400, 3)
    text_like = np.full(shape, 250, np.uint8)
    text_like[20:200:23, 15:300:7] = 20
    for pixels in (text_like, noise(shape, seed=11)):
        data = _png_with_filters(pixels, colour, [0, 1, 2])
        fast = decode_module._plain_png(data)
        assert fast is not None
        assert np.array_equal(fast, cv2.imdecode(np.frombuffer(data, np.uint8), -1))


def test_pngs_the_fast_path_does_not_handle_go_to_opencv() -> None:
    palette = pil_bytes(Image.fromarray(noise((20, 30, 3))).convert("P"), "PNG")
    gray_alpha = pil_bytes(Image.fromarray(noise((20, 30, 2))[:, :, 0]).convert("LA"), "PNG")
    one_bit = pil_bytes(Image.fromarray(noise((20, 30)) > 128), "PNG")
    for data in (palette, gray_alpha, one_bit):
        assert decode_module._plain_png(data) is None
        expected = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        assert np.array_equal(decode(data, "IMAGE", LIMIT).pixels, expected)
    plain = _png_with_filters(noise((20, 30, 3)), 2, [1])
    ihdr = bytearray(plain[16:29])
    ihdr[12] = 1  # Adam7 interlacing
    interlaced = plain[:8] + png_chunk(b"IHDR", bytes(ihdr)) + plain[33:]
    assert decode_module._plain_png(plain) is not None
    assert decode_module._plain_png(interlaced) is None


def test_png_data_with_a_bad_checksum_is_refused_as_libpng_refuses_it() -> None:
    data = bytearray(_png_with_filters(noise((20, 30, 3)), 2, [4]))
    idat = data.find(b"IDAT")
    data[idat + 10] ^= 0xFF  # one byte of the compressed data, the chunk CRC left as it was
    assert decode_module._plain_png(bytes(data)) is None
    assert "PNG image cannot be decoded" in rejected(bytes(data))


def test_the_unfilter_kernel_refuses_what_it_cannot_read_safely() -> None:
    from inkout._png import unfilter

    rows = np.zeros((4, 7), np.uint8)
    rows[2, 0] = 7  # no such filter type
    with pytest.raises(ValueError, match="row 2 has an unknown filter type 7"):
        unfilter(rows, 3)
    with pytest.raises(ValueError, match="does not hold pixels"):
        unfilter(np.zeros((4, 8), np.uint8), 3)  # 7 bytes a row, pixels of 3
    with pytest.raises(ValueError, match="C-contiguous 2-D uint8"):
        unfilter(np.zeros((4, 7), np.uint16), 3)
    with pytest.raises(ValueError, match="C-contiguous 2-D uint8"):
        unfilter(np.zeros((4, 14), np.uint8)[:, ::2], 3)


@pytest.mark.parametrize("side", [10, 3000])  # data noise-like for its header, or not
def test_image_data_that_inflates_past_the_header_s_size_is_not_inflated_by_the_fast_path(
    side: int,
) -> None:
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    bomb = zlib.compress(b"\0" * 50_000_000)  # 50 MB behind a smaller header, 50 kB on the wire
    data = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", bomb)
        + png_chunk(b"IEND", b"")
    )
    assert len(data) < 100_000
    assert decode_module._plain_png(data) is None
