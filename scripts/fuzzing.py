"""What the two fuzzers share: their command line and how a failing input is kept."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def arguments(doc: str, what: str, n: int, pdf_every: int, out: str) -> argparse.Namespace:
    """-n, --seed, --pdf-every and --out, with this fuzzer's defaults."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("-n", type=int, default=n, help=f"{what}s to try (default {n})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pdf-every", type=int, default=pdf_every, metavar="K",
                        help=f"set every K'th {what} as a PDF too (0: never)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / out,
                        help=f"where failing {what}s are saved")
    return parser.parse_args()


SUFFIXES = {"input": ".txt", "document": ".xml"}  # plain-text sources, TEI documents


def save(out: Path, what: str, i: int, stage: str, data: bytes, detail: str = "") -> None:
    """Keep a failing input (and what went wrong) for reproduction."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{i:05d}-{stage}{SUFFIXES[what]}").write_bytes(data)
    if detail:
        (out / f"{i:05d}-{stage}.log").write_text(detail, encoding="utf-8")
    print(f"{what} {i}: {stage} failure, saved in {out}", flush=True)
