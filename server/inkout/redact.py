"""The pipeline: decode, OCR, detect, place on pixels, paint, encode.

Data flows one way through the modules named for each step. Whatever fails raises, and
nothing is returned but a finished, painted image: inkout fails closed.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from inkout import decode, encode
from inkout.boxes import BoxIndex, bridges
from inkout.config import Settings
from inkout.detect import Detector, is_header
from inkout.model import Box, Detection, Finding, InspectSpec, PaintPlan, Redaction, Rgb
from inkout.ocr import OcrEngine, to_gray8, under_headers
from inkout.paint import paint_boxes


@dataclass(frozen=True, slots=True)
class RedactJob:
    """One image to redact, with the request's settings already converted and validated."""

    data: bytes
    declared_type: str = "IMAGE"
    spec: InspectSpec = InspectSpec()
    plan: PaintPlan = PaintPlan()
    padding: int | None = None


# Unless a request sets box_padding, a box grows by these shares of its height (and at
# least by the configured pixels): the blurred or anti-aliased edge of large text, which
# OCR's binarised boxes leave out, is wider than a fixed two pixels; upwards and downwards a
# little more, to the height of the whole line (a box around "588 Harbor Way" ends at the
# ink, the line goes on below it).
PADDING_PER_HEIGHT = 0.2
PADDING_PER_HEIGHT_VERTICAL = 0.25


# Types whose finding may be a masked address's domain read again on its own (see
# BoxIndex.boxes): their findings do not take in the words that read their ink again.
_DOMAIN_TYPES = frozenset({"EMAIL_ADDRESS", "URL"})


def _padded(box: Box, least: int) -> Box:
    side = max(least, round(PADDING_PER_HEIGHT * box.height))
    end = max(least, round(PADDING_PER_HEIGHT_VERTICAL * box.height))
    return Box(box.left - side, box.top - end, box.width + 2 * side, box.height + 2 * end)


def _noop() -> None:
    return None


def _capped(findings: list[Finding], spec: InspectSpec) -> tuple[list[Finding], bool]:
    """Apply DLP's finding limits to what is reported; painting is never limited."""
    per_type = dict(spec.max_findings_per_info_type)
    kept: list[Finding] = []
    seen: Counter[str] = Counter()
    truncated = False
    for f in findings:
        cap = per_type.get(f.info_type, 0)
        if (cap and seen[f.info_type] >= cap) or (
            spec.max_findings_per_item and len(kept) >= spec.max_findings_per_item
        ):
            truncated = True
            continue
        seen[f.info_type] += 1
        kept.append(f)
    return kept, truncated


class Redactor:
    """Owns the long-lived engines (tesseract APIs, the analyzer); safe to share across threads."""

    def __init__(
        self,
        settings: Settings | None = None,
        ocr: OcrEngine | None = None,
        detector: Detector | None = None,
    ):
        self.settings = settings or Settings()
        self.ocr = ocr or OcrEngine(
            workers=self.settings.ocr_workers,
            language=self.settings.language,
            tessdata=self.settings.tessdata or None,
        )
        self.detector = detector or Detector()
        self._in_flight = 0
        self._in_flight_lock = threading.Lock()

    def validate(self, job: RedactJob) -> None:
        """Reject a bad request before any OCR is spent on it."""
        self.detector.validate(job.spec)

    def redact(self, job: RedactJob, check_deadline: Callable[[], None] = _noop) -> Redaction:
        timings: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[name] = now - clock
            clock = now
            check_deadline()

        self.validate(job)
        with self._in_flight_lock:
            self._in_flight += 1
        try:
            image = decode.decode(job.data, job.declared_type, self.settings.max_pixels)
            lap("decode")
            # Alone, one image may take every core; with others in flight, one core each.
            ocr = self.ocr.read(image.pixels, parallel=self._in_flight == 1)
            lap("ocr")
        finally:
            with self._in_flight_lock:
                self._in_flight -= 1
        headers = under_headers(ocr, is_header)
        detections = self.detector.detect(ocr.text, job.spec, headers)
        lap("detect")

        index = BoxIndex(ocr, to_gray8(image.pixels) if detections else None)
        findings = [self._place(d, ocr.text, index) for d in detections]
        boxes: list[Box] = []
        colours: list[Rgb] = []
        for f in findings:
            colour = job.plan.colour_for(f.info_type)
            if colour is not None:
                boxes.extend(f.boxes)
                colours.extend([colour] * len(f.boxes))
        if job.plan.all_text is not None:
            words = index.word_boxes()
            boxes.extend(words)
            colours.extend([job.plan.all_text] * len(words))
        if job.padding is None:  # the default: grows with the text (see PADDING_PER_HEIGHT)
            boxes = [_padded(b, self.settings.box_padding) for b in boxes]
        for box, colour in bridges(boxes, colours):
            boxes.append(box)
            colours.append(colour)
        painted = paint_boxes(image.pixels, boxes, colours, job.padding or 0)
        lap("paint")
        data = encode.encode(image.pixels, image.format)
        lap("encode")
        reported, truncated = _capped(findings, job.spec)
        return Redaction(data, ocr.text, tuple(reported), truncated, painted, timings)

    @staticmethod
    def _place(d: Detection, text: str, index: BoxIndex) -> Finding:
        byte_start = len(text[: d.start].encode("utf-8"))
        quote = text[d.start : d.end]
        return Finding(
            info_type=d.info_type,
            likelihood=d.likelihood,
            quote=quote,
            start=d.start,
            end=d.end,
            byte_start=byte_start,
            byte_end=byte_start + len(quote.encode("utf-8")),
            # letter-spaced names (a radiograph's) are what second looks read in overlapping
            # pieces; any value's end may be read again, but a masked address's domain alone
            boxes=index.boxes(
                d.start,
                d.end,
                same_ink=d.info_type == "PERSON_NAME",
                reread=d.info_type not in _DOMAIN_TYPES,
                # an address's user name, not its domain alone (a masked one's, "•••@" unread)
                lost_start=d.info_type == "EMAIL_ADDRESS" and "@" in quote,
            ),
        )

    def close(self) -> None:
        self.ocr.close()
