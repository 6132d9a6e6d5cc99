"""Convert an annotated plain-text source to a TEI P5 document.

source text -> blocks -> block rules (each building with inline rules) -> TEI tree ->
enrichers -> teiHeader. The rules are those of a :class:`~tei.convert.profile.Profile`.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.convert import header
from tei.convert.inline import InlineParser, siglum
from tei.convert.profile import MYERS, Profile
from tei.convert.source import Source
from tei.convert.state import State
from tei.diagnostics import Diagnostics
from tei.enrich import ENRICHERS, names
from tei.enrich.ocr import Review
from tei.ns import NSMAP, XML_ID, XML_LANG, E, localname, tei
from tei.registers import Registers
from tei.xmlout import indent

COMPILER_ID = "compiler"

_parsers: dict[str, InlineParser] = {}


def _parser(profile: Profile) -> InlineParser:
    if profile.name not in _parsers:
        _parsers[profile.name] = InlineParser(profile.inline_rules)
    return _parsers[profile.name]


# Characters XML 1.0 forbids (tab, line feed and carriage return aside), and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_REPORTED = 10


def _xml_characters(text: str, name: str, diagnostics: Diagnostics) -> str:
    """Each character XML cannot hold becomes a space (so every later position still points
    into the source), with a warning; past the tenth, one warning counts the rest."""
    found = list(_FORBIDDEN.finditer(text))
    for match in found[:_REPORTED]:
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        diagnostics.warning(f"control character U+{ord(match.group()):04X} replaced by a space "
                            "(XML 1.0 cannot hold it)", name, line, col)
    if len(found) > _REPORTED:
        diagnostics.warning(f"{len(found) - _REPORTED} more such characters replaced", name)
    return _FORBIDDEN.sub(" ", text) if found else text


def convert_text(
    text: str,
    name: str,
    diagnostics: Diagnostics | None = None,
    profile: Profile = MYERS,
    enrich: bool = True,
    registers: Registers | None = None,
    review: Review | None = None,
) -> etree._Element:
    """The TEI document (root element ``TEI``) for source ``text`` named ``name``; mentions of
    ``registers`` entries are linked to them."""
    diagnostics = diagnostics if diagnostics is not None else Diagnostics()
    text = _xml_characters(text, name, diagnostics)
    source = Source(text, name)
    state = State(source, diagnostics, COMPILER_ID, _parser(profile), registers)
    state.review = review
    _prescan(state)
    i = 0
    rules = profile.block_rules
    while i < len(state.blocks):
        for _name, rule in rules:
            consumed = rule(state, i)
            if consumed:
                i += consumed
                break
        else:  # the catch-all paragraph rule always consumes; this guards a bad profile
            raise RuntimeError(f"no rule accepted block {i} of {name}")
    _front_tail_to_body(state)
    text_el = E("text")
    if len(state.front):
        text_el.append(state.front)
    if not len(state.body):
        state.body.append(E("p"))
    text_el.append(state.body)
    _unresolved_contents(state, text_el)
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set(XML_LANG, "en")
    root.append(text_el)
    if enrich:
        for enricher in ENRICHERS:
            enricher.apply(root, state)
        if registers:
            names.stand_off(root, registers)
    root.insert(0, header.build(state, text_el))
    return indent(root)


def _front_tail_to_body(state: State) -> None:
    """Text that stayed in the front matter after its first division (a section heading
    announced by the contents never came) opens the body instead: the order is the same and
    the front keeps TEI's content model."""
    seen_div, tail = False, []
    for child in state.front:
        if seen_div and (tail or localname(child) != "div"):
            tail.append(child)
        seen_div = seen_div or localname(child) == "div"
    for position, child in enumerate(tail):
        state.body.insert(position, child)


def _unresolved_contents(state: State, text_el: etree._Element) -> None:
    """A contents entry whose section never came (its heading differs from the entry) keeps
    its text and loses its link, with a warning."""
    ids = {el.get(XML_ID) for el in text_el.iter() if el.get(XML_ID)}
    for ref in text_el.iterfind(".//{*}list[@type='toc']/{*}item/{*}ref"):
        target = ref.get("target", "")
        if target.startswith("#") and target[1:] not in ids:
            del ref.attrib["target"]
            state.warn_at(f"contents entry {''.join(ref.itertext())!r} has no section heading "
                          "with the same title; left unlinked", ref, "".join(ref.itertext()))


def _prescan(state: State) -> None:
    """Facts rules need before they meet them: sections ahead, sigla defined later on."""
    from tei.convert.blocks.sections import ENTRY

    state.has_sections = any(
        ENTRY.fullmatch(b.text) and "\n" not in b.text for b in state.blocks
    )
    for sig in siglum.find_sigla(state.source.text):
        state.sigla[sig] = state.unique_id(sig)
