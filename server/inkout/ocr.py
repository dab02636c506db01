"""Read text and its pixel boxes with tesseract, held in memory through tesserocr.

Tesseract APIs are expensive to create (they load the trained model), so an OcrEngine makes
a fixed pool of them once and lends one to each call; tesserocr releases the GIL while
recognising, so calls on several threads run in parallel.
"""

from __future__ import annotations

import bisect
import itertools
import os
import queue
import threading
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace

import cv2
import numpy as np
from tesserocr import OEM, PSM, RIL, PyTessBaseAPI, iterate_level

from inkout.boxes import MIN_CONTRAST, union
from inkout.model import Box, OcrText, Symbol, Word

DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"


def tessdata_path() -> str:
    """TESSDATA_PREFIX if set, else Debian's tesseract-ocr-eng location."""
    return os.environ.get("TESSDATA_PREFIX", DEFAULT_TESSDATA)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The OCR input and how to map its coordinates back to the original image.

    (origin_x, origin_y) is where the original image's (0, 0) lies in `gray`, which can be a
    bordered copy or one band of it.
    """

    gray: np.ndarray
    origin_x: int
    origin_y: int
    scale: float
    width: int
    height: int
    inverted: bool = False  # light text on a dark image, read inverted


def to_gray8(pixels: np.ndarray) -> np.ndarray:
    """Any decoded image (gray, BGR, BGRA; 8/16-bit or float) as 8-bit gray for tesseract.

    Transparent pixels are composited over white, because their colour values are often
    black and would hide dark text drawn on a transparent background.
    """
    img = pixels
    if img.dtype == np.uint16 or img.dtype.kind == "f":
        # Medical and scientific images often use a narrow part of the range: stretch it.
        img = cv2.normalize(img, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    elif img.dtype != np.uint8:
        raise TypeError(f"unsupported pixel type {img.dtype}")
    if img.ndim == 2:
        return img
    channels = img.shape[2]
    if channels in (2, 4):
        colour, alpha = img[:, :, :-1], img[:, :, -1:].astype(np.float32) / 255.0
        img = (colour.astype(np.float32) * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
        channels -= 1
    if channels == 1:
        return np.ascontiguousarray(img[:, :, 0])
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)


# The window of the running median that makes the border (see _background_border).
BORDER_WINDOW = 61


def prepare(pixels: np.ndarray, border: int = 20) -> Prepared:
    """Gray, dark text on light, with a border of the background around it.

    Tesseract misses text that touches the image edge; a border recovers it.
    Light-on-dark images (X-rays, dark UI themes) are inverted, since tesseract reads dark
    text on a light page best.
    """
    gray = to_gray8(pixels)
    height, width = gray.shape
    inverted = bool(np.median(gray[::4, ::4]) < 110)  # a sample decides as well, 16x faster
    if inverted:
        gray = cv2.bitwise_not(gray)
    if border:
        gray = cv2.copyMakeBorder(gray, border, border, border, border, cv2.BORDER_REPLICATE)
        _background_border(gray, border)
    return Prepared(np.ascontiguousarray(gray), border, border, 1.0, width, height, inverted)


# The first reading of a page is evened (see evened) when tesseract's global threshold lies
# closer to the ink than EVEN_SHARE of the way from the ink to the paper around it. Its
# background is the lightest within EVEN_WINDOW pixels at half size, wider than any stroke;
# the desk, and whatever lies further than FAR_FROM_TEXT pixels from a (faint) text edge, take
# the paper's shade.
EVEN_SHARE = 0.35
EVEN_WINDOW = 15
FAR_FROM_TEXT = 24


def evened(p: Prepared, edges: np.ndarray) -> Prepared:
    """p for tesseract's first reading: itself, or, when one threshold for the whole image
    would cut its letters, dark text on white paper evenly lit.

    Tesseract binarises the page with one Otsu threshold. On a photo the desk around the
    sheet pulls it toward the ink, and thin letters on the shaded side of the paper fall on
    the paper's side of it: lines were read cut short ("(305) 555-01" for "(305) 555-0102",
    a date of birth as "0"). Dividing by the local background lifts paper and desk alike to
    white; the desk's grain and stripes, lifted too, read as words ("LE RES SE", a name boxed
    over a form's labels), so the desk, and whatever is far from any text edge, take the
    paper's shade around the text (pure white there drew the edges of patches, and a form's
    label was read as "Date ofr t th:"). edges: text_edges(p.gray).
    """
    rows = edges[::4]  # one row in four is enough to measure the ink and paper
    near = cv2.dilate(rows, np.ones((5, 7), np.uint8)).view(bool)
    around = p.gray[::4, 0 : 2 * rows.shape[1] : 2][near]
    if around.size < 500:
        return p
    counts = np.cumsum(np.bincount(around, minlength=256))
    low, middle, high = np.searchsorted(counts, around.size * np.array([0.05, 0.5, 0.95]))
    ink = low if middle - low > high - middle else high  # the letters: the rarer extreme
    if ink == middle:
        return p
    threshold, _ = cv2.threshold(p.gray[::2, ::2], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if (threshold - ink) / (middle - ink) >= EVEN_SHARE:
        return p
    gray = p.gray if ink < middle else cv2.bitwise_not(p.gray)
    half = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    window = np.ones((EVEN_WINDOW, EVEN_WINDOW), np.uint8)
    background = cv2.blur(cv2.dilate(half, window), (EVEN_WINDOW, EVEN_WINDOW))
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]))
    faint = text_edges(p.gray, _thresholds_within_border(p))
    reach = cv2.dilate(faint, np.ones((2 * FAR_FROM_TEXT + 1, FAR_FROM_TEXT + 1), np.uint8))
    far = np.ones(gray.shape, bool)
    far[:, : 2 * reach.shape[1]] = np.repeat(reach, 2, axis=1) == 0  # map column k: 2k, 2k+1
    # ... and the desk: nothing near as light as the threshold (the desk's side of it)
    far |= background < (threshold if ink < middle else 255 - threshold)
    gray = cv2.divide(gray, background, scale=255)
    kept = ~far[::4, ::4]
    gray[far] = int(np.median(gray[::4, ::4][kept])) if kept.any() else 255
    return Prepared(gray, p.origin_x, p.origin_y, p.scale, p.width, p.height)


def _background_border(gray: np.ndarray, border: int) -> None:
    """The border, in place, as the background along each edge rather than the edge itself.

    Replicated, a letter that touches the edge (a name burnt into a radiograph's corner) was
    drawn on as a streak across the whole border, and tesseract read the line it stands on
    as marks ("|", "ae 1991"). A running median along each edge, BORDER_WINDOW pixels or a
    twentieth of the side wide, keeps the background's light and shade and drops the letters.
    """
    height, width = gray.shape
    for rows, edge in ((slice(0, border), border), (slice(height - border, height), -border - 1)):
        gray[rows, :] = _running_median(gray[edge, :])
    for cols, edge in ((slice(0, border), border), (slice(width - border, width), -border - 1)):
        gray[:, cols] = _running_median(gray[:, edge])[:, None]


def _running_median(line: np.ndarray) -> np.ndarray:
    """The background along an edge line: the lightest of each window, once specks are gone.

    The text is dark by now (see prepare); where letters touch the edge they can fill most of
    a window ("INÈS" at a radiograph's left edge), and a median there was dark streaks.
    """
    window = min(max(BORDER_WINDOW, line.size // 20) | 1, 255)
    clean = cv2.medianBlur(np.ascontiguousarray(line).reshape(1, -1), 5)
    light = cv2.dilate(clean, np.ones((1, window), np.uint8))
    return cv2.medianBlur(light, window).ravel()


# Bands are cut only inside runs of blank rows at least this tall, with BAND_PAD blank rows
# added above and below each band, so that no text line is cut or touches a band's edge.
MIN_GAP = 6
BAND_PAD = 10
MIN_BAND_ROWS = 120
PIXELS_PER_EDGE = 120
# A vertical run of edges at least this tall (and a twelfth of the image) is a ruled line or
# an edge of the page, never a glyph.
MIN_LINE_ROWS = 150
# Neighbouring pixels (two columns apart) this far apart in gray are a text edge.
EDGE_CONTRAST = 40
# Grey print photographed in dim light can stay below EDGE_CONTRAST: the second look searches
# down to FAINT_CONTRAST, but never within NOISE_MARGIN times the noise around, measured in
# tiles of FAINT_TILE pixels, so that a radiograph's grain or a textured desk is not taken for
# lines of text, while the smooth paper beside it is searched to its faintest print.
FAINT_CONTRAST = 16
NOISE_MARGIN = 6.0
FAINT_TILE = 64


def text_edges(gray: np.ndarray, threshold: int | np.ndarray = EDGE_CONTRAST) -> np.ndarray:
    """Where text may be: sharp horizontal contrast edges, on every second column.

    Edges rather than dark pixels, so dark panels and smooth backgrounds count as blank. Edges
    that belong to long vertical or slightly slanted runs (panel borders, table rules, the
    sides of a photographed sheet) are structure, not text: an opening with a tall kernel
    finds them, and no glyph stroke is that tall. Every second column is enough to find text
    and halves the cost. Column k of the map is column 2k of gray. threshold: one for the
    whole image, or one per place of the map (see faint_thresholds).
    """
    half = np.ascontiguousarray(gray[:, ::2])
    edges = (cv2.absdiff(half[:, 1:], half[:, :-1]) > threshold).view(np.uint8)
    tall = max(MIN_LINE_ROWS, gray.shape[0] // 12)
    joined = cv2.dilate(edges, np.ones((1, 7), np.uint8))  # a slanted line becomes a column run
    cores = cv2.erode(joined, np.ones((tall, 1), np.uint8))
    if cores.any():  # most images have no such line: skip the second half of the opening
        edges[cv2.dilate(cores, np.ones((tall, 1), np.uint8)) > 0] = 0
    return edges


def faint_thresholds(gray: np.ndarray) -> np.ndarray:
    """Edge thresholds for a second look at gray, one per place of the text_edges map:
    FAINT_CONTRAST on smooth paper, up to EDGE_CONTRAST where the image is grainy.

    Noise is measured tile by tile, as the median difference between the neighbours that
    text_edges compares: text covering less than half a tile leaves it unchanged. One figure
    for the whole image let a photo's textured desk hide the faint labels on its paper
    ("Patient name:", "MRN" above their values).
    """
    shape = (gray.shape[0], max(0, (gray.shape[1] + 1) // 2 - 1))  # text_edges' map
    # every fourth row and every second column of the map: (4k, 4k + 2) in gray
    a, b = gray[::4, 0:-2:4], gray[::4, 2::4]
    n = min(a.shape[1], b.shape[1])
    if a.shape[0] == 0 or n == 0:  # nothing to compare: no faint pass
        return np.full(shape, EDGE_CONTRAST, np.uint8)
    sample = cv2.absdiff(np.ascontiguousarray(a[:, :n]), np.ascontiguousarray(b[:, :n]))
    # a tile, in the sample; the rows and columns left over take the last tile's threshold
    height, width = min(FAINT_TILE // 4, sample.shape[0]), min(FAINT_TILE // 4, n)
    rows, cols = sample.shape[0] // height, n // width
    tiled = sample[: rows * height, : cols * width].reshape(rows, height, cols, width)
    values = tiled.transpose(0, 2, 1, 3).reshape(rows, cols, -1)
    middle = values.shape[2] // 2
    noise = np.partition(values, middle, axis=2)[:, :, middle]  # the median, near enough
    tiles = np.clip(NOISE_MARGIN * noise, FAINT_CONTRAST, EDGE_CONTRAST).astype(np.uint8)
    size = (cols * 2 * width, rows * 4 * height)  # (width, height): each tile repeated
    full = cv2.resize(tiles, size, interpolation=cv2.INTER_NEAREST)
    full = full[: shape[0], : shape[1]]
    return np.pad(full, ((0, shape[0] - full.shape[0]), (0, shape[1] - full.shape[1])), "edge")


def _thresholds_within_border(p: Prepared) -> np.ndarray:
    """faint_thresholds of p's image itself, the border taking those along its edge: the
    border is smooth by making (see _background_border), and tiles holding it would lower the
    threshold along every edge of a grainy image, where the grain would then read as lines."""
    inner = p.gray[
        p.origin_y : p.gray.shape[0] - p.origin_y, p.origin_x : p.gray.shape[1] - p.origin_x
    ]
    if inner.size == 0:
        return faint_thresholds(p.gray)
    thresholds = faint_thresholds(inner)
    rows, cols = p.gray.shape[0], max(0, (p.gray.shape[1] + 1) // 2 - 1)  # text_edges' map
    left = p.origin_x // 2
    pad_rows = (p.origin_y, rows - thresholds.shape[0] - p.origin_y)
    pad_cols = (left, cols - thresholds.shape[1] - left)
    if min(*pad_rows, *pad_cols) < 0 or 0 in thresholds.shape:
        return faint_thresholds(p.gray)
    return np.pad(thresholds, (pad_rows, pad_cols), "edge")


def band_cuts(gray: np.ndarray, bands: int, edges: np.ndarray | None = None) -> list[int]:
    """Rows at which to cut gray into `bands` bands that take about equally long to read.

    Each cut lies in the middle of a run of rows without text edges, nearest to where the
    cumulative cost reaches k/bands of the total. Returns fewer cuts when no such run exists,
    e.g. on photos whose paper edges cross every row. edges: text_edges(gray), if known.
    """
    if bands < 2 or gray.shape[0] < 2 * MIN_BAND_ROWS:
        return []
    ink = np.count_nonzero(text_edges(gray) if edges is None else edges, axis=1)
    blank = ink == 0
    if not ink.any():
        return []
    # Recognition time grows with area and with text: fitted on the benchmark images, one
    # text edge costs about as much as PIXELS_PER_EDGE pixels of page.
    cost = ink + gray.shape[1] / PIXELS_PER_EDGE
    total = float(cost.sum())
    # Middles of blank runs of at least MIN_GAP rows.
    edges = np.flatnonzero(np.diff(np.concatenate(([0], blank.astype(np.int8), [0]))))
    runs = [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= MIN_GAP]
    middles = np.array([(a + b) // 2 for a, b in runs], dtype=np.int64)
    if middles.size == 0:
        return []
    cumulative = np.cumsum(cost)
    cuts: list[int] = []
    for k in range(1, bands):
        target = total * k / bands
        row = int(middles[np.argmin(np.abs(cumulative[middles] - target))])
        lo = cuts[-1] if cuts else 0
        if row - lo >= MIN_BAND_ROWS and gray.shape[0] - row >= MIN_BAND_ROWS:
            cuts.append(row)
    return sorted(set(cuts))


# Light type on a dark gray image (a radiograph's) taller than this many pixels (the median
# height of its words' edges, weighted by their width) is read shrunk to LARGE_TYPE_READ pixels:
# tesseract reads it as well there, and its layout analysis, most of the time on a large,
# nearly empty radiograph, costs by the pixel. Photos and scans are read as they are: shrunk
# by as little as a twentieth, a photo's reading lost values the full-size one had.
# The scale is a multiple of 1/BORDER_STEPS, so the border maps onto whole pixels; never
# below MIN_READ_SCALE.
LARGE_TYPE = 30
LARGE_TYPE_READ = 28
BORDER_STEPS = 20
MIN_READ_SCALE = 0.5


def _word_blobs(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(x, y, w, h) of the blobs of a text_edges map, letters joined into words, LOOK_MIN_ROWS
    to LOOK_MAX_ROWS tall: words and lines of them, not specks or rules."""
    blobs = cv2.dilate(mask, np.ones((3, 5), np.uint8))
    contours, _ = cv2.findContours(blobs, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    rects = map(cv2.boundingRect, contours)  # 5x faster than connected components
    return [r for r in rects if LOOK_MIN_ROWS <= r[3] <= LOOK_MAX_ROWS]


def type_height(edges: np.ndarray) -> float:
    """The median height of the words in a text_edges map, each weighted by its width:
    letters join into words, as in unread_lines; specks and rules are left out."""
    # the map has every 2nd column: a word is at least half as wide there as it is tall
    sizes = [(h, w) for _, _, w, h in _word_blobs(edges) if 2 * w >= h]
    if not sizes:
        return 0.0
    sizes.sort()
    half, total = sum(w for _, w in sizes) / 2, 0
    for h, w in sizes:
        total += w
        if total >= half:
            return float(h)
    return float(sizes[-1][0])


def reading_scale(edges: np.ndarray) -> float:
    """The scale to read an image at: 1, or less for large type (see LARGE_TYPE)."""
    height = type_height(edges)
    if height < LARGE_TYPE:
        return 1.0
    steps = max(MIN_READ_SCALE * BORDER_STEPS, round(LARGE_TYPE_READ / height * BORDER_STEPS))
    return steps / BORDER_STEPS


def shrunk(p: Prepared, factor: float) -> Prepared:
    """p scaled down by factor (see reading_scale): its boxes still map onto the image."""
    gray = cv2.resize(p.gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    origin_x, origin_y = round(p.origin_x * factor), round(p.origin_y * factor)
    return Prepared(gray, origin_x, origin_y, p.scale * factor, p.width, p.height)


def split(prepared: Prepared, cuts: list[int]) -> list[Prepared]:
    """The bands of a prepared image, each padded with blank rows."""
    gray = prepared.gray
    bounds = [0, *cuts, gray.shape[0]]
    bands = []
    for top, bottom in zip(bounds, bounds[1:], strict=False):
        band = gray[top:bottom]
        pad_top = BAND_PAD if top > 0 else 0
        pad_bottom = BAND_PAD if bottom < gray.shape[0] else 0
        if pad_top or pad_bottom:
            band = cv2.copyMakeBorder(band, pad_top, pad_bottom, 0, 0, cv2.BORDER_REPLICATE)
        origin_y = prepared.origin_y - top + pad_top
        part = Prepared(
            np.ascontiguousarray(band),
            prepared.origin_x,
            origin_y,
            prepared.scale,
            prepared.width,
            prepared.height,
        )
        bands.append(part)
    return bands


def merge(parts: list[OcrText], joins: list[str] | None = None) -> OcrText:
    """One OcrText from consecutive parts (bands, or pieces of lines), joined by newlines.

    joins[i], if given, is what goes before parts[i] instead: a space continues the line
    before it, so the part's first line is that line.
    """
    kept = [(p, j) for p, j in zip(parts, joins or ["\n"] * len(parts), strict=True) if p.text]
    if len(kept) == 1:
        return kept[0][0]
    texts: list[str] = []
    words: list[Word] = []
    symbols: list[Symbol] = []
    offset = 0
    lines = 0
    for part, join in kept:
        if texts:
            texts.append(join)
            offset += 1
            if join != "\n" and lines:
                lines -= 1
        texts.append(part.text)
        first_word = len(words)
        # The constructors, not dataclasses.replace: five times faster, on every word and glyph.
        words.extend(
            Word(w.start + offset, w.end + offset, w.box, w.line + lines, w.confidence)
            for w in part.words
        )
        symbols.extend(
            Symbol(s.start + offset, s.end + offset, s.box, s.word + first_word)
            for s in part.symbols
        )
        offset += len(part.text)
        lines += (max(w.line for w in part.words) + 1) if part.words else 0
    return OcrText("".join(texts), tuple(words), tuple(symbols))


# A word box this many times taller than the typical word reaches beyond its own text.
TALL_BOX = 1.6
# A row of ink across this share of a word box is a rule (a form's underline), not a glyph.
RULE_SHARE = 0.9


def _ink(region: np.ndarray) -> np.ndarray | None:
    """The pixels of region that stand out from its median, its background, as ink (as box
    fitting tells them); None when nothing in it stands out enough."""
    if region.size == 0:
        return None
    diff = cv2.absdiff(region, np.full_like(region, int(np.median(region))))
    contrast = int(diff.max())
    if contrast < MIN_CONTRAST:
        return None
    return diff > max(0.8 * MIN_CONTRAST, 0.35 * contrast)


def _ink_band(gray: np.ndarray, box: Box) -> tuple[int, int] | None:
    """The rows (top, bottom) of the largest band of ink inside box, rules left out; None
    when the box holds no ink that stands out."""
    ink = _ink(gray[box.top : box.bottom, box.left : box.right])
    if ink is None:
        return None
    per_row = np.count_nonzero(ink, axis=1)
    per_row[per_row >= RULE_SHARE * box.width] = 0
    inked = np.concatenate(([0], (per_row > 0).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(inked))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
    if not runs:
        return None
    joined = [runs[0]]
    for a, b in runs[1:]:  # an accent or a dot over its letter, a row or two apart
        if a - joined[-1][1] <= 2:
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    top, bottom = max(joined, key=lambda r: int(per_row[r[0] : r[1]].sum()))
    return box.top + top, box.top + bottom


def trim_tall_words(ocr: OcrText, p: Prepared) -> OcrText:
    """Word boxes far taller than the typical word, cut to the band of their own ink.

    Tesseract sometimes boxes a small form label together with the underline above it and
    the top of the value below ("MRN" 31 pixels tall among 10-pixel words): the label then
    seems to overlap its value, and its size hides it from a second look. Rules are left
    out, and the largest band of ink that remains is the word.
    """
    if not ocr.words:
        return ocr
    typical = float(np.median([w.box.height for w in ocr.words]))
    cut: dict[int, Box] = {}
    for i, w in enumerate(ocr.words):
        if w.box.height <= TALL_BOX * typical or w.box.width < 2:
            continue
        shifted = Box(w.box.left + p.origin_x, w.box.top + p.origin_y, w.box.width, w.box.height)
        band = _ink_band(p.gray, shifted)
        if band is None:
            continue
        top, bottom = band[0] - p.origin_y, band[1] - p.origin_y
        if bottom - top < w.box.height and bottom - top >= typical / 2:
            cut[i] = Box(w.box.left, top, w.box.width, bottom - top)
    if not cut:
        return ocr
    words = tuple(replace(w, box=cut[i]) if i in cut else w for i, w in enumerate(ocr.words))
    symbols = tuple(
        replace(s, box=Box(s.box.left, cut[s.word].top, s.box.width, cut[s.word].height))
        if s.word in cut
        else s
        for s in ocr.symbols
    )
    return OcrText(ocr.text, words, symbols)


# Bullets that mask an address on screen ("j•••@example.com") are solid round dots, with no
# counter or opening as letters have; tesseract, in small type, drops them or reads them as
# letters ("jr@example.com", "pe ee @"), and detection would then see an address to erase. A
# run of at least MIN_BULLETS such dots of one size, right before the "@", is bullets: no
# user name holds two marks in a row. Every dot is solid; one under SOLID_ROWS rows, where
# a letter's counter may blur shut, must also be at most SMALL_DOT of the "@"'s height, well
# under any lower-case letter's; larger ones may reach BIG_DOT.
SMALL_DOT = 0.4
BIG_DOT = 0.6
SOLID_ROWS = 5
MIN_BULLETS = 2
BULLETS_REACH = 4  # bullets are looked for this many "@" heights before it
BULLET = "•"


def _solid(mask: np.ndarray) -> bool:
    """Whether every row and every column of mask crosses its ink once: a dot, not a letter
    with a counter ("o", "e") or an opening ("c", "s")."""
    for m in (mask, mask.T):
        crossings = np.count_nonzero(np.diff(m.astype(np.int8), axis=1, prepend=0) == 1, axis=1)
        if crossings.max() > 1:
            return False
    return True


def _bullets_before(gray: np.ndarray, at: Box) -> list[Box]:
    """The bullets right before the "@" boxed at (gray's coordinates), left to right. Rows
    above and below its box are looked at too, since tesseract's box may cut the "@"."""
    margin = at.height // 2
    left, top = max(0, at.left - BULLETS_REACH * at.height), max(0, at.top - margin)
    ink = _ink(gray[top : at.bottom + margin, left : at.right])
    if ink is None:
        return []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    x0, x1 = at.left - left, at.right - left
    # ... no wider than twice its box: an underline the "@" touches is no part of it
    under = [
        k
        for k in range(1, count)
        if stats[k, 0] < x1 and stats[k, 0] + stats[k, 2] > x0 and stats[k, 2] <= 2 * at.width
    ]
    if count <= MIN_BULLETS + 1 or not under:
        return []
    # the "@" itself: the largest part under its box
    at_left, at_top, _, height = stats[max(under, key=lambda k: stats[k, 4]), :4].tolist()
    row = [
        k
        for k in range(1, count)
        if stats[k, 0] + stats[k, 2] <= at_left
        and stats[k, 1] < at_top + height
        and stats[k, 1] + stats[k, 3] > at_top
    ]
    run: list[Box] = []
    for k in sorted(row, key=lambda k: -(stats[k, 0] + stats[k, 2])):
        x, y, w, h = stats[k, :4].tolist()
        size = h <= SMALL_DOT * height or SOLID_ROWS <= h <= BIG_DOT * height
        dot = size and h >= 2 and w <= 2 * h + 1 and h <= 2 * w + 1
        mid_height = y > at_top + 0.15 * height and y + h < at_top + 0.85 * height
        same_size = not run or abs(h - run[-1].height) <= 1 + run[-1].height // 3
        close = (run[-1].left if run else at_left) - (x + w) <= 0.6 * height
        # side by side on one row, not stacked as a colon's dots are
        beside = not run or (
            x + w <= run[-1].left and abs(2 * y + h - 2 * run[-1].top - run[-1].height) <= h
        )
        if not (dot and mid_height and same_size and close and beside):
            break
        if not _solid(labels[y : y + h, x : x + w] == k):
            break
        run.append(Box(x, y, w, h))
    if len(run) < MIN_BULLETS:
        return []
    return [Box(left + b.left, top + b.top, b.width, b.height) for b in run[::-1]]


def shown_bullets(ocr: OcrText, p: Prepared) -> OcrText:
    """Addresses masked on screen, with the bullets tesseract dropped or misread put back in
    their text ("jr@example.com" for "j•••@example.com"), so detection sees them masked.

    Bullets are looked for in the pixels before each "@". The words of its row over them
    (the "@"'s own, or words split off before it: "pe ee @clinic-north.org") become one word:
    the letters left of the first bullet, one "•" per bullet, and the rest of the "@"'s word.
    """
    by_word = _symbols_by_word(ocr)
    edits: list[_Edit] = []
    for i, w in enumerate(ocr.words):
        at = next((s for s in by_word[i] if ocr.text[s.start : s.end] == "@"), None)
        if at is None:
            continue
        x, y = p.origin_x, p.origin_y
        dots = _bullets_before(
            p.gray, Box(at.box.left + x, at.box.top + y, at.box.width, at.box.height)
        )
        if not dots:
            continue
        dots = [Box(d.left - x, d.top - y, d.width, d.height) for d in dots]
        over = [
            j
            for j, v in enumerate(ocr.words)
            if (j == i and at.start > v.start)
            or (j != i and v.box.same_row(at.box) and dots[0].left < v.box.right <= at.box.right)
        ]
        if over != list(range(i - len(over) + (i in over), i + (i in over))):
            continue  # words not in the order they stand: left as read, and redacted
        first = ocr.words[over[0]] if over else w
        end = w.end if i in over or not over else ocr.words[over[-1]].end
        if any(e.offset < end and first.start < e.end for e in edits):
            continue
        kept = [
            s
            for j in over
            for s in by_word[j]
            if s.start < at.start and s.box.left + s.box.width / 2 < dots[0].left
        ]
        rest = [s for s in by_word[i] if s.start >= at.start] if i in over or not over else []
        text, symbols = "", []
        for s in kept:
            symbols.append(Symbol(len(text), len(text) + s.end - s.start, s.box, 0))
            text += ocr.text[s.start : s.end]
        for d in dots:
            symbols.append(Symbol(len(text), len(text) + 1, d, 0))
            text += BULLET
        for s in rest:
            symbols.append(Symbol(len(text), len(text) + s.end - s.start, s.box, 0))
            text += ocr.text[s.start : s.end]
        box = union([*(ocr.words[j].box for j in over), *dots, *(s.box for s in rest)])
        word = Word(0, len(text), box, 0, first.confidence)
        piece = OcrText(text, (word,), tuple(symbols))
        edits.append(_Edit(first.start, end, "", 0, piece, first.line))
    return _splice(ocr, sorted(edits, key=lambda e: e.offset)) if edits else ocr


def _pieces(ocr: OcrText) -> list[list[int]]:
    """Indexes of the words of each run of text between newlines (a line, or a table cell)."""
    pieces: list[list[int]] = []
    for i, w in enumerate(ocr.words):
        if pieces and "\n" not in ocr.text[ocr.words[i - 1].end : w.start]:
            pieces[-1].append(i)
        else:
            pieces.append([i])
    return pieces


# A piece that starts at most this many heights right of where another ends, on the same row,
# continues it: the two are one line tesseract broke in two. So does one as far as
# JOIN_WORD_GAPS times the widest gap between the words of either piece (or the page's median
# word gap, for pieces of one word), up to JOIN_MAX_GAP heights: a photographed sheet's
# perspective can space words wider than their height.
JOIN_GAP = 0.5
JOIN_WORD_GAPS = 1.5
JOIN_MAX_GAP = 2.0


def rejoin_lines(ocr: OcrText) -> OcrText:
    """The text with each line tesseract broke in two put back together, a space between.

    In a slightly rotated scan tesseract can read the end of a line as a line of its own and
    place it far away in its text ("yyamamoto@ora" ... "nge.fr"), out of reach of the
    detectors that would join the two. Words and symbols keep their boxes.
    """
    pieces = _pieces(ocr)
    if len(pieces) < 2:
        return ocr
    firsts = [ocr.words[p[0]].box for p in pieces]
    lasts = [ocr.words[p[-1]].box for p in pieces]
    spacing = [
        max(
            (ocr.words[j].box.left - ocr.words[i].box.right for i, j in itertools.pairwise(p)),
            default=0,
        )
        for p in pieces
    ]
    # the page's own word gap, in heights, for pieces of one word
    ratios = [
        (ocr.words[j].box.left - ocr.words[i].box.right) / max(1, ocr.words[i].box.height)
        for p in pieces
        for i, j in itertools.pairwise(p)
    ]
    page_gap = float(np.median(ratios)) if ratios else 0.0
    reach = JOIN_MAX_GAP * max(b.height for b in firsts + lasts)
    by_right = sorted(range(len(pieces)), key=lambda j: lasts[j].right)
    rights = [lasts[j].right for j in by_right]
    after: dict[int, int] = {}  # piece -> the piece that continues it
    joined: set[int] = set()
    for k, b in enumerate(firsts):
        lo, hi = bisect.bisect_left(rights, b.left - reach), bisect.bisect_right(rights, b.left)
        for j in reversed(by_right[lo:hi]):  # the nearest first
            a = lasts[j]
            overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
            high = max(a.height, b.height)
            word_gap = max(spacing[j], spacing[k], page_gap * high)
            limit = max(JOIN_GAP * high, min(JOIN_WORD_GAPS * word_gap, JOIN_MAX_GAP * high))
            if (
                j != k
                and j not in after
                and b.left - a.right <= limit
                and 2 * overlap >= min(a.height, b.height)
            ):
                after[j] = k
                joined.add(k)
                break
    if not after:
        return ocr
    by_word = _symbols_by_word(ocr)
    parts: list[OcrText] = []
    joins: list[str] = []
    done: set[int] = set()
    for k in range(len(pieces)):
        if k in joined or k in done:
            continue
        join = "\n"
        while k not in done:  # a chain of pieces, each continuing the one before
            done.add(k)
            parts.append(_piece(ocr, pieces[k], by_word))
            joins.append(join)
            join = " "
            if k not in after:
                break
            k = after[k]
    for k in range(len(pieces)):  # pieces joined only in a cycle (boxes that overlap)
        if k not in done:
            done.add(k)
            parts.append(_piece(ocr, pieces[k], by_word))
            joins.append("\n")
    return merge(parts, joins)


# A label stands above its value (left-aligned with it) when the gap between them is at most
# this many of the value's heights.
STACKED_GAP = 1.5


# Labels forms write without a colon, which only their words tell from a value; "DoB" is how
# British forms write DOB, and how OCR often reads it; "Bor" is "Born" with its "n" lost,
# "Bom" with its "rn" read as "m".
_BARE_LABELS = frozenset(
    {"born", "bor", "bom", "birthday", "birth date", "date of birth", "dob", "d.o.b."}
)


def _is_label(text: str) -> bool:
    """A form label on its own: "Date of birth:" (its colon perhaps read as ";", on a label of
    a few words without digits), an abbreviation such as "MRN", "DOB", or "Born" or "DoB"
    beside its date. A speck read as ":" alone labels nothing."""
    return (
        text.endswith(":")
        and any(c.isalpha() for c in text)
        or (text.endswith(";") and len(text.split()) <= 4 and not any(c.isdigit() for c in text))
        or (2 <= len(text) <= 5 and text.isalpha() and text.isupper())
        or text.lower() in _BARE_LABELS
    )


# A label without a colon ("Born") is told by its size: its value below is this much taller.
LABEL_SIZE = 1.2


def _small_labels(texts: list[str], boxes: list[Box]) -> set[int]:
    """Pieces of a few words without digits set in smaller type right above a value,
    left-aligned with it: a form's labels, with or without a colon ("Born" over "10/19/1939").

    Every piece against every other, as arrays: a screenshot has hundreds of pieces."""
    if not boxes:
        return set()
    top, left, height = np.array([(b.top, b.left, b.height) for b in boxes], float).T
    bottom = top + height
    wordy = np.array([len(t.split()) <= 4 and not any(c.isdigit() for c in t) for t in texts])
    found: set[int] = set()
    for k in range(0, len(boxes), 256):  # rows of candidates at a time: bounded memory
        rows = slice(k, k + 256)
        gap = top[None, :] - bottom[rows, None]
        below = (
            (gap >= 0)
            & (gap <= STACKED_GAP * height[None, :])
            & (np.abs(left[None, :] - left[rows, None]) <= height[None, :])
            & (height[None, :] >= LABEL_SIZE * height[rows, None])
        )
        below[np.arange(below.shape[0]), np.arange(k, k + below.shape[0])] = False  # not itself
        found.update((k + np.flatnonzero(wordy[rows] & below.any(axis=1))).tolist())
    return found


def reading_order(ocr: OcrText) -> OcrText:
    """The text with each form value right after its label, as a person reads the form.

    Tesseract reads a form's column of labels as one block and the column of values beside
    it as another, so "Date of birth:" ends up far from "November 28, 1942" and detectors
    lose the context word; with labels above their values, rows of two columns interleave
    them. A piece (a line, or a table cell) that is not a label moves to just after its
    label: the nearest label to its left on the same row (each one's middle inside the
    other's height), else the label just above it, left-aligned with it. Words and symbols
    keep their boxes; offsets move, and each piece becomes a line of its own.
    """
    pieces = _pieces(ocr)
    if len(pieces) < 2:
        return ocr
    boxes = [union([ocr.words[i].box for i in p]) for p in pieces]
    texts = [_piece_text(ocr, p) for p in pieces]
    labels = {k for k, text in enumerate(texts) if _is_label(text)}
    labels |= _small_labels(texts, boxes)
    split = _split_under_labels(ocr, pieces, [boxes[k] for k in labels])
    if split is not ocr:
        return reading_order(split)
    claims: dict[int, list[int]] = {}  # label piece -> the pieces it is nearest label of
    stacked: list[int] = []
    slope = _slope(ocr, pieces)
    for k, box in enumerate(boxes):
        if k in labels:
            continue
        middle = (box.top + box.bottom) / 2
        first = ocr.words[pieces[k][0]].box
        beside = [
            j
            for j in labels
            if boxes[j].right <= box.left
            and (
                boxes[j].top <= middle <= boxes[j].bottom
                and box.top <= (boxes[j].top + boxes[j].bottom) / 2 <= box.bottom
                or _level(ocr.words[pieces[j][-1]].box, first, slope)
            )
        ]
        if beside:
            claims.setdefault(max(beside, key=lambda j: boxes[j].right), []).append(k)
        else:
            stacked.append(k)
    # A label with its value beside it is no label of the line below it ("MRN  8505150"
    # above "Email address: ...").
    free = labels - claims.keys()
    for k in stacked:
        box = boxes[k]
        above = [
            j
            for j in free
            if 0 <= box.top - boxes[j].bottom <= STACKED_GAP * box.height
            and abs(boxes[j].left - box.left) <= box.height
        ]
        if above:
            claims.setdefault(max(above, key=lambda j: boxes[j].bottom), []).append(k)
    values: dict[int, int] = {}  # label piece -> its value, when not already right after it
    for label, claimed in claims.items():
        nearest = min(claimed, key=lambda k: boxes[k].left)
        if nearest != label + 1:
            values[label] = nearest
    if not values:
        return ocr
    moved = set(values.values())
    order: list[list[int]] = []
    for k, p in enumerate(pieces):
        if k not in moved:
            order.append(p)
            if k in values:
                order.append(pieces[values[k]])
    by_word = _symbols_by_word(ocr)
    return merge([_piece(ocr, p, by_word) for p in order])


def _split_under_labels(ocr: OcrText, pieces: list[list[int]], labels: list[Box]) -> OcrText:
    """ocr with a line break before each word, not a piece's first, that a label stands right
    above, left-aligned with it, a word's gap or more after the word before: two columns'
    values that tesseract read as one line, where the first is long ("jo@mail.example.org
    A-696626" under "Email address:" and "MRN"). Each then follows its own label."""
    cuts = []
    for piece in pieces:
        for before, i in itertools.pairwise(piece):
            w, previous = ocr.words[i].box, ocr.words[before].box
            if ocr.text[ocr.words[before].end : ocr.words[i].start] != " ":
                continue
            if w.left - previous.right >= w.height / 2 and any(
                0 <= w.top - label.bottom <= STACKED_GAP * w.height
                and abs(label.left - w.left) <= w.height
                and label.left > previous.right
                for label in labels
            ):
                cuts.append(ocr.words[before].end)
    if not cuts:
        return ocr
    text = list(ocr.text)
    for at in cuts:
        text[at] = "\n"
    return replace(ocr, text="".join(text))


def _slope(ocr: OcrText, pieces: list[list[int]]) -> float:
    """How far the page's lines fall per pixel to the right (a photographed sheet's are
    slanted): the median over the pieces of two words or more, from their first word's middle
    to their last's."""
    slopes = []
    for p in pieces:
        a, b = ocr.words[p[0]].box, ocr.words[p[-1]].box
        run = (b.left + b.right - a.left - a.right) / 2
        if len(p) >= 2 and run >= 3 * max(a.height, b.height):
            slopes.append((b.top + b.bottom - a.top - a.bottom) / 2 / run)
    return float(np.median(slopes)) if slopes else 0.0


def _level(label: Box, value: Box, slope: float) -> bool:
    """Whether a label's last word and a value's first word to its right stand on one row of
    a page whose lines fall by slope: each one's middle inside the other's height, the value
    moved to the label along the slant."""
    shift = slope * ((value.left + value.right) - (label.left + label.right)) / 2
    top, bottom = value.top - shift, value.bottom - shift
    return (
        label.top <= (top + bottom) / 2 <= label.bottom
        and top <= (label.top + label.bottom) / 2 <= bottom
    )


def under_headers(ocr: OcrText, is_header: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Each piece of text (a line, or a table cell) below a column header: its (start, end)
    in the text and the header's text.

    A table's header row can be far above its cells ("SSN" over ten rows of numbers), out of
    reach of the context words around a value; the header is the nearest piece above that
    is_header accepts, that overlaps the piece horizontally and whose words of letters are
    half as tall at least: a masked value's bullets read as "ssn", three pixels tall, head
    nothing, even beside the digits shown ("ssn 7989").
    """
    pieces = _pieces(ocr)
    spans = [(ocr.words[p[0]].start, ocr.words[p[-1]].end) for p in pieces]
    heads = [k for k, (a, b) in enumerate(spans) if is_header(ocr.text[a:b])]
    if not heads:
        return []
    boxes = [union([ocr.words[i].box for i in p]) for p in pieces]
    lettered = {
        k: min(
            (
                ocr.words[i].box.height
                for i in pieces[k]
                if any(c.isalpha() for c in ocr.text[ocr.words[i].start : ocr.words[i].end])
            ),
            default=boxes[k].height,
        )
        for k in heads
    }
    found = []
    for k, box in enumerate(boxes):
        if k in heads:
            continue
        above = [
            j
            for j in heads
            if boxes[j].bottom <= box.top
            and boxes[j].left < box.right
            and box.left < boxes[j].right
            and 2 * lettered[j] >= box.height
        ]
        if above:
            a, b = spans[max(above, key=lambda j: boxes[j].bottom)]
            found.append((*spans[k], ocr.text[a:b]))
    return found


def _symbols_by_word(ocr: OcrText) -> list[list[Symbol]]:
    """The symbols of each word of ocr, in order."""
    by_word: list[list[Symbol]] = [[] for _ in ocr.words]
    for s in ocr.symbols:
        by_word[s.word].append(s)
    return by_word


def _piece(ocr: OcrText, piece: list[int], by_word: list[list[Symbol]]) -> OcrText:
    """The words piece (consecutive indexes) of ocr as a one-line OcrText, for merge()."""
    start, end, first = ocr.words[piece[0]].start, ocr.words[piece[-1]].end, piece[0]
    words = tuple(
        replace(w, start=w.start - start, end=w.end - start, line=0)
        for w in ocr.words[first : piece[-1] + 1]
    )
    symbols = tuple(
        replace(s, start=s.start - start, end=s.end - start, word=s.word - first)
        for i in piece
        for s in by_word[i]
    )
    return OcrText(ocr.text[start:end], words, symbols)


# A second look: text-like edges that no word covers are cut out as lines and read again.
# A line of text is LOOK_MIN_ROWS to LOOK_MAX_ROWS tall and holds at least LOOK_EDGES_PER_ROW
# edges per row of its height (an icon's outline or a bullet holds fewer).
LOOK_MIN_ROWS = 6
LOOK_MAX_ROWS = 150
LOOK_EDGES_PER_ROW = 3
# ... and is at least this many heights wide: shorter is a fragment, or a word too short to
# be sensitive on its own.
LOOK_MIN_WIDTH = 2.5
# ... or, right after a word read on its row, this many: a line's unread last word.
LOOK_END_WIDTH = 1.0
# ... or, up to a column gap before one, this many: a line's unread first word ("Do," of "Do,
# Bao" in a monospaced font, whose space and comma leave a gap wider than a height), wider
# than an icon beside a label.
LOOK_BEFORE_WIDTH = 1.8
# Text shorter than this many pixels is read at twice its size: tesseract misreads small text.
LOOK_SMALL_ROWS = 16
# A piece of small text with a word read with less confidence than this is read again; a
# short piece (a form label: "RN" for "MRN:", "Dos." for "DOB") already below SHORT_DOUBT.
DOUBT_CONFIDENCE = 40
# A word whose box is at most this share of a piece's height each way is a mark ("MEN:
# Sano:" for "MRN: 04480710", a 4-pixel ":" read under it): it reaches into no line.
MARK_SHARE = 3
SHORT_PIECE = 12
SHORT_DOUBT = 70
LARGE_DOUBT = 30
# A word boxed wider than this many heights per letter was read from more ink than its
# letters: "VEN" over the whole of "MRN A-601634" on a radiograph, "One" over a chat
# header's picture, name and "online". Below STRETCHED_DOUBT, read again like a garbled line.
STRETCHED_WIDTH = 1.0
STRETCHED_DOUBT = 60
# A word read with less confidence than this is garbled past reading (see better).
GARBLED = 10


def unread_lines(
    edges: np.ndarray, ocr: OcrText, p: Prepared, gap: float | None = None
) -> list[Box]:
    """Lines of text edges, in p.gray's coordinates, that no word of ocr covers.

    Tesseract's layout analysis sometimes drops whole lines it could read: a chat's last
    bubble, a table row beside a highlighted menu item, grey text on a dark side panel, a
    corner of a radiograph. What a person can read there is found from its edges.
    """
    mask = edges.copy()
    for w in ocr.words:
        top, left = w.box.top + p.origin_y - 2, w.box.left + p.origin_x - 2
        mask[
            max(0, top) : top + w.box.height + 4, max(0, left // 2) : (left + w.box.width + 5) // 2
        ] = 0
    if not mask.any():
        return []
    # Letters of a line join into blobs (words, or letters of large text); lines a normal
    # leading apart stay apart. Blobs side by side then join into lines, so that large text
    # with wide letter gaps ("DAVIDSON" burnt into a radiograph) counts as a line too.
    parts: list[tuple[Box, int]] = []
    for x, y, w, h in _word_blobs(mask):
        count = np.count_nonzero(mask[y : y + h, x : x + w])
        if count >= h:  # a speck of noise or a dot holds fewer edges than a letter
            parts.append((Box(2 * x, y, 2 * w, h), count))
    rows = [
        box
        for box, count in _rows(parts, COLUMN_GAP if gap is None else gap)
        if count >= LOOK_EDGES_PER_ROW * box.height
    ]
    found = [
        box
        for box in rows
        if box.width >= LOOK_MIN_WIDTH * box.height
        or (box.width >= LOOK_END_WIDTH * box.height and _ends_a_line(box, ocr, p))
    ]
    return sorted(found, key=lambda b: (b.top, b.left))


def _ends_a_line(box: Box, ocr: OcrText, p: Prepared) -> bool:
    """Whether box (in p.gray's coordinates) stands a word's gap after a word read on its row,
    about as tall: the end of a line that tesseract left unread ("Vu" of "Ref: Dr. Trang
    Vu"), too short to count as a line of its own; or right before one: its start ("197" of
    "1973-02-21", read "3-02-21"), or, if LOOK_BEFORE_WIDTH wide, a word before it."""
    for w in ocr.words:
        word = Box(w.box.left + p.origin_x, w.box.top + p.origin_y, w.box.width, w.box.height)
        # the blobs' dilation reaches back over the margin cleared around each word
        before = word.left - box.right
        if _one_row(box, word) and (
            -4 <= box.left - word.right <= COLUMN_GAP * word.height
            or -4 <= before <= WORD_SPACE * word.height
            or (
                -4 <= before <= COLUMN_GAP * word.height
                and box.width >= LOOK_BEFORE_WIDTH * box.height
            )
        ):
            return True
    return False


# Faint letters leave gaps in their edges ("so" of "Madison"): blobs this many heights apart
# are still one line.
FAINT_GAP = 5.0


def faint_edges(p: Prepared) -> np.ndarray | None:
    """text_edges of p at faint thresholds (see faint_thresholds), or None where the image is
    too grainy for any: what faint_lines looks in. It needs no reading, so a split reading
    makes it while its bands are read."""
    thresholds = _thresholds_within_border(p)
    if thresholds.size == 0 or thresholds.min() >= EDGE_CONTRAST:
        return None
    return text_edges(p.gray, thresholds)


def faint_lines(
    ocr: OcrText, p: Prepared, found: list[Box], edges: np.ndarray | None = None
) -> tuple[list[Box], list[Box]]:
    """Lines of text too faint for unread_lines, that no word covers and no region in found
    touches, in p.gray's coordinates; and found, each region lengthened over the faint line
    that continues it on its row.

    Around text already found, the faint map's edges join lines that stand apart into one
    region, read as noise, so only regions where nothing stood out count. Their first and
    last letters leave few edges: each region is widened by its height on both sides, and
    regions that then overlap are one. A faint line beside a region found, as tall, is the
    same line fading with the light across a photographed page ("5510 Park P" before "lace,
    Austin, TX 78701"): the region takes it in, so the line is read whole. edges: faint_edges(p)
    if made already (it is changed here).
    """
    if edges is None and (edges := faint_edges(p)) is None:
        return [], found
    for r in found:  # read on their own: a faint label right above one stays apart from it
        edges[max(0, r.top - 2) : r.bottom + 2, max(0, r.left - 2) // 2 : (r.right + 3) // 2] = 0
    lines = unread_lines(edges, ocr, p, FAINT_GAP)
    found = list(found)
    alone = []
    for r in lines:
        beside = [k for k, f in enumerate(found) if _continues_on_row(r, f)]
        for k in beside:
            found[k] = union([found[k], r])
        if not beside and not any(_area(r, other) for other in found):
            alone.append(r)
    return widened(alone), found


def _continues_on_row(a: Box, b: Box) -> bool:
    """Whether a and b are about as tall, on one row, at most one height apart."""
    gap = max(a.left, b.left) - min(a.right, b.right)
    return _one_row(a, b) and gap <= max(a.height, b.height)


def _one_row(a: Box, b: Box) -> bool:
    """Whether a and b stand on one row as letters of one line do: each overlapping half the
    lower one's height, neither more than twice as tall as the other."""
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    low, high = sorted((a.height, b.height))
    return overlap >= low / 2 and 2 * low >= high


def widened(regions: list[Box]) -> list[Box]:
    """Regions widened by their height on both sides, those that then overlap joined."""
    merged: list[Box] = []
    for r in regions:
        wide = Box(max(0, r.left - r.height), r.top, r.width + 2 * r.height, r.height)
        touching = [m for m in merged if _area(wide, m)]
        merged = [m for m in merged if m not in touching] + [union([wide, *touching])]
    return sorted(merged, key=lambda b: (b.top, b.left))


def _rows(parts: list[tuple[Box, int]], gap: float) -> list[tuple[Box, int]]:
    """Boxes of about one height side by side on one row, at most a column gap apart,
    joined (words into lines), with their edge counts summed."""
    joined: list[tuple[Box, int]] = []
    for box, count in sorted(parts, key=lambda p: p[0].left):
        for k, (other, total) in enumerate(joined):
            near = box.left - other.right <= gap * max(box.height, other.height)
            # Letters of one line are about as tall as each other; the side of a chat bubble
            # or a button beside them is far taller, and stays apart.
            if near and _one_row(box, other):
                joined[k] = (union([other, box]), total + count)
                break
        else:
            joined.append((box, count))
    return joined


def doubtful_pieces(ocr: OcrText, p: Prepared) -> list[tuple[list[int], Box]]:
    """Pieces of text (a line, or a table cell) holding a word read with low confidence,
    with their region in p.gray's coordinates: read again on their own, they come out right
    more often than not ("ssu" is "SSN", "BAN:" is "IBAN:", "Te:" is "Tel:").

    Small text is read again below DOUBT_CONFIDENCE, and short pieces, mostly form labels,
    below SHORT_DOUBT. Larger text only below LARGE_DOUBT and clear of every other word's
    box: a low confidence there mostly comes with boxes that reach into the lines around, and
    a crop of them reads those lines twice. Clear of them, it was a line tesseract's layout
    analysis garbled ("pees)" for "+33 1 44 73 66 51" above an underline in a photo). Words
    read with doubt themselves are no such lines: "a se" for "Tel: 212-694-7962" at a
    radiograph's edge, beside an "a" and an "Eas" read from the same ink. A word boxed far
    wider than its letters is doubted up to STRETCHED_DOUBT (see STRETCHED_WIDTH), clear of
    every other word.
    """
    found = []
    for piece in (part for whole in _pieces(ocr) for part in _by_row(ocr, whole)):
        words = [ocr.words[i] for i in piece]
        short = words[-1].end - words[0].start <= SHORT_PIECE
        box = union([w.box for w in words])
        least = min(w.confidence for w in words)
        if box.height < LOOK_SMALL_ROWS:
            doubtful = least < (SHORT_DOUBT if short else DOUBT_CONFIDENCE)
        else:
            stretched = any(_stretched(w) for w in words)
            doubtful = False
            if least < LARGE_DOUBT or stretched:  # rare: the words around only looked at then
                reaching = [  # confidences of the other words whose boxes reach into the piece
                    w.confidence
                    for i, w in enumerate(ocr.words)
                    if i not in piece
                    and _area(w.box, box) > 0
                    and max(w.box.width, w.box.height) * MARK_SHARE > box.height
                ]
                doubtful = (
                    least < LARGE_DOUBT and all(c < DOUBT_CONFIDENCE for c in reaching)
                ) or (stretched and not reaching)
        if doubtful:
            found.append(
                (piece, Box(box.left + p.origin_x, box.top + p.origin_y, box.width, box.height))
            )
    return found


def with_lines_beside(
    doubts: list[tuple[list[int], Box]], regions: list[Box]
) -> tuple[list[tuple[list[int], Box, list[Box]]], list[Box]]:
    """Each doubtful piece with the unread lines on its row at most a column gap away, its
    region grown over them; and the unread lines left to be read on their own.

    Tesseract that garbles a line often leaves its neighbours on the row unread: "Tel:" and
    "7136" around "212.5924." for "Tel: 212.592.7136" in a photo. Read in pieces, the middle
    comes out garbled again ("$212 559229"); read as one line, the whole row comes out right.
    """
    left = list(regions)
    grown = []
    for piece, box in doubts:
        beside = [
            r
            for r in left
            if _one_row(r, box)
            and max(r.left, box.left) - min(r.right, box.right)
            <= COLUMN_GAP * max(r.height, box.height)
        ]
        left = [r for r in left if r not in beside]
        grown.append((piece, union([box, *beside]), beside))
    return grown, left


# Words of a doubtful piece this many of the taller one's heights apart are in two columns.
# Wider than a line's column gap (COLUMN_GAP): a radiograph's letter-spaced name can leave a
# word unread between two it read ("Ikechukw" ... "nt" of "Ikechukwu Okonkwo").
DOUBT_COLUMN_GAP = 3


def _by_row(ocr: OcrText, piece: list[int]) -> list[list[int]]:
    """piece cut where its words leave their row: tesseract can read two lines as one
    ("BORO oo dee" over "MAI NGO" and the end of "DOB: 27.02.1954" below it, in a
    radiograph's corner), and each row is read again on its own. So is each side of a column
    gap (see DOUBT_COLUMN_GAP) between two words taller than specks: a sidebar's highlighted
    item and a table's first row, read as one garbled line ("(customers exiathendy" for
    "Customers" and "Saoirse McCarthy"), are read garbled again as one crop."""
    parts = [[piece[0]]]
    for before, i in itertools.pairwise(piece):
        a, b = ocr.words[before].box, ocr.words[i].box
        column = min(a.height, b.height) > SPECK_SIZE and b.left - a.right > DOUBT_COLUMN_GAP * max(
            a.height, b.height
        )
        if a.same_row(b) and not column:
            parts[-1].append(i)
        else:
            parts.append([i])
    return parts


def _stretched(w: Word) -> bool:
    """Whether w was read with doubt from far more ink than its letters (see STRETCHED_WIDTH)."""
    return w.confidence < STRETCHED_DOUBT and w.box.width > STRETCHED_WIDTH * w.box.height * (
        w.end - w.start
    )


def better(old: list[Word], new: OcrText) -> bool:
    """Whether a second reading of a piece beats the first: one line, read with more
    confidence on average. Several lines only for one word, read with next to no confidence
    or stretched, whose box holds them all: a chat's header read "eou" or "One" over "Bao
    Bui" and "online" below it, beside the contact's picture."""
    if not new.words:
        return False
    if "\n" in new.text:
        if len(old) != 1 or (old[0].confidence >= GARBLED and not _stretched(old[0])):
            return False
        box = old[0].box
        if not all(box.top <= (w.box.top + w.box.bottom) / 2 <= box.bottom for w in new.words):
            return False
    mean = sum(w.confidence for w in new.words) / len(new.words)
    before = sum(w.confidence for w in old) / len(old)
    if mean != before:
        return mean > before
    # as doubtful (garbled both, most often at 0): the one whose characters fill the piece,
    # where the first read a few letters far apart ("mace" for "836-03-3161")
    return _sparse(old, sum(w.end - w.start for w in old)) and not _sparse(
        list(new.words), sum(w.end - w.start for w in new.words)
    )


def _sparse(words: list[Word], chars: int) -> bool:
    """Whether words span SPARSE_WIDTH heights a character or more (see SPARSE_WIDTH)."""
    box = union([w.box for w in words])
    return box.width >= SPARSE_WIDTH * box.height * max(1, chars)


# A look that reads this many times the characters over a piece of the first reading that
# lies in its region read that piece too: the first was a few letters far apart where a line
# is ("176. h h R" over "1762 Church Road" in a photo's faint monospaced type).
SPARSE_READ = 1.5
# ... such a piece spans this many heights a character, or more: letters a line's width
# apart; text read densely spans about half a height a character.
SPARSE_WIDTH = 1.2


def _piece_extents(ocr: OcrText) -> list[tuple[list[int], Box, int]]:
    """Each piece of ocr (see _pieces) with its box and how many characters it holds."""
    return [
        (
            piece,
            union([ocr.words[i].box for i in piece]),
            sum(ocr.words[i].end - ocr.words[i].start for i in piece),
        )
        for piece in _pieces(ocr)
    ]


def over_pieces(regions: list[Box], ocr: OcrText, p: Prepared) -> list[Box]:
    """regions (in p.gray's coordinates), each widened over the sparse pieces of ocr on its
    row that it overlaps (see SPARSE_WIDTH): a look that reads such a piece whole can take
    its place (see sparse_pieces), where it would read only the rest of a word cut at the
    piece's end. A piece read densely stays: the look's words over it would be left out."""
    boxes = [
        Box(b.left + p.origin_x, b.top + p.origin_y, b.width, b.height)
        for _, b, chars in _piece_extents(ocr)
        if b.width >= SPARSE_WIDTH * b.height * chars
    ]
    out = []
    for r in regions:
        left = min(
            [b.left for b in boxes if _one_row(b, r) and b.left < r.left < b.right] or [r.left]
        )
        out.append(Box(left, r.top, r.right - left, r.height))
    return out


def sparse_pieces(
    ocr: OcrText,
    looks: list[tuple[Box, OcrText]],
    rereads: list[tuple[list[int], OcrText]],
) -> tuple[list[tuple[Box, OcrText]], list[tuple[list[int], OcrText]]]:
    """looks and rereads, each look that read a piece of ocr over again far more fully (see
    SPARSE_READ) made its reread: the look's reading takes the piece's place, where it
    would otherwise keep only the text beside the piece's words. Regions in ocr's
    coordinates."""
    taken = {i for piece, _ in rereads for i in piece}
    kept: list[tuple[Box, OcrText]] = []
    rereads = list(rereads)
    pieces = _piece_extents(ocr) if looks else []
    for region, look in looks:
        sparse = []
        for piece, box, chars in pieces:
            if (
                taken.intersection(piece)
                or not (region.left <= box.left and box.right <= region.right)
                or not _one_row(box, region)
            ):
                continue
            over = sum(
                box.left <= (s.box.left + s.box.right) / 2 <= box.right
                and box.top <= (s.box.top + s.box.bottom) / 2 <= box.bottom
                for s in look.symbols
            )
            if over >= SPARSE_READ * chars:
                sparse.append(piece)
        if len(sparse) == 1 and "\n" not in look.text.strip():
            rereads.append((sparse[0], look))
            taken.update(sparse[0])
        else:
            kept.append((region, look))
    return kept, rereads


def look_scale(region: Box) -> int:
    """The scale a second look reads region at: small text enlarged."""
    return 2 if region.height < LOOK_SMALL_ROWS else 1


def second_look(api: PyTessBaseAPI, p: Prepared, region: Box, scale: int | None = None) -> OcrText:
    """Read one region of p.gray again, on its own: its own polarity, at scale (look_scale's
    if None).

    A faint, blurred label ("MRN:" in a photo) can come out empty read enlarged as a block,
    and right as one line at its own size, or only enlarged ("R", boxed 3 pixels wide, at its
    own size): when nothing was read, both are tried, and the one whose words span more of
    the crop is kept.
    """
    margin = max(4, region.height // 2)
    top, left = max(0, region.top - margin), max(0, region.left - margin)
    crop = p.gray[top : region.bottom + margin, left : region.right + margin]
    if np.median(crop) < 128:  # light text on a dark panel of an otherwise light image
        crop = cv2.bitwise_not(crop)
    scale = look_scale(region) if scale is None else scale
    try:
        look = _read_crop(api, p, crop, left, top, scale, PSM.SINGLE_BLOCK)
        if not look.words:
            lines = [_read_crop(api, p, crop, left, top, 1, PSM.SINGLE_LINE)]
            if scale > 1:
                lines.append(_read_crop(api, p, crop, left, top, scale, PSM.SINGLE_LINE))
            look = max(lines, key=lambda line: sum(w.box.width for w in line.words))
        return look
    finally:
        api.SetPageSegMode(PSM.AUTO)


def _read_crop(
    api: PyTessBaseAPI, p: Prepared, crop: np.ndarray, left: int, top: int, scale: int, psm: int
) -> OcrText:
    """crop, cut from p.gray at (left, top), recognised at scale in page segmentation psm."""
    if scale > 1:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    look = Prepared(
        np.ascontiguousarray(crop),
        scale * (p.origin_x - left),
        scale * (p.origin_y - top),
        scale,
        p.width,
        p.height,
    )
    api.SetPageSegMode(psm)
    return _recognise(api, look)


# A line read in a faint region with less mean confidence than this is the grain or the
# slant of the text around it read as letters ("sR gE CRI SS Prey").
FAINT_CONFIDENCE = 50


# ... unless a reading at another scale reads it the same, and it holds this many letters and
# digits: grain never reads the same twice, a faint "305-596-7375" did (at confidence 23).
CONFIRMED_CHARS = 4


def confident_lines(look: OcrText, again: Callable[[], OcrText] | None = None) -> OcrText:
    """The pieces of look read with a mean confidence of at least FAINT_CONFIDENCE, and those
    that again (the region read at another scale, called only if needed) reads the same."""
    by_word = _symbols_by_word(look)
    pieces, doubted = [], []
    for p in _pieces(look):
        sure = sum(look.words[i].confidence for i in p) >= FAINT_CONFIDENCE * len(p)
        (pieces if sure else doubted).append(p)
    if doubted and again is not None:
        doubted = [p for p in doubted if _alnum(_piece_text(look, p)) >= CONFIRMED_CHARS]
        if doubted:
            other = again()
            read = {_piece_text(other, p) for p in _pieces(other)}
            pieces += [p for p in doubted if _piece_text(look, p) in read]
            pieces.sort()
    return merge([_piece(look, p, by_word) for p in pieces]) if pieces else OcrText("", (), ())


def _other_scale(api: PyTessBaseAPI, p: Prepared, region: Box) -> Callable[[], OcrText]:
    """A second look at region at the scale second_look does not choose for it."""
    return lambda: second_look(api, p, region, 3 - look_scale(region))


def _piece_text(ocr: OcrText, piece: list[int]) -> str:
    return ocr.text[ocr.words[piece[0]].start : ocr.words[piece[-1]].end]


def _alnum(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _area(a: Box, b: Box) -> int:
    return max(0, min(a.right, b.right) - max(a.left, b.left)) * max(
        0, min(a.bottom, b.bottom) - max(a.top, b.top)
    )


def _unbordered(region: Box, p: Prepared) -> Box:
    """A region of p.gray in the coordinates of the image p was prepared from."""
    return Box(region.left - p.origin_x, region.top - p.origin_y, region.width, region.height)


def with_second_looks(
    ocr: OcrText,
    looks: list[tuple[Box, OcrText]],
    rereads: list[tuple[list[int], OcrText]] | None = None,
) -> OcrText:
    """ocr with what second looks read: text it had left out, and pieces read again.

    looks read regions (in ocr's coordinates) no word covered. A word that overlaps one
    already read by a quarter of its area, or that holds no letter or digit (an icon read as
    "|" or "©"), is left out. A new piece of text continues the line that ends just left of
    it on the same row (as "Sharma" continues "Dr. Ananya"), or begins the line that starts
    just right of it (a photographed form's "GB91" before "HBUK 8166 ..."), else it is a line
    of its own at the end. The first piece of a look reaches back to where its region
    starts: the ink there was unread, so a letter read into the word before ("Sophi" + "ie
    Schneider", the "ie" dropped) leaves no gap between them. A piece that begins inside
    the line's last word read the rest of that word, its first letters again ("Take" +
    "eshi Ito"): those letters are left out and the rest is glued on ("Takeshi Ito"). A
    look's word that read a word's lost first letters gives them back to it ("ES" becomes
    "INES"); see _unread_start.

    rereads pair the word indexes of one piece of ocr with its new reading, which takes
    its place (words of other pieces caught in the crop are left out of it).
    """
    pieces = _pieces(ocr)
    boxes = [union([ocr.words[i].box for i in p]) for p in pieces]
    reread = {i for indexes, _ in rereads or [] for i in indexes}
    edits: list[_Edit] = []
    # words whose first letters a look read (see _unread_start): each takes them on, or,
    # when it is a line of its own that the look read whole ("61" for "3061"), makes way
    # for the look's word, which then joins the line beside it as new text does
    prefixed: set[int] = set()
    dropped: set[int] = set()
    used: list[set[int]] = []
    for _, look in looks:
        used.append(set())
        areas = _overlap_areas(look.words, ocr.words)
        for k in range(len(look.words)):
            found = _unread_start(look, k, ocr, areas[k])
            if found is None or found[0] in prefixed or found[0] in reread:
                continue
            j, edit = found
            prefixed.add(j)
            w = look.words[k]
            if [j] in pieces and w.end - w.start >= len(edit.piece.text):
                dropped.add(j)
                edits.append(_without_line(ocr, j))
            else:
                used[-1].add(k)
                edits.append(edit)
    kept = tuple(w for i, w in enumerate(ocr.words) if i not in dropped)
    next_line = max((w.line for w in ocr.words), default=-1) + 1
    inserted: list[Box] = []  # the boxes of look words put into lines already read
    for (region, look), skip in zip(looks, used, strict=True):
        by_word = _symbols_by_word(look)
        for n, run in enumerate(_kept_indexes(look, kept, skip, by_word)):
            piece = _piece(look, run, by_word)
            # the look's word after the piece, on its line: where it read on into words
            # already read, the piece goes before them however wide the gap looks
            after = run[-1] + 1
            on = (
                look.words[after].box
                if after < len(look.words) and look.words[after].line == look.words[run[-1]].line
                else None
            )
            box = union([w.box for w in piece.words])
            middle = (box.top + box.bottom) / 2
            start = min(box.left, region.left) if n == 0 else box.left
            reach = max(box.height // 2, piece.words[0].box.width - 1)
            left = [
                k
                for k, b in enumerate(boxes)
                if b.left < box.left
                and b.right <= box.left + reach
                and start - b.right <= COLUMN_GAP * box.height
                and b.top <= middle <= b.bottom
                and pieces[k][0] not in dropped
            ]
            # ... and the line after it may begin inside its last word, read twice ("MANC"
            # of a look over "MANON", and "YON FONTAINE" read first), when it begins with a
            # word of letters: a masked value's bullets read as letters ("areeG", "is@yah")
            # would make an address of the domain read first ("@yahoo.co.uk", "hoo.co.uk")
            back = max(box.height // 2, piece.words[-1].box.width - 1)
            # (a line begins past a fragment the piece covers: a speck read as "9" inside
            # the "8619" a look read before "Harbor Way", left out below)
            starts = [_past_fragment(ocr, p, box) for p in pieces]
            right = [
                k
                for k, b in enumerate(boxes)
                if (
                    starts[k] >= box.right - box.height // 2
                    or starts[k] >= box.right - back
                    and _begins_with_a_word(ocr, pieces[k])
                )
                and b.left > box.left
                and (
                    starts[k] - box.right <= COLUMN_GAP * box.height
                    or on is not None
                    and _area(on, ocr.words[pieces[k][0]].box) > 0
                )
                and b.top <= middle <= b.bottom
                and pieces[k][0] not in reread
                and pieces[k][0] not in prefixed
            ]
            # (a word whose lost first letters a look read may stand beside the gap: they go
            # before it, the piece before them; "ctor will visit 27" before "High" for "h")
            inside = (
                None
                if left or right
                else _gap_in_line(ocr, piece, box, reach, back, reread | dropped)
            )
            if left:
                last = ocr.words[pieces[max(left, key=lambda k: boxes[k].right)][-1]]
                rest = _read_on(piece, last.box.right)
                if rest is None:
                    continue
                inside = piece.words[0].box.left < last.box.right
                sep = "" if inside and len(rest.words) == len(piece.words) else " "
                edits.append(_Edit(last.end, last.end, sep, box.left, rest, last.line))
                inserted.extend(w.box for w in rest.words)
            elif right:
                k = min(right, key=lambda k: boxes[k].left)
                first = ocr.words[pieces[k][0]]
                # ... taking the place of a fragment it covers
                end = first.start if starts[k] == boxes[k].left else ocr.words[pieces[k][1]].start
                edits.append(_Edit(first.start, end, "", box.left, piece, first.line, " "))
                inserted.extend(w.box for w in piece.words)
            elif inside is not None:
                before, after = ocr.words[inside], ocr.words[inside + 1]
                rest = _read_on(piece, before.box.right)
                rest = None if rest is None else _read_before(rest, after.box.left)
                # ... unless it read letters a word beside has, boxed short of their ink
                # ("LOY" before "LOYD" boxed over its "D")
                if rest is None or any(
                    rest.text in ocr.text[w.start : w.end] for w in (before, after)
                ):
                    continue
                edits.append(
                    _Edit(
                        before.end,
                        after.start,
                        _space(before.box, rest.words[0].box),
                        box.left,
                        rest,
                        before.line,
                        _space(rest.words[-1].box, after.box),
                    )
                )
                inserted.extend(w.box for w in rest.words)
            else:
                edits.append(_Edit(len(ocr.text), len(ocr.text), "\n", 1 << 30, piece, next_line))
                next_line += 1
    edits.extend(_fragments_inside(ocr, inserted, edits, reread | prefixed | dropped))
    # Pieces read again may lie over each other ("Menges" over "Born July", "oe" over "July
    # 22,"): each reading, in text order, keeps what no earlier one took, and a piece whose
    # reading earlier ones took whole is left out.
    stay = tuple(w for i, w in enumerate(ocr.words) if i not in reread)
    taken: list[Word] = []
    for indexes, reading in sorted(rereads or [], key=lambda r: r[0][0]):
        runs = _kept_runs(reading, stay + tuple(taken))
        first, last = ocr.words[indexes[0]], ocr.words[indexes[-1]]
        if not runs:
            if taken and _kept_runs(reading, stay):
                edits.append(_without_piece(ocr, first.start, last.end, first.line))
            continue
        taken.extend(w for run in runs for w in run.words)
        joined = merge(runs, [" "] * len(runs))
        before = ocr.words[indexes[0] - 1] if indexes[0] else None
        if (
            before is not None
            and before.line == first.line
            and ocr.text[before.end : first.start] == " "
            and not before.box.same_row(first.box)
        ):  # a row of a line that tesseract read over two (see _by_row): a line of its own
            edits.append(_Edit(before.end, last.end, "\n", -1, joined, next_line))
            next_line += 1
        else:
            edits.append(_Edit(first.start, last.end, "", -1, joined, first.line))
    if not edits:
        return ocr
    return _splice(ocr, sorted(edits, key=lambda e: (e.offset, e.order)))


# A word of at most FRAGMENT characters that a look's word put into its line covers almost
# whole (FRAGMENT_COVER of its box) is a piece of that word read apart: "Amira Saleh" first
# read "A", then "‘a Saleh"; a look read "mira" after the "A", over the "‘a".
FRAGMENT = 2
FRAGMENT_COVER = 0.9


def _fragments_inside(
    ocr: OcrText, inserted: list[Box], edits: list[_Edit], taken: set[int]
) -> list[_Edit]:
    """Edits that remove the words of ocr that are fragments of inserted look words (see
    FRAGMENT), with the space after them, or their line when alone on it; never one that
    another edit touches."""
    removals: list[_Edit] = []
    if not inserted:
        return removals
    for i, w in enumerate(ocr.words):
        if i in taken or w.end - w.start > FRAGMENT:
            continue
        area = w.box.width * w.box.height
        if not any(_area(w.box, b) >= FRAGMENT_COVER * area for b in inserted):
            continue
        after = ocr.words[i + 1] if i + 1 < len(ocr.words) else None
        if after is not None and after.line == w.line and ocr.text[w.end : after.start] == " ":
            removal = _Edit(w.start, after.start, "", -1, OcrText("", (), ()), w.line)
        elif (i == 0 or ocr.words[i - 1].line != w.line) and (
            after is None or after.line != w.line
        ):
            removal = _without_line(ocr, i)
        else:
            continue
        if any(e.offset <= removal.end and removal.offset <= e.end for e in edits + removals):
            continue
        removals.append(removal)
    return removals


def _past_fragment(ocr: OcrText, piece: list[int], box: Box) -> int:
    """Where a piece of ocr's text begins, past a first word of at most FRAGMENT characters
    that box covers almost whole (see _fragments_inside, which leaves it out)."""
    first = ocr.words[piece[0]].box
    if (
        len(piece) > 1
        and ocr.words[piece[0]].end - ocr.words[piece[0]].start <= FRAGMENT
        and _area(first, box) >= FRAGMENT_COVER * first.width * first.height
    ):
        return ocr.words[piece[1]].box.left
    return union([ocr.words[i].box for i in piece]).left


def _gap_in_line(
    ocr: OcrText, piece: OcrText, box: Box, reach: int, back: int, taken: set[int]
) -> int | None:
    """The index of the word of ocr after which piece (its words' union box) stands in the
    middle of a line: between two words of one line, a column gap at most from the first,
    reaching into each by at most reach and back, its first word on the row of the word
    before and its last on the row of the word after. None if there is no such place.

    Tesseract can leave a value's first digits unread in the middle of a sentence ("card
    5 1408 9527 1536" for "card 2255 1408 9527 1536"); a look reads them, and more. On a
    photographed page a line slants: the middle of a long piece's box lies on neither
    neighbour's row ("883-90-6751 exactly as" between "SSN" and "issued.", rising 18 pixels
    across the line).
    """
    first, last = piece.words[0].box, piece.words[-1].box
    first_middle, last_middle = (first.top + first.bottom) / 2, (last.top + last.bottom) / 2
    for i, (a, b) in enumerate(itertools.pairwise(ocr.words)):
        if (
            a.line == b.line
            and a.box.left < box.left
            and a.box.right < box.right
            and a.box.right <= box.left + reach
            and box.left - a.box.right <= COLUMN_GAP * box.height
            and b.box.left > box.left
            and b.box.left >= box.right - back
            and a.box.top <= first_middle <= a.box.bottom
            and b.box.top <= last_middle <= b.box.bottom
            and i not in taken
            and i + 1 not in taken
        ):
            return i
    return None


# Boxes further apart than this share of their height stand a word's space apart.
WORD_SPACE = 0.25


def _space(a: Box, b: Box) -> str:
    """A space between the text of a and of b, side by side, if they stand a word apart."""
    return " " if b.left - a.right > WORD_SPACE * max(a.height, b.height) else ""


def _begins_with_a_word(ocr: OcrText, piece: list[int]) -> bool:
    word = ocr.words[piece[0]]
    return ocr.text[word.start : word.end].rstrip(",.:;").isalpha()


def _read_on(piece: OcrText, x: int) -> OcrText | None:
    """piece without the letters of its first word centred left of x, which a word that ends
    at x read already; None when nothing is left."""
    first = piece.words[0]
    cut = first.start
    for sym in sorted((s for s in piece.symbols if s.word == 0), key=lambda s: s.start):
        if 2 * sym.box.left + sym.box.width >= 2 * x:
            break
        cut = sym.end
    if cut == first.start:
        return piece
    if cut < first.end:
        kept = [s.box for s in piece.symbols if s.word == 0 and s.start >= cut]
        at = min(b.left for b in kept) if kept else x
        box = Box(at, first.box.top, max(1, first.box.right - at), first.box.height)
        words = (replace(first, start=0, end=first.end - cut, box=box),) + tuple(
            replace(w, start=w.start - cut, end=w.end - cut) for w in piece.words[1:]
        )
        symbols = tuple(
            replace(s, start=s.start - cut, end=s.end - cut)
            for s in piece.symbols
            if s.start >= cut
        )
        return OcrText(piece.text[cut:], words, symbols)
    if len(piece.words) == 1:
        return None
    return _piece(piece, list(range(1, len(piece.words))), _symbols_by_word(piece))


def _read_before(piece: OcrText, x: int) -> OcrText | None:
    """piece without the letters of its last word centred right of x, which a word that
    starts at x read already; None when nothing is left."""
    last, n = piece.words[-1], len(piece.words) - 1
    cut = last.end
    for sym in sorted((s for s in piece.symbols if s.word == n), key=lambda s: -s.start):
        if 2 * sym.box.left + sym.box.width < 2 * x:
            break
        cut = sym.start
    if cut == last.end:
        return piece
    if cut > last.start:
        kept = [s.box for s in piece.symbols if s.word == n and s.end <= cut]
        right = max(b.right for b in kept) if kept else x
        box = Box(last.box.left, last.box.top, max(1, right - last.box.left), last.box.height)
        words = (*piece.words[:-1], replace(last, end=cut, box=box))
        symbols = tuple(s for s in piece.symbols if s.end <= cut)
        return OcrText(piece.text[:cut], words, symbols)
    if n == 0:
        return None
    return _piece(piece, list(range(n)), _symbols_by_word(piece))


@dataclass(frozen=True, slots=True)
class _Edit:
    """ocr.text[offset:end] replaced by sep + piece.text + tail, the piece's words on line."""

    offset: int
    end: int
    sep: str
    order: int  # among edits at one offset: a replacement, then by position, then new lines
    piece: OcrText
    line: int
    tail: str = ""


# A letter whose left part the first reading lost reads as another: "m" as "n", "w" as "v".
_CUT_READS = {"m": "n", "M": "N", "w": "v", "W": "V"}


def _unread_start(
    look: OcrText, k: int, ocr: OcrText, areas: np.ndarray
) -> tuple[int, _Edit] | None:
    """When word k of a look overlaps one word of ocr alone (areas: its overlap with each),
    and its first letters or digits stand left of that word, where nothing was read: that
    word's index, and the edit that puts those letters before it. The first reading lost
    the start of a word to an accent or faint ink ("ES" for "INÈS", "61" for "3061") that the
    look read whole, clear of it. When it lost the left part of a letter too, the look's
    letter over the word's edge takes the place of what that part read ("npson" for the end
    of "Thompson" becomes "Thompson", the look's "m" for the "n").
    The look must read that word's first letter where it stands, or it read other ink
    ("MANC" over "YON") or the same word shifted ("Taka" over "Takahashi"). A word that
    starts with a mark is left alone: a masked value's bullets read as letters before
    "@yahoo.co.uk" would make it an address."""
    w = look.words[k]
    hits = np.flatnonzero(areas).tolist()
    if len(hits) != 1:
        return None
    r = ocr.words[hits[0]]
    middle = r.box.top + r.box.height / 2
    if not ocr.text[r.start : r.start + 1].isalnum() or not w.box.top <= middle <= w.box.bottom:
        return None
    symbols = sorted((s for s in look.symbols if s.word == k), key=lambda s: s.start)
    before = [s for s in symbols if s.box.right <= r.box.left + 1]
    own = sorted((s for s in ocr.symbols if s.word == hits[0]), key=lambda s: s.start)
    if not own:
        return None
    if before and len(before) < len(symbols) and len(own) > 1:
        # the first letter read from the part of a letter right of the word's edge: "npson"
        # for the end of "Thompson", the look's "m" standing over that edge
        at = symbols[len(before)]
        if (
            _CUT_READS.get(look.text[at.start]) == ocr.text[r.start]
            and at.box.left < r.box.left
            and own[0].end == own[1].start
        ):
            before, own = [*before, at], own[1:]
    if (
        not before
        or len(before) == len(symbols)
        or before != symbols[: len(before)]
        or look.text[symbols[len(before)].start] != ocr.text[own[0].start]
        or before[0].start != w.start
        or not look.text[w.start : before[-1].end].isalnum()
    ):
        return None
    head = look.text[w.start : before[-1].end]
    text = head + ocr.text[own[0].start : r.end]
    box = union([*(s.box for s in before), r.box])
    symbols = [replace(s, start=s.start - w.start, end=s.end - w.start, word=0) for s in before]
    shift = len(head) - (own[0].start - r.start)
    symbols += [
        replace(s, start=s.start - r.start + shift, end=s.end - r.start + shift, word=0)
        for s in own
    ]
    word = Word(0, len(text), box, r.line, min(r.confidence, w.confidence))
    piece = OcrText(text, (word,), tuple(symbols))
    return hits[0], _Edit(r.start, r.end, "", -1, piece, r.line)


def _without_line(ocr: OcrText, i: int) -> _Edit:
    """The edit that removes word i, a line of its own, with the line break after it (or,
    on the last line, before it)."""
    w = ocr.words[i]
    return _without_piece(ocr, w.start, w.end, w.line)


def _without_piece(ocr: OcrText, start: int, end: int, line: int) -> _Edit:
    """The edit that removes ocr.text[start:end]: with the line break after it (or, on the
    last line, before it) when it is a line of its own, else with a space beside it."""
    after = ocr.text[end : end + 1]
    if start == 0 or ocr.text[start - 1] == "\n":
        if after in ("\n", " "):
            end += 1
        elif start:
            start -= 1
    elif ocr.text[start - 1] == " ":
        start -= 1
    return _Edit(start, end, "", -1, OcrText("", (), ()), line)


def _kept_runs(look: OcrText, read: tuple[Word, ...]) -> list[OcrText]:
    """The words of a second look worth keeping, as one-line pieces: see _kept_indexes."""
    by_word = _symbols_by_word(look)
    return [_piece(look, run, by_word) for run in _kept_indexes(look, read, (), by_word)]


def _kept_indexes(
    look: OcrText, read: tuple[Word, ...], skip: Collection[int], by_word: list[list[Symbol]]
) -> list[list[int]]:
    """The indexes of the words of a look worth keeping, run by run: those not in skip, with a
    letter or digit, that overlap no word already read by a quarter of their area, or that
    read only its first or last letters again (see _reads_on). by_word: look's symbols, by
    word (_symbols_by_word), which every caller has already."""
    areas = _overlap_areas(look.words, read)
    covered = (4 * areas).max(axis=1, initial=0)
    keep = [
        i
        for i, w in enumerate(look.words)
        if i not in skip
        and any(c.isalnum() for c in look.text[w.start : w.end])
        and (
            covered[i] <= w.box.width * w.box.height
            or _reads_on(by_word[i], [read[j].box for j in np.flatnonzero(areas[i])])
        )
    ]
    return _runs(look, keep)


def _reads_on(symbols: list[Symbol], boxes: list[Box]) -> bool:
    """Whether a look's word, its symbols given, read the words in boxes again only with its
    first or last letters, most of it standing clear of them: "971" over the "9" of "19" for
    "1971". Those letters are left out where it joins the line (see _read_on)."""

    def read(s: Symbol) -> bool:
        x, y = s.box.left + s.box.width / 2, s.box.top + s.box.height / 2
        return any(b.left <= x < b.right and b.top <= y < b.bottom for b in boxes)

    inside = [read(s) for s in sorted(symbols, key=lambda s: s.start)]
    if not inside or 2 * sum(inside) >= len(inside):
        return False
    first, last = inside.index(False), len(inside) - inside[::-1].index(False)
    return not any(inside[first:last])


def _overlap_areas(a: tuple[Word, ...], b: tuple[Word, ...]) -> np.ndarray:
    """The area each word of a shares with each word of b, as a len(a) x len(b) array: one
    numpy pass instead of a Python loop over every pair, thousands on a busy screenshot."""
    p, q = (
        np.array([(w.box.left, w.box.top, w.box.right, w.box.bottom) for w in words], np.int64)
        .reshape(-1, 4)
        .T
        for words in (a, b)
    )
    wide = np.minimum(p[2][:, None], q[2]) - np.maximum(p[0][:, None], q[0])
    high = np.minimum(p[3][:, None], q[3]) - np.maximum(p[1][:, None], q[1])
    return np.clip(wide, 0, None) * np.clip(high, 0, None)


def _splice(ocr: OcrText, edits: list[_Edit]) -> OcrText:
    """ocr with the edits (sorted by offset) applied in one pass: words inside a replaced
    span are dropped, and words and symbols after the first edit shifted."""
    chunks: list[str] = []
    words: list[Word] = []
    symbols: list[Symbol] = []
    by_word = _symbols_by_word(ocr)
    shift = 0  # characters added (or, negative, removed) so far
    copied = 0  # text of ocr copied so far
    k = 0
    for i, w in enumerate([*ocr.words, None]):
        start = len(ocr.text) + 1 if w is None else w.start
        while k < len(edits) and edits[k].offset <= start:
            e = edits[k]
            chunks.append(ocr.text[copied : e.offset])
            chunks.append(e.sep)
            at = e.offset + shift + len(e.sep)
            first = len(words)
            for pw in e.piece.words:
                words.append(Word(pw.start + at, pw.end + at, pw.box, e.line, pw.confidence))
            for ps in e.piece.symbols:
                symbols.append(Symbol(ps.start + at, ps.end + at, ps.box, ps.word + first))
            chunks.append(e.piece.text)
            chunks.append(e.tail)
            shift += len(e.sep) + len(e.piece.text) + len(e.tail) - (e.end - e.offset)
            copied = e.end
            k += 1
        if w is None:
            break
        if w.start < copied:
            continue  # replaced
        index = len(words)
        if shift == 0 and index == i:
            words.append(w)
            symbols.extend(by_word[i])
        else:
            words.append(Word(w.start + shift, w.end + shift, w.box, w.line, w.confidence))
            symbols.extend(Symbol(s.start + shift, s.end + shift, s.box, index) for s in by_word[i])
    chunks.append(ocr.text[copied:])
    return OcrText("".join(chunks), tuple(words), tuple(symbols))


def _runs(ocr: OcrText, keep: list[int]) -> list[list[int]]:
    """The kept word indexes, cut into runs of consecutive words on one piece of text."""
    pieces = {i: k for k, piece in enumerate(_pieces(ocr)) for i in piece}
    runs: list[list[int]] = []
    for i in keep:
        if runs and runs[-1][-1] == i - 1 and pieces[i] == pieces[i - 1]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


# What one second-look task gives: regions read again with their readings, and pieces of the
# first reading read better again.
Looked = tuple[list[tuple[Box, OcrText]], list[tuple[list[int], OcrText]]]


def _on_apis(
    apis: list[PyTessBaseAPI],
    tasks: list[Callable[[PyTessBaseAPI], Looked]],
    threads: ThreadPoolExecutor,
) -> list[Looked]:
    """Each task's result, in order; the tasks run on as many of threads as there are APIs,
    each with its own API (tesserocr releases the GIL), taking the next task when done."""
    if len(apis) == 1 or len(tasks) < 2:
        return [task(apis[0]) for task in tasks]
    results: list[Looked | None] = [None] * len(tasks)
    pending = iter(enumerate(tasks))
    lock = threading.Lock()

    def work(api: PyTessBaseAPI) -> None:
        while True:
            with lock:
                item = next(pending, None)
            if item is None:
                return
            i, task = item
            results[i] = task(api)

    for future in [threads.submit(work, api) for api in apis]:
        future.result()  # a task's error is the reading's: raised, never skipped
    if any(r is None for r in results):
        raise RuntimeError("a second look was never read")  # fail closed, never a gap
    return results  # type: ignore[return-value]


def _look_tasks(
    p: Prepared,
    first: OcrText,
    regions: list[Box],
    faint: list[Box],
    doubts: list[tuple[list[int], Box, list[Box]]],
) -> list[Callable[[PyTessBaseAPI], Looked]]:
    """The second looks at p, one task each: unread regions, faint lines (kept where read
    with confidence, see confident_lines) and doubtful pieces of the first reading."""

    def look(r: Box) -> Callable[[PyTessBaseAPI], Looked]:
        return lambda api: ([(r, second_look(api, p, r))], [])

    def faint_look(r: Box) -> Callable[[PyTessBaseAPI], Looked]:
        return lambda api: (
            [(r, confident_lines(second_look(api, p, r), _other_scale(api, p, r)))],
            [],
        )

    def doubt(
        piece: list[int], region: Box, beside: list[Box]
    ) -> Callable[[PyTessBaseAPI], Looked]:
        def task(api: PyTessBaseAPI) -> Looked:
            reading = second_look(api, p, region)
            if better([first.words[i] for i in piece], reading):
                return [], [(piece, reading)]
            # the unread lines beside it are still read, on their own
            return [(r, second_look(api, p, r)) for r in beside], []

        return task

    return [look(r) for r in regions] + [faint_look(r) for r in faint] + [doubt(*d) for d in doubts]


class OcrEngine:
    """A pool of tesseract APIs, each created once and reused for every image."""

    def __init__(self, workers: int = 1, language: str = "eng", tessdata: str | None = None):
        self._path = tessdata or tessdata_path()
        self._pool: queue.Queue[PyTessBaseAPI] = queue.Queue()
        for _ in range(max(1, workers)):
            api = PyTessBaseAPI(path=self._path, lang=language, psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
            self._pool.put(api)
        self.workers = max(1, workers)
        self.language = language
        # Threads for a split reading's bands and second looks, started once: starting them
        # anew cost a few milliseconds an image. One image at a time reads on several APIs
        # (see Redactor), so as many threads as APIs keep every one busy.
        self._threads = ThreadPoolExecutor(self.workers, thread_name_prefix="inkout-read")

    @contextmanager
    def _lease(self, most: int = 1) -> Iterator[list[PyTessBaseAPI]]:
        """One API, waiting if needed, plus up to most - 1 more that are idle right now."""
        apis = [self._pool.get()]
        while len(apis) < most:
            try:
                apis.append(self._pool.get_nowait())
            except queue.Empty:
                break
        try:
            yield apis
        finally:
            for api in apis:
                api.Clear()
                self._pool.put(api)

    def read(
        self,
        pixels: np.ndarray,
        parallel: bool = True,
        look_again: bool = True,
        shrink: bool = True,
    ) -> OcrText:
        """OCR a decoded image; every box in the result is in the input's pixel coordinates.

        Small type (see small_type) is read again at twice the size, and that reading is the
        result: tesseract reads small letters far better so (see bench/README.md), for a little
        over twice the reading time of those images only. Large type is first read shrunk
        (see reading_scale), with shrink (always, but in the benchmark that measures it).
        """
        enlarge = pixels.shape[0] * pixels.shape[1] * 4 <= MAX_ENLARGED
        first = self._read(pixels, parallel, look_again, enlarge, shrink)
        if first is not None:
            return first
        enlarged = cv2.resize(pixels, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        again = self._read(enlarged, parallel, look_again, False, shrink=False)
        assert again is not None  # never None when not told to stop at small type
        return halved(again, pixels.shape[1], pixels.shape[0])

    def _read(
        self,
        pixels: np.ndarray,
        parallel: bool,
        look_again: bool,
        stop_if_small: bool,
        shrink: bool = True,
    ) -> OcrText | None:
        """One reading of the image at its own size.

        With parallel, when other APIs are idle, the image is cut at blank rows into bands
        recognised at once on several threads (tesserocr releases the GIL), so one image uses
        every core. Bands cost about 9% more CPU in all, so callers split only when nothing
        else is waiting for the cores. With look_again (always, but in the benchmark that
        measures what it costs), lines the first reading left out are read on their own, on
        every API leased at once.
        The first reading of a photographed sheet may see it evened (see evened); the second
        looks always read the image as it is. With stop_if_small, small type found by the first
        reading gives None before any second look: the caller reads the image enlarged.
        """
        prepared = prepare(pixels)
        edges = text_edges(prepared.gray)
        reading = evened(prepared, edges)
        # large light type on a dark gray image: a radiograph's burnt-in text (see LARGE_TYPE);
        # a photo of a page on a dark desk is inverted too, but in colour
        radiograph = prepared.inverted and (pixels.ndim == 2 or pixels.shape[2] == 1)
        if (factor := reading_scale(edges) if shrink and radiograph else 1.0) < 1:
            reading = shrunk(reading, factor)
        with self._lease(self.workers if parallel else 1) as apis:
            cuts = (
                band_cuts(reading.gray, len(apis), edges if factor == 1 else None)
                if len(apis) > 1
                else []
            )
            faint_map = None
            if not cuts:
                first = _recognise(apis[0], reading)
            else:
                bands = split(reading, cuts)
                # strict: a band without an API would be text never read, so never redacted
                futures = [
                    self._threads.submit(_recognise, api, band)
                    for band, api in zip(bands, apis[: len(bands)], strict=True)
                ]
                if look_again:  # this thread's work meanwhile (OpenCV releases the GIL)
                    faint_map = faint_edges(prepared)
                first = merge([f.result() for f in futures])
            first = trim_tall_words(first, prepared)
            if stop_if_small and small_type(first):
                return None
            if not look_again:
                return shown_bullets(reading_order(rejoin_lines(first)), prepared)
            faint, regions = faint_lines(
                first, prepared, unread_lines(edges, first, prepared), faint_map
            )
            doubts, regions = with_lines_beside(doubtful_pieces(first, prepared), regions)
            regions = over_pieces(regions, first, prepared)
            tasks = _look_tasks(prepared, first, regions, faint, doubts)
            looks, rereads = [], []
            for found, again in _on_apis(apis, tasks, self._threads):
                looks += found
                rereads += again
        if looks or rereads:
            looks = [(_unbordered(r, prepared), look) for r, look in looks]
            looks, rereads = sparse_pieces(first, looks, rereads)
            first = trim_tall_words(with_second_looks(first, looks, rereads), prepared)
        return shown_bullets(reading_order(rejoin_lines(first)), prepared)

    def close(self) -> None:
        self._threads.shutdown()
        while not self._pool.empty():
            self._pool.get_nowait().End()


# Words this many pixels tall or less (their median) are small type, read again enlarged; never
# when the enlarged image would exceed MAX_ENLARGED pixels.
SMALL_TYPE = 9
MAX_ENLARGED = 40_000_000


# A first reading this doubtful (its median word confidence below) of glyphs this small (their
# median height, at most) is small type too: tiny labels over their values can make tesseract
# join both rows into words twice their height, and garble them, so word heights hide it.
DOUBTFUL_READING = 80
SMALL_GLYPHS = 12


def small_type(ocr: OcrText) -> bool:
    """The median word SMALL_TYPE pixels tall or less, or a doubtful reading of small glyphs."""
    heights = sorted(w.box.height for w in ocr.words)
    if len(heights) < 5:
        return False
    if heights[len(heights) // 2] <= SMALL_TYPE:
        return True
    confidences = sorted(w.confidence for w in ocr.words)
    glyphs = sorted(s.box.height for s in ocr.symbols)
    return (
        confidences[len(confidences) // 2] < DOUBTFUL_READING
        and bool(glyphs)
        and glyphs[len(glyphs) // 2] <= SMALL_GLYPHS
    )


def halved(ocr: OcrText, width: int, height: int) -> OcrText:
    """A reading of the image enlarged twice, its boxes mapped back onto the image: outwards,
    so that no box loses a pixel of its ink."""

    def half(b: Box) -> Box:
        left, top = b.left // 2, b.top // 2
        right, bottom = min(width, -(-b.right // 2)), min(height, -(-b.bottom // 2))
        return Box(left, top, max(1, right - left), max(1, bottom - top))

    words = tuple(replace(w, box=half(w.box)) for w in ocr.words)
    symbols = tuple(replace(s, box=half(s.box)) for s in ocr.symbols)
    return OcrText(ocr.text, words, symbols)


def _recognise(api: PyTessBaseAPI, p: Prepared) -> OcrText:
    gray = p.gray
    api.SetImageBytes(gray.tobytes(), gray.shape[1], gray.shape[0], 1, gray.shape[1])
    api.Recognize()
    return _collect(api, p)


def _to_box(bbox: tuple[int, int, int, int], p: Prepared) -> Box | None:
    """A tesseract (x1, y1, x2, y2) on the prepared image as a Box on the original, clipped."""
    x1, y1, x2, y2 = bbox
    if p.scale == 1:  # the first reading: integers already, no rounding to pay for
        left, right = max(0, min(p.width, x1 - p.origin_x)), max(0, min(p.width, x2 - p.origin_x))
        top, bottom = max(0, min(p.height, y1 - p.origin_y)), max(0, min(p.height, y2 - p.origin_y))
        return Box(left, top, right - left, bottom - top) if right > left and bottom > top else None
    left = max(0, min(p.width, round((x1 - p.origin_x) / p.scale)))
    top = max(0, min(p.height, round((y1 - p.origin_y) / p.scale)))
    right = max(0, min(p.width, round((x2 - p.origin_x) / p.scale)))
    bottom = max(0, min(p.height, round((y2 - p.origin_y) / p.scale)))
    if right <= left or bottom <= top:
        return None
    return Box(left, top, right - left, bottom - top)


# A word without a letter or digit read with less confidence than this is noise, not text.
NOISE_CONFIDENCE = 50
# A word of one or two characters read with less confidence than this, and no bigger either
# way than a SPECK_SIZE-th of the word before it is tall, is a speck (see _collect).
SPECK_CONFIDENCE = 80
SPECK_SIZE = 5
# A gap between two words of one line wider than this many line heights is a column gap.
COLUMN_GAP = 1.5


def _column_gap(
    before: Box | None, after: Box | None, unfinished: bool = False, p: Prepared | None = None
) -> bool:
    """Whether two words of one line stand in different columns (cells of a table, a label
    and its value far apart). NER must not read across them: "Lucia Moreno" in one cell and
    an e-mail in the next are not one name. After a word that cannot end a cell, only a gap
    twice as wide counts (see _unfinished). With the image p, the gap must be blank there
    too (see _widest_blank)."""
    if before is None or after is None:
        return False
    limit = COLUMN_GAP * max(before.height, after.height) * (2 if unfinished else 1)
    if after.left - before.right <= limit:
        return False
    return p is None or _widest_blank(p, before, after) > limit * p.scale


def _widest_blank(p: Prepared, before: Box, after: Box) -> int:
    """The widest run of blank columns between two word boxes of one line, in p.gray's
    pixels: tesseract sometimes boxes a word far narrower than its ink ("Emi" 7 pixels wide,
    then "Takahashi" 30 pixels on, in a chat's contact list), and a name must not be cut in
    two there. A form's rule across the gap is no ink of a word."""
    top = round(min(before.top, after.top) * p.scale) + p.origin_y
    bottom = round(max(before.bottom, after.bottom) * p.scale) + p.origin_y
    left = round(before.left * p.scale) + p.origin_x
    gap_left = round(before.right * p.scale) + p.origin_x
    gap_right = round(after.left * p.scale) + p.origin_x
    right = round(after.right * p.scale) + p.origin_x
    line = p.gray[top:bottom, left:right]
    if line.size == 0:
        return gap_right - gap_left
    diff = cv2.absdiff(line, np.full_like(line, int(np.median(line))))
    contrast = int(diff.max())
    if contrast < MIN_CONTRAST:
        return gap_right - gap_left
    ink = diff[:, gap_left - left : gap_right - left] > 0.35 * contrast
    ink = ink[ink.mean(axis=1) < RULE_SHARE]  # a form's rule or underline across the gap
    blank = np.concatenate(([0], (~ink.any(axis=0)).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(blank))
    return int((edges[1::2] - edges[::2]).max()) if edges.size else 0


def _unfinished(word: str) -> bool:
    """Whether the text goes on after this word: a comma ("Chukwu, Adaeze", cut at an image's
    edge, its boxes shorter than its type), an address without a dot after its "@"
    ("yyamamoto@ora nge.fr", a wide letter gap in a scan), or a country calling code ("+33",
    before a number whose first digit tesseract's box left out)."""
    return (
        word.endswith(",")
        or ("@" in word and "." not in word.rsplit("@", 1)[1])
        or (word[:1] == "+" and word[1:].isdigit() and len(word) <= 4)
    )


def speck(text: str, confidence: float, box: Box, before: Box | None) -> bool:
    """Whether a word is a speck read as a letter or digit, beside the word before it on its
    line: "M:", 2 by 3 pixels, between "Padraig" and "cCarthy", which would split a name in
    two. Marks alone are punctuation ("." between an IP address's groups), kept; but for a
    colon as small, which is a dot: "Paul :" then "Schulz" read apart on a radiograph."""
    return (
        before is not None
        and len(text) <= 2
        and (any(c.isalnum() for c in text) or text in (":", ";"))
        and confidence < SPECK_CONFIDENCE
        and max(box.width, box.height) * SPECK_SIZE <= before.height
    )


def _collect(api: PyTessBaseAPI, p: Prepared) -> OcrText:
    """Walk tesseract's symbols once, building the text, the words and the symbol boxes.

    Words are joined by a space and lines by a newline, so that character offsets into the
    text identify exactly one recognised symbol each.
    """
    parts: list[str] = []
    words: list[Word] = []
    symbols: list[Symbol] = []
    offset = 0
    line = -1
    iterator = api.GetIterator()
    if iterator is None:
        return OcrText("", (), ())
    word_start = -1
    word_box: Box | None = None
    word_conf = 0.0
    pending = ""  # the separator before the current word, written with its first symbol
    undo = (0, 0, 0, "")  # parts, offset, symbols and separator before the current word
    last = ""  # the text of the word before the current one

    def close_word() -> None:
        nonlocal offset, pending, last
        if word_box is None or not 0 <= word_start < offset:
            return
        written = "".join(parts[undo[0] :]).lstrip()
        before = words[-1].box if words and words[-1].line == line else None
        # "|", "=", "—" read off an image's edges or a rule: noise between real words ("Dr.
        # Ananya | Sharma") that would hide a name from the detectors; so would a speck.
        noise = word_conf < NOISE_CONFIDENCE and not any(c.isalnum() for c in written)
        if noise or speck(written, word_conf, word_box, before):
            del parts[undo[0] :], symbols[undo[2] :]
            offset, pending = undo[1], undo[3]
            return
        words.append(Word(word_start, offset, word_box, line, word_conf))
        last = written

    for r in iterate_level(iterator, RIL.SYMBOL):
        if r.Empty(RIL.SYMBOL):
            continue  # a blank page still yields one empty element
        if r.IsAtBeginningOf(RIL.WORD):
            close_word()
            previous = words[-1].box if words and words[-1].line == line else None
            wb = r.BoundingBox(RIL.WORD)
            word_box = _to_box(wb, p) if wb else None
            if r.IsAtBeginningOf(RIL.TEXTLINE):
                line += 1
                pending = "\n"
            elif _column_gap(previous, word_box, _unfinished(last), p):
                pending = "\n"  # table cells are separate texts, though tesseract reads one line
            elif not pending:
                pending = " "
            word_start = -1
            word_conf = float(r.Confidence(RIL.WORD))
        text = r.GetUTF8Text(RIL.SYMBOL)
        if not text or text.isspace() or word_box is None:
            # Blank "words" tesseract makes of empty regions carry a page-sized box; a word it
            # could not place cannot be painted by box. Neither goes into the text.
            continue
        if word_start < 0:
            undo = (len(parts), offset, len(symbols), pending)
            if parts:
                parts.append(pending)
                offset += 1
            pending = ""
            word_start = offset
        box = r.BoundingBox(RIL.SYMBOL)
        sym_box = _to_box(box, p) if box else None
        parts.append(text)
        n = len(text)
        if sym_box is not None and n == 1:
            symbols.append(Symbol(offset, offset + 1, sym_box, len(words)))
        elif sym_box is not None:
            # A symbol can carry several codepoints (ligatures): share its width among them.
            for i in range(n):
                left = sym_box.left + sym_box.width * i // n
                right = sym_box.left + sym_box.width * (i + 1) // n
                piece = Box(left, sym_box.top, max(1, right - left), sym_box.height)
                symbols.append(Symbol(offset + i, offset + i + 1, piece, len(words)))
        offset += n
    close_word()
    return OcrText("".join(parts), tuple(words), tuple(symbols))
