"""Any other block is a paragraph. A following block that opens with a page marker continues
it when the sentence was cut (``took`` / ``{p. x} on``); a word cut with a hyphen is joined
across ``pb break="no"``: ``catas-`` / ``{p. 158} trophe.`` keeps its hyphen as
``pc force="weak"`` (a line-end hyphen), ``non-`` / ``{p. 51} Communist`` keeps a real one."""

from __future__ import annotations

import re

from tei.convert.blocks import PAGE_LEAD, hoist_leading_pb
from tei.convert.blocks.chapter import _HEAD as CHAPTER_HEAD
from tei.convert.inline import Node
from tei.convert.state import State
from tei.ns import E

NAME = "paragraph"
_TERMINAL = re.compile(r"[.!?:][\"'\u201d\u2019)\]]*$")
_CUT_WORD = re.compile(r"(?<=[^\W\d_])-$")
_NUMBERED = re.compile(r"\d{1,2}\.\s")


def continues(prev: str, nxt: str) -> bool:
    """Whether block ``nxt`` carries on the paragraph that ended with ``prev``."""
    lead = PAGE_LEAD.match(nxt)
    if not lead or CHAPTER_HEAD.fullmatch(nxt) or nxt.lstrip().startswith("{end"):
        return False
    rest = nxt[lead.end() :]
    if _NUMBERED.match(rest):
        return False
    return rest[:1].islower() or not _TERMINAL.search(prev.rstrip())


def apply(state: State, i: int) -> int:
    block = state.blocks[i]
    nodes: list[Node] = state.inline.scan(state, block.text, block.offset)
    prev_text = block.text
    k = i + 1
    while k < len(state.blocks) and continues(prev_text, state.blocks[k].text):
        nxt = state.blocks[k]
        join(nodes, state.inline.scan(state, nxt.text, nxt.offset))
        prev_text = nxt.text
        k += 1
    p = state.inline.build(state, state.locate(E("p"), block.offset), nodes)
    state.flow(p)
    hoist_leading_pb(state, p)
    return k - i


def join(nodes: list[Node], more: list[Node]) -> None:
    """Append the nodes of a continuation block, whose first node is its page break."""
    pb, rest = more[0], more[1:]
    if rest and isinstance(rest[0], str):
        rest[0] = rest[0].lstrip()
    last = nodes[-1] if nodes and isinstance(nodes[-1], str) else None
    following = rest[0] if rest and isinstance(rest[0], str) else ""
    if last is not None and _CUT_WORD.search(last) and following[:1].isalpha():
        pb.set("break", "no")
        if following[:1].islower():
            nodes[-1] = last[:-1]
            nodes.append(E("pc", "-", force="weak"))
    elif last is not None:
        nodes[-1] = last.rstrip() + " "
    nodes.append(pb)
    nodes.extend(rest)
