"""Read command-line inputs into articles, one by one, never dropping one silently.

A ``.txt`` or ``.md`` file (or stdin) is one article; a ``.jsonl``/``.ndjson`` file holds one
article per line. Whatever goes wrong with an input (missing file, invalid UTF-8, a line that is
not JSON or lacks the text field, an oversized article) becomes an `Article` with an ``error``
instead of an exception, so N input articles always give N output records.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["MAX_ARTICLE_BYTES", "Article", "InputFormat", "ReadOptions", "read_articles"]

InputFormat = Literal["auto", "text", "jsonl"]
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
"""Articles (files or JSONL lines) above this size are reported, not read into memory."""

_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_BOM = b"\xef\xbb\xbf"
_STDIN = "-"
_READ_CHUNK = 1024 * 1024


@attrs.frozen(kw_only=True)
class Article:
    """One input article, or the reason it could not be read."""

    article_id: str
    source: str
    """The file it came from (``-`` for stdin)."""
    text: str | None = None
    error: str | None = None
    line: int | None = None
    """1-based line of a JSON Lines article; None for a whole file."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How to read inputs: format and the JSON Lines field names."""

    input_format: InputFormat = "auto"
    id_field: str = "id"
    text_field: str = "text"
    max_bytes: int = MAX_ARTICLE_BYTES


def read_articles(
    paths: Sequence[str], options: ReadOptions | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Article]:
    """Yield the articles of every input in order; no paths means stdin."""
    options = options or ReadOptions()
    for path in paths or [_STDIN]:
        yield from _read_input(path, options, stdin)


def _read_input(path: str, options: ReadOptions, stdin: IO[bytes] | None) -> Iterator[Article]:
    is_jsonl = options.input_format == "jsonl" or (
        options.input_format == "auto" and Path(path).suffix.lower() in _JSONL_SUFFIXES
    )
    if path == _STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _read_stream(stream, path, options, jsonl=is_jsonl)
        return
    try:
        with Path(path).open("rb") as stream:
            yield from _read_stream(stream, path, options, jsonl=is_jsonl)
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
        yield Article(article_id=_stem(path), source=path, error=message)


def _read_stream(
    stream: IO[bytes], path: str, options: ReadOptions, *, jsonl: bool
) -> Iterator[Article]:
    if jsonl:
        yield from _read_jsonl(stream, path, options)
    else:
        yield _read_text(stream, path, options)


def _stem(path: str) -> str:
    return "stdin" if path == _STDIN else Path(path).stem


def _read_text(stream: IO[bytes], path: str, options: ReadOptions) -> Article:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return Article(
            article_id=_stem(path),
            source=path,
            error=f"larger than {options.max_bytes} bytes; not read",
        )
    text, error = _decode(data, 0, bom=True)
    return Article(article_id=_stem(path), source=path, text=text, error=error)


def _decode(data: bytes, offset: int, *, bom: bool) -> tuple[str | None, str | None]:
    """Decode UTF-8 (a BOM at the file start dropped), or say at which file byte it breaks."""
    skip = len(_BOM) if bom and data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 at byte offset {offset + skip + exc.start}"


def _read_jsonl(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article]:
    offset = 0
    number = 0
    while True:
        raw = stream.readline(options.max_bytes + 1)
        if not raw:
            return
        number += 1
        line_start = offset
        offset += len(raw)
        if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
            offset += _skip_line(stream)
            yield _line_error(path, number, f"longer than {options.max_bytes} bytes; not read")
            continue
        if not raw.strip():
            continue
        text, error = _decode(raw, line_start, bom=number == 1)
        if text is None:
            yield _line_error(path, number, error or "undecodable")
            continue
        yield _parse_line(text, path, number, options)


def _skip_line(stream: IO[bytes]) -> int:
    """Consume the rest of an oversized line without keeping it; return the bytes skipped."""
    skipped = 0
    while chunk := stream.readline(_READ_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _line_error(path: str, number: int, message: str) -> Article:
    return Article(
        article_id=f"{_stem(path)}:{number}",
        source=path,
        line=number,
        error=f"line {number}: {message}",
    )


def _parse_line(line: str, path: str, number: int, options: ReadOptions) -> Article:
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return _line_error(path, number, f"not JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return _line_error(path, number, "not JSON: nested too deeply")
    if not isinstance(data, dict):
        return _line_error(path, number, "not a JSON object")
    text = data.get(options.text_field)
    raw_id = data.get(options.id_field)
    article_id = f"{_stem(path)}:{number}" if raw_id is None else str(raw_id)
    if not isinstance(text, str):
        state = "missing" if options.text_field not in data else "not a string"
        return Article(
            article_id=article_id,
            source=path,
            line=number,
            error=f"line {number}: field {options.text_field!r} is {state}",
        )
    return Article(article_id=article_id, source=path, line=number, text=text)
