"""The figures of one benchmark run, kept for the ratios printed at its end (see conftest)."""

from __future__ import annotations

from typing import Any

FIGURES: dict[str, dict[str, Any]] = {}
"""Figure name -> what was measured; ``seconds`` is the best round, ``bytes`` what it read."""


def record(name: str, seconds: float, **info: Any) -> None:
    """Keep one figure of this run under ``name``."""
    FIGURES[name] = {"seconds": seconds, **info}


def best_seconds(benchmark: Any) -> float:
    """The best round of a finished benchmark (the least disturbed by other processes)."""
    return float(benchmark.stats.stats.min)
