"""tei validate: the project's schema on what the converter makes, any schema on foreign TEI,
machine-readable reports and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei.cli import main
from tei.validate import check_file, load
from tei.xmlout import serialize
from tests.conftest import SHARED, TEI_ALL
from tests.convert.test_golden import CASES, convert_case

FOREIGN = SHARED / "foreign-tei"


@pytest.fixture(scope="module")
def project():
    return load(None)


def write(tmp_path: Path, name: str, root) -> Path:
    path = tmp_path / name
    path.write_bytes(serialize(root))
    return path


def test_corpus_and_sample_are_valid(tmp_path, project, corpus_tei, corpus_linked):
    from tei.convert import convert_text
    from tei.registers import Registers
    from tests.conftest import SAMPLE

    sample = convert_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name,
                          registers=Registers.load([SAMPLE.parent / "sample-registers.xml"]))
    for name, root in (("corpus.xml", corpus_tei), ("linked.xml", corpus_linked),
                       ("sample.xml", sample)):
        assert check_file(write(tmp_path, name, root), project) == [], name


@pytest.mark.parametrize("name", CASES)
def test_goldens_are_valid_against_the_project_schema(tmp_path, project, name):
    _, root, _ = convert_case(name)
    assert check_file(write(tmp_path, f"{name}.xml", root), project) == []


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A folder with a valid, an invalid and a malformed document."""
    folder = tmp_path_factory.mktemp("mixed")
    from tests.validate.test_broken import BASE

    (folder / "good.xml").write_text(BASE.format(body="<p>fine</p>"), encoding="utf-8")
    (folder / "bad.xml").write_text(BASE.format(body="<p>a<note>b</note></p>"),
                                    encoding="utf-8")
    (folder / "broken.xml").write_text(BASE.format(body="<p>a <hi>b</p>"), encoding="utf-8")
    return folder


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_text_report_and_exit_codes(mixed):
    good = run(str(mixed / "good.xml"))
    assert good.exit_code == 0 and good.stdout == "1 file, 0 invalid, 0 errors\n"
    result = run(str(mixed))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 files, 2 invalid, 2 errors"
    assert f"{mixed / 'bad.xml'}:17:5: error: a note needs @resp: whose comment is it? " \
           "[note-resp]" in lines
    assert any(line.startswith(f"{mixed / 'broken.xml'}:17:") and "[well-formed]" in line
               for line in lines)


def test_json_report(mixed):
    result = run(str(mixed), "--format", "json")
    data = json.loads(result.stdout)
    assert {d["rule"] for d in data} == {"note-resp", "well-formed"}
    assert set(data[0]) == {"file", "line", "col", "severity", "rule", "message"}
    assert "3 files, 2 invalid, 2 errors" in result.stderr


def test_junit_report(mixed):
    root = etree.fromstring(run(str(mixed), "--format", "junit").stdout.encode())
    cases = root.findall(".//testcase")
    assert len(cases) == 3
    assert [c.get("name").rsplit("/", 1)[-1] for c in cases if c.find("failure") is not None] \
        == ["bad.xml", "broken.xml"]
    assert root.find("testsuite").get("failures") == "2"


def test_github_report(mixed):
    lines = run(str(mixed), "--format", "github").stdout.splitlines()
    assert len(lines) == 2
    command = re.compile(r"::error file=[^,:]+,line=\d+,col=\d+,title=[\w-]+::.+")
    assert all(command.fullmatch(line) for line in lines), lines


def test_globs(mixed):
    result = run(str(mixed / "g*.xml"))
    assert result.exit_code == 0 and "1 file," in result.stdout


def test_unreadable_input_exits_2(tmp_path, mixed):
    missing = run(str(tmp_path / "missing.xml"))
    assert missing.exit_code == 2 and "missing.xml: error: cannot read" in missing.stderr
    binary = tmp_path / "image.xml"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    result = run(str(binary), str(mixed / "good.xml"))
    assert result.exit_code == 2 and "binary file" in result.stderr
    assert "1 file, 0 invalid" in result.stdout
    assert run(str(mixed), "--schema", str(tmp_path / "none.rng")).exit_code == 2
    assert run(str(mixed), "--schema", str(mixed / "good.xml")).exit_code == 2
    assert run().exit_code == 2


def test_project_xsd_as_a_plain_xsd_11(mixed):
    result = run(str(mixed / "good.xml"), "--schema", "schema/tei-edition.xsd")
    assert result.exit_code == 0, result.output
    result = run(str(mixed / "bad.xml"), "--schema", "schema/tei-edition.xsd")
    assert result.exit_code == 0, "the note rule is Schematron's, not the XSD's"


@pytest.mark.skipif(not FOREIGN.exists(), reason="../shared/foreign-tei is not available")
def test_foreign_tei_gets_lxml_relaxng_verdict(tei_all):
    validator = load(TEI_ALL)
    for path in sorted(FOREIGN.glob("*.xml")):
        expected = tei_all.validate(etree.parse(str(path)))
        problems = check_file(path, validator)
        assert (problems == []) == expected, path.name


@pytest.mark.skipif(not FOREIGN.exists(), reason="../shared/foreign-tei is not available")
def test_foreign_tei_against_the_project_schema_does_not_crash(project):
    for path in sorted(FOREIGN.glob("*.xml")):
        for problem in check_file(path, project):
            assert problem.line >= 0 and problem.message


def test_thousands_of_schematron_failures_each_at_its_own_line(tmp_path, project):
    # every failing note is placed on its own line and column, found from the element
    # itself (the skeleton's XPath locations are quadratic to write and to read back)
    notes = 3000
    body = "\n".join(f"<p>Paragraph {i}. <note>Note {i}.</note></p>" for i in range(notes))
    doc = tmp_path / "notes.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                   '<title>T</title></titleStmt><publicationStmt><p/></publicationStmt>'
                   '<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>\n'
                   f"{body}\n</body></text></TEI>", "utf-8")
    found = [p for p in check_file(doc, project) if p.rule == "note-resp"]
    assert [(p.line, p.col) for p in found] == [(2 + i, 16 + len(str(i)))
                                                for i in range(notes)]


def test_a_schematron_rule_on_attributes_is_located_at_their_element(tmp_path):
    sch = tmp_path / "rules.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
                   '<ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/><pattern>'
                   '<rule context="t:date/@when"><assert id="when-year" '
                   'test="string-length(.) = 4">a year only</assert></rule>'
                   '</pattern></schema>', "utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<date when="1937"/>\n'
                   '  <date when="1937-05"/>\n</TEI>', "utf-8")
    result = CliRunner().invoke(main, ["validate", "--schema", str(sch), str(doc)])
    assert result.exit_code == 1
    assert f"{doc}:3:3: error: a year only [when-year]" in result.output
