"""Deliberately broken documents, one fault each: each fails with the right rule, message and
line against the project's schema (XSD 1.1 and Schematron)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.validate import check_file, load

BASE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>A test document</title>
        <respStmt xml:id="compiler"><resp>compiled by</resp><name>A. Compiler</name></respStmt>
      </titleStmt>
      <publicationStmt><p>Test data.</p></publicationStmt>
      <sourceDesc><bibl xml:id="book"><title>A Book</title></bibl></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="section" xml:id="s1">
        <head>One</head>
{body}
      </div>
    </body>
  </text>
</TEI>
"""
LINE = 17  # where {body} begins

# (name, body, rule, line offset within body, words of the message)
CASES = [
    ("malformed", "<p>text <hi>never closed</p>", "well-formed", 0, "mismatch"),
    ("unknown-element", "<p>a <blink>b</blink></p>", "xsd", 0, "blink"),
    ("unknown-attribute", '<p colour="red">a</p>', "xsd", 0, "colour"),
    ("bad-break-value", '<p>a <pb n="1" break="perhaps"/>b</p>', "xsd", 0, "perhaps"),
    ("bad-date-value", '<p><date when="1937-13">no month</date></p>', "xsd", 0, "1937-13"),
    ("duplicate-id", '<p xml:id="s1">a</p>', "unique-id", 0, "s1"),
    ("choice-one-child", "<p><choice><sic>Wlas</sic></choice></p>", "xsd", 0, "choice"),
    ("text-in-cit", "<p><cit>loose <quote>a</quote><bibl>b</bibl></cit></p>", "xsd", 0, "cit"),
    ("date-range-reversed", '<p><date from="1938" to="1936">x</date></p>', "xsd-assert", 0,
     "must not end"),
    ("date-when-and-range", '<p><date when="1937" from="1936" to="1938">x</date></p>',
     "xsd-assert", 0, "@when"),
    ("date-bounds-reversed", '<p><date notBefore="1939" notAfter="1931">x</date></p>',
     "xsd-assert", 0, "notAfter"),
    ("div-after-subdivision", '<div><p>a</p></div>\n<p>b</p>', "xsd-assert", -2,
     "subdivision"),
    ("labels-without-items",
     "<list><label>1.</label><label>2.</label><item>a</item><item>b</item></list>",
     "xsd-assert", 0, "label"),
    ("dangling-ref", '<p><persName ref="#nobody">X</persName></p>', "ref-resolves", 0,
     "#nobody"),
    ("dangling-resp", '<p>a<note resp="#nobody">b</note></p>', "resp-resolves", 0, "#nobody"),
    ("dangling-edRef", '<p>a <pb n="1" edRef="#nobook"/>b</p>', "edRef-resolves", 0, "#nobook"),
    ("dangling-target", '<p><ref target="#nowhere">x</ref></p>', "target-resolves", 0,
     "#nowhere"),
    ("dangling-source", '<quote type="excerpt" source="#nobook"><p>x</p></quote>',
     "source-resolves", 0, "#nobook"),
    ("pages-out-of-order",
     '<p>a <pb n="5" edRef="#book"/>b</p>\n<p>c <pb n="3" edRef="#book"/>d</p>',
     "pages-in-order", 1, "page 3"),
    ("note-without-resp", "<p>a<note>b</note></p>", "note-resp", 0, "@resp"),
    ("empty-persName", '<p><persName ref="#compiler"/> said</p>', "name-not-empty", 0,
     "empty persName"),
    ("foreign-without-lang", "<p><foreign>Da hast recht</foreign></p>", "foreign-lang", 0,
     "xml:lang"),
    ("cit-without-source", "<p><cit><quote>a</quote></cit></p>", "cit-parts", 0, "source"),
    ("corr-without-sic", "<p><choice><corr>a</corr><expan>b</expan></choice></p>",
     "corr-has-sic", 0, "sic"),
    ("break-after-space", '<p>word <pb n="2" break="no"/>next</p>', "break-joins-word", 0,
     "inside a word"),
    ("excerpt-without-source", '<quote type="excerpt"><p>x</p></quote>', "excerpt-source", 0,
     "@source"),
]


@pytest.fixture(scope="module")
def project():
    return load(None)


@pytest.mark.parametrize(("name", "body", "rule", "offset", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_broken_document(tmp_path: Path, project, name, body, rule, offset, words):
    path = tmp_path / f"{name}.xml"
    path.write_text(BASE.format(body=body), encoding="utf-8")
    problems = check_file(path, project)
    assert problems, "the fault went unnoticed"
    first = problems[0]
    assert first.rule == rule, problems
    assert first.line == LINE + offset, problems
    assert words in first.message, problems
    assert first.col >= 1 and first.file == str(path)


def test_the_base_document_is_valid(tmp_path, project, tei_all):
    from lxml import etree

    path = tmp_path / "base.xml"
    path.write_text(BASE.format(body="<p>All is well.</p>"), encoding="utf-8")
    assert check_file(path, project) == []
    assert tei_all.validate(etree.parse(str(path)))


def test_at_least_twenty_faults():
    assert len(CASES) >= 20
    assert len({c[2] for c in CASES}) >= 15
