"""Golden pairs, one per rule: golden/NAME.txt converts to golden/NAME.xml (the ``text``
element) and reports golden/NAME.log. ``pytest --accept`` rewrites them for review."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tei.convert import convert_text
from tei.diagnostics import Diagnostics
from tei.lossless import source_words, tei_words
from tei.registers import Registers
from tei.xmlout import serialize
from tests.conftest import NS, assert_valid

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def _check(path: Path, actual: str, accept: bool) -> None:
    if accept:
        if actual:
            path.write_text(actual, encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
        return
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    assert actual == expected, f"{path.name} differs; run pytest --accept and review the diff"


def convert_case(name: str):
    """Convert golden/NAME.txt, with golden/NAME.registers.xml when there is one."""
    source = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    registers = GOLDEN / f"{name}.registers.xml"
    diagnostics = Diagnostics()
    root = convert_text(source, f"{name}.txt", diagnostics,
                        registers=Registers.load([registers]) if registers.exists() else None)
    return source, root, diagnostics


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, accept: bool) -> None:
    _, root, diagnostics = convert_case(name)
    parts = [copy.deepcopy(root.find(f"t:{part}", NS)) for part in ("text", "standOff")]
    out = "".join(serialize(p).decode("utf-8") for p in parts if p is not None)
    _check(GOLDEN / f"{name}.xml", out, accept)
    log = "".join(f"{d}\n" for d in diagnostics.items)
    _check(GOLDEN / f"{name}.log", log, accept)


@pytest.mark.parametrize("name", CASES)
def test_golden_is_lossless_and_valid(name: str, tei_all) -> None:
    source, root, _ = convert_case(name)
    assert tei_words(root) == source_words(source)
    assert_valid(tei_all, root)
