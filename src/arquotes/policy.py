"""The attribution policy behind ``arquotes check``: every quotation needs a speaker.

The policy sees every quotation a reader sees, not only the quotes extraction keeps:
extraction drops a short quotation no cue governs («هذا غير مقبول!», وصف المشهد بأنه
«كارثي»), since it cannot say who is quoted; for a newsroom that is exactly the quote to flag.
`quotations` lists every quoted span of a text with whether it is a quoted *name* (a channel,
agency or party: ``arquotes.quote_kinds.not_a_quote``); every span that is not a name is a
violation unless an extracted quote with a speaker covers it, and any extracted quote (direct
or mixed) whose speaker's confidence is under the minimum is one too. Each violation carries
the line and column (1-based) where the quoted words start, so an editor or a CI annotation
can point at them.
"""

from __future__ import annotations

from functools import cache

import attrs

from arquotes.document import Document
from arquotes.lexicon import Lexicon, default_lexicon
from arquotes.model import Extraction, Quote, QuoteKind, Span
from arquotes.normalize import fold
from arquotes.patterns import compile_patterns
from arquotes.quote_kinds import not_a_quote
from arquotes.quotes import find_quotes

__all__ = ["Quotation", "Violation", "find_violations", "line_column", "placed_in", "quotations"]

UNATTRIBUTED = "quote without a speaker"
"""The reason given for a quotation extraction could not attribute at all."""


@attrs.frozen(kw_only=True)
class Violation:
    """A quotation the policy rejects, and where it is."""

    source: str
    line: int
    column: int
    quote: str
    reason: str
    confidence: float | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "file": self.source,
            "line": self.line,
            "column": self.column,
            "quote": self.quote,
            "reason": self.reason,
            "confidence": self.confidence,
        }


@attrs.frozen(kw_only=True)
class Quotation:
    """One quoted span of a text, as a reader sees it, whatever extraction made of it."""

    span: Span
    """Original offsets of the quoted words (marks and edge spaces excluded)."""
    text: str
    name: bool
    """A quoted name (channel, agency, party, programme) or marks holding no word: no quote."""


@cache
def _default_lexicon() -> Lexicon:
    return default_lexicon()


def quotations(text: str, lexicon: Lexicon | None = None) -> tuple[Quotation, ...]:
    """Every outermost quotation of ``text`` in text order, quoted names marked.

    These are the quote candidates extraction starts from (`arquotes.quotes.find_quotes`),
    before it drops names and the short fragments no one is seen to say.
    """
    lexicon = lexicon or _default_lexicon()
    document = Document(fold(text))
    candidates = find_quotes(document.text, document.paragraphs, compile_patterns(lexicon))
    found = []
    for candidate in candidates:
        span = document.view.span(candidate.start, candidate.end)
        found.append(Quotation(span=span, text=text[span.start : span.end],
                               name=not_a_quote(document, candidate, lexicon)))
    return tuple(found)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _problem(quote: Quote, min_confidence: float) -> str | None:
    attribution = quote.attribution
    if attribution is None or attribution.speaker is None:
        return ("direct quote without a speaker" if quote.kind is QuoteKind.DIRECT
                else UNATTRIBUTED)
    if attribution.confidence < min_confidence:
        return (
            f"speaker {attribution.speaker.name} has confidence "
            f"{attribution.confidence:.2f} < {min_confidence:.2f}"
        )
    return None


def _unattributed(text: str, quotes: tuple[Quote, ...],
                  lexicon: Lexicon | None) -> list[Quotation]:
    """Quotations (not names) that no extracted quote overlaps, in one sweep over both."""
    missing = []
    k = 0
    for quotation in quotations(text, lexicon):
        if quotation.name:
            continue
        span = quotation.span
        while k < len(quotes) and quotes[k].span.end <= span.start:
            k += 1
        if k < len(quotes) and quotes[k].span.start < max(span.end, span.start + 1):
            continue
        missing.append(quotation)
    return missing


def find_violations(
    text: str,
    extraction: Extraction,
    *,
    source: str,
    min_confidence: float = 0.0,
    line: int | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[Violation, ...]:
    """Quotations of ``text`` that break the policy, in text order.

    ``extraction`` is what ``text`` gave (with ``lexicon``, the default when None).
    ``line`` is given for a JSON Lines article: every violation then reports that line and,
    as its column, the 1-based character offset of the quote in the article text.
    """
    found: list[tuple[int, str, str, float | None]] = []
    for quote in extraction.quotes:
        reason = _problem(quote, min_confidence)
        if reason is not None:
            attribution = quote.attribution
            found.append((quote.span.start, quote.text, reason,
                          None if attribution is None else attribution.confidence))
    found.extend((quotation.span.start, quotation.text, UNATTRIBUTED, None)
                 for quotation in _unattributed(text, extraction.quotes, lexicon))
    found.sort(key=lambda item: item[0])
    violations = []
    at_line, line_start, counted = 1, 0, 0  # lines counted once, in text order: linear
    for start, quoted, reason, confidence in found:
        if line is None:
            at_line += text.count("\n", counted, start)
            last_break = text.rfind("\n", counted, start)
            line_start = line_start if last_break < 0 else last_break + 1
            counted = max(counted, start)
            place = (at_line, start - line_start + 1)
        else:
            place = (line, start + 1)
        violations.append(Violation(source=source, line=place[0], column=place[1], quote=quoted,
                                    reason=reason, confidence=confidence))
    return tuple(violations)


def placed_in(violations: tuple[Violation, ...], text: str, original: str) -> tuple[Violation, ...]:
    """``violations`` found in ``text``, at their line and column in ``original``.

    ``text`` is ``original`` with some line breaks turned into spaces (a Markdown paragraph
    joined: `arquotes.markdown.prose` with ``join_lines``), so an offset is the same in both
    and only lines differ. Violations come in text order; one pass over each text.
    """
    starts = [0]
    at = text.find("\n")
    placed = []
    line, line_start, counted = 1, 0, 0
    for violation in violations:
        while len(starts) < violation.line and at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        offset = starts[min(violation.line, len(starts)) - 1] + violation.column - 1
        offset = max(counted, min(offset, len(original)))
        line += original.count("\n", counted, offset)
        last_break = original.rfind("\n", counted, offset)
        line_start = line_start if last_break < 0 else last_break + 1
        counted = offset
        placed.append(attrs.evolve(violation, line=line, column=offset - line_start + 1))
    return tuple(placed)
