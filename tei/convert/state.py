"""The conversion state shared by block and inline rules: where content goes, what is known."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from tei.convert.source import Block, Source

if TYPE_CHECKING:
    from tei.convert.inline import InlineParser
    from tei.registers import Registers
from tei.diagnostics import Diagnostics
from tei.ns import XML_ID, E, localname


@dataclass
class Meta:
    """What the header needs, gathered while the text is read."""

    title: str = ""
    author: str = ""
    date_text: str = ""
    date_when: str = ""
    contents: dict[int, str] = field(default_factory=dict)


MAX_SOURCELINE = 65535


def _last_child(el: etree._Element) -> etree._Element | None:
    """The last child, found from the end: len() on an lxml element counts every child."""
    return next(reversed(el), None)


class State:
    """Tree under construction plus the reading context (section, excerpt, edition)."""

    def __init__(self, source: Source, diagnostics: Diagnostics, compiler_id: str,
                 inline: InlineParser, registers: Registers | None = None) -> None:
        self.source = source
        self.inline = inline
        self.registers = registers
        self.review = None  # tei.enrich.ocr.Review: decisions on suspected OCR errors
        self.diagnostics = diagnostics
        self.blocks: list[Block] = source.blocks()
        self.meta = Meta()
        self.compiler_id = compiler_id
        self.front = E("front")
        self.body = E("body")
        self.title_page: etree._Element | None = None
        # lxml stores sourceline in 16 bits: lines past 65535 are kept here (the dict holds
        # the element proxies, so their identity lasts as long as the conversion)
        self.far_lines: dict[etree._Element, int] = {}
        self.container: etree._Element = self.front
        self.section: etree._Element | None = None
        self.edition: str | None = None  # xml:id of the bibl whose pages are being read
        self.excerpt: str | None = None  # xml:id of the bibl being quoted at length
        self.last_page: dict[str | None, str] = {}  # edition -> its last numbered page
        self._excerpt_quote: etree._Element | None = None
        self.ids: set[str] = set()
        self._id_counts: dict[str, int] = {}  # base -> the last number given to it
        # every word-initial ending of each bibl's text -> the xml:id of the first bibl with it
        self._bibl_endings: dict[str, str] = {}
        self.sigla: dict[str, str] = {}  # siglum -> xml:id of the bibl that defines it
        self.defined_sigla: set[str] = set()
        self.has_sections = False

    # -- positions and messages -------------------------------------------------------------
    def warn(self, message: str, offset: int, rule: str = "") -> None:
        line, col = self.source.position(offset)
        self.diagnostics.warning(message, self.source.name, line, col, rule)

    def position_of(self, el: etree._Element, text: str) -> tuple[int, int]:
        """Where ``text`` inside ``el`` stands in the source: searched from the line where
        ``el`` (or its nearest located ancestor) begins; (0, 0) if nothing is located."""
        line = self.line_of(el) or next((self.line_of(a) for a in el.iterancestors()
                                         if a.sourceline), 0)
        return self.source.find(text, line) if line else (0, 0)

    def warn_at(self, message: str, el: etree._Element, text: str, rule: str = "") -> None:
        line, col = self.position_of(el, text)
        self.diagnostics.warning(message, self.source.name, line, col, rule)

    def locate(self, el: etree._Element, offset: int) -> etree._Element:
        """Record the source line of ``el`` (lxml keeps it as ``sourceline``) for later stages."""
        line = self.source.position(offset)[0]
        if line > MAX_SOURCELINE:
            self.far_lines[el] = line
        el.sourceline = min(line, MAX_SOURCELINE)
        return el

    def line_of(self, el: etree._Element) -> int:
        return self.far_lines.get(el, el.sourceline or 0)

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``... if taken (numbered on from the last one
        given, so that thousands of the same base stay linear)."""
        candidate, n = base, self._id_counts.get(base, 1)
        if n > 1:
            candidate = f"{base}-{n}"
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self._id_counts[base] = n
        self.ids.add(candidate)
        return candidate

    def remember_bibl(self, bibl: etree._Element) -> None:
        """Index a bibl with an xml:id so that a later block repeating it can point to it."""
        words = " ".join("".join(bibl.itertext()).split()).split(" ")
        for k in range(len(words)):
            self._bibl_endings.setdefault(" ".join(words[k:]), bibl.get(XML_ID))

    def earlier_bibl(self, bibl: etree._Element) -> str | None:
        """The xml:id of the first remembered bibl whose text ends with this one's."""
        return self._bibl_endings.get(" ".join("".join(bibl.itertext()).split()))

    # -- where things go --------------------------------------------------------------------
    @property
    def in_front(self) -> bool:
        return self.container is self.front

    def place(self, el: etree._Element) -> None:
        """Append a structural element (head, bibl, pb, div, note) to the current division."""
        self.close_excerpt_quote()
        if self.container is self.front and not self.has_sections:
            self.container = self.body
        self.container.append(el)

    def flow(self, el: etree._Element) -> None:
        """Append a block of running text; inside an excerpt it becomes part of the quotation."""
        target = self._flow_target()
        if self.excerpt:
            if self._excerpt_quote is None or self._excerpt_quote.getparent() is not target:
                self._excerpt_quote = E("quote", type="excerpt", source=f"#{self.excerpt}")
                target.append(self._excerpt_quote)
            target = self._excerpt_quote
        target.append(el)

    def _flow_target(self) -> etree._Element:
        # Running text may not follow a subdivision inside a div (TEI content model), so it
        # continues in the last subdivision.
        if self.container is self.front and not self.has_sections:
            self.container = self.body  # no sections: the text starts after the title lines
        target = self.container
        while (last := _last_child(target)) is not None and localname(last) == "div":
            target = last
        return target

    def close_excerpt_quote(self) -> None:
        self._excerpt_quote = None

    @property
    def excerpt_quote(self) -> etree._Element | None:
        return self._excerpt_quote

    def start_section(self, div: etree._Element) -> None:
        self.body.append(div)
        self.section = div
        self.container = div
        self.edition = None
        self.excerpt = None
        self.close_excerpt_quote()

    def start_chapter(self, div: etree._Element) -> None:
        parent = self.section if self.section is not None else self.body
        parent.append(div)
        self.container = div
        self.close_excerpt_quote()

    def end_excerpt(self) -> None:
        self.excerpt = None
        self.close_excerpt_quote()
        if self.section is not None:
            self.container = self.section

    def just_after_head(self) -> bool:
        """True when the current division has nothing yet but its heading."""
        last = _last_child(self.container)
        return last is not None and localname(last) == "head"

    def last_text(self) -> str:
        """The text of the last paragraph placed, for rules that look back (``...:``)."""
        target = self._flow_target()
        if self._excerpt_quote is not None and self._excerpt_quote.getparent() is target:
            target = self._excerpt_quote
        for child in reversed(target):
            if localname(child) == "p":
                return "".join(child.itertext()).rstrip()
            if localname(child) not in ("pb", "note"):
                return ""
        return ""
