"""Tests for arquotes.headlines: short lines that are claims of their speaker phrase."""

from __future__ import annotations

import arquotes


def claim_texts(text: str) -> list[str]:
    """The text of every claim extract finds."""
    return [c.text for c in arquotes.extract(text).claims]


def test_headline_claim() -> None:
    """A headline "X: ..." is a claim of X with no cue."""
    result = arquotes.extract("الكرملين: المحادثات مع واشنطن ستعقد الشهر المقبل\n\nنص الخبر.")
    (claim,) = result.claims
    assert claim.text == "المحادثات مع واشنطن ستعقد الشهر المقبل"
    assert claim.attribution is not None and claim.attribution.cue is None
    assert claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "الكرملين"


def test_headline_that_is_one_quote_is_a_quote_only() -> None:
    """غوتيريش: "..." is a direct quote of the headline's speaker, not also a claim."""
    result = arquotes.extract('غوتيريش: "الوضع في غزة لا يطاق"\n\nنص الخبر.')
    assert result.claims == ()
    (quote,) = result.quotes
    assert quote.text == "الوضع في غزة لا يطاق"
    assert quote.attribution is not None and quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == "غوتيريش"


def test_byline_is_not_a_headline() -> None:
    """المصدر: وكالات is page furniture, not a claim."""
    assert claim_texts("المصدر: وكالة الأنباء الرسمية اليوم") == []
