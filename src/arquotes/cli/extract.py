"""``arquotes extract``: every article's quotes, claims and speakers, one record each.

With ``--engine dask`` the inputs are shards of a corpus and the output a folder with one
JSON Lines shard per input shard (`arquotes.dask`), resumable after an interruption.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from arquotes.cli.common import EXIT_INPUT, EXIT_OK, command_parser, outcomes, read_options, say
from arquotes.cli.options import add_input_options, add_jobs_option
from arquotes.errors import ShardError
from arquotes.runner import Task
from arquotes.writers import FORMATS, HtmlWriter, make_writer, open_output

if TYPE_CHECKING:
    from arquotes.cli.common import Commands

__all__ = ["add_command"]

_EXAMPLE = """\
examples:
  arquotes extract seeds/000_0707ee13b42fe2f3.txt
  arquotes extract corpus.jsonl --text-field body -j 4 --format csv -o quotes.csv
  cat article.txt | arquotes extract - --format text
  arquotes extract seeds/ --format html -o review.html
  arquotes extract 'shards/*.jsonl.gz' --engine dask -o records/
  arquotes extract shards/ --engine dask --scheduler tcp://10.0.0.5:8786 -o /shared/records
"""


def add_command(commands: Commands) -> None:
    """Add ``extract`` and its options."""
    parser = command_parser(
        commands,
        "extract",
        summary="extract quotes and claims as JSON Lines, JSON, CSV or text",
        description="Extract quotes, claims and speakers from articles, one record each.",
        example=_EXAMPLE,
    )
    add_input_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of stdout ('-': stdout); with --engine dask, the output folder",
    )
    add_jobs_option(parser)
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine's processes (-j); dask: one task per input shard on a Dask"
        " cluster, one output shard each in the -o folder (needs arquotes[dask])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler (tcp://host:8786); default: a local"
        " cluster of -j worker processes, one per core",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write each article's record as it comes; exit 2 when an article gave an error record."""
    if args.engine == "dask":
        return _run_dask(args)
    if args.scheduler is not None:
        say("error: --scheduler needs --engine dask")
        return EXIT_INPUT
    failed = 0
    guard = args.guard
    with open_output(args.output) as stream:
        writer = make_writer(args.format, stream)
        try:
            task = Task(
                render_json=args.format in ("json", "jsonl") and (args.jobs or 1) > 1,
                timeout=args.timeout,
            )
            keep = writer.keep if isinstance(writer, HtmlWriter) else None  # its texts
            for outcome in outcomes(args, task, prepare=keep):
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


def _run_dask(args: argparse.Namespace) -> int:
    """Extract the shards on Dask; say what was written, resumed and failed."""
    from arquotes.dask import DaskMissingError, extract_shards  # noqa: PLC0415 - optional

    problem = _dask_usage_problem(args)
    if problem is not None:
        say(f"error: {problem}")
        return EXIT_INPUT
    try:
        results = extract_shards(
            args.files,
            args.output,
            scheduler=args.scheduler,
            workers=args.jobs,
            options=read_options(args),
            lexicon=args.lexicon,
            glob=args.glob,
            progress=sys.stdout.isatty(),
            say=say,
        )
    except (DaskMissingError, ShardError) as exc:
        say(f"error: {exc}")
        return EXIT_INPUT
    resumed = sum(result.skipped for result in results)
    records = sum(result.records for result in results)
    errors = sum(result.errors for result in results)
    for result in results:
        if result.errors:
            say(f"error: {result.input}: {result.errors} error record(s) in {result.output}")
    say(
        f"{len(results)} shard(s) in {args.output}: {len(results) - resumed} extracted,"
        f" {resumed} already complete; {records} record(s), {errors} error(s)"
    )
    return EXIT_INPUT if errors else EXIT_OK


def _dask_usage_problem(args: argparse.Namespace) -> str | None:
    """Why these options do not go with ``--engine dask``, or None."""
    if not args.output or args.output == "-":
        return "--engine dask writes one shard per input shard: give the folder with -o"
    if args.format != "jsonl":
        return "--engine dask writes JSON Lines shards: drop --format or use --format jsonl"
    if args.timeout is not None:
        return "--timeout is not available with --engine dask (workers run tasks in threads)"
    if not args.files or "-" in args.files:
        return "--engine dask reads shard files, folders or globs, not stdin"
    return None
