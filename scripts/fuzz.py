#!/usr/bin/env python3
"""Fuzz the toolkit: generate N sources in the reference conventions, many of them damaged
(bytes flipped, braces cut, control characters, odd page markers, Unicode separators and
non-characters, XML- and Typst-looking text), and run convert, validate, html and (every
--pdf-every'th input) pdf on each.

Reports crashes (anything but a reported input error), invalid outputs the converter gave
no warning of, outputs not valid against tei_all (../shared/schemas/tei_all.rng, when
present), and lossless failures (a word of the source missing from the TEI or out of
order); each failing input is saved in --out for reproduction. A damaged source can be
invalid by nature (a stray "{p. 12}" puts its pages out of order): when the converter warned
of it, the validator's error is counted as a reported problem, not a failure. Not part of
`make test`:

    python scripts/fuzz.py -n 10000 --seed 1
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import fuzzing  # noqa: E402  (scripts/, beside this file)

from tei.convert import convert_text  # noqa: E402
from tei.diagnostics import Diagnostics  # noqa: E402
from tei.io import InputError, decode_bytes  # noqa: E402
from tei.lossless import source_words, tei_words  # noqa: E402
from tei.xmlout import serialize  # noqa: E402

WORDS = ("the Soviet agent Krivitsky wrote that in 1937 Paris Stalin and purge of army was "
         "secret O'Brien non-Communist Ge- stapo Wlas attach6 €100 #tag $5 *star* _under_ "
         "@home <b> a&b x=y back\\slash `tick` naïve Zürich «Gut» Vyshinsky: (p. 12) "
         "trotsky.html [...] {endquote} \"quoted\" 'single' catas- trophe").split()
DAMAGE = ["{", "}", "{p. }", "{p. ???}", "{p. 12", "[...", "\x01", "\x0b", "\ufeff", "\r",
          "\t", "\u00a0", "\u200b", "((", "))", ":", "\"", "(p. )", "{{", "}}",
          "{p. 0}", "{p. 99999999999999999999}", "{p. xvi}", "{{p. 3}}", "(DoT p. 58, DvD p. 55)",
          "\u0301", "\u202e", "\u2028", "\u2029", "\x85", "\ufffe", "\uffff", "\U0001F600",
          "]]>", "<!--", "&#x0;", "&amp;", "<?pi?>", "\\", "#", "$", "[", "]", "=", "*", "_"]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, n)))


def document(rng: random.Random) -> str:
    sections = rng.randint(1, 4)
    titles = [words(rng, 6) for _ in range(sections)]
    lines = [words(rng, 5).title(), "", "by Peter Myers", "",
             f"Date August {rng.randint(1, 28)}, 2019", "", "My comments are shown {thus}", ""]
    lines += [f"({n}) {t}" for n, t in enumerate(titles, 1)] + [""]
    page = rng.randint(1, 300)
    for n, title in enumerate(titles, 1):
        lines += [f"({n}) {title}", ""]
        if rng.random() < 0.3:
            lines += [words(rng, 5).title(), "W. G. Krivitsky", "Enigma Books, New York, 2000.", ""]
        for _ in range(rng.randint(1, 6)):
            para = []
            for _ in range(rng.randint(1, 5)):
                piece = words(rng, 15)
                roll = rng.random()
                if roll < 0.15:
                    page += 1
                    piece += f" {{p. {page}}} " + words(rng, 8)
                elif roll < 0.25:
                    piece += " {" + words(rng, 6) + "}"
                elif roll < 0.3:
                    page += 1
                    piece += f" catas- {{p. {page}}} trophe"
                para.append(piece + ".")
            prefix = rng.choice(["", "", "", "Radek: ", f"{rng.randint(1, 20)}. "])
            lines += [prefix + " ".join(para), ""]
    return "\n".join(lines)


def damage(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(DAMAGE))
    return "".join(chars)


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    """Bytes as a damaged download has them: a few set to random values."""
    raw = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def main() -> int:
    args = fuzzing.arguments(__doc__, "input", 10_000, 50, "fuzz")

    from tei.publish import html, pdf
    from tei.validate import check_file, load

    validator = load(None)
    tei_all = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
    conformance = load(tei_all) if tei_all.exists() else None  # every output is tei_all too
    rng = random.Random(args.seed)
    crashes = lossless = input_errors = reported = pdfs = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for i in range(args.n):
            text = document(rng)
            if rng.random() < 0.5:
                text = damage(rng, text)
            data = text.encode("utf-8", errors="surrogatepass")
            if rng.random() < 0.1:
                data = flip_bytes(rng, data)
            stage = "decode"
            try:
                decoded = decode_bytes(data, "fuzz.txt").text
                stage = "convert"
                diagnostics = Diagnostics()
                root = convert_text(decoded, "fuzz.txt", diagnostics)
                tei = work / "fuzz.xml"
                tei.write_bytes(serialize(root))
                stage = "lossless"
                expected = source_words(decoded, pages=True)
                if tei_words(root, pages=True) != expected:
                    lossless += 1
                    fuzzing.save(args.out, "input", i, "lossless", data)
                stage = "validate"
                errors = [p for p in check_file(tei, validator) if p.severity == "error"]
                if errors and all(foretold(p, diagnostics) for p in errors):
                    reported += 1
                elif errors:
                    raise AssertionError("; ".join(str(p) for p in errors[:3]))
                if conformance is not None:
                    stage = "tei_all"
                    errors = [p for p in check_file(tei, conformance) if p.severity == "error"]
                    if errors:
                        raise AssertionError("; ".join(str(p) for p in errors[:3]))
                stage = "html"
                html.render(tei, work / "site")
                if args.pdf_every and i % args.pdf_every == 0:
                    stage = "pdf"
                    pdf.render(tei, work / "fuzz.pdf")
                    pdfs += 1
            except InputError as exc:
                input_errors += 1
                if stage == "decode" and not exc.line:  # a bad byte is always placed
                    crashes += 1
                    fuzzing.save(args.out, "input", i, "unplaced-error", data, str(exc))
            except KeyboardInterrupt:
                raise
            except BaseException:  # a panic in native code (pyo3) is no Exception
                crashes += 1
                fuzzing.save(args.out, "input", i, stage, data, traceback.format_exc())
            if (i + 1) % 500 == 0:
                print(f"{i + 1} inputs, {crashes} crashes, {lossless} lossless failures "
                      f"({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"{args.n} inputs (seed {args.seed}): {crashes} crashes, {lossless} lossless "
          f"failures, {input_errors} reported input errors, {reported} invalid outputs "
          f"the converter warned of, {pdfs} PDFs set, "
          f"{time.perf_counter() - start:.0f} s")
    return 1 if crashes or lossless else 0


# validation rules -> the converter rule whose warning foretells them
FORETOLD = {"pages-in-order": ("pagebreak", "pages out of order")}


def foretold(problem, diagnostics: Diagnostics) -> bool:
    """Whether the converter warned of the problem the validator found."""
    rule, words = FORETOLD.get(problem.rule, ("", None))
    return words is not None and any(d.rule == rule and words in d.message
                                     for d in diagnostics.warnings)


if __name__ == "__main__":
    sys.exit(main())
