"""Time per MB of one large document, and of hostile inputs against normal news.

* Scaling: one document of 100 KB, 1 MB and 10 MB (64 KB and 256 KB in quick mode) made of the
  articles one after another; linear extraction keeps the time per MB flat.
* Hostile inputs (see `bench_inputs.HOSTILE`): each as large as a slice of normal news
  (1 MB, or 128 KB in quick mode), timed against that news per MB.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from bench_figures import best_seconds, record
from bench_inputs import HOSTILE, HOSTILE_SIZE, KB, MB, QUICK, SCALING_SIZES, news, utf8_size

extract_module = importlib.import_module("arquotes.extract")


def _rounds(size: int) -> int:
    """Rounds for a document of ``size`` bytes: fewer for the large ones."""
    if QUICK or size >= 10 * MB:
        return 1
    return 3 if size >= MB else 5


def _label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


def _time_extract(benchmark: Any, name: str, text: str, rounds: int) -> None:
    """Time one `extract` of ``text`` and record the best round under ``name``."""
    extractor = extract_module.Extractor()
    size = utf8_size(text)
    benchmark.extra_info["bytes"] = size
    benchmark.pedantic(extractor.extract, args=(text,), rounds=rounds, iterations=1)
    seconds = best_seconds(benchmark)
    benchmark.extra_info["seconds_per_mb"] = seconds / (size / MB)
    record(name, seconds, bytes=size)


@pytest.mark.parametrize("size", SCALING_SIZES, ids=lambda size: _label(size).replace(" ", ""))
def test_scaling(benchmark: Any, size: int) -> None:
    """`extract` of one document of ``size`` bytes made of the articles."""
    _time_extract(benchmark, f"scaling {_label(size)}", news(size), _rounds(size))


def test_hostile_news(benchmark: Any) -> None:
    """`extract` of normal news as large as each hostile input: the baseline per MB."""
    _time_extract(benchmark, "hostile news", news(HOSTILE_SIZE), _rounds(HOSTILE_SIZE))


@pytest.mark.parametrize("name", list(HOSTILE), ids=lambda name: name.replace(" ", "-"))
def test_hostile(benchmark: Any, name: str) -> None:
    """`extract` of one hostile input (see `bench_inputs.HOSTILE`)."""
    text = HOSTILE[name](HOSTILE_SIZE)
    _time_extract(benchmark, f"hostile {name}", text, 1)
