"""Per-article throughput: the floor, the hot loop and its stages, `extract`, the spaCy peer.

All four read the same articles in the same run, so their ratios hold whatever the machine:

* floor: one compiled pass that only finds quotation marks (the mark class of the patterns);
* hot loop: quotation mark pairing plus the cue lexicon scan, over the folded articles;
* stages: folding, mark pairing and the cue scan, each alone;
* extract: the whole pipeline, from the raw article to the `Extraction`;
* spaCy peer: spaCy's blank Arabic tokenizer and a `Matcher` over the same cue forms, which only
  finds cue words (skipped when spaCy, the ``bench`` extra, is not installed).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
import regex

from arquotes.document import Document
from arquotes.lexicon import default_lexicon
from arquotes.normalize import fold
from arquotes.patterns import compile_patterns
from arquotes.quotes import find_quotes
from bench_figures import best_seconds, record
from bench_inputs import CORPORA, QUICK, STAGES, corpus, cue_scan, spacy_peer, utf8_size

extract_module = importlib.import_module("arquotes.extract")

ROUNDS = 3 if QUICK else 30
"""Rounds per benchmark; the figure is the best round."""

FLOOR = regex.compile('[«»“”"„‘’]')
"""The floor: the common quotation marks as one character class, compiled without flags.

Kept as it was when the issue set its targets, so the ratios of every run compare."""


def _run(benchmark: Any, name: str, texts: tuple[str, ...], work: Callable[[], object]) -> None:
    """Time ``work`` over ``texts`` and record the best round under ``name``."""
    benchmark.extra_info["bytes"] = sum(utf8_size(t) for t in texts)
    benchmark.pedantic(work, rounds=ROUNDS, iterations=1, warmup_rounds=1)
    record(name, best_seconds(benchmark), bytes=benchmark.extra_info["bytes"])


@pytest.mark.parametrize("name", CORPORA)
def test_floor(benchmark: Any, name: str) -> None:
    """One compiled pass finding only the quotation marks of every article."""
    texts = corpus(name)

    def work() -> int:
        return sum(1 for text in texts for _ in FLOOR.finditer(text))

    _run(benchmark, f"floor {name}", texts, work)


@pytest.mark.parametrize("name", CORPORA)
def test_hot_loop(benchmark: Any, name: str) -> None:
    """Quotation mark pairing and the cue scan over every folded article."""
    patterns = compile_patterns(default_lexicon())
    texts = corpus(name)
    documents = [Document(fold(text)) for text in texts]
    prepared = [(document.text, document.paragraphs, document.reads_alike)
                for document in documents]

    def work() -> int:
        found = 0
        for text, paragraphs, alike in prepared:
            found += len(find_quotes(text, paragraphs, patterns))
            found += cue_scan(patterns, text, alike)
        return found

    _run(benchmark, f"hot loop {name}", texts, work)


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("name", CORPORA)
def test_stage(benchmark: Any, name: str, stage: str) -> None:
    """One pass of the pipeline alone, over every article.

    Folding the raw articles, pairing quotation marks in the folded ones, or scanning them for
    cues: passes no extraction can skip, so their sum is a lower bound for `extract`.
    """
    patterns = compile_patterns(default_lexicon())
    texts = corpus(name)
    documents = [Document(fold(text)) for text in texts]
    prepared = [(document.text, document.paragraphs, document.reads_alike)
                for document in documents]
    passes: dict[str, Callable[[], int]] = {
        "folding": lambda: sum(len(fold(text).folded) for text in texts),
        "mark pairing": lambda: sum(len(find_quotes(text, paragraphs, patterns))
                                    for text, paragraphs, _ in prepared),
        "cue scan": lambda: sum(cue_scan(patterns, text, alike) for text, _, alike in prepared),
    }
    _run(benchmark, f"{stage} {name}", texts, passes[stage])


@pytest.mark.parametrize("name", CORPORA)
def test_extract(benchmark: Any, name: str) -> None:
    """The whole `arquotes.extract` of every article."""
    extractor = extract_module.Extractor()
    texts = corpus(name)

    def work() -> int:
        return sum(len(extractor.extract(text).quotes) for text in texts)

    _run(benchmark, f"extract {name}", texts, work)


@pytest.mark.parametrize("name", CORPORA)
def test_spacy_peer(benchmark: Any, name: str) -> None:
    """SpaCy's blank Arabic tokenizer and a Matcher over the cue forms, on the same articles."""
    pytest.importorskip("spacy", reason="the spaCy peer needs the bench extra")
    peer = spacy_peer()
    texts = corpus(name)
    # The peer gets the folded text for free, so it matches the same forms the cue scan does.
    folded = [fold(text).folded for text in texts]

    def work() -> int:
        return sum(peer(text) for text in folded)

    _run(benchmark, f"spacy {name}", texts, work)
