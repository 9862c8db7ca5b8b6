"""The same corpus on the local engine (``-j 1``, ``-j 2``) and on Dask (one and two workers).

A JSON Lines corpus of 20 MB (1 MB in quick mode; ``ARQUOTES_BENCH_ENGINES_MB`` sets it) in
8 shards, extracted by the command line in a child process, so each figure is what a user
waits for, start-up included (for Dask: starting a local cluster). The ratios printed at the
end compare each run with ``-j 1``; docs/scale.md reads them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bench_figures import record
from bench_inputs import MB, QUICK, ROOT, jsonl_corpus

ENGINES_SIZE = int(os.environ.get("ARQUOTES_BENCH_ENGINES_MB", "1" if QUICK else "20")) * MB
SHARDS = 8
RUNS = {
    "engine local -j 1": ["-j", "1"],
    "engine local -j 2": ["-j", "2"],
    "engine dask 1 worker": ["--engine", "dask", "-j", "1"],
    "engine dask 2 workers": ["--engine", "dask", "-j", "2"],
}
_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], int]:
    """`SHARDS` JSON Lines shards of `ENGINES_SIZE` bytes in all, and their article count."""
    folder = tmp_path_factory.mktemp("engines")
    paths = [folder / f"shard-{number}.jsonl" for number in range(SHARDS)]
    articles = sum(jsonl_corpus(path, ENGINES_SIZE // SHARDS) for path in paths)
    return paths, articles


@pytest.mark.parametrize("name", list(RUNS))
def test_engine(
    benchmark: Any, shards: tuple[list[Path], int], name: str, tmp_path: Path
) -> None:
    """Wall time of ``arquotes extract SHARDS ...`` with one engine and worker count."""
    paths, articles = shards
    output = tmp_path / ("out" if "dask" in name else "out.jsonl")
    seconds: list[float] = []

    def work() -> None:
        start = time.perf_counter()
        done = subprocess.run(  # noqa: S603 - our own interpreter and arguments.
            [sys.executable, "-m", "arquotes", "extract", *map(str, paths), *RUNS[name],
             "-o", str(output)],
            env=_ENV, capture_output=True, check=False,
        )
        seconds.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr.decode(errors="replace")

    benchmark.pedantic(work, rounds=1, iterations=1)
    size = sum(path.stat().st_size for path in paths)
    benchmark.extra_info.update(bytes=size, articles=articles, cpus=os.cpu_count())
    record(name, min(seconds), bytes=size, articles=articles)
