"""Extract many articles from Python with the command line's guarantees (`extract_many`).

Results come in input order, the input is read lazily with a bounded number of articles in
flight (an endless generator works), and an article that fails (not a `str`, or the extractor
raised) gives a result with an ``error`` instead of an exception that would lose the rest.
The work is done by `arquotes.runner.run`, the same code as ``arquotes extract -j N``.
"""

from __future__ import annotations

import math
import multiprocessing
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import attrs

from arquotes import runner
from arquotes.model import Extraction
from arquotes.readers import Article

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from arquotes.extract import Extractor

__all__ = ["BatchResult", "extract_many", "run_with", "with_extractor"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class BatchResult:
    """The result for one article of `extract_many`: an extraction or an error."""

    index: int
    """The article's 0-based position in the input."""
    extraction: Extraction | None = None
    error: str | None = None
    """Why there is no extraction: ``expected the article as str, got bytes``,
    ``extraction failed: <exception>``."""


def extract_many(
    texts: Iterable[str],
    *,
    jobs: int = 1,
    extractor: Extractor | None = None,
    timeout: float | None = None,
) -> Iterator[BatchResult]:
    """Extract every article of ``texts``, one `BatchResult` each, in input order.

    ``jobs`` > 1 runs that many worker processes. Memory stays bounded: ``texts`` is read only
    a few batches ahead of the results taken, so it may be a generator over a huge corpus.
    ``extractor`` (an `Extractor` with a lexicon of your own) is used instead of
    `arquotes.extract`; on platforms that do not fork, it runs in this process only (jobs=1).
    ``timeout`` gives each article that many seconds (as ``arquotes extract --timeout``): an
    article over budget gets the error ``timed out after N s (--timeout)`` and the rest goes
    on; off the main thread, a run with a timeout uses a worker process even for jobs=1.
    Raises `ValueError` for ``jobs`` < 1 or a ``timeout`` that is not a positive number of
    seconds; everything about an article is reported in its result. Close the iterator (or
    exhaust it) to stop the workers early.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs!r}")
    if timeout is not None and (
            isinstance(timeout, bool) or not isinstance(timeout, (int, float))
            or not (0 < timeout < math.inf)):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    articles = (_article(index, text) for index, text in enumerate(texts))
    task = runner.Task(timeout=None if timeout is None else float(timeout))
    return _results(run_with(extractor, articles, task, jobs=jobs))


def run_with(
    extractor: Extractor | None, articles: Iterable[Article], task: runner.Task, jobs: int
) -> Iterator[runner.Outcome]:
    """`runner.run` with ``extractor`` (None: `arquotes.extract`) doing the extraction.

    Worker processes get the extractor by forking; where they would start afresh (spawn,
    forkserver: macOS, Windows) they would not, so the run stays in this process (jobs=1).
    """
    if extractor is not None and multiprocessing.get_start_method() != "fork":
        jobs = 1
    return with_extractor(extractor, runner.run(articles, task, jobs=jobs))


def _results(outcomes: Iterator[runner.Outcome]) -> Iterator[BatchResult]:
    """One result per outcome; closing this closes the run (its workers stop)."""
    try:
        for index, outcome in enumerate(outcomes):
            yield BatchResult(index=index, extraction=outcome.extraction, error=outcome.error)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


def _article(index: int, text: object) -> Article:
    if isinstance(text, str):
        return Article(article_id=str(index), source="", text=text)
    return Article(
        article_id=str(index),
        source="",
        error=f"expected the article as str, got {type(text).__name__}",
    )


def with_extractor(extractor: Extractor | None, items: Iterator[T]) -> Iterator[T]:
    """Advance ``items`` (a `runner.run` iterator) with ``extractor`` doing the extraction.

    The runner calls its module's ``extract``; it is swapped for ``extractor.extract`` only
    while ``items`` is advanced (worker processes forked then keep it), so code running
    between two results still sees the bundled lexicon. Not for concurrent use from threads.
    """
    if extractor is None:
        yield from items
        return
    try:
        while True:
            with _extracting_with(extractor.extract):
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            with _extracting_with(extractor.extract):
                close()


@contextmanager
def _extracting_with(function: Callable[[str], Extraction]) -> Iterator[None]:
    namespace = vars(runner)  # the name `runner.process` calls
    saved = namespace["extract"]
    namespace["extract"] = function
    try:
        yield
    finally:
        namespace["extract"] = saved
