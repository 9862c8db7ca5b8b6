"""``arquotes evaluate``: score extraction against gold files (the same figures as score.py)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import TYPE_CHECKING

from arquotes.cli.common import EXIT_INPUT, EXIT_OK, command_parser, printable, say
from arquotes.cli.options import add_lexicon_option
from arquotes.errors import GoldFormatError
from arquotes.evaluate import evaluate_documents
from arquotes.extract import extract
from arquotes.gold import GoldDocument, find_gold_files, load_gold
from arquotes.render import render_evaluation
from arquotes.writers import open_output

if TYPE_CHECKING:
    from arquotes.cli.common import Commands
    from arquotes.evaluate import Extractor
    from arquotes.model import Extraction

__all__ = ["add_command"]

_EXAMPLE = """\
examples:
  arquotes evaluate tests/corpus
  arquotes evaluate tests/corpus/a08.json --errors --json
  arquotes evaluate tests/corpus --html review.html
"""


def add_command(commands: Commands) -> None:
    """Add ``evaluate`` and its options."""
    parser = command_parser(
        commands,
        "evaluate",
        summary="score extraction against gold annotation files",
        description="Score arquotes against gold files (docs/gold-format.md).",
        example=_EXAMPLE,
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD", help="gold files or folders of them")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument(
        "--errors", action="store_true", help="list misses, spurious items and wrong speakers"
    )
    parser.add_argument(
        "--html",
        metavar="OUT",
        help="also write gold against prediction as an HTML page to OUT ('-': stdout)",
    )
    add_lexicon_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the score table (or JSON), write the page; exit 2 when a gold file was unreadable.

    The page's path is opened before any article is extracted, so a bad one fails at once.
    """
    paths = find_gold_files(args.gold)
    if not paths:
        say("error: no gold files (*.json) found")
        return EXIT_INPUT
    documents: list[GoldDocument] = []
    failed = 0
    for path in paths:
        try:
            documents.append(load_gold(path))
        except GoldFormatError as exc:
            failed += 1
            say(f"error: {exc}")
    if not documents:  # scores over nothing would print as a perfect table
        say(f"error: no readable gold file ({failed} could not be read)")
        return EXIT_INPUT
    extractor = _Remembering(args.extractor.extract if args.extractor else extract)
    with contextlib.ExitStack() as stack:
        page = None if args.html is None else stack.enter_context(open_output(args.html))
        report = evaluate_documents(documents, extractor)
        if page is not None:
            page.write(render_evaluation(report, documents, extractor.seen))
    if args.html == "-":  # the page is stdout: no table after it
        return EXIT_INPUT if failed else EXIT_OK
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=True) + "\n")
    else:
        if args.errors and (errors := report.format_errors()):
            sys.stdout.write(printable(errors) + "\n\n")
        sys.stdout.write(report.format_table() + "\n")
    return EXIT_INPUT if failed else EXIT_OK


class _Remembering:
    """An extractor that keeps what it gave for each text, for the HTML page."""

    def __init__(self, extractor: Extractor) -> None:
        self._extractor = extractor
        self.seen: dict[str, Extraction] = {}

    def __call__(self, text: str) -> Extraction:
        self.seen[text] = found = self._extractor(text)
        return found
