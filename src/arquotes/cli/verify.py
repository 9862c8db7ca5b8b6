"""``arquotes verify``: check each direct quote of a story against its sources (docs/verify.md).

Exit 1 when a quote is not found, misattributed, altered in meaning (a negation, a number or a
name) or altered under ``--min-similarity``; with ``--across``, also when an outlet's version
differs in meaning from the majority. Exit 2 on an unreadable story or source.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, TYPE_CHECKING, Any

from arquotes.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_POLICY,
    command_parser,
    excerpt,
    gh_message,
    gh_property,
    noted,
    printable,
    read_options,
    say,
)
from arquotes.cli.options import add_input_options, unit_float
from arquotes.extract import extract
from arquotes.readers import read_articles
from arquotes.verify import (
    DEFAULT_JOIN,
    DEFAULT_MIN_FOUND,
    Checker,
    QuoteCheck,
    SourceError,
    SourceText,
    Verdict,
    compare,
    load_sources,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from arquotes.cli.common import Commands
    from arquotes.readers import Article
    from arquotes.verify import Comparison, Version

__all__ = ["add_command"]

_EXAMPLE = """\
examples:
  arquotes verify story.txt --source statement.json --source transcript.jsonl
  arquotes verify stories/ --source statement.txt --format github --min-similarity 0.9
  arquotes verify --across stories.jsonl --source statement.json
"""


def add_command(commands: Commands) -> None:
    """Add ``verify`` and its options."""
    parser = command_parser(
        commands,
        "verify",
        summary="check that direct quotes match their sources word for word",
        description="Align each direct quote of the stories against the source texts: "
        "verbatim, altered (with the word edits), ellipsis, not found or misattributed.",
        example=_EXAMPLE,
    )
    add_input_options(parser)
    parser.add_argument(
        "--source", action="append", default=[], metavar="FILE",
        help="a source: .txt (plain text), .json (a record or a list) or .jsonl (a record a"
        " line), records with 'text' and optional 'speaker', 'date', 'url'; repeatable",
    )
    parser.add_argument(
        "--across", action="store_true",
        help="group the same quote across the stories and show which versions differ",
    )
    parser.add_argument(
        "--min-similarity", type=unit_float, default=0.0, metavar="X",
        help="also fail altered quotes whose word similarity is under X (default 0: only"
        " changes of meaning fail)",
    )
    parser.add_argument(
        "--min-found", type=unit_float, default=DEFAULT_MIN_FOUND, metavar="X",
        help=f"a quote under X word similarity is not found (default {DEFAULT_MIN_FOUND})",
    )
    parser.add_argument(
        "--join", type=unit_float, default=DEFAULT_JOIN, metavar="X",
        help=f"--across: quotes at least X similar are one quote (default {DEFAULT_JOIN})",
    )
    parser.add_argument(
        "--mixed", action="store_true", help="check mixed quotes (short fragments) too"
    )
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.set_defaults(run=run)


def _sources(paths: list[str]) -> tuple[SourceText, ...] | None:
    """Every source of the ``--source`` files, or None (said on stderr) when one fails."""
    found: list[SourceText] = []
    for path in paths:
        try:
            found.extend(load_sources(path))
        except SourceError as exc:
            say(f"error: {exc}")
            return None
    return tuple(found)


def _stories(args: argparse.Namespace, errors: list[str]) -> Iterator[Article]:
    """The readable stories; the others are said on stderr and counted in ``errors``."""
    for article in noted(read_articles(args.files, read_options(args))):
        if article.text is None:
            say(f"error: {article.source}: {article.error}")
            errors.append(article.source)
        else:
            yield article


def run(args: argparse.Namespace) -> int:
    """Check the stories; exit 1 on a failing quote, 2 on an unreadable input."""
    if not args.source and not args.across:
        say("error: give the sources with --source FILE (or compare stories with --across)")
        return EXIT_INPUT
    sources = _sources(args.source)
    if sources is None:
        return EXIT_INPUT
    errors: list[str] = []
    if args.across:
        comparison = compare(
            ((a.article_id, a.text or "") for a in _stories(args, errors)), sources,
            join=args.join, min_found=args.min_found, mixed=args.mixed,
            extractor=args.extractor.extract if args.extractor else None)
        failed = _print_across(args, comparison, sys.stdout)
    else:
        checker = Checker(sources, min_found=args.min_found)
        failed = _print_stories(args, checker, _stories(args, errors), sys.stdout)
    if errors:
        return EXIT_INPUT
    return EXIT_POLICY if failed else EXIT_OK


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _label(check: QuoteCheck) -> str:
    if check.wording is Verdict.ALTERED and check.meaning_changed:
        return f"{check.verdict.value.upper()} IN MEANING"
    return check.verdict.value.upper()


def _where(check: QuoteCheck, sources: tuple[SourceText, ...]) -> str:
    """Which source and span a found quote matched, and who speaks there."""
    if check.source is None or check.source_span is None:
        return ""
    source = sources[check.source]
    speaker = f", said by {source.speaker}" if source.speaker else ""
    span = check.source_span
    return f" in {source.name or f'source {check.source}'} [{span.start}:{span.end}]{speaker}"


def _print_stories(
    args: argparse.Namespace, checker: Checker, stories: Iterator[Article], out: IO[str]
) -> bool:
    """Check and print each story as it comes; True when a quote fails."""
    failed = False
    records: list[dict[str, Any]] = []
    for article in stories:
        text = article.text or ""
        extraction = (args.extractor.extract if args.extractor else extract)(text)
        checks = checker.check_all(extraction, mixed=args.mixed)
        failing = [c.fails(args.min_similarity) for c in checks]
        failed = failed or any(failing)
        if args.format == "json":
            records.append({"id": article.article_id, "file": article.source,
                            "checks": [c.to_dict() | {"fails": f}
                                       for c, f in zip(checks, failing, strict=True)]})
            continue
        lines: list[str] = []
        for check, fails in zip(checks, failing, strict=True):
            line, column = _position(text, check.quote.span.start)
            details = "; ".join(edit.describe() for edit in check.edits)
            if args.format == "github":
                if fails or check.wording is Verdict.ALTERED:
                    level = "error" if fails else "warning"
                    message = f"{_label(check)}: «{excerpt(check.quote.text)}»"
                    if check.verdict is Verdict.MISATTRIBUTED:
                        message += f" (the source's speaker is {check.source_speaker})"
                    lines.append(
                        f"::{level} file={gh_property(article.source)},line={line},col={column}"
                        f"::{gh_message(message + (': ' + details if details else ''))}")
                continue
            speaker = f" ({check.speaker})" if check.speaker else ""
            lines.append(
                f"{article.source}:{line}:{column}: {_label(check)} {check.similarity:.2f}"
                f" «{excerpt(check.quote.text, 60)}»{speaker}{_where(check, checker.sources)}")
            lines.extend(f"    {edit.describe()}" for edit in check.edits)
        if lines:
            out.write(printable("\n".join(lines)) + "\n")
    if args.format == "json":
        data = {"stories": records, "sources": [s.to_dict() for s in checker.sources]}
        out.write(printable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    return failed


def _version_fails(version: Version, min_similarity: float) -> bool:
    """True when a version differs from the majority in meaning or fails against the source."""
    return any(edit.changes for edit in version.edits) or (
        version.check is not None and version.check.fails(min_similarity))


def _print_across(args: argparse.Namespace, comparison: Comparison, out: IO[str]) -> bool:
    """Print each quote group, versions that differ marked; True when a group fails."""
    failed = any(_version_fails(v, args.min_similarity)
                 for g in comparison.groups for v in g.versions)
    if args.format == "json":
        out.write(printable(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2))
                  + "\n")
        return failed
    lines: list[str] = []
    for number, group in enumerate(comparison.groups, 1):
        if args.format == "text":
            lines.append(f"quote {number}: {len(group.versions)} stories,"
                         f" majority «{excerpt(group.majority, 70)}»")
        for version in group.versions:
            check = version.check
            against = "" if check is None else f" [source: {_label(check)}]"
            edits = "; ".join(edit.describe() for edit in version.edits)
            if args.format == "github":
                fails = _version_fails(version, args.min_similarity)
                if version.differs or fails:
                    message = f"differs from {len(group.versions)} stories' majority" if (
                        version.differs) else "matches the majority"
                    lines.append(f"::{'error' if fails else 'warning'}"
                                 f" title={gh_property(version.story)}::"
                                 f"{gh_message(f'{message}{against}: {edits}'.rstrip(': '))}")
                continue
            mark = "≠" if version.differs else "="
            lines.append(f"  {mark} {version.story}{against}")
            if version.differs:
                lines.append(f"      «{excerpt(version.quote.text, 70)}»")
                lines.extend(f"      {edit.describe()}" for edit in version.edits)
    if lines:
        out.write(printable("\n".join(lines)) + "\n")
    return failed
