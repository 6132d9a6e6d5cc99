"""Braced text by the compiler: ``{...}`` -> ``note`` (editorial or gloss), end markers ->
``metamark``. An unbalanced brace is reported and kept as text."""

from __future__ import annotations

import re

from tei.ns import E

NAME = "braces"
TRIGGERS = ("{", "}")
PATTERN = r"[{}]"
END_MARKS = re.compile(r"end\s*(?:of\s+)?quotes?", re.IGNORECASE)
_ABBR = re.compile(r"((?:[A-Z]\.?){2,}[a-z]?)\s*$")


def find_close(text: str, start: int) -> int | None:
    """Index of the ``}`` that closes the ``{`` at ``start`` (nesting allowed), or None."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        elif c == "\n" and text.startswith("\n", i + 1):
            return None
    return None


def apply(ctx, m, out):
    if m.group() == "}":
        ctx.state.warn("'}' without a matching '{'; kept as text", ctx.at(m.start()), NAME)
        return None
    close = find_close(ctx.text, m.start())
    if close is None:
        ctx.state.warn("'{' is never closed; kept as text", ctx.at(m.start()), NAME)
        return None
    inner_start = m.start() + 1
    inner = ctx.text[inner_start:close]
    nodes = ctx.parser.scan(ctx.state, inner, ctx.at(inner_start))
    return [ctx.state.locate(braced(ctx, inner, nodes, out), ctx.at(m.start()))], close + 1


def braced(ctx, inner: str, nodes, out):
    """The element for braced content: an end-of-quotation mark, a gloss or a comment."""
    state = ctx.state
    if END_MARKS.fullmatch(inner.strip()):
        el = E("metamark", function="endquote")
    else:
        kind = "gloss" if _is_gloss(inner, out) else "editorial"
        el = E("note", type=kind, resp=f"#{state.compiler_id}", place="inline")
    return ctx.parser.build(state, el, nodes)


def _is_gloss(inner: str, out) -> bool:
    """``S.R.s {Socialist Revolutionaries}``: the braces expand the abbreviation before them."""
    before = out[-1] if out and isinstance(out[-1], str) else ""
    m = _ABBR.search(before)
    if not m:
        return False
    letters = [c for c in m.group(1) if c.isupper()]
    initials = [w[0] for w in inner.split() if w[:1].isupper()]
    return letters == initials
