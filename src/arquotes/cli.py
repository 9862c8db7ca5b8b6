"""The ``arquotes`` command: ``extract``, ``check`` and ``evaluate`` (docs/cli.md).

Exit codes: 0 ok; 1 policy failure (``check`` found unattributed quotes); 2 usage or input
error (every other input is still processed), or an output (``-o``) that cannot be written
(checked before any input is read); 130 interrupted by Ctrl-C; 141 the reader of stdout went
away (``arquotes extract big.jsonl | head``); 143 stopped by SIGTERM (cleaned up as for Ctrl-C).
"""

from __future__ import annotations

import argparse
import codecs
import json
import math
import os
import signal
import sys
import threading
from typing import IO, TYPE_CHECKING, Any

import attrs
from tqdm import tqdm

from arquotes import __version__
from arquotes.batch import run_with
from arquotes.errors import GoldFormatError, LexiconError, OutputError
from arquotes.evaluate import evaluate_documents
from arquotes.extract import Extractor
from arquotes.gold import GoldDocument, find_gold_files, load_gold
from arquotes.markdown import MARKDOWN_SUFFIXES
from arquotes.markdown import prose as markdown_prose
from arquotes.policy import placed_in
from arquotes.readers import MAX_ARTICLE_BYTES, Article, ReadOptions, read_articles
from arquotes.runner import Outcome, Task
from arquotes.writers import (
    FORMATS,
    InterruptGuard,
    escape_controls,
    make_writer,
    open_output,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import FrameType

    from arquotes.policy import Violation

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_POLICY", "EXIT_TERMINATED", "main"]

EXIT_OK = 0
EXIT_POLICY = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143
DEFAULT_MIN_CONFIDENCE = 0.5
"""``check``'s floor: under a guessed speaker (0.3), at most a named one (0.6 to 0.9)."""

_EXTRACT_EXAMPLE = """\
examples:
  arquotes extract seeds/000_0707ee13b42fe2f3.txt
  arquotes extract corpus.jsonl --text-field body -j 4 --format csv -o quotes.csv
  cat article.txt | arquotes extract - --format text
"""
_CHECK_EXAMPLE = """\
examples:
  arquotes check seeds/000_0707ee13b42fe2f3.txt
  arquotes check articles/*.md --min-confidence 0.6 --format github
"""
_EVALUATE_EXAMPLE = """\
examples:
  arquotes evaluate tests/corpus
  arquotes evaluate tests/corpus/a08.json --errors --json
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arquotes",
        description="Find quotes, reported speech and their speakers in Arabic news.",
        epilog="example:\n  arquotes extract seeds/000_0707ee13b42fe2f3.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"arquotes {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract quotes and claims as JSON Lines, JSON, CSV or text",
        description="Extract quotes, claims and speakers from articles, one record each.",
        epilog=_EXTRACT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(extract)
    extract.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    extract.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout ('-': stdout)"
    )
    _add_jobs_option(extract)

    check = commands.add_parser(
        "check",
        help="fail when a direct quote has no speaker (for CI and pre-commit)",
        description="Exit 1 when a direct quote has no speaker or a low-confidence one.",
        epilog=_CHECK_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(check)
    check.add_argument(
        "--min-confidence",
        type=_unit_float,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help="reject speakers with confidence under X (0 to 1; default "
        f"{DEFAULT_MIN_CONFIDENCE}: a guessed speaker fails, a named one passes)",
    )
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    _add_jobs_option(check)

    evaluate = commands.add_parser(
        "evaluate",
        help="score extraction against gold annotation files",
        description="Score arquotes against gold files (docs/gold-format.md).",
        epilog=_EVALUATE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("gold", nargs="+", metavar="GOLD", help="gold files or folders of them")
    evaluate.add_argument("--json", action="store_true", help="print figures as JSON")
    evaluate.add_argument(
        "--errors", action="store_true", help="list misses, spurious items and wrong speakers"
    )
    _add_lexicon_option(evaluate)
    return parser


def _add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes"
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="give up on an article after SECONDS (an error record); default: no limit",
    )


def _add_input_options(parser: argparse.ArgumentParser) -> None:
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
        type=_encoding,
        metavar="NAME",
        help="decode inputs with NAME (e.g. cp1256) instead of detecting it",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        help="files of a folder to read, e.g. '*.txt' (default: .txt .md .json .jsonl .ndjson,"
        " and .gz)",
    )
    _add_lexicon_option(parser)
    parser.add_argument("--id-field", default="id", help="JSON Lines id field (default: id)")
    parser.add_argument(
        "--text-field", default="text", help="JSON Lines text field (default: text)"
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=MAX_ARTICLE_BYTES,
        metavar="N",
        help="report articles larger than N bytes instead of reading them",
    )


def _add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicon",
        metavar="FILE",
        help="a TOML file of your own cue verbs, sources, titles and speakers (docs/api.md)",
    )


def _encoding(value: str) -> str:
    try:
        b"a".decode(value, "replace")  # unknown codecs and non-text ones (rot13, hex) fail
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {value!r}") from None
    return codecs.lookup(value).name


def _lexicon_extractor(args: argparse.Namespace) -> Extractor | None:
    """The extractor with ``--lexicon`` (raises `LexiconError`), or None for the bundled one."""
    path = getattr(args, "lexicon", None)
    return None if path is None else Extractor(lexicon_file=path)


def _noted(articles: Iterator[Article]) -> Iterator[Article]:
    """Say on stderr how an input was read when it was guessed (its encoding, JSON)."""
    for article in articles:
        if article.note is not None:
            _say(f"note: {article.source}: {article.note}")
        yield article


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not (number > 0 and math.isfinite(number)):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {value}")
    return number


def _unit_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return number


def _say(message: str) -> None:
    """Print to stderr without breaking a progress bar."""
    tqdm.write(f"arquotes: {message}", file=sys.stderr)


class _Markdown:
    """``check`` reads a whole .md file as Markdown: its prose, paragraphs joined (markdown.py).

    Each file's text and prose wait here until its outcome comes back, so its violations are
    placed at the file's own lines (`arquotes.policy.placed_in`).
    """

    def __init__(self) -> None:
        self._waiting: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def read(self, article: Article) -> Article:
        """The article as the policy reads it: prose for Markdown, else as it is."""
        name = article.source.lower().removesuffix(".gz")
        if article.text is None or article.line is not None or (
                os.path.splitext(name)[1] not in MARKDOWN_SUFFIXES):  # noqa: PTH122
            return article
        text = markdown_prose(article.text, join_lines=True)
        key = (article.article_id, article.source)
        self._waiting.setdefault(key, []).append((article.text, text))
        return attrs.evolve(article, text=text)

    def place(self, outcome: Outcome) -> tuple[Violation, ...]:
        """The outcome's violations at their lines in the file it came from."""
        waiting = self._waiting.get((outcome.article_id, outcome.source))
        if not waiting:
            return outcome.violations
        original, text = waiting.pop(0)
        if not waiting:
            del self._waiting[(outcome.article_id, outcome.source)]
        return placed_in(outcome.violations, text, original)


def _outcomes(
    args: argparse.Namespace, task: Task, *, markdown: _Markdown | None = None
) -> Iterator[Outcome]:
    options = ReadOptions(
        input_format=args.input_format,
        id_field=args.id_field,
        text_field=args.text_field,
        max_bytes=args.max_bytes,
        encoding=args.encoding,
        glob=args.glob,
    )
    articles = _noted(read_articles(args.files, options))
    if markdown is not None:
        articles = map(markdown.read, articles)
    outcomes = run_with(args.extractor, articles, task, jobs=args.jobs)
    with tqdm(
        outcomes, file=sys.stderr, unit=" articles", disable=not sys.stderr.isatty()
    ) as progress:
        yield from progress


def _extract(args: argparse.Namespace, guard: InterruptGuard) -> int:
    failed = 0
    with open_output(args.output) as stream:
        writer = make_writer(args.format, stream)
        try:
            task = Task(
                render_json=args.format in ("json", "jsonl") and args.jobs > 1,
                timeout=args.timeout,
            )
            for outcome in _outcomes(args, task):
                if outcome.error is not None:
                    failed += 1
                    _say(f"error: {outcome.source}: {outcome.error}")
                with guard.writing():
                    writer.write(outcome)
                    if args.output in (None, "-"):  # stdout: records go out as they come
                        stream.flush()
        finally:
            with guard.writing():
                writer.close()
    return EXIT_INPUT if failed else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    violations: list[Violation] = []
    errors: list[Outcome] = []
    task = Task(check=True, min_confidence=args.min_confidence, timeout=args.timeout)
    markdown = _Markdown()
    for outcome in _outcomes(args, task, markdown=markdown):
        if outcome.error is not None:
            errors.append(outcome)
            _say(f"error: {outcome.source}: {outcome.error}")
        violations.extend(markdown.place(outcome))
    _print_check(args.format, violations, errors, sys.stdout)
    if errors:
        return EXIT_INPUT
    return EXIT_POLICY if violations else EXIT_OK


def _print_check(
    output_format: str, violations: Sequence[Violation], errors: Sequence[Outcome], out: IO[str]
) -> None:
    if output_format == "json":
        data = {
            "violations": [v.to_dict() for v in violations],
            "errors": [{"id": e.article_id, "file": e.source, "error": e.error} for e in errors],
        }
        out.write(_printable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        return
    if output_format == "github":
        lines = [
            f"::error file={_gh_property(v.source)},line={v.line},col={v.column}"
            f"::{_gh_message(_excerpt(v.quote) + ': ' + v.reason)}"
            for v in violations
        ]
        lines.extend(
            f"::error file={_gh_property(e.source)}::{_gh_message(e.error or 'error')}"
            for e in errors
        )
    else:
        lines = [
            f"{v.source}:{v.line}:{v.column}: {v.reason}: «{_excerpt(v.quote)}»"
            for v in violations
        ]
        if violations:
            lines.append(f"{len(violations)} unattributed quote(s)")
    if lines:
        out.write(_printable("\n".join(lines)) + "\n")


def _excerpt(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _printable(text: str) -> str:
    """Escape lone surrogates and terminal controls (not newlines) so any text can be printed."""
    return escape_controls(text, keep="\n").encode("utf-8", "backslashreplace").decode("utf-8")


def _gh_message(text: str) -> str:
    """Escape a GitHub Actions workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """Escape a GitHub Actions workflow-command property value."""
    return _gh_message(text).replace(":", "%3A").replace(",", "%2C")


def _evaluate(args: argparse.Namespace) -> int:
    paths = find_gold_files(args.gold)
    if not paths:
        _say("error: no gold files (*.json) found")
        return EXIT_INPUT
    documents: list[GoldDocument] = []
    failed = 0
    for path in paths:
        try:
            documents.append(load_gold(path))
        except GoldFormatError as exc:
            failed += 1
            _say(f"error: {exc}")
    if not documents:  # scores over nothing would print as a perfect table
        _say(f"error: no readable gold file ({failed} could not be read)")
        return EXIT_INPUT
    report = evaluate_documents(documents, args.extractor and args.extractor.extract)
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=True) + "\n")
    else:
        if args.errors and (errors := report.format_errors()):
            sys.stdout.write(_printable(errors) + "\n\n")
        sys.stdout.write(report.format_table() + "\n")
    return EXIT_INPUT if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see the module docstring)."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    try:
        args.extractor = _lexicon_extractor(args)  # before -o or any input is opened
    except LexiconError as exc:
        _say(f"error: {exc}")
        return EXIT_INPUT
    guard = InterruptGuard()
    guard.install()
    sigterm = _Sigterm()
    sigterm.install()
    try:
        if args.command == "extract":
            return _extract(args, guard)
        if args.command == "check":
            return _check(args)
        return _evaluate(args)
    except OutputError as exc:
        _say(f"error: {exc}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        if sigterm.received:
            _say("terminated")
            return EXIT_TERMINATED
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        sigterm.restore()
        guard.restore()


class _Sigterm:
    """Make SIGTERM stop the run as Ctrl-C does, and remember it for the exit code.

    Workers are stopped, the output flushed and a temporary output file removed. The SIGINT
    handler in place (the `InterruptGuard`, which holds the signal while a record
    is written) is called for SIGTERM too.
    """

    def __init__(self) -> None:
        self.received = False
        self._previous: Any = None
        self._installed = False

    def install(self) -> None:
        """Take over SIGTERM (only possible in the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            return
        interrupt = signal.getsignal(signal.SIGINT)

        def handle(signum: int, frame: FrameType | None) -> None:
            self.received = True
            if callable(interrupt):
                interrupt(signum, frame)
            else:
                raise KeyboardInterrupt

        self._previous = signal.signal(signal.SIGTERM, handle)
        self._installed = True

    def restore(self) -> None:
        """Give SIGTERM back to the handler that was there before."""
        if self._installed:
            signal.signal(signal.SIGTERM, self._previous)
            self._installed = False


def _silence_stdout() -> None:
    """After the reader of stdout went away, stop Python's final flush from failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
