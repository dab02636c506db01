"""inkout's accuracy on the corpus drawn with other fonts and other names.

The benchmark's corpus is what inkout was tuned on; a hidden corpus of the same kinds with
other fonts and layouts is what it must also meet. This renders the same generators with
fonts none of the benchmark's images use (Roboto, Open Sans, Lato, GNU FreeFont) and given
names and surnames from the same countries that the benchmark never shows, then scores
inkout alone the way bench/test_accuracy.py does.

    apt-get install fonts-roboto fonts-open-sans fonts-lato fonts-freefont-ttf
    .venv/bin/python bench/accuracy/other_fonts.py [--seed N [N ...]] [--kind K [K ...]]
        [--without-evening]

With several seeds, the table is over all their images together (six of each kind a seed).
--kind scores those kinds only; --without-evening lets the first reading see every image as
it is (ocr.evened left out), to measure what evening a photographed sheet gives.

Not part of `make bench`: the fonts are not installed by `make setup`, and its figures are a
check on over-fitting, not a target table.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accuracy import corpus  # noqa: E402
from accuracy.score import StrongReader, Tally, gray, map_threads, score  # noqa: E402
from inkout import ocr  # noqa: E402
from inkout.config import Settings  # noqa: E402
from inkout.redact import RedactJob, Redactor  # noqa: E402

_FONTS = "/usr/share/fonts/truetype/"
OTHER_FAMILIES = {
    "Roboto": (
        "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
        "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
    ),
    "Open Sans": ("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-Bold.ttf"),
    "Lato": ("lato/Lato-Regular.ttf", "lato/Lato-Bold.ttf"),
    "FreeSans": ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    "FreeSerif": ("freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"),
    "FreeMono": ("freefont/FreeMono.ttf", "freefont/FreeMonoBold.ttf"),
}
UI = ("Roboto", "Open Sans", "Lato")
# Given names and surnames from the corpus's countries that its own lists do not have.
_NAMES = {
    "spanish": ("Sofía Diego Valentina Pablo Isabel", "Rodríguez Sánchez Romero Navarro Torres"),
    "nigerian": (
        "Adaeze Chinedu Folasade Ikechukwu Yetunde",
        "Okonkwo Adebayo Obi Chukwu Ogunleye",
    ),
    "japanese": ("Haruto Yui Takeshi Emi Ren", "Kobayashi Yamamoto Ito Takahashi Kimura"),
    "german": ("Maximilian Lena Paul Sophie Jan", "Schneider Fischer Weber Meyer Schulz"),
    "indian": ("Aditya Kavya Vikram Sneha Rahul", "Singh Kumar Nair Menon Joshi"),
    "polish": (
        "Marek Joanna Paweł Ewa Krzysztof",
        "Kowalski Lewandowski Kamińska Zieliński Szymańska",
    ),
    "vietnamese": ("Anh Bao Mai Quang Trang", "Vu Dang Bui Do Ngo"),
    "arabic": ("Amira Hassan Nour Tariq Salma", "Saleh Hamdan Aziz Rahman Qureshi"),
    "french": ("Margaux Mathieu Inès Théo Manon", "Rousseau Fournier Mercier Bonnet Fontaine"),
    "irish": ("Saoirse Eoin Caoimhe Padraig Grainne", "Gallagher Doyle Quinn McCarthy Ryan"),
    "american": ("Ashley Brandon Jessica Tyler Megan", "Thompson Clark Harris Lewis Walker"),
}
OTHER_NAMES = {k: (tuple(g.split()), tuple(s.split())) for k, (g, s) in _NAMES.items()}


def use_other_fonts_and_names() -> None:
    """Point the corpus generators at the other fonts and names (they read these globals)."""
    missing = [p for pair in OTHER_FAMILIES.values() for p in pair if not Path(_FONTS + p).exists()]
    if missing:
        sys.exit(
            f"missing fonts ({missing[0]}, ...): "
            "apt-get install fonts-roboto fonts-open-sans fonts-lato fonts-freefont-ttf"
        )
    for family, (regular, bold) in OTHER_FAMILIES.items():
        corpus.FAMILIES[family] = (_FONTS + regular, _FONTS + bold)
    corpus.DOC_FAMILIES = tuple(OTHER_FAMILIES)
    corpus.UI_FAMILIES = UI
    corpus.NAMES.clear()
    corpus.NAMES.update(OTHER_NAMES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, nargs="+", default=[7])
    parser.add_argument("--kind", nargs="+", choices=corpus.KINDS, default=list(corpus.KINDS))
    parser.add_argument("--without-evening", action="store_true")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    use_other_fonts_and_names()
    if args.without_evening:
        ocr.evened = lambda prepared, edges: prepared
    samples = [s for seed in args.seed for s in corpus.build(seed=seed) if s.kind in args.kind]
    reader = StrongReader(workers=2)
    originals = map_threads(lambda s: reader.read(gray(s.data)), samples)
    redactor = Redactor(Settings(ocr_workers=2))
    try:
        images = [gray(redactor.redact(RedactJob(s.data)).image) for s in samples]
    finally:
        redactor.close()
    texts = map_threads(reader.read, images)
    per_kind: dict[str, Tally] = {}
    overall = Tally()
    for sample, image, text, original in zip(samples, images, texts, originals, strict=True):
        tally = score(sample.items, original, image, text)
        per_kind.setdefault(sample.kind, Tally()).add(tally)
        overall.add(tally)
    seeds = " ".join(map(str, args.seed))
    print(f"other fonts and names, seed{'s' * (len(args.seed) > 1)} {seeds}, {len(samples)} images")
    print("| kind | values | recall | leak | collateral |\n| --- | ---: | ---: | ---: | ---: |")
    for kind, t in [*per_kind.items(), ("overall", overall)]:
        print(
            f"| {kind} | {t.values} | {t.box_recall:.3f} | {t.leak_rate:.1%} | {t.collateral:.1%} |"
        )
    print("values not erased, by info type:", dict(Counter(overall.missed)) or "none")


if __name__ == "__main__":
    main()
