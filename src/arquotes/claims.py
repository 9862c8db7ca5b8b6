"""Cut reported clauses: where a claim's content ends, and source phrases.

A claim's content starts where its cue's complement starts (after أن/إن/بأن, after a governed
preposition, or at a noun-phrase object) and ends at the first of:

* the end of its sentence (. ! ؟) outside quotation marks, or its paragraph (a dateline
  glued to a headline starts a sentence too);
* a following cue that opens a new clause (`ClauseOpeners`): a participle (مؤكدا أن), a past
  cue with a conjunction clitic (ولفت إلى), a cue with its own subject, or one after a comma;
  a present cue with و and no subject (ويشتبه بأن) goes on with the claim;
* a source phrase that names a source (، حسبما نقلت ...; وفق فئات الدخل is a preposition);
* the narrator's words: a closing audience phrase (لوكالة فرانس برس،), or after a comma a
  terminator (، وذلك ...، ، في إشارة إلى ...), a participle with its own object (، موجها
  الشكر ...), or for object content a past verb with و (طالبت بضمانات، وطرحت ...).

Source phrases (بحسب، وفق، حسبما ...) either name the secondary source of the items before
them in the sentence, or, standing alone, make the sentence itself a claim of that source.
Headlines are in `arquotes.headlines`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from arquotes.cues import CueHit, QuoteIndex
from arquotes.document import Document, Token
from arquotes.lexicon import Lexicon
from arquotes.mentions import Mention, read_mention, without_lam
from arquotes.patterns import PARTICIPLE_SHAPE, VERB_SHAPE

__all__ = ["ClauseOpeners", "SourceUse", "clause_end", "read_source", "trim"]

_TRAILING = frozenset(" \t،,:;؛-–—")
_COMMAS = frozenset("،,")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces at both ends and dangling punctuation at the end of ``[start, end)``."""
    end = min(end, len(text))  # a complement may start at the very end of the text
    while start < end and (text[start].isspace() or text[start] in "،,:"):
        start += 1
    while (end > start and text[end - 1] in _TRAILING) or (end > start and text[end - 1].isspace()):
        end -= 1
    return start, end


def sentence_end_outside_quotes(document: Document, start: int, quotes: QuoteIndex) -> int:
    """End of the sentence from ``start``, skipping full stops inside quotation marks.

    The end marks come from the document's one pass over the text, so a long sentence with
    many claims in it is not searched again for each of them.
    """
    _, p_end = document.paragraph_at(start)
    pos = start
    while True:
        mark = document.end_mark(pos, p_end)
        if mark is None:
            return p_end
        inside = quotes.containing(mark)
        if inside is None:
            return mark
        pos = max(mark + 1, quotes.closing(inside))


class ClauseOpeners:
    """The cues that may end a reported clause by opening a new one, found once an article.

    A participle, a source phrase, a past cue with و or a cue with its own subject opens a
    clause wherever it stands; any other cue with a complement only after a comma, so its
    comma's offset is kept. Hits inside quotation marks open nothing. Built once, the
    openers make each `clause_end` a binary search, whatever the sentence holds. A plain
    class, as every internal record (native when compiled).
    """

    __slots__ = ("commas", "starts")

    starts: list[int]
    commas: list[int]
    """Offset of the comma right before each opener that needs one; -1 for the others."""

    def __init__(self, starts: list[int], commas: list[int]) -> None:
        """Openers at ``starts`` (ascending), with their commas' offsets or -1."""
        self.starts = starts
        self.commas = commas

    @classmethod
    def of(cls, document: Document, hits: Sequence[CueHit], quotes: QuoteIndex) -> ClauseOpeners:
        """The openers among ``hits`` (in text order)."""
        starts, commas = [], []
        for hit in hits:
            if quotes.containing(hit.start) is not None or not (
                    hit.complement is not None or hit.form.kind == "source"):
                continue
            if hit.form.kind in ("participle", "source") or (hit.clitic and (
                    hit.subject is not None or hit.form.past)):
                starts.append(hit.start)
                commas.append(-1)
                continue
            p_start, _ = document.paragraph_at(hit.start)
            before = document.tokens_before(p_start, hit.start, 1)
            if before and before[-1].text in _COMMAS:
                starts.append(hit.start)
                commas.append(before[-1].start)
        return cls(starts, commas)

    def first_after(self, start: int, end: int) -> int:
        """The first opener in ``(start, end)``, or ``end``; its comma must lie in the clause."""
        k = bisect.bisect_right(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if self.commas[k] < 0 or self.commas[k] >= start:
                return self.starts[k]
            k += 1  # only the opener right at the clause's start can have its comma before it
        return end


def clause_end(document: Document, start: int, openers: ClauseOpeners, quotes: QuoteIndex,
               lexicon: Lexicon, *, object_content: bool = False) -> int:
    """Where the reported clause that starts at ``start`` ends (see module docstring).

    ``object_content``: the content is the cue's object or prepositional complement (طالبت
    بضمانات أمنية), not a clause of its own, so a comma and a new verb with و (، وطرحت ...)
    are the narrator's next sentence part.
    """
    end = openers.first_after(start, sentence_end_outside_quotes(document, start, quotes))
    return trim(document.text, start, _narration_start(
        document, start, end, lexicon, object_content=object_content))[1]


def _narration_start(document: Document, start: int, end: int, lexicon: Lexicon, *,
                     object_content: bool = False) -> int:
    """Where, inside ``[start, end)``, the narrator's words take over (``end`` if nowhere)."""
    # The token offsets are read straight from the document's arrays: a Token is built only
    # for a word that may be an audience (it starts with the ل of "to").
    starts, ends = document.token_spans
    text = document.text
    first = bisect.bisect_left(starts, start)
    # A clause of one word is never complete (إن كيدال، وهي مدينة ...، تعرضت); an object of
    # one word is (رفض المحتجون العرض، وواصلوا ...).
    least = 1 if object_content else 2
    words = 0
    for i in range(first, min(len(starts), first + _CLAUSE_TOKENS)):
        t_start = starts[i]
        if t_start >= end:
            break
        char = text[t_start]
        if char.isalnum():
            if words >= 2 and char == "ل" and _audience_closes(
                    document, Token(t_start, ends[i], text[t_start:ends[i]]), end, lexicon):
                return t_start
            words += 1
        elif char in _COMMAS and words >= least and _narrator_takes_over(
                document, ends[i], end, lexicon, object_content=object_content):
            return t_start
    return end


_CLAUSE_TOKENS = 400
"""Tokens of a clause searched for the narrator's words, at most."""


_AUDIENCE_WORDS = 4
"""Words of a closing audience phrase, at most: لوكالة فرانس برس، للصحفيين في جنيف."""


def _audience_closes(document: Document, token: Token, end: int, lexicon: Lexicon) -> bool:
    """The narrator's note of whom the words were told closes the clause.

    أكدت ... مسؤوليتها عن الهجمات لوكالة فرانس برس، لكن ...: an audience word (لوكالة،
    للصحفيين) whose short phrase runs to a comma or the clause end. Followed by more of the
    clause (إن الدعم لوكالة الأونروا سيستمر) it is an object, and the clause goes on.
    """
    if token.text == "ل" or token.text not in lexicon.audiences:
        return False
    after = document.tokens(token.end, end, _AUDIENCE_WORDS + 1)
    for k, following in enumerate(after):
        if not following.is_word:
            return following.text in _COMMAS or following.text in ".!?؟"
        if k == _AUDIENCE_WORDS:
            return False
    return True


def _narrator_takes_over(document: Document, pos: int, end: int, lexicon: Lexicon, *,
                         object_content: bool = False) -> bool:
    """Whether the words after a comma at ``pos`` are the narrator's, not the speaker's.

    A terminator (، وذلك ...، في إشارة إلى ...) unless it goes on with the clause (، فيما
    يتعلق ...) or opens a list (، وهي: ...); or a participle with its own object that the
    narrator adds (، موجها الشكر ...). A claim of one word is never complete, so a comma
    right after it opens an apposition (إن كيدال، وهي مدينة في الشمال، تعرضت ...).
    """
    after = document.tokens(pos, end, 3)
    texts = [t.text for t in after]
    if not texts:
        return False
    if object_content and texts[0].startswith(("و", "ف")) and texts[0].endswith(
            ("ت", "وا")) and VERB_SHAPE.match(texts[0]):
        # طالبت بضمانات أمنية، وطرحت معاهدة: a past verb, the narrator's next action (a
        # present one, ، ويمثل ..., may go on describing the object)
        return True
    if PARTICIPLE_SHAPE.match(texts[0]) and texts[0] not in lexicon.adverbs:
        return len(after) > 1 and after[1].is_word
    n = lexicon.claim_terminators.phrase_at(texts, 0)
    if not n or lexicon.claim_continuations.phrase_at(texts, 0) > n:
        return False
    return not (n < len(texts) and texts[n] == ":")


class SourceUse:
    """What a source phrase does in its sentence (a plain record)."""

    __slots__ = ("hit", "leads", "mention", "preposition", "sentence_start")

    hit: CueHit
    mention: Mention | None
    """The source it names (وكالة الأنباء الجزائرية)."""
    sentence_start: int
    leads: bool
    """The phrase opens its sentence: what follows it comes from the source."""
    preposition: bool
    """A word follows that names no source: وفق فئات الدخل، كل حسب منطقته are plain
    prepositions, which neither attribute nor end a clause."""

    def __init__(self, *, hit: CueHit, mention: Mention | None, sentence_start: int,
                 leads: bool, preposition: bool = False) -> None:
        """How the source phrase ``hit`` is used in the sentence at ``sentence_start``."""
        self.hit = hit
        self.mention = mention
        self.sentence_start = sentence_start
        self.leads = leads
        self.preposition = preposition


def read_source(document: Document, hit: CueHit, lexicon: Lexicon,
                hits_by_start: dict[int, CueHit]) -> SourceUse:
    """Read the source named after a source phrase, skipping fillers (بيان أصدره، ما نقلته)."""
    sentence = document.sentence_start(hit.start)
    before = [t for t in document.tokens(sentence, hit.start, 6) if t.is_word]
    leads = all(t.text in lexicon.auxiliaries for t in before)
    after = max(hit.end, hit.tail)
    tokens = document.tokens(after, document.sentence_end(after), 16)
    i = 0
    while i < len(tokens) and (
        tokens[i].text in lexicon.source_fillers or tokens[i].start in hits_by_start
    ):
        i += 1
    rest = _stop_at_comma(tokens[i:])
    if rest and hit.form.form in lexicon.sources_with_lam:
        rest[0] = without_lam(rest[0])
    mention = read_mention(document, rest, lexicon, bare_names=False)
    preposition = mention is None and i == 0 and bool(rest) and rest[0].is_word
    return SourceUse(hit=hit, mention=mention, sentence_start=sentence, leads=leads,
                     preposition=preposition)


def _stop_at_comma(tokens: Sequence[Token]) -> list[Token]:
    out = []
    for token in tokens:
        if token.text in _COMMAS:
            break
        out.append(token)
    return out
