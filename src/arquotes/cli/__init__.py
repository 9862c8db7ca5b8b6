"""The ``arquotes`` command (docs/cli.md): one module per command, each adding its own parser.

Exit codes: 0 ok; 1 policy failure (``check`` found unattributed quotes); 2 usage or input
error (every other input is still processed), or an output (``-o``) that cannot be written
(checked before any input is read); 130 interrupted by Ctrl-C; 141 the reader of stdout went
away (``arquotes extract big.jsonl | head``); 143 stopped by SIGTERM (cleaned up as for Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any

from arquotes import __version__
from arquotes._build import BUILD
from arquotes.cli import check, evaluate, extract, serve, stats, verify
from arquotes.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_POLICY,
    EXIT_TERMINATED,
    say,
)
from arquotes.errors import LexiconError, OutputError
from arquotes.extract import Extractor
from arquotes.runner import lexicon_extractor
from arquotes.writers import InterruptGuard

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import FrameType

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_POLICY", "EXIT_TERMINATED", "main"]

COMMANDS = (extract, check, evaluate, stats, verify, serve)
"""The command modules, in the order ``arquotes --help`` lists them; each has ``add_command``."""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arquotes",
        description="Find quotes, reported speech and their speakers in Arabic news.",
        epilog="example:\n  arquotes extract seeds/000_0707ee13b42fe2f3.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"arquotes {__version__} ({BUILD})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_command(commands)
    return parser


def _lexicon_extractor(args: argparse.Namespace) -> Extractor | None:
    """The extractor with ``--lexicon`` (raises `LexiconError`), or None for the bundled one.

    Loaded once here, so a bad lexicon is reported before any output is opened; the runner's
    workers reuse it (forked) or load the same file (started afresh).
    """
    path = getattr(args, "lexicon", None)
    return None if path is None else lexicon_extractor(path)


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
        say(f"error: {exc}")
        return EXIT_INPUT
    guard = InterruptGuard()
    guard.install()
    args.guard = guard
    sigterm = _Sigterm()
    sigterm.install()
    try:
        code: int = args.run(args)
    except OutputError as exc:
        say(f"error: {exc}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        if sigterm.received:
            say("terminated")
            return EXIT_TERMINATED
        say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    else:
        return code
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
