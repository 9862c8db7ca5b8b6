"""The fast paths of the pipeline give exactly what the plain scans they replace give.

Each optimisation of issue 5 is checked against the straightforward code it replaced, on the
corpus, on hostile inputs and on random windows; the linear ones also by counting operations.
Nothing here is timed: the timings live in ``benchmarks/``.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex

from arquotes import document as document_module
from arquotes import normalize
from arquotes import patterns as patterns_module
from arquotes.document import Document, Token
from arquotes.extract import Extractor
from arquotes.lexicon import default_lexicon
from arquotes.normalize import fold
from arquotes.patterns import (
    GLUED_DATELINE,
    SENTENCE_END,
    SENTENCE_END_BEFORE,
    TOKEN,
    compile_patterns,
)

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = {
    "quote marks": '«“"„‘»”’' * 2000,
    "unclosed marks": "«كلام " * 1500 + "قول” " * 1500,
    "cue verbs": "وقال أكد وأضاف قالت " * 300,
    "an": "أن " * 3000,
    "diacritics": ("قَـــالَ" + "\u064e\u064f\u0650\u0651\u0652" * 20 + " ") * 300,
    "no space": "قالالوزيرانالاتفاق" * 2000,
}


def _texts() -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"]
             for p in sorted((ROOT / "tests" / "corpus").glob("*.json"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [*texts, *HOSTILE.values(), "", "قال.وقال: «نعم». 1.5 .. أ.ب؟ لا!\r\nو\n\nقال"]


def _scan_tokens(text: str, start: int, end: int, limit: int = 40) -> list[Token]:
    """`Document.tokens` as it was: a scan of the window."""
    found = []
    for match in TOKEN.finditer(text, start, end):
        found.append(Token(match.start(), match.end(), match.group()))
        if len(found) >= limit:
            break
    return found


def test_cue_scan_finds_what_the_pattern_finds() -> None:
    """`Patterns.cues` gives the matches of ``cue.finditer`` over the whole text."""
    user = Extractor(verbs=[{"lemma": "غرد", "category": "statement", "present": "يغرد",
                             "frames": ["quote", "that"]}], sources=["نقلا عن"])
    for patterns in (compile_patterns(default_lexicon()), user.patterns):
        for text in _texts():
            document = Document(fold(text))
            folded = document.text
            expected = [_groups(m) for m in patterns.cue.finditer(folded)]
            assert [_groups(m) for m in patterns.cues(folded)] == expected
            # Tried only at the words a match can start with.
            found = patterns.cues(folded, reads_alike=document.reads_alike,
                                  tokens=document.token_words)
            assert [_groups(m) for m in found] == expected


def _cue_texts(forms: list[str], count: int, seed: int) -> list[str]:
    """Cue forms and pieces of them, joined by nothing, words and every kind of space.

    Clitics and pronouns stand alone or glued; digits, underscores and punctuation glue too.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    glue = ["", "", " ", "  ", "\t", "\u00a0", "\n", "\x1c", "_", "2", "ب", "،", ":", "«", "-"]
    pieces = [*forms, "و", "ف", "ه", "ها", "هم", "هما", "الوزير", "ان"]
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 40)))
            for _ in range(count)]


@pytest.mark.parametrize("user_form", [None, "نقلا-عن"], ids=["lexicon", "form-with-a-hyphen"])
def test_cue_words_are_every_place_a_match_starts(user_form: str | None) -> None:
    """Trying the scan only at `cue_words` finds every match of the whole-text scan.

    A form holding a character that is no letter, digit or space leaves no such list: the
    whole text is scanned.
    """
    sources = ["نقلا عن", "بحسب ما"] + ([user_form] if user_form else [])
    patterns = compile_patterns(Extractor(sources=sources).lexicon)
    assert (patterns.cue_words is None) is (user_form is not None)
    forms = ["قال", "قالت", "اكد", "اضاف", "نقلا عن", "بحسب ما", "بحسب", "يقول", "نفي",
             "نقلا-عن"]
    matched = 0
    for text in _cue_texts(forms, 300, 3):
        document = Document(fold(text))
        assert document.reads_alike
        expected = [_groups(m) for m in patterns.cue.finditer(document.text)]
        found = patterns.cues(document.text, reads_alike=True, tokens=document.token_words)
        assert [_groups(m) for m in found] == expected, ascii(document.text)
        matched += len(expected)
    assert matched > 1000  # the texts are mostly cues


def _groups(match: Any) -> tuple[tuple[int, int], str | None, str | None, str | None]:
    return match.span(), match.group("clitic"), match.group("form"), match.group("object")


def _letters_only_regex_knows() -> list[str]:
    """Letters of a Unicode version newer than the stdlib engine's.

    The stdlib engine takes them for punctuation: at a word boundary of the cue scan it and
    `regex` disagree.
    """
    stdlib_word = re.compile(r"[^\W_]")
    letter = regex.compile(r"[\p{L}\p{N}]")
    return [chr(code) for code in range(0x3000)
            if letter.match(chr(code)) and not stdlib_word.match(chr(code))]


def test_cue_scan_agrees_with_the_pattern_at_disputed_boundaries() -> None:
    """The scan finds exactly what ``cue.finditer`` finds where the two engines disagree.

    New letters around cues, file separators inside multi-word phrases.
    """
    newer = _letters_only_regex_knows()
    if not newer:
        pytest.skip("both engines know the same letters: no boundary is disputed")
    patterns = compile_patterns(Extractor(sources=["نقلا عن"]).lexicon)
    for letter in newer[:5]:
        for text in (f"{letter}قال الوزير إن", f"قالت{letter} إن", f"وقالوا{letter}ه",
                     f"قال{letter}ت", f"{letter}وقال {letter}قال قال{letter} قال",
                     "نقلا\x1cعن الوكالة", "نقلا\x1c عن الوكالة", "نقلا  عن"):
            expected = [_groups(m) for m in patterns.cue.finditer(text)]
            assert [_groups(m) for m in patterns.cues(text)] == expected, text


def test_fold_maps_like_one_translate() -> None:
    """Folding by replacements equals ``str.translate`` with the whole table."""
    keys = "".join(chr(code) for code in normalize._TABLE)
    rng = random.Random(5)  # noqa: S311 - reproducible test data
    mixed = "".join(rng.choice(keys + "ابت ثج\u064e") for _ in range(20000))
    for text in [*_texts(), keys, mixed]:
        assert normalize._map(text) == text.translate(normalize._TABLE)


def _windows(length: int, rng: random.Random) -> Iterator[tuple[int, int, int]]:
    for _ in range(150):
        start = rng.randint(-3, length + 3)
        end = rng.randint(-3, length + 3)
        yield start, end, rng.choice([0, 1, 2, 12, 40, 45, 10**9, -1])


_GLUED_LOOKBEHIND = regex.compile(
    r"""
    (?<= [^\s\p{L}\p{N}] )
    (?= \p{L}{2,} (?: \x20 \p{L}{2,} )? \s? (?: [–—-] \s? \d{1,4} \s? ){0,3}
        \( \p{L}[\p{L}\x20]{0,24} \) \s? [–—-] )
    """,
    GLUED_DATELINE.flags,
)
"""`patterns.GLUED_DATELINE` as it was: a lookbehind for the punctuation, tried everywhere."""


def test_glued_datelines_found_where_the_lookbehind_found_them() -> None:
    """The pattern takes the punctuation mark; the place starts one character later."""
    glued = "فاز في (الفاشر)الخرطوم – 26 – 10 (كونا) — أعلنت و.الخرطوم (كونا) - قال ،،عمان (أ ف ب)-"
    for text in [*_texts(), glued, glued * 3, glued.replace(" ", "")]:
        folded = fold(text).folded
        expected = [m.start() for m in _GLUED_LOOKBEHIND.finditer(folded)]
        assert [m.start() + 1 for m in GLUED_DATELINE.finditer(folded)] == expected
    assert len(list(GLUED_DATELINE.finditer(fold(glued).folded))) == 3


def test_token_windows_read_like_a_scan() -> None:
    """Token windows, cut words included, equal a regex scan of the window alone."""
    rng = random.Random(7)  # noqa: S311 - reproducible test data
    for text in _texts():
        document = Document(fold(text))
        folded = document.text
        for start, end, limit in _windows(len(folded), rng):
            assert document.tokens(start, end, limit) == _scan_tokens(folded, start, end, limit)
            window = max(start, end - limit * 16)
            expected = _scan_tokens(folded, window, end, 10**9)[-limit:]
            assert document.tokens_before(start, end, limit) == expected


def test_sentence_bounds_read_like_a_search() -> None:
    """Sentence starts and ends equal a search of the paragraph around every position."""
    for text in _texts()[:8] + list(HOSTILE.values()) + ["قال.وقال 1.5 أ.ب .. نعم؟ لا!\nو. ب"]:
        document = Document(fold(text))
        folded = document.text
        for pos in range(0, len(folded) + 1, max(1, len(folded) // 500)):
            p_start, p_end = document.paragraph_at(pos)
            before = SENTENCE_END_BEFORE.search(folded, p_start, pos)
            after = SENTENCE_END.search(folded, pos, p_end)
            assert document.sentence_start(pos) == (before.end() if before else p_start)
            assert document.sentence_end(pos) == (after.start() if after else p_end)


class _Counting:
    """A compiled pattern that counts its scans and searches and the characters they may read."""

    def __init__(self, pattern: regex.Pattern[str] | re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0
        self.span = 0
        self.searches = 0
        self.searched = 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.calls += 1
        self.span += (len(text) if endpos is None else endpos) - pos
        return self.pattern.finditer(text, pos, endpos if endpos is not None else len(text))

    matches = 0

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.matches += 1
        return self.pattern.match(text, pos, endpos if endpos is not None else len(text))

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.calls += 1
        self.span += (len(text) if endpos is None else endpos) - pos
        return self.pattern.findall(text, pos, endpos if endpos is not None else len(text))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.searches += 1
        self.searched += (len(text) if endpos is None else endpos) - pos
        return self.pattern.search(text, pos, endpos if endpos is not None else len(text))


_COUNTED = ("SENTENCE_END", "SENTENCE_END_STDLIB", "SENTENCE_END_BEFORE", "TOKEN")


def _disputed_letter() -> str | None:
    """A letter only `regex` knows (a newer Unicode version), if the engines differ."""
    newer = _letters_only_regex_knows()
    return newer[0] if newer else None


@pytest.mark.parametrize("alike", [True, False])
def test_long_paragraph_is_read_once(alike: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """In one 100 KB paragraph of cue verbs, sentence and token lookups never rescan it.

    On either engine: the stdlib twins, or the `regex` patterns when the text holds a letter
    the engines read differently.
    """
    text = HOSTILE["cue verbs"].replace("قال ", "قال، ").replace("أكد ", "أكد: ") * 17
    text += "قالت؟ نعم. وقال 1.5"
    if not alike:
        letter = _disputed_letter()
        if letter is None:
            pytest.skip("both engines know the same letters: every text reads alike")
        text = letter + text
    counters = {name: _Counting(getattr(document_module, name)) for name in _COUNTED}
    for name, counter in counters.items():
        monkeypatch.setattr(document_module, name, counter)
    # The stdlib token scan reads the pieces between spaces that are not one word.
    pieces = _Counting(patterns_module.TOKEN_STDLIB)
    monkeypatch.setattr(patterns_module, "TOKEN_STDLIB", pieces)
    # The stdlib sentence scan goes from mark to mark and tries the pattern at each.
    marks = _Counting(patterns_module.SENTENCE_END_STDLIB)
    monkeypatch.setattr(patterns_module, "SENTENCE_END_STDLIB", marks)
    document = Document(fold(text))
    positions = range(0, len(document.text), 7)
    for pos in positions:
        document.sentence_start(pos)
        document.sentence_end(pos)
        document.tokens(pos, pos + 200, 12)
        document.tokens_before(0, pos, 3)
    n = len(document.text)
    # One pass, then bisection.
    assert counters["SENTENCE_END"].calls == (0 if alike else 1)
    assert counters["SENTENCE_END"].span == (0 if alike else n)
    assert counters["SENTENCE_END_STDLIB"].calls == 0  # no whole-text scan
    assert marks.matches == (sum(map(text.count, "؟.")) if alike else 0)  # each mark once
    one_char = counters["SENTENCE_END_STDLIB" if alike else "SENTENCE_END_BEFORE"]
    assert one_char.searched == one_char.searches <= len(positions)  # one character per lookup
    # One pass, then bisection: each piece that is not one word (وقال، اكد:) is read once.
    not_words = [piece for piece in document.text.split(" ") if piece and not piece.isalnum()]
    assert len(not_words) == 2 * 300 * 17 + 3  # and قالت؟ نعم. 1.5
    assert pieces.span == (sum(map(len, not_words)) if alike else 0)
    assert counters["TOKEN"].calls == (0 if alike else 1)
    assert counters["TOKEN"].span == (0 if alike else n)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_completes(name: str) -> None:
    """Every hostile input, four times larger, gives an extraction."""
    text = HOSTILE[name] * 4
    assert Extractor().extract(text).to_json() is not None
