"""Write extraction records as JSON Lines, a JSON array, CSV or text, safely.

Output goes to stdout or, with ``-o``, to a path. A regular file (or a new path) is written to a
temporary file in its folder that replaces it only once complete (``os.replace``), keeping the
old file's mode, so an interrupted run never leaves a truncated file; anything else (a device
such as /dev/null, a FIFO, a symlink) is opened and written through, never replaced. The path
is opened before any input is read, so a bad one fails at once (`OutputError`). Records are
written whole; SIGINT arriving during a write is held until the record is out. Lone surrogates
(possible in JSON input) are written as backslash escapes, never an error.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import io
import json
import os
import signal
import stat
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

from arquotes._version import __version__
from arquotes.errors import OutputError
from arquotes.render import ArticleInput, render_corpus

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType

    from _typeshed import ReadableBuffer

    from arquotes.model import Attribution, Span
    from arquotes.readers import Article
    from arquotes.runner import Outcome

__all__ = [
    "FORMATS",
    "HtmlWriter",
    "InterruptGuard",
    "OutputFormat",
    "RecordWriter",
    "escape_controls",
    "make_writer",
    "open_output",
    "record_dict",
]

OutputFormat = Literal["jsonl", "json", "csv", "text", "html"]
FORMATS: tuple[OutputFormat, ...] = ("jsonl", "json", "csv", "text", "html")

CSV_COLUMNS = (
    "id", "source", "type", "kind", "start", "end", "text", "speaker", "cue", "confidence", "error",
)


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {
    ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}
"""C0 controls, DEL and C1 controls (ESC, CSI, BEL...) -> a visible escape such as \\x1b."""


def escape_controls(text: str, *, keep: str = "") -> str:
    r"""``text`` with terminal control characters shown as ``\xNN`` escapes.

    An article may hold escape sequences that would clear a terminal, recolour it or retitle
    its window when a report is read there (or in a CI log); reports show them instead.
    Characters in ``keep`` (a report's own newlines) stay; Arabic marks (RLM, ZWNJ) are no
    terminal controls and stay too.
    """
    table = _CONTROLS if not keep else {c: e for c, e in _CONTROLS.items() if chr(c) not in keep}
    return text.translate(table)


class InterruptGuard:
    """Hold SIGINT while a record is written, then raise `KeyboardInterrupt` after it."""

    def __init__(self) -> None:
        """Start with no write in progress and nothing pending."""
        self._writing = False
        self._pending = False
        self._previous: Any = None
        self._installed = False

    def install(self) -> None:
        """Take over SIGINT (only possible, and only needed, in the main thread)."""
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True

    def restore(self) -> None:
        """Give SIGINT back to the handler that was there before."""
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if self._writing:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Mark a write that SIGINT must not cut in half."""
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """Open stdout (``None`` or ``-``) or ``path`` for UTF-8 text, escaping lone surrogates.

    Only a regular file or a new path is replaced (atomically); anything else is written
    through. Raises `OutputError` at once when ``path`` cannot be written, and on a write error.
    """
    if path is None or path == "-":
        with _stdout() as stream:
            yield stream
        return
    target = Path(path)
    try:
        status: os.stat_result | None = target.lstat()
    except FileNotFoundError:
        status = None
    except OSError as exc:  # e.g. a folder we may not search, or a file used as a folder
        raise _cannot_write(path, exc) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise _cannot_write(path, "Is a directory")
    if status is None or stat.S_ISREG(status.st_mode):
        with _replace(target, status) as stream:
            yield stream
        return
    try:
        raw = _OutputFile(path, path)
    except OSError as exc:  # e.g. a symlink to a directory or into a missing folder
        raise _cannot_write(path, exc) from None
    with _text(raw) as stream:
        yield stream


@contextlib.contextmanager
def _replace(target: Path, status: os.stat_result | None) -> Iterator[IO[str]]:
    """Write a temporary file next to ``target`` and rename it over ``target`` once complete.

    The new file takes the old one's owner (where allowed) and mode, or the umask's mode.
    """
    if status is not None and not os.access(target, os.W_OK):
        raise _cannot_write(target, "Permission denied")
    try:
        fd, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:  # a missing folder, or one we may not write in
        reason = f"cannot create a file in {target.parent}: {exc.strerror}"
        raise _cannot_write(target, reason) from None
    try:
        if status is None:
            _set_default_mode(fd)
        else:
            with contextlib.suppress(OSError):
                os.fchown(fd, status.st_uid, status.st_gid)
            os.fchmod(fd, stat.S_IMODE(status.st_mode))
        with _text(_OutputFile(fd, str(target))) as stream:
            yield stream
            stream.flush()
            try:
                os.fsync(fd)
                Path(temporary).replace(target)
            except OSError as exc:
                raise _cannot_write(target, exc) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise


def _cannot_write(path: str | Path, why: OSError | str) -> OutputError:
    """The error saying that ``path`` cannot be written, and why."""
    reason = why if isinstance(why, str) else why.strerror or str(why)
    return OutputError(f"cannot write {path}: {reason}")


def _text(raw: _OutputFile) -> IO[str]:
    """A UTF-8 text stream over ``raw`` that writes lone surrogates as escapes."""
    return io.TextIOWrapper(
        io.BufferedWriter(raw), encoding="utf-8", errors="backslashreplace", newline=""
    )


class _OutputFile(io.FileIO):
    """An output file whose write errors (a full disk, /dev/full) are `OutputError`s naming it.

    A reader that went away (a FIFO's) still gives `BrokenPipeError`, handled like stdout's.
    """

    def __init__(self, file: str | int, label: str) -> None:
        """Open ``file`` (a path, or a descriptor it takes over) for writing."""
        super().__init__(file, "w")
        self._label = label

    def write(self, data: ReadableBuffer, /) -> int:
        """Write ``data``; an error other than a broken pipe becomes an `OutputError`."""
        try:
            return super().write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _cannot_write(self._label, exc) from None


def _set_default_mode(fd: int) -> None:
    """Give the file the usual permissions (mkstemp makes it private)."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.fchmod(fd, 0o666 & ~umask)


@contextlib.contextmanager
def _stdout() -> Iterator[IO[str]]:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced by a text-only object
        yield sys.stdout
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace", newline="")
    try:
        yield stream
    finally:
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
        stream.detach()


def record_dict(outcome: Outcome) -> dict[str, Any]:
    """Build the JSON record of one article: its items, or its error.

    Every record names the arquotes version that made it, and carries the input record's
    pass-through fields under ``meta`` when it had any.
    """
    record: dict[str, Any] = {
        "id": outcome.article_id, "source": outcome.source, "version": __version__
    }
    if outcome.meta:
        record["meta"] = outcome.meta
    if outcome.extraction is None:
        record["error"] = outcome.error
    else:
        record.update(outcome.extraction.to_dict())
    return record


def _json_record(outcome: Outcome) -> str:
    """The record as JSON text: rendered by a worker already, or rendered here."""
    if outcome.record is not None:
        return outcome.record
    return json.dumps(record_dict(outcome), ensure_ascii=False)


class RecordWriter(Protocol):
    """Writes one article's record at a time to a text stream."""

    def write(self, outcome: Outcome) -> None:
        """Write one record."""

    def close(self) -> None:
        """Write whatever ends the output (a closing bracket)."""


class _JsonLinesWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, outcome: Outcome) -> None:
        self._stream.write(_json_record(outcome) + "\n")

    def close(self) -> None:
        """Nothing ends a JSON Lines stream."""


class _JsonArrayWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._count = 0

    def write(self, outcome: Outcome) -> None:
        opening = "[\n" if self._count == 0 else ",\n"
        self._stream.write(opening + _json_record(outcome))
        self._count += 1

    def close(self) -> None:
        self._stream.write("[]\n" if self._count == 0 else "\n]\n")


class _CsvWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\n")
        self._emit([CSV_COLUMNS])

    def _emit(self, rows: list[tuple[Any, ...]]) -> None:
        self._csv.writerows(rows)
        self._stream.write(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()

    def write(self, outcome: Outcome) -> None:
        head = (outcome.article_id, outcome.source)
        if outcome.extraction is None:
            self._emit([(*head, *[""] * 8, outcome.error)])
            return
        rows: list[tuple[Any, ...]] = [
            (*head, "quote", q.kind.value, *_item_columns(q.span, q.text, q.attribution))
            for q in outcome.extraction.quotes
        ]
        rows.extend(
            (*head, "claim", "", *_item_columns(c.span, c.text, c.attribution))
            for c in outcome.extraction.claims
        )
        # An article without items still gets its row: nothing is dropped silently.
        self._emit(rows or [(*head, *[""] * 9)])

    def close(self) -> None:
        """Nothing ends a CSV stream."""


def _item_columns(span: Span, text: str, attribution: Attribution | None) -> tuple[Any, ...]:
    return (span.start, span.end, text, *_who(attribution), "")


def _who(attribution: Attribution | None) -> tuple[str, str, str]:
    if attribution is None:
        return "", "", ""
    speaker = "" if attribution.speaker is None else attribution.speaker.name
    cue = "" if attribution.cue is None else attribution.cue.text
    return speaker, cue, f"{attribution.confidence:.2f}"


class _TextWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, outcome: Outcome) -> None:
        lines = [f"== {outcome.article_id} ({outcome.source})"]
        if outcome.extraction is None:
            lines.append(f"error: {outcome.error}")
        else:
            lines.extend(
                _text_line(f"quote/{q.kind.value}", q.span.start, q.span.end, q.text, q.attribution)
                for q in outcome.extraction.quotes
            )
            lines.extend(
                _text_line("claim", c.span.start, c.span.end, c.text, c.attribution)
                for c in outcome.extraction.claims
            )
            if len(lines) == 1:
                lines.append("(no quotes or claims)")
        self._stream.write("\n".join(escape_controls(line) for line in lines) + "\n\n")

    def close(self) -> None:
        """Nothing ends a text stream."""


def _text_line(label: str, start: int, end: int, text: str, who: Attribution | None) -> str:
    speaker, cue, confidence = _who(who)
    said = f"{speaker or '?'}" + (f" ({cue}, {confidence})" if who is not None else "")
    return f"{label:<14} {start}-{end}  «{text}»  — {said}"


class HtmlWriter:
    """Collects every article and writes one review page at the end (`arquotes.render`).

    Outcomes carry no text, so `keep` (the reader's ``prepare`` step) holds each article's
    text until its outcome comes back, in input order.
    """

    def __init__(self, stream: IO[str]) -> None:
        """Start an empty page that ``close`` writes to ``stream``."""
        self._stream = stream
        self._texts: collections.deque[str | None] = collections.deque()
        self._articles: list[ArticleInput] = []

    def keep(self, article: Article) -> Article:
        """Hold ``article``'s text for its outcome; the article passes on unchanged."""
        self._texts.append(article.text)
        return article

    def write(self, outcome: Outcome) -> None:
        """Add one article to the page."""
        text = self._texts.popleft() if self._texts else None
        self._articles.append(ArticleInput(
            article_id=outcome.article_id, source=outcome.source, text=text,
            extraction=outcome.extraction, error=outcome.error))

    def close(self) -> None:
        """Write the page."""
        self._stream.write(render_corpus(self._articles))


def make_writer(output_format: OutputFormat, stream: IO[str]) -> RecordWriter:
    """Create the writer for one output format."""
    writers: dict[OutputFormat, Callable[[IO[str]], RecordWriter]] = {
        "jsonl": _JsonLinesWriter,
        "json": _JsonArrayWriter,
        "csv": _CsvWriter,
        "text": _TextWriter,
        "html": HtmlWriter,
    }
    return writers[output_format](stream)
