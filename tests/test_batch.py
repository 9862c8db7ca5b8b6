"""``arquotes.extract_many``: the command line's guarantees from Python."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import arquotes
from arquotes import BatchResult, Extractor, extract_many
from arquotes.model import Extraction

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
TWEET = "وغرد الوزير: «نحن مستعدون للحوار»."
VERB = {"lemma": "غرد", "category": "statement", "present": "يغرد", "frames": ["quote", "that"]}


class Crashing(Extractor):
    """An extractor that fails on one article, as a bug would."""

    def extract(self, text: str) -> Extraction:
        """Raise on ``boom``, else extract."""
        if text == "boom":
            raise RuntimeError("kaboom")
        return super().extract(text)


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_are_in_input_order_and_match_extract(jobs: int) -> None:
    texts = SEEDS * 4
    results = list(extract_many(texts, jobs=jobs))
    assert [r.index for r in results] == list(range(len(texts)))
    assert [r.extraction for r in results] == [arquotes.extract(t) for t in texts]
    assert all(isinstance(r, BatchResult) and r.error is None for r in results)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failed_article_is_an_error_item_and_the_rest_go_on(jobs: int) -> None:
    texts: list[object] = [SEEDS[0], b"bytes", "boom", None, SEEDS[1]]
    results = list(extract_many(texts, jobs=jobs, extractor=Crashing()))  # type: ignore[arg-type]
    assert [r.error for r in results] == [
        None,
        "expected the article as str, got bytes",
        "extraction failed: RuntimeError: kaboom",
        "expected the article as str, got NoneType",
        None,
    ]
    assert results[4].extraction == arquotes.extract(SEEDS[1])


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_is_read_lazily_with_bounded_look_ahead(jobs: int) -> None:
    """An endless iterable works: only a bounded window of articles is read ahead."""
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for text in itertools.cycle(SEEDS):
            pulled += 1
            yield text

    results = extract_many(endless(), jobs=jobs)
    first = list(itertools.islice(results, 40))
    results.close()  # type: ignore[attr-defined]
    assert len(first) == 40
    assert pulled <= 40 + 8 * 2 * jobs + 8


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_extractor_with_its_own_lexicon_applies(jobs: int) -> None:
    """``extractor=`` (here with a newsroom verb) is used in every worker."""
    results = list(extract_many([TWEET] * 3, jobs=jobs, extractor=Extractor(verbs=[VERB])))
    quotes = [r.extraction.quotes[0] for r in results if r.extraction]
    cues = [q.attribution.cue for q in quotes if q.attribution]
    assert [c.lemma if c else None for c in cues] == ["غرد"] * 3
    # ...and only there: the plain extract() between or after items is untouched.
    assert arquotes.extract(TWEET).quotes[0].attribution.cue is None  # type: ignore[union-attr]


def test_the_default_extractor_is_untouched_while_iterating() -> None:
    results = extract_many([TWEET] * 2, extractor=Extractor(verbs=[VERB]))
    next(results)
    assert arquotes.extract(TWEET).quotes[0].attribution.cue is None  # type: ignore[union-attr]
    assert next(results).extraction == Extractor(verbs=[VERB]).extract(TWEET)


def test_bad_jobs_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        extract_many(["x"], jobs=0)


class Stalling(Extractor):
    """An extractor that never finishes one article, as a pathological input would."""

    def extract(self, text: str) -> Extraction:
        """Sleep far past any budget on ``stall``, else extract."""
        if text == "stall":
            time.sleep(60)
        return super().extract(text)


@pytest.mark.parametrize("jobs", [1, 2])
def test_timeout_costs_only_the_article_over_budget(jobs: int) -> None:
    texts = [SEEDS[0], "stall", SEEDS[1]]
    results = list(extract_many(texts, jobs=jobs, extractor=Stalling(), timeout=0.5))
    assert [r.error for r in results] == [None, "timed out after 0.5 s (--timeout)", None]
    assert results[2].extraction == arquotes.extract(SEEDS[1])


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), True, "5"])
def test_a_timeout_that_is_no_budget_is_refused(timeout: object) -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        extract_many([SEEDS[0]], timeout=timeout)  # type: ignore[arg-type]
