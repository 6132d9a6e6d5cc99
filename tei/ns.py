"""The TEI namespace and a small element factory shared by every stage."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: TEI_NS}
NS = {"t": TEI_NS}


def tei(tag: str) -> str:
    """Clark name of a TEI element: ``tei("p")`` -> ``{http://www.tei-c.org/ns/1.0}p``."""
    return f"{{{TEI_NS}}}{tag}"


def E(tag: str, *children: etree._Element | str, **attrs: str) -> etree._Element:
    """Build a TEI element; ``xml_id`` and ``xml_lang`` map to ``xml:id`` and ``xml:lang``."""
    el = etree.Element(tei(tag))
    for key, value in attrs.items():
        if value is None:
            continue
        if key == "xml_id":
            key = XML_ID
        elif key == "xml_lang":
            key = XML_LANG
        el.set(key, value)
    for child in children:
        append(el, child)
    return el


def append(parent: etree._Element, child: etree._Element | str) -> None:
    """Append an element or text to ``parent``, keeping mixed content in order."""
    if isinstance(child, str):
        if not child:
            return
        last = next(reversed(parent), None)  # from the end: len() counts every child
        if last is not None:
            last.tail = (last.tail or "") + child
        else:
            parent.text = (parent.text or "") + child
    else:
        parent.append(child)


def localname(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
