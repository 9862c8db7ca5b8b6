"""The web service behind ``arquotes serve`` (docs/view.md): extraction and the check over HTTP.

Routes: ``POST /extract`` and ``POST /check`` (an article as text, or JSON records in; the
command line's JSON out, or the HTML view with ``?format=html``), ``GET /`` (a page to paste
an article into), ``GET /healthz`` and ``GET /openapi.json`` (a static OpenAPI document).

What a public service needs is built in: a body over ``max_bytes`` gets 413 before it is read
further; a body that is not UTF-8 or not JSON gets 400, JSON of the wrong shape 422, each with
a message; anything unexpected a plain 500, never a traceback. Extraction runs in a pool of
worker processes (`arquotes.runner.process`, as ``arquotes extract`` does), so the event loop
never blocks, and each request has ``timeout`` seconds for all its articles, the command
line's per-article alarm (``--timeout``): an article over the budget becomes an error record
and the response 504. A worker that does not answer ``grace`` seconds after the budget is
killed with its pool (requests then running in it get 500), and more than ``max_pending``
requests waiting for a worker get 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Route

from arquotes import __version__, runner
from arquotes.extract import extract
from arquotes.readers import Article, ReadOptions, article_from_record
from arquotes.render import ArticleInput, render_check, render_corpus, render_page
from arquotes.writers import record_dict

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from starlette.requests import Request

    from arquotes.model import Extraction

__all__ = ["ServiceOptions", "create_app"]

_HTML_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
"""Pages load nothing and run no script: an article's text can never act in the browser."""
_REQUEST = "request"
"""The ``source`` of a plain-text article (there is no file); a JSON record's is its id."""
_RECORD_FIELDS = ReadOptions()
"""JSON records are read as the command line reads them: ``id``, ``text``, and the other
scalar fields passed through as ``meta``."""


@attrs.frozen(kw_only=True)
class ServiceOptions:
    """Limits and resources of the service (``arquotes serve`` options)."""

    max_bytes: int = attrs.field(default=1_000_000, validator=attrs.validators.ge(1))
    """Largest request body accepted; larger gets 413."""
    timeout: float = attrs.field(default=10.0, validator=attrs.validators.gt(0.0))
    """Seconds of extraction per request, for all its articles (``--timeout``)."""
    workers: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    """Worker processes extracting."""
    max_pending: int = attrs.field(default=64, validator=attrs.validators.ge(1))
    """Requests waiting for or running in a worker; one more gets 503."""
    grace: float = attrs.field(default=5.0, validator=attrs.validators.gt(0.0))
    """Seconds a worker may overrun the budget (stuck where the alarm cannot reach it, in C
    code) before its pool is killed and the request gets 504."""
    extractor: Callable[[str], Extraction] | None = None
    """Used instead of `arquotes.extract` (an `Extractor` with the user's lexicon)."""


class _RefusedError(Exception):
    """A request the service answers with an error status and a message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(options: ServiceOptions | None = None) -> Starlette:
    """The ASGI application (run it with uvicorn, or test it with Starlette's test client)."""
    options = options or ServiceOptions()
    workers = _Workers(options)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            workers.close()

    async def extract_route(request: Request) -> Response:
        page = _wants_html(request)
        articles, many = await _articles(request, options.max_bytes)
        outcomes = await workers.run(articles, runner.Task())
        status = _status(outcomes)
        if page:
            return _html(render_corpus(_inputs(articles, outcomes)), status)
        records = [record_dict(o) for o in outcomes]
        return _json(records if many else records[0], status)

    async def check_route(request: Request) -> Response:
        page = _wants_html(request)
        task = runner.Task(check=True, min_confidence=_unit(request, "min_confidence", 0.5))
        articles, _many = await _articles(request, options.max_bytes)
        outcomes = await workers.run(articles, task)
        status = _status(outcomes)
        violations = [v for o in outcomes for v in o.violations]
        failed = [o for o in outcomes if o.error is not None]
        if page:
            errors = [(o.source, o.error or "error") for o in failed]
            return _html(render_check(violations, errors), status)
        return _json({
            "violations": [v.to_dict() for v in violations],
            "errors": [{"id": o.article_id, "file": o.source, "error": o.error} for o in failed],
        }, status)

    async def index(_request: Request) -> Response:
        return _html(render_page("serve.html.j2", title="arquotes", options=options,
                                 version=__version__))

    async def healthz(_request: Request) -> Response:
        return _json({"status": "ok", "version": __version__})

    async def openapi(_request: Request) -> Response:
        return _json(_openapi_document())

    return Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/extract", extract_route, methods=["POST"]),
            Route("/check", check_route, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/openapi.json", openapi, methods=["GET"]),
        ],
        exception_handlers={
            _RefusedError: _refused,
            HTTPException: _http_error,
            Exception: _internal_error,
        },
        lifespan=lifespan,
    )


class _Workers:
    """The pool of extraction processes, made on first use and replaced when broken."""

    def __init__(self, options: ServiceOptions) -> None:
        self._options = options
        self._pool: ProcessPoolExecutor | None = None
        self._pending = 0

    async def run(self, articles: list[Article], task: runner.Task) -> list[runner.Outcome]:
        """The outcomes of ``articles``, within the request's budget."""
        if self._pending >= self._options.max_pending:
            raise _RefusedError(503, "too many requests in progress; retry shortly")
        self._pending += 1
        try:
            return await self._run(self._ready(), articles, task)
        finally:
            self._pending -= 1

    async def _run(
        self, pool: ProcessPoolExecutor, articles: list[Article], task: runner.Task
    ) -> list[runner.Outcome]:
        budget = self._options.timeout
        try:
            future = pool.submit(_work, articles, task, budget)
            limit = budget + self._options.grace
            return await asyncio.wait_for(asyncio.wrap_future(future), limit)
        except TimeoutError:
            self._drop(pool, kill=True)
            raise _RefusedError(504, f"extraction did not stop within {budget:g} s") from None
        except BrokenProcessPool:
            self._drop(pool, kill=False)
            raise _RefusedError(500, runner.WORKER_DIED) from None

    def _ready(self) -> ProcessPoolExecutor:
        if self._pool is None:
            extract("")  # build the bundled lexicon and patterns once, before forking
            self._pool = ProcessPoolExecutor(
                self._options.workers, initializer=_start_worker,
                initargs=(self._options.extractor,),
            )
        return self._pool

    def _drop(self, pool: ProcessPoolExecutor, *, kill: bool) -> None:
        if kill:
            runner.kill_pool(pool)
        else:
            pool.shutdown(wait=False)
        if self._pool is pool:
            self._pool = None

    def close(self) -> None:
        """Stop the workers (the service is shutting down)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _start_worker(extractor: Callable[[str], Extraction] | None) -> None:
    """Set up a worker process: the runner's signals, and the user's extractor if any."""
    runner.worker_signals()  # workers ignore Ctrl-C, as the runner's do
    if extractor is not None:
        vars(runner)["extract"] = extractor  # the name `runner.process` calls


def _work(articles: list[Article], task: runner.Task, budget: float) -> list[runner.Outcome]:
    """Run in a worker: each article with what is left of the request's ``budget``."""
    deadline = time.monotonic() + budget
    outcomes = []
    for article in articles:
        left = deadline - time.monotonic()
        outcome = (
            runner.process(article, attrs.evolve(task, timeout=left)) if left > 0 else None
        )
        if outcome is None or (outcome.extraction is None and time.monotonic() >= deadline):
            outcome = runner.Outcome(
                article_id=article.article_id, source=article.source,
                error=f"timed out: over the request's budget of {budget:g} s",
            )
        outcomes.append(outcome)
    return outcomes


def _status(outcomes: list[runner.Outcome]) -> int:
    """504 when an article ran out of time, 500 when one failed otherwise, else 200."""
    errors = [o.error for o in outcomes if o.error is not None]
    if any(e.startswith("timed out") for e in errors):
        return 504
    return 500 if errors else 200


async def _articles(request: Request, limit: int) -> tuple[list[Article], bool]:
    """The request's articles, and whether it sent a list (of JSON records)."""
    body = await _body(request, limit)
    kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    text = _utf8(body)
    if kind == "application/json":
        return _records(text)
    if kind == "application/x-www-form-urlencoded":  # the page's form (and curl's default)
        fields = parse_qs(text, keep_blank_values=True)
        if "text" not in fields:
            raise _RefusedError(422, "form field 'text' is missing (for a plain article, send"
                                " Content-Type: text/plain)")
        text = fields["text"][0]
    article_id = request.query_params.get("id", "text")
    return [Article(article_id=article_id, source=_REQUEST, text=text)], False


async def _body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to be over ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _RefusedError(413, f"request body over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _RefusedError(413, f"request body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _RefusedError(400, f"the body is not UTF-8 (byte {exc.start})") from None


def _records(text: str) -> tuple[list[Article], bool]:
    """JSON in: one record ``{"id": ..., "text": ...}`` or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _RefusedError(400, f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
                       ) from None
    many = isinstance(data, list)
    items = data if many else [data]
    articles = []
    for number, item in enumerate(items, 1):
        where = f"record {number}: " if many else ""
        if not isinstance(item, dict):
            raise _RefusedError(422, f'{where}expected a JSON object with a "text" string')
        article = article_from_record(
            item, source=_REQUEST, default_id=str(number), options=_RECORD_FIELDS, where=where
        )
        if article.error is not None:
            raise _RefusedError(422, article.error)
        articles.append(attrs.evolve(article, source=article.article_id))  # names the report
    return articles, many


def _inputs(articles: list[Article], outcomes: list[runner.Outcome]) -> list[ArticleInput]:
    return [
        ArticleInput(article_id=o.article_id, source="", text=a.text, extraction=o.extraction,
                     error=o.error)
        for a, o in zip(articles, outcomes, strict=True)
    ]


def _wants_html(request: Request) -> bool:
    wanted = request.query_params.get("format", "json")
    if wanted not in ("json", "html"):
        raise _RefusedError(422, f"format must be json or html, got {wanted!r}")
    return wanted == "html"


def _unit(request: Request, name: str, default: float) -> float:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0.0 <= value <= 1.0:
        raise _RefusedError(422, f"{name} must be a number from 0 to 1, got {raw!r}")
    return value


def _json(data: Any, status: int = 200) -> Response:
    """JSON as the command line writes it: UTF-8, lone surrogates as escapes."""
    body = json.dumps(data, ensure_ascii=False).encode("utf-8", "backslashreplace")
    return Response(body, status, media_type="application/json",
                    headers={"X-Content-Type-Options": "nosniff"})


def _html(page: str, status: int = 200) -> Response:
    return Response(page.encode("utf-8", "backslashreplace"), status,
                    media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": _HTML_POLICY,
                             "X-Content-Type-Options": "nosniff"})


async def _refused(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, _RefusedError)  # noqa: S101 - registered for _RefusedError only
    return _json({"error": exc.message}, exc.status)


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 - registered for HTTPException only
    return _json({"error": str(exc.detail)}, exc.status_code)


async def _internal_error(_request: Request, _exc: Exception) -> Response:
    return _json({"error": "internal error"}, 500)


def _openapi_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        resources.files("arquotes").joinpath("templates/openapi.json").read_text("utf-8")
    )
    document["info"]["version"] = __version__
    return document
