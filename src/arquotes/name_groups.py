"""One key per speaker across articles: spelling variants of a name grouped together.

Inside an article the resolver already groups a speaker's spellings (`arquotes.resolve`);
across articles the same person is still written ديمتري بيسكوف in one and دميتري بيسكوف in
another. Two folded names of one kind are grouped when they have as many words and, word
for word (clitics and ال aside), the words are equal or, unless both are listed given names
(محمد and محمود are two names, not two spellings), the consonant skeletons agree (the
resolver's own test: دميتري ~ ديمتري، تراس ~ تروس), or the words, of five letters or more
and with one first letter, are one edit apart (a transposition counts as one: rapidfuzz's
OSA distance; short names one letter apart are other names: محمد، أحمد). A lone surname
(بيسكوف) joins the one longer name that ends with that very word (a skeleton is too loose
for one word: حافظ is not عبد الحفيظ), unless two do, or it is a nisba (الزيدي may be علي
or حسن), as `arquotes.evaluate` also refuses, or a given name (حسين، عباس may be anyone's).

Names are compared only inside blocks of one kind whose last words' consonant skeletons
open with the same three letters, so the work grows with the block sizes, not with the
square of all the distinct names of a corpus (غوتيريش and غوتيريس meet; a variant in the
first consonants of a surname stays apart).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from arquotes.mentions import core, skeleton
from arquotes.names_data import given_names

__all__ = ["group_names", "same_entity_words"]

_Name = tuple[str, str]
"""(speaker kind, folded name)."""

_MAX_WORD_EDITS = 1
_MIN_TYPO_LENGTH = 5
_BLOCK_LETTERS = 3  # names are compared only when their last words' skeletons open alike
_NISBA_ENDINGS = ("ي", "يه")  # as in arquotes.evaluate: الأردني، الزيدي name no one person


def same_entity_words(words: list[str], other: list[str]) -> bool:
    """Whether two folded names (as word lists, same length) are spellings of one name."""
    if len(words) != len(other):
        return False
    given = given_names()
    for word, another in zip(words, other, strict=True):
        a, b = core(word), core(another)
        if a == b:
            continue
        if (word in given and another in given) or (
                skeleton(a) != skeleton(b) and not _one_typo(a, b)):
            return False
    return True


def _one_typo(a: str, b: str) -> bool:
    """Long words with one first letter, one edit apart (short names: محمد is not أحمد)."""
    return (min(len(a), len(b)) >= _MIN_TYPO_LENGTH and a[0] == b[0]
            and OSA.distance(a, b) <= _MAX_WORD_EDITS)


def group_names(names: Iterable[_Name]) -> dict[_Name, _Name]:
    """Map each ``(kind, folded name)`` to its group's key (one of the group's members).

    The result is the same whatever order ``names`` come in: groups are built over the
    sorted names and keyed by their smallest member.
    """
    blocks: dict[tuple[str, str], list[_Name]] = defaultdict(list)
    for kind, name in sorted(set(names)):
        words = name.split()
        if words:
            blocks[kind, skeleton(core(words[-1]))[:_BLOCK_LETTERS]].append((kind, name))
    groups: dict[_Name, _Name] = {}
    for block in blocks.values():
        groups.update(_group_block(block))
    return groups


class _Groups:
    """Union-find over the names of one block; a group's root is its smallest member."""

    def __init__(self, members: Iterable[_Name]) -> None:
        self.parent = {member: member for member in members}

    def find(self, member: _Name) -> _Name:
        """The root of ``member``'s group."""
        while self.parent[member] != member:
            self.parent[member] = self.parent[self.parent[member]]
            member = self.parent[member]
        return member

    def join(self, a: _Name, b: _Name) -> None:
        """Put ``a`` and ``b`` in one group."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _group_block(block: list[_Name]) -> dict[_Name, _Name]:
    """Group the names of one block (one kind, one opening of the last-word skeleton)."""
    groups = _Groups(block)
    # Only names of as many words, whose first words open with one letter, can be one.
    alike: dict[tuple[int, str], list[_Name]] = defaultdict(list)
    for member in block:
        words = member[1].split()
        alike[len(words), core(words[0])[:1]].append(member)
    for members in alike.values():
        for i, member in enumerate(members):
            for other in members[i + 1 :]:
                if same_entity_words(member[1].split(), other[1].split()):
                    groups.join(member, other)
    # A lone person surname joins the single longer group that ends with it.
    for member in (m for m in block if len(m[1].split()) == 1):
        kind, name = member
        if kind != "person" or core(name).endswith(_NISBA_ENDINGS) or name in given_names():
            continue
        longer = {groups.find(other) for other in block if len(other[1].split()) > 1
                  and core(other[1].split()[-1]) == core(name)}
        if len(longer) == 1:
            groups.join(member, longer.pop())
    return {member: groups.find(member) for member in block}
