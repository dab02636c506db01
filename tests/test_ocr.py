"""OCR: text and boxes in the input's coordinates, for the kinds of images users send."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np
from render import overlap, render

from inkout.ocr import OcrEngine, prepare, to_gray8


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
    assert (prepared.width, prepared.height, prepared.border) == (80, 50, 20)


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
