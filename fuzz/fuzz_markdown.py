"""Atheris harness: the Markdown reader must keep every offset, for any text.

Each input is decoded as UTF-8 (lone surrogates kept, as in ``fuzz_extract``), read as
Markdown by `arquotes.markdown.prose` and checked: the prose has the text's length and line
breaks, and differs from it only by spaces, a ``«`` where a block quote's ``>`` stood, and the
character of an HTML entity. The prose is then checked as ``arquotes check`` would, and every
violation's line and column must point at its quote; so must they when the paragraphs are
joined (``join_lines``, as ``check`` reads), placed back at the text's lines. Any exception or
failed check is a crash.
Run through ``fuzz/run.py``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from arquotes import extract
    from arquotes.markdown import prose
    from arquotes.policy import find_violations, placed_in

_ENTITY_REACH = 32


def check(text: str, out: str) -> None:
    """Raise AssertionError when ``out`` is not a same-offset prose view of ``text``."""
    if len(out) != len(text):
        raise AssertionError(f"length {len(text)} became {len(out)}")
    for i, (before, after) in enumerate(zip(text, out, strict=True)):
        if before == after or (after == " " and before not in "\r\n"):
            continue
        if after == "«" and before == ">":
            continue
        if "&" in text[max(0, i - _ENTITY_REACH) : i + 1]:
            continue  # inside an HTML entity replaced by its character
        raise AssertionError(f"offset {i}: {before!r} became {after!r}")
    lines = out.split("\n")
    for violation in find_violations(out, extract(out), source="a.md", min_confidence=0.5):
        line = lines[violation.line - 1]
        if not line[violation.column - 1 :].startswith(violation.quote.split("\n")[0]):
            raise AssertionError(f"violation at {violation.line}:{violation.column} misplaced")


def check_joined(text: str, out: str) -> None:
    """Raise AssertionError when joined prose loses offsets or misplaces a violation."""
    if len(out) != len(text):
        raise AssertionError(f"length {len(text)} became {len(out)} (joined)")
    found = find_violations(out, extract(out), source="a.md", min_confidence=0.5)
    starts = [0]
    starts += [i + 1 for i, c in enumerate(text) if c == "\n"]
    for violation in placed_in(found, out, text):
        offset = starts[violation.line - 1] + violation.column - 1
        if not out.startswith(violation.quote, offset):
            raise AssertionError(f"joined violation at {violation.line}:{violation.column}")


def test_one_input(data: bytes) -> None:
    """Read one fuzzed text as Markdown and check the prose and the policy on it."""
    try:
        text = data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
    check(text, prose(text))
    check_joined(text, prose(text, join_lines=True))


def main() -> None:
    """Run atheris with the command-line arguments (corpus directories, -max_total_time)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
