"""The HTML review view: articles with their quotes, claims and speakers highlighted.

Every page is self-contained (CSS inline, no script, nothing fetched), right to left, and
every text that comes from an article is escaped: the templates autoescape and the article
body is built by `arquotes.highlight`, which escapes each piece of text it writes. Pages:

- `render_html`: one article; `render_corpus`: many, one section each with an index;
- `render_evaluation`: gold against prediction, misses, spurious items and wrong speakers;
- `render_check`: a newsroom's report of `arquotes check` violations.

Speakers are coloured by their position in `Extraction.speakers` (the same colours on every
page); direct quotes, mixed quotes and claims differ by style, and quotes with no speaker by a
red outline.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import jinja2
from markupsafe import Markup

from arquotes.errors import ArquotesError
from arquotes.evaluate import ROWS
from arquotes.extract import extract
from arquotes.highlight import Mark, highlight
from arquotes.model import Attribution, Extraction, QuoteKind, Span, Speaker, SpeakerIndex

if TYPE_CHECKING:
    from arquotes.evaluate import Discrepancy, DocumentResult, Report, Score
    from arquotes.gold import GoldDocument, GoldItem
    from arquotes.policy import Violation

__all__ = [
    "ArticleInput",
    "RenderError",
    "render_check",
    "render_corpus",
    "render_evaluation",
    "render_html",
    "render_page",
]

_EXCERPT = 70
_GOLDEN_ANGLE = 137.508
"""Degrees between the hues of consecutive speakers: neighbours never look alike."""


class RenderError(ArquotesError, ValueError):
    """Raised when an extraction does not belong to the text given with it."""


@attrs.frozen(kw_only=True)
class ArticleInput:
    """One article of a corpus page: its text and extraction, or why there is none."""

    article_id: str
    source: str = ""
    text: str | None = None
    extraction: Extraction | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class ItemView:
    """One quote or claim in the side list: where it is and what it says."""

    anchor: str
    kind: str
    """``direct``, ``mixed`` or ``claim``."""
    excerpt: str
    title: str


@attrs.frozen(kw_only=True)
class SpeakerView:
    """One speaker in the side list, with the items attributed to it."""

    index: int
    name: str
    kind: str
    items: tuple[ItemView, ...]


@attrs.frozen(kw_only=True)
class ArticleView:
    """Everything a template needs for one article."""

    anchor: str
    article_id: str
    source: str
    body: Markup | None
    speakers: tuple[SpeakerView, ...] = ()
    unattributed: tuple[ItemView, ...] = ()
    counts: Mapping[str, int] = attrs.field(factory=dict)
    error: str | None = None


@attrs.frozen(kw_only=True)
class _EvaluatedArticle:
    """One article of the evaluation page: its view, its scores and its differences."""

    view: ArticleView
    result: DocumentResult
    diffs: list[dict[str, str]]

    @property
    def score(self) -> Score:
        """The article's figures over all kinds."""
        return self.result.score("all")

    @property
    def problems(self) -> dict[str, int]:
        """How many differences of each sort."""
        problems = ("missed", "spurious", "speaker")
        return {p: sum(1 for d in self.result.discrepancies if d.problem == p) for p in problems}


def render_html(text: str, extraction: Extraction | None = None, *, title: str = "") -> str:
    """One self-contained HTML page showing ``extraction`` of ``text`` (default: extract it).

    Raises `RenderError` when an item's span does not hold its text in ``text``.
    """
    result = extract(text) if extraction is None else extraction
    article = ArticleInput(article_id=title or "article", text=text, extraction=result)
    return render_corpus([article], title=title)


def render_corpus(articles: Iterable[ArticleInput], *, title: str = "") -> str:
    """One page for many articles: an index, then one section per article."""
    views = [_article_view(a, f"a{n}") for n, a in enumerate(articles)]
    return render_page(
        "view.html.j2",
        title=title or "arquotes",
        articles=views,
        speaker_count=_speaker_count(views),
    )


def render_evaluation(
    report: Report,
    documents: Sequence[GoldDocument],
    extractions: Mapping[str, Extraction],
    *,
    title: str = "",
) -> str:
    """Gold against prediction: the score table, then each article with its differences.

    ``extractions`` maps an article text to what the extractor gave for it; an article
    missing there (the extractor crashed) shows its gold items and misses only.
    """
    sections: list[_EvaluatedArticle] = []
    for n, (document, result) in enumerate(zip(documents, report.documents, strict=True)):
        anchor = f"a{n}"
        extraction = extractions.get(document.text, Extraction())
        diffs = _diff_marks(result.discrepancies, anchor)
        view = _article_view(
            ArticleInput(article_id=document.doc_id, source=str(document.path or ""),
                         text=document.text, extraction=extraction),
            anchor,
            extra=[*_gold_marks(document.items), *(mark for mark, _ in diffs)],
        )
        sections.append(_EvaluatedArticle(view=view, result=result, diffs=[d for _, d in diffs]))
    return render_page(
        "evaluate.html.j2",
        title=title or "arquotes: gold against prediction",
        report=report,
        scores=[report.score(row) for row in ROWS],
        sections=sections,
        speaker_count=_speaker_count(s.view for s in sections),
    )


def render_check(
    violations: Sequence[Violation], errors: Sequence[tuple[str, str]], *, title: str = ""
) -> str:
    """A report of `arquotes check` violations, grouped by file; ``errors`` are (file, why)."""
    by_file: dict[str, list[Violation]] = {}
    for violation in violations:
        by_file.setdefault(violation.source, []).append(violation)
    return render_page(
        "check.html.j2",
        title=title or "arquotes check",
        files=sorted(by_file.items()),
        violations=violations,
        errors=errors,
    )


def render_page(template: str, **context: Any) -> str:
    """Render one of the package's templates (autoescaped) with ``context``."""
    return _environment().get_template(template).render(**context)


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("arquotes", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["speaker_hue"] = speaker_hue
    return environment


def speaker_hue(index: int) -> int:
    """The hue (degrees) of the speaker at ``index``: fixed, so colours agree across pages."""
    return round(index * _GOLDEN_ANGLE) % 360


def _speaker_count(views: Iterable[ArticleView]) -> int:
    return max((len(v.speakers) for v in views), default=1) or 1


def _article_view(article: ArticleInput, anchor: str, extra: Sequence[Mark] = ()) -> ArticleView:
    """The view of one article; ``extra`` marks (gold, differences) go over the items."""
    if article.text is None or article.extraction is None:
        return ArticleView(anchor=anchor, article_id=article.article_id, source=article.source,
                           body=None, error=article.error or "no text")
    text, extraction = article.text, article.extraction
    index = SpeakerIndex(extraction.speakers)
    speakers = list(extraction.speakers)
    items: list[tuple[str, Span, str, Attribution | None]] = [
        ("mixed" if q.kind is QuoteKind.MIXED else "direct", q.span, q.text, q.attribution)
        for q in extraction.quotes
    ]
    items.extend(("claim", c.span, c.text, c.attribution) for c in extraction.claims)
    marks: list[Mark] = []
    owned: dict[int, list[ItemView]] = {}
    unattributed: list[ItemView] = []
    for n, (kind, span, words, attribution) in enumerate(items):
        _check_span(text, span, words, article.article_id)
        who = _speaker_position(attribution, index, speakers)
        item = ItemView(anchor=f"{anchor}-i{n}", kind=kind, excerpt=_excerpt(words),
                        title=_item_title(kind, attribution))
        colour = "unattributed" if who is None else f"sp{who}"
        marks.append(Mark(start=span.start, end=span.end, classes=("item", kind, colour),
                          title=item.title, anchor=item.anchor))
        marks.extend(_attribution_marks(attribution, who))
        (unattributed if who is None else owned.setdefault(who, [])).append(item)
    views = tuple(
        SpeakerView(index=i, name=s.name, kind=s.kind.value, items=tuple(owned.get(i, ())))
        for i, s in enumerate(speakers)
    )
    counts = {kind: sum(1 for k, *_ in items if k == kind) for kind in ("direct", "mixed", "claim")}
    return ArticleView(
        anchor=anchor,
        article_id=article.article_id,
        source=article.source,
        body=highlight(text, _unique([*marks, *extra])),
        speakers=views,
        unattributed=tuple(unattributed),
        counts=counts,
    )


def _check_span(text: str, span: Span, words: str, article_id: str) -> None:
    if span.end > len(text) or text[span.start : span.end] != words:
        raise RenderError(
            f"{article_id}: item at {span.start}-{span.end} does not match the text given"
            f" ({_excerpt(words)!r}): was the extraction made from another text?"
        )


def _speaker_position(
    attribution: Attribution | None, index: SpeakerIndex, speakers: list[Speaker]
) -> int | None:
    """The speaker's position in ``speakers``; one not listed there is added at the end."""
    if attribution is None or attribution.speaker is None:
        return None
    found = index.index(attribution.speaker)
    if isinstance(found, int):
        return found
    if attribution.speaker not in speakers:
        speakers.append(attribution.speaker)
    return speakers.index(attribution.speaker)


def _attribution_marks(attribution: Attribution | None, who: int | None) -> list[Mark]:
    """The cue (underlined) and the speaker's mention of an attribution."""
    if attribution is None:
        return []
    marks = []
    cue = attribution.cue
    if cue is not None:
        negated = ", negated" if cue.negated else ""
        marks.append(Mark(start=cue.span.start, end=cue.span.end, tag="span", classes=("cue",),
                          title=f"cue: {cue.lemma} ({cue.category.value}{negated})"))
    if attribution.mention is not None and attribution.speaker is not None:
        mention = attribution.mention
        marks.append(Mark(start=mention.start, end=mention.end, tag="span",
                          classes=("mention", f"sp{who}"),
                          title=f"speaker: {attribution.speaker.name}"))
    return marks


def _unique(marks: Iterable[Mark]) -> list[Mark]:
    """Each cue and mention once, however many items share it; order kept."""
    return list(dict.fromkeys(marks))


def _item_title(kind: str, attribution: Attribution | None) -> str:
    label = {"direct": "direct quote", "mixed": "mixed quote", "claim": "claim"}[kind]
    if attribution is None or attribution.speaker is None:
        return f"{label} · no speaker"
    parts = [label, f"speaker: {attribution.speaker.name}"]
    if attribution.cue is not None:
        parts.append(f"cue: {attribution.cue.lemma} ({attribution.cue.category.value})")
    parts.append(f"confidence {attribution.confidence:.2f}")
    return " · ".join(parts)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def _gold_marks(items: Iterable[GoldItem]) -> list[Mark]:
    return [
        Mark(start=g.span.start, end=g.span.end, tag="span", classes=("gold", g.kind),
             title=f"gold {g.kind} · speaker: {g.speaker or '?'}")
        for g in items
    ]


def _diff_marks(
    discrepancies: Iterable[Discrepancy], anchor: str
) -> list[tuple[Mark, dict[str, str]]]:
    """A mark and a side-list entry for each difference."""
    found = []
    for n, d in enumerate(discrepancies):
        link = f"{anchor}-d{n}"
        mark = Mark(start=d.span.start, end=d.span.end, tag="span",
                    classes=("diff", d.problem), title=d.describe(), anchor=link)
        found.append((mark, {"anchor": link, "problem": d.problem, "row": d.row,
                             "excerpt": _excerpt(d.text), "gold": d.gold_speaker or "—",
                             "predicted": d.predicted_speaker or "—"}))
    return found


