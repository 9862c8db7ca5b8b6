"""Tests for arquotes.extract and Extractor: the public contract."""

from __future__ import annotations

from pathlib import Path

import pytest

import arquotes
from arquotes import Claim, Extraction, LexiconError, Quote

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_invariants_on_seed_articles(path: Path) -> None:
    """Spans slice the input exactly, in text order, and the output is deterministic."""
    text = path.read_text(encoding="utf-8")
    result = arquotes.extract(text)
    assert result.quotes and result.claims
    items: list[Quote | Claim] = [*result.quotes, *result.claims]
    for item in items:
        assert text[item.span.start : item.span.end] == item.text
        attribution = item.attribution
        if attribution is not None and attribution.cue is not None:
            cue = attribution.cue
            assert text[cue.span.start : cue.span.end] == cue.text
        if attribution is not None and attribution.mention is not None:
            assert 0 <= attribution.mention.start < attribution.mention.end <= len(text)
    for spans in ([q.span for q in result.quotes], [c.span for c in result.claims]):
        starts = [(s.start, s.end) for s in spans]
        assert starts == sorted(starts)
    assert arquotes.extract(text) == result


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_json_round_trip(path: Path) -> None:
    """to_json and from_json give back an equal Extraction."""
    result = arquotes.extract(path.read_text(encoding="utf-8"))
    assert Extraction.from_json(result.to_json()) == result


def test_every_direct_quote_in_seeds_has_a_speaker() -> None:
    """The newsroom policy holds on the seed articles."""
    for path in SEEDS:
        result = arquotes.extract(path.read_text(encoding="utf-8"))
        for quote in result.quotes:
            if quote.kind is arquotes.QuoteKind.DIRECT:
                assert quote.attribution is not None and quote.attribution.speaker is not None


@pytest.mark.parametrize("value", [None, b"bytes", 42, ["list"]])
def test_non_str_raises_type_error(value: object) -> None:
    """Anything but str raises a TypeError saying what was expected."""
    with pytest.raises(TypeError, match="expects the article as str"):
        arquotes.extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "«", "»»", ":", "قال", "Latin only."])
def test_odd_strings_return_an_extraction(text: str) -> None:
    """Any str gives an Extraction, empty when nothing is said."""
    assert isinstance(arquotes.extract(text), Extraction)


def test_speakers_are_one_per_entity() -> None:
    """Extraction.speakers lists each resolved entity once."""
    text = "قال الوزير يوسف رجي إن الحوار ضروري.\nوأضاف رجي أن الحكومة مستعدة."
    result = arquotes.extract(text)
    assert [s.name for s in result.speakers] == ["يوسف رجي"]


def test_extractor_with_user_verb_and_speaker() -> None:
    """User verbs become cues and known speakers resolve to their canonical name."""
    extractor = arquotes.Extractor(
        verbs=[{"lemma": "غرد", "category": "statement", "present": "يغرد",
                "frames": ["quote", "that"]}],
        speakers=[{"name": "إيلون ماسك", "aliases": ["ماسك"]}],
    )
    (quote,) = extractor.extract("وغرد ماسك: «سنطلق الصاروخ غدا».").quotes
    assert quote.attribution is not None and quote.attribution.cue is not None
    assert quote.attribution.cue.lemma == "غرد"
    assert quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == "إيلون ماسك"


def test_extractor_rejects_bad_speaker() -> None:
    """A speaker without a name is a LexiconError."""
    with pytest.raises(LexiconError, match="missing field 'name'"):
        arquotes.Extractor(speakers=[{"aliases": ["x"]}])
