"""Word-level alignment of a quote against source texts, linear in the source length.

The sources are cut into words once (`SourceIndex`): each word is folded (`arquotes.normalize`,
then Arabic-Indic and Persian digits to ASCII, NFKC, case) and its position is kept under its
folded form. A quote is placed by voting: each of its rarer words votes, for every place it
occurs in the sources, for the diagonal ``source position - quote position``. Only the few
best diagonals are aligned, each over a window a little wider than the quote, with
rapidfuzz's Levenshtein opcodes on word lists; the source words the alignment leaves at the
window's edges are trimmed off. The work per quote is bounded by its length and by the
postings of its rare words, never by a scan over every window of the source.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal, cast

import attrs
import regex
from rapidfuzz.distance import Levenshtein

from arquotes.normalize import fold

__all__ = ["Alignment", "Op", "SourceIndex", "Words", "align", "similarity", "steps", "words"]

# One word of a folded text: a run of letters, marks and digits. Punctuation and spacing are
# what separates words, so they never count as a difference.
_WORD = regex.compile(
    r"""
    \p{N}+ (?: [.,٫٬] \p{N}+ )*   # a number with its decimal or thousands separators
    | [\p{L}\p{M}\p{N}]+           # letters with their marks, and digits of any script
    """,
    regex.VERBOSE,
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")

MAX_POSTINGS = 64
"""A word occurring more often than this in the sources does not vote (في، أن، قال)."""
MIN_ANCHORS = 3
"""Yet the rarest few words of a quote always vote, so a quote of common words is placed..."""
MAX_ANCHOR_POSTINGS = 4096
"""...unless even they are everywhere: then the quote is too plain to place (and to check)."""
CANDIDATES = 4
"""Diagonals aligned per quote, the best voted first."""
MAX_REPAIR = 6
"""A changed run whose shorter side has more words is not re-paired (the cost is their
product, and such a run is no small edit anyway): its words pair from the start."""
EDGE_SLACK = 2
"""Source words looked at beyond the quote's ends, for a word dropped just inside them."""
RESPELLING_COST = 0.5
"""What a replaced word counts in `similarity` when it looks like the source's word."""
EDGE_LIKENESS = 0.6
"""Letter similarity at which a replaced word is the source's word respelled."""


@cache
def key(word: str) -> str:
    """The comparison form of one already folded word: ASCII digits, NFKC, case folded."""
    return unicodedata.normalize("NFKC", word).translate(_DIGITS).casefold()


@attrs.frozen
class Words:
    """The words of one text: comparison keys and their spans in the original text."""

    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def text(self, original: str, first: int, last: int) -> str:
        """Original text from word ``first`` to word ``last`` (exclusive), as written."""
        if first >= last:
            return ""
        return original[self.starts[first] : self.ends[last - 1]]


def words(text: str) -> Words:
    """Cut ``text`` into compared words, keeping each word's original span."""
    folded = fold(text)
    found = list(_WORD.finditer(folded.folded))
    keys = tuple(key(match.group()) for match in found)
    if len(folded.folded) == len(text):  # nothing deleted: offsets are the same
        return Words(keys, tuple(m.start() for m in found), tuple(m.end() for m in found))
    starts = tuple(folded.start(match.start()) for match in found)
    # As `Folded.span`: marks deleted right after a word (its diacritics) belong to it.
    ends = tuple(max(first, folded.start(match.end())) for first, match in zip(
        starts, found, strict=True))
    return Words(keys, starts, ends)


class SourceIndex:
    """Every word of the sources, one sequence, with its positions under its key."""

    def __init__(self, texts: Sequence[str]) -> None:
        """Cut each text into words and index them (one pass over the sources)."""
        self.texts = tuple(texts)
        self.words = tuple(words(text) for text in self.texts)
        self.keys: list[str] = []
        self.bounds: list[int] = []
        """Position of the first word of each text in `keys`."""
        for text_words in self.words:
            self.bounds.append(len(self.keys))
            self.keys.extend(text_words.keys)
        self.postings: dict[str, list[int]] = {}
        for position, word in enumerate(self.keys):
            self.postings.setdefault(word, []).append(position)

    def owner(self, position: int) -> int:
        """Index of the text that holds word ``position``."""
        return bisect.bisect_right(self.bounds, position) - 1

    def limits(self, text: int) -> tuple[int, int]:
        """First and past-the-last positions of text ``text``'s words."""
        end = self.bounds[text + 1] if text + 1 < len(self.bounds) else len(self.keys)
        return self.bounds[text], end


OpTag = Literal["equal", "replace", "delete", "insert"]


@attrs.frozen
class Op:
    """One step of an alignment: source words against quote words.

    Source words ``[src_start, src_end)`` of the matched text against quote words
    ``[quote_start, quote_end)``; ``delete`` is a source word the quote lacks, ``insert`` a
    quote word the source lacks.
    """

    tag: OpTag
    src_start: int
    src_end: int
    quote_start: int
    quote_end: int


@attrs.frozen
class Alignment:
    """Where a quote best fits: the text, its word range there, the similarity and the steps.

    Word positions in ``ops`` and ``first``/``last`` are relative to the text's own words.
    """

    text: int
    first: int
    last: int
    similarity: float
    """Word-level similarity, 1 for the same words (`similarity`)."""
    ops: tuple[Op, ...]


def _diagonals(index: SourceIndex, quote: Sequence[str]) -> list[tuple[int, int]]:
    """The best voted diagonals and one source position voting for each, best first."""
    positions: dict[str, list[int]] = {}
    for offset, word in enumerate(quote):
        if word in index.postings:
            positions.setdefault(word, []).append(offset)
    ranked = sorted(positions, key=lambda word: len(index.postings[word]))
    votes: Counter[int] = Counter()
    witness: dict[int, int] = {}
    for rank, word in enumerate(ranked):
        postings = index.postings[word]
        if len(postings) > (MAX_POSTINGS if rank >= MIN_ANCHORS else MAX_ANCHOR_POSTINGS):
            break
        for position in postings:
            for offset in positions[word]:
                votes[position - offset] += 1
                witness.setdefault(position - offset, position)
    band = len(quote) // 2 + 2
    chosen: list[tuple[int, int]] = []
    for diagonal, _count in votes.most_common():
        if all(abs(diagonal - other) > band for other, _ in chosen):
            chosen.append((diagonal, witness[diagonal]))
            if len(chosen) == CANDIDATES:
                break
    return chosen


def steps(source: Sequence[str], quote: Sequence[str], *, repair: bool = True) -> list[Op]:
    """Levenshtein steps from words ``source`` to words ``quote``.

    With ``repair`` (the default) each changed run is re-paired so the words kept in it are
    the look-alikes (`_repaired`).
    """
    ops: list[Op] = []
    for op in Levenshtein.opcodes(source, quote):
        step = Op(cast("OpTag", op.tag), op.src_start, op.src_end, op.dest_start, op.dest_end)
        if ops and step.tag != "equal" and ops[-1].tag != "equal":
            last = ops.pop()
            step = Op("replace", last.src_start, step.src_end, last.quote_start, step.quote_end)
        ops.append(step)
    if not repair:
        return ops
    return [piece for op in ops for piece in _repaired(op, source, quote)]


def _repaired(op: Op, source: Sequence[str], quote: Sequence[str]) -> list[Op]:
    """A changed run of unequal lengths as dropped or added words around a replacement.

    The shorter side is placed where its words look most like the longer side's (letter
    similarity), so ``ليس كارثيا`` against ``كارثي`` drops ليس and respells كارثيا, not the
    other way round as the bare edit count may pair them.
    """
    short, long = op.quote_end - op.quote_start, op.src_end - op.src_start
    if op.tag != "replace" or short == long:
        if op.tag == "replace" and short == long == 0:
            return []
        return [op]
    drop = long > short
    if not drop:
        short, long = long, short
    if short == 0:
        tag: OpTag = "delete" if drop else "insert"
        return [Op(tag, op.src_start, op.src_end, op.quote_start, op.quote_end)]

    def likeness(offset: int) -> float:
        pairs = (
            (source[op.src_start + offset + i], quote[op.quote_start + i]) if drop
            else (source[op.src_start + i], quote[op.quote_start + offset + i])
            for i in range(short)
        )
        return sum(Levenshtein.normalized_similarity(a, b) for a, b in pairs)

    best = 0 if short > MAX_REPAIR else max(range(long - short + 1), key=likeness)
    if drop:
        middle = op.src_start + best
        pieces = [Op("delete", op.src_start, middle, op.quote_start, op.quote_start),
                  Op("replace", middle, middle + short, op.quote_start, op.quote_end),
                  Op("delete", middle + short, op.src_end, op.quote_end, op.quote_end)]
    else:
        middle = op.quote_start + best
        pieces = [Op("insert", op.src_start, op.src_start, op.quote_start, middle),
                  Op("replace", op.src_start, op.src_end, middle, middle + short),
                  Op("insert", op.src_end, op.src_end, middle + short, op.quote_end)]
    return [piece for piece in pieces
            if piece.src_end > piece.src_start or piece.quote_end > piece.quote_start]


def _opcodes(window: Sequence[str], quote: Sequence[str], *, repair: bool = True) -> list[Op]:
    """`steps` from ``window`` to ``quote``, without the source words at the ends."""
    ops = steps(window, quote, repair=repair)
    while ops and ops[0].tag == "delete":
        ops.pop(0)
    while ops and ops[-1].tag == "delete":
        ops.pop()
    return ops


def _similar(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when words ``a`` are spelling variants of words ``b`` (والعجز / العجز)."""
    return all(
        Levenshtein.normalized_similarity(x, y) >= EDGE_LIKENESS for x, y in zip(a, b, strict=False)
    )


def _edge(op: Op, window: Sequence[str], quote: Sequence[str], *, left: bool) -> Op:
    """A replacement at an edge of the match is an added word unless the words look alike.

    Otherwise a word the quote adds before (after) the source's words would be paired with
    whatever source word stands before (after) them.
    """
    if op.tag != "replace" or _similar(
            window[op.src_start : op.src_end], quote[op.quote_start : op.quote_end]):
        return op
    at = op.src_end if left else op.src_start
    return Op("insert", at, at, op.quote_start, op.quote_end)


def _fit(index: SourceIndex, quote: Sequence[str], diagonal: int, witness: int) -> Alignment | None:
    """Align ``quote`` around ``diagonal`` in the text holding ``witness``.

    Two windows are tried. The narrow one is the diagonal itself, `EDGE_SLACK` words wider
    each side: right for a quote that keeps the source's word count. The other follows a first
    alignment over a wide window (half the quote's length more each side), cut to the words
    that agree and the quote words around them, `EDGE_SLACK` more: right when the quote drops
    or adds words. Edit counts tie between a contiguous match and one that borrows a repeated
    word from before it, so at equal counts the fewer runs of changes win, then the narrow
    window (`_merit`).
    """
    text = index.owner(witness)
    low, high = index.limits(text)
    slack = len(quote) // 2 + 3
    start = max(low, diagonal - slack)
    window = index.keys[start : min(high, diagonal + len(quote) + slack)]
    equal = [op for op in _opcodes(window, quote, repair=False) if op.tag == "equal"]
    if not equal:
        return None
    narrow = (max(low, diagonal - EDGE_SLACK), min(high, diagonal + len(quote) + EDGE_SLACK))
    tight = (
        start + max(0, equal[0].src_start - equal[0].quote_start - EDGE_SLACK),
        start + min(len(window), equal[-1].src_end + len(quote) - equal[-1].quote_end
                    + EDGE_SLACK),
    )
    found = [_within(index, quote, text, window) for window in (narrow, tight)]
    return max((a for a in found if a is not None), key=_merit, default=None)


def similarity(source: Sequence[str], quote: Sequence[str], ops: Iterable[Op]) -> float:
    """``1 - changed words / the longer side``: 1 for the same words, 0 for none alike.

    A replaced word that looks like the source's (والعجز / العجز, كارثيا / كارثي) counts
    half: the quote still says that word, only respelled or with a clitic more or less. A
    number is never respelled.
    """
    cost = 0.0
    for op in ops:
        if op.tag == "equal":
            continue
        before, after = source[op.src_start : op.src_end], quote[op.quote_start : op.quote_end]
        alike = sum(1 for a, b in zip(before, after, strict=False) if _respelled(a, b))
        cost += max(len(before), len(after)) - alike * (1 - RESPELLING_COST)
    return max(0.0, 1.0 - cost / (max(len(source), len(quote)) or 1))


def _respelled(source: str, quote: str) -> bool:
    """True when ``quote`` is ``source`` respelled; never for numbers (3.5 / 2.5)."""
    if any(ch.isdigit() for ch in source + quote):
        return False
    return _similar((source,), (quote,))


def _merit(alignment: Alignment) -> tuple[int, int]:
    """Higher for the better alignment: fewer words changed, then fewer runs of them.

    Not the similarity, which favours a shorter source range: a match that pairs the last
    quote words with the wrong source words (two edits in ten) would beat one dropping
    three source words (three in thirteen).
    """
    changed = [op for op in alignment.ops if op.tag != "equal"]
    words = sum(max(op.src_end - op.src_start, op.quote_end - op.quote_start) for op in changed)
    return -words, -len(changed)


def _within(index: SourceIndex, quote: Sequence[str], text: int,
            bounds: tuple[int, int]) -> Alignment | None:
    """The alignment of ``quote`` inside the source words ``bounds`` of text ``text``."""
    start, end = bounds
    window = index.keys[start:end]
    ops = _opcodes(window, quote)
    if not any(op.tag == "equal" for op in ops):
        return None
    ops[0] = _edge(ops[0], window, quote, left=True)
    ops[-1] = _edge(ops[-1], window, quote, left=False)
    first, last = ops[0].src_start, ops[-1].src_end
    offset = start - index.limits(text)[0]
    shifted = tuple(
        attrs.evolve(op, src_start=op.src_start - first, src_end=op.src_end - first)
        for op in ops
    )
    return Alignment(
        text=text,
        first=offset + first,
        last=offset + last,
        similarity=similarity(window[first:last], quote, shifted),
        ops=shifted,
    )


def align(index: SourceIndex, quote: Sequence[str]) -> Alignment | None:
    """The best alignment of the quote words ``quote`` in the sources.

    None when no source shares a word with it. Source word positions in the ``ops`` count
    from ``first``.
    """
    best: Alignment | None = None
    for diagonal, witness in _diagonals(index, quote):
        found = _fit(index, quote, diagonal, witness)
        if found is not None and (best is None or _merit(found) > _merit(best)):
            best = found
            if best.similarity == 1.0:
                break
    return best
