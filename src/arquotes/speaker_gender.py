"""A person's gender from what the article's grammar shows about them.

The bundled given-name list has no gender, so the evidence is the article's own agreement,
which Arabic marks reliably:

- the singular cue verbs and participles the person is the subject of (قالت، مشيرة are
  feminine; قال، مشيرا masculine); a relayed verb (نقلت وكالة ... عن) is the relayer's, and
  source phrases and verbal nouns (بحسب، قوله) show no gender, so these are left out;
- the role and honorific words beside the name, when the lexicon lists both genders of the
  word (الوزيرة / الوزير، السيدة / السيد); an unpaired one (عضو، فخامة، عمدة) tells nothing;
- a first name listed as only female or only male in names.toml.

One side's evidence alone gives that gender; none, or both (a conflict), gives None. Only
persons get a gender.
"""

from __future__ import annotations

from collections.abc import Iterable

from arquotes.cues import CueHit
from arquotes.lexicon import Lexicon
from arquotes.model import Gender, SpeakerKind
from arquotes.resolve import Entity

__all__ = ["entity_gender"]

_AGREEING_KINDS = frozenset({"verb", "participle"})
_FEMININE_END = "ه"  # the folded ta marbuta of الوزيرة، السيدة


def entity_gender(entity: Entity, hits: Iterable[CueHit], lexicon: Lexicon) -> Gender | None:
    """The gender of ``entity`` from the ``hits`` attributed to it, its roles and its names."""
    if entity.kind is not SpeakerKind.PERSON:
        return None
    votes: set[Gender] = set()
    for hit in hits:
        form = hit.form
        if form.kind in _AGREEING_KINDS and not form.plural and hit.via is None:
            votes.add(Gender.FEMALE if form.feminine else Gender.MALE)
    for role in entity.roles:
        head = role.split(maxsplit=1)
        if head:
            votes.update(_title_gender(head[0], lexicon))
    for name in entity.names:
        first = name.split(maxsplit=1)
        if first:
            votes.update(_name_gender(first[0], lexicon))
    return next(iter(votes)) if len(votes) == 1 else None


def _title_gender(word: str, lexicon: Lexicon) -> tuple[Gender, ...]:
    """A role or honorific with both genders listed: which one ``word`` is."""

    def listed(token: str) -> bool:
        return token in lexicon.roles or token in lexicon.honorifics

    if word.endswith(_FEMININE_END) and listed(word) and listed(word[:-1]):
        return (Gender.FEMALE,)
    if listed(word) and listed(word + _FEMININE_END):
        return (Gender.MALE,)
    return ()


def _name_gender(word: str, lexicon: Lexicon) -> tuple[Gender, ...]:
    """A first name listed under one gender only."""
    female, male = lexicon.female_names.exact(word), lexicon.male_names.exact(word)
    if female and not male:
        return (Gender.FEMALE,)
    if male and not female:
        return (Gender.MALE,)
    return ()
