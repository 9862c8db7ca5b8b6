"""What a corpus says: counts over extraction records (docs/stats.md).

`CorpusStats` takes the records ``arquotes extract`` writes, one at a time (`add`), and two
of them combine (`merge`), so the same code runs in one process and as a Dask reduction.
It keeps one tally per speaker name as written; `report` then groups the names across
articles (`arquotes.name_groups`) and ranks them.

Speaker kinds are the extractor's (person, body, unnamed source) with press split from the
bodies: a body whose name is a newspaper, channel or news agency (صحيفة، قناة، وكالة الأنباء،
رويترز). Outlet and day come from the record's pass-through fields (``meta``); a date counts
under its ISO day (the first ten characters), or under ``unknown`` when it is not one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from arquotes.errors import ArquotesError
from arquotes.mentions import core
from arquotes.model import CueCategory, Gender, SpeakerKind
from arquotes.name_groups import group_names
from arquotes.normalize import fold_word

__all__ = [
    "KINDS",
    "CorpusStats",
    "CueRow",
    "GroupRow",
    "KindRow",
    "RecordError",
    "SpeakerRow",
    "StatsReport",
]

KINDS = ("person", "body", "unnamed", "press")
"""Speaker kinds as stats reports them."""

UNKNOWN_DAY = "unknown"

_PRESS_HEADS = frozenset(fold_word(w) for w in (
    "صحيفة", "جريدة", "قناة", "تلفزيون", "إذاعة", "مجلة", "شبكة",
))
"""First words of a body name that make it the press (صحيفة الغارديان، قناة الجزيرة)."""
_PRESS_WORDS = frozenset(fold_word(w) for w in (
    "أنباء", "رويترز", "برس", "أسوشيتد", "الأناضول", "سبوتنيك", "إنترفاكس", "بلومبرغ",
))
"""Words anywhere in a body name that make it the press (وكالة الأنباء، فرانس برس)."""


class RecordError(ArquotesError, ValueError):
    """Raised when a record is not an extraction record (docs/stats.md)."""


@attrs.define
class _Tally:
    """Counts for one outlet or one day."""

    records: int = 0
    quotes: int = 0
    claims: int = 0
    quotes_without_speaker: int = 0

    def add(self, other: _Tally) -> None:
        """Add ``other``'s counts to these."""
        self.records += other.records
        self.quotes += other.quotes
        self.claims += other.claims
        self.quotes_without_speaker += other.quotes_without_speaker


@attrs.define
class _NameTally:
    """Counts for one speaker name (kind, folded name) over the articles it speaks in."""

    quotes: int = 0
    claims: int = 0
    articles: int = 0
    genders: Counter[str] = attrs.field(factory=Counter)
    """Articles that gave each gender ("" for none)."""
    written: Counter[str] = attrs.field(factory=Counter)
    """Items spoken under each written form."""

    def add(self, other: _NameTally) -> None:
        """Add ``other``'s counts to these."""
        self.quotes += other.quotes
        self.claims += other.claims
        self.articles += other.articles
        self.genders.update(other.genders)
        self.written.update(other.written)


@attrs.frozen(kw_only=True)
class _Speaker:
    """One speaker of one record, read and checked."""

    key: tuple[str, str]
    name: str
    gender: str


@attrs.frozen(kw_only=True)
class _Item:
    """One quote or claim of one record, read and checked."""

    speaker: int | None
    cue: tuple[str, str] | None
    """(category, lemma)."""


@attrs.frozen(kw_only=True)
class SpeakerRow:
    """One speaker across the corpus."""

    name: str
    """The most used written form."""
    kind: str
    gender: Gender | None
    quotes: int
    claims: int
    articles: int
    variants: tuple[str, ...] = ()
    """Other written forms grouped under this speaker, most used first."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "kind": self.kind,
                "gender": None if self.gender is None else self.gender.value,
                "quotes": self.quotes, "claims": self.claims, "articles": self.articles,
                "variants": list(self.variants)}


@attrs.frozen(kw_only=True)
class KindRow:
    """Speakers, quotes and claims of one speaker kind, or of one gender."""

    kind: str
    speakers: int
    quotes: int
    claims: int


@attrs.frozen(kw_only=True)
class CueRow:
    """How often a cue lemma attributes a quote or claim."""

    category: str
    lemma: str
    count: int


@attrs.frozen(kw_only=True)
class GroupRow:
    """Counts for one outlet or one day."""

    key: str
    records: int
    quotes: int
    claims: int
    quotes_without_speaker: int


@attrs.frozen(kw_only=True)
class StatsReport:
    """Everything `arquotes stats` reports, speakers ranked and grouped across articles."""

    records: int
    failed: int
    """Records that carry an ``error`` instead of a result."""
    bad_lines: int
    quotes: int
    claims: int
    quotes_without_speaker: int
    claims_without_speaker: int
    speakers: tuple[SpeakerRow, ...]
    kinds: tuple[KindRow, ...]
    genders: tuple[KindRow, ...]
    """Persons by gender: female, male, unknown."""
    cues: tuple[CueRow, ...]
    outlets: tuple[GroupRow, ...]
    days: tuple[GroupRow, ...]

    @property
    def share_without_speaker(self) -> float:
        """Share of quotes with no speaker (0 when there are no quotes)."""
        return self.quotes_without_speaker / self.quotes if self.quotes else 0.0

    def top_cues(self, top: int | None = None) -> tuple[CueRow, ...]:
        """The ``top`` most used lemmas of each category (all when None)."""
        kept: Counter[str] = Counter()
        rows = []
        for row in self.cues:
            kept[row.category] += 1
            if top is None or kept[row.category] <= top:
                rows.append(row)
        return tuple(rows)

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """JSON-ready form; ``top`` keeps that many speakers and lemmas per cue category."""
        return {
            "records": self.records,
            "failed": self.failed,
            "bad_lines": self.bad_lines,
            "quotes": self.quotes,
            "claims": self.claims,
            "quotes_without_speaker": self.quotes_without_speaker,
            "share_without_speaker": round(self.share_without_speaker, 4),
            "claims_without_speaker": self.claims_without_speaker,
            "speakers": [s.to_dict() for s in self.speakers[:top]],
            "kinds": [attrs.asdict(k) for k in self.kinds],
            "genders": [{"gender": g.kind, "persons": g.speakers, "quotes": g.quotes,
                         "claims": g.claims} for g in self.genders],
            "cues": [attrs.asdict(c) for c in self.top_cues(top)],
            "outlets": [attrs.asdict(o) for o in self.outlets],
            "days": [attrs.asdict(d) for d in self.days],
        }


@attrs.define
class CorpusStats:
    """A mergeable accumulator of counts over extraction records (see module docstring)."""

    outlet_field: str = "source"
    date_field: str = "date"
    records: int = 0
    failed: int = 0
    bad_lines: int = 0
    quotes: int = 0
    claims: int = 0
    quotes_without_speaker: int = 0
    claims_without_speaker: int = 0
    names: dict[tuple[str, str], _NameTally] = attrs.field(factory=dict)
    cues: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    outlets: dict[str, _Tally] = attrs.field(factory=dict)
    days: dict[str, _Tally] = attrs.field(factory=dict)

    def add(self, record: object) -> None:
        """Count one record; raises `RecordError` (counting nothing) when it is malformed."""
        if not isinstance(record, Mapping):
            raise RecordError(f"a record is a JSON object, not {type(record).__name__}")
        if "error" in record:
            self.failed += 1
            return
        speakers, quotes, claims = _read_record(record)
        outlet, day = self._where(record)
        tally = _Tally(records=1, quotes=len(quotes), claims=len(claims),
                       quotes_without_speaker=sum(q.speaker is None for q in quotes))
        self.records += 1
        self.quotes += tally.quotes
        self.claims += tally.claims
        self.quotes_without_speaker += tally.quotes_without_speaker
        self.claims_without_speaker += sum(c.speaker is None for c in claims)
        for item in (*quotes, *claims):
            if item.cue is not None:
                self.cues[item.cue] += 1
        self._count_speakers(speakers, quotes, claims)
        if outlet is not None:
            self.outlets.setdefault(outlet, _Tally()).add(tally)
        if day is not None:
            self.days.setdefault(day, _Tally()).add(tally)

    def _count_speakers(self, speakers: list[_Speaker], quotes: list[_Item],
                        claims: list[_Item]) -> None:
        said = Counter(q.speaker for q in quotes if q.speaker is not None)
        claimed = Counter(c.speaker for c in claims if c.speaker is not None)
        for index, speaker in enumerate(speakers):
            if not (said[index] or claimed[index]):
                continue
            spoke = _NameTally(quotes=said[index], claims=claimed[index], articles=1,
                               genders=Counter([speaker.gender]),
                               written=Counter({speaker.name: said[index] + claimed[index]}))
            self.names.setdefault(speaker.key, _NameTally()).add(spoke)

    def _where(self, record: Mapping[str, Any]) -> tuple[str | None, str | None]:
        """The record's outlet and day, from its pass-through fields."""
        meta = record.get("meta")
        if not isinstance(meta, Mapping):
            return None, None
        outlet = meta.get(self.outlet_field)
        date = meta.get(self.date_field)
        return (None if outlet is None else str(outlet),
                None if date is None else _day(date))

    def merge(self, other: CorpusStats) -> CorpusStats:
        """Add ``other``'s counts to these (same fields required); returns self."""
        if (other.outlet_field, other.date_field) != (self.outlet_field, self.date_field):
            raise ValueError("cannot merge stats read with different outlet or date fields")
        self.records += other.records
        self.failed += other.failed
        self.bad_lines += other.bad_lines
        self.quotes += other.quotes
        self.claims += other.claims
        self.quotes_without_speaker += other.quotes_without_speaker
        self.claims_without_speaker += other.claims_without_speaker
        for key, name in other.names.items():
            self.names.setdefault(key, _NameTally()).add(name)
        self.cues.update(other.cues)
        for mine, theirs in ((self.outlets, other.outlets), (self.days, other.days)):
            for where, tally in theirs.items():
                mine.setdefault(where, _Tally()).add(tally)
        return self

    def report(self) -> StatsReport:
        """Group speaker names across articles and rank everything."""
        speakers = _speaker_rows(self.names)
        return StatsReport(
            records=self.records, failed=self.failed, bad_lines=self.bad_lines,
            quotes=self.quotes, claims=self.claims,
            quotes_without_speaker=self.quotes_without_speaker,
            claims_without_speaker=self.claims_without_speaker,
            speakers=speakers,
            kinds=_kind_rows(speakers),
            genders=_gender_rows(speakers),
            cues=_cue_rows(self.cues),
            outlets=_group_rows(self.outlets),
            days=_group_rows(self.days),
        )

    @classmethod
    def of(cls, records: Iterable[object], *, outlet_field: str = "source",
           date_field: str = "date") -> CorpusStats:
        """Counts over ``records``, every one well formed (else `RecordError`)."""
        stats = cls(outlet_field=outlet_field, date_field=date_field)
        for record in records:
            stats.add(record)
        return stats


def _day(value: object) -> str:
    """The ISO day of a date or date-time string, else ``unknown``."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            pass
    return UNKNOWN_DAY


def _read_record(record: Mapping[str, Any]) -> tuple[list[_Speaker], list[_Item], list[_Item]]:
    """A record's speakers, quotes and claims, checked; raises `RecordError`."""
    try:
        speakers = [_read_speaker(s) for s in _list(record, "speakers")]
        quotes = [_read_item(q, len(speakers)) for q in _list(record, "quotes")]
        claims = [_read_item(c, len(speakers)) for c in _list(record, "claims")]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RecordError(f"not an extraction record: {type(exc).__name__}: {exc}") from exc
    return speakers, quotes, claims


def _list(record: Mapping[str, Any], key: str) -> list[Any]:
    value = record.get(key, [])
    if not isinstance(value, list):
        raise TypeError(f"{key!r} is not a list")
    return value


def _read_speaker(data: Mapping[str, Any]) -> _Speaker:
    name, kind = data["name"], SpeakerKind(data.get("kind", "person"))
    gender = data.get("gender")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"speaker name {name!r} is not a name")
    folded = " ".join(fold_word(name).split())
    category = "press" if kind is SpeakerKind.BODY and _is_press(folded) else kind.value
    gender_value = "" if gender is None or category != "person" else Gender(gender).value
    return _Speaker(key=(category, folded), name=" ".join(name.split()), gender=gender_value)


def _is_press(folded: str) -> bool:
    words = [core(w) for w in folded.split()]
    return bool(words) and (words[0] in _PRESS_HEADS or any(w in _PRESS_WORDS for w in words))


def _read_item(data: Mapping[str, Any], speakers: int) -> _Item:
    attribution = data.get("attribution")
    if attribution is None:
        return _Item(speaker=None, cue=None)
    speaker = attribution.get("speaker")
    if speaker is not None and (isinstance(speaker, bool) or not isinstance(speaker, int)
                                or not 0 <= speaker < speakers):
        raise ValueError(f"speaker {speaker!r} is not an index into the record's speakers")
    cue = attribution.get("cue")
    read_cue = None
    if cue is not None:
        lemma = cue["lemma"]
        if not isinstance(lemma, str):
            raise TypeError(f"cue lemma {lemma!r} is not a string")
        read_cue = (CueCategory(cue["category"]).value, lemma)
    return _Item(speaker=speaker, cue=read_cue)


def _speaker_rows(names: Mapping[tuple[str, str], _NameTally]) -> tuple[SpeakerRow, ...]:
    groups: dict[tuple[str, str], _NameTally] = {}
    for key, root in group_names(names).items():
        groups.setdefault(root, _NameTally()).add(names[key])
    rows = []
    for (kind, _), tally in groups.items():
        written = sorted(tally.written.items(), key=lambda w: (-w[1], w[0]))
        rows.append(SpeakerRow(
            name=written[0][0], kind=kind, gender=_gender(tally.genders),
            quotes=tally.quotes, claims=tally.claims, articles=tally.articles,
            variants=tuple(w for w, _ in written[1:]),
        ))
    rows.sort(key=lambda r: (-(r.quotes + r.claims), -r.quotes, r.name, r.kind))
    return tuple(rows)


def _gender(votes: Counter[str]) -> Gender | None:
    """One gender when the articles that tell one agree; None otherwise."""
    told = {g for g in votes if g}
    return Gender(told.pop()) if len(told) == 1 else None


def _kind_rows(speakers: Iterable[SpeakerRow]) -> tuple[KindRow, ...]:
    return _rows_by(speakers, KINDS, lambda row: row.kind)


def _gender_rows(speakers: Iterable[SpeakerRow]) -> tuple[KindRow, ...]:
    persons = [s for s in speakers if s.kind == "person"]
    return _rows_by(persons, ("female", "male", "unknown"),
                    lambda row: "unknown" if row.gender is None else row.gender.value)


def _rows_by(speakers: Iterable[SpeakerRow], keys: tuple[str, ...],
             key_of: Callable[[SpeakerRow], str]) -> tuple[KindRow, ...]:
    counts = {key: [0, 0, 0] for key in keys}
    for row in speakers:
        count = counts[key_of(row)]
        count[0] += 1
        count[1] += row.quotes
        count[2] += row.claims
    return tuple(KindRow(kind=key, speakers=n, quotes=q, claims=c)
                 for key, (n, q, c) in counts.items())


def _cue_rows(cues: Counter[tuple[str, str]]) -> tuple[CueRow, ...]:
    order = {category.value: i for i, category in enumerate(CueCategory)}
    return tuple(CueRow(category=category, lemma=lemma, count=count) for (category, lemma), count
                 in sorted(cues.items(), key=lambda c: (order[c[0][0]], -c[1], c[0][1])))


def _group_rows(tallies: Mapping[str, _Tally]) -> tuple[GroupRow, ...]:
    return tuple(GroupRow(key=key, records=t.records, quotes=t.quotes, claims=t.claims,
                          quotes_without_speaker=t.quotes_without_speaker)
                 for key, t in sorted(tallies.items()))
