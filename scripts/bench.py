#!/usr/bin/env python3
"""Speed figures for tei-edition on this machine.

Measures, in-process after start-up (median of several runs):
  convert   the reference corpus, and a 10x concatenation of it (throughput in MB/s)
and, for reference, the wall time of the ``tei convert`` command (process start included).
Targets from the issues are printed beside each figure. Uses ../shared/corpus when present,
otherwise the embedded sample.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tei.convert import convert_text  # noqa: E402
from tei.xmlout import serialize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "krivitsky-chambers.txt"
SAMPLE = ROOT / "examples" / "sample.txt"


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, seconds: float, size: int, target: str = "", ok: bool | None = None) -> None:
    mbps = size / 1e6 / seconds
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"{name:<34} {seconds:8.3f} s {mbps:8.2f} MB/s  {target:<16} {mark}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = CORPUS if CORPUS.exists() else SAMPLE
    text = source.read_text(encoding="utf-8")
    big = "\n\n".join([text] * 10)
    convert_text(text[:2000], "warm-up")  # imports and the language model load once

    print(f"source: {source} ({len(text.encode()) / 1e3:.0f} kB)")
    print(f"{'figure':<34} {'time':>10} {'throughput':>13}  {'target':<16}")
    t = timed(lambda: serialize(convert_text(text, source.name)), args.runs)
    row("convert (in-process)", t, len(text.encode()), "<= 0.5 s", t <= 0.5)
    t = timed(lambda: serialize(convert_text(big, "10x")), max(1, args.runs // 2))
    mbps = len(big.encode()) / 1e6 / t
    row("convert 10x (in-process)", t, len(big.encode()), ">= 2 MB/s", mbps >= 2)
    t = timed(lambda: convert_text(text, source.name, enrich=False), args.runs)
    row("  of which without enrichers", t, len(text.encode()))

    tei = Path(sys.executable).with_name("tei")
    if tei.exists():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.xml"
            cmd = [str(tei), "convert", str(source), "-o", str(out), "--force"]
            t = timed(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
            row("tei convert (command, wall)", t, len(text.encode()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
