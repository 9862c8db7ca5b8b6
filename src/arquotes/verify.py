"""Quote fidelity: each direct quote of a story against its sources, word for word.

`verify` aligns every direct quote `arquotes.extract` finds against the source texts (a
statement, a transcript, a press release; `arquotes.align` does the word-level alignment) and
gives each a `Verdict`:

- ``verbatim``: the same words once folded (diacritics, tatweel, alef/hamza and ya/alef
  maqsura variants, punctuation, spacing, Arabic-Indic and Persian digits);
- ``altered``: found with changes, listed as `WordEdit` (added, dropped, replaced words); an
  edit that adds or drops a negation, changes a number or a name is flagged (`MeaningChange`);
- ``ellipsis``: words left out only where the quote marks it (``...``, ``…``, ``(...)``);
- ``not_found``: nothing in the sources comes close (a paraphrase in marks, an invented quote);
- ``misattributed``: found, but the story gives it to someone other than the source's speaker
  (speakers compared as the accuracy harness does, `arquotes.evaluate.same_speaker`).

`compare` groups the same quote across many stories and shows which outlets' versions differ
from the majority (and, given sources, from the source). docs/verify.md has a worked example.
"""

from __future__ import annotations

import enum
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex
from rapidfuzz.distance import Levenshtein

from arquotes.align import Alignment, Op, SourceIndex, Words, align, similarity, steps, words
from arquotes.errors import ArquotesError
from arquotes.evaluate import same_speaker
from arquotes.extract import extract
from arquotes.model import Extraction, Quote, QuoteKind, Span
from arquotes.names_data import countries, is_name_unit

__all__ = [
    "DEFAULT_JOIN",
    "DEFAULT_MIN_FOUND",
    "Checker",
    "Comparison",
    "EditKind",
    "FidelityCase",
    "MeaningChange",
    "QuoteCheck",
    "QuoteGroup",
    "SourceError",
    "SourceText",
    "Verdict",
    "Verification",
    "Version",
    "WordEdit",
    "compare",
    "load_case",
    "load_sources",
    "verify",
]

DEFAULT_MIN_FOUND = 0.6
"""Word similarity under which a quote counts as not found: a paraphrase shares fewer words."""
DEFAULT_JOIN = 0.8
"""Word similarity at which two stories' quotes count as one quote (`compare`)."""
_MAX_WORD_GROUPS = 64
"""A word in more quote groups than this is too common to find a quote's group by."""
MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""A source file above this size is refused rather than read into memory."""

# An ellipsis the quote itself writes: words were left out here on purpose.
_ELLIPSIS = regex.compile(
    r"""
    [(\[] \s* (?: \.{2,} | … ) \s* [)\]]   # (...) [...] (…)
    | \.{3,} | …                            # ... or …
    """,
    regex.VERBOSE,
)
_NEGATIONS = frozenset({
    "لا", "لم", "لن", "ليس", "ليست", "لست", "لسنا", "ليسوا", "لستم", "غير", "لسن",
})
"""Folded negation particles; with و or ف before them (ولا، فلن) they still negate."""
_NUMBER_WORDS = frozenset({
    "واحد", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين", "ثلاث", "ثلاثه", "اربع", "اربعه",
    "خمس", "خمسه", "ست", "سته", "سبع", "سبعه", "ثمان", "ثماني", "ثمانيه", "تسع", "تسعه",
    "عشر", "عشره", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "اربعون", "اربعين", "خمسون",
    "خمسين", "ستون", "ستين", "سبعون", "سبعين", "ثمانون", "ثمانين", "تسعون", "تسعين", "مئه",
    "مائه", "مئتان", "مئتين", "الف", "الاف", "الفين", "مليون", "ملايين", "مليار", "مليارات",
    "نصف", "ربع", "ثلث", "ضعف", "اضعاف",
})
"""Folded number words (ال and و aside): changing one changes a figure."""


class SourceError(ArquotesError, ValueError):
    """Raised when a source file cannot be read or a source record is malformed."""


class Verdict(enum.StrEnum):
    """How a quote compares with its source."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    ELLIPSIS = "ellipsis"
    NOT_FOUND = "not_found"
    MISATTRIBUTED = "misattributed"


class EditKind(enum.StrEnum):
    """What one word edit does to the source's words."""

    ADDED = "added"
    DROPPED = "dropped"
    REPLACED = "replaced"


class MeaningChange(enum.StrEnum):
    """Why an edit changes what was said, not only how."""

    NEGATION = "negation"
    NUMBER = "number"
    NAME = "name"


@attrs.frozen(kw_only=True)
class SourceText:
    """A text quotes are checked against, and who speaks in it when it says so."""

    text: str
    name: str | None = None
    """Where it came from (a file, ``file:line`` of a JSON Lines record)."""
    speaker: str | None = None
    date: str | None = None
    url: str | None = None

    def to_dict(self, *, text: bool = False) -> dict[str, Any]:
        """JSON-ready form; the text itself only when asked (it may be a long transcript)."""
        data: dict[str, Any] = {
            "name": self.name, "speaker": self.speaker, "date": self.date, "url": self.url,
        }
        return {"text": self.text, **data} if text else data

    @classmethod
    def from_record(cls, record: Any, name: str) -> SourceText:
        """A source from a JSON record; raise `SourceError` when it is malformed.

        The record holds ``text`` and optional ``speaker``, ``date``, ``url`` (strings or null).
        """
        if not isinstance(record, dict):
            raise SourceError(f"{name}: a source record must be a JSON object")
        if not isinstance(record.get("text"), str):
            raise SourceError(f"{name}: field 'text' is missing or not a string")
        fields: dict[str, str | None] = {}
        for field in ("speaker", "date", "url"):
            value = record.get(field)
            if value is not None and not isinstance(value, str):
                raise SourceError(f"{name}: field {field!r} must be a string or null")
            fields[field] = value
        return cls(text=record["text"], name=name, **fields)


@attrs.frozen(kw_only=True)
class WordEdit:
    """Words the quote adds, drops or replaces against the source, and what that changes."""

    kind: EditKind
    source: str
    """The source's words as written there ("" for an added word)."""
    quote: str
    """The quote's words as written there ("" for a dropped word)."""
    changes: tuple[MeaningChange, ...] = ()

    def describe(self) -> str:
        """One readable line: ``replaced «لن» with «لا» [negation]``."""
        if self.kind is EditKind.ADDED:
            text = f"added «{self.quote}»"
        elif self.kind is EditKind.DROPPED:
            text = f"dropped «{self.source}»"
        else:
            text = f"replaced «{self.source}» with «{self.quote}»"
        return f"{text} [{', '.join(self.changes)}]" if self.changes else text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "kind": self.kind.value,
            "source": self.source,
            "quote": self.quote,
            "changes": [c.value for c in self.changes],
        }


@attrs.frozen(kw_only=True)
class QuoteCheck:
    """One quote of the story against the sources."""

    quote: Quote
    verdict: Verdict
    wording: Verdict
    """The verdict on the words alone (never ``misattributed``)."""
    similarity: float = 0.0
    """Word-level similarity with the best source passage (1 for the same words)."""
    edits: tuple[WordEdit, ...] = ()
    source: int | None = None
    """Index of the source in `Verification.sources`; None when not found."""
    source_span: Span | None = None
    source_words: str | None = None
    """The source's passage, as written there."""
    speaker: str | None = None
    """Who the story says spoke."""
    source_speaker: str | None = None

    @property
    def meaning_changed(self) -> bool:
        """True when an edit adds or drops a negation, or changes a number or a name."""
        return any(edit.changes for edit in self.edits)

    def fails(self, min_similarity: float = 0.0) -> bool:
        """True for a quote a newsroom should not publish.

        That is one not found, misattributed, altered in meaning, or altered under
        ``min_similarity``.
        """
        if self.verdict in (Verdict.NOT_FOUND, Verdict.MISATTRIBUTED):
            return True
        return self.wording is Verdict.ALTERED and (
            self.meaning_changed or self.similarity < min_similarity)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "quote": self.quote.text,
            "span": self.quote.span.to_dict(),
            "kind": self.quote.kind.value,
            "speaker": self.speaker,
            "verdict": self.verdict.value,
            "wording": self.wording.value,
            "meaning_changed": self.meaning_changed,
            "similarity": round(self.similarity, 3),
            "edits": [edit.to_dict() for edit in self.edits],
            "source": self.source,
            "source_span": None if self.source_span is None else self.source_span.to_dict(),
            "source_words": self.source_words,
            "source_speaker": self.source_speaker,
        }


@attrs.frozen(kw_only=True)
class Verification:
    """Every checked quote of one story, in text order, and the sources they were checked on."""

    checks: tuple[QuoteCheck, ...]
    sources: tuple[SourceText, ...]

    def counts(self) -> dict[str, int]:
        """Number of quotes per verdict, every verdict listed."""
        found = Counter(check.verdict for check in self.checks)
        return {verdict.value: found[verdict] for verdict in Verdict}

    def failures(self, min_similarity: float = 0.0) -> tuple[QuoteCheck, ...]:
        """The checks that fail (`QuoteCheck.fails`)."""
        return tuple(check for check in self.checks if check.fails(min_similarity))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; sources by name, speaker, date and url (not their text)."""
        return {
            "checks": [check.to_dict() for check in self.checks],
            "counts": self.counts(),
            "sources": [source.to_dict() for source in self.sources],
        }


def _as_sources(sources: Iterable[SourceText | str]) -> tuple[SourceText, ...]:
    return tuple(s if isinstance(s, SourceText) else SourceText(text=s) for s in sources)


class Checker:
    """The sources indexed once, and the checking of quotes against them."""

    def __init__(self, sources: Iterable[SourceText | str], *,
                 min_found: float = DEFAULT_MIN_FOUND) -> None:
        """Index ``sources``; a quote under ``min_found`` word similarity is not found."""
        self.sources = _as_sources(sources)
        self.index = SourceIndex([source.text for source in self.sources])
        self.min_found = min_found

    def check(self, quote: Quote) -> QuoteCheck:
        """The verdict on one quote."""
        quote_words = words(quote.text)
        speaker = _speaker_of(quote)
        found = self._place(quote_words, _cuts(quote.text, quote_words))
        if found is None or found[0].similarity < self.min_found:
            return QuoteCheck(quote=quote, verdict=Verdict.NOT_FOUND, wording=Verdict.NOT_FOUND,
                              similarity=0.0 if found is None else found[0].similarity,
                              speaker=speaker)
        alignment, cut = found
        source = self.sources[alignment.text]
        source_words = self.index.words[alignment.text]
        alignment = _cut_negation(alignment, source_words, source.text, quote_words)
        edits = _edits(alignment.ops, (source_words, source.text, alignment.first),
                       (quote_words, quote.text))
        wording = Verdict.ALTERED if edits else Verdict.ELLIPSIS if cut else Verdict.VERBATIM
        verdict = wording
        if _misattributed(quote, source.speaker):
            verdict = Verdict.MISATTRIBUTED
        span = Span(source_words.starts[alignment.first],
                    source_words.ends[alignment.last - 1])
        return QuoteCheck(
            quote=quote, verdict=verdict, wording=wording, similarity=alignment.similarity,
            edits=edits, source=alignment.text, source_span=span,
            source_words=source.text[span.start : span.end], speaker=speaker,
            source_speaker=source.speaker,
        )

    def check_all(self, extraction: Extraction, *, mixed: bool = False) -> tuple[QuoteCheck, ...]:
        """The verdicts on the direct quotes of ``extraction`` (and mixed ones with ``mixed``)."""
        return tuple(self.check(q) for q in _quotes(extraction, mixed=mixed))

    def _place(self, quote: Words, cuts: Sequence[int]) -> tuple[Alignment, bool] | None:
        """The quote's alignment, and whether it was placed piece by piece at its ellipses.

        Pieces count only when each is found, in order, in one source; the words between
        them are then left out as the quote says, not dropped.
        """
        whole = align(self.index, quote.keys)
        if not cuts:
            return None if whole is None else (whole, False)
        bounds = [0, *cuts, len(quote.keys)]
        pieces = [align(self.index, quote.keys[a:b]) for a, b in itertools.pairwise(bounds)]
        joined = _join(pieces, bounds)
        if joined is None or (whole is not None and whole.similarity > joined.similarity):
            return None if whole is None else (whole, False)
        return joined, True


def _cut_negation(alignment: Alignment, source: Words, text: str, quote: Words) -> Alignment:
    """Count the negation just before the match as dropped when the quote starts after it.

    A quote that begins one word too late (نرفع الأسعار from لن نرفع الأسعار) is verbatim
    and says the opposite; the negation is prepended as a dropped word.
    """
    before = alignment.first - 1
    if before < 0 or not _is_negation(source.keys[before]):
        return alignment
    if text[source.ends[before] : source.starts[alignment.first]].strip():
        return alignment  # punctuation between: the negation belongs to the sentence before
    ops = (Op("delete", 0, 1, 0, 0), *(
        attrs.evolve(op, src_start=op.src_start + 1, src_end=op.src_end + 1)
        for op in alignment.ops))
    return Alignment(text=alignment.text, first=before, last=alignment.last,
                     similarity=similarity(source.keys[before : alignment.last], quote.keys, ops),
                     ops=ops)


def _join(pieces: Sequence[Alignment | None], bounds: Sequence[int]) -> Alignment | None:
    """One alignment of consecutive quote pieces found in order in one text, or None."""
    found = [p for p in pieces if p is not None]
    if len(found) != len(pieces) or len({p.text for p in found}) != 1:
        return None
    if any(b.first < a.last for a, b in itertools.pairwise(found)):
        return None
    first = found[0].first
    ops: list[Op] = []
    for piece, offset in zip(found, bounds, strict=False):
        shift = piece.first - first
        ops.extend(attrs.evolve(op, src_start=op.src_start + shift, src_end=op.src_end + shift,
                                quote_start=op.quote_start + offset,
                                quote_end=op.quote_end + offset) for op in piece.ops)
    total = bounds[-1] or 1
    score = sum(
        p.similarity * (b - a) for p, a, b in zip(found, bounds, bounds[1:], strict=False)
    ) / total
    return Alignment(text=found[0].text, first=first, last=found[-1].last,
                     similarity=score, ops=tuple(ops))


def _cuts(text: str, quote: Words) -> list[int]:
    """Word positions where the quote marks an ellipsis between words (not at its ends)."""
    cuts: list[int] = []
    position = 0
    for mark in _ELLIPSIS.finditer(text):
        while position < len(quote.starts) and quote.starts[position] < mark.start():
            position += 1
        if 0 < position < len(quote.starts) and (not cuts or cuts[-1] != position):
            cuts.append(position)
    return cuts


def _edits(ops: Iterable[Op], source: tuple[Words, str, int], quote: tuple[Words, str]
           ) -> tuple[WordEdit, ...]:
    """The word edits of ``ops`` from ``source`` to ``quote``.

    ``source`` is its words, its text and the word the ops count from; ``quote`` its words
    and text.
    """
    source_words, source_text, first = source
    quote_words, quote_text = quote
    edits: list[WordEdit] = []
    kinds = {"delete": EditKind.DROPPED, "insert": EditKind.ADDED, "replace": EditKind.REPLACED}
    for op in ops:
        if op.tag == "equal":
            continue
        before = source_words.keys[first + op.src_start : first + op.src_end]
        after = quote_words.keys[op.quote_start : op.quote_end]
        edits.append(WordEdit(
            kind=kinds[op.tag],
            source=source_words.text(source_text, first + op.src_start, first + op.src_end),
            quote=quote_words.text(quote_text, op.quote_start, op.quote_end),
            changes=_changes(before, after),
        ))
    return tuple(edits)


def _changes(before: Sequence[str], after: Sequence[str]) -> tuple[MeaningChange, ...]:
    """What an edit from words ``before`` to words ``after`` changes in meaning."""
    changes: list[MeaningChange] = []
    if _count(before, _is_negation) != _count(after, _is_negation):
        changes.append(MeaningChange.NEGATION)
    if Counter(filter(_is_number, before)) != Counter(filter(_is_number, after)):
        changes.append(MeaningChange.NUMBER)
    if _names_differ(before, after):
        changes.append(MeaningChange.NAME)
    return tuple(changes)


def _names_differ(before: Sequence[str], after: Sequence[str]) -> bool:
    """True when a name is added, dropped or swapped for another.

    Many names are also words (امل، كريم، منصور): one counts as a name only when the other
    side of the edit holds a name too (a name replaced by a name), unless it is a name and
    nothing else (`arquotes.names_data.is_name_unit` with ``unambiguous``).
    """
    sure_before = Counter(w for w in before if _is_name(w, unambiguous=True))
    sure_after = Counter(w for w in after if _is_name(w, unambiguous=True))
    if sure_before != sure_after:
        return True
    names_before = Counter(w for w in before if _is_name(w))
    names_after = Counter(w for w in after if _is_name(w))
    return bool(names_before) and bool(names_after) and names_before != names_after


def _count(keys: Iterable[str], test: Callable[[str], bool]) -> int:
    return sum(1 for word in keys if test(word))


def _bare(word: str) -> str:
    """A folded word without a leading و/ف conjunction and ال article."""
    if len(word) > 2 and word[0] in "وف":
        word = word[1:]
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or (len(word) > 2 and word[0] in "وف" and word[1:] in _NEGATIONS)


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or _bare(word) in _NUMBER_WORDS


def _is_name(word: str, *, unambiguous: bool = False) -> bool:
    bare = _bare(word)
    return (is_name_unit(word, unambiguous=unambiguous)
            or is_name_unit(bare, unambiguous=unambiguous)
            or word in countries() or bare in countries())


def _speaker_of(quote: Quote) -> str | None:
    attribution = quote.attribution
    return None if attribution is None or attribution.speaker is None else (
        attribution.speaker.name)


def _misattributed(quote: Quote, source_speaker: str | None) -> bool:
    """True when the story names a speaker and the source another one."""
    attribution = quote.attribution
    if source_speaker is None or attribution is None or attribution.speaker is None:
        return False
    names = (attribution.speaker.name, *attribution.speaker.aliases)
    return not any(same_speaker(name, source_speaker) for name in names)


def _quotes(extraction: Extraction, *, mixed: bool) -> tuple[Quote, ...]:
    return tuple(q for q in extraction.quotes if mixed or q.kind is QuoteKind.DIRECT)


def verify(
    article: str,
    sources: Iterable[SourceText | str],
    *,
    min_found: float = DEFAULT_MIN_FOUND,
    mixed: bool = False,
    extractor: Callable[[str], Extraction] | None = None,
) -> Verification:
    """Check every direct quote of ``article`` against ``sources``.

    Sources are texts or `SourceText` records; ``mixed`` checks mixed quotes too. The module
    docstring says what each verdict means.
    """
    checker = Checker(sources, min_found=min_found)
    return Verification(
        checks=checker.check_all((extractor or extract)(article), mixed=mixed),
        sources=checker.sources,
    )


def load_sources(path: str | Path) -> tuple[SourceText, ...]:
    """The sources of one file; raise `SourceError` when it cannot be read.

    ``.json``: a record or a list of them; ``.jsonl``: a record a line; any other file: one
    plain text.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise SourceError(f"{path}: larger than {MAX_SOURCE_BYTES} bytes")
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SourceError(f"{path}: cannot read source: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 at byte {exc.start}") from None
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        lines = tuple(
            SourceText.from_record(_json(line, f"{path}:{number}"), f"{path}:{number}")
            for number, line in enumerate(raw.splitlines(), 1) if line.strip()
        )
        if not lines:
            raise SourceError(f"{path}: no JSON Lines record")
        return lines
    if suffix == ".json":
        value = _json(raw, str(path))
        records = value if isinstance(value, list) else [value]
        if not records:
            raise SourceError(f"{path}: an empty JSON array")
        many = isinstance(value, list)
        return tuple(SourceText.from_record(record, f"{path}:{number}" if many else str(path))
                     for number, record in enumerate(records, 1))
    return (SourceText(text=raw, name=str(path)),)


@attrs.frozen(kw_only=True)
class FidelityCase:
    """A story and the sources its quotes must match .

    Read from a fidelity file, or from a gold file that names ``sources``.
    """

    case_id: str
    text: str
    sources: tuple[SourceText, ...]


def load_case(path: str | Path, *, required: bool = True) -> FidelityCase | None:
    """Read a fidelity file: a JSON object with ``id``, ``text`` and ``sources``.

    Each source is a path (a ``.txt``, ``.json`` or ``.jsonl`` file, relative to the fidelity
    file) or a record (`SourceText.from_record`). Without ``sources`` the file is no case:
    None, or `SourceError` when ``required``. Raise `SourceError` on anything malformed.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from None
    data = _json(raw, str(path))
    if not isinstance(data, dict) or "sources" not in data:
        if required:
            raise SourceError(f"{path}: a fidelity file is a JSON object with 'sources'")
        return None
    text, listed = data.get("text"), data["sources"]
    if not isinstance(text, str) or not isinstance(listed, list) or not listed:
        raise SourceError(f"{path}: needs a string 'text' and a non-empty list 'sources'")
    sources: list[SourceText] = []
    for number, entry in enumerate(listed):
        where = f"{path}: sources[{number}]"
        if isinstance(entry, str):
            sources.extend(load_sources(path.parent / entry))
        else:
            sources.append(SourceText.from_record(entry, where))
    return FidelityCase(case_id=str(data.get("id") or path.stem), text=text,
                        sources=tuple(sources))


def _json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise SourceError(f"{where}: not valid JSON: nested too deeply") from None


@attrs.frozen(kw_only=True)
class Version:
    """One story's version of a quote, against the group's majority wording."""

    story: str
    quote: Quote
    speaker: str | None
    edits: tuple[WordEdit, ...] = ()
    """Edits from the majority wording to this version (none: it is the majority's)."""
    check: QuoteCheck | None = None
    """This version against the sources, when sources were given."""

    @property
    def differs(self) -> bool:
        """True when the words differ from the majority's."""
        return bool(self.edits)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "story": self.story,
            "quote": self.quote.text,
            "span": self.quote.span.to_dict(),
            "speaker": self.speaker,
            "differs": self.differs,
            "edits": [edit.to_dict() for edit in self.edits],
            "check": None if self.check is None else self.check.to_dict(),
        }


@attrs.frozen(kw_only=True)
class QuoteGroup:
    """The same quote as several stories give it."""

    key: str
    """The majority wording, folded: the group's identity."""
    majority: str
    """The majority wording as the first story giving it writes it."""
    versions: tuple[Version, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"key": self.key, "majority": self.majority,
                "versions": [version.to_dict() for version in self.versions]}


@attrs.frozen(kw_only=True)
class Comparison:
    """The quotes of many stories grouped by wording, largest groups first."""

    groups: tuple[QuoteGroup, ...]
    sources: tuple[SourceText, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"groups": [group.to_dict() for group in self.groups],
                "sources": [source.to_dict() for source in self.sources]}


@attrs.define
class _Group:
    members: list[tuple[str, Quote, Words]] = attrs.field(factory=list)


def compare(
    stories: Iterable[tuple[str, str]],
    sources: Iterable[SourceText | str] = (),
    *,
    join: float = DEFAULT_JOIN,
    min_found: float = DEFAULT_MIN_FOUND,
    mixed: bool = False,
    extractor: Callable[[str], Extraction] | None = None,
) -> Comparison:
    """Group the quotes of ``stories`` (``(name, text)`` pairs) across stories.

    Quotes with the same folded words share a group; one at least ``join`` similar (word
    level) to a group's first quote joins it. Each version is compared with the majority
    wording and, given ``sources``, checked against them.
    """
    checker = Checker(sources, min_found=min_found)
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    by_word: dict[str, list[_Group]] = {}
    for name, text in stories:
        for quote in _quotes((extractor or extract)(text), mixed=mixed):
            quote_words = words(quote.text)
            group = by_key.get(" ".join(quote_words.keys)) or _nearest(
                quote_words, by_word, join)
            if group is None:
                group = _Group()
                groups.append(group)
                for word in set(quote_words.keys):
                    by_word.setdefault(word, []).append(group)
            by_key.setdefault(" ".join(quote_words.keys), group)
            group.members.append((name, quote, quote_words))
    built = [_built(group, checker if checker.sources else None) for group in groups]
    built.sort(key=lambda group: -len(group.versions))
    return Comparison(groups=tuple(built), sources=checker.sources)


def _nearest(quote: Words, by_word: dict[str, list[_Group]], join: float) -> _Group | None:
    """The first group whose first quote is at least ``join`` similar to ``quote``.

    Candidates are the groups sharing a word with it, common words (in more than
    `_MAX_WORD_GROUPS` groups) aside, so the comparisons stay few however many quotes there are.
    """
    seen: set[int] = set()
    for word in quote.keys:
        candidates = by_word.get(word, ())
        if len(candidates) > _MAX_WORD_GROUPS:
            continue
        for group in candidates:
            if id(group) in seen:
                continue
            seen.add(id(group))
            if Levenshtein.normalized_similarity(quote.keys, group.members[0][2].keys) >= join:
                return group
    return None


def _built(group: _Group, checker: Checker | None) -> QuoteGroup:
    """The group's majority wording and each member's edits from it."""
    tally = Counter(" ".join(member[2].keys) for member in group.members)
    key, _ = tally.most_common(1)[0]
    _, majority_quote, majority = next(m for m in group.members if " ".join(m[2].keys) == key)
    versions = []
    for story, quote, quote_words in group.members:
        ops = steps(majority.keys, quote_words.keys)
        versions.append(Version(
            story=story, quote=quote, speaker=_speaker_of(quote),
            edits=_edits(ops, (majority, majority_quote.text, 0), (quote_words, quote.text)),
            check=None if checker is None else checker.check(quote),
        ))
    return QuoteGroup(key=key, majority=majority_quote.text, versions=tuple(versions))
