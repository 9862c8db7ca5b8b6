"""The command line on a JSON Lines corpus: peak memory while streaming, and ``-j 2``.

* Memory: peak RSS of ``arquotes extract corpus.jsonl`` (one process) on a corpus of 200 MB
  (5 MB in quick mode; ``ARQUOTES_BENCH_STREAM_MB`` sets it), against the RSS of a bare
  interpreter and of one that has only imported arquotes and built its lexicon.
* Parallel throughput: the same command on a smaller corpus with ``-j 1`` and ``-j 2``.

Output goes to a file in the test's tmp_path, as a user's would, never to a device.

Each run is a child process that reports its own peak RSS (``peak_rss.py``), so the memory of
the test process that started it is not counted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from bench_figures import record
from bench_inputs import JOBS_SIZE, MB, ROOT, STREAM_SIZE, jsonl_corpus

_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
_PEAK_RSS = Path(__file__).with_name("peak_rss.py")


def _run_child(args: list[str]) -> tuple[float, float]:
    """Run a Python child with ``args``; its wall time in seconds and peak RSS in MB."""
    with tempfile.TemporaryDirectory() as scratch:
        peak = Path(scratch) / "peak"
        errors = Path(scratch) / "errors"
        start = time.perf_counter()
        with errors.open("wb") as stderr:
            done = subprocess.run(  # noqa: S603 - our own interpreter and arguments.
                [sys.executable, str(_PEAK_RSS), str(peak), *args],
                env=_ENV, stdout=subprocess.DEVNULL, stderr=stderr, check=False,
            )
        seconds = time.perf_counter() - start
        assert done.returncode == 0, errors.read_text(encoding="utf-8", errors="replace")
        return seconds, int(peak.read_text(encoding="ascii")) / 1024


@pytest.fixture(scope="module")
def stream_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines corpus of `STREAM_SIZE` bytes of articles."""
    path = tmp_path_factory.mktemp("stream") / "corpus.jsonl"
    jsonl_corpus(path, STREAM_SIZE)
    return path


@pytest.fixture(scope="module")
def jobs_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines corpus of `JOBS_SIZE` bytes of articles."""
    path = tmp_path_factory.mktemp("jobs") / "corpus.jsonl"
    jsonl_corpus(path, JOBS_SIZE)
    return path


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS is read in /proc")
def test_streaming_memory(benchmark: Any, stream_corpus: Path, tmp_path: Path) -> None:
    """Peak RSS of ``arquotes extract`` streaming a large JSON Lines corpus, one process."""
    _, bare = _run_child(["-c", "pass"])
    _, loaded = _run_child(["-c", "import arquotes; arquotes.extract('x')"])
    figures: dict[str, float] = {}

    def work() -> None:
        figures["seconds"], figures["peak"] = _run_child(
            ["-m", "arquotes", "extract", str(stream_corpus), "-o", str(tmp_path / "out.jsonl")]
        )

    benchmark.pedantic(work, rounds=1, iterations=1)
    size = stream_corpus.stat().st_size
    benchmark.extra_info.update(peak_rss_mb=figures["peak"], interpreter_rss_mb=bare,
                                loaded_rss_mb=loaded, bytes=size)
    record("streaming memory", figures["seconds"], bytes=size, peak_rss_mb=figures["peak"],
           interpreter_rss_mb=bare, loaded_rss_mb=loaded, corpus_mb=size / MB)


@pytest.mark.parametrize("jobs", [1, 2])
def test_jobs(benchmark: Any, jobs_corpus: Path, jobs: int, tmp_path: Path) -> None:
    """Wall time of ``arquotes extract -j N`` over a JSON Lines corpus."""
    seconds: list[float] = []

    def work() -> None:
        output = str(tmp_path / "out.jsonl")
        seconds.append(_run_child(
            ["-m", "arquotes", "extract", str(jobs_corpus), "-j", str(jobs), "-o", output]
        )[0])

    benchmark.pedantic(work, rounds=1, iterations=1)
    size = jobs_corpus.stat().st_size
    benchmark.extra_info.update(bytes=size, cpus=os.cpu_count())
    record(f"jobs {jobs}", min(seconds), bytes=size)
