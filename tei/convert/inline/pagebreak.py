"""``{p. 183}``, ``{p. xvi}`` -> ``<pb n="183" edRef="#bibl-..."/>`` (the edition being read)."""

from __future__ import annotations

import re

from tei.ns import E

NAME = "pagebreak"
TRIGGERS = ("{p.",)
PATTERN = r"\{p\.[^{}\n]*\}"
_PAGE = re.compile(r"\{p\.\s*([0-9]+|[ivxlcdm]+)\s*\}", re.IGNORECASE)


def apply(ctx, m, out):
    page = _PAGE.fullmatch(m.group())
    if page is None:
        ctx.state.warn(f"page marker {m.group()!r} has no page number; kept as text",
                       ctx.at(m.start()), NAME)
        return None
    edition = ctx.state.edition
    number = page.group(1)
    if number.isdigit():
        last = ctx.state.last_page.get(edition)
        if last is not None and int(last) >= int(number):
            ctx.state.warn(f"page marker {m.group()!r} comes after page {last} of "
                           f"{'the same edition' if edition else 'the document'}; "
                           "pages out of order", ctx.at(m.start()), NAME)
        ctx.state.last_page[edition] = number
    pb = E("pb", n=number, edRef=f"#{edition}" if edition else None)
    return [ctx.state.locate(pb, ctx.at(m.start()))], m.end()
