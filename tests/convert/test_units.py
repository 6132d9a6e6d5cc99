"""Small pieces of the converter, each alone."""

from __future__ import annotations

import pytest

from tei.convert.blocks.paragraph import continues
from tei.convert.inline import citation, siglum
from tei.convert.source import Source


@pytest.mark.parametrize(("text", "expected"), [
    ("p. 192", [(None, "p. 192", "192", "192", None)]),
    ("pp. 190-1", [(None, "pp. 190-1", "190", "191", None)]),
    ("p. xvi", [(None, "p. xvi", "xvi", "xvi", None)]),
    ("Special Tasks, p. 96", [("Special Tasks", "p. 96", "96", "96", "Special Tasks")]),
    ("DoT p. 58, DvD p. 55", [("DoT", "p. 58", "58", "58", False),
                              ("DvD", "p. 55", "55", "55", False)]),
    ("item 5", None),
    ("see p. 5 and later", None),
])
def test_citation_parse(text, expected):
    assert citation.parse(text) == expected


def test_siglum_title():
    assert siglum.title_for("DoT", "gave it the title The Defence of Terrorism ") == \
        "The Defence of Terrorism"
    assert siglum.title_for("DvD", "titled Dictatorship vs. Democracy ") == \
        "Dictatorship vs. Democracy"
    assert siglum.title_for("HUAC", "the House Committee on Un-American Activities ") is None


@pytest.mark.parametrize(("prev", "nxt", "expected"), [
    ("where his life took", "{p. x} on a strange duality.", True),
    ("a national catas-", "{p. 158} trophe.", True),
    ("It was not.", "{p. xix} It was an icy morning.", False),
    ("and said:", "{p. 129} \"Very simply,", False),
    ("my personal docu-.", "{p. 215} ments.", True),
    ("the most loyal generals", "{p. 185} 3. Stalin used fake evidence.", False),
    ("of Stalin.", "{p. 183} VII", False),
    ("without a marker", "the next block", False),
])
def test_paragraph_continues(prev, nxt, expected):
    assert continues(prev, nxt) is expected


def test_source_positions_and_blocks():
    src = Source("one\n\n  two\nthree\n\n\nfour", "s.txt")
    assert [b.text for b in src.blocks()] == ["one", "two\nthree", "four"]
    assert src.position(src.blocks()[1].offset) == (3, 3)
    assert src.position(0) == (1, 1)
