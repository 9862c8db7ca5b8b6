"""Quote fidelity speed: 50 quotes against a 200 KB transcript (and a 2 MB one), docs/verify.md.

The transcript is real Arabic news: the seed articles, the dev corpus and the wild corpus
(``benchmarks/wild/wild.jsonl``) one after another, to the size wanted. The 50 quotes are cut
from it at seeded random places (6 to 30 words): a third kept as they are, a third with a word
dropped, a third with a word replaced; five more are invented (words drawn from all over the
text), so every verdict's path is timed. Two figures per size:

* ``verify N``: indexing the transcript and checking the 50 quotes (what one story costs);
* ``verify checks N``: the 50 checks alone on the built index, which should not grow with N.
"""

from __future__ import annotations

import json
import random
from functools import cache
from typing import Any

import pytest

from arquotes.model import Quote, Span
from arquotes.verify import Checker, Verdict
from bench_figures import best_seconds, record
from bench_inputs import KB, MB, ROOT, articles, utf8_size

SIZES = (200 * KB, 2 * MB)
QUOTES = 50
INVENTED = 5


@cache
def transcript(size: int) -> str:
    """About ``size`` bytes of real news text, the articles repeated as needed."""
    wild = [json.loads(line)["text"] for line in
            (ROOT / "benchmarks" / "wild" / "wild.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = [*articles(), *wild]
    pieces: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            pieces.append(text)
            total += utf8_size(text) + 1
            if total >= size:
                break
    return "\n".join(pieces)


def quotes(text: str) -> list[Quote]:
    """The quotes of the module docstring, from a seeded generator."""
    rng = random.Random(14)
    tokens = text.split()
    found: list[Quote] = []
    for number in range(QUOTES):
        length = rng.randint(6, 30)
        start = rng.randrange(len(tokens) - length)
        words = tokens[start : start + length]
        if number % 3 == 1:
            del words[rng.randrange(1, length - 1)]
        elif number % 3 == 2:
            words[rng.randrange(1, length - 1)] = tokens[rng.randrange(len(tokens))]
        found.append(_quote(" ".join(words)))
    found.extend(_quote(" ".join(rng.choice(tokens) for _ in range(12)))
                 for _ in range(INVENTED))
    return found


def _quote(text: str) -> Quote:
    return Quote(text=text, span=Span(0, len(text)))


def _label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: _label(size).replace(" ", ""))
def test_verify(benchmark: Any, size: int) -> None:
    """Index the transcript and check the quotes: one story's cost."""
    text = transcript(size)
    batch = quotes(text)

    def work() -> list[Verdict]:
        checker = Checker([text])
        return [checker.check(quote).verdict for quote in batch]

    verdicts = benchmark.pedantic(work, rounds=3, iterations=1, warmup_rounds=1)
    kept = verdicts[0 : QUOTES : 3]
    assert all(v is Verdict.VERBATIM for v in kept)  # cut from the text as it is
    assert verdicts[-INVENTED:].count(Verdict.NOT_FOUND) >= INVENTED - 1
    benchmark.extra_info["bytes"] = utf8_size(text)
    record(f"verify {_label(size)}", best_seconds(benchmark), bytes=utf8_size(text))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: _label(size).replace(" ", ""))
def test_verify_checks(benchmark: Any, size: int) -> None:
    """The quote checks alone, the index built: flat whatever the transcript's size."""
    text = transcript(size)
    batch = quotes(text)
    checker = Checker([text])
    benchmark.pedantic(lambda: [checker.check(q) for q in batch], rounds=5, iterations=1)
    record(f"verify checks {_label(size)}", best_seconds(benchmark), quotes=len(batch))
