"""Serialising TEI: indentation only where whitespace cannot matter."""

from __future__ import annotations

from lxml import etree

from tei.ns import localname

# Elements whose content is only elements in what we produce: whitespace between their
# children is insignificant, so they may be indented. Everything else is mixed content and is
# left exactly as built.
STRUCTURAL = frozenset(
    "TEI teiHeader fileDesc titleStmt publicationStmt sourceDesc encodingDesc editorialDecl "
    "correction normalization quotation hyphenation interpretation appInfo application "
    "profileDesc langUsage respStmt text front body back div titlePage docTitle list sp "
    "standOff listPerson listPlace listOrg listBibl person place org".split()
)


def _structural(el: etree._Element) -> bool:
    name = localname(el)
    return name in STRUCTURAL or (name == "quote" and el.get("type") == "excerpt")


def _indent(el: etree._Element, level: int) -> None:
    kids = list(el)
    if not kids or not _structural(el):
        return
    if (el.text or "").strip() or any((k.tail or "").strip() for k in kids):
        return
    inner = "\n" + "  " * (level + 1)
    el.text = inner
    for k in kids:
        k.tail = inner
        _indent(k, level + 1)
    kids[-1].tail = "\n" + "  " * level


def indent(root: etree._Element) -> etree._Element:
    """Indent structural elements in place (idempotent); mixed content is left untouched."""
    _indent(root, 0)
    return root


def serialize(root: etree._Element) -> bytes:
    """UTF-8 bytes with an XML declaration; structural elements indented."""
    indent(root)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
