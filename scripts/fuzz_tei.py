#!/usr/bin/env python3
"""Fuzz the publishing side with TEI the toolkit did not write: take TEI documents (the
sample edition, and the foreign TEI in ../shared/foreign-tei when present), damage their
structure (elements renamed to other TEI or unknown names, moved, unwrapped, nested in odd
places; attributes with dangling pointers, bad dates, odd languages, duplicate ids; special
characters in text; nesting hundreds of levels deep), and run validate, html and (every
--pdf-every'th input) pdf on each.

Validation may find the damage (that is its job); html and pdf must still give an edition,
and both editions must keep every word of the TEI's reading text: the HTML in its page (or,
for what a reader opens on demand, in a title), the print edition in its Typst markup. A
crash is any exception, or a transformation that fails on well-formed TEI; a lost word is a
failure too. Each failing document is saved in --out. Not part of `make test`:

    python scripts/fuzz_tei.py -n 1000 --seed 1
"""

from __future__ import annotations

import collections
import copy
import random
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import fuzzing  # noqa: E402  (scripts/, beside this file)
from lxml import etree  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from tei.convert import convert_text  # noqa: E402
from tei.diagnostics import Diagnostics  # noqa: E402
from tei.io import InputError, parse_xml  # noqa: E402
from tei.ns import TEI_NS, XML_ID, XML_LANG  # noqa: E402
from tei.registers import Registers  # noqa: E402

FOREIGN = ROOT.parent / "shared" / "foreign-tei"
NAMES = ("note pb lb cb milestone choice sic corr orig reg abbr expan app lem rdg table row "
         "cell figure graphic figDesc formula g hi emph list item label head div floatingText "
         "l lg sp speaker stage quote q cit bibl biblStruct ref ptr persName placeName orgName "
         "date foreign gap unclear del add subst anchor fw seg w pc num title ab p said "
         "listPerson person fooBar unknownThing").split()
ATTRIBUTES = [("rend", ["italic", "bold", "sup", "#x", ""]), ("n", ["", "ii", "12", "\u2603"]),
              ("target", ["#nowhere", "http://example.com/", "", "#a #b"]),
              ("ref", ["#nobody", "", "viaf:1"]), ("when", ["garbage", "1937", "-0044-03-15"]),
              ("from", ["1940", "x"]), ("to", ["1930"]), ("break", ["no", "yes"]),
              (XML_LANG, ["zz", "", "de", "ru-Latn"]), ("place", ["foot", "margin", "inline"]),
              ("type", ["excerpt", "gloss", "contents"]), ("resp", ["#ed", "#missing"]),
              ("edRef", ["#nothing"]), ("source", ["#none"]), ("corresp", ["#none"])]
TEXTS = ["#let x = 1", "$y$", "*b* _i_", "@ref", "<>&\"'", "\\", "`", "[1]", "\u202e\u0301",
         "\U0001F600", "= Heading", "- item", "/* c */", "{p. 12}", "\u00a0\t"]


OPERATIONS = ("rename", "move", "unwrap", "wrap", "attribute", "id", "text", "nest")


def tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def mutate(rng: random.Random, root: etree._Element) -> list[str]:
    """Damage the document in place; what was done, for the report."""
    done: list[str] = []
    text = root.find(tei("text"))
    scope = text if text is not None and rng.random() < 0.7 else root  # the header too
    for _ in range(rng.randint(1, 15)):
        elements = [e for e in scope.iter() if isinstance(e.tag, str)]
        if len(elements) < 2:
            return done
        el = rng.choice(elements[1:])
        op = rng.randrange(len(OPERATIONS))
        done.append(f"{OPERATIONS[op]} {etree.QName(el).localname}")
        if op == 0:  # rename
            el.tag = tei(rng.choice(NAMES))
            done[-1] += f" -> {etree.QName(el).localname}"
        elif op == 1:  # move under another element that is not inside it
            target = rng.choice(elements)
            done[-1] += f" into {etree.QName(target).localname}"
            if target is not el and el not in target.iterancestors() and el.getparent() \
                    is not None:
                tail = el.tail
                el.tail = None
                parent = el.getparent()
                prev = el.getprevious()
                parent.remove(el)
                if prev is not None:
                    prev.tail = (prev.tail or "") + (tail or "")
                else:
                    parent.text = (parent.text or "") + (tail or "")
                target.insert(rng.randint(0, len(target)), el)
        elif op == 2:  # unwrap
            parent = el.getparent()
            if parent is not None:
                index = parent.index(el)
                for child in reversed(list(el)):
                    parent.insert(index + 1, child)
                prev = el.getprevious()
                joined = (el.text or "")
                if prev is not None:
                    prev.tail = (prev.tail or "") + joined
                else:
                    parent.text = (parent.text or "") + joined
                last = parent[index + len(el)] if len(el) else None
                if last is not None and last is not el:
                    last.tail = (last.tail or "") + (el.tail or "")
                elif prev is not None:
                    prev.tail = (prev.tail or "") + (el.tail or "")
                else:
                    parent.text = (parent.text or "") + (el.tail or "")
                parent.remove(el)
        elif op == 3:  # wrap in a new element
            parent = el.getparent()
            if parent is not None:
                wrapper = etree.Element(tei(rng.choice(NAMES)))
                done[-1] += f" in {etree.QName(wrapper).localname}"
                parent.replace(el, wrapper)
                wrapper.tail, el.tail = el.tail, None
                wrapper.append(el)
        elif op == 4:  # an attribute
            name, values = rng.choice(ATTRIBUTES)
            el.set(name, rng.choice(values))
        elif op == 5:  # a duplicate id
            other = rng.choice(elements)
            el.set(XML_ID, other.get(XML_ID) or "dup")
            other.set(XML_ID, el.get(XML_ID))
        elif op == 6:  # text
            el.text = (el.text or "") + f" {rng.choice(TEXTS)} "
        else:  # deep nesting, up to and past what the parsers take (256 levels)
            parent = el.getparent()
            if parent is not None:
                depth = rng.choice([20, 60, 120, 230, 300])
                done[-1] += f" {depth} deep"
                outer = inner = etree.Element(tei(rng.choice(NAMES)))
                for _ in range(depth - 1):
                    inner = etree.SubElement(inner, tei(rng.choice(("hi", "seg", "emph"))))
                parent.replace(el, outer)
                outer.tail, el.tail = el.tail, None
                inner.append(el)
    return done


def reading_words(root: etree._Element) -> collections.Counter:
    """The words of a TEI's reading text (counted with repeats)."""
    text = root.find(tei("text"))
    if text is None:
        return collections.Counter()
    text = copy.deepcopy(text)
    for aside in text.xpath(".//t:teiHeader | .//t:standOff | .//t:facsimile",
                            namespaces={"t": TEI_NS}):  # not the reading text, wherever put
        aside.getparent().remove(aside)
    return collections.Counter(re.findall(r"\w+", " ".join(text.itertext())))


def lost(wanted: collections.Counter, shown: str) -> collections.Counter:
    """Words wanted that ``shown`` lacks; a word run into its neighbour across an element
    edge ("g<said>alpha</said>") is not lost."""
    missing = wanted - collections.Counter(re.findall(r"\w+", shown))
    return collections.Counter({w: n for w, n in missing.items() if shown.count(w) < wanted[w]})


def html_text(page: Path) -> str:
    """What a reader of the page can see, or open on demand (titles, alternative texts)."""
    # the page may nest deeper than libxml2's default 256 levels (the TEI went to 256)
    doc = lxml_html.parse(str(page), lxml_html.HTMLParser(huge_tree=True)).getroot()
    for script in doc.xpath("//script | //style"):
        script.getparent().remove(script)
    return " ".join(doc.itertext()) + " " + " ".join(doc.xpath("//@title | //@alt"))


_TYPST_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_TYPST_ESCAPE = re.compile(r'\\(u\{[0-9A-Fa-f]+\}|.)')


def typst_text(markup: str) -> str:
    """The text of the print edition: the toolkit's Typst sets every text as a string."""
    def unescape(m: re.Match) -> str:
        c = m.group(1)
        return chr(int(c[2:-1], 16)) if c.startswith("u{") else {"n": "\n", "t": "\t"}.get(c, c)

    return " ".join(_TYPST_ESCAPE.sub(unescape, m.group(1))
                    for m in _TYPST_STRING.finditer(markup))


def not_xml(doc: Path) -> bool:
    """Whether the safe parser refuses the document (nested past 256 levels, an id twice)."""
    try:
        parse_xml(doc)
    except InputError:
        return True
    return False


def seeds() -> list[tuple[str, etree._ElementTree]]:
    sample = ROOT / "examples" / "sample.txt"
    root = convert_text(sample.read_text("utf-8"), sample.name, Diagnostics(),
                        registers=Registers.load([ROOT / "examples" / "sample-registers.xml"]))
    out = [("sample", etree.ElementTree(root))]
    if FOREIGN.is_dir():
        out += [(p.stem, parse_xml(p)) for p in sorted(FOREIGN.glob("*.xml"))]
    return out


def main() -> int:
    args = fuzzing.arguments(__doc__, "document", 1000, 5, "fuzz-tei")

    from tei.publish import html, pdf
    from tei.validate import check_file, load

    validator = load(None)
    rng = random.Random(args.seed)
    originals = seeds()
    crashes = invalid = pdfs = losses = refused = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for i in range(args.n):
            name, original = rng.choice(originals)
            root = copy.deepcopy(original.getroot())
            done = mutate(rng, root)
            data = etree.tostring(root, xml_declaration=True, encoding="utf-8")
            doc = work / "fuzz.xml"
            doc.write_bytes(data)
            stage = "validate"
            try:
                if any(p.severity == "error" for p in check_file(doc, validator)):
                    invalid += 1
                stage = "html"
                html.render(doc, work / "site")
                wanted = reading_words(root)
                missing = lost(wanted, html_text(work / "site" / "index.html"))
                stage = "typst"
                missing_in_print = lost(wanted, typst_text(pdf.typst_source(doc)))
                for where, words in (("html", missing), ("print", missing_in_print)):
                    if words:
                        losses += 1
                        fuzzing.save(args.out, "document", i, f"{name}-lost-{where}", data,
                             "\n".join([*done, repr(words.most_common(20))]))
                if args.pdf_every and i % args.pdf_every == 0:
                    stage = "pdf"
                    pdf.render(doc, work / "fuzz.pdf")
                    pdfs += 1
            except InputError as exc:
                if not_xml(doc):  # refused with its place, as lxml's safe parser refuses it
                    refused += 1
                else:
                    crashes += 1
                    fuzzing.save(args.out, "document", i, f"{name}-{stage}", data,
                                 "\n".join([*done, str(exc)]))
            except KeyboardInterrupt:
                raise
            except BaseException:  # a panic in native code (pyo3) is no Exception
                crashes += 1
                fuzzing.save(args.out, "document", i, f"{name}-{stage}", data,
                             "\n".join([*done, traceback.format_exc()]))
            if (i + 1) % 100 == 0:
                print(f"{i + 1} documents, {crashes} crashes, {losses} with lost words "
                      f"({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"{args.n} documents (seed {args.seed}): {crashes} crashes, {losses} editions "
          f"(HTML or print) with words lost, {refused} refused by the parser (too deep, "
          f"an id twice), {invalid} found invalid by validation, {pdfs} PDFs set, "
          f"{time.perf_counter() - start:.0f} s")
    return 1 if crashes or losses else 0


if __name__ == "__main__":
    sys.exit(main())
