"""Run extraction over a stream of articles, in order, in one or several processes.

Results come back in input order with a bounded number of articles in flight, so memory stays
constant however long the corpus. Worker processes ignore SIGINT: Ctrl-C (and SIGTERM, which
the command line turns into the same stop) reaches the parent, which stops them and ends
cleanly.

Failures cost only the article that failed:

* A worker process that dies (killed by the out-of-memory killer, a crash in C code) breaks the
  `ProcessPoolExecutor` (`BrokenProcessPool`) and every batch in flight with it. The batches
  that did not finish are run again one article at a time in a fresh one-worker pool, so an
  article that kills its worker again gets an error record and every other one its result;
  then the run goes on in a new pool.
* With a time budget (`Task.timeout`) the process doing the work sets an alarm (SIGALRM) per
  article and the article over its budget becomes an error record. Should a worker not answer
  long after its budget (stuck in code that never returns to the interpreter), the parent kills
  the pool and the batches in flight are run again one article at a time, as above.
"""

from __future__ import annotations

import json
import math
import signal
import threading
from collections import deque
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from arquotes.extract import Extractor, extract
from arquotes.policy import Violation, find_violations
from arquotes.writers import record_dict

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from concurrent.futures import Future
    from types import FrameType

    from arquotes.model import Extraction
    from arquotes.readers import Article

__all__ = ["Outcome", "Task", "kill_pool", "lexicon_extractor", "process", "run", "worker_signals"]

_BATCH = 8
_BATCHES_PER_WORKER = 2
_GRACE = 10.0
"""Seconds a worker may overrun its budget before the parent kills it (see the docstring)."""

WORKER_DIED = "the worker process died while extracting it (killed, e.g. out of memory)"


@attrs.frozen(kw_only=True)
class Task:
    """What to do with each article: extract, and for ``check``, apply the policy."""

    check: bool = False
    min_confidence: float = 0.0
    render_json: bool = False
    """Have the worker render the JSON record, so the parent only writes text: unpickling
    extractions and serialising them in the parent would halve what a second core gains."""
    timeout: float | None = None
    """Seconds allowed per article (``--timeout``); ``None``: no limit."""
    lexicon: str | None = None
    """A user lexicon file (``--lexicon``) each process loads once and extracts with; ``None``:
    the bundled lexicon. A path, not an `Extractor`, so a task travels to any process or host."""


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
    meta: dict[str, Any] | None = attrs.field(default=None, eq=False)
    """The input record's pass-through fields (`arquotes.readers.Article.meta`)."""


class _OverBudget(BaseException):
    """Raised by the alarm in the middle of an article.

    A BaseException, so that no ``except Exception`` on the way catches it.
    """


def _failed(article: Article, error: str) -> Outcome:
    return Outcome(
        article_id=article.article_id, source=article.source, error=error, meta=article.meta
    )


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s (--timeout)"


def process(article: Article, task: Task) -> Outcome:
    """Extract one article within ``task.timeout``; a failure gives an error outcome.

    The budget uses SIGALRM, so with a timeout this must run in a main thread.
    """
    if task.timeout is None:
        return _process(article, task)
    previous = signal.signal(signal.SIGALRM, _over_budget)
    try:
        signal.setitimer(signal.ITIMER_REAL, task.timeout)
        try:
            return _process(article, task)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _OverBudget:  # also when the alarm rang just as the article was done
        return _failed(article, _timed_out(task.timeout))
    finally:
        signal.signal(signal.SIGALRM, previous)


def _over_budget(_signum: int, _frame: FrameType | None) -> None:
    raise _OverBudget


def _process(article: Article, task: Task) -> Outcome:
    if article.text is None:
        return _failed(article, article.error or "no text")
    try:
        extraction = _extract_function(task.lexicon)(article.text)
    except Exception as exc:  # noqa: BLE001 - one bad article must not end the run.
        return _failed(article, f"extraction failed: {type(exc).__name__}: {exc}")
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
        meta=article.meta,
    )


def _extract_function(lexicon: str | None) -> Callable[[str], Extraction]:
    """What extracts for a task: a lexicon file's extractor, loaded once per process.

    Without a lexicon, ``arquotes.extract`` as this module sees it at each call (see
    `arquotes.batch.with_extractor`).
    """
    return extract if lexicon is None else lexicon_extractor(lexicon).extract


_EXTRACTORS: dict[str, Extractor] = {}


def lexicon_extractor(path: str) -> Extractor:
    """The extractor of a lexicon file, loaded once per process (raises `LexiconError`).

    Loaded before workers fork, it is theirs too; a worker started afresh loads it itself.
    """
    found = _EXTRACTORS.get(path)
    if found is None:
        found = _EXTRACTORS[path] = Extractor(lexicon_file=path)
    return found


def _process_batch(batch: list[Article], task: Task) -> list[Outcome]:
    outcomes = [process(article, task) for article in batch]
    if task.render_json:
        outcomes = [
            attrs.evolve(o, extraction=None, record=json.dumps(record_dict(o), ensure_ascii=False))
            if o.extraction is not None else o
            for o in outcomes
        ]
    return outcomes


def worker_signals() -> None:
    """Set a worker's signals: Ctrl-C is the parent's to handle.

    SIGTERM gets its default back (the fork inherits the parent's handler), so a worker told to
    stop stops.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, _BATCH)):
        yield batch


def run(articles: Iterable[Article], task: Task, jobs: int = 1) -> Iterator[Outcome]:
    """Yield one `Outcome` per article, in input order, using ``jobs`` processes.

    A time budget needs SIGALRM, which only a main thread has: off the main thread, ``jobs=1``
    with a timeout runs in one worker process.
    """
    in_main_thread = threading.current_thread() is threading.main_thread()
    if jobs > 1 or task.timeout is not None:
        extract("")  # build the lexicon and patterns before the workers fork or a clock runs
    if jobs <= 1 and (task.timeout is None or in_main_thread):
        for article in articles:
            yield process(article, task)
        return
    pool = _Pool(max(jobs, 1), task)
    window = pool.jobs * _BATCHES_PER_WORKER
    pending: deque[_Sent] = deque()
    try:
        for batch in _batches(articles):
            pending.append(pool.submit(batch))
            if len(pending) >= window:
                yield from pool.collect(pending.popleft())
        while pending:
            yield from pool.collect(pending.popleft())
    except BaseException:  # Ctrl-C, SIGTERM, a closed generator: stop the workers at once
        pool.stop()
        raise
    pool.close()


@attrs.frozen
class _Sent:
    """A batch sent to a worker: the articles, their future, and the pool that has them."""

    batch: list[Article]
    future: Future[list[Outcome]]
    executor: ProcessPoolExecutor


class _Pool:
    """A `ProcessPoolExecutor` that is replaced when broken, and reruns what it lost."""

    def __init__(self, jobs: int, task: Task) -> None:
        self.jobs = jobs
        self.task = task
        self._executor: ProcessPoolExecutor | None = None
        self._limit = None if task.timeout is None else task.timeout * _BATCH + _GRACE
        """How long the parent waits for a batch before it kills the workers."""

    def submit(self, batch: list[Article]) -> _Sent:
        """Send ``batch`` to a worker, in a new pool if the current one is broken."""
        if self._executor is not None:
            try:
                future = self._executor.submit(_process_batch, batch, self.task)
            except BrokenProcessPool:
                self._discard(self._executor)
            else:
                return _Sent(batch, future, self._executor)
        self._executor = executor = _executor(self.jobs)
        return _Sent(batch, executor.submit(_process_batch, batch, self.task), executor)

    def collect(self, sent: _Sent) -> list[Outcome]:
        """The outcomes of a batch; if its worker died or hung, rerun it article by article."""
        try:
            return sent.future.result(timeout=self._limit)
        except FutureTimeout:  # a worker far over its budget: kill them all (see the docstring)
            kill_pool(sent.executor)
            self._forget(sent.executor)
        except (BrokenProcessPool, CancelledError):  # cancelled: its pool was killed above
            self._discard(sent.executor)
        return _one_by_one(sent.batch, self.task)

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        """Drop a broken executor (its futures have all failed already)."""
        executor.shutdown(wait=True)
        self._forget(executor)

    def _forget(self, executor: ProcessPoolExecutor) -> None:
        if self._executor is executor:
            self._executor = None

    def stop(self) -> None:
        """Kill the workers now: nothing they hold will be used."""
        if self._executor is not None:
            kill_pool(self._executor)
            self._executor = None

    def close(self) -> None:
        """End normally: the workers have nothing left to do."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


def _executor(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, initializer=worker_signals)


def kill_pool(executor: ProcessPoolExecutor) -> None:
    """Kill ``executor``'s workers and let it go: `shutdown` alone waits for running work."""
    # No public way to reach the workers before Python 3.14 (`terminate_workers`).
    processes = list((executor._processes or {}).values())  # noqa: SLF001
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in processes:
        worker.kill()
    for worker in processes:
        worker.join()


def _one_by_one(batch: list[Article], task: Task) -> list[Outcome]:
    """Run each article of ``batch`` in a one-worker pool of its own.

    A worker that dies (or hangs) then costs only the article it was on.
    """
    limit = None if task.timeout is None else task.timeout + _GRACE
    outcomes: list[Outcome] = []
    executor: ProcessPoolExecutor | None = None
    try:
        for article in batch:
            executor = executor or _executor(1)
            future = executor.submit(_process_batch, [article], task)
            try:
                outcomes.extend(future.result(timeout=limit))
            except FutureTimeout:
                kill_pool(executor)
                executor = None
                outcomes.append(_failed(article, _timed_out(task.timeout or math.inf)))
            except BrokenProcessPool:
                executor.shutdown(wait=True)
                executor = None
                outcomes.append(_failed(article, WORKER_DIED))
    except BaseException:
        if executor is not None:
            kill_pool(executor)
        raise
    if executor is not None:
        executor.shutdown(wait=True)
    return outcomes
