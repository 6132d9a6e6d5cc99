"""The print edition, read back from the PDF with pypdf: page markers, footnotes on their
call's page, the index of persons against the pages, the contents against the headings,
running heads, fonts, metadata; foreign TEI; Typst's special characters printed literally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pypdf import PdfReader

from tei.publish import pdf
from tests.conftest import NS, SHARED
from tests.convert.test_golden import CASES, _check, convert_case

GOLDEN = Path(__file__).parent / "golden"

FOREIGN = sorted((SHARED / "foreign-tei").glob("*.xml"))
_MARKER = re.compile(r"\[([^\[\]]*? p\. [0-9ivxlcdm]+)\]")


def squeeze(text: str) -> str:
    """Page text as one line: a word hyphenated at a line end joined, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"(\w)-\n(\w)", r"\1\2", text))


class Printed:
    def __init__(self, path: Path):
        self.path = path
        self.reader = PdfReader(str(path))
        self.texts = [page.extract_text() for page in self.reader.pages]
        self.flat = [squeeze(t) for t in self.texts]

    def page_of(self, page_ref) -> int:
        return self.reader.get_page_number(self.reader.get_object(page_ref) if
                                           hasattr(page_ref, "idnum") else page_ref)

    def links(self):
        """(page index, rect, destination page index, destination y) of every internal link."""
        for number, page in enumerate(self.reader.pages):
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                dest = annot.get("/Dest")
                if annot.get("/Subtype") == "/Link" and dest:
                    target = self.reader.get_page_number(dest[0].get_object())
                    yield number, [float(v) for v in annot["/Rect"]], target, float(dest[3])


def render(tree: etree._Element | Path, out: Path, **kw) -> Printed:
    source = tree if isinstance(tree, Path) else etree.ElementTree(tree)
    pdf.render(source, out, **kw)
    return Printed(out)


@pytest.mark.parametrize("name", CASES)
def test_golden_typst(name, accept):
    """The Typst markup of each converter case (the preamble, shared by all, left out)."""
    _, root, _ = convert_case(name)
    markup = pdf.typst_source(etree.ElementTree(root))
    body = markup[markup.index("#page(header: none)"):]
    _check(GOLDEN / f"{name}.typ", body, accept)


@pytest.fixture(scope="module")
def corpus_pdf(tmp_path_factory, corpus_linked) -> Printed:
    return render(corpus_linked, tmp_path_factory.mktemp("pdf") / "corpus.pdf")


def test_every_source_page_marker_is_visible_in_order(corpus_pdf, corpus_linked):
    labels = _MARKER.findall(" ".join(corpus_pdf.flat))
    numbers = [pb.get("n") for pb in corpus_linked.xpath("//t:pb", namespaces=NS)]
    assert len(numbers) == 114
    assert [label.rsplit(" p. ", 1)[1] for label in labels] == numbers
    assert "Krivitsky p. 183" in labels and "Chambers p. 459" in labels


def test_a_word_split_by_a_page_is_printed_whole(corpus_pdf):
    # "catas-" / "{p. 158} trophe.": the word on one line, the marker in the margin beside it
    page = next(p for p in corpus_pdf.reader.pages if "[Krivitsky p. 158]" in p.extract_text())
    lines = page.extract_text(extraction_mode="layout").splitlines()
    line = next(line for line in lines if "[Krivitsky p. 158]" in line)
    assert re.search(r"\bcatastrophe\b", line), line
    assert line.lstrip().startswith("[Krivitsky p. 158]")  # the outer margin of an even page


def _footnotes(root: etree._Element) -> list[str]:
    """The text of every note, in order."""
    return [" ".join(note.xpath("string()").split())
            for note in root.xpath("//t:text//t:note", namespaces=NS)]


def _calls(printed: Printed) -> list[int]:
    """The page of each footnote call, in reading order. A call links to its entry and the
    entry back to its call (both small links); the call stands above its entry."""
    calls = []
    for page, rect, target, y in printed.links():
        if rect[2] - rect[0] < 20 and rect[1] > y:
            calls.append((page, -rect[1], rect[0], target))
    return [page for page, _, _, target in sorted(calls) if page == target] + \
        [-1 for page, _, _, target in calls if page != target]


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> tuple[Printed, etree._Element]:
    from tei.convert import convert_text
    from tei.registers import Registers
    from tests.conftest import ROOT, SAMPLE

    registers = Registers.load([ROOT / "examples" / "sample-registers.xml"])
    root = convert_text(SAMPLE.read_text("utf-8"), SAMPLE.name, registers=registers)
    return render(root, tmp_path_factory.mktemp("pdf") / "sample.pdf"), root


def _check_footnotes(printed: Printed, root: etree._Element) -> int:
    notes = _footnotes(root)
    pages = _calls(printed)
    assert len(pages) == len(notes)
    assert -1 not in pages  # no call links to an entry on another page
    for number, (text, page) in enumerate(zip(notes, pages, strict=True), start=1):
        entries = [squeeze(line) for line in printed.texts[page].splitlines()
                   if line.startswith(str(number))]
        assert any(entry.startswith(f"{number}{squeeze(text)[:15]}") for entry in entries), \
            (number, text, page + 1)
    return len(notes)


def test_every_note_is_a_footnote_on_its_calls_page(corpus_pdf, corpus_linked, sample_pdf):
    assert _check_footnotes(corpus_pdf, corpus_linked) == 4
    assert _check_footnotes(*sample_pdf) >= 4


def _emendations(printed: Printed) -> list[tuple[int, str, str]]:
    start = next(n for n, text in enumerate(printed.texts) if text.startswith("Emendations"))
    found = []
    for page in printed.texts[start:]:
        if page.startswith(("Quoted editions", "Index of persons")):
            break
        found += [(int(n), corr, sic) for n, corr, sic in
                  re.findall(r"^(\d+)\s*(.+?)\] (.+)$", page, re.M)]
    return found


def test_emendations_list_every_correction_with_its_page(corpus_pdf, corpus_linked):
    choices = corpus_linked.xpath("//t:text//t:choice[t:sic and t:corr]", namespaces=NS)
    listed = _emendations(corpus_pdf)
    assert len(choices) == 74
    expected = [(" ".join(c.xpath("string(t:corr)", namespaces=NS).split()),
                 " ".join(c.xpath("string(t:sic)", namespaces=NS).split())) for c in choices]
    assert [(corr, sic) for _, corr, sic in listed] == expected
    pages = [n for n, _, _ in listed]
    assert pages == sorted(pages)
    for number, corr, _ in listed[:: len(listed) // 20]:
        assert corr in corpus_pdf.flat[number - 1], (number, corr)


def _index_entries(printed: Printed) -> dict[str, list[int]]:
    start = next(n for n, text in enumerate(printed.texts) if text.startswith("Index of persons"))
    lines: list[str] = []
    for line in "\n".join(printed.texts[start:]).splitlines():
        line = line.strip()
        if lines and (line[:1].isdigit() or lines[-1].endswith((",", "-"))):
            lines[-1] = lines[-1] + ("" if lines[-1].endswith("-") else " ") + line
        else:
            lines.append(line)
    entries: dict[str, list[int]] = {}
    for line in lines:
        match = re.fullmatch(r"(.+?), ((?:\d+, )*\d+)", line.strip())
        if match:
            entries[match.group(1)] = [int(n) for n in match.group(2).split(", ")]
    return entries


def test_index_of_persons_points_to_pages_that_name_them(corpus_pdf, corpus_linked):
    entries = _index_entries(corpus_pdf)
    assert len(entries) > 60
    people = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p
              for p in corpus_linked.xpath("//t:standOff//t:person", namespaces=NS)}
    by_name = {}
    for pid, person in people.items():
        names = person.xpath("t:persName", namespaces=NS)
        preferred = names[0]
        surname = preferred.xpath("normalize-space(t:surname)", namespaces=NS)
        forename = " ".join(preferred.xpath("t:forename/text()", namespaces=NS))
        key = f"{surname}, {forename}" if surname and forename else \
            surname or " ".join(preferred.xpath("normalize-space()").split())
        by_name[key] = pid
    checked = 0
    names = sorted(entries)
    for name in names[:: max(1, len(names) // 20)][:20]:
        pid = by_name[name]
        forms = {" ".join(m.xpath("normalize-space()").split())
                 for m in corpus_linked.xpath(f"//t:text//t:persName[@ref='#{pid}']",
                                              namespaces=NS)}
        for number in entries[name]:
            text = corpus_pdf.flat[number - 1]
            assert any(form in text for form in forms), (name, number, forms)
        assert entries[name] == sorted(set(entries[name]))
        checked += 1
    assert checked == 20


def test_index_cross_references_variants(corpus_pdf):
    text = " ".join(corpus_pdf.flat[-4:])
    assert "Muklevitch, see Muklevich, Romuald" in text


def test_contents_page_numbers_and_bookmarks_lead_to_the_headings(corpus_pdf):
    contents = corpus_pdf.texts[1]
    lines = [re.fullmatch(r"(.+?)[ .]*?(\d+)", line.strip()) for line in contents.splitlines()[1:]]
    listed = [(m.group(1).rstrip(" ."), int(m.group(2))) for m in lines if m]
    assert len(listed) >= 10

    def outline(items):
        for item in items:
            if isinstance(item, list):
                yield from outline(item)
            else:
                yield item.title, corpus_pdf.reader.get_destination_page_number(item) + 1

    bookmarks = list(outline(corpus_pdf.reader.outline))
    assert len(bookmarks) >= len(listed) - 1
    pages = dict(bookmarks)
    for title, number in listed:
        if title in pages:
            assert pages[title] == number, title
        assert squeeze(title)[:30] in corpus_pdf.flat[number - 1], (title, number)


def test_running_heads_and_page_numbers(corpus_pdf):
    title = corpus_pdf.reader.metadata.title
    assert title.startswith("Walter Krivitsky")
    for number in range(3, len(corpus_pdf.texts) - 1):
        first = corpus_pdf.texts[number].splitlines()[0]
        page = number + 1
        if page % 2 == 0:
            assert re.match(rf"{page}\s*\S", first), first
            assert first[len(str(page)):].strip().lower()[:20] == title.lower()[:20]
        else:
            assert first.endswith(f" {page}"), first


def test_fonts_embedded_metadata_and_pdfa(corpus_pdf):
    reader = corpus_pdf.reader
    fonts = set()
    for page in reader.pages[:10]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(font["/BaseFont"]))
    assert len(fonts) >= 2
    assert reader.metadata.author == "Peter Myers"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert b"pdfaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


@pytest.mark.parametrize("paper, width, height", [("a4", 595, 842), ("letter", 612, 792),
                                                  ("book", 442, 663)])
def test_paper_sizes(tmp_path, paper, width, height):
    root = etree.fromstring(SAMPLE_TEI)
    printed = render(root, tmp_path / "out.pdf", paper=paper)
    box = printed.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (width, height)


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_foreign_tei_gives_a_pdf(tmp_path, path):
    printed = render(path, tmp_path / "out.pdf")
    assert len(printed.texts) >= 2
    assert printed.reader.metadata.title


SAMPLE_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>
</sourceDesc></fileDesc></teiHeader><text><body><div><head>H</head><p>TEXT</p></div></body>
</text></TEI>"""

# every character Typst gives a meaning to, in every position
_SPECIAL = st.lists(st.sampled_from(["#", "$", "*", "_", "@", "<", ">", "=", "\\", "[", "]",
                                      "`", "~", "/", "'", '"', "-", "+", ":", ";", "(", ")",
                                      "#let", "\\n", "//", "/*", "$x$", "a", "b ", " "]),
                    min_size=3, max_size=20).map("".join).filter(lambda s: s.strip())


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_SPECIAL)
def test_typst_syntax_in_text_prints_literally(tmp_path, text):
    root = etree.fromstring(SAMPLE_TEI)
    root.find(".//{http://www.tei-c.org/ns/1.0}body//{http://www.tei-c.org/ns/1.0}p").text = \
        f"START {text} END"
    printed = render(root, tmp_path / "out.pdf")
    body = " ".join(t for t in printed.texts[2:])
    printed_text = re.search(r"START (.*) END", body, re.S)
    assert printed_text, body
    assert squeeze(printed_text.group(1)).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("name", ["perseus-james1.apology.xml", "styl-generalP5.xml",
                                  "styl-testQuotations1.xml"])
def test_special_characters_in_foreign_tei_print_literally(tmp_path, name):
    path = SHARED / "foreign-tei" / name
    if not path.exists():
        pytest.skip("../shared/foreign-tei is not available")
    root = etree.parse(str(path)).getroot()
    phrases = {" ".join(t.split()) for t in root.xpath("//t:text//text()", namespaces=NS)
               if re.search(r"[#$*_@<=\\`\[\]]", t) and "://" not in t and len(t.strip()) < 80}
    assert phrases
    printed = "".join(render(path, tmp_path / "out.pdf").flat).replace(" ", "")
    for phrase in phrases:
        assert phrase.replace(" ", "") in printed, phrase


def test_special_characters_from_foreign_tei_print_literally(tmp_path):
    path = SHARED / "foreign-tei" / "styl-testQuotations1.xml"
    if not path.exists():
        pytest.skip("../shared/foreign-tei is not available")
    root = etree.parse(str(path)).getroot()
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    para = etree.SubElement(body, "{http://www.tei-c.org/ns/1.0}p")
    para.text = "Cost: $5 #1 *bold* _x_ @ref <tag> = \\n [a] `code`"
    printed = render(root, tmp_path / "out.pdf")
    assert squeeze(para.text) in " ".join(printed.flat)


def test_quoted_editions_list_each_edition_once(corpus_pdf, corpus_linked):
    books = corpus_linked.xpath("//t:text//t:bibl[@xml:id][not(@corresp)]", namespaces=NS)
    start = max(n for n, text in enumerate(corpus_pdf.texts) if "Quoted editions\n" in text)
    text = corpus_pdf.flat[start].split("Quoted editions", 1)[1]
    assert ("In Stalin's Secret Service: Memoirs of the First Soviet Master Spy to Defect. "
            "W. G. Krivitsky. Enigma Books, New York, 2000.") in text
    assert text.count("Enigma Books") == 1  # the repeated reference is not a second edition
    assert len(books) >= 6
    for book in books:
        assert squeeze(book.xpath("string(t:title[1])", namespaces=NS))[:25] in text


def test_drama_keeps_stage_directions_and_cast_apart(tmp_path):
    path = SHARED / "foreign-tei" / "gerdracor-buechner-leonce-und-lena.xml"
    if not path.exists():
        pytest.skip("../shared/foreign-tei is not available")
    texts = render(path, tmp_path / "out.pdf").texts
    lines = [line.strip() for text in texts for line in text.splitlines()]
    assert "Ein Garten" in lines  # a stage direction between speeches is a paragraph
    assert "Valerio" in lines and "Rosetta" in lines  # each member of the cast on its line
    assert any(line.startswith("LEONCE. Mein Herr, was wollen Sie von mir?") for line in lines)
