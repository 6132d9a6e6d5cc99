"""Page citations in parentheses -> one ``bibl`` with a ``biblScope unit="page"`` per page.

``(p. 192)``, ``(pp. 190-1)``, ``(Special Tasks, p. 96)``, ``(DoT p. 58, DvD p. 55)``,
``(hardback p. 351, paperback p. 427)``. A siglum defined in the text (see :mod:`siglum`)
links to its bibl; a lower-case label is an edition; any other label is a title.
"""

from __future__ import annotations

import re

from tei.ns import E, append

NAME = "citation"
TRIGGERS = ("p.",)
PATTERN = r"\((?=[^()\n]{0,100}?\bpp?\.\s*[0-9ivxlc])[^()\n]{1,100}\)"
_REF = re.compile(
    r"(?:(?P<label>[^,]+?)\s+)?(?P<unit>pp?)\.\s*(?P<from>[0-9]+|[ivxlc]+)"
    r"(?:\s*[-\u2013]\s*(?P<to>[0-9]+|[ivxlc]+))?"
)
_LABEL = re.compile(r"[A-Za-z][\w.' ]{0,40}")


def parse(inner: str) -> list[tuple[str | None, str, str, str]] | None:
    """``[(label, text, from, to), ...]`` for a citation, or None if it is not one."""
    refs = []
    pending: str | None = None
    for part in re.split(r",\s*", inner.strip()):
        m = _REF.fullmatch(part)
        if m:
            label = m.group("label") or pending
            if label is not None and not _LABEL.fullmatch(label):
                return None
            start = m.start("unit")
            first, last = m.group("from"), m.group("to") or m.group("from")
            if last.isdigit() and first.isdigit() and len(last) < len(first):
                last = first[: len(first) - len(last)] + last  # "190-1" means 190 to 191
            refs.append((label, part[start:], first, last, m.group("label") is None and pending))
            pending = None
        elif pending is None and _LABEL.fullmatch(part) and not refs:
            pending = part
        else:
            return None
    return refs or None


def apply(ctx, m, out):
    from tei.convert.inline import Group

    refs = parse(m.group()[1:-1])
    if refs is None:
        return None
    # One bibl holds the whole parenthesis (a cit may hold no loose text); each page scope
    # follows the label (siglum, edition or title) it belongs to.
    bibl = E("bibl", "(")
    for k, (label, scope_text, first, last, label_apart) in enumerate(refs):
        if k:
            append(bibl, ", ")
        if label:
            bibl.append(_label(ctx, label))
            append(bibl, ", " if label_apart else " ")
        bibl.append(E("biblScope", scope_text, unit="page", **{"from": first, "to": last}))
    append(bibl, ")")
    return [Group("citation", [bibl])], m.end()


def _label(ctx, label: str):
    target = ctx.state.sigla.get(label)
    if target:
        return E("ref", label, target=f"#{target}")
    if label[:1].islower():
        return E("edition", label)
    return E("title", label)
