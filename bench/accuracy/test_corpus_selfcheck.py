"""Self-check of the accuracy corpus: the ground truth is only useful if it is right."""

from __future__ import annotations

import re
from functools import cache

import cv2
import numpy as np
import pytest

from accuracy.corpus import KINDS, Sample, build, iban_valid, luhn_digit


@cache
def corpus() -> tuple[Sample, ...]:
    return tuple(build())


def decode(sample: Sample) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(sample.data, np.uint8), cv2.IMREAD_GRAYSCALE)


def test_same_seed_same_bytes() -> None:
    a, b = build(seed=3, per_kind=1), build(seed=3, per_kind=1)
    assert [(s.data, s.items) for s in a] == [(s.data, s.items) for s in b]
    assert [s.data for s in build(seed=4, per_kind=1)] != [s.data for s in a]


def test_shape_of_the_corpus() -> None:
    samples = corpus()
    assert len({s.name for s in samples}) == len(samples) == 6 * len(KINDS)
    for s in samples:
        assert s.kind in KINDS
        assert s.format == ("jpeg" if s.kind in ("scan", "photo") else "png")
        assert s.data[:4] == (b"\xff\xd8\xff\xe0" if s.format == "jpeg" else b"\x89PNG")
        values = [i for i in s.items if i.info_type]
        words = [i for i in s.items if i.info_type is None]
        assert 4 <= len(values) <= 12, s.name
        assert 15 <= len(words) <= 150, s.name
        assert all(" " not in w.text for w in words), s.name


@pytest.mark.parametrize("kind", KINDS)
def test_boxes_are_inside_and_hold_ink(kind: str) -> None:
    for s in corpus():
        if s.kind != kind:
            continue
        image = decode(s)
        h, w = image.shape
        for item in s.items:
            b = item.box
            assert 0 <= b.left < b.right <= w and 0 <= b.top < b.bottom <= h, (s.name, item)
            region = image[b.top : b.bottom, b.left : b.right].astype(np.int16)
            assert region.max() - region.min() > 40, (s.name, item.text)


def test_values_are_valid() -> None:
    seen: set[str] = set()
    for s in corpus():
        for item in s.items:
            t, text = item.info_type, item.text
            if t is None:
                continue
            seen.add(t)
            if t == "CREDIT_CARD_NUMBER":
                digits = re.sub(r"[ -]", "", text)
                assert digits[-1] == luhn_digit(digits[:-1]) and len(digits) in (15, 16), text
            elif t == "IBAN_CODE":
                assert iban_valid(text) and text[:2] in ("DE", "GB", "FR", "NL"), text
            elif t == "US_SOCIAL_SECURITY_NUMBER":
                area, group, serial = (int(x) for x in text.split("-"))
                assert 1 <= area <= 899 and area != 666 and group >= 1 and serial >= 1, text
            elif t == "MEDICAL_RECORD_NUMBER":
                assert "MRN" not in text, text
    assert seen == {
        "PERSON_NAME",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "US_SOCIAL_SECURITY_NUMBER",
        "CREDIT_CARD_NUMBER",
        "IBAN_CODE",
        "IP_ADDRESS",
        "URL",
        "DATE_OF_BIRTH",
        "STREET_ADDRESS",
        "MEDICAL_RECORD_NUMBER",
    }


def test_known_check_digits() -> None:
    assert iban_valid("DE89 3704 0044 0532 0130 00")
    assert iban_valid("GB29 NWBK 6016 1331 9268 19")
    assert luhn_digit("411111111111111") == "1"


def test_some_medical_text_touches_the_top_left_edge() -> None:
    tops = [min(i.box.top for i in s.items) for s in corpus() if s.kind == "medical"]
    assert min(tops) <= 4
