"""Property tests: random documents written in the reference conventions always convert,
always give well-formed XML that the project's schema and rules accept, and are always
lossless; random strings survive the HTML edition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

from tei.convert import convert_text
from tei.diagnostics import Diagnostics
from tei.lossless import source_words, tei_words
from tei.xmlout import serialize

WORDS = ["the", "Soviet", "agent", "Krivitsky", "wrote", "that", "in", "1937", "Paris",
         "Stalin", "and", "purge", "of", "army", "was", "secret", "O'Brien", "non-Communist",
         "Ge- stapo", "Wlas", "attach6", "€100", "#tag", "$5", "*star*", "_under_", "@home",
         "<b>", "a&b", "x=y", "back\\slash", "`tick`", "naïve", "Zürich", "«Gut»"]
MONTHS = ["January", "March", "August", "December"]

word = st.sampled_from(WORDS)
words = st.lists(word, min_size=1, max_size=12).map(" ".join)
page = st.one_of(st.integers(1, 600).map(str), st.sampled_from(["xiv", "xvi", "ix"]))


@st.composite
def sentence(draw) -> str:
    text = draw(words)
    kind = draw(st.sampled_from(["plain", "comment", "gap", "quote", "link", "page", "split",
                                 "date", "endquote"]))
    if kind == "comment":
        return f"{text} {{{draw(words)}}}"
    if kind == "gap":
        return f"{text} [...] {draw(words)}"
    if kind == "quote":
        return f'"{text}." (p. {draw(page)})'
    if kind == "link":
        return f"{text} see {draw(st.sampled_from(['trotsky.html', 'notes.pdf']))}"
    if kind == "page":
        return f"{text} {{p. {draw(page)}}} {draw(words)}"
    if kind == "split":
        return f"{text} catas- {{p. {draw(page)}}} trophe"
    if kind == "date":
        return f"{text} on {draw(st.sampled_from(MONTHS))} {draw(st.integers(1, 28))}, " \
               f"{draw(st.integers(1900, 1999))}"
    if kind == "endquote":
        return f"{text} {{endquote}}"
    return text


@st.composite
def paragraph(draw) -> str:
    kind = draw(st.sampled_from(["prose", "prose", "dialogue", "numbered", "marker"]))
    body = " ".join(draw(st.lists(sentence(), min_size=1, max_size=4))) + "."
    if kind == "dialogue":
        return f"{draw(st.sampled_from(['Vyshinsky', 'Radek', 'Witness']))}: {body}"
    if kind == "numbered":
        return f"{draw(st.integers(1, 30))}. {body}"
    if kind == "marker":
        return f"{{p. {draw(page)}}} {body}"
    return body


@st.composite
def document(draw) -> str:
    titles = draw(st.lists(words, min_size=1, max_size=3))
    lines = [draw(words).title(), "", f"by {draw(st.sampled_from(['Peter Myers', 'A. Editor']))}",
             "", f"Date {draw(st.sampled_from(MONTHS))} {draw(st.integers(1, 28))}, 2019", "",
             "My comments are shown {thus}", ""]
    lines += [f"({n}) {t}" for n, t in enumerate(titles, 1)] + [""]
    for n, title in enumerate(titles, 1):
        lines += [f"({n}) {title}", ""]
        if draw(st.booleans()):
            lines += [draw(words).title(), draw(words), "Enigma Books, New York, 2000.", ""]
        for para in draw(st.lists(paragraph(), min_size=1, max_size=5)):
            lines += [para, ""]
    # the pages of a source rise: number the markers in order
    numbers = iter(range(draw(st.integers(1, 400)), 10_000))
    return re.sub(r"\{p\. \w+\}", lambda _: f"{{p. {next(numbers)}}}", "\n".join(lines))


TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>
</sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>"""


@pytest.fixture(scope="module")
def validator():
    from tei.validate import load

    return load(None)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document())
def test_random_documents_convert_validate_and_stay_lossless(validator, text):
    from tei.validate import Located

    diagnostics = Diagnostics()
    root = convert_text(text, "random.txt", diagnostics)
    assert not diagnostics.errors
    data = serialize(root)
    tree = etree.ElementTree(etree.fromstring(data))  # well-formed
    problems = validator.check(tree, "random.xml", Located(data.decode("utf-8")))
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert tei_words(tree.getroot()) == source_words(text)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
               min_size=1, max_size=60).filter(lambda s: s.strip()))
def test_random_strings_survive_the_html_edition(tmp_path: Path, text):
    from tei.publish.html import render

    root = etree.fromstring(TEI)
    root.find(".//{http://www.tei-c.org/ns/1.0}body/{http://www.tei-c.org/ns/1.0}p").text = \
        f"START {text} END"
    render(etree.ElementTree(root), tmp_path)
    page = html.parse(str(tmp_path / "index.html")).getroot()
    body = " ".join("".join(page.find(".//main").itertext()).split())
    expected = " ".join(f"START {text} END".split())
    assert expected in body
