"""``tei names``: unknown name-like sequences for an editor, and the heuristic's recall."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree

from tei.cli import main
from tei.convert.source import Source
from tei.names import recall, unknown
from tests.conftest import CORPUS, REGISTERS, SAMPLE


def test_unknown_names_as_tsv_and_tei(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("Title\n\nIn Paris, Ivan Petrov met Anna Berg. Petrov left.\n",
                      encoding="utf-8")
    runner = CliRunner()
    tsv = runner.invoke(main, ["names", str(source)])
    assert tsv.exit_code == 0
    rows = [line.split("\t") for line in tsv.stdout.splitlines()]
    assert rows[0] == ["name", "count", "first"]
    assert ["Ivan Petrov", "1", f"{source}:3:11"] in rows
    assert ["Petrov", "1", f"{source}:3:38"] in rows
    tei = runner.invoke(main, ["names", str(source), "--format", "tei"])
    root = etree.fromstring(tei.stdout.encode())
    names = root.xpath("//*[local-name()='persName']/text()")
    assert names == ["Paris", "Ivan Petrov", "Anna Berg", "Petrov"]
    assert root.xpath("//@xml:id") == ["paris", "ivan-petrov", "anna-berg", "petrov"]


def test_register_names_are_not_listed(corpus_text, registers):
    found = {u.name for u in unknown(Source(corpus_text, CORPUS.name), registers)}
    assert not {"Stalin", "Tukhachevsky", "Moscow", "OGPU", "General Miller"} & found
    assert "Kremlin" in found


def test_recall_against_the_register(corpus_text, registers):
    hits, total = recall(Source(corpus_text, CORPUS.name), registers)
    assert total >= 150
    assert hits / total >= 0.95


def test_sample_names_with_its_register():
    from tei.registers import Registers

    registers = Registers.load([SAMPLE.parent / "sample-registers.xml"])
    found = {u.name for u in unknown(Source(SAMPLE.read_text(encoding="utf-8"), "s"), registers)}
    assert "Orlinsky" not in found and "Bergen" not in found
    assert REGISTERS.exists()
