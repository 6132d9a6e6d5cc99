from __future__ import annotations

import pytest

from tei.enrich import foreign


@pytest.mark.parametrize(("text", "lang"), [
    ("Ist die Sowjetregierung eine faschistische Regierung", "de"),
    ("und Kronstadt war der Wendepunkt", "de"),
    ("Da hast recht", "de"),
])
def test_identifies_german(text, lang):
    assert foreign.candidates(text) == [(0, len(text))]
    assert foreign.identify(text) == lang


@pytest.mark.parametrize("text", [
    "Krivitsky told me that he was right",
    "In 1925 Krivitsky met Paul Wohl in Berlin.",
    "Hitler and Stalin",
    "the Reichswehr generals were pleased",
    "Stalin's Purges",
])
def test_english_is_no_candidate(text):
    assert foreign.candidates(text) == []


def test_translation_after_a_dash_is_cut_off():
    text = '"und Kronstadt war der Wendepunkt - You are right, and Kronstadt was the turning."'
    spans = foreign.candidates(text)
    assert [text[a:b] for a, b in spans] == ["und Kronstadt war der Wendepunkt"]
