"""What every command shares: exit codes, messages on stderr and text safe to print."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import attrs
from tqdm import tqdm

from arquotes.readers import ReadOptions, read_articles
from arquotes.runner import run
from arquotes.writers import escape_controls

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import TypeAlias

    from arquotes.readers import Article
    from arquotes.runner import Outcome, Task

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001
    """The ``add_subparsers`` object each command module adds its parser to."""

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_POLICY",
    "EXIT_TERMINATED",
    "command_parser",
    "excerpt",
    "gh_message",
    "gh_property",
    "noted",
    "outcomes",
    "printable",
    "read_options",
    "say",
]

EXIT_OK = 0
EXIT_POLICY = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143



def command_parser(
    commands: Commands, name: str, *, summary: str, description: str, example: str
) -> argparse.ArgumentParser:
    """A command's parser: one line in ``arquotes --help``, a description, examples below."""
    return commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=example,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def say(message: str) -> None:
    """Print to stderr without breaking a progress bar."""
    tqdm.write(f"arquotes: {message}", file=sys.stderr)


def printable(text: str) -> str:
    """Escape lone surrogates and terminal controls (not newlines) so any text can be printed."""
    return escape_controls(text, keep="\n").encode("utf-8", "backslashreplace").decode("utf-8")


def excerpt(text: str, width: int = 80) -> str:
    """The text on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def gh_message(text: str) -> str:
    """Escape a GitHub Actions workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """Escape a GitHub Actions workflow-command property value."""
    return gh_message(text).replace(":", "%3A").replace(",", "%2C")


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The reading options of the input options (`arquotes.cli.options.add_input_options`)."""
    return ReadOptions(
        input_format=args.input_format,
        id_field=args.id_field,
        text_field=args.text_field,
        max_bytes=args.max_bytes,
        encoding=args.encoding,
        glob=args.glob,
    )


def noted(articles: Iterable[Article]) -> Iterator[Article]:
    """Say on stderr how an input was read when it was guessed (its encoding, JSON)."""
    for article in articles:
        if article.note is not None:
            say(f"note: {article.source}: {article.note}")
        yield article


def outcomes(
    args: argparse.Namespace,
    task: Task,
    *,
    prepare: Callable[[Article], Article] | None = None,
) -> Iterator[Outcome]:
    """Each input article's outcome, in input order, with a progress bar on a terminal.

    With ``--lexicon``, the task names the file, so every worker extracts with it however
    the worker was started.
    """
    articles: Iterator[Article] = noted(read_articles(args.files, read_options(args)))
    if prepare is not None:
        articles = map(prepare, articles)
    lexicon = getattr(args, "lexicon", None)
    if lexicon is not None:
        task = attrs.evolve(task, lexicon=lexicon)
    results = run(articles, task, jobs=args.jobs or 1)
    with tqdm(
        results, file=sys.stderr, unit=" articles", disable=not sys.stderr.isatty()
    ) as progress:
        yield from progress
