"""A contents list ``(1) ...`` on consecutive lines, and the sections that repeat its lines."""

from __future__ import annotations

import re

from tei.convert.blocks import inline_into
from tei.convert.state import State
from tei.ns import E

NAME = "sections"
ENTRY = re.compile(r"\((?P<n>\d{1,2})\)\s+(?P<title>\S.*)")


def contents(state: State, i: int) -> int:
    block = state.blocks[i]
    lines = block.lines
    if not state.in_front or len(lines) < 2:
        return 0
    entries = [ENTRY.fullmatch(line.strip()) for line in lines]
    if not all(entries) or [int(m["n"]) for m in entries] != list(range(1, len(lines) + 1)):
        return 0
    items = E("list", type="toc")
    offset = block.offset
    for line, m in zip(lines, entries, strict=True):
        n = m["n"]
        state.meta.contents[int(n)] = m["title"]
        ref = inline_into(state, E("ref", target=f"#section-{n}"), m["title"],
                          offset + m.start("title"))
        items.append(E("item", f"({n}) ", ref, n=n))
        offset += len(line) + 1
    state.front.append(E("div", items, type="contents"))
    return 1


def is_heading(state: State, text: str) -> re.Match | None:
    m = ENTRY.fullmatch(text)
    if not m or "\n" in text:
        return None
    n = int(m["n"])
    if state.meta.contents:
        return m if state.meta.contents.get(n, "").strip() == m["title"].strip() else None
    return m if len(text) < 120 and not text.endswith(".") else None


def section_head(state: State, i: int) -> int:
    block = state.blocks[i]
    m = is_heading(state, block.text)
    if not m:
        return 0
    n = m["n"]
    div = E("div", type="section", n=n, xml_id=state.unique_id(f"section-{n}"))
    div.append(inline_into(state, E("head"), block.text, block.offset))
    state.start_section(div)
    return 1
