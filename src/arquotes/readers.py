"""Read command-line inputs into articles, one by one, never dropping one silently.

A ``.txt`` or ``.md`` file (or stdin) is one article; a ``.jsonl``/``.ndjson`` file holds one
article per line; a ``.json`` file is an array of records or one record (a gold file). In
``auto`` mode, content that looks like JSON (Lines) is read as such whatever its name, so piped
JSON Lines are never taken for one article. Folders are read recursively (optionally through a
glob), ``.gz`` files (or gzip data on stdin) are decompressed, and text that is not UTF-8 is
decoded from its BOM (UTF-16, UTF-32), as Windows-1256 or ISO-8859-6 when it reads as Arabic
(charset-normalizer), or with an explicit ``encoding``; the encoding used is on the article.

Whatever goes wrong with an input (missing file, undecodable bytes, broken gzip, a line that is
not JSON or lacks the text field, an oversized article, a folder with no matching file) becomes
an `Article` with an ``error`` instead of an exception, so N input articles always give N
output records.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from contextlib import ExitStack
from fnmatch import fnmatch
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "Article",
    "InputFormat",
    "ReadOptions",
    "article_from_record",
    "read_articles",
]

InputFormat = Literal["auto", "text", "jsonl", "json"]
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
"""Articles (files or JSONL lines) above this size are reported, not read into memory."""
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson")
"""Files a folder is searched for when no glob is given (each also with ``.gz``)."""

_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_BOM = b"\xef\xbb\xbf"
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (_BOM, "utf-8"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_ARABIC_CODEPAGES = ["cp1256", "iso8859_6"]
"""What undeclared non-UTF-8 bytes are tried as: restricted to Arabic code pages, detection is
right even on a five-letter headline, where an open guess picks a Cyrillic or Japanese one."""
_MAX_MESS = 0.5
"""charset-normalizer's default (0.2) rejects short Arabic texts with quote marks (قال: «لا»);
the Arabic share below keeps a looser threshold from taking Latin text or binary for Arabic."""
_MIN_ARABIC_SHARE = 0.5
"""A guessed decoding is kept only when at least this share of its letters is Arabic."""
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
    """1-based line of a JSON Lines article; None for a whole file or a JSON record."""
    encoding: str | None = None
    """The encoding the text was decoded with (``utf-8``, ``utf-16-le``, ``cp1256``...)."""
    note: str | None = None
    """How the input was read when it was guessed (an encoding, JSON detected), on the first
    article of that input only, for the command line to say on stderr."""
    meta: dict[str, Any] | None = attrs.field(default=None, eq=False)
    """A JSON record's pass-through fields: every scalar field (string, number, boolean, null)
    other than its id and text, such as ``source`` (the outlet) and ``date``; nested values are
    left out, so a gold file's annotations are not copied into its output."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How to read inputs: format, JSON field names, size limit, encoding, folder glob."""

    input_format: InputFormat = "auto"
    id_field: str = "id"
    text_field: str = "text"
    max_bytes: int = MAX_ARTICLE_BYTES
    encoding: str | None = attrs.field(default=None, validator=lambda _, __, v: _check_codec(v))
    """Decode every input with this codec instead of detecting it; `ValueError` if unknown."""
    glob: str | None = None
    """Which files of a folder to read (a name pattern, or a path pattern when it holds a
    ``/``); None: `ARTICLE_SUFFIXES`."""


def _check_codec(encoding: str | None) -> None:
    if encoding is None:
        return
    try:
        b"a".decode(encoding, "replace")  # unknown codecs and non-text ones (rot13, hex) fail
    except LookupError:
        raise ValueError(f"unknown encoding: {encoding!r}") from None


def read_articles(
    paths: Sequence[str], options: ReadOptions | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Article]:
    """Yield the articles of every input in order; no paths means stdin; folders recurse."""
    options = options or ReadOptions()
    for path in paths or [_STDIN]:
        if path != _STDIN and Path(path).is_dir():
            yield from _read_folder(path, options, stdin)
        else:
            yield from _read_input(path, options, stdin)


def _read_folder(folder: str, options: ReadOptions, stdin: IO[bytes] | None) -> Iterator[Article]:
    """Every matching file under ``folder``: a folder's files, then its subfolders, by name.

    Hidden files and folders (``.git``) are skipped; symlinked folders are not followed (no
    loops); a subfolder that cannot be listed gives an error article.
    """
    failures: list[OSError] = []
    found = False
    for root, dirs, names in os.walk(folder, onerror=failures.append):
        for exc in failures:
            yield Article(
                article_id=_stem(exc.filename or folder),
                source=str(exc.filename or folder),
                error=f"cannot read: {exc.strerror or exc}",
            )
        failures.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = str(Path(root) / name)
            if not name.startswith(".") and _wanted(path, folder, name, options.glob):
                found = True
                if _regular(path):
                    yield from _read_input(path, options, stdin)
                else:  # a FIFO would block, a device never end
                    yield Article(
                        article_id=_stem(path), source=path, error="not a regular file; not read"
                    )
    for exc in failures:
        yield Article(
            article_id=_stem(folder), source=folder, error=f"cannot read: {exc.strerror or exc}"
        )
    if not found and not failures:
        what = (
            f"no file matches {options.glob!r}"
            if options.glob
            else f"no article file ({', '.join(ARTICLE_SUFFIXES)}, or .gz)"
        )
        yield Article(article_id=_stem(folder), source=folder, error=f"{what} in this folder")


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(Path(path).stat().st_mode)
    except OSError:
        return True  # let opening it report why (a dangling symlink: no such file)


def _wanted(path: str, folder: str, name: str, glob: str | None) -> bool:
    if glob is None:
        return name.lower().removesuffix(".gz").endswith(ARTICLE_SUFFIXES)
    if "/" in glob:
        return fnmatch(Path(os.path.relpath(path, folder)).as_posix(), glob)
    return fnmatch(name, glob)


def _format_of(path: str, options: ReadOptions) -> str:
    """``text``, ``jsonl``, ``json``, or ``sniff`` (decide from the content)."""
    if options.input_format != "auto":
        return options.input_format
    suffix = Path(path.lower().removesuffix(".gz")).suffix
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    return "json" if suffix == ".json" else "sniff"


def _read_input(path: str, options: ReadOptions, stdin: IO[bytes] | None) -> Iterator[Article]:
    input_format = _format_of(path, options)
    try:
        with ExitStack() as stack:
            if path == _STDIN:
                raw = stdin if stdin is not None else sys.stdin.buffer
            else:
                raw = stack.enter_context(Path(path).open("rb"))
            stream = _gunzipped(raw, stack, named_gz=path.lower().endswith(".gz"))
            yield from _read_stream(stream, path, options, input_format)
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        message = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield Article(article_id=_stem(path), source=path, error=f"cannot read: {message}")


def _gunzipped(raw: IO[bytes], stack: ExitStack, *, named_gz: bool) -> IO[bytes]:
    """The decompressed stream when the input is gzip (by name or by its magic bytes)."""
    peekable: Any = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    if named_gz or peekable.peek(2)[:2] == _GZIP_MAGIC:
        unzipped: Any = stack.enter_context(gzip.GzipFile(fileobj=peekable, mode="rb"))
        return unzipped  # type: ignore[no-any-return]
    return peekable  # type: ignore[no-any-return]


def _read_stream(
    stream: IO[bytes], path: str, options: ReadOptions, input_format: str
) -> Iterator[Article]:
    if input_format == "jsonl":
        yield from _read_jsonl(stream, path, options)
        return
    first = b""
    if input_format == "sniff":
        first = stream.readline(options.max_bytes + 1)
        if _looks_like_jsonl(first):
            yield from _read_jsonl(stream, path, options, first=first)
            return
    data = first + stream.read(options.max_bytes + 1 - len(first))
    if len(data) > options.max_bytes:
        yield Article(
            article_id=_stem(path),
            source=path,
            error=f"larger than {options.max_bytes} bytes; not read",
        )
    elif input_format == "json" or (input_format == "sniff" and _looks_like_json(data)):
        yield from _read_json(data, path, options, detected=input_format == "sniff")
    else:
        yield _read_text(data, path, options)


_JSON_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*[\[{]\s*[\"{\[\]}]")
"""A JSON document starts ``[{``, ``[[``, ``["``, ``{"``, ``[]`` or ``{}``; an article that
merely opens with a bracket (``[عاجل]``, ``{تحديث}``) does not."""


def _looks_like_jsonl(first: bytes) -> bool:
    """The first line is a JSON object, or starts like one: then every line is a record."""
    head = first.removeprefix(_BOM).lstrip()
    if head.startswith(b'{"'):
        return True
    if not head.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(head), dict)
    except (ValueError, RecursionError):
        return False


def _looks_like_json(data: bytes) -> bool:
    return _JSON_START.match(data[:4096]) is not None


def _stem(path: str) -> str:
    if path == _STDIN:
        return "stdin"
    name = Path(path).name
    return Path(name.removesuffix(".gz") if name.lower().endswith(".gz") else name).stem


def _read_text(data: bytes, path: str, options: ReadOptions) -> Article:
    text, encoding, error = _decode_whole(data, options.encoding)
    note = None
    if text is not None and options.encoding is None and encoding not in ("utf-8", "ascii"):
        note = f"read as {encoding} (detected; --encoding to override)"
    return Article(
        article_id=_stem(path), source=path, text=text, error=error, encoding=encoding, note=note
    )


def _decode_whole(data: bytes, encoding: str | None) -> tuple[str | None, str | None, str | None]:
    """(text, encoding used, error): the given codec, else a BOM, UTF-8, an Arabic code page."""
    if encoding is not None:
        return _decode_as(data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, _, error = _decode_as(data[len(bom) :], name, offset=len(bom))
            return text, name, error
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid UTF-8 at byte offset {exc.start}"
    guess = _guess_arabic_codepage(data)
    if guess is not None:
        return data.decode(guess), guess, None
    return None, None, f"{utf8_error}, nor Arabic in a known code page (use --encoding)"


def _decode_as(
    data: bytes, encoding: str, offset: int = 0
) -> tuple[str | None, str | None, str | None]:
    name = codecs.lookup(encoding).name
    codec = "utf-8-sig" if name == "utf-8" else encoding
    try:
        return data.decode(codec), encoding, None
    except UnicodeDecodeError as exc:
        return None, None, f"not valid {encoding} at byte offset {offset + exc.start}"


def _guess_arabic_codepage(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=_ARABIC_CODEPAGES, threshold=_MAX_MESS).best()
    if best is None:
        return None
    letters = [c for c in str(best) if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    if not letters or arabic < _MIN_ARABIC_SHARE * len(letters):
        return None
    return str(best.encoding)


def _read_json(
    data: bytes, path: str, options: ReadOptions, *, detected: bool
) -> Iterator[Article]:
    """A JSON array of records (one article each) or one record, such as a gold file."""
    text, encoding, error = _decode_whole(data, options.encoding)
    if text is not None:
        try:
            value: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            error = f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        except RecursionError:
            error = "not valid JSON: nested too deeply"
        else:
            yield from _json_articles(value, path, options, encoding=encoding, detected=detected)
            return
    yield Article(article_id=_stem(path), source=path, error=error)


def _json_articles(
    value: Any, path: str, options: ReadOptions, *, encoding: str | None, detected: bool
) -> Iterator[Article]:
    if isinstance(value, dict):
        if options.text_field not in value:
            yield Article(
                article_id=_stem(path),
                source=path,
                error=f"a JSON object without a {options.text_field!r} field: not an article,"
                " a record array or a gold file",
            )
            return
        note = "read as one JSON record (detected)" if detected else None
        yield _record(value, path, None, _stem(path), options, encoding=encoding, note=note)
        return
    if not isinstance(value, list):
        yield Article(
            article_id=_stem(path),
            source=path,
            error="JSON that is neither an array of records nor one record",
        )
        return
    if not value:
        yield Article(article_id=_stem(path), source=path, error="an empty JSON array")
        return
    for number, item in enumerate(value, 1):
        note = "read as a JSON array of records (detected)" if detected and number == 1 else None
        default_id = f"{_stem(path)}:{number}"
        yield _record(item, path, number, default_id, options, encoding=encoding, note=note)


def _record(
    item: Any,
    path: str,
    number: int | None,
    default_id: str,
    options: ReadOptions,
    *,
    encoding: str | None,
    note: str | None,
) -> Article:
    """The article in one JSON record of an array (``number``) or of a whole file."""
    where = "" if number is None else f"record {number}: "
    if not isinstance(item, dict):
        return Article(
            article_id=default_id, source=path, error=f"{where}not a JSON object", note=note
        )
    return article_from_record(
        item, source=path, default_id=default_id, options=options, where=where,
        encoding=encoding, note=note,
    )


def article_from_record(
    item: dict[str, Any],
    *,
    source: str,
    default_id: str,
    options: ReadOptions,
    line: int | None = None,
    where: str = "",
    encoding: str | None = None,
    note: str | None = None,
) -> Article:
    """The article in one JSON object: its id and text fields, and its pass-through fields.

    A missing or non-string text gives an `Article` with an error that starts with ``where``.
    """
    raw_id = item.get(options.id_field)
    article_id = default_id if raw_id is None else str(raw_id)
    text = item.get(options.text_field)
    if not isinstance(text, str):
        state = "missing" if options.text_field not in item else "not a string"
        return Article(
            article_id=article_id,
            source=source,
            line=line,
            error=f"{where}field {options.text_field!r} is {state}",
            note=note,
        )
    meta = {
        key: value for key, value in item.items()
        if key not in (options.id_field, options.text_field) and _scalar(value)
    }
    return Article(
        article_id=article_id, source=source, text=text, line=line, encoding=encoding,
        note=note, meta=meta or None,
    )


def _scalar(value: Any) -> bool:
    """A JSON string, number, boolean or null (not an object or array)."""
    return value is None or isinstance(value, (str, int, float, bool))


def _decode_line(
    data: bytes, offset: int, encoding: str | None, *, bom: bool
) -> tuple[str | None, str | None]:
    """Decode one JSON Lines line (UTF-8 unless told), or say at which file byte it breaks."""
    skip = len(_BOM) if bom and data.startswith(_BOM) else 0
    try:
        return data[skip:].decode(encoding or "utf-8"), None
    except UnicodeDecodeError as exc:
        where = f"at byte offset {offset + skip + exc.start}"
        if encoding is not None:
            return None, f"not valid {encoding} {where}"
        return None, f"invalid UTF-8 {where} (use --encoding)"


def _read_jsonl(
    stream: IO[bytes], path: str, options: ReadOptions, first: bytes | None = None
) -> Iterator[Article]:
    encoding = options.encoding
    if encoding is not None and "\n".encode(encoding) != b"\n":
        yield Article(
            article_id=_stem(path),
            source=path,
            error=f"JSON Lines cannot be read as {encoding}: convert them to UTF-8",
        )
        return
    note = "read as JSON Lines (detected)" if first is not None else None
    offset = 0
    number = 0
    while True:
        raw = first if first is not None else stream.readline(options.max_bytes + 1)
        first = None
        if not raw:
            return
        number += 1
        line_start = offset
        offset += len(raw)
        if number == 1 and encoding is None and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield Article(
                article_id=_stem(path),
                source=path,
                error="JSON Lines in UTF-16 are not read: convert them to UTF-8",
            )
            return
        if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
            offset += _skip_line(stream)
            yield _line_error(path, number, f"longer than {options.max_bytes} bytes; not read")
            continue
        if not raw.strip():
            continue
        text, error = _decode_line(raw, line_start, encoding, bom=number == 1)
        if text is None:
            yield _line_error(path, number, error or "undecodable", note)
        else:
            yield attrs.evolve(
                _parse_line(text, path, number, options), encoding=encoding or "utf-8", note=note
            )
        note = None


def _skip_line(stream: IO[bytes]) -> int:
    """Consume the rest of an oversized line without keeping it; return the bytes skipped."""
    skipped = 0
    while chunk := stream.readline(_READ_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _line_error(path: str, number: int, message: str, note: str | None = None) -> Article:
    return Article(
        article_id=f"{_stem(path)}:{number}",
        source=path,
        line=number,
        error=f"line {number}: {message}",
        note=note,
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
    return article_from_record(
        data, source=path, default_id=f"{_stem(path)}:{number}", options=options, line=number,
        where=f"line {number}: ",
    )
