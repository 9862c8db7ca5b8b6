"""Resolution: group an article's mentions into entities, one per person or body.

Like a citation resolver turning short forms into the full citation they stand for, it
groups surname and spelling variants (ديمتري/دميتري بيسكوف، تروس/تراس) by consonant
skeleton, links role-only mentions (الوزير، وزير الطاقة) to the person the article names
with that role on either side of the name, and anaphors (الوزارة) to the body they repeat.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

import attrs

from arquotes.document import Document
from arquotes.lexicon import KnownSpeaker
from arquotes.mentions import Mention, MentionKind, core, skeleton
from arquotes.model import Gender, Span, Speaker, SpeakerKind
from arquotes.normalize import fold_word

__all__ = ["Entity", "EntityTable", "KnownIndex", "known_index"]


class Entity:
    """A speaker being assembled from its mentions (a plain class: native when compiled)."""

    kind: SpeakerKind
    names: list[str]
    """Folded names, for matching."""
    originals: list[str]
    """The same names as written."""
    roles: list[str]
    role_texts: list[str]
    spans: list[tuple[int, int]]
    """Original ``(start, end)`` of every mention (`Span` objects are made for the result)."""
    feminine: bool
    order: int
    seen: int
    """When the entity was last named, for "latest first" lookups."""
    positions: list[int]
    """Where the entity is mentioned (folded offsets, sorted), for "nearest before" lookups."""
    canonical: str | None
    """The name a user gave for a known speaker, used as written."""

    def __init__(self, kind: SpeakerKind, *, order: int = 0, names: list[str] | None = None,
                 canonical: str | None = None, feminine: bool = False) -> None:
        """A new entity of ``kind``, with the names and name a known speaker brings."""
        self.kind = kind
        self.names = [] if names is None else names
        self.originals = []
        self.roles = []
        self.role_texts = []
        self.spans = []
        self.feminine = feminine
        self.order = order
        self.seen = 0
        self.positions = []
        self.canonical = canonical

    def best_name(self) -> str:
        """The user's name, else the fullest name: most words, then longest, then first."""
        if self.canonical is not None:
            return self.canonical
        if not self.originals:
            return self.role_texts[0] if self.role_texts else ""
        return max(self.originals, key=lambda n: (len(n.split()), len(n)))

    def to_speaker(self, gender: Gender | None = None) -> Speaker:
        """The public `Speaker` for this entity, of ``gender`` when known."""
        name = self.best_name()
        aliases = tuple(dict.fromkeys(n for n in self.originals if n != name))
        return Speaker(
            name=name,
            kind=self.kind,
            mentions=tuple(Span(start, end) for start, end in sorted(set(self.spans))),
            aliases=aliases,
            roles=tuple(dict.fromkeys(self.role_texts)),
            gender=gender,
        )


def _same_name(words: list[str], other: list[str], kind: SpeakerKind,
               particles: frozenset[str] = frozenset()) -> bool:
    """Whether two folded names name one entity.

    Persons: same surname skeleton (دميتري/ديمتري بيسكوف، تروس/تراس) and, when both give
    one, the same first-name skeleton; a lone first name matches a two-word name; a name that
    opens with a particle (بن فرحان، أبو مازن) matches the end of a longer name, unless that
    end is a father's name after بن (سلمان بن عبد العزيز is not عبد العزيز). Bodies:
    the same words, one a prefix of the other (وزارة الصحة، وزارة الصحة والسكان), or one is
    the other with a head noun in front (الأمم المتحدة، منظمة الأمم المتحدة), but not with
    words after it (مكتب الأمم المتحدة لحقوق الإنسان is another body).
    """
    if not other:
        return False
    if [core(w) for w in words] == [core(w) for w in other]:
        return True
    if kind is SpeakerKind.PERSON:
        if _tail_of(words, other, particles) or _tail_of(other, words, particles):
            return True
        if skeleton(other[-1]) == skeleton(words[-1]) and (
            len(words) == 1 or len(other) == 1 or skeleton(other[0]) == skeleton(words[0])
        ):
            return True
        return len(words) == 1 and len(other) == 2 and skeleton(other[0]) == skeleton(words[0])
    short, long_ = sorted(([core(w) for w in words], [core(w) for w in other]), key=len)
    n = len(short)
    return long_[:n] == short or (long_[1:] == short and n >= 1)


def _tail_of(short: list[str], long_: list[str], particles: frozenset[str]) -> bool:
    """``short`` is the particle-led end of ``long_``: بن فرحان of فيصل بن فرحان."""
    n = len(short)
    if not 2 <= n < len(long_) or short[0] not in particles or long_[-n - 1] in particles:
        return False
    return [skeleton(w) for w in long_[-n:]] == [skeleton(w) for w in short]


def _nearness(entity: Entity, before: int) -> tuple[int, int]:
    """Sort key: named before ``before`` (latest first), then named after it (nearest first)."""
    k = bisect.bisect_left(entity.positions, before)
    if k:
        return 1, entity.positions[k - 1]
    return 0, -entity.positions[k] if k < len(entity.positions) else -(1 << 62)


def _words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def _content_words(text: str) -> set[str]:
    """Role words without clitics or article, for subset matching of roles."""
    return {core(word) for word in _words(text)}


def _name_keys(words: list[str]) -> list[str]:
    """The index keys a name is filed under, besides its words (``W:``)."""
    return [f"L:{skeleton(words[-1])}", f"F:{skeleton(words[0])}",
            *(f"C:{core(w)}" for w in words[:2])]


@attrs.frozen(eq=False)
class KnownIndex:
    """The user's known speakers, folded and filed by name key once for every article.

    An article looks up only the keys its own mentions give, so its cost does not grow with
    the list: 20,000 known speakers cost what 200 do, save for keys many names share.
    """

    speakers: tuple[KnownSpeaker, ...]
    names: tuple[tuple[str, ...], ...]
    """Each speaker's folded name and aliases."""
    index: dict[str, tuple[int, ...]]
    """Key (as `EntityTable` files names) -> places in `speakers`, ascending."""

    @classmethod
    def of(cls, speakers: tuple[KnownSpeaker, ...]) -> KnownIndex:
        """Fold and file ``speakers``."""
        names: list[tuple[str, ...]] = []
        index: dict[str, list[int]] = {}
        for k, speaker in enumerate(speakers):
            folded = tuple(dict.fromkeys(
                " ".join(fold_word(w) for w in name.split())
                for name in (speaker.name, *speaker.aliases)))
            names.append(folded)
            for name in folded:
                words = _words(name)
                if not words:
                    continue
                for key in (*_name_keys(words), *(f"W:{core(w)}" for w in words)):
                    bucket = index.setdefault(key, [])
                    if not bucket or bucket[-1] != k:
                        bucket.append(k)
        return cls(speakers, tuple(names), {key: tuple(ks) for key, ks in index.items()})


_INDEXES: dict[int, tuple[tuple[KnownSpeaker, ...], KnownIndex]] = {}
"""id of a speakers tuple -> (that tuple, its index); holding the tuple keeps its id unique."""
_INDEXES_KEPT = 8


def known_index(known: Iterable[KnownSpeaker]) -> KnownIndex:
    """The index of ``known``, built once per tuple (a lexicon's ``known_speakers``)."""
    if not isinstance(known, tuple):
        return KnownIndex.of(tuple(known))
    cached = _INDEXES.get(id(known))
    if cached is not None and cached[0] is known:
        return cached[1]
    built = KnownIndex.of(known)
    if len(_INDEXES) >= _INDEXES_KEPT:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(known)] = (known, built)
    return built


class EntityTable:
    """Groups the mentions of one article into entities and resolves role-only mentions.

    Lookups go through an index of name and role words (surname skeletons, first words,
    content words), so an article with many speakers stays linear: each lookup checks only
    the entities that share a word with the query, and takes the most recently mentioned.
    """

    def __init__(self, document: Document, known: Iterable[KnownSpeaker] = (), *,
                 particles: Iterable[str] = ()) -> None:
        """A table for ``document``, seeded with the user's known speakers and aliases.

        ``particles`` are the folded name particles (بن، أبو) that may open a short name.
        """
        self.document = document
        self.particles = frozenset(particles)
        self.entities: list[Entity] = []
        self._index: dict[str, list[Entity]] = {}
        self._clock = 0
        self._known = known_index(known)
        self._known_entities: dict[int, Entity] = {}
        """Known speakers an article lookup reached, by their place in the user's list."""
        self._next_order = len(self._known.speakers)

    def _new(self, kind: SpeakerKind) -> Entity:
        entity = Entity(kind=kind, order=self._next_order)
        self._next_order += 1
        self.entities.append(entity)
        return entity

    def _known_entity(self, k: int) -> Entity:
        """The entity of known speaker ``k``, made the first time a lookup reaches it."""
        entity = self._known_entities.get(k)
        if entity is None:
            speaker, names = self._known.speakers[k], self._known.names[k]
            entity = Entity(kind=speaker.kind, order=k, names=list(names),
                            canonical=speaker.name, feminine=speaker.feminine)
            self._known_entities[k] = entity
            self.entities.append(entity)
        return entity

    def _file(self, entity: Entity, keys: Iterable[str]) -> None:
        known = entity.canonical is not None and entity.order < len(self._known.speakers)
        for key in keys:
            if known and entity.order in self._known.index.get(key, ()):
                continue  # filed there once for every article, in the known index
            bucket = self._index.setdefault(key, [])
            if not bucket or bucket[-1] is not entity:
                bucket.append(entity)

    def _add_name(self, entity: Entity, folded: str, original: str | None) -> None:
        self._add_text(entity, entity.names, entity.originals, folded, original,
                       keys=_name_keys)

    def _add_role(self, entity: Entity, folded: str, original: str | None) -> None:
        self._add_text(entity, entity.roles, entity.role_texts, folded, original,
                       keys=lambda words: [f"C:{core(words[0])}"])

    def _add_text(self, entity: Entity, folded_texts: list[str], originals: list[str],
                  folded: str, original: str | None, *,
                  keys: Callable[[list[str]], list[str]]) -> None:
        """Record a name or role once, and file the entity under its words."""
        if original is not None and original not in originals:
            originals.append(original)
        if folded in folded_texts:
            return
        folded_texts.append(folded)
        words = _words(folded)
        if words:
            self._file(entity, [*keys(words), *(f"W:{core(w)}" for w in words)])

    def _touch(self, entity: Entity) -> None:
        self._clock += 1
        entity.seen = self._clock

    def _candidates(self, keys: Iterable[str], before: int | None = None) -> list[Entity]:
        """Entities filed under any of ``keys``, most recently mentioned first.

        With ``before`` (a position in the text), the one named nearest before it comes
        first, then those named only after it, nearest first: a generic head (الوزير) means
        the minister named last before it, not a later one.
        """
        found: dict[int, Entity] = {}
        for key in keys:
            # Known speakers filed under the key come first, as if filed before the article.
            for k in self._known.index.get(key, ()):
                entity = self._known_entity(k)
                found.setdefault(id(entity), entity)
            for entity in self._index.get(key, ()):
                found.setdefault(id(entity), entity)
        if len(found) < 2:
            return list(found.values())
        if before is None:
            return sorted(found.values(), key=lambda e: (e.seen, e.order), reverse=True)
        return sorted(found.values(), key=lambda e: _nearness(e, before), reverse=True)

    def _text(self, part: tuple[int, int]) -> tuple[str, str]:
        folded = self.document.text[part[0] : part[1]]
        return folded, self.document.view.text_of(*part)

    def _kind(self, mention: Mention) -> SpeakerKind:
        if mention.kind in (MentionKind.BODY, MentionKind.ANAPHOR):
            return SpeakerKind.BODY
        if mention.kind is MentionKind.UNNAMED:
            return SpeakerKind.UNNAMED
        return SpeakerKind.PERSON

    def find_by_name(self, folded: str, *, before: int | None = None) -> Entity | None:
        """The entity whose name matches ``folded`` (see `_same_name`), latest first."""
        words = _words(folded)
        if not words:
            return None
        keys = [f"L:{skeleton(words[-1])}", f"F:{skeleton(words[-1])}",
                *(f"C:{core(w)}" for w in words[:2])]
        for entity in self._candidates(keys, before):
            if any(_same_name(words, _words(name), entity.kind, self.particles)
                   for name in entity.names):
                return entity
        return None

    def find_by_surname(self, folded_role: str, *, before: int | None = None) -> Entity | None:
        """A person whose surname ends a role phrase: النائب المقداد -> علي المقداد."""
        words = _words(folded_role)
        if len(words) < 2:
            return None
        last = skeleton(words[-1])
        for entity in self._candidates([f"L:{last}"], before):
            if entity.kind is SpeakerKind.PERSON and any(
                len(_words(n)) >= 2 and skeleton(_words(n)[-1]) == last for n in entity.names
            ):
                return entity
        return None

    def find_by_role(self, folded_role: str, *, feminine: bool | None = None,
                     before: int | None = None) -> Entity | None:
        """The latest entity written with a role containing every word of ``folded_role``."""
        wanted = _content_words(folded_role)
        if not wanted:
            return None
        for entity in self._candidates((f"W:{w}" for w in wanted), before):
            if feminine is not None and entity.feminine != feminine:
                continue
            for role in entity.roles + entity.names:
                have = _content_words(role)
                if wanted <= have or (len(wanted) >= 3 and len(wanted & have) >= len(wanted) - 1):
                    return entity
        return None

    def find_by_head(self, folded_head: str, *, before: int | None = None) -> Entity | None:
        """The latest entity whose name or role starts with the head word of an anaphor."""
        words = _words(folded_head)
        if not words:
            return None
        head = core(words[0])
        for entity in self._candidates([f"C:{head}"], before):
            for text in entity.names + entity.roles:
                other = _words(text)
                if other and core(other[0]) == head and other != words:
                    return entity
        return None

    def add(self, mention: Mention, *, feminine_verb: bool = False) -> Entity | None:
        """Register a mention that names its entity (name, body or description)."""
        if mention.kind in (MentionKind.ROLE, MentionKind.ANAPHOR):
            return None
        part = mention.name or mention.role
        if part is None:
            return None
        folded, original = self._text(part)
        entity = self.find_by_name(folded) or self._new(self._kind(mention))
        self._touch(entity)
        self._add_name(entity, folded, original)
        entity.spans.append(self.document.view.offsets(mention.start, mention.end))
        bisect.insort(entity.positions, mention.start)
        entity.feminine = entity.feminine or mention.feminine or feminine_verb
        if mention.role and mention.name:
            self._add_role(entity, *self._text(mention.role))
        elif mention.kind is MentionKind.UNNAMED:
            self._add_role(entity, folded, None)
        return entity

    def resolve(self, mention: Mention, *, feminine_verb: bool = False,
                fallback: Entity | None = None) -> Entity | None:
        """The entity a role-only or anaphoric mention points to, or a new one for it.

        An anaphor that matches nothing (البيان، المصدر ذاته) takes ``fallback``, the
        latest speaker, when one is given.
        """
        part = mention.role or mention.name or (mention.start, mention.end)
        folded, original = self._text(part)
        at = mention.start
        entity: Entity | None
        if mention.kind is MentionKind.ANAPHOR:
            entity = (self.find_by_head(folded, before=at)
                      or self.find_by_role(folded, before=at) or fallback)
        else:
            entity = (self.find_by_surname(folded, before=at)
                      or self.find_by_role(folded, before=at)
                      or self.find_by_name(folded, before=at))
        if entity is None:
            kind = SpeakerKind.BODY if mention.kind is MentionKind.ANAPHOR else (
                SpeakerKind.UNNAMED)
            entity = self._new(kind)
            self._add_name(entity, folded, original)
            self._add_role(entity, folded, None)
        entity.spans.append(self.document.view.offsets(mention.start, mention.end))
        bisect.insort(entity.positions, mention.start)
        entity.feminine = entity.feminine or mention.feminine or feminine_verb
        return entity

