"""Date expressions of English prose as TEI's W3C date attributes.

Each rule is a regular expression and a function from its groups to the attributes (``when``
for a day, month or year; ``from``/``to`` for ranges; ``notBefore``/``notAfter`` for seasons,
decades and approximate dates). Rules are tried in order and earlier
rules win, so a range is never read as two years. A bare four-digit number is a year only
after a word that introduces a date (``in 1917``, ``since 1914``), so page numbers, counts and
titles such as ``1984`` are left alone. Relative dates (``two months later``) are not read.

Libraries that find dates in text (dateparser, datefinder) read days but not ranges, seasons
or decades as intervals, which is most of what scholarly prose contains; hence this grammar.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_YEAR = r"(?:1[4-9][0-9]{2}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
PARTS = {"early": (1, 4), "beginning": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12),
         "end": (9, 12)}
YEAR_CUES = ("in|In|of|since|Since|until|Until|till|by|By|after|After|before|Before|during|"
             "During|from|From|to|around|Around|about|circa|year")

Attrs = dict[str, str]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    attrs: Attrs
    rule: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(year: str, month: int, day: str) -> str | None:
    try:
        return date(int(year), month, int(re.match(r"\d+", day).group())).isoformat()
    except ValueError:
        return None


def _ym(year: int | str, month: int) -> str:
    return f"{int(year):04d}-{month:02d}"


Groups = dict[str, str | None]


def _second_year(first: str, second: str) -> int:
    """``1920-1`` -> 1921, ``1936-37`` -> 1937, ``2000-2001`` -> 2001."""
    return int(first[: len(first) - len(second)] + second)


def _range(a: str, b: str) -> Attrs | None:
    return {"from": a, "to": b} if a < b else None


def _year_range(m: Groups) -> Attrs | None:
    second = _second_year(m["y1"], m["y2"])
    return _range(m["y1"], str(second)) if second > int(m["y1"]) else None


def _days_range(m: Groups) -> Attrs | None:
    a = _day(m["y"], _month(m["m1"]), m["d1"])
    b = _day(m["y"], _month(m["m2"] or m["m1"]), m["d2"])
    return _range(a, b) if a and b else None


def _season(m: Groups) -> Attrs:
    season = m["season"].lower()
    year = int(m["y"])
    if season == "winter":  # December of one year to February of the next, or the year's start
        return {"notBefore": _ym(year, 1), "notAfter": _ym(year + 1, 2)}
    first, last = SEASONS[season]
    return {"notBefore": _ym(year, first), "notAfter": _ym(year, last)}


def _part(m: Groups) -> Attrs:
    first, last = PARTS[(m["part"] or m["part2"]).lower()]
    return {"notBefore": _ym(m["y"], first), "notAfter": _ym(m["y"], last)}


def _decade(m: Groups) -> Attrs:
    start = int(m["dec"])
    return {"notBefore": str(start), "notAfter": str(start + 9)}


def _full(m: Groups) -> Attrs | None:
    day = _day(m["y"], _month(m["m"]), m["d"])
    return {"when": day} if day else None


Rule = tuple[str, re.Pattern, Callable[[Groups], Attrs | None], str, tuple[str, ...]]
RULES: list[Rule] = [
    # (name, pattern, attributes, the group to tag ("" for the whole match), substrings of
    # which the text must hold one for the rule to be tried (none: always tried))
    ("between-years", re.compile(rf"\bbetween (?P<y1>{_YEAR}) and (?P<y2>{_YEAR})\b"),
     lambda m: _range(m["y1"], m["y2"]), "", ("between",)),
    ("from-to-years", re.compile(rf"\b[Ff]rom (?P<y1>{_YEAR}) to (?P<y2>{_YEAR})\b"),
     lambda m: _range(m["y1"], m["y2"]), "", ("rom ",)),
    ("days-range", re.compile(
        rf"\b(?P<m1>{_MONTH}) (?P<d1>{_DAY})\s*(?:to|-|\u2013)\s*(?:(?P<m2>{_MONTH}) )?"
        rf"(?P<d2>{_DAY}),? (?P<y>{_YEAR})\b"), _days_range, "", (" to ", "-", "\u2013")),
    ("winter-range", re.compile(
        rf"\b(?:the )?winter of (?P<y1>{_YEAR})\s*[-\u2013/]\s*(?P<y2>[0-9]{{1,4}})\b"),
     _year_range, "", ("inter of",)),
    ("season", re.compile(
        rf"\b(?:the )?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter) of "
        rf"(?P<y>{_YEAR})\b"), _season, "", ("of ",)),
    ("part-of-year", re.compile(
        rf"\b(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)(?: in |-| )|"
        rf"the (?P<part2>beginning|middle|end) of )(?P<y>{_YEAR})\b"), _part, "",
     ("arly", "ate", "id-", "id ", "the ")),
    ("year-range", re.compile(rf"\b(?P<y1>{_YEAR})[-\u2013](?P<y2>[0-9]{{1,4}})\b(?!-)"),
     _year_range, "", ("-", "\u2013")),
    ("month-day-year", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY}),?\s?(?P<y>{_YEAR})\b"),
     _full, "", ()),
    ("day-month-year", re.compile(rf"\b(?P<d>{_DAY}) (?P<m>{_MONTH}),? (?P<y>{_YEAR})\b"),
     _full, "", ()),
    ("month-year", re.compile(rf"\b(?P<m>{_MONTH}),? (?P<y>{_YEAR})\b"),
     lambda m: {"when": _ym(m["y"], _month(m["m"]))}, "", ()),
    ("decade", re.compile(r"\b(?:the )?(?P<dec>1[4-9][0-9]0|20[0-9]0)'?s\b"), _decade, "",
     ("0s", "0's")),
    ("cued-year", re.compile(rf"\b(?:{YEAR_CUES}) (?P<y>{_YEAR})\b(?![-\u2013,]?[0-9])"),
     lambda m: {"when": m["y"]}, "y", ()),
    ("bracketed-year", re.compile(rf"(?<=\()(?P<y>{_YEAR})(?=\))"),
     lambda m: {"when": m["y"]}, "y", ("(",)),
]


_HAS_YEAR = re.compile(r"\d{4}")


def find(text: str) -> list[Found]:
    """Non-overlapping date expressions in ``text``, in text order."""
    if not _HAS_YEAR.search(text):  # every rule needs a year
        return []
    claimed: list[Found] = []
    for name, regex, attrs_of, group, needs in RULES:
        if needs and not any(n in text for n in needs):
            continue
        for m in regex.finditer(text):
            start, end = (m.start(group), m.end(group)) if group else m.span()
            if any(start < f.end and f.start < end for f in claimed):
                continue
            attrs = attrs_of(m.groupdict())
            if attrs:
                claimed.append(Found(start, end, attrs, name))
    return sorted(claimed, key=lambda f: f.start)


def parse_day(text: str) -> str | None:
    """``"August 17, 2019"`` -> ``"2019-08-17"``; None unless ``text`` is exactly one day."""
    found = find(text.strip())
    if len(found) == 1 and found[0].rule in ("month-day-year", "day-month-year"):
        f = found[0]
        if f.start == 0 and f.end == len(text.strip()):
            return f.attrs["when"]
    return None


def find_trailing_day(text: str) -> Found | None:
    """A day at the very end of ``text`` (as in a byline ``by X, August 17, 2019``)."""
    found = find(text)
    last = found[-1] if found else None
    if last and last.end == len(text.rstrip()) and "when" in last.attrs and \
            len(last.attrs["when"]) == 10:
        return last
    return None
