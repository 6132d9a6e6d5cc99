"""A siglum defined in running text, ``The Defence of Terrorism (DoT)``, becomes an inline
``bibl`` with an ``xml:id`` that citations such as ``(DoT p. 58)`` point to.

Only sigla that citations use are defined (see :func:`find_sigla`), so parenthesised
abbreviations such as ``(HUAC)`` stay text.
"""

from __future__ import annotations

import re

from tei.ns import E

NAME = "siglum"
TRIGGERS = ("(",)
PATTERN = r"(?<= )\((?P<sig>[A-Z][A-Za-z.]{1,7})\)"
_WORD = re.compile(r"[\w.'-]+")


def title_for(siglum: str, before: str) -> str | None:
    """The words before ``(SIGLUM)`` whose initials spell it, e.g. ``Defence of Terrorism``."""
    letters = [c for c in siglum if c.isalpha()]
    words = _WORD.findall(before)[-12:]
    n = len(letters)
    if len(words) < n:
        return None
    tail = words[-n:]
    if [w[0].lower() for w in tail] != [c.lower() for c in letters]:
        return None
    title = " ".join(tail)
    if len(words) > n and words[-n - 1] in ("The", "A", "An"):
        title = f"{words[-n - 1]} {title}"
    return title


def find_sigla(text: str) -> dict[str, str]:
    """Sigla that the text both defines and cites: ``{siglum: title}``."""
    from tei.convert.inline import citation

    used = set()
    for m in re.finditer(citation.PATTERN, text):
        for label, *_ in citation.parse(m.group()[1:-1]) or []:
            if label:
                used.add(label)
    found = {}
    for m in re.finditer(PATTERN, text):
        sig = m.group("sig")
        if sig in used and sig not in found:
            line_start = text.rfind("\n", 0, m.start()) + 1
            title = title_for(sig, text[line_start : m.start()])
            if title:
                found[sig] = title
    return found


def apply(ctx, m, out):
    sig = m.group("sig")
    target = ctx.state.sigla.get(sig)
    before = out[-1] if out and isinstance(out[-1], str) else ""
    title = title_for(sig, before.rstrip()) if target else None
    if not title or target in ctx.state.defined_sigla:
        return None
    ctx.state.defined_sigla.add(target)
    head, _, _ = before.rstrip().rpartition(title)
    space = before[len(before.rstrip()) :]
    out[-1] = head
    if not out[-1]:
        out.pop()
    bibl = E("bibl", E("title", title), xml_id=target)
    bibl[-1].tail = space + "("
    bibl.append(E("abbr", sig))
    bibl[-1].tail = ")"
    ctx.state.remember_bibl(bibl)
    return [bibl], m.end()
