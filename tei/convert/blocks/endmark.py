"""``{endquote}``, ``{end quotes}``, ``{end of Foreword; ...}`` at the start of a block close the
excerpt being quoted. A bare end mark is kept as ``metamark`` at the end of the quotation; one
that says more (who wrote what follows) stays a note."""

from __future__ import annotations

import re

from tei.convert.blocks import inline_into
from tei.convert.inline import braces
from tei.convert.state import State
from tei.ns import E

NAME = "endmark"
_LEAD = re.compile(r"\{\s*end", re.IGNORECASE)


def apply(state: State, i: int) -> int:
    block = state.blocks[i]
    if not _LEAD.match(block.text):
        return 0
    close = braces.find_close(block.text, 0)
    if close is None:
        return 0
    inner = block.text[1:close]
    quote = state.excerpt_quote
    nodes = state.inline.scan(state, inner, block.offset + 1)
    if braces.END_MARKS.fullmatch(inner.strip()):
        mark = state.inline.build(state, E("metamark", function="endquote"), nodes)
        (quote if quote is not None else _holder(state)).append(mark)
        state.end_excerpt()
    else:
        note = E("note", type="editorial", resp=f"#{state.compiler_id}", place="inline")
        state.inline.build(state, note, nodes)
        state.end_excerpt()
        state.place(note)
    rest = block.text[close + 1 :]
    if rest.strip():
        start = close + 1 + len(rest) - len(rest.lstrip())
        state.flow(inline_into(state, E("p"), rest.strip(), block.offset + start))
    return 1


def _holder(state: State):
    p = E("p")
    state.flow(p)
    return p
