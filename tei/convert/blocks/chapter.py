"""A heading right after a page marker, ``{p. 183} VII`` or ``{p. ix} FOREWORD``, opens a
chapter division; the marker becomes the ``pb`` before it."""

from __future__ import annotations

import re

from tei.convert.state import State
from tei.ns import E

NAME = "chapter"
_HEAD = re.compile(
    r"\{p\.\s*(?P<page>[0-9]+|[ivxlcdm]+)\s*\}\s+"
    r"(?P<head>[IVXLC]+|\d{1,3}|[A-Z][A-Z' -]{2,40}[A-Z])",
)


def apply(state: State, i: int) -> int:
    block = state.blocks[i]
    m = _HEAD.fullmatch(block.text)
    if not m:
        return 0
    nodes = state.inline.scan(state, block.text[: m.start("head")].rstrip(), block.offset)
    for node in nodes:
        if not isinstance(node, str):
            (state.section if state.section is not None else state.body).append(node)
    head = state.locate(E("head", m["head"]), block.offset + m.start("head"))
    state.start_chapter(E("div", head, type="chapter"))
    return 1
