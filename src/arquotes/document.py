"""One article prepared for matching: folded text, paragraphs, sentences and tokens.

Tokens are read in small windows around cues and quotes. Their boundaries come from one pass
over the text, the first time a window is read; a `Token` is built only for the tokens those
windows reach, once each, however many windows overlap there.
"""

from __future__ import annotations

import bisect
from array import array
from functools import cached_property

import attrs

from arquotes.normalize import Folded
from arquotes.patterns import (
    GLUED_DATELINE,
    PARAGRAPH_BREAK,
    SENTENCE_END,
    SENTENCE_END_BEFORE,
    TOKEN,
)
from arquotes.quotes import paragraph_spans

__all__ = ["Document", "Token"]

_TOKEN_BLOCK = 64
"""Tokens built together the first time a window reaches one of them."""


@attrs.frozen
class Token:
    """A word, number or punctuation mark of the folded text."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """True for letters or digits, False for punctuation and symbols."""
        return self.text[0].isalnum()


@attrs.define
class Document:
    """The folded view of one article with paragraph and sentence lookups."""

    view: Folded

    @property
    def text(self) -> str:
        """The folded text every stage matches against."""
        return self.view.folded

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every paragraph (line), in order."""
        breaks = [m.span() for m in PARAGRAPH_BREAK.finditer(self.text)]
        return paragraph_spans(self.text, breaks)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding offset ``pos``."""
        return max(0, bisect.bisect_right(self._paragraph_starts, pos) - 1)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the paragraph holding ``pos``."""
        return self.paragraphs[self.paragraph_index(pos)]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        """Offsets of every sentence end mark of the whole text, found in one pass.

        A dateline glued to the text before it (`patterns.GLUED_DATELINE`) counts as a mark
        at the place's first letter: the sentence before ends there.
        """
        marks = [match.start() for match in SENTENCE_END.finditer(self.text)]
        glued = [match.start() for match in GLUED_DATELINE.finditer(self.text)]
        return sorted(marks + glued) if glued else marks

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding ``pos`` (never before its paragraph).

        The end mark before ``pos`` comes from `_sentence_ends` by bisection, so a long
        sentence costs nothing per call. Only the character just before ``pos`` is searched
        again: a full stop there ends a sentence even when a letter follows at ``pos``.
        """
        p_start, _ = self.paragraph_at(pos)
        if pos > p_start and SENTENCE_END_BEFORE.search(self.text, pos - 1, pos):
            return pos
        ends = self._sentence_ends
        i = bisect.bisect_left(ends, pos - 1) - 1
        return ends[i] + 1 if i >= 0 and ends[i] >= p_start else p_start

    def end_mark(self, pos: int, limit: int) -> int | None:
        """Offset of the first sentence end mark in ``[pos, limit)``, from the cached list."""
        ends = self._sentence_ends
        i = bisect.bisect_left(ends, pos)
        return ends[i] if i < len(ends) and ends[i] < limit else None

    def sentence_end(self, pos: int) -> int:
        """Offset of the end mark of the sentence holding ``pos``, or its paragraph's end."""
        _, p_end = self.paragraph_at(pos)
        ends = self._sentence_ends
        i = bisect.bisect_left(ends, pos)
        return ends[i] if i < len(ends) and ends[i] < p_end else p_end

    @cached_property
    def token_spans(self) -> tuple[array[int], array[int]]:
        """Start and end offsets of every token of the whole text, in order."""
        spans = [match.span() for match in TOKEN.finditer(self.text)]
        return array("q", [start for start, _ in spans]), array("q", [end for _, end in spans])

    @cached_property
    def _blocks(self) -> dict[int, list[Token]]:
        """Block number -> the `Token` objects of that block of `_TOKEN_BLOCK` tokens."""
        return {}

    def _block(self, number: int) -> list[Token]:
        """The tokens of block ``number``, built the first time a window reaches it."""
        block = self._blocks.get(number)
        if block is None:
            starts, ends = self.token_spans
            low = number * _TOKEN_BLOCK
            high = min(low + _TOKEN_BLOCK, len(starts))
            text = self.text
            block = [
                Token(first, last, text[first:last])
                for first, last in zip(starts[low:high], ends[low:high], strict=True)
            ]
            self._blocks[number] = block
        return block

    def _window(self, first: int, last: int, start: int, end: int) -> list[Token]:
        """Tokens ``first`` to ``last - 1`` as seen through the window ``[start, end)``.

        Whole tokens are slices of cached blocks. A word cut by the window edge is the part
        inside it, as a scan of the window alone would read it.
        """
        if last <= first:
            return []
        head, tail = divmod(first, _TOKEN_BLOCK)
        found = self._block(head)[tail : tail + last - first]
        while len(found) < last - first:
            head += 1
            found += self._block(head)[: last - first - len(found)]
        for i in {0, len(found) - 1}:
            token = found[i]
            if token.start < start or token.end > end:
                cut_start, cut_end = max(token.start, start), min(token.end, end)
                found[i] = Token(cut_start, cut_end, self.text[cut_start:cut_end])
        return found

    def tokens(self, start: int, end: int, limit: int = 40) -> list[Token]:
        """At most ``limit`` tokens of ``[start, end)``, left to right."""
        if start < 0 or end <= start:
            # Offsets a window never has: scan exactly as the regex engine reads them.
            found: list[Token] = []
            for match in TOKEN.finditer(self.text, start, end):
                found.append(Token(match.start(), match.end(), match.group()))
                if len(found) >= limit:
                    break
            return found
        starts, ends = self.token_spans
        first = bisect.bisect_right(ends, start)
        last = bisect.bisect_left(starts, end, first)
        # A scan checks the limit after taking a token: a limit under one still takes one.
        return self._window(first, min(last, first + max(limit, 1)), start, end)

    def tokens_before(self, start: int, end: int, limit: int = 40) -> list[Token]:
        """The last ``limit`` tokens of ``[start, end)``, left to right."""
        window = max(start, end - limit * 16)
        if window < 0 or end < 0:
            # Offsets a window never has: read exactly as the regex engine reads them.
            return self.tokens(window, end, limit=10**9)[-limit:]
        if end <= window:
            return []
        starts, ends = self.token_spans
        last = bisect.bisect_left(starts, end)
        first = bisect.bisect_right(ends, window, 0, last)
        return self._window(max(first, last - limit), last, window, end)
