"""Turn a character span of the OCR text into the pixel boxes that cover exactly it.

Tesseract's word boxes are tight, but its LSTM symbol boxes are approximate and may leave
gaps between letters. So a whole word is covered by its word box, and a part of a word by
its symbols widened halfway into the gap towards each neighbour: the covered glyphs are
hidden completely while the rest of the word ("Email:" in "Email:jo@x.io") stays readable.

Both are then fitted to the ink when the image is given. Tesseract's boxes come from its
binarised page, which drops what a person still sees: the faint edge of blurred or
anti-aliased glyphs, an accent above a capital, the tail of a final "y" (LSTM symbol boxes
end early), even a whole first letter when a band's threshold differs. Each side of a box
grows while the pixels beyond it are ink, far enough from the local background, across
gaps narrower than the space between letters; a side inside a word stops at the first gap.
"""

from __future__ import annotations

import itertools
import re
import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

import numpy as np

from inkout import names
from inkout.model import Box, OcrText, Symbol, Word

# How far a side may grow, and the widest gap it crosses, as fractions of the box height: a
# gap between letters is up to about a fifth of a capital's height, between words a third and
# more; lines lie closer than words, so upwards and downwards only an accent's gap is crossed.
REACH_SIDE = 1.5
REACH_VERTICAL = 0.35
GAP_SIDE = 0.25
# ... and after a name tesseract may have read only the start of, a gap between letters as
# wide as a monospaced font leaves ("Kimu" of "Kimura" burnt into a radiograph); the words
# read beside it still bound it.
CUT_SHORT_GAP = 0.4
GAP_VERTICAL = 0.12
# The right side of text that may be a word cut short, when its ink goes on to the end of its
# reach, reaches again, up to this many reaches in all: the rest of a word tesseract read only
# the start of ("Fisc" of "Fischer" on a radiograph).
REACHES = 4
# A punctuation mark's ink is at most this many text heights wide and high; more is a letter.
MARK_WIDTH = 0.45
MARK_HEIGHT = 0.65
# A dot or a comma is at most this share of the height of its word's letters' ink.
LOW_MARK = 0.5
# A word box this many times taller than the median of its line reaches into another line.
TALL_WORD = 1.5
MIN_CONTRAST = 24  # below this, nothing in the box stands out enough to fit to
SMALL_TEXT = 10  # text lower than this many pixels is small type


def _median(pixels: np.ndarray) -> int:
    """int(np.median(pixels)) without np.median's overhead, which on the small regions of
    one word costs more than the partition itself."""
    flat = pixels.ravel()
    k = flat.size // 2
    if flat.size % 2:
        return int(np.partition(flat, k)[k])
    low, high = np.partition(flat, (k - 1, k))[k - 1 : k + 1]
    return int((int(low) + int(high)) / 2)


def union(boxes: list[Box]) -> Box:
    left = min(b.left for b in boxes)
    top = min(b.top for b in boxes)
    right = max(b.right for b in boxes)
    bottom = max(b.bottom for b in boxes)
    return Box(left, top, right - left, bottom - top)


# Boxes of one colour on one row at most this many heights apart are bridged (see bridges):
# padded boxes, so a gap of about 0.9 heights between the words themselves; a one-letter word
# and its spaces ("Mai & Bao") take more.
BRIDGE_GAP = 0.5


def bridges(boxes: list[Box], keys: list[object]) -> list[tuple[Box, object]]:
    """Boxes that fill the gap between two boxes of one key (a colour) standing side by side
    on one row, at most BRIDGE_GAP heights apart: two findings of one name that OCR split
    ("Duc" and "Le" read as two lines) are painted as one, and the blank between them no
    longer shows where one word ends. No word fits in such a gap, so none is hidden."""
    order = sorted(range(len(boxes)), key=lambda k: (boxes[k].top + boxes[k].bottom) / 2)
    middles = [(boxes[k].top + boxes[k].bottom) / 2 for k in order]
    out: list[tuple[Box, object]] = []
    for n, i in enumerate(order):
        a = boxes[i]
        reach = a.height / 2
        hi = bisect_right(middles, middles[n] + reach)
        lo = bisect_left(middles, middles[n] - reach)
        right = [
            boxes[j]
            for j in order[lo:hi]
            if j != i
            and keys[j] == keys[i]
            and a.right < boxes[j].left <= a.right + BRIDGE_GAP * max(a.height, boxes[j].height)
            and 2 * (min(a.bottom, boxes[j].bottom) - max(a.top, boxes[j].top))
            >= min(a.height, boxes[j].height)
        ]
        if right:
            b = min(right, key=lambda r: r.left)
            top, bottom = max(a.top, b.top), min(a.bottom, b.bottom)
            out.append((Box(a.right, top, b.left - a.right, bottom - top), keys[i]))
    return out


def _grow(ink: list[bool], first: int, stop: int, gap: int) -> int | None:
    """The farthest ink index from first (the first index beyond the box) towards stop,
    crossing runs of at most gap empty indexes; None when there is none."""
    step = 1 if stop > first else -1
    reached, empty = None, 0
    for i in range(first, stop, step):
        if ink[i]:
            reached, empty = i, 0
        else:
            empty += 1
            if empty > gap:
                break
    return reached


def fit_to_ink(
    gray: np.ndarray,
    box: Box,
    left_limit: int | None = None,
    right_limit: int | None = None,
    cut_short: bool = False,
    bounds: tuple[int | None, int | None] = (None, None),
    gap: float = GAP_SIDE,
    cut_start: bool = False,
) -> Box:
    """box grown to cover the ink of the glyphs it cuts; never shrunk.

    left_limit and right_limit, when given, are how far a side inside a word may go (the
    middle of the neighbouring letter), and that side stops at the first column without ink.
    cut_short: the text may be a word tesseract read only the start of (it ends in a small
    letter), so ink that goes on to the end of the reach is followed further.
    bounds: the columns no side grows past, towards the next words read on the line: in small
    type a space between words is as narrow as a gap between letters.
    gap: the widest gap, in heights, the right side crosses.
    cut_start: the text may have lost its start (it begins with a small letter), so ink that
    goes on to the start of the reach is followed further to the left.
    """
    fitted, at_end, at_start = _fit_once(gray, box, left_limit, right_limit, bounds=bounds, gap=gap)
    for _ in range(REACHES - 1 if cut_short else 0):  # to the right, in the rows found
        if not at_end:
            break
        further, at_end, _ = _fit_once(
            gray, fitted, fitted.left, None, continued=True, bounds=bounds, gap=gap
        )
        if further.right <= fitted.right:
            break
        fitted = Box(fitted.left, fitted.top, further.right - fitted.left, fitted.height)
    for _ in range(REACHES - 1 if cut_start else 0):  # to the left, in the rows found
        if not at_start:
            break
        further, _, at_start = _fit_once(
            gray, fitted, None, fitted.right, continued=True, bounds=bounds, gap=gap
        )
        if further.left >= fitted.left:
            break
        fitted = Box(further.left, fitted.top, fitted.right - further.left, fitted.height)
    return fitted


def _fit_once(
    gray: np.ndarray,
    box: Box,
    left_limit: int | None,
    right_limit: int | None,
    continued: bool = False,
    bounds: tuple[int | None, int | None] = (None, None),
    gap: float = GAP_SIDE,
) -> tuple[Box, bool, bool]:
    """fit_to_ink within one reach; and whether the right side's ink ran to the reach's end,
    and the left side's to its start (when free to grow). gap: the widest gap, in heights,
    the right side crosses."""
    h = box.height
    rows, cols = gray.shape[:2]
    side, vertical = max(2, int(REACH_SIDE * h)), max(2, int(REACH_VERTICAL * h))
    x0 = max(0, box.left - side if left_limit is None else min(box.left, left_limit))
    x1 = min(cols, box.right + side if right_limit is None else max(box.right, right_limit))
    y0, y1 = max(0, box.top - vertical), min(rows, box.bottom + vertical)
    region = gray[y0:y1, x0:x1]
    if region.size == 0:
        return box, False, False
    background = _median(region[::2, ::2])  # a sample decides as well, 4x cheaper
    diff = np.abs(region.astype(np.int16) - background)
    left, right = box.left - x0, box.right - x0
    top, bottom = box.top - y0, box.bottom - y0
    # The bounds stop the sides, not the region: its background is measured as without them.
    left_stop, right_stop = -1, x1 - x0
    if bounds[0] is not None:
        left_stop = min(left - 1, max(-1, bounds[0] - x0 - 1))
    if bounds[1] is not None:
        right_stop = max(right, min(right_stop, bounds[1] - x0))
    contrast = int(diff[top:bottom, left:right].max()) if right > left and bottom > top else 0
    if contrast < MIN_CONTRAST:
        return box, False, False
    ink = diff > max(MIN_CONTRAST * 0.8, 0.35 * contrast)
    # a column is ink with two inked rows, or one in small type, whose thin strokes are one
    # faint pixel wide (the diagonal of a 7-pixel "4")
    need_col, need_row = (max(2, h // 10) if h >= SMALL_TEXT else 1), 2
    left_gap = max(1, round(GAP_SIDE * h)) if left_limit is None else 0
    right_gap = max(1, round(gap * h)) if right_limit is None else 0
    row_gap = max(1, round(GAP_VERTICAL * h))
    for _ in range(2):  # wider sides can reveal more rows of ink, and the other way round
        before = (left, top, right, bottom)
        col_ink = (np.count_nonzero(ink[top:bottom], axis=0) >= need_col).tolist()
        if (reached := _grow(col_ink, right, right_stop, right_gap)) is not None:
            right = reached + 1
        if (reached := _grow(col_ink, left - 1, left_stop, left_gap)) is not None:
            left = reached
        if not continued:
            row_ink = (np.count_nonzero(ink[:, left:right], axis=1) >= need_row).tolist()
            if (reached := _grow(row_ink, bottom, y1 - y0, row_gap)) is not None:
                bottom = reached + 1
            if (reached := _grow(row_ink, top - 1, -1, row_gap)) is not None:
                top = reached
        if (left, top, right, bottom) == before:
            break
    # ... or to a gap it could cross that the reach's end cut (a monospaced "i", far from
    # the "h" before it: "Qureshi")
    at_end = right_limit is None and x1 - x0 - right < right_gap and x1 < cols
    at_start = left_limit is None and left < left_gap and x0 > 0
    return Box(x0 + left, y0 + top, right - left, bottom - top), at_end, at_start


# A glyph left out of its word box lies at most this many text heights beyond it.
LOST_GAP = 0.6


def _lost(symbols: list[Symbol], side: int, at_left: bool) -> int:
    """How many glyphs at one end of a word tesseract read but placed none of the ink of: its
    symbol boxes there are stacked at the word box's side (one pixel wide, or "1", "0" and "."
    all starting where the "2" after them does), all but the one whose ink is there. A lone
    box one pixel wide at the side is such a glyph too ("1" of "1945", its "9" boxed from the
    next pixel on): what ink it has lies beyond."""
    ordered = symbols if at_left else symbols[::-1]
    stacked = 0
    for symbol in ordered:
        if (symbol.box.left if at_left else symbol.box.right) != side:
            break
        stacked += 1
    if stacked == 1 and len(ordered) > 1 and ordered[0].box.width <= 1:
        return 1
    return max(0, stacked - 1)


def _overlapping(symbols: list[Symbol]) -> bool:
    """Whether two symbol boxes side by side overlap: those after them sit a glyph back."""
    return any(a.box.right > b.box.left for a, b in itertools.pairwise(symbols))


def ink_runs(gray: np.ndarray, box: Box) -> list[tuple[int, int]]:
    """The runs of columns of box that hold ink, as (left, right) image columns, in order."""
    margin = max(1, round(REACH_VERTICAL * box.height))
    left = max(0, box.left)
    region = gray[max(0, box.top - margin) : box.bottom + margin, left : box.right]
    if region.size == 0:
        return []
    diff = np.abs(region.astype(np.int16) - _median(region))
    contrast = int(diff.max())
    if contrast < MIN_CONTRAST:
        return []
    inked = np.concatenate(([0], (diff > 0.35 * contrast).any(axis=0).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(inked))
    return [(left + int(a), left + int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _ink_rows(
    gray: np.ndarray, box: Box, runs: list[tuple[int, int]]
) -> list[tuple[int, int] | None]:
    """The first and last rows of box that the ink in each run of columns takes (None for
    none), counted from box's top."""
    top = max(0, box.top)
    word = gray[top : box.bottom, max(0, box.left) : box.right].astype(np.int16)
    if word.size == 0:
        return [None] * len(runs)
    background = _median(word)
    contrast = int(np.abs(word - background).max())
    spans: list[tuple[int, int] | None] = []
    for left, right in runs:
        ink = np.abs(gray[top : box.bottom, left:right].astype(np.int16) - background)
        rows = np.flatnonzero((ink > 0.35 * contrast).any(axis=1))
        spans.append((int(rows[0]), int(rows[-1])) if rows.size else None)
    return spans


def _ink_heights(gray: np.ndarray, box: Box, runs: list[tuple[int, int]]) -> list[int]:
    """How many rows of box the ink in each run of columns takes (0 for none)."""
    return [0 if s is None else s[1] - s[0] + 1 for s in _ink_rows(gray, box, runs)]


def _low_marks(
    gray: np.ndarray,
    box: Box,
    marks: list[tuple[int, int]],
    chars: str,
    kept: list[tuple[int, int]],
) -> list[bool | None]:
    """For each mark's run of ink, whether a dot or a comma there is low, as one is (None
    for other marks): short beside the letters' ink (see LOW_MARK), or starting below its
    middle, as a monospaced font's comma hangs from the baseline. On a slanting photo every
    symbol box of "13134." was half as tall again as its digit, the "." was no ink at all,
    and the last "4" passed for it: it is neither."""
    low: list[bool | None] = [None] * len(marks)
    points = [k for k, c in enumerate(chars) if c in ".,"]
    if not points or not kept:
        return low
    spans = _ink_rows(gray, box, [marks[k] for k in points] + kept)
    letters = [s for s in spans[len(points) :] if s is not None]
    if not letters:
        return low
    heights = sorted(b - a + 1 for a, b in letters)
    tops, bottoms = sorted(a for a, _ in letters), sorted(b for _, b in letters)
    middle = (tops[len(tops) // 2] + bottoms[len(bottoms) // 2]) / 2
    for k, span in zip(points, spans, strict=False):
        low[k] = span is None or (
            span[1] - span[0] + 1 <= LOW_MARK * heights[len(heights) // 2] or span[0] > middle
        )
    return low


def _mark_sized(gray: np.ndarray, box: Box, left: int, right: int, height: int) -> bool:
    """Whether the ink in columns [left, right) beside or in box is small enough to be a
    punctuation mark: narrow and short beside letters height pixels tall. A letter is wider
    or taller."""
    if right - left > MARK_WIDTH * height:
        return False
    return _ink_heights(gray, box, [(left, right)])[0] <= MARK_HEIGHT * height


def _within_lines(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Words whose box is far taller than the others on their line, cut to the line's band.

    Tesseract sometimes gives a word a box reaching into the next line ("Miller" over
    "109 mAs 3.8" below it on a radiograph); painted and fitted to the ink, it would erase
    that line. The cut box is fitted to the word's own ink afterwards, so a word that is
    really taller (a larger font) grows back, within the reach of the fitting: a tall word
    that reaches into no other line's rows is left whole, or its descenders would stay.
    """
    lines: dict[int, list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    cut: dict[int, Word] = {}
    for members in lines.values():
        if len(members) < 2:
            continue
        # specks of noise read as words ("oa" 3 px tall beside "MRN A-711174" on a radiograph)
        # are no measure of the line's height
        heights = [words[i].box.height for i in members]
        text = [h for h in heights if h >= SPECK] or heights
        height = float(statistics.median(text))
        # Of two words, the median is a height between them: the taller is measured against
        # the other, and cut only when it reaches into a word of another line right above
        # or below it ("-db8:4e4d:f53c" beside "2001", up into "login" of "Last login from";
        # not a long URL on a slanting line beside the number OCR split off its end). Of
        # more, a tall word is cut only for a word of another line in or near its columns:
        # a long URL on a slanting photographed line after its label rises past the label
        # of the line above, far to its left.
        pair = len(text) == 2
        if pair:
            height = float(min(text))
        normal = [words[i].box for i in members if words[i].box.height <= TALL_WORD * height]
        band = _band(normal)
        for i in members:
            box = words[i].box
            # Tall and reaching into the rows of another line; a URL whose descenders and
            # slashes make it taller than the short words beside it keeps its box.
            if box.height > TALL_WORD * height and any(
                w.line != words[i].line
                and w.box.top < box.bottom
                and box.top < w.box.bottom
                and (_above_or_below(w.box, box) if pair else _beside(w.box, box, height))
                for w in words
            ):
                top, bottom = band(box.left, box.right)
                new_top, new_bottom = max(box.top, top), min(box.bottom, bottom)
                if new_bottom > new_top:
                    cut[i] = replace(
                        words[i], box=Box(box.left, new_top, box.width, new_bottom - new_top)
                    )
    if not cut:
        return words
    return tuple(cut.get(i, w) for i, w in enumerate(words))


# A symbol this many times wider than its word's median symbol is stretched (see
# _short_of_next_words).
STRETCHED_SYMBOL = 4


def _short_of_next_words(
    words: tuple[Word, ...], symbols: list[list[Symbol]], text: str
) -> tuple[Word, ...]:
    """Words cut short of the words after them on their line that a stretched symbol of
    theirs runs over, when the first of those is a word of English.

    Tesseract can stretch a word's last symbol to the end of its line: the "8" ending a card
    number 235 pixels wide, over "on the date shown above."; painted, the finding erased
    them. Only a symbol several times wider than the word's others counts, so a word read
    inside a long value by mistake (a speck in a URL) cuts nothing; and only before a word
    of English, as the value's own end can be what it runs over, read again as words of
    their own ("/drive.example.com/file/d/3255" over "1a0c5 1").
    """
    lines: dict[int, list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    lexicon = names.lexicon()
    cut: dict[int, Word] = {}
    for members in lines.values():
        for i in members:
            own = symbols[i]
            if len(own) < 3:
                continue
            width = statistics.median(s.box.width for s in own)
            stretched = [s.box for s in own if s.box.width > STRETCHED_SYMBOL * width]
            box = words[i].box
            under = [
                words[j]
                for j in members
                if any(
                    wide.left < words[j].box.left and words[j].box.right <= wide.right
                    for wide in stretched
                )
                and words[j].box.same_row(box)
                and words[j].box.left > box.left
            ]
            if not under:
                continue
            first = min(under, key=lambda w: w.box.left)
            if lexicon.is_english(text[first.start : first.end].strip(".,;:!?")):
                right = first.box.left
                cut[i] = replace(words[i], box=Box(box.left, box.top, right - box.left, box.height))
    if not cut:
        return words
    return tuple(cut.get(i, w) for i, w in enumerate(words))


def _beside(a: Box, b: Box, height: float) -> bool:
    """Whether box a stands over, under or less than a text height beside box b: far off
    in other columns, the rows a tall word shares with it take nothing of it when painted."""
    return max(a.left - b.right, b.left - a.right) < height


def _above_or_below(a: Box, b: Box) -> bool:
    """Whether box a stands over or under box b: half of the narrower of them or more in
    the same columns."""
    return 2 * (min(a.right, b.right) - max(a.left, b.left)) >= min(a.width, b.width)


# A line slants at most this much (rise over run) in a photographed or scanned page.
MAX_SLANT = 0.1


def _band(boxes: list[Box]) -> Callable[[int, int], tuple[int, int]]:
    """The rows a line's words take between two columns: the median band of their boxes,
    following the line's slant when they span enough width to measure it. In a photograph a
    long address at the end of a slanting line is as tall as its rise: cut to a level band,
    its far end would stay readable."""
    top = float(statistics.median([b.top for b in boxes]))
    bottom = float(statistics.median([b.bottom for b in boxes]))
    slope = 0.0
    centres = [b.left + b.width / 2 for b in boxes]
    if len(boxes) >= 3 and max(centres) - min(centres) > 0:
        middles = [b.top + b.height / 2 for b in boxes]
        slope = float(np.polyfit(centres, middles, 1)[0])
        slope = max(-MAX_SLANT, min(MAX_SLANT, slope))
    x = statistics.median(centres)

    def rows(left: int, right: int) -> tuple[int, int]:
        rises = (slope * (left - x), slope * (right - x))
        return int(top + min(rises)), int(round(bottom + max(rises)))

    return rows


# Two words on one row whose boxes overlap by this many text heights (a good part of a
# letter; word boxes of one reading never overlap so) read the same ink twice.
SAME_INK = 0.3
# A "word" lower than this many pixels is a speck of noise, no text a person reads.
SPECK = 6
# A word that starts this many of its heights or fewer from the image's left edge may have
# lost its first letter to the edge.
EDGE = 1.25


def _same_ink(words: tuple[Word, ...]) -> list[list[int]]:
    """For each word, the other words that read part of its ink again, in order of their left.

    A second look at letter-spaced text can read the end of a word tesseract boxed short
    ("Fontaine" then "Aine", "OGUNL" then "LEYE", on a radiograph): the finding holds the
    first reading, and the pixels of the second stay readable unless its box is covered
    too. Words of one row do not overlap otherwise. A sweep by top edge compares each word
    with the words of its own row only: by left edge, a table's column made it compare every
    word with the whole column.
    """
    partners: list[list[int]] = [[] for _ in words]
    order = sorted(range(len(words)), key=lambda i: words[i].box.top)
    for n, i in enumerate(order):
        a = words[i].box
        for m in range(n + 1, len(order)):
            j = order[m]
            b = words[j].box
            if b.top > a.bottom:
                break
            wide = min(a.right, b.right) - max(a.left, b.left)
            tall = min(a.bottom, b.bottom) - b.top
            low = min(a.height, b.height)
            if wide > 0 and wide >= SAME_INK * low and 2 * tall >= low:
                partners[i].append(j)
                partners[j].append(i)
    for found in partners:
        found.sort(key=lambda j: (words[j].box.left, j))
    return partners


class BoxIndex:
    """Looks up the boxes of character spans in one OCR result; build once per image.

    With the image's gray pixels, every box is fitted to the ink (see the module doc).
    """

    def __init__(self, ocr: OcrText, gray: np.ndarray | None = None):
        self._gray = gray
        self._text = ocr.text
        self._word_starts = [w.start for w in ocr.words]
        self._word_ends = [w.end for w in ocr.words]
        self._symbols: list[list[Symbol]] = [[] for _ in ocr.words]
        for s in ocr.symbols:
            self._symbols[s.word].append(s)
        words = ocr.words
        if gray is not None:
            words = _short_of_next_words(_within_lines(words), self._symbols, ocr.text)
        self._words = words

    @cached_property
    def _partners(self) -> list[list[int]]:
        """_same_ink of the words, found once an image has a name to place."""
        return _same_ink(self._words)

    def word_boxes(self) -> tuple[Box, ...]:
        """Every word's box: what redact_all_text covers."""
        return tuple(w.box for w in self._words)

    def boxes(
        self,
        start: int,
        end: int,
        same_ink: bool = False,
        reread: bool = False,
        lost_start: bool = False,
    ) -> tuple[Box, ...]:
        """The boxes covering text[start:end], one per line the span crosses.

        reread: also cover the words of other lines that read the end of the span's ink
        again and go on (see _same_ink): a second look read "98 30 49" over the end of "+33
        1.45459)". Not for addresses and URLs: a masked address read twice
        ("c•••@yahoo.co.uk", then "ahoo.co.uk" alone, a domain) would be covered whole by
        its domain's finding.
        same_ink: every word that reads part of the span's ink again, the start of a word the
        image's left edge cut (see _cut_off), and a name's end followed over a monospaced
        font's gaps: for names.
        lost_start: the span may have lost its first letters unread, as a name may: an e-mail
        address's user name runs on without spaces ("inweber81@..." read of
        "maximilianweber81@..." on a dark table row).
        """
        reread = reread or same_ink
        if end <= start:
            return ()
        first = bisect_right(self._word_ends, start)  # first word ending after start
        last = bisect_left(self._word_starts, end)  # words before this start before end
        per_line: dict[int, list[tuple[Box, int | None, int | None, bool, int]]] = {}
        for i in range(first, last):
            word = self._words[i]
            box, left_limit, right_limit = self._piece(word, self._symbols[i], start, end)
            if box is not None and (left_limit is not None or right_limit is not None):
                box, left_limit, right_limit = self._without_punctuation(
                    i, start, end, (box, left_limit, right_limit)
                )
            if box is not None:
                tail = self._text[max(word.start, min(end, word.end) - 2) : min(end, word.end)]
                # ... or a name's last letters read as a mark ("Kowal:" for "Kowalski"), or
                # lost from the line's last word in capitals ("HAF" for "HARRIS")
                small = tail[-1:].islower() or (
                    same_ink
                    and (
                        tail[-1:] in (":", "!", "|", ")")
                        and tail[:1].islower()
                        or tail.isupper()
                        and self._last_on_line(i)
                    )
                )
                pieces = per_line.setdefault(word.line, [])
                pieces.append((box, left_limit, right_limit, small, i))
                for j in self._partners[i] if reread else ():
                    # but for names, only a reading of the value's end and what follows it: a
                    # word the first reading boxed over the value ("server" over "server at
                    # 172.21...") is none, nor a masked number read again over the digits it
                    # shows ("@e0-000-66" over "688")
                    other = self._words[j]
                    if same_ink or (other.line != word.line and other.box.left >= word.box.left):
                        pieces.append((other.box, None, None, False, j))
                if same_ink and i == first and (j := self._cut_off(i)) is not None:
                    pieces.append((self._words[j].box, None, None, False, j))
        covered = []
        for _, pieces in sorted(per_line.items()):
            box = union([p[0] for p in pieces])
            if self._gray is not None:  # once per line: only its end pieces can be partial
                leftmost = min(pieces, key=lambda p: p[0].left)
                rightmost = max(pieces, key=lambda p: p[0].right)
                edges = self._neighbours(leftmost[4], rightmost[4], box)
                halfway = (
                    None if edges[0] is None else (edges[0] + box.left + 1) // 2,
                    None if edges[1] is None else (box.right + edges[1]) // 2,
                )
                # a name cut short may be in a monospaced font, its letters far apart; so may
                # a number's last digit at its line's end ("10.95.163.5" for "10.95.163.51")
                last = rightmost[4]
                digit_ends_line = self._text[
                    min(end, self._words[last].end) - 1
                ].isdigit() and self._last_on_line(last)
                gap = CUT_SHORT_GAP if same_ink and rightmost[3] or digit_ends_line else GAP_SIDE
                # ... and one whose start OCR lost, at an image's edge ("ta Romero")
                cut_start = (same_ink or lost_start) and self._text[
                    max(start, self._words[leftmost[4]].start)
                ].islower()
                box = fit_to_ink(
                    self._gray,
                    box,
                    leftmost[1],
                    rightmost[2],
                    rightmost[3],
                    halfway,
                    gap,
                    cut_start,
                )
                box = self._with_lost_glyphs(
                    box,
                    leftmost[4] if leftmost[1] is None else None,
                    rightmost[4] if rightmost[2] is None else None,
                    edges,
                )
            covered.append(box)
        return tuple(covered)

    def _last_on_line(self, i: int) -> bool:
        return i + 1 == len(self._words) or self._words[i + 1].line != self._words[i].line

    def _cut_off(self, i: int) -> int | None:
        """The word before word i when it is the rest of a word the image's left edge cut,
        or whose first letter, touching the edge, tesseract left out: first on i's line, a
        space before it, starting a letter or less from the edge with a small letter
        ("argaux" of "Margaux Rousseau" burnt into a radiograph at its edge), perhaps ending
        in a mark ("porn:" for the "LEWAN" of "LEWANDOWSKI, KRZYSZTOF")."""
        if i == 0 or self._words[i - 1].line != self._words[i].line:
            return None
        before, word = self._words[i - 1], self._words[i]
        if i > 1 and self._words[i - 2].line == before.line:
            return None
        text = self._text[before.start : before.end].rstrip(",:;")
        if before.box.left > EDGE * before.box.height or not (text.isalpha() and text[0].islower()):
            return None
        return i - 1 if word.box.left - before.box.right <= word.box.height else None

    def _with_lost_glyphs(
        self, box: Box, first: int | None, last: int | None, edges: tuple[int | None, ...]
    ) -> Box:
        """box widened over glyphs tesseract read but left out of its word box, beyond a gap
        wider than fit_to_ink crosses: in many fonts "1" stands apart from the digit after it,
        and its symbol box is then one pixel wide at that digit's edge (see _lost). first and
        last: the words whose first and last symbols are at box's sides, if they are; edges:
        where the words beside them are, which one lost glyph does not reach into unless
        tesseract boxed that word from inside the glyph (see _boxed_into)."""
        assert self._gray is not None
        h = box.height
        gap = LOST_GAP * h
        left, right = box.left, box.right
        if first is not None and (n := self._lost_at(first, True)):
            # One glyph lies in the gap before the word; several, tesseract put in the word
            # before's box ("whitelist" boxed over "10." of "10.237...").
            start = max(0, left - round(n * h + gap))
            runs = ink_runs(self._gray, Box(start, box.top, left - start, h))[-n:]
            for run in reversed(runs):
                if left - run[1] > gap:
                    break
                if (
                    n == 1
                    and edges[0] is not None
                    and run[0] < edges[0]
                    and not self._boxed_into(first - 1, run, h, at_left=False)
                ):
                    left = edges[0] if run[1] > edges[0] else left
                    break
                left = run[0]
        if last is not None and (n := self._lost_at(last, False)):
            stop = min(self._gray.shape[1], right + round(n * h + gap))
            for run in ink_runs(self._gray, Box(right, box.top, stop - right, h))[:n]:
                if run[0] - right > gap:
                    break
                if (
                    n == 1
                    and edges[1] is not None
                    and run[1] > edges[1]
                    and not self._boxed_into(last + 1, run, h, at_left=True)
                ):
                    right = edges[1] if run[0] < edges[1] else right
                    break
                right = run[1]
        return Box(left, box.top, right - left, h)

    def _lost_at(self, i: int, at_left: bool) -> int:
        """How many glyphs at one end of word i tesseract read but placed none of the ink of:
        stacked at its box's side (see _lost), or read with no symbol box at all ("1" of
        "10.150.160.8", its word boxed from the "0")."""
        word, symbols = self._words[i], self._symbols[i]
        if not symbols:
            return 0
        unboxed = symbols[0].start - word.start if at_left else word.end - symbols[-1].end
        side = word.box.left if at_left else word.box.right
        # glyphs stacked or unboxed are counted so; squeezed boxes only where none are
        return max(unboxed, _lost(symbols, side, at_left)) or self._squeezed(i, at_left)

    def _squeezed(self, i: int, at_left: bool) -> int:
        """Whether the digit at one end of number i lies beyond its box (1) or not (0), a
        symbol box squeezed over the one beside it: fewer runs of ink in the box than digits
        read ("3259916", its "6" boxed over the "1" and its ink a gap further on; "7878115",
        its first "1" boxed over the "8" and each box after it one glyph back)."""
        symbols = self._symbols[i]
        word = self._words[i]
        if self._gray is None or len(symbols) < 2:
            return 0
        if not re.fullmatch(r"\d[\d.,:/-]*", self._text[word.start : word.end]):
            return 0
        end, beside = (symbols[0], symbols[1]) if at_left else (symbols[-1], symbols[-2])
        squeezed = beside.box.left < end.box.right and end.box.left < beside.box.right
        if not (squeezed or not at_left and _overlapping(symbols)):
            return 0
        # squeezed: narrower than its digits are; glyphs that touch (a wide "3" over the "4"
        # of "3498") leave fewer runs of ink too, but are boxed at their width
        if 4 * end.box.width >= 3 * statistics.median(s.box.width for s in symbols):
            return 0
        return min(1, max(0, len(symbols) - len(ink_runs(self._gray, word.box))))

    def _boxed_into(self, j: int, run: tuple[int, int], height: int, at_left: bool) -> bool:
        """Whether the ink run of one lost glyph is what tesseract boxed into word j beside
        it: a glyph wide, inside the first (at_left) or last symbol box of j, which holds
        another run of ink besides ("for" boxed from the last "6" of "27016", its "f" as wide
        as two letters). Then the run is the glyph's, and j's own ink lies beyond it."""
        assert self._gray is not None
        if run[1] - run[0] > height or not self._symbols[j]:
            return False
        symbol = self._symbols[j][0 if at_left else -1].box
        if not (symbol.left <= run[0] + 1 and run[1] <= symbol.right + 1):
            return False
        return len(ink_runs(self._gray, symbol)) >= 2

    def _neighbours(self, first: int, last: int, box: Box) -> tuple[int | None, int | None]:
        """Where the words read just before word first and after word last on their line end
        and begin, when they stand clear of box. Growing over ink, box goes halfway there
        (tesseract's boxes leave out some of their ink too)."""
        words = self._words
        left = right = None
        if first > 0:
            before = words[first - 1]
            if before.line == words[first].line and before.box.right <= box.left:
                left = before.box.right
        if last + 1 < len(words):
            after = words[last + 1]
            if after.line == words[last].line and after.box.left >= box.right:
                right = after.box.left
        return left, right

    def _without_punctuation(
        self, i: int, start: int, end: int, piece: tuple[Box, int | None, int | None]
    ) -> tuple[Box, int | None, int | None]:
        """The word but its leading and trailing punctuation, when that is all the span leaves
        out ("Way" of "Way,"): found from the ink, one run of inked columns per mark.

        LSTM symbol boxes are too rough for this, often a whole glyph off. When the ink has
        too few runs (a comma touching the letter), the whole word is covered: fail closed.
        """
        word = self._words[i]
        lead = self._text[word.start : max(word.start, start)]
        trail = self._text[min(end, word.end) : word.end]
        if self._gray is None or any(c.isalnum() for c in lead + trail):
            return piece
        # Tesseract's word box may leave out part of the mark: look a little beyond it.
        reach = max(2, round(REACH_VERTICAL * word.box.height))
        wide = Box(
            word.box.left - (reach if lead else 0),
            word.box.top,
            word.box.width + (reach if lead else 0) + (reach if trail else 0),
            word.box.height,
        )
        runs = ink_runs(self._gray, wide)
        if len(runs) <= len(lead) + len(trail):
            return word.box, None, None
        marks = runs[: len(lead)] + runs[len(runs) - len(trail) :]
        height = self._glyph_height(i)
        kept = runs[len(lead) : len(runs) - len(trail)]
        low = _low_marks(self._gray, word.box, marks, lead + trail, kept)
        if not all(
            _mark_sized(self._gray, word.box, a, b, height)
            # a monospaced font's comma, as tall as a small letter's half, hangs low
            or (hangs and b - a <= MARK_WIDTH * height)
            for (a, b), hangs in zip(marks, low, strict=True)
        ):
            return word.box, None, None  # a letter misread as a mark ("Pham." for "Pham")
        if any(hangs is False for hangs in low):
            return word.box, None, None
        # ... or beyond its box, where the look beyond cuts it to a mark's width: "Ogunley:"
        # read over "Ogunleye", its last "e" outside the box
        if (lead and runs[0][0] <= max(0, wide.left)) or (trail and runs[-1][1] >= wide.right):
            return word.box, None, None
        # Halfway into the gap before the mark: the faint edge of the letter is covered too.
        last = len(runs) - 1 - len(trail)
        left = (runs[len(lead) - 1][1] + runs[len(lead)][0]) // 2 if lead else word.box.left
        right = (runs[last][1] + runs[last + 1][0] + 1) // 2 if trail else word.box.right
        box = Box(left, word.box.top, right - left, word.box.height)
        return box, (left if lead else None), (right if trail else None)

    def _glyph_height(self, i: int) -> int:
        """The median height of word i's letters and digits as read: a speck of the rule
        above, read into the word as a mark ("3852075." on a photographed form), makes its
        box half as tall again, and a last digit beside it would pass for a mark."""
        heights = sorted(
            s.box.height for s in self._symbols[i] if self._text[s.start : s.end].isalnum()
        )
        return heights[len(heights) // 2] if heights else self._words[i].box.height

    @staticmethod
    def _piece(
        word: Word, symbols: list[Symbol], start: int, end: int
    ) -> tuple[Box | None, int | None, int | None]:
        """The box of the span's part of word, and how far each side inside the word may go."""
        if start <= word.start and word.end <= end:
            return word.box, None, None
        inside = [k for k, s in enumerate(symbols) if s.start < end and s.end > start]
        if not inside:
            # No symbol boxes for a partly covered word: covering the whole word fails closed.
            return (word.box if (word.start < end and word.end > start) else None), None, None
        k0, k1 = inside[0], inside[-1]
        left = min(symbols[k].box.left for k in inside)
        right = max(symbols[k].box.right for k in inside)
        left_limit = right_limit = None
        if k0 == 0:
            left = word.box.left
        else:
            before = symbols[k0 - 1].box
            left = min(left, (before.right + symbols[k0].box.left) // 2)
            left_limit = (before.left + before.right) // 2
        if k1 == len(symbols) - 1:
            right = word.box.right
        else:
            after = symbols[k1 + 1].box
            right = max(right, (symbols[k1].box.right + after.left + 1) // 2)
            right_limit = (after.left + after.right + 1) // 2
        left = max(left, word.box.left)
        right = min(right, word.box.right)
        if right <= left:
            return word.box, None, None
        return Box(left, word.box.top, right - left, word.box.height), left_limit, right_limit
