"""The HTML view (render.py, highlight.py) and the commands writing it (--format html, --html)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arquotes
from arquotes.cli import main
from arquotes.evaluate import evaluate_documents
from arquotes.gold import load_gold
from arquotes.highlight import Mark, highlight
from arquotes.model import Claim, Extraction, Quote, Span
from arquotes.render import RenderError, render_evaluation, render_html

SEED = Path(__file__).parent.parent / "seeds" / "000_0707ee13b42fe2f3.txt"
CORPUS = Path(__file__).parent / "corpus"
HOSTILE = 'قال الوزير: "<script>alert(1)</script> & \'x\' "مؤكد" </div>" <img src=x onerror=y>'

_VOID = {"meta", "br", "img", "link", "input", "hr"}


class Page(HTMLParser):
    """A page read into its elements, checking that every element closes where it should."""

    def __init__(self, html: str) -> None:
        """Parse ``html`` at once."""
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.body_text: list[str] = []
        self._body_depth: int | None = None
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element; open it unless it is void."""
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag in _VOID:
            return
        self.stack.append(tag)
        if tag == "div" and "body" in attributes.get("class", "").split():
            self._body_depth = len(self.stack)
            self.body_text.append("")

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost element, which must be ``tag``."""
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        if self._body_depth == len(self.stack):
            self._body_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        """Keep the text of article bodies."""
        if self._body_depth is not None:
            self.body_text[-1] += data

    def having(self, tag: str, *classes: str, attribute: str | None = None) -> list[dict[str, str]]:
        """Attributes of every ``tag`` element with all ``classes`` (and ``attribute``)."""
        return [
            a for t, a in self.elements
            if t == tag and set(classes) <= set(a.get("class", "").split())
            and (attribute is None or attribute in a)
        ]


def test_page_is_rtl_arabic_and_self_contained() -> None:
    page = Page(render_html(SEED.read_text(encoding="utf-8")))
    assert ("html", {"lang": "ar", "dir": "rtl"}) in page.elements
    tags = {t for t, _ in page.elements}
    assert not tags & {"script", "link", "img", "iframe"}
    hrefs = [a["href"] for t, a in page.elements if "href" in a]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert not [a for _, a in page.elements if "src" in a]


def test_article_text_is_kept_exactly_and_escaped() -> None:
    html = render_html(HOSTILE)
    page = Page(html)
    assert page.body_text == [HOSTILE]
    assert "<script>" not in html
    assert "<img" not in html
    assert not page.having("img") and not page.having("script")


def test_highlights_match_the_extraction() -> None:
    text = SEED.read_text(encoding="utf-8")
    extraction = arquotes.extract(text)
    page = Page(render_html(text, extraction))
    direct = [q for q in extraction.quotes if q.kind.value == "direct"]
    mixed = [q for q in extraction.quotes if q.kind.value == "mixed"]
    assert len(page.having("mark", "item", "direct", attribute="id")) == len(direct)
    assert len(page.having("mark", "item", "mixed", attribute="id")) == len(mixed)
    assert len(page.having("mark", "item", "claim", attribute="id")) == len(extraction.claims)
    speakers = page.having("li", "speaker")
    assert [s["data-speaker"] for s in speakers] == [str(i) for i in range(len(speakers))]
    assert len(speakers) == len(extraction.speakers)
    cues = {q.attribution.cue.span for q in extraction.quotes
            if q.attribution and q.attribution.cue}
    assert len(page.having("span", "cue")) >= len(cues) > 0
    assert page.having("span", "mention")


def test_every_link_has_its_target() -> None:
    page = Page(render_html(SEED.read_text(encoding="utf-8")))
    ids = [a["id"] for _, a in page.elements if "id" in a]
    assert len(ids) == len(set(ids))
    targets = {a["href"][1:] for t, a in page.elements if t == "a"}
    assert targets <= set(ids)


def test_hover_says_speaker_cue_and_confidence() -> None:
    text = 'قال وزير الخارجية سيرغي لافروف: "نحن مستعدون للحوار".'
    extraction = arquotes.extract(text)
    attribution = extraction.quotes[0].attribution
    assert attribution and attribution.speaker and attribution.cue
    title = Page(render_html(text, extraction)).having("mark", "item", "direct", attribute="id")[0][
        "title"]
    assert attribution.speaker.name in title
    assert attribution.cue.lemma in title
    assert attribution.cue.category.value in title
    assert f"{attribution.confidence:.2f}" in title


def test_quote_without_speaker_stands_out() -> None:
    text = 'وفي الشارع "هذا كلام طويل جدا بلا قائل معروف في النص كله".'
    extraction = Extraction(quotes=(Quote(text=text[12:-2], span=Span(12, len(text) - 2)),))
    page = Page(render_html(text, extraction))
    marks = page.having("mark", "item", "unattributed", attribute="id")
    assert len(marks) == 1
    assert "no speaker" in marks[0]["title"]
    assert page.having("ul", "unattributed")


def test_speaker_colour_follows_speaker_index() -> None:
    text = SEED.read_text(encoding="utf-8")
    extraction = arquotes.extract(text)
    marks = Page(render_html(text, extraction)).having("mark", "item", attribute="id")
    classes = {int(m["id"].rsplit("-i", 1)[1]): m["class"].split() for m in marks}
    items: list[Quote | Claim] = [*extraction.quotes, *extraction.claims]  # render's numbering
    assert len(classes) == len(items)
    for number, item in enumerate(items):
        who = item.attribution.speaker if item.attribution else None
        wanted = "unattributed" if who is None else f"sp{extraction.speakers.index(who)}"
        assert wanted in classes[number]
    assert len({c for cs in classes.values() for c in cs if c.startswith("sp")}) > 1


def test_extraction_of_another_text_is_refused() -> None:
    extraction = arquotes.extract('قال الوزير: "نحن هنا"')
    with pytest.raises(RenderError, match="another text"):
        render_html("نص آخر تماما لا علاقة له", extraction)


@given(
    st.text(alphabet='ab<>&"\' \nقال', max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_highlight_nests_any_spans_and_keeps_the_text(
        text: str, spans: list[tuple[int, int]]) -> None:
    marks = [
        Mark(start=min(a, b), end=max(a, b), classes=("m",), anchor=f"m{n}", title=text[:5])
        for n, (a, b) in enumerate(spans)
    ]
    html = f'<div class="body">{highlight(text, marks)}</div>'
    page = Page(html)  # raises on a badly nested or unclosed element
    assert page.body_text == [text]
    kept = [m for m in marks if m.start < m.end <= len(text)]
    assert len(page.having("mark", "m", attribute="id")) == len(kept)


def _main(*args: str) -> int:
    return main(list(args))


def test_extract_format_html_covers_a_corpus(tmp_path: Path) -> None:
    records = tmp_path / "corpus.jsonl"
    seed_text = SEED.read_text(encoding="utf-8")
    lines = [{"id": "one", "text": seed_text}, {"id": "two", "text": HOSTILE}, {"id": "bad"}]
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n",
                       encoding="utf-8")
    out = tmp_path / "view.html"
    assert _main("extract", str(records), "--format", "html", "-o", str(out)) == 2  # "bad"
    page = Page(out.read_text(encoding="utf-8"))
    sections = page.having("section", "article")
    assert [s["data-id"] for s in sections] == ["one", "two", "bad"]
    assert page.body_text == [seed_text, HOSTILE]
    assert {a["href"] for a in page.having("a")} >= {"#a0", "#a1", "#a2"}
    assert len(page.having("p", "error")) == 1


def test_extract_format_html_with_workers_equals_one_process(tmp_path: Path) -> None:
    pages = []
    for jobs in ("1", "2"):
        out = tmp_path / f"view{jobs}.html"
        assert _main("extract", str(SEED.parent), "--format", "html", "-o", str(out),
                     "-j", jobs) == 0
        pages.append(out.read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    inputs = [p for p in SEED.parent.iterdir() if p.suffix in (".txt", ".json")]
    assert len(Page(pages[0]).body_text) == len(inputs) > 1


def _gold_sample() -> list[Path]:
    return sorted(CORPUS.glob("*.json"))[:6]


def test_evaluate_html_marks_every_difference(tmp_path: Path) -> None:
    paths = _gold_sample()
    out = tmp_path / "eval.html"
    assert _main("evaluate", *map(str, paths), "--html", str(out)) == 0
    page = Page(out.read_text(encoding="utf-8"))
    documents = [load_gold(p) for p in paths]
    report = evaluate_documents(documents)
    found = [d for r in report.documents for d in r.discrepancies if d.span.end > d.span.start]
    assert len(page.having("span", "diff", attribute="id")) == len(found)
    for problem in ("missed", "spurious", "speaker"):
        assert len(page.having("span", "diff", problem, attribute="id")) == sum(
            1 for d in found if d.problem == problem)
    assert len(page.having("span", "gold")) >= sum(len(d.items) for d in documents)
    assert page.body_text == [d.text for d in documents]
    rows = page.having("tr", attribute="data-row")
    assert [r["data-row"] for r in rows] == ["direct", "mixed", "indirect", "all"]


def test_evaluation_page_shows_the_report_figures() -> None:
    documents = [load_gold(p) for p in _gold_sample()]
    report = evaluate_documents(documents)
    extractions = {d.text: arquotes.extract(d.text) for d in documents}
    html = render_evaluation(report, documents, extractions)
    for score in report.scores.values():
        assert f'<td class="num">{score.f1:.3f}</td>' in html
        assert f'<td class="num">{score.e2e_f1:.3f}</td>' in html


def test_evaluate_html_refuses_a_bad_path_before_extracting(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _main("evaluate", str(_gold_sample()[0]), "--html", "/nonexistent/x.html") == 2
    captured = capsys.readouterr()
    assert "cannot write /nonexistent/x.html" in captured.err
    assert "files" not in captured.out


def test_check_format_html_lists_what_json_lists(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(HOSTILE + '\nوفي الشارع "هذا كلام طويل جدا بلا قائل معروف في النص كله".\n',
                       encoding="utf-8")
    assert _main("check", str(article), "--format", "json") == 1
    violations = json.loads(capsys.readouterr().out)["violations"]
    assert _main("check", str(article), "--format", "html") == 1
    html = capsys.readouterr().out
    page = Page(html)
    rows = page.having("tr", "violation")
    assert len(rows) == len(violations) > 0
    assert "<script>" not in html
