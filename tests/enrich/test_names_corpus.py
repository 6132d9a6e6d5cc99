"""Names, places and dates of the reference corpus, linked to registers/krivitsky-chambers.xml."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tei.io import InputError
from tei.lossless import source_words, tei_words
from tei.registers import Registers
from tests.conftest import NS, REGISTERS, assert_valid

# The 30 most frequent person surnames of the corpus (counted in the source).
SURNAMES = """Stalin Tukhachevsky Krivitsky Yagoda Reiss Yezhov Sloutski Spiegelglass Hitler Trotsky
Miller Kirov Lenin Radek Rykov Zinoviev Chambers Artusov Vyshinsky Bukharin Mrachkovsky Skobline
Gamarnik Kamenev Nikolaiev Smirnov Browder Kedrov Riutin Kandelaki""".split()
T = "{http://www.tei-c.org/ns/1.0}"


def occurrences(root, surname: str) -> tuple[int, int]:
    """(inside a linked persName, all) occurrences of a surname in the text."""
    people = set(root.xpath("//t:standOff//t:person/@xml:id", namespaces=NS))
    inside = total = 0
    pattern = re.compile(rf"\b{surname}\b")
    for el in root.find("t:text", NS).iter():
        if not isinstance(el.tag, str):
            continue
        for text, holder in ((el.text, el), (el.tail, el.getparent())):
            for _ in pattern.finditer(text or ""):
                total += 1
                linked = any(a.tag == f"{T}persName" and a.get("ref", "")[1:] in people
                             for a in [holder, *holder.iterancestors()])
                inside += linked
    return inside, total


def test_surnames_are_linked(corpus_linked):
    counts = {s: occurrences(corpus_linked, s) for s in SURNAMES}
    linked = sum(i for i, _ in counts.values())
    total = sum(t for _, t in counts.values())
    assert total > 1000
    assert linked / total >= 0.98, counts
    for surname, (i, t) in counts.items():
        assert t and i / t >= 0.9, (surname, i, t)


def test_refs_resolve_to_standoff(corpus_linked):
    ids = set(corpus_linked.xpath("//t:standOff//@xml:id", namespaces=NS))
    refs = corpus_linked.xpath("//t:text//@ref", namespaces=NS)
    assert len(refs) > 2000
    assert {r[1:] for r in refs} <= ids
    assert len(corpus_linked.xpath("//t:standOff//t:person", namespaces=NS)) >= 80


def test_no_person_name_covers_a_place_or_organisation(corpus_linked, registers):
    forms = {" ".join(f.words) for fs in registers.forms.values() for f in fs
             if registers.entries[f.entry].kind != "person"}
    for pers in corpus_linked.xpath("//t:text//t:persName", namespaces=NS):
        assert not pers.xpath(".//t:placeName|.//t:orgName", namespaces=NS)
        text = " ".join(re.findall(r"\w+|[^\w\s]", "".join(pers.itertext())))
        assert text not in forms, text
    places = {p.text for p in corpus_linked.xpath("//t:text//t:placeName", namespaces=NS)
              if p.text}
    assert {"Moscow", "Paris", "The Hague", "Leningrad"} <= places
    orgs = {o.get("ref") for o in corpus_linked.xpath("//t:text//t:orgName", namespaces=NS)}
    assert {f"#{o}" for o in "ogpu nkvd cheka comintern red-army gestapo".split()} <= orgs


def test_titles_possessives_and_adjectives(corpus_linked):
    def persons(xpath):
        return corpus_linked.xpath(xpath, namespaces=NS)

    assert persons("//t:persName[@ref='#berzin'][t:roleName='General']")
    assert persons("//t:persName[@ref='#tukhachevsky'][t:roleName='Marshal']")
    stalin = persons("//t:persName[@ref='#stalin']")
    assert all("".join(p.itertext()).endswith("Stalin") for p in stalin)
    assert any((p.tail or "").startswith("'s") for p in stalin)
    assert not persons("//t:persName[contains(., 'Stalinist')]")
    gorbachevs = persons("//t:persName[contains(@ref, 'gorbachev')]/@ref")
    assert sorted(gorbachevs) == ["#gorbachev-boris", "#gorbachev-mikhail"]


def test_corpus_stays_lossless_and_valid(corpus_text, corpus_linked, tei_all):
    assert tei_words(corpus_linked) == source_words(corpus_text)
    assert_valid(tei_all, corpus_linked)


def test_registers_are_valid_tei_with_unique_ids(tei_all):
    root = etree.parse(str(REGISTERS)).getroot()
    assert_valid(tei_all, root)
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    assert len(root.xpath("//t:person", namespaces=NS)) >= 80
    for person in root.xpath("//t:person", namespaces=NS):
        preferred = person.xpath("t:persName[@type='preferred']", namespaces=NS)
        assert len(preferred) == 1, person.get("{http://www.w3.org/XML/1998/namespace}id")
        assert not person.xpath("t:idno", namespaces=NS), "authority ids only when verified"


def test_duplicate_ids_across_registers_are_refused(tmp_path):
    with pytest.raises(InputError, match="used twice"):
        Registers.load([REGISTERS, REGISTERS])


W3C = re.compile(r"-?\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")

# Date expressions taken from the corpus, with the values they must carry.
DATES = [
    ("May 22,1937", {"when": "1937-05-22"}),
    ("February, 1934", {"when": "1934-02"}),
    ("28th June, 1899", {"when": "1899-06-28"}),
    ("December 1, 1934", {"when": "1934-12-01"}),
    ("June 30, 1934", {"when": "1934-06-30"}),
    ("March 2, 1919", {"when": "1919-03-02"}),
    ("August 23,1939", {"when": "1939-08-23"}),
    ("September 12,1918", {"when": "1918-09-12"}),
    ("January 6, 1920", {"when": "1920-01-06"}),
    ("May 7, 1920", {"when": "1920-05-07"}),
    ("June 11, 1937", {"when": "1937-06-11"}),
    ("July 9, 1937", {"when": "1937-07-09"}),
    ("December 19,1937", {"when": "1937-12-19"}),
    ("September 23, 1937", {"when": "1937-09-23"}),
    ("October 27,1938", {"when": "1938-10-27"}),
    ("March 7, 1939", {"when": "1939-03-07"}),
    ("July 1933", {"when": "1933-07"}),
    ("December 1936", {"when": "1936-12"}),
    ("March, 1921", {"when": "1921-03"}),
    ("November, 1932", {"when": "1932-11"}),
    ("1917", {"when": "1917"}),
    ("1907", {"when": "1907"}),
    ("1920-1", {"from": "1920", "to": "1921"}),
    ("1936-7", {"from": "1936", "to": "1937"}),
    ("1936-9", {"from": "1936", "to": "1939"}),
    ("from 1933 to 1936", {"from": "1933", "to": "1936"}),
    ("from 1919 to 1937", {"from": "1919", "to": "1937"}),
    ("December 5 to December 14, 1938", {"from": "1938-12-05", "to": "1938-12-14"}),
    ("the winter of 2000-2001", {"from": "2000", "to": "2001"}),
    ("the spring of 1931", {"notBefore": "1931-03", "notAfter": "1931-05"}),
    ("the summer of 1918", {"notBefore": "1918-06", "notAfter": "1918-08"}),
    ("the autumn of 1935", {"notBefore": "1935-09", "notAfter": "1935-11"}),
    ("the 1920s", {"notBefore": "1920", "notAfter": "1929"}),
    ("the 1930s", {"notBefore": "1930", "notAfter": "1939"}),
    ("Early in 1921", {"notBefore": "1921-01", "notAfter": "1921-04"}),
    ("the end of 1933", {"notBefore": "1933-09", "notAfter": "1933-12"}),
]


@pytest.mark.parametrize(("text", "attrs"), DATES, ids=[d[0] for d in DATES])
def test_corpus_date_expressions(corpus_linked, text, attrs):
    found = [dict(d.attrib) for d in corpus_linked.xpath("//t:text//t:date", namespaces=NS)
             if d.text == text]
    assert attrs in found, (text, found)


def test_every_date_attribute_is_valid(corpus_linked):
    dates = corpus_linked.xpath("//t:date", namespaces=NS)
    assert len(dates) > 100
    for d in dates:
        for name in ("when", "from", "to", "notBefore", "notAfter"):
            if d.get(name) is not None:
                assert W3C.fullmatch(d.get(name)), etree.tostring(d)
        for low, high in (("from", "to"), ("notBefore", "notAfter")):
            if d.get(low) and d.get(high):
                assert d.get(low) <= d.get(high), etree.tostring(d)


def test_pages_and_counts_are_never_dates(corpus_linked):
    for d in corpus_linked.xpath("//t:text//t:date", namespaces=NS):
        assert d.getparent().tag != f"{T}biblScope"
        assert not re.search(r"\d,\d{3}\b(?<!\d{2},\d{4})", d.text or "")
        assert not re.fullmatch(r"[\d,]+", d.text or "") or re.fullmatch(r"\d{4}", d.text)
