"""Invariants of `arquotes.extract` on any text, checked with hypothesis.

For any ``str``: extraction returns; every span is in bounds and slices out its item's text;
quotes do not overlap; every sequence is in text order; the result is deterministic; JSON
round-trips losslessly; and adding diacritics, tatweel or format controls after letters
changes where items are but not which items are found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arquotes import extract
from arquotes.model import Attribution, Extraction, Span
from arquotes.normalize import strip_marks
from helpers import count_calls
from strategies import lexicon_sentence, news_text, with_marks

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])
any_text = st.one_of(news_text(), st.text(max_size=300))


def _check_span(text: str, span: Span, expected: str | None = None) -> None:
    assert 0 <= span.start <= span.end <= len(text)
    if expected is not None:
        assert text[span.start : span.end] == expected


def _check_attribution(text: str, attribution: Attribution | None) -> None:
    if attribution is None:
        return
    if attribution.mention is not None:
        _check_span(text, attribution.mention)
    if attribution.cue is not None:
        _check_span(text, attribution.cue.span, attribution.cue.text)


def check_invariants(text: str, result: Extraction, *, round_trip: bool = True) -> None:
    """Assert every invariant of the module docstring that one result must keep.

    Linear in the size of the result, except the JSON round trip: each attribution embeds
    its whole speaker, mentions and all, so the JSON form grows with items times mentions.
    """
    names = {speaker.name for speaker in result.speakers}
    attributions = [i.attribution for i in result.quotes] + [i.attribution for i in result.claims]
    for attribution in attributions:
        assert attribution is None or attribution.speaker is None or (
            attribution.speaker.name in names)
    for quote in result.quotes:
        _check_span(text, quote.span, quote.text)
        _check_attribution(text, quote.attribution)
    for claim in result.claims:
        _check_span(text, claim.span, claim.text)
        _check_attribution(text, claim.attribution)
        for inner in claim.quotes:
            _check_span(text, inner.span, inner.text)
            assert claim.span.start <= inner.span.start <= inner.span.end <= claim.span.end
    starts = [(q.span.start, q.span.end) for q in result.quotes]
    assert starts == sorted(starts)
    for before, after in zip(result.quotes, result.quotes[1:], strict=False):
        assert before.span.end <= after.span.start, "quotes overlap"
    claims = [(c.span.start, c.span.end) for c in result.claims]
    assert claims == sorted(claims)
    firsts = [s.mentions[0].start for s in result.speakers if s.mentions]
    assert firsts == sorted(firsts)
    for speaker in result.speakers:
        assert list(speaker.mentions) == sorted(speaker.mentions, key=lambda m: (m.start, m.end))
        for mention in speaker.mentions:
            _check_span(text, mention)
    if round_trip:
        assert Extraction.from_json(result.to_json()) == result


def found_items(result: Extraction) -> list[tuple[str, ...]]:
    """What was found, without positions: kind, text and speaker name with marks stripped."""
    items: list[tuple[str, ...]] = []
    for quote in result.quotes:
        speaker = quote.attribution.speaker if quote.attribution else None
        items.append(("quote", quote.kind.value, strip_marks(quote.text),
                      strip_marks(speaker.name) if speaker else ""))
    for claim in result.claims:
        speaker = claim.attribution.speaker if claim.attribution else None
        items.append(("claim", strip_marks(claim.text),
                      strip_marks(speaker.name) if speaker else ""))
    return items


@_SETTINGS
@given(any_text)
def test_invariants_hold_on_any_text(text: str) -> None:
    """Any text gives a result whose spans, order, overlap and JSON form are all sound."""
    check_invariants(text, extract(text))


@_SETTINGS
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_invariants_hold_with_surrogates_and_controls(text: str) -> None:
    """Text with every code point class, lone surrogates included, keeps the invariants."""
    check_invariants(text, extract(text))


@_SETTINGS
@given(any_text)
def test_extraction_is_deterministic(text: str) -> None:
    """Extracting the same text twice gives equal results and identical JSON."""
    first, second = extract(text), extract(text)
    assert first == second
    assert first.to_json() == second.to_json()


@_SETTINGS
@given(st.data())
def test_marks_move_spans_but_not_items(data: st.DataObject) -> None:
    """Diacritics, tatweel and format controls after letters change no item found."""
    plain = data.draw(news_text())
    marked = data.draw(with_marks(plain))
    result = extract(marked)
    check_invariants(marked, result)
    assert found_items(result) == found_items(extract(plain))


def test_marks_on_seeds_change_no_item() -> None:
    """A fatha after every third letter of each seed article finds the same items."""
    for seed in SEEDS:
        plain = seed.read_text(encoding="utf-8")
        marked = "".join(
            c + ("\u064e" if "\u0621" <= c <= "\u064a" and i % 3 == 0 else "")
            for i, c in enumerate(plain)
        )
        assert found_items(extract(marked)) == found_items(extract(plain)), seed.name


def test_output_does_not_depend_on_hash_seed() -> None:
    """Two processes with different PYTHONHASHSEED give byte-identical JSON for every seed."""
    script = (
        "import sys, pathlib, arquotes\n"
        "for p in sys.argv[1:]:\n"
        "    print(arquotes.extract(pathlib.Path(p).read_text(encoding='utf-8')).to_json())\n"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", script, *map(str, SEEDS)],
                              capture_output=True, check=True, env=env)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == len(SEEDS)
    assert all(json.loads(line) for line in outputs[0].splitlines())


def _calls(text: str) -> int:
    """Python calls made by ``extract(text)``: work counted, not timed."""
    return count_calls(lambda: extract(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lexicon_sentence())
def test_sentences_from_the_lexicon_keep_the_invariants(sentence: str) -> None:
    """Any sentence of the lexicon's own words gives a sound result."""
    check_invariants(sentence, extract(sentence))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lexicon_sentence(max_pieces=8, one_sentence=True))
def test_repeating_a_lexicon_sentence_costs_linear_work(sentence: str) -> None:
    """Four times the repetitions of a lexicon sentence cost about four times the work.

    No shape of listed words, repeated with no full stop between, makes a stage quadratic.
    """
    extract(sentence)  # warm the caches outside the count
    small = _calls(" ".join([sentence] * 100))
    large = _calls(" ".join([sentence] * 400))
    assert large <= 6 * max(small, 2_000), (small, large)
