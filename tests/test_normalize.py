"""Tests for arquotes.normalize: the folded view and its offset map."""

from __future__ import annotations

import pytest
import regex

from arquotes import normalize
from arquotes.normalize import fold, fold_word, strip_marks
from strategies import DELETABLE


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("صرّح", "صرح"),
        ("أنّ", "ان"),
        ("قالـ", "قال"),
        ("إلى", "الي"),
        ("مؤكداً", "مءكدا"),
        ("مسئول", "مسءول"),
        ("مسؤول", "مسءول"),
        ("المركزى", "المركزي"),
        ("وزارة", "وزاره"),
        ("ﻗﺎﻝ", "قال"),
        ("یک", "يك"),
    ],
)
def test_fold_word(written: str, folded: str) -> None:
    """Diacritics, tatweel, hamza and alef variants and presentation forms fold away."""
    assert fold_word(written) == folded


def test_spans_map_back_to_original_offsets() -> None:
    """Every folded word maps back to its exact original substring, marks included."""
    text = "صرّح الوزير بأنّ “الوضع جيدٌ جداً”."
    view = fold(text)
    assert view.folded == "صرح الوزير بان “الوضع جيد جدا”."
    start = view.folded.index("جيد")
    assert view.text_of(start, start + len("جيد جدا")) == "جيدٌ جداً"


def test_format_controls_are_dropped_but_not_spanned_at_start() -> None:
    """A bidi mark before a word is deleted and stays outside the word's span."""
    text = "\u200fقال\u200c الرئيس"
    view = fold(text)
    assert view.folded == "قال الرءيس"
    span = view.span(0, 3)
    assert text[span.start : span.end] == "قال\u200c"


def test_lengths_only_change_by_deletion() -> None:
    """Folding without deletions keeps offsets identical."""
    text = "أكد الكرملين أن المحادثات ستعقد"
    view = fold(text)
    assert len(view.folded) == len(text)
    assert view.span(4, 12).start == 4


def test_empty_and_ligature() -> None:
    """The empty string folds to itself; an expanding ligature is left as written."""
    assert fold("").folded == ""
    assert fold("ﻻ").folded == "ﻻ"


def test_strip_marks_keeps_letters() -> None:
    """strip_marks removes diacritics but not letter variants."""
    assert strip_marks("علَى") == "على"


def test_offsets_are_the_span() -> None:
    """`Folded.offsets` gives the span's bounds, with and without deletions."""
    for text in ("صرّح الوزير بأنّ “الوضع جيدٌ جداً”.", "\u200fقال\u200c الرئيس", "قال الرئيس", ""):
        view = fold(text)
        n = len(view.folded)
        for start in range(n + 2):
            for end in range(n + 2):
                span = view.span(start, end)
                assert view.offsets(start, end) == (span.start, span.end)
                assert view.text_of(start, end) == text[span.start : span.end]


def test_deletable_runs_read_every_character_as_regex_does() -> None:
    """Literal characters only: the stdlib pattern finds what its `regex` spelling finds."""
    reference = regex.compile(
        r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u00AD\u200B-\u200F\u202A-\u202E"
        r"\u2060-\u2064\u2066-\u2069\uFEFF]+")
    every = "".join(chr(code) for code in range(0x110000))
    text = every + "".join(DELETABLE) + "ا" + every[::-1]
    assert [m.span() for m in normalize._DELETABLE_RUN.finditer(text)] == [
        m.span() for m in reference.finditer(text)]
    assert strip_marks(text) == reference.sub("", text)
