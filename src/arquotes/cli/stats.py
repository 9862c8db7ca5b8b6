"""``arquotes stats``: what a corpus of extraction records says (docs/stats.md)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING, Any

from arquotes.cli.common import EXIT_INPUT, EXIT_OK, command_parser, printable, say
from arquotes.cli.options import positive_int
from arquotes.stats import CorpusStats, StatsReport
from arquotes.stats_io import (
    BadLine,
    EngineError,
    add_line,
    find_record_files,
    stats_of_files,
    stats_on_dask,
)
from arquotes.writers import open_output

if TYPE_CHECKING:
    from arquotes.cli.common import Commands

__all__ = ["add_command"]

TABLES = ("speakers", "cues", "outlets", "days")
_TABLE_TOP = 20
_SHOWN_BAD_LINES = 10  # bad lines described on stderr; the rest are only counted

_EXAMPLE = """\
examples:
  arquotes extract corpus.jsonl -o records.jsonl && arquotes stats records.jsonl
  arquotes stats records/ --format csv --table cues -o cues.csv
  arquotes stats 'out/*.jsonl.gz' --format json --engine dask --scheduler tcp://host:8786
"""


def add_command(commands: Commands) -> None:
    """Add ``stats`` and its options."""
    parser = command_parser(
        commands,
        "stats",
        summary="count speakers, cues, outlets and days over extraction records",
        description="Speakers ranked by quotes and claims, speaker kinds and genders, "
                    "top cues, and counts per outlet and day, over `arquotes extract` records.",
        example=_EXAMPLE,
    )
    parser.add_argument("records", nargs="+", metavar="RECORDS",
                        help="JSON Lines record files (.gz too), folders of them, or globs; "
                             "'-': stdin")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="default: table")
    parser.add_argument("--table", choices=TABLES, default="speakers",
                        help="the table --format csv writes (default: speakers)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here instead of stdout ('-': stdout)")
    parser.add_argument("--top", type=positive_int, metavar="N",
                        help="speakers, and lemmas per cue category, to give (default: "
                             f"{_TABLE_TOP} in the table, all in CSV and JSON)")
    parser.add_argument("--outlet-field", default="source", metavar="F",
                        help="pass-through field naming the outlet (default: source)")
    parser.add_argument("--date-field", default="date", metavar="F",
                        help="pass-through field holding the date (default: date)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="count here, or as a Dask reduction (default: local)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: the Dask scheduler to use (default: a local "
                             "process pool)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print or write the stats; exit 2 when an input or a line could not be read."""
    stdin = "-" in args.records
    if args.scheduler is not None and args.engine != "dask":
        say("error: --scheduler needs --engine dask")
        return EXIT_INPUT
    if stdin and args.engine == "dask":
        say("error: --engine dask reads files, not stdin")
        return EXIT_INPUT
    files, missing = find_record_files(r for r in args.records if r != "-")
    for given in missing:
        say(f"error: {given}: no such record file, folder or match")
    try:
        stats = _count_records(args, files, stdin=stdin)
    except EngineError as exc:
        say(f"error: {exc}")
        return EXIT_INPUT
    except OSError as exc:
        say(f"error: cannot read records: {exc}")
        return EXIT_INPUT
    if stats.bad_lines:
        say(f"error: {stats.bad_lines} bad line(s) were not counted")
    report = stats.report()
    top = args.top or (_TABLE_TOP if args.format == "table" else None)
    with open_output(args.output) as stream:
        if args.format == "json":
            stream.write(json.dumps(report.to_dict(top), ensure_ascii=False) + "\n")
        elif args.format == "csv":
            csv.writer(stream, lineterminator="\n").writerows(_rows(report, args.table, top))
        else:
            stream.write(printable(format_table(report, top)))
    return EXIT_INPUT if missing or stats.bad_lines else EXIT_OK


def _count_records(args: argparse.Namespace, files: list[str], *, stdin: bool) -> CorpusStats:
    """The stats of stdin (when asked) and ``files``, on the engine asked for."""
    stats = CorpusStats(outlet_field=args.outlet_field, date_field=args.date_field)
    if args.engine == "dask":
        if not files:
            return stats
        return stats_on_dask(files, outlet_field=args.outlet_field,
                             date_field=args.date_field, scheduler=args.scheduler)
    shown = _BadLines()
    if stdin:
        for number, raw in enumerate(sys.stdin.buffer, 1):
            reason = add_line(stats, raw)
            if reason is not None:
                shown(BadLine(path="<stdin>", number=number, reason=reason))
    return stats_of_files(files, stats, shown)


class _BadLines:
    """Describe the first bad lines on stderr."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, bad: BadLine) -> None:
        self.seen += 1
        if self.seen <= _SHOWN_BAD_LINES:
            say(f"error: {bad.path}:{bad.number}: {bad.reason}")


def _rows(report: StatsReport, table: str, top: int | None) -> list[list[Any]]:
    """Header and rows of one table."""
    if table == "speakers":
        return [["rank", "quotes", "claims", "articles", "kind", "gender", "name", "variants"],
                *([i, s.quotes, s.claims, s.articles, s.kind,
                   "" if s.gender is None else s.gender.value, s.name, "; ".join(s.variants)]
                  for i, s in enumerate(report.speakers[:top], 1))]
    if table == "cues":
        return [["category", "lemma", "count"],
                *([c.category, c.lemma, c.count] for c in report.top_cues(top))]
    groups = report.outlets if table == "outlets" else report.days
    return [[table[:-1], "records", "quotes", "claims", "quotes_without_speaker"],
            *([g.key, g.records, g.quotes, g.claims, g.quotes_without_speaker]
              for g in groups)]


def format_table(report: StatsReport, top: int | None) -> str:
    """The terminal form: totals, then each table with aligned columns (names last)."""
    share = f"{report.share_without_speaker:.1%}"
    lines = [
        f"records {report.records}  failed {report.failed}  bad lines {report.bad_lines}",
        (f"quotes {report.quotes}  without speaker {report.quotes_without_speaker} ({share})"
         f"  claims {report.claims}  without speaker {report.claims_without_speaker}"),
    ]
    kinds: list[list[Any]] = [["kind", "speakers", "quotes", "claims"],
             *([k.kind, k.speakers, k.quotes, k.claims] for k in report.kinds)]
    genders: list[list[Any]] = [["gender", "persons", "quotes", "claims"],
               *([g.kind, g.speakers, g.quotes, g.claims] for g in report.genders)]
    sections: list[tuple[str, list[list[Any]]]] = [
        ("speakers", _rows(report, "speakers", top)), ("kinds", kinds), ("genders", genders),
        ("cues", _rows(report, "cues", top))]
    sections += [(name, _rows(report, name, top)) for name in ("outlets", "days")
                 if (report.outlets if name == "outlets" else report.days)]
    for title, rows in sections:
        lines += ["", title, *_aligned(rows)]
    return "\n".join(lines) + "\n"


def _aligned(rows: list[list[Any]]) -> list[str]:
    """Columns padded to their widest cell; numbers to the right, text to the left."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    numeric = [all(isinstance(row[i], int) for row in rows[1:]) for i in range(len(widths))]
    return ["  ".join((c.rjust(w) if n else c.ljust(w))
                      for c, w, n in zip(row, widths, numeric, strict=True)).rstrip()
            for row in cells]
