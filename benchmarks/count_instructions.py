"""Count the instructions `extract` runs per pass over an article set, with callgrind.

Timings on a shared machine are noise; an instruction count is the same for the same run,
so two builds (or two versions of the code) compare exactly. The script runs itself under
``valgrind --tool=callgrind`` twice: once for the warm-up pass alone (import, lexicon,
patterns, caches filled by the first pass) and once for the warm-up and ``--passes`` more;
the difference divided by ``--passes`` is the cost of one warm pass.

Usage (the interpreter decides the build: the pure venv, or one with the compiled wheel)::

    python benchmarks/count_instructions.py dev wild
    python benchmarks/count_instructions.py --stage fold dev   # one stage of the pipeline
    python benchmarks/count_instructions.py --stage peer dev   # the spaCy peer (bench extra)

It prints one line per set: set, articles, instructions per pass, build.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from arquotes.document import Document

_TOTAL = re.compile(r"^summary:\s*(\d+)", re.MULTILINE)
"""The total of a callgrind output file (its ``summary:`` line)."""
_FOLDED: dict[str, str] = {}
"""Article -> its folded text, for the peer (filled in both runs, so the difference drops it)."""


def _work(stage: str) -> Callable[[str], object]:
    """The function one pass applies to every article: `extract`, one stage alone, or the peer.

    The spaCy peer is given the folded text for free, as in the throughput benchmark: its
    function looks the folded text up in a table filled before any pass is counted.
    """
    import arquotes  # noqa: PLC0415 - imported where callgrind counts it, after the fork
    from arquotes.document import Document  # noqa: PLC0415
    from arquotes.lexicon import default_lexicon  # noqa: PLC0415
    from arquotes.normalize import fold  # noqa: PLC0415
    from arquotes.patterns import compile_patterns  # noqa: PLC0415
    from arquotes.quotes import find_quotes  # noqa: PLC0415

    patterns = compile_patterns(default_lexicon())
    if stage == "peer":
        from bench_inputs import spacy_peer  # noqa: PLC0415

        peer, folded = spacy_peer(), _FOLDED
        return lambda text: peer(folded[text])
    from bench_inputs import cue_scan  # noqa: PLC0415

    def _cues(document: Document) -> int:
        return cue_scan(patterns, document.text, document.reads_alike)

    stages: dict[str, Callable[[str], object]] = {
        "extract": arquotes.extract,
        "fold": fold,
        "document": lambda text: Document(fold(text)),
        "marks": lambda text: find_quotes(text, Document(fold(text)).paragraphs, patterns),
        "tokens": lambda text: Document(fold(text)).token_words,
        "cues": lambda text: _cues(Document(fold(text))),
        "floor": _floor_count,
    }
    return stages[stage]


def _floor_count(text: str) -> int:
    """The floor of the throughput benchmark: one pass finding the common quotation marks."""
    from test_throughput import FLOOR  # noqa: PLC0415 - the benchmarks' own definition

    return sum(1 for _ in FLOOR.finditer(text))


def _run_passes(corpus: str, stage: str, passes: int) -> None:
    """The measured program: a warm-up pass and ``passes`` more."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_inputs import corpus as texts_of  # noqa: PLC0415

    texts = texts_of(corpus)
    if stage == "peer":
        from arquotes.normalize import fold  # noqa: PLC0415

        _FOLDED.update((text, fold(text).folded) for text in texts)
    work = _work(stage)
    for _ in range(1 + passes):
        for text in texts:
            work(text)


def _count(corpus: str, stage: str, passes: int) -> int:
    """Instructions of a run with the warm-up and ``passes`` passes, under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        valgrind = shutil.which("valgrind")
        if valgrind is None:
            raise SystemExit("valgrind is not installed")
        subprocess.run(  # noqa: S603 - our own interpreter and script, arguments from argparse
            [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}",
             sys.executable, __file__, "--inner", corpus, stage, str(passes)],
            check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        found = _TOTAL.search(out.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            raise SystemExit(f"no summary line in {out}")
        return int(found.group(1))


def main() -> int:
    """Print instructions per warm pass for each article set named."""
    if sys.argv[1:2] == ["--inner"]:
        _run_passes(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", choices=("seeds", "dev", "wild"))
    parser.add_argument("--passes", type=int, default=3, help="warm passes counted (3)")
    parser.add_argument("--stage", default="extract",
                        choices=("extract", "floor", "fold", "document", "tokens", "marks",
                                 "cues", "peer"))
    args = parser.parse_args()
    import arquotes  # noqa: PLC0415

    # getattr: the script also counts older code (before `COMPILED` existed), for comparisons.
    build = "compiled" if getattr(arquotes, "COMPILED", False) else "pure"
    for corpus in args.corpora:
        warm = _count(corpus, args.stage, 0)
        total = _count(corpus, args.stage, args.passes)
        per_pass = (total - warm) // args.passes
        print(f"{corpus}\t{args.stage}\t{per_pass}\t{build}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
