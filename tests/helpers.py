"""Shared helpers for module tests: prepare a text the way the pipeline does."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import arquotes
from arquotes.cues import QuoteIndex, find_cues
from arquotes.document import Document
from arquotes.lexicon import Lexicon, default_lexicon
from arquotes.normalize import fold
from arquotes.patterns import Patterns, compile_patterns
from arquotes.quote_kinds import not_a_quote
from arquotes.quotes import find_quotes


def prepare(text: str) -> tuple[Document, Lexicon, Patterns, QuoteIndex]:
    """Fold ``text`` and index its quotes with the bundled lexicon."""
    lexicon = default_lexicon()
    patterns = compile_patterns(lexicon)
    document = Document(fold(text))
    candidates = find_quotes(document.text, document.paragraphs, patterns)
    names = frozenset(i for i, q in enumerate(candidates) if not_a_quote(document, q, lexicon))
    return document, lexicon, patterns, QuoteIndex(candidates, names)


def cues_of(text: str) -> tuple[Document, list[tuple[str, str | None, str | None]]]:
    """(cue text, subject text, complement frame) for every cue hit in ``text``."""
    document, lexicon, patterns, quotes = prepare(text)
    rows = []
    for hit in find_cues(document, patterns, lexicon, quotes):
        subject = hit.subject
        rows.append((
            document.view.text_of(hit.start, hit.end),
            None if subject is None else document.view.text_of(subject.start, subject.end),
            None if hit.complement is None else hit.complement.frame,
        ))
    return document, rows


def speakers_in_order(text: str) -> list[str | None]:
    """Speaker name of every quote and claim of ``text``, in text order."""
    result = arquotes.extract(text)
    items: list[arquotes.Quote | arquotes.Claim] = [*result.quotes, *result.claims]
    items.sort(key=lambda i: i.span.start)
    return [i.attribution.speaker.name if i.attribution and i.attribution.speaker else None
            for i in items]


def count_calls(action: Callable[[], object]) -> int:
    """Python and C calls made by ``action()``: work counted, not timed (linearity tests)."""
    calls = [0]

    def count(_frame: FrameType, event: str, _arg: Any) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1

    sys.setprofile(count)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls[0]
