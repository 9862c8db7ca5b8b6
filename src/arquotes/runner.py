"""Run extraction over a stream of articles, in order, in one or several processes.

Results come back in input order with a bounded number of articles in flight, so memory stays
constant however long the corpus. Worker processes ignore SIGINT: Ctrl-C reaches the parent,
which stops them and ends cleanly.
"""

from __future__ import annotations

import json
import multiprocessing
import signal
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING

import attrs

from arquotes.extract import extract
from arquotes.policy import Violation, find_violations
from arquotes.writers import record_dict

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from multiprocessing.pool import AsyncResult

    from arquotes.model import Extraction
    from arquotes.readers import Article

__all__ = ["Outcome", "Task", "run"]

_BATCH = 8
_BATCHES_PER_WORKER = 2


@attrs.frozen(kw_only=True)
class Task:
    """What to do with each article: extract, and for ``check``, apply the policy."""

    check: bool = False
    min_confidence: float = 0.0
    render_json: bool = False
    """Have the worker render the JSON record, so the parent only writes text: unpickling
    extractions and serialising them in the parent would halve what a second core gains."""


@attrs.frozen(kw_only=True)
class Outcome:
    """The result for one article: an extraction (and violations), or an error."""

    article_id: str
    source: str
    extraction: Extraction | None = None
    violations: tuple[Violation, ...] = ()
    error: str | None = None
    record: str | None = None
    """The JSON record, already rendered by a worker (see `Task.render_json`)."""


def process(article: Article, task: Task) -> Outcome:
    """Extract one article; an unreadable article or an extractor crash gives an error."""
    if article.text is None:
        return Outcome(
            article_id=article.article_id,
            source=article.source,
            error=article.error or "no text",
        )
    try:
        extraction = extract(article.text)
    except Exception as exc:  # noqa: BLE001 - one bad article must not end the run.
        return Outcome(
            article_id=article.article_id,
            source=article.source,
            error=f"extraction failed: {type(exc).__name__}: {exc}",
        )
    violations = (
        find_violations(
            article.text,
            extraction,
            source=article.source,
            min_confidence=task.min_confidence,
            line=article.line,
        )
        if task.check
        else ()
    )
    return Outcome(
        article_id=article.article_id,
        source=article.source,
        extraction=extraction,
        violations=violations,
    )


def _process_batch(batch: list[Article], task: Task) -> list[Outcome]:
    outcomes = [process(article, task) for article in batch]
    if task.render_json:
        outcomes = [
            attrs.evolve(o, extraction=None, record=json.dumps(record_dict(o), ensure_ascii=False))
            if o.extraction is not None else o
            for o in outcomes
        ]
    return outcomes


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, _BATCH)):
        yield batch


def run(articles: Iterable[Article], task: Task, jobs: int = 1) -> Iterator[Outcome]:
    """Yield one `Outcome` per article, in input order, using ``jobs`` processes."""
    if jobs <= 1:
        for article in articles:
            yield process(article, task)
        return
    window = jobs * _BATCHES_PER_WORKER
    extract("")  # build the lexicon and patterns once, before the workers fork
    with multiprocessing.get_context().Pool(jobs, initializer=_ignore_sigint) as pool:
        pending: deque[AsyncResult[list[Outcome]]] = deque()
        for batch in _batches(articles):
            pending.append(pool.apply_async(_process_batch, (batch, task)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
