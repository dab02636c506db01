"""Test images rendered by the tests themselves, with the pixel box of every text segment."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from inkout.model import Box

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise FileNotFoundError("no TrueType font: make setup installs fonts-dejavu-core")


@dataclass
class Rendered:
    image: Image.Image
    boxes: dict[str, Box]  # segment text -> where it was drawn

    def png(self) -> bytes:
        return encode(self.image, "PNG")

    def array(self) -> np.ndarray:
        return np.array(self.image)


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def render(
    lines: list[list[str]],
    size: int = 30,
    width: int = 1100,
    margin: int = 40,
    line_gap: int = 24,
    background: tuple[int, int, int] = (255, 255, 255),
    ink: tuple[int, int, int] = (0, 0, 0),
) -> Rendered:
    """Draw lines of segments (a space between segments) and record each segment's box."""
    face = font(size)
    height = margin * 2 + len(lines) * (size + line_gap)
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    boxes: dict[str, Box] = {}
    y = margin
    space = draw.textlength(" ", font=face)
    for segments in lines:
        x = float(margin)
        for text in segments:
            left, top, right, bottom = draw.textbbox((x, y), text, font=face)
            draw.text((x, y), text, font=face, fill=ink)
            boxes[text] = Box(int(left), int(top), int(right - left), int(bottom - top))
            x += draw.textlength(text, font=face) + space
        y += size + line_gap
    return Rendered(image, boxes)


def overlap(a: Box, b: Box) -> float:
    """Share of b's area that a covers."""
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    return 0.0 if w <= 0 or h <= 0 else (w * h) / (b.width * b.height)
