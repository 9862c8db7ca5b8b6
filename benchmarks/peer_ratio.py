"""Whole `extract` against the spaCy peer, passes interleaved, CPU time of this process.

The throughput benchmarks time `extract` and the peer one after the other, so load that
changes between the two shifts their ratio. Here each round runs one pass of `extract` and
one pass of the peer over the same articles, alternating which goes first, and the best
pass of each is kept (`time.process_time`, so time other processes take is not counted).

Usage (the interpreter decides the build; spaCy is in the ``bench`` extra)::

    python benchmarks/peer_ratio.py dev wild --rounds 20

It prints, per article set: best seconds per pass of each, and peer time / extract time
(above 1: `extract` is the faster).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path


def _each(function: Callable[[str], object], texts: Sequence[str]) -> None:
    """One pass: ``function`` over every text."""
    for text in texts:
        function(text)


def _best_passes(work: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Best CPU seconds of one pass of each function, passes alternated round by round."""
    best = dict.fromkeys(work, float("inf"))
    names = list(work)
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            start = time.process_time()
            work[name]()
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> int:
    """Print the best pass of `extract` and of the peer, and their ratio, per article set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", choices=("seeds", "dev", "wild"))
    parser.add_argument("--rounds", type=int, default=20, help="passes of each (20)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import arquotes  # noqa: PLC0415
    from arquotes.normalize import fold  # noqa: PLC0415
    from bench_inputs import corpus, spacy_peer  # noqa: PLC0415

    try:
        peer = spacy_peer()
    except ImportError:
        parser.error("the spaCy peer needs spaCy: pip install -e '.[bench]'")
    build = "compiled" if arquotes.COMPILED else "pure"
    extractor = arquotes.Extractor()
    for name in args.corpora:
        texts = corpus(name)
        folded = [fold(text).folded for text in texts]  # the peer gets the folded text free
        work: dict[str, Callable[[], object]] = {
            "extract": partial(_each, extractor.extract, texts),
            "peer": partial(_each, peer, folded),
        }
        for function in work.values():
            function()  # warm: first-call caches of both
        best = _best_passes(work, args.rounds)
        print(f"{name}\t{build}\textract {best['extract']:.4f} s\tpeer {best['peer']:.4f} s"
              f"\tpeer/extract {best['peer'] / best['extract']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
