"""One article prepared for matching: folded text, paragraphs, sentences and tokens.

Tokens are read in small windows around cues and quotes. Their boundaries come from one pass
over the text, the first time a window is read; a `Token` is built only for the tokens those
windows reach, once each, however many windows overlap there.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence

from arquotes.normalize import Folded
from arquotes.patterns import (
    GLUED_DATELINE,
    GLUED_DATELINE_STDLIB,
    GLUED_DATELINE_TAIL,
    GLUED_DATELINE_UNSEEN,
    SENTENCE_END,
    SENTENCE_END_BEFORE,
    SENTENCE_END_STDLIB,
    TOKEN,
    line_breaks,
    sentence_ends_stdlib,
    stdlib_reads_alike,
    tokens_stdlib,
)
from arquotes.quotes import paragraph_spans

__all__ = ["Document", "Token"]

_TOKEN_BLOCK = 64
"""Tokens built together the first time a window reaches one of them."""
_LIST_TOKENS_UP_TO = 1 << 18
"""Longest text (characters) whose token offsets are kept in lists rather than arrays."""


class Token:
    """A word, number or punctuation mark of the folded text.

    A plain class rather than an attrs class: it is the most built object of the pipeline,
    and the compiled build (mypyc) makes it a native class with typed fields.
    """

    __slots__ = ("end", "is_word", "start", "text")

    start: int
    end: int
    text: str
    is_word: bool
    """True for letters or digits, False for punctuation and symbols (asked of most tokens
    several times, so decided once, when the token is made)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        """The token ``text`` at ``[start, end)`` of the folded text."""
        self.start = start
        self.end = end
        self.text = text
        self.is_word = text[:1].isalnum()

    def __eq__(self, other: object) -> bool:
        """Equal when offsets and text are."""
        if not isinstance(other, Token):
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        """Hash of offsets and text, as equality."""
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        """As attrs would write it."""
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"


class Document:
    """The folded view of one article with paragraph and sentence lookups.

    Every per-article table is computed once: the paragraphs when the document is made,
    the sentence ends and token boundaries the first time a stage asks (explicit attributes
    filled on first use, so the compiled build does not recompute them on every read as it
    would a `functools.cached_property`). Whole-text scans run on the stdlib engine when
    the text reads alike in both engines (`patterns.stdlib_reads_alike`, decided once), on
    the `regex` reference patterns otherwise.
    """

    __slots__ = ("_alike", "_blocks", "_ends", "_paragraph_starts", "_spans", "_words",
                 "paragraphs", "text", "view")

    view: Folded
    text: str
    """The folded text every stage matches against."""
    paragraphs: list[tuple[int, int]]
    """``(start, end)`` of every paragraph (line), in order."""
    _paragraph_starts: list[int]
    _alike: int
    """1 when the stdlib twins read the text as the reference patterns do, 0 when not, -1
    before the first scan that asks."""
    _ends: list[int] | None
    _spans: tuple[Sequence[int], Sequence[int]] | None
    _words: list[str]
    _blocks: dict[int, list[Token]]
    """Block number -> the `Token` objects of that block of `_TOKEN_BLOCK` tokens."""

    def __init__(self, view: Folded) -> None:
        """Prepare ``view`` (from `arquotes.normalize.fold`)."""
        self.view = view
        self.text = view.folded
        self.paragraphs = paragraph_spans(self.text, line_breaks(self.text))
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self._alike = -1
        self._ends = None
        self._spans = None
        self._words = []
        self._blocks = {}

    @property
    def reads_alike(self) -> bool:
        """Whether the stdlib twins of the scans read this text as their references do."""
        alike = self._alike
        if alike < 0:
            alike = self._alike = int(stdlib_reads_alike(self.text))
        return alike == 1

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding offset ``pos``."""
        return max(0, bisect.bisect_right(self._paragraph_starts, pos) - 1)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the paragraph holding ``pos``."""
        return self.paragraphs[self.paragraph_index(pos)]

    @property
    def _sentence_ends(self) -> list[int]:
        """Offsets of every sentence end mark of the whole text, found in one pass.

        A dateline glued to the text before it (`patterns.GLUED_DATELINE`) counts as a mark
        at the place's first letter: the sentence before ends there.
        """
        ends = self._ends
        if ends is None:
            text = self.text
            stdlib = self.reads_alike
            if stdlib:
                marks = sentence_ends_stdlib(text)
            else:
                marks = [match.start() for match in SENTENCE_END.finditer(text)]
            if GLUED_DATELINE_TAIL.search(text) is None:
                glued = []
            elif stdlib and not any(char in text for char in GLUED_DATELINE_UNSEEN):
                # The twin finds candidates; the reference says which are datelines.
                glued = [match.start() + 1 for match in GLUED_DATELINE_STDLIB.finditer(text)
                         if GLUED_DATELINE.match(text, match.start()) is not None]
            else:
                glued = [match.start() + 1 for match in GLUED_DATELINE.finditer(text)]
            ends = self._ends = sorted(marks + glued) if glued else marks
        return ends

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding ``pos`` (never before its paragraph).

        The end mark before ``pos`` comes from `_sentence_ends` by bisection, so a long
        sentence costs nothing per call. Only the character just before ``pos`` is searched
        again: a full stop there ends a sentence even when a letter follows at ``pos``.
        """
        p_start, _ = self.paragraph_at(pos)
        # In a window of one character, searching forward finds what searching back does.
        before = SENTENCE_END_STDLIB if self.reads_alike else SENTENCE_END_BEFORE
        if pos > p_start and before.search(self.text, pos - 1, pos):
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

    @property
    def token_spans(self) -> tuple[Sequence[int], Sequence[int]]:
        """Start and end offsets of every token of the whole text, in order.

        Lists for an article: every window bisects them, and a list hands its stored ints
        to the comparison where an array makes a new int object at every probe. Compact
        arrays for a text over `_LIST_TOKENS_UP_TO` characters, whose lists would hold
        tens of bytes per token.
        """
        spans = self._spans
        if spans is None:
            if self.reads_alike:
                starts, ends, self._words = tokens_stdlib(self.text)
            else:
                found = list(TOKEN.finditer(self.text))
                starts = [match.start() for match in found]
                ends = [match.end() for match in found]
                self._words = [match.group() for match in found]
            if len(self.text) > _LIST_TOKENS_UP_TO:
                spans = self._spans = (array("q", starts), array("q", ends))
            else:
                spans = self._spans = (starts, ends)
        return spans

    @property
    def token_words(self) -> tuple[Sequence[int], list[str]]:
        """Start offset and text of every token of the whole text, in order.

        Found with the offsets, once: the scans that read every token (the person and cue
        scans) and the tokens built for windows share these strings.
        """
        return self.token_spans[0], self._words

    def _block(self, number: int) -> list[Token]:
        """The tokens of block ``number``, built the first time a window reaches it."""
        block = self._blocks.get(number)
        if block is None:
            starts, ends = self.token_spans
            low = number * _TOKEN_BLOCK
            high = min(low + _TOKEN_BLOCK, len(starts))
            block = [
                Token(first, last, word)
                for first, last, word in zip(starts[low:high], ends[low:high],
                                             self._words[low:high], strict=True)
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
        for i in (0, len(found) - 1) if len(found) > 1 else (0,):  # the edges, once each
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
