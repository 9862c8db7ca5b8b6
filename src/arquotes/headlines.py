"""Headlines: a short line that is a claim of its speaker phrase.

A line "X: content" where X reads as a speaker phrase is a claim of X with no cue.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from arquotes.claims import trim
from arquotes.cues import CueHit
from arquotes.document import Document
from arquotes.lexicon import Lexicon
from arquotes.mentions import Mention, read_mention

__all__ = ["Headline", "find_headlines"]

_HEADLINE_PREFIX = frozenset({"-", "–", "—", "|"})


@attrs.frozen(kw_only=True)
class Headline:
    """A "X: ..." line: its speaker phrase and content, in folded offsets."""

    mention: Mention
    start: int
    end: int


def find_headlines(document: Document, lexicon: Lexicon, hits: Sequence[CueHit]) -> list[Headline]:
    """Every paragraph shaped "X: content" where X reads as a speaker phrase."""
    found = []
    hit_starts = [h.start for h in hits]
    text = document.text
    for p_start, p_end in document.paragraphs:
        colon = text.find(":", p_start, min(p_end, p_start + 80))
        if colon < 0:
            continue
        head = document.tokens(p_start, colon, 12)
        cut = max((i + 1 for i, t in enumerate(head) if t.text in _HEADLINE_PREFIX or (
            t.text == "." and i > 0 and head[i - 1].text == ".")), default=0)
        head = head[cut:]
        first_hit = bisect.bisect_left(hit_starts, p_start)  # hits are in text order
        if not head or len(head) > 6 or (
                first_hit < len(hit_starts) and hit_starts[first_hit] < colon):
            continue
        if lexicon.meta_labels.phrase_at([t.text for t in head], 0) or not all(
                t.is_word for t in head):
            continue
        mention = read_mention(document, head, lexicon, bare_names=len(head) <= 2)
        if mention is None or mention.end != head[-1].end:
            continue
        start, end = trim(text, colon + 1, p_end)
        if sum(1 for t in document.tokens(start, end, 12) if t.is_word) < 3:
            continue
        found.append(Headline(mention=mention, start=start, end=end))
    return found
