"""``arquotes extract``: every article's quotes, claims and speakers, one record each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from arquotes.cli.common import EXIT_INPUT, EXIT_OK, outcomes, say
from arquotes.cli.options import add_input_options, add_jobs_option
from arquotes.runner import Task
from arquotes.writers import FORMATS, make_writer, open_output

if TYPE_CHECKING:
    from arquotes.cli.common import Commands

__all__ = ["add_command"]

_EXAMPLE = """\
examples:
  arquotes extract seeds/000_0707ee13b42fe2f3.txt
  arquotes extract corpus.jsonl --text-field body -j 4 --format csv -o quotes.csv
  cat article.txt | arquotes extract - --format text
"""


def add_command(commands: Commands) -> None:
    """Add ``extract`` and its options."""
    parser = commands.add_parser(
        "extract",
        help="extract quotes and claims as JSON Lines, JSON, CSV or text",
        description="Extract quotes, claims and speakers from articles, one record each.",
        epilog=_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout ('-': stdout)"
    )
    add_jobs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write each article's record as it comes; exit 2 when an article gave an error record."""
    failed = 0
    guard = args.guard
    with open_output(args.output) as stream:
        writer = make_writer(args.format, stream)
        try:
            task = Task(
                render_json=args.format in ("json", "jsonl") and args.jobs > 1,
                timeout=args.timeout,
            )
            for outcome in outcomes(args, task):
                if outcome.error is not None:
                    failed += 1
                    say(f"error: {outcome.source}: {outcome.error}")
                with guard.writing():
                    writer.write(outcome)
                    if args.output in (None, "-"):  # stdout: records go out as they come
                        stream.flush()
        finally:
            with guard.writing():
                writer.close()
    return EXIT_INPUT if failed else EXIT_OK
