"""``arquotes check``: fail when a direct quote has no speaker (for CI and pre-commit)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, TYPE_CHECKING

import attrs

from arquotes.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_POLICY,
    command_parser,
    excerpt,
    gh_message,
    gh_property,
    outcomes,
    printable,
    say,
)
from arquotes.cli.options import add_input_options, add_jobs_option, unit_float
from arquotes.markdown import MARKDOWN_SUFFIXES
from arquotes.markdown import prose as markdown_prose
from arquotes.policy import placed_in
from arquotes.render import render_check
from arquotes.runner import Task

if TYPE_CHECKING:
    from collections.abc import Sequence

    from arquotes.cli.common import Commands
    from arquotes.policy import Violation
    from arquotes.readers import Article
    from arquotes.runner import Outcome

__all__ = ["DEFAULT_MIN_CONFIDENCE", "add_command"]

DEFAULT_MIN_CONFIDENCE = 0.5
"""``check``'s floor: under a guessed speaker (0.3), at most a named one (0.6 to 0.9)."""

_EXAMPLE = """\
examples:
  arquotes check seeds/000_0707ee13b42fe2f3.txt
  arquotes check articles/*.md --min-confidence 0.6 --format github
  arquotes check articles/ --format html > report.html
"""


def add_command(commands: Commands) -> None:
    """Add ``check`` and its options."""
    parser = command_parser(
        commands,
        "check",
        summary="fail when a direct quote has no speaker (for CI and pre-commit)",
        description="Exit 1 when a direct quote has no speaker or a low-confidence one.",
        example=_EXAMPLE,
    )
    add_input_options(parser)
    parser.add_argument(
        "--min-confidence",
        type=unit_float,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help="reject speakers with confidence under X (0 to 1; default "
        f"{DEFAULT_MIN_CONFIDENCE}: a guessed speaker fails, a named one passes)",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "github", "html"), default="text",
        help="html: one self-contained page, the report for a newsroom",
    )
    add_jobs_option(parser)
    parser.set_defaults(run=run)


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


def run(args: argparse.Namespace) -> int:
    """Print the violations; exit 1 when there are any, 2 when an input could not be read."""
    violations: list[Violation] = []
    errors: list[Outcome] = []
    task = Task(check=True, min_confidence=args.min_confidence, timeout=args.timeout)
    markdown = _Markdown()
    for outcome in outcomes(args, task, prepare=markdown.read):
        if outcome.error is not None:
            errors.append(outcome)
            say(f"error: {outcome.source}: {outcome.error}")
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
        out.write(printable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        return
    if output_format == "html":
        failures = [(e.source, e.error or "error") for e in errors]
        out.write(printable(render_check(violations, failures)))
        return
    if output_format == "github":
        lines = [
            f"::error file={gh_property(v.source)},line={v.line},col={v.column}"
            f"::{gh_message(excerpt(v.quote) + ': ' + v.reason)}"
            for v in violations
        ]
        lines.extend(
            f"::error file={gh_property(e.source)}::{gh_message(e.error or 'error')}"
            for e in errors
        )
    else:
        lines = [
            f"{v.source}:{v.line}:{v.column}: {v.reason}: «{excerpt(v.quote)}»"
            for v in violations
        ]
        if violations:
            lines.append(f"{len(violations)} unattributed quote(s)")
    if lines:
        out.write(printable("\n".join(lines)) + "\n")
