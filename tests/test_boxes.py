"""Character spans to pixel boxes: a finding covers its own characters and nothing else."""

from __future__ import annotations

from inkout.boxes import BoxIndex
from inkout.model import Box, OcrText, Symbol, Word


def _ocr(lines: list[str], char_w: int = 10, gap: int = 2, line_h: int = 20) -> OcrText:
    """OCR-like result of fixed-width glyphs: words split on spaces, lines on newlines."""
    text = "\n".join(lines)
    words: list[Word] = []
    symbols: list[Symbol] = []
    offset = 0
    for li, line in enumerate(lines):
        x = 0
        for token in line.split(" "):
            start = offset
            for k, _ in enumerate(token):
                symbols.append(
                    Symbol(
                        offset + k,
                        offset + k + 1,
                        Box(x + k * char_w, li * 30, char_w - gap, line_h),
                        len(words),
                    )
                )
            words.append(
                Word(
                    start,
                    start + len(token),
                    Box(x, li * 30, len(token) * char_w - gap, line_h),
                    li,
                    95.0,
                )
            )
            offset += len(token) + 1
            x += (len(token) + 1) * char_w
    return OcrText(text, tuple(words), tuple(symbols))


def test_a_whole_word_is_covered_by_its_word_box() -> None:
    ocr = _ocr(["Name: Jane"])
    start = ocr.text.index("Jane")
    assert BoxIndex(ocr).boxes(start, start + 4) == (ocr.words[1].box,)


def test_part_of_a_word_covers_only_those_characters_and_the_gap_before_them() -> None:
    ocr = _ocr(["Email:jo@x.io"])
    start = ocr.text.index("jo@")
    (box,) = BoxIndex(ocr).boxes(start, len(ocr.text))
    label_end = ocr.symbols[start - 1].box.right  # the ":" stays readable
    first = ocr.symbols[start].box
    assert label_end <= box.left <= first.left
    assert box.right == ocr.words[0].box.right
    assert box.top == ocr.words[0].box.top and box.height == ocr.words[0].box.height


def test_a_span_across_two_lines_gives_one_box_per_line() -> None:
    ocr = _ocr(["Patient John", "Smith born 1970"])
    start = ocr.text.index("John")
    end = ocr.text.index("Smith") + len("Smith")
    boxes = BoxIndex(ocr).boxes(start, end)
    assert boxes == (ocr.words[1].box, ocr.words[2].box)


def test_words_on_one_line_merge_into_one_box_spanning_the_space() -> None:
    ocr = _ocr(["to John Smith today"])
    start = ocr.text.index("John Smith")
    (box,) = BoxIndex(ocr).boxes(start, start + len("John Smith"))
    assert box.left == ocr.words[1].box.left
    assert box.right == ocr.words[2].box.right


def test_an_empty_or_blank_span_gives_no_box() -> None:
    ocr = _ocr(["a b"])
    index = BoxIndex(ocr)
    assert index.boxes(2, 2) == ()
    assert index.boxes(1, 2) == ()  # only the space between the words


def test_a_partly_covered_word_without_symbol_boxes_is_covered_whole() -> None:
    base = _ocr(["Email:jo@x.io"])
    ocr = OcrText(base.text, base.words, ())
    assert BoxIndex(ocr).boxes(6, 9) == (base.words[0].box,)


def test_redact_all_text_boxes_are_every_word_box() -> None:
    ocr = _ocr(["one two", "three"])
    assert BoxIndex(ocr).word_boxes() == tuple(w.box for w in ocr.words)
