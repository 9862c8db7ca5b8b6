"""Write extraction records as JSON Lines, a JSON array, CSV or text, safely.

Output goes to stdout or, with ``-o``, to a temporary file in the target's folder that replaces
the target only once complete (``os.replace``), so an interrupted run never leaves a truncated
file. Records are written whole; SIGINT arriving during a write is held until the record is
out. Lone surrogates (possible in JSON input) are written as backslash escapes, never an error.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType

    from arquotes.model import Attribution, Span
    from arquotes.runner import Outcome

__all__ = [
    "FORMATS",
    "InterruptGuard",
    "OutputFormat",
    "RecordWriter",
    "make_writer",
    "open_output",
    "record_dict",
]

OutputFormat = Literal["jsonl", "json", "csv", "text"]
FORMATS: tuple[OutputFormat, ...] = ("jsonl", "json", "csv", "text")

CSV_COLUMNS = (
    "id", "source", "type", "kind", "start", "end", "text", "speaker", "cue", "confidence", "error",
)


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
    """Open stdout (``None`` or ``-``) or write ``path`` atomically; UTF-8, escaping surrogates."""
    if path is None or path == "-":
        with _stdout() as stream:
            yield stream
        return
    target = Path(path)
    fd, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        _set_default_mode(fd)
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise


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
    """Build the JSON record of one article: its items, or its error."""
    record: dict[str, Any] = {"id": outcome.article_id, "source": outcome.source}
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
        self._stream.write("\n".join(lines) + "\n\n")

    def close(self) -> None:
        """Nothing ends a text stream."""


def _text_line(label: str, start: int, end: int, text: str, who: Attribution | None) -> str:
    speaker, cue, confidence = _who(who)
    said = f"{speaker or '?'}" + (f" ({cue}, {confidence})" if who is not None else "")
    return f"{label:<14} {start}-{end}  «{text}»  — {said}"


def make_writer(output_format: OutputFormat, stream: IO[str]) -> RecordWriter:
    """Create the writer for one output format."""
    writers: dict[OutputFormat, Callable[[IO[str]], RecordWriter]] = {
        "jsonl": _JsonLinesWriter,
        "json": _JsonArrayWriter,
        "csv": _CsvWriter,
        "text": _TextWriter,
    }
    return writers[output_format](stream)
