"""Front matter of a compilation page: title line, ``by AUTHOR``, ``Date ...``, other lines."""

from __future__ import annotations

import re

from tei.convert.blocks import inline_into
from tei.convert.blocks.sections import is_heading
from tei.convert.state import State
from tei.dates import parse_day
from tei.ns import E

NAME = "front"
_BY = re.compile(r"by\s+(?P<name>[^,{}]{2,80})")
_DATE = re.compile(r"Date[:\s]\s*(?P<date>.+)")


def _title_page(state: State):
    """The title page, while the front matter holds nothing after it: a title-page line
    that comes after other front matter stays where it is, as a paragraph."""
    front = state.front
    if state.title_page is None:
        if len(front):
            return None
        state.title_page = E("titlePage")
        front.append(state.title_page)
    elif front[-1] is not state.title_page:
        return None
    return state.title_page


def title(state: State, i: int) -> int:
    """The first line of the page is its title."""
    block = state.blocks[i]
    if i != 0 or not state.in_front or "\n" in block.text or is_heading(state, block.text):
        return 0
    page = _title_page(state)
    if page is None:
        return 0
    state.meta.title = block.text.strip()
    part = E("titlePart", type="main")
    inline_into(state, part, block.text, block.offset)
    page.append(E("docTitle", part))
    return 1


def author(state: State, i: int) -> int:
    m = _BY.fullmatch(state.blocks[i].text)
    if not state.in_front or not m or state.meta.author:
        return 0
    page = _title_page(state)
    if page is None:
        return 0
    state.meta.author = m.group("name").strip()
    page.append(E("byline", "by ", E("docAuthor", m.group("name"))))
    return 1


def date(state: State, i: int) -> int:
    m = _DATE.fullmatch(state.blocks[i].text)
    when = parse_day(m.group("date")) if m else None
    if not state.in_front or not when or state.meta.date_when:
        return 0
    page = _title_page(state)
    if page is None:
        return 0
    state.meta.date_text, state.meta.date_when = m.group("date").strip(), when
    page.append(E("docDate", state.blocks[i].text, when=when))
    return 1


def paragraph(state: State, i: int) -> int:
    """Anything else before the first section is front matter."""
    if not state.in_front or not state.has_sections:
        return 0
    block = state.blocks[i]
    state.front.append(inline_into(state, E("p"), block.text, block.offset))
    return 1
