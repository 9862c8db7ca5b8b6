"""The word lists arquotes matches with, loaded from ``data/*.toml`` and folded once.

The data files hold lemmas and word lists as written; this module folds them like the text
(`arquotes.normalize.fold_word`), derives the inflections of each cue verb (feminine, dual,
plural, present tense, participles), and answers membership questions about tokens that may
carry clitics (و ف ب ل) or the article ال. Users extend it through `Lexicon.extended`.
"""

from __future__ import annotations

import difflib
import enum
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from arquotes.errors import LexiconError
from arquotes.model import CueCategory, SpeakerKind
from arquotes.names_data import countries, given_names
from arquotes.normalize import fold_word
from arquotes.wordset import ATTACHED_PRONOUNS, WordSet, possessed_stems, token_variants

__all__ = [
    "ATTACHED_PRONOUNS",
    "CueForm",
    "KnownSpeaker",
    "Lexicon",
    "VerbEntry",
    "WordSet",
    "default_lexicon",
    "ends_in_pronoun",
    "possessed_stems",
    "token_variants",
]

FRAMES = frozenset({"that", "quote", "np", "on"})
_ANSWERS_KEPT = 1 << 16
"""Word answers a lexicon keeps (see `Lexicon.ends_phrase`) before it starts afresh."""


def ends_in_pronoun(written: str) -> bool:
    """The word AS WRITTEN ends in an attached pronoun (ه but not ة, ها، هم، هما).

    Folding makes ة a ه, so only the written word tells. Names never carry a pronoun:
    قلقه، استياءها are nouns of someone's.
    """
    return len(written) > 3 and written.endswith(ATTACHED_PRONOUNS)


@attrs.frozen(kw_only=True)
class CueForm:
    """One written form of a cue and what it means."""

    form: str
    """Folded form, without leading و/ف."""
    lemma: str
    category: CueCategory
    kind: str
    """"verb" (finite), "participle", "noun" (a verbal noun of speech: قول X إن) or
    "source"."""
    frames: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    feminine: bool = False
    plural: bool = False
    immediate: bool = False
    """The complement must follow the cue at once (بين is also "between")."""
    past: bool = False
    """A past-tense verb form (a damma on its first letter then marks the passive: أُعلن)."""
    takes_object: bool = False
    """The verb may carry an object pronoun (ينفيه، وصفته)."""
    relay: str = ""
    """Preposition after the subject that introduces the speaker it relays (نقل X عن Y)."""
    object_marker: str = ""
    """Letter that marks what follows the object (اتهم X بـ...): a phrase right before it
    is the object, not the subject."""
    addressee: bool = False
    """The verb may name whom it addresses before its complement (حث X على، طمأن X بأن)."""
    sayings: frozenset[str] = frozenset()
    """Verbal nouns of speech a verb of renewal reports with (جدد تأكيده): its only objects."""


@attrs.frozen(kw_only=True)
class KnownSpeaker:
    """A speaker the user tells us about, with the other names it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: SpeakerKind = SpeakerKind.PERSON
    feminine: bool = False


@attrs.frozen(kw_only=True, eq=False)
class Lexicon:
    """Every word list, folded and ready for `arquotes.patterns`."""

    cues: Mapping[str, CueForm]
    complementizers: frozenset[str]
    kept_complementizers: frozenset[str]
    negations: frozenset[str]
    honorifics: WordSet
    roles: WordSet
    role_links: frozenset[str]
    body_heads: WordSet
    documents: WordSet
    body_names: WordSet
    places: WordSet
    unnamed_heads: WordSet
    same_source: WordSet
    latter: frozenset[str]
    pronoun_subjects: frozenset[str]
    relatives: frozenset[str]
    relative_pronouns: frozenset[str]
    """الذي، التي: what stands before them is a noun phrase."""
    subject_links: frozenset[str]
    """الذي، التي، حيث: after a person named, the verb that follows has that person as subject."""
    stops: WordSet
    soft_stops: frozenset[str]
    prepositions: frozenset[str]
    occasions: WordSet
    audiences: WordSet
    meta_labels: WordSet
    name_heads: WordSet
    name_introducers: WordSet
    relay_verbs: frozenset[str]
    """نقلته، تلقته: a quoted span right after them is the outlet that relayed the words."""
    construct_heads: frozenset[str]
    """فيروس، كتيبة: indefinite, right before a quoted span, they show it is a name."""
    function_nouns: frozenset[str]
    """إزاء، بعد: nouns working as prepositions; a quoted span after them is no genitive."""
    title_introducers: WordSet
    """شعار، بعنوان: the quoted span after them is a title or slogan, whatever its length."""
    known_names: frozenset[str]
    male_names: WordSet
    female_names: WordSet
    particles: WordSet
    not_names: frozenset[str]
    claim_terminators: WordSet
    claim_continuations: WordSet
    """فيما يتعلق: a terminator's word that here goes on with the clause."""
    adverbs: frozenset[str]
    """حاليا، سابقا: adverbs shaped like a participle, which open no clause of their own."""
    auxiliaries: WordSet
    source_fillers: WordSet
    sources_with_lam: frozenset[str]
    relay_sayings: frozenset[str]
    narrator_forms: frozenset[str]
    nominalizers: frozenset[str]
    governors: frozenset[str]
    """رغم، بعد، قبل: a complementizer right after them is theirs, not a cue's."""
    question_words: frozenset[str]
    """سئل، سؤال: the clause after them is a question put to the speaker, not his words."""
    marks: Mapping[str, Mapping[str, tuple[str, ...]]]
    mark_chars: frozenset[str]
    apostrophes: frozenset[str]
    known_speakers: tuple[KnownSpeaker, ...] = ()
    _ends_phrase: dict[str, bool] = attrs.field(init=False, repr=False, factory=dict)
    given_words: frozenset[str] = attrs.field(init=False, repr=False)
    """Every given name, from the lists and the names data: a cheap first test."""
    person_starts: WordSet = attrs.field(init=False, repr=False)
    """Words a person phrase may start with: given names, roles, honorifics and name
    particles; the article-wide mention scan reads a phrase only where one stands, with or
    without clitics."""

    @given_words.default
    def _given_words(self) -> frozenset[str]:
        return frozenset().union(self.male_names.words, self.female_names.words, given_names())

    @person_starts.default
    def _person_starts(self) -> WordSet:
        words = self.given_words.union(
            self.roles.words, self.honorifics.words, self.particles.words)
        return WordSet(words, ())

    def ends_phrase(self, token: str) -> bool:
        """A complementizer, negation, audience or cue form: no speaker phrase runs through.

        Asked for the same words again and again, so each answer is kept.
        """
        known = self._ends_phrase.get(token)
        if known is None:
            known = (self.is_complementizer(token) or token in self.negations
                     or token in self.audiences or self.is_cue_word(token))
            if len(self._ends_phrase) >= _ANSWERS_KEPT:
                self._ends_phrase.clear()  # bounded memory over any corpus's vocabulary
            self._ends_phrase[token] = known
        return known

    def is_cue_word(self, token: str) -> bool:
        """A cue form, with or without clitics, but never one read by taking off the article.

        A word with the article is never a verb: النقل is the noun "transport", not نقل. A
        form listed with what looks like the article stays one (بالقول، التمس).
        """
        variants = token_variants(token)
        return any(v in self.cues and "ال" + v not in variants for v in variants)

    def is_construct_role(self, token: str) -> bool:
        """An indefinite role head (مدرب، رئيس): in construct, its next word is a genitive.

        A definite one (الوزير) is complete; a quotation after it may be the speech.
        """
        return token in self.roles and not any(v.startswith("ال") for v in token_variants(token))

    def is_complementizer(self, token: str) -> bool:
        """A complementizer, dropped (أن، بأنه) or kept in the content (ألا)."""
        return token in self.complementizers or token in self.kept_complementizers

    def extended(
        self,
        *,
        verbs: Iterable[Mapping[str, Any] | VerbEntry] = (),
        sources: Iterable[str] = (),
        titles: Iterable[str] = (),
        speakers: Iterable[KnownSpeaker | Mapping[str, Any]] = (),
        where: str = "user lexicon",
        fields: tuple[str, str, str, str] = ("verbs", "sources", "titles", "speakers"),
    ) -> Lexicon:
        """A copy with user additions; verbs use the same fields as ``data/cues.toml``.

        Every value is checked first (`LexiconError` naming ``where``, the entry and the
        field); ``fields`` are the names the caller knows the four arguments by.
        """
        entries = [_structure(v, VerbEntry, where, f"verb #{k + 1}", "lemma")
                   for k, v in enumerate(_listed(verbs, where, fields[0]))]
        phrases = _checked_strings(sources, where, fields[1])
        roles = _checked_strings(titles, where, fields[2])
        known = [_structure(v, KnownSpeaker, where, f"speaker #{k + 1}", "name")
                 for k, v in enumerate(_listed(speakers, where, fields[3]))]
        cues = dict(self.cues)
        for k, entry in enumerate(entries):
            for form in _verb_forms(entry, f"{where}: verb #{k + 1} ({entry.lemma!r})"):
                cues.setdefault(form.form, form)
        for phrase in phrases:
            form = _source_form(phrase, f"{where}: {fields[1]}")
            cues[form.form] = form
        return attrs.evolve(
            self,
            cues=cues,
            roles=self.roles.union(WordSet.of(roles)),
            known_speakers=(*self.known_speakers, *known),
        )


@attrs.frozen(kw_only=True)
class VerbEntry:
    """One ``[[verb]]`` table of ``data/cues.toml`` or a user lexicon: a cue verb's forms."""

    lemma: str
    category: CueCategory
    past: str | None = None
    """The past tense (the lemma when not given; empty for none)."""
    present: str = ""
    participle: str = ""
    extra: tuple[str, ...] = ()
    """Further written forms, as they are."""
    frames: tuple[str, ...] = ("that", "quote")
    preps: tuple[str, ...] = ()
    immediate: bool = False
    noun: bool = False
    object: bool = False
    object_marker: str = ""
    relay: str = ""
    addressee: bool = False
    sayings: tuple[str, ...] = ()


def _describe(value: object) -> str:
    """A value for an error message: its type and a short repr."""
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:39] + '…'}"


def _strict_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_describe(value)}")
    return value


def _strict_bool(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_describe(value)}")
    return value


def _string_tuple(value: object, _type: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list of strings, got {_describe(value)}")
    for k, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise TypeError(f"item #{k + 1} is {_describe(item)}: expected a non-empty string")
    return tuple(value)


def _enum_hook(kind: type[enum.StrEnum]) -> Callable[[object, object], Any]:
    def structure(value: object, _type: object) -> Any:
        try:
            return kind(value)  # type: ignore[arg-type]  # any value; ValueError if wrong
        except ValueError:
            choices = ", ".join(member.value for member in kind)
            raise ValueError(f"{value!r} is not one of {choices}") from None
    return structure


def _make_converter() -> cattrs.Converter:
    """Structures lexicon tables strictly: no coercion, no unknown keys."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _string_tuple)
    for kind in (CueCategory, SpeakerKind):
        converter.register_structure_hook(kind, _enum_hook(kind))
    return converter


_CONVERTER = _make_converter()
_T = TypeVar("_T")


def _unknown(keys: Iterable[str], known: Iterable[str]) -> str:
    """Say which keys are unknown, each with the known one it most looks like."""
    choices = list(known)
    parts = []
    for key in sorted(keys):
        if key in _FILE_FIELDS and key not in choices:  # TOML puts it in the table above
            parts.append(f"unknown field {key!r} (a top-level field: write it before the "
                         "first [[verb]] or [[speaker]] table)")
            continue
        close = difflib.get_close_matches(key, choices, n=1, cutoff=0.5)
        parts.append(f"unknown field {key!r}" + (f" (did you mean {close[0]!r}?)" if close
                                                 else f" (fields: {', '.join(choices)})"))
    return "; ".join(parts)


def _structure(value: object, cls: type[_T], where: str, label: str, title: str) -> _T:
    """``value`` (a table, or already a ``cls``) checked and made a ``cls``."""
    if isinstance(value, cls):
        value = attrs.asdict(value, recurse=False)  # type: ignore[arg-type]
    if not isinstance(value, Mapping):
        raise LexiconError(f"{where}: {label}: expected a table, got {_describe(value)}")
    if isinstance(value.get(title), str):
        label = f"{label} ({value[title]!r})"
    try:
        return _CONVERTER.structure(dict(value), cls)
    except ClassValidationError as exc:
        raise LexiconError(f"{where}: {label}: {_explain(exc)}") from None


def _explain(exc: ClassValidationError) -> str:
    """What is wrong, field by field, from cattrs' grouped errors."""
    with_notes, without = exc.group_exceptions()
    problems = []
    for sub, note in with_notes:
        if isinstance(sub, KeyError):
            problems.append(f"missing field {note.name!r}")
        else:
            problems.append(f"field {note.name!r}: {sub}")
    for sub in without:
        if isinstance(sub, ForbiddenExtraKeysError):
            problems.append(_unknown(sub.extra_fields, (f.name for f in attrs.fields(sub.cl))))
        else:
            problems.append(str(sub))
    return "; ".join(problems)


def _listed(values: object, where: str, field: str) -> list[Any]:
    """``values`` as a list, refusing a string or a single table where a list belongs."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise LexiconError(f"{where}: field {field!r}: expected a list, got {_describe(values)}")
    return list(values)


def _checked_strings(values: object, where: str, field: str) -> tuple[str, ...]:
    try:
        return _string_tuple(_listed(values, where, field), None)
    except TypeError as exc:
        raise LexiconError(f"{where}: field {field!r}: {exc}") from None


def _require(table: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in table:
        raise LexiconError(f"{where}: missing field {key!r}")
    return table[key]


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings")
    return list(value)


def _past_forms(past: str) -> list[tuple[str, bool, bool]]:
    """(form, feminine, plural) for the past tense of a 3rd-person lemma."""
    if past[-1] in "يا":  # defective: نفى -> نفت نفوا, دعا -> دعت دعوا (folded ى is ي)
        stem = past[:-1]
        # The dual (نفيا) is left out: it is spelled like the masdar (نفيا قاطعا).
        return [(past, False, False), (stem + "ت", True, False), (stem + "وا", False, True),
                (stem + "تا", True, True)]
    return [(past, False, False), (past + "ت", True, False), (past + "وا", False, True),
            (past + "ا", False, True), (past + "تا", True, True), (past + "ن", True, True)]


def _present_forms(present: str) -> list[tuple[str, bool, bool]]:
    """3rd-person present forms from the masculine singular: يقول -> تقول يقولون يقولان."""
    stem = present[1:]
    plural = present[:-1] + "ون" if present[-1] in "يو" else present + "ون"
    dual = present + "ان"
    return [(present, False, False), ("ت" + stem, True, False), (plural, False, True),
            (dual, False, True), ("ت" + stem + "ان", True, True)]


def _participle_forms(stem: str) -> list[tuple[str, bool, bool]]:
    """Adverbial participles: مؤكد -> مؤكدا مؤكدة مؤكدين مؤكدون مؤكدات."""
    return [(stem + "ا", False, False), (stem + "ه", True, False), (stem + "ين", False, True),
            (stem + "ون", False, True), (stem + "ات", True, True)]


def _verb_forms(entry: VerbEntry, where: str) -> list[CueForm]:
    lemma, category = entry.lemma, entry.category
    for field, word in (("lemma", lemma), ("past", entry.past or "x"),
                        ("present", entry.present or "x"),
                        ("participle", entry.participle or "x"),
                        *(("extra", e) for e in entry.extra)):
        if not fold_word(word):  # e.g. only diacritics or tatweel: no form to derive
            raise LexiconError(f"{where}: field {field!r}: {word!r} has no letters")
    frames = frozenset(entry.frames)
    if unknown := frames - FRAMES:
        raise LexiconError(f"{where}: unknown frames {sorted(unknown)}; use {sorted(FRAMES)}")
    preps = frozenset(fold_word(p) for p in entry.preps)
    if "on" in frames and not preps:
        raise LexiconError(f"{where}: frame 'on' needs a list of preps")
    found: list[tuple[str, bool, bool, str]] = []
    past_forms: set[str] = set()
    if past := (lemma if entry.past is None else entry.past):
        found += [(f, fem, pl, "verb") for f, fem, pl in _past_forms(fold_word(past))]
        past_forms = {f for f, _, _, _ in found}
    if entry.present:
        found += [(f, fem, pl, "verb") for f, fem, pl in _present_forms(
            fold_word(entry.present))]
    if entry.participle:
        found += [(f, fem, pl, "participle") for f, fem, pl in _participle_forms(
            fold_word(entry.participle))]
    for extra in entry.extra:
        folded = fold_word(extra)
        kind = "participle" if folded[0] == "م" or folded.endswith(("يا", "يه")) else "verb"
        found.append((folded, folded.endswith(("ت", "ه")), folded.endswith(("وا", "ون")), kind))
    if entry.noun:
        found = [(f, fem, pl, "noun") for f, fem, pl, _ in found]
    object_marker = fold_word(entry.object_marker)
    relay = fold_word(entry.relay)
    sayings = frozenset(fold_word(w) for w in entry.sayings)
    return [
        CueForm(form=f, lemma=lemma, category=category, kind=kind, frames=frames, preps=preps,
                feminine=fem, plural=pl, immediate=entry.immediate,
                takes_object=entry.object, past=f in past_forms,
                object_marker=object_marker, relay=relay, addressee=entry.addressee,
                sayings=sayings)
        for f, fem, pl, kind in found
    ]


def _source_form(phrase: str, where: str = "cues.toml") -> CueForm:
    folded = " ".join(w for w in (fold_word(p) for p in phrase.split()) if w)
    if not folded:
        raise LexiconError(f"{where}: source phrase {phrase!r} has no letters")
    return CueForm(form=folded, lemma=phrase, category=CueCategory.SOURCE, kind="source")


def _read_toml(name: str) -> dict[str, Any]:
    data = resources.files("arquotes").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


def _section(data: Mapping[str, Any], path: str, where: str) -> list[str]:
    node: Any = data
    for key in path.split("."):
        node = _require(node, key, where)
    return _strings(node, f"{where}: {path}")


def _marks(data: Mapping[str, Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    families: dict[str, dict[str, tuple[str, ...]]] = {}
    for family, table in _require(data, "marks", "quotes.toml").items():
        families[family] = {
            role: tuple(_require(table, role, f"quotes.toml: marks.{family}"))
            for role in ("open", "close", "either")
        }
    return families


@cache
def default_lexicon() -> Lexicon:
    """The bundled lexicon (loaded once)."""
    cues_data = _read_toml("cues.toml")
    speakers = _read_toml("speakers.toml")
    quotes = _read_toml("quotes.toml")
    names = _read_toml("names.toml")
    cues: dict[str, CueForm] = {}
    for i, table in enumerate(_listed(_require(cues_data, "verb", "cues.toml"),
                                      "cues.toml", "verb")):
        entry = _structure(table, VerbEntry, "cues.toml", f"verb #{i + 1}", "lemma")
        for form in _verb_forms(entry, f"cues.toml: verb #{i + 1}"):
            cues.setdefault(form.form, form)
    for phrase in _section(cues_data, "source.phrases", "cues.toml"):
        form = _source_form(phrase)
        cues[form.form] = form

    def words(data: Mapping[str, Any], path: str, where: str, *,
              article_optional: bool = True) -> WordSet:
        return WordSet.of(_section(data, path, where), article_optional=article_optional)

    def folded(data: Mapping[str, Any], path: str, where: str) -> frozenset[str]:
        return frozenset(fold_word(w) for w in _section(data, path, where))

    return Lexicon(
        cues=cues,
        complementizers=folded(cues_data, "complementizer.words", "cues.toml"),
        kept_complementizers=folded(cues_data, "complementizer.kept", "cues.toml"),
        negations=folded(cues_data, "negation.words", "cues.toml"),
        honorifics=words(speakers, "titles.honorifics", "speakers.toml"),
        roles=words(speakers, "titles.roles", "speakers.toml"),
        role_links=folded(speakers, "titles.links", "speakers.toml"),
        body_heads=words(speakers, "bodies.heads", "speakers.toml"),
        documents=words(speakers, "bodies.documents", "speakers.toml"),
        body_names=words(speakers, "bodies.names", "speakers.toml"),
        places=WordSet.of([*_section(speakers, "bodies.places", "speakers.toml"), *countries()]),
        unnamed_heads=words(speakers, "unnamed.heads", "speakers.toml"),
        same_source=words(speakers, "anaphora.same_source", "speakers.toml"),
        latter=folded(speakers, "anaphora.latter", "speakers.toml"),
        pronoun_subjects=folded(speakers, "anaphora.pronoun_subjects", "speakers.toml"),
        relatives=folded(speakers, "anaphora.relatives", "speakers.toml"),
        relative_pronouns=folded(speakers, "anaphora.relative_pronouns", "speakers.toml"),
        subject_links=folded(speakers, "anaphora.relative_pronouns", "speakers.toml")
        | folded(speakers, "anaphora.subject_links", "speakers.toml"),
        stops=words(speakers, "stops.words", "speakers.toml", article_optional=False),
        soft_stops=folded(speakers, "stops.soft", "speakers.toml"),
        prepositions=folded(speakers, "stops.prepositions", "speakers.toml"),
        occasions=words(speakers, "channels.occasions", "speakers.toml"),
        audiences=words(speakers, "channels.audiences", "speakers.toml"),
        meta_labels=words(speakers, "meta.labels", "speakers.toml"),
        name_heads=words(quotes, "names.heads", "quotes.toml"),
        name_introducers=words(quotes, "names.introducers", "quotes.toml"),
        title_introducers=words(quotes, "names.titles", "quotes.toml"),
        construct_heads=folded(quotes, "names.construct_heads", "quotes.toml"),
        function_nouns=folded(quotes, "names.function_nouns", "quotes.toml"),
        relay_verbs=folded(quotes, "names.relay_verbs", "quotes.toml"),
        known_names=frozenset(
            " ".join(fold_word(p) for p in n.split())
            for n in _section(quotes, "names.known", "quotes.toml")
        ),
        male_names=words(names, "male", "names.toml"),
        female_names=words(names, "female", "names.toml"),
        particles=words(names, "particles", "names.toml"),
        not_names=frozenset(_section(names, "not_names", "names.toml")),
        claim_terminators=words(cues_data, "claim.terminators", "cues.toml"),
        claim_continuations=words(cues_data, "claim.continuations", "cues.toml"),
        adverbs=folded(cues_data, "claim.adverbs", "cues.toml"),
        auxiliaries=words(cues_data, "claim.auxiliaries", "cues.toml"),
        source_fillers=words(cues_data, "claim.source_fillers", "cues.toml"),
        sources_with_lam=folded(cues_data, "source.with_lam", "cues.toml"),
        relay_sayings=folded(cues_data, "claim.relay_sayings", "cues.toml"),
        narrator_forms=folded(cues_data, "claim.narrator_forms", "cues.toml"),
        nominalizers=folded(cues_data, "claim.nominalizers", "cues.toml"),
        question_words=folded(cues_data, "claim.question_words", "cues.toml"),
        governors=folded(cues_data, "complementizer.governors", "cues.toml"),
        marks=(marks := _marks(quotes)),
        mark_chars=frozenset(c for roles in marks.values() for chars in roles.values()
                             for c in chars),
        apostrophes=frozenset(_section(quotes, "apostrophes.marks", "quotes.toml")),
    )


_FILE_FIELDS = ("verb", "sources", "titles", "speaker")
"""What a user lexicon file may hold: [[verb]] and [[speaker]] tables, two lists."""


def load_user_lexicon(path: str | Path, base: Lexicon | None = None) -> Lexicon:
    """Extend ``base`` (the bundled lexicon) with a user TOML file.

    The file may hold ``[[verb]]`` tables (fields as in data/cues.toml), ``sources`` and
    ``titles`` lists, and ``[[speaker]]`` tables with ``name``, optional ``aliases``, ``kind``
    (person, body, unnamed) and ``feminine``. Anything else, or a value of the wrong type, is
    a `LexiconError` naming the file, the entry and the field.
    """
    if not isinstance(path, str | os.PathLike):
        raise LexiconError(f"lexicon file: expected a path, got {_describe(path)}")
    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{where}: cannot read ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{where}: not valid TOML ({exc})") from exc
    if unknown := set(data) - set(_FILE_FIELDS):
        raise LexiconError(f"{where}: {_unknown(unknown, _FILE_FIELDS)}")
    return (base or default_lexicon()).extended(
        verbs=data.get("verb", []),
        sources=data.get("sources", []),
        titles=data.get("titles", []),
        speakers=data.get("speaker", []),
        where=where,
        fields=_FILE_FIELDS,
    )


def known_speaker(table: Mapping[str, Any] | KnownSpeaker, where: str = "speaker") -> KnownSpeaker:
    """Validate one user speaker table (or a `KnownSpeaker` built by hand)."""
    return _structure(table, KnownSpeaker, where, "speaker", "name")
