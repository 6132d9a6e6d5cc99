"""Suspected OCR errors: the judgement alone, and the review-file workflow through the CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tei.cli import main
from tei.ocr import Lexicon, joins, judge

LEXICON = Lexicon({"Krivitsky": "krivitsky", "Zaporozhets": "zaporozhets", "Gestapo": "gestapo",
                   "Germany": "germany"})


@pytest.mark.parametrize(("word", "correction"), [
    ("Wlas", "Was"), ("Ufe", "Life"), ("attach6", "attaché"), ("laraely", "largely"),
    ("mywife", "my wife"), ("Tou", "You"), ("pubhc", "public"), ("Kritvitsky", "Krivitsky"),
    ("fi.nal", "final"), ("inGermany", "in Germany"),
])
def test_suspects_with_a_correction(word, correction):
    suspect = judge(word, LEXICON)
    assert suspect is not None and suspect.correction == correction


@pytest.mark.parametrize("word", ["Hoe1z's", "examim*g", "V~Mte"])
def test_debris_without_a_clear_correction_is_still_suspect(word):
    assert judge(word.removesuffix("'s"), LEXICON) is not None


@pytest.mark.parametrize("word", [
    "was", "Stalin's", "Krivitsky", "cafe", "mobilise", "defence", "anti-Communist", "USA",
    "VII", "1930s", "28th", "U.S.A", "trotsky.html", "Smolensk", "Passy", "Chekists",
])
def test_real_words_and_unknown_names_are_not_suspects(word):
    assert judge(word, LEXICON) is None


def test_words_broken_by_a_space():
    text = "saw Za orozhets of the Ge- stapo in a long conversa- tion"
    found = {text[a:b]: s.correction for a, b, s in joins(text, LEXICON)}
    assert found == {"Za orozhets": "Zaporozhets", "Ge- stapo": "Gestapo",
                     "conversa- tion": "conversation"}


SOURCE = "Title\n\n(1) One\n\n(1) One\n\nWlas it Ufe or mywife?\n"


def test_review_file_is_created_then_honoured(tmp_path):
    src, out, review = tmp_path / "s.txt", tmp_path / "s.xml", tmp_path / "s.review.tsv"
    src.write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["convert", str(src), "-o", str(out), "--review", str(review)])
    assert first.exit_code == 0
    assert first.stderr.count("suspected OCR error") == 3
    assert f"{src}:7:1: warning: suspected OCR error 'Wlas'" in first.stderr
    lines = [ln.split("\t") for ln in review.read_text(encoding="utf-8").splitlines()
             if not ln.startswith("#")]
    assert [ln[:4] for ln in lines] == [["Wlas", "Was", "7:1", "1"], ["Ufe", "Life", "7:9", "1"],
                                        ["mywife", "my wife", "7:16", "1"]]
    decisions = {"Wlas": "accept", "Ufe": "reject", "mywife": "correct:my own wife"}
    edited = "".join(
        line + decisions.get(line.split("\t")[0], "") + "\n"
        for line in review.read_text(encoding="utf-8").splitlines())
    review.write_text(edited, encoding="utf-8")
    second = runner.invoke(main, ["convert", str(src), "-o", str(out), "--review", str(review),
                                  "--force"])
    assert second.exit_code == 0
    assert "suspected OCR error" not in second.stderr
    xml = out.read_text(encoding="utf-8")
    assert '<choice><sic>Wlas</sic><corr resp="#reviewer" cert="high">Was</corr></choice>' in xml
    assert " Ufe or " in xml and "<sic>Ufe</sic>" not in xml
    assert '<corr resp="#reviewer" cert="high">my own wife</corr>' in xml
    assert review.read_text(encoding="utf-8") == edited, "the editor's file is kept as it is"


def test_a_bad_decision_is_an_input_error(tmp_path):
    src, review = tmp_path / "s.txt", tmp_path / "r.tsv"
    src.write_text(SOURCE, encoding="utf-8")
    review.write_text("# header\nWlas\tWas\t7:1\t1\tmaybe\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "o.xml"),
                                       "--review", str(review)])
    assert result.exit_code == 1
    assert f"{review}:2:" in result.stderr and "unknown decision 'maybe'" in result.stderr
    assert not (tmp_path / "o.xml").exists()
