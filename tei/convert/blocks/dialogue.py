"""Two or more consecutive ``Speaker: words`` blocks (a trial record) -> ``sp``/``speaker``."""

from __future__ import annotations

import re

from tei.convert.blocks import inline_into
from tei.convert.state import State
from tei.ns import E

NAME = "dialogue"
_SPEECH = re.compile(r"(?P<speaker>[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}):\s+(?P<words>\S.*)")
MIN_RUN = 2


# Labels that introduce a line of a page, not a speaker.
LABELS = frozenset(
    "Abstract Address Answer Copyright Date Disclaimer Email Keywords Note Notes Phone "
    "Postscript Source Sources Subject Summary Tel Title Update Updated Warning Website".split()
)


def _speech(state: State, k: int) -> re.Match | None:
    if k >= len(state.blocks) or "\n" in state.blocks[k].text:
        return None
    m = _SPEECH.fullmatch(state.blocks[k].text)
    return m if m and m["speaker"] not in LABELS else None


def apply(state: State, i: int) -> int:
    if state.in_front:
        return 0
    run = []
    while m := _speech(state, i + len(run)):
        run.append(m)
    if len(run) < MIN_RUN:
        return 0
    for k, m in enumerate(run):
        block = state.blocks[i + k]
        words = inline_into(state, E("p"), m["words"], block.offset + m.start("words"))
        gap = block.text[m.end("speaker") + 1 : m.start("words")]
        state.flow(state.locate(E("sp", E("speaker", m["speaker"] + ":"), gap, words),
                                block.offset))
    return len(run)
