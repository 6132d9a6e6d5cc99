"""Inline stage: text of a block -> nodes (text and TEI elements), by an ordered list of rules.

An inline rule is a module with ``NAME``, ``TRIGGERS`` (substrings without which it cannot
match), ``PATTERN`` (a regular expression) and ``apply(ctx, match, out) -> (nodes, end) |
None``. The scanner tries the patterns of the rules whose triggers occur in the text, in
profile order at each position; a rule that returns ``None`` leaves the match as plain text.
Quotation marks are paired afterwards over a whole paragraph, because quotations run across
page breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

from lxml import etree

from tei.convert.state import State
from tei.ns import E, append, localname


@dataclass
class Group:
    """Nodes that belong together until assembly (e.g. a parenthesised citation)."""

    kind: str
    nodes: list = field(default_factory=list)


@dataclass
class QuoteMark:
    opens: bool
    closes: bool


Node = str | etree._Element | Group | QuoteMark


class InlineParser:
    """Compiles the profile's inline rules into one scanner."""

    def __init__(self, rules: Sequence[ModuleType]) -> None:
        self.rules = list(rules)
        self._regexes: dict[tuple[int, ...], re.Pattern] = {}

    def _regex(self, text: str) -> re.Pattern | None:
        """One alternation of the patterns of the rules that may match ``text`` (cached)."""
        active = tuple(i for i, rule in enumerate(self.rules)
                       if any(t in text for t in rule.TRIGGERS))
        if not active:
            return None
        if active not in self._regexes:
            self._regexes[active] = re.compile(
                "|".join(f"(?P<r{i}>{self.rules[i].PATTERN})" for i in active))
        return self._regexes[active]

    def scan(self, state: State, text: str, offset: int) -> list[Node]:
        """Split ``text`` (found at ``offset`` in the source) into text and element nodes."""
        out: list[Node] = []
        pos = 0
        regex = self._regex(text)
        while regex is not None:
            m = regex.search(text, pos)
            if m is None:
                break
            rule = self.rules[int(m.lastgroup[1:])]
            _text(out, text[pos : m.start()])
            result = rule.apply(Context(self, state, text, offset), m, out)
            if result is None:
                _text(out, m.group())
                pos = m.end()
                continue
            nodes, pos = result
            out.extend(nodes)
        _text(out, text[pos:])
        return out

    def build(self, state: State, el: etree._Element, nodes: list[Node]) -> etree._Element:
        """Pair quotation marks, form citations and fill ``el`` with the result."""
        for node in assemble(state, nodes):
            append(el, node)
        return el


@dataclass
class Context:
    parser: InlineParser
    state: State
    text: str
    offset: int

    def at(self, index: int) -> int:
        """Source offset of ``text[index]``."""
        return self.offset + index


def _text(out: list[Node], s: str) -> None:
    if not s:
        return
    if out and isinstance(out[-1], str):
        out[-1] += s
    else:
        out.append(s)


# -- assembly: quotations and citations -------------------------------------------------------

_OPENERS = set(" \t\n([{\u2014-'")


def _split_marks(nodes: list[Node]) -> list[Node]:
    """Turn each ``"`` in text nodes into a QuoteMark that knows whether it can open or close."""
    out: list[Node] = []
    for i, node in enumerate(nodes):
        if not isinstance(node, str) or '"' not in node:
            out.append(node)
            continue
        before = nodes[i - 1] if i else None
        after = nodes[i + 1] if i + 1 < len(nodes) else None
        parts = node.split('"')
        for k, part in enumerate(parts):
            if part:
                out.append(part)
            if k == len(parts) - 1:
                break
            prev = part[-1] if part else (parts[k - 1][-1:] if k else _edge(before, -1))
            nxt = parts[k + 1][:1] if parts[k + 1] else _edge(after, 0)
            prev = prev or " "
            nxt = nxt or " "
            out.append(QuoteMark(opens=prev in _OPENERS and not nxt.isspace(),
                                 closes=not prev.isspace()))
    return out


def _edge(node: Node | None, index: int) -> str:
    if isinstance(node, str) and node:
        return node[index]
    return " " if node is None or isinstance(node, etree._Element) else ""


def _pair(nodes: list[Node]) -> list[Node]:
    """Replace each matched pair of marks (and what lies between) by a quote or q element.

    Sources use the same ``"`` for quotations inside quotations, so marks nest: a closing mark
    ends the innermost open quotation. Marks left open stay text.
    """
    out: list[Node] = []
    stack: list[int] = []
    for node in nodes:
        if not isinstance(node, QuoteMark):
            out.append(node)
        elif stack and node.closes:
            start = stack.pop()
            inner = out[start + 1 :]
            del out[start:]
            out.append(_quotation(inner))
        elif node.opens:
            stack.append(len(out))
            out.append(node)
        else:
            out.append('"')
    return [_plain(n) for n in out]


def _plain(node: Node) -> Node:
    return '"' if isinstance(node, QuoteMark) else node


def _words(nodes: list[Node]) -> int:
    text = "".join(n for n in nodes if isinstance(n, str))
    return len(re.findall(r"\w+", text))


def _quotation(inner: list[Node]) -> etree._Element:
    # A quotation long enough to be a passage is <quote>; a word or two in quotation marks
    # (a term, a nickname, a title) is the generic <q>.
    el = E("quote" if _words(inner) >= 4 else "q")
    append(el, '"')
    for node in inner:
        for n in node.nodes if isinstance(node, Group) else [node]:
            append(el, n)
    append(el, '"')
    return el


def _cite(nodes: list[Node]) -> list[Node]:
    """A quotation followed by a citation becomes ``cit`` (quote + bibl)."""
    out: list[Node] = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        if isinstance(node, etree._Element) and localname(node) in ("quote", "q"):
            j = i + 1
            gap = ""
            if j < len(nodes) and isinstance(nodes[j], str) and not nodes[j].strip():
                gap = nodes[j]
                j += 1
            if j < len(nodes) and isinstance(nodes[j], Group) and nodes[j].kind == "citation":
                node.tag = node.tag.replace("}q", "}quote") if localname(node) == "q" else node.tag
                cit = E("cit", node, gap, *nodes[j].nodes)
                out.append(cit)
                i = j + 1
                continue
        if isinstance(node, Group):
            out.extend(node.nodes)
        else:
            out.append(node)
        i += 1
    return out


def assemble(state: State, nodes: list[Node]) -> list[Node]:
    merged: list[Node] = []
    for node in nodes:
        if isinstance(node, str) and merged and isinstance(merged[-1], str):
            merged[-1] += node
        else:
            merged.append(node)
    return _cite(_pair(_split_marks(merged)))
