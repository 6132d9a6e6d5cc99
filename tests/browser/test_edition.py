"""The reference corpus edition in Debian's chromium, as a reader uses it (Playwright).
Screenshots go to build/screenshots/ for a person to look at."""

from __future__ import annotations

import shutil

import pytest
from lxml import etree

from tei.publish.html import render
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "build" / "screenshots"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory, corpus_linked):
    out = tmp_path_factory.mktemp("edition")
    render(etree.ElementTree(corpus_linked), out)
    return out


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.errors.append(f"external request {r.url}")
            if not r.url.startswith(("file:", "data:", "about:")) else None)
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_pages_load_without_errors_or_requests(site, page):
    for name in ("index.html", "persons.html", "places.html", "organisations.html"):
        page.goto((site / name).as_uri())
        assert page.title()
    assert page.errors == []


def test_reading_text_and_page_breaks(site, page):
    page.goto((site / "index.html").as_uri())
    assert page.locator(".pb").count() == 114
    text = page.inner_text("main")
    assert "catastrophe" in text and "non-Communist" in text and "common criminals" in text
    assert "Wlas" not in text
    page.check("#diplomatic")
    assert "Wlas" in page.inner_text("main")
    page.uncheck("#diplomatic")
    page.goto((site / "index.html").as_uri() + "#section-4")
    shot(page, "corpus-section-4")
    page.goto((site / "index.html").as_uri())
    shot(page, "corpus-title-page")


def test_note_opens_on_click_and_on_enter(site, page):
    page.goto((site / "index.html").as_uri())
    call = page.locator("a.note-call").nth(1)
    call.click()
    popup = page.locator(".note-popup")
    assert popup.count() == 1
    assert "end of Foreword" in popup.inner_text()
    assert call.get_attribute("aria-expanded") == "true"
    shot(page, "corpus-note-popup")
    page.keyboard.press("Escape")
    assert page.locator(".note-popup").count() == 0
    call.focus()
    page.keyboard.press("Enter")
    assert page.locator(".note-popup").count() == 1
    assert page.locator(".note-popup").get_attribute("role") == "dialog"
    assert page.errors == []


def test_search_finds_kronstadt_and_jumps(site, page):
    page.goto((site / "index.html").as_uri())
    page.fill("#search-box", "Kronstadt")
    page.wait_for_selector("#search-results a[data-id]")
    assert page.locator("#search-results a[data-id]").count() >= 5
    shot(page, "corpus-search")
    page.locator("#search-results a[data-id]").first.click()
    target = page.evaluate("location.hash").lstrip("#")
    assert "Kronstadt" in page.inner_text(f"[id='{target}']")
    assert page.locator("main mark").first.inner_text() == "Kronstadt"
    assert page.locator("main mark").first.is_visible()


def test_search_from_a_register_page(site, page):
    page.goto((site / "persons.html").as_uri())
    page.fill("#search-box", "Wendepunkt")
    page.keyboard.press("Enter")
    page.wait_for_url("**/index.html#*")
    page.wait_for_selector("main mark")
    assert page.locator("main mark").first.inner_text() == "Wendepunkt"
    assert page.errors == []


def test_persons_page_links_land_on_the_paragraph(site, page):
    page.goto((site / "persons.html").as_uri() + "#tukhachevsky")
    entries = page.locator("#tukhachevsky ol.occurrences > li a")
    count = entries.count()
    assert count > 80
    assert f"Occurrences ({count})" in page.inner_text("#tukhachevsky h3")
    shot(page, "corpus-persons")
    hrefs = [entries.nth(i).get_attribute("href") for i in (0, count // 2, count - 1)]
    for href in hrefs:
        page.goto((site / href).as_uri() if "#" not in href else
                  (site / href.split("#")[0]).as_uri() + "#" + href.split("#")[1])
        paragraph = page.locator(":target").evaluate("e => e.closest('p, li, h2, h3').innerText")
        assert "Tukhachevsky" in paragraph


def test_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    call = page.locator("a.note-call").first
    call.click()
    assert page.evaluate("location.hash") == "#note-1"
    assert page.locator("#note-1").is_visible()
    assert page.locator(".pb").count() == 114
    context.close()
