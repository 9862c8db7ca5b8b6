"""The attribution policy behind ``arquotes check``: every direct quote needs a speaker.

A direct quote violates the policy when it has no speaker, or when its attribution confidence
is under the minimum. Each violation carries the line and column (1-based) where the quoted
words start, so an editor or a CI annotation can point at them.
"""

from __future__ import annotations

import attrs

from arquotes.model import Extraction, Quote, QuoteKind

__all__ = ["Violation", "find_violations", "line_column"]


@attrs.frozen(kw_only=True)
class Violation:
    """A direct quote the policy rejects, and where it is."""

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


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _problem(quote: Quote, min_confidence: float) -> str | None:
    attribution = quote.attribution
    if attribution is None or attribution.speaker is None:
        return "direct quote without a speaker"
    if attribution.confidence < min_confidence:
        return (
            f"speaker {attribution.speaker.name} has confidence "
            f"{attribution.confidence:.2f} < {min_confidence:.2f}"
        )
    return None


def find_violations(
    text: str,
    extraction: Extraction,
    *,
    source: str,
    min_confidence: float = 0.0,
    line: int | None = None,
) -> tuple[Violation, ...]:
    """Direct quotes of ``extraction`` that break the policy, in text order.

    ``line`` is given for a JSON Lines article: every violation then reports that line and,
    as its column, the 1-based character offset of the quote in the article text.
    """
    found: list[Violation] = []
    for quote in extraction.quotes:
        if quote.kind is not QuoteKind.DIRECT:
            continue
        reason = _problem(quote, min_confidence)
        if reason is None:
            continue
        if line is None:
            at_line, column = line_column(text, quote.span.start)
        else:
            at_line, column = line, quote.span.start + 1
        attribution = quote.attribution
        found.append(
            Violation(
                source=source,
                line=at_line,
                column=column,
                quote=quote.text,
                reason=reason,
                confidence=None if attribution is None else attribution.confidence,
            )
        )
    return tuple(found)
