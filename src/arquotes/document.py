"""One article prepared for matching: folded text, paragraphs, sentences and tokens.

Tokens are read lazily, in small windows around cues and quotes, so the cost of an article
stays close to the handful of regex passes that find marks and cues.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import attrs

from arquotes.normalize import Folded
from arquotes.patterns import PARAGRAPH_BREAK, SENTENCE_END, SENTENCE_END_BEFORE, TOKEN
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

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding ``pos`` (never before its paragraph)."""
        p_start, _ = self.paragraph_at(pos)
        match = SENTENCE_END_BEFORE.search(self.text, p_start, pos)
        return match.end() if match else p_start

    def sentence_end(self, pos: int) -> int:
        """Offset of the end mark of the sentence holding ``pos``, or its paragraph's end."""
        _, p_end = self.paragraph_at(pos)
        match = SENTENCE_END.search(self.text, pos, p_end)
        return match.start() if match else p_end

    def tokens(self, start: int, end: int, limit: int = 40) -> list[Token]:
        """At most ``limit`` tokens of ``[start, end)``, left to right."""
        found = []
        for match in TOKEN.finditer(self.text, start, end):
            found.append(Token(match.start(), match.end(), match.group()))
            if len(found) >= limit:
                break
        return found

    def tokens_before(self, start: int, end: int, limit: int = 40) -> list[Token]:
        """The last ``limit`` tokens of ``[start, end)``, left to right."""
        window = max(start, end - limit * 16)
        found = self.tokens(window, end, limit=10**9)
        return found[-limit:]
