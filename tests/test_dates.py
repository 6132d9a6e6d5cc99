"""The date grammar, by property: every well-formed expression reads back, nothing else does."""

from __future__ import annotations

import calendar
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tei import dates

W3C = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
days = st.dates(min_value=date(1400, 1, 1), max_value=date(2099, 12, 31))
years = st.integers(min_value=1400, max_value=2098)


def only(text: str) -> dates.Found:
    found = dates.find(text)
    assert len(found) == 1, (text, found)
    return found[0]


@given(days, st.sampled_from(["{M} {d}, {y}", "{M} {d},{y}", "{d}th {M}, {y}", "{M} {d} {y}"]))
def test_days(day, pattern):
    text = pattern.format(M=calendar.month_name[day.month], d=day.day, y=day.year)
    f = only(f"On {text} it rained.")
    assert f.attrs == {"when": day.isoformat()}


@given(days, st.sampled_from(["{M}, {y}", "{M} {y}"]))
def test_months(day, pattern):
    text = pattern.format(M=calendar.month_name[day.month], y=day.year)
    assert only(f"In {text} it rained.").attrs == {"when": f"{day.year:04d}-{day.month:02d}"}


@given(years, st.integers(min_value=1, max_value=30))
def test_year_ranges(first, span):
    last = min(first + span, 2099)
    for text in (f"{first}-{last}", f"{first}-{str(last)[-2:]}" if last // 100 == first // 100
                 else f"{first}-{last}", f"between {first} and {last}"):
        f = only(f"It lasted {text}.")
        assert f.attrs == {"from": str(first), "to": str(last)}


@given(years, st.sampled_from(["spring", "summer", "autumn", "fall", "winter"]))
def test_seasons_are_intervals(year, season):
    f = only(f"In the {season} of {year} it rained.")
    assert f.attrs["notBefore"] < f.attrs["notAfter"]
    assert f.attrs["notBefore"].startswith(str(year))


@given(st.integers(min_value=140, max_value=209))
def test_decades(tens):
    f = only(f"In the {tens}0s it rained.")
    assert f.attrs == {"notBefore": f"{tens}0", "notAfter": f"{tens}9"}


@given(st.integers(min_value=0, max_value=99999))
def test_numbers_without_a_date_cue_are_not_dates(n):
    for text in (f"page {n}", f"{n:,} francs", f"{n} men", f"his novel {n}", f"(p. {n})"):
        assert dates.find(text) == [], text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
       | st.from_regex(r"(in |the |from |between )?1[4-9]\d\d([-,] ?\d{1,4})?( and \d{4})?"))
def test_any_text_gives_valid_non_overlapping_dates(text):
    found = dates.find(text)
    end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text) and f.start >= end
        end = f.end
        for value in f.attrs.values():
            assert W3C.fullmatch(value), (text, f)
        for low, high in (("from", "to"), ("notBefore", "notAfter")):
            if low in f.attrs:
                assert f.attrs[low] <= f.attrs[high], (text, f)


def test_relative_dates_stay_untagged():
    assert dates.find("Two months later, on December 1, the same man shot him.") == []
