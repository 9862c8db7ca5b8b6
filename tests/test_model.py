"""Tests for arquotes.model: result types and their JSON form."""

from __future__ import annotations

import attrs
import pytest

from arquotes.model import (
    Attribution,
    Claim,
    Cue,
    CueCategory,
    Extraction,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)


def test_span_validates() -> None:
    """A span cannot end before it starts or start below zero."""
    with pytest.raises(ValueError, match="before its start"):
        Span(5, 2)
    with pytest.raises(ValueError, match="must be >= 0"):
        Span(-1, 2)
    assert len(Span(2, 5)) == 3


def test_confidence_is_bounded() -> None:
    """Attribution confidence lies in [0, 1]."""
    with pytest.raises(ValueError, match="must be <= 1"):
        Attribution(speaker=None, confidence=1.5)


def test_types_are_frozen_and_slotted() -> None:
    """Result types cannot be changed and carry no __dict__."""
    span = Span(0, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    assert not hasattr(span, "__dict__")


def test_full_round_trip() -> None:
    """Every field survives to_json and from_json, including a lone surrogate."""
    speaker = Speaker(name="ديمتري بيسكوف", kind=SpeakerKind.PERSON, mentions=(Span(0, 5),),
                      aliases=("بيسكوف",), roles=("المتحدث باسم الكرملين",))
    cue = Cue(text="وقال", span=Span(6, 10), lemma="قال", category=CueCategory.STATEMENT,
              negated=True)
    attribution = Attribution(speaker=speaker, mention=Span(0, 5), cue=cue, confidence=0.9,
                              source="فرانس برس", channel="للصحافيين")
    quote = Quote(text="x\ud800", span=Span(11, 13), kind=QuoteKind.MIXED,
                  attribution=attribution, continued=True)
    claim = Claim(text="y", span=Span(14, 15), attribution=None, quotes=(quote,))
    result = Extraction(quotes=(quote,), claims=(claim,), speakers=(speaker,))
    assert Extraction.from_json(result.to_json()) == result
