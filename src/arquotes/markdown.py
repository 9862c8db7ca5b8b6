"""Read a Markdown article as a reader reads it, keeping every offset.

`prose` returns the Markdown source with everything a reader does not read as the article's
words replaced by spaces: YAML (``---``) or TOML (``+++``) front matter, code blocks and code
spans, HTML tags and comments, link and image destinations and titles, reference definitions,
block-quote, list, heading and table markers, emphasis marks and backslash escapes. Link text
and image descriptions stay; an HTML entity that stands for a character (``&laquo;``) becomes
that character. The result has exactly the length and the line breaks of the source, so an
offset into it, and its line and column, is one into the Markdown file.

A block quote is a quotation a reader sees even without quotation marks (``> نحن لن نتراجع``):
when a block-quote paragraph holds no quotation mark, its ``>`` markers become ``«``, so each
of its lines reads as a quotation (an opening mark left open runs to the end of its line, and
the following lines continue it). A block quote holding marks keeps them as they are.

Blocks come from markdown-it-py (CommonMark, with tables; its token maps give each block's
lines); the inline markup of each block is read here in one pass, with offsets. Linear in the
size of the source: every search for a closing mark either stops at the next opening one or is
done once per block.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it.token import Token

__all__ = ["MARKDOWN_SUFFIXES", "front_matter_end", "prose"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
"""File name suffixes read as Markdown by ``arquotes check``."""

_QUOTE_MARKS = frozenset('"«»“”„‟‘’‚‹›')
_FENCES = ("---", "+++")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPACES = " \t"
_ENTITY_REACH = 32
_LINK_TAIL_REACH = 2048
"""Characters a link's ``(destination "title")`` may take; longer reads as plain text.

The scans of one block together take at most four times its length (and one reach more):
past that, as only a hostile text gets, brackets are read as text."""
_URL_TRAILING = frozenset(".,:;!?\"'»”’)]*_~")
_OPEN_QUOTE = "«"


@cache
def _parser() -> MarkdownIt:
    """Block-level CommonMark with tables; inline parsing is done here, with offsets."""
    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("inline")
    return parser


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts; lines end at CR LF, CR or LF (as in CommonMark)."""
    starts = [0]
    newline, ret = text.find("\n"), text.find("\r")
    while newline >= 0 or ret >= 0:
        if ret >= 0 and (newline < 0 or ret < newline):
            end = ret + 2 if text.startswith("\n", ret + 1) else ret + 1
        else:
            end = newline + 1
        starts.append(end)
        if 0 <= newline < end:
            newline = text.find("\n", end)
        if 0 <= ret < end:
            ret = text.find("\r", end)
    return starts


def _content_end(text: str, start: int, next_start: int) -> int:
    """End of a line's content: its break excluded."""
    end = next_start
    while end > start and text[end - 1] in "\r\n":
        end -= 1
    return end


def front_matter_end(text: str) -> int:
    """Offset just past a leading ``---``/``+++`` front matter block (0 when there is none).

    The block opens on the first line and closes at the next line that is the same fence
    (or ``...`` after ``---``); with no closing line there is no front matter.
    """
    starts = _line_starts(text)
    first = text[: _content_end(text, 0, starts[1] if len(starts) > 1 else len(text))]
    fence = first.rstrip(_SPACES)
    if fence not in _FENCES:
        return 0
    closers = (fence, "...") if fence == "---" else (fence,)
    for k in range(1, len(starts)):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        if text[starts[k] : _content_end(text, starts[k], end)].rstrip(_SPACES) in closers:
            return end
    return 0


class _Mask:
    """Which characters of the source are blanked, and which are replaced."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blank = bytearray(len(text))
        self.put: dict[int, str] = {}

    def hide(self, start: int, end: int) -> None:
        if end > start:
            self.blank[start:end] = b"\x01" * (end - start)

    def hidden(self, pos: int) -> bool:
        return bool(self.blank[pos])

    def render(self) -> str:
        """The source with hidden characters as spaces (line breaks kept), then replacements."""
        text, blank = self.text, self.blank
        pieces = []
        pos = 0
        while pos < len(text):
            start = blank.find(b"\x01", pos)
            if start < 0:
                pieces.append(text[pos:])
                break
            end = blank.find(b"\x00", start)
            end = len(text) if end < 0 else end
            pieces.append(text[pos:start])
            pieces.append(_spaces(text[start:end]))
            pos = end
        out = "".join(pieces)
        if not self.put:
            return out
        pieces, pos = [], 0
        for at in sorted(self.put):
            if at < pos:
                continue
            value = self.put[at]
            pieces.extend((out[pos:at], value))
            pos = at + len(value)
        pieces.append(out[pos:])
        return "".join(pieces)


def _spaces(segment: str) -> str:
    """``segment`` as spaces, its line breaks (CR, LF) kept."""
    if "\n" not in segment and "\r" not in segment:
        return " " * len(segment)
    return "".join(c if c in "\r\n" else " " for c in segment)


def prose(text: str, *, join_lines: bool = False) -> str:
    """The words of the Markdown ``text`` as a reader reads them (see the module docstring).

    Same length and line breaks as ``text``; any ``str`` gives a result. With ``join_lines``
    the line breaks inside a paragraph or heading become spaces too, so a paragraph wrapped
    over several lines reads as the one paragraph it is (a cue on one line, its quote on the
    next); offsets are still the file's, lines are not (see `arquotes.policy.placed_in`).
    """
    mask = _Mask(text)
    matter = front_matter_end(text)
    mask.hide(0, matter)
    source = _spaces(text[:matter]) + text[matter:] if matter else text
    starts = _line_starts(text)
    env: dict[str, object] = {}
    tokens = _parser().parse(source.replace("\x00", "\ufffd"), env)
    references = env.get("references")
    labels = frozenset(references) if isinstance(references, dict) else frozenset()
    shown = bytearray(len(starts))  # lines that hold the article's words
    for (first, last), parent, stack in _text_blocks(tokens):
        if first >= len(starts) or shown[first]:
            continue  # the cells of one table row share its line: read it once
        block = _Block(mask, starts, first, min(last, len(starts)))
        shown[block.first : block.last] = b"\x01" * (block.last - block.first)
        _read_block(block, stack, parent, labels, join_lines=join_lines)
    for k, start in enumerate(starts):
        if not shown[k]:
            mask.hide(start, starts[k + 1] if k + 1 < len(starts) else len(text))
    return mask.render()


def _text_blocks(
    tokens: list[Token],
) -> Iterator[tuple[list[int], str, list[tuple[str, int, str]]]]:
    """Line range, parent block and open containers of every block that holds text.

    A container is ``(kind, first line, marker)``; the list is the live stack, read at once.
    """
    stack: list[tuple[str, int, str]] = []
    parent = ""
    for token in tokens:
        if token.type in ("blockquote_open", "list_item_open"):
            stack.append((token.type, token.map[0] if token.map else -1, token.markup))
        elif token.type in ("blockquote_close", "list_item_close"):
            if stack:
                stack.pop()
        elif token.type.endswith("_open"):
            parent = token.type
        elif token.map is not None and token.type in ("inline", "html_block"):
            yield token.map, parent if token.type == "inline" else token.type, stack


def _read_block(block: _Block, stack: list[tuple[str, int, str]], parent: str,
                labels: frozenset[str], *, join_lines: bool) -> None:
    """Hide one block's markup; quote an unmarked block-quote paragraph (module docstring)."""
    markers = [block.strip_line(k, stack) for k in range(block.first, block.last)]
    if parent == "heading_open":
        block.strip_heading()
    mask = block.mask
    _Inline(mask, block.start, block.end, labels, table=parent in ("th_open", "td_open")).read()
    join = join_lines and parent in ("paragraph_open", "heading_open")
    if join:
        block.join_lines()
    if parent == "paragraph_open" and any(m >= 0 for m in markers) and not any(
            c in _QUOTE_MARKS for c in block.text[block.start : block.end]):
        for marker in markers:
            if marker >= 0:
                mask.put[marker] = _OPEN_QUOTE
                if join:
                    break  # one line now: one opening mark quotes all of it


class _Block:
    """The lines ``[first, last)`` of one block: container markers and heading marks."""

    def __init__(self, mask: _Mask, starts: list[int], first: int, last: int) -> None:
        self.mask = mask
        self.text = mask.text
        self.starts = starts
        self.first, self.last = first, last
        self.start = starts[first] if first < len(starts) else len(self.text)
        self.end = self._line_end(last - 1) if last > first else self.start

    def _line_end(self, k: int) -> int:
        next_start = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        return _content_end(self.text, self.starts[k], next_start)

    def strip_line(self, k: int, stack: list[tuple[str, int, str]]) -> int:
        """Hide line ``k``'s container markers; return its innermost ``>`` offset (or -1)."""
        text, pos, end = self.text, self.starts[k], self._line_end(k)
        marker = -1
        for kind, first, bullet in stack:
            indent = pos
            while pos < end and text[pos] in _SPACES and pos - indent < 3:
                pos += 1
            if kind == "blockquote_open":
                if pos >= end or text[pos] != ">":
                    break  # a lazy line: the rest is the paragraph's text
                marker = pos
                self.mask.hide(pos, pos + 1)
                pos += 1
                if pos < end and text[pos] in _SPACES:
                    pos += 1
            elif k == first:
                item = pos
                while pos < end and text[pos].isdigit():
                    pos += 1
                if pos < end and text[pos] == bullet:
                    pos += 1
                    self.mask.hide(item, pos)
                else:
                    pos = item
        return marker

    def join_lines(self) -> None:
        """Turn the line breaks between the block's lines into spaces."""
        for k in range(self.first, self.last - 1):
            end = self._line_end(k)
            self.mask.put[end] = " " * (self.starts[k + 1] - end)

    def strip_heading(self) -> None:
        """Hide an ATX heading's ``#`` marks, leading and closing."""
        text, end = self.text, self.end
        pos = self.start
        while pos < end and (text[pos] in _SPACES or self.mask.hidden(pos)):
            pos += 1
        opening = pos
        while pos < end and text[pos] == "#":
            pos += 1
        self.mask.hide(opening, pos)
        tail = end
        while tail > pos and text[tail - 1] in _SPACES:
            tail -= 1
        closing = tail
        while closing > pos and text[closing - 1] == "#":
            closing -= 1
        if closing < tail and (closing == pos or text[closing - 1] in _SPACES):
            self.mask.hide(closing, tail)


class _Inline:
    """One pass over a block's inline markup, hiding what is not read (module docstring)."""

    def __init__(self, mask: _Mask, start: int, end: int, labels: frozenset[str], *,
                 table: bool) -> None:
        self.mask = mask
        self.text = mask.text
        self.start, self.end = start, end
        self.labels = labels
        self.table = table
        self._no_comment_end = False
        self._budget = 4 * (end - start) + _LINK_TAIL_REACH
        """Characters link destinations and titles may still scan in this block."""

    def read(self) -> None:
        self._code_spans()
        self._links()
        text, mask = self.text, self.mask
        pos = self.start
        while pos < self.end:
            char = text[pos]
            if mask.hidden(pos):
                pos += 1
            elif char == "\\":
                pos = self._escape(pos)
            elif char == "<":
                pos = self._angle(pos)
            elif char in "*~" or (char == "|" and self.table):
                mask.hide(pos, pos + 1)
                pos += 1
            elif char == "_":
                if not self._inside_word(pos):
                    mask.hide(pos, pos + 1)
                pos += 1
            elif char == "&":
                pos = self._entity(pos)
            elif char in "hw" and (pos == self.start or not text[pos - 1].isalnum()):
                pos = self._bare_url(pos)
            else:
                pos += 1

    def _escape(self, pos: int) -> int:
        r"""Hide the backslash of an escape (``\"`` reads as ``"``) or of a hard line break."""
        following = self.text[pos + 1] if pos + 1 < self.end else "\n"
        if following in _ASCII_PUNCTUATION or following in "\r\n":
            self.mask.hide(pos, pos + 1)
            return pos + 2
        return pos + 1

    def _inside_word(self, pos: int) -> bool:
        """Letters on both sides: an ``_`` inside a word is no emphasis."""
        text = self.text
        return pos > self.start and text[pos - 1].isalnum() and pos + 1 < self.end and (
            text[pos + 1].isalnum())

    def _escaped(self, pos: int) -> bool:
        """An odd run of backslashes stands before ``pos``."""
        count = 0
        while pos - count - 1 >= self.start and self.text[pos - count - 1] == "\\":
            count += 1
        return count % 2 == 1

    def _code_spans(self) -> None:
        """Hide code spans: a backtick run and the next run of the same length."""
        text = self.text
        runs: list[tuple[int, int]] = []
        pos = text.find("`", self.start, self.end)
        while pos >= 0:
            end = pos
            while end < self.end and text[end] == "`":
                end += 1
            if not self._escaped(pos):
                runs.append((pos, end - pos))
            pos = text.find("`", end, self.end)
        by_length: dict[int, list[int]] = {}
        for index, (_, length) in enumerate(runs):
            by_length.setdefault(length, []).append(index)
        index = 0
        while index < len(runs):
            start, length = runs[index]
            same = by_length[length]
            k = bisect_right(same, index)
            if k < len(same):
                closer = same[k]
                self.mask.hide(start, runs[closer][0] + length)
                index = closer + 1
            else:
                index += 1

    def _links(self) -> None:
        """Pair brackets; keep a link's text, hide its brackets, destination and title."""
        pairs = self._bracket_pairs()
        for opening in sorted(pairs):
            if not self.mask.hidden(opening):
                self._link(opening, pairs)

    def _bracket_pairs(self) -> dict[int, int]:
        """Each ``[`` and the ``]`` that closes it (escaped and hidden ones left out)."""
        text, mask = self.text, self.mask
        opens: list[int] = []
        pairs: dict[int, int] = {}
        pos = text.find("[", self.start, self.end)
        closing = text.find("]", self.start, self.end)
        while True:
            if pos < 0 and closing < 0:
                break
            if pos >= 0 and (closing < 0 or pos < closing):
                if not mask.hidden(pos) and not self._escaped(pos):
                    opens.append(pos)
                pos = text.find("[", pos + 1, self.end)
            else:
                if opens and not mask.hidden(closing) and not self._escaped(closing):
                    pairs[opens.pop()] = closing
                closing = text.find("]", closing + 1, self.end)
        return pairs

    def _link(self, opening: int, pairs: dict[int, int]) -> None:
        """Read ``[text]`` at ``opening`` as an inline, full, collapsed or shortcut link."""
        text, mask = self.text, self.mask
        close = pairs[opening]
        after = close + 1
        if after < self.end and text[after] == "(":
            tail = self._link_tail(after)
            if tail is None:
                return
            mask.hide(after, tail)
        elif after in pairs:
            label = text[after + 1 : pairs[after]].strip() or text[opening + 1 : close]
            if normalizeReference(label) not in self.labels:
                return
            mask.hide(after, pairs[after] + 1)
        elif normalizeReference(text[opening + 1 : close]) not in self.labels:
            return
        mask.hide(opening, opening + 1)
        mask.hide(close, close + 1)
        if opening > self.start and text[opening - 1] == "!":
            mask.hide(opening - 1, opening)

    def _link_tail(self, pos: int) -> int | None:
        """End of ``(destination "title")`` starting at ``pos``, or None when it is not one."""
        text = self.text
        limit = min(self.end, pos + _LINK_TAIL_REACH, pos + self._budget)
        if limit <= pos:
            return None
        self._budget -= limit - pos  # charged in full: scans stay linear in the block
        destination = self._destination(self._skip_space(pos + 1, limit), limit)
        if destination is None:
            return None
        pos = self._skip_space(destination, limit)
        if pos < limit and text[pos] in "\"'(":
            closer = ")" if text[pos] == "(" else text[pos]
            end = pos + 1
            while end < limit and text[end] != closer:
                end += 2 if text[end] == "\\" else 1
            if end >= limit:
                return None
            pos = self._skip_space(end + 1, limit)
        if pos < limit and text[pos] == ")":
            return pos + 1
        return None

    def _destination(self, pos: int, limit: int) -> int | None:
        """End of a link destination at ``pos``: ``<...>`` or a run with balanced parentheses."""
        text = self.text
        if pos < limit and text[pos] == "<":
            end = text.find(">", pos, limit)
            if end < 0 or "\n" in text[pos:end]:
                return None
            return end + 1
        depth = 0
        while pos < limit and not text[pos].isspace():
            if text[pos] == "(":
                depth += 1
            elif text[pos] == ")":
                if depth == 0:
                    break
                depth -= 1
            pos += 2 if text[pos] == "\\" else 1
        return pos

    def _skip_space(self, pos: int, limit: int) -> int:
        while pos < limit and self.text[pos].isspace():
            pos += 1
        return pos

    def _angle(self, pos: int) -> int:
        """Hide an HTML tag, comment or autolink at ``pos``; return where reading goes on."""
        text = self.text
        if text.startswith("<!--", pos):
            end = -1 if self._no_comment_end else text.find("-->", pos + 4, self.end)
            if end < 0:
                self._no_comment_end = True
                return pos + 1
            self.mask.hide(pos, end + 3)
            return end + 3
        following = text[pos + 1] if pos + 1 < self.end else ""
        if not (following.isascii() and (following.isalpha() or following in "/!?")):
            return pos + 1
        end = pos + 1
        while end < self.end and text[end] not in "<>":
            end += 1
        if end >= self.end or text[end] != ">":
            return pos + 1
        self.mask.hide(pos, end + 1)
        return end + 1

    def _entity(self, pos: int) -> int:
        """Replace an HTML entity by the character it stands for, padded with spaces."""
        text = self.text
        end = text.find(";", pos + 1, min(self.end, pos + _ENTITY_REACH))
        if end < 0:
            return pos + 1
        entity = text[pos : end + 1]
        if any(c.isspace() or c == "&" for c in entity[1:]):
            return pos + 1
        value = html.unescape(entity)
        if value == entity or len(value) > len(entity):
            return pos + 1
        self.mask.hide(pos, end + 1)
        self.mask.put[pos] = value + " " * (len(entity) - len(value))
        return end + 1

    def _bare_url(self, pos: int) -> int:
        """Hide a bare ``http(s)://`` or ``www.`` address up to the next space."""
        text = self.text
        if not text.startswith(("http://", "https://", "www."), pos):
            return pos + 1
        end = pos
        while end < self.end and not text[end].isspace() and text[end] != "<":
            end += 1
        while end > pos and text[end - 1] in _URL_TRAILING and not (
                text[end - 1] in _QUOTE_MARKS and text[end - 1] in text[pos : end - 1]):
            end -= 1  # trailing punctuation is the sentence's; a quote mark opened inside is not
        self.mask.hide(pos, end)
        return max(end, pos + 1)
