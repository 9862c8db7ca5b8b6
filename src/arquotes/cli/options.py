"""Options and argument types shared by the commands (each checks its value, argparse says why)."""

from __future__ import annotations

import argparse
import codecs
import math
from collections.abc import Callable
from typing import TypeVar

from arquotes.readers import MAX_ARTICLE_BYTES

_N = TypeVar("_N", int, float)

__all__ = [
    "add_input_options", "add_jobs_option", "add_lexicon_option", "encoding", "positive_int",
    "seconds", "unit_float",
]


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """``-j`` worker processes and ``--timeout`` per article."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: 1; with --engine dask, one per core)",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help="give up on an article after SECONDS (an error record); default: no limit",
    )


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Input files and how to read them (`arquotes.readers`), and ``--lexicon``."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=".txt/.md (one article), .jsonl (one per line), .json (records or a gold file),"
        " .gz of these, or a folder (read recursively); '-' or nothing: stdin",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl", "json"),
        default="auto",
        help="auto: by extension (.jsonl/.ndjson, .json), else JSON (Lines) when the content is,"
        " else one article",
    )
    parser.add_argument(
        "--encoding",
        type=encoding,
        metavar="NAME",
        help="decode inputs with NAME (e.g. cp1256) instead of detecting it",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        help="files of a folder to read, e.g. '*.txt' (default: .txt .md .json .jsonl .ndjson,"
        " and .gz)",
    )
    add_lexicon_option(parser)
    parser.add_argument("--id-field", default="id", help="JSON Lines id field (default: id)")
    parser.add_argument(
        "--text-field", default="text", help="JSON Lines text field (default: text)"
    )
    parser.add_argument(
        "--max-bytes",
        type=positive_int,
        default=MAX_ARTICLE_BYTES,
        metavar="N",
        help="report articles larger than N bytes instead of reading them",
    )


def add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    """``--lexicon FILE``: the user's own TOML lexicon (the extractor is built in ``main``)."""
    parser.add_argument(
        "--lexicon",
        metavar="FILE",
        help="a TOML file of your own cue verbs, sources, titles and speakers (docs/api.md)",
    )


def encoding(value: str) -> str:
    """A text codec's canonical name."""
    try:
        b"a".decode(value, "replace")  # unknown codecs and non-text ones (rot13, hex) fail
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {value!r}") from None
    return codecs.lookup(value).name


def positive_int(value: str) -> int:
    """An integer of at least 1."""
    number = _parsed(value, int, "an integer")
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def seconds(value: str) -> float:
    """A positive, finite number of seconds."""
    number = _parsed(value, float, "a number")
    if not (number > 0 and math.isfinite(number)):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {value}")
    return number


def unit_float(value: str) -> float:
    """A number from 0 to 1."""
    number = _parsed(value, float, "a number")
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return number


def _parsed(value: str, parse: Callable[[str], _N], what: str) -> _N:
    """``parse(value)``, or the error argparse shows as ``not <what>: 'value'``."""
    try:
        return parse(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not {what}: {value!r}") from None
