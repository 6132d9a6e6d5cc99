"""Text nodes of a TEI tree, and wrapping spans of them in new elements."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from tei.ns import localname

Slot = tuple[etree._Element, bool]  # (element, is_tail)


def text_slots(root: etree._Element, skip: Callable[[etree._Element], bool]) -> list[Slot]:
    """Every text node under ``root`` (its ``text`` and its descendants' ``text`` and
    ``tail``) that is not inside an element for which ``skip`` is true."""
    slots: list[Slot] = []

    def walk(el: etree._Element, skipped: bool) -> None:
        inside = skipped or skip(el)
        if el.text and not inside:
            slots.append((el, False))
        for child in el:
            if not isinstance(child.tag, str):
                continue
            walk(child, inside)
            if child.tail and not inside:
                slots.append((child, True))

    walk(root, False)
    return slots


def slot_text(slot: Slot) -> str:
    el, is_tail = slot
    return (el.tail if is_tail else el.text) or ""


def owner(slot: Slot) -> etree._Element:
    """The element whose content holds the text node."""
    el, is_tail = slot
    return el.getparent() if is_tail else el


def enclosing(slot: Slot, names: frozenset[str]) -> etree._Element | None:
    el = owner(slot)
    while el is not None and localname(el) not in names:
        el = el.getparent()
    return el


def wrap(slot: Slot, spans: list[tuple[int, int, Callable[[str], etree._Element]]]) -> None:
    """Replace each (start, end) of the slot's text by ``make(text[start:end])``; spans must not
    overlap."""
    el, is_tail = slot
    text = slot_text(slot)
    for start, end, make in sorted(spans, key=lambda s: s[0], reverse=True):
        new = make(text[start:end])
        new.tail = text[end:]
        text = text[:start]
        if is_tail:
            el.addnext(new)
        else:
            el.insert(0, new)
    if is_tail:
        el.tail = text
    else:
        el.text = text
