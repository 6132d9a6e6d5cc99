"""Block stage: each rule is a module with ``NAME`` and ``apply(state, i) -> int``.

``apply`` looks at ``state.blocks[i]`` (and following blocks if it needs a run), builds what
it recognises into the state's tree and returns how many blocks it consumed, or 0 to let the
next rule of the profile try.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.convert.state import State

PAGE_LEAD = re.compile(r"\{p\.\s*([0-9]+|[ivxlcdm]+)\s*\}\s*", re.IGNORECASE)


def inline_into(state: State, el: etree._Element, text: str, offset: int) -> etree._Element:
    """Fill ``el`` with the inline content of ``text`` found at ``offset``."""
    state.locate(el, offset)
    return state.inline.build(state, el, state.inline.scan(state, text, offset))


def hoist_leading_pb(state: State, el: etree._Element) -> None:
    """A page that begins with a new paragraph: put the ``pb`` before the paragraph."""
    if not (el.text or "").strip() and len(el) and el[0].tag.endswith("}pb"):
        pb = el[0]
        el.text = (pb.tail or "").lstrip()
        pb.tail = None
        el.addprevious(pb)
