"""The HTML view in a real browser: Debian's headless Chromium, driven by Playwright.

CI installs the ``chromium`` package (.ci/run); where no browser can be installed these tests
skip and say why. Playwright never downloads a browser here: it drives /usr/bin/chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import arquotes
from arquotes.evaluate import evaluate_documents
from arquotes.gold import load_gold
from arquotes.render import render_evaluation, render_html

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
"""Chromium as root on a closed network: no sandbox, no background connections."""

SEED = Path(__file__).parent.parent / "seeds" / "000_0707ee13b42fe2f3.txt"
CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (the 'browser' extra)")
    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=FLAGS)  # a fresh empty profile each launch
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        yield opened
    finally:
        opened.close()


def _open(page: Page, html: str, path: Path) -> None:
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())


def _screenshot(page: Page, path: Path) -> None:
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_seed_article_renders_highlights_speakers_and_rtl(page: Page, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    extraction = arquotes.extract(text)
    _open(page, render_html(text, extraction, title="seed 000"), tmp_path / "view.html")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.body')).direction") == "rtl"
    kinds = {"direct": 0, "mixed": 0}
    for quote in extraction.quotes:
        kinds[quote.kind.value] += 1
    for kind, count in [*kinds.items(), ("claim", len(extraction.claims))]:
        assert page.locator(f".body mark.item.{kind}[id]").count() == count
    speakers = page.locator("aside li.speaker")
    assert speakers.count() == len(extraction.speakers)
    first = extraction.speakers[0]
    assert first.name in speakers.first.inner_text()
    # A speaker's item in the side list jumps to its highlight.
    link = page.locator("aside li.speaker a").last
    target = link.get_attribute("href")
    assert target is not None
    link.click()
    assert page.evaluate("location.hash") == target
    in_view = page.evaluate(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }", target[1:])
    assert in_view is True
    # The highlight takes its speaker's colour, the one of the speaker's swatch.
    colours = page.evaluate(
        "(id) => { const item = document.getElementById(id);"
        " const speaker = document.querySelector(`a[href='#${id}']`).closest('li.speaker');"
        " const swatch = speaker.querySelector('.swatch');"
        " return [getComputedStyle(item).getPropertyValue('--c'),"
        " getComputedStyle(swatch).getPropertyValue('--c'),"
        " getComputedStyle(swatch).backgroundColor]; }", target[1:])
    assert colours[0].startswith("hsl(")
    assert colours[0] == colours[1]
    assert colours[2] not in ("rgba(0, 0, 0, 0)", "transparent")
    _screenshot(page, tmp_path / "view.png")


def test_hostile_article_stays_text_in_the_browser(page: Page, tmp_path: Path) -> None:
    hostile = 'قال الوزير: "<script>document.title = \'pwned\'</script> & <b>bold</b>"'
    _open(page, render_html(hostile, title="hostile"), tmp_path / "hostile.html")
    assert page.title() == "hostile"
    assert page.locator(".body script, .body b").count() == 0
    assert page.locator(".body").inner_text() == hostile


def test_evaluation_view_marks_differences(page: Page, tmp_path: Path) -> None:
    documents = [load_gold(p) for p in sorted(CORPUS.glob("*.json"))[:8]]
    report = evaluate_documents(documents)
    extractions = {d.text: arquotes.extract(d.text) for d in documents}
    _open(page, render_evaluation(report, documents, extractions), tmp_path / "eval.html")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("table.scores tr[data-row]").count() == 4
    assert page.locator("section.article").count() == len(documents)
    found = [d for r in report.documents for d in r.discrepancies if d.span.end > d.span.start]
    assert page.locator(".body .diff[id]").count() == len(found)
    if found:
        link = page.locator("ul.diffs a").first
        link.click()
        assert page.evaluate("location.hash") == link.get_attribute("href")
    _screenshot(page, tmp_path / "eval.png")


def test_served_page_takes_a_pasted_article(page: Page) -> None:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed")
    from served import serving

    text = 'قال وزير الخارجية سيرغي لافروف: "نحن مستعدون للحوار & <i>الحل</i>".'
    with serving() as port:
        page.goto(f"http://127.0.0.1:{port}/")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        page.fill("textarea[name=text]", text)
        page.click("button[type=submit]")
        page.wait_for_selector(".body")
        assert page.url.endswith("/extract?format=html")
        assert page.locator(".body").inner_text() == text
        assert page.locator(".body mark.item.direct[id]").count() == 1
        assert page.locator(".body i").count() == 0
        assert "سيرغي لافروف" in page.locator("aside li.speaker").first.inner_text()
