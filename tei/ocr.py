"""Suspected OCR errors: words in no dictionary and no register, with a correction where one
is clear.

A correction is *clear* when a known OCR confusion (``h`` for ``li``, ``6`` for ``é``, ``Wl`` for
``W`` ...) turns the word into a known one, when two glued words separate (``mywife``), when a
name is one letter away from a register name (``Kritvitsky``), or, less surely, when the
spelling dictionary (pyspellchecker's English word frequencies) has a word one edit away.
Proper nouns with no such correction are left alone: an unknown name is not an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# (as scanned, as printed): character confusions of OCR engines. The strong ones are applied
# to any word; the weak ones (each a common letter for another) only to longer lower-case
# words, where they seldom turn one real word into another.
STRONG = (
    ("h", "li"), ("U", "Li"), ("Wl", "W"), ("rn", "m"), ("cl", "d"), ("d", "ci"), ("ii", "u"),
    ("vv", "w"),
    ("6", "é"), ("6", "ô"), ("1", "l"), ("1", "I"), ("0", "O"), (")", "j"), ("*", "in"),
    ("&", "è"), ("£", "f"), ("T", "Y"), ("5", "s"), ("$", "s"),
)
WEAK = (
    ("n", "ri"), ("n", "rv"), ("m", "rn"), ("d", "cl"), ("d", "tl"), ("c", "e"), ("e", "c"),
    ("l", "i"), ("i", "l"), ("I", "l"), ("j", "y"), ("b", "h"), ("g", "y"), ("a", "u"),
    ("f", "t"), ("u", "li"),
)
MIN_WEAK_LENGTH = 5
MIN_CONFUSION_FREQUENCY = 50
# Function words, which OCR often runs into a neighbour (my+wife, let+me, state+it)
FUNCTION_WORDS = frozenset(
    "a I my in to of at it me us we he an as be by do go if is no on or so up for the and but "
    "not all his her its our you she him had was has only one".split()
)
MIN_GLUED_FREQUENCY = 20000  # two content words glued together must both be this common
MIN_NEAR_NAME_LENGTH = 6
# British spellings that an American word list lacks
SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("our", "or"),
             ("ence", "ense"), ("tre", "ter"), ("ogue", "og"), ("ll", "l"))
MIN_SPLIT_FREQUENCY = 5000  # the word glued to a function word must be this common
MIN_SPELL_LENGTH = 5
_LETTERS = re.compile(r"[^\W\d_]")
_DEBRIS = re.compile(r"[^\w'éèô-]")
_STRIP = "\"'“”‘’.,;:!?()[]{}—–-~)"


@dataclass(frozen=True)
class Suspect:
    text: str
    correction: str | None
    cert: str  # high, medium, low
    reason: str
    ref: str | None = None  # register entry the correction names


class Lexicon:
    """The English dictionary plus every word of the registers' name forms."""

    def __init__(self, names: dict[str, str] | None = None) -> None:
        self.names = names or {}  # token -> register entry id
        self._lower_names = {n.lower(): n for n in self.names}
        self.by_shape: dict[tuple[str, int], list[str]] = {}  # (initial, length) -> names
        for name in self.names:
            self.by_shape.setdefault((name[0], len(name)), []).append(name)

    @property
    def words(self) -> dict[str, int]:
        return dictionary()

    def frequency(self, word: str) -> int:
        return self.words.get(word.lower(), 0)

    def name(self, word: str) -> str | None:
        """The register spelling of ``word`` (any case, plural or possessive), if any."""
        for form in _forms(word):
            if form in self.names:
                return form
            if form.lower() in self._lower_names:
                return self._lower_names[form.lower()]
        return None

    def known(self, word: str) -> bool:
        if self.name(word):
            return True
        words = self.words
        for form in _forms(word):
            lower = form.lower()
            if lower in words or any(a in words for a in _accented(lower)):
                return True
            for british, american in SPELLINGS:
                if british in lower and lower.replace(british, american) in words:
                    return True
        return False

    def exact(self, word: str) -> bool:
        """Known as it stands (no inflection stripped), and common enough."""
        return bool(self.name(word)) or self.frequency(word) >= MIN_CONFUSION_FREQUENCY


def _accented(word: str) -> set[str]:
    return {word[:i] + a + word[i + 1:] for i, c in enumerate(word) if c == "e" for a in "éè"}


def _forms(word: str):
    """A word and the plainer words it may be inflected from."""
    yield word
    for suffix in ("'s", "’s", "'", "s", "es", "ed", "ing", "ly", "ists", "ist", "ism", "ites"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)]
    if "'" in word:
        yield word.replace("'", "")


@lru_cache(maxsize=1)
def dictionary() -> dict[str, int]:
    """English words (lower case) with their frequencies (pyspellchecker's word list)."""
    from spellchecker import SpellChecker

    return SpellChecker(distance=1).word_frequency.dictionary


def _match_case(model: str, word: str) -> str:
    if model[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _confusions(word: str, lexicon: Lexicon) -> list[str]:
    """Known words one OCR confusion away from ``word``, most frequent first."""
    found: dict[str, int] = {}
    table = STRONG + WEAK if word.islower() and len(word) >= MIN_WEAK_LENGTH else STRONG
    for seen, meant in table:
        start = word.find(seen)
        while start >= 0:
            cand = word[:start] + meant + word[start + len(seen):]
            if not _DEBRIS.search(cand) and lexicon.exact(cand):
                found[lexicon.name(cand) or cand] = max(lexicon.frequency(cand), 1)
            start = word.find(seen, start + 1)
    return sorted(found, key=lambda c: -found[c])


def _split(word: str, lexicon: Lexicon) -> str | None:
    """Two words run together: a function word and a common word or name (``mywife``,
    ``inGermany``, ``Stalinit``), or two very common words (``fiftyfour``)."""
    if not word.isalpha():
        return None

    def common(part: str, least: int) -> bool:
        return len(part) >= 3 and (lexicon.name(part) is not None or
                                   lexicon.frequency(part) >= least)

    best = None
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if word[0].isupper() and not (b[0].isupper() or lexicon.name(a)):
            continue  # a capitalised word splits only where a name or capital begins
        fa, fb = a in FUNCTION_WORDS, b in FUNCTION_WORDS
        if (fa and common(b, MIN_SPLIT_FREQUENCY)) or (fb and common(a, MIN_SPLIT_FREQUENCY)) \
                or (common(a, MIN_GLUED_FREQUENCY) and common(b, MIN_GLUED_FREQUENCY)):
            score = min(lexicon.frequency(a) or MIN_SPLIT_FREQUENCY,
                        lexicon.frequency(b) or MIN_SPLIT_FREQUENCY)
            if best is None or score > best[0]:
                best = (score, f"{a} {b}")
    return best[1] if best else None


def _near_name(word: str, lexicon: Lexicon) -> str | None:
    """A register name one edit away (``Kritvitsky`` -> ``Krivitsky``)."""
    if len(word) < MIN_NEAR_NAME_LENGTH:
        return None
    candidates = [n for size in (len(word) - 1, len(word), len(word) + 1)
                  for n in lexicon.by_shape.get((word[0], size), ()) if _edit1(word, n)]
    return candidates[0] if len(candidates) == 1 else None


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
            | {a + c + b for a, b in splits for c in _ALPHABET}) - {word}


def _edit1(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


_NOT_WORDS = re.compile(
    r"(?:[A-Za-z]\.)+[A-Za-z]?s?|[IVXLCDM]+|[A-Z]{2,}s?|\d+(?:st|nd|rd|th|s|'s)?|"
    r".*\.(?:html?|pdf|xml|txt)")


def judge(word: str, lexicon: Lexicon) -> Suspect | None:
    """A Suspect if ``word`` (a token stripped of punctuation) looks like an OCR error."""
    if word.lower() in lexicon.words:
        return None
    if not _LETTERS.search(word) or _NOT_WORDS.fullmatch(word) or lexicon.known(word):
        return None
    if "." in word.strip("."):  # "fi.nal", "hi.m": a speck inside a word
        joined = word.replace(".", "")
        if lexicon.known(joined):
            return Suspect(word, joined, "high", "speck")
        if all(lexicon.known(p) for p in word.split(".") if p):
            return None
    odd = not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", word)
    if "-" in word and not odd and all(lexicon.known(p) for p in word.split("-") if p):
        return None
    fixes = _confusions(word, lexicon)
    if fixes:
        cert = "high" if len(fixes) == 1 else "medium"
        return Suspect(word, _match_case(word, fixes[0]), cert, "confusion",
                       lexicon.names.get(fixes[0]))
    if not odd and (glued := _split(word, lexicon)):
        return Suspect(word, glued, "medium", "glued")
    if word[:1].isupper():
        name = _near_name(word.removesuffix("'s"), lexicon)
        if name:
            return Suspect(word, name, "medium", "name", lexicon.names[name])
        return Suspect(word, None, "low", "odd") if odd else None
    if not odd and len(word) >= MIN_SPELL_LENGTH:
        words = lexicon.words
        cands = sorted((c for c in _edits1(word.lower()) if c in words), key=lambda c: -words[c])
        if cands:
            return Suspect(word, _match_case(word, cands[0]), "low", "spelling")
    return Suspect(word, None, "low", "odd") if odd else None


_TOKEN = re.compile(r"[\w&*<)§£~'’.]+(?:-[\w&*<)§£~'’.]+)*")


def _clean(raw: str) -> str:
    word = raw.strip(_STRIP)
    return word[:-2] if word.endswith(("'s", "’s")) else word


def tokens(text: str):
    """(start, end, word) for the words of ``text`` (OCR debris inside a word kept), without
    the punctuation around them or a possessive ending."""
    for m in _TOKEN.finditer(text):
        raw = m.group()
        word = _clean(raw)
        if word:
            start = m.start() + raw.index(word)
            yield start, start + len(word), word


def whole_words(raws: set[str]) -> re.Pattern:
    """A pattern for whole occurrences of the raw words ``raws`` (never matches if none)."""
    if not raws:
        return re.compile(r"(?!)")
    edge = r"\w&*<)§£~'’.-"
    return re.compile(rf"(?<![{edge}])(?:" +
                      "|".join(re.escape(r) for r in sorted(raws, key=len, reverse=True)) +
                      rf")(?![{edge}])")


def locate(text: str, raws: set[str]):
    """(start, end, word) of every whole occurrence in ``text`` of the raw words ``raws``."""
    if not raws:
        return
    for m in whole_words(raws).finditer(text):
        word = _clean(m.group())
        start = m.start() + m.group().index(word)
        yield start, start + len(word), word


def raw_words(text: str) -> list[str]:
    """The words of ``text`` with the punctuation around them (fast, no positions)."""
    return _TOKEN.findall(text)


def clean(raw: str) -> str:
    """A raw word as :func:`tokens` gives it: punctuation and possessive ending off."""
    return _clean(raw)


JOINED = re.compile(r"\b(?P<a>[^\W\d_]{2,})- (?P<b>[a-z]{2,})\b|"
                    r"\b(?P<c>[A-Z][a-z]{1,3}) (?P<d>[a-z]{4,})\b")


def joins(text: str, lexicon: Lexicon):
    """Words broken by a stray space: ``Ge- stapo`` (Gestapo), ``Za orozhets`` (Zaporozhets)."""
    for m in JOINED.finditer(text):
        if m["a"]:
            a, b = m["a"], m["b"]
            if lexicon.known(a) and lexicon.known(b):
                continue
            joined = a + b
            if lexicon.known(joined):
                yield m.start(), m.end(), Suspect(m.group(), joined, "high", "broken",
                                                  lexicon.names.get(joined))
        else:
            c, d = m["c"], m["d"]
            if lexicon.known(c) or lexicon.known(d):
                continue
            name = _near_name(c + d, lexicon)
            if name:
                yield m.start(), m.end(), Suspect(m.group(), name, "medium", "broken",
                                                  lexicon.names[name])
