"""Tests for arquotes.patterns: the trie builder and the shared patterns."""

from __future__ import annotations

import regex

from arquotes.patterns import SENTENCE_END, TOKEN, trie_pattern


def test_trie_pattern_matches_exactly_its_words() -> None:
    """The trie alternation matches each word in full and nothing else."""
    words = ["قال", "قالت", "قالوا", "يقول", "بحسب ما"]
    pattern = regex.compile(f"(?:{trie_pattern(words)})")
    for word in words:
        assert pattern.fullmatch(word)
    assert pattern.fullmatch("بحسب   ما")
    for other in ("قا", "قالتا", "تقول"):
        assert not pattern.fullmatch(other)


def test_sentence_end_skips_numbers_and_abbreviations() -> None:
    """A full stop in 1.5 or أ.ب or an ellipsis does not end a sentence."""
    text = "بلغ 1.5% (أ.ب) مقتنع.. بأنه انتهى. ثم"
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    assert ends == [text.index("انتهى.") + len("انتهى")]


def test_sentence_end_after_a_number() -> None:
    """A number at the end of a sentence does not keep it open: 30. and 2025. end it."""
    text = "ارتفع العدد إلى 30. وقال إنه سيزور البلاد عام 2025. ثم غادر 1.5 ساعة"
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    assert ends == [text.index("30.") + 2, text.index("2025.") + 4]


def test_tokens_split_words_and_punctuation() -> None:
    """Words and numbers are tokens; each punctuation mark is its own token."""
    assert TOKEN.findall("قال: «نعم»، 25") == ["قال", ":", "«", "نعم", "»", "،", "25"]
