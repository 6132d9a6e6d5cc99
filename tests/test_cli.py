"""The ``tei`` command line: exit codes, messages, overwrite protection."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei.cli import main
from tests.conftest import SAMPLE

SOURCE = "Title\n\nby A. Writer\n\n(1) One\n\n(1) One\n\nA {comment} and {unclosed here.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def src(tmp_path: Path) -> Path:
    path = tmp_path / "src.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return path


def test_convert_writes_tei_and_warns_with_position(runner, src, tmp_path):
    out = tmp_path / "out.xml"
    result = runner.invoke(main, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout.strip() == str(out)
    assert f"{src}:9:17: warning: '{{' is never closed; kept as text" in result.stderr
    xml = out.read_text(encoding="utf-8")
    assert "{unclosed here." in xml
    assert '<note type="editorial" resp="#compiler" place="inline">comment</note>' in xml


def test_existing_output_is_kept_without_force(runner, src, tmp_path):
    out = tmp_path / "out.xml"
    out.write_text("<edited-by-hand/>", encoding="utf-8")
    result = runner.invoke(main, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "--force" in result.stderr and str(out) in result.stderr
    assert out.read_text(encoding="utf-8") == "<edited-by-hand/>"
    result = runner.invoke(main, ["convert", str(src), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    again = runner.invoke(main, ["convert", str(src), "-o", str(out)])
    assert again.exit_code == 0, "an identical output is no conflict"
    assert [p.name for p in tmp_path.iterdir()] == sorted(["src.txt", "out.xml"]) or \
        {p.name for p in tmp_path.iterdir()} == {"src.txt", "out.xml"}


def test_unreadable_and_undecodable_input(runner, tmp_path):
    result = runner.invoke(main, ["convert", str(tmp_path / "missing.txt"), "-o",
                                  str(tmp_path / "o.xml")])
    assert result.exit_code == 1
    assert "missing.txt: error: cannot read" in result.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes("caf\u00e9 line\n\nbroken \xff byte\n".encode().replace(b"\xc3\xbf", b"\xff"))
    result = runner.invoke(main, ["convert", str(bad), "-o", str(tmp_path / "o.xml")])
    assert result.exit_code == 1
    assert f"{bad}:3:8: error: invalid UTF-8 byte 0xff" in result.stderr
    assert not (tmp_path / "o.xml").exists()


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["convert"]).exit_code == 2
    assert runner.invoke(main, ["convert", "x.txt"]).exit_code == 2
    assert runner.invoke(main, ["no-such-command"]).exit_code == 2


def test_commands_have_help_with_exit_codes(runner):
    for args in ([], ["convert"], ["build"], ["pdf"]):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0
        assert "Exit codes:" in result.output
        assert "2  usage error" in result.output


def test_build_converts_each_source(runner, src, tmp_path):
    out = tmp_path / "site"
    result = runner.invoke(main, ["build", str(src), str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout.split() == [str(out / "src.xml"), str(out / "sample.xml")]
    assert (out / "sample.xml").read_bytes().startswith(b"<?xml")
    assert (out / "sample" / "sample.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "src" / "index.html").exists()


def test_pdf_writes_the_print_edition(runner, tmp_path):
    tei = tmp_path / "sample.xml"
    assert runner.invoke(main, ["convert", str(SAMPLE), "-o", str(tei)]).exit_code == 0
    out = tmp_path / "print" / "sample.pdf"
    out.parent.mkdir()
    result = runner.invoke(main, ["pdf", str(tei), "-o", str(out), "--paper", "book"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == [str(out)]
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.parent.iterdir()] == ["sample.pdf"]  # no scratch left behind
    assert runner.invoke(main, ["pdf", str(tei), "-o", str(out), "--paper", "a5"]).exit_code == 2


def test_pdf_of_malformed_tei_names_the_place(runner, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<text><p>unclosed</text></TEI>")
    result = runner.invoke(main, ["pdf", str(bad), "-o", str(tmp_path / "o.pdf")])
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_version_from_a_real_process():
    result = subprocess.run([sys.executable, "-m", "tei", "--version"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("tei-edition, version ")


@pytest.mark.parametrize("encoding, name", [("cp1252", "cp1252 (Windows Western European)"),
                                            ("latin-1", "ISO-8859-1 (Latin-1)")])
def test_an_8_bit_source_is_read_with_a_warning(runner, tmp_path, encoding, name):
    text = "Title\n\nA caf\u00e9 in Paris, na\u00efve \u00bbquoted\u00ab.\n"
    if encoding == "cp1252":
        text += "He said \u201cyes\u201d \u2013 twice.\n"
    else:
        text += "A byte cp1252 lacks: \x81.\n"
    source = tmp_path / "old.txt"
    source.write_bytes(text.encode(encoding))
    out = tmp_path / "old.xml"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert f"{source}:3:6: warning: not UTF-8: read as {name}; use --encoding" in result.stderr
    xml = out.read_text("utf-8")
    assert "A caf\u00e9 in Paris" in xml
    if encoding == "cp1252":
        assert "\u201cyes\u201d \u2013 twice" in xml


def test_encoding_option_forces_the_reading(runner, tmp_path):
    source = tmp_path / "s.txt"
    source.write_bytes("Title\n\nGr\u00fc\u00dfe.\n".encode("cp1252"))
    out = tmp_path / "s.xml"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "--encoding", "latin-1"])
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert "Gr\u00fc\u00dfe." in out.read_text("utf-8")
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "--force",
                                  "--encoding", "no-such-codec"])
    assert result.exit_code == 1
    assert f"{source}: error: unknown encoding 'no-such-codec'" in result.stderr
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "--force",
                                  "--encoding", "utf-8"])
    assert result.exit_code == 1
    assert f"{source}:3:3: error: byte 0xfc is not utf-8" in result.stderr


def test_build_reads_sources_in_the_encoding_given(runner, tmp_path):
    # 0x8e is "é" in Mac Roman and "Ž" in cp1252, the reading guessed without a choice
    source = tmp_path / "mac.txt"
    source.write_bytes(b"Title\n\nA caf\x8e in Paris.\n")
    result = runner.invoke(main, ["build", str(source), "-o", str(tmp_path / "guessed")])
    assert result.exit_code == 0, result.stderr
    assert "not UTF-8: read as cp1252" in result.stderr
    assert "A caf\u017d in Paris." in (tmp_path / "guessed" / "mac.xml").read_text("utf-8")

    result = runner.invoke(main, ["build", str(source), "-o", str(tmp_path / "given"),
                                  "--encoding", "mac_roman"])
    assert result.exit_code == 0, result.stderr
    assert "warning: not UTF-8" not in result.stderr
    assert "A caf\u00e9 in Paris." in (tmp_path / "given" / "mac.xml").read_text("utf-8")
    assert "A caf\u00e9 in Paris." in (tmp_path / "given" / "index.html").read_text("utf-8")

    config = tmp_path / "edition.toml"
    config.write_text('[edition]\nsources = ["mac.txt"]\nencoding = "mac_roman"\n', "utf-8")
    result = runner.invoke(main, ["build", "--config", str(config), "-o", str(tmp_path / "c")])
    assert result.exit_code == 0, result.stderr
    assert "A caf\u00e9 in Paris." in (tmp_path / "c" / "mac.xml").read_text("utf-8")

    config.write_text('[edition]\nsources = ["mac.txt"]\nencoding = 1252\n', "utf-8")
    result = runner.invoke(main, ["build", "--config", str(config), "-o", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert f"{config}: error: [edition] encoding must be a string" in result.stderr


def test_an_internal_error_exits_3_with_a_traceback_only_under_debug(runner, tmp_path,
                                                                      monkeypatch):
    import tei.convert

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(tei.convert, "convert_text", broken)
    source = tmp_path / "s.txt"
    source.write_text("Title\n\nText.\n", "utf-8")
    out = tmp_path / "s.xml"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 3
    assert "tei: internal error: RuntimeError('a bug') (rerun with --debug" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
    result = runner.invoke(main, ["--debug", "convert", str(source), "-o", str(out)])
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr and "RuntimeError: a bug" in \
        result.stderr
    assert not out.exists()
