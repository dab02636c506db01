"""Seeded image corpus with ground truth, for the redaction accuracy benchmark.

Each sample is an encoded image plus one Item per drawn token: a sensitive value is one item
with its DLP info type, every other word is an item of its own. Boxes are ink boxes in the
final image (after rotation, perspective and resizing), so a scorer can test pixels directly.
The same seed gives the same bytes.
"""

from __future__ import annotations

import io
import math
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from inkout.model import Box

KINDS = ("form", "small_form", "ui_light", "ui_dark", "chat", "scan", "photo", "medical")


@dataclass(frozen=True)
class Item:
    text: str  # the text as drawn
    info_type: str | None  # DLP name for sensitive values, None for every other word
    box: Box  # axis-aligned box of the drawn glyphs in the final image


@dataclass(frozen=True)
class Sample:
    name: str  # unique, e.g. "scan-03"
    kind: str  # one of KINDS
    data: bytes  # encoded as users send it
    format: str  # "png" or "jpeg"
    items: tuple[Item, ...]


Color = int | tuple[int, int, int]
Font = ImageFont.FreeTypeFont

# ----- fonts

_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
FAMILIES: dict[str, tuple[str, str]] = {
    "DejaVu Sans": (_DV + "DejaVuSans.ttf", _DV + "DejaVuSans-Bold.ttf"),
    "DejaVu Serif": (_DV + "DejaVuSerif.ttf", _DV + "DejaVuSerif-Bold.ttf"),
    "DejaVu Sans Mono": (_DV + "DejaVuSansMono.ttf", _DV + "DejaVuSansMono-Bold.ttf"),
    "Liberation Sans": (_LB + "LiberationSans-Regular.ttf", _LB + "LiberationSans-Bold.ttf"),
    "Liberation Serif": (_LB + "LiberationSerif-Regular.ttf", _LB + "LiberationSerif-Bold.ttf"),
}
DOC_FAMILIES = tuple(FAMILIES)
UI_FAMILIES = ("DejaVu Sans", "Liberation Sans")


@cache
def font(family: str, size: int, bold: bool = False) -> Font:
    """Loaded once per (family, size, weight): truetype parsing is the slow part of drawing."""
    return ImageFont.truetype(FAMILIES[family][bold], size)


# ----- fake values, each valid for its type

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "spanish": (
        ("María", "Alejandro", "Lucía", "Javier", "Carmen"),
        ("García", "Fernández", "Martínez", "Moreno", "López"),
    ),
    "nigerian": (
        ("Oluwaseun", "Chiamaka", "Emeka", "Ngozi", "Tunde"),
        ("Adeyemi", "Okafor", "Nwosu", "Eze", "Balogun"),
    ),
    "japanese": (
        ("Aiko", "Hiroshi", "Yuki", "Kenji", "Sakura"),
        ("Tanaka", "Sato", "Nakamura", "Watanabe", "Suzuki"),
    ),
    "german": (
        ("Lukas", "Anna", "Jonas", "Greta", "Felix"),
        ("Schmidt", "Müller", "Becker", "Hoffmann", "Wagner"),
    ),
    "indian": (
        ("Priya", "Arjun", "Ananya", "Rohan", "Lakshmi"),
        ("Patel", "Sharma", "Iyer", "Gupta", "Reddy"),
    ),
    "polish": (
        ("Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Magdalena"),
        ("Nowak", "Wójcik", "Mazur", "Krawczyk", "Zając"),
    ),
    "vietnamese": (
        ("Linh", "Minh", "Thu", "Duc", "Hoa"),
        ("Nguyen", "Tran", "Pham", "Le", "Hoang"),
    ),
    "arabic": (
        ("Fatima", "Omar", "Layla", "Yusuf", "Khalid"),
        ("Haddad", "Al-Farsi", "Mansour", "Khalil", "Nasser"),
    ),
    "french": (
        ("Chloé", "Antoine", "Camille", "Julien", "Élodie"),
        ("Dubois", "Lefèvre", "Moreau", "Laurent", "Girard"),
    ),
    "irish": (
        ("Siobhan", "Ciaran", "Aoife", "Declan", "Niamh"),
        ("O'Brien", "Murphy", "Kelly", "O'Sullivan", "Byrne"),
    ),
    "american": (
        ("James", "Emily", "Michael", "Sarah", "David"),
        ("Johnson", "Miller", "Davis", "Wilson", "Anderson"),
    ),
}
DOMAINS = (
    "example.com",
    "gmail.com",
    "outlook.com",
    "yahoo.co.uk",
    "web.de",
    "orange.fr",
    "mail.example.org",
    "clinic-north.org",
)
AREA_CODES = (212, 312, 415, 617, 713, 305, 206, 404, 503, 602, 720, 818, 646, 202, 214)
STREETS = (
    "Maple Avenue",
    "High Street",
    "Elm Road",
    "Harbor Way",
    "Cedar Lane",
    "Park Place",
    "Oak Street",
    "Sunset Boulevard",
    "Church Road",
    "Mill Lane",
    "Lakeview Drive",
    "Pine Court",
    "Washington Street",
    "Birch Terrace",
)
CITIES = (
    "Springfield, IL 62704",
    "Portland, OR 97205",
    "Austin, TX 78701",
    "Denver, CO 80202",
    "Columbus, OH 43215",
    "Madison, WI 53703",
    "Raleigh, NC 27601",
)
ORGS = ("northwind", "acme-health", "contoso", "fabrikam", "stmarys", "brightbank", "tailspin")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
GB_BANKS = ("NWBK", "BARC", "LOYD", "MIDL", "HBUK")
NL_BANKS = ("ABNA", "INGB", "RABO", "TRIO")

Person = tuple[str, str]


def _ascii(text: str) -> str:
    """E-mail local parts are ASCII: drop accents and apostrophes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace("'", "").replace(" ", "")


def luhn_digit(payload: str) -> str:
    """The check digit that makes payload + digit pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def iban_check(country: str, bban: str) -> str:
    """ISO 13616 check digits: 98 minus the mod-97 of BBAN + country + '00' as digits."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "")
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97 == 1


class Fake:
    """Deterministic fake values that real detectors would accept (Luhn, mod-97, SSN ranges)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self) -> Person:
        firsts, lasts = NAMES[self.rng.choice(list(NAMES))]
        return self.rng.choice(firsts), self.rng.choice(lasts)

    def name(self, person: Person | None = None, plain: bool = False) -> str:
        """First Last mostly; some FIRST LAST, some Last, First (or LAST, FIRST)."""
        first, last = person or self.person()
        r = self.rng.random()
        if plain or r < 0.62:
            return f"{first} {last}"
        if r < 0.8:
            return f"{first} {last}".upper()
        if r < 0.9:
            return f"{last}, {first}"
        return f"{last}, {first}".upper()

    def email(self, person: Person | None = None, short: bool = False) -> str:
        first, last = person or self.person()
        f, s, r = _ascii(first), _ascii(last), self.rng
        if short:
            return f"{f[0]}{s}@{r.choice(DOMAINS[:5])}"
        user = r.choice([f"{f}.{s}", f"{f[0]}{s}", f"{f}{s}{r.randrange(1, 99)}", f"{s}.{f[0]}"])
        return f"{user}@{r.choice(DOMAINS)}"

    def phone(self) -> str:
        r = self.rng
        area, exchange, line = r.choice(AREA_CODES), r.randrange(201, 999), r.randrange(10000)
        return r.choice(
            [
                f"({area}) {exchange}-{line:04d}",
                f"({area}) 555-01{r.randrange(100):02d}",
                f"+44 20 7946 0{r.randrange(1000):03d}",
                f"{area}.{exchange}.{line:04d}",
                f"+49 30 {r.randrange(100000, 9999999)}",
                f"{area}-{exchange}-{line:04d}",
                f"+1 {area} {exchange} {line:04d}",
                f"+33 1 {r.randrange(40, 50)} {r.randrange(10, 99)} {r.randrange(10, 99)} "
                f"{r.randrange(10, 99)}",
            ]
        )

    def ssn(self) -> str:
        r = self.rng
        area = r.choice([r.randrange(1, 666), r.randrange(667, 900)])
        return f"{area:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"

    def card(self) -> str:
        r = self.rng
        brand = r.choice(["visa", "visa", "mastercard", "mastercard", "amex"])
        if brand == "amex":
            prefix, length = r.choice(["34", "37"]), 15
        elif brand == "mastercard":
            prefix, length = r.choice([str(r.randrange(51, 56)), str(r.randrange(2221, 2721))]), 16
        else:
            prefix, length = "4", 16
        body = prefix + "".join(str(r.randrange(10)) for _ in range(length - len(prefix) - 1))
        number = body + luhn_digit(body)
        groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
        parts, i = [], 0
        for g in groups:
            parts.append(number[i : i + g])
            i += g
        return r.choice([" ", " ", "-"]).join(parts)

    def iban(self) -> str:
        r = self.rng

        def digits(n: int) -> str:
            return "".join(str(r.randrange(10)) for _ in range(n))

        country = r.choice(["DE", "GB", "FR", "NL"])
        if country == "DE":
            bban = digits(8) + digits(10)
        elif country == "GB":
            bban = r.choice(GB_BANKS) + digits(6) + digits(8)
        elif country == "NL":
            bban = r.choice(NL_BANKS) + digits(10)
        else:
            bank, branch, account = digits(5), digits(5), digits(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = f"{bank}{branch}{account}{key:02d}"
        raw = country + iban_check(country, bban) + bban
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))

    def ip(self) -> str:
        r = self.rng
        return r.choice(
            [
                f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}",
                f"192.168.{r.randrange(256)}.{r.randrange(1, 255)}",
                f"172.{r.randrange(16, 32)}.{r.randrange(256)}.{r.randrange(1, 255)}",
                f"203.0.113.{r.randrange(1, 255)}",
                ".".join(
                    str(r.randrange(a, b)) for a, b in ((11, 224), (0, 256), (0, 256), (1, 255))
                ),
                f"2001:db8:{r.randrange(16**4):x}::{r.randrange(16**4):x}",
            ]
        )

    def url(self) -> str:
        r = self.rng
        org, n = r.choice(ORGS), r.randrange(1000, 99999)
        user = _ascii(self.person()[1])
        return r.choice(
            [
                f"https://portal.{org}.com/patients/{n}",
                f"www.{org}.org/billing?id={n}",
                f"http://intranet.{org}.local/users/{user}",
                f"https://{org}.example.net/account/{user}",
                f"https://drive.example.com/file/d/{r.getrandbits(40):x}",
            ]
        )

    def dob(self) -> str:
        r = self.rng
        y, m, d = r.randrange(1935, 2006), r.randrange(1, 13), r.randrange(1, 29)
        return r.choice(
            [f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}"]
            + [f"{MONTHS[m - 1]} {d}, {y}"]
        )

    def address(self) -> str:
        return f"{self.rng.randrange(1, 9999)} {self.rng.choice(STREETS)}"

    def mrn(self) -> str:
        r = self.rng
        return r.choice(
            [str(r.randrange(1000000, 9999999)), f"A-{r.randrange(100000, 999999)}"]
            + [f"{r.randrange(10**7):08d}"]
        )

    def date(self) -> str:
        """A date that is not a birth date: a decoy for date-of-birth detectors."""
        r = self.rng
        y, m, d = r.randrange(2019, 2025), r.randrange(1, 13), r.randrange(1, 29)
        return r.choice(
            [f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}", f"{m:02d}/{d:02d}/{y}"]
        )

    def value(self, info_type: str, person: Person) -> str:
        """A value of info_type; names and e-mails belong to person."""
        makers: dict[str, Callable[[], str]] = {
            "PERSON_NAME": lambda: self.name(person),
            "EMAIL_ADDRESS": lambda: self.email(person),
            "PHONE_NUMBER": self.phone,
            "US_SOCIAL_SECURITY_NUMBER": self.ssn,
            "CREDIT_CARD_NUMBER": self.card,
            "IBAN_CODE": self.iban,
            "IP_ADDRESS": self.ip,
            "URL": self.url,
            "DATE_OF_BIRTH": self.dob,
            "STREET_ADDRESS": self.address,
            "MEDICAL_RECORD_NUMBER": self.mrn,
        }
        return makers[info_type]()


# ----- tokens, lines and the canvas that records them


class Tok(NamedTuple):
    text: str
    info_type: str | None = None
    space: bool = True  # a space before it; False glues it to the previous token (a comma)


def parse(template: str, values: dict[str, tuple[str, str | None]] | None = None) -> list[Tok]:
    """Words of template; {key} is replaced by one value token, punctuation around it glued."""
    out: list[Tok] = []
    for chunk in template.split():
        first = True
        for part in re.split(r"(\{\w+\})", chunk):
            if not part:
                continue
            if part.startswith("{") and part.endswith("}") and values:
                text, info_type = values[part[1:-1]]
            else:
                text, info_type = part, None
            out.append(Tok(text, info_type, first))
            first = False
    return out


def value(text: str, info_type: str) -> list[Tok]:
    return [Tok(text, info_type)]


def width(tokens: Sequence[Tok], fnt: Font) -> float:
    space = fnt.getlength(" ")
    return sum(
        fnt.getlength(t.text) + (space if i and t.space else 0) for i, t in enumerate(tokens)
    )


def wrap(tokens: Sequence[Tok], fnt: Font, limit: float) -> list[list[Tok]]:
    """Greedy breaks at spaces; a value and the punctuation glued to it stay on one line."""
    units: list[list[Tok]] = []
    for t in tokens:
        if units and not t.space:
            units[-1].append(t)
        else:
            units.append([t])
    lines: list[list[Tok]] = [[]]
    space, x = fnt.getlength(" "), 0.0
    for unit in units:
        w = width(unit, fnt)
        if lines[-1] and x + space + w > limit:
            lines.append([])
            x = 0.0
        x += (space if lines[-1] else 0.0) + w
        lines[-1].extend(unit)
    return [line for line in lines if line]


def ink_offset(text: str, fnt: Font) -> tuple[int, int, int, int] | None:
    """The ink box of text drawn at (0, 0): textbbox tightened to the pixels really inked.

    textbbox includes side bearings (1-2 px of blank at each end); a scorer that tests the
    pixels inside the box would count that blank as unerased ink, so it is trimmed here.
    """
    left, top, right, bottom = (int(v) for v in fnt.getbbox(text))
    if right <= left or bottom <= top:
        return None
    scratch = Image.new("L", (right - left + 4, bottom - top + 4), 0)
    ImageDraw.Draw(scratch).text((2 - left, 2 - top), text, font=fnt, fill=255)
    ink = scratch.getbbox()
    if ink is None:
        return None
    return ink[0] + left - 2, ink[1] + top - 2, ink[2] + left - 2, ink[3] + top - 2


@dataclass
class _Ink:
    text: str
    info_type: str | None
    box: tuple[int, int, int, int]  # left, top, right, bottom on the canvas, before transforms


class Canvas:
    """A Pillow image that keeps the ink box of every token drawn on it."""

    def __init__(self, image: Image.Image):
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.inks: list[_Ink] = []

    def token(self, x: float, y: float, tok: Tok, fnt: Font, fill: Color) -> float:
        """Draw one token at whole pixels (so the recorded box is exact); return its end x."""
        xi, yi = round(x), round(y)
        self.draw.text((xi, yi), tok.text, font=fnt, fill=fill)
        off = ink_offset(tok.text, fnt)
        if off is not None:
            box = (xi + off[0], yi + off[1], xi + off[2], yi + off[3])
            self.inks.append(_Ink(tok.text, tok.info_type, box))
        return xi + fnt.getlength(tok.text)

    def line(self, x: float, y: float, tokens: Sequence[Tok], fnt: Font, fill: Color) -> float:
        space = fnt.getlength(" ")
        for i, t in enumerate(tokens):
            if i and t.space:
                x += space
            x = self.token(x, y, t, fnt, fill)
        return x


def final_items(
    inks: Sequence[_Ink], size: tuple[int, int], matrix: np.ndarray | None = None
) -> tuple[Item, ...]:
    """Boxes in the final image: corners through the same matrix, bounding box, clipped.

    cv2 maps pixel centres, so box edges are shifted half a pixel in and out around it.
    """
    w, h = size
    m = None
    if matrix is not None:
        m = np.asarray(matrix, np.float64)
        if m.shape == (2, 3):
            m = np.vstack([m, [0.0, 0.0, 1.0]])
    out = []
    for ink in inks:
        left, top, right, bottom = ink.box
        pts = np.array([[left, top], [right, top], [right, bottom], [left, bottom]], np.float64)
        if m is not None:
            hom = np.c_[pts - 0.5, np.ones(4)] @ m.T
            pts = hom[:, :2] / hom[:, 2:] + 0.5
        x0 = max(0, math.floor(pts[:, 0].min() + 1e-6))
        y0 = max(0, math.floor(pts[:, 1].min() + 1e-6))
        x1 = min(w, math.ceil(pts[:, 0].max() - 1e-6))
        y1 = min(h, math.ceil(pts[:, 1].max() - 1e-6))
        if x1 > x0 and y1 > y0:
            out.append(Item(ink.text, ink.info_type, Box(x0, y0, x1 - x0, y1 - y0)))
    return tuple(out)


# ----- documents: forms, letters and registration cards, as rows of text


@dataclass
class Row:
    """One printed line: segments at x offsets from the left margin, and its height.

    group 0 rows are always drawn; rows of an optional group (> 0) are dropped together,
    last group first, when the page is full or has too many words.
    """

    segs: list[tuple[float, list[Tok], Font, Color]]
    height: float
    group: int = 0
    rules: tuple[tuple[float, float, float], ...] = ()  # (x0, x1, dy): underlines


@dataclass(frozen=True)
class Ink:
    text: Color
    label: Color
    rule: Color


FORM_TITLES = (
    "PATIENT REGISTRATION FORM",
    "New Account Application",
    "Employee Information Sheet",
    "Insurance Claim Form",
    "Rental Application",
    "Direct Deposit Authorization",
    "CUSTOMER DETAILS UPDATE",
    "Membership Enrollment",
)
FORM_NOTES = (
    "Please complete all fields in block capitals and sign at the bottom of the page.",
    "Fields marked with an asterisk are required. Incomplete forms will be returned.",
    "Return this form to the front desk or mail it to the address on the back.",
    "All information is kept confidential and used only to process your request.",
)
FORM_FOOTERS = (
    "I certify that the information given above is true and complete to the best of my knowledge.",
    "By signing below I authorise the processing of this application and the checks it needs.",
)
SECTIONS = (
    "Personal information",
    "Contact details",
    "Payment",
    "Account",
    "Additional information",
    "PERSONAL DETAILS",
    "Billing",
)
LABELS: dict[str, tuple[str, ...]] = {
    "PERSON_NAME": ("Name:", "Full name:", "Patient name:", "Account holder:", "Applicant:"),
    "EMAIL_ADDRESS": ("Email:", "E-mail:", "Email address:"),
    "PHONE_NUMBER": ("Phone:", "Tel:", "Mobile:", "Telephone:", "Home phone:"),
    "US_SOCIAL_SECURITY_NUMBER": ("SSN:", "Social Security No.:", "SSN"),
    "CREDIT_CARD_NUMBER": ("Card number:", "Credit card:", "Card No."),
    "IBAN_CODE": ("IBAN:", "Bank account (IBAN):", "IBAN"),
    "IP_ADDRESS": ("IP address:", "Registered from IP:", "Last login IP:"),
    "URL": ("Website:", "Portal:", "Profile URL:"),
    "DATE_OF_BIRTH": ("DOB:", "DOB", "Date of birth:", "Born:", "Born"),
    "STREET_ADDRESS": ("Address:", "Street address:", "Home address:"),
    "MEDICAL_RECORD_NUMBER": ("MRN", "MRN:"),
}
SECOND_LABELS = {
    "PERSON_NAME": ("Emergency contact:", "Spouse:", "Referred by:"),
    "PHONE_NUMBER": ("Work phone:", "Emergency phone:", "Alt. phone:"),
}
# Types drawn for a document after its holder's name; a type listed twice may appear twice.
POOL = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "PHONE_NUMBER",
    "US_SOCIAL_SECURITY_NUMBER",
    "CREDIT_CARD_NUMBER",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "DATE_OF_BIRTH",
    "STREET_ADDRESS",
    "MEDICAL_RECORD_NUMBER",
    "PERSON_NAME",
)
FILLERS: tuple[tuple[str, Callable[[Fake], str]], ...] = (
    ("City:", lambda f: f.rng.choice(CITIES)),
    ("Country:", lambda f: f.rng.choice(["United States", "Germany", "Ireland", "France"])),
    ("Gender:", lambda f: f.rng.choice(["Female", "Male", "Prefer not to say"])),
    ("Marital status:", lambda f: f.rng.choice(["Single", "Married", "Divorced"])),
    ("Employer:", lambda f: f.rng.choice(["Northwind Traders", "Contoso Ltd", "City Council"])),
    ("Occupation:", lambda f: f.rng.choice(["Teacher", "Nurse", "Software engineer", "Retired"])),
    ("Plan:", lambda f: f.rng.choice(["Gold PPO", "Basic", "Family Plus"])),
    ("Policy no.:", lambda f: f"HX-{f.rng.randrange(1000, 9999)}-{f.rng.randrange(10, 99)}"),
    ("Invoice no.:", lambda f: f"INV-{f.rng.randrange(10000, 99999)}"),
    ("Amount due:", lambda f: f"${f.rng.randrange(20, 4000)}.{f.rng.randrange(100):02d}"),
    ("Date:", lambda f: f.date()),
    ("Account type:", lambda f: f.rng.choice(["Checking", "Savings", "Business"])),
    ("Member since:", lambda f: str(f.rng.randrange(2001, 2024))),
    ("Preferred language:", lambda f: f.rng.choice(["English", "Spanish", "German"])),
    ("Blood type:", lambda f: f.rng.choice(["O+", "A-", "B+", "AB+"])),
    ("Allergies:", lambda f: f.rng.choice(["None known", "Penicillin", "Peanuts"])),
    ("Reference:", lambda f: f"{f.rng.randrange(10000, 99999)}-B"),
)
SENTENCES: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": (
        "If you have any questions, please call us at {v} during business hours.",
        "You can reach our claims team on {v} from Monday to Friday.",
    ),
    "EMAIL_ADDRESS": (
        "Please send the signed form to {v} by the end of the month.",
        "Replies to this letter can be sent to {v} at any time.",
    ),
    "CREDIT_CARD_NUMBER": (
        "The payment was charged to the card {v} on the date shown above.",
        "We will refund the amount to card {v} within ten working days.",
    ),
    "US_SOCIAL_SECURITY_NUMBER": (
        "Our records list your social security number as {v}.",
        "The tax form must show SSN {v} exactly as issued.",
    ),
    "IBAN_CODE": (
        "Please transfer the deposit to IBAN {v} and quote your reference.",
        "Refunds will be paid into the account {v} held in your name.",
    ),
    "IP_ADDRESS": (
        "We noticed a sign-in to your account from {v} and blocked it.",
        "The request came from IP address {v} shortly after midnight.",
    ),
    "URL": (
        "You can view your statement online at {v} at any time.",
        "The full terms and conditions are published at {v} for reference.",
    ),
    "DATE_OF_BIRTH": (
        "Our file shows the policy holder was born {v} in Ohio.",
        "Please confirm that the date of birth {v} is correct.",
    ),
    "STREET_ADDRESS": (
        "The new card will be mailed to {v} next week.",
        "Our inspector will visit {v} on Tuesday morning.",
    ),
    "MEDICAL_RECORD_NUMBER": (
        "Please bring this letter and quote MRN {v} at reception.",
        "Your results are filed under MRN {v} in our system.",
    ),
    "PERSON_NAME": (
        "Your case is now handled by {v} from our regional office.",
        "We spoke with {v} on the phone yesterday about the claim.",
    ),
}
FILLER_SENTENCES = (
    "Thank you for contacting us about your account.",
    "We have reviewed the documents you sent and everything appears to be in order.",
    "The changes will take effect from the start of the next billing period.",
    "No further action is needed on your part at this stage.",
    "Please keep this letter with your other records.",
    "Our offices are closed on public holidays.",
    "We apologise for any inconvenience this may have caused.",
    "A summary of the terms is enclosed for your information.",
    "The outstanding balance must be settled before the renewal date.",
    "If anything above is incorrect, let us know within thirty days.",
)
COMPANIES = (
    "Northwind Insurance",
    "Contoso Bank",
    "Fabrikam Health Services",
    "Tailspin Property Management",
    "Bright Savings Union",
    "City Water Utility",
)
SUBJECTS = (
    "Re: Your account review",
    "Re: Change of address",
    "Re: Claim 44812",
    "Re: Annual statement",
    "Re: Appointment confirmation",
)


class Page:
    """Shared state of one document layout: fonts, colours, sizes and group numbering."""

    def __init__(self, rng: random.Random, fake: Fake, limit: float, size: int, family: str):
        self.rng, self.fake, self.limit, self.size, self.family = rng, fake, limit, size, family
        self.body = font(family, size)
        self.bold = font(family, size, True)
        self.small = font(family, max(9, round(size * 0.82)))
        self.title = font(family, round(size * 1.45), True)
        self.groups = 0

    def group(self) -> int:
        self.groups += 1
        return self.groups

    def para(self, tokens: list[Tok], fnt: Font, fill: Color, lh: float, group: int) -> list[Row]:
        return [Row([(0, ln, fnt, fill)], lh, group) for ln in wrap(tokens, fnt, self.limit)]

    def fields(self, k: int) -> list[tuple[str, list[Tok]]]:
        """k sensitive fields (the holder's name first) and a few others, shuffled."""
        rng, fake = self.rng, self.fake
        holder, other = fake.person(), fake.person()
        types = ["PERSON_NAME", *rng.sample(POOL, k - 1)]
        out: list[tuple[str, list[Tok]]] = []
        seen: set[str] = set()
        for t in types:
            second = t in seen
            seen.add(t)
            label = rng.choice(SECOND_LABELS[t] if second else LABELS[t])
            out.append((label, value(fake.value(t, other if second else holder), t)))
        rest = out[1:] + [
            (label, parse(make(fake))) for label, make in rng.sample(FILLERS, rng.randint(3, 7))
        ]
        rng.shuffle(rest)
        return [out[0], *rest]


def _form_rows(p: Page, ink: Ink) -> list[Row]:
    """Title, note, label/value lines in sections (inline or in a label column), signature."""
    rng, size = p.rng, p.size
    lh = size * rng.uniform(1.5, 1.75)
    rows = [Row([(0, parse(rng.choice(FORM_TITLES)), p.title, ink.text)], size * 2.4)]
    if rng.random() < 0.8:
        g = p.group()
        rows += p.para(parse(rng.choice(FORM_NOTES)), p.small, ink.label, size * 1.3, g)
        rows.append(Row([], size * 0.8, g))
    fields = p.fields(rng.randint(4, 11))
    inline, underline = rng.random() < 0.45, rng.random() < 0.5
    column = max(width(parse(label), p.body) for label, _ in fields) + size
    n_sections = rng.randint(1, 3)
    breaks = set(rng.sample(range(1, len(fields)), n_sections - 1)) | {0}
    titles = iter(rng.sample(SECTIONS, n_sections))
    for i, (label, val) in enumerate(fields):
        if i in breaks:
            rows.append(Row([], size * 0.6))
            rows.append(Row([(0, parse(next(titles)), p.bold, ink.text)], size * 1.7))
        sensitive = any(t.info_type for t in val)
        g = 0 if sensitive else p.group()
        lt = parse(label)
        x = width(lt, p.body) + p.body.getlength(" ") if inline else column
        rules = ((x, p.limit, size * 1.32),) if underline else ()
        if x + width(val, p.body) <= p.limit:
            rows.append(Row([(0, lt, p.body, ink.label), (x, val, p.body, ink.text)], lh, g, rules))
        else:
            rows.append(Row([(0, lt, p.body, ink.label)], size * 1.3, g))
            rows.append(Row([(size, val, p.body, ink.text)], lh, g))
    g = p.group()
    rows.append(Row([], size, g))
    rows += p.para(parse(rng.choice(FORM_FOOTERS)), p.small, ink.label, size * 1.3, g)
    sig = parse("Signature")
    date = parse("Date:")
    dx = p.limit * 0.62
    rows.append(
        Row(
            [
                (0, sig, p.body, ink.label),
                (dx, date, p.body, ink.label),
                (dx + width(date, p.body) + size * 0.5, parse(p.fake.date()), p.body, ink.text),
            ],
            size * 2.2,
            g,
            ((width(sig, p.body) + size * 0.5, dx - size, size * 1.1),),
        )
    )
    return rows


def _letter_rows(p: Page, ink: Ink) -> list[Row]:
    """Letterhead with the sender's address, recipient block, greeting, paragraphs, signature."""
    rng, fake, size = p.rng, p.fake, p.size
    lh = size * rng.uniform(1.35, 1.55)
    gap = Row([], size * 0.9)
    rows = [Row([(0, parse(rng.choice(COMPANIES)), p.title, ink.text)], size * 2.3)]
    head = [*value(fake.address(), "STREET_ADDRESS"), Tok(",", None, False)]
    rows.append(Row([(0, head + parse(rng.choice(CITIES)), p.small, ink.label)], size * 1.3))
    if rng.random() < 0.5:
        tel = parse("Tel:") + value(fake.phone(), "PHONE_NUMBER")
        rows.append(Row([(0, tel, p.small, ink.label)], size * 1.3))
    rows.append(Row([], size * 1.2, 0, ((0, p.limit, size * 0.5),)))
    date = parse(fake.date())
    rows.append(Row([(p.limit - width(date, p.body), date, p.body, ink.text)], lh))
    person = fake.person()
    rows.append(Row([(0, value(fake.name(person), "PERSON_NAME"), p.body, ink.text)], lh))
    rows.append(Row([(0, value(fake.address(), "STREET_ADDRESS"), p.body, ink.text)], lh))
    rows.append(Row([(0, parse(rng.choice(CITIES)), p.body, ink.text)], lh))
    rows += [gap, Row([(0, parse(rng.choice(SUBJECTS)), p.bold, ink.text)], lh), gap]
    if rng.random() < 0.7:
        greet = parse("Dear {v},", {"v": (fake.name(person, plain=True), "PERSON_NAME")})
    else:
        greet = parse("Dear Sir or Madam,")
    rows += [Row([(0, greet, p.body, ink.text)], lh), Row([], size * 0.5)]

    def filler(n: int) -> list[Tok]:
        return parse(" ".join(rng.sample(FILLER_SENTENCES, n)))

    types = rng.sample(list(SENTENCES), rng.randint(1, 5))
    sentences = [rng.choice(SENTENCES[t]).replace("{v}", "{" + t + "}") for t in types]
    values = {t: (fake.value(t, fake.person()), t) for t in types}
    cut = rng.randint(1, len(sentences))
    # Filler paragraphs are optional groups around the paragraphs that carry the values.
    for part in (None, sentences[:cut], None, sentences[cut:], None, None):
        if part is None:
            g = p.group()
            rows += p.para(filler(rng.randint(1, 3)), p.body, ink.text, lh, g)
            rows.append(Row([], size * 0.6, g))
        elif part:
            if rng.random() < 0.5:
                part = [*part, rng.choice(FILLER_SENTENCES)]
            rows += p.para(parse(" ".join(part), values), p.body, ink.text, lh, 0)
            rows.append(Row([], size * 0.6))
    rows += [
        gap,
        Row([(0, parse(rng.choice(["Sincerely,", "Kind regards,"])), p.body, ink.text)], lh),
    ]
    rows.append(Row([], size * 1.2))
    signer = value(fake.name(fake.person(), plain=True), "PERSON_NAME")
    rows.append(Row([(0, signer, p.body, ink.text)], lh))
    role = parse(rng.choice(["Customer Service Manager", "Claims Department", "Account Officer"]))
    rows.append(Row([(0, role, p.small, ink.label)], lh))
    return rows


def _card_rows(p: Page, ink: Ink) -> list[Row]:
    """Registration card: small label above a larger value, two columns where values fit."""
    rng, size = p.rng, p.size
    big = font(p.family, round(size * 1.15))
    rows = [Row([(0, parse(rng.choice(FORM_TITLES)), p.title, ink.text)], size * 2.6)]
    fields = p.fields(rng.randint(4, 10))
    half = p.limit / 2
    i = 0
    while i < len(fields):
        pair = fields[i : i + 2]
        if len(pair) == 2 and all(width(v, big) < half - size for _, v in pair):
            cols, i = [(0.0, pair[0]), (half, pair[1])], i + 2
        else:
            cols, i = [(0.0, pair[0])], i + 1
        sensitive = any(t.info_type for _, (_, v) in cols for t in v)
        g = 0 if sensitive else p.group()
        span = half - size if len(cols) == 2 else p.limit
        rows.append(
            Row([(x, parse(lab), p.small, ink.label) for x, (lab, _) in cols], size * 1.3, g)
        )
        rules = tuple((x, x + span, size * 1.45) for x, _ in cols)
        rows.append(Row([(x, v, big, ink.text) for x, (_, v) in cols], size * 2.3, g, rules))
    return rows


LAYOUTS = {"form": _form_rows, "letter": _letter_rows, "card": _card_rows}


def _words(rows: Sequence[Row]) -> int:
    return sum(1 for r in rows for s in r.segs for t in s[1] if t.info_type is None)


def draw_rows(c: Canvas, rows: list[Row], left: float, top: float, bottom: float, ink: Ink) -> None:
    """Drop optional groups (last first) until the page fits and has at most 150 words; draw."""
    rows = list(rows)
    while sum(r.height for r in rows) > bottom - top or _words(rows) > 150:
        groups = [r.group for r in rows if r.group]
        if not groups:
            break
        last = max(groups)
        rows = [r for r in rows if r.group != last]
    y = top
    for r in rows:
        if y + r.height > bottom + r.height * 0.4:
            break
        for dx, tokens, fnt, fill in r.segs:
            c.line(left + dx, y, tokens, fnt, fill)
        for x0, x1, dy in r.rules:
            c.draw.line((left + x0, y + dy, left + x1, y + dy), fill=ink.rule, width=1)
        y += r.height


def document(
    rng: random.Random, size: tuple[int, int], text_px: tuple[int, int], margin: int, paper: Color
) -> Canvas:
    """A white-ish page with one of the document layouts in a random font."""
    fake = Fake(rng)
    w, h = size
    canvas = Canvas(Image.new("RGB", size, paper))
    family = rng.choice(DOC_FAMILIES)
    px = rng.randint(*text_px)
    page = Page(rng, fake, w - 2 * margin, px, family)
    dark = rng.randint(0, 30)
    ink = Ink((dark,) * 3, (dark + rng.randint(20, 60),) * 3, (150, 150, 150))
    layout = rng.choice(list(LAYOUTS))
    rows = LAYOUTS[layout](page, ink)
    draw_rows(canvas, rows, margin, margin * rng.uniform(0.8, 1.1), h - margin * 0.8, ink)
    return canvas


# ----- encoding


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=3)
    return buf.getvalue()


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def _noise(nrng: np.random.Generator, shape: tuple[int, ...], sd: float) -> np.ndarray:
    return nrng.normal(0.0, sd, shape).astype(np.float32)


# ----- the kinds


def make_form(name: str, rng: random.Random) -> Sample:
    """A printed form or letter, black on white, 20-30 px text, about 1200x1400."""
    size = (rng.choice([1200, 1240]), rng.choice([1400, 1450]))
    c = document(rng, size, (20, 30), rng.randint(70, 110), (255, 255, 255))
    return Sample(name, "form", _png(c.image), "png", final_items(c.inks, size))


def make_small_form(name: str, rng: random.Random) -> Sample:
    """The same documents with 11-14 px text on about 900x900."""
    size = (rng.choice([880, 900, 920]), rng.choice([880, 900]))
    c = document(rng, size, (11, 14), rng.randint(36, 56), (255, 255, 255))
    return Sample(name, "small_form", _png(c.image), "png", final_items(c.inks, size))


def make_scan(name: str, rng: random.Random) -> Sample:
    """A document on grey paper (A4 at 150 dpi), rotated up to 1.5 degrees, blurred, noisy."""
    nrng = np.random.default_rng(rng.getrandbits(64))
    size = w, h = 1240, 1754
    paper = rng.randint(210, 236)
    c = document(rng, size, (22, 30), rng.randint(100, 140), (paper, paper, paper - 4))
    angle = rng.uniform(-1.5, 1.5)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    edge = (paper - 40,) * 3
    arr = cv2.warpAffine(np.asarray(c.image), m, size, flags=cv2.INTER_LINEAR, borderValue=edge)
    if rng.random() < 0.6:
        arr = cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.5, 0.9))
    shade = np.linspace(rng.uniform(-8, 0), rng.uniform(0, 8), w, dtype=np.float32)[None, :]
    if arr.ndim == 3:
        shade = shade[..., None]
    noisy = arr.astype(np.float32) + shade + _noise(nrng, arr.shape, rng.uniform(3, 7))
    image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    data = _jpeg(image, rng.randint(70, 85))
    return Sample(name, "scan", data, "jpeg", final_items(c.inks, size, m))


def _background(rng: random.Random, nrng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A desk: wood grain, woven cloth, or a plain coloured mat, all with some noise."""
    yy = np.arange(h, dtype=np.float32)[:, None]
    xx = np.arange(w, dtype=np.float32)[None, :]
    kind = rng.choice(["wood", "cloth", "mat"])
    if kind == "wood":
        base = np.array([rng.randint(120, 170), rng.randint(80, 110), rng.randint(45, 70)])
        drift = nrng.normal(0, 0.08, (h, 1)).cumsum(axis=0).astype(np.float32)
        tone = 18 * np.sin(yy / rng.uniform(5, 9) + 3 * np.sin(xx / 210) + drift)
        tone = tone + 10 * np.sin(yy / 61 + xx / 400)
        scale = np.array([1.0, 0.75, 0.5], np.float32)
    elif kind == "cloth":
        base = np.array(rng.choice([(60, 90, 140), (120, 45, 55), (70, 110, 80), (90, 90, 95)]))
        period = rng.uniform(2.2, 3.5)
        tone = 12 * np.sin(xx / period) * np.sin(yy / period) + 6 * np.sin(yy / 40 + xx / 70)
        scale = np.ones(3, np.float32)
    else:
        base = np.array(rng.choice([(40, 95, 70), (90, 92, 96), (45, 55, 80), (160, 150, 135)]))
        tone = 20 * (xx / w - 0.5) + 12 * (yy / h - 0.5)
        scale = np.ones(3, np.float32)
    arr = base.astype(np.float32) + tone[..., None] * scale + _noise(nrng, (h, w, 1), 5)
    return np.clip(arr, 0, 255).astype(np.uint8)


def make_photo(name: str, rng: random.Random) -> Sample:
    """A document photographed on a desk: perspective, warm uneven light, blur, JPEG."""
    nrng = np.random.default_rng(rng.getrandbits(64))
    pw, ph = 1000, 1300
    tint = rng.randint(0, 12)
    c = document(rng, (pw, ph), (24, 30), rng.randint(60, 90), (246, 244 - tint, 236 - tint))
    w, h = rng.choice([(1600, 1600), (1440, 1800), (1800, 1500)])
    scale = min(w / pw, h / ph) * rng.uniform(0.74, 0.86)
    cx, cy = w / 2 + rng.uniform(-0.04, 0.04) * w, h / 2 + rng.uniform(-0.04, 0.04) * h
    # Keystone (the camera above the top or bottom edge) keeps text lines level; the turn and
    # corner jitter are small so that the axis-aligned boxes of long values stay tight.
    turn = math.radians(rng.uniform(-2.0, 2.0))
    cos, sin = math.cos(turn), math.sin(turn)
    keystone = rng.uniform(-0.1, 0.1)
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    dst = []
    jitter = 0.008 * min(w, h)
    for x, y in src:
        squeeze = 1 - keystone * (1 if y == 0 else -1) / 2
        dx, dy = (x - pw / 2) * scale * squeeze, (y - ph / 2) * scale
        dst.append(
            [
                cx + dx * cos - dy * sin + rng.uniform(-jitter, jitter),
                cy + dx * sin + dy * cos + rng.uniform(-jitter, jitter),
            ]
        )
    m = cv2.getPerspectiveTransform(src, np.float32(dst))
    desk = _background(rng, nrng, w, h)
    arr = cv2.warpPerspective(
        np.asarray(c.image), m, (w, h), dst=desk, borderMode=cv2.BORDER_TRANSPARENT
    ).astype(np.float32)
    lx, ly = rng.uniform(0, w), rng.uniform(0, h)
    yy = np.arange(h, dtype=np.float32)[:, None]
    xx = np.arange(w, dtype=np.float32)[None, :]
    dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / max(w, h)
    light = (1.08 - rng.uniform(0.25, 0.4) * dist)[..., None]
    warm = np.array([1.0, rng.uniform(0.9, 0.95), rng.uniform(0.76, 0.84)], np.float32)
    arr = cv2.GaussianBlur(arr * light * warm, (0, 0), rng.uniform(0.7, 1.3))
    arr += _noise(nrng, (h, w, 1), 3)
    image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    data = _jpeg(image, rng.randint(78, 90))
    return Sample(name, "photo", data, "jpeg", final_items(c.inks, (w, h), m))


@dataclass(frozen=True)
class Theme:
    bg: Color
    side: Color
    side_text: Color
    header: Color
    text: Color
    muted: Color
    stripe: Color
    border: Color
    accent: Color
    pill: dict[str, tuple[Color, Color]]


LIGHT = Theme(
    bg=(248, 249, 251),
    side=(33, 37, 41),
    side_text=(222, 226, 230),
    header=(255, 255, 255),
    text=(25, 28, 33),
    muted=(105, 112, 122),
    stripe=(240, 242, 245),
    border=(210, 214, 220),
    accent=(37, 99, 235),
    pill={
        "Active": ((220, 245, 228), (22, 101, 52)),
        "Pending": ((254, 243, 199), (146, 64, 14)),
        "Suspended": ((254, 226, 226), (153, 27, 27)),
    },
)
DARK = Theme(
    bg=(22, 24, 29),
    side=(15, 17, 21),
    side_text=(200, 205, 214),
    header=(28, 31, 37),
    text=(226, 229, 234),
    muted=(140, 147, 158),
    stripe=(30, 33, 40),
    border=(55, 60, 70),
    accent=(59, 130, 246),
    pill={
        "Active": ((20, 83, 45), (187, 247, 208)),
        "Pending": ((113, 63, 18), (254, 240, 138)),
        "Suspended": ((127, 29, 29), (254, 202, 202)),
    },
)
MENU = ("Orders", "Invoices", "Reports", "Settings", "Support", "Billing", "Products", "Team")
STATS: tuple[tuple[str, Callable[[random.Random], str]], ...] = (
    ("Total customers", lambda r: f"{r.randrange(1, 40)},{r.randrange(1000):03d}"),
    ("New this month", lambda r: str(r.randrange(12, 480))),
    ("Open tickets", lambda r: str(r.randrange(3, 90))),
    ("Monthly revenue", lambda r: f"${r.randrange(10, 900)},{r.randrange(1000):03d}"),
    ("Churn rate", lambda r: f"{r.randrange(5, 60) / 10}%"),
)
APPS = ("Northwind CRM", "Acme Admin", "Helpdesk Pro", "Ledger Console", "ClinicDesk")


def _masked(text: str, info_type: str) -> str:
    """What a privacy-minded UI shows instead of a value: not sensitive any more."""
    digits = re.sub(r"\D", "", text)
    if info_type == "EMAIL_ADDRESS":
        return f"{text[0]}•••@{text.split('@')[1]}"
    if info_type == "US_SOCIAL_SECURITY_NUMBER":
        return f"•••-••-{digits[-4:]}"
    if info_type == "CREDIT_CARD_NUMBER":
        return f"•••• {digits[-4:]}"
    return f"•••-•••-{digits[-4:]}"


def _ui(name: str, rng: random.Random, dark: bool) -> Sample:
    """1280x800 admin page: side panel, top bar, a customer table, sometimes a details card."""
    fake, th = Fake(rng), DARK if dark else LIGHT
    w, h = 1280, 800
    fam = rng.choice(UI_FAMILIES)
    c = Canvas(Image.new("RGB", (w, h), th.bg))
    d = c.draw
    sw = rng.choice([210, 230, 250])
    d.rectangle((0, 0, sw, h), fill=th.side)
    if dark:
        d.line((sw, 0, sw, h), fill=th.border)
    c.line(24, 24, parse(rng.choice(APPS)), font(fam, 18, True), th.side_text)
    menu = ["Dashboard", "Customers", *rng.sample(MENU, rng.randint(3, 5))]
    for i, entry in enumerate(menu):
        y = 86 + 42 * i
        if entry == "Customers":
            d.rounded_rectangle((12, y - 9, sw - 12, y + 27), 6, fill=th.accent)
        c.line(30, y, parse(entry), font(fam, 15), th.side_text)

    # sensitive cells: the signed-in user, the table, and maybe a details card
    user = fake.person()
    n = rng.randint(3, 6)
    col_type = rng.choice(["Card", "SSN", "Card / SSN"])
    rows = []
    for _ in range(n):
        p = fake.person()
        t = col_type if col_type != "Card / SSN" else rng.choice(["Card", "SSN"])
        rows.append(
            {
                "PERSON_NAME": f"{p[0]} {p[1]}",
                "EMAIL_ADDRESS": fake.email(p),
                "PHONE_NUMBER": fake.phone(),
                "CREDIT_CARD_NUMBER" if t == "Card" else "US_SOCIAL_SECURITY_NUMBER": (
                    fake.card() if t == "Card" else fake.ssn()
                ),
            }
        )
    details = []
    if n <= 4 and rng.random() < 0.7:
        types = rng.sample(
            ["IBAN_CODE", "STREET_ADDRESS", "DATE_OF_BIRTH", "URL"], rng.randint(2, 3)
        )
        details = [(rng.choice(LABELS[t]), t, fake.value(t, user)) for t in types]
    show_ip = rng.random() < 0.6
    budget = rng.randint(8, 12)
    total = 1 + show_ip + len(details) + sum(len(r) for r in rows)
    cells = [(i, t) for i, r in enumerate(rows) for t in r if t != "PERSON_NAME"]
    masked = set(rng.sample(cells, max(0, min(len(cells), total - budget))))

    fs = rng.choice([13, 14, 15])
    cell_font = font(fam, fs)
    c.token(
        24, h - 112, Tok(f"{user[0]} {user[1]}", "PERSON_NAME"), font(fam, 14, True), th.side_text
    )
    c.line(
        24, h - 90, parse(rng.choice(["Administrator", "Support agent"])), font(fam, 13), th.muted
    )
    if show_ip:
        c.line(24, h - 60, parse("Last login from"), font(fam, 12), th.muted)
        c.token(24, h - 42, Tok(fake.ip(), "IP_ADDRESS"), font(fam, 12), th.muted)

    d.rectangle((sw + 1, 0, w, 64), fill=th.header)
    d.line((sw, 64, w, 64), fill=th.border)
    c.line(sw + 24, 19, parse("Customers"), font(fam, 22, True), th.text)
    d.rounded_rectangle((w - 520, 16, w - 260, 48), 6, outline=th.border, fill=th.bg)
    c.line(w - 506, 24, parse("Search customers"), font(fam, 14), th.muted)
    d.rounded_rectangle((w - 236, 14, w - 24, 50), 6, fill=th.accent)
    c.line(w - 206, 23, parse("Add customer"), font(fam, 15, True), (255, 255, 255))

    x0 = sw + 24
    avail = w - x0 - 24
    widths = [0.2, 0.3, 0.18, 0.21, 0.11]
    xs = [x0 + sum(widths[:i]) * avail for i in range(5)]
    heads = ["Name", "Email", "Phone", col_type, "Status"]
    top_y = 92
    if rng.random() < 0.6:  # summary cards above the table: more ordinary words and numbers
        top_y = 196
        stats = rng.sample(STATS, 3)
        card_w = (w - x0 - 2 * 16) / 3
        for j, (label, make) in enumerate(stats):
            left = x0 - 12 + j * (card_w + 16)
            d.rounded_rectangle(
                (left, 84, left + card_w, 164), 8, fill=th.header, outline=th.border
            )
            c.line(left + 16, 98, parse(label), font(fam, 13), th.muted)
            c.line(left + 16, 122, parse(make(rng)), font(fam, 24, True), th.text)
    y = top_y
    d.rectangle((x0 - 12, y - 10, w - 12, y + 26), fill=th.stripe)
    for x, title in zip(xs, heads, strict=True):
        c.line(x, y, parse(title), font(fam, fs, True), th.muted)
    rh = rng.choice([40, 44, 48])
    for i, r in enumerate(rows):
        y = top_y + rh * (i + 1)
        d.line((x0 - 12, y - 12, w - 12, y - 12), fill=th.border)
        for col, (t, val) in enumerate(r.items()):
            if (i, t) in masked:
                c.line(xs[col], y, parse(_masked(val, t)), cell_font, th.muted)
                continue
            if t == "EMAIL_ADDRESS" and cell_font.getlength(val) > widths[1] * avail - 16:
                first, last = r["PERSON_NAME"].split(" ", 1)
                val = fake.email((first, last), short=True)
            c.token(xs[col], y, Tok(val, t), cell_font, th.text)
        status = rng.choice(["Active", "Active", "Pending", "Suspended"])
        fill, ink = th.pill[status]
        sfont = font(fam, 12, True)
        d.rounded_rectangle(
            (xs[4], y - 5, xs[4] + sfont.getlength(status) + 20, y + 20), 10, fill=fill
        )
        c.token(xs[4] + 10, y, Tok(status), sfont, ink)
    y = top_y + rh * (n + 1)
    d.line((x0 - 12, y - 12, w - 12, y - 12), fill=th.border)
    total_rows = rng.randrange(40, 2000)
    c.line(x0, y + 6, parse(f"Showing 1 to {n} of {total_rows} customers"), font(fam, 13), th.muted)
    for label, dx in (("Previous", 200), ("Next", 90)):
        c.line(w - 24 - dx, y + 6, parse(label), font(fam, 13, True), th.text)
    if details:
        top = y + 60
        d.rounded_rectangle(
            (x0 - 12, top, x0 + 640, top + 60 + 40 * len(details)), 8, fill=th.header
        )
        c.line(x0 + 8, top + 16, parse("Customer details"), font(fam, 16, True), th.text)
        for j, (label, t, val) in enumerate(details):
            yy = top + 56 + 40 * j
            c.line(x0 + 8, yy, parse(label), cell_font, th.muted)
            c.token(x0 + 210, yy, Tok(val, t), cell_font, th.text)
    kind = "ui_dark" if dark else "ui_light"
    return Sample(name, kind, _png(c.image), "png", final_items(c.inks, (w, h)))


def make_ui_light(name: str, rng: random.Random) -> Sample:
    return _ui(name, rng, dark=False)


def make_ui_dark(name: str, rng: random.Random) -> Sample:
    return _ui(name, rng, dark=True)


CHAT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": (
        "sure, my number is {v}, call after 5",
        "you can reach me on {v} anytime",
        "text me at {v} when you land",
    ),
    "EMAIL_ADDRESS": ("send it to {v} please", "my work email is {v}", "cc {v} on the invoice"),
    "CREDIT_CARD_NUMBER": ("card is {v}, exp 09/27", "use {v} for the deposit"),
    "US_SOCIAL_SECURITY_NUMBER": ("they asked for my ssn, it's {v}", "SSN {v} for the tax form"),
    "IBAN_CODE": ("my IBAN is {v}", "please wire it to {v} thanks!"),
    "IP_ADDRESS": ("the server at {v} is down again", "can you whitelist {v} on the firewall?"),
    "URL": ("here is the link {v}", "form is at {v} fill it before Friday"),
    "DATE_OF_BIRTH": ("date of birth {v} if they ask", "DOB {v} for the booking"),
    "STREET_ADDRESS": ("the new office is at {v}, second floor", "I'm at {v} come over"),
    "PERSON_NAME": ("ask {v} about the keys", "{v} will pick you up at 8"),
    "MEDICAL_RECORD_NUMBER": ("the clinic said MRN {v} bring your card",),
}
SMALL_TALK = (
    "hey, are you free today?",
    "ok thanks!",
    "let me check and get back to you",
    "can you send me the details for the booking?",
    "yes that works for me",
    "running 10 minutes late, sorry",
    "did you get my last message?",
    "great, see you then",
    "no worries at all",
    "what time is the meeting tomorrow?",
)
GROUPS = ("Family", "Project Apollo", "Book club", "Team standup", "Flat 4B")
PREVIEWS = ("see you tomorrow", "thanks!", "sounds good", "photo", "ok", "call me later")


def make_chat(name: str, rng: random.Random) -> Sample:
    """A desktop chat app: conversation list, a header, bubbles with PII inside sentences."""
    fake = Fake(rng)
    dark = rng.random() < 0.4
    w, h = 1280, 800
    fam = rng.choice(UI_FAMILIES)
    bg, panel = ((20, 22, 27), (30, 33, 40)) if dark else ((236, 229, 221), (255, 255, 255))
    text, muted = ((230, 232, 236), (140, 146, 156)) if dark else ((20, 22, 26), (110, 116, 124))
    mine, theirs = ((0, 92, 75), (38, 45, 52)) if dark else ((217, 253, 211), (255, 255, 255))
    c = Canvas(Image.new("RGB", (w, h), bg))
    d = c.draw
    lw = rng.choice([300, 320, 340])
    d.rectangle((0, 0, lw, h), fill=panel)
    d.line((lw, 0, lw, h), fill=muted)
    c.line(20, 22, parse("Chats"), font(fam, 22, True), text)
    d.rounded_rectangle((16, 64, lw - 16, 96), 8, fill=bg)
    c.line(30, 71, parse("Search or start new chat"), font(fam, 14), muted)

    active = fake.person()
    entries: list[tuple[str, str | None]] = [(f"{active[0]} {active[1]}", "PERSON_NAME")]
    for _ in range(rng.randint(3, 5)):
        if rng.random() < 0.5:
            p = fake.person()
            entries.append((f"{p[0]} {p[1]}", "PERSON_NAME"))
        else:
            entries.append((rng.choice(GROUPS), None))
    names = sum(1 for _, t in entries if t)
    for i, (label, t) in enumerate(entries):
        y = 116 + 72 * i
        if i == 0:
            d.rectangle((0, y - 10, lw - 1, y + 58), fill=bg)
        d.ellipse((16, y, 60, y + 44), fill=(rng.randint(90, 200), rng.randint(90, 200), 160))
        bold = font(fam, 15, True)
        if t:
            c.token(72, y + 2, Tok(label, t), bold, text)
        else:
            c.line(72, y + 2, parse(label), bold, text)
        c.line(72, y + 26, parse(rng.choice(PREVIEWS)), font(fam, 13), muted)
        stamp = parse(rng.choice(["09:14", "Yesterday", "Mon", "11:52", "08:03"]))
        c.line(lw - 16 - width(stamp, font(fam, 12)), y + 4, stamp, font(fam, 12), muted)

    d.rectangle((lw + 1, 0, w, 64), fill=panel)
    d.ellipse((lw + 16, 10, lw + 60, 54), fill=(120, 160, 200))
    c.token(lw + 72, 12, Tok(entries[0][0], "PERSON_NAME"), font(fam, 17, True), text)
    c.line(
        lw + 72, 38, parse(rng.choice(["online", "last seen today at 14:02"])), font(fam, 13), muted
    )
    d.rectangle((lw + 1, h - 64, w, h), fill=panel)
    d.rounded_rectangle((lw + 20, h - 50, w - 80, h - 14), 18, fill=bg)
    c.line(lw + 40, h - 42, parse("Type a message"), font(fam, 15), muted)

    fs = rng.choice([14, 15, 16])
    mfont, tfont = font(fam, fs), font(fam, 11)
    k = rng.randint(max(2, 4 - names - 1), max(2, min(6, 12 - names - 1)))
    msgs: list[tuple[list[Tok], bool]] = []
    for t in rng.sample(list(CHAT), k):
        v = fake.value(t, fake.person()) if t != "PERSON_NAME" else fake.name(plain=True)
        msgs.append((parse(rng.choice(CHAT[t]), {"v": (v, t)}), True))
    for talk in rng.sample(SMALL_TALK, rng.randint(3, 8)):
        msgs.insert(rng.randrange(len(msgs) + 1), (parse(talk), False))
    limit = rng.choice([380, 440, 500])
    pad = 12
    lh = fs * 1.45

    def bubble_h(tokens: list[Tok]) -> float:
        return len(wrap(tokens, mfont, limit)) * lh + 2 * pad + 14 + 12

    space = h - 64 - 84
    while sum(bubble_h(m) for m, _ in msgs) > space:
        drop = next((i for i, (_, pii) in enumerate(msgs) if not pii), 0)
        msgs.pop(drop)
    y, minute = 84.0, rng.randrange(8 * 60, 20 * 60)
    for tokens, _ in msgs:
        me = rng.random() < 0.5
        lines = wrap(tokens, mfont, limit)
        bw = max(width(ln, mfont) for ln in lines) + 2 * pad
        bh = len(lines) * lh + 2 * pad + 14
        x = w - 24 - bw if me else lw + 24
        d.rounded_rectangle((x, y, x + bw, y + bh), 10, fill=mine if me else theirs)
        for j, ln in enumerate(lines):
            c.line(x + pad, y + pad + j * lh, ln, mfont, text)
        minute += rng.randrange(0, 25)
        stamp = parse(f"{minute // 60:02d}:{minute % 60:02d}")
        c.line(x + bw - pad - width(stamp, tfont), y + bh - 16, stamp, tfont, muted)
        y += bh + 12
    return Sample(name, "chat", _png(c.image), "png", final_items(c.inks, (w, h)))


HOSPITALS = (
    "ST. MARY HOSPITAL",
    "Klinikum Nord",
    "Royal Victoria Infirmary",
    "MERCY GENERAL HOSPITAL",
    "Hôpital Saint-Louis",
    "Lakeside Imaging Center",
)


def _radiograph(rng: random.Random, nrng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A smooth body shape (chest with lungs and ribs, or abdomen with pelvis) plus noise."""
    u = (np.arange(w, dtype=np.float32)[None, :] - w / 2) / (w / 2)
    v = (np.arange(h, dtype=np.float32)[:, None] - h * 0.55) / (h / 2)
    torso = np.exp(-((u / rng.uniform(0.65, 0.8)) ** 4 + (v / rng.uniform(0.9, 1.1)) ** 4))
    img = 18 + 120 * torso
    spine = 45 * np.exp(-((u / 0.07) ** 2)) * torso
    if rng.random() < 0.6:
        for side in (-1, 1):
            lung = np.exp(-(((u - side * 0.33) / 0.22) ** 2 + ((v + 0.12) / 0.42) ** 2))
            ribs = np.sin((v + 0.3 * u**2) * rng.uniform(24, 32)) > 0.65
            img = img - 60 * lung + 22 * lung * ribs
    else:
        ring = np.sqrt((u / 0.45) ** 2 + ((v - 0.45) / 0.3) ** 2)
        img = img + 40 * np.exp(-(((ring - 1) / 0.12) ** 2))
    img = img + spine + _noise(nrng, (h, w), rng.uniform(5, 9))
    return np.clip(img, 0, 255).astype(np.uint8)


def make_medical(name: str, rng: random.Random) -> Sample:
    """Grayscale radiograph with white burnt-in text at the corners, some touching the edge."""
    fake = Fake(rng)
    nrng = np.random.default_rng(rng.getrandbits(64))
    w = rng.choice([1024, 1280, 1536, 2048])
    h = min(2048, max(1024, round(w * rng.uniform(0.8, 1.25) / 16) * 16))
    c = Canvas(Image.fromarray(_radiograph(rng, nrng, w, h)))
    fam = rng.choice(["DejaVu Sans", "Liberation Sans", "DejaVu Sans Mono"])
    px = round(min(w, h) / rng.uniform(40, 54))
    fnt = font(fam, px, rng.random() < 0.3)
    fill = rng.choice([255, 245, 230])
    lh = px * rng.uniform(1.2, 1.4)
    margin = rng.randint(8, 30)

    person = fake.person()
    dob_label = rng.choice(["DOB:", "DOB", "Born", "Date of birth:"])
    top_left = [
        value(fake.name(person), "PERSON_NAME"),
        parse(dob_label) + value(fake.dob(), "DATE_OF_BIRTH"),
        parse(rng.choice(["MRN", "MRN:"])) + value(fake.mrn(), "MEDICAL_RECORD_NUMBER"),
        parse(f"Sex: {rng.choice('FM')} Age: {rng.randrange(18, 90)}Y"),
    ]
    top_right = [
        parse(rng.choice(HOSPITALS)),
        parse(f"Study date: {fake.date()}"),
        parse(f"Acc: {rng.randrange(10**7, 10**8)}"),
    ]
    bottom_left = [parse(f"kVp {rng.randrange(60, 130)} mAs {rng.randrange(10, 80) / 10}")]
    bottom_right = [
        parse(rng.choice(["PA ERECT", "AP SUPINE", "LATERAL", "AP PORTABLE"])),
        parse(f"W: {rng.choice([2048, 4096, 400])} L: {rng.choice([1024, 2048, 40])}"),
        parse(f"Series: {rng.randrange(1, 6)} Image: {rng.randrange(1, 40)}"),
    ]
    extras = rng.sample(["ref", "address", "phone", "tech"], rng.randint(1, 3))
    if "ref" in extras:
        bottom_left.insert(0, parse("Ref: Dr.") + value(fake.name(plain=True), "PERSON_NAME"))
    if "tech" in extras:
        bottom_left.insert(0, parse("Tech:") + value(fake.name(plain=True), "PERSON_NAME"))
    if "address" in extras:
        top_right.insert(1, value(fake.address(), "STREET_ADDRESS"))
    if "phone" in extras:
        top_right.insert(1, parse("Tel:") + value(fake.phone(), "PHONE_NUMBER"))

    touch = rng.random() < 0.5
    first = top_left[0][0].text
    off = ink_offset(first, fnt) or (0, 0, 0, 0)
    x_left = rng.randint(0, 4) - off[0] if touch else margin
    y_top = rng.randint(0, 4) - off[1] if touch else margin
    for i, row in enumerate(top_left):
        c.line(x_left, y_top + i * lh, row, fnt, fill)
    for i, row in enumerate(top_right):
        c.line(w - margin - width(row, fnt), margin + i * lh, row, fnt, fill)
    base = h - margin - px * 1.2
    for i, row in enumerate(bottom_left):
        c.line(margin, base - (len(bottom_left) - 1 - i) * lh, row, fnt, fill)
    for i, row in enumerate(bottom_right):
        c.line(
            w - margin - width(row, fnt), base - (len(bottom_right) - 1 - i) * lh, row, fnt, fill
        )
    marker = font(fam, px * 2, True)
    c.token(margin + px, h / 2, Tok(rng.choice("RL")), marker, fill)
    return Sample(name, "medical", _png(c.image), "png", final_items(c.inks, (w, h)))


MAKERS: dict[str, Callable[[str, random.Random], Sample]] = {
    "form": make_form,
    "small_form": make_small_form,
    "ui_light": make_ui_light,
    "ui_dark": make_ui_dark,
    "chat": make_chat,
    "scan": make_scan,
    "photo": make_photo,
    "medical": make_medical,
}


def build(seed: int = 7, per_kind: int = 6) -> list[Sample]:
    """per_kind samples of every kind; each has its own RNG, so samples don't shift each other."""
    out = []
    for kind in KINDS:
        for i in range(per_kind):
            rng = random.Random(f"inkout-accuracy/{seed}/{kind}/{i}")
            out.append(MAKERS[kind](f"{kind}-{i:02d}", rng))
    return out


def overlay(sample: Sample) -> Image.Image:
    """The image with sensitive boxes in red and other words in blue, for a person to check."""
    image = Image.open(io.BytesIO(sample.data)).convert("RGB")
    d = ImageDraw.Draw(image)
    for it in sample.items:
        b = it.box
        colour = (255, 0, 0) if it.info_type else (0, 90, 255)
        d.rectangle((b.left, b.top, b.right - 1, b.bottom - 1), outline=colour)
    return image


if __name__ == "__main__":
    import json
    import sys
    import time
    from collections import Counter
    from pathlib import Path

    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/inkout-corpus")
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    samples = build()
    print(f"built {len(samples)} samples in {time.perf_counter() - start:.1f} s")
    manifest = {}
    for s in samples:
        file = f"{s.name}.{s.format}"
        (out_dir / file).write_bytes(s.data)
        if "--boxes" in sys.argv:
            overlay(s).save(out_dir / f"{s.name}.boxes.png")
        manifest[s.name] = {
            "kind": s.kind,
            "file": file,
            "items": [
                {
                    "text": it.text,
                    "info_type": it.info_type,
                    "box": [it.box.left, it.box.top, it.box.width, it.box.height],
                }
                for it in s.items
            ],
        }
    (out_dir / "items.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    counts = Counter(it.info_type or "(word)" for s in samples for it in s.items)
    for key, n in sorted(counts.items()):
        print(f"{key:28} {n}")
