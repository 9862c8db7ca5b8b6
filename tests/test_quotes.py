"""Tests for arquotes.quotes: pairing quotation marks into candidates."""

from __future__ import annotations

import pytest

from helpers import prepare


def contents(text: str) -> list[str]:
    """The content of every outermost quote candidate in ``text``."""
    document, _, _, quotes = prepare(text)
    return [document.view.text_of(q.start, q.end) for q in quotes.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال: «نحن مستعدون».", ["نحن مستعدون"]),
        ("قال: “نحن مستعدون”.", ["نحن مستعدون"]),
        ('قال: "نحن مستعدون".', ["نحن مستعدون"]),
        ("قال: „نحن مستعدون“.", ["نحن مستعدون"]),
        ("قال: ‘نحن مستعدون’.", ["نحن مستعدون"]),
        ("قال: ”نحن مستعدون”.", ["نحن مستعدون"]),
        ("واضاف”نحن مستعدون“.", ["نحن مستعدون"]),
        ('قال "أولا" ثم "ثانيا".', ["أولا", "ثانيا"]),
        ("قالت: 'لن نتراجع عن موقفنا'.", ["لن نتراجع عن موقفنا"]),
    ],
)
def test_every_mark_style_pairs(text: str, expected: list[str]) -> None:
    """Guillemets, curly, straight, low-9, single, one-glyph and reversed pairs all pair."""
    assert contents(text) == expected


def test_nested_quotes_give_the_outer_one() -> None:
    """A quote inside a quote is part of the outer quote, not a second one."""
    assert contents("قال: «إن ما يسمى “الحل” لن ينجح».") == ["إن ما يسمى “الحل” لن ينجح"]


def test_nested_straight_quotes() -> None:
    """Straight quotes nest when the inner opener follows a space."""
    text = 'وأفادت بأنه "تبين أن مجموعة تدعى "تمزغا" تنشط في البلاد".'
    assert contents(text) == ['تبين أن مجموعة تدعى "تمزغا" تنشط في البلاد']


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    """An unclosed mark does not swallow the next paragraph."""
    text = "وقال: «هذا كلام لم يغلق\nوفي سياق آخر أعلنت الحكومة خطة جديدة."
    assert contents(text) == ["هذا كلام لم يغلق"]


def test_continued_quote_over_paragraphs() -> None:
    """A paragraph that reopens with a mark continues the previous unclosed quote."""
    text = "وقال: «الجزء الأول من الكلام\n«والجزء الثاني منه»."
    _, _, _, quotes = prepare(text)
    first, second = quotes.quotes
    assert first.continues and first.close is None
    assert second.continuation


def test_stray_closing_mark_is_ignored() -> None:
    """A closing mark with nothing open makes no quote."""
    assert contents("كلام عادي » بلا اقتباس.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال أوبراين O'Brien إن الاتفاق جيد.", []),
        ("وقال O’Neill: 'الاتفاق جيد'.", ["الاتفاق جيد"]),
    ],
)
def test_apostrophe_inside_a_word_is_not_a_mark(text: str, expected: list[str]) -> None:
    """O'Brien: a single mark between two letters pairs with nothing."""
    assert contents(text) == expected
