#!/usr/bin/env python3
"""Speed figures for tei-edition on this machine.

Measures, in-process after start-up (median of several runs):
  convert     the reference corpus, and a 10x concatenation of it (throughput in MB/s), as
              ``tei convert`` runs it: structure, foreign phrases, dates, OCR suspects
  enrichment  what the enrichers add when names are also linked to the registers
  validate    the corpus TEI and a 10 MB TEI against the project's schema and rules (lxml for
              the content models, xmlschema's XPath engine for the assertions), and, to compare,
              xmlschema validating the whole XSD 1.1 alone
  html        the HTML edition of the corpus TEI (stylesheet compile included) and of the
              10 MB TEI, with the peak memory of a process that does only that
  25 MB       convert and HTML of a 25 MB source in one process: time and peak memory
  pdf         the print edition of the corpus TEI (stylesheet compile and typesetting), in
              process and as the ``tei pdf`` command (wall, process start included)
  100k notes  a TEI of 100,000 short paragraphs with a note each: ``tei validate``, ``tei html``
              and ``tei pdf``, each in its own process: time and peak memory (with --notes)
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
from tei.diagnostics import Diagnostics  # noqa: E402
from tei.registers import Registers  # noqa: E402
from tei.xmlout import serialize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "krivitsky-chambers.txt"
CORPUS_REGISTERS = ROOT / "registers" / "krivitsky-chambers.xml"
SAMPLE = ROOT / "examples" / "sample.txt"
SAMPLE_REGISTERS = ROOT / "examples" / "sample-registers.xml"


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
    print(f"{name:<38} {seconds:8.3f} s {mbps:8.2f} MB/s  {target:<14} {mark}")


def validation(tei_doc, text: str, runs: int) -> None:
    """Validation figures: the corpus TEI, and a TEI of about 10 MB made by converting copies
    of the corpus."""
    import xmlschema
    from lxml import etree

    from tei.validate import PROJECT_XSD, check_file, load

    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "corpus.xml"
        small.write_bytes(serialize(tei_doc))
        one = len(serialize(convert_text(text, "one", Diagnostics())))
        copies = max(1, -(-10_000_000 // one))
        large = Path(tmp) / "10mb.xml"
        large.write_bytes(serialize(convert_text("\n\n".join([text] * copies), "10mb",
                                                 Diagnostics())))
        start = time.perf_counter()
        validator = load(None)
        print(f"{'load the project schema (once)':<38} {time.perf_counter() - start:8.3f} s")
        for path, target, limit in ((small, "<= 0.3 s", 0.3), (large, "<= 2 s", 2.0)):
            size = path.stat().st_size
            t = timed(lambda p=path: check_file(p, validator), runs if size < 1e6 else 1)
            row(f"validate {size / 1e6:.1f} MB (schema + rules)", t, size, target, t <= limit)
        full = xmlschema.XMLSchema11(str(PROJECT_XSD))
        tree = etree.parse(str(small))
        t = timed(lambda: list(full.iter_errors(tree)), 1)
        row(f"  xmlschema alone, {small.stat().st_size / 1e6:.1f} MB", t, small.stat().st_size)
        html_figures(small, large, runs)
        pdf_figures(small, runs)


def html_figures(small: Path, large: Path, runs: int) -> None:
    from tei.publish import saxon
    from tei.publish.html import render

    with tempfile.TemporaryDirectory() as out:
        render(small, Path(out))  # start the processor

        def compiled_and_rendered() -> None:
            saxon.stylesheet.cache_clear()
            render(small, Path(out))

        t = timed(compiled_and_rendered, runs)
        row("html, corpus (compile included)", t, small.stat().st_size, "<= 0.25 s", t <= 0.25)
        t = timed(lambda: render(large, Path(out)), 1)
        size = large.stat().st_size
        row(f"html, {size / 1e6:.1f} MB", t, size, "<= 1 s", t <= 1.0)
        # VmHWM, not getrusage's maxrss: that keeps the forking parent's size across exec
        script = ("import re; from pathlib import Path; "
                  "from tei.publish.html import render; "
                  f"render(Path({str(large)!r}), Path({out!r})); "
                  "print(int(re.search(r'VmHWM:\\s+(\\d+)', "
                  "open('/proc/self/status').read()).group(1)) // 1024)")
        peak = int(subprocess.run([sys.executable, "-c", script], check=True, text=True,
                                  capture_output=True, cwd=ROOT).stdout.strip())
        print(f"{'  peak memory of that process':<38} {peak:8d} MB {'':>13}  {'<= 250 MB':<14} "
              f"{'ok' if peak <= 250 else 'MISSED'}")


def pdf_figures(small: Path, runs: int) -> None:
    from tei.publish import pdf, saxon

    with tempfile.TemporaryDirectory() as out:
        target = Path(out) / "edition.pdf"

        def compiled_and_set() -> None:
            saxon.stylesheet.cache_clear()
            pdf.render(small, target)

        t = timed(compiled_and_set, max(1, runs // 2))
        row("pdf, corpus (compile included)", t, small.stat().st_size, "<= 2 s", t <= 2.0)
        tei = Path(sys.executable).with_name("tei")
        if tei.exists():
            cmd = [str(tei), "pdf", str(small), "-o", str(target)]
            t = timed(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
            row("tei pdf, corpus (command, wall)", t, small.stat().st_size, "<= 2 s", t <= 2.0)


def big_source_figures(text: str) -> None:
    """Convert and HTML of a 25 MB source in one fresh process: time and peak memory."""
    copies = max(1, -(-25_000_000 // len(text.encode())))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "25mb.txt"
        source.write_text("\n\n".join([text] * copies), encoding="utf-8")
        script = ("import re, time; from pathlib import Path; "
                  "from tei.convert import convert_text; from tei.diagnostics import Diagnostics; "
                  "from tei.xmlout import serialize; from tei.publish.html import render; "
                  "start = time.perf_counter(); "
                  f"src = Path({str(source)!r}); out = Path({tmp!r}) / '25mb.xml'; "
                  "out.write_bytes(serialize(convert_text(src.read_text(), src.name, "
                  "Diagnostics()))); "
                  f"render(out, Path({tmp!r}) / 'site'); "
                  "print(time.perf_counter() - start, int(re.search(r'VmHWM:\\s+(\\d+)', "
                  "open('/proc/self/status').read()).group(1)) // 1024)")
        seconds, peak = subprocess.run([sys.executable, "-c", script], check=True, text=True,
                                       capture_output=True, cwd=ROOT).stdout.split()
        size = source.stat().st_size
        row(f"convert + html, {size / 1e6:.0f} MB source", float(seconds), size)
        print(f"{'  peak memory of that process':<38} {int(peak):8d} MB {'':>13}  "
              f"{'<= 1500 MB':<14} {'ok' if int(peak) <= 1500 else 'MISSED'}")


def many_notes_figures(notes: int = 100_000) -> None:
    """validate, html and pdf of a TEI with a note in each of its paragraphs, each command in
    a fresh process: wall time and the peak memory the kernel records for it."""
    body = "".join(f'<p>Paragraph {i}<note resp="#ed">Note {i}.</note> text.</p>'
                   for i in range(notes))
    doc = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
           '<title>Notes</title></titleStmt><publicationStmt><p/></publicationStmt>'
           '<sourceDesc><p xml:id="ed"/></sourceDesc></fileDesc></teiHeader>'
           f'<text><body>{body}</body></text></TEI>')
    with tempfile.TemporaryDirectory() as tmp:
        tei = Path(tmp) / "notes.xml"
        tei.write_text(doc, encoding="utf-8")
        for command, target in (("validate", []), ("html", ["-o", str(Path(tmp) / "site")]),
                                ("pdf", ["-o", str(Path(tmp) / "notes.pdf")])):
            script = ("import re, resource, subprocess, sys, time; start = time.perf_counter(); "
                      f"subprocess.run([sys.executable, '-m', 'tei', {command!r}, {str(tei)!r}, "
                      f"*{target!r}], check=True, capture_output=True); "
                      "print(time.perf_counter() - start, "
                      "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
            seconds, peak = subprocess.run([sys.executable, "-c", script], check=True,
                                           text=True, capture_output=True, cwd=ROOT).stdout.split()
            row(f"tei {command}, {notes:,} notes (wall)", float(seconds), tei.stat().st_size)
            print(f"{'  peak memory of that process':<38} {int(peak):8d} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--notes", action="store_true",
                        help="also the 100,000-note figures (about a minute, 6 GB for the PDF)")
    args = parser.parse_args()
    source, register_file = (CORPUS, CORPUS_REGISTERS) if CORPUS.exists() else \
        (SAMPLE, SAMPLE_REGISTERS)
    text = source.read_text(encoding="utf-8")
    big = "\n\n".join([text] * 10)
    registers = Registers.load([register_file])

    def convert(src: str, name: str, with_registers: bool = False, **options):
        return convert_text(src, name, Diagnostics(),
                            registers=registers if with_registers else None, **options)

    start = time.perf_counter()
    convert(text, "warm-up", True)  # imports, language model and dictionary load once
    cold = time.perf_counter() - start

    size, big_size = len(text.encode()), len(big.encode())
    print(f"source: {source} ({size / 1e3:.0f} kB), registers: {register_file.name}")
    print(f"{'figure':<38} {'time':>10} {'throughput':>13}  {'target':<14}")
    t = timed(lambda: serialize(convert(text, source.name)), args.runs)
    row("convert", t, size, "<= 0.5 s", t <= 0.5)
    t = timed(lambda: serialize(convert(big, "10x")), max(1, args.runs // 2))
    row("convert 10x", t, big_size, ">= 2 MB/s", big_size / 1e6 / t >= 2)
    bare = timed(lambda: serialize(convert(text, source.name, enrich=False)), args.runs)
    row("convert, no enrichers", bare, size)
    full = timed(lambda: serialize(convert(text, source.name, True)), args.runs)
    row("convert --register", full, size)
    added = full - bare
    print(f"{'enrichment added (with registers)':<38} {added:8.3f} s {'':>13}  {'<= 0.3 s':<14} "
          f"{'ok' if added <= 0.3 else 'MISSED'}")
    print(f"{'first convert (loads included)':<38} {cold:8.3f} s")

    validation(convert(text, source.name, True), text, args.runs)

    big_source_figures(text)
    if args.notes:
        many_notes_figures()

    tei = Path(sys.executable).with_name("tei")
    if tei.exists():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.xml"
            cmd = [str(tei), "convert", str(source), "-o", str(out), "--force",
                   "--register", str(register_file)]
            t = timed(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
            row("tei convert --register (command, wall)", t, size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
