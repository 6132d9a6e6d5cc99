"""Mentions of register entries -> ``persName``/``placeName``/``orgName`` with ``@ref``.

Places and organisations are tagged first, persons second, so that a person's name inside an
institution's (``Lenin School``, ``Lenin's Tomb``) is tagged within it. Matching is by whole
tokens, longest form first, so ``Stalinist`` is never ``Stalin`` and ``Stalin's`` tags
``Stalin``. A title right before a person's name (``General``, ``Marshal``) is kept inside the
``persName`` as ``roleName``. A form that names two register persons is decided by the people
mentioned around it (with whom the right one was an adult at the same time); otherwise it
stays untagged with a warning.
The entries that occur are copied into ``standOff`` so every ``@ref`` resolves in the document.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import etree

from tei.enrich import text as textnodes
from tei.ns import NS, TEI_NS, E, localname, tei
from tei.registers import KINDS, LISTS, Registers, entry_label, tokens

NAME = "names"
TITLES = frozenset(
    "General Gen Marshal Admiral Colonel Captain Capt Commissar Premier Prosecutor President "
    "Comrade Czar Prince Inspector Attorney Deputy Professor Dr Mr Mrs Miss M Herr".split()
)
PLACE_WORDS = frozenset("Hotel Cafe Café Caf Boulevard Rue Place Avenue Street Gare".split())
NATIONALITIES = frozenset(
    "American Anglo Austrian British Chinese Czech English Finnish French German Italian "
    "Japanese Jewish Nazi Polish Russian Soviet Spanish Swiss Ukrainian".split()
)
BLOCKS = frozenset("p head item note bibl byline docAuthor titlePart speaker l cell".split())


def _skip(kinds: tuple[str, ...]):
    tags = {KINDS[k] for k in kinds} | {"teiHeader", "abbr", "biblScope", "idno", "metamark"}

    def skip(el: etree._Element) -> bool:
        name = localname(el)
        return name in tags or (name == "ref" and not el.get("target", "#").startswith("#"))

    return skip


@dataclass
class Mention:
    slot: textnodes.Slot
    start: int
    end: int
    title_end: int  # where a leading title ends (== start when there is none)
    candidates: list[str]
    block: etree._Element | None
    chosen: str | None = None
    context: set[str] = field(default_factory=set)


_CAPITALISED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*")


def find(slots, registers: Registers, kinds: tuple[str, ...]) -> list[Mention]:
    """Mentions of ``kinds`` entries. A text node is tokenised only when one of its
    capitalised words begins a register form."""
    mentions = []
    for slot in slots:
        text = textnodes.slot_text(slot)
        done = 0
        toks: list = []
        for m in _CAPITALISED.finditer(text):
            if m.start() < done or m.group() not in registers.forms:
                continue
            if not toks:
                toks = tokens(text)
                words = [t for _, _, t in toks]
                index = {a: k for k, (a, _, _) in enumerate(toks)}
            i = index.get(m.start())
            if i is None:
                continue
            n, forms = registers.match(words, i, kinds)
            if not n or not _acceptable(words, i, n, forms):
                continue
            title_start = _title_start(words, i) if kinds == ("person",) else i
            name_start = i + _leading_title(forms[0].words) if kinds == ("person",) else i
            mentions.append(Mention(
                slot, toks[title_start][0], toks[i + n - 1][1], toks[name_start][0],
                sorted({f.entry for f in forms}), textnodes.enclosing(slot, BLOCKS),
            ))
            done = toks[i + n - 1][1]
    return mentions


def _acceptable(words: list[str], i: int, n: int, forms) -> bool:
    after = words[i + n] if i + n < len(words) else ""
    if all(f.forename_only for f in forms) and after[:1].isupper():
        return False  # "Max Hoelz" is not "Max"
    if i and words[i - 1] in PLACE_WORDS:
        return False  # "Hotel Napoleon" is a place
    # "Franco-Soviet relations" is an adjective; "Radek-Piatakov case" names two people
    joined_after = after == "-" and i + n + 1 < len(words) and words[i + n + 1] in NATIONALITIES
    joined_before = i >= 2 and words[i - 1] == "-" and words[i - 2] in NATIONALITIES
    return not (joined_after or joined_before)


def _leading_title(words: tuple[str, ...]) -> int:
    """How many tokens of a register form are a title (``General Berzin``, ``Mrs. Reiss``)."""
    if len(words) > 1 and words[0] in TITLES:
        return 2 if len(words) > 2 and words[1] == "." else 1
    return 0


def _title_start(words: list[str], i: int) -> int:
    if i >= 1 and words[i - 1] in TITLES:
        return i - 1
    if i >= 2 and words[i - 1] == "." and words[i - 2] in TITLES:
        return i - 2
    return i


def resolve(mentions: list[Mention], registers: Registers, state) -> None:
    """Choose an entry for every mention; ambiguous ones by their neighbours' lifetimes."""
    known: dict[int, set[str]] = {}
    for m in mentions:
        if len(m.candidates) == 1:
            m.chosen = m.candidates[0]
            known.setdefault(id(m.block), set()).add(m.chosen)
    for m in mentions:
        if m.chosen:
            continue
        neighbours = known.get(id(m.block), set())
        scores = {c: sum(registers.entries[c].contemporary(registers.entries[o])
                         for o in neighbours) for c in m.candidates}
        best = max(scores.values())
        winners = [c for c, s in scores.items() if s == best]
        if best and len(winners) == 1:
            m.chosen = winners[0]
        else:
            text = textnodes.slot_text(m.slot)[m.start:m.end]
            names = ", ".join(f"{c} ({entry_label(registers.entries[c])})" for c in m.candidates)
            state.warn_at(f"{text!r} may be any of {names}; left untagged",
                          textnodes.owner(m.slot), text, "names")


def _builder(m: Mention, tag: str):
    def make(text: str) -> etree._Element:
        el = E(tag, ref=f"#{m.chosen}")
        cut = m.title_end - m.start
        if cut:
            title = text[:cut].rstrip()
            el.append(E("roleName", title))
            el[-1].tail = text[len(title):]
        else:
            el.text = text
        return el

    return make


def link_existing(text_el: etree._Element, registers: Registers, kinds: tuple[str, ...]) -> None:
    """Names the converter already marked (an ``author``'s ``persName``) get their ``@ref``
    when their whole text is one register form."""
    for kind in kinds:
        for el in text_el.iter(tei(KINDS[kind])):
            words = [t for _, _, t in tokens("".join(el.itertext()))]
            n, forms = registers.match(words, 0, (kind,)) if words else (0, [])
            entries = {f.entry for f in forms}
            if el.get("ref") is None and n == len(words) and len(entries) == 1:
                el.set("ref", f"#{entries.pop()}")


def tag(text_el: etree._Element, registers: Registers, kinds: tuple[str, ...], state) -> None:
    mentions = find(textnodes.text_slots(text_el, _skip(kinds)), registers, kinds)
    resolve(mentions, registers, state)
    by_slot: dict[int, list] = {}
    slots = {}
    for m in mentions:
        if m.chosen:
            tagname = KINDS[registers.entries[m.chosen].kind]
            by_slot.setdefault(id(m.slot[0]) * 2 + m.slot[1], []).append(
                (m.start, m.end, _builder(m, tagname)))
            slots[id(m.slot[0]) * 2 + m.slot[1]] = m.slot
    for key, spans in by_slot.items():
        textnodes.wrap(slots[key], spans)


def stand_off(root: etree._Element, registers: Registers) -> None:
    """Copy the entries the text refers to into ``standOff``, so every ``@ref`` resolves in
    the document itself (run after every enricher: OCR corrections may name entries too)."""
    used = {ref[1:] for ref in root.xpath("//tei:text//@ref", namespaces={"tei": TEI_NS})
            if ref.startswith("#")}
    lists = []
    for kind in KINDS:
        entries = [e for e in registers.entries.values() if e.kind == kind and e.id in used]
        if entries:
            lst = E(LISTS[kind])
            for entry in entries:
                lst.append(copy.deepcopy(entry.element))
            lists.append(lst)
    if lists:
        root.append(E("standOff", *lists))


def apply(root: etree._Element, state) -> None:
    registers: Registers | None = getattr(state, "registers", None)
    text_el = root.find("t:text", NS)
    if not registers or text_el is None:
        return
    tokens.cache_clear()  # the cache serves the two passes of one document only
    link_existing(text_el, registers, tuple(KINDS))
    tag(text_el, registers, ("org", "place"), state)
    tag(text_el, registers, ("person",), state)

