"""Result types: what `arquotes.extract` returns, and their lossless JSON form.

Every class is a frozen, slotted attrs class. Spans are half-open character offsets into the
ORIGINAL input text, so ``text[item.span.start:item.span.end] == item.text`` always holds.
``to_dict``/``from_dict`` give a JSON-ready mapping and back without loss.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from typing import Any

import attrs

__all__ = [
    "Attribution",
    "Claim",
    "Cue",
    "CueCategory",
    "Extraction",
    "Gender",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerKind",
]


class QuoteKind(enum.StrEnum):
    """Whether quoted words are a whole utterance or a fragment inside other speech."""

    DIRECT = "direct"
    """Words in quotation marks that reproduce a whole utterance."""
    MIXED = "mixed"
    """A short quoted fragment embedded in reported speech or narration."""


class CueCategory(enum.StrEnum):
    """The meaning of a cue, a small fixed set (see docs/api.md)."""

    STATEMENT = "statement"  # قال، صرح، ذكر، كتب
    ADDITION = "addition"  # أضاف، تابع، أردف
    ASSERTION = "assertion"  # أكد، شدد
    DENIAL = "denial"  # نفى، استبعد
    ANNOUNCEMENT = "announcement"  # أعلن، كشف
    EXPLANATION = "explanation"  # أوضح، أشار، لفت، بين
    WARNING = "warning"  # حذر
    DEMAND = "demand"  # طالب، دعا
    ACCUSATION = "accusation"  # اتهم
    OPINION = "opinion"  # اعتبر، رأى، توقع
    SOURCE = "source"  # بحسب، وفقا لـ، نقلا عن


class SpeakerKind(enum.StrEnum):
    """What sort of entity speaks."""

    PERSON = "person"
    BODY = "body"  # an institution, government, country or document
    UNNAMED = "unnamed"  # a described but unnamed source: مسؤول في البيت الأبيض


class Gender(enum.StrEnum):
    """A person's grammatical gender, as the article shows it (docs/api.md)."""

    FEMALE = "female"
    MALE = "male"


@attrs.frozen
class Span:
    """Half-open character offsets ``[start, end)`` into the original text."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _end_after_start(self, _attribute: object, value: int) -> None:
        if value < self.start:
            raise ValueError(f"Span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        """Number of characters covered."""
        return self.end - self.start

    def to_dict(self) -> dict[str, int]:
        """JSON-ready form."""
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        """Inverse of `to_dict`."""
        return cls(int(data["start"]), int(data["end"]))


def _span_or_none(data: Any) -> Span | None:
    return None if data is None else Span.from_dict(data)


@attrs.frozen(kw_only=True)
class Cue:
    """The word or phrase that introduces or attributes speech (وقال، مؤكدا، بحسب)."""

    text: str
    span: Span
    lemma: str
    """Dictionary form: وأضافت -> أضاف."""
    category: CueCategory
    negated: bool = False
    """True for a negated cue (لم يقل، لم يؤكد)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "text": self.text,
            "span": self.span.to_dict(),
            "lemma": self.lemma,
            "category": self.category.value,
            "negated": self.negated,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        """Inverse of `to_dict`."""
        return cls(
            text=data["text"],
            span=Span.from_dict(data["span"]),
            lemma=data["lemma"],
            category=CueCategory(data["category"]),
            negated=bool(data.get("negated", False)),
        )


@attrs.frozen(kw_only=True)
class Speaker:
    """One resolved entity that speaks, with every place the article names it."""

    name: str
    """Canonical name: the fullest proper name the article uses (ديمتري بيسكوف)."""
    kind: SpeakerKind = SpeakerKind.PERSON
    mentions: tuple[Span, ...] = ()
    """Where the article names this entity, by name or by role, in text order."""
    aliases: tuple[str, ...] = ()
    """Other written forms of the name (بيسكوف، دميتري بيسكوف)."""
    roles: tuple[str, ...] = ()
    """Roles or organisations written beside the name (المتحدث باسم الكرملين)."""
    gender: Gender | None = None
    """A person's gender when the article's grammar tells it (قالت، الوزيرة); else None."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "mentions": [m.to_dict() for m in self.mentions],
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "gender": None if self.gender is None else self.gender.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        """Inverse of `to_dict`."""
        return cls(
            name=data["name"],
            kind=SpeakerKind(data.get("kind", "person")),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions", ())),
            aliases=tuple(data.get("aliases", ())),
            roles=tuple(data.get("roles", ())),
            gender=None if data.get("gender") is None else Gender(data["gender"]),
        )


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said an item, through which cue, and how sure we are."""

    speaker: Speaker | None
    mention: Span | None = None
    """Where this item's speaker is written; None when inferred (pro-drop, pronoun)."""
    cue: Cue | None = None
    confidence: float = attrs.field(default=0.0, validator=attrs.validators.and_(
        attrs.validators.ge(0.0), attrs.validators.le(1.0)))
    source: str | None = None
    """A secondary source the words reached us through (حسبما نقلت وكالة "فرانس برس")."""
    channel: str | None = None
    """The channel or audience, when written (للصحفيين، في تغريدة على تويتر)."""

    def to_dict(self, speakers: SpeakerIndex | None = None) -> dict[str, Any]:
        """JSON-ready form; with ``speakers``, the speaker is its index in that list."""
        speaker: Any = None
        if self.speaker is not None:
            speaker = speakers.index(self.speaker) if speakers else self.speaker.to_dict()
        return {
            "speaker": speaker,
            "mention": None if self.mention is None else self.mention.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "confidence": self.confidence,
            "source": self.source,
            "channel": self.channel,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any],
                  speakers: Sequence[Speaker] = ()) -> Attribution:
        """Inverse of `to_dict`: an integer speaker is looked up in ``speakers``."""
        speaker = data.get("speaker")
        cue = data.get("cue")
        if isinstance(speaker, int):
            if not 0 <= speaker < len(speakers):
                raise ValueError(f"speaker index {speaker} is not in the speakers list")
            resolved: Speaker | None = speakers[speaker]
        else:
            resolved = None if speaker is None else Speaker.from_dict(speaker)
        return cls(
            speaker=resolved,
            mention=_span_or_none(data.get("mention")),
            cue=None if cue is None else Cue.from_dict(cue),
            confidence=float(data.get("confidence", 0.0)),
            source=data.get("source"),
            channel=data.get("channel"),
        )


class SpeakerIndex:
    """Positions of speakers in `Extraction.speakers`, so JSON refers to each by number.

    Embedding a speaker (with every mention) in each attribution would make the JSON of an
    article grow with the square of its items; an index keeps it linear.
    """

    def __init__(self, speakers: Sequence[Speaker]) -> None:
        """Index ``speakers`` by identity and by value."""
        self._by_id = {id(s): i for i, s in enumerate(speakers)}
        self._by_value = {s: i for i, s in reversed(list(enumerate(speakers)))}

    def __bool__(self) -> bool:
        """True when there is anything to refer to."""
        return bool(self._by_id)

    def index(self, speaker: Speaker) -> int | dict[str, Any]:
        """The position of ``speaker``, or its full form when it is not in the list."""
        found = self._by_id.get(id(speaker))
        if found is None:
            found = self._by_value.get(speaker)
        return speaker.to_dict() if found is None else found


def _attribution_or_none(data: Any, speakers: Sequence[Speaker] = ()) -> Attribution | None:
    return None if data is None else Attribution.from_dict(data, speakers)


@attrs.frozen(kw_only=True)
class Quote:
    """Words in quotation marks, marks excluded."""

    text: str
    span: Span
    kind: QuoteKind = QuoteKind.DIRECT
    attribution: Attribution | None = None
    continued: bool = False
    """True when the quote runs on into the next paragraph, which reopens with a mark."""

    def to_dict(self, speakers: SpeakerIndex | None = None) -> dict[str, Any]:
        """JSON-ready form (see `Attribution.to_dict` for ``speakers``)."""
        return {
            "text": self.text,
            "span": self.span.to_dict(),
            "kind": self.kind.value,
            "attribution": None if self.attribution is None else self.attribution.to_dict(
                speakers),
            "continued": self.continued,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], speakers: Sequence[Speaker] = ()) -> Quote:
        """Inverse of `to_dict`."""
        return cls(
            text=data["text"],
            span=Span.from_dict(data["span"]),
            kind=QuoteKind(data.get("kind", "direct")),
            attribution=_attribution_or_none(data.get("attribution"), speakers),
            continued=bool(data.get("continued", False)),
        )


@attrs.frozen(kw_only=True)
class Claim:
    """Reported speech without quotation marks: an attributed proposition."""

    text: str
    span: Span
    attribution: Attribution | None = None
    quotes: tuple[Quote, ...] = ()
    """Mixed quotes that lie inside this claim."""

    def to_dict(self, speakers: SpeakerIndex | None = None) -> dict[str, Any]:
        """JSON-ready form (see `Attribution.to_dict` for ``speakers``)."""
        return {
            "text": self.text,
            "span": self.span.to_dict(),
            "attribution": None if self.attribution is None else self.attribution.to_dict(
                speakers),
            "quotes": [q.to_dict(speakers) for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], speakers: Sequence[Speaker] = ()) -> Claim:
        """Inverse of `to_dict`."""
        return cls(
            text=data["text"],
            span=Span.from_dict(data["span"]),
            attribution=_attribution_or_none(data.get("attribution"), speakers),
            quotes=tuple(Quote.from_dict(q, speakers) for q in data.get("quotes", ())),
        )


@attrs.frozen(kw_only=True)
class Extraction:
    """Everything found in one article, each sequence in text order."""

    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    speakers: tuple[Speaker, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; attributions name their speaker by index into ``speakers``."""
        index = SpeakerIndex(self.speakers)
        return {
            "quotes": [q.to_dict(index) for q in self.quotes],
            "claims": [c.to_dict(index) for c in self.claims],
            "speakers": [s.to_dict() for s in self.speakers],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Inverse of `to_dict`."""
        speakers = tuple(Speaker.from_dict(s) for s in data.get("speakers", ()))
        return cls(
            quotes=tuple(Quote.from_dict(q, speakers) for q in data.get("quotes", ())),
            claims=tuple(Claim.from_dict(c, speakers) for c in data.get("claims", ())),
            speakers=speakers,
        )

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise to JSON; lone surrogates in the input are escaped, never an error."""
        return json.dumps(self.to_dict(), ensure_ascii=True, indent=indent)

    @classmethod
    def from_json(cls, data: str) -> Extraction:
        """Inverse of `to_json`."""
        return cls.from_dict(json.loads(data))
