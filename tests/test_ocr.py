"""OCR: text and boxes in the input's coordinates, for the kinds of images users send."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter
from render import encode, font, overlap, render
from tesserocr import OEM, PSM, PyTessBaseAPI

from inkout.boxes import union
from inkout.model import Box, OcrText, Symbol, Word
from inkout.ocr import (
    EDGE_CONTRAST,
    FAINT_CONFIDENCE,
    FAINT_CONTRAST,
    OcrEngine,
    band_cuts,
    better,
    confident_lines,
    doubtful_pieces,
    evened,
    faint_edges,
    faint_lines,
    faint_thresholds,
    halved,
    merge,
    over_pieces,
    prepare,
    reading_order,
    reading_scale,
    rejoin_lines,
    second_look,
    shown_bullets,
    small_type,
    sparse_pieces,
    speck,
    tessdata_path,
    text_edges,
    to_gray8,
    trim_tall_words,
    type_height,
    under_headers,
    unread_lines,
    with_lines_beside,
    with_second_looks,
)


def _bgr(rendered) -> np.ndarray:
    return cv2.cvtColor(rendered.array(), cv2.COLOR_RGB2BGR)


def test_reads_words_and_places_each_box_on_the_drawn_text(ocr_engine: OcrEngine) -> None:
    doc = render([["Invoice", "for", "Margaret", "Oliver"], ["Amount", "due:", "1250"]])
    ocr = ocr_engine.read(_bgr(doc))
    assert ocr.text.split() == ["Invoice", "for", "Margaret", "Oliver", "Amount", "due:", "1250"]
    for word in ocr.words:
        token = ocr.text[word.start : word.end]
        assert overlap(word.box, doc.boxes[token]) > 0.9, token
    assert [w.line for w in ocr.words] == [0, 0, 0, 0, 1, 1, 1]


def test_small_type_is_read_enlarged_with_its_boxes_on_the_drawn_text(
    ocr_engine: OcrEngine,
) -> None:
    lines = [["Patient", "Aoife", "Byrne"], ["Born", "12/03/1980", "in", "Galway"]]
    doc = render(lines, size=10, width=300, margin=10, line_gap=6)
    image = _bgr(doc)
    ocr = ocr_engine.read(image)
    enlarged = cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    height, width = image.shape[:2]
    assert ocr == halved(ocr_engine.read(enlarged), width, height)
    assert small_type(ocr)
    assert ocr.text.split() == [token for line in lines for token in line]
    for word in ocr.words:
        token = ocr.text[word.start : word.end]
        assert overlap(word.box, doc.boxes[token]) > 0.8, token


def test_large_light_type_on_dark_gray_is_read_shrunk_with_its_boxes_on_the_drawn_text(
    ocr_engine: OcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a radiograph's burnt-in text; the same words dark on white (a scan), or light on dark in
    # colour (a photo of a page on a dark desk), are read at their own size
    import inkout.ocr

    factors: list[float] = []
    real = inkout.ocr.shrunk
    monkeypatch.setattr(inkout.ocr, "shrunk", lambda p, f: factors.append(f) or real(p, f))
    lines = [["Patient", "Aoife", "Byrne"], ["Born", "12/03/1980", "in", "Galway"]]
    doc = render(lines, size=60, width=1400, background=(0, 0, 0), ink=(255, 255, 255))
    image = cv2.cvtColor(_bgr(doc), cv2.COLOR_BGR2GRAY)
    prepared = prepare(image)
    edges = text_edges(prepared.gray)
    assert 45 <= type_height(edges) <= 80  # the words' edges, descenders included
    assert 0.5 <= reading_scale(edges) <= 0.65  # read with words about 28 pixels tall
    ocr = ocr_engine.read(image)
    assert factors == [reading_scale(edges)]
    assert ocr.text.split() == [token for line in lines for token in line]
    for word in ocr.words:  # a few pixels off at the smaller scale: boxes fit the ink later
        token = ocr.text[word.start : word.end]
        assert overlap(word.box, doc.boxes[token]) > 0.7, token
    ocr_engine.read(cv2.cvtColor(_bgr(render(lines, size=60, width=1400)), cv2.COLOR_BGR2GRAY))
    ocr_engine.read(_bgr(doc))  # in colour: a photo of a page on a dark desk
    assert len(factors) == 1


def test_type_of_ordinary_size_is_read_at_its_own() -> None:
    doc = render([["Invoice", "for", "Margaret", "Oliver"], ["Amount", "due:", "1250"]])
    edges = text_edges(prepare(_bgr(doc)).gray)
    assert type_height(edges) < 30
    assert reading_scale(edges) == 1.0


def test_small_type_is_told_by_the_median_word_height() -> None:
    def reading(*heights: int) -> OcrText:
        words = tuple(Word(k, k + 1, Box(0, 0, 10, h), 0, 90.0) for k, h in enumerate(heights))
        return OcrText("x" * len(heights), words, ())

    assert small_type(reading(8, 9, 9, 12, 30))
    assert not small_type(reading(8, 9, 11, 12, 30))
    assert not small_type(reading(8, 8))  # too few words to tell


def test_a_doubtful_reading_of_small_glyphs_in_tall_words_is_small_type() -> None:
    """Tiny labels over their values: tesseract joined both rows into words 23 to 40 pixels
    tall, garbled, while each glyph stayed 9 to 11 pixels tall."""

    def reading(confidence: float, glyph: int) -> OcrText:
        words = tuple(Word(k, k + 1, Box(0, 0, 10, 30), 0, confidence) for k in range(5))
        symbols = tuple(Symbol(k, k + 1, Box(0, 0, 5, glyph), k) for k in range(5))
        return OcrText("x" * 5, words, symbols)

    assert small_type(reading(55.0, 11))
    assert not small_type(reading(90.0, 11))  # read with confidence: left as it is
    assert not small_type(reading(55.0, 30))  # large glyphs read badly: enlarging won't help


def test_a_reading_of_the_enlarged_image_is_mapped_back_outwards() -> None:
    word = Word(0, 2, Box(11, 21, 9, 13), 0, 90.0)
    symbol = Symbol(0, 1, Box(11, 21, 4, 13), 0)
    back = halved(OcrText("ab", (word,), (symbol,)), width=100, height=16)
    assert back.words[0].box == Box(5, 10, 5, 6)  # columns 5..10, rows 10..16 (clipped)
    assert back.symbols[0].box == Box(5, 10, 3, 6)
    assert back.text == "ab"


def test_every_symbol_indexes_its_own_character(ocr_engine: OcrEngine) -> None:
    ocr = ocr_engine.read(_bgr(render([["alpha", "beta"], ["gamma"]])))
    assert len(ocr.symbols) == len(ocr.text.replace(" ", "").replace("\n", ""))
    for s in ocr.symbols:
        word = ocr.words[s.word]
        assert word.start <= s.start < s.end <= word.end
        assert not ocr.text[s.start : s.end].isspace()


def test_text_touching_the_top_left_edge_is_read(ocr_engine: OcrEngine) -> None:
    doc = render([["DOB:", "06.16.1976"]], size=34, margin=40)
    box = doc.boxes["DOB:"]
    cropped = doc.array()[box.top :, box.left :]  # glyphs now touch the edges
    ocr = ocr_engine.read(cv2.cvtColor(np.ascontiguousarray(cropped), cv2.COLOR_RGB2BGR))
    assert "06.16.1976" in ocr.text


@pytest.mark.parametrize("name", [["Quang", "Bui"], ["Amira", "Hamdan"]])
def test_light_letters_cut_by_the_top_edge_are_read_as_letters(
    ocr_engine: OcrEngine, name: list[str]
) -> None:
    # A radiograph's corner: the border above must not draw the letters on as streaks.
    doc = render([name, ["MRN", "A-510781"]], size=24, background=(40, 40, 40), ink=(245,) * 3)
    grain = np.random.default_rng(1).normal(0, 6, doc.array().shape)
    pixels = np.clip(doc.array() + grain, 0, 255).astype(np.uint8)
    box = doc.boxes[name[0]]
    cut = np.ascontiguousarray(pixels[box.top + 1 :, box.left :])  # the letters' tops cut off
    assert " ".join(name) in ocr_engine.read(cv2.cvtColor(cut, cv2.COLOR_RGB2BGR)).text


def test_the_border_is_the_background_along_each_edge_not_the_letters_on_it() -> None:
    pixels = np.full((200, 400), 220, np.uint8)
    pixels[0:12, 100:110] = 20  # a letter's stem, cut by the top edge
    pixels[100:200, :] = 160  # the lower half darker: the border follows it
    pixels[20:70, 0:12] = 20  # letters touching the left edge, most of a window: no streak
    pixels[25:30, 0:12] = pixels[45:50, 0:12] = 220
    gray = prepare(pixels, border=20).gray
    assert (gray[:20, 20:420] == 220).all()
    assert (gray[20:32, 120:130] == 20).all()  # the image itself is unchanged
    assert (gray[40:90, :20] == 220).all()
    assert gray[80, 0] == 220 and gray[190, 0] == 160 and gray[-1, 200] == 160


def test_a_gray_dark_screens_light_card_is_read(ocr_engine: OcrEngine) -> None:
    # inverted as a whole, the card is light text on a dark panel
    screen = render(
        [["Account", "holder:", "Siobhan", "Kelly"]], background=(30,) * 3, ink=(240,) * 3
    )
    card = render([["Mobile:", "Oluwaseun", "Balogun"]], width=600, background=(225,) * 3)
    gray = np.full((screen.array().shape[0] + 160, 1100), 30, np.uint8)
    gray[: screen.array().shape[0]] = cv2.cvtColor(screen.array(), cv2.COLOR_RGB2GRAY)
    top = screen.array().shape[0] + 20
    gray[top : top + card.array().shape[0], 100:700] = cv2.cvtColor(
        card.array(), cv2.COLOR_RGB2GRAY
    )
    text = ocr_engine.read(gray).text
    assert "Siobhan Kelly" in text and "Mobile: Oluwaseun Balogun" in text


def _sheet_on_a_desk() -> np.ndarray:
    """Grey print on a sheet lit from the left, photographed on a dark desk."""
    lines = [
        ["Please", "call", "us", "at", "(305)", "555-0102", "today."],
        ["Date", "of", "birth", "04.07.2005", "is", "correct."],
    ]
    doc = render(lines, size=18, width=900, ink=(150,) * 3, background=(225,) * 3)
    page = cv2.cvtColor(doc.array(), cv2.COLOR_RGB2GRAY).astype(np.float32)
    page *= np.linspace(1.0, 0.75, page.shape[1])[None, :]
    desk = np.full((page.shape[0] + 400, page.shape[1] + 400), 60, np.uint8)
    desk[200:-200, 200:-200] = page.astype(np.uint8)
    return desk


def test_a_sheet_on_a_dark_desk_is_read_whole_at_the_first_reading(ocr_engine: OcrEngine) -> None:
    # one threshold for the whole photo falls between desk and paper, above the grey letters
    text = ocr_engine.read(_sheet_on_a_desk(), look_again=False).text
    assert "call us at (305) 555-0102 today." in text
    assert "Date of birth 04.07.2005 is correct." in text


def test_evened_keeps_a_plain_page_and_makes_a_dark_desk_paper() -> None:
    plain = prepare(_page(lines=4))
    assert evened(plain, text_edges(plain.gray)) is plain
    photo = prepare(_sheet_on_a_desk())
    even = evened(photo, text_edges(photo.gray)).gray
    border = photo.origin_y
    sheet = even[border + 200 : -border - 200, border + 200 : -border - 200]
    paper = np.median(sheet)
    assert sheet.min() < 190 and paper > 240  # grey letters on white paper
    desk = np.concatenate([even[:150, :].ravel(), even[:, :150].ravel()])
    assert (desk == desk[0]).all() and abs(int(desk[0]) - paper) <= 3  # paper, no edge


def test_light_text_on_a_dark_background_is_read(ocr_engine: OcrEngine) -> None:
    doc = render(
        [["Patient:", "Wilhelmina", "Carter"]], background=(20, 20, 20), ink=(235, 235, 235)
    )
    assert "Wilhelmina Carter" in ocr_engine.read(_bgr(doc)).text


def test_sixteen_bit_gray_with_a_narrow_range_is_read(ocr_engine: OcrEngine) -> None:
    doc = render([["Accession", "A7731"]])
    gray = cv2.cvtColor(doc.array(), cv2.COLOR_RGB2GRAY).astype(np.uint16)
    twelve_bit = (gray.astype(np.uint32) * 4095 // 255).astype(np.uint16)  # a 12-bit detector
    assert "Accession A7731" in ocr_engine.read(twelve_bit).text


def test_dark_text_on_a_transparent_background_is_read(ocr_engine: OcrEngine) -> None:
    doc = render([["Transparent", "label"]])
    gray = cv2.cvtColor(doc.array(), cv2.COLOR_RGB2GRAY)
    bgra = np.zeros((*gray.shape, 4), np.uint8)  # black everywhere, text only in alpha
    bgra[..., 3] = 255 - gray
    assert to_gray8(bgra)[0, 0] == 255  # transparent pixels become white paper
    assert "Transparent label" in ocr_engine.read(bgra).text


def test_a_blank_image_gives_no_text(ocr_engine: OcrEngine) -> None:
    ocr = ocr_engine.read(np.full((200, 300, 3), 255, np.uint8))
    assert ocr.text.strip() == "" and ocr.words == ()


def test_prepare_adds_a_border_and_keeps_the_original_size_for_mapping_back() -> None:
    prepared = prepare(np.full((50, 80), 255, np.uint8), border=20)
    assert prepared.gray.shape == (90, 120)
    assert (prepared.width, prepared.height) == (80, 50)
    assert (prepared.origin_x, prepared.origin_y) == (20, 20)


def test_one_engine_serves_concurrent_reads_with_the_same_results() -> None:
    engine = OcrEngine(workers=2)
    try:
        images = [_bgr(render([[f"Record{i}", "Zebra"]])) for i in range(4)]
        serial = [engine.read(im).text for im in images]
        with ThreadPoolExecutor(4) as pool:
            parallel = list(pool.map(engine.read, images))
        assert [o.text for o in parallel] == serial
    finally:
        engine.close()


def _page(lines: int = 24, **kwargs) -> np.ndarray:
    doc = render([[f"Line{i}", "holds", "some", "words"] for i in range(lines)], **kwargs)
    return _bgr(doc)


@pytest.mark.parametrize("line_gap", [24, 3])
def test_band_cuts_fall_in_blank_rows_between_text_lines(line_gap: int) -> None:
    # Tightly set lines put text edges in most rows of every text column: they are still text.
    gray = prepare(_page(lines=40, line_gap=line_gap)).gray
    cuts = band_cuts(gray, 2)
    assert len(cuts) == 1
    ink = (gray < 128).any(axis=1)
    for cut in cuts:
        assert not ink[cut - 3 : cut + 3].any()  # no dark pixel near the cut
        assert 0.25 < cut / gray.shape[0] < 0.75  # and the bands are of comparable size


def test_the_slanted_edge_of_a_photographed_sheet_does_not_prevent_cutting() -> None:
    page = np.full((1200, 900, 3), 90, np.uint8)  # a dark desk
    sheet = _page(lines=20)
    h, w = sheet.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[60, 40], [860, 70], [880, 1150], [40, 1120]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    page = cv2.warpPerspective(
        sheet, matrix, (900, 1200), dst=page, borderMode=cv2.BORDER_TRANSPARENT
    )
    gray = prepare(page).gray
    cuts = band_cuts(gray, 2)
    assert len(cuts) == 1
    inside = gray[cuts[0] - 2 : cuts[0] + 3, 120:780]  # the sheet, away from its edges
    assert (inside > 200).all()  # the cut crosses paper, not text


def test_a_dark_side_panel_does_not_prevent_cutting() -> None:
    page = _page()
    page[:, :30] = 40  # a dark panel down the left edge crosses every row
    assert band_cuts(prepare(page).gray, 2)


def test_small_or_blank_images_are_not_cut() -> None:
    assert band_cuts(prepare(_page(lines=2)).gray, 2) == []
    assert band_cuts(prepare(np.full((900, 600), 255, np.uint8)).gray, 2) == []


def test_banded_reading_reads_the_same_words_with_consistent_offsets() -> None:
    page = _page()
    single = OcrEngine(workers=1)
    banded = OcrEngine(workers=2)
    try:
        one = single.read(page)
        two = banded.read(page)
        assert banded.read(page, parallel=False) == one  # one API, exactly the single reading
    finally:
        single.close()
        banded.close()
    assert sorted(one.text.split()) == sorted(two.text.split())
    for w in two.words:
        assert not two.text[w.start : w.end].isspace()
    for s in two.symbols:
        word = two.words[s.word]
        assert word.start <= s.start < s.end <= word.end
    # Boxes agree with the single-band reading, word for word.
    tokens = [one.text[w.start : w.end] for w in one.words]
    boxes = {t: w.box for t, w in zip(tokens, one.words, strict=True) if tokens.count(t) == 1}
    assert len(boxes) >= 20
    for w in two.words:
        token = two.text[w.start : w.end]
        if token in boxes:
            assert overlap(w.box, boxes[token]) > 0.9, token
    assert len({w.line for w in two.words}) == len({w.line for w in one.words})


def test_merge_shifts_offsets_lines_and_word_indexes() -> None:
    from inkout.model import Box, OcrText, Symbol, Word

    a = OcrText("ab", (Word(0, 2, Box(0, 0, 4, 4), 0, 90.0),), (Symbol(0, 1, Box(0, 0, 2, 4), 0),))
    b = OcrText("cd", (Word(0, 2, Box(0, 9, 4, 4), 0, 90.0),), (Symbol(1, 2, Box(2, 9, 2, 4), 0),))
    merged = merge([a, b])
    assert merged.text == "ab\ncd"
    assert merged.words[1].start == 3 and merged.words[1].line == 1
    assert merged.symbols[1] == Symbol(4, 5, Box(2, 9, 2, 4), 1)


def test_cells_of_a_table_row_are_separated_by_a_newline_on_the_same_line(ocr_engine) -> None:
    from PIL import Image, ImageDraw
    from render import font

    image = Image.new("RGB", (1200, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "Lucia Moreno", font=font(28), fill="black")
    draw.text((640, 40), "lucia@example.com", font=font(28), fill="black")
    ocr = ocr_engine.read(cv2.cvtColor(np.array(image), cv2.COLOR_RGB2BGR))
    assert ocr.text == "Lucia Moreno\nlucia@example.com"
    assert len({w.line for w in ocr.words}) == 1  # still one line for the boxes


def _pieces_ocr(pieces: list[tuple[str, tuple[int, int, int, int]]]) -> OcrText:
    """An OcrText of one-word lines in the given order, each with its box and symbols."""
    text, words, symbols = "", [], []
    for line, (word, (left, top, width, height)) in enumerate(pieces):
        if text:
            text += "\n"
        start = len(text)
        for k in range(len(word)):
            symbols.append(
                Symbol(start + k, start + k + 1, Box(left + 10 * k, top, 10, height), line)
            )
        words.append(Word(start, start + len(word), Box(left, top, width, height), line, 90.0))
        text += word
    return OcrText(text, tuple(words), tuple(symbols))


def _same_glyphs(before: OcrText, after: OcrText) -> None:
    """Every word and symbol keeps its box and still indexes its own characters."""
    where = {w.box: before.text[w.start : w.end] for w in before.words}
    assert {w.box: after.text[w.start : w.end] for w in after.words} == where
    chars = {s.box: before.text[s.start : s.end] for s in before.symbols}
    assert {s.box: after.text[s.start : s.end] for s in after.symbols} == chars
    assert [w.start for w in after.words] == sorted(w.start for w in after.words)


def test_a_value_read_in_another_block_moves_next_to_the_label_beside_it() -> None:
    before = _pieces_ocr(
        [
            ("Name:", (40, 40, 80, 20)),
            ("DOB:", (40, 80, 60, 20)),
            ("Aoife", (600, 38, 70, 24)),
            ("1961-03-25", (600, 78, 120, 24)),
        ]
    )
    after = reading_order(before)
    assert after.text == "Name:\nAoife\nDOB:\n1961-03-25"
    _same_glyphs(before, after)


def test_on_a_slanted_page_a_value_moves_next_to_its_label_along_the_slant() -> None:
    # a photographed form rising to the right: each value's row stands 10 to 15 pixels
    # above its label's, 300 pixels to the left
    labels = _pieces_ocr([("phone:", (312, 855, 103, 24)), ("SSN:", (220, 905, 64, 19))])
    phone = _line(
        *[
            (word, Box(605 + 55 * i, 846 - i, 40, 20), 90.0)
            for i, word in enumerate(["+33", "1", "40", "47", "79", "18"])
        ]
    )
    ssn = _pieces_ocr([("g21-11-1121", (606, 890, 194, 24))])
    before = merge([labels, phone, ssn])
    assert reading_order(before).text == "phone:\n+33 1 40 47 79 18\nSSN:\ng21-11-1121"
    _same_glyphs(before, reading_order(before))


def test_values_below_their_labels_in_two_columns_follow_their_own_label() -> None:
    before = _pieces_ocr(
        [
            ("Referrer:", (40, 40, 100, 20)),
            ("Born:", (600, 40, 60, 20)),
            ("Fatima", (40, 66, 80, 24)),
            ("1979-06-22", (600, 66, 120, 24)),
        ]
    )
    after = reading_order(before)
    assert after.text == "Referrer:\nFatima\nBorn:\n1979-06-22"
    _same_glyphs(before, after)


def test_a_label_whose_colon_was_read_as_a_semicolon_is_still_the_label_above() -> None:
    # a screenshot's details panel: a sidebar's name read between the label and its date
    before = _pieces_ocr(
        [
            ("Date of birth;", (485, 509, 90, 13)),
            ("Fischer", (25, 689, 75, 11)),
            ("1984-11-10", (485, 529, 122, 14)),
        ]
    )
    after = reading_order(before)
    assert after.text == "Date of birth;\n1984-11-10\nFischer"
    _same_glyphs(before, after)


def test_a_prose_line_ending_in_a_semicolon_is_no_label() -> None:
    before = _pieces_ocr(
        [
            ("we called twice, then wrote 2 letters;", (40, 40, 400, 20)),
            ("Fischer", (600, 300, 75, 20)),
            ("1984-11-10", (40, 66, 120, 20)),
        ]
    )
    assert reading_order(before).text == before.text


def test_labels_without_a_colon_in_smaller_type_are_labels_of_the_value_below() -> None:
    before = _pieces_ocr(
        [
            ("Born", (40, 40, 40, 12)),
            ("Portal", (600, 40, 50, 12)),
            ("https://x.io/u/7", (600, 60, 200, 18)),
            ("10/19/1939", (40, 60, 120, 18)),
        ]
    )
    after = reading_order(before)
    assert after.text == "Born\n10/19/1939\nPortal\nhttps://x.io/u/7"
    _same_glyphs(before, after)


@pytest.mark.parametrize("label", ["Born", "DoB"])
def test_born_or_dob_without_a_colon_is_the_label_of_the_date_beside_it(label: str) -> None:
    before = _pieces_ocr(
        [
            (label, (260, 560, 40, 14)),
            ("Customer", (260, 440, 120, 18)),
            ("26.10.1972", (464, 558, 70, 14)),
            ("Administrator", (24, 718, 90, 14)),
        ]
    )
    after = reading_order(before)
    assert after.text == f"{label}\n26.10.1972\nCustomer\nAdministrator"
    _same_glyphs(before, after)


def test_born_read_without_its_n_is_the_label_of_the_date_below_in_the_same_type() -> None:
    before = _pieces_ocr(
        [
            ("Bor", (46, 154, 18, 8)),
            ("Mobile:", (440, 154, 28, 8)),
            ("720.524.6061", (440, 170, 77, 9)),
            ("1961-01-19", (46, 170, 65, 9)),
        ]
    )
    after = reading_order(before)
    assert after.text.startswith("Bor\n1961-01-19\n")
    _same_glyphs(before, after)


def test_born_read_as_bom_is_the_label_of_the_date_beside_it() -> None:
    # a dark screenshot's details panel: "Born" without a colon, its "rn" read as "m"
    before = _pieces_ocr(
        [
            ("Bom", (243, 410, 27, 11)),
            ("Home address:", (243, 440, 90, 11)),
            ("2879 Birch Terrace", (445, 440, 120, 11)),
            ("June 19, 1991", (445, 410, 84, 13)),
        ]
    )
    after = reading_order(before)
    assert after.text == "Bom\nJune 19, 1991\nHome address:\n2879 Birch Terrace"
    _same_glyphs(before, after)


def test_two_columns_values_read_as_one_line_follow_each_their_own_label() -> None:
    # a long address in the left column leaves the right column's value a gap of 30 pixels
    labels = _pieces_ocr([("Email address:", (131, 974, 146, 20))])
    values = _line(
        ("snehanair89@mail.example.org", Box(129, 1013, 457, 40), 90.0),
        ("A-696626", Box(616, 1024, 135, 30), 90.0),
    )
    mrn = _pieces_ocr([("MRN", (618, 985, 48, 19))])
    before = merge([labels, values, mrn])
    after = reading_order(before)
    assert after.text == "Email address:\nsnehanair89@mail.example.org\nMRN\nA-696626"
    _same_glyphs(before, after)
    # without a label right above it, a word stays on its line
    assert "A-696626" in reading_order(merge([labels, values])).text.split("\n")[1]


def test_a_speck_read_as_a_colon_above_a_line_does_not_split_it() -> None:
    # a radiograph's grain right above "Nair" of "Ref: Dr. Vikram Nair"
    speck = _pieces_ocr([(":", (282, 1547, 3, 1))])
    line = _line(
        *[
            (word, Box(left, 1566, width, 28), 96.0)
            for word, left, width in [("Ref:", 14, 63), ("Dr.", 94, 42), ("Vikram", 150, 115)]
        ],
        ("Nair", Box(281, 1566, 66, 28), 96.0),
    )
    before = merge([speck, line])
    assert reading_order(before).text == ":\nRef: Dr. Vikram Nair"


def test_a_line_tesseract_broke_in_two_is_one_line_again() -> None:
    before = _pieces_ocr(
        [
            ("yyamamoto@ora", (120, 352, 230, 29)),
            ("Springfield,", (600, 352, 150, 29)),
            ("Policy", (120, 400, 90, 29)),
            ("nge.fr", (353, 355, 100, 26)),
        ]
    )
    after = rejoin_lines(before)
    assert after.text == "yyamamoto@ora nge.fr\nSpringfield,\nPolicy"
    _same_glyphs(before, after)
    # a column's gap, or a line below, is no continuation
    column = _pieces_ocr([("Lucia", (40, 40, 60, 20)), ("Moreno", (130, 40, 80, 20))])
    assert rejoin_lines(column) is column
    apart = _pieces_ocr([("Lucia", (40, 40, 60, 20)), ("Moreno", (101, 70, 80, 20))])
    assert rejoin_lines(apart) is apart


def test_a_broken_line_spaced_wide_is_joined_at_a_gap_like_its_word_gaps() -> None:
    # a photographed card number, its words 23 pixels apart at 18 pixels tall, its second
    # half read as a line of its own and placed above
    first = _line(("4952", Box(885, 606, 61, 18), 90.0), ("7530", Box(969, 606, 61, 18), 90.0))
    second = _line(("8775", Box(1062, 607, 52, 18), 90.0), ("9605", Box(1137, 607, 60, 18), 90.0))
    label = _pieces_ocr([("Card No.", (517, 605, 129, 19))])
    before = merge([second, label, first])
    assert rejoin_lines(before).text == "Card No.\n4952 7530 8775 9605"
    # pieces of one word are measured against the page's own word gaps
    area = _pieces_ocr([("(646)", (624, 900, 70, 24))])
    number = _pieces_ocr([("555-0185", (723, 895, 126, 23))])
    assert rejoin_lines(merge([number, first, area])).text.endswith("(646) 555-0185")
    assert rejoin_lines(merge([number, area])).text == "555-0185\n(646)"  # no word gaps
    # words set close are no such line: the same gap after them is a column's
    tight = _line(("4952", Box(885, 606, 61, 18), 90.0), ("7530", Box(949, 606, 61, 18), 90.0))
    assert "\n" in rejoin_lines(merge([second, tight])).text


def test_words_that_cannot_end_a_cell_need_a_wider_gap_to_start_a_new_one() -> None:
    from inkout.ocr import _column_gap, _unfinished

    before, after = Box(0, 0, 100, 25), Box(138, 0, 100, 25)  # 38 px apart, 25 px tall
    assert _column_gap(before, after)
    assert _unfinished("Chukwu,") and _unfinished("yyamamoto@ora") and _unfinished("+33")
    assert not _unfinished("Moreno") and not _unfinished("jo@x.io") and not _unfinished("+3310")
    assert not _column_gap(before, after, unfinished=True)


def test_a_gap_between_word_boxes_is_a_column_gap_only_where_the_image_is_blank() -> None:
    from inkout.ocr import _column_gap

    # "Emi Takahashi" in a chat's list: tesseract boxed "Emi" 7 pixels wide of its 30
    page = np.full((40, 200), 255, np.uint8)
    for left in [*range(20, 50, 5), *range(58, 120, 5)]:  # "Emi", then "Takahashi": strokes
        page[12:24, left : left + 2] = 0
    p = prepare(cv2.cvtColor(page, cv2.COLOR_GRAY2BGR))
    emi, takahashi = Box(20, 12, 7, 12), Box(58, 12, 62, 12)
    assert not _column_gap(emi, takahashi, p=p)
    page[12:24, 27:50] = 255  # a word as narrow as its box: the cells stand apart
    p = prepare(cv2.cvtColor(page, cv2.COLOR_GRAY2BGR))
    assert _column_gap(emi, takahashi, p=p)
    page[22, 20:120] = 0  # ... and stay apart over a form's rule under them
    p = prepare(cv2.cvtColor(page, cv2.COLOR_GRAY2BGR))
    assert _column_gap(emi, takahashi, p=p)


def test_a_label_with_its_value_beside_it_does_not_claim_the_line_below() -> None:
    before = _pieces_ocr(
        [
            ("MRN", (40, 40, 40, 20)),
            ("Email: jo@x.io", (40, 70, 200, 20)),
            ("8505150", (300, 40, 90, 20)),
        ]
    )
    after = reading_order(before)
    assert after.text == "MRN\n8505150\nEmail: jo@x.io"
    _same_glyphs(before, after)


def test_text_without_labels_keeps_tesseracts_order() -> None:
    table = _pieces_ocr(
        [("Name", (40, 40, 60, 20)), ("Status", (600, 40, 80, 20)), ("Aoife", (40, 80, 60, 20))]
    )
    assert reading_order(table) is table


def test_cells_far_below_a_column_header_are_reported_with_it() -> None:
    table = _pieces_ocr(
        [
            ("Name", (40, 40, 60, 20)),
            ("SSN", (400, 40, 40, 20)),
            ("Aoife", (40, 300, 60, 20)),
            ("87417-2904", (380, 300, 120, 20)),
            ("Showing", (40, 600, 90, 20)),
        ]
    )
    found = under_headers(table, lambda text: text == "SSN")
    assert [(table.text[a:b], header) for a, b, header in found] == [("87417-2904", "SSN")]


def test_a_masked_value_read_as_a_header_word_heads_no_cell_below_it() -> None:
    # bullets three pixels tall read "ssn" above a phone number, under the "Phone" header
    table = _pieces_ocr(
        [
            ("Phone", (766, 95, 36, 10)),
            ("ssn", (766, 291, 29, 3)),
            ("449303553223", (766, 336, 92, 9)),
        ]
    )
    found = under_headers(table, lambda text: text.lower() in ("phone", "ssn"))
    assert [(table.text[a:b], header) for a, b, header in found] == [("449303553223", "Phone")]
    # ... nor beside the digits shown, which make the line as tall as the cells
    table = merge(
        [
            _pieces_ocr([("Phone", (756, 95, 36, 10))]),
            _line(("ssn", Box(756, 179, 20, 3), 21.0), ("7989", Box(791, 176, 26, 9), 21.0)),
            _pieces_ocr([("433145747631", (756, 256, 101, 9))]),
        ]
    )
    found = under_headers(table, lambda text: text.lower().startswith(("phone", "ssn")))
    assert [(table.text[a:b], header) for a, b, header in found] == [("433145747631", "Phone")]


def test_without_a_header_nothing_is_under_one() -> None:
    table = _pieces_ocr([("Name", (40, 40, 60, 20)), ("Aoife", (40, 80, 60, 20))])
    assert under_headers(table, lambda text: text == "SSN") == []


def _side_panel() -> tuple[np.ndarray, Box]:
    """A light page with a dark side panel holding small grey text, as in an app's footer:
    tesseract's layout analysis reads the page and the panel's title but drops the grey
    lines. Returns the image and where the address was drawn."""
    image = Image.new("RGB", (900, 500), (248, 249, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 200, 500), fill=(31, 35, 41))
    draw.text((20, 30), "Dashboard", font=font(15), fill=(230, 230, 230))
    draw.text((20, 400), "Last login from", font=font(11), fill=(138, 143, 152))
    draw.text((20, 418), "192.168.20.252", font=font(11), fill=(138, 143, 152))
    for i, row in enumerate(["Carmen Martinez", "Lukas Hoffmann"]):
        draw.text((230, 60 + 40 * i), row, font=font(15), fill=(20, 20, 20))
    left, top, right, bottom = draw.textbbox((20, 418), "192.168.20.252", font=font(11))
    bgr = cv2.cvtColor(np.array(image), cv2.COLOR_RGB2BGR)
    return bgr, Box(left, top, right - left, bottom - top)


def test_lines_the_layout_analysis_dropped_are_read_on_a_second_look(ocr_engine) -> None:
    image, drawn = _side_panel()
    ocr = ocr_engine.read(image)
    assert "Last login from\n192.168.20.252" in ocr.text
    assert "Carmen Martinez" in ocr.text and "Dashboard" in ocr.text
    address = next(w for w in ocr.words if ocr.text[w.start : w.end] == "192.168.20.252")
    assert overlap(address.box, drawn) > 0.8


def test_a_faint_label_read_empty_as_a_block_is_read_as_the_line_that_spans_more() -> None:
    # a blurred grey "MRN" on a photographed page: enlarged, read as a block, nothing; as one
    # line at its own size, an "R" boxed 2 pixels wide; as one line enlarged, "MRN"
    image = Image.new("RGB", (120, 50), (240, 210, 190))
    draw = ImageDraw.Draw(image)
    draw.text((30, 15), "MRN", font=font(16), fill=(130, 120, 110))
    left, top, right, bottom = draw.textbbox((30, 15), "MRN", font=font(16))
    data = encode(image.filter(ImageFilter.GaussianBlur(1.2)), "JPEG", quality=50)
    prepared = prepare(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR))
    region = Box(left + prepared.origin_x, top + prepared.origin_y, right - left, bottom - top)
    with PyTessBaseAPI(path=tessdata_path(), lang="eng", oem=OEM.LSTM_ONLY) as api:
        assert second_look(api, prepared, region).text == "MRN"


def _line(*entries: tuple[str, Box, float]) -> OcrText:
    """One line of words with the given boxes and confidences."""
    text, words, symbols = "", [], []
    for word, box, confidence in entries:
        start = len(text) + (1 if text else 0)
        text += (" " if text else "") + word
        step = box.width // len(word)
        for i in range(len(word)):
            piece = Box(box.left + i * step, box.top, step, box.height)
            symbols.append(Symbol(start + i, start + i + 1, piece, len(words)))
        words.append(Word(start, start + len(word), box, 0, confidence))
    return OcrText(text, tuple(words), tuple(symbols))


def test_only_text_edges_outside_every_read_word_are_unread() -> None:
    image, drawn = _side_panel()
    prepared = prepare(image)
    edges = text_edges(prepared.gray)
    assert unread_lines(edges, OcrText("", (), ()), prepared)  # nothing read: all unread
    read = _pieces_ocr(
        [
            ("Dashboard", (20, 32, 80, 14)),
            ("Carmen Martinez", (230, 62, 130, 16)),
            ("Lukas Hoffmann", (230, 102, 125, 16)),
            ("Last login from", (20, 401, 80, 12)),
        ]
    )
    found = unread_lines(edges, read, prepared)
    # One region, in prepared (bordered) coordinates, around the address alone.
    assert len(found) == 1
    region = found[0]
    shifted = Box(
        drawn.left + prepared.origin_x, drawn.top + prepared.origin_y, drawn.width, drawn.height
    )
    assert overlap(region, shifted) > 0.7


def test_a_short_last_word_left_unread_after_a_word_read_is_looked_at_again() -> None:
    # "Vu" of "Ref: Dr. Trang Vu", which tesseract dropped on a radiograph: too short for a
    # line of its own, but a word's gap after "Trang"; the same word alone is left
    rendered = render([["Ref: Dr. Trang", "Vu"], [""], ["Vu"]], size=36)
    prepared = prepare(cv2.cvtColor(rendered.array(), cv2.COLOR_RGB2BGR))
    edges = text_edges(prepared.gray)
    line = rendered.boxes["Ref: Dr. Trang"]
    read = _pieces_ocr([("Ref: Dr. Trang", (line.left, line.top, line.width, line.height))])
    found = unread_lines(edges, read, prepared)
    after = rendered.boxes["Vu"]  # the last one drawn: the lone word
    shifted = [
        Box(b.left - prepared.origin_x, b.top - prepared.origin_y, b.width, b.height) for b in found
    ]
    assert len(found) == 1 and shifted[0].top < after.top - 36
    assert shifted[0].left >= line.right


@pytest.mark.parametrize("spaces", [1, 2, 3])
def test_an_unread_first_word_before_a_word_read_is_looked_at_again(spaces: int) -> None:
    # "Do," of "Do, Bao" in a monospaced font on a photo, dropped by tesseract: too short for
    # a line of its own, and its comma and wide space leave a gap of about a height
    rendered = render([["Do,", *[""] * (spaces - 1), "Bao"]], size=30)
    prepared = prepare(cv2.cvtColor(rendered.array(), cv2.COLOR_RGB2BGR))
    first, read = rendered.boxes["Do,"], rendered.boxes["Bao"]
    (found,) = unread_lines(text_edges(prepared.gray), _line(("Bao", read, 97.0)), prepared)
    assert found.left - prepared.origin_x <= first.left + 2
    assert found.right - prepared.origin_x <= read.left


@pytest.mark.parametrize("icon", ["\u25a0", "\u2709", "@"])
def test_an_icon_before_a_word_read_is_not_looked_at(icon: str) -> None:
    rendered = render([[icon, "", "Settings"]], size=30)
    prepared = prepare(cv2.cvtColor(rendered.array(), cv2.COLOR_RGB2BGR))
    read = _line(("Settings", rendered.boxes["Settings"], 97.0))
    assert unread_lines(text_edges(prepared.gray), read, prepared) == []


def test_the_unread_end_of_a_word_read_in_part_is_looked_at_again() -> None:
    # "1971" read as "19" on a radiograph: the unread "71" touches the word read, too short
    # for a line of its own but the end of the line
    rendered = render([["Born", "1971"]], size=30)
    prepared = prepare(cv2.cvtColor(rendered.array(), cv2.COLOR_RGB2BGR))
    born, year = rendered.boxes["Born"], rendered.boxes["1971"]
    cut = year.left + year.width // 2
    read = _line(
        ("Born", born, 97.0), ("19", Box(year.left, year.top, cut - year.left, year.height), 97.0)
    )
    (found,) = unread_lines(text_edges(prepared.gray), read, prepared)
    assert found.left - prepared.origin_x < cut <= found.right - prepared.origin_x
    assert found.right - prepared.origin_x >= year.right


def test_the_unread_start_of_a_word_read_in_part_is_looked_at_again() -> None:
    # "1973-02-21" read as "3-02-21" on a photo: the unread "197" right before it, too short
    # for a line of its own but the start of the line (here "19" before "73")
    rendered = render([["1973"]], size=30)
    prepared = prepare(cv2.cvtColor(rendered.array(), cv2.COLOR_RGB2BGR))
    year = rendered.boxes["1973"]
    cut = year.left + year.width // 2
    read = _line(("73", Box(cut, year.top, year.right - cut, year.height), 97.0))
    (found,) = unread_lines(text_edges(prepared.gray), read, prepared)
    assert found.left - prepared.origin_x <= year.left + 2
    assert cut - 6 <= found.right - prepared.origin_x <= cut + 6


def test_a_second_look_continues_the_line_it_stands_beside() -> None:
    first = _pieces_ocr([("Ananya", (220, 1910, 200, 40)), ("kVp", (20, 1980, 90, 40))])
    look = _pieces_ocr([("Sharma", (450, 1912, 190, 40))])
    both = with_second_looks(first, [(Box(450, 1910, 190, 44), look)])
    assert both.text == "Ananya Sharma\nkVp"
    sharma = both.words[1]
    assert both.text[sharma.start : sharma.end] == "Sharma" and sharma.line == both.words[0].line
    assert sharma.box == Box(450, 1912, 190, 40)
    assert [both.text[s.start : s.end] for s in both.symbols if s.word == 1] == list("Sharma")


def test_a_second_look_before_a_line_takes_the_place_of_a_speck_it_covers() -> None:
    # "8619 Harbor Way" on a photo first read "9 Harbor Way", the "9" a speck of the "8619"
    # that a look read whole: it begins the line and the speck is left out
    first = _line(
        ("9", Box(395, 282, 3, 6), 75.0),
        ("Harbor", Box(408, 279, 65, 13), 97.0),
        ("Way,", Box(485, 279, 37, 17), 97.0),
    )
    look = _line(("8619", Box(351, 276, 59, 17), 89.0))
    both = with_second_looks(first, [(Box(340, 274, 60, 20), look)])
    assert both.text == "8619 Harbor Way,"
    assert [w.box.left for w in both.words] == [351, 408, 485]


def test_a_look_that_reads_far_more_over_a_piece_in_its_region_takes_its_place() -> None:
    # "1762 Church Road, Madison" in a photo's faint monospaced type, first read as a few
    # letters far apart; a look over the row read it whole
    first = _line(
        ("176.", Box(527, 239, 34, 12), 92.0),
        ("h", Box(605, 239, 9, 12), 92.0),
        ("h", Box(659, 239, 9, 12), 82.0),
        ("R", Box(686, 243, 7, 8), 82.0),
    )
    look = _line(
        ("1762", Box(524, 237, 51, 16), 96.0),
        ("Church", Box(590, 237, 80, 16), 96.0),
        ("Road,", Box(684, 237, 62, 17), 96.0),
        ("Madison,", Box(765, 236, 103, 17), 96.0),
    )
    region = Box(527, 235, 473, 19)
    looks, rereads = sparse_pieces(first, [(region, look)], [])
    assert looks == [] and rereads == [([0, 1, 2, 3], look)]
    assert with_second_looks(first, looks, rereads).text == "1762 Church Road, Madison,"
    # a look that read about as much over the piece stays a look: it adds what is beside
    dense = _line(("1762", Box(527, 239, 34, 12), 92.0), ("Church", Box(605, 239, 88, 12), 92.0))
    read = _line(("1762", Box(527, 239, 34, 12), 96.0), ("Church", Box(605, 239, 88, 12), 96.0))
    assert sparse_pieces(dense, [(region, read)], []) == ([(region, read)], [])


def test_a_look_region_overlapping_a_piece_on_its_row_is_widened_over_it() -> None:
    prepared = prepare(np.full((300, 1100, 3), 255, np.uint8))
    x, y = prepared.origin_x, prepared.origin_y
    first = _line(("176.", Box(527, 239, 34, 12), 92.0), ("h", Box(605, 239, 9, 12), 92.0))
    overlapping = Box(560 + x, 235 + y, 440, 19)  # from inside the piece on
    beyond = Box(620 + x, 235 + y, 380, 19)  # after its end
    below = Box(560 + x, 270 + y, 440, 19)  # another row
    widened = over_pieces([overlapping, beyond, below], first, prepared)
    assert widened == [Box(527 + x, 235 + y, 473, 19), beyond, below]
    # a piece read densely ("the card 4855-3780-82¢") stays out: the look would read its
    # last word whole, and that word would be left out as read already
    dense = _line(("the", Box(497, 239, 30, 12), 96.0), ("card", Box(532, 239, 40, 12), 96.0))
    assert over_pieces([Box(560 + x, 235 + y, 440, 19)], dense, prepared) == [
        Box(560 + x, 235 + y, 440, 19)
    ]


def test_a_letter_read_apart_under_a_word_a_second_look_put_in_is_left_out() -> None:
    # "Amira Saleh" first read "A" and "\u2018a Saleh"; a look at the unread ink between read
    # "Amira", which continues the "A" and covers the "\u2018a"
    first = merge(
        [
            _line(("A", Box(372, 16, 11, 12), 78.0)),
            _line(("\u2018a", Box(409, 19, 8, 9), 80.0), ("Saleh", Box(423, 16, 41, 12), 96.0)),
        ]
    )
    look = _line(("Amira", Box(375, 16, 42, 12), 96.0))
    both = with_second_looks(first, [(Box(382, 15, 28, 14), look)])
    assert both.text == "Amira\nSaleh"
    assert [both.text[w.start : w.end] for w in both.words] == ["A", "mira", "Saleh"]
    # a word the look's word does not cover stays
    apart = with_second_looks(
        first, [(Box(382, 15, 20, 14), _line(("mi", Box(384, 16, 16, 12), 96.0)))]
    )
    assert "\u2018a Saleh" in apart.text


def test_a_second_look_continues_the_line_where_its_unread_ink_starts() -> None:
    # "Sophi" read, "ie Schneider" read again over the unread ink: "ie" overlaps "Sophi" and
    # is dropped, and the gap from "Sophi" to "Schneider" is wider than a column gap.
    first = _pieces_ocr([("Ref: Dr. Sophi", (13, 954, 208, 26))])
    look = _pieces_ocr([("ie", (210, 956, 26, 19)), ("Schneider", (254, 956, 133, 19))])
    assert with_second_looks(first, [(Box(220, 955, 172, 21), look)]).text == (
        "Ref: Dr. Sophi Schneider"
    )
    # The same words in a region that starts at them stand apart.
    assert with_second_looks(first, [(Box(250, 955, 142, 21), look)]).text == (
        "Ref: Dr. Sophi\nSchneider"
    )


def test_a_second_look_that_read_a_word_on_from_inside_it_is_glued_to_it() -> None:
    # "Take" read, then "eshi Ito" over the unread ink, its "e" the last letter of "Take".
    first = _line(("Ref:", Box(28, 960, 48, 17), 90.0), ("Take", Box(147, 960, 52, 18), 90.0))
    look = _line(("eshi", Box(188, 959, 52, 18), 90.0), ("Ito", Box(254, 961, 36, 16), 90.0))
    both = with_second_looks(first, [(Box(198, 958, 98, 20), look)])
    assert both.text == "Ref: Takeshi Ito"
    assert [both.text[w.start : w.end] for w in both.words] == ["Ref:", "Take", "shi", "Ito"]
    assert both.words[2].box == Box(201, 959, 39, 18)
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "Ref:TakeshiIto"
    # A look whose first word lies wholly inside the word before keeps only the rest.
    look = _line(("e", Box(190, 959, 9, 18), 90.0), ("Ito", Box(254, 961, 36, 16), 90.0))
    assert with_second_looks(first, [(Box(198, 958, 98, 20), look)]).text == "Ref: Take Ito"


def test_a_second_look_that_read_the_end_of_the_word_before_again_continues_it() -> None:
    # "Born August 3, 19" read, "71" unread; the look read "971", its "9" over the "9" read
    # first, a quarter of its box: that letter is left out and the rest glued on.
    first = _line(("Born", Box(31, 65, 52, 17), 97.0), ("19", Box(238, 65, 25, 17), 97.0))
    look = _line(("971", Box(253, 65, 37, 17), 91.0))
    both = with_second_looks(first, [(Box(262, 64, 34, 19), look)])
    assert both.text == "Born 1971"
    # a look that read the word again whole is left out
    again = _line(("19", Box(239, 65, 25, 17), 91.0))
    assert with_second_looks(first, [(Box(236, 64, 30, 19), again)]).text == "Born 19"


def test_pieces_read_again_over_each_other_keep_each_word_once() -> None:
    # "Born July 22, 1993" on a radiograph first read "Menges" over "Born July" and "oe" over
    # "July 22,", each doubted and read again: the first reading, in text order, keeps
    # "July 22," and the second, which read nothing else, is left out.
    first = _pieces_ocr(
        [("Menges", (1, 33, 127, 17)), ("2024-06-27", (895, 49, 116, 16)), ("oe", (55, 37, 79, 18))]
    )
    born = _line(
        ("Born", Box(3, 34, 45, 16), 97.0),
        ("July", Box(57, 33, 39, 22), 97.0),
        ("22,", Box(104, 34, 29, 19), 97.0),
        ("1993", Box(144, 34, 48, 16), 97.0),
    )
    again = _line(("July", Box(57, 33, 39, 22), 96.0), ("22,", Box(104, 34, 29, 19), 96.0))
    both = with_second_looks(first, [], [([2], again), ([0], born)])
    assert both.text == "Born July 22, 1993\n2024-06-27"
    assert [w.box.left for w in both.words] == [3, 57, 104, 144, 895]
    # ... and so is one that shares its line, with a space beside it
    first = merge(
        [
            _pieces_ocr([("Menges", (1, 33, 127, 17))]),
            _line(("oe", Box(55, 37, 79, 18), 26.0), ("2024-06-27", Box(895, 49, 116, 16), 97.0)),
        ]
    )
    both = with_second_looks(first, [], [([1], again), ([0], born)])
    assert both.text == "Born July 22, 1993\n2024-06-27"


def test_a_second_look_in_the_middle_of_a_line_goes_between_its_words() -> None:
    # "card 5 1408" read for "card 2255 1408": the look over the unread "225" read "12255",
    # its "1" the end of "card" and its last "5" the "5" read first. Both are left out; the
    # rest stands a space after "card" and is glued to the "5" it touches.
    first = _line(
        ("card", Box(726, 711, 42, 18), 96.0),
        ("5", Box(819, 712, 9, 15), 90.0),
        ("1408", Box(838, 713, 48, 17), 90.0),
    )
    look = _line(("12255", Box(760, 711, 70, 19), 64.0))
    both = with_second_looks(first, [(Box(770, 710, 48, 20), look)])
    assert both.text == "card 2255 1408"
    assert [both.text[w.start : w.end] for w in both.words] == ["card", "225", "5", "1408"]
    assert len({w.line for w in both.words}) == 1
    assert both.words[1].box.left == 774
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "card22551408"
    # A look that read letters the word beside has, boxed short of their ink, adds nothing
    first = _line(
        ("GB23", Box(588, 577, 62, 19), 93.0),
        ("LOYD", Box(705, 576, 16, 19), 97.0),
        ("9165", Box(730, 575, 55, 19), 97.0),
    )
    look = _line(("LOY", Box(659, 576, 44, 19), 45.0))
    assert with_second_looks(first, [(Box(655, 574, 50, 22), look)]).text == "GB23 LOYD 9165"


def test_a_second_look_in_the_middle_of_a_slanting_line_goes_between_its_words() -> None:
    # A photographed letter's line rising to the right: "form must show SSN issued." read
    # first, "883-90-6751 exactly as" left unread between "SSN" and "issued.". The middle of
    # the look's box lies on neither neighbour's row; its first and last words lie on theirs.
    first = _line(
        ("form", Box(404, 901, 60, 17), 96.0),
        ("must", Box(481, 899, 60, 16), 96.0),
        ("show", Box(564, 895, 60, 17), 96.0),
        ("SSN", Box(644, 892, 43, 17), 97.0),
        ("issued.", Box(1080, 874, 102, 19), 96.0),
    )
    look = _line(
        ("883-90-6751", Box(705, 890, 160, 18), 90.0),
        ("exactly", Box(884, 883, 100, 19), 95.0),
        ("as", Box(1004, 879, 30, 13), 95.0),
    )
    both = with_second_looks(first, [(Box(702, 876, 358, 25), look)])
    assert both.text == "form must show SSN 883-90-6751 exactly as issued."
    assert len({w.line for w in both.words}) == 1


def test_a_second_look_goes_before_a_word_whose_first_letters_it_read() -> None:
    # "correct. Our inspe h Street on" on a slanting photographed line: the look over the gap
    # read "ctor will visit 27 High", its "High" the lost start of the "h" read first. The "h"
    # takes its letters, and the rest goes between "inspe" and it.
    first = _line(
        ("correct.", Box(406, 974, 120, 18), 96.0),
        ("Our", Box(550, 971, 43, 16), 93.0),
        ("inspe", Box(618, 971, 67, 16), 38.0),
        ("h", Box(1047, 952, 12, 16), 92.0),
        ("Street", Box(1080, 950, 90, 17), 96.0),
        ("on", Box(1192, 950, 28, 13), 96.0),
    )
    look = _line(
        ("ctor", Box(673, 965, 83, 18), 33.0),
        ("will", Box(773, 959, 62, 20), 96.0),
        ("visit", Box(854, 956, 77, 20), 96.0),
        ("27", Box(951, 953, 28, 20), 96.0),
        ("High", Box(999, 951, 62, 24), 97.0),
    )
    both = with_second_looks(first, [(Box(686, 954, 362, 26), look)])
    assert both.text.startswith("correct. Our inspe")
    assert both.text.endswith("tor will visit 27 High Street on")
    assert "\n" not in both.text and len({w.line for w in both.words}) == 1


def test_unread_lines_beside_a_doubtful_piece_are_read_with_it() -> None:
    # "Tel:" and "7136" unread on either side of "212.5924." read with no confidence
    piece = Box(419, 459, 156, 18)
    regions = [
        Box(364, 457, 52, 21),  # "Tel:"
        Box(572, 459, 59, 19),  # "7136"
        Box(364, 500, 120, 20),  # the line below
        Box(900, 459, 60, 19),  # far along the row
    ]
    (grown,), left = with_lines_beside([([3], piece)], regions)
    assert grown == ([3], Box(364, 457, 267, 21), regions[:2])
    assert left == regions[2:]
    assert with_lines_beside([], regions) == ([], regions)


def test_a_second_look_begins_the_line_that_starts_just_right_of_it() -> None:
    # A photographed form: the first reading began an IBAN at its second group.
    first = merge(
        [
            _line(("HBUK", Box(772, 564, 52, 14), 91.0), ("8166", Box(841, 564, 50, 15), 91.0)),
            _line(("Road", Box(821, 765, 52, 15), 90.0)),
        ]
    )
    look = _line(("GB91", Box(703, 562, 51, 16), 91.0))
    both = with_second_looks(first, [(Box(698, 562, 60, 16), look)])
    assert both.text == "GB91 HBUK 8166\nRoad"
    assert [both.text[w.start : w.end] for w in both.words] == ["GB91", "HBUK", "8166", "Road"]
    assert len({w.line for w in both.words[:3]}) == 1
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "GB91HBUK8166Road"
    # Far from it, the look stands alone.
    far = _line(("GB91", Box(603, 562, 51, 16), 91.0))
    assert with_second_looks(first, [(Box(598, 562, 60, 16), far)]).text == (
        "HBUK 8166\nRoad\nGB91"
    )
    # The line may begin inside the look's last word, which read its ink again.
    rest = _line(("YON", Box(787, 689, 32, 14), 80.0), ("FONTAINE", Box(837, 690, 113, 16), 90.0))
    look = _line(("contact:", Box(620, 688, 110, 18), 90.0), ("MANC", Box(745, 689, 58, 17), 60.0))
    assert with_second_looks(rest, [(Box(466, 680, 322, 24), look)]).text == (
        "contact: MANC YON FONTAINE"
    )
    # ... a word's: a masked address's bullets read as letters stay apart from its domain
    for domain, read in [("@yahoo.co.uk", "areeG"), ("hoo.co.uk", "is@yah")]:
        first = _line((domain, Box(787, 689, 150, 16), 90.0))
        bullets = _line((read, Box(742, 689, 58, 17), 40.0))
        assert with_second_looks(first, [(Box(740, 680, 68, 24), bullets)]).text == (
            f"{domain}\n{read}"
        )


def test_a_second_look_gives_a_word_back_the_first_letters_it_lost() -> None:
    # A photographed letter: the accent of "INÈS" hid its "IN" from the first reading.
    first = _line(
        ("BONNET,", Box(484, 843, 110, 19), 90.0),
        ("ES", Box(636, 840, 24, 24), 60.0),
        ("on", Box(670, 843, 20, 19), 90.0),
    )
    look = _line(("INE", Box(604, 840, 45, 25), 70.0))
    both = with_second_looks(first, [(Box(600, 838, 50, 28), look)])
    assert both.text == "BONNET, INES on"
    assert [both.text[w.start : w.end] for w in both.words] == ["BONNET,", "INES", "on"]
    assert both.words[1].box.left == 604
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "BONNET,INESon"
    # A word read on its own line ("61" of "3061") makes way for the look's, which joins
    # the line its next word read into.
    first = merge(
        [
            _line(("Union", Box(484, 185, 118, 28), 90.0)),
            _line(("61", Box(512, 261, 19, 8), 40.0)),
            _line(("Cedar", Box(564, 257, 46, 11), 80.0), ("Lane,", Box(620, 257, 50, 11), 80.0)),
        ]
    )
    look = _line(("3061", Box(484, 254, 49, 18), 80.0), ("Ced:", Box(549, 253, 45, 17), 50.0))
    both = with_second_looks(first, [(Box(459, 253, 126, 19), look)])
    assert both.text == "Union\n3061 Cedar Lane,"
    assert len({w.line for w in both.words[1:]}) == 1
    # ... but one the look read only the start of keeps its own letters ("Dashb" over "board").
    first = merge(
        [
            _line(("Helpdesk", Box(20, 30, 80, 16), 90.0)),
            _line(("board", Box(67, 91, 39, 12), 90.0)),
        ]
    )
    look = _line(("Dashb", Box(31, 91, 40, 12), 90.0))
    assert with_second_looks(first, [(Box(26, 90, 42, 14), look)]).text == "Helpdesk\nDashboard"
    # The look read the same word shifted, not its lost start: nothing changes.
    first = _line(("Emi", Box(334, 511, 40, 18), 90.0), ("Takahashi", Box(399, 513, 86, 19), 90.0))
    look = _line(("Taka", Box(383, 512, 50, 19), 60.0))
    assert with_second_looks(first, [(Box(354, 510, 68, 22), look)]).text == "Emi Takahashi"


def test_a_second_look_over_a_letter_the_first_reading_saw_half_of_gives_it_back() -> None:
    # "Thompson" on a radiograph first read "npson": the left part of its "m" lost, the rest
    # read as "n". The look's "m" stands over the word's left edge and takes the "n"'s place.
    first = _line(
        ("Jessica", Box(176, 1872, 141, 40), 94.0), ("npson", Box(427, 1884, 153, 23), 72.0)
    )
    look = _line(("Thompsor", Box(334, 1872, 211, 41), 93.0))
    both = with_second_looks(first, [(Box(330, 1870, 100, 44), look)])
    assert both.text == "Jessica Thompson"
    assert both.words[1].box.left == 334
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "JessicaThompson"
    # Any other letter over the edge is other ink: nothing changes.
    look = _line(("Thoopsor", Box(334, 1872, 211, 41), 93.0))
    assert with_second_looks(first, [(Box(330, 1870, 100, 44), look)]).text == "Jessica npson"


def test_a_second_look_drops_words_already_read_and_marks_without_letters() -> None:
    first = _pieces_ocr([("Dashboard", (20, 30, 90, 16))])
    look = _pieces_ocr(
        [
            ("Dashb", (25, 30, 40, 16)),  # part of a word read the first time
            ("|", (300, 30, 3, 16)),  # an icon's edge
            ("Felix", (20, 400, 50, 16)),  # text the first look missed, far from any line
        ]
    )
    assert with_second_looks(first, [(Box(20, 30, 300, 386), look)]).text == "Dashboard\nFelix"


def test_a_piece_read_again_takes_the_place_of_the_first_reading() -> None:
    first = merge(
        [
            _line(("ssu", Box(10, 10, 24, 12), 32.0), ("72-06-1086", Box(40, 10, 70, 12), 18.0)),
            _line(("Name", Box(10, 40, 40, 12), 96.0)),
        ]
    )
    again = _line(("SSN", Box(10, 10, 26, 12), 96.0), ("720-06-1086", Box(40, 10, 72, 12), 91.0))
    assert better(list(first.words[:2]), again)
    both = with_second_looks(first, [], [([0, 1], again)])
    assert both.text == "SSN 720-06-1086\nName"
    assert [both.text[w.start : w.end] for w in both.words] == ["SSN", "720-06-1086", "Name"]
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "SSN720-06-1086Name"
    assert all(both.words[s.word].start <= s.start < both.words[s.word].end for s in both.symbols)


def test_a_row_read_again_from_a_line_over_two_rows_is_a_line_of_its_own() -> None:
    first = merge(
        [
            _line(
                ("BORO", Box(1, 0, 101, 21), 11.0),
                ("oo", Box(135, 38, 28, 21), 2.0),
                ("dee", Box(175, 38, 52, 21), 0.0),
            ),
            _line(("Tel:", Box(600, 60, 40, 21), 96.0)),
        ]
    )
    name = _line(("MAI", Box(1, 0, 48, 21), 96.0), ("NGO", Box(64, 0, 62, 21), 97.0))
    date = _line(("DOB:", Box(1, 38, 68, 21), 93.0), ("27.02.1954", Box(84, 38, 156, 21), 90.0))
    both = with_second_looks(first, [], [([0], name), ([1, 2], date)])
    assert both.text == "MAI NGO\nDOB: 27.02.1954\nTel:"
    assert len({w.line for w in both.words}) == 3
    assert "".join(both.text[s.start : s.end] for s in both.symbols) == "MAINGODOB:27.02.1954Tel:"


def test_a_second_reading_with_less_confidence_or_several_lines_is_not_better() -> None:
    old = [Word(0, 3, Box(0, 0, 20, 10), 0, 50.0)]
    assert not better(old, _line(("720-006-1086", Box(0, 0, 20, 10), 0.0)))
    assert not better(old, merge([_line(("a", Box(0, 0, 9, 9), 90.0))] * 2))


def test_as_doubtful_a_second_reading_that_fills_the_piece_beats_letters_far_apart() -> None:
    # a dark table's SSN: "mace" at 0, 70 pixels wide, then "83 6-03-3161" at 0 over it
    old = [Word(0, 4, Box(930, 296, 70, 9), 0, 0.0)]
    again = _line(("83", Box(930, 296, 12, 9), 0.0), ("6-03-3161", Box(944, 296, 56, 9), 0.0))
    assert better(old, again)
    assert not better(old, _line(("ace", Box(930, 296, 70, 9), 0.0)))  # far apart too
    filled = [Word(0, 12, Box(930, 296, 70, 9), 0, 0.0)]  # "836-O3-3161" at 0
    assert not better(filled, again)


def test_several_lines_read_again_replace_one_word_garbled_past_reading_over_them() -> None:
    # a chat's header: "eou" at 0 over "Bao Bui" and "online" below it
    old = [Word(0, 3, Box(356, 10, 119, 45), 0, 0.0)]
    lines = merge(
        [
            _line(("Bao", Box(413, 18, 25, 13), 97.0), ("Bui", Box(443, 18, 32, 13), 97.0)),
            _line(("online", Box(413, 38, 40, 10), 95.0)),
        ]
    )
    assert better(old, lines)
    assert not better([replace(old[0], confidence=30.0)], lines)  # read, if doubtfully
    assert not better([replace(old[0], box=Box(356, 10, 119, 25))], lines)  # not over both
    # "One", read with doubt from the picture, the name and "online", boxed far wider than
    # three letters
    stretched = [Word(0, 3, Box(356, 10, 141, 45), 0, 42.0)]
    assert better(stretched, lines)
    assert not better([replace(stretched[0], end=4)], lines)  # four letters fill that box


def _letterhead(grey: int = 150) -> np.ndarray:
    """A photographed letter's head: a dark title over two lines of small grey print,
    blurred by the lens, that tesseract's first reading drops."""
    image = Image.new("RGB", (900, 300), (226, 220, 205))
    draw = ImageDraw.Draw(image)
    draw.text((40, 30), "Fabrikam Health Services", font=font(28), fill=(20, 20, 20))
    draw.text((40, 80), "6181 Church Road, Madison, WI 53703", font=font(15), fill=(grey,) * 3)
    draw.text((40, 104), "Tel: (312) 555-0113", font=font(15), fill=(grey,) * 3)
    draw.text((40, 200), "We have reviewed the documents", font=font(18), fill=(30, 30, 30))
    return cv2.GaussianBlur(cv2.cvtColor(np.array(image), cv2.COLOR_RGB2BGR), (0, 0), 1.3)


def test_faint_grey_print_the_first_reading_drops_is_read_on_a_second_look(ocr_engine) -> None:
    image = _letterhead()
    assert "555-0113" not in ocr_engine.read(image, look_again=False).text
    prepared = prepare(image)
    # At the contrast that finds ordinary text, the grey lines leave no line of edges.
    strong = unread_lines(text_edges(prepared.gray), OcrText("", (), ()), prepared)
    assert all(r.bottom < 80 + prepared.origin_y or r.top > 125 + prepared.origin_y for r in strong)
    ocr = ocr_engine.read(image)
    assert "6181 Church Road, Madison, WI 53703" in ocr.text
    assert "(312) 555-0113" in ocr.text
    assert "Fabrikam Health Services" in ocr.text


def test_the_faint_threshold_rises_with_the_grain_around_it() -> None:
    clean = np.full((400, 600), 220, np.uint8)
    assert (faint_thresholds(clean) == FAINT_CONTRAST).all()
    assert faint_thresholds(clean).shape == text_edges(clean).shape
    grain = np.random.default_rng(3).normal(0, 9, clean.shape)
    grainy = np.clip(clean + grain, 0, 255).astype(np.uint8)
    assert (faint_thresholds(grainy) == EDGE_CONTRAST).all()
    # On an image that grainy there is no faint pass at all.
    assert faint_lines(OcrText("", (), ()), prepare(grainy), []) == ([], [])
    assert faint_edges(prepare(grainy)) is None
    # A sheet of smooth paper on a grainy desk: the paper is searched to its faintest print.
    desk = grainy.copy()
    desk[128:320, 128:448] = 220
    thresholds = faint_thresholds(desk)
    assert (thresholds[128:320, 64:224] == FAINT_CONTRAST).all()
    assert (thresholds[:64] == EDGE_CONTRAST).all()


def test_faint_lines_leave_out_regions_already_found_and_widen_the_rest() -> None:
    prepared = prepare(_letterhead())
    nothing = OcrText("", (), ())
    found, _ = faint_lines(nothing, prepared, [])
    assert len(found) >= 2  # the title, the address and the phone number, at least
    address = next(r for r in found if r.top <= 88 + prepared.origin_y <= r.bottom)
    assert address.left < 40 + prepared.origin_x - address.height // 2  # widened
    assert faint_lines(nothing, prepared, [address])[0] == [r for r in found if r != address]
    # the faint map made beforehand, as while a split reading's bands are read: the same
    assert faint_lines(nothing, prepared, [address], faint_edges(prepared))[0] == [
        r for r in found if r != address
    ]


def test_a_region_found_takes_in_the_faint_start_of_its_line() -> None:
    # light falling off across a photographed page: the start of a line fades below the
    # contrast that finds ordinary text, its end does not
    image = Image.new("RGB", (900, 120), (236, 236, 236))
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "5510 Park Place,", font=font(24), fill=(206, 206, 206))
    start = draw.textbbox((40, 40), "5510 Park Place,", font=font(24))
    x = draw.textbbox((40, 40), "5510 Park Place, ", font=font(24))[2]
    draw.text((x, 40), "Austin, TX 78701", font=font(24), fill=(60, 60, 60))
    prepared = prepare(cv2.cvtColor(np.array(image), cv2.COLOR_RGB2BGR))
    nothing = OcrText("", (), ())
    regions = unread_lines(text_edges(prepared.gray), nothing, prepared)
    assert len(regions) == 1 and regions[0].left > start[2] + prepared.origin_x
    faint, lengthened = faint_lines(nothing, prepared, regions)
    assert faint == [] and len(lengthened) == 1
    assert lengthened[0].left <= start[0] + prepared.origin_x + 4


def test_only_lines_read_with_confidence_are_kept_from_a_faint_region() -> None:
    look = merge(
        [
            _line(("I", Box(0, 0, 4, 12), 95.0), ("certify", Box(8, 0, 50, 12), 96.0)),
            _line(("sR", Box(0, 14, 14, 12), 8.0), ("CRI", Box(20, 14, 20, 12), 25.0)),
            _line(("complete", Box(0, 28, 60, 12), FAINT_CONFIDENCE)),
        ]
    )
    assert confident_lines(look).text == "I certify\ncomplete"
    assert confident_lines(merge([_line(("ay", Box(0, 0, 9, 9), 12.0))])).text == ""


def test_a_doubtful_faint_line_is_kept_when_another_scale_reads_it_the_same() -> None:
    phone = _line(("305-596-7375", Box(0, 0, 190, 22), 23.0))
    grain = _line(("sR", Box(0, 30, 14, 12), 8.0), ("CRI", Box(20, 30, 20, 12), 25.0))
    look = merge([phone, grain])
    again = merge(
        [_line(("305-596-7375", Box(0, 0, 190, 22), 15.0)), _line(("a", Box(0, 30, 9, 9), 5.0))]
    )
    assert confident_lines(look, lambda: again).text == "305-596-7375"
    # grain read differently at the other scale is still dropped
    assert (
        confident_lines(
            grain,
            lambda: merge(
                [_line(("5R", Box(0, 30, 14, 12), 9.0), ("CRl", Box(20, 30, 20, 12), 20.0))]
            ),
        ).text
        == ""
    )


def test_a_faint_line_is_read_again_only_when_a_piece_of_it_is_doubtful() -> None:
    def never() -> OcrText:
        raise AssertionError("read again")

    sure = _line(("complete", Box(0, 0, 60, 12), 90.0))
    assert confident_lines(sure, never).text == "complete"
    # a doubtful piece with fewer than CONFIRMED_CHARS letters and digits is not worth it
    assert confident_lines(_line(("ay", Box(0, 0, 9, 9), 12.0)), never).text == ""


def test_a_faint_label_read_as_nothing_is_read_again_as_one_line() -> None:
    image = Image.new("L", (200, 60), 225)
    draw = ImageDraw.Draw(image)
    draw.text((40, 20), "MRN:", font=font(12), fill=150)
    left, top, right, bottom = draw.textbbox((40, 20), "MRN:", font=font(12))
    prepared = prepare(cv2.GaussianBlur(np.array(image), (0, 0), 0.8))
    region = Box(left + 20, top + 20, right - left, bottom - top)
    api = PyTessBaseAPI(path=tessdata_path(), lang="eng", psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
    try:
        # What the first way of reading it gives: enlarged, as a block.
        margin = max(4, region.height // 2)
        crop = prepared.gray[
            region.top - margin : region.bottom + margin,
            region.left - margin : region.right + margin,
        ]
        crop = np.ascontiguousarray(
            cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        )
        api.SetPageSegMode(PSM.SINGLE_BLOCK)
        api.SetImageBytes(crop.tobytes(), crop.shape[1], crop.shape[0], 1, crop.shape[1])
        assert api.GetUTF8Text().strip() == ""
        look = second_look(api, prepared, region)
    finally:
        api.End()
    assert look.text == "MRN:"
    assert overlap(look.words[0].box, Box(left, top, right - left, bottom - top)) > 0.7


def test_text_with_a_word_read_with_low_confidence_is_read_again_large_text_only_alone() -> None:
    prepared = prepare(np.full((400, 300), 255, np.uint8))
    ocr = merge(
        [
            _line(("BAN:", Box(10, 10, 30, 11), 8.0), ("FR76", Box(50, 10, 30, 11), 89.0)),
            _line(("Telephone:", Box(10, 30, 70, 11), 95.0)),  # confident
            _line(("jon", Box(10, 75, 60, 40), 0.0)),  # large, reaching into "RN": left alone
            _line(("RN", Box(10, 110, 16, 11), 56.0)),  # a short label, not quite sure
            _line(
                *[
                    (w, Box(40 * k, 130, 36, 11), 60.0)
                    for k, w in enumerate("a line that is long".split())
                ]
            ),
            _line(("pees)", Box(10, 200, 200, 38), 25.0)),  # large, alone: garbled, read again
            _line(("Member", Box(10, 250, 90, 38), 40.0)),  # large, not low enough
            # large and garbled beside a word read with doubt from the same ink: read again
            _line(("a", Box(10, 300, 150, 24), 7.0), ("se", Box(170, 300, 60, 23), 29.0)),
            _line(("a", Box(0, 306, 40, 18), 39.0)),
            # one line over two rows, in a radiograph's corner: each row on its own, the
            # lower one clear of the confident word beside it
            _line(
                ("BORO", Box(1, 340, 101, 21), 11.0),
                ("oo", Box(135, 378, 28, 21), 2.0),
                ("dee", Box(175, 378, 52, 21), 0.0),
            ),
            _line(("DOB:", Box(60, 378, 60, 21), 96.0)),
        ]
    )
    found = doubtful_pieces(ocr, prepared)
    assert [piece for piece, _ in found] == [[0, 1], [4], [10], [12, 13], [15], [16, 17]]
    assert found[0][1] == Box(30, 30, 70, 11)  # in the bordered image


def test_a_mark_read_under_a_garbled_large_line_does_not_keep_it_from_a_second_look() -> None:
    # "MRN: 04480710" at a radiograph's edge read "MEN: Sano:", a 4-pixel ":" read below
    prepared = prepare(np.full((200, 400), 255, np.uint8))
    ocr = merge(
        [
            _line(("MEN:", Box(0, 78, 60, 19), 24.0), ("Sano:", Box(78, 78, 134, 19), 0.0)),
            _line((":", Box(52, 93, 4, 4), 84.0)),
            _line(("kVp", Box(0, 130, 40, 19), 12.0), ("106", Box(50, 130, 40, 19), 20.0)),
            _line(("mAs", Box(30, 140, 50, 12), 90.0)),  # a word reaching into it: left alone
        ]
    )
    assert [piece for piece, _ in doubtful_pieces(ocr, prepared)] == [[0, 1]]


def test_a_word_boxed_far_wider_than_its_letters_is_read_again_when_alone() -> None:
    prepared = prepare(np.full((200, 500), 255, np.uint8))
    ocr = merge(
        [
            _line(("VEN", Box(6, 10, 332, 34), 43.0)),  # all of "MRN A-601634" as three letters
            _line(("Sex:", Box(4, 60, 91, 34), 43.0)),  # as wide as its letters
            _line(("ARN", Box(6, 110, 332, 34), 43.0)),  # stretched, but another word in it
            _line(("A-601634", Box(127, 110, 211, 34), 92.0)),
            _line(("VEN", Box(6, 160, 332, 34), 75.0)),  # stretched, but read with confidence
        ]
    )
    assert [piece for piece, _ in doubtful_pieces(ocr, prepared)] == [[0]]


def test_a_tiny_word_read_with_doubt_beside_a_tall_one_is_a_speck() -> None:
    padraig = Box(167, 1230, 129, 31)
    tiny = Box(338, 1238, 2, 3)
    assert speck("M:", 72.0, tiny, padraig)  # between "Padraig" and "cCarthy"
    assert not speck("M:", 72.0, tiny, None)  # first on its line
    assert not speck("M:", 95.0, tiny, padraig)  # read with confidence
    assert not speck("Mc", 72.0, Box(338, 1238, 8, 8), padraig)  # a letter's size
    assert not speck("Mcc", 72.0, tiny, padraig)  # three letters are a word
    assert not speck(".", 72.0, tiny, padraig)  # punctuation
    assert speck(":", 53.0, Box(317, 1122, 3, 3), Box(154, 1121, 67, 21))  # a dot, not a colon


def test_a_doubtful_line_across_a_column_gap_is_read_again_a_column_at_a_time() -> None:
    # a dark sidebar's highlighted item, boxed with its pill, read on one line with the
    # table's first row beyond the sidebar's edge ("Saoirse McCarthy" read "exiathendy")
    prepared = prepare(np.full((300, 600), 40, np.uint8))
    ocr = _line(
        ("(customers", Box(8, 119, 102, 37), 45.0), ("exiathendy", Box(275, 139, 102, 13), 0.0)
    )
    found = doubtful_pieces(ocr, prepared)
    assert [piece for piece, _ in found] == [[1]]
    assert found[0][1].width == 102


def test_a_speck_read_as_a_word_stays_in_the_row_it_lies_in() -> None:
    # "nt", three pixels tall, read from the ink of "Okonkwo" on a radiograph: the line is
    # read again whole, not the speck on its own
    prepared = prepare(np.full((1100, 600), 0, np.uint8))
    ocr = _line(
        ("Tech:", Box(26, 979, 61, 17), 93.0),
        ("Ikechukw", Box(108, 975, 105, 22), 92.0),
        ("nt", Box(277, 984, 17, 3), 22.0),
    )
    assert [piece for piece, _ in doubtful_pieces(ocr, prepared)] == [[0, 1, 2]]


def test_large_letter_spaced_text_is_one_unread_line_and_a_bubble_around_text_is_not() -> None:
    image = Image.new("L", (900, 260), 255)
    draw = ImageDraw.Draw(image)
    x = 20
    for letter in "DAVIDSON":  # burnt-in capitals, wide apart
        draw.text((x, 20), letter, font=font(40), fill=0)
        x += 48
    draw.rounded_rectangle((20, 120, 420, 230), radius=24, outline=0, width=2)  # a bubble
    draw.text((40, 160), "ask Ngozi Okafor", font=font(16), fill=0)
    prepared = prepare(np.array(image))
    found = unread_lines(text_edges(prepared.gray), OcrText("", (), ()), prepared)
    name = [b for b in found if b.top < 100]
    assert len(name) == 1 and name[0].width >= 7 * 48  # the whole word, not its letters
    bubble = [b for b in found if b.top > 100]
    assert bubble and all(b.height < 40 for b in bubble)  # the line of text, not the bubble


def _form_row(label: str, value: str) -> tuple[np.ndarray, Box, Box]:
    """A small label between two rules, the underline of the row above and its own value:
    the label's box, and a box from the rule above to the value's top."""
    image = Image.new("L", (420, 90), 255)
    draw = ImageDraw.Draw(image)
    draw.line((10, 20, 400, 20), fill=120)
    small, body = font(11), font(16)
    draw.text((12, 32), label, font=small, fill=70)
    left, top, right, bottom = draw.textbbox((12, 32), label, font=small)
    draw.text((12, 50), value, font=body, fill=20)
    label_box = Box(left, top, right - left, bottom - top)
    tall = Box(left - 2, 20, right - left + 4, 52 - 20)
    return np.array(image), label_box, tall


def test_a_word_box_reaching_the_rule_above_and_the_value_below_is_cut_to_its_ink() -> None:
    gray, label, tall = _form_row("MRN", "00915323")
    p = prepare(gray, border=0)
    ocr = _pieces_ocr(
        [("MRN", (tall.left, tall.top, tall.width, tall.height)), ("00915323", (12, 50, 90, 14))]
    )
    words = ocr.words + tuple(
        Word(0, 0, Box(200 + 30 * k, 60, 20, 12), 5, 90.0) for k in range(3)
    )  # typical words of the page
    trimmed = trim_tall_words(OcrText(ocr.text, words, ocr.symbols), p)
    box = trimmed.words[0].box
    assert box.top >= label.top - 1 and box.bottom <= label.bottom + 1
    assert box.bottom - box.top >= label.height - 2
    assert trimmed.words[1] == words[1]  # a word of the typical height keeps its box
    assert all(s.box.top == box.top for s in trimmed.symbols if s.word == 0)


def test_a_tall_word_of_large_text_keeps_its_box() -> None:
    image = Image.new("L", (300, 80), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 10), "Employee", font=font(40), fill=0)
    left, top, right, bottom = draw.textbbox((10, 10), "Employee", font=font(40))
    big = Box(left, top, right - left, bottom - top)
    words = (Word(0, 8, big, 0, 95.0),) + tuple(
        Word(0, 0, Box(10 + 30 * k, 70, 20, 10), 1, 90.0) for k in range(3)
    )
    trimmed = trim_tall_words(OcrText("Employee", words, ()), prepare(np.array(image), border=0))
    assert abs(trimmed.words[0].box.top - big.top) <= 2
    assert abs(trimmed.words[0].box.bottom - big.bottom) <= 2


@pytest.mark.parametrize("size", [12, 14, 20])
def test_bullets_masking_an_address_are_read_as_bullets_and_real_addresses_as_they_are(
    ocr_engine: OcrEngine, size: int
) -> None:
    # tesseract alone reads these bullets as "is*+", "joeee", "Meeee +" or not at all
    doc = render(
        [["Email"], ["i\u2022\u2022\u2022@example.com", "zoe@example.com"],
         ["m\u2022\u2022\u2022\u2022@mail.example.org", "lee.moo@web.de"]],
        size=size, width=700, line_gap=size, ink=(120, 120, 120),
    )  # fmt: skip
    text = ocr_engine.read(_bgr(doc)).text
    # the bullets may stand apart from the "@", as tesseract split them: detection joins them
    assert re.search("\u2022{3} ?@example.com", text), text
    assert re.search("\u2022{4} ?@mail.example.org", text), text
    assert "zoe@example.com" in text  # round letters before an "@" are no bullets
    assert "moo@web.de" in text


def _drawn(text: str, size: int = 14) -> tuple[np.ndarray, list[Box]]:
    """text drawn in grey, and the box of each of its characters."""
    image = Image.new("L", (40 + 12 * size, 40), 255)
    draw = ImageDraw.Draw(image)
    face = font(size)
    draw.text((10, 10), text, font=face, fill=110)
    boxes = []
    for k in range(len(text)):
        right = 10 + int(draw.textlength(text[: k + 1], font=face))
        left = 10 + int(draw.textlength(text[:k], font=face))
        boxes.append(Box(left, 12, max(1, right - left), size))
    return np.array(image), boxes


def test_a_user_name_split_off_and_misread_becomes_letters_and_bullets_in_one_word() -> None:
    gray, chars = _drawn("p\u2022\u2022\u2022@example.com")
    # as tesseract read it: "pe ee @example.com", the bullets as e's in two words
    pe, ee = union(chars[0:2]), union(chars[2:4])
    at = union(chars[4:])
    ocr = OcrText(
        "Email pe ee @example.com",
        (
            Word(0, 5, Box(10, 0, 40, 10), 0, 90.0),
            Word(6, 8, pe, 1, 80.0),
            Word(9, 11, ee, 1, 80.0),
            Word(12, 24, at, 1, 80.0),
        ),
        (
            Symbol(6, 7, chars[0], 1),
            Symbol(7, 8, chars[1], 1),
            Symbol(9, 10, chars[2], 2),
            Symbol(10, 11, chars[3], 2),
            *(Symbol(12 + k, 13 + k, chars[4 + k], 3) for k in range(12)),
        ),
    )
    shown = shown_bullets(ocr, prepare(gray, border=0))
    assert shown.text == "Email p\u2022\u2022\u2022 @example.com"
    assert [shown.text[w.start : w.end] for w in shown.words] == [
        "Email", "p\u2022\u2022\u2022", "@example.com"
    ]  # fmt: skip
    bullets = [s for s in shown.symbols if shown.text[s.start : s.end] == "\u2022"]
    for bullet, drawn in zip(bullets, chars[1:4], strict=True):
        assert drawn.left - 1 <= bullet.box.left and bullet.box.right <= drawn.right + 1
    assert shown.words[1].box.right >= bullets[-1].box.right


def test_a_colon_before_an_underlined_address_is_no_bullets() -> None:
    # a form's field: "Email:" and the address on a line the "@" touches; the line is no
    # part of the "@", and the colon's dots, one above the other, are no row of bullets
    text = "Email: lewis.b@mail.org"
    gray, chars = _drawn(text)
    assert chars[-1].right < gray.shape[1]
    at = text.index("@")
    value = union(chars[7:])
    gray[chars[at].bottom - 2 : chars[at].bottom, chars[6].right : value.right + 4] = 110
    ocr = OcrText(
        text,
        (Word(0, 6, union(chars[:6]), 0, 90.0), Word(7, len(text), value, 0, 90.0)),
        tuple(Symbol(k, k + 1, chars[k], 0 if k < 6 else 1) for k in range(len(text)) if k != 6),
    )
    assert shown_bullets(ocr, prepare(gray, border=0)) == ocr


def test_an_address_without_bullets_is_left_as_read() -> None:
    gray, chars = _drawn("moo@example.com")
    ocr = OcrText(
        "moo@example.com",
        (Word(0, 15, union(chars), 0, 90.0),),
        tuple(Symbol(k, k + 1, chars[k], 0) for k in range(15)),
    )
    assert shown_bullets(ocr, prepare(gray, border=0)) == ocr


def test_second_looks_on_two_apis_are_read_as_on_one_in_order_and_errors_are_raised() -> None:
    from inkout.ocr import _look_tasks, _on_apis

    image, _ = _side_panel()
    prepared = prepare(image)
    nothing = OcrText("", (), ())
    regions = unread_lines(text_edges(prepared.gray), nothing, prepared)
    tasks = _look_tasks(prepared, nothing, regions, [], [])
    assert len(tasks) >= 3
    apis = [PyTessBaseAPI(path=tessdata_path(), lang="eng", oem=OEM.LSTM_ONLY) for _ in range(2)]
    threads = ThreadPoolExecutor(2)
    try:
        one = _on_apis(apis[:1], tasks, threads)
        assert _on_apis(apis, tasks, threads) == one
        assert [found[0][0] for found, _ in one] == regions
        assert "192.168.20.252" in "".join(found[0][1].text for found, _ in one)

        def broken(api: PyTessBaseAPI):
            raise RuntimeError("tesseract failed")

        with pytest.raises(RuntimeError, match="tesseract failed"):
            _on_apis(apis, [*tasks, broken], threads)
    finally:
        threads.shutdown()
        for api in apis:
            api.End()
