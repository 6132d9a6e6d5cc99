"""Consecutive numbered paragraphs ``1. ...``, ``2. ...`` -> one ``list`` with ``label``/``item``.
A page marker before a number (``{p. 185} 3. ...``) stays in the list, before its item."""

from __future__ import annotations

import re

from tei.convert.blocks import PAGE_LEAD, inline_into
from tei.convert.state import State
from tei.ns import E

NAME = "numbered"
_ITEM = re.compile(r"(?P<n>\d{1,2})\.\s+(?P<text>\S.*)", re.DOTALL)
MIN_RUN = 2


def _item(state: State, k: int) -> tuple[re.Match | None, int]:
    if k >= len(state.blocks):
        return None, 0
    text = state.blocks[k].text
    lead = PAGE_LEAD.match(text)
    skip = lead.end() if lead else 0
    return _ITEM.fullmatch(text, skip), skip


def apply(state: State, i: int) -> int:
    if state.in_front:
        return 0
    run = []
    expected = None
    while True:
        m, skip = _item(state, i + len(run))
        if not m or (expected is not None and int(m["n"]) != expected):
            break
        run.append((m, skip))
        expected = int(m["n"]) + 1
    if len(run) < MIN_RUN:
        return 0
    lst = state.locate(E("list", type="ordered"), state.blocks[i].offset)
    for k, (m, skip) in enumerate(run):
        block = state.blocks[i + k]
        if skip:
            for node in state.inline.scan(state, block.text[:skip].rstrip(), block.offset):
                if not isinstance(node, str):
                    lst.append(node)
        lst.append(E("label", f"{m['n']}."))
        lst[-1].tail = block.text[m.end("n") + 1 : m.start("text")]
        lst.append(inline_into(state, E("item", n=m["n"]), m["text"],
                               block.offset + m.start("text")))
    state.flow(lst)
    return len(run)
