"""Date expressions -> ``<date>`` with ISO ``@when``, ``@from``/``@to`` or
``@notBefore``/``@notAfter`` (grammar in :mod:`tei.dates`)."""

from __future__ import annotations

from lxml import etree

from tei import dates
from tei.enrich.text import slot_text, text_slots, wrap
from tei.ns import NS, E, localname

NAME = "dates"
SKIP = frozenset({"teiHeader", "date", "docDate", "biblScope", "idno", "abbr", "metamark", "pb"})


def _skip(el: etree._Element) -> bool:
    name = localname(el)
    return name in SKIP or (name == "ref" and not el.get("target", "#").startswith("#"))


def _date(attrs: dict[str, str]):
    return lambda text: E("date", text, **attrs)


def apply(root: etree._Element, state) -> None:
    text_el = root.find("t:text", NS)
    if text_el is None:
        return
    for slot in text_slots(text_el, _skip):
        found = dates.find(slot_text(slot))
        if found:
            wrap(slot, [(f.start, f.end, _date(f.attrs)) for f in found])
