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
    PARAGRAPH_BREAK,
    SENTENCE_END,
    SENTENCE_END_BEFORE,
    TOKEN,
)
from arquotes.quotes import paragraph_spans

__all__ = ["Document", "Token"]


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
        """Offsets of every sentence end mark of the whole text, found in one pass."""
        return [match.start() for match in SENTENCE_END.finditer(self.text)]

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

    def sentence_end(self, pos: int) -> int:
        """Offset of the end mark of the sentence holding ``pos``, or its paragraph's end."""
        _, p_end = self.paragraph_at(pos)
        ends = self._sentence_ends
        i = bisect.bisect_left(ends, pos)
        return ends[i] if i < len(ends) and ends[i] < p_end else p_end

    @cached_property
    def _token_spans(self) -> tuple[array[int], array[int]]:
        """Start and end offsets of every token of the whole text, in order."""
        spans = [match.span() for match in TOKEN.finditer(self.text)]
        return array("q", [start for start, _ in spans]), array("q", [end for _, end in spans])

    @cached_property
    def _tokens_built(self) -> dict[int, Token]:
        """Token index -> the `Token` already built for it."""
        return {}

    def _token(self, index: int, start: int, end: int) -> Token:
        """Token ``index`` as seen through the window ``[start, end)``.

        A word cut by the window edge is the part inside it, as a scan of the window alone
        would read it.
        """
        starts, ends = self._token_spans
        first, last = starts[index], ends[index]
        if first >= start and last <= end:
            token = self._tokens_built.get(index)
            if token is None:
                token = self._tokens_built[index] = Token(first, last, self.text[first:last])
            return token
        first, last = max(first, start), min(last, end)
        return Token(first, last, self.text[first:last])

    def tokens(self, start: int, end: int, limit: int = 40) -> list[Token]:
        """At most ``limit`` tokens of ``[start, end)``, left to right."""
        found: list[Token] = []
        if start < 0 or end <= start:
            # Offsets a window never has: scan exactly as the regex engine reads them.
            for match in TOKEN.finditer(self.text, start, end):
                found.append(Token(match.start(), match.end(), match.group()))
                if len(found) >= limit:
                    break
            return found
        starts, ends = self._token_spans
        built = self._tokens_built
        index = bisect.bisect_right(ends, start)
        while index < len(starts) and starts[index] < end:
            token = built.get(index)
            if token is None or token.start < start or token.end > end:
                token = self._token(index, start, end)
            found.append(token)
            if len(found) >= limit:
                break
            index += 1
        return found

    def tokens_before(self, start: int, end: int, limit: int = 40) -> list[Token]:
        """The last ``limit`` tokens of ``[start, end)``, left to right."""
        window = max(start, end - limit * 16)
        if window < 0 or end < 0:
            # Offsets a window never has: read exactly as the regex engine reads them.
            return self.tokens(window, end, limit=10**9)[-limit:]
        if end <= window:
            return []
        starts, ends = self._token_spans
        found: list[Token] = []
        index = bisect.bisect_left(starts, end) - 1
        while index >= 0 and ends[index] > window:
            found.append(self._token(index, window, end))
            if len(found) >= limit:
                break
            index -= 1
        found.reverse()
        return found
