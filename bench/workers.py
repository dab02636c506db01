"""Threads against processes: images per second of one reference image, in process, with
every core busy, beside the ideal (cores / floor).

tesserocr releases the GIL while it recognises; spaCy, Presidio's recognizers and the rest of
a redaction hold it. Threads share one Redactor (one tesseract API per core, as `inkout
serve` holds them); processes each hold their own Redactor with one API and run the same
number of requests at once in all. Processes spare the GIL and pay a model's memory each.

    .venv/bin/python bench/workers.py [--image ui_screenshot_1280x800] [--images 24]
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import cores  # noqa: E402
from reference import floor, references  # noqa: E402

from inkout.config import Settings  # noqa: E402
from inkout.infotypes import ALL_BASIC  # noqa: E402
from inkout.model import InspectSpec  # noqa: E402
from inkout.redact import RedactJob, Redactor  # noqa: E402


def _job(name: str) -> RedactJob:
    data = {r.name: r for r in references()}[name].data
    return RedactJob(data, spec=InspectSpec(info_types=(ALL_BASIC,)))


def _run(redactor: Redactor, job: RedactJob, clients: int, images: int) -> float:
    """Seconds for images redactions, clients at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda _: redactor.redact(job), range(images)))
    return time.perf_counter() - started


def _process(name: str, workers: int, clients: int, images: int, ready, go, out) -> None:
    logging.disable(logging.WARNING)
    redactor = Redactor(Settings(ocr_workers=workers))
    job = _job(name)
    redactor.redact(job)  # warm-up
    gc.freeze()  # as `inkout serve` does once its engines are loaded
    ready.put(True)
    go.wait()
    out.put(_run(redactor, job, clients, images))
    redactor.close()


def processes(name: str, count: int, clients: int, images: int) -> float:
    """Images per second from count processes, clients at once in all."""
    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    each = clients // count
    procs = [
        ctx.Process(target=_process, args=(name, 1, each, images // count, ready, go, out))
        for _ in range(count)
    ]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get()
    started = time.perf_counter()
    go.set()
    for _ in procs:
        out.get()
    elapsed = time.perf_counter() - started
    for p in procs:
        p.join()
    return images // count * count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--image", default="ui_screenshot_1280x800")
    parser.add_argument("--images", type=int, default=24)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    n = cores()
    ideal = n / floor({r.name: r for r in references()}[args.image].data, 5)
    print(f"{args.image}, {n} cores, ideal {ideal:.2f} images/s")
    print("| workers | requests at once | images/s | share of ideal |")
    print("| --- | ---: | ---: | ---: |")
    for clients in (n, 2 * n):
        rate = processes(args.image, n, clients, args.images)
        print(f"| {n} processes, one API each | {clients} | {rate:.2f} | {rate / ideal:.0%} |")
    redactor = Redactor(Settings(ocr_workers=n))
    job = _job(args.image)
    redactor.redact(job)
    gc.freeze()
    for clients in (n, 2 * n):
        rate = args.images / _run(redactor, job, clients, args.images)
        print(f"| 1 process, {n} APIs on threads | {clients} | {rate:.2f} | {rate / ideal:.0%} |")
    redactor.close()


if __name__ == "__main__":
    main()
