"""The attribution policy (`arquotes.policy`): every quotation a reader sees needs a speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from arquotes import extract
from arquotes.cli import main
from arquotes.policy import Quotation, find_violations, quotations
from helpers import count_calls
from strategies import news_text


def _violations(text: str, min_confidence: float = 0.0) -> list[tuple[int, int, str, str]]:
    return [(v.line, v.column, v.quote, v.reason)
            for v in find_violations(text, extract(text), source="a.md",
                                     min_confidence=min_confidence)]


def test_short_quote_without_cue_is_a_violation() -> None:
    """«هذا غير مقبول!» has no speaker: extraction drops it, the policy reports it."""
    text = "عنوان\n«هذا غير مقبول!»\n"
    assert extract(text).quotes == ()
    assert _violations(text) == [(2, 2, "هذا غير مقبول!", "quote without a speaker")]


def test_one_word_quote_mid_sentence_is_a_violation() -> None:
    """A one-word quotation with nobody speaking is still something a reader reads as quoted."""
    text = "وصف المشهد بأنه «كارثي» دون أن يذكر أحد ذلك."
    [(line, column, quote, reason)] = _violations(text)
    assert (line, column, quote) == (1, text.index("كارثي") + 1, "كارثي")
    assert reason == "quote without a speaker"


def test_quoted_names_are_not_violations() -> None:
    """Channels and agencies in quotation marks are names, not quotes."""
    text = 'قال الوزير لقناة "العربية" إن الاتفاق وشيك، بحسب وكالة "فرانس برس".'
    assert [q.name for q in quotations(text)] == [True, True]
    assert _violations(text) == []


def test_attributed_short_quote_passes() -> None:
    """A short quotation inside someone's reported speech has that speaker: no violation."""
    text = "أكد الوزير «اقتناعه» بإمكانية التوصل إلى اتفاق."
    assert [q.kind for q in extract(text).quotes]  # kept, with the minister as speaker
    assert _violations(text) == []


def test_quotations_lists_every_span_in_original_offsets() -> None:
    """`quotations` gives each quotation's original span and text, names marked."""
    text = "قالَ «نعم» ثم ذكر قناة «الجزيرة»."
    found = quotations(text)
    assert [(q.text, q.name) for q in found] == [("نعم", False), ("الجزيرة", True)]
    assert all(text[q.span.start : q.span.end] == q.text for q in found)
    assert isinstance(found[0], Quotation)


def test_guessed_speaker_under_the_floor() -> None:
    """A guessed speaker (0.3) fails a 0.5 floor; a named one (0.9) passes it."""
    guessed = "قال الوزير سامي علي إن الأمر مهم.\n«نحن مستعدون للحوار مع الجميع»."
    assert _violations(guessed) == []
    assert [r for *_, r in _violations(guessed, 0.5)] == [
        "speaker سامي علي has confidence 0.30 < 0.50"]
    named = "قال الوزير سامي علي: «نحن مستعدون للحوار مع الجميع»."
    assert _violations(named, 0.5) == []


def test_check_default_floor_fails_guessed_passes_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """By default ``check`` rejects a guessed speaker (0.3) and accepts a named one (0.9)."""
    guessed = tmp_path / "guessed.txt"
    guessed.write_text("قال الوزير سامي علي إن الأمر مهم.\n«نحن مستعدون للحوار مع الجميع».",
                       encoding="utf-8")
    named = tmp_path / "named.txt"
    named.write_text("قال الوزير سامي علي: «نحن مستعدون للحوار مع الجميع».", encoding="utf-8")
    assert main(["check", str(named)]) == 0
    assert main(["check", str(guessed), "--format", "json"]) == 1
    [violation] = json.loads(capsys.readouterr().out)["violations"]
    assert (violation["line"], violation["column"], violation["confidence"]) == (2, 2, 0.3)
    assert main(["check", str(guessed), "--min-confidence", "0"]) == 0


def test_violation_places_match_the_text() -> None:
    """Line and column of every violation point at its quote, however many share a line."""
    text = "\n".join(["عنوان", "«نعم» و«لا» هنا ثم «كلا»", "", "نص «كارثي» ثم «رائع»"] * 3)
    violations = find_violations(text, extract(text), source="a.txt")
    assert len(violations) == 9  # «نعم» و«لا»: coordinated, read as names
    lines = text.split("\n")
    for v in violations:
        assert lines[v.line - 1][v.column - 1 :].startswith(v.quote), v


@settings(max_examples=60, deadline=None)
@given(news_text())
def test_every_quotation_is_attributed_or_reported(text: str) -> None:
    """Each quotation that is no name is covered by a quote with a speaker, or reported."""
    extraction = extract(text)
    reported = {v.column - 1 + sum(len(line) + 1 for line in text.split("\n")[: v.line - 1])
                for v in find_violations(text, extraction, source="a.txt")}
    attributed = [q.span for q in extraction.quotes
                  if q.attribution is not None and q.attribution.speaker is not None]
    for quotation in quotations(text):
        span = quotation.span
        covered = any(s.start < max(span.end, span.start + 1) and span.start < s.end
                      for s in attributed)
        assert quotation.name or covered or span.start in reported, quotation


def _policy_calls(text: str) -> int:
    extraction = extract(text)
    found: list[object] = []
    calls = count_calls(lambda: found.extend(
        find_violations(text, extraction, source="a.txt", min_confidence=0.5)))
    assert found
    return calls


@pytest.mark.parametrize("unit", ["«نعم» و«كلا» ثم «ربما» ", "«نعم»\n", "وصف الأمر بأنه «كارثي»، "])
def test_policy_is_linear(unit: str) -> None:
    """Four times as many quotations (on one line or many) cost about four times the work."""
    small, large = _policy_calls(unit * 100), _policy_calls(unit * 400)
    assert large <= 6 * small, (small, large)
