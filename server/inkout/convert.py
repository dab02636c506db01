"""Protobuf messages to core values and back: the only module that knows both.

Fields inkout does not implement are rejected with INVALID_ARGUMENT rather than ignored, so
a caller never believes a rule was applied when it was not.
"""

from __future__ import annotations

from google.protobuf.timestamp_pb2 import Timestamp

from inkout import infotypes
from inkout.errors import InvalidArgument
from inkout.model import (
    BLACK,
    CustomInfoType,
    ExclusionRule,
    HotwordRule,
    InspectSpec,
    Likelihood,
    MatchingType,
    PaintPlan,
    Proximity,
    Redaction,
    Regex,
    Rgb,
    RuleSet,
)
from inkout.redact import RedactJob
from inkout.v1 import dlp_pb2

_DEFAULT_MIN = Likelihood.POSSIBLE  # DLP's default when min_likelihood is unspecified


def _likelihood(value: int, default: Likelihood) -> Likelihood:
    return default if value == Likelihood.LIKELIHOOD_UNSPECIFIED else Likelihood(value)


def _regex(msg: dlp_pb2.CustomInfoType.Regex) -> Regex:
    return Regex(msg.pattern, tuple(msg.group_indexes))


def _words(dictionary: dlp_pb2.CustomInfoType.Dictionary, where: str) -> tuple[str, ...]:
    if dictionary.WhichOneof("source") != "word_list":
        raise InvalidArgument(
            f"{where}: only dictionary.word_list is supported; cloud_storage_path cannot be "
            "read by a self-hosted server: send the words inline"
        )
    return tuple(dictionary.word_list.words)


def _hotword(rule: dlp_pb2.CustomInfoType.DetectionRule.HotwordRule) -> HotwordRule:
    adjustment = rule.likelihood_adjustment
    which = adjustment.WhichOneof("adjustment")
    return HotwordRule(
        hotword=_regex(rule.hotword_regex),
        proximity=Proximity(rule.proximity.window_before, rule.proximity.window_after),
        fixed_likelihood=Likelihood(adjustment.fixed_likelihood)
        if which == "fixed_likelihood"
        else None,
        relative_likelihood=adjustment.relative_likelihood if which == "relative_likelihood" else 0,
    )


class _Names:
    """Canonical names: the request's custom info types as given, built-ins by catalogue."""

    def __init__(self, custom: set[str]):
        self.custom = custom

    def __call__(self, name: str) -> str:
        return name if name in self.custom else infotypes.canonical(name)

    def all(self, types: object) -> tuple[str, ...]:
        return tuple(self(t.name) for t in types)  # type: ignore[attr-defined]


def _custom(c: dlp_pb2.CustomInfoType, index: int) -> CustomInfoType:
    where = f"inspect_config.custom_info_types[{index}]"
    kind = c.WhichOneof("type")
    regex = None
    words: tuple[str, ...] = ()
    if kind == "regex":
        regex = _regex(c.regex)
    elif kind == "dictionary":
        words = _words(c.dictionary, where)
    else:
        raise InvalidArgument(
            f"{where} ({c.info_type.name or 'unnamed'}): "
            + (f"{kind} is not supported" if kind else "set regex or dictionary")
            + "; inkout supports custom info types defined by regex or dictionary.word_list"
        )
    rules = []
    for rule in c.detection_rules:
        rules.append(_hotword(rule.hotword_rule))
    return CustomInfoType(
        name=c.info_type.name,
        likelihood=_likelihood(c.likelihood, Likelihood.VERY_LIKELY),
        regex=regex,
        words=words,
        hotword_rules=tuple(rules),
        exclude=c.exclusion_type == dlp_pb2.CustomInfoType.EXCLUSION_TYPE_EXCLUDE,
    )


def _exclusion(rule: dlp_pb2.ExclusionRule, where: str, names: _Names) -> ExclusionRule:
    kind = rule.WhichOneof("type")
    matching = MatchingType(rule.matching_type or MatchingType.FULL_MATCH)
    if matching not in (
        MatchingType.FULL_MATCH,
        MatchingType.PARTIAL_MATCH,
        MatchingType.INVERSE_MATCH,
    ):
        raise InvalidArgument(f"{where}.matching_type {matching.name} is not supported")
    if kind == "dictionary":
        return ExclusionRule(words=_words(rule.dictionary, where), matching_type=matching)
    if kind == "regex":
        return ExclusionRule(regex=_regex(rule.regex), matching_type=matching)
    if kind == "exclude_info_types":
        types = names.all(rule.exclude_info_types.info_types)
        return ExclusionRule(info_types=types, matching_type=matching)
    if kind == "exclude_by_hotword":
        hot = rule.exclude_by_hotword
        proximity = Proximity(hot.proximity.window_before, hot.proximity.window_after)
        return ExclusionRule(
            hotword=_regex(hot.hotword_regex), hotword_proximity=proximity, matching_type=matching
        )
    raise InvalidArgument(
        f"{where}: "
        + (f"{kind} is not supported" if kind else "set one kind of exclusion")
        + "; use dictionary, regex, exclude_info_types or exclude_by_hotword"
    )


def inspect_spec(cfg: dlp_pb2.InspectConfig) -> InspectSpec:
    """InspectConfig as the detector's InspectSpec, with every name made canonical."""
    customs = tuple(_custom(c, i) for i, c in enumerate(cfg.custom_info_types))
    names = _Names({c.name for c in customs})
    rule_sets = []
    for i, rs in enumerate(cfg.rule_set):
        hotwords, exclusions = [], []
        for j, rule in enumerate(rs.rules):
            where = f"inspect_config.rule_set[{i}].rules[{j}]"
            kind = rule.WhichOneof("type")
            if kind == "hotword_rule":
                hotwords.append(_hotword(rule.hotword_rule))
            elif kind == "exclusion_rule":
                exclusions.append(_exclusion(rule.exclusion_rule, where, names))
            else:
                raise InvalidArgument(
                    f"{where}: "
                    + (f"{kind} is not supported" if kind else "set hotword_rule or exclusion_rule")
                    + "; inkout applies hotword_rule and exclusion_rule"
                )
        rule_sets.append(RuleSet(names.all(rs.info_types), tuple(hotwords), tuple(exclusions)))
    limits = cfg.limits
    for i, lim in enumerate(limits.max_findings_per_info_type):
        if lim.max_findings < 0:
            raise InvalidArgument(
                f"inspect_config.limits.max_findings_per_info_type[{i}].max_findings is negative"
            )
    if limits.max_findings_per_item < 0 or limits.max_findings_per_request < 0:
        raise InvalidArgument("inspect_config.limits: finding limits must be zero or positive")
    per_item = [v for v in (limits.max_findings_per_item, limits.max_findings_per_request) if v]
    return InspectSpec(
        info_types=tuple(
            t.name if t.name == infotypes.ALL_BASIC else names(t.name) for t in cfg.info_types
        ),
        min_likelihood=_likelihood(cfg.min_likelihood, _DEFAULT_MIN),
        min_likelihood_per_info_type=tuple(
            (names(t.info_type.name), _likelihood(t.min_likelihood, _DEFAULT_MIN))
            for t in cfg.min_likelihood_per_info_type
        ),
        custom_info_types=customs,
        rule_sets=tuple(rule_sets),
        max_findings_per_item=min(per_item) if per_item else 0,
        max_findings_per_info_type=tuple(
            (names(lim.info_type.name), lim.max_findings)
            for lim in limits.max_findings_per_info_type
        ),
    )


def _rgb(color: dlp_pb2.Color) -> Rgb:
    """DLP colours are floats in [0, 1]; out-of-range values are clamped."""
    return tuple(round(min(1.0, max(0.0, v)) * 255) for v in (color.red, color.green, color.blue))  # type: ignore[return-value]


def paint_plan(configs: list[dlp_pb2.RedactImageRequest.ImageRedactionConfig], names) -> PaintPlan:
    """DLP's rule: no configs paints every finding black; otherwise only what a config names."""
    if not configs:
        return PaintPlan()
    by_type: list[tuple[str, Rgb]] = []
    others: Rgb | None = None
    all_text: Rgb | None = None
    for c in configs:
        colour = _rgb(c.redaction_color) if c.HasField("redaction_color") else BLACK
        target = c.WhichOneof("target")
        if target == "info_type":
            by_type.append((names(c.info_type.name), colour))
        elif target == "redact_all_text" and c.redact_all_text:
            all_text = colour
        else:
            others = colour
    return PaintPlan(tuple(by_type), others, all_text)


def job(request: dlp_pb2.RedactImageRequest) -> RedactJob:
    """A RedactImageRequest as a RedactJob, or InvalidArgument saying what to fix."""
    for field in ("inspect_template", "deidentify_template"):
        if getattr(request, field):
            raise InvalidArgument(
                f"{field} is not supported yet: send inspect_config and image_redaction_configs"
            )
    if not request.HasField("byte_item") or not request.byte_item.data:
        raise InvalidArgument("byte_item.data is empty: send the image bytes in byte_item.data")
    if request.HasField("box_padding") and not 0 <= request.box_padding <= 100:
        raise InvalidArgument("box_padding must be between 0 and 100 pixels")
    spec = inspect_spec(request.inspect_config)
    names = _Names({c.name for c in spec.custom_info_types})
    declared = dlp_pb2.ByteContentItem.BytesType.Name(request.byte_item.type)
    return RedactJob(
        data=request.byte_item.data,
        declared_type=declared,
        spec=spec,
        plan=paint_plan(list(request.image_redaction_configs), names),
        padding=request.box_padding if request.HasField("box_padding") else None,
    )


def response(request: dlp_pb2.RedactImageRequest, result: Redaction) -> dlp_pb2.RedactImageResponse:
    """What DLP returns: the image; the text and quotes only with include_quote; findings only
    with include_findings; info types left out when exclude_info_types is set."""
    cfg = request.inspect_config
    out = dlp_pb2.RedactImageResponse(redacted_image=result.image, request_id=request.request_id)
    if cfg.include_quote:
        out.extracted_text = result.text
    if request.include_findings:
        now = Timestamp()
        now.GetCurrentTime()
        for f in result.findings:
            finding = out.inspect_result.findings.add(likelihood=int(f.likelihood))
            if cfg.include_quote:
                finding.quote = f.quote
            if not cfg.exclude_info_types:
                finding.info_type.name = f.info_type
            finding.create_time.CopyFrom(now)
            loc = finding.location
            loc.byte_range.start, loc.byte_range.end = f.byte_start, f.byte_end
            loc.codepoint_range.start, loc.codepoint_range.end = f.start, f.end
            boxes = loc.content_locations.add().image_location.bounding_boxes
            for b in f.boxes:
                boxes.add(top=b.top, left=b.left, width=b.width, height=b.height)
        out.inspect_result.findings_truncated = result.findings_truncated
    return out


def info_type_descriptions(filter_: str) -> dlp_pb2.ListInfoTypesResponse:
    """ListInfoTypes: every built-in detector; the only filter accepted is supported_by=INSPECT."""
    out = dlp_pb2.ListInfoTypesResponse()
    normalized = filter_.replace(" ", "")
    if normalized not in ("", "supported_by=INSPECT"):
        raise InvalidArgument(
            f'filter "{filter_}" is not supported: leave it empty or use supported_by=INSPECT'
        )
    for info in infotypes.all_builtin():
        out.info_types.add(
            name=info.name,
            display_name=info.display_name,
            description=info.description,
            supported_by=[dlp_pb2.INSPECT],
        )
    return out
