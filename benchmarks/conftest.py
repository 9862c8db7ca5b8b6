"""Shared set-up of the benchmarks: enabling them, recording figures, printing the ratios.

Every benchmark records its figure (best time of its rounds, bytes read, peak memory) in
`FIGURES`. At the end of the run the ratios the performance issue asks for are computed from
figures measured side by side in that run, printed, and written to
``.benchmarks/arquotes-figures.json``; ``docs/performance.md`` is filled from that file.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import pytest

from bench_figures import FIGURES
from bench_inputs import CORPORA, HOSTILE, MB, QUICK, ROOT, STAGES
from bench_inputs import corpus as texts_of

RESULTS_FILE = ROOT / ".benchmarks" / "arquotes-figures.json"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Let ``--benchmark-only`` run the benchmarks although addopts disables them for tests."""
    if config.getoption("benchmark_only", default=False):
        config.option.benchmark_enable = True


def _per_mb(name: str) -> float | None:
    figure = FIGURES.get(name)
    if figure is None or not figure.get("bytes"):
        return None
    return float(figure["seconds"]) / (float(figure["bytes"]) / MB)


def _ratio(top: str, bottom: str) -> float | None:
    if top not in FIGURES or bottom not in FIGURES:
        return None
    return float(FIGURES[top]["seconds"]) / float(FIGURES[bottom]["seconds"])


def ratios() -> dict[str, float | None]:
    """The ratios of the performance issue, from this run's figures (None if not measured)."""
    found: dict[str, float | None] = {}
    for corpus in CORPORA:
        found[f"extract / floor ({corpus})"] = _ratio(f"extract {corpus}", f"floor {corpus}")
        found[f"hot loop / floor ({corpus})"] = _ratio(f"hot loop {corpus}", f"floor {corpus}")
        for stage in STAGES:
            found[f"{stage} / floor ({corpus})"] = _ratio(f"{stage} {corpus}", f"floor {corpus}")
        found[f"spaCy peer / extract ({corpus})"] = _ratio(f"spacy {corpus}", f"extract {corpus}")
        found[f"spaCy peer / hot loop ({corpus})"] = _ratio(
            f"spacy {corpus}", f"hot loop {corpus}")
        timed = FIGURES.get(f"extract {corpus}")
        found[f"articles per core-hour (extract {corpus})"] = (
            None if timed is None else 3600 * len(texts_of(corpus)) / float(timed["seconds"]))
    sizes = sorted(
        (int(f["bytes"]), name) for name, f in FIGURES.items() if name.startswith("scaling ")
    )
    if len(sizes) >= 2:
        small, large = _per_mb(sizes[0][1]), _per_mb(sizes[-1][1])
        if small and large:
            found[f"per MB: {sizes[-1][1]} / {sizes[0][1]}"] = large / small
    # Hostile inputs against news of the same size (one document, as they are), and against
    # the articles read one by one (which a large document's speaker table does not slow).
    news = _per_mb("hostile news")
    articles = _per_mb("extract dev")
    for hostile in HOSTILE:
        per_mb = _per_mb(f"hostile {hostile}")
        found[f"per MB: {hostile} / news document"] = per_mb / news if per_mb and news else None
        found[f"per MB: {hostile} / articles"] = (
            per_mb / articles if per_mb and articles else None)
    stream = FIGURES.get("streaming memory")
    if stream is not None:
        found["streaming peak RSS above the bare interpreter (MB)"] = (
            stream["peak_rss_mb"] - stream["interpreter_rss_mb"])
    found["-j 2 / -j 1 throughput"] = _ratio("jobs 1", "jobs 2")
    for engine in ("engine local -j 2", "engine dask 1 worker", "engine dask 2 workers"):
        found[f"{engine} / engine local -j 1 throughput"] = _ratio("engine local -j 1", engine)
    single = FIGURES.get("engine local -j 1")
    if single is not None and single.get("articles"):
        found["articles per core-hour (engine local -j 1)"] = (
            3600 * float(single["articles"]) / float(single["seconds"]))
    return found


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the ratios of this run and write every figure to the results file."""
    if not FIGURES:
        return
    table = ratios()
    terminalreporter.section("arquotes performance ratios (best round, this run)")
    for name, value in table.items():
        shown = "not measured" if value is None else f"{value:.2f}"
        terminalreporter.write_line(f"{name:60s} {shown}")
    for name, figure in sorted(FIGURES.items()):
        per_mb = _per_mb(name)
        extra = f"  {per_mb:.3f} s/MB" if per_mb is not None else ""
        terminalreporter.write_line(f"{name:60s} {figure['seconds']:.5f} s{extra}")
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(
        json.dumps(
            {
                "quick": QUICK,
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                },
                "figures": FIGURES,
                "ratios": table,
            },
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    terminalreporter.write_line(f"figures written to {Path(RESULTS_FILE).relative_to(ROOT)}")
