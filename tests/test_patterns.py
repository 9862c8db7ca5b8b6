"""Tests for arquotes.patterns: the trie builder and the shared patterns."""

from __future__ import annotations

import random
import re
from functools import cache

import pytest
import regex

from arquotes import patterns
from arquotes.document import Document
from arquotes.lexicon import default_lexicon
from arquotes.normalize import Folded
from arquotes.patterns import (
    GLUED_DATELINE,
    GLUED_DATELINE_STDLIB,
    GLUED_DATELINE_TAIL,
    GLUED_DATELINE_UNSEEN,
    PARAGRAPH_BREAK,
    SENTENCE_END,
    SENTENCE_END_STDLIB,
    TOKEN,
    TOKEN_STDLIB,
    Patterns,
    compile_patterns,
    line_breaks,
    sentence_ends_stdlib,
    stdlib_reads_alike,
    tokens_stdlib,
    trie_pattern,
)


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


# The stdlib twins of the whole-text scans (patterns._CLASS_TWINS, stdlib_reads_alike).

_WORD = regex.compile(r"[\p{L}\p{N}]", regex.V1)
_SPACE = regex.compile(r"\s", regex.V1)


_EVERY = "".join(chr(code) for code in range(0x110000))


@cache
def _newer_letters() -> str:
    """Letters and digits of a Unicode version newer than the stdlib engine's (maybe none)."""
    return "".join(sorted(set(_WORD.findall(_EVERY)) - set(re.findall(r"[^\W_]", _EVERY))))


@cache
def _every_space() -> str:
    """Every character either engine calls white space."""
    return "".join(sorted(set(_SPACE.findall(_EVERY)) | set(re.findall(r"\s", _EVERY))))


_ALPHABET = (
    "قالتموزيرنابهء"                     # Arabic letters
    "abcXYZéßØ"                          # Latin
    "αβγΩжЯשלום"                       # Greek, Cyrillic, Hebrew
    "中文カナ한글देवनागरी"                  # CJK, kana, Hangul, Devanagari (with its vowel signs)
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२３４"  # digits of several scripts
    "²½Ⅻⅻ①"                              # other numbers: superscripts, fractions, numerals
    "\u064e\u0651\u0301\u0670\u200c\u200f"  # combining marks and format controls
    "_\x1c\x1d\x1e\x1f"                  # the characters the classes differ on by definition
    ".!?؟،,:;«»“”\"'()[]–—-/%٪$€#@*+=&"  # punctuation and symbols
    "\U0001f600\U00010400\ud800"           # astral symbol and letter, a lone surrogate
)
"""Characters of every class the scans look at; `_texts` adds every white space."""


def _texts(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    pieces = [*alphabet, "..", "...", "قال.", "1.5", "أ.ب", "(الفاشر)الخرطوم – 26 – 10 (كونا) —",
              ")بغداد – 3 – 5 (واع) -", ".عمان (أ ف ب)-", ",ab cd\x1c(x y)\x1f–", "_ab(_c)-"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 80))) for _ in range(count)]


def _scans(text: str, *, stdlib: bool) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Token spans, sentence ends and glued datelines as `Document` finds them."""
    if stdlib:
        glued = [m.start() for m in GLUED_DATELINE_STDLIB.finditer(text)
                 if GLUED_DATELINE.match(text, m.start())]
        if any(char in text for char in GLUED_DATELINE_UNSEEN):
            glued = [m.start() for m in GLUED_DATELINE.finditer(text)]
        starts, ends, words = tokens_stdlib(text)
        assert list(zip(starts, ends, words, strict=True)) == [
            (m.start(), m.end(), m.group()) for m in TOKEN_STDLIB.finditer(text)]
        assert sentence_ends_stdlib(text) == [
            m.start() for m in SENTENCE_END_STDLIB.finditer(text)]
        return (list(zip(starts, ends, strict=True)),
                [m.start() for m in SENTENCE_END_STDLIB.finditer(text)], glued)
    return ([m.span() for m in TOKEN.finditer(text)],
            [m.start() for m in SENTENCE_END.finditer(text)],
            [m.start() for m in GLUED_DATELINE.finditer(text)])


def test_a_text_without_the_dateline_tail_holds_no_glued_dateline() -> None:
    """`GLUED_DATELINE_TAIL` is in every glued dateline, whatever space stands before its dash.

    So the dateline scans may be skipped on a text without it.
    """
    spaces = _every_space()
    datelines = [f"(الفاشر)الخرطوم – 26 (كونا){space}— قال" for space in ["", *spaces]]
    texts = [*datelines, *_texts(_ALPHABET + spaces, 400, 19)]
    found = 0
    for text in texts:
        glued = [m.start() for m in GLUED_DATELINE.finditer(text)]
        found += len(glued)
        if GLUED_DATELINE_TAIL.search(text) is None:
            assert not glued, ascii(text)
    assert found >= len(datelines)


def _reads_alike_char_by_char(text: str) -> bool:
    """`stdlib_reads_alike` the slow way: every character through both engines' classes."""
    return all(bool(reference.match(char)) == bool(twin.match(char))
               for char in set(text) for reference, twin in patterns._CLASS_TWINS)


def test_twins_find_what_the_references_find_on_every_class() -> None:
    """On a text both engines read alike, each twin finds exactly its reference's matches."""
    alphabet = _ALPHABET + _every_space()
    texts = [alphabet, *_texts(alphabet, 400, 11)]
    # Half without the punctuation the dateline twin leaves to its reference.
    texts += [text.translate(dict.fromkeys(map(ord, GLUED_DATELINE_UNSEEN))) for text in texts]
    assert all(stdlib_reads_alike(text) for text in texts)
    for text in texts:
        assert _scans(text, stdlib=True) == _scans(text, stdlib=False), text
    # The dateline pieces are found (the twin finds candidates, the reference decides).
    assert _scans("(الفاشر)الخرطوم – 26 – 10 (كونا) — قال", stdlib=True)[2] == [7]


def test_reads_alike_is_exact() -> None:
    """The verdict is the character-by-character one, for any mix of characters."""
    alphabet = _ALPHABET + _newer_letters()[::500] + _every_space() + "\u088f\u0558\U00010d40\uffff"
    for text in [alphabet, *_texts(alphabet, 300, 13), *alphabet]:
        alike = stdlib_reads_alike(text)
        assert alike == _reads_alike_char_by_char(text), ascii(text)
        assert not alike or _scans(text, stdlib=True) == _scans(text, stdlib=False)


def test_verdicts_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its bound the verdict cache starts again; the verdicts stay right."""
    monkeypatch.setattr(patterns, "_MAX_VERDICTS", 3)
    monkeypatch.setattr(patterns, "_VERDICTS", {})
    disputed = "\u088f\U00010d40"
    for text in ["中文한글", "カナ" + disputed, "\U0001f600\U00010400", disputed, "中"]:
        assert stdlib_reads_alike(text) == _reads_alike_char_by_char(text)
        assert len(patterns._VERDICTS) <= 4


def test_a_disputed_letter_takes_the_reference_path() -> None:
    """A letter only `regex` knows: the twins misread the text, the document does not."""
    newer = _newer_letters()
    if not newer:
        pytest.skip("both engines know the same letters: every text reads alike")
    letter = newer[0]
    text = f"قال{letter}ت الوزيرة.{letter} ثم (الفاشر){letter}الخرطوم – 26 (كونا) — ب"
    assert not stdlib_reads_alike(text)
    assert _scans(text, stdlib=True) != _scans(text, stdlib=False)  # the twins misread it
    document = Document(Folded(text, text, breaks=(), shifts=()))
    tokens, ends, glued = _scans(text, stdlib=False)
    starts, stops = document.token_spans
    assert list(zip(starts, stops, strict=True)) == tokens
    assert document.token_words == (starts, [text[start:end] for start, end in tokens])
    assert document.end_mark(0, len(text)) == min(ends + [g + 1 for g in glued])
    assert [(t.start, t.end) for t in document.tokens(0, len(text), 100)] == tokens


def test_paragraph_break_reads_every_character_as_regex_does() -> None:
    """Literal characters only: the stdlib pattern equals its `regex` spelling on any text."""
    reference = regex.compile(r"\r\n | [\n\r\u2028\u2029\x0b\x0c\x85]", regex.VERBOSE | regex.V1)
    every = "".join(chr(code) for code in range(0x3000)) + "\r\n\r\r\n\n"
    for text in [every, *_texts(_ALPHABET + "\r\n\x85\u2028\x0b", 100, 17)]:
        assert [m.span() for m in PARAGRAPH_BREAK.finditer(text)] == [
            m.span() for m in reference.finditer(text)]
        # Without the separators str.splitlines also breaks on, it finds the same breaks.
        for variant in (text, text.translate(dict.fromkeys(map(ord, "\x1c\x1d\x1e")))):
            assert line_breaks(variant) == [m.span() for m in reference.finditer(variant)]


def test_patterns_keep_attrs_semantics() -> None:
    """`Patterns` is a plain class: equal by fields, unhashable (a dict field), attrs' repr."""
    patterns = compile_patterns(default_lexicon())
    assert compile_patterns(default_lexicon()) is patterns  # cached per lexicon
    copy = Patterns(cue=patterns.cue, cue_scan=patterns.cue_scan, mark=patterns.mark,
                    mark_family=dict(patterns.mark_family), apostrophes=patterns.apostrophes,
                    lead_word=patterns.lead_word, cue_words=patterns.cue_words)
    assert copy == patterns
    assert copy != Patterns(cue=patterns.cue, cue_scan=patterns.cue_scan, mark=patterns.mark,
                            mark_family=dict(patterns.mark_family),
                            apostrophes=patterns.apostrophes, lead_word=patterns.lead_word)
    assert copy != Patterns(cue=patterns.cue, cue_scan=patterns.cue_scan, mark=patterns.mark,
                            mark_family={}, apostrophes=patterns.apostrophes,
                            lead_word=patterns.lead_word)
    with pytest.raises(TypeError, match="unhashable"):
        hash(patterns)
    assert repr(copy).startswith("Patterns(cue=regex.Regex(")
    assert repr(copy).endswith(f"lead_word={patterns.lead_word!r})")
    bare = Patterns(cue=patterns.cue, cue_scan=patterns.cue_scan, mark=patterns.mark,
                    mark_family={})
    assert bare.apostrophes == frozenset()
    assert bare.lead_word.search("أن") is None
