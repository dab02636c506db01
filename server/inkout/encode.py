"""Painted pixels back to bytes in the input's format, with no metadata at all.

OpenCV's encoders write pixels and the structure needed to read them, nothing else: no EXIF
(so no GPS or camera serials), no ICC, XMP, text chunks or comments survive redaction. GIF is
written with Pillow from a fresh image, which carries no metadata either.
"""

from __future__ import annotations

import io
import os
import struct
from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np
from isal import isal_zlib
from PIL import Image

# JPEG 95: the redacted image is the copy that is kept and read again (by people, and often by
# OCR), not a thumbnail; below ~90 ringing blurs small text. 95 costs ~30% more bytes than 90.
JPEG_QUALITY = 95
# PNG is written here, not by OpenCV: rows with PNG's "Up" filter, deflated by ISA-L (Intel's
# igzip) at level 1, on the benchmark images in a fifth to a seventh of OpenCV's time for up to
# 25% more bytes than the input; zlib-ng at level 1 was up to twice as slow and no smaller
# (bench/README.md).
PNG_COMPRESSION = 1
_PNG_COLOUR_TYPES = {1: 0, 3: 2, 4: 6}  # channels -> gray, RGB, RGBA
# WebP lossy 95, as for JPEG: the input may have been lossy, and lossless WebP of a photo took
# 5x longer and 4x the bytes. (Lossless would be smaller for screenshots; the decoded image does
# not carry whether its input was lossless.)
WEBP_QUALITY = 95

_EXTENSIONS = {"jpeg": ".jpg", "bmp": ".bmp", "tiff": ".tiff", "webp": ".webp"}
_PARAMS = {
    "jpeg": [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY],
    "webp": [cv2.IMWRITE_WEBP_QUALITY, WEBP_QUALITY],
    "bmp": [],
    "tiff": [],  # LZW, OpenCV's default
}
# The sample types each format can hold; anything else is converted to the first one listed.
_DEPTHS = {
    "png": (np.uint8, np.uint16),
    "tiff": (np.uint8, np.uint16, np.float32),
    "jpeg": (np.uint8,),
    "bmp": (np.uint8,),
    "webp": (np.uint8,),
    "gif": (np.uint8,),
}


class EncodeError(RuntimeError):
    """The image could not be encoded: a fault on our side, so nothing is returned."""


def encode(pixels: np.ndarray, format: str) -> bytes:
    """Encode OpenCV-layout pixels (gray, BGR, BGRA; uint8, uint16 or float32) as format.

    Size, channels and depth are kept where the format can hold them: gray stays gray, alpha
    stays alpha, 16-bit PNG and TIFF stay 16-bit (and float TIFF float). Otherwise samples are
    scaled to 8 bits, and alpha is composited over white for JPEG (as OCR saw it), because
    JPEG has no alpha.
    Raises EncodeError; never returns anything but the new image.
    """
    if format not in _DEPTHS:
        raise ValueError(f"cannot encode {format!r}: expected one of {', '.join(_DEPTHS)}")
    if pixels.ndim not in (2, 3) or (pixels.ndim == 3 and pixels.shape[2] not in (1, 3, 4)):
        raise EncodeError(f"cannot encode pixels of shape {pixels.shape}")
    if pixels.size == 0:
        raise EncodeError("cannot encode an empty image")
    image = _depth(pixels, _DEPTHS[format])
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if format == "jpeg" and image.ndim == 3 and image.shape[2] == 4:
        image = _over_white(image)
    if format == "gif":
        return _gif(image)
    if format == "png":
        return _png(image)
    try:
        ok, buf = cv2.imencode(_EXTENSIONS[format], image, _PARAMS[format])
    except cv2.error as e:
        raise EncodeError(f"OpenCV could not encode {format}: {e}") from e
    if not ok or buf is None or buf.size == 0:
        raise EncodeError(f"OpenCV could not encode {format}")
    return buf.tobytes()


def _depth(pixels: np.ndarray, allowed: tuple[type, ...]) -> np.ndarray:
    """Pixels in a sample type the format holds, scaled (never clipped) to its range."""
    if pixels.dtype in allowed:
        return pixels
    target = allowed[-1] if pixels.dtype == np.float32 else allowed[0]
    if pixels.dtype == np.uint16 and target == np.uint8:
        return cv2.convertScaleAbs(pixels, alpha=1 / 257)
    if pixels.dtype == np.float32:  # floats are 0..1, as the painter paints them
        top = float(np.iinfo(target).max)
        return (np.clip(pixels, 0.0, 1.0) * top + 0.5).astype(target)
    raise EncodeError(f"cannot encode {pixels.dtype} samples")


def _over_white(bgra: np.ndarray) -> np.ndarray:
    alpha = bgra[:, :, 3:].astype(np.float32) / 255.0
    colour = bgra[:, :, :3].astype(np.float32)
    return (colour * alpha + 255.0 * (1.0 - alpha) + 0.5).astype(np.uint8)


def _gif(image: np.ndarray) -> bytes:
    """GIF through Pillow: OpenCV 4.14's GIF encoder is lossy even for images of 200 colours
    (mean error 13 levels) and fails on gray input. Median cut keeps every colour exactly when
    there are at most 256 (every GIF frame, before painting); dithering would speckle the
    painted boxes. Alpha below 128 becomes the transparent index."""
    if image.ndim == 2:
        out = Image.fromarray(image, "L")
        transparency = None
    else:
        rgb = np.ascontiguousarray(image[:, :, 2::-1])
        opaque = image[:, :, 3] >= 128 if image.shape[2] == 4 else None
        if opaque is not None and opaque.all():
            opaque = None
        if opaque is not None and opaque.any():
            rgb[~opaque] = rgb[opaque][0]  # hidden pixels must not take palette entries
        colours = 256 if opaque is None else 255
        out = Image.fromarray(rgb, "RGB").quantize(
            colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        transparency = None
        if opaque is not None:
            indexes = np.array(out, dtype=np.uint8)
            indexes[~opaque] = 255
            palette = (out.getpalette() or [])[: 255 * 3]
            palette += [0] * (256 * 3 - len(palette))
            out = Image.fromarray(indexes, "P")
            out.putpalette(palette)
            transparency = 255
    buf = io.BytesIO()
    try:
        if transparency is None:
            out.save(buf, "GIF")
        else:
            out.save(buf, "GIF", transparency=transparency)
    except (OSError, ValueError) as e:
        raise EncodeError(f"Pillow could not encode gif: {e}") from e
    return buf.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    checksum = isal_zlib.crc32(data, isal_zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def _png(image: np.ndarray) -> bytes:
    """A PNG of gray, BGR or BGRA pixels, 8 or 16 bits: IHDR, one IDAT and IEND, nothing else.

    Every row uses the Up filter (each byte minus the byte above it, one numpy subtraction),
    and the rows are deflated by ISA-L at level 1 (see PNG_COMPRESSION).
    """
    channels = 1 if image.ndim == 2 else image.shape[2]
    if channels >= 3:  # OpenCV's BGR(A) -> PNG's RGB(A); cvtColor is 10x faster than indexing
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB if channels == 3 else cv2.COLOR_BGRA2RGBA)
    if image.dtype == np.uint16:
        image = image.astype(">u2")  # PNG samples are big-endian
    height = image.shape[0]
    rows = np.ascontiguousarray(image).view(np.uint8).reshape(height, -1)
    filtered = np.empty((height, rows.shape[1] + 1), np.uint8)
    filtered[:, 0] = 2  # filter type Up
    filtered[0, 1:] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=filtered[1:, 1:])  # wraps modulo 256, as PNG wants
    try:
        data = _deflate(filtered)
    except isal_zlib.error as e:
        raise EncodeError(f"could not deflate the png: {e}") from e
    depth = 16 if image.dtype.itemsize == 2 else 8
    header = struct.pack(
        ">IIBBBBB", image.shape[1], height, depth, _PNG_COLOUR_TYPES[channels], 0, 0, 0
    )
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


# Images with more filtered bytes than this are deflated in as many pieces as there are cores,
# at once (ISA-L releases the GIL): a 4 MP radiograph in half the time.
PARALLEL_DEFLATE_BYTES = 1 << 20
_DEFLATERS = ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="inkout-deflate")


def _deflate(filtered: np.ndarray) -> bytes:
    """One zlib stream of the filtered rows. A large image is cut into runs of rows, each
    deflated on its own as raw deflate ending on a byte boundary (a sync flush), so that the
    pieces concatenate into one stream, as pigz does; the checksum covers the whole."""
    pieces = min(os.cpu_count() or 1, filtered.shape[0])
    if filtered.nbytes <= PARALLEL_DEFLATE_BYTES or pieces < 2:
        deflater = isal_zlib.compressobj(PNG_COMPRESSION, isal_zlib.DEFLATED, 15)
        return deflater.compress(filtered.data) + deflater.flush()
    bounds = np.linspace(0, filtered.shape[0], pieces + 1).astype(int)
    chunks = [filtered[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

    def raw(k: int) -> bytes:
        deflater = isal_zlib.compressobj(PNG_COMPRESSION, isal_zlib.DEFLATED, -15)
        last = k == len(chunks) - 1
        flush = isal_zlib.Z_FINISH if last else isal_zlib.Z_SYNC_FLUSH
        return deflater.compress(chunks[k].data) + deflater.flush(flush)

    bodies = list(_DEFLATERS.map(raw, range(len(chunks))))
    checksum = isal_zlib.adler32(filtered.data)
    return b"\x78\x01" + b"".join(bodies) + struct.pack(">I", checksum)
