"""One Saxon processor per process, stylesheets compiled once, errors as InputError."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tei.resources import folder

XSLT_DIR = folder("xslt")


# The deepest nesting either parser accepts: libxml2's limit (lxml reads every file first or
# as a fallback, and refuses deeper documents with their place); the JDK's own is 100, which
# real TEI can exceed.
MAX_DEPTH = 256
_JAXP_MAX_DEPTH = ("http://saxon.sf.net/feature/parserProperty?uri="
                   "http%3A//www.oracle.com/xml/jaxp/properties/maxElementDepth")


@lru_cache(maxsize=1)
def processor():
    from saxonche import PySaxonProcessor

    saxon = PySaxonProcessor(license=False)
    saxon.set_configuration_property(_JAXP_MAX_DEPTH, str(MAX_DEPTH))
    return saxon


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
    try:
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
    except OSError:
        return False  # lxml reports it as an input error


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


class ParameterError(ValueError):
    """A stylesheet parameter that the stylesheet does not declare, or of the wrong type."""


@lru_cache(maxsize=8)
def declared_params(relative: str) -> dict[str, str]:
    """The parameters an edition's stylesheet takes (its ``params.xsl``): name -> type."""
    params = XSLT_DIR / Path(relative).parent / "params.xsl"
    if not params.exists():
        return {}
    tree = etree.parse(str(params))
    return {p.get("name"): p.get("as", "item()*") for p in
            tree.iterfind("{http://www.w3.org/1999/XSL/Transform}param")}


def _value(relative: str, name: str, value: str):
    declared = declared_params(relative)
    where = f"xslt/{Path(relative).parent}/params.xsl"
    if declared and name not in declared:
        raise ParameterError(f"unknown parameter {name!r}; the parameters are in {where}: "
                             + ", ".join(sorted(declared)))
    kind = declared.get(name, "xs:string")
    if kind == "xs:integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise ParameterError(f"parameter {name} must be a whole number, not {value!r}")
        return processor().make_integer_value(int(value))
    if kind == "xs:boolean":
        if value.strip() not in ("true", "false", "1", "0"):
            raise ParameterError(f"parameter {name} must be true or false, not {value!r}")
        return processor().make_boolean_value(value.strip() in ("true", "1"))
    return processor().make_string_value(value)


def prepare(relative: str, tei: Path | etree._ElementTree,
            params: dict[str, str] | None = None):
    """(compiled stylesheet with ``params`` set, Saxon document of ``tei``) for one run.
    Parameters are checked against the stylesheet's ``params.xsl`` before anything is read."""
    values = {name: _value(relative, name, value) for name, value in (params or {}).items()}
    source = load(tei) if isinstance(tei, Path) else document(tei)
    executable = stylesheet(relative)
    executable.clear_parameters()
    for name, value in values.items():
        executable.set_parameter(name, value)
    return executable, source
