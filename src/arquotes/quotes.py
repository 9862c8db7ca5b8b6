"""Pair quotation marks into quote candidates, paragraph by paragraph.

Marks pair within their family (« », “ ” " „, ‘ ’). A fixed-direction mark opens or closes;
an ambiguous one takes its direction from its flanks: it can close after a non-space and can
open before a non-space, so ” … ” (one glyph on both sides) and reversed pairs (” … “) pair
as written. Only outermost pairs become candidates: « … “ … ” … » is one quote.

Real pages space and glue their marks in every way, so an ambiguous mark's flanks are read
further (see `_Reader.classify`):

* a mark glued to the word before with a space after opens when nothing of its family is
  open (وأوضح أن" الحكومة ..., وقال:" نحن ...); after a colon, a cue or a complementizer it is
  sure to open, after any other word it is only a *weak* opener;
* a mark with spaces on both sides opens after a colon (sure) or a cue or a complementizer
  (weak, unless it is its family's last mark in the paragraph: وقال " نطمئن أهلنا ...), and
  closes an open quote when punctuation or the paragraph's end follows it (... الغربية " .),
  or when the quote's own opening mark was glued to its words;
* a doubled mark counts once (”” or ""), and two single marks side by side ('' ‘‘ ’’) are one
  double mark, so " … '' pairs;
* reversed guillemets (» … «) pair when a » stands before a word with nothing open.

An opening mark left unclosed at the end of its paragraph makes a quote that ends there, so a
stray mark never swallows the article. When pairing a paragraph leaves a mark open, the
paragraph is paired again, per sentence: a weak opener left open is taken for a stray closing
mark; a quote is cut where a sentence or clause ends and a cue or complementizer leads to a new
opening mark (ساحة الصراع. وأضاف: "..." or قلة قليلة، مشددا "..."); and an outer quote whose
inner quote closed right before the sentence end closes with it (one mark for both). A new
sentence that merely starts with a mark is not cut: it is often a title inside the quote.

A line that ends without sentence punctuation inside an open quote continues on the next line
when that line closes the quote before opening one of its family (a hard line break in the
middle of a sentence).

When the next paragraph reopens with a mark the quote is marked ``continues`` (one utterance
over several paragraphs) and that next quote ``continuation``.
"""

from __future__ import annotations

from collections.abc import Iterator

from arquotes.patterns import TOKEN, Patterns

__all__ = ["QuoteCandidate", "find_quotes", "paragraph_spans"]

# Characters after which an ambiguous mark cannot open: it would quote punctuation.
_NO_OPEN_BEFORE = frozenset(" \t\n\r.,،:;؛!?؟)]}")
# One-letter words glued to what follows: a mark after them opens (و"الوالدة باشا").
_PROCLITICS = frozenset("وفبلك")
# Sentence ends, and the clause ends a quote may also be cut at when it is paired again.
_SENTENCE_END = frozenset(".!?؟")
_CLAUSE_END = frozenset("،,؛;")
# A line ending in one of these (or in a letter or digit) has not ended its sentence.
_LINE_GOES_ON = frozenset("،,؛;-–")
# Pairing again looks back at most this many characters and words for a cue before a mark.
_LEAD_REACH = 80
_LEAD_WORDS = 8
# Letters read back from a mark to find the word it is glued to (a cue is never longer).
_WORD_REACH = 24
# A quote may run over at most this many lines broken without sentence punctuation.
_JOINED_LINES = 3
# Opener strengths: a sure opener makes a quote even when left open; a weak one only when a
# mark closes it.
_SURE, _WEAK = 2, 1


class QuoteCandidate:
    """Outermost quoted stretch, in folded offsets; content excludes marks and edge spaces.

    A plain class (a native class when compiled); never changed once shared, a changed
    candidate is a `copy`.
    """

    __slots__ = ("close", "continuation", "continues", "end", "open", "paragraph", "start")

    open: int
    close: int | None
    """Offset of the closing mark (its last character); None when the quote was left open."""
    start: int
    end: int
    paragraph: int
    continues: bool
    continuation: bool

    def __init__(self, *, open: int, close: int | None, start: int, end: int,  # noqa: A002
                 paragraph: int, continues: bool = False, continuation: bool = False) -> None:
        """The quote opened at ``open`` with content ``[start, end)``."""
        self.open = open
        self.close = close
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.continues = continues
        self.continuation = continuation

    def copy(self) -> QuoteCandidate:
        """A new candidate with the same fields, to change before it is shared."""
        return QuoteCandidate(open=self.open, close=self.close, start=self.start, end=self.end,
                              paragraph=self.paragraph, continues=self.continues,
                              continuation=self.continuation)

    def __repr__(self) -> str:
        """As attrs would write it."""
        return (f"QuoteCandidate(open={self.open!r}, close={self.close!r}, "
                f"start={self.start!r}, end={self.end!r}, paragraph={self.paragraph!r}, "
                f"continues={self.continues!r}, continuation={self.continuation!r})")


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


class _Mark:
    """One quotation mark of a paragraph, as the pairing reads it (a plain record)."""

    __slots__ = ("family", "pos", "role", "width")

    pos: int
    width: int
    """1, or 2 for a doubled mark ("" or ''), read as one double mark."""
    family: str
    role: str
    """"open", "close" or "either", as the lexicon lists the glyph."""

    def __init__(self, pos: int, width: int, family: str, role: str) -> None:
        self.pos = pos
        self.width = width
        self.family = family
        self.role = role


class _Open:
    """An opening mark waiting for its closing mark (a plain record)."""

    __slots__ = ("mark", "reversed", "spaced", "strength")

    mark: _Mark
    strength: int
    spaced: bool
    """Spaces on both sides: only punctuation after a spaced mark shows that it closes."""
    reversed: bool
    """A » that opens: a « closes it."""

    def __init__(self, mark: _Mark, strength: int, spaced: bool, *,
                 reversed: bool = False) -> None:  # noqa: A002
        self.mark = mark
        self.strength = strength
        self.spaced = spaced
        self.reversed = reversed


class _Pairing:
    """What pairing one paragraph found (a plain class: a native class when compiled)."""

    quotes: list[QuoteCandidate]
    stack: list[_Open]
    """The marks still open at the paragraph's end, outermost first."""
    inner_close: _Mark | None
    """The last mark that closed an inner quote while the outermost stayed open."""
    last_mark: dict[str, int]
    """Family -> offset of its last mark in the paragraph."""
    first_stray: dict[str, _Mark]
    """Family -> its first closing-shaped mark met with nothing of the family open."""
    first_open: dict[str, int]
    """Family -> offset of its first mark that opened."""
    left_open: _Open | None
    """The opening mark of the last quote, when it runs to the paragraph's end."""

    def __init__(self) -> None:
        """Nothing found yet."""
        self.quotes = []
        self.stack = []
        self.inner_close = None
        self.last_mark = {}
        self.first_stray = {}
        self.first_open = {}
        self.left_open = None


def find_quotes(
    text: str, paragraphs: list[tuple[int, int]], patterns: Patterns
) -> list[QuoteCandidate]:
    """Outermost quote candidates of the folded ``text``, in text order."""
    pairings = [
        _pair_paragraph(text, index, p_start, p_end, patterns)
        for index, (p_start, p_end) in enumerate(paragraphs)
    ]
    found: list[QuoteCandidate] = []
    index = 0
    while index < len(pairings):
        index = _join_lines(text, paragraphs, pairings, index, found)
    return _link_continued(text, paragraphs, found, patterns)


def _join_lines(
    text: str,
    paragraphs: list[tuple[int, int]],
    pairings: list[_Pairing],
    index: int,
    found: list[QuoteCandidate],
) -> int:
    """Add the quotes of line ``index`` to ``found``; return the next line to add.

    A quote left open at the end of a line that ends without sentence punctuation ends at
    the stray closing mark of its family in one of the next lines (at most
    `_JOINED_LINES` lines in all), when no mark of that family opened there before it; the
    quotes of that line before the mark were inside it.
    """
    pairing = pairings[index]
    found += pairing.quotes
    left_open = pairing.left_open
    if left_open is None:
        return index + 1
    family = left_open.mark.family
    line = index
    while line + 1 < len(pairings) and line + 1 - index < _JOINED_LINES:
        line_start, line_end = _trim(text, *paragraphs[line])
        last = text[line_end - 1] if line_end > line_start else ""
        if not (last.isalnum() or last in _LINE_GOES_ON):
            break
        line += 1
        nxt = pairings[line]
        stray = nxt.first_stray.get(family)
        opened = nxt.first_open.get(family)
        if stray is None:
            if opened is not None or nxt.quotes:
                break
            continue  # a line with no mark of the family: the quote may go on
        if opened is not None and opened < stray.pos:
            break
        quote = found.pop()
        closed = quote.copy()
        closed.close = stray.pos + stray.width - 1
        closed.end = _trim(text, quote.start, stray.pos)[1]
        found.append(closed)
        inside = nxt.left_open is not None and nxt.left_open.mark.pos < stray.pos
        nxt.quotes = [q for q in nxt.quotes if q.open > stray.pos]  # only `pairings` holds it
        if inside:
            nxt.left_open = None
        return line
    return index + 1


def _pair_paragraph(
    text: str, index: int, p_start: int, p_end: int, patterns: Patterns
) -> _Pairing:
    """Pair paragraph ``index``; pair it again per sentence when a mark is left open."""
    reader = _Reader(text, index, p_start, p_end, patterns)
    pairing = reader.pair(repair=False, ignored=frozenset())
    if not pairing.stack:
        return pairing
    weak = frozenset(o.mark.pos for o in pairing.stack if o.strength == _WEAK and not (
        o.spaced and o.mark.pos == pairing.last_mark[o.mark.family]))
    pairing = reader.pair(repair=True, ignored=weak)
    reader.close_open(pairing)
    return pairing


class _Reader:
    """Reads and pairs the marks of one paragraph."""

    def __init__(
        self, text: str, index: int, p_start: int, p_end: int, patterns: Patterns
    ) -> None:
        self.text, self.index, self.start, self.end = text, index, p_start, p_end
        self.patterns = patterns

    def marks(self) -> Iterator[_Mark]:
        """The paragraph's marks; a doubled mark once, two single marks as one double."""
        text, end = self.text, self.end
        family_of, apostrophes = self.patterns.mark_family, self.patterns.apostrophes
        double = family_of.get('"', ("", ""))[0]
        skip_to = -1
        for match in self.patterns.mark.finditer(text, self.start, end):
            pos = match.start()
            if pos < skip_to:
                continue
            char = text[pos]
            family, role = family_of[char]
            following = text[pos + 1] if pos + 1 < end else ""
            before = text[pos - 1] if pos > self.start else " "
            if role == "either" and following == char:
                # "" or ””: one mark; '' or ‘‘: one double mark, which " may pair with.
                skip_to = pos + 2
                yield _Mark(pos, 2, double or family, "either")
                continue
            if char in apostrophes and before.isalnum() and following.isalnum():
                continue  # O'Brien: an apostrophe inside a word
            yield _Mark(pos, 1, family, role)

    def _next_visible(self, pos: int) -> str:
        """The first non-space character at or after ``pos``, within a few, or ""."""
        text, end = self.text, min(self.end, pos + 4)
        while pos < end:
            if not text[pos].isspace():
                return text[pos]
            pos += 1
        return ""

    def _after_proclitic(self, pos: int) -> bool:
        """Whether a one-letter proclitic word (و، ب، ل، ف، ك) stands right before ``pos``."""
        text = self.text
        return (pos > self.start and text[pos - 1] in _PROCLITICS
                and (pos - 1 == self.start or not text[pos - 2].isalnum()))

    def _colon_before(self, pos: int) -> bool:
        """A colon right before ``pos``, past at most two spaces."""
        text, floor = self.text, max(self.start, pos - 3)
        while pos > floor and text[pos - 1].isspace():
            pos -= 1
        return pos > self.start and text[pos - 1] == ":"

    def _leads_in(self, start: int, end: int) -> bool:
        """Whether the word ``text[start:end]`` is a cue form or a complementizer."""
        if end <= start:
            return False
        patterns = self.patterns
        return (patterns.cue.fullmatch(self.text, start, end) is not None
                or patterns.lead_word.fullmatch(self.text, start, end) is not None)

    def _word_leads_in(self, pos: int) -> bool:
        """Whether the word before ``pos`` (past at most two spaces) is a cue or complementizer."""
        text, floor = self.text, self.start
        end = pos
        while end > max(floor, pos - 3) and text[end - 1].isspace():
            end -= 1
        start = end
        while start > max(floor, end - _WORD_REACH) and text[start - 1].isalnum():
            start -= 1
        if start > floor and text[start - 1].isalnum():
            return False  # longer than any cue
        return self._leads_in(start, end)

    def classify(self, mark: _Mark, innermost: _Open | None) -> tuple[str, int, bool]:
        """What ``mark`` does: ("close" | "open" | "skip", opener strength, spaced).

        ``innermost`` is the innermost open mark of the family, if any. A "close" with
        nothing open is a stray closing mark.
        """
        text = self.text
        before = text[mark.pos - 1] if mark.pos > self.start else " "
        after_pos = mark.pos + mark.width
        after = text[after_pos] if after_pos < self.end else " "
        if mark.role == "close":
            if innermost is not None:
                return ("close", 0, False) if not innermost.reversed else ("skip", 0, False)
            if not before.isalnum() and after.isalnum():
                return "open", _WEAK, False  # » … « : reversed guillemets
            return "close", 0, False
        if mark.role == "open":
            if innermost is not None and innermost.reversed and not before.isspace():
                return "close", 0, False
            return "open", _SURE, False
        return self._ambiguous(mark, innermost, before, after)

    def _ambiguous(
        self, mark: _Mark, innermost: _Open | None, before: str, after: str
    ) -> tuple[str, int, bool]:
        """`classify` for a mark of either direction, from its flanks (see module)."""
        space_before = before.isspace()
        if not after.isspace():
            if after in _NO_OPEN_BEFORE or (innermost is not None and not space_before
                                            and not self._after_proclitic(mark.pos)):
                return "close", 0, False  # … word" ; … word ". ; … ،"
            return "open", _SURE, False  # "word, nested in an open quote too; و"word
        visible = self._next_visible(mark.pos + mark.width)
        if not visible.isalnum() or (innermost is not None and (
                not space_before or not innermost.spaced)):
            return "close", 0, False  # … word" قال ; … الغربية " . ; ”word … word “ after
        if innermost is not None:
            return "skip", 0, False  # spaced on both sides inside a spaced quote
        # A space after and a word next: glued to what precedes, or spaced on both sides.
        if self._colon_before(mark.pos):
            return "open", _SURE, space_before
        leads_in = self._word_leads_in(mark.pos)
        if space_before:
            return ("open", _WEAK, True) if leads_in else ("skip", 0, False)
        return "open", _SURE if leads_in else _WEAK, False

    def pair(self, *, repair: bool, ignored: frozenset[int]) -> _Pairing:
        """Pair the paragraph's marks; ``repair`` cuts quotes at new leads (see module)."""
        result = _Pairing()
        stack = result.stack
        depths: dict[str, list[int]] = {}  # family -> stack depths of its open marks
        for mark in self.marks():
            result.last_mark[mark.family] = mark.pos
            of_family = depths.get(mark.family)
            depth = of_family[-1] if of_family else None  # innermost open of the family
            if mark.pos in ignored:
                action = "close"
            else:
                action, strength, spaced = self.classify(
                    mark, stack[depth] if depth is not None else None)
            if action == "close":
                if depth is None:
                    result.first_stray.setdefault(mark.family, mark)
                    continue
                opened = stack[depth].mark
                del stack[depth:]
                _forget_from(depths, depth)
                if not stack:
                    self._emit(result, opened, mark)
                    result.inner_close = None
                else:
                    result.inner_close = mark
            elif action == "open":
                if repair and stack:
                    boundary = self._new_lead(stack[0].mark, mark.pos)
                    if boundary is not None:
                        self._emit_open(result, stack[0].mark, boundary)
                        stack.clear()
                        depths.clear()
                        result.inner_close = None
                depths.setdefault(mark.family, []).append(len(stack))
                stack.append(_Open(mark, strength, spaced, reversed=mark.role == "close"))
                result.first_open.setdefault(mark.family, mark.pos)
        return result

    def _new_lead(self, outer: _Mark, pos: int) -> int | None:
        """Where a sentence or clause ends before a cue or complementizer leading to ``pos``.

        None when no such end lies inside the quote opened by ``outer``, near ``pos``.
        """
        text = self.text
        lead_end = pos
        while lead_end > outer.pos and text[lead_end - 1].isspace():
            lead_end -= 1
        if lead_end > outer.pos and text[lead_end - 1] == ":":
            lead_end -= 1
        floor = max(outer.pos + outer.width, lead_end - _LEAD_REACH)
        boundary = lead_end - 1
        while boundary >= floor and text[boundary] not in _SENTENCE_END and (
                text[boundary] not in _CLAUSE_END):
            boundary -= 1
        if boundary < floor:
            return None
        words = [m for m in TOKEN.finditer(text, boundary + 1, lead_end) if m.group().isalnum()]
        found = len(words) <= _LEAD_WORDS and any(
            self._leads_in(m.start(), m.end()) for m in words)
        return boundary if found else None

    def _emit(self, result: _Pairing, opened: _Mark, closing: _Mark) -> None:
        """Add the quote between ``opened`` and ``closing``, if it holds anything."""
        start, end = _trim(self.text, opened.pos + opened.width, closing.pos)
        if end > start:
            result.quotes.append(QuoteCandidate(
                open=opened.pos, close=closing.pos + closing.width - 1, start=start, end=end,
                paragraph=self.index))

    def _emit_open(self, result: _Pairing, opened: _Mark, end: int) -> None:
        """Add the quote ``opened`` left open, running to ``end``."""
        start, end = _trim(self.text, opened.pos + opened.width, end)
        if end > start:
            result.quotes.append(QuoteCandidate(
                open=opened.pos, close=None, start=start, end=end, paragraph=self.index))

    def close_open(self, pairing: _Pairing) -> None:
        """End the quote left open at the paragraph's end.

        When its inner quote closed right before a sentence end, one mark closed both
        (قال: "إن ما يسمى "الحل لن ينجح".). A weak opener left open makes no quote: it was
        a stray closing mark. Otherwise the quote runs to the paragraph's end.
        """
        if not pairing.stack:
            return
        outer = pairing.stack[0]
        inner = pairing.inner_close
        if inner is not None and len(pairing.stack) == 1:
            after = self._next_visible(inner.pos + inner.width)
            if after == "" or after in _SENTENCE_END:
                self._emit(pairing, outer.mark, inner)
                pairing.stack.clear()
                return
        if outer.strength == _SURE or (
                outer.spaced and outer.mark.pos == pairing.last_mark[outer.mark.family]):
            self._emit_open(pairing, outer.mark, self.end)
            pairing.left_open = outer
        pairing.stack.clear()


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
    ends: dict[int, int] = {}  # paragraph -> its end, trailing spaces left out
    for i, quote in enumerate(quotes):
        if quote.close is None and quote.paragraph not in ends:
            ends[quote.paragraph] = _trim(text, *paragraphs[quote.paragraph])[1]
        if quote.close is not None or quote.end != ends[quote.paragraph]:
            continue  # closed, or cut before its paragraph's end
        for next_paragraph in range(quote.paragraph + 1, len(paragraphs)):
            s, e = _trim(text, *paragraphs[next_paragraph])
            if s == e:
                continue
            j = opens_at.get(s)
            if j is not None and text[s] in patterns.mark_family:
                quotes[i] = quote.copy()
                quotes[i].continues = True
                quotes[j] = quotes[j].copy()
                quotes[j].continuation = True
            break
    return quotes
