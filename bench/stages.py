"""Where one image's CPU goes: each step of a redaction, and tesseract alone on the same image.

Throughput is bounded by the CPU an image needs: with every core busy, images per second
cannot pass cores / (CPU per image), so the share of the ideal (cores / floor) that any
number of clients can reach is at most floor / (CPU per image). This prints that bound
from the CPU time of each step (thread time, one image at a time on one tesseract API, as
under load), without gRPC.

    .venv/bin/python bench/stages.py [--image ui_screenshot_1280x800] [--rounds 8]
"""

from __future__ import annotations

import argparse
import functools
import gc
import logging
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference import floor as reference_floor  # noqa: E402
from reference import references  # noqa: E402

import inkout.ocr as ocr  # noqa: E402
import inkout.redact as redact  # noqa: E402
from inkout.config import Settings  # noqa: E402
from inkout.infotypes import ALL_BASIC  # noqa: E402
from inkout.model import InspectSpec  # noqa: E402

# Steps inside the OCR stage, timed on their own; _recognise includes the second looks' own.
OCR_STEPS = ("_recognise", "second_look", "_collect", "text_edges", "faint_lines", "prepare")


def _timed(module: object, name: str, spent: Counter[str]) -> None:
    """Wrap module.name so that its thread CPU time adds up in spent[name]."""
    inner = getattr(module, name)

    @functools.wraps(inner)
    def wrapper(*args: object, **kwargs: object) -> object:
        started = time.thread_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[name] += time.thread_time() - started

    setattr(module, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--image", default="ui_screenshot_1280x800")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    ref = {r.name: r for r in references()}[args.image]

    steps: Counter[str] = Counter()
    for name in OCR_STEPS:
        _timed(ocr, name, steps)
    redact.time.perf_counter = time.thread_time  # the pipeline's own laps, in CPU time
    redactor = redact.Redactor(Settings(ocr_workers=1))
    job = redact.RedactJob(ref.data, spec=InspectSpec(info_types=(ALL_BASIC,)))
    redactor.redact(job)  # warm-up
    gc.freeze()  # as `inkout serve` does once its engines are loaded
    steps.clear()
    stages: Counter[str] = Counter()
    for _ in range(args.rounds):
        stages.update(redactor.redact(job).timings)
    redactor.close()

    floor = reference_floor(ref.data, args.rounds, time.thread_time)

    def ms(seconds: float) -> str:
        return f"{seconds / args.rounds * 1000:.1f}"

    total = sum(stages.values()) / args.rounds
    print(f"{args.image}, CPU milliseconds per image over {args.rounds} rounds")
    print("| stage | ms |\n| --- | ---: |")
    for name, seconds in stages.items():
        print(f"| {name} | {ms(seconds)} |")
    print(f"| all stages | {total * 1000:.1f} |")
    print(f"| tesseract alone (the floor) | {floor * 1000:.1f} |")
    print("\ninside the ocr stage\n| step | ms |\n| --- | ---: |")
    for name, seconds in steps.most_common():
        print(f"| {name} | {ms(seconds)} |")
    print(f"\nshare of the ideal any number of clients can reach: at most {floor / total:.0%}")


if __name__ == "__main__":
    main()
