"""Atheris harness: `arquotes.extract` must return a sound result for any text.

Each input is decoded as UTF-8 with ``surrogatepass`` (lone surrogates reach the pipeline),
extracted, checked (spans in bounds and slicing out their text, quotes in order and not
overlapping) and round-tripped through JSON. Any exception or failed check is a crash.
Run through ``fuzz/run.py``; see docs/reliability.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from arquotes import extract
    from arquotes.model import Claim, Extraction, Quote


def check(text: str, result: Extraction) -> None:
    """Raise AssertionError when ``result`` breaks an invariant for ``text``."""
    items: list[Quote | Claim] = [*result.quotes, *result.claims]
    items += [q for c in result.claims for q in c.quotes]
    for item in items:
        span = item.span
        if not (0 <= span.start <= span.end <= len(text)):
            raise AssertionError(f"span {span} out of bounds")
        if text[span.start : span.end] != item.text:
            raise AssertionError(f"span {span} does not slice out its text")
    for before, after in zip(result.quotes, result.quotes[1:], strict=False):
        if before.span.end > after.span.start:
            raise AssertionError("quotes overlap or are out of order")
    if Extraction.from_json(result.to_json()) != result:
        raise AssertionError("JSON round trip lost data")


def test_one_input(data: bytes) -> None:
    """Extract one fuzzed text and check the result."""
    text = data.decode("utf-8", errors="surrogatepass") if _valid(data) else data.decode(
        "utf-8", errors="replace")
    check(text, extract(text))


def _valid(data: bytes) -> bool:
    try:
        data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def main() -> None:
    """Run atheris with the command-line arguments (corpus directories, -max_total_time)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
