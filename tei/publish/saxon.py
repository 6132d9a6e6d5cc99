"""One Saxon processor per process, stylesheets compiled once, errors as InputError."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from tei.resources import folder

XSLT_DIR = folder("xslt")


@lru_cache(maxsize=1)
def processor():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@lru_cache(maxsize=8)
def stylesheet(relative: str):
    """The compiled stylesheet ``xslt/<relative>`` (compiled once per process)."""
    from saxonche import PySaxonApiError

    xslt = processor().new_xslt30_processor()
    try:
        return xslt.compile_stylesheet(stylesheet_file=str(XSLT_DIR / relative))
    except PySaxonApiError as exc:  # a broken stylesheet is the toolkit's bug
        raise RuntimeError(f"cannot compile {relative}: {exc}") from None


def document(tree: etree._ElementTree):
    """A Saxon document for an lxml tree already parsed safely (no DTD, no entities)."""
    text = etree.tostring(tree.getroot(), encoding="unicode")
    return processor().parse_xml(xml_text=text)


def load(path: Path):
    """A Saxon document for a file. A file without a document type declaration can declare
    no entity, so Saxon may read it itself; any other is parsed safely by lxml first."""
    from tei.io import parse_xml

    with open(path, "rb") as handle:
        head = handle.read(65536)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        return document(parse_xml(path))
    from saxonche import PySaxonApiError

    try:
        return processor().parse_xml(xml_file_name=str(path))
    except PySaxonApiError:  # malformed: lxml reports it with line and column
        return document(parse_xml(path))


def prepare(relative: str, tei: Path | etree._ElementTree,
            params: dict[str, str] | None = None):
    """(compiled stylesheet with ``params`` set, Saxon document of ``tei``) for one run."""
    source = load(tei) if isinstance(tei, Path) else document(tei)
    executable = stylesheet(relative)
    executable.clear_parameters()
    for name, value in (params or {}).items():
        executable.set_parameter(name, processor().make_string_value(value))
    return executable, source
