"""Suspected OCR errors -> ``choice`` with ``sic`` and, where the correction is clear,
``corr`` with ``@resp`` and ``@cert`` (judgement in :mod:`tei.ocr`).

Each distinct suspect is reported once, at its first position, unless a review file decides
it. The review file (TSV, one suspect a line) is read before and updated after: new suspects
are appended, the editor's lines are kept as they are. A decision is ``accept`` (take the
suggestion), ``reject`` (the source is right: no markup) or ``correct:TEXT``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei.enrich.text import Slot, owner, slot_text, text_slots, wrap
from tei.io import InputError, atomic_write
from tei.ns import NS, E, localname
from tei.ocr import Lexicon, Suspect, clean, joins, judge, locate, raw_words
from tei.registers import KINDS

NAME = "ocr"
ENCODER = "encoder"
REVIEWER = "reviewer"
SKIP = frozenset({"teiHeader", "foreign", "persName", "placeName", "orgName", "abbr", "metamark",
                  "biblScope", "idno", "pc", "choice", "sic", "corr", "speaker", "date"})
_TRAILING = " \t\n.,;:!?\"'’”)]"
_BROKEN = re.compile(r"[^\W\d_]- [a-z]")
HEADER = (
    "# OCR review: one suspected error a line.\n"
    "# decision: accept (take the suggestion), reject (the source is right), correct:TEXT\n"
    "# suspect\tsuggestion\tfirst seen (line:col)\toccurrences\tdecision\n"
)


@dataclass
class Review:
    """Decisions read from a review file, and the suspects met in this conversion."""

    path: Path | None = None
    decisions: dict[str, str] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    met: dict[str, list] = field(default_factory=dict)  # text -> [suspect, where, count]

    @classmethod
    def read(cls, path: Path | None) -> Review:
        review = cls(path)
        if path is None or not path.exists():
            return review
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            review.known.add(cells[0])
            decision = cells[4].strip() if len(cells) > 4 else ""
            if decision and decision not in ("accept", "reject") and \
                    not decision.startswith("correct:"):
                raise InputError(f"unknown decision {decision!r} (accept, reject or "
                                 "correct:TEXT)", str(path), number, len("\t".join(cells[:4])) + 2)
            if decision:
                review.decisions[cells[0]] = decision
        return review

    def write(self) -> None:
        new = [t for t in self.met if t not in self.known]
        if self.path is None or not new:
            return
        old = self.path.read_text(encoding="utf-8") if self.path.exists() else HEADER
        lines = [f"{t}\t{self.met[t][0].correction or ''}\t{self.met[t][1]}\t{self.met[t][2]}\t"
                 for t in new]
        atomic_write(self.path, (old.rstrip("\n") + "\n" + "\n".join(lines) + "\n").encode())


def _lexicon(state) -> Lexicon:
    names: dict[str, str] = {}
    registers = getattr(state, "registers", None)
    if registers:
        for forms in registers.forms.values():
            for form in forms:
                for word in form.words:
                    if word[:1].isupper():
                        names.setdefault(word, form.entry)
    return Lexicon(names)


def _skip(el: etree._Element) -> bool:
    name = localname(el)
    return name in SKIP or (name == "ref" and not el.get("target", "#").startswith("#"))


def _edge_words(slot: Slot) -> tuple[bool, bool]:
    """Whether the slot's first and last words touch a page break (a word cut in two)."""
    el, is_tail = slot
    before = el if is_tail else None
    after = el.getnext() if is_tail else (el[0] if len(el) else None)
    cut = ("pb", "pc")
    return (before is not None and localname(before) in cut,
            after is not None and localname(after) in cut)


def _element(suspect: Suspect, decision: str, registers):
    def make(text: str) -> etree._Element:
        if decision.startswith("correct:"):
            correction, resp, cert = decision[len("correct:"):], REVIEWER, "high"
        elif decision == "accept" and suspect.correction:
            correction, resp, cert = suspect.correction, REVIEWER, "high"
        else:
            correction, resp, cert = suspect.correction, ENCODER, suspect.cert
        if not correction:
            return E("sic", text)
        choice = E("choice", E("sic", text), E("corr", correction, resp=f"#{resp}", cert=cert))
        if suspect.ref and registers and suspect.ref in registers.entries:
            kind = registers.entries[suspect.ref].kind
            return E(KINDS[kind], choice, ref=f"#{suspect.ref}")
        return choice

    return make


def apply(root: etree._Element, state) -> None:
    text_el = root.find("t:text", NS)
    if text_el is None:
        return
    review: Review = getattr(state, "review", None) or Review()
    lexicon = _lexicon(state)
    slots = text_slots(text_el, _skip)
    # judge each distinct word once, then look closely only at the text nodes that hold one
    joined = "\n".join(slot_text(s) for s in slots)
    raw = set(raw_words(joined))
    suspects = {w: s for w in {clean(r) for r in raw} - {""} if (s := judge(w, lexicon))}
    suspect_raw = {r for r in raw if clean(r) in suspects}
    # a word broken by a space is a short unknown piece ("Za orozhets") or ends in "- "
    pieces = {r for r in raw if 2 <= len(r) <= 4 and r[:1].isupper() and not lexicon.known(r)}
    # the same test on whitespace-separated pieces of text, which str.split finds fastest
    telling = {piece for piece in set(joined.split())
               if any(r in suspect_raw or r in pieces for r in raw_words(piece))}
    for slot in slots:
        text = slot_text(slot)
        if telling.isdisjoint(text.split()) and not ("- " in text and _BROKEN.search(text)):
            continue
        found = list(joins(text, lexicon))
        first_cut, last_cut = _edge_words(slot)
        for start, end, word in locate(text, set(raw_words(text)) & suspect_raw):
            # a word cut by a page break is whole only across it: not a suspect
            if (first_cut and not text[:start].strip()) or \
                    (last_cut and not text[end:].strip(_TRAILING)):
                continue
            if not any(start < e and s < end for s, e, _ in found):
                found.append((start, end, suspects[word]))
        spans = []
        for start, end, suspect in sorted(found, key=lambda f: f[0]):
            decision = review.decisions.get(suspect.text, "")
            _note(state, review, suspect, slot, decision)
            if decision != "reject":
                spans.append((start, end, _element(suspect, decision,
                                                   getattr(state, "registers", None))))
        if spans:
            wrap(slot, spans)


def _note(state, review: Review, suspect: Suspect, slot: Slot, decision: str) -> None:
    """Count the suspect for the review file; report its first occurrence if undecided."""
    if suspect.text in review.met:
        review.met[suspect.text][2] += 1
        return
    line, col = state.position_of(owner(slot), suspect.text)
    review.met[suspect.text] = [suspect, f"{line}:{col}", 1]
    if not decision:
        hint = f"; correction {suspect.correction!r} ({suspect.cert})" if suspect.correction \
            else ""
        state.diagnostics.warning(f"suspected OCR error {suspect.text!r}{hint}",
                                  state.source.name, line, col, NAME)
