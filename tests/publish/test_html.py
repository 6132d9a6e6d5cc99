"""The HTML edition: golden pages per converter rule, and what a reader of the reference
corpus edition gets (checked in the HTML; tests/browser checks it in a browser)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from tei.publish.html import render
from tests.conftest import NS, SHARED
from tests.convert.test_golden import CASES, _check, convert_case

GOLDEN = Path(__file__).parent / "golden"
_GENERATED_ID = re.compile(r"\bd\d+e\d+\b")


def normalise(page: str) -> str:
    """The reading part of a page (main, notes, bibliography) with generated ids numbered in
    order of appearance, pretty-printed, so goldens survive unrelated changes."""
    doc = html.fromstring(page)
    parts = doc.xpath("//main | //section[@class='notes'] | //section[@class='bibliography']")
    text = "\n".join(etree.tostring(p, encoding="unicode", method="html") for p in parts)
    ids: dict[str, str] = {}
    text = _GENERATED_ID.sub(lambda m: ids.setdefault(m.group(), f"id{len(ids) + 1}"), text)
    tree = html.fromstring(f"<div>{text}</div>")
    etree.indent(tree, space=" ")
    return etree.tostring(tree, encoding="unicode", method="html") + "\n"


@pytest.mark.parametrize("name", CASES)
def test_golden_html(tmp_path, name, accept):
    _, root, _ = convert_case(name)
    render(etree.ElementTree(root), tmp_path)
    _check(GOLDEN / f"{name}.html", normalise((tmp_path / "index.html").read_text("utf-8")),
           accept)


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory, corpus_linked):
    out = tmp_path_factory.mktemp("site")
    site = render(etree.ElementTree(corpus_linked), out)
    return out, site


def page(site_dir: Path, name: str):
    return html.parse(str(site_dir / name)).getroot()


def test_corpus_page_breaks_in_order(corpus_site, corpus_linked):
    out, _ = corpus_site
    labels = [pb.get("data-label") for pb in page(out, "index.html").xpath("//*[@class='pb']")]
    assert len(labels) == 114
    numbers = [pb.get("n") for pb in corpus_linked.xpath("//t:pb", namespaces=NS)]
    assert [label.rsplit(" p. ", 1)[1] for label in labels] == numbers
    assert labels[labels.index("Krivitsky p. 183")] == "Krivitsky p. 183"
    assert "Chambers p. 459" in labels and "Anelauskas p. 6" in labels


def test_every_note_is_reachable(corpus_site, corpus_linked):
    out, _ = corpus_site
    doc = page(out, "index.html")
    calls = doc.xpath("//a[@class='note-call']")
    assert len(calls) == len(corpus_linked.xpath("//t:text//t:note", namespaces=NS))
    for call in calls:
        note = doc.get_element_by_id(call.get("href")[1:])
        assert note.xpath(".//a[@role='doc-backlink']/@href") == [f"#{call.get('id')}"]
        assert doc.get_element_by_id(call.get("aria-describedby")).text_content().strip()


def reading_text(doc) -> str:
    """The text a reader sees: corrections, not the source's misprints (hidden by CSS)."""
    for sic in doc.xpath("//*[@class='sic']"):
        sic.drop_tree()
    return re.sub(r"\s+", " ", doc.get_element_by_id("text").text_content())


def test_split_words_read_whole(corpus_site):
    out, _ = corpus_site
    text = reading_text(page(out, "index.html"))
    for word in ("catastrophe", "non-Communist", "common criminals", "Political Administration",
                 "establish", "including", "prominent"):
        assert word in text
    assert "catas-" not in text


def test_apparatus(corpus_site):
    out, _ = corpus_site
    doc = page(out, "index.html")
    assert len(doc.xpath("//main//*[@class='gap']")) == 2
    assert doc.xpath("//*[@class='foreign'][@lang='de']/text()")[:1] == \
        ["Ist die Sowjetregierung eine faschistische Regierung"]
    corr = doc.xpath("//span[@class='corr'][@title='original: Wlas']")
    assert corr and corr[0].text_content().strip() == "Was"
    when = doc.xpath("//time[@datetime='1937-05-22']")
    assert when and when[0].get("title") == "1937-05-22" and when[0].get("data-when")
    toc = doc.xpath("//nav[@class='toc']//a/@href")
    assert all(doc.get_element_by_id(h[1:]) is not None for h in toc) and len(toc) >= 9
    books = doc.xpath("//section[@class='bibliography']//li/@id")
    assert "book-bibl-krivitsky-2000" in books and "book-DoT" in books
    assert doc.xpath("//cite[@class='bibl']//a[@href='#book-DoT']")


def test_persons_page_counts(corpus_site, corpus_linked):
    out, _ = corpus_site
    persons = page(out, "persons.html")
    mentions: dict[str, int] = {}
    for ref in corpus_linked.xpath("//t:text//t:persName/@ref", namespaces=NS):
        mentions[ref[1:]] = mentions.get(ref[1:], 0) + 1
    sections = persons.xpath("//section[contains(@class, 'entry')]")
    assert {s.get("id") for s in sections} == set(mentions)
    for section in sections:
        count = int(re.search(r"\((\d+)\)", section.findtext(".//h3")).group(1))
        assert count == mentions[section.get("id")] == len(section.xpath(".//ol/li"))
    tukhachevsky = persons.get_element_by_id("tukhachevsky")
    links = tukhachevsky.xpath(".//ol/li/a")
    assert links[0].text.startswith("(1)") and any(" p. " in a.text for a in links)
    index = page(out, "index.html")
    for link in links:
        target = index.get_element_by_id(link.get("href").split("#", 1)[1])
        assert "Tukhachevsky" in target.text_content()


@pytest.mark.skipif(not (SHARED / "foreign-tei").exists(), reason="no ../shared/foreign-tei")
@pytest.mark.parametrize("path", sorted((SHARED / "foreign-tei").glob("*.xml")),
                         ids=lambda p: p.stem)
def test_foreign_tei_renders(tmp_path, path):
    site = render(path, tmp_path)
    index = (tmp_path / "index.html").read_text("utf-8")
    assert index.startswith("<!DOCTYPE")
    assert len(site.warnings) == len(set(site.warnings))
    source = etree.parse(str(path))
    words = re.findall(r"\w+", " ".join(source.xpath(
        "//*[local-name()='text' or local-name()='surface']//text()")))
    doc = html.fromstring(index)
    shown = " ".join(doc.xpath("//main//text() | //main//img/@alt"
                               " | //section[@class='notes']//text()"))
    missing = [w for w in words if w not in shown]
    assert not missing, missing[:10]


def test_unknown_elements_keep_text_and_warn_once(tmp_path):
    tei = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>a '
        "<wibble>first</wibble> and <wibble>second</wibble></p></body></text></TEI>")
    site = render(etree.ElementTree(tei), tmp_path)
    assert site.warnings == ["unhandled element: wibble"]
    doc = page(tmp_path, "index.html")
    assert [w.text for w in doc.xpath("//span[@class='wibble']")] == ["first", "second"]
