"""Pair quotation marks into quote candidates, paragraph by paragraph.

Marks pair within their family (« », “ ” " „, ‘ ’). A fixed-direction mark opens or closes;
an ambiguous one takes its direction from its flanks: it can close after a non-space and can
open before a non-space, so ” … ” (one glyph on both sides) and reversed pairs (” … “) pair
as written. Only outermost pairs become candidates: « … “ … ” … » is one quote.

An opening mark left unclosed at the end of its paragraph makes a quote that ends there, so a
stray mark never swallows the article. When the next paragraph reopens with a mark the quote
is marked ``continues`` (one utterance over several paragraphs) and that next quote
``continuation``.
"""

from __future__ import annotations

import attrs

from arquotes.patterns import Patterns

__all__ = ["QuoteCandidate", "find_quotes", "paragraph_spans"]

# Characters after which an ambiguous mark cannot open: it would quote punctuation.
_NO_OPEN_BEFORE = frozenset(" \t\n\r.,،:;؛!?؟)]}")


@attrs.frozen(kw_only=True)
class QuoteCandidate:
    """Outermost quoted stretch, in folded offsets; content excludes marks and edge spaces."""

    open: int
    close: int | None
    """Offset of the closing mark; None when the quote ran to its paragraph's end."""
    start: int
    end: int
    paragraph: int
    continues: bool = False
    continuation: bool = False


def paragraph_spans(text: str, breaks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph ``(start, end)`` offsets given the ``(start, end)`` of each line break."""
    spans = []
    last = 0
    for start, end in breaks:
        spans.append((last, start))
        last = end
    spans.append((last, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(
    text: str, paragraphs: list[tuple[int, int]], patterns: Patterns
) -> list[QuoteCandidate]:
    """Outermost quote candidates of the folded ``text``, in text order."""
    found: list[QuoteCandidate] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        found += _pair_paragraph(text, index, p_start, p_end, patterns)
    return _link_continued(text, paragraphs, found, patterns)


def _pair_paragraph(
    text: str, index: int, p_start: int, p_end: int, patterns: Patterns
) -> list[QuoteCandidate]:
    """The outermost quotes of paragraph ``index``, the last one unclosed if a mark is."""
    found: list[QuoteCandidate] = []
    family_of, apostrophes = patterns.mark_family, patterns.apostrophes
    stack: list[tuple[str, int]] = []  # (family, offset) of open marks, innermost last
    depths: dict[str, list[int]] = {}  # family -> stack depths of its open marks
    for match in patterns.mark.finditer(text, p_start, p_end):
        pos = match.start()
        family, role = family_of[text[pos]]
        before = text[pos - 1] if pos > p_start else " "
        after = text[pos + 1] if pos + 1 < p_end else " "
        if text[pos] in apostrophes and before.isalnum() and after.isalnum():
            continue  # O'Brien: an apostrophe inside a word
        can_close = not before.isspace()
        can_open = after not in _NO_OPEN_BEFORE and not after.isspace()
        of_family = depths.get(family)
        depth = of_family[-1] if of_family else None  # innermost open mark of the family
        closes = role == "close" or (role == "either" and depth is not None and can_close)
        if closes:
            if depth is None:
                continue  # a stray closing mark
            opened = stack[depth][1]
            del stack[depth:]
            _forget_from(depths, depth)
            if not stack:
                start, end = _trim(text, opened + 1, pos)
                if end > start:
                    found.append(QuoteCandidate(
                        open=opened, close=pos, start=start, end=end, paragraph=index))
        elif role == "open" or can_open:
            depths.setdefault(family, []).append(len(stack))
            stack.append((family, pos))
    if stack:
        opened = stack[0][1]
        start, end = _trim(text, opened + 1, p_end)
        if end > start:
            found.append(QuoteCandidate(
                open=opened, close=None, start=start, end=end, paragraph=index))
    return found


def _forget_from(depths: dict[str, list[int]], depth: int) -> None:
    """Drop the open marks at ``depth`` and above from every family's list of depths."""
    for kept in depths.values():
        while kept and kept[-1] >= depth:
            kept.pop()


def _link_continued(
    text: str,
    paragraphs: list[tuple[int, int]],
    quotes: list[QuoteCandidate],
    patterns: Patterns,
) -> list[QuoteCandidate]:
    """Mark unclosed quotes whose next non-empty paragraph opens with a quotation mark."""
    opens_at = {q.open: i for i, q in enumerate(quotes)}
    for i, quote in enumerate(quotes):
        if quote.close is not None:
            continue
        for p_start, p_end in paragraphs[quote.paragraph + 1 :]:
            s, e = _trim(text, p_start, p_end)
            if s == e:
                continue
            j = opens_at.get(s)
            if j is not None and text[s] in patterns.mark_family:
                quotes[i] = attrs.evolve(quote, continues=True)
                quotes[j] = attrs.evolve(quotes[j], continuation=True)
            break
    return quotes
