"""Find speech cues, their subjects and what they introduce.

One pass of the lexicon's cue pattern finds every candidate cue. Each is then read in its
sentence:

* its subject: the phrase after a verb (VSO, the usual news order), or the phrase that opens
  the sentence or follows كان before it (SVO: بيسكوف قال، وكان زيلينسكي قال), a pronoun
  (لكنه أكد), or nothing (pro-drop: وأضاف);
* its complement, which must fit one of the verb's frames, or the cue is dropped: a colon or
  quotation (قال: "...")، a complementizer (أكد أن)، a governed preposition (أشار إلى)، or a
  noun-phrase object (نفى وجود خطط);
* the channel or audience written between them (للصحفيين، في تغريدة على تويتر).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import regex

from arquotes.document import Document, Token
from arquotes.lexicon import CueForm, Lexicon, token_variants
from arquotes.mentions import Mention, MentionKind, core, read_mention
from arquotes.model import CueCategory
from arquotes.patterns import QUESTION_END, Patterns, question_pattern
from arquotes.quotes import QuoteCandidate

__all__ = ["Complement", "CueHit", "QuoteIndex", "find_cues"]

_WINDOW = 45
_BARE_COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "فان"})
"""Complementizers with no pronoun fused to them (folded)."""
_NESTED_PER_SENTENCE = 4
"""Nested reports one sentence may hold (قال إن X يرى أن ...، وإن Y يعتقد أن ...)."""
_EMBEDDED_WORDS = 6
"""Words a subject may span between a complementizer and a cue (إن وزارة الصحة أعلنت)."""
_ADDRESSEE_WORDS = 3
"""Words an addressee may span between a cue and its attached preposition (مطالبا X بـ)."""
_COMMAS = frozenset("،,")
_PARENTHESIS_WORDS = 8
"""Tokens a speaker written in parentheses may span: أعلنت (قوات الدعم السريع)."""
_SPACES = regex.compile(r"\s+")


class Complement:
    """Where the reported content of a cue starts, and how it is introduced.

    A plain class (a native class when compiled), never changed once made.
    """

    __slots__ = ("frame", "quote", "start")

    frame: str
    """"quote", "that", "on" or "np" (see data/cues.toml), or "colon": unquoted words after
    a colon, to the sentence end (قال المدرب: نحن جاهزون)."""
    start: int
    quote: int | None
    """Index of the quote candidate when the complement is a quotation."""

    def __init__(self, *, frame: str, start: int, quote: int | None = None) -> None:
        """The content introduced by ``frame`` from ``start``."""
        self.frame = frame
        self.start = start
        self.quote = quote

    def __repr__(self) -> str:
        """As attrs would write it."""
        return f"Complement(frame={self.frame!r}, start={self.start!r}, quote={self.quote!r})"


class CueHit:
    """A cue in the folded text with what was read around it.

    A plain class (a native class when compiled); never changed once shared, a changed hit
    is a `copy`.
    """

    __slots__ = ("channel", "clitic", "complement", "embedded", "end", "form", "inside_quote",
                 "negated", "passive", "pronoun", "relative", "start", "subject", "tail", "via")

    start: int
    end: int
    form: CueForm
    negated: bool
    inside_quote: bool
    subject: Mention | None
    pronoun: bool
    complement: Complement | None
    channel: tuple[int, int] | None
    clitic: bool
    """Written with a conjunction clitic (وقال، فأكد): it opens a coordinated clause."""
    tail: int
    """For a source phrase, the end of the verb that belongs to it (حسبما نقلته); -1 if none."""
    passive: bool
    """A past verb written with a damma on its first letter (أُعلن أن): nobody is named."""
    via: Mention | None
    """The secondary source when the verb relays another speaker (نقلت وكالة رويترز عن ...)."""
    relative: bool
    """An object pronoun after the relative ما: وهو ما ينفيه الكرملين (the content is before)."""
    embedded: bool
    """The cue sits inside a reported clause, its subject after the complementizer (قال إن
    الحكومة ترى أن ...): a nested report, whose speaker does not take over the discourse."""

    def __init__(self, *, start: int, end: int, form: CueForm, negated: bool = False,
                 inside_quote: bool = False, subject: Mention | None = None,
                 pronoun: bool = False, complement: Complement | None = None,
                 channel: tuple[int, int] | None = None, clitic: bool = False, tail: int = -1,
                 passive: bool = False, via: Mention | None = None, relative: bool = False,
                 embedded: bool = False) -> None:
        """The cue ``form`` at ``[start, end)`` and what was read around it."""
        self.start = start
        self.end = end
        self.form = form
        self.negated = negated
        self.inside_quote = inside_quote
        self.subject = subject
        self.pronoun = pronoun
        self.complement = complement
        self.channel = channel
        self.clitic = clitic
        self.tail = tail
        self.passive = passive
        self.via = via
        self.relative = relative
        self.embedded = embedded

    def copy(self) -> CueHit:
        """A new hit with the same fields, to change before it is shared."""
        return CueHit(start=self.start, end=self.end, form=self.form, negated=self.negated,
                      inside_quote=self.inside_quote, subject=self.subject,
                      pronoun=self.pronoun, complement=self.complement, channel=self.channel,
                      clitic=self.clitic, tail=self.tail, passive=self.passive, via=self.via,
                      relative=self.relative, embedded=self.embedded)

    def __repr__(self) -> str:
        """As attrs would write it."""
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _HIT_FIELDS)
        return f"CueHit({fields})"


_HIT_FIELDS = ("start", "end", "form", "negated", "inside_quote", "subject", "pronoun",
               "complement", "channel", "clitic", "tail", "passive", "via", "relative",
               "embedded")


class QuoteIndex:
    """Quote candidates by position, with the ones that are names set apart."""

    def __init__(self, quotes: Sequence[QuoteCandidate], names: frozenset[int]) -> None:
        """Index ``quotes``; ``names`` holds the indexes of quoted names."""
        self.quotes = quotes
        self.names = names
        self.by_open = {q.open: i for i, q in enumerate(quotes)}
        self.by_close = {q.close: i for i, q in enumerate(quotes) if q.close is not None}
        self._opens = [q.open for q in quotes]

    def closing(self, index: int) -> int:
        """Offset just past the quote's closing mark (or its content end if unclosed)."""
        quote = self.quotes[index]
        return quote.close + 1 if quote.close is not None else quote.end

    def opening_between(self, start: int, end: int) -> list[tuple[int, QuoteCandidate]]:
        """Non-name quotes whose opening mark lies in ``[start, end)``, as (index, quote)."""
        first = bisect.bisect_left(self._opens, start)
        last = bisect.bisect_left(self._opens, end)
        return [(i, self.quotes[i]) for i in range(first, last) if i not in self.names]

    def containing(self, pos: int) -> int | None:
        """Index of the non-name quote whose marks enclose ``pos``."""
        i = bisect.bisect_right(self._opens, pos) - 1
        while i >= 0:
            if i not in self.names and self.quotes[i].open < pos < self.closing(i):
                return i
            if self.quotes[i].close is not None and self.closing(i) <= pos:
                return None
            i -= 1
        return None


class _CueReader:
    """Reads subject, complement and channel of each cue (see module docstring)."""

    def __init__(self, document: Document, lexicon: Lexicon, quotes: QuoteIndex,
                 cue_starts: frozenset[int], persons: Mapping[int, Mention], *,
                 nouns: frozenset[int] = frozenset()) -> None:
        """Read cues of ``document``; ``cue_starts`` are cues that end a complement search.

        ``persons`` are the person mentions the article-wide scan read, by start: a subject
        starting where one does is that mention, read once.
        """
        self.doc = document
        self.lex = lexicon
        self.quotes = quotes
        self.cue_starts = cue_starts
        self.persons = persons
        self.nouns = nouns
        """Starts of verbal nouns of speech: an object may begin with one (رفض ادعاء X أن)."""

    def is_cue(self, token: Token) -> bool:
        return token.start in self.cue_starts

    def subject_after(self, form: CueForm, tokens: list[Token]) -> Mention | None:
        if form.kind not in ("verb", "noun") or not tokens:
            return None
        first = tokens[0]
        if first.is_word and self.is_cue(first):
            return None
        if first.text == "(":
            # A subject in parentheses: أعلنت (قوات الدعم السريع) ...
            inner = tokens[1:]
            close = next((k for k, t in enumerate(inner[:_PARENTHESIS_WORDS])
                          if t.text == ")"), None)
            if not close:
                return None
            return read_mention(self.doc, inner[:close], self.lex, bare_names=False)
        if not first.is_word:
            # A quoted name as subject: أكد "صندوق النقد الدولي"، ...
            index = self.quotes.by_open.get(first.start)
            if index is None or index not in self.quotes.names:
                return None
            quote = self.quotes.quotes[index]
            inner = self.doc.tokens(quote.start, quote.end, 8)
            mention = read_mention(self.doc, inner, self.lex, bare_names=True)
            if mention is None:
                return None
            # A person's name in marks stays a person (قالت "سلمى حداد")، anything else names
            # a body (أكد "صندوق النقد الدولي").
            kind = MentionKind.PERSON if mention.kind is MentionKind.PERSON and not (
                mention.bare) else MentionKind.BODY
            quoted = mention.copy()
            quoted.kind, quoted.name, quoted.role = kind, (quote.start, quote.end), None
            quoted.bare = False
            return quoted
        known = self.persons.get(first.start)
        if known is not None and not any(
                t.text in form.preps for t in tokens if t.start < known.end):
            return known  # read by the mention scan, and no preposition of the verb inside
        return read_mention(self.doc, tokens, self.lex, stop_words=form.preps,
                            object_verb=form.takes_object or "np" in form.frames)

    def subject_before(self, start: int) -> tuple[Mention | None, bool]:
        """SVO subject of the verb at ``start``, and whether it is a bare pronoun."""
        tokens = self.doc.tokens_before(self.doc.sentence_start(start), start, 40)
        while tokens and tokens[-1].text in self.lex.auxiliaries:
            tokens.pop()
        if not tokens:
            return None, False
        if tokens[-1].text in self.lex.pronoun_subjects:
            return None, True
        return self._after_kana(tokens, start) or self.after_complementizer(
            tokens) or self._sentence_opener(tokens, start), False

    def antecedent(self, match: _Match, complement: Complement) -> Mention | None:
        """الدراسة الحديثة، التي أكدت أن ...: the noun phrase a relative cue stands after.

        Only with a bare complementizer, after the cue or a time word: in الخطة التي قال إنها
        the pronoun of إنها is the antecedent, and someone else said it. The phrase is its
        last definite words, up to three, before the relative pronoun and an optional comma.
        """
        previous = match.previous
        if previous is None or not any(
                v in self.lex.relative_pronouns for v in token_variants(previous.text)):
            return None
        word = self.doc.tokens_before(max(0, complement.start - 8), complement.start, 1)
        if not word or word[0].text not in _BARE_COMPLEMENTIZERS:
            return None
        between = self.doc.tokens(match.end, word[0].start, _ADDRESSEE_WORDS + 1)
        if len(between) > _ADDRESSEE_WORDS or any(t.text not in self.lex.stops for t in between):
            return None  # الوقت الذي قال فيه X إن: the subject is after فيه, not الوقت
        before = self.doc.tokens_before(self.doc.sentence_start(previous.start),
                                        previous.start, _ADDRESSEE_WORDS + 1)
        if before and before[-1].text in _COMMAS:
            before.pop()
        k = len(before)
        while k > 0 and len(before) - k < _ADDRESSEE_WORDS and before[k - 1].text.startswith(
                ("ال", "وال")):
            k -= 1
        phrase = before[k:]
        if not phrase:
            return None
        found = read_mention(self.doc, phrase, self.lex, bare_names=False)
        if found is not None and found.end == phrase[-1].end:
            return found
        return Mention(start=phrase[0].start, end=phrase[-1].end, kind=MentionKind.UNNAMED,
                       role=(phrase[0].start, phrase[-1].end), feminine=match.form.feminine)

    def follows_complementizer(self, pos: int) -> bool:
        """The word before ``pos`` in its sentence is a complementizer (قال إن |الحكومة)."""
        before = self.doc.tokens_before(self.doc.sentence_start(pos), pos, 1)
        return bool(before) and before[-1].text in self.lex.complementizers

    def after_complementizer(self, tokens: list[Token]) -> Mention | None:
        """قال إن الحكومة ترى أن ...: the subject between a complementizer and the verb.

        The phrase must run from the complementizer to the verb; only the last few tokens
        before the verb are looked at. A definite noun phrase no list knows is a described
        group there (إن المحتجين طالبوا): nothing else stands before the verb.
        """
        for k in range(len(tokens) - 1, max(-1, len(tokens) - _EMBEDDED_WORDS - 2), -1):
            if not tokens[k].is_word:
                return None
            if tokens[k].text in self.lex.complementizers:
                rest = tokens[k + 1 :]
                if not rest:
                    return None
                mention = read_mention(self.doc, rest, self.lex, bare_names=True)
                if mention is not None:
                    return mention if mention.end == tokens[-1].end else None
                if len(rest) <= _ADDRESSEE_WORDS and all(
                        t.text.startswith(("ال", "وال")) and not self.lex.ends_phrase(t.text)
                        for t in rest):
                    return Mention(start=rest[0].start, end=rest[-1].end,
                                   kind=MentionKind.UNNAMED, role=(rest[0].start, rest[-1].end))
                return None
        return None

    def _after_kana(self, tokens: list[Token], start: int) -> Mention | None:
        """وكان X قال: the subject sits between كان and the verb."""
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k].text in self.lex.auxiliaries and tokens[k].text.endswith(("كان", "كانت")):
                mention = read_mention(self.doc, tokens[k + 1 :], self.lex)
                return mention if mention and self._reaches(mention, tokens, start) else None
        return None

    def _sentence_opener(self, tokens: list[Token], start: int) -> Mention | None:
        """The phrase that opens the sentence before the verb.

        الشيخ أحمد، وخلال ...، أشار; a bare name is taken only when nothing else precedes the
        verb (زيلينسكي قال). After a verb the lexicon does not know, the phrase that follows
        it is its subject, and the cue's, when the cue comes right after it.
        """
        k = 0
        while k < len(tokens) and (tokens[k].text in self.lex.auxiliaries or not tokens[k].is_word):
            k += 1
        if k == len(tokens) - 1:
            mention = read_mention(self.doc, tokens[k:], self.lex, bare_names=True)
        else:
            mention = read_mention(self.doc, tokens[k:], self.lex, bare_names=False)
        if mention and self._reaches(mention, tokens, start):
            return mention
        # The subject of an unlisted verb, right before this cue: ورد المتحدث بالقول،
        # وعاد الوزير ليؤكد. Nothing may stand between it and the cue.
        if k + 1 < len(tokens) and tokens[k].is_word:
            mention = read_mention(self.doc, tokens[k + 1 :], self.lex, bare_names=False)
            if mention and mention.end == tokens[-1].end:
                return mention
        return None

    def relayed(self, form: CueForm, rest: list[Token]) -> Mention | None:
        """The speaker after the relay preposition that starts ``rest``.

        نقلت الوكالة عن مصدر حكومي -> مصدر حكومي; with no subject (نُقل عن الوزير) too.
        """
        if len(rest) < 2 or rest[0].text != form.relay:
            return None
        mention = read_mention(self.doc, rest[1:], self.lex, bare_names=False)
        if mention is not None:
            return mention
        # An unlisted name is the speaker when his saying follows: عن لافروف قوله
        mention = read_mention(self.doc, rest[1:], self.lex, bare_names=True)
        if mention is None:
            return None
        after = next((t.text for t in rest if t.start >= mention.end), None)
        return mention if after is not None and (
            after in self.lex.relay_sayings or after in self.lex.complementizers) else None

    def quote_before(self, start: int) -> Complement | None:
        """The quotation right before a cue that follows it: «...»، قال الوزير."""
        before = self.doc.tokens_before(self.doc.paragraph_at(start)[0], start, 2)
        while before and before[-1].text in "،,-–":
            before.pop()
        if not before:
            return None
        index = self.quotes.by_close.get(before[-1].start)
        if index is None or index in self.quotes.names:
            return None
        return Complement(frame="quote", start=self.quotes.quotes[index].open, quote=index)

    def opens_clause(self, start: int) -> bool:
        """The word at ``start`` begins its sentence or follows punctuation.

        A negation before it opens the clause in its place (ولم يستبعد، لا يتوقع).
        """
        before = self.doc.tokens_before(self.doc.sentence_start(start), start, 2)
        if before and before[-1].text in self.lex.negations:
            before.pop()
        return not before or not before[-1].is_word

    def _reaches(self, mention: Mention, tokens: list[Token], verb_start: int) -> bool:
        """The mention ends at the verb, or only a comma-closed adjunct lies between."""
        between = [t for t in tokens if mention.end <= t.start < verb_start]
        if not between:
            return True
        if between[0].text in _COMMAS and between[-1].text in _COMMAS:
            return not any(self.is_cue(t) for t in between)
        return False

    def complement(self, form: CueForm, tokens: list[Token], subject: Mention | None, *,
                   at_once: bool = False) -> tuple[Complement | None, tuple[int, int] | None]:
        """The complement of a cue, searched in its sentence, and the channel if written.

        With ``at_once`` a governed preposition must follow the subject at once: the cue word
        is also a preposition (عبر كوك عن حماسه, not عبر كامل التراب ... عن).
        """
        begin = 0
        if subject is not None:
            begin = next((i for i, t in enumerate(tokens) if t.start >= subject.end), len(tokens))
        if form.sayings:
            found = self.saying(form, tokens, begin)
            return found, None if found is None else self._channel(tokens, begin)
        found = self._that_or_quote(form, tokens, begin)
        if found is None and "quote" in form.frames:
            found = self._quote_in_next_paragraph(tokens[begin:])
        if found is None and "on" in form.frames and not form.immediate:
            found = self._preposition(form, tokens, begin, at_once=at_once)
        if found is None and "np" in form.frames and not form.immediate:
            found = self._object(tokens, begin)
        return found, None if found is None else self._channel(tokens, begin)

    def _that_or_quote(self, form: CueForm, tokens: list[Token], begin: int) -> Complement | None:
        """A quotation or complementizer before the sentence ends or another cue starts."""
        i = begin
        reach = begin + (2 if begin < len(tokens) and tokens[begin].text == ":" else 1)
        governed = False
        while i < len(tokens):
            if form.immediate and i >= reach:
                return None
            token = tokens[i]
            if not token.is_word:
                step = self._at_mark(form, tokens, i, governed=governed)
                if not isinstance(step, int):
                    return step
                i = step
                continue
            if self.is_cue(token) and not self._on_the_subject(tokens, begin, i):
                return None
            if "on" in form.frames and token.text in form.preps:
                # أعلن الجيش، اليوم، عن إحباط ... 'إرهابيين': with the governed preposition
                # first, a later quotation is inside the content, not the cue's quotation.
                governed = True
            elif "that" in form.frames and (found := self._complementizer(token)) and not (
                    i > begin and tokens[i - 1].text in self.lex.governors):
                return found  # not رغم أن، بعد أن: a complementizer governed by a conjunction
            i += 1
        return None

    def _on_the_subject(self, tokens: list[Token], begin: int, i: int) -> bool:
        """The cue at ``i`` opens a relative clause on the subject, right after it.

        قال لولا، الذي وصف المؤتمر بـ"...", إن ...: the relative (after a comma or not) stands
        where the subject ends, so the outer cue's complement is still ahead. A relative
        later on (عدم صحة التقارير، التي تزعم أن) hangs on the object, and stops the search.
        """
        relative = i - 1
        return relative >= begin and tokens[relative].text in self.lex.relative_pronouns and (
            relative == begin or (relative == begin + 1 and tokens[begin].text in "،,"))

    def _at_mark(self, form: CueForm, tokens: list[Token], i: int, *,
                 governed: bool) -> Complement | int | None:
        """At a non-word token of `_that_or_quote`: its result, or the index to go on from.

        A quoted name is stepped over; a quotation is the complement unless the cue's own
        preposition came first (``governed``); a sentence end ends the search; a colon with
        speech after it is the complement.
        """
        token = tokens[i]
        index = self.quotes.by_open.get(token.start)
        if index is not None and index in self.quotes.names:
            return self._skip_quote(tokens, i, index)
        if index is not None:
            quoted = "quote" in form.frames and not governed
            return Complement(frame="quote", start=token.start, quote=index) if quoted else None
        if token.text in ".!?؟":
            return None
        if token.text == ":" and "quote" in form.frames and self._speech_after(tokens, i + 1):
            return Complement(frame="colon", start=token.end)
        return i + 1

    def _complementizer(self, token: Token) -> Complement | None:
        """The clause a complementizer opens: after أن، بأنه; at ألا, which stays in it."""
        if token.text in self.lex.complementizers:
            return Complement(frame="that", start=token.end)
        if token.text in self.lex.kept_complementizers and (
                not self.doc.view.text_of(token.start, token.end).startswith("إ")):
            # ألا "that not" and إلا "except" fold alike; the hamza tells them apart.
            return Complement(frame="that", start=token.start)
        return None

    def saying(self, form: CueForm, tokens: list[Token], begin: int) -> Complement | None:
        """جدد تأكيده أن ...، أعاد التأكيد على ...: the content after a verbal noun of speech.

        Any other object (جدد التزامه، أعاد بناء) makes the verb no cue.
        """
        first = self._object(tokens, begin, form.sayings)  # تأكيده is also a listed stop
        if first is None or first.quote is not None:
            return None
        i = next(k for k, t in enumerate(tokens) if t.start == first.start)
        if tokens[i].text not in form.sayings:
            return None
        if i + 2 < len(tokens) and tokens[i + 1].text in _COMMAS:
            i += 1  # جدد الوزير التأكيد، أن ...
        if i + 1 >= len(tokens) or not tokens[i + 1].is_word:
            return None
        # The verbal noun's own subject or object may stand before its preposition:
        # جدد تأكيد موريتانيا على ...، جدد دعوته الأطراف إلى ...
        for k in range(i + 1, min(len(tokens), i + 1 + _ADDRESSEE_WORDS)):
            if not tokens[k].is_word or self.is_cue(tokens[k]):
                break
            if tokens[k].text in self.lex.prepositions or self.lex.is_complementizer(
                    tokens[k].text):
                i = k - 1
                break
        after = tokens[i + 1]
        if self.lex.is_complementizer(after.text):
            return Complement(frame="that", start=after.end if after.text in (
                self.lex.complementizers) else after.start)
        if after.text in self.lex.prepositions and i + 2 < len(tokens):
            return Complement(frame="on", start=tokens[i + 2].start)
        return Complement(frame="np", start=after.start)

    def _speech_after(self, tokens: list[Token], i: int) -> bool:
        """Unquoted words start at ``tokens[i]``, after a colon (قال: نحن جاهزون).

        Not a quotation mark, a complementizer (قال: إن ...), a number (10:30) or a cue.
        """
        if i >= len(tokens) or not tokens[i].is_word or not tokens[i].text[0].isalpha():
            return False
        text = tokens[i].text
        return not (self.lex.is_complementizer(text) or self.is_cue(tokens[i]))

    def _quote_in_next_paragraph(self, rest: list[Token]) -> Complement | None:
        """وقال الوزير: at a paragraph's end, with the quotation opening the next paragraph."""
        if len(rest) != 1 or rest[0].text != ":":
            return None
        doc = self.doc
        index = doc.paragraph_index(rest[0].start)
        _, p_end = doc.paragraphs[index]
        if doc.text[rest[0].end : p_end].strip():
            return None  # the window stopped before the paragraph's end
        for start, end in doc.paragraphs[index + 1 :]:
            first = doc.tokens(start, end, 1)
            if not first:
                continue  # an empty paragraph between them
            quote = self.quotes.by_open.get(first[0].start)
            if quote is None or quote in self.quotes.names:
                return None
            return Complement(frame="quote", start=first[0].start, quote=quote)
        return None

    def _skip_quote(self, tokens: list[Token], i: int, index: int) -> int:
        end = self.quotes.closing(index)
        while i < len(tokens) and tokens[i].start < end:
            i += 1
        return i

    def _preposition(self, form: CueForm, tokens: list[Token], begin: int, *,
                     at_once: bool = False) -> Complement | None:
        addressed = 0  # words of an addressee before an attached preposition (مطالبا X بـ)
        if "np" in form.frames:
            # A verb that also takes an object (أكد) governs the preposition only right after
            # its subject and adjuncts; a later one belongs to the object (تلقيه ... على دعم).
            first = self._object(tokens, begin, form.preps)
            if first is None or first.quote is not None:
                return None
            begin = next(i for i, t in enumerate(tokens) if t.start == first.start)
            reach = begin + 1
        else:
            reach = begin + (1 if at_once else 25)
            addressed = _ADDRESSEE_WORDS if form.addressee else 0
        for i in range(begin, min(len(tokens), reach)):
            token = tokens[i]
            if self.is_cue(token) or token.text in ".!?؟":
                return None
            if token.text in form.preps:
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt is None:
                    return None
                if nxt.text in self.lex.complementizers:
                    return Complement(frame="that", start=nxt.end)
                return Complement(frame="on", start=nxt.start)
            attached = token.text[0] if len(token.text) > 3 else ""
            if attached and attached in form.preps and (
                    i == begin or "np" in form.frames or self._addressed(tokens, begin, i,
                                                                         addressed)):
                return Complement(frame="on", start=token.start)
        return None

    def _addressed(self, tokens: list[Token], begin: int, i: int, words: int) -> bool:
        """``tokens[begin:i]`` is an addressee of at most ``words`` words: مطالبا الوزراء بـ.

        It is definite or the pronoun إيا-: after an indefinite word (مطالبات نيابية بـ)
        the cue form is a noun with its adjective.
        """
        return 0 < i - begin <= words and tokens[begin].text.startswith(("ال", "ايا")) and all(
            t.is_word and not self.is_cue(t) and t.text not in self.lex.prepositions
            for t in tokens[begin:i])

    def _object(self, tokens: list[Token], begin: int,
                governed: frozenset[str] = frozenset()) -> Complement | None:
        """The first word after the subject and its adjuncts, or a ``governed`` preposition.

        A preposition the verb governs is no adjunct to step over: أعلن X، يوم الخميس، عن.
        """
        i = begin
        while i < len(tokens):
            token = tokens[i]
            text = token.text
            if text in _COMMAS:
                i += 1
                continue
            if text in governed:
                return Complement(frame="np", start=token.start)
            adjunct = self._adjunct_word(text) or (
                i > begin and tokens[i - 1].text in _COMMAS and (
                    text in self.lex.roles or text in self.lex.honorifics))
            if adjunct:
                i = self._past_comma(tokens, i)
                continue
            if not token.is_word:
                index = self.quotes.by_open.get(token.start)
                if index is not None and index not in self.quotes.names:
                    return Complement(frame="np", start=token.start, quote=index)
                return None
            if self.is_cue(token) and token.start not in self.nouns:
                return None
            return Complement(frame="np", start=token.start)
        return None

    def _adjunct_word(self, text: str) -> bool:
        """Time, place, audience or preposition words that an object search steps over."""
        return text in self.lex.stops or text in self.lex.audiences or text in self.lex.soft_stops

    def blocks(self, token: Token) -> bool:
        """A cue right after another leaves it nothing to introduce.

        No subject or complement starts at a cue, and none is searched past one, unless the
        word is also an adjunct the object search steps over (قائلا).
        """
        return token.is_word and self.is_cue(token) and not self._adjunct_word(token.text)

    def _past_comma(self, tokens: list[Token], i: int) -> int:
        for k in range(i + 1, min(len(tokens), i + 9)):
            if tokens[k].text in _COMMAS:
                return k + 1
            if tokens[k].text in ".!?؟:" or self.is_cue(tokens[k]):
                break
        return i + 1

    def _channel(self, tokens: list[Token], begin: int) -> tuple[int, int] | None:
        for i in range(begin, min(len(tokens), begin + 8)):
            token = tokens[i]
            starts = token.text in self.lex.audiences or (
                token.text in self.lex.soft_stops and i + 1 < len(tokens)
                and self.lex.occasions.possessed(tokens[i + 1].text)
            )
            if starts:
                return tokens[i].start, tokens[self._channel_end(tokens, i) - 1].end
            if not token.is_word and token.text not in _COMMAS:
                return None
        return None


    def _channel_end(self, tokens: list[Token], i: int) -> int:
        """End of a channel phrase: its words and any quoted name in it (لـ"بي بي سي")."""
        end = i + 1
        while end < len(tokens) and end - i < 9:
            token = tokens[end]
            index = self.quotes.by_open.get(token.start)
            if index is not None and index in self.quotes.names:
                end = self._skip_quote(tokens, end, index)
                continue
            if not token.is_word or token.text in self.lex.complementizers or self.is_cue(
                    token) or token.text in self.lex.stops:
                break
            end += 1
        return end


def _used_as_another_word(document: Document, match: _Match, lexicon: Lexicon) -> bool:
    """A cue word read as an adverb, preposition or noun: it ends no other cue's clause.

    وأكد الرئيس مجددا أن ...: a participle that takes no clause, right before a
    complementizer, is "again", not "renewing" (مجددا دعوته). وقال الرئيس عقب لقائه إن ...:
    a cue that is also a listed preposition (عقب، إثر), inside a clause and without a
    conjunction, is the preposition.
    """
    form, previous = match.form, match.previous
    if previous is not None and previous.text in lexicon.nominalizers:
        return True  # طلب عدم ذكر اسمه: a verbal noun
    if not match.clitic and document.text[match.start : match.end] in lexicon.stops and (
            (previous is not None and previous.is_word) or (
                form.kind == "verb" and "on" in form.frames)):
        return True  # after punctuation too when it governs a preposition: ، عبر قناة
    if form.kind != "participle" or "that" in form.frames:
        return False
    after = document.tokens(match.end, match.end + 40, 1)
    return bool(after) and lexicon.is_complementizer(after[0].text)


def _object_from_subject(
    tokens: list[Token], subject: Mention
) -> tuple[Mention | None, Complement | None]:
    """Give the last word of a long body or role phrase back to the verb as its object."""
    inside = [t for t in tokens if subject.start <= t.start < subject.end]
    if len(inside) < 3 or subject.kind not in (MentionKind.BODY, MentionKind.ROLE) or (
            subject.role is not None and subject.name is not None):
        return subject, None
    return _cut(subject, inside, len(inside) - 1), Complement(frame="np", start=inside[-1].start)


def _preposition_from_subject(
    tokens: list[Token], subject: Mention, form: CueForm, lexicon: Lexicon
) -> tuple[Mention | None, Complement | None]:
    """Give back a governed preposition the subject phrase swallowed.

    وطالب الرئيس بالإفراج، وهدد الوزير بفرض: a role or name phrase reads on through a word
    with an attached preposition (المتحدث باسم); when the verb governs that preposition and
    found no complement, the last such word starts it.
    """
    inside = [t for t in tokens if subject.start <= t.start < subject.end]
    for k in range(len(inside) - 1, -1, -1):
        text = inside[k].text
        if len(text) > 3 and text[0] in form.preps and text not in lexicon.role_links:
            if k == 0:
                # An unlisted word read as a name is the complement itself: وكانت موسكو
                # طالبت بضمانات، إن المحتجين طالبوا بإقالة المحافظ. The subject, if any,
                # stands before the verb.
                if not subject.bare and (subject.kind is not MentionKind.PERSON or any(
                        v in lexicon.given_words for v in token_variants(text))):
                    break
                return None, Complement(frame="on", start=inside[0].start)
            return _cut(subject, inside, k), Complement(frame="on", start=inside[k].start)
    return subject, None


def _addressee_from_subject(tokens: list[Token], subject: Mention, complement: Complement,
                            lexicon: Lexicon) -> Mention:
    """End the subject before the addressee it swallowed (حثت الوزيرة الطلاب على ...).

    The complement must start right after the subject phrase. The addressee is a definite
    noun that is no nisba adjective, after a definite word or after the name: what follows
    an indefinite head (مدير المستشفى) is its genitive, and a listed role, body or place
    phrase (الأمين العام، البيت الأبيض) at the head is read whole.
    """
    inside = [t for t in tokens if subject.start <= t.start < subject.end]
    after = next((t for t in tokens if t.start >= subject.end), None)
    if len(inside) < 2 or after is None or not (
            after.start == complement.start or after.end <= complement.start <= after.end + 1):
        return subject
    texts = [t.text for t in inside]
    first = max(1, *(words.phrase_at(texts, 0) for words in (
        lexicon.roles, lexicon.body_names, lexicon.places, lexicon.body_heads,
        lexicon.unnamed_heads)))
    if subject.name is not None and subject.kind is MentionKind.PERSON:
        first = max(first, sum(1 for t in inside if t.start < subject.name[1]))
    for k in range(first, len(inside)):
        text, previous = texts[k], texts[k - 1]
        definite = text.startswith(("ال", "وال"))
        follows_whole = previous.startswith("ال") or (
            subject.name is not None and inside[k - 1].end == subject.name[1])
        if definite and follows_whole and not text.endswith(("ي", "يه")) and (
                text not in lexicon.roles and text not in lexicon.places):
            return _cut(subject, inside, k)
    return subject


def _saying_from_subject(reader: _CueReader, form: CueForm, tokens: list[Token],
                         subject: Mention) -> tuple[Mention | None, Complement | None]:
    """Give back the verbal noun of speech a subject phrase swallowed (أعادت الوزيرة التأكيد)."""
    inside = [t for t in tokens if subject.start <= t.start < subject.end]
    for k in range(1, len(inside)):
        if inside[k].text in form.sayings:
            begin = tokens.index(inside[k])
            return _cut(subject, inside, k), reader.saying(form, tokens, begin)
    return subject, None


def _cut(subject: Mention, inside: list[Token], k: int) -> Mention:
    """``subject`` ending before its token ``inside[k]``."""
    end = inside[k - 1].end
    cut = subject.copy()
    cut.end = end
    cut.name = (subject.name[0], min(subject.name[1], end)) if subject.name else None
    cut.role = (subject.role[0], min(subject.role[1], end)) if subject.role else None
    return cut


def _object_marked(document: Document, mention: Mention, form: CueForm) -> bool:
    """The token after ``mention`` carries the verb's object marker (اتهم X بـ...)."""
    if not form.object_marker:
        return False
    after = document.tokens(mention.end, mention.end + 40, 1)
    return bool(after) and after[0].text.startswith(form.object_marker) and len(after[0].text) > 3


_DAMMA = "\u064f"


def _passive(document: Document, match: _Match) -> bool:
    """أُعلن، وأُكد: a past form whose first letter carries a damma is passive."""
    if not match.form.past:
        return False
    written = document.view.text_of(match.start, match.end)
    first = 1 if match.clitic else 0
    return len(written) > first + 1 and written[first + 1] == _DAMMA


def _negated(match: _Match, lexicon: Lexicon) -> bool:
    return match.previous is not None and match.previous.text in lexicon.negations


class _Match(NamedTuple):
    """One match of the cue pattern."""

    start: int
    end: int
    form: CueForm
    clitic: bool
    with_object: bool
    previous: Token | None
    """The token right before the match (within 12 characters), read once for every check."""


def _matches(document: Document, patterns: Patterns, lexicon: Lexicon) -> list[_Match]:
    found = []
    for match in patterns.cues(document.text, reads_alike=document.reads_alike,
                               tokens=document.token_words):
        spelled = match.group("form")  # a form of several words has any spaces between them
        form = lexicon.cues.get(spelled if spelled.isalnum() else _SPACES.sub(" ", spelled))
        with_object = bool(match.group("object"))
        if form is None or (with_object and not form.takes_object):
            continue
        start = match.start()
        before = document.tokens_before(max(0, start - 12), start, 1)
        found.append(_Match(start, match.end(), form, bool(match.group("clitic")), with_object,
                            before[-1] if before else None))
    return found


def _complement_somewhere(
    reader: _CueReader, match: _Match, tokens: list[Token], subject: Mention | None
) -> tuple[tuple[Complement, Mention | None] | None, tuple[int, int] | None]:
    """The complement of a cue, and the subject it leaves.

    The complement after the cue, else a quotation right before it («...»، قال), else an
    object the subject phrase swallowed (نفت وزارة الصحة الشائعات).
    """
    form = match.form
    at_once = not match.clitic and reader.doc.text[match.start : match.end] in reader.lex.stops
    complement, channel = reader.complement(form, tokens, subject, at_once=at_once)
    if form.sayings:
        if complement is None and subject is not None:
            subject, complement = _saying_from_subject(reader, form, tokens, subject)
        return (None if complement is None else (complement, subject)), channel
    if complement is None and "quote" in form.frames:
        complement = reader.quote_before(match.start)
    if complement is None and "np" in form.frames and subject is not None:
        subject, complement = _object_from_subject(tokens, subject)
    if complement is None and "on" in form.frames and subject is not None:
        subject, complement = _preposition_from_subject(tokens, subject, form, reader.lex)
    if complement is not None and subject is not None and form.addressee and (
            complement.frame in ("on", "that")):
        subject = _addressee_from_subject(tokens, subject, complement, reader.lex)
    return (None if complement is None else (complement, subject)), channel


def _read_verb(reader: _CueReader, match: _Match) -> CueHit | None:
    """A verb or participle cue with its subject and complement, or None if it takes none."""
    document, lexicon = reader.doc, reader.lex
    start, end, form = match.start, match.end, match.form
    inside = reader.quotes.containing(start) is not None
    previous = "" if match.previous is None else match.previous.text
    if _another_word_here(document, match, lexicon):
        return None
    if match.with_object and previous in lexicon.relatives:
        tokens = document.tokens(end, document.sentence_end(end), 12)
        return CueHit(start=start, end=end, form=form, relative=True, inside_quote=inside,
                      clitic=match.clitic, subject=reader.subject_after(form, tokens))
    limit = max(document.sentence_end(end), end)
    if _introduces_nothing(reader, match, document.tokens(end, limit, 1)):
        return None
    tokens = document.tokens(end, limit, _WINDOW)
    via, after_subject = _relay(reader, form, tokens, reader.subject_after(form, tokens))
    if (after_subject is None or after_subject.bare) and _describes(match, lexicon):
        return None  # الذين يعبرون عن رأيهم، التي تعبر عن: a description, not a report
    found, channel = _complement_somewhere(reader, match, tokens, after_subject)
    if found is None:
        return None  # before looking back for a subject: most candidate cues end here
    complement, subject = found  # a VSO subject may have given its last word back as object
    if _not_announced(match, lexicon, complement):
        return None
    complement, subject, pronoun = _subject_and_object(
        reader, match, complement, subject, after_subject)
    if subject is None and not pronoun and _unanchored(
            reader, match, complement, given_back=after_subject is not None):
        return None
    embedded = _nesting(reader, subject, match, complement)
    if embedded is None:
        return None
    return CueHit(start=start, end=end, form=form, negated=_negated(match, lexicon),
                  inside_quote=inside, clitic=match.clitic, subject=subject, pronoun=pronoun,
                  complement=complement, channel=channel, via=via,
                  passive=_passive(document, match), embedded=embedded)


def _subject_and_object(
    reader: _CueReader, match: _Match, complement: Complement, subject: Mention | None,
    after_subject: Mention | None,
) -> tuple[Complement, Mention | None, bool]:
    """The complement, the subject and whether it is a pronoun, looking before the verb.

    With no subject after the verb, the subject is written before it (SVO). An unlisted word
    before a noun-phrase object is the object itself (تعتبر القمة ... مهمة), and so is a
    phrase followed by the verb's object marker (وتتهم كييف بتعزيز ...): the subject is
    written before the verb or not at all.
    """
    pronoun = False
    if subject is None and match.form.kind == "verb":
        subject, pronoun = reader.subject_before(match.start)
    if subject is None and not pronoun and complement.frame == "that":
        subject = reader.antecedent(match, complement)
    if complement.frame == "np" and after_subject is not None and (
        after_subject.bare or _object_marked(reader.doc, after_subject, match.form)
    ):
        complement = Complement(frame="np", start=after_subject.start)
        subject, pronoun = reader.subject_before(match.start)
    return complement, subject, pronoun


def _unanchored(reader: _CueReader, match: _Match, complement: Complement, *,
                given_back: bool) -> bool:
    """A cue with no subject anywhere that must open a clause, and does not.

    A noun-phrase cue (معلومات تؤكد وجود), and one whose word after the verb was its
    complement (``given_back``: الحرب التي تهدد بحدوث), inside a clause describe.
    """
    return (complement.frame == "np" or given_back) and not (
        match.clitic or reader.opens_clause(match.start))


def _nesting(reader: _CueReader, subject: Mention | None, match: _Match,
             complement: Complement) -> bool | None:
    """Whether the cue reports inside a reported clause (قال إن X يرى أن), None to drop it.

    None when it does with a noun-phrase object: قال إن الحكومة رفضت العرض tells a deed
    inside the report, not a second report. A verbal noun of speech (قول المعارضة إن) is
    always nested, and needs its speaker written after it.
    """
    if match.form.kind == "noun":
        return True if subject is not None else None
    if subject is None or subject.start > match.start or not reader.follows_complementizer(
            subject.start):
        return False
    return None if complement.frame == "np" else True


def _relay(reader: _CueReader, form: CueForm, tokens: list[Token],
           after_subject: Mention | None) -> tuple[Mention | None, Mention | None]:
    """(secondary source, speaker) of a relaying verb: نقلت الوكالة عن X، the passive نقل عن X.

    ``after_subject`` is the subject read after the verb (VSO); with no relay it speaks.
    """
    if not form.relay:
        return None, after_subject
    rest = tokens if after_subject is None else [
        t for t in tokens if t.start >= after_subject.end]
    relayed = reader.relayed(form, rest)
    if relayed is None:
        return None, after_subject
    return after_subject, relayed


def _another_word_here(document: Document, match: _Match, lexicon: Lexicon) -> bool:
    """The cue form is a verbal noun or a preposition where it stands.

    بناء على مطالبة، مع تعهد الناتو، عدم ذكر: a verbal noun after a preposition or عدم.
    أعلن الجيش عبر بيان عن: a cue word that is also a listed preposition, inside a clause.
    """
    previous = match.previous
    text = "" if previous is None else previous.text
    if match.form.kind != "noun" and (text in lexicon.prepositions or text in lexicon.nominalizers):
        return True
    return not match.clitic and previous is not None and previous.is_word and (
        document.text[match.start : match.end] in lexicon.stops and "on" in match.form.frames)


def _not_announced(match: _Match, lexicon: Lexicon, complement: Complement) -> bool:
    """لم يكشف عن تفاصيل: a negated announcement with an object reports nothing."""
    return _negated(match, lexicon) and match.form.category is CueCategory.ANNOUNCEMENT and (
        complement.frame in ("on", "np"))


def _describes(match: _Match, lexicon: Lexicon) -> bool:
    """A cue with no clause or quotation frame right after a relative pronoun (التي تعبر عن)."""
    previous = "" if match.previous is None else match.previous.text
    return not ({"that", "quote"} & match.form.frames) and any(
        v in lexicon.relative_pronouns for v in token_variants(previous))


def _introduces_nothing(reader: _CueReader, match: _Match, head: list[Token]) -> bool:
    """A cue that cannot introduce speech, judged by the word right after it."""
    if not head:
        return False
    lexicon = reader.lex
    if head[0].text in lexicon.complementizers and not match.with_object and (
            match.form.form in lexicon.narrator_forms):
        return True  # ويذكر أن ...: "it is worth mentioning", the narrator speaking
    # Another cue follows at once: this one introduces nothing (قال أكد ...).
    return reader.blocks(head[0]) and reader.quote_before(match.start) is None


def _questions(document: Document, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Spans of questions put to a speaker: from سئل/سؤال to the next punctuation mark.

    Each part of the text is searched for an end once: an asking word inside the previous
    question extends nothing.
    """
    spans: list[tuple[int, int]] = []
    text = document.text
    for match in question_pattern(lexicon).finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue  # inside the question already found
        end = QUESTION_END.search(text, match.end())
        spans.append((match.end(), end.start() if end is not None else len(text)))
    return spans


def _asked(hit: CueHit, questions: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """A cue of the question itself: inside one, present tense, no subject, no conjunction.

    وعندما سئل إن كان يعتقد أن ...: يعتقد is what he was asked. A past verb, one with its
    own subject, a conjunction or a quotation answers (وعن سؤال حول ... قال: «...»).
    """
    k = bisect.bisect_right(starts, hit.start) - 1
    if k < 0 or hit.start >= questions[k][1]:
        return False
    complement = hit.complement
    return not (hit.form.past or hit.clitic or hit.subject is not None or (
        complement is not None and complement.frame == "quote"))


def find_cues(document: Document, patterns: Patterns, lexicon: Lexicon,
              quotes: QuoteIndex, persons: Sequence[Mention] = ()) -> list[CueHit]:
    """Every cue with a complement that fits its frames, in text order.

    ``persons`` are the article's person mentions (`mentions.find_mentions`), reused as the
    subjects they are.

    A verb right after a source phrase belongs to it (حسبما ذكرت قناة، حسبما نقلته وكالة):
    it extends the source hit instead of being a cue of its own.
    """
    matches = _matches(document, patterns, lexicon)
    source_verbs = {
        m.start for previous, m in itertools.pairwise(matches)
        if previous.form.kind == "source" and m.form.kind != "source"
        and not document.tokens(previous.end, m.start, 1)
    }
    stopping = frozenset(m.start for m in matches
                         if m.form.kind != "source" and m.start not in source_verbs
                         and not _used_as_another_word(document, m, lexicon))
    reader = _CueReader(document, lexicon, quotes, stopping, {m.start: m for m in persons},
                        nouns=frozenset(m.start for m in matches if m.form.kind == "noun"))
    hits: list[CueHit] = []
    for match in matches:
        if match.form.kind == "source":
            hits.append(CueHit(start=match.start, end=match.end, form=match.form,
                               clitic=match.clitic,
                               inside_quote=quotes.containing(match.start) is not None))
        elif match.start in source_verbs:
            hits[-1] = hits[-1].copy()
            hits[-1].tail = match.end
        elif hit := _read_verb(reader, match):
            hits.append(hit)
    questions = _questions(document, lexicon)
    if questions:
        starts = [start for start, _ in questions]
        hits = [hit for hit in hits if not _asked(hit, questions, starts)]
    return _nested_kept(document, _without_spoken_verbs(document, hits))


def _nested_kept(document: Document, hits: list[CueHit]) -> list[CueHit]:
    """Drop nested cues that speak with the reporter's voice or past the few a sentence holds.

    قال المتحدث باسم الأمم المتحدة إن الأمم المتحدة تعتبر ...: the spokesman's clause is one
    report, not two. The reporter is the latest cue with a subject before it. A run of
    nested reports with no sentence end is no news prose: past `_NESTED_PER_SENTENCE` of them
    in one sentence the rest are dropped, so their claims stay few.
    """
    kept: list[CueHit] = []
    outer: CueHit | None = None
    sentence, nested = -1, 0
    for hit in hits:
        subject = hit.subject
        if hit.embedded:
            start = document.sentence_start(hit.start)
            sentence, nested = start, (nested + 1 if start == sentence else 1)
            if nested > _NESTED_PER_SENTENCE:
                continue
        if hit.embedded and subject is not None and outer is not None and (
                outer.subject is not None and outer.start < subject.start):
            inner = {core(w) for w in document.text[subject.start : subject.end].split()}
            speaker = {core(w) for w in
                       document.text[outer.subject.start : outer.subject.end].split()}
            if inner <= speaker:
                continue
        kept.append(hit)
        if subject is not None and not hit.embedded:
            outer = hit
    return kept


def _without_spoken_verbs(document: Document, hits: list[CueHit]) -> list[CueHit]:
    """Drop the verbs of unquoted speech after a colon: they are the speaker's words.

    وقال المدرب: نحن جاهزون وأعتقد أن ...: أعتقد is the coach's own. A participle (موضحا)
    or a verb with its own subject is the narrator's again, and stays. وأضاف X قائلا: ...:
    the words after one colon belong to the first cue that reaches it. The speech ends at its
    sentence's end or at an ellipsis (..), after which the narrator goes on (وأضافت: ...
    وغيرها.. وأكدت). One pass: each hit is checked against the furthest end of speech seen
    so far, and the text is searched for an ellipsis once.
    """
    kept: list[CueHit] = []
    spoken_until = -1
    last_colon = -1
    dots = -1  # the first ".." at or after the last search start, or len(text) if none
    text = document.text
    for hit in hits:
        if hit.start < spoken_until and hit.form.kind == "verb" and hit.subject is None:
            continue
        colon = hit.complement is not None and hit.complement.frame == "colon"
        if colon and hit.complement is not None and hit.complement.start == last_colon:
            continue
        kept.append(hit)
        if colon and hit.complement is not None:
            last_colon = hit.complement.start
            if dots < last_colon:
                found = text.find("..", last_colon)
                dots = found if found >= 0 else len(text)
            spoken_until = max(spoken_until, min(document.sentence_end(last_colon), dots))
    return kept
