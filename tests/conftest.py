"""Shared fixtures: the reference corpus and tei_all schema from ../shared (skipped when absent),
and ``--accept`` to rewrite golden files for a person to review in the diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "krivitsky-chambers.txt"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
SAMPLE = ROOT / "examples" / "sample.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--accept", action="store_true",
                     help="rewrite golden files with the current output")


@pytest.fixture(scope="session")
def accept(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--accept")


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    if not TEI_ALL.exists():
        pytest.skip("../shared/schemas/tei_all.rng is not available")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture(scope="session")
def corpus_text() -> str:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not available")
    return CORPUS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_tei(corpus_text: str) -> etree._Element:
    from tei.convert import convert_text

    return convert_text(corpus_text, CORPUS.name)


REGISTERS = ROOT / "registers" / "krivitsky-chambers.xml"


@pytest.fixture(scope="session")
def registers():
    from tei.registers import Registers

    return Registers.load([REGISTERS])


@pytest.fixture(scope="session")
def corpus_linked(corpus_text: str, registers) -> etree._Element:
    """The reference corpus converted with its registers."""
    from tei.convert import convert_text

    return convert_text(corpus_text, CORPUS.name, registers=registers)


def assert_valid(schema: etree.RelaxNG, root: etree._Element) -> None:
    doc = etree.ElementTree(etree.fromstring(etree.tostring(root)))
    if not schema.validate(doc):
        errors = "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:10])
        pytest.fail(f"not valid against tei_all:\n{errors}")
