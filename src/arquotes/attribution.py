"""Link quotes and claims to their cues and speakers, and build the `Extraction`.

Order of work for one article:

1. every speaker phrase that names someone (a person, body or unnamed source) is entered in
   the article's `EntityTable`, so a role written before the name (a headline's
   "وزير الطاقة السعودي") still finds the person named later;
2. claims are cut from cues that take a complementizer, preposition or object, from source
   phrases and from headlines; a complement that is wholly a quotation gives a quote instead;
3. each quote finds its cue: the one that takes it, the nearest one before it in its sentence,
   one right after it ("..."، قال), or the quote it continues;
4. in text order, each item's speaker is resolved: its cue's subject; for a participle
   (مؤكدا) the speaker of its clause; for a verb with no written subject (وأضاف) the latest
   speaker whose gender agrees with the verb (أضافت needs a feminine one).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from arquotes.claims import ClauseOpeners, SourceUse, clause_end, read_source, trim
from arquotes.cues import Complement, CueHit, QuoteIndex
from arquotes.document import Document, Token
from arquotes.headlines import Headline
from arquotes.lexicon import Lexicon
from arquotes.mentions import Mention, MentionKind, read_mention
from arquotes.model import (
    Attribution,
    Claim,
    Cue,
    Extraction,
    Gender,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from arquotes.normalize import fold_word
from arquotes.patterns import SENTENCE_END
from arquotes.quote_kinds import is_fragment, quote_kind
from arquotes.resolve import Entity, EntityTable
from arquotes.speaker_gender import entity_gender

__all__ = ["attribute"]

_NAMING = (MentionKind.PERSON, MentionKind.BODY, MentionKind.UNNAMED)
_QUOTE_REACH = 400  # characters between a cue and the quote it introduces, at most
_SUBJECT_WORDS = 3  # words a quotation may follow its complementizer by and still be direct
_OPENER_WORDS = 6  # a sentence's opening verb has its subject named within this many tokens
_COMMAS = frozenset("،,")


class _Item:
    """A quote or claim being assembled (folded offsets); a plain, mutable record."""

    __slots__ = ("confidence", "end", "entity", "follows", "hit", "is_quote", "kind",
                 "mention", "quote", "start", "that_distance", "via", "written")

    is_quote: bool
    start: int
    end: int
    hit: CueHit | None
    mention: Mention | None
    """A speaker phrase that is not a cue's subject (headline, source phrase)."""
    quote: int | None
    kind: QuoteKind
    follows: _Item | None
    """The quote this one continues."""
    via: Mention | None
    that_distance: int | None
    """Words between the complementizer and the quotation, when one governs it."""
    entity: Entity | None
    written: Mention | None
    confidence: float

    def __init__(self, *, is_quote: bool, start: int, end: int, hit: CueHit | None = None,
                 mention: Mention | None = None, quote: int | None = None,
                 kind: QuoteKind = QuoteKind.DIRECT, via: Mention | None = None,
                 that_distance: int | None = None) -> None:
        """A quote (``is_quote``) or claim at ``[start, end)``, not yet attributed."""
        self.is_quote = is_quote
        self.start = start
        self.end = end
        self.hit = hit
        self.mention = mention
        self.quote = quote
        self.kind = kind
        self.follows = None
        self.via = via
        self.that_distance = that_distance
        self.entity = None
        self.written = None
        self.confidence = 0.0


def _start(mention: Mention) -> int:
    return mention.start


class _History:
    """Items already attributed, in text order, with each speaker's latest place."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self._last: dict[int, tuple[int, Entity]] = {}  # id(entity) -> (position, entity)

    def append(self, item: _Item) -> None:
        """Record an attributed item (one with no speaker is not part of the discourse)."""
        if item.entity is None:
            return
        self._last[id(item.entity)] = (len(self.items), item.entity)
        self.items.append(item)

    def latest(self, feminine: bool | None) -> Entity | None:
        """The latest speaker, preferring one whose gender agrees when ``feminine`` is given."""
        if not self.items:
            return None
        if feminine is not None:
            agreeing = [(k, e) for k, e in self._last.values() if e.feminine == feminine]
            if agreeing:
                return max(agreeing, key=lambda pair: pair[0])[1]
        return self.items[-1].entity

    def in_sentence(self, sentence: int, paragraph: int) -> _Item | None:
        """The latest item whose cue lies in the sentence starting at ``sentence``."""
        for earlier in reversed(self.items):
            if earlier.start < paragraph:
                return None  # a cue in this sentence belongs to an item of its paragraph
            if earlier.hit is not None and earlier.hit.start >= sentence:
                return earlier
        return None


class _Attributor:
    def __init__(self, document: Document, lexicon: Lexicon, quotes: QuoteIndex,
                 hits: Sequence[CueHit], headlines: Sequence[Headline]) -> None:
        self.doc = document
        self.lex = lexicon
        self.quotes = quotes
        self.hits = [h for h in hits if h.form.kind != "source"]
        self.sources = [h for h in hits if h.form.kind == "source"]
        self.all_hits = list(hits)
        self.headlines = headlines
        self._headline_starts = [h.start for h in headlines]
        self.by_start = {h.start: h for h in hits}
        self._hit_starts = [h.start for h in self.hits]
        self._taking: dict[int, CueHit] = {}  # quote index -> first cue taking it
        for hit in self.hits:
            if hit.complement is not None and hit.complement.quote is not None:
                self._taking.setdefault(hit.complement.quote, hit)
        self.table = EntityTable(document, lexicon.known_speakers,
                                 particles=lexicon.particles.words)
        self.items: list[_Item] = []
        self.governed: dict[int, _Item] = {}  # quote index -> item that takes it
        # Quotations that are the object of a verb inside a claim (أن النقابة حذرت "..."):
        # mixed quotes in that claim, whatever the verb would make of them alone.
        self._objects: set[int] = set()
        self._openers: ClauseOpeners | None = None  # built on the first clause end asked
        self._sentences: dict[int, list[_Item]] | None = None  # built once claims are cut
        self._firsts: list[tuple[int, int, Entity]] | None = None
        self._speaking: set[int] = set()  # ids of entities named outside quotations
        self._indexed = 0
        # head of a definite anaphor -> (text scanned up to, latest body mention with that head)
        self._antecedents: dict[str, tuple[int, Mention | None]] = {}
        self.persons: list[Mention] = []  # every person named in the article, by start
        self._person_at: dict[int, Mention] = {}

    # 1. entities -------------------------------------------------------------------------
    def register(self, uses: Sequence[SourceUse], persons: Sequence[Mention]) -> None:
        """Enter every naming mention: cue subjects, headlines, sources, persons.

        ``persons`` are every person the article names anywhere; each phrase enters once.
        """
        speaking = [(h.subject, h.form.feminine) for h in self.hits if h.subject is not None]
        speaking += [(h.mention, False) for h in self.headlines]
        speaking += [(u.mention, False) for u in uses if u.mention is not None]
        written = {(m.start, m.end) for m, _ in speaking}
        named = [(m, False) for m in persons if (m.start, m.end) not in written]
        # Who may speak for a lead with no subject: not a name read inside a quotation.
        speakers = {id(m) for m, _ in speaking} | {
            id(m) for m, _ in named if self.quotes.containing(m.start) is None}
        self.persons = sorted(persons, key=_start)
        self._person_at = {m.start: m for m in self.persons}
        ordered = sorted([*speaking, *named], key=lambda m: m[0].start)
        for bare in (False, True):  # names first, so a bare word can join one of them
            for mention, feminine in ordered:
                if mention.kind in _NAMING and mention.bare is bare:
                    entity = self.table.add(mention, feminine_verb=feminine)
                    if entity is not None and id(mention) in speakers:
                        self._speaking.add(id(entity))

    # 2. claims ---------------------------------------------------------------------------
    def cut_claims(self, uses: Sequence[SourceUse]) -> None:
        plain = {u.hit.start for u in uses if u.preposition}
        if plain:  # a plain preposition ends no clause
            self.all_hits = [h for h in self.all_hits if h.start not in plain]
            self._openers = None
        for hit in self.hits:
            self._cue_claim(hit)
        self._drop_nested()
        for use in uses:
            self._source_claim(use)
        for headline in self.headlines:
            if not self._wholly_quoted(headline.start, headline.end):
                self.items.append(_Item(is_quote=False, start=headline.start, end=headline.end,
                                        mention=headline.mention))

    def _cue_claim(self, hit: CueHit) -> None:
        """The claim a cue introduces, if any (a quotation complement is linked later)."""
        if hit.relative:
            self._relative_claim(hit)
            return
        complement = hit.complement
        if complement is None:
            return
        if complement.frame == "quote":
            if self._governed_fragment(hit, complement):
                self._claim_or_quote(hit, complement.start)
            return
        if hit.inside_quote and hit.subject is None:
            return
        start, _ = trim(self.doc.text, complement.start, complement.start + 1)
        self._claim_or_quote(hit, start)

    def _governed_fragment(self, hit: CueHit, complement: Complement) -> bool:
        """A quotation after the cue's own preposition, with more of the clause after it.

        مشيرا إلى "تأجيل المشروع" حتى العام المقبل: the complement is the whole clause,
        a claim with the quotation as a mixed fragment in it.
        """
        index = complement.quote
        if index is None or not hit.form.preps:
            return False
        before = self.doc.tokens_before(hit.end, complement.start, 1)
        if not before or not (before[-1].text in hit.form.preps or (
                len(before[-1].text) == 1 and before[-1].text in hit.form.preps)):
            return False
        closing = self.quotes.closing(index)
        after = self.doc.tokens(closing, self._clause_end(complement.start), 1)
        return bool(after) and after[0].is_word and after[0].start not in self.by_start

    def _wholly_quoted(self, start: int, end: int) -> bool:
        """``[start, end)`` is one quotation and nothing else: a quote, not also a claim.

        غوتيريش: "الوضع لا يطاق" is the direct quote of the headline's speaker only.
        """
        index = self.quotes.by_open.get(start)
        if index is None or index in self.quotes.names:
            return False
        rest_start, rest_end = trim(self.doc.text, self.quotes.closing(index), end)
        return rest_end <= rest_start or not any(
            t.is_word for t in self.doc.tokens(rest_start, rest_end, 1))

    def _claim_or_quote(self, hit: CueHit, start: int, mention: Mention | None = None) -> None:
        """A claim from ``start``, or, when a quotation fills the clause, that quote alone.

        The quotation may open a few words in (إن هذا الاجتماع "كان ..."، فإن أعضاء "جماعة
        ..."): it still carries the utterance, and the words before it are its subject.
        """
        complement = hit.complement
        end = self._clause_end(start, object_content=complement is not None and (
            complement.frame in ("np", "on")))
        lead = self.doc.tokens(start, end, 5)
        for position, token in enumerate(lead):
            index = self.quotes.by_open.get(token.start)
            if index is None or index in self.quotes.names:
                continue
            words = sum(1 for t in lead[:position] if t.is_word)
            if any(t.start in self.by_start and self.by_start[t.start].form.kind == "verb"
                   for t in lead[:position]):
                # أن النقابة حذرت "كل من ...": the object of a verb of the claim, a fragment.
                self._objects.add(index)
                break
            # After a preposition (يكمن في "إنهاء الاحتلال") the quotation is an object inside
            # the clause, not its predicate: the clause stays a claim.
            governed = position > 0 and lead[position - 1].text in self.lex.prepositions
            # A fragment of one or two words after the subject is a mixed quote inside the
            # claim (أن تصريحات ترامب "منحازة"), not the whole utterance.
            short = words > 0 and is_fragment(self.doc, self.quotes.quotes[index])
            fills = not governed and not short and self._quote_fills_clause(index, hit, end)
            if words == 0 or (fills and words <= _SUBJECT_WORDS):
                item = self.governed.setdefault(index, _Item(
                    is_quote=True, start=token.start, end=token.start, hit=hit, quote=index,
                    mention=mention))
                item.that_distance = words
                if fills:
                    return
            break
        if end - start >= 2:
            self.items.append(_Item(is_quote=False, start=start, end=end, hit=hit,
                                    mention=mention))

    def _clause_end(self, start: int, *, object_content: bool = False) -> int:
        if self._openers is None:
            self._openers = ClauseOpeners.of(self.doc, self.all_hits, self.quotes)
        return clause_end(self.doc, start, self._openers, self.quotes, self.lex,
                          object_content=object_content)

    def _relative_claim(self, hit: CueHit) -> None:
        """A verb whose object is the relative ما.

        وهو ما تعتبره موسكو خرقا ...: the words after the subject are the content;
        وهو ما ينفيه الكرملين نفيا قاطعا: with only the verb's own masdar after it, the content
        is the claim just before, in the same sentence.
        """
        if hit.subject is None:
            return
        rest = self.doc.tokens(hit.subject.end, self.doc.sentence_end(hit.subject.end), 2)
        if rest and rest[0].is_word and not rest[0].text.startswith(
                fold_word(hit.form.lemma)[:2]):
            end = self._clause_end(rest[0].start)
            self.items.append(_Item(is_quote=False, start=rest[0].start, end=end, hit=hit))
            return
        sentence = self.doc.sentence_start(hit.start)
        for last in reversed(self.items):  # claims are cut in text order: look back a little
            if last.hit is not None and last.hit.start < sentence:
                break
            if not last.is_quote and sentence <= last.start < hit.start:
                self.items.append(_Item(is_quote=False, start=last.start, end=last.end, hit=hit))
                break

    def _drop_nested(self) -> None:
        """A claim inside another one needs a written subject (يتوقع in قال إنه لا يتوقع أن)."""
        claims = sorted((i for i in self.items if not i.is_quote), key=lambda i: i.start)
        starts = [c.start for c in claims]
        reach = list(itertools.accumulate((c.end for c in claims), max))  # furthest end so far

        def nested(item: _Item) -> bool:
            hit = item.hit
            if item.is_quote or hit is None or hit.subject is not None:
                return False
            # A claim's content starts after its own cue, so only others can hold the cue.
            k = bisect.bisect_right(starts, hit.start) - 1
            return k >= 0 and reach[k] > hit.start

        self.items = [item for item in self.items if not nested(item)]

    def _quote_fills_clause(self, index: int, hit: CueHit, end: int) -> bool:
        """The quotation runs to the clause end, or is the whole object (أبدى «...»،)."""
        closing = self.quotes.closing(index)
        if closing >= end - 1:
            return True
        after = self.doc.tokens(closing, end, 1)
        frame = hit.complement.frame if hit.complement is not None else ""
        return frame == "np" and bool(after) and after[0].text in "،,"

    def _in_sentence(self, sentence: int) -> list[_Item]:
        """Items whose cue or start lies in the sentence starting at ``sentence``."""
        if self._sentences is None:
            self._sentences = {}
            self._indexed = len(self.items)
            for item in [*self.items, *self.governed.values()]:
                anchor = item.hit.start if item.hit is not None else item.start
                self._sentences.setdefault(self.doc.sentence_start(anchor), []).append(item)
        return self._sentences.get(sentence, []) + [
            i for i in self.items[self._indexed:] if i.start >= sentence]

    def _source_claim(self, use: SourceUse) -> None:
        hit = use.hit
        if hit.inside_quote:
            return
        before = [i for i in self._in_sentence(use.sentence_start)
                  if use.sentence_start <= i.start < hit.start or (
                      i.hit is not None and use.sentence_start <= i.hit.start < hit.start)]
        before += [self.governed.setdefault(q, _Item(is_quote=True, start=c.open, end=c.open,
                                                     quote=q))
                   for q, c in self.quotes.opening_between(use.sentence_start, hit.start)]
        if use.preposition:
            return
        if before:
            for item in before:
                item.via = use.mention
            return
        if use.mention is None:
            return
        if use.leads:
            self._lead_source(use, use.mention)
            return
        start = use.sentence_start
        words = self.doc.tokens(start, hit.start, 3)
        if words and words[0].text in self.lex.auxiliaries:
            start = words[0].end
        start, end = trim(self.doc.text, start, hit.start)
        if end - start >= 2:
            self.items.append(_Item(is_quote=False, start=start, end=end, hit=hit,
                                    mention=use.mention))

    def _lead_source(self, use: SourceUse, mention: Mention) -> None:
        """A source phrase opening its sentence: what follows its source is the content.

        بحسب الوزارة فإن ...: after a complementizer; وجاء في بيان الخارجية: «...»: a
        colon or a quotation is the source's words.
        """
        tokens = self.doc.tokens(mention.end, self.doc.sentence_end(mention.end), 12)
        for token in tokens:
            if token.text in self.lex.complementizers:
                start, _ = trim(self.doc.text, token.end, token.end + 1)
                self._claim_or_quote(use.hit, start, mention)
                return
            if token.text == ":" or token.start in self.quotes.by_open:
                self._claim_or_quote(use.hit, token.start, mention)
                return
        if tokens and tokens[0].text in _COMMAS:  # ووفق مجلة الأسواق، تراجعت المبيعات ...
            start, _ = trim(self.doc.text, tokens[0].end, tokens[0].end + 1)
            self._claim_or_quote(use.hit, start, mention)

    # 3. quotes ---------------------------------------------------------------------------
    def link_quotes(self) -> None:
        cue_starts = {h.start for h in self.hits}
        previous: _Item | None = None
        for index, quote in enumerate(self.quotes.quotes):
            if index in self.quotes.names:
                continue
            item = self.governed.get(index) or _Item(is_quote=True, start=quote.open,
                                                     end=quote.open, quote=index)
            item.start, item.end = quote.start, quote.end
            introduced = item.hit is not None
            if item.hit is None:
                item.hit = self._taking_hit(index) or self._preceding_hit(index)
                introduced = item.hit is not None and item.hit.complement is not None and (
                    item.hit.complement.quote == index)
            cue_after = False
            if item.hit is None:
                after = self._hit_after(index)
                if after is not None:
                    item.hit, cue_after = after, True
            if quote.continuation and previous is not None and previous.quote == index - 1:
                item.follows = previous
            that_distance = item.that_distance
            hit = item.hit
            if that_distance is None and hit is not None and hit.complement is not None and (
                    hit.complement.frame == "that" and hit.complement.start <= quote.open):
                that_distance = sum(1 for t in self.doc.tokens(hit.complement.start, quote.open)
                                    if t.is_word)
            item.kind = QuoteKind.MIXED if index in self._objects else quote_kind(
                self.doc, quote, self.lex, cue_starts=cue_starts, introduced=introduced,
                cue_after=cue_after, that_distance=that_distance)
            if item.hit is None and item.kind is QuoteKind.MIXED:
                # A fragment belongs to the cue of its sentence, other quotes in between or not.
                item.hit = self._preceding_hit(index, across_quotes=True)
            if item.hit is None and item.follows is None:
                item.mention = self._headline_of(quote.open)
            self.items.append(item)
            previous = item

    def _taking_hit(self, index: int) -> CueHit | None:
        return self._taking.get(index)

    def _preceding_hit(self, index: int, *, across_quotes: bool = False) -> CueHit | None:
        quote = self.quotes.quotes[index]
        p_start, _ = self.doc.paragraph_at(quote.open)
        best = None
        first = bisect.bisect_left(self._hit_starts, max(p_start, quote.open - _QUOTE_REACH))
        for k in range(first, len(self.hits)):  # only the hits within reach, not all of them
            hit = self.hits[k]
            if hit.start >= quote.open:
                break
            if hit.inside_quote:
                continue
            best = hit
        if best is None:
            return None
        between = self.doc.text[best.end : quote.open]
        for other in range(index - 1, -1, -1):  # quotes are in text order: walk back to best
            if self.quotes.quotes[other].open < best.end:
                break
            if other not in self.quotes.names and not across_quotes:
                return None
        if SENTENCE_END.search(between):
            return None
        return best

    def _hit_after(self, index: int) -> CueHit | None:
        """A verb or participle right after the quote: «...»، قال الوزير."""
        quote = self.quotes.quotes[index]
        if quote.close is None:
            return None
        _, p_end = self.doc.paragraph_at(quote.close)
        for token in self.doc.tokens(quote.close + 1, min(p_end, quote.close + 40), 3):
            if token.text in "،,-–":
                continue
            hit = self.by_start.get(token.start)
            if hit is not None and hit.form.kind in ("verb", "participle"):
                return hit
            return None
        return None

    def _headline_of(self, pos: int) -> Mention | None:
        """The speaker phrase of the headline holding ``pos`` (headlines are in text order)."""
        k = bisect.bisect_right(self._headline_starts, pos) - 1
        if k >= 0 and pos < self.headlines[k].end:
            return self.headlines[k].mention
        return None

    # 4. speakers -------------------------------------------------------------------------
    def resolve(self) -> None:
        history = _History()
        for item in sorted(self.items, key=lambda i: i.start):
            self._resolve_one(item, history)
            if item.entity is not None and not self._nested(item):
                history.append(item)

    def _nested(self, item: _Item) -> bool:
        """Inside a quotation or a reported clause (قال إن X يرى أن): X does not go on speaking."""
        return item.hit is not None and (item.hit.inside_quote or item.hit.embedded)

    def _resolve_one(self, item: _Item, history: _History) -> None:
        hit = item.hit
        mention = item.mention or (hit.subject if hit is not None else None)
        if item.follows is not None and item.follows.entity is not None:
            item.entity, item.confidence = item.follows.entity, 0.8
        elif mention is not None:
            item.entity = self._entity_of(mention, hit, history)
            item.written = mention
            item.confidence = 0.9 if hit is not None else 0.6
        elif hit is None:
            if not (item.kind is QuoteKind.MIXED and item.is_quote):
                item.entity = history.latest(None)
                item.confidence = 0.3 if item.entity is not None else 0.0
        else:
            item.entity, item.confidence = self._unwritten(hit, history)

    def _unwritten(self, hit: CueHit, history: _History) -> tuple[Entity | None, float]:
        """Speaker and confidence for a cue with no written subject (pro-drop).

        A passive cue (أُعلن أن) names nobody, so it takes no speaker from the discourse.
        """
        if hit.passive:
            return None, 0.0
        if not history.items:
            # Nothing said yet: a lead with no subject (أكد أن ...) speaks for the first
            # speaker the article names after it.
            first = self._first_after(hit.start)
            if first is not None:
                return first, 0.3
            # Nobody is named after it either: the person the lead named before, as the
            # subject of another verb (وجّه قائد الجيش العماد X أمر اليوم ... وقال: «...»).
            last = self._last_before(hit.start)
            if last is not None and last.feminine == hit.form.feminine:
                return last, 0.3
        if hit.form.kind == "participle":
            clause = history.in_sentence(self.doc.sentence_start(hit.start),
                                         self.doc.paragraph_at(hit.start)[0])
            if clause is not None:
                embedded = self._embedded_subject(clause, hit)
                return (embedded, 0.6) if embedded is not None else (clause.entity, 0.8)
            opener = self._sentence_subject(hit.start)
            if opener is not None:
                return opener, 0.7
        named = self._person_before(hit, history)
        if named is not None:
            return named, 0.6
        opener = self._sentence_subject(hit.start, after_verb=True)
        if opener is not None and opener.feminine == hit.form.feminine:
            # أصدرت حماس بيانا ... وصفت فيه العملية: the sentence's subject goes on.
            return opener, 0.6
        latest = history.latest(hit.form.feminine)
        return latest, 0.7 if latest is not None else 0.0

    def _mention_at(self, tokens: Sequence[Token]) -> Mention | None:
        """The naming phrase at ``tokens[0]``: the person the scan read there, or one read now."""
        if not tokens:
            return None
        return self._person_at.get(tokens[0].start) or read_mention(
            self.doc, tokens, self.lex, bare_names=False)

    def _embedded_subject(self, clause: _Item, hit: CueHit) -> Entity | None:
        """The subject inside a claim, when the participle after it belongs to that clause.

        ذكرت صحف أن الرئاسة رفضت المبادرة، واصفة إياها ...: a source that reports (صحف،
        مصادر) tells what the clause's subject did, and the participle goes on with that
        subject; so does one whose gender fits the clause's subject but not the reporter
        (قال الوزير إن الحكومة رفضت ...، معتبرة). Otherwise the reporter keeps speaking.
        """
        speaker = clause.entity
        if (clause.is_quote or speaker is None
                or not clause.start < hit.start <= clause.end + 2):
            return None
        if speaker.kind is not SpeakerKind.UNNAMED and speaker.feminine == hit.form.feminine:
            return None
        tokens = self.doc.tokens(clause.start, clause.end, 12)
        mention = self._mention_at(tokens)
        if mention is None or (
                mention.kind not in _NAMING and mention.kind is not MentionKind.ANAPHOR) or (
                mention.feminine != hit.form.feminine):
            return None
        return self._entity_of(mention, None)

    def _person_before(self, hit: CueHit, history: _History) -> Entity | None:
        """A person named right before the cue, when no one spoke in its paragraph.

        وفي حوار مع مديرة المعرض هالة يوسف، قالت إن ...; وتحدثت إلى الناشط سامي علي، الذي
        أشار إلى ...: the verb has no written subject and the discourse has no speaker nearby,
        so the person just named (of the verb's gender) is who speaks.
        """
        paragraph, _ = self.doc.paragraph_at(hit.start)
        if history.items and history.items[-1].start >= paragraph:
            return None
        k = bisect.bisect_left(self.persons, hit.start, key=_start)
        if not k:
            return None
        mention = self.persons[k - 1]
        between = self.doc.text[mention.end : hit.start].strip(" ،,")
        if mention.end > hit.start or (between and between not in self.lex.subject_links):
            return None  # only a comma or a link (، الذي أشار، حيث قال) between name and verb
        part = mention.name or (mention.start, mention.end)
        entity = self.table.find_by_name(self.doc.text[part[0] : part[1]], before=hit.start)
        if entity is None or entity.feminine != hit.form.feminine:
            return None
        return entity

    def _entity_of(self, mention: Mention, hit: CueHit | None,
                   history: _History | None = None) -> Entity | None:
        feminine = hit.form.feminine if hit is not None else False
        if mention.kind in _NAMING:
            part = mention.name or mention.role or (mention.start, mention.end)
            found = self.table.find_by_name(self.doc.text[part[0] : part[1]],
                                            before=mention.start)
            return found or self.table.add(mention, feminine_verb=feminine)
        if mention.kind is MentionKind.ANAPHOR:
            latter = self._latter(mention)
            if latter is not None:
                return latter
            written = self.doc.text[mention.start : mention.end]
            if self.table.find_by_head(written) is None:
                antecedent = self._antecedent(written, mention.start)
                if antecedent is not None:
                    return self._entity_of(antecedent, None)
        fallback = None if history is None else history.latest(
            feminine if hit is not None else None)
        return self.table.resolve(mention, feminine_verb=feminine, fallback=fallback)

    def _antecedent(self, written: str, before: int) -> Mention | None:
        """The last body phrase headed like a definite anaphor, written before ``before``.

        أصدرت وزارة الخارجية القطرية بيانا ... وقالت الوزارة: the ministry is the subject of a
        verb that is no cue, so no cue registered it. The text is searched for the head word
        once per head, from where the previous search of that head stopped: linear overall.
        """
        if (not written.startswith("ال") or " " in written or len(written) < 5
                or written in self.lex.documents):
            return None
        head = written[2:]
        text = self.doc.text
        scanned, found = self._antecedents.get(head, (0, None))
        if before < scanned:
            return None  # asked out of text order: nothing cheap to say
        pos = scanned
        while (i := text.find(head, pos, before)) >= 0:
            pos = i + 1
            start = i - 1 if i > 0 and text[i - 1] in "وبل" else i  # a clitic: ووزارة، لوزارة
            if start > 0 and text[start - 1].isalnum():
                continue  # inside another word, or the anaphor's own article
            tokens = self.doc.tokens(start, self.doc.sentence_end(start), 12)
            named = read_mention(self.doc, tokens, self.lex, bare_names=False)
            if named is not None and named.kind is MentionKind.BODY and named.name is not None:
                found = named
        self._antecedents[head] = (before, found)
        return found

    def _latter(self, mention: Mention) -> Entity | None:
        """الأخيرة (the latter): the last place or body named before it in its sentence."""
        if self.doc.text[mention.start : mention.end] not in self.lex.latter:
            return None
        sentence = self.doc.sentence_start(mention.start)
        tokens = self.doc.tokens_before(sentence, mention.start, 30)
        for i in range(len(tokens) - 1, -1, -1):
            texts = [t.text for t in tokens[i:]]
            if self.lex.places.phrase_at(texts, 0) or self.lex.body_names.phrase_at(texts, 0):
                named = read_mention(self.doc, tokens[i:], self.lex, bare_names=False)
                if named is not None and named.kind in _NAMING:
                    return self._entity_of(named, None)
        return None

    def _sentence_subject(self, pos: int, *, after_verb: bool = False) -> Entity | None:
        """The subject after the verb that opens the sentence (تحدث الأمين العام ...).

        A lead adverbial closed by a comma (من جانبها، بدوره،) is passed over. With
        ``after_verb``, ``pos`` must come after that subject, not be the opening verb.
        """
        sentence = self.doc.sentence_start(pos)
        tokens = self.doc.tokens(sentence, pos, 20)
        comma = next((k for k, t in enumerate(tokens[:_OPENER_WORDS // 2])
                      if t.text in "،,"), None)
        if comma is not None:
            tokens = tokens[comma + 1 :]
        if len(tokens) < 2 or (after_verb and len(tokens) < 3):
            return None
        mention = self._mention_at(tokens[1:])
        if mention is None or mention.kind not in _NAMING:
            # روى رجل الأعمال سامي علي ...: a person named within the verb's first words.
            reach = tokens[min(len(tokens), _OPENER_WORDS) - 1].end
            k = bisect.bisect_left(self.persons, tokens[1].start, key=_start)
            if k == len(self.persons) or self.persons[k].start >= reach:
                return None
            mention = self.persons[k]
        return self._entity_of(mention, None)

    def _named(self) -> list[tuple[int, int, Entity]]:
        """Every span of every entity named outside quotations, by position (built once)."""
        if self._firsts is None:
            self._firsts = sorted((start, e.order, e) for e in self.table.entities
                                  if id(e) in self._speaking
                                  for start, _ in e.spans)
        return self._firsts

    def _first_after(self, pos: int) -> Entity | None:
        """The entity first named after ``pos`` (a mention may come later in the text)."""
        named = self._named()
        k = bisect.bisect_left(named, (self.doc.view.start(pos), -1))
        return named[k][2] if k < len(named) else None

    def _last_before(self, pos: int) -> Entity | None:
        """The entity last named before ``pos``, outside quotations."""
        named = self._named()
        k = bisect.bisect_left(named, (self.doc.view.start(pos), -1))
        return named[k - 1][2] if k > 0 else None

    # 5. output ---------------------------------------------------------------------------
    def build(self) -> Extraction:
        """The public result: quotes, claims and the speakers they use, in text order."""
        # Each entity once (by identity, first use first), so its spans are scanned once.
        used = {id(i.entity): i.entity for i in self.items if i.entity is not None}
        hits: dict[int, list[CueHit]] = {key: [] for key in used}
        for item in self.items:
            if item.entity is not None and item.hit is not None:
                hits[id(item.entity)].append(item.hit)
        builder = _Builder(self.doc, self.quotes, {
            key: entity_gender(entity, hits[key], self.lex) for key, entity in used.items()})
        for entity in sorted(used.values(),
                             key=lambda e: min((start for start, _ in e.spans), default=0)):
            builder.speaker(entity)
        quotes = sorted(
            (builder.quote(item) for item in self.items if item.is_quote
             and not (item.kind is QuoteKind.MIXED and item.entity is None)),
            key=lambda q: (q.span.start, q.span.end),
        )
        mixed = [q for q in quotes if q.kind is QuoteKind.MIXED]
        claims = sorted((builder.claim(item, mixed) for item in self.items if not item.is_quote),
                        key=lambda c: (c.span.start, c.span.end))
        return Extraction(quotes=tuple(quotes), claims=tuple(claims),
                          speakers=builder.speakers())

    def mixed_into_claims(self) -> None:
        """A mixed quote with no speaker of its own takes the claim around it."""
        # Claims by start, each with its place in self.items: the first cut claim wins.
        claims = sorted((i.start, order, i) for order, i in enumerate(self.items)
                        if not i.is_quote)
        starts = [start for start, _, _ in claims]
        for item in self.items:
            if not item.is_quote or item.kind is not QuoteKind.MIXED:
                continue
            paragraph, _ = self.doc.paragraph_at(item.start)
            holding = None
            # Claims never cross a paragraph: look back only to the quote's paragraph start.
            for k in range(bisect.bisect_right(starts, item.start) - 1, -1, -1):
                start, order, claim = claims[k]
                if start < paragraph:
                    break
                if item.end <= claim.end + 1 and (holding is None or order < holding[0]):
                    holding = (order, claim)
            if holding is not None:
                claim = holding[1]
                item.hit = claim.hit if claim.hit is not None else item.hit
                item.mention = claim.mention


class _Builder:
    """Turns assembled items into the public, original-offset result types."""

    def __init__(self, document: Document, quotes: QuoteIndex,
                 genders: dict[int, Gender | None]) -> None:
        self.view = document.view
        self.quotes = quotes
        self.genders = genders
        self._speakers: dict[int, Speaker] = {}
        self._order: list[Entity] = []

    def speaker(self, entity: Entity | None) -> Speaker | None:
        """One `Speaker` per entity, numbered in order of first use."""
        if entity is None:
            return None
        if id(entity) not in self._speakers:
            self._speakers[id(entity)] = entity.to_speaker(self.genders.get(id(entity)))
            self._order.append(entity)
        return self._speakers[id(entity)]

    def speakers(self) -> tuple[Speaker, ...]:
        """Every speaker used, in order of first mention."""
        return tuple(self._speakers[id(e)] for e in self._order)

    def _text(self, part: tuple[int, int] | None) -> str | None:
        return None if part is None else self.view.text_of(*part)

    def _cue(self, hit: CueHit) -> Cue:
        span = self.view.span(hit.start, hit.end)
        return Cue(text=self.view.original[span.start : span.end], span=span,
                   lemma=hit.form.lemma, category=hit.form.category, negated=hit.negated)

    def attribution(self, item: _Item) -> Attribution | None:
        """Speaker, cue, mention, channel and secondary source of an item."""
        hit = item.hit
        if item.entity is None and hit is None:
            return None
        written = item.written
        via = item.via or (hit.via if hit is not None else None)
        return Attribution(
            speaker=self.speaker(item.entity),
            mention=None if written is None else self.view.span(
                *(written.name or (written.start, written.end))),
            cue=None if hit is None else self._cue(hit),
            confidence=item.confidence,
            source=None if via is None else self._text(via.name or (via.start, via.end)),
            channel=None if hit is None else self._text(hit.channel),
        )

    def quote(self, item: _Item) -> Quote:
        """The public `Quote` of a quote item."""
        span = self.view.span(item.start, item.end)
        candidate = self.quotes.quotes[item.quote] if item.quote is not None else None
        return Quote(text=self.view.original[span.start : span.end], span=span, kind=item.kind,
                     attribution=self.attribution(item),
                     continued=bool(candidate and candidate.continues))

    def claim(self, item: _Item, mixed: Sequence[Quote]) -> Claim:
        """The public `Claim` of a claim item, with the mixed quotes inside it."""
        span = self.view.span(item.start, item.end)
        inside = []
        for k in range(bisect.bisect_left(mixed, span.start, key=lambda q: q.span.start),
                       len(mixed)):  # mixed quotes are in text order
            if mixed[k].span.start >= span.end:
                break
            if mixed[k].span.end <= span.end:
                inside.append(mixed[k])
        return Claim(text=self.view.original[span.start : span.end], span=span,
                     attribution=self.attribution(item), quotes=tuple(inside))


def attribute(document: Document, lexicon: Lexicon, quotes: QuoteIndex,
              hits: Sequence[CueHit], headlines: Sequence[Headline], *,
              persons: Sequence[Mention] = ()) -> Extraction:
    """Everything found in one article (see module docstring)."""
    worker = _Attributor(document, lexicon, quotes, hits, headlines)
    uses = [read_source(document, h, lexicon, worker.by_start) for h in worker.sources]
    worker.register(uses, persons)
    worker.cut_claims(uses)
    worker.link_quotes()
    worker.mixed_into_claims()
    worker.resolve()
    return worker.build()
