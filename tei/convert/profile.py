"""Convention profiles: the named, ordered rules that read one kind of annotated source.

``MYERS`` reads compilation pages in Peter Myers's conventions: a title line, ``by AUTHOR``,
``Date ...``, a contents list ``(1) ...`` repeated as section headings, bibliographic blocks,
page markers ``{p. 183}``, braced comments, ``[...]`` omissions, cited quotations, links,
trial dialogue and numbered paragraphs. Order matters: the first rule that accepts a block
builds it, so specific rules come before the catch-all paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from tei.convert.blocks import (
    bibliography,
    byline,
    chapter,
    dialogue,
    endmark,
    front,
    numbered,
    paragraph,
    sections,
)
from tei.convert.inline import braces, citation, gap, link, pagebreak, siglum


@dataclass(frozen=True)
class Profile:
    name: str
    block_rules: tuple[tuple[str, Callable], ...]
    inline_rules: tuple[ModuleType, ...]


MYERS = Profile(
    name="myers",
    block_rules=(
        ("title", front.title),
        ("author", front.author),
        ("date", front.date),
        ("contents", sections.contents),
        ("section_head", sections.section_head),
        ("front_paragraph", front.paragraph),
        ("endmark", endmark.apply),
        ("byline", byline.apply),
        ("bibliography", bibliography.apply),
        ("chapter", chapter.apply),
        ("dialogue", dialogue.apply),
        ("numbered", numbered.apply),
        ("paragraph", paragraph.apply),
    ),
    # pagebreak before braces: "{p. 12}" is a page marker, not a comment.
    inline_rules=(pagebreak, braces, gap, citation, siglum, link),
)

PROFILES = {MYERS.name: MYERS}
