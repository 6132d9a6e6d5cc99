"""``tei pdf``: the print edition. XSLT 3.0 (xslt/print/typst.xsl) writes Typst markup; the
typst package (its compiler and fonts in one wheel) sets it as a PDF in-process."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei.io import InputError, atomic_write
from tei.publish import saxon

PAPERS = ("a4", "letter", "book")


def typst_source(tei: Path | etree._ElementTree, paper: str = "a4",
                 params: dict[str, str] | None = None) -> str:
    """The Typst markup of the print edition."""
    from saxonche import PySaxonApiError

    executable, source = saxon.prepare("print/typst.xsl", tei, {"paper": paper, **(params or {})})
    try:
        markup = executable.transform_to_string(xdm_node=source)
    except PySaxonApiError as exc:
        raise InputError(f"the print transformation failed: {exc}",
                         str(tei) if isinstance(tei, Path) else "document") from None
    return _ADJACENT_STRINGS.sub("", markup)


# `#"a";#"b"` -> `#"ab"`: one text run where the stylesheet wrote several, which Typst sets
# faster. Inside a literal every quote is escaped, so an unescaped `";#"` only ever joins two
# literals; one after a backslash is left alone.
_ADJACENT_STRINGS = re.compile(r'(?<!\\)";#"')


@dataclass
class Print:
    path: Path
    warnings: list[str] = field(default_factory=list)


def render(tei: Path | etree._ElementTree, out: Path, paper: str = "a4",
           params: dict[str, str] | None = None) -> Print:
    """Write the PDF of ``tei`` to ``out`` (atomically).

    The PDF is PDF/A-2b when the bundled fonts have every character of the text; otherwise
    it is set again as a plain (tagged) PDF and a warning says why. Should Typst fail while
    writing the structure tags, the PDF is set without them, with a warning.
    """
    import typst

    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    markup = typst_source(tei, paper, params)
    result = Print(out)
    with tempfile.TemporaryDirectory(prefix="tei-pdf-") as scratch:
        main = Path(scratch) / "edition.typ"
        main.write_text(markup, encoding="utf-8")

        def compile_(standards: list[str], tags: bool = True) -> bytes:
            return typst.compile(str(main), format="pdf", root=scratch, pdf_tags=tags,
                                 ignore_system_fonts=True, pdf_standards=standards)

        try:
            try:
                pdf = compile_(["a-2b"])
            except typst.TypstError as exc:
                if "PDF/A" not in str(exc):
                    raise
                result.warnings.append(f"not PDF/A: {_first_line(exc)}")
                pdf = compile_([])
        except typst.TypstError as exc:  # the markup is the toolkit's: a bug, not bad input
            raise RuntimeError(f"typst could not set the edition: {exc}") from None
        except BaseException as exc:
            if not _is_panic(exc):
                raise
            # Typst can fail while it writes the PDF's structure tags: the edition is set
            # again without them (and so not as PDF/A), and a warning says so
            result.warnings.append("not tagged, not PDF/A: Typst failed while writing the "
                                   f"structure tags ({_first_line(exc)})")
            try:
                pdf = compile_([], tags=False)
            except BaseException as again:
                if isinstance(again, typst.TypstError) or _is_panic(again):
                    raise RuntimeError(f"typst could not set the edition: {again}") from None
                raise
    atomic_write(out, pdf)
    return result


def _is_panic(exc: BaseException) -> bool:
    """A Rust panic inside Typst, which pyo3 raises as a BaseException."""
    return type(exc).__name__ == "PanicException"


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0]
