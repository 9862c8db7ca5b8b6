"""Folded view of a text and the map back to original offsets.

Every later stage matches against the folded view, where spelling noise is gone:

* deleted: Arabic diacritics and shadda, superscript alef, Quranic marks, tatweel, and
  invisible format controls (zero-width and bidi marks, BOM, soft hyphen);
* folded one-to-one: alef variants (أ إ آ ٱ) to ا, ى and Persian ی to ي, ة and ە to ه,
  hamza carriers ؤ ئ to ء, Persian ک to ك, Arabic presentation forms to their base letter.

Folding never changes the length of what it keeps, so the only offset bookkeeping is for
deleted runs: a sorted list of folded positions with the number of original characters
deleted before them. Mapping a folded offset back is one binary search.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cache

from arquotes.model import Span

__all__ = ["Folded", "fold", "fold_word", "strip_marks"]

# Characters removed from the folded view (see module docstring). Literal characters only, so
# the stdlib engine reads them exactly as `regex` would, on any text, and runs faster.
_DELETABLE_CHARS = (
    r"\u064B-\u065F\u0670\u06D6-\u06ED"   # harakat, shadda, sukun, superscript alef, Quranic marks
    r"\u0640"                             # tatweel
    r"\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF"  # format controls
)
# A run of deletable characters of any kind, so mixed runs (ـّ) count as one. Written with
# the class first and then repeated, not as class+, so that the engine skips to the first
# deletable character by its class instead of trying a match at every position.
_DELETABLE_RUN = re.compile(f"[{_DELETABLE_CHARS}][{_DELETABLE_CHARS}]*")

_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ێ": "ي",
    "ة": "ه", "ە": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "ء", "ئ": "ء",
    "ک": "ك", "ڪ": "ك",
    "۔": ".",
    # Unusual spaces become a plain space, so multi-word phrases match across them.
    "\u00A0": " ", "\u2007": " ", "\u202F": " ", "\u3000": " ",
}


def _build_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _ONE_TO_ONE.items()}
    # Arabic presentation forms fold to their base letter when that is a single character;
    # ligatures that expand (ﻻ -> لا) are left as they are, so lengths never change.
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFF)):
        for code in block:
            base = unicodedata.normalize("NFKC", chr(code))
            if len(base) == 1 and base != chr(code):
                table[code] = _ONE_TO_ONE.get(base, base)
    return table


_TABLE = _build_table()
# str.translate looks every character up in the table, which costs more than all the matching
# after it. The letters news text really holds are the few one-to-one folds, and str.replace
# finds each of them at memory-scan speed; the other entries (presentation forms) are rare, so
# they are translated only when one occurs. No value of the table is one of its keys, so
# applying the entries one after another gives exactly what one translate gives.
_COMMON = tuple((key, _TABLE[ord(key)]) for key in _ONE_TO_ONE)
_RARE_TABLE = {code: value for code, value in _TABLE.items() if chr(code) not in _ONE_TO_ONE}
# One range from the first rare key to the last: a test for a range is much cheaper than for a
# set of scattered characters, and a character in it but not in the table translates to itself.
_RARE = re.compile(
    "[" + re.escape(chr(min(_RARE_TABLE))) + "-" + re.escape(chr(max(_RARE_TABLE))) + "]"
)


def _map(text: str) -> str:
    """``text.translate(_TABLE)``, computed faster (see above)."""
    if _RARE.search(text) is not None:
        text = text.translate(_RARE_TABLE)
    for key, value in _COMMON:
        if key in text:
            text = text.replace(key, value)
    return text


class Folded:
    """A text, its folded view, and the offset map between them.

    A plain class (not attrs) so that the compiled build makes it a native class; its
    fields are never changed after `fold` makes it.
    """

    __slots__ = ("_breaks", "_shifts", "folded", "original")

    original: str
    folded: str
    _breaks: tuple[int, ...]
    """Folded positions where a deleted run sat just before, ascending."""
    _shifts: tuple[int, ...]
    """Original characters deleted before each break, cumulative."""

    def __init__(self, original: str, folded: str, *, breaks: tuple[int, ...],
                 shifts: tuple[int, ...]) -> None:
        """The text, its folded view and the deletions between them (see `fold`)."""
        self.original = original
        self.folded = folded
        self._breaks = breaks
        self._shifts = shifts

    def start(self, pos: int) -> int:
        """Original offset of the folded character at ``pos`` (deletions before it skipped)."""
        i = bisect.bisect_right(self._breaks, pos) - 1
        return pos + (self._shifts[i] if i >= 0 else 0)

    def offsets(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the folded range ``[start, end)``.

        A deleted run sitting exactly at ``end`` (a word's trailing diacritics or tatweel)
        belongs to the range; one sitting at ``start`` belongs to the previous letter.
        """
        breaks = self._breaks
        if not breaks:
            return start, max(start, end)
        first = self.start(start)
        return first, max(first, self.start(end))

    def span(self, start: int, end: int) -> Span:
        """Original span of the folded range ``[start, end)`` (see `offsets`)."""
        first, last = self.offsets(start, end)
        return Span(first, last)

    def text_of(self, start: int, end: int) -> str:
        """Original text of the folded range ``[start, end)``."""
        first, last = self.offsets(start, end)
        return self.original[first:last]


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module docstring for what changes."""
    mapped = _map(text)
    first = _DELETABLE_RUN.search(mapped)
    if first is None:
        return Folded(text, mapped, breaks=(), shifts=())
    breaks: list[int] = []
    shifts: list[int] = []
    pieces: list[str] = []
    last = 0
    removed = 0
    for match in _DELETABLE_RUN.finditer(mapped, first.start()):
        pieces.append(mapped[last : match.start()])
        removed += match.end() - match.start()
        breaks.append(match.start() - (removed - (match.end() - match.start())))
        shifts.append(removed)
        last = match.end()
    pieces.append(mapped[last:])
    return Folded(text, "".join(pieces), breaks=tuple(breaks), shifts=tuple(shifts))


@cache
def fold_word(word: str) -> str:
    """Fold a lexicon entry exactly as the text is folded (no offsets kept)."""
    return _DELETABLE_RUN.sub("", word.translate(_TABLE))


def strip_marks(word: str) -> str:
    """``word`` without diacritics, tatweel and format controls, letters unfolded."""
    return _DELETABLE_RUN.sub("", word)
