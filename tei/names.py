"""``tei names``: name-like sequences of a source that no register knows yet, for an editor to
add. A name-like sequence is a run of capitalised words (with initials and particles such as
``von``); sentence-initial common words, months, days, titles and adjectives of nationality are
left out. No trained model is used (none installs offline here); :func:`recall` measures the
heuristic against a register."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tei.convert.source import Source
from tei.ocr import Lexicon
from tei.registers import Registers, tokens

_NAME = re.compile(
    r"(?:[A-Z]\.\s?)*[A-Z][a-z'\u2019\u00c0-\u017f]+"
    r"(?:(?:-|\s(?:(?:von|van|de|der|du|di|la|le)\s)?)[A-Z][a-z'\u2019\u00c0-\u017f]+)*"
)
_MARKUP = re.compile(r"\{p\.[^{}]*\}|[{}]")
NOT_NAMES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday General Gen Marshal Admiral Colonel
    Captain Commissar Premier Prosecutor President Comrade Czar Prince Inspector Attorney Deputy
    Professor Dr Mr Mrs Miss Herr Vice American British Chinese Czech English Finnish French
    German Italian Japanese Jewish Nazi Polish Russian Soviet Spanish Swiss Ukrainian Austrian
    Hungarian Bolshevik Bolsheviks Communist Communists Communism Christian""".split()
)
COMMON = 20000  # a capitalised word this frequent in English is taken for a common word


@dataclass
class Unknown:
    name: str
    count: int = 0
    first: tuple[int, int] = (0, 0)
    variants: set[str] = field(default_factory=set)


def _possessive(name: str) -> str:
    return re.sub(r"['\u2019]s?$", "", name)


def sequences(source: Source) -> list[tuple[str, int]]:
    """(name, offset) for each name-like sequence of the source."""
    text = _MARKUP.sub(lambda m: " " * len(m.group()), source.text)
    lexicon = Lexicon()
    out = []
    def ordinary(word: str) -> bool:
        return word in NOT_NAMES or lexicon.frequency(word) >= COMMON

    for m in _NAME.finditer(text):
        words = m.group().split()
        start = m.start()
        if _sentence_start(text, start):
            # a word capitalised only because the sentence starts with it is no name
            while words and lexicon.frequency(words[0]) >= COMMON:
                start += len(words[0]) + 1
                words = words[1:]
        if not words or all(ordinary(w) for w in words):
            continue
        name = _possessive(" ".join(words))
        if len(name) > 2:
            out.append((name, start))
    return out


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\n"


def unknown(source: Source, registers: Registers | None) -> list[Unknown]:
    """Name-like sequences with no register form, most frequent first."""
    found: dict[str, Unknown] = {}
    for name, offset in sequences(source):
        words = [t for _, _, t in tokens(name)]
        if registers and _covered(words, registers):
            continue
        entry = found.setdefault(name, Unknown(name, first=source.position(offset)))
        entry.count += 1
    return sorted(found.values(), key=lambda u: (-u.count, u.first))


def _covered(words: list[str], registers: Registers) -> bool:
    """Whether register forms cover every capitalised word of the sequence."""
    i = 0
    while i < len(words):
        n, _ = registers.match(words, i, ("person", "place", "org"))
        if n:
            i += n
        elif words[i][:1].isupper() and words[i].rstrip(".") not in NOT_NAMES:
            return False
        else:
            i += 1
    return True


def recall(source: Source, registers: Registers) -> tuple[int, int]:
    """(found, total): how many of the register's surnames that occur in the source the
    heuristic finds (as all or part of a sequence) when the register is not consulted."""
    seen = Counter()
    for name, _ in sequences(source):
        for word in name.replace("-", " ").split():
            seen[word] += 1
    keys = {f.words[0] for forms in registers.forms.values() for f in forms
            if len(f.words) == 1 and registers.entries[f.entry].kind == "person"}
    occurring = {k for k in keys if re.search(rf"\b{re.escape(k)}\b", source.text)}
    return len(occurring & set(seen)), len(occurring)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "name"


def as_tsv(found: list[Unknown], file: str) -> str:
    lines = ["name\tcount\tfirst"]
    lines += [f"{u.name}\t{u.count}\t{file}:{u.first[0]}:{u.first[1]}" for u in found]
    return "\n".join(lines) + "\n"


def as_tei(found: list[Unknown]) -> str:
    from xml.sax.saxutils import escape

    ids: set[str] = set()
    lines = ['<listPerson xmlns="http://www.tei-c.org/ns/1.0">']
    for u in found:
        base = slug(u.name)
        pid, n = base, 1
        while pid in ids:
            n += 1
            pid = f"{base}-{n}"
        ids.add(pid)
        lines.append(f'  <person xml:id="{pid}"><persName type="preferred">{escape(u.name)}'
                     f"</persName><note>{u.count} mention{'s' * (u.count != 1)}; first at "
                     f"line {u.first[0]}</note>"
                     "</person>")
    lines.append("</listPerson>")
    return "\n".join(lines) + "\n"
