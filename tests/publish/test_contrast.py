"""WCAG AA contrast of the edition's colours (4.5:1 for text), read from the stylesheet."""

from __future__ import annotations

import re

from tei.publish.html import ASSETS


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_colours_meet_wcag_aa():
    css = (ASSETS / "edition.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    for name in ("text", "muted", "link"):
        assert contrast(colours[name], colours["paper"]) >= 4.5, name
        assert contrast(colours[name], "#ffffff") >= 4.5, name
    assert contrast(colours["text"], colours["mark"]) >= 4.5
