"""Small frozen values that flow between the pipeline's modules.

Protobuf messages never reach the core: the service layer converts them to these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Likelihood(IntEnum):
    """DLP's likelihood scale, with DLP's numbers so conversion is a cast."""

    LIKELIHOOD_UNSPECIFIED = 0
    VERY_UNLIKELY = 1
    UNLIKELY = 2
    POSSIBLE = 3
    LIKELY = 4
    VERY_LIKELY = 5


class MatchingType(IntEnum):
    """How an exclusion rule's match relates to a finding (DLP's numbers)."""

    MATCHING_TYPE_UNSPECIFIED = 0
    FULL_MATCH = 1
    PARTIAL_MATCH = 2
    INVERSE_MATCH = 3


@dataclass(frozen=True, slots=True)
class Box:
    """A pixel rectangle in the input image: left/top inclusive, width/height in pixels."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def same_row(self, other: Box) -> bool:
        """Whether the two stand on one row: they share half the lower one's height or more,
        so a speck read as a word ("nt", three pixels tall) stands on the row it lies in."""
        shared = min(self.bottom, other.bottom) - max(self.top, other.top)
        return shared >= min(self.height, other.height) / 2


@dataclass(frozen=True, slots=True)
class Symbol:
    """One recognised character with its box; start/end are codepoint offsets into the text.

    word is the index of the Word it belongs to in OcrText.words.
    """

    start: int
    end: int
    box: Box
    word: int


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word: its span in the text, its box, its line and confidence (0-100)."""

    start: int
    end: int
    box: Box
    line: int
    confidence: float


@dataclass(frozen=True, slots=True)
class OcrText:
    """What OCR read: the text, and boxes for every word and symbol in it."""

    text: str
    words: tuple[Word, ...]
    symbols: tuple[Symbol, ...]


# ----- detection settings (converted from InspectConfig) -----


@dataclass(frozen=True, slots=True)
class Regex:
    pattern: str
    group_indexes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Proximity:
    """Characters before and after a finding in which a hotword counts."""

    window_before: int = 0
    window_after: int = 0


@dataclass(frozen=True, slots=True)
class HotwordRule:
    """Raise or lower a finding's likelihood when a hotword appears nearby."""

    hotword: Regex
    proximity: Proximity
    fixed_likelihood: Likelihood | None = None
    relative_likelihood: int = 0


@dataclass(frozen=True, slots=True)
class ExclusionRule:
    """Drop findings that match words, a regex, other info types or a nearby hotword."""

    words: tuple[str, ...] = ()
    regex: Regex | None = None
    info_types: tuple[str, ...] = ()
    hotword: Regex | None = None
    hotword_proximity: Proximity | None = None
    matching_type: MatchingType = MatchingType.FULL_MATCH


@dataclass(frozen=True, slots=True)
class CustomInfoType:
    """A request-defined detector: a regex or a word list, with its own likelihood and rules."""

    name: str
    likelihood: Likelihood = Likelihood.VERY_LIKELY
    regex: Regex | None = None
    words: tuple[str, ...] = ()
    hotword_rules: tuple[HotwordRule, ...] = ()
    exclude: bool = False


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules applied to the findings of the listed info types."""

    info_types: tuple[str, ...]
    hotword_rules: tuple[HotwordRule, ...] = ()
    exclusion_rules: tuple[ExclusionRule, ...] = ()


@dataclass(frozen=True, slots=True)
class InspectSpec:
    """What to look for. Empty info_types means the default list (infotypes.default_names)."""

    info_types: tuple[str, ...] = ()
    min_likelihood: Likelihood = Likelihood.POSSIBLE
    min_likelihood_per_info_type: tuple[tuple[str, Likelihood], ...] = ()
    custom_info_types: tuple[CustomInfoType, ...] = ()
    rule_sets: tuple[RuleSet, ...] = ()
    exclude_info_types: bool = False
    max_findings_per_item: int = 0
    max_findings_per_info_type: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Detection:
    """A span of the OCR text judged sensitive; start/end are codepoint offsets."""

    info_type: str
    start: int
    end: int
    likelihood: Likelihood
    score: float = 0.0


# ----- painting and results -----

Rgb = tuple[int, int, int]
BLACK: Rgb = (0, 0, 0)


@dataclass(frozen=True, slots=True)
class PaintPlan:
    """Which findings to paint and in what colour, as DLP's ImageRedactionConfigs say.

    With no configs, every finding is painted black. With configs, an info type is painted
    only if a config names it, or a config without a target covers "all other info types";
    redact_all_text paints every word.
    """

    by_info_type: tuple[tuple[str, Rgb], ...] = ()
    others: Rgb | None = BLACK
    all_text: Rgb | None = None

    def colour_for(self, info_type: str) -> Rgb | None:
        for name, rgb in self.by_info_type:
            if name == info_type:
                return rgb
        return self.others


@dataclass(frozen=True, slots=True)
class Finding:
    """A detection placed on the image: its text span and the boxes that cover it."""

    info_type: str
    likelihood: Likelihood
    quote: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    boxes: tuple[Box, ...]


@dataclass(frozen=True, slots=True)
class Redaction:
    """The pipeline's answer: encoded image bytes, the OCR text and the findings."""

    image: bytes
    text: str
    findings: tuple[Finding, ...]
    findings_truncated: bool = False
    boxes_painted: int = 0
    timings: dict[str, float] = field(default_factory=dict, compare=False)
