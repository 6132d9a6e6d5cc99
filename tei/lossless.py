"""The lossless check: the words of a source and the words of its TEI, in order."""

from __future__ import annotations

import re

from lxml import etree

from tei.ns import TEI_NS

PAGE_MARKER = re.compile(r"\{p\.[^{}]*\}")
_CORR = f"{{{TEI_NS}}}corr"
_PB = f"{{{TEI_NS}}}pb"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def source_words(source: str, pages: bool = False) -> list[str]:
    """The words of a source; its page markers left out unless ``pages``."""
    return words(source if pages else PAGE_MARKER.sub(" ", source))


def diplomatic(el: etree._Element, pages: bool = False) -> str:
    """The text as the source has it: editorial corrections (``corr``) left out; with
    ``pages``, each page break read back as the words of its marker ("p", number)."""
    if pages and el.tag == _PB:
        return f" p {el.get('n', '')} "
    parts = [el.text or ""] if el.tag != _CORR else []
    for child in el:
        if isinstance(child.tag, str):
            parts.append(diplomatic(child, pages))
        parts.append(child.tail or "")
    return "".join(parts)


def tei_words(root: etree._Element, pages: bool = False) -> list[str]:
    """The words of a TEI document's text (header aside), in document order."""
    return words(diplomatic(root.find(f"{{{TEI_NS}}}text"), pages))
