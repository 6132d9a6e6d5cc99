"""The reference corpus: counts taken from the source text itself, checked in the TEI."""

from __future__ import annotations

import re

from tei.lossless import source_words, tei_words
from tests.conftest import NS, assert_valid

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xp(root, path: str):
    return root.xpath(path, namespaces=NS)


def test_every_page_marker_is_a_pb_in_source_order(corpus_text, corpus_tei):
    pages = re.findall(r"\{p\.\s*([^}\s]+)\s*\}", corpus_text)
    assert len(pages) == 114
    assert [pb.get("n") for pb in xp(corpus_tei, "//t:pb")] == pages


def test_words_split_across_pages_are_joined(corpus_text, corpus_tei):
    # a letter, a hyphen, the end of a block, then a page marker and a letter
    split = re.findall(r"[^\W\d_]-\n\n\{p\.\s*([^}\s]+)\}\s*[^\W\d_]", corpus_text)
    assert split == ["xvi", "28", "51", "125", "158", "181", "205", "220", "225"]
    assert [pb.get("n") for pb in xp(corpus_tei, "//t:pb[@break='no']")] == split
    text = "".join(xp(corpus_tei, "//t:text")[0].itertext())
    assert "non-Communist" in re.sub(r"\s", "", text)


def test_each_page_points_to_the_book_it_belongs_to(corpus_tei):
    books = {pb.get("edRef") for pb in xp(corpus_tei, "//t:pb")}
    assert None not in books
    for ref in books:
        assert xp(corpus_tei, f"//t:bibl[@xml:id='{ref[1:]}']")
    first_of = {pb.get("n"): pb.get("edRef") for pb in xp(corpus_tei, "//t:pb")}
    assert first_of["ix"] != first_of["459"] != first_of["6"]


def test_six_sections_with_the_contents_headings(corpus_text, corpus_tei):
    contents = re.findall(r"^\((\d)\) (.+)$", corpus_text.split("\n\n\n")[0], re.M)
    entries = dict(contents[:6])
    divs = xp(corpus_tei, "/t:TEI/t:text/t:body/t:div")
    assert [d.get("n") for d in divs] == list(entries)
    for div in divs:
        head = div.find("t:head", NS)
        assert "".join(head.itertext()) == f"({div.get('n')}) {entries[div.get('n')]}"
    items = xp(corpus_tei, "//t:front//t:list[@type='toc']/t:item")
    assert ["".join(i.itertext()) for i in items] == [f"({n}) {t}" for n, t in entries.items()]


def test_chapter_headings_after_page_markers(corpus_tei):
    heads = [h.text for h in xp(corpus_tei, "//t:div[@type='chapter']/t:head")]
    assert heads == ["FOREWORD", "VII", "11"]


def test_a_note_for_every_braced_comment(corpus_text, corpus_tei):
    braced = [b for b in re.findall(r"\{([^{}]*)\}", corpus_text)
              if not b.startswith("p. ") and not re.fullmatch(r"end ?quotes?", b)]
    notes = ["".join(n.itertext()) for n in xp(corpus_tei, "//t:text//t:note")]
    assert notes == braced
    for note in xp(corpus_tei, "//t:text//t:note"):
        assert note.get("resp") == "#compiler"
    assert xp(corpus_tei, "string(//t:note[@type='gloss'])") == "Socialist Revolutionaries"
    marks = [m.text for m in xp(corpus_tei, "//t:metamark")]
    assert marks == ["endquote", "end quotes"]


def test_omissions(corpus_text, corpus_tei):
    assert len(xp(corpus_tei, "//t:gap[@reason='omitted']")) == corpus_text.count("[...]") == 2


def test_quotations_and_citations(corpus_tei):
    assert len(xp(corpus_tei, "//t:quote")) >= 40
    cit = xp(corpus_tei, "//t:cit[t:bibl/t:biblScope[@unit='page'][@from='192']]")
    assert len(cit) == 1
    assert "could not be trusted to shoot down Russian peasants" in "".join(cit[0].itertext())
    sigla = xp(corpus_tei, "//t:cit/t:bibl/t:ref/@target")
    assert set(sigla) == {"#DoT", "#DvD"} and len(sigla) == 14
    assert xp(corpus_tei, "string(//t:bibl[@xml:id='DoT']/t:title)") == "The Defence of Terrorism"
    tasks = xp(corpus_tei, "//t:cit/t:bibl[t:title='Special Tasks']/t:biblScope/@from")
    assert tasks == ["96"]
    editions = xp(corpus_tei, "//t:cit/t:bibl/t:edition/text()")
    assert editions == ["hardback", "paperback", "hardback", "paperback"]


def test_excerpts_are_quotations_of_their_book(corpus_tei):
    excerpts = xp(corpus_tei, "//t:quote[@type='excerpt']")
    sources = {q.get("source") for q in excerpts}
    assert sources == {"#bibl-krivitsky-2000", "#bibl-krivitsky-2000-2", "#bibl-chambers-2001",
                       "#bibl-anelauskas-1999"}
    bibl = xp(corpus_tei, "//t:bibl[@xml:id='bibl-krivitsky-2000']")[0]
    assert bibl.findtext("t:title", namespaces=NS) == "In Stalin's Secret Service"
    assert bibl.findtext("t:author", namespaces=NS) == "W. G. Krivitsky"
    assert bibl.findtext("t:publisher", namespaces=NS) == "Enigma Books"
    assert bibl.findtext("t:pubPlace", namespaces=NS) == "New York"


def test_trial_dialogue(corpus_text, corpus_tei):
    speeches = re.findall(r"^(Vyshinsky|Radek): ", corpus_text, re.M)
    sps = xp(corpus_tei, "//t:sp")
    assert [sp.findtext("t:speaker", namespaces=NS) for sp in sps] == [f"{s}:" for s in speeches]
    assert len(sps) == 6


def test_numbered_paragraphs_are_one_list(corpus_tei):
    lists = xp(corpus_tei, "//t:body//t:list")
    assert len(lists) == 1
    assert [i.get("n") for i in lists[0].findall("t:item", NS)] == ["1", "2", "3", "4", "5"]
    assert lists[0].find("t:pb", NS).get("n") == "185"


def test_a_ref_for_every_link(corpus_text, corpus_tei):
    links = re.findall(r"\b[\w-]+\.(?:html|pdf)\b", corpus_text)
    refs = [r.get("target") for r in xp(corpus_tei, "//t:ref[not(starts-with(@target, '#'))]")]
    assert refs == links


def test_german_phrases_are_foreign(corpus_tei):
    foreign = [(f.get(XML_LANG), f.text) for f in xp(corpus_tei, "//t:foreign")]
    assert ("de", "Da hast recht") in foreign
    assert ("de", "und Kronstadt war der Wendepunkt") in foreign
    assert {lang for lang, _ in foreign} == {"de"}


def test_header(corpus_tei):
    header = xp(corpus_tei, "/t:TEI/t:teiHeader")[0]
    assert xp(header, "string(.//t:titleStmt/t:title)").startswith("Walter Krivitsky, Soviet")
    assert xp(header, "string(.//t:titleStmt/t:author)") == "Peter Myers"
    assert xp(header, ".//t:sourceDesc//t:date/@when") == ["2019-08-17"]
    assert xp(header, "//t:respStmt/@xml:id") == ["compiler", "encoder"]
    assert xp(header, ".//t:editorialDecl//t:p")


def test_lossless(corpus_text, corpus_tei):
    assert tei_words(corpus_tei) == source_words(corpus_text)


def test_valid_against_tei_all(corpus_tei, tei_all):
    assert_valid(tei_all, corpus_tei)
