"""Mentions: read a speaker phrase into role and name, and find every person in an article.

A mention is read from the tokens that follow a cue verb (VSO: وقال المتحدث باسم الكرملين
ديمتري بيسكوف) or precede it (SVO: بيسكوف قال). Its first token decides what it is:

* a given name (ديمتري، أحمد) starts a PERSON: given name, surname, name particles (أبو، بن،
  آل); a role written after the name is kept (خالد الفالح وزير النفط ...);
* an honorific or role head (المتحدث، وزير، الشيخ) starts a ROLE phrase, which becomes a
  PERSON when a name follows inside it;
* an unnamed head (مسؤول، مصدر) gives an UNNAMED description; a body head or place
  (وزارة، الكرملين، واشنطن) a BODY; المصدر ذاته and bare definite heads (الوزارة، البيان)
  an ANAPHOR, resolved later to the entity they point back to;
* any other word right after a cue verb is taken as a bare name (زيلينسكي، المنجم).

`arquotes.resolve` then groups the mentions of one article into entities.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from arquotes.document import Document, Token
from arquotes.lexicon import ATTACHED_PRONOUNS, Lexicon, ends_in_pronoun, token_variants
from arquotes.names_data import common_words, given_names, is_name_unit, surnames
from arquotes.normalize import strip_marks
from arquotes.patterns import PARTICIPLE_SHAPE

__all__ = [
    "Mention", "MentionKind", "core", "find_mentions", "read_mention", "skeleton", "without_lam",
]

_MAX_TOKENS = 12
_APPOSITION = frozenset("،,؛;")
_CLAUSE_OPENERS = frozenset(":،,")
"""Punctuation that opens the reported clause right after a speaker phrase."""
_ADVERB_ENDINGS = ("ا", "ها", "هم")
"""Endings of adverbs (لاحقا، مجددا) and pronoun-suffixed words (وقتها): never a name's end,
and never a preposition-prefixed word of a role (باسم، للشؤون)."""
_VOWELS = str.maketrans("", "", "اويء")


class MentionKind(enum.Enum):
    """What a speaker phrase names."""

    PERSON = "person"
    ROLE = "role"  # a role with no name: المتحدث باسم الرئاسة الروسية
    BODY = "body"
    UNNAMED = "unnamed"
    ANAPHOR = "anaphor"  # المصدر ذاته، الوزارة، البيان


class Mention:
    """A speaker phrase in folded offsets, split into its role and name parts.

    A plain class rather than an attrs class, as every internal record of the pipeline: the
    compiled build makes it a native class (typed fields, no Python-level ``__init__``). A
    mention is never changed once shared; a changed one is a `copy`.
    """

    __slots__ = ("bare", "end", "feminine", "kind", "name", "role", "start")

    start: int
    end: int
    kind: MentionKind
    name: tuple[int, int] | None
    role: tuple[int, int] | None
    feminine: bool
    bare: bool
    """Only a guess: an unlisted word taken as a name because of where it stands."""

    def __init__(self, *, start: int, end: int, kind: MentionKind,
                 name: tuple[int, int] | None = None, role: tuple[int, int] | None = None,
                 feminine: bool = False, bare: bool = False) -> None:
        """A phrase at ``[start, end)``; ``name`` and ``role`` are its parts' offsets."""
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.role = role
        self.feminine = feminine
        self.bare = bare

    def copy(self) -> Mention:
        """A new mention with the same fields, to change before it is shared."""
        return Mention(start=self.start, end=self.end, kind=self.kind, name=self.name,
                       role=self.role, feminine=self.feminine, bare=self.bare)

    def __repr__(self) -> str:
        """As attrs would write it."""
        return (f"Mention(start={self.start!r}, end={self.end!r}, kind={self.kind!r}, "
                f"name={self.name!r}, role={self.role!r}, feminine={self.feminine!r}, "
                f"bare={self.bare!r})")


@lru_cache(maxsize=1 << 16)  # names are compared again and again: one word, one answer
def core(word: str) -> str:
    """A word without conjunction, preposition clitics and article: والطاقه -> طاقه.

    Only letters followed by ال are taken as clitics, so وزير stays وزير.
    """
    for prefix in ("وال", "فال", "بال", "كال", "لل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant skeleton used to match spelling variants: دميتري ~ ديمتري، تراس ~ تروس."""
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    return bare[:1] + bare[1:].translate(_VOWELS)


def _is_feminine_head(token: str) -> bool:
    return any(v.endswith("ه") for v in token_variants(token))


class _Reader:
    """Reads one speaker phrase from a token list (see `read_mention`)."""

    def __init__(self, document: Document, lexicon: Lexicon, tokens: Sequence[Token],
                 known_names: frozenset[str], stop_words: frozenset[str] = frozenset(),
                 *, object_verb: bool = False) -> None:
        self.object_verb = object_verb
        """The phrase follows a verb that takes an object: a bare word is likelier its object."""
        self.doc = document
        self.lex = lexicon
        self.toks = tokens
        self.known = known_names
        self.stop_words = stop_words
        self.texts = [t.text for t in tokens]
        """The tokens' texts, for the list lookups every kind of mention starts with."""

    def hard_stop(self, token: Token) -> bool:
        """A token no speaker phrase runs through: punctuation, a clause word, a stop."""
        text = token.text
        return (
            not token.is_word
            or text in self.stop_words
            or self.lex.ends_phrase(text)
            or self._stop_word(token)
        )

    def _stop_word(self, token: Token) -> bool:
        """A listed stop word, but not a name that folding makes look like one.

        Folded, the name علي is the preposition على, and العلي is ال + علي: a name spelled
        with ي is a name (see `is_given`), and a word with the article is a stop only when
        listed with it (the article never precedes a preposition).
        """
        text = token.text
        if text not in self.lex.stops:
            return False
        if text.startswith("ال") and text not in self.lex.stops.words:
            return False
        return not self.is_given(token)

    def soft_stop(self, token: Token) -> bool:
        return token.text in self.lex.soft_stops

    def channel_at(self, j: int) -> bool:
        """في بيان، عبر تغريدة: an occasion of speech, which ends a speaker phrase."""
        return j + 1 < len(self.toks) and self.soft_stop(self.toks[j]) and (
            self.lex.occasions.possessed(self.toks[j + 1].text))

    def is_given(self, token: Token, following: Token | None = None) -> bool:
        """A given name: in the bundled lists, or in the names data (`arquotes.names_data`).

        A data name that is also a common word (باسم "in the name of", ديوان، حصة) is a
        name only when ``following``, the next token, is a name unit too (باسم يوسف).
        """
        text = token.text
        lex = self.lex
        given = lex.given_words
        if text not in given and not (len(text) > 3 and text[0] in "وف" and text[1:] in given):
            return _joined_compound(text)  # the common case, decided by one set
        if not (lex.male_names.exact(text) or lex.female_names.exact(text)):
            if text not in given_names() or text in lex.role_links:
                return False
            if text in common_words() and not (
                    following is not None and is_name_unit(following.text)):
                return False
        # Folding makes the preposition على read as the name علي; the spelling tells them apart.
        if self.written(token) in lex.not_names:
            return False
        # Writers also spell على as علي (علي التوالي، علي سعري): the name then needs another
        # name unit after it, or the clause right after it (قال علي إن).
        return not (text in lex.stops and following is not None and following.is_word
                    and not is_name_unit(following.text) and following.text not in lex.particles
                    and not lex.is_complementizer(following.text))

    def given_at(self, k: int) -> bool:
        """`is_given` for the token at ``k``, with the token after it as evidence."""
        return self.is_given(self.toks[k], self.toks[k + 1] if k + 1 < len(self.toks) else None)

    def written(self, token: Token) -> str:
        """The token as the article spells it, without diacritics (علي، على، حديثه، حديثة)."""
        return strip_marks(self.doc.view.text_of(token.start, token.end))

    def clause_at(self, k: int) -> bool:
        """The reported clause opens at token ``k``: a complementizer, a colon or a comma."""
        if k >= len(self.toks):
            return False
        text = self.toks[k].text
        return text in _CLAUSE_OPENERS or self.lex.is_complementizer(text)

    def family_name(self, token: Token) -> bool:
        """A family name with the article, which may end a three-word name.

        A listed surname or a nisba (-ي): محمد شياع السوداني, not any definite noun (الوفد).
        """
        text = token.text
        return text.startswith("ال") and (text in surnames() or text.endswith("ي"))

    def is_role(self, token: Token) -> bool:
        return token.text in self.lex.roles or token.text in self.lex.honorifics

    def name_ahead(self, i: int) -> bool:
        """A given or known name follows before the next hard stop (within 6 tokens).

        A comma may stand between (السفير لدى المملكة، مايكل راتني، إن): the name after it
        may then be unlisted, if it runs up to the reported clause (`name_to_clause`).
        """
        for k in range(i, min(len(self.toks), i + 6)):
            token = self.toks[k]
            if token.text in _APPOSITION and k > i:
                return k + 1 < len(self.toks) and (
                    self.given_at(k + 1)
                    or self.name_to_clause(k + 1, k + 5) is not None)
            if self.hard_stop(token):
                return False
            if self.given_at(k) or skeleton(token.text) in self.known:
                return True
        return False

    def name_to_clause(self, i: int, limit: int) -> int | None:
        """End of unlisted name words at ``i`` that run right up to the reported clause.

        Foreign names are open-ended (رجب طيب أردوغان، أفيخاي أدرعي، خليل الحية): words the
        lists do not know, the first without the article and the last not an adverb in -ا
        (مجددا، أيضا), followed at once by a complementizer, a colon, a comma or a role in
        apposition (الدكتورة أمنية العمراني مبعوث رئيس المؤتمر), are the rest of the name.
        """
        k = i
        while k < min(len(self.toks), limit):
            token = self.toks[k]
            text = token.text
            if text in self.lex.complementizers or text in _CLAUSE_OPENERS or (
                    k > i + 1 and self.is_role(token) and not _definite(text)):
                last = self.toks[k - 1].text if k > i else ""
                return k if last and not self._adverb_last(last, k - i) else None
            if (self.hard_stop(token) or self.soft_stop(token) or self.is_role(token)
                    or (k == i and text.startswith("ال")) or self.lex.body_heads.phrase_at(
                        self.texts, k)):
                return None
            if (len(text) <= 2 and text not in self.lex.particles) or not text.isalpha() or (
                    text.endswith(("ها", "هم"))) or (
                    text in self.lex.auxiliaries):
                return None  # الـ19 عاما، وقد غلبتها الدموع: no name has such words
            k += 1
        return None

    def _clause_after(self, j: int) -> bool:
        """The reported clause opens right after token ``j`` (إن، أن، a colon or a comma)."""
        if j + 1 >= len(self.toks):
            return False
        text = self.toks[j + 1].text
        return text in self.lex.complementizers or text in _CLAUSE_OPENERS

    def adverb(self, text: str) -> bool:
        """An adverb or circumstantial word (مازحا، مجددا، أيضا), not a name in -ا.

        Listed adverbs and words shaped like an accusative participle that no names data
        knows; a foreign name in -ا (فيدوروفا، جورجيفا) has neither shape.
        """
        return text in self.lex.adverbs or (
            bool(PARTICIPLE_SHAPE.match(text)) and not is_name_unit(text))

    def _adverb_last(self, last: str, words: int) -> bool:
        """The last word of an unlisted name is an adverb or carries a pronoun instead.

        وقتها، مجددا، مضيفا are never a name's end. A lone word in -ا is likelier an adverb
        (الوزير مجددا); after another unlisted word it may be a foreign name (كريستالينا
        غورغييفا) unless shaped like a participle or listed as an adverb.
        """
        if last.endswith(("ها", "هم")) or self.adverb(last):
            return True
        return last.endswith("ا") and words == 1

    def read_name(self, i: int) -> int:
        """End index of a person name starting with a given name at ``i``."""
        j = i + 1
        plain = 0
        reach = 6  # tokens; each particle pair (ولد باب، بن سلمان) adds its two
        while j < len(self.toks) and j - i < reach:
            token = self.toks[j]
            if self.hard_stop(token) or self.soft_stop(token) or (
                    self.is_role(token) and not self._title_in_name(j)):
                break
            if self.adverb(token.text):
                break  # وأضاف صلاح مازحا: an adverb in -ا ends the name
            if _accusative(token.text) and not self._clause_after(j):
                # An object in -ا (اجتماعا) ends the name; a foreign word in -ا that runs
                # with the rest up to the clause is inside it (لولا دا سيلفا، إن).
                return self.name_to_clause(j, i + 8) or j
            if token.text in self.lex.particles and j + 1 < len(self.toks):
                nxt = self.toks[j + 1]
                if self.hard_stop(nxt):
                    break
                j += 2
                reach += 2
                continue
            # A second surname word only after a given name (محمد علي حسن) or as a family
            # name with the article (محمد شياع السوداني); at most three plain words.
            if plain >= 1 and not (self.given_at(j - 1) or (
                    plain == 1 and self.family_name(token))):
                return self.name_to_clause(j, i + 6) or j
            if self.lex.body_heads.phrase_at(self.texts, j):
                break
            plain += 1
            j += 1
        return j

    def _title_in_name(self, j: int) -> bool:
        """A title word that is also a name unit, between two names: حسن شيخ محمود."""
        return (is_name_unit(self.toks[j].text) and j + 1 < len(self.toks)
                and is_name_unit(self.toks[j + 1].text))

    def read_role(self, i: int) -> tuple[int, int | None]:
        """End of a role phrase at ``i`` and, if a name sits inside it, the name's start."""
        j = i + 1
        # A definite head (الرئيس) is a whole role: only definite words may follow it
        # (الرئيس الأمريكي), an indefinite one is an adverb or object (الرئيس هاتفيا).
        definite_seen = self.toks[i].text.startswith("ال")
        governed = False
        while j < len(self.toks) and j - i < _MAX_TOKENS:
            token = self.toks[j]
            if self.given_at(j):
                return j, j
            if token.text not in self.stop_words and (
                    self.soft_stop(token) or token.text in self.lex.prepositions):
                # النائب عن محافظة البصرة عامر الفايز، السفير لدى المملكة ...: a role runs on
                # through a preposition (not one its verb governs) only to a name after it;
                # the preposition's object may be indefinite (لدى روسيا).
                if self.name_ahead(j + 1) and not self.channel_at(j):
                    j += 2
                    continue
                break
            quoted_end = _quoted_name_after(self, j) if (
                self.lex.is_construct_role(self.texts[j - 1])) else j
            if quoted_end > j:
                j = quoted_end  # مدرب "النسور" كمال ناصر: a quoted name inside the role
                governed = False
                continue
            if self.hard_stop(token):
                break
            text = token.text
            attached = _attached(text, "وبل")
            if attached and text[0] == "ل" and text[1:] in self.lex.roles:
                break  # وقال الوزير للسفير إن: the person spoken to, not part of the role
            definite = _definite(text) or attached
            if skeleton(text) in self.known and not attached:
                return j, j
            if not (definite or governed) and definite_seen and not self.is_role(token):
                break  # an indefinite word after a complete role: the object begins
            definite_seen = definite_seen or definite
            # باسم كتائب القسام: an indefinite noun after a preposition is in construct with
            # the next word, which may itself be indefinite (للحركة is complete).
            governed = attached and text[0] in "بل" and not _definite(text)
            j += 1
        return j, None

    def read_description(self, i: int, limit: int = 8) -> int:
        """End of a body or unnamed description: through prepositions, to a hard stop.

        A bare indefinite word right after a definite one ends it too: الجيش الإسرائيلي is
        complete, and مقتل in أعلن الجيش الإسرائيلي مقتل ... is the verb's object (after a
        preposition, وزارة الصحة في غزة, an indefinite word is still part of it).
        """
        j = i + 1
        while j < len(self.toks) and j - i < limit:
            token = self.toks[j]
            if self.hard_stop(token) or self.given_at(j) or self.channel_at(j):
                break
            if _possessed(self, token) and not _pronoun_on_preposition(self, token):
                break  # وأكدت مصادر أمنية مسؤوليتها: a noun with a pronoun is the object
            if (self.toks[j - 1].text.startswith("ال") and not _definite_or_attached(token.text)
                    and not _coordinated(self, token.text)
                    and token.text not in self.lex.prepositions and not self.soft_stop(token)):
                break
            previous = self.toks[j - 1].text
            if (self.object_verb and j > i + 1 and token.text.startswith("ال")
                    and not _nisba(token.text)
                    and (_nisba(previous) or not _definite_or_attached(previous))
                    and previous not in self.lex.prepositions
                    and previous not in self.lex.soft_stops
                    and self.toks[j - 2].text not in self.lex.prepositions):
                # ووصفت مجلة فوربس (العربية) اللقاء: after a name or a nisba adjective, a
                # definite noun that is no nisba starts the object of a verb that takes one;
                # right after a preposition (مصادر في قطاع الأمن) the noun is in construct.
                break
            j += 1
        return j


def _definite(text: str) -> bool:
    """The word carries the article, after any clitics: الصحة، والتنمية، للشؤون."""
    return any(v.startswith("ال") for v in token_variants(text))


def _attached(text: str, letters: str) -> bool:
    """The word starts with one of the clitic ``letters`` (باسم، للشؤون), and is no adverb."""
    return text[0] in letters and len(text) > 3 and not text.endswith(_ADVERB_ENDINGS)


def _definite_or_attached(text: str) -> bool:
    """The word has the article or a prefixed preposition (الصحة، للشؤون، بالأعمال).

    A leading و is a conjunction only before the article (والتنمية) or a partner (see
    `_coordinated`): وجود begins with و too.
    """
    return _definite(text) or _attached(text, "بل")


def read_mention(
    document: Document,
    tokens: Sequence[Token],
    lexicon: Lexicon,
    known_names: frozenset[str] = frozenset(),
    *,
    bare_names: bool = True,
    stop_words: frozenset[str] = frozenset(),
    object_verb: bool = False,
) -> Mention | None:
    """Read the speaker phrase that starts at ``tokens[0]``, or None if none starts there.

    ``known_names`` holds skeletons of surnames seen elsewhere in the article; with
    ``bare_names`` an unlisted word is taken as a name (right after a cue verb, VSO order
    makes it the subject). ``stop_words`` end the phrase too: the prepositions the verb
    governs (حذرت منظمة الصحة العالمية من ...). After an ``object_verb`` (وصف، كشف) an
    unlisted word is a name only if the names data knows it.
    """
    found = _read_mention(document, tokens, lexicon, known_names, bare_names=bare_names,
                          stop_words=stop_words, object_verb=object_verb)
    if found is None or found.kind is not MentionKind.ROLE:
        return found
    # ROLE، NAME: an apposition names the person in the role (المتحدث باسم الرئاسة، دميتري بيسكوف)
    rest = [t for t in tokens if t.start >= found.end]
    if len(rest) >= 2 and rest[0].text in _APPOSITION:
        named = _read_mention(document, rest[1:], lexicon, known_names, bare_names=False)
        if named is None:  # an unlisted name up to the clause: السفير، مايكل راتني، إن
            reader = _Reader(document, lexicon, rest[1:], known_names)
            end = reader.name_to_clause(0, 4)
            if end:
                named = _mention(reader, MentionKind.PERSON, end, name=(0, end))
        if named is not None and named.kind is MentionKind.PERSON and named.name:
            joined = named.copy()
            joined.start, joined.role = found.start, (found.start, found.end)
            joined.feminine = found.feminine or named.feminine
            return joined
    return found


def _read_mention(
    document: Document,
    tokens: Sequence[Token],
    lexicon: Lexicon,
    known_names: frozenset[str],
    *,
    bare_names: bool,
    stop_words: frozenset[str] = frozenset(),
    object_verb: bool = False,
) -> Mention | None:
    if not tokens:
        return None
    reader = _Reader(document, lexicon, tokens, known_names, stop_words,
                     object_verb=object_verb)
    first = tokens[0]
    if reader.hard_stop(first) or reader.soft_stop(first) or not first.text[0].isalpha():
        return None
    for read in (_anaphor, _person, _described, _role, _unnamed, _place, _body_name, _body,
                 _group):
        found = read(reader)
        if found is not None:
            return found
    return _bare_name(reader, bare_names=bare_names)


def _mention(reader: _Reader, kind: MentionKind, end: int, *,
             name: tuple[int, int] | None = None, role: tuple[int, int] | None = None,
             feminine: bool = False, bare: bool = False) -> Mention:
    """A mention over ``tokens[0:end]``; ``name`` and ``role`` are token index ranges."""
    tokens = reader.toks

    def span(part: tuple[int, int] | None) -> tuple[int, int] | None:
        return (tokens[part[0]].start, tokens[part[1] - 1].end) if part else None

    return Mention(start=tokens[0].start, end=tokens[end - 1].end, kind=kind, name=span(name),
                   role=span(role), feminine=feminine, bare=bare)


def _anaphor(reader: _Reader) -> Mention | None:
    """المصدر ذاته، الأخيرة: a phrase that points back."""
    n = reader.lex.same_source.phrase_at(reader.texts, 0)
    first = reader.toks[0].text
    definite = core(first) != first
    if not n or (n == 1 and not definite):
        return None  # an anaphor is definite: المصدر points back, مصدر is a new source
    return _mention(reader, MentionKind.ANAPHOR, n)


def _trailing_role(reader: _Reader, end: int) -> tuple[int, int] | None:
    """The role written after a name that ends at ``end``, as token indices.

    It follows at once (خالد الفالح وزير النفط) or as an apposition between commas
    (محمد صديقي، وزير الفلاحة، إن): a role closed by a comma, colon or complementizer.
    """
    toks = reader.toks
    start = end
    if end + 1 < len(toks) and toks[end].text in _APPOSITION and reader.is_role(toks[end + 1]):
        start = end + 1
    if start >= len(toks) or not reader.is_role(toks[start]):
        return None
    role_end, name_at = reader.read_role(start)
    closed = role_end >= len(toks) or toks[role_end].text in _CLAUSE_OPENERS or (
        reader.lex.is_complementizer(toks[role_end].text))
    if start == end or (name_at is None and closed):
        return start, role_end
    return None


def _with_trailing_role(reader: _Reader, end: int, **fields: Any) -> Mention:
    """A person named first, with the role written after the name, if any."""
    role = _trailing_role(reader, end)
    if role is not None:
        return _mention(reader, MentionKind.PERSON, role[1], name=(0, end), role=role,
                        **fields)
    return _mention(reader, MentionKind.PERSON, end, name=(0, end), **fields)


def _person(reader: _Reader) -> Mention | None:
    """A given name first: ديمتري بيسكوف."""
    first = reader.toks[0]
    if not (reader.given_at(0) or _kunya(reader)):
        return None
    if reader.is_role(first) and reader.name_ahead(1):
        return None  # نجم الفريق محمد صلاح: a role word that is also a name, before a name
    lex = reader.lex
    feminine = lex.female_names.exact(first.text) and not lex.male_names.exact(first.text)
    return _with_trailing_role(reader, reader.read_name(0), feminine=feminine)


def _described(reader: _Reader) -> Mention | None:
    """A nationality before a name belongs to it: الإسباني ماركو لوبيث، التونسية أنس جابر.

    A definite nisba adjective (-ي/-ية) that is no place or body, with a given name after
    it, is the person's description (kept as the role).
    """
    first = reader.toks[0].text
    if not (_nisba(first) and len(reader.toks) > 1
            and reader.given_at(1)) or first in reader.lex.places or (
            first in reader.lex.body_names):
        return None
    end = reader.read_name(1)
    return _mention(reader, MentionKind.PERSON, end, name=(1, end), role=(0, 1),
                    feminine=first.endswith("يه"))


def _kunya(reader: _Reader) -> bool:
    """A name that opens with a particle: أبو عبيدة، عبد الله، ابن خلدون، آل نهيان."""
    toks = reader.toks
    return (toks[0].text in reader.lex.particles and len(toks) > 1
            and toks[1].is_word and not reader.hard_stop(toks[1]))


def _role(reader: _Reader) -> Mention | None:
    """A role or honorific first, with or without a name inside: المتحدث باسم الكرملين ..."""
    first = reader.toks[0]
    if not reader.is_role(first):
        return None
    end, name_at = reader.read_role(0)
    feminine = _is_feminine_head(first.text)
    if name_at is None:
        name_end = reader.name_to_clause(end, end + 4)
        if name_end is None and not _definite(first.text) and end < len(reader.toks) and (
                reader.lex.unnamed_heads.phrase_at(reader.texts, 0)) and (
                reader.toks[end].text in reader.lex.prepositions):
            return None  # قيادي في الحركة with no name: an unnamed source and where it stands
        if name_end is None:
            return _mention(reader, MentionKind.ROLE, end, role=(0, end), feminine=feminine)
        name_at = end  # المتحدث باسم الجيش أفيخاي أدرعي إن: an unlisted name up to the clause
    else:
        name_end = reader.read_name(name_at)
    role = (0, name_at) if name_at > 0 else None
    end = name_end
    if all(reader.texts[k] in reader.lex.honorifics for k in range(name_at)):
        # الدكتور نبيل سعد وزير الصحة: a title before the name, the role after it.
        trailing = _trailing_role(reader, name_end)
        if trailing is not None:
            role, end = trailing, trailing[1]
    return _mention(reader, MentionKind.PERSON, end, name=(name_at, name_end), role=role,
                    feminine=feminine)


def _unnamed(reader: _Reader) -> Mention | None:
    """A described source: مسؤول في البيت الأبيض."""
    if not reader.lex.unnamed_heads.phrase_at(reader.texts, 0):
        return None
    end = reader.read_description(0)
    return _mention(reader, MentionKind.UNNAMED, end, role=(0, end),
                    feminine=_is_feminine_head(reader.toks[0].text))


def _group(reader: _Reader) -> Mention | None:
    """A group in the nominative, with its agreeing adjectives: المزارعون الغاضبون.

    A definite sound plural in -ون is nominative, so after a verb it is the subject whatever
    the noun (ورفض المحتجون العرض، وقال المزارعون إن); an object or a genitive would be in
    -ين. Tried after the bodies, so a singular in -ون that names one (التلفزيون) stays a body.
    """
    if not _nominative_group(reader.toks[0].text):
        return None
    end = 1
    while end < len(reader.toks) and _nominative_group(reader.toks[end].text):
        end += 1
    return _mention(reader, MentionKind.UNNAMED, end, role=(0, end))


def _nominative_group(text: str) -> bool:
    """A definite sound masculine plural in the nominative: المحتجون، المزارعون."""
    return text.startswith("ال") and text.endswith("ون") and len(text) > 6


def _place(reader: _Reader) -> Mention | None:
    """A country, capital or collective, with coordinated partners: الولايات المتحدة وحلفاؤها."""
    texts = reader.texts
    n = reader.lex.places.phrase_at(texts, 0)
    if not n:
        return None
    if n < len(texts) and _coordinated(reader, texts[n]):
        # Coordinated partners run to a comma (الولايات المتحدة وحلفاؤها ...، موسكو).
        end = reader.read_description(n - 1)
        if end < len(texts) and texts[end] in _APPOSITION:
            n = end
    found = _mention(reader, MentionKind.BODY, n, name=(0, n), feminine=True)
    return _without_conjunction(reader, found)


def _coordinated(reader: _Reader, token: str) -> bool:
    """و plus a partner: a place, body or name, or a noun with a possessive suffix.

    وحلفاؤها is a partner; وجود is a word that merely starts with و.
    """
    if len(token) < 3 or token[0] != "و":
        return False
    partner = token[1:]
    lex = reader.lex
    return (partner in lex.places or partner in lex.body_names or lex.male_names.exact(partner)
            or partner.endswith(("ها", "هم", "ه")))


def _body_name(reader: _Reader) -> Mention | None:
    """A named institution: الكرملين، الأمم المتحدة، with its complements."""
    texts = reader.texts
    n = reader.lex.body_names.phrase_at(texts, 0)
    if not n:
        return None
    if n < len(texts) and (texts[n].startswith("ال") or texts[n] in reader.lex.soft_stops):
        n = max(n, reader.read_description(n - 1))
    return _without_conjunction(reader, _mention(
        reader, MentionKind.BODY, n, name=(0, n),
        feminine=_is_feminine_head(texts[0])))  # الرئاسة، الحكومة agree with أكدت


def _without_conjunction(reader: _Reader, mention: Mention) -> Mention:
    """Start a listed name after a conjunction clitic: وواشنطن -> واشنطن."""
    first = reader.toks[0].text
    if first[0] in "وف" and first not in reader.lex.places.words and (
            first not in reader.lex.body_names.words) and mention.name is not None:
        bare_name = mention.copy()
        bare_name.start, bare_name.name = mention.start + 1, (mention.name[0] + 1, mention.name[1])
        return bare_name
    return mention


def _body(reader: _Reader) -> Mention | None:
    """A generic institution head (وزارة الصحة); alone and definite (الوزارة) an anaphor."""
    first = reader.toks[0]
    if not reader.lex.body_heads.phrase_at(reader.texts, 0):
        return None
    if first.text in reader.lex.documents:
        issuer = _issuer(reader)
        if issuer is not None:
            return issuer
    head_end = reader.read_description(0)
    end = _quoted_name_after(reader, head_end)
    feminine = _is_feminine_head(first.text)
    if end > head_end:
        # صحيفة "نيويورك تايمز": the quoted name names it, the head is its role.
        return _mention(reader, MentionKind.BODY, end, name=(head_end + 1, end - 1),
                        role=(0, head_end), feminine=feminine)
    kind = MentionKind.ANAPHOR if end == 1 and first.text.startswith("ال") else MentionKind.BODY
    return _mention(reader, kind, end, name=(0, end), feminine=feminine)


_ISSUED_BY = ("صادر", "الصادر")


def _issuer(reader: _Reader) -> Mention | None:
    """A document speaks for whoever issued it, so a relay through it names the issuer.

    بيان لوزارة الدفاع، بيان وزارة الدفاع، بيان صادر عن الجيش -> the ministry, the army.
    """
    toks = reader.toks
    k = 1
    if len(toks) > 3 and toks[1].text in _ISSUED_BY and toks[2].text == "عن":
        k = 3
    if k >= len(toks) or not toks[k].is_word:
        return None
    first = toks[k]
    if k == 1 and first.text[0] == "ل" and len(first.text) > 3:  # لوزارة: the ل of "by"
        first = without_lam(first)
    rest = [first, *toks[k + 1:]]
    found = _read_mention(reader.doc, rest, reader.lex, reader.known, bare_names=False)
    if found is None and first is not toks[k] and _definite(first.text):
        # بيان للمركزية النقابية: whatever definite phrase follows the لـ of "by" issued it.
        issuer = _Reader(reader.doc, reader.lex, rest, reader.known)
        end = issuer.read_description(0, limit=4)
        found = _mention(issuer, MentionKind.BODY, end, name=(0, end))
    if found is None or found.kind not in (
            MentionKind.BODY, MentionKind.PERSON, MentionKind.ANAPHOR) or found.name is None:
        return None
    issued = found.copy()
    issued.start, issued.role = toks[0].start, None
    return issued


def _quoted_name_after(reader: _Reader, end: int) -> int:
    """Extend a body head over the quoted name that follows it: صحيفة "نيويورك تايمز"."""
    tokens = reader.toks
    marks = reader.lex.mark_chars
    if end >= len(tokens) or tokens[end].text not in marks:
        return end
    if end + 1 < len(tokens) and _possessed(reader, tokens[end + 1]):
        return end  # المنظمة «استياءها»: a noun of the body's, its verb's object
    for j in range(end + 1, min(len(tokens), end + 6)):
        if tokens[j].text in marks:
            return j + 1 if j > end + 1 else end
        if not tokens[j].is_word:
            break
    return end


def _bare_name(reader: _Reader, *, bare_names: bool) -> Mention | None:
    """A surname seen elsewhere in the article, or (after a verb) any word: زيلينسكي.

    Never a preposition with a pronoun (وصفت فيه العملية), nor a noun with one (حديثه), nor
    a definite common noun, a word carrying بـ/لـ or a relative (ما) that no names data knows;
    after a verb that takes an object (وصف، كشف، أعلن) only a word the names data knows or
    a lone word right before the clause: ووصف استمرار الاعتراف بأنه ... has its object, not its
    subject, after the verb.
    """
    first = reader.toks[0]
    known = skeleton(first.text) in reader.known
    if not (known or bare_names):
        return None
    if not known and (_possessed(reader, first) or _pronoun_on_preposition(reader, first)):
        return None  # واختتم حديثه قائلا: a noun with a pronoun is the object, not a name
    if (not known and reader.object_verb and not is_name_unit(first.text)
            and reader.name_to_clause(0, 2) != 1):
        return None  # unless it stands alone before the clause: واعتبرت حماس أن ...
    if not known and not is_name_unit(first.text) and (
            first.text.startswith(("بال", "لل")) or first.text in reader.lex.relatives
            or first.text in reader.lex.auxiliaries or (
                first.text.startswith("ال") and not reader.family_name(first)
                and _trailing_role(reader, 1) is None and not reader.clause_at(1))):
        # دعا الشعب الكردي، تمنى النجاح له، ووصفت ما ...، بالهام، وقالت وقد: no name starts so; a
        # family name with the article is one with a role after it (صرح المنجم رئيس
        # النادي) or alone before the clause (قال المنجم إن).
        return None
    end = reader.read_name(0) if known else _unlisted_name_end(reader)
    mention = _with_trailing_role(reader, end)
    if mention.role or known:
        return mention
    guessed = mention.copy()
    guessed.bare = True
    return guessed


def _accusative(text: str) -> bool:
    """An indefinite word in -ا that no names data knows.

    An adverb or an object (اجتماعا), or a foreign name in -ا (فيدوروفا) when the clause
    follows at once.
    """
    return len(text) > 3 and text.endswith("ا") and not text.startswith("ال") and (
        not is_name_unit(text))


def _unlisted_name_end(reader: _Reader) -> int:
    """End of an unlisted name after a verb: فيليبو جراندي، المفوض ... is one foreign name.

    Unlisted words run on up to the clause (`name_to_clause`) unless one ends like an Arabic
    noun or adjective in the plural or feminine (-ات، -ة, and -ون، -ين past four letters, so
    that ليون stays a name): عن اجتماعات مطولة أن is a phrase, not a name.
    """
    end = reader.name_to_clause(0, 4) or 1
    if end > 1 and any(t.text.endswith(("ات", "ه")) or (
            len(t.text) > 4 and t.text.endswith(("ون", "ين"))) for t in reader.toks[:end]):
        return 1
    return end


def _nisba(text: str) -> bool:
    """A definite nisba adjective: العربية، الأمريكي."""
    return text.startswith("ال") and text.endswith(("ي", "يه"))


def _joined_compound(text: str) -> bool:
    """A compound given name written as one word: عبدالمحسن for the data's عبد المحسن."""
    return len(text) > 5 and text.startswith("عبد") and f"عبد {text[3:]}" in given_names()




def _pronoun_on_preposition(reader: _Reader, token: Token) -> bool:
    """فيه، عليها، منهم، له: a preposition carrying a pronoun, never a name."""
    text = token.text
    for pronoun in ATTACHED_PRONOUNS:
        stem = text.removesuffix(pronoun)
        if stem != text and (stem in reader.lex.prepositions or stem in ("ل", "ب")):
            return True
    return False


def _possessed(reader: _Reader, token: Token) -> bool:
    """The word as written ends in a pronoun: ه (not ة, which folding also makes ه), ها, هم."""
    return ends_in_pronoun(reader.written(token))


_PHRASE_WINDOW = 16
"""Tokens a person mention found by the article-wide scan may span, at most."""


def find_mentions(document: Document, lexicon: Lexicon) -> list[Mention]:
    """Every person the article names, with any role written beside the name.

    Not only the subjects of cues: a person first named as the subject of another verb
    (افتتح الدكتور نبيل سعد وزير الصحة المؤتمر) or inside a phrase (في حوار مع مديرة المعرض
    هالة يوسف) is what a later وزير الصحة or وأضافت points back to. A phrase is read where a
    given name, a name particle or a role head stands; each token is read at most once by a
    phrase that starts on it, and a phrase spans at most `_PHRASE_WINDOW` tokens, so the
    scan is linear in the article.
    """
    found: list[Mention] = []
    reached = 0
    starts, words = document.token_words
    person_starts = lexicon.person_starts
    for start, word in zip(starts, words, strict=True):
        # One set decides, on the word and its clitic-free forms, before any Token is made.
        if start < reached or word not in person_starts:
            continue
        window = document.tokens(start, document.sentence_end(start), _PHRASE_WINDOW)
        if word not in lexicon.honorifics and not any(
                t.text in lexicon.given_words for t in window[: _PHRASE_WINDOW // 2]):
            continue  # no title and no given name near: a role alone names nobody
        reader = _Reader(document, lexicon, window, frozenset())
        if not (reader.given_at(0) or reader.is_role(window[0])
                or window[0].text in lexicon.particles):
            continue  # e.g. a name that is also a word (أمل، جمال) with no name unit after it
        mention = read_mention(document, window, lexicon, bare_names=False)
        if mention is not None and mention.kind is MentionKind.PERSON and mention.name:
            found.append(mention)
            reached = mention.end
    return found


def without_lam(token: Token) -> Token:
    """The word a لـ is attached to: لمسؤولين -> مسؤولين، للوزارة -> (ال)وزارة.

    Before the article, لـ swallows its alef (ل + الوزارة = للوزارة): the span starts at the
    noun and the text gets its article back, so the word still reads as definite.
    """
    text = token.text
    if text.startswith("لل") and len(text) > 3:
        return Token(token.start + 2, token.end, "ال" + text[2:])
    if text.startswith("ل") and len(text) > 2:
        return Token(token.start + 1, token.end, text[1:])
    return token
