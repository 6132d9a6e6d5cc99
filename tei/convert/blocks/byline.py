"""``by Sam Tanenbaus`` or ``- by Peter Myers, August 17, 2019`` right after a heading."""

from __future__ import annotations

import re

from tei.convert.state import State
from tei.dates import find_trailing_day
from tei.ns import E

NAME = "byline"
_BY = re.compile(r"(?:[-\u2013\u2014]\s*)?by\s+\S.{0,100}")


def apply(state: State, i: int) -> int:
    text = state.blocks[i].text
    if not _BY.fullmatch(text) or "\n" in text or not state.just_after_head():
        return 0
    byline = E("byline")
    day = find_trailing_day(text)
    if day:
        byline.text = text[: day.start]
        byline.append(E("date", text[day.start : day.end], **day.attrs))
    else:
        byline.text = text
    state.place(byline)
    return 1
