"""Exact calendar days written out in English (``August 17, 2019``) as ISO dates."""

from __future__ import annotations

import re
from datetime import datetime

_DAY = re.compile(r"([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s*(\d{4})")


def parse_day(text: str) -> str | None:
    """``"August 17, 2019"`` -> ``"2019-08-17"``; None if ``text`` is not exactly a day."""
    m = _DAY.fullmatch(text.strip())
    if not m:
        return None
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(" ".join(m.groups()), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def find_trailing_day(text: str) -> re.Match | None:
    """A day at the end of ``text`` (as in a byline ``by X, August 17, 2019``)."""
    m = re.search(r"[A-Z][a-z]+\.?\s+\d{1,2},?\s*\d{4}$", text)
    return m if m and parse_day(m.group()) else None
