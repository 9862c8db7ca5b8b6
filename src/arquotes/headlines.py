"""Headlines: short lines that are claims of their speaker phrase.

A headline is a short line (a paragraph of a few words with no full stop inside it). Its
forms:

* "X: content" where X reads as a speaker phrase: a claim of X with no cue. X may carry a
  name in marks (وزيرة الثقافة «ليلى الحسيني»:), an outlet it spoke to (X لـ"الوطن":) or a
  verb phrase (الحكومة تحسم الجدل:); a cue verb there (الوزير يؤكد: ...) is the claim's cue.
* "X <present cue verb> content" with no أن and no colon (المحافظ يقول الطرق ستفتح): a
  claim of X with that cue, even where the cue finds no complement frame.

What stands before the speaker on the same line is not part of it: a site name or dateline
cut off by a dash, a bar or a bullet, a kicker ending in "..", and "Place:" when what follows
the colon has its own speaker and cue (بيروت: وزير الطاقة يتهم ...). Mastheads ("رئيس
التحرير: فلان", content that is only a name), bylines and labels (المصدر: ...) are not
headlines.
"""

from __future__ import annotations

import bisect
import functools
import tomllib
from collections.abc import Sequence
from importlib import resources

from arquotes.claims import trim
from arquotes.cues import Complement, CueHit
from arquotes.document import Document, Token
from arquotes.lexicon import CueForm, Lexicon, WordSet
from arquotes.mentions import Mention, MentionKind, read_mention
from arquotes.normalize import fold_word

__all__ = ["Headline", "find_headlines", "headline_cues", "headline_lines"]

_HEADLINE_PREFIX = frozenset({"-", "–", "—", "|", "•", "●", "■", "▪", "►"})
"""Marks that end a site name, dateline or bullet before the headline on its line."""
_LINE_WORDS = 30
"""Words a headline line may have at most."""
_SUBJECT_TOKENS = 8
"""Tokens a headline's speaker phrase may span before its verb."""
_VERB_PHRASE = 6
"""Tokens of a verb phrase between a speaker and the colon (الحكومة تحسم الجدل:)."""
_TOPIC_TOKENS = 8
"""Tokens of a topic, outlet or occasion between a speaker and the colon."""
_QUOTED_HEAD = 3
"""Words a name in marks before the colon may have when the lexicon does not know it."""
_COLONS = 3
"""Colons of a line tried as the end of its speaker phrase (a dateline may end in one)."""
_FULL_STOPS = frozenset(".!")
_PRESENT_PREFIXES = ("ي", "ت")
"""First letters of a third-person present-tense verb (يحسم، تحسم)."""


@functools.cache
def _rubrics() -> WordSet:
    """Rubric labels that head a line without speaking (data/headlines.toml)."""
    data = resources.files("arquotes").joinpath("data", "headlines.toml").read_text(
        encoding="utf-8")
    return WordSet.of(tomllib.loads(data)["labels"]["rubrics"])


@functools.cache
def _topics() -> frozenset[str]:
    """Prepositions that introduce a headline speaker's topic (data/headlines.toml)."""
    data = resources.files("arquotes").joinpath("data", "headlines.toml").read_text(
        encoding="utf-8")
    return frozenset(fold_word(w) for w in tomllib.loads(data)["head"]["topics"])


class Headline:
    """A "X: ..." line: its speaker phrase and content, in folded offsets (a plain record)."""

    __slots__ = ("end", "mention", "start")

    mention: Mention
    start: int
    end: int

    def __init__(self, *, mention: Mention, start: int, end: int) -> None:
        """The headline of ``mention`` whose content is ``[start, end)``."""
        self.mention = mention
        self.start = start
        self.end = end


def _is_prefix_end(tokens: Sequence[Token], i: int, *, colon: bool) -> bool:
    """``tokens[i]`` ends a site name, dateline, bullet or kicker (..) before the headline.

    With ``colon`` a "Place:" before the speaker counts too (حمص: المدير يقول ...).
    """
    text = tokens[i].text
    return text in _HEADLINE_PREFIX or (colon and text == ":") or text == "…" or (
        text == "." and i > 0 and tokens[i - 1].text == ".")


def _after_prefix(tokens: Sequence[Token]) -> int:
    """Index of the first token after the last prefix mark of ``tokens``."""
    return max((i + 1 for i in range(len(tokens)) if _is_prefix_end(tokens, i, colon=False)),
               default=0)


def _headline_verb(tokens: Sequence[Token], lexicon: Lexicon) -> tuple[int, int, CueForm] | None:
    """(subject start, verb index, form) of "X <present cue>" opening a headline line.

    The verb comes within a few tokens of the line's start or of the last prefix mark before
    it; no full stop may follow it except one ending the line after a colon.
    """
    first = 0
    for k in range(min(len(tokens), _SUBJECT_TOKENS * 2)):
        if _is_prefix_end(tokens, k, colon=True):
            first = k + 1
            continue
        if k - first >= _SUBJECT_TOKENS:
            return None
        form = _present_cue(tokens[k], lexicon) if k > first else None
        if form is None:
            continue
        stops = [j for j in range(k + 1, len(tokens)) if tokens[j].text in _FULL_STOPS]
        colon = any(t.text == ":" for t in tokens[k + 1 : k + 2 + _VERB_PHRASE])
        if stops and not (colon and stops == [len(tokens) - 1]):
            return None  # a sentence ends on the line: body text, not a headline
        return first, k, form
    return None


def _is_mark(token: Token, lexicon: Lexicon) -> bool:
    return all(c in lexicon.mark_chars for c in token.text)


def _subject(document: Document, tokens: Sequence[Token], lexicon: Lexicon,
             form: CueForm) -> Mention | None:
    """The speaker phrase that is exactly ``tokens``, or None.

    Besides what `read_mention` reads, a short definite noun phrase before a plural verb is
    its subject (الأطباء يطالبون، التجار يتوقعون): people, an unnamed group. Before a
    singular verb it may be a thing (الأزمة تعتبر الأسوأ: "is considered").
    """
    if not tokens or not all(t.is_word for t in tokens):
        return None
    mention = read_mention(document, tokens, lexicon, bare_names=len(tokens) <= 2)
    if mention is not None and mention.end == tokens[-1].end:
        return mention
    if form.plural and len(tokens) <= 2 and tokens[0].text.startswith("ال") and not any(
            t.text in lexicon.stops or t.text in lexicon.prepositions for t in tokens):
        span = (tokens[0].start, tokens[-1].end)
        return Mention(start=span[0], end=span[1], kind=MentionKind.UNNAMED, role=span)
    return None


def _present_cue(token: Token, lexicon: Lexicon) -> CueForm | None:
    form = lexicon.cues.get(token.text)
    if form is None or form.kind != "verb" or form.past:
        return None
    return form


def _complement(tokens: Sequence[Token], i: int, form: CueForm,
                lexicon: Lexicon) -> Complement | None:
    """What a headline's cue at ``tokens[i]`` introduces.

    The content starts after a colon, after a preposition the cue governs, after a
    complementizer, or right after the cue (a headline drops أن: المحافظ يقول الطرق ستفتح).
    """
    rest = _past_audience(tokens[i + 1 :], lexicon)
    colon = next((k for k, t in enumerate(rest[: _VERB_PHRASE + 1]) if t.text == ":"), None)
    if colon is not None:
        rest = rest[colon + 1 :]
        frame = "that"
    elif not rest:
        return None
    elif rest[0].text in form.preps and "on" in form.frames:
        rest, frame = rest[1:], "on"
    elif "on" in form.frames and any(
            len(p) == 1 and rest[0].text.startswith(p) for p in form.preps):
        frame = "on"  # a one-letter preposition stays in the content: بإيجاد حلول
    elif lexicon.is_complementizer(rest[0].text):
        rest, frame = rest[1:], "that"
    elif "that" in form.frames:
        frame = "that"
    elif "np" in form.frames:
        frame = "np"
    else:
        return None
    if sum(1 for t in rest if t.is_word) < 2:
        return None
    return Complement(frame=frame, start=rest[0].start)


def _past_audience(rest: Sequence[Token], lexicon: Lexicon) -> Sequence[Token]:
    """``rest`` after the audience or outlet written right after a cue (للصحفيين، لـ«الخليج»)."""
    if not rest or rest[0].text not in lexicon.audiences:
        return rest
    k = 1
    if k < len(rest) and _is_mark(rest[k], lexicon):
        close = next((j for j in range(k + 1, min(len(rest), k + 6))
                      if _is_mark(rest[j], lexicon)), None)
        return rest if close is None else rest[close + 1 :]
    return rest[k + 1 :] if rest[0].text == "ل" else rest[k:]


def _line(document: Document, p_start: int, p_end: int) -> list[Token]:
    """The tokens of a paragraph short enough to be a headline, or an empty list.

    A paragraph with a full stop that another sentence follows is body text (الكويت: بدأ
    ... يوم الأحد. وقام الوزير ...), however it opens.
    """
    starts, _ = document.token_spans
    count = bisect.bisect_left(starts, p_end) - bisect.bisect_left(starts, p_start)
    if count > _LINE_WORDS * 2:
        return []  # more tokens than a headline's words and marks, counted without reading
    tokens = document.tokens(p_start, p_end, _LINE_WORDS * 2)
    if count > _LINE_WORDS and sum(1 for t in tokens if t.is_word) > _LINE_WORDS:
        return []
    for k in range(1, len(tokens) - 1):
        before, after = tokens[k - 1], tokens[k + 1]
        if tokens[k].text in _FULL_STOPS and before.text != "." and after.text != "." and (
                after.is_word and len(before.text) > 2):
            return []  # a sentence ends and another starts; not an abbreviation (د. م.)
    return tokens


def headline_lines(document: Document) -> list[tuple[int, int, list[Token]]]:
    """``(start, end, tokens)`` of every paragraph short enough to be a headline (`_line`).

    Read once per article and shared by `headline_cues` and `find_headlines`.
    """
    lines = []
    for p_start, p_end in document.paragraphs:
        tokens = _line(document, p_start, p_end)
        if tokens:
            lines.append((p_start, p_end, tokens))
    return lines


def headline_cues(document: Document, lexicon: Lexicon, hits: Sequence[CueHit],
                  lines: Sequence[tuple[int, int, list[Token]]]) -> list[CueHit]:
    """``hits`` with the cues of headline lines "X <present cue> content" added, in order.

    A headline's cue verb may have no complement the cue reader accepts (no أن: المحافظ
    يقول الطرق ستفتح; a colon with no quotation: الوزير يؤكد: ...), or no subject it reads
    (النواب يطالبون ...). The subject must open the line, right before the verb.
    """
    by_start = {h.start: h for h in hits}
    changed: dict[int, CueHit] = {}
    for _, _, tokens in lines:
        found = _headline_verb(tokens, lexicon)
        if found is None:
            continue
        first, verb, form = found
        negated = verb - 1 > first and tokens[verb - 1].text in lexicon.negations
        subject = _subject(document, tokens[first : verb - negated], lexicon, form)
        if subject is None:
            continue
        hit = by_start.get(tokens[verb].start)
        complement = _complement(tokens, verb, form, lexicon)
        if hit is not None and complement is not None and hit.complement is not None and (
                hit.complement.start < complement.start) and (
                tokens[verb + 1].text in lexicon.audiences or document.text.find(
                    ":", hit.complement.start, complement.start) >= 0):
            # The outlet after the audience (يقول لـ«الخليج» ...) is not what was said, nor
            # the object that announces it before a colon (تعلن موقفها: ...).
            hit = hit.copy()
            hit.complement = complement
            changed[hit.start] = hit
        if hit is not None:
            if hit.subject is None and not hit.pronoun:
                named = changed[hit.start] = hit.copy()
                named.subject = subject
            elif hit.subject is not None and hit.subject.start > hit.start and (
                    hit.complement is not None and hit.complement.frame == "np"):
                # Subject first, so the phrase after the verb is its object, in the content:
                # رئيس البلدية يتهم الشركة المنفذة بالتقصير
                named = changed[hit.start] = hit.copy()
                named.subject = subject
                named.complement = Complement(frame="np", start=hit.subject.start)
            continue
        if complement is None:
            continue
        changed[tokens[verb].start] = CueHit(
            start=tokens[verb].start, end=tokens[verb].end, form=form, subject=subject,
            complement=complement, negated=negated)
    if not changed:
        return list(hits)
    merged = [changed.pop(h.start, h) for h in hits]
    merged += changed.values()
    return sorted(merged, key=lambda h: h.start)


def find_headlines(document: Document, lexicon: Lexicon, hits: Sequence[CueHit],
                   lines: Sequence[tuple[int, int, list[Token]]]) -> list[Headline]:
    """Every paragraph shaped "X: content" where X reads as a speaker phrase.

    ``hits`` must include the headline cues (`headline_cues`): a cue before the colon makes
    the line that cue's claim, and a cue with its own speaker right after the colon makes
    what stands before it a dateline.
    """
    found = []
    hit_starts = [h.start for h in hits]
    for p_start, p_end, _ in lines:
        chosen = _head(document, lexicon, p_start, p_end)
        if chosen is None:
            continue
        colon, mention = chosen
        first_hit = bisect.bisect_left(hit_starts, p_start)  # hits are in text order
        if first_hit < len(hit_starts) and hit_starts[first_hit] < colon:
            continue
        start, end = _content(document, colon + 1, p_end)
        content = document.tokens(start, end, 16)
        if sum(1 for t in content if t.is_word) < 3 or _only_a_name(document, content, lexicon):
            continue
        if _own_speaker(hits, first_hit, start, end):
            continue
        found.append(Headline(mention=mention, start=start, end=end))
    return found


def _head(document: Document, lexicon: Lexicon, p_start: int,
          p_end: int) -> tuple[int, Mention] | None:
    """The colon that ends a headline's speaker phrase on the line, and that phrase.

    A later colon whose head reads as a speaker wins: in "بيروت: الجيش اللبناني: ..." the
    place is a dateline.
    """
    text = document.text
    chosen = None
    begin = p_start
    for _ in range(_COLONS):
        colon = text.find(":", begin, min(p_end, p_start + 100))
        if colon < 0:
            break
        head = document.tokens(begin, colon, 16)
        head = head[_after_prefix(head):]
        mention = _head_speaker(document, head, lexicon)
        if mention is not None:
            chosen = (colon, mention)
        elif chosen is not None:
            break
        begin = colon + 1
    return chosen


def _head_speaker(document: Document, head: Sequence[Token],
                  lexicon: Lexicon) -> Mention | None:
    """The speaker of a head before a colon, unless it is a label (المصدر، عاجل).

    A page label may start a longer head (رئيس التحرير التنفيذي:), but an unnamed source
    that starts with one speaks (مصدر حكومي:).
    """
    quoted = len(head) >= 3 and _is_mark(head[0], lexicon) and _is_mark(
        head[-1], lexicon) and all(t.is_word for t in head[1:-1])
    if quoted:
        head = head[1:-1]  # a speaker in marks: «حماس»:
    if not head or len(head) > 12:
        return None
    words = [t.text for t in head]
    if _rubrics().phrase_at(words, 0) == len(head):
        return None
    mention = _speaker(document, head, lexicon)
    if mention is None and quoted and len(head) <= _QUOTED_HEAD and not any(
            t.text in lexicon.stops or t.text in lexicon.prepositions for t in head):
        # The marks make the phrase a name: an organisation the lexicon does not list.
        span = (head[0].start, head[-1].end)
        mention = Mention(start=span[0], end=span[1], kind=MentionKind.BODY, name=span)
    label = lexicon.meta_labels.phrase_at(words, 0)
    if label and (label == len(head) or mention is None or mention.kind is not (
            MentionKind.UNNAMED) or mention.end <= head[label - 1].end):
        return None
    return mention


def _speaker(document: Document, head: Sequence[Token], lexicon: Lexicon) -> Mention | None:
    """The speaker phrase of a head "X", "role «name»", "X لـ<outlet>" or "X <verb phrase>"."""
    words = [t for t in head if t.is_word]
    if len(words) == len(head) and len(head) <= 6:
        mention = read_mention(document, head, lexicon, bare_names=len(head) <= 2)
        if mention is not None and mention.end == head[-1].end:
            # An unlisted word with a conjunction is a verb the lexicon lacks (وواصل: "...").
            return None if mention.bare and head[0].text.startswith(("و", "ف")) else mention
    mention = read_mention(document, head, lexicon, bare_names=False)
    if mention is None and len(head) > 1 and _links_topic(head[1], lexicon) and not (
            head[0].text.endswith("ه")):
        # An unlisted name before its topic (روبيو عن ...), not a feminine noun (رحلة عن قرب:)
        mention = read_mention(document, head[:1], lexicon, bare_names=True)
    if mention is None or not head[0].is_word:
        return None
    tail = [t for t in head if t.start >= mention.end]
    if not tail:
        return None
    if len(tail) >= 3 and all(t.is_word for t in tail[1:-1]) and (
            (_is_mark(tail[0], lexicon) and _is_mark(tail[-1], lexicon))
            or (tail[0].text == "(" and tail[-1].text == ")")):
        return _enclosed(document, mention, tail, lexicon)
    if _links_topic(tail[0], lexicon) or (
            len(tail) > 1 and tail[0].text == "في" and tail[1].text in lexicon.occasions):
        # the outlet it spoke to (X لـ"الوطن":), the topic (X عن الأزمة:), the occasion
        # (X في مقابلة مع ...:)
        return mention if len(tail) <= _TOPIC_TOKENS else None
    if len(tail) <= _VERB_PHRASE and all(t.is_word for t in tail) and _looks_present(
            tail[0], lexicon):
        return mention  # الحكومة تحسم الجدل:
    return None


def _enclosed(document: Document, mention: Mention, tail: Sequence[Token],
              lexicon: Lexicon) -> Mention | None:
    """A role followed by words in marks or parentheses: the person's name, or a tag."""
    inner = tail[1:-1]
    if tail[0].text == "(" and _rubrics().phrase_at([t.text for t in inner], 0) == len(inner):
        return mention  # a tag: وزير الخارجية (فيديو):
    # a name in marks or parentheses after a role: مدير الشرطة "عمر الزين"
    named = read_mention(document, inner, lexicon, bare_names=True)
    if named is None or named.end != inner[-1].end or named.kind is not MentionKind.PERSON:
        return None
    titled = named.copy()
    titled.role = (mention.start, mention.end)
    return titled


def _links_topic(token: Token, lexicon: Lexicon) -> bool:
    """An audience (لـ، للصحفيين) or a topic preposition (عن، حول، بشأن) after a speaker."""
    return token.text in lexicon.audiences or token.text in _topics()


def _looks_present(token: Token, lexicon: Lexicon) -> bool:
    """A present-tense verb by its form: a prefix letter and no known name or stop word."""
    word = token.text
    return (len(word) >= 3 and word.startswith(_PRESENT_PREFIXES) and not word.isdigit()
            and word not in lexicon.known_names and word not in lexicon.given_words
            and word not in lexicon.stops and word not in lexicon.places)


def _content(document: Document, start: int, end: int) -> tuple[int, int]:
    """The content span of a headline: no final full stop, no trailing tag.

    A tag is a word or two in parentheses or brackets ("(فيديو)"، "[صور]") or a rubric after
    a dash or bar ("- بالفيديو").
    """
    text = document.text
    start, end = trim(text, start, end)
    if end > start and text[end - 1] == "." and text[end - 2 : end] != "..":
        start, end = trim(text, start, end - 1)
    if end > start and text[end - 1] in ")]":
        opening = text.rfind("(" if text[end - 1] == ")" else "[", start, end)
        inner = document.tokens(opening + 1, end - 1, 3) if opening > start else []
        if inner and len([t for t in inner if t.is_word]) <= 2:
            start, end = trim(text, start, opening)
    tail = document.tokens_before(start, end, 4)
    mark = max((k for k, t in enumerate(tail) if t.text in _HEADLINE_PREFIX), default=-1)
    words = [t.text for t in tail[mark + 1 :]]
    if mark >= 0 and tail[mark].start > start and words and _rubrics().phrase_at(
            words, 0) == len(words):
        start, end = trim(text, start, tail[mark].start)
    return start, end


def _only_a_name(document: Document, content: Sequence[Token], lexicon: Lexicon) -> bool:
    """A masthead's content: a name, maybe after an abbreviated title (د. م.)."""
    i = 0
    while i + 1 < len(content) and content[i].is_word and len(content[i].text) <= 2 and (
            content[i + 1].text == "."):
        i += 2
    rest = content[i:]
    if not rest or len(rest) > 6 or not all(t.is_word for t in rest):
        return False
    mention = read_mention(document, rest, lexicon, bare_names=True)
    return mention is not None and mention.end == rest[-1].end and mention.kind in (
        MentionKind.PERSON, MentionKind.ROLE)


def _own_speaker(hits: Sequence[CueHit], first: int, start: int, end: int) -> bool:
    """The content opens with a cue that has its own subject: what precedes is a dateline."""
    for hit in hits[first:]:
        if hit.start >= end:
            break
        if hit.start < start or hit.subject is None:
            continue
        if start in (hit.start, hit.subject.start):
            return True
    return False
