"""One Saxon processor per process, stylesheets compiled once, errors as InputError."""

from __future__ import annotations

import re
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


# What may precede the root element: white space, processing instructions, comments.
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
_BOMS = (b"\xef\xbb\xbf",)
_WIDE = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00<", b"<\x00")


def _saxon_may_read(path: Path) -> bool:
    """Whether a file is in a byte-oriented encoding and has no document type declaration
    before its root element: then it can declare no entity, and Saxon may parse it."""
    data = b""
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(1 << 16)
            data += chunk
            head = data[3:] if data.startswith(_BOMS) else data
            if head.startswith(_WIDE):
                return False  # UTF-16 or UTF-32: lxml reads it (and checks it) first
            end = _PROLOG.match(head).end()
            if not chunk or end < len(head) - 9:  # enough read to see what comes next
                return not head[end:].startswith(b"<!")


def load(path: Path):
    """A Saxon document for a file. A file without a document type declaration can declare
    no entity, so Saxon may read it itself; any other is parsed safely by lxml first."""
    from tei.io import parse_xml

    if not _saxon_may_read(path):
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
