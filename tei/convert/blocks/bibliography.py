"""A bibliographic block on short lines after a heading or a line ending in ``:``:

    In Stalin's Secret Service              -> title
    Memoirs of the First Soviet Master Spy  -> title type="sub"
    W. G. Krivitsky                         -> author
    Enigma Books, New York, 2000.           -> publisher, pubPlace, date

It becomes a ``bibl`` with an ``xml:id``; the pages that follow belong to it (``pb/@edRef``)
and, when the book is quoted at length, the excerpt is a ``quote`` whose ``@source`` is it.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.convert.blocks import PAGE_LEAD
from tei.convert.blocks.sections import is_heading
from tei.convert.state import State
from tei.ns import TEI_NS, XML_ID, E, append

NAME = "bibliography"
IMPRINTS = (
    re.compile(r"(?P<publisher>[^,:]+?),\s+(?P<pubPlace>[^,:]+?),\s+(?P<date>\d{4})\.?"),
    re.compile(r"(?P<pubPlace>[^,:]+?):\s+(?P<publisher>.+?),\s+(?P<date>\d{4})\.?"),
)
_AUTHOR_TITLE_YEAR = re.compile(r"(?P<author>[^,]+?),\s+(?P<title>[^,]+?),\s+(?P<date>\d{4})")
_TITLE_EDITION = re.compile(r"(?P<title>.+?)\s+-\s+(?P<edition>.*\bEdition)")
_RESP = re.compile(
    r"(?P<resp>(?:(?:Forewords?|Introduction|Preface|Afterword)\b|[a-z]+ed\b).*?\bby)\s+(?P<name>.+)"
)
_NAME = re.compile(r"(?:[A-Z]\.\s*)*(?:[A-Z][a-z'\u00c0-\u017f-]+\.?\s*){1,3}")
MAX_LINES = 6


def _short(line: str) -> bool:
    return 0 < len(line) <= 90 and "{" not in line and not re.search(r"[?!:;\"]$", line)


def _imprint(line: str) -> re.Match | None:
    for regex in IMPRINTS:
        m = regex.fullmatch(line)
        if m:
            return m
    return None


def _lines(state: State, i: int) -> list[tuple[str, int]] | None:
    """The block's lines with their offsets, or None if no bibliographic block starts at i."""
    block = state.blocks[i]
    if len(block.lines) == 2 and _RESP.fullmatch(block.lines[1]) and _short(block.lines[0]):
        return [(block.lines[0], block.offset),
                (block.lines[1], block.offset + len(block.lines[0]) + 1)]
    run: list[tuple[str, int]] = []
    end = None
    for k in range(i, min(i + MAX_LINES, len(state.blocks))):
        b = state.blocks[k]
        if ("\n" in b.text or "{" in b.text  # page markers and comments are not imprints
                or not (_short(b.text) or _imprint(b.text)) or is_heading(state, b.text)):
            break
        run.append((b.text, b.offset))
        if _imprint(b.text):
            end = len(run)
    return run[:end] if end else None


def apply(state: State, i: int) -> int:
    after_colon = state.last_text().endswith(":")
    after_head = state.just_after_head()
    if state.in_front or not (after_head or after_colon):
        return 0
    lines = _lines(state, i)
    if not lines:
        return 0
    bibl = build(lines)
    bibl_id = state.unique_id(_id_base(bibl))
    bibl.set(XML_ID, bibl_id)
    state.locate(bibl, lines[0][1])
    _mark_repeat(state, bibl)
    consumed = 1 if len(lines) == 2 and "\n" in state.blocks[i].text else len(lines)
    nxt = state.blocks[i + consumed].text if i + consumed < len(state.blocks) else ""
    if after_colon and not PAGE_LEAD.match(nxt):
        state.flow(bibl)  # a reference given in passing: no excerpt follows
    else:
        state.place(bibl)
    state.edition = bibl_id
    if after_head or PAGE_LEAD.match(nxt):
        state.excerpt = bibl_id
    return consumed


def build(lines: list[tuple[str, int]]) -> etree._Element:
    """The ``bibl`` for a block's lines; each source line after the first starts with ``lb``."""
    texts = [t.strip() for t, _ in lines]
    imprint = _imprint(texts[-1]) if len(texts) > 1 or _imprint(texts[0]) else None
    body = texts[:-1] if imprint else texts
    author_index = _author_line(body)
    line_parts: list[list] = []
    titles = 0
    for k, text in enumerate(body):
        if k == author_index:
            line_parts.append([E("author", text)])
            continue
        if m := _AUTHOR_TITLE_YEAR.fullmatch(text):
            parts = [E("author", m["author"]), ", ", E("title", m["title"]), ", ",
                     E("date", m["date"], when=m["date"])]
        elif m := _TITLE_EDITION.fullmatch(text):
            parts = [E("title", m["title"]), " - ", E("edition", m["edition"])]
        elif m := _RESP.fullmatch(text):
            # editor (not respStmt) may hold several names with "and" between them
            editor = E("editor", *_names(m["name"]), role=m["resp"].split()[0].lower())
            line_parts.append([m["resp"] + " ", editor])
            continue
        else:
            parts = [E("title", text, type="sub" if titles else None)]
        titles += 1
        line_parts.append(parts)
    if imprint:
        line_parts.append(_imprint_parts(texts[-1], imprint))
    bibl = E("bibl")
    for k, parts in enumerate(line_parts):
        if k:
            append(bibl, "\n")
            bibl.append(E("lb"))
        for part in parts:
            append(bibl, part)
    return bibl


def _names(text: str) -> list:
    """``A. Smith and B. Jones`` -> two ``persName`` with the ``and`` between them."""
    parts = re.split(r"(\s*\band\s+)", text)
    return [E("persName", p) if k % 2 == 0 else p for k, p in enumerate(parts) if p]


def _imprint_parts(text: str, m: re.Match) -> list:
    keys = sorted(("publisher", "pubPlace", "date"), key=m.start)
    out: list = []
    pos = 0
    for key in keys:
        out.append(text[pos : m.start(key)])
        out.append(E(key, m[key], when=m[key]) if key == "date" else E(key, m[key]))
        pos = m.end(key)
    out.append(text[pos:])
    return [p for p in out if not isinstance(p, str) or p]


def _author_line(body: list[str]) -> int | None:
    """The last line that is only a personal name; with one line, that line if it is a name."""
    for k in range(len(body) - 1, -1, -1):
        if _NAME.fullmatch(body[k]) and (k or len(body) == 1):
            return k
    return None


def _id_base(bibl: etree._Element) -> str:
    ns = {"t": TEI_NS}
    who = bibl.xpath("string(t:author[1])", namespaces=ns) or bibl.xpath(
        "string(t:title[1])", namespaces=ns)
    words = re.findall(r"[A-Za-z]+", who)
    key = (words[-1] if bibl.find("t:author", ns) is not None else words[0]) if words else "bibl"
    year = bibl.xpath("string((t:date)[last()]/@when)", namespaces=ns)
    return "bibl-" + key.lower() + (f"-{year}" if year else "")


def _mark_repeat(state: State, bibl: etree._Element) -> None:
    """A block that repeats an earlier one (same text) points to it with ``@corresp``."""
    earlier_id = state.earlier_bibl(bibl)
    if earlier_id:
        bibl.set("corresp", f"#{earlier_id}")
    state.remember_bibl(bibl)
