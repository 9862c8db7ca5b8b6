"""Atheris harness: the CLI's JSON Lines reader must turn any bytes into articles, never raise.

Every non-blank line must give exactly one `Article`, with text or with an error, so the
``extract`` command's "N articles in, N records out" promise holds for any input file. Each
article with text is then extracted, as the CLI would. Run through ``fuzz/run.py``.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    from arquotes.readers import ReadOptions, read_articles
    from arquotes.runner import Task, process

_OPTIONS = ReadOptions(input_format="jsonl", max_bytes=4096)


def test_one_input(data: bytes) -> None:
    """Read fuzzed bytes as a JSONL stream and check one article per non-blank line."""
    articles = list(read_articles(["-"], _OPTIONS, stdin=io.BytesIO(data)))
    # A line is read whole up to max_bytes; a longer one is one error article, even if blank.
    expected = sum(1 for line in data.split(b"\n")
                   if len(line) > _OPTIONS.max_bytes or line.strip())
    if len(articles) != expected:
        raise AssertionError(f"{expected} lines gave {len(articles)} articles")
    for article in articles:
        if (article.text is None) == (article.error is None):
            raise AssertionError(f"article {article.article_id} has both or neither text/error")
        outcome = process(article, Task(check=True))
        if outcome.error is not None and article.error is None:
            raise AssertionError(f"extraction failed: {outcome.error}")


def main() -> None:
    """Run atheris with the command-line arguments (corpus directories, -max_total_time)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
