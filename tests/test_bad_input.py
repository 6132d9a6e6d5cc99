"""Bad input, command by command: each case gives its message (with file:line:col where it
applies), the documented exit code, no traceback, and no output file left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pypdf import PdfReader

from tei.cli import main
from tei.lossless import source_words, tei_words

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>
</sourceDesc></fileDesc></teiHeader><text><body><p>{body}</p></body></text></TEI>"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
""" + "".join(f' <!ENTITY {n} "{("&" + p + ";") * 10}">\n'
              for p, n in zip("abcdefgh", "bcdefghi", strict=True)) + """]>
""" + TEI.format(body="&i;")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    result = runner.invoke(main, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result


def convert(runner, tmp_path: Path, data: bytes, *options: str):
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    out = tmp_path / "out.xml"
    return run(runner, "convert", str(source), "-o", str(out), *options), source, out


# ------------------------------------------------------------------------- plain text --

@pytest.mark.parametrize("data", [b"", b"  \n\t\n \r\n"], ids=["empty", "whitespace"])
def test_empty_source_gives_an_empty_valid_document(runner, tmp_path, data):
    result, _, out = convert(runner, tmp_path, data)
    assert result.exit_code == 0
    assert run(runner, "validate", str(out)).exit_code == 0


def test_binary_file_is_refused_with_its_position(runner, tmp_path):
    result, source, out = convert(runner, tmp_path, b"Title\n\nab\x00cd")
    assert result.exit_code == 1
    assert f"{source}:3:3: error: binary file (NUL byte); expected plain text" in result.stderr
    assert not out.exists()


def test_bom_and_line_endings_do_not_reach_the_text(runner, tmp_path):
    result, _, out = convert(runner, tmp_path,
                             b"\xef\xbb\xbfTitle\r\n\r\nOne line\r\nand\ranother.\r\n")
    assert result.exit_code == 0
    xml = out.read_text("utf-8")
    assert "\ufeff" not in xml and "\r" not in xml and "&#13;" not in xml
    assert "One line\nand\nanother." in xml


def test_tabs_and_no_break_spaces_are_kept(runner, tmp_path):
    result, _, out = convert(runner, tmp_path, "Title\n\nA\tB\u00a0C.\n".encode())
    assert result.exit_code == 0
    assert "A\tB\u00a0C." in out.read_text("utf-8")


def test_control_characters_become_spaces_with_a_warning(runner, tmp_path):
    result, source, out = convert(runner, tmp_path, b"Title\n\nA\x01B and\x0c C.\n")
    assert result.exit_code == 0
    assert (f"{source}:3:2: warning: control character U+0001 replaced by a space"
            in result.stderr)
    assert f"{source}:3:8: warning: control character U+000C" in result.stderr
    assert "A B and  C." in out.read_text("utf-8")
    assert run(runner, "validate", str(out)).exit_code == 0


def test_many_control_characters_are_counted_not_listed(runner, tmp_path):
    result, _, _ = convert(runner, tmp_path, b"Title\n\n" + b"x\x02" * 25 + b"\n")
    assert result.exit_code == 0
    assert result.stderr.count("control character") == 10
    assert "15 more such characters replaced" in result.stderr


@pytest.mark.parametrize("text, message", [
    ("Open {brace here.\n", "3:6: warning: '{' is never closed; kept as text"),
    ("Page {p. } here.\n", "3:6: warning: page marker '{p. }' has no page number"),
    ("Page {p. ???} here.\n", "3:6: warning: page marker '{p. ???}' has no page number"),
])
def test_odd_braces_are_kept_as_text_with_a_warning(runner, tmp_path, text, message):
    result, source, out = convert(runner, tmp_path, f"Title\n\n{text}".encode())
    assert result.exit_code == 0
    assert f"{source}:{message}" in result.stderr
    assert text.strip() in out.read_text("utf-8")


def test_nested_braces_keep_every_word(runner, tmp_path):
    result, _, out = convert(runner, tmp_path, b"Title\n\nA {note with {inner} words} ends.\n")
    assert result.exit_code == 0
    xml = out.read_text("utf-8")
    for word in ("note", "with", "inner", "words", "ends"):
        assert word in xml


def test_html_and_typst_characters_survive_conversion(runner, tmp_path):
    text = "Title\n\nA <b>&amp; #let x = $y$ * _z_ @w `c` \\n [1] = ok.\n"
    result, _, out = convert(runner, tmp_path, text.encode())
    assert result.exit_code == 0
    body = etree.parse(str(out)).find(".//{http://www.tei-c.org/ns/1.0}body")
    assert "A <b>&amp; #let x = $y$ * _z_ @w `c` \\n [1] = ok." in "".join(body.itertext())


def test_existing_output_is_not_overwritten_without_force(runner, tmp_path):
    result, source, out = convert(runner, tmp_path, b"Title\n\nText.\n")
    out.write_text(out.read_text("utf-8").replace("Text.", "Text, corrected."), "utf-8")
    again = run(runner, "convert", str(source), "-o", str(out))
    assert again.exit_code == 1
    assert "use --force" in again.stderr
    assert "Text, corrected." in out.read_text("utf-8")


def test_build_keeps_a_hand_corrected_tei(runner, tmp_path):
    source = tmp_path / "ed.txt"
    source.write_text("Title\n\nText.\n", "utf-8")
    site = tmp_path / "site"
    assert run(runner, "build", str(source), "-o", str(site)).exit_code == 0
    tei = site / "ed.xml"
    tei.write_text(tei.read_text("utf-8").replace("Text.", "Text, corrected."), "utf-8")
    again = run(runner, "build", str(source), "-o", str(site))
    assert again.exit_code == 1
    assert f"{tei}" in again.stderr and "use --force" in again.stderr
    assert "Text, corrected." in tei.read_text("utf-8")
    kept = run(runner, "build", str(source), "-o", str(site), "--keep")
    assert kept.exit_code == 0
    assert f"{tei}: warning: differs from the conversion of {source}; kept" in kept.stderr
    assert "Text, corrected." in tei.read_text("utf-8")
    assert "Text, corrected." in (site / "index.html").read_text("utf-8")
    forced = run(runner, "build", str(source), "-o", str(site), "--force")
    assert forced.exit_code == 0 and "Text, corrected." not in tei.read_text("utf-8")
    assert "Text, corrected." not in (site / "index.html").read_text("utf-8")
    both = run(runner, "build", str(source), "-o", str(site), "--force", "--keep")
    assert both.exit_code == 2 and "--force and --keep exclude each other" in both.output


# ------------------------------------------------------------------------------ XML --

COMMANDS = [("validate",), ("html", "-o", "{out}"), ("pdf", "-o", "{out}.pdf")]


def xml_command(runner, tmp_path, command, document: str):
    doc = tmp_path / "doc.xml"
    doc.write_text(document, "utf-8")
    out = tmp_path / "out"
    args = [a.format(out=out) for a in command]
    return run(runner, args[0], str(doc), *args[1:]), doc, out


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_malformed_xml_is_reported_at_its_place(runner, tmp_path, command):
    result, doc, out = xml_command(runner, tmp_path, command, "<TEI>\n  <text>\n</TEI>")
    assert result.exit_code == 1
    assert f"{doc}:3:" in result.output
    assert not out.exists() and not Path(f"{out}.pdf").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("target", ["file:///etc/passwd", "http://example.com/secret.xml"])
def test_external_entities_are_never_read(runner, tmp_path, command, target):
    document = (f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "{target}">]>\n'
                + TEI.format(body="A &x; B"))
    result, doc, out = xml_command(runner, tmp_path, command, document)
    assert result.exit_code == 1
    assert (f"{doc}:5:" in result.output and
            "external entity &x; which is never read" in result.output)
    assert "root:" not in result.output + result.stderr
    assert not out.exists() and not Path(f"{out}.pdf").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_entity_bombs_are_refused(runner, tmp_path, command):
    # refused at the declarations, not expanded: a billion "a"s would take minutes and GBs
    result, doc, out = xml_command(runner, tmp_path, command, BOMB)
    assert result.exit_code == 1
    assert f"{doc}:" in result.output and "entity expansion refused" in result.output
    assert not out.exists() and not Path(f"{out}.pdf").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_internal_entities_are_expanded(runner, tmp_path, command):
    document = ('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY ed "Peter Myers">]>\n'
                + TEI.format(body="Edited by &ed;."))
    result, _, out = xml_command(runner, tmp_path, command, document)
    assert result.exit_code == 0, result.stderr
    if command[0] == "html":
        assert "Edited by Peter Myers." in (out / "index.html").read_text("utf-8")


def test_positions_past_line_65535_stay_exact(runner, tmp_path):
    # lxml keeps an element's source line in 16 bits; diagnostics must not wrap or crash
    text = "Title\n\n" + "Line.\n\n" * 35000 + "The Wlas attach6 here. Open {brace.\n"
    result, source, out = convert(runner, tmp_path, text.encode())
    assert result.exit_code == 0, result.output
    line = 2 + 70000 + 1
    assert f"{source}:{line}:29: warning: '{{' is never closed" in result.stderr
    assert f"{source}:{line}:10: warning: suspected OCR error 'attach6'" in result.stderr


@pytest.fixture(scope="module")
def hundred_thousand_notes(tmp_path_factory) -> Path:
    body = "".join(f'<p>Paragraph {i}<note resp="#ed">Note {i}.</note> text.</p>'
                   for i in range(100_000))
    doc = tmp_path_factory.mktemp("notes") / "notes.xml"
    doc.write_text(TEI.format(body="").replace("<p></p>", body)
                   .replace("<sourceDesc><p/>", '<sourceDesc><p xml:id="ed"/>'), "utf-8")
    return doc


@pytest.mark.large
def test_a_tei_with_100000_notes_validates_and_renders(runner, tmp_path,
                                                        hundred_thousand_notes):
    doc = hundred_thousand_notes
    result = run(runner, "validate", str(doc))
    assert result.exit_code == 0, result.output
    result = run(runner, "html", str(doc), "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Note 99999." in page and page.count('class="note-call"') == 100_000


@pytest.mark.large
def test_a_tei_with_100000_notes_prints(tmp_path, hundred_thousand_notes):
    # In its own process: Typst lays out some 4,000 pages and 100,000 footnotes (about
    # 50 s and 6 GB on a 2-core machine; `make bench` gives the figures).
    out = tmp_path / "notes.pdf"
    done = subprocess.run([sys.executable, "-m", "tei", "pdf", str(hundred_thousand_notes),
                           "-o", str(out)], capture_output=True, text=True,
                          cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr[-2000:]
    reader = PdfReader(out)
    last = "".join(reader.pages[i].extract_text() for i in (-2, -1))
    assert "Note 99999." in last and "Paragraph 99999" in last


def test_page_markers_out_of_order_are_warned_of_and_fail_validation(runner, tmp_path):
    text = "Title\n\nOne {p. 12} two {p. 13} three.\n\nFour {p. 9} five {p. 10} six.\n"
    result, source, out = convert(runner, tmp_path, text.encode())
    assert result.exit_code == 0
    assert (f"{source}:5:6: warning: page marker '{{p. 9}}' comes after page 13 of the "
            "document; pages out of order") in result.stderr
    assert result.stderr.count("out of order") == 1  # 10 follows 9: in order again
    checked = run(runner, "validate", str(out))
    assert checked.exit_code == 1
    assert "error: page 9 of the document follows page 13 [pages-in-order]" in checked.output


def test_a_damaged_title_block_keeps_its_order(runner, tmp_path):
    # the byline is not recognised: it and the date after it stay where they are
    text = "Title\n\nby[... Peter Myers\n\nDate August 12, 2019\n\n(1) One\n\n(1) One\n\nText.\n"
    result, _, out = convert(runner, tmp_path, text.encode())
    assert result.exit_code == 0
    root = etree.parse(str(out)).getroot()
    assert tei_words(root) == source_words(text)
    front = root.find(".//{http://www.tei-c.org/ns/1.0}front")
    assert [etree.QName(c).localname for c in front][:3] == ["titlePage", "p", "p"]


def test_a_one_megabyte_paragraph_converts_losslessly(runner, tmp_path):
    sentence = "Krivitsky wrote {p. 12} of the purge {a comment} in 1937 [...] (p. 40). "
    para = " ".join(sentence.replace("12", str(n)) for n in range(13, 13 + 14_000))
    text = f"Title\n\n{para}\n"
    assert len(text.encode()) > 1_000_000
    result, _, out = convert(runner, tmp_path, text.encode())
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert tei_words(root, pages=True) == source_words(text, pages=True)
    assert len(root.findall(".//{http://www.tei-c.org/ns/1.0}pb")) == 14_000
    assert run(runner, "validate", str(out)).exit_code == 0


# Runs a command as the only child of a fresh process, which then prints the peak resident
# memory (kB) the kernel recorded for it; the test process's own children are not counted.
_PEAK = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
         "sys.exit(done.returncode)")


@pytest.mark.large
def test_a_25_mb_source_converts_and_renders_within_1_5_gb(tmp_path):
    # The commands as an editor runs them, each in its own process.
    sample = (Path(__file__).parents[1] / "examples" / "sample.txt").read_text("utf-8")
    copies = -(-25_000_000 // len(sample.encode()))
    source = tmp_path / "big.txt"
    source.write_text("\n\n".join([sample] * copies), "utf-8")
    out, site = tmp_path / "big.xml", tmp_path / "site"
    for args in (["convert", str(source), "-o", str(out)], ["html", str(out), "-o", str(site)]):
        done = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "tei", *args],
                              capture_output=True, text=True, cwd=Path(__file__).parents[1])
        assert done.returncode == 0, done.stderr[-2000:]
        assert "Traceback" not in done.stderr
        peak_mb = int(done.stderr.split()[-1]) // 1024
        assert peak_mb < 1500, f"tei {args[0]}: peak {peak_mb} MB"
    page = (site / "index.html").read_text("utf-8")
    single = sample.count("{p. ")
    assert page.count('class="pb"') == single * copies


@pytest.mark.parametrize("text", [
    "Stalin (p. €100 Kr{ivitsky naïve {p. 223} attach6 naïve.",   # brace inside a word
    "My comments are shown {th}us} here.",                          # stray closing brace
    "Wlas {endqu{ote} <b> «Gut».",                                  # brace inside a brace
    "Krivitsky {p. 1{08} #tag in O'Brien (p. the purge.",           # marker cut by a brace
    "1937 Ge- naïv{p. 12e purge Krivitsky}. O'Brien.",              # marker run into a word
    "Wla\u200bs and sh[...own and Kr\u00adivitsky.",                # invisible characters
], ids=["in-word", "stray-close", "nested", "cut-marker", "run-in-marker", "invisible"])
def test_damage_found_by_the_fuzzer_stays_lossless(runner, tmp_path, text):
    source_text = f"Title\n\n{text}\n"
    result, _, out = convert(runner, tmp_path, source_text.encode())
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert tei_words(root, pages=True) == source_words(source_text, pages=True)
    assert run(runner, "validate", str(out)).exit_code == 0


def test_a_failed_html_transformation_leaves_no_folder(runner, tmp_path, monkeypatch):
    # A transformation that fails after writing some pages (as Saxon does, page by page):
    # nothing it wrote reaches the site, and the folder it would have made is not left.
    from saxonche import PySaxonApiError

    from tei.publish import saxon

    real_prepare = saxon.prepare

    class Failing:
        def __init__(self, executable):
            self.executable = executable

        def __getattr__(self, name):
            return getattr(self.executable, name)

        def transform_to_file(self, xdm_node, output_file):
            Path(output_file).write_text("<html>half</html>", "utf-8")
            Path(output_file).with_name("persons.html").write_text("half", "utf-8")
            raise PySaxonApiError("XPTY0004 something went wrong")

    def failing_prepare(*args, **kwargs):
        executable, source = real_prepare(*args, **kwargs)
        return Failing(executable), source

    monkeypatch.setattr(saxon, "prepare", failing_prepare)
    doc = tmp_path / "doc.xml"
    doc.write_text(TEI.format(body="Text."), "utf-8")
    out = tmp_path / "site"
    result = run(runner, "html", str(doc), "-o", str(out))
    assert result.exit_code == 1
    assert (f"{doc}: error: the HTML transformation failed: XPTY0004 something went wrong"
            in result.stderr)
    assert not out.exists()


@pytest.mark.parametrize("param, message", [
    ("nosuch=1", "unknown parameter 'nosuch'; the parameters are in xslt/html/params.xsl"),
    ("context-chars=abc", "parameter context-chars must be a whole number, not 'abc'"),
])
def test_stylesheet_parameters_are_checked_before_anything_is_read(runner, tmp_path, param,
                                                                  message):
    doc = tmp_path / "doc.xml"
    doc.write_text(TEI.format(body="Text."), "utf-8")
    result = run(runner, "html", str(doc), "-o", str(tmp_path / "site"), "-p", param)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("page", ["../../escape.html", "/tmp/x.html", "sub/p.html"])
def test_register_pages_stay_in_the_site_folder(runner, tmp_path, page):
    doc = tmp_path / "doc.xml"
    doc.write_text(TEI.format(body="Text."), "utf-8")
    result = run(runner, "html", str(doc), "-o", str(tmp_path / "a" / "b" / "site"),
                 "-p", f"persons-page={page}")
    assert result.exit_code == 2
    assert "parameter persons-page must be a file name in the site folder" in result.output
    assert not (tmp_path / "escape.html").exists() and not (tmp_path / "a").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("disguise", ["long-prolog", "utf-16"])
def test_external_entities_are_refused_however_the_file_is_written(runner, tmp_path,
                                                                    command, disguise):
    # a document type declaration after 100 kB of comments, or in UTF-16, is found all
    # the same: no command hands such a file to a parser that would read the entity
    prolog = "<!-- " + "x" * 100_000 + " -->\n" if disguise == "long-prolog" else ""
    document = (f'<?xml version="1.0"?>\n{prolog}<!DOCTYPE TEI [<!ENTITY x SYSTEM '
                f'"file:///etc/passwd">]>\n' + TEI.format(body="A &x; B"))
    doc = tmp_path / "doc.xml"
    if disguise == "utf-16":
        doc.write_bytes(document.replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
                        .encode("utf-16"))
    else:
        doc.write_text(document, "utf-8")
    out = tmp_path / "out"
    args = [a.format(out=out) for a in command]
    result = run(runner, args[0], str(doc), *args[1:])
    assert result.exit_code == 1, result.output
    assert "external entity &x; which is never read" in result.output
    assert "root:" not in result.output + result.stderr
    assert not out.exists() and not Path(f"{out}.pdf").exists()


@pytest.mark.parametrize("command", COMMANDS[1:], ids=lambda c: c[0])
def test_a_missing_file_is_an_input_error(runner, tmp_path, command):
    missing = tmp_path / "missing.xml"
    args = [a.format(out=tmp_path / "out") for a in command]
    result = run(runner, args[0], str(missing), *args[1:])
    assert result.exit_code == 1
    assert f"{missing}: error: cannot read: No such file or directory" in result.stderr


def test_deep_nesting_within_the_parsers_limit_renders_and_beyond_it_is_refused(runner,
                                                                               tmp_path):
    # Saxon's parser alone would stop at a depth of 100, Typst at some 60 nested styles
    def nested(depth: int) -> Path:
        doc = tmp_path / f"deep{depth}.xml"
        doc.write_text(TEI.format(body="<hi>" * depth + "deep" + "</hi>" * depth), "utf-8")
        return doc

    for command in COMMANDS:
        args = [a.format(out=tmp_path / "out") for a in command]
        result = run(runner, args[0], str(nested(200)), *args[1:])
        assert result.exit_code == 0, result.output
        result = run(runner, args[0], str(nested(300)), *args[1:])
        assert result.exit_code == 1
        assert "Excessive depth in document: 256" in result.output
    assert "deep" in (tmp_path / "out" / "index.html").read_text("utf-8")


def test_a_deep_transcription_without_a_text_prints(runner, tmp_path):
    # a sourceDoc (no text element) is set from its root: its nesting is capped there too
    doc = tmp_path / "source.xml"
    doc.write_text(TEI.format(body="").split("<text>")[0]
                   + "<sourceDoc><surface><zone><line>" + "<hi>" * 150 + "deep" + "</hi>" * 150
                   + "</line></zone></surface></sourceDoc></TEI>", "utf-8")
    result = run(runner, "pdf", str(doc), "-o", str(tmp_path / "source.pdf"))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["convert", "names", "build"])
def test_a_register_with_an_external_entity_is_refused(runner, tmp_path, command):
    register = tmp_path / "register.xml"
    register.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM '
                        '"file:///etc/passwd">]>\n' + TEI.format(body="&x;"), "utf-8")
    source = tmp_path / "s.txt"
    source.write_text("Title\n\nText.\n", "utf-8")
    out = tmp_path / ("s.xml" if command == "convert" else "site")
    args = {"convert": ["-o", str(out)], "names": [], "build": ["-o", str(out)]}[command]
    result = run(runner, command, str(source), "--register", str(register), *args)
    assert result.exit_code == 1
    assert (f"{register}:5:" in result.stderr
            and "external entity &x; which is never read" in result.stderr)
    assert "root:" not in result.output + result.stderr
    assert not out.exists()
