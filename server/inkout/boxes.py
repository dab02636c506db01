"""Turn a character span of the OCR text into the pixel boxes that cover exactly it.

Tesseract's word boxes are tight, but its LSTM symbol boxes are approximate and may leave
gaps between letters. So a whole word is covered by its word box, and a part of a word by
its symbols widened halfway into the gap towards each neighbour: the covered glyphs are
hidden completely while the rest of the word ("Email:" in "Email:jo@x.io") stays readable.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from inkout.model import Box, OcrText, Symbol, Word


def union(boxes: list[Box]) -> Box:
    left = min(b.left for b in boxes)
    top = min(b.top for b in boxes)
    right = max(b.right for b in boxes)
    bottom = max(b.bottom for b in boxes)
    return Box(left, top, right - left, bottom - top)


class BoxIndex:
    """Looks up the boxes of character spans in one OCR result; build once per image."""

    def __init__(self, ocr: OcrText):
        self._words = ocr.words
        self._word_starts = [w.start for w in ocr.words]
        self._word_ends = [w.end for w in ocr.words]
        self._symbols: list[list[Symbol]] = [[] for _ in ocr.words]
        for s in ocr.symbols:
            self._symbols[s.word].append(s)

    def word_boxes(self) -> tuple[Box, ...]:
        """Every word's box: what redact_all_text covers."""
        return tuple(w.box for w in self._words)

    def boxes(self, start: int, end: int) -> tuple[Box, ...]:
        """The boxes covering text[start:end], one per line the span crosses."""
        if end <= start:
            return ()
        first = bisect_right(self._word_ends, start)  # first word ending after start
        last = bisect_left(self._word_starts, end)  # words before this start before end
        per_line: dict[int, list[Box]] = {}
        for i in range(first, last):
            word = self._words[i]
            piece = self._cover(word, self._symbols[i], start, end)
            if piece is not None:
                per_line.setdefault(word.line, []).append(piece)
        return tuple(union(pieces) for _, pieces in sorted(per_line.items()))

    @staticmethod
    def _cover(word: Word, symbols: list[Symbol], start: int, end: int) -> Box | None:
        if start <= word.start and word.end <= end:
            return word.box
        inside = [k for k, s in enumerate(symbols) if s.start < end and s.end > start]
        if not inside:
            # No symbol boxes for a partly covered word: covering the whole word fails closed.
            return word.box if (word.start < end and word.end > start) else None
        k0, k1 = inside[0], inside[-1]
        left = min(symbols[k].box.left for k in inside)
        right = max(symbols[k].box.right for k in inside)
        if k0 == 0:
            left = word.box.left
        else:
            left = min(left, (symbols[k0 - 1].box.right + symbols[k0].box.left) // 2)
        if k1 == len(symbols) - 1:
            right = word.box.right
        else:
            right = max(right, (symbols[k1].box.right + symbols[k1 + 1].box.left + 1) // 2)
        left = max(left, word.box.left)
        right = min(right, word.box.right)
        if right <= left:
            return word.box
        return Box(left, word.box.top, right - left, word.box.height)
