"""encode(): the painted pixels in the input's format, size, channels and depth, with every
piece of metadata (EXIF and its GPS block, ICC, XMP, text chunks, comments) left behind."""

from __future__ import annotations

import io
import struct
import zlib

import cv2
import numpy as np
import pytest
from helpers import noise
from PIL import Image, ImageCms, PngImagePlugin
from render import encode as pil_bytes

from inkout import encode as encode_module
from inkout.decode import decode
from inkout.encode import EncodeError, encode
from inkout.model import Box
from inkout.paint import paint_boxes

LIMIT = 10_000_000
H, W = 30, 40
SECRET = b"SECRET-"


def smooth(channels: int) -> np.ndarray:
    """A gradient with a dark block: lossy codecs keep it within a level or two."""
    yy, xx = np.mgrid[0:H, 0:W]
    planes = [xx * 255 // W, yy * 255 // H, np.full_like(xx, 128), np.full_like(xx, 255)]
    image = np.dstack(planes[:channels]).astype(np.uint8) if channels > 1 else planes[0]
    image = np.ascontiguousarray(image, dtype=np.uint8)
    image[: H // 3, : W // 4, ...] = 20
    if channels == 4:
        image[: H // 3, : W // 4, 3] = 255
        image[H // 2 :, W // 2 :, 3] = 128  # real alpha: a fully opaque one may be dropped
    return image


def round_trip(pixels: np.ndarray, fmt: str) -> np.ndarray:
    out = decode(encode(pixels, fmt), "IMAGE", LIMIT)
    assert out.format == fmt
    return out.pixels


# ----- round trips -----

EXACT = {
    "png": ["gray8", "bgr8", "bgra8", "gray16", "bgr16", "bgra16"],
    "tiff": ["gray8", "bgr8", "bgra8", "gray16", "bgr16", "bgra16", "grayf", "bgrf"],
    "bmp": ["gray8", "bgr8", "bgra8"],
}
KINDS = {
    "gray8": ((H, W), np.uint8),
    "bgr8": ((H, W, 3), np.uint8),
    "bgra8": ((H, W, 4), np.uint8),
    "gray16": ((H, W), np.uint16),
    "bgr16": ((H, W, 3), np.uint16),
    "bgra16": ((H, W, 4), np.uint16),
    "grayf": ((H, W), np.float32),
    "bgrf": ((H, W, 3), np.float32),
}


@pytest.mark.parametrize(
    ("fmt", "kind"), [(fmt, kind) for fmt, kinds in EXACT.items() for kind in kinds]
)
def test_lossless_formats_round_trip_exactly_keeping_size_channels_and_depth(
    fmt: str, kind: str
) -> None:
    shape, dtype = KINDS[kind]
    pixels = noise(shape, dtype)
    out = round_trip(pixels, fmt)
    assert out.shape == pixels.shape and out.dtype == pixels.dtype
    np.testing.assert_array_equal(out, pixels)


@pytest.mark.parametrize(("fmt", "channels"), [("jpeg", 1), ("jpeg", 3), ("webp", 3), ("webp", 4)])
def test_lossy_formats_round_trip_closely_keeping_size_and_channels(
    fmt: str, channels: int
) -> None:
    pixels = smooth(channels)
    out = round_trip(pixels, fmt)
    assert out.shape == pixels.shape and out.dtype == np.uint8
    assert np.abs(out.astype(int) - pixels).mean() < 3


def test_gif_keeps_all_256_colours_exactly() -> None:
    rng = np.random.default_rng(3)
    palette = rng.integers(0, 256, (256, 3), dtype=np.uint8)
    indexes = rng.integers(0, 256, (H, W))
    indexes.flat[:256] = np.arange(256)
    pixels = palette[indexes]
    out = round_trip(pixels, "gif")
    np.testing.assert_array_equal(out, pixels)


def test_gif_with_more_than_256_colours_is_quantized_not_refused() -> None:
    pixels = smooth(3)
    pixels[:, :, 2] = noise((H, W))  # ~1,200 colours
    out = round_trip(pixels, "gif")
    assert out.shape == pixels.shape
    assert np.abs(out.astype(int) - pixels).mean() < 20


def test_gif_keeps_transparency_and_the_opaque_colours() -> None:
    rng = np.random.default_rng(4)
    palette = rng.integers(0, 256, (200, 3), dtype=np.uint8)
    bgr = palette[rng.integers(0, 200, (H, W))]
    alpha = np.full((H, W), 255, np.uint8)
    alpha[:10, :10] = 0
    out = round_trip(np.dstack([bgr, alpha]), "gif")
    assert out.shape == (H, W, 4)
    np.testing.assert_array_equal(out[:, :, 3], alpha)
    np.testing.assert_array_equal(out[:, :, :3][alpha == 255], bgr[alpha == 255])


def test_gray_gif_is_written_and_reads_back_gray() -> None:
    pixels = noise((H, W))
    out = round_trip(pixels, "gif")  # OpenCV reads every GIF as BGR
    np.testing.assert_array_equal(out, np.dstack([pixels] * 3))


# Files as people send them: decode then encode gives back the same size and Pillow mode.
MODES = [
    ("PNG", "L"),
    ("PNG", "RGB"),
    ("PNG", "RGBA"),
    ("PNG", "I;16"),
    ("JPEG", "L"),
    ("JPEG", "RGB"),
    ("BMP", "L"),
    ("BMP", "RGB"),
    ("TIFF", "L"),
    ("TIFF", "RGB"),
    ("TIFF", "RGBA"),
    ("TIFF", "I;16"),
    ("TIFF", "F"),
    ("WEBP", "RGB"),
    ("WEBP", "RGBA"),
    ("GIF", "P"),
]


@pytest.mark.parametrize(("fmt", "mode"), MODES)
def test_a_file_comes_back_in_its_own_format_size_and_mode(fmt: str, mode: str) -> None:
    if mode == "I;16":
        source = Image.fromarray(noise((H, W), np.uint16))
    elif mode == "F":
        source = Image.fromarray(noise((H, W), np.float32))
    else:
        source = Image.fromarray(smooth(4)).convert(mode)
    data = pil_bytes(source, fmt)
    image = decode(data, "IMAGE", LIMIT)
    back = Image.open(io.BytesIO(encode(image.pixels, image.format)))
    original = Image.open(io.BytesIO(data))
    assert back.format == original.format
    assert back.size == original.size
    assert back.mode == original.mode


@pytest.mark.parametrize("fmt", ["png", "jpeg", "bmp", "tiff", "webp", "gif"])
@pytest.mark.parametrize("channels", [1, 3, 4])
def test_what_was_painted_is_what_is_encoded(fmt: str, channels: int) -> None:
    pixels = np.full((H, W, channels) if channels > 1 else (H, W), 230, np.uint8)
    paint_boxes(pixels, [Box(8, 6, 16, 12)], [(0, 0, 0)])
    out = round_trip(pixels, fmt)
    box = out[6:18, 8:24, :3] if out.ndim == 3 else out[6:18, 8:24]
    assert box.max() <= 8, "the painted box did not survive encoding"
    assert out[0:4, 0:4].min() >= 220


# ----- depth and alpha for formats that cannot hold them -----


@pytest.mark.parametrize("fmt", ["jpeg", "bmp", "webp", "gif"])
def test_formats_without_16_bit_get_8_bit_scaled_not_clipped(fmt: str) -> None:
    pixels = np.zeros((H, W, 3), np.uint16)
    pixels[:, : W // 2] = 128 * 257
    pixels[:, W // 2 :] = 65535
    out = round_trip(pixels, fmt)
    assert out.dtype == np.uint8
    assert abs(int(out[H // 2, 4, 0]) - 128) <= 2
    assert out[H // 2, W - 4, 0] >= 253


def test_float_samples_become_16_bit_png() -> None:
    pixels = np.full((H, W), 0.5, np.float32)
    out = round_trip(pixels, "png")
    assert out.dtype == np.uint16 and out[0, 0] == 32768


def test_jpeg_has_no_alpha_so_transparent_pixels_become_white_as_ocr_saw_them() -> None:
    pixels = np.zeros((H, W, 4), np.uint8)  # black, fully transparent
    pixels[:, W // 2 :, 3] = 255  # right half black, opaque
    out = round_trip(pixels, "jpeg")
    assert out.shape == (H, W, 3)
    assert out[:, : W // 2 - 4].min() >= 250
    assert out[:, W // 2 + 4 :].max() <= 5


# ----- settings -----


def test_jpeg_is_written_at_quality_95() -> None:
    pixels = smooth(3)
    ours = Image.open(io.BytesIO(encode(pixels, "jpeg")))
    pillow_95 = Image.open(
        io.BytesIO(pil_bytes(Image.fromarray(pixels[:, :, ::-1]), "JPEG", quality=95))
    )
    assert ours.quantization == pillow_95.quantization


def test_webp_is_written_lossy() -> None:
    data = encode(smooth(3), "webp")
    assert data[12:16] == b"VP8 "


# ----- metadata -----


def _png_chunks(data: bytes) -> list[bytes]:
    kinds, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        kinds.append(kind)
        pos += 12 + length
    return kinds


def _riff_chunks(data: bytes) -> list[bytes]:
    kinds, pos = [], 12
    while pos + 8 <= len(data):
        kind, length = struct.unpack_from("<4sI", data, pos)
        kinds.append(kind)
        pos += 8 + length + (length & 1)
    return kinds


def _exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010E] = "SECRET-DESCRIPTION"
    exif[0x0131] = "SECRET-SOFTWARE"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 26.0), "W", (0.0, 7.0, 39.0)
    return exif


ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRET-XMP</x:xmpmeta>'
FORBIDDEN_INFO = {"exif", "icc_profile", "xmp", "comment", "Comment", "Author", "photoshop"}


def _stripped(data: bytes, fmt: str) -> Image.Image:
    out = encode(decode(data, "IMAGE", LIMIT).pixels, fmt)
    assert SECRET not in out
    image = Image.open(io.BytesIO(out))
    image.load()
    assert not FORBIDDEN_INFO & set(image.info)
    exif = image.getexif()
    if fmt == "tiff":  # a TIFF's own tags read as EXIF: no EXIF or GPS block among them
        assert not {0x8769, 0x8825} & set(exif)
    else:
        assert len(exif) == 0
    assert len(exif.get_ifd(0x8825)) == 0
    return image


def test_jpeg_exif_gps_icc_xmp_and_comment_are_stripped() -> None:
    data = pil_bytes(
        Image.fromarray(smooth(3)),
        "JPEG",
        exif=_exif_with_gps(),
        icc_profile=ICC,
        xmp=XMP,
        comment=b"SECRET-COMMENT",
    )
    original = Image.open(io.BytesIO(data))
    assert original.getexif().get_ifd(0x8825) and {"icc_profile", "xmp", "comment"} <= set(
        original.info
    )
    _stripped(data, "jpeg")


def test_png_text_exif_icc_and_xmp_chunks_are_stripped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRET-TEXT")
    info.add_itxt("Author", "SECRET-ITXT")
    info.add_text("Note", "SECRET-ZTXT", zip=True)
    data = pil_bytes(
        Image.fromarray(smooth(3)), "PNG", pnginfo=info, exif=_exif_with_gps(), icc_profile=ICC
    )
    assert {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"} <= set(_png_chunks(data))
    image = _stripped(data, "png")
    assert image.text == {}
    assert set(_png_chunks(encode(decode(data, "IMAGE", LIMIT).pixels, "png"))) == {
        b"IHDR",
        b"IDAT",
        b"IEND",
    }


def test_webp_exif_icc_and_xmp_are_stripped() -> None:
    data = pil_bytes(
        Image.fromarray(smooth(4)), "WEBP", exif=_exif_with_gps(), icc_profile=ICC, xmp=XMP
    )
    assert {b"EXIF", b"ICCP", b"XMP "} <= set(_riff_chunks(data))
    _stripped(data, "webp")
    out = encode(decode(data, "IMAGE", LIMIT).pixels, "webp")
    assert not {b"EXIF", b"ICCP", b"XMP "} & set(_riff_chunks(out))


def test_tiff_description_software_exif_and_icc_are_stripped() -> None:
    data = pil_bytes(
        Image.fromarray(smooth(3)),
        "TIFF",
        tiffinfo={270: "SECRET-DESCRIPTION", 305: "SECRET-SOFTWARE", 315: "SECRET-ARTIST"},
        icc_profile=ICC,
    )
    assert {270, 305, 315, 34675} <= set(Image.open(io.BytesIO(data)).tag_v2)
    image = _stripped(data, "tiff")
    structural = {256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 338, 339}
    assert set(image.tag_v2) <= structural


def test_gif_comment_is_stripped() -> None:
    data = pil_bytes(Image.fromarray(smooth(3)).convert("P"), "GIF", comment=b"SECRET-GIF-COMMENT")
    assert Image.open(io.BytesIO(data)).info["comment"]
    _stripped(data, "gif")


def test_bmp_carries_nothing_but_pixels() -> None:
    _stripped(pil_bytes(Image.fromarray(smooth(3)), "BMP"), "bmp")


# ----- failures -----


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="heic"):
        encode(smooth(3), "heic")


@pytest.mark.parametrize(
    "pixels",
    [np.zeros((0, 0), np.uint8), np.zeros((H, W, 2), np.uint8), np.zeros((H, W), np.int32)],
    ids=["empty", "two channels", "int32"],
)
def test_pixels_that_cannot_be_encoded_raise(pixels: np.ndarray) -> None:
    with pytest.raises(EncodeError):
        encode(pixels, "png")


def test_an_encoder_failure_raises_instead_of_returning_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(encode_module.cv2, "imencode", lambda *args: (False, None))
    with pytest.raises(EncodeError, match="bmp"):
        encode(smooth(3), "bmp")

    def broken(*args: object) -> None:
        raise cv2.error("broken codec")

    monkeypatch.setattr(encode_module.cv2, "imencode", broken)
    with pytest.raises(EncodeError, match="broken codec"):
        encode(smooth(3), "jpeg")


def test_a_deflate_failure_in_the_png_writer_raises_encode_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> None:
        raise encode_module.isal_zlib.error("out of memory")

    monkeypatch.setattr(encode_module.isal_zlib, "compressobj", broken)
    with pytest.raises(EncodeError, match="out of memory"):
        encode(smooth(3), "png")


@pytest.mark.parametrize(
    ("shape", "dtype"),
    [
        ((1, 1), np.uint8),
        ((7, 1), np.uint8),
        ((1, 9, 3), np.uint8),
        ((33, 17), np.uint8),
        ((33, 17, 3), np.uint8),
        ((33, 17, 4), np.uint8),
        ((33, 17), np.uint16),
        ((33, 17, 3), np.uint16),
        ((33, 17, 4), np.uint16),
        ((700, 600, 3), np.uint8),  # large enough to be deflated in pieces at once
        ((900, 700), np.uint16),
    ],
)
def test_the_png_writer_is_exact_for_pillow_and_opencv(shape, dtype) -> None:
    pixels = noise(shape, dtype, seed=len(shape) * 7 + shape[0])
    data = encode(pixels, "png")
    assert (cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED) == pixels).all()
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        assert im.size == (shape[1], shape[0])
        if dtype == np.uint8:
            rgb = pixels if len(shape) == 2 else pixels[..., [2, 1, 0, *range(3, shape[2])]]
            assert (np.array(im) == rgb).all()


def test_a_large_png_is_one_valid_zlib_stream_deflated_in_pieces() -> None:
    pixels = noise((1200, 1000), np.uint8, seed=5)
    assert pixels.nbytes > encode_module.PARALLEL_DEFLATE_BYTES
    data = encode(pixels, "png")
    idat = data[data.index(b"IDAT") + 4 : data.index(b"IEND") - 8]
    rows = zlib.decompress(idat)  # checks the stream's structure and its Adler-32
    assert len(rows) == 1200 * 1001 and rows[1001] == 2  # every row "Up"-filtered


@pytest.mark.parametrize("shape", [(300, 400), (300, 400, 3), (900, 1300, 3)])
def test_a_text_like_png_long_runs_of_one_colour_is_written_exactly(shape) -> None:
    pixels = np.full(shape, 250, np.uint8)
    for k in range(10, shape[0] - 10, 23):  # lines of "text": short strokes, long gaps
        pixels[k : k + 9, 15 : shape[1] // 2 : 7] = 20
    data = encode(pixels, "png")
    assert len(data) < pixels.nbytes // 20
    assert (cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED) == pixels).all()
