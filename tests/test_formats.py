"""End to end per format: the output keeps the input's format, size, mode and depth, carries
no metadata, and the sensitive value cannot be read in it."""

from __future__ import annotations

import io

import numpy as np
import pytest
from helpers import reread
from PIL import Image
from render import encode, render

from inkout_client import InkoutClient

SECRET = "lena.berg@example.org"
# TIFF keeps its image-structure tags (size, depth, compression, strips): they are the
# format, not metadata. Anything else (Make, GPS, EXIF, XMP, descriptions) must be gone.
TIFF_STRUCTURE = {256, 257, 258, 259, 262, 273, 277, 278, 279, 282, 283, 284, 296, 317, 338, 339}


@pytest.fixture(scope="module")
def client(channel) -> InkoutClient:
    return InkoutClient(channel=channel)


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return render([["Send", "it", "to", SECRET, "today"]], size=32).image


def _exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(0x8825)[2] = (52.0, 31.0, 12.0)  # GPSLatitude
    return exif.tobytes()


def _variants(page: Image.Image) -> dict[str, tuple[bytes, str, str]]:
    """name -> (bytes, expected PIL format, expected PIL mode)."""
    gray = page.convert("L")
    rgba = page.convert("RGBA")
    sixteen = Image.fromarray((np.array(gray, np.uint16) * 257).astype(np.uint16))
    return {
        "png rgb": (encode(page, "PNG"), "PNG", "RGB"),
        "png gray": (encode(gray, "PNG"), "PNG", "L"),
        "png rgba": (encode(rgba, "PNG"), "PNG", "RGBA"),
        "png 16-bit": (encode(sixteen, "PNG"), "PNG", "I;16"),
        "jpeg with exif gps": (
            encode(page, "JPEG", quality=95, exif=_exif_with_gps()),
            "JPEG",
            "RGB",
        ),
        "bmp": (encode(page, "BMP"), "BMP", "RGB"),
        "tiff": (encode(page, "TIFF"), "TIFF", "RGB"),
        "webp": (encode(page, "WEBP", quality=95), "WEBP", "RGB"),
        "gif": (encode(page.convert("P"), "GIF"), "GIF", None),
    }


CASES = [
    "png rgb",
    "png gray",
    "png rgba",
    "png 16-bit",
    "jpeg with exif gps",
    "bmp",
    "tiff",
    "webp",
    "gif",
]


@pytest.mark.parametrize("case", CASES)
def test_each_format_comes_back_in_kind_without_metadata_and_redacted(
    client, page, ocr_engine, case
) -> None:
    data, fmt, mode = _variants(page)[case]
    response = client.redact(data, info_types=["EMAIL_ADDRESS"])
    assert len(response.inspect_result.findings) == 1, case
    out = Image.open(io.BytesIO(response.redacted_image))
    assert out.format == fmt
    assert out.size == page.size
    if mode is not None:
        assert out.mode == mode
    tags = set(out.getexif()) - (TIFF_STRUCTURE if fmt == "TIFF" else set())
    assert not tags, f"metadata tags left: {sorted(tags)}"
    assert not {"exif", "icc_profile", "xmp", "comment"} & set(out.info)
    assert SECRET not in reread(ocr_engine, response.redacted_image)
