"""The lossless check: the words of a source and the words of its TEI, in order."""

from __future__ import annotations

import re

from lxml import etree

from tei.ns import TEI_NS

PAGE_MARKER = re.compile(r"\{p\.[^{}]*\}")
_CORR = f"{{{TEI_NS}}}corr"
_PB = f"{{{TEI_NS}}}pb"
# Elements that stand for a brace or bracket of the source (a comment, an end-of-quotation
# mark, an omission): their edges part words as the brace did ("Kr{ivitsky}").
_APART = {f"{{{TEI_NS}}}{name}" for name in ("note", "metamark", "gap")}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def source_words(source: str, pages: bool = False) -> list[str]:
    """The words of a source; its page markers left out unless ``pages``."""
    return words(source if pages else PAGE_MARKER.sub(" ", source))


def diplomatic(el: etree._Element, pages: bool = False) -> str:
    """The text as the source has it: editorial corrections (``corr``) left out; notes,
    end-of-quotation marks and omissions set apart from the words around them, as their
    braces and brackets are in the source; with ``pages``, each page break read back as the
    words of its marker ("p", number)."""
    if pages and el.tag == _PB:
        return f" p {el.get('n', '')} "
    parts = [el.text or ""] if el.tag != _CORR else []
    for child in el:
        if isinstance(child.tag, str):
            inner = diplomatic(child, pages)
            parts.append(f" {inner} " if child.tag in _APART else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def tei_words(root: etree._Element, pages: bool = False) -> list[str]:
    """The words of a TEI document's text (header aside), in document order."""
    return words(diplomatic(root.find(f"{{{TEI_NS}}}text"), pages))
