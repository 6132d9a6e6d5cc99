"""Registers of persons, places and organisations (TEI ``listPerson``/``listPlace``/``listOrg``)
and the name forms by which the text may mention each entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tei.io import InputError, parse_xml
from tei.ns import NS, XML_ID, localname, tei

KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}
LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
ADULT = 20
TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\s\w]")


@lru_cache(maxsize=8192)
def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words, numbers and single punctuation marks of ``text`` with their offsets (cached:
    persons are looked for in the same text nodes as places and organisations)."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


@dataclass
class Entry:
    id: str
    kind: str
    element: etree._Element
    born: int | None = None
    died: int | None = None

    def contemporary(self, other: Entry) -> bool:
        """Whether two people were adults (20 or older) at the same time; False when a date
        is missing."""
        if None in (self.born, self.died, other.born, other.died):
            return False
        return max(self.born, other.born) + ADULT <= min(self.died, other.died)


@dataclass(frozen=True)
class Form:
    words: tuple[str, ...]
    entry: str
    forename_only: bool = False


@dataclass
class Registers:
    entries: dict[str, Entry] = field(default_factory=dict)
    forms: dict[str, list[Form]] = field(default_factory=dict)  # by first token, longest first

    @classmethod
    def load(cls, paths: list[str | Path]) -> Registers:
        registers = cls()
        for path in paths:
            registers.add(parse_xml(path).getroot(), str(path))
        return registers

    def add(self, root: etree._Element, name: str) -> None:
        for kind in KINDS:
            for el in root.iter(tei(kind)):
                self._add_entry(el, kind, name)
        for forms in self.forms.values():
            forms.sort(key=lambda f: -len(f.words))

    def _add_entry(self, el: etree._Element, kind: str, name: str) -> None:
        entry_id = el.get(XML_ID)
        if not entry_id:
            raise InputError(f"<{kind}> without xml:id", name, el.sourceline or 0)
        if entry_id in self.entries:
            raise InputError(f"xml:id {entry_id!r} is used twice in the registers", name,
                             el.sourceline or 0)
        entry = Entry(entry_id, kind, el, _year(el, "birth"), _year(el, "death"))
        self.entries[entry_id] = entry
        for form, forename_only in _forms(el, kind):
            words = tuple(t for _, _, t in tokens(form))
            if words:
                self.forms.setdefault(words[0], []).append(Form(words, entry_id, forename_only))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(self, words: list[str], i: int, kinds: tuple[str, ...]) -> tuple[int, list[Form]]:
        """The longest register forms of ``kinds`` that start at ``words[i]``."""
        for form in self.forms.get(words[i], ()):
            n = len(form.words)
            if tuple(words[i : i + n]) == form.words:
                found = [f for f in self.forms[words[i]]
                         if f.words == form.words and self.entries[f.entry].kind in kinds]
                if found:
                    return n, found
        return 0, []


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _forms(el: etree._Element, kind: str):
    """(form, forename_only) for every way the text may name the entry."""
    tag = KINDS[kind]
    for name in el.findall(f"t:{tag}", NS):
        kind_of_name = name.get("type", "")
        if kind_of_name == "forename":
            yield _text(name), True
            continue
        yield _text(name), False
        surname = name.find("t:surname", NS)
        forename = name.find("t:forename", NS)
        if surname is not None and kind_of_name in ("", "preferred", "variant"):
            yield _text(surname), False
            if forename is not None:
                yield f"{_text(forename).split()[0]} {_text(surname)}", False


def _year(el: etree._Element, tag: str) -> int | None:
    event = el.find(f"t:{tag}", NS)
    when = event.get("when", "") if event is not None else ""
    m = re.match(r"-?\d{4}", when)
    return int(m.group()) if m else None


def entry_label(entry: Entry) -> str:
    """The preferred name of an entry, as plain text."""
    names = [n for n in entry.element if localname(n) == KINDS[entry.kind]]
    preferred = next((n for n in names if n.get("type") == "preferred"),
                     names[0] if names else None)
    return _text(preferred) if preferred is not None else entry.id
