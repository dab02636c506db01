"""Reference images for the speed benchmarks, rendered here with a fixed seed.

Five kinds that users send: a UI screenshot, an A4 scan at 300 dpi, a small receipt, a
photo of a document, and a grayscale medical image with burnt-in text.
"""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np
from accuracy.corpus import luhn_digit
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from tesserocr import OEM, PSM, PyTessBaseAPI

from inkout.ocr import tessdata_path

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

FIRST = [
    "Maria",
    "James",
    "Aiko",
    "Oluwaseun",
    "Lukas",
    "Priya",
    "Mateo",
    "Chloe",
    "Dmitri",
    "Fatima",
]
LAST = [
    "Garcia",
    "Okafor",
    "Tanaka",
    "Schmidt",
    "Patel",
    "Rossi",
    "Nguyen",
    "Dubois",
    "Kowalski",
    "Haddad",
]
STREETS = ["Maple Avenue", "High Street", "Elm Road", "Harbor Way", "Cedar Lane", "Park Place"]
CITIES = ["Springfield, IL 62704", "Portland, OR 97205", "Austin, TX 78701", "Denver, CO 80202"]


@dataclass(frozen=True)
class Reference:
    name: str
    data: bytes
    format: str
    width: int
    height: int


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _luhn(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    s = body + luhn_digit(body)
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


class People:
    """Deterministic fake people: names, e-mails, phones, SSNs, cards, addresses."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def person(self) -> dict[str, str]:
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        return {
            "name": f"{first} {last}",
            "email": f"{first.lower()}.{last.lower()}@example.com",
            "phone": f"({r.randrange(201, 990)}) {r.randrange(200, 990)}-{r.randrange(1000, 9999)}",
            "ssn": f"{r.randrange(100, 665)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}",
            "card": _luhn("4", 16, r),
            "address": f"{r.randrange(10, 9999)} {r.choice(STREETS)}",
            "city": r.choice(CITIES),
            "dob": f"{r.randrange(1, 12):02d}/{r.randrange(1, 28):02d}/{r.randrange(1940, 2005)}",
            "mrn": f"MRN {r.randrange(1000000, 9999999)}",
        }


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _jpeg(image: Image.Image, quality: int = 88) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def ui_screenshot(seed: int = 1) -> Image.Image:
    """1280x800 admin page: side bar, a header and a table of customers."""
    people = People(seed)
    img = Image.new("RGB", (1280, 800), (248, 249, 251))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 220, 800), fill=(33, 37, 41))
    for i, item in enumerate(["Dashboard", "Customers", "Orders", "Invoices", "Settings"]):
        d.text((24, 90 + 44 * i), item, font=_font(SANS, 16), fill=(220, 220, 220))
    d.rectangle((220, 0, 1280, 60), fill=(255, 255, 255))
    d.text((244, 18), "Customers", font=_font(SANS_BOLD, 20), fill=(20, 20, 20))
    cols = [(244, "Name"), (444, "Email"), (744, "Phone"), (924, "Card"), (1164, "Status")]
    y = 90
    for x, title in cols:
        d.text((x, y), title, font=_font(SANS_BOLD, 14), fill=(90, 90, 90))
    for row in range(16):
        p = people.person()
        y = 124 + row * 40
        if row % 2:
            d.rectangle((232, y - 8, 1268, y + 28), fill=(240, 242, 245))
        values = [p["name"], p["email"], p["phone"], p["card"], "Active"]
        for (x, _), value in zip(cols, values, strict=True):
            d.text((x, y), value, font=_font(SANS, 14), fill=(30, 30, 30))
    return img


def a4_scan(seed: int = 2) -> Image.Image:
    """2480x3508 (A4 at 300 dpi) letter, grey paper, slight rotation and noise."""
    people = People(seed)
    p = people.person()
    img = Image.new("L", (2480, 3508), 238)
    d = ImageDraw.Draw(img)
    body = _font(SERIF, 42)
    y = 260
    for line in [p["name"], p["address"], p["city"], "", "Dear Sir or Madam,", ""]:
        d.text((250, y), line, font=body, fill=25)
        y += 64
    rng = random.Random(seed)
    words = (
        "the account statement for the period shows payments received on time and "
        "no outstanding balance remains after the final instalment was applied"
    ).split()
    for _ in range(38):
        line = " ".join(rng.choice(words) for _ in range(11))
        d.text((250, y), line.capitalize() + ".", font=body, fill=25)
        y += 64
    for label, key in [("Phone:", "phone"), ("Email:", "email"), ("SSN:", "ssn")]:
        d.text((250, y), f"{label} {p[key]}", font=body, fill=25)
        y += 64
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=238)
    arr = np.array(img, np.int16) + np.random.default_rng(seed).normal(0, 6, (3508, 2480)).astype(
        np.int16
    )
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def receipt(seed: int = 3) -> Image.Image:
    """A 576-px-wide till receipt in a monospaced font, with a card and a loyalty e-mail."""
    p = People(seed).person()
    lines = [
        "CORNER GROCERY",
        "12 Market Street",
        "",
        "Milk 2L            2.49",
        "Bread              3.10",
        "Coffee beans      11.95",
        "Apples 1kg         4.20",
        "",
        "TOTAL             21.74",
        f"VISA {p['card'][-4:].rjust(4)}",
        f"Card {p['card']}",
        f"Member {p['email']}",
        f"Tel {p['phone']}",
        "",
        "Thank you!",
    ]
    img = Image.new("L", (576, 60 + 34 * len(lines)), 255)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((24, 30 + 34 * i), line, font=_font(MONO, 22), fill=0)
    return img


def document_photo(seed: int = 4) -> Image.Image:
    """A form photographed on a wooden desk: perspective, warm light, blur, JPEG."""
    p = People(seed).person()
    paper = Image.new("RGB", (1100, 1400), (245, 243, 236))
    d = ImageDraw.Draw(paper)
    d.text((80, 80), "PATIENT REGISTRATION", font=_font(SANS_BOLD, 40), fill=(20, 20, 20))
    rows = [
        ("Name", p["name"]),
        ("Date of birth", p["dob"]),
        ("Address", p["address"]),
        ("City", p["city"]),
        ("Phone", p["phone"]),
        ("Email", p["email"]),
        ("Insurance", p["mrn"]),
    ]
    for i, (label, value) in enumerate(rows):
        y = 200 + i * 110
        d.text((80, y), label, font=_font(SANS, 26), fill=(80, 80, 80))
        d.text((80, y + 36), value, font=_font(SANS, 34), fill=(10, 10, 40))
        d.line((80, y + 84, 1020, y + 84), fill=(170, 170, 170), width=2)
    desk = np.zeros((1600, 1600, 3), np.uint8)
    rng = np.random.default_rng(seed)
    grain = rng.normal(0, 1, (1600, 1)).cumsum(axis=0) % 30
    desk[:] = (
        (np.array([70, 110, 150]) + grain)
        .clip(0, 255)
        .astype(np.uint8)[:, :, None]
        .transpose(0, 2, 1)
    )
    src = np.float32([[0, 0], [1100, 0], [1100, 1400], [0, 1400]])
    dst = np.float32([[260, 120], [1330, 180], [1380, 1500], [200, 1440]])
    warped = cv2.warpPerspective(
        cv2.cvtColor(np.array(paper), cv2.COLOR_RGB2BGR),
        cv2.getPerspectiveTransform(src, dst),
        (1600, 1600),
        borderMode=cv2.BORDER_TRANSPARENT,
        dst=desk.copy(),
    )
    image = Image.fromarray(cv2.cvtColor(warped, cv2.COLOR_BGR2RGB)).filter(
        ImageFilter.GaussianBlur(0.8)
    )
    return image


def medical(seed: int = 5) -> Image.Image:
    """A 2048x2048 grayscale radiograph-like image with white burnt-in text at the corners."""
    p = People(seed).person()
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:2048, 0:2048]
    body = 60 + 90 * np.exp(-(((xx - 1024) / 620) ** 2 + ((yy - 1100) / 760) ** 2))
    ribs = 25 * (np.sin(yy / 38.0) > 0.6) * (np.abs(xx - 1024) > 120) * (body > 90)
    arr = np.clip(body + ribs + rng.normal(0, 8, body.shape), 0, 255).astype(np.uint8)
    img = Image.fromarray(arr)
    d = ImageDraw.Draw(img)
    f = _font(SANS, 44)
    d.text((6, 4), p["name"].upper(), font=f, fill=255)
    d.text((6, 60), f"DOB: {p['dob']}", font=f, fill=255)
    d.text((6, 116), p["mrn"], font=f, fill=255)
    d.text((1500, 4), "PA ERECT", font=f, fill=255)
    d.text((1400, 1990), "ST. MARY HOSPITAL", font=f, fill=255)
    return img


@cache
def references() -> tuple[Reference, ...]:
    """The benchmark set, encoded as users send them."""
    made = [
        ("ui_screenshot_1280x800", ui_screenshot(), "png"),
        ("a4_scan_300dpi", a4_scan(), "png"),
        ("receipt", receipt(), "png"),
        ("document_photo", document_photo(), "jpeg"),
        ("medical_gray", medical(), "png"),
    ]
    return tuple(
        Reference(name, _png(img) if fmt == "png" else _jpeg(img), fmt, img.width, img.height)
        for name, img, fmt in made
    )


if __name__ == "__main__":
    import sys
    from pathlib import Path

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/inkout-reference")
    out.mkdir(parents=True, exist_ok=True)
    for ref in references():
        (out / f"{ref.name}.{ref.format}").write_bytes(ref.data)
        print(ref.name, ref.width, ref.height, len(ref.data))


def floor(data: bytes, rounds: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Tesseract alone on the decoded gray image, one API held, after one warm-up reading:
    the benchmarks' floor, in seconds of `clock` (wall or thread time) an image."""
    gray = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    height, width = gray.shape
    api = PyTessBaseAPI(path=tessdata_path(), lang="eng", psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
    try:
        api.SetImageBytes(gray.tobytes(), width, height, 1, width)
        api.Recognize()
        started = clock()
        for _ in range(rounds):
            api.SetImageBytes(gray.tobytes(), width, height, 1, width)
            api.Recognize()
        return (clock() - started) / rounds
    finally:
        api.End()
