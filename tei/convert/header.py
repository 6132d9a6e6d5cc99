"""The teiHeader: what the source says about itself plus how this encoding treats it."""

from __future__ import annotations

from lxml import etree

from tei import __version__
from tei.convert.state import State
from tei.ns import TEI_NS, E

LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "ru": "Russian", "la": "Latin",
    "it": "Italian", "es": "Spanish", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
}

CONVENTIONS = (
    ("correction", {}, "The source is never corrected silently. A suspected error is encoded "
     "as choice with sic (and corr where the correction is clear), so both readings remain."),
    ("normalization", {}, "Line endings are normalised to line feeds; nothing else in the text "
     "is changed."),
    ("quotation", {"marks": "all"}, "Quotation marks are kept as they stand in the source, inside "
     "quote (a passage) or q (a word or two). A quotation followed by its page citation is cit "
     "with quote and bibl/biblScope. Long excerpts from books are quote type=\"excerpt\" whose "
     "@source points to the bibl of the book."),
    ("hyphenation", {"eol": "all"}, "A word split across a page of the quoted book is joined "
     "across pb break=\"no\"; a hyphen that only marks the split is kept as pc force=\"weak\", "
     "a real hyphen (non-Communist) stays in the word."),
    ("interpretation", {}, "Text in braces is the compiler's: comments are note "
     "type=\"editorial\", an expansion after an abbreviation is note type=\"gloss\", both with "
     "@resp pointing to the compiler; end marks such as {endquote} are metamark "
     "function=\"endquote\". Page markers {p. N} are pb whose @edRef points to the bibl of the "
     "book the page belongs to. Omissions [...] are gap reason=\"omitted\"."),
)


def build(state: State, text: etree._Element) -> etree._Element:
    meta = state.meta
    title = meta.title or state.source.name
    date = (E("date", meta.date_text, when=meta.date_when) if meta.date_when else None)
    title_stmt = E("titleStmt", E("title", title, type="main"))
    if meta.author:
        title_stmt.append(E("author", meta.author))
    title_stmt.append(E("respStmt", E("resp", "compilation, selection and comments"),
                        E("name", meta.author or "the compiler"), xml_id=state.compiler_id))
    title_stmt.append(E("respStmt", E("resp", "TEI encoding and suggested corrections"),
                        E("name", f"tei-edition {__version__}"), xml_id="encoder"))
    if text.xpath("//tei:corr[@resp='#reviewer']", namespaces={"tei": TEI_NS}):
        title_stmt.append(E("respStmt", E("resp", "review of suspected OCR errors"),
                            E("name", "the reviewer"), xml_id="reviewer"))
    source = E("bibl", E("title", title), type="webpage")
    if meta.author:
        source.append(E("author", meta.author))
    if date is not None:
        source.append(date)
    source.append(E("note", "A compilation page: the compiler's own text, excerpts from books "
                    "with their page numbers, and the compiler's comments in braces."))
    source.append(E("idno", state.source.name, type="file"))
    file_desc = E(
        "fileDesc", title_stmt,
        E("publicationStmt", E("p", "Encoded from a plain-text copy of the page; not published.")),
        E("sourceDesc", source),
    )
    app = E("application", E("label", "tei-edition"), ident="tei-edition", version=__version__)
    decl = E("editorialDecl",
             *(E(tag, E("p", prose), **attrs) for tag, attrs, prose in CONVENTIONS))
    encoding = E("encodingDesc", E("appInfo", app), decl)
    langs = ["en"] + sorted({v for v in text.xpath("//@xml:lang") if v != "en"})
    usage = E("langUsage", *(E("language", LANGUAGES.get(code, code), ident=code)
                             for code in langs))
    return E("teiHeader", file_desc, encoding, E("profileDesc", usage))
