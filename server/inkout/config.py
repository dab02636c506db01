"""Server settings: embedded defaults, overridden by INKOUT_* environment variables and flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

MIB = 1024 * 1024


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the server can be told; each field maps to INKOUT_<FIELD> in the environment."""

    host: str = "[::]"
    port: int = 50051
    # OCR APIs held in memory; each recognises one image at a time.
    ocr_workers: int = _cores()
    # Requests handled at once; more wait in gRPC's queue up to max_pending_rpcs.
    max_concurrent_rpcs: int = 64
    # The largest request accepted; gRPC's own message limits are raised to match.
    max_request_bytes: int = 32 * MIB
    # Checked from the image header before decoding, against decompression bombs.
    max_pixels: int = 100_000_000
    # Pixels added around every painted box unless the request says otherwise.
    box_padding: int = 2
    # Images of one stream in flight at once: bounds a stream's memory.
    stream_window: int = 8
    language: str = "eng"
    tessdata: str = ""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then INKOUT_* variables, then explicit overrides (flags) that are not None."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"INKOUT_{f.name.upper()}")
            if raw is not None:
                values[f.name] = int(raw) if f.type == "int" else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
