"""The embedded sample (examples/sample.txt) exercises every convention the toolkit reads."""

from __future__ import annotations

import re

import pytest

from tei.convert import convert_text
from tei.lossless import source_words, tei_words
from tests.conftest import NS, SAMPLE, assert_valid


@pytest.fixture(scope="module")
def sample():
    text = SAMPLE.read_text(encoding="utf-8")
    return text, convert_text(text, SAMPLE.name)


def count(root, path: str) -> int:
    return int(root.xpath(f"count({path})", namespaces=NS))


def test_sample_uses_every_rule(sample):
    text, root = sample
    assert count(root, "//t:titlePage/t:docTitle") == 1
    assert root.xpath("//t:docDate/@when", namespaces=NS) == ["2021-03-03"]
    assert count(root, "//t:front//t:list[@type='toc']/t:item") == 4
    assert count(root, "/t:TEI/t:text/t:body/t:div[@type='section']") == 4
    assert count(root, "//t:pb") == len(re.findall(r"\{p\. ", text))
    assert root.xpath("//t:pb[@break='no']/@n", namespaces=NS) == ["xi", "xii"]
    assert count(root, "//t:pc[@force='weak']") == 1
    assert root.xpath("//t:div[@type='chapter']/t:head/text()", namespaces=NS) == ["PREFACE", "IV"]
    assert count(root, "//t:byline") >= 3
    assert count(root, "//t:bibl[@xml:id][t:publisher]") == 3
    assert count(root, "//t:bibl[@xml:id]/t:editor[@role='transcribed']/t:persName") == 1
    assert count(root, "//t:quote[@type='excerpt']") >= 3
    assert count(root, "//t:note[@type='editorial']") == 3
    assert count(root, "//t:note[@type='gloss']") == 1
    assert count(root, "//t:metamark[@function='endquote']") == 2
    assert count(root, "//t:gap[@reason='omitted']") == 1
    assert count(root, "//t:cit[t:quote][t:bibl/t:biblScope]") == 5
    assert count(root, "//t:cit//t:ref[@target='#QH']") == 2
    assert count(root, "//t:bibl[t:title='Quiet Harbours']") == 1
    assert count(root, "//t:bibl/t:edition") == 2
    assert count(root, "//t:sp/t:speaker") == 4
    assert root.xpath("//t:list[@type='ordered']/t:item/@n", namespaces=NS) == ["1", "2", "3"]
    links = re.findall(r"\b[\w-]+\.(?:html|pdf)\b", text)
    assert root.xpath("//t:ref[not(starts-with(@target, '#'))]/@target", namespaces=NS) == links
    assert count(root, "//t:foreign[@xml:lang='de']") == 2


def test_sample_is_lossless(sample):
    text, root = sample
    assert tei_words(root) == source_words(text)


def test_sample_is_valid_tei(sample, tei_all):
    assert_valid(tei_all, sample[1])
