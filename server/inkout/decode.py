"""Image bytes to OpenCV pixels, refusing anything we could not redact faithfully.

Every refusal is an InvalidArgument whose message says what was wrong and what to send instead.
The size limit is checked from the header this module reads itself, before any decoder runs,
so a small file that claims a huge image (a decompression bomb) never allocates its pixels;
Pillow is not used here, so its own bomb limit and warnings never stand in for ours.
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
from isal import isal_zlib
from zlib_ng import zlib_ng

from inkout._png import unfilter
from inkout.errors import InvalidArgument

FORMATS = ("png", "jpeg", "bmp", "tiff", "webp", "gif")
NAMES = {"png": "PNG", "jpeg": "JPEG", "bmp": "BMP", "tiff": "TIFF", "webp": "WebP", "gif": "GIF"}

# DLP's ByteContentItem.BytesType names: None accepts every supported format.
_DECLARED: dict[str, str | None] = {
    "BYTES_TYPE_UNSPECIFIED": None,
    "IMAGE": None,
    "IMAGE_JPEG": "jpeg",
    "IMAGE_BMP": "bmp",
    "IMAGE_PNG": "png",
}
_TYPE_FOR = {fmt: f"IMAGE_{fmt.upper()}" for fmt in ("jpeg", "bmp", "png")}
_SUPPORTED = "PNG, JPEG, BMP, TIFF, WebP or GIF"
_SEND = (
    f"send a {_SUPPORTED} image with byte_item.type IMAGE (or IMAGE_PNG, IMAGE_JPEG or IMAGE_BMP)"
)
_DTYPES = (np.dtype(np.uint8), np.dtype(np.uint16), np.dtype(np.float32))


@dataclass(frozen=True, slots=True)
class DecodedImage:
    """Pixels in OpenCV layout ((h, w) gray, (h, w, 3) BGR, (h, w, 4) BGRA; uint8, uint16 or
    float32 as stored), C-contiguous and writeable, and the format to encode them back in."""

    pixels: np.ndarray
    format: str


@dataclass(frozen=True, slots=True)
class _Header:
    """What the container says before any pixel is decoded."""

    width: int
    height: int
    orientation: int = 1  # EXIF Orientation still to apply; 1 means as stored
    complete: bool = True  # False when the data ends before the image does
    unassociated_alpha: bool = False  # TIFF ExtraSamples = 2: OpenCV premultiplies 8-bit RGBA


def decode(data: bytes, declared_type: str, max_pixels: int) -> DecodedImage:
    """Decode one image with OpenCV (plain PNGs: zlib-ng and inkout._png, see _plain_png), keeping
    gray, alpha and 16-bit samples as they are.

    - The format is sniffed from the first bytes and must agree with declared_type (the name
      of DLP's BytesType: IMAGE and BYTES_TYPE_UNSPECIFIED accept every supported format).
    - width * height from the header must not exceed max_pixels; checked before decoding.
    - GIF: the first frame only; multi-page TIFF: the first page only; animated WebP: the first
      frame. Other frames and pages are not redacted yet, and they are not returned either.
    - EXIF orientation is applied to the pixels (JPEG, PNG eXIf, WebP EXIF; OpenCV's TIFF reader
      applies the TIFF tag itself), because the output carries no metadata: without this a
      sideways phone photo would be OCR'd sideways, miss its text, and come back sideways.
    - Truncated JPEG and PNG data is refused, never decoded into a half-grey image.
    - Palette images become BGR or BGRA; gray + alpha becomes BGRA (OpenCV's decoders do so).
    """
    if not data:
        raise InvalidArgument("byte_item.data is empty: send the image bytes in byte_item.data")
    if not isinstance(data, bytes):
        data = bytes(data)
    wanted = _wanted_format(declared_type)
    fmt = sniff(data)
    if wanted is not None and fmt != wanted:
        hint = f"{_TYPE_FOR[fmt]} or IMAGE" if fmt in _TYPE_FOR else "IMAGE"
        raise InvalidArgument(
            f"byte_item.type is {declared_type} but the bytes are a {NAMES[fmt]} image: "
            f"set type to {hint}"
        )
    try:
        header = _HEADERS[fmt](data)
    except (struct.error, IndexError, KeyError, ValueError) as e:
        raise InvalidArgument(
            f"the {NAMES[fmt]} header is unreadable ({e}): send an intact {NAMES[fmt]} file"
        ) from None
    if header.width <= 0 or header.height <= 0:
        raise InvalidArgument(
            f"the {NAMES[fmt]} header gives no usable size ({header.width}x{header.height}): "
            f"send an intact {NAMES[fmt]} file"
        )
    pixels = header.width * header.height
    if pixels > max_pixels:
        raise InvalidArgument(
            f"the image is {header.width}x{header.height} = {pixels:,} pixels, more than this "
            f"server's limit of {max_pixels:,} pixels: send a smaller image, or raise the limit "
            "(it is configurable on the server: INKOUT_MAX_PIXELS or --max-pixels)"
        )
    if not header.complete:
        raise InvalidArgument(
            f"the {NAMES[fmt]} data is truncated: it ends ({len(data):,} bytes) before the image "
            "does; send the complete file"
        )
    image = _plain_png(data) if fmt == "png" else None
    if image is None:
        try:
            image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        except cv2.error:
            image = None
    if image is None:
        raise InvalidArgument(
            f"the {NAMES[fmt]} image cannot be decoded: the data is corrupt, truncated or uses a "
            f"variant this server cannot read; send an intact {NAMES[fmt]} file (re-saving it "
            "with any image editor usually helps)"
        )
    if image.dtype not in _DTYPES:
        raise InvalidArgument(
            f"the {NAMES[fmt]} image has {image.dtype} samples, which inkout cannot redact: "
            "send 8- or 16-bit unsigned (or 32-bit float TIFF) samples"
        )
    if image.ndim == 3 and image.shape[2] not in (1, 3, 4):
        raise InvalidArgument(
            f"the {NAMES[fmt]} image has {image.shape[2]} channels: send gray, RGB or RGBA"
        )
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if header.unassociated_alpha and image.dtype == np.uint8 and image.shape[2:] == (4,):
        image = _unpremultiply(image)
    image = _orient(image, header.orientation)
    if not image.flags.c_contiguous or not image.flags.writeable:
        image = np.array(image, order="C", copy=True)
    return DecodedImage(image, fmt)


def _wanted_format(declared_type: str) -> str | None:
    if declared_type in _DECLARED:
        return _DECLARED[declared_type]
    if declared_type == "IMAGE_SVG":
        raise InvalidArgument(
            "byte_item.type is IMAGE_SVG, which inkout does not redact: render the SVG to PNG "
            "and send that with type IMAGE_PNG"
        )
    raise InvalidArgument(
        f"byte_item.type is {declared_type}, which inkout does not redact: {_SEND}"
    )


def sniff(data: bytes) -> str:
    """The format named by the first bytes, or InvalidArgument saying what they look like."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"BM"):
        return "bmp"
    raise InvalidArgument(
        f"the bytes are not an image inkout can read: the first bytes look like neither "
        f"PNG, JPEG, BMP, TIFF, WebP nor GIF{_what_it_looks_like(data)}"
    )


def _what_it_looks_like(data: bytes) -> str:
    """A hint for the common mistakes: base64 text, documents, formats we do not read."""
    head = data[:64].lstrip()
    try:
        decoded = base64.b64decode(data[:64].strip()[:48], validate=True)
    except (binascii.Error, ValueError):
        decoded = b""
    if decoded:
        try:
            sniff(decoded)
        except InvalidArgument:
            pass
        else:
            return (
                " (they look like base64 text of an image: send the raw bytes, gRPC carries "
                "bytes fields as they are)"
            )
    if head[:11].lower() == b"data:image/":
        return " (they look like a data: URL: send the raw image bytes, without the prefix)"
    if head.startswith(b"%PDF"):
        return " (they look like a PDF document: send the pages as PNG or JPEG images)"
    if head[:5].lower() in (b"<?xml", b"<svg ") or head[:4].lower() == b"<svg":
        return " (they look like SVG or XML: render it to PNG first)"
    if data[4:8] == b"ftyp":
        return " (they look like HEIC/AVIF: convert the image to JPEG or PNG)"
    return f" (they start with {data[:8].hex(' ')})"


# ----- headers: size, orientation and completeness, read without decoding -----


def _png(data: bytes) -> _Header:
    """Walk the chunks: IHDR gives the size, eXIf the orientation, and IEND must be there."""
    length, kind = struct.unpack_from(">I4s", data, 8)
    if kind != b"IHDR" or length != 13:
        raise ValueError("the first chunk is not IHDR")
    width, height = struct.unpack_from(">II", data, 16)
    exif = None
    pos = 8
    while pos + 12 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if end > len(data):
            break
        if kind == b"eXIf" and exif is None:
            exif = data[pos + 8 : pos + 8 + length]
        elif kind == b"IEND":
            return _Header(width, height, _exif_orientation(exif))
        pos = end
    return _Header(width, height, complete=False)


# Image data deflated to more than this share of its size is noise-like (see _plain_png).
NOISY_SHARE = 0.25
# The PNGs the fast path decodes: 8- or 16-bit gray (0), RGB (2) or RGBA (6), not
# interlaced, without a tRNS chunk; to OpenCV's channel order with this colour conversion.
_PLAIN_PNG = {0: (1, None), 2: (3, cv2.COLOR_RGB2BGR), 6: (4, cv2.COLOR_RGBA2BGRA)}


def _plain_png(data: bytes) -> np.ndarray | None:
    """The pixels of a plain PNG, as OpenCV would decode them, or None for OpenCV to do it.

    Most PNGs sent here (screenshots, exports, scans) are plain; for them zlib-ng inflates
    the image data several times faster than the zlib under OpenCV's libpng (ten times on a
    screenshot), and a Cython kernel undoes the row filters. Anything else (palettes,
    transparency chunks, interlacing, bit depths below 8, a bad checksum, data of the wrong
    length) is left to OpenCV, which decodes it or refuses it with its own checks.
    """
    width, height, depth, colour, compression, filtering, interlace = struct.unpack_from(
        ">IIBBBBB", data, 16
    )
    if depth not in (8, 16) or colour not in _PLAIN_PNG or compression or filtering or interlace:
        return None
    if zlib_ng.crc32(data[12:29]) != struct.unpack_from(">I", data, 29)[0]:
        return None
    parts: list[memoryview] = []
    view = memoryview(data)
    pos = 33
    while pos + 12 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = view[pos + 8 : pos + 8 + length]
        if kind == b"IDAT":
            if (
                pos + 12 + length > len(data)
                or zlib_ng.crc32(body, zlib_ng.crc32(kind))
                != struct.unpack_from(">I", data, pos + 8 + length)[0]
            ):
                return None  # as libpng, which refuses image data with a bad checksum
            parts.append(body)
        elif kind in (b"tRNS", b"PLTE"):
            return None
        elif kind == b"IEND":
            break
        pos += 12 + length
    channels, conversion = _PLAIN_PNG[colour]
    size = depth // 8
    stride = 1 + width * channels * size
    expected = height * stride
    stream = b"".join(parts)
    # ISA-L inflates noise-like data (a scan, an X-ray: little shrinks) a third faster than
    # zlib-ng; zlib-ng inflates long repeats (screenshots) twice as fast as ISA-L.
    zlib = isal_zlib if len(stream) > NOISY_SHARE * expected else zlib_ng
    inflater = zlib.decompressobj()
    try:
        # Never more than the header's size: a stream that inflates further (a bomb behind a
        # small header) stops here and goes to OpenCV, which stops at the header's size too.
        raw = inflater.decompress(stream, expected + 1)
    except zlib.error:
        return None
    if len(raw) != expected or not inflater.eof:
        return None
    rows = np.frombuffer(raw, np.uint8).reshape(height, stride).copy()
    try:
        unfilter(rows, channels * size)
    except ValueError:
        return None
    samples = rows[:, 1:]
    if size == 2:
        samples = samples.view(">u2").astype(np.uint16)
    pixels = samples.reshape(height, width, channels)
    if conversion is None:
        return np.ascontiguousarray(pixels[:, :, 0])
    return cv2.cvtColor(pixels, conversion)


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> _Header:
    """Walk the marker segments up to the first scan, then look for the end-of-image marker.

    Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so the first
    FF D9 after the scan header ends the primary image (data appended after it is ignored).
    """
    size: tuple[int, int] | None = None
    exif = None
    pos = 2
    n = len(data)
    while True:
        pos = data.find(b"\xff", pos)  # libjpeg skips stray bytes before a marker too
        if pos < 0:
            return _Header(*(size or (1, 1)), complete=False)
        while pos < n and data[pos] == 0xFF:
            pos += 1
        if pos + 2 >= n:
            return _Header(*(size or (1, 1)), complete=False)
        marker = data[pos]
        pos += 1
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        if marker == 0xD9:
            raise ValueError("the image ends before any image data")
        (length,) = struct.unpack_from(">H", data, pos)
        if pos + length > n:
            return _Header(*(size or (1, 1)), complete=False)
        if marker in _SOF and size is None:
            height, width = struct.unpack_from(">HH", data, pos + 3)
            size = (width, height)
        elif marker == 0xE1 and exif is None and data.startswith(b"Exif\x00\x00", pos + 2):
            exif = data[pos + 8 : pos + length]
        elif marker == 0xDA:
            if size is None:
                raise ValueError("image data before the frame header")
            complete = data.find(b"\xff\xd9", pos + length) >= 0
            return _Header(*size, _exif_orientation(exif), complete)
        pos += length


def _gif(data: bytes) -> _Header:
    # The logical screen: OpenCV decodes frames onto a canvas of this size.
    width, height = struct.unpack_from("<HH", data, 6)
    return _Header(width, height)


def _bmp(data: bytes) -> _Header:
    (info_size,) = struct.unpack_from("<I", data, 14)
    if info_size == 12:  # OS/2 BITMAPCOREHEADER
        width, height = struct.unpack_from("<HH", data, 18)
    else:
        width, height = struct.unpack_from("<ii", data, 18)
    return _Header(width, abs(height))


def _webp(data: bytes) -> _Header:
    (riff_size,) = struct.unpack_from("<I", data, 4)
    kind = data[12:16]
    if kind == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            raise ValueError("no VP8 start code")
        width, height = struct.unpack_from("<HH", data, 26)
        width, height = width & 0x3FFF, height & 0x3FFF
    elif kind == b"VP8L":
        if data[20] != 0x2F:
            raise ValueError("no VP8L signature")
        (bits,) = struct.unpack_from("<I", data, 21)
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    elif kind == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
    else:
        raise ValueError(f"unknown first chunk {kind!r}")
    exif = None
    pos = 12
    end = min(len(data), 8 + riff_size)
    while kind == b"VP8X" and pos + 8 <= end:
        chunk, length = struct.unpack_from("<4sI", data, pos)
        if chunk == b"EXIF":
            exif = data[pos + 8 : pos + 8 + length]
            break
        pos += 8 + length + (length & 1)
    return _Header(width, height, _exif_orientation(exif), 8 + riff_size <= len(data))


def _tiff(data: bytes) -> _Header:
    tags = _tiff_ifd0(data)
    # OpenCV's TIFF reader applies the TIFF Orientation tag itself: nothing left to apply.
    return _Header(tags.get(256, 0), tags.get(257, 0), unassociated_alpha=tags.get(338) == 2)


_HEADERS: dict[str, Callable[[bytes], _Header]] = {
    "png": _png,
    "jpeg": _jpeg,
    "gif": _gif,
    "bmp": _bmp,
    "webp": _webp,
    "tiff": _tiff,
}

# TIFF field types holding one integer: BYTE, SHORT, LONG, SBYTE, SSHORT, SLONG, LONG8
_INT_TYPES = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 16: "Q"}


def _tiff_ifd0(buf: bytes) -> dict[int, int]:
    """The single-integer tags of the first IFD of a TIFF (or BigTIFF) structure.

    Used for TIFF files (width, height) and for EXIF blocks, which are TIFF structures.
    """
    order = {b"II": "<", b"MM": ">"}[buf[:2]]
    (magic,) = struct.unpack_from(order + "H", buf, 2)
    if magic == 42:
        (offset,) = struct.unpack_from(order + "I", buf, 4)
        count_fmt, entry_fmt, entry_size, value_at = "H", "HHI", 12, 8
    elif magic == 43:
        (offset,) = struct.unpack_from(order + "Q", buf, 8)
        count_fmt, entry_fmt, entry_size, value_at = "Q", "HHQ", 20, 12
    else:
        raise ValueError("not a TIFF structure")
    (count,) = struct.unpack_from(order + count_fmt, buf, offset)
    first = offset + struct.calcsize(order + count_fmt)
    tags: dict[int, int] = {}
    for i in range(min(count, 4096)):
        at = first + i * entry_size
        tag, kind, n = struct.unpack_from(order + entry_fmt, buf, at)
        if n == 1 and kind in _INT_TYPES:
            (tags[tag],) = struct.unpack_from(order + _INT_TYPES[kind], buf, at + value_at)
    return tags


def _exif_orientation(exif: bytes | None) -> int:
    """EXIF Orientation (1-8), or 1 when absent or unreadable.

    An unreadable tag is safe to ignore: the output carries no metadata either, so the image is
    shown as stored, which is how it was OCR'd and painted.
    """
    if not exif:
        return 1
    if exif.startswith(b"Exif\x00\x00"):
        exif = exif[6:]
    try:
        value = _tiff_ifd0(exif).get(0x0112, 1)
    except (struct.error, KeyError, ValueError):
        return 1
    return value if 1 <= value <= 8 else 1


def _unpremultiply(bgra: np.ndarray) -> np.ndarray:
    """Undo the premultiplication libtiff's RGBA reader applies to unassociated alpha.

    OpenCV reads 8-bit TIFFs through TIFFReadRGBA*, which multiplies colour by alpha; written
    back as is, every semi-transparent pixel would come out darker. Exact where alpha is 255,
    within 255 / (2 * alpha) levels elsewhere; colour under alpha 0 is gone (and invisible).
    """
    alpha = bgra[:, :, 3:].astype(np.float32)
    colour = bgra[:, :, :3].astype(np.float32) * 255.0
    np.divide(colour, alpha, out=colour, where=alpha > 0)
    out = bgra.copy()
    out[:, :, :3] = np.clip(colour + 0.5, 0.0, 255.0).astype(np.uint8)
    return out


def _orient(image: np.ndarray, orientation: int) -> np.ndarray:
    """Turn stored pixels into displayed pixels, for EXIF Orientation 1-8."""
    if orientation == 2:
        return cv2.flip(image, 1)
    if orientation == 3:
        return cv2.rotate(image, cv2.ROTATE_180)
    if orientation == 4:
        return cv2.flip(image, 0)
    if orientation == 5:
        return cv2.transpose(image)
    if orientation == 6:
        return cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    if orientation == 7:
        return cv2.rotate(cv2.transpose(image), cv2.ROTATE_180)
    if orientation == 8:
        return cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE)
    return image
