"""Character spans to pixel boxes: a finding covers its own characters and nothing else."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from inkout.boxes import BoxIndex, _within_lines, bridges, fit_to_ink, ink_runs
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


# ----- fitting boxes to the ink -----


def _page(*glyphs: tuple[int, int, int, int]) -> np.ndarray:
    """White page with black rectangles (left, top, right, bottom) standing for glyphs."""
    page = np.full((60, 120), 255, np.uint8)
    for left, top, right, bottom in glyphs:
        page[top:bottom, left:right] = 0
    return page


def test_a_box_grows_over_the_rest_of_a_letter_it_cuts_but_not_into_the_next_word() -> None:
    page = _page((10, 20, 20, 40), (23, 20, 33, 40), (45, 20, 55, 40))
    assert fit_to_ink(page, Box(10, 20, 18, 20)) == Box(10, 20, 23, 20)


def test_a_box_grows_over_a_whole_letter_tesseract_left_out() -> None:
    page = _page((10, 20, 20, 40), (24, 20, 34, 40))  # a 4 px gap between letters
    assert fit_to_ink(page, Box(24, 20, 10, 20)) == Box(10, 20, 24, 20)


def test_a_side_inside_a_word_stops_at_the_first_gap() -> None:
    page = _page((10, 20, 20, 40), (22, 20, 32, 40))
    assert fit_to_ink(page, Box(10, 20, 7, 20), right_limit=27) == Box(10, 20, 10, 20)


def test_a_box_in_small_type_grows_over_a_glyph_whose_strokes_are_one_pixel_thin() -> None:
    # 8-pixel text: a "4" two blank columns after the box, its diagonal one pixel per column
    page = _page((10, 20, 20, 28), (24, 20, 26, 28))
    page[25, 22] = page[24, 23] = 0
    assert fit_to_ink(page, Box(10, 20, 10, 8)) == Box(10, 20, 16, 8)


def test_a_box_grows_up_over_an_accent() -> None:
    page = _page((10, 20, 20, 40), (13, 16, 17, 18))  # an accent two rows above the letter
    assert fit_to_ink(page, Box(10, 20, 10, 20)) == Box(10, 16, 10, 24)


def _letters(count: int) -> np.ndarray:
    """A wide page with one word of `count` letters where _ocr puts them, each letter two
    strokes 8 px apart."""
    page = np.full((40, 260), 255, np.uint8)
    for k in range(count):
        page[0:20, k * 10 : k * 10 + 2] = 0
        page[0:20, k * 10 + 6 : k * 10 + 8] = 0
    return page


def test_a_word_read_only_in_part_is_covered_to_its_end_when_it_may_be_cut_short() -> None:
    page = _letters(14)  # 138 px of word; tesseract read the first four letters
    read = Box(0, 0, 38, 20)
    assert fit_to_ink(page, read, cut_short=True) == Box(0, 0, 138, 20)
    assert fit_to_ink(page, read).right < 138  # one reach: 1.5 heights past the box


def test_a_word_read_only_at_its_end_is_covered_to_its_start_when_it_may_have_lost_it() -> None:
    page = _letters(14)  # tesseract read the last three letters ("ta" of "Sofía")
    read = Box(110, 0, 28, 20)
    assert fit_to_ink(page, read, cut_start=True) == Box(0, 0, 138, 20)
    assert fit_to_ink(page, read).left > 0  # one reach: 1.5 heights before the box


def test_only_text_ending_in_a_small_letter_may_be_a_word_cut_short() -> None:
    page = _letters(14)
    (cut,) = BoxIndex(_ocr(["Fisc"]), page).boxes(0, 4)
    (whole,) = BoxIndex(_ocr(["5550"]), page).boxes(0, 4)
    assert cut.right == 138
    assert whole.right < 138


def test_a_name_whose_last_letters_ocr_read_as_a_mark_may_be_cut_short() -> None:
    page = _letters(14)  # "Kowal:" of "Kowalski": the ":" stands for the rest
    (name,) = BoxIndex(_ocr(["Kowa:"]), page).boxes(0, 5, same_ink=True)
    assert name.right == 138
    (label,) = BoxIndex(_ocr(["Kowa:"]), page).boxes(0, 5)  # other text: a label's colon
    assert label.right < 138


def test_a_names_last_word_in_capitals_may_be_cut_short_at_its_lines_end() -> None:
    page = _letters(14)  # "HAF" of "HARRIS" at a radiograph's top edge, last on its line
    (name,) = BoxIndex(_ocr(["HARR"]), page).boxes(0, 4, same_ink=True)
    assert name.right == 138
    (other,) = BoxIndex(_ocr(["HARR"]), page).boxes(0, 4)  # other text: an acronym's end
    assert other.right < 138


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("ta", "same_ink"),  # "ta" of "Sofía" at a radiograph's edge: a name
        ("in@x", "lost_start"),  # "inweber81@..." of "maximilianweber81@...": an address
    ],
)
def test_a_value_read_only_at_its_end_is_covered_to_its_start(text: str, flag: str) -> None:
    # tesseract left out the letters before it
    page = _letters(14)
    box = Box(110, 0, 28, 20)
    n = len(text)
    ocr = OcrText(text, (Word(0, n, box, 0, 95.0),), (Symbol(0, n, box, 0),))
    (value,) = BoxIndex(ocr, page).boxes(0, n, **{flag: True})
    assert value.left == 0
    (other,) = BoxIndex(ocr, page).boxes(0, n)  # other text: one reach
    assert other.left > 0


def test_a_name_read_in_part_is_covered_to_its_end_over_a_monospaced_gap() -> None:
    # "Kimu" of "Kimura": the "r" and "a" 7 px apart, 0.35 of the word's height
    ocr = _ocr(["Kimu"])
    page = _glyphs(ocr)
    page[4:16, 45:53] = 0
    page[4:16, 60:68] = 0
    (name,) = BoxIndex(ocr, page).boxes(0, 4, same_ink=True)
    assert name.right == 68
    (other,) = BoxIndex(ocr, page).boxes(0, 4)  # other text: only a proportional gap
    assert other.right == 38


def test_a_word_cut_short_is_followed_past_a_reach_that_ends_in_a_letter_gap() -> None:
    # "Qure" of "Qureshi" in a monospaced font: one reach (30 px past the box) ends in the
    # 6 px gap before the "i", which a second reach crosses
    page = np.full((40, 200), 255, np.uint8)
    for left in range(0, 64, 6):  # the letters read and the ones after, close together
        page[0:20, left : left + 2] = 0
    page[0:20, 70:72] = 0  # the "i", farther
    read = Box(0, 0, 38, 20)
    assert fit_to_ink(page, read, cut_short=True, gap=0.4) == Box(0, 0, 72, 20)


def test_fitting_never_shrinks_a_box_and_ignores_faint_texture() -> None:
    page = np.full((60, 120), 200, np.uint8)
    page[::2, ::3] = 190  # texture well below text contrast
    assert fit_to_ink(page, Box(10, 20, 30, 20)) == Box(10, 20, 30, 20)
    assert fit_to_ink(_page((12, 22, 18, 30)), Box(10, 20, 30, 20)) == Box(10, 20, 30, 20)


def test_the_index_fits_boxes_when_given_the_page() -> None:
    ocr = _ocr(["ab cd"])
    page = np.full((60, 120), 255, np.uint8)
    first = ocr.words[0].box
    page[first.top : first.bottom, first.left : first.right + 3] = 0  # ink past the box
    (box,) = BoxIndex(ocr, page).boxes(0, 2)
    assert box.left == first.left and box.right == first.right + 3
    assert BoxIndex(ocr).boxes(0, 2) == (first,)


def test_a_box_grows_to_its_ink_but_not_into_the_next_word_read_on_its_line() -> None:
    ocr = _ocr(["at 263 come"], gap=1)  # small type: spaces as narrow as letter gaps
    page = np.full((60, 140), 255, np.uint8)
    for word in ocr.words:
        box = word.box
        # ink 4 columns past each box: 3 blank columns between words, a letter's gap here
        page[box.top + 2 : box.bottom - 2, box.left - 4 : box.right + 4] = 0
    middle = ocr.words[1]
    (box,) = BoxIndex(ocr, page).boxes(middle.start, middle.end)
    assert box.left == middle.box.left - 4 and box.right == middle.box.right + 4
    assert box.left >= ocr.words[0].box.right and box.right <= ocr.words[2].box.left


@pytest.mark.parametrize(
    ("firsts", "lost"),
    [
        ((Box(40, 0, 1, 20), Box(40, 0, 12, 20)), True),  # stacked at the "9"'s edge
        ((Box(40, 0, 1, 20), Box(41, 0, 11, 20)), True),  # alone, the "9" from the next pixel
        ((Box(40, 0, 4, 20), Box(46, 0, 6, 20)), False),  # boxed as a glyph
    ],
)
def test_a_glyph_tesseract_read_but_boxed_one_pixel_wide_is_found_beside_its_word(
    firsts: tuple[Box, Box], lost: bool
) -> None:
    # "at 192": the "1" stands 8 blank columns before the "9", more than a letter gap. Read
    # with a one-pixel box at the "9"'s edge, its ink is covered; boxed as a glyph, nothing
    # outside the word is.
    at = Word(0, 2, Box(0, 0, 18, 20), 0, 95.0)
    number = Word(3, 6, Box(40, 0, 28, 20), 0, 95.0)
    symbols = (
        Symbol(0, 1, Box(0, 0, 8, 20), 0),
        Symbol(1, 2, Box(10, 0, 8, 20), 0),
        Symbol(3, 4, firsts[0], 1),
        Symbol(4, 5, firsts[1], 1),
        Symbol(5, 6, Box(54, 0, 14, 20), 1),
    )
    page = np.full((40, 120), 255, np.uint8)
    page[2:18, 0:18] = 0  # "at"
    page[2:18, 28:32] = 0  # "1"
    page[2:18, 40:68] = 0  # "92"
    (box,) = BoxIndex(OcrText("at 192", (at, number), symbols), page).boxes(3, 6)
    assert (box.left, box.right) == ((28, 68) if lost else (40, 68))


def test_a_glyph_tesseract_read_without_a_symbol_box_is_found_beside_its_word() -> None:
    # "at 192" read whole, but with no symbol box for the "1": the word's box and its
    # symbols start at the "9", the "1" 8 blank columns before it.
    at = Word(0, 2, Box(0, 0, 18, 20), 0, 95.0)
    number = Word(3, 6, Box(40, 0, 28, 20), 0, 95.0)
    symbols = (
        Symbol(0, 1, Box(0, 0, 8, 20), 0),
        Symbol(1, 2, Box(10, 0, 8, 20), 0),
        Symbol(4, 5, Box(40, 0, 12, 20), 1),
        Symbol(5, 6, Box(54, 0, 14, 20), 1),
    )
    page = np.full((40, 120), 255, np.uint8)
    page[2:18, 0:18] = 0  # "at"
    page[2:18, 28:32] = 0  # "1"
    page[2:18, 40:68] = 0  # "92"
    index = BoxIndex(OcrText("at 192", (at, number), symbols), page)
    (box,) = index.boxes(3, 6)
    assert (box.left, box.right) == (28, 68)
    # with every glyph boxed, the ink before the word is another's
    boxed = OcrText(
        "at 92",
        (at, replace(number, end=5)),
        tuple(replace(s, start=s.start - 1, end=s.end - 1) if s.word else s for s in symbols),
    )
    (box,) = BoxIndex(boxed, page).boxes(3, 5)
    assert (box.left, box.right) == (40, 68)


def test_a_digit_whose_symbol_box_is_squeezed_over_the_one_before_is_found_beyond() -> None:
    # "3259916": its "6" boxed over the "1", its ink a gap further on; six runs of ink in
    # the word box for seven digits
    lefts = (0, 13, 27, 39, 52, 66)
    boxes = [Box(x, 0, 11, 17) for x in lefts] + [Box(66, 0, 6, 17)]
    symbols = tuple(Symbol(k, k + 1, b, 0) for k, b in enumerate(boxes))
    number = Word(0, 7, Box(0, 0, 72, 17), 0, 96.0)
    page = np.full((40, 140), 255, np.uint8)
    for x in lefts:
        page[2:15, x : x + 9] = 0
    page[2:15, 79:91] = 0  # the "6"
    (box,) = BoxIndex(OcrText("3259916", (number,), symbols), page).boxes(0, 7)
    assert box.right == 91
    # every digit's ink in the box: nothing beyond is taken
    page[2:15, 79:91] = 255
    page[2:15, 70:72] = 0
    page[2:15, 100:110] = 0  # the next word's ink
    (box,) = BoxIndex(OcrText("3259916", (number,), symbols), page).boxes(0, 7)
    assert box.right <= 75


def test_a_number_whose_boxes_slip_a_glyph_back_midway_finds_its_last_digit_beyond() -> None:
    # "7878115" as tesseract boxed it: its first "1" over the second "8", each box after
    # that one glyph back, the "5" over the second "1"; the "5" ink a gap further on
    boxes = [(321, 331), (333, 343), (345, 355), (356, 366), (363, 373), (369, 375), (381, 387)]
    symbols = tuple(Symbol(k, k + 1, Box(a, 0, b - a, 15), 0) for k, (a, b) in enumerate(boxes))
    number = Word(0, 7, Box(321, 0, 66, 15), 0, 96.0)
    page = np.full((30, 440), 255, np.uint8)
    for a, b in [*boxes[:4], (369, 375), (381, 387), (392, 402)]:
        page[2:13, a:b] = 0
    (box,) = BoxIndex(OcrText("7878115", (number,), symbols), page).boxes(0, 7)
    assert box.right == 402
    # seven runs of ink in the box, one a digit: the ink beyond is not the number's
    page[:, 321:] = 255
    for a in (321, 331, 341, 351, 360, 369, 381):
        page[2:13, a : a + 6] = 0
    page[2:13, 395:405] = 0
    (box,) = BoxIndex(OcrText("7878115", (number,), symbols), page).boxes(0, 7)
    assert box.right == 387


def test_a_number_ending_its_line_reaches_a_last_digit_a_monospaced_gap_on() -> None:
    # "10.95.163.5" read for "10.95.163.51" in a monospaced font: the "1" 6 pixels (a third of
    # the height) after the "5", where the box ends
    number = Word(0, 11, Box(0, 0, 60, 19), 0, 23.0)
    page = np.full((30, 120), 255, np.uint8)
    page[2:17, 50:60] = 0  # the "5"
    page[2:17, 66:74] = 0  # the "1"
    (box,) = BoxIndex(OcrText("10.95.163.5", (number,), ()), page).boxes(0, 11)
    assert box.right == 74
    # with a word read after it on its line, the gap is a space: that word is not taken
    after = Word(12, 14, Box(66, 0, 8, 19), 0, 90.0)
    text = "10.95.163.5 ok"
    (box,) = BoxIndex(OcrText(text, (number, after), ()), page).boxes(0, 11)
    assert box.right == 60


def test_digits_that_touch_are_no_digit_lost_beyond_the_box() -> None:
    # "is 3498": the wide "3" boxed over the "4", their ink touching: four digits, three
    # runs of ink; the "is" before them stays
    number = Word(3, 7, Box(40, 0, 48, 12), 0, 84.0)
    boxes = [Box(40, 0, 15, 12), Box(49, 0, 8, 12), Box(57, 0, 12, 12), Box(74, 0, 14, 12)]
    symbols = (
        Symbol(0, 1, Box(0, 0, 4, 12), 0),
        Symbol(1, 2, Box(6, 0, 6, 12), 0),
        *(Symbol(3 + k, 4 + k, b, 1) for k, b in enumerate(boxes)),
    )
    word = Word(0, 2, Box(0, 0, 12, 12), 0, 96.0)
    page = np.full((30, 120), 255, np.uint8)
    page[2:10, 0:12] = 0  # "is", close before the number
    page[2:10, 18:36] = 0
    page[2:10, 40:57] = 0  # "3" and "4" touching
    page[2:10, 59:69] = 0
    page[2:10, 74:88] = 0
    (box,) = BoxIndex(OcrText("is 3498", (word, number), symbols), page).boxes(3, 7)
    assert box.left == 40


def test_glyphs_tesseract_boxed_in_the_word_before_are_found_there() -> None:
    # "whitelist 10.23": tesseract's box of "whitelist" ran over "10.", whose three symbols
    # it stacked at the edge of "23".
    word = Word(0, 4, Box(0, 0, 60, 20), 0, 95.0)
    number = Word(5, 10, Box(62, 0, 20, 20), 0, 95.0)
    stacked = [Symbol(5 + k, 6 + k, Box(62, 0, 1, 20), 1) for k in range(3)]
    symbols = (
        Symbol(0, 4, Box(0, 0, 30, 20), 0),
        *stacked,
        Symbol(8, 9, Box(62, 0, 8, 20), 1),
        Symbol(9, 10, Box(72, 0, 10, 20), 1),
    )
    page = np.full((40, 120), 255, np.uint8)
    page[2:18, 0:30] = 0  # "whitelist"
    for left in (38, 46, 56):  # "1", "0" and "."
        page[2:18, left : left + 4] = 0
    page[2:18, 62:82] = 0  # "23"
    (box,) = BoxIndex(OcrText("word 10.23", (word, number), symbols), page).boxes(5, 10)
    assert (box.left, box.right) == (38, 82)


@pytest.mark.parametrize("two_in_first", [True, False])
def test_a_lost_last_glyph_that_the_next_word_was_boxed_from_is_covered(
    two_in_first: bool,
) -> None:
    # "016 for": tesseract boxed "6" one pixel wide at the "1"'s edge, and "for" from the
    # 6's ink on, its "f" as wide as two letters. With "f" boxed alone, that ink is "f"'s.
    number = Word(0, 3, Box(0, 0, 28, 20), 0, 95.0)
    word = Word(4, 7, Box(34, 0, 40, 20), 0, 95.0)
    f = Box(34, 0, 22, 20) if two_in_first else Box(34, 0, 10, 20)
    symbols = (
        Symbol(0, 1, Box(0, 0, 10, 20), 0),
        Symbol(1, 2, Box(22, 0, 6, 20), 0),
        Symbol(2, 3, Box(27, 0, 1, 20), 0),  # "6", boxed at the "1"'s edge
        Symbol(4, 5, f, 1),
        Symbol(5, 6, Box(f.right, 0, 74 - f.right, 20), 1),
    )
    page = np.full((40, 120), 255, np.uint8)
    page[2:18, 0:10] = 0  # "0"
    page[2:18, 22:28] = 0  # "1"
    page[2:18, 34:44] = 0  # "6", or "f" when boxed alone
    page[2:18, 48:54] = 0  # "f" or "o"
    page[2:18, 58:74] = 0  # the rest
    (box,) = BoxIndex(OcrText("016 for", (number, word), symbols), page).boxes(0, 3)
    assert box.right == (44 if two_in_first else 28)


def _glyphs(ocr: OcrText, widths: dict[int, int] | None = None) -> np.ndarray:
    """A page with one black glyph per symbol box, optionally narrower (a comma)."""
    page = np.full((60, 200), 255, np.uint8)
    for k, s in enumerate(ocr.symbols):
        width = (widths or {}).get(k, s.box.width)
        page[s.box.top + 4 : s.box.bottom - 4, s.box.left : s.box.left + width] = 0
    return page


def _lstm_boxes(ocr: OcrText, shift: int) -> OcrText:
    """The same words with symbol boxes `shift` px to the left, as LSTM often places them."""
    symbols = tuple(replace(s, box=replace(s.box, left=s.box.left - shift)) for s in ocr.symbols)
    return replace(ocr, symbols=symbols)


def test_a_value_before_a_comma_is_covered_to_its_last_letter_and_the_comma_stays() -> None:
    drawn = _ocr(["12 Way,"])
    comma = len(drawn.symbols) - 1
    page = _glyphs(drawn, widths={comma: 3})
    mark = drawn.symbols[comma].box
    page[mark.top : mark.bottom - 9, mark.left : mark.right] = 255  # a comma sits low
    (box,) = BoxIndex(_lstm_boxes(drawn, 7), page).boxes(0, drawn.symbols[comma].start)
    assert box.right >= drawn.symbols[comma - 1].box.right  # the whole "y"
    assert box.right <= drawn.symbols[comma].box.left  # not the comma's ink


def test_a_monospaced_comma_hanging_from_the_baseline_stays_out_of_the_value() -> None:
    # "390 Lakeview Drive, Springfield": the comma half as tall as the small letters, as a
    # monospaced font draws it, its ink starting below their middle
    word = Word(0, 6, Box(0, 0, 69, 16), 0, 97.0)
    glyphs = [(2, 10, 1), (13, 22, 4), (26, 35, 1), (38, 49, 4), (50, 60, 4)]  # "Drive"
    symbols = tuple(
        Symbol(k, k + 1, Box(a, top, b - a, 13 - top), 0) for k, (a, b, top) in enumerate(glyphs)
    ) + (Symbol(5, 6, Box(65, 10, 4, 6), 0),)
    page = np.full((30, 100), 255, np.uint8)
    for a, b, top in glyphs:
        page[top:13, a:b] = 0
    page[10:16, 65:69] = 0  # the comma
    (box,) = BoxIndex(OcrText("Drive,", (word,), symbols), page).boxes(0, 5)
    assert 60 <= box.right <= 64
    # a "4" as narrow, its ink as high as the letters', is no comma: covered
    page[10:16, 65:69] = 255
    page[1:13, 65:69] = 0
    (box,) = BoxIndex(OcrText("Drive,", (word,), symbols), page).boxes(0, 5)
    assert box.right >= 69


def test_a_last_digit_read_as_a_full_stop_is_covered() -> None:
    # "13134." on a slanting photo: the "." was no ink, and the "4" as narrow as a mark
    # beside symbol boxes half as tall again as the digits.
    ocr = _ocr(["13134."])
    page = _glyphs(ocr, widths={4: 3})
    page[:, ocr.symbols[5].box.left :] = 255
    tall = tuple(replace(s, box=replace(s.box, top=0, height=30)) for s in ocr.symbols)
    (box,) = BoxIndex(replace(ocr, symbols=tall), page).boxes(0, 5)
    assert box.right >= ocr.symbols[4].box.left + 3  # the whole "4"


def test_a_comma_touching_the_value_is_covered_with_it() -> None:
    ocr = _ocr(["12 Way,"], gap=0)  # no gap between glyphs: one run of ink
    (box,) = BoxIndex(ocr, _glyphs(ocr)).boxes(0, len(ocr.text) - 1)
    assert box.right >= ocr.words[1].box.right


def test_ink_runs_are_in_image_columns_even_for_a_box_past_the_left_edge() -> None:
    page = _page((2, 20, 6, 40), (9, 20, 12, 40))
    assert ink_runs(page, Box(-5, 20, 20, 20)) == [(2, 6), (9, 12)]


@pytest.mark.parametrize("misread", ["wide", "tall"])
def test_a_letter_misread_as_a_final_mark_is_covered(misread: str) -> None:
    # Tesseract read "Pham" as "Pham.": the last run of ink is the "m", not a full stop.
    ocr = _ocr(["Linh Pham."], char_w=14 if misread == "wide" else 10)
    page = _glyphs(ocr)
    if misread == "tall":  # a narrow letter as tall as the others: "l" read as ","
        last = ocr.symbols[-1].box
        page[last.top : last.bottom, last.left : last.right] = 255
        page[last.top + 1 : last.bottom - 1, last.left : last.left + 3] = 0
    (box,) = BoxIndex(ocr, page).boxes(5, len(ocr.text) - 1)  # "Pham" without the mark
    assert box.right >= ocr.words[1].box.right


def test_a_last_digit_is_no_final_mark_though_a_speck_made_its_word_box_taller() -> None:
    # "MRN: 3852075." on a photographed form: tesseract read a speck of the rule above as a
    # full stop, and the word's box reached up to it, half as tall again as the digits.
    ocr = _ocr(["Tel", "MRN: 3852075."], line_h=16)
    word = ocr.words[-1]
    dot = ocr.symbols[-1]
    ocr = replace(
        ocr,
        words=(*ocr.words[:-1], replace(word, box=replace(word.box, top=20, height=26))),
        symbols=(*ocr.symbols[:-1], replace(dot, box=Box(dot.box.left, 20, 6, 1))),
    )
    page = np.full((60, 200), 255, np.uint8)
    for s in ocr.symbols[:-1]:
        page[s.box.top : s.box.bottom, s.box.left : s.box.right] = 0
    start = ocr.text.index("3852075")
    (box,) = BoxIndex(ocr, page).boxes(start, start + 7)  # the number without the mark
    assert box.right >= ocr.symbols[-2].box.right  # the whole last "5"


def test_a_tall_word_at_the_end_of_a_slanting_line_keeps_the_rows_of_its_slant() -> None:
    # A photographed page: the line rises 8 pixels every 100 columns, and the long address
    # at its end is as tall as its rise, reaching into a word of the line below.
    line = [Box(0, 100, 40, 16), Box(50, 104, 40, 16), Box(100, 108, 40, 16)]
    boxes = [*line, Box(150, 110, 200, 36), Box(160, 138, 40, 16)]
    words = tuple(
        Word(4 * k, 4 * k + 3, box, 0 if k < 4 else 1, 90.0) for k, box in enumerate(boxes)
    )
    ocr = OcrText("aaa bbb ccc ddd eee", words, ())
    page = np.full((200, 400), 255, np.uint8)  # no ink to fit to: the cut alone is seen
    assert BoxIndex(ocr, page).boxes(12, 15) == (Box(150, 110, 200, 32),)


def test_a_tall_word_over_no_other_line_keeps_its_box() -> None:
    # A URL's descenders and slashes make it taller than the short words beside it.
    ocr = _ocr(["at www.x.io/?q=1 now"], line_h=20)
    url = ocr.words[1]
    tall = replace(url, box=replace(url.box, height=url.box.height + 12))
    symbols = tuple(
        replace(s, box=replace(s.box, height=s.box.height + 12)) if s.word == 1 else s
        for s in ocr.symbols
    )
    ocr = replace(ocr, words=(ocr.words[0], tall, ocr.words[2]), symbols=symbols)
    (box,) = BoxIndex(ocr, _glyphs(ocr)).boxes(url.start, url.end)
    assert box.bottom >= tall.box.bottom - 4  # the ink of its descenders is covered


def _stretched(line: str) -> tuple[OcrText, np.ndarray]:
    """line's glyphs, its second word's last symbol boxed to the end of the line, as
    tesseract sometimes boxes it, and the page drawn as read."""
    ocr = _ocr([line])
    page = _glyphs(ocr)
    word = ocr.words[1]
    last = [s for s in ocr.symbols if s.word == 1][-1]
    wide = replace(last, box=replace(last.box, width=ocr.words[-1].box.right - last.box.left))
    symbols = tuple(wide if s is last else s for s in ocr.symbols)
    stretched = replace(word, box=replace(word.box, width=wide.box.right - word.box.left))
    return replace(ocr, words=(ocr.words[0], stretched, *ocr.words[2:]), symbols=symbols), page


def test_a_words_last_symbol_stretched_over_the_words_after_it_is_cut_before_them() -> None:
    # Tesseract stretched the "8" ending a card number to the end of its line, over "on the".
    ocr, page = _stretched("card 1328 on the")
    number, on = ocr.words[1], ocr.words[2]
    (box,) = BoxIndex(ocr, page).boxes(number.start, number.end)
    drawn = _ocr(["card 1328"]).words[1].box  # the number as drawn, before it was stretched
    assert drawn.right <= box.right <= on.box.left  # all of the number, none of "on"


def test_a_stretched_symbol_over_the_values_own_end_read_again_keeps_its_box() -> None:
    # "/drive.example.com/file/d/3255" boxed over "1a0c5 1", the rest of the address read
    # again as words of their own: no word of English follows, so nothing is cut
    ocr, page = _stretched("link d/3255 1a0c5 1")
    link, tail = ocr.words[1], ocr.words[2]
    (box,) = BoxIndex(ocr, page).boxes(link.start, link.end)
    assert box.right >= tail.box.right


def test_a_value_read_with_a_speck_inside_it_keeps_its_whole_box() -> None:
    # a speck read as a word inside a long value stretches no symbol: nothing is cut
    ocr = _ocr(["see www.example.org/account now"])
    url = ocr.words[1]
    speck = Word(len(ocr.text), len(ocr.text) + 1, Box(url.box.left + 60, 4, 4, 4), 0, 30.0)
    ocr = replace(ocr, text=ocr.text + ".", words=(*ocr.words, speck))
    page = np.full((60, 400), 255, np.uint8)
    for sym in ocr.symbols:
        page[sym.box.top + 4 : sym.box.bottom - 4, sym.box.left : sym.box.right] = 0
    (box,) = BoxIndex(ocr, page).boxes(url.start, url.end)
    assert box.right >= url.box.right


def test_a_word_box_reaching_into_the_next_line_is_cut_to_its_own_line() -> None:
    # Tesseract boxed "Miller" down to the top of "109 mAs" below it on a radiograph.
    ocr = _ocr(["Tech Sarah Miller", "kVp 109 mAs"], line_h=20)
    page = _glyphs(ocr)
    miller = ocr.words[2]
    tall = replace(miller, box=replace(miller.box, height=miller.box.height + 12))
    ocr = replace(ocr, words=(*ocr.words[:2], tall, *ocr.words[3:]))
    (box,) = BoxIndex(ocr, page).boxes(miller.start, miller.end)
    below = ocr.words[4].box  # "109"
    assert box.bottom <= below.top
    assert box.right >= miller.box.right and box.top <= miller.box.top + 4  # its own ink


def test_of_two_words_only_the_one_boxed_up_into_a_line_above_is_cut_to_its_own() -> None:
    # "Last login from" over "2001 -db8:4e4d:f53c": tesseract boxed the address up into the
    # label's line, and the median of the two heights was no measure of the line's.
    ocr = _ocr(["Last login from", "2001 -db8:4e4d:f53c"], line_h=20)
    page = _glyphs(ocr)
    address = ocr.words[4]
    tall = replace(address, box=replace(address.box, top=address.box.top - 14, height=34))
    ocr = replace(ocr, words=(*ocr.words[:4], tall))
    (box,) = BoxIndex(ocr, page).boxes(ocr.words[3].start, address.end)
    assert box.top >= ocr.words[0].box.bottom  # the label above stays readable
    # A long URL on a slanting line is as tall as its rise, beside the number OCR split off
    # its end: a speck read on another line at its far end is no line it reaches into.
    ocr = _ocr(["https://portal.stmarys.com/patients/7 1977", "ae"], line_h=20)
    url, speck = ocr.words[0], ocr.words[2]
    tall = replace(url, box=replace(url.box, height=34))
    at_end = replace(speck, box=Box(url.box.right - 4, url.box.top, 30, 9))
    assert _within_lines((tall, ocr.words[1], at_end))[0] == tall
    under = replace(at_end, box=replace(at_end.box, left=url.box.left + 40))  # over its middle
    assert _within_lines((tall, ocr.words[1], under))[0].box.height < tall.box.height


def test_specks_read_on_a_line_do_not_make_its_words_tall() -> None:
    # "MRN A-711174" with two specks tesseract put on its line, and text at its height
    # beside it in another column
    text = "MRN A-711174 oa :\nStudy"
    placed = [
        ("MRN", Box(3, 67, 44, 19), 3),
        ("A-711174", Box(65, 67, 125, 19), 3),
        ("oa", Box(540, 71, 32, 3), 3),
        (":", Box(856, 94, 2, 2), 3),
        ("Study", Box(700, 60, 80, 24), 4),
    ]
    words, symbols, page = [], [], np.full((200, 1000), 255, np.uint8)
    for k, (word, box, line) in enumerate(placed):
        start = text.index(word)
        words.append(Word(start, start + len(word), box, line, 90.0))
        step = box.width // len(word)
        for n in range(len(word)):
            glyph = Box(box.left + n * step, box.top, step, box.height)
            symbols.append(Symbol(start + n, start + n + 1, glyph, k))
        page[box.top : box.bottom, box.left : box.right] = 0
    ocr = OcrText(text, tuple(words), tuple(symbols))
    (box,) = BoxIndex(ocr, page).boxes(4, 12)
    assert box.top <= 67 and box.bottom >= 86  # the whole height of "A-711174"


def test_a_span_covers_a_second_reading_of_its_ink_placed_elsewhere_in_the_text() -> None:
    # "OGUNL" boxed short by the first reading, "LEYE" read again by a second look over the
    # last letter and the rest: another line of the text, the same row of the image.
    base = _ocr(["YETUNDE OGUNL", "Study", "LEYE"])
    ogunl, leye = base.words[1], base.words[3]
    again = replace(leye, box=Box(ogunl.box.right - 8, ogunl.box.top, 50, ogunl.box.height))
    ocr = replace(base, words=(*base.words[:3], again))
    (box,) = BoxIndex(ocr).boxes(0, ogunl.end, same_ink=True)
    assert box.right == again.box.right
    (box,) = BoxIndex(ocr).boxes(0, ogunl.end)  # only when asked
    assert box.right == ogunl.box.right
    # a word beside it, not over it, stays out
    beside = replace(again, box=replace(again.box, left=ogunl.box.right + 6))
    apart = replace(base, words=(*base.words[:3], beside))
    (box,) = BoxIndex(apart).boxes(0, ogunl.end, same_ink=True)
    assert box.right == ogunl.box.right


def test_a_value_covers_a_second_reading_of_its_end_when_asked() -> None:
    # A second look read "98 30 49" over the end of "+33 1.45459)", the number the first
    # reading garbled ("+33 1 45 98 30 49" on a small form): another line of the text.
    base = _ocr(["+33 1.45459)", "98"])
    last, again = base.words[1], base.words[2]
    moved = replace(again, box=Box(last.box.right - 8, last.box.top, 60, last.box.height))
    ocr = replace(base, words=(*base.words[:2], moved))
    (box,) = BoxIndex(ocr).boxes(0, last.end, reread=True)
    assert box.right == moved.box.right
    (box,) = BoxIndex(ocr).boxes(0, last.end)  # not for an address's domain: see redact
    assert box.right == last.box.right
    # a word of the same line that tesseract boxed over the value is no second reading
    same_line = replace(moved, line=last.line)
    ocr = replace(base, words=(*base.words[:2], same_line))
    (box,) = BoxIndex(ocr).boxes(0, last.end, reread=True)
    assert box.right == last.box.right
    # nor one that starts left of the value's last word (a masked number read again over
    # the digits it shows, "@e0-000-66" over "688")
    before = replace(moved, box=replace(moved.box, left=last.box.left - 20))
    ocr = replace(base, words=(*base.words[:2], before))
    (box,) = BoxIndex(ocr).boxes(0, last.end, reread=True)
    assert box.left == base.words[0].box.left and box.right == last.box.right


def test_a_name_covers_the_rest_of_a_word_the_left_edge_cut_before_it() -> None:
    # "Margaux Rousseau" burnt in at the very edge: "M" left out, "argaux" read, "Rousseau" found.
    ocr = _ocr(["argaux Rousseau", "DOB 11.09.1940"])
    name = ocr.words[1]
    (box,) = BoxIndex(ocr).boxes(name.start, name.end, same_ink=True)
    assert box.left == 0
    (box,) = BoxIndex(ocr).boxes(name.start, name.end)  # only for names
    assert box.left == name.box.left
    # ... read with a mark at its end ("porn:" for the "LEWAN" of "LEWANDOWSKI, KRZYSZTOF")
    ocr = _ocr(["porn: DOWSKI, KRZYSZTOF"])
    (box,) = BoxIndex(ocr).boxes(ocr.words[1].start, ocr.words[2].end, same_ink=True)
    assert box.left == 0
    # a whole word at the edge ("Tech"), or a small word away from it, is no cut name
    for line, shift in (("Tech Rousseau", 0), ("argaux Rousseau", 40)):
        base = _ocr([line])
        moved = tuple(replace(w, box=replace(w.box, left=w.box.left + shift)) for w in base.words)
        ocr = replace(base, words=moved)
        (box,) = BoxIndex(ocr).boxes(moved[1].start, moved[1].end, same_ink=True)
        assert box.left == moved[1].box.left


def test_a_letter_beyond_the_word_box_is_no_final_mark_though_the_look_beyond_cuts_it() -> None:
    # "Ogunley:" read over "Ogunleye": the ":" overlaps the "y", and the last "e" lies past
    # the word box, where the look beyond it for the mark's ink cuts it to a mark's width.
    ocr = _ocr(["Linh Pham:"])
    page = _glyphs(ocr)
    page[:, 90:98] = 255  # no ink where the ":" was read ...
    page[4:16, 99:111] = 0  # ... but a letter past the box, which ends at column 98
    (box,) = BoxIndex(ocr, page).boxes(5, len(ocr.text) - 1)  # "Pham" without the mark
    assert box.right >= 111


def test_boxes_of_one_colour_side_by_side_on_a_row_are_bridged() -> None:
    duc, le = Box(121, 1230, 68, 32), Box(195, 1230, 45, 32)  # one name OCR split, padded
    assert bridges([duc, le], ["black", "black"]) == [(Box(189, 1230, 6, 32), "black")]
    assert bridges([le, duc], ["black", "black"]) == [(Box(189, 1230, 6, 32), "black")]


@pytest.mark.parametrize(
    ("second", "key"),
    [
        (Box(215, 1230, 37, 32), "black"),  # further than half a height: a word may stand there
        (Box(195, 1270, 45, 32), "black"),  # the next row
        (Box(195, 1230, 45, 32), "red"),  # another colour: another info type's box
        (Box(150, 1230, 45, 32), "black"),  # overlapping: nothing to fill
    ],
)
def test_boxes_apart_on_other_rows_or_of_other_colours_are_not_bridged(second, key) -> None:
    assert bridges([Box(121, 1230, 68, 32), second], ["black", key]) == []


def test_a_tall_word_keeps_its_box_beside_another_lines_word_far_off_in_other_columns() -> None:
    # "Profile URL: www.brightbank.org/billing?id=77976" on a slanting photo: the URL rises
    # into the rows of "City:" on the line above, two hundred pixels to its left.
    ocr = _ocr(["Profile URL: www.brightbank.org/billing?id=77976", "City:"], line_h=20)
    url, city = ocr.words[2], ocr.words[3]
    tall = replace(url, box=replace(url.box, top=url.box.top - 20, height=40))
    far = replace(city, box=Box(0, url.box.top - 24, 50, 20))
    assert _within_lines((*ocr.words[:2], tall, far))[2] == tall
    near = replace(far, box=replace(far.box, left=url.box.left + 10))  # over the URL
    assert _within_lines((*ocr.words[:2], tall, near))[2].box.height < tall.box.height
