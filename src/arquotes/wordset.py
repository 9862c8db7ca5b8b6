"""Word lists matched against tokens that may carry clitics (و ف ب ل) or the article ال.

Every stage asks "is this token, or its clitic-free form, in that list?" many times per
article, so the question lives in this small typed module, which the compiled build compiles
with the pipeline (`arquotes.lexicon` builds the lists; it stays Python for its attrs and
cattrs classes).
"""

from __future__ import annotations

from collections.abc import Iterable

from arquotes.normalize import fold_word

__all__ = ["WordSet", "token_variants"]

_VARIANTS_KEPT = 1 << 16
"""Words whose variants are kept (`token_variants`) before the cache starts afresh."""
_variants: dict[str, tuple[str, ...]] = {}


def token_variants(token: str) -> tuple[str, ...]:
    """``token`` and its forms without clitics and article, most specific first.

    والطاقه -> والطاقه, الطاقه, طاقه; للصحفيين -> للصحفيين, الصحفيين, صحفيين.
    Checking every variant keeps words that start with a clitic letter (وزير) intact.
    Cached: the same words are looked up again and again.
    """
    found = _variants.get(token)
    if found is None:
        if len(_variants) >= _VARIANTS_KEPT:
            _variants.clear()
        found = _variants[token] = _strip_clitics(token)
    return found


def _strip_clitics(token: str) -> tuple[str, ...]:
    """The variants of `token_variants`, computed."""
    found = [token]
    rest = token
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        found.append(rest)
    if len(rest) > 4 and rest.startswith("لل"):
        found.append("ال" + rest[2:])
        found.append(rest[2:])
        return tuple(found)
    if len(rest) > 3 and rest[0] in "بلك":
        rest = rest[1:]
        found.append(rest)
    if len(rest) > 4 and rest.startswith("ال"):
        found.append(rest[2:])
    return tuple(found)


ATTACHED_PRONOUNS = ("هما", "هم", "ها", "ه")
"""Attached pronouns, longest first: possessive on nouns (منصته، صفحتها), object on verbs
(ينفيه، يصفها)."""


def possessed_stems(token: str) -> tuple[str, ...]:
    """The nouns ``token`` may be with a possessive pronoun taken off, folded.

    منصته -> منصت, منصه (the ة of منصة is written ت before a suffix and folds to ه).
    Nothing for a word too short to carry one.
    """
    for suffix in ATTACHED_PRONOUNS:
        stem = token[: -len(suffix)]
        if token.endswith(suffix) and len(stem) >= 3:
            return (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)
    return ()


def _bare(word: str) -> str:
    """Folded form without the article, the key lists are stored under."""
    folded = fold_word(word)
    return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded


class WordSet:
    """Folded words and phrases, matched against tokens through `token_variants`.

    Immutable once made; equal when words and phrases are.
    """

    __slots__ = ("_by_first", "_known", "phrases", "words")

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    """Multi-word entries as token tuples, longest first."""
    _by_first: dict[str, tuple[int, ...]]
    """First word -> indices in `phrases` of the phrases it starts, ascending."""
    _known: dict[str, bool]
    """Token -> whether it is in the set: the same words are asked about in every article.
    Starts afresh past `_VARIANTS_KEPT` tokens."""

    def __init__(self, words: frozenset[str], phrases: tuple[tuple[str, ...], ...]) -> None:
        """The folded ``words`` and the ``phrases`` (longest first), indexed by first word."""
        self.words = words
        self.phrases = phrases
        index: dict[str, list[int]] = {}
        for k, phrase in enumerate(phrases):
            index.setdefault(phrase[0], []).append(k)
        self._by_first = {first: tuple(ks) for first, ks in index.items()}
        self._known = {}

    @classmethod
    def of(cls, entries: Iterable[str], *, article_optional: bool = True) -> WordSet:
        """Fold ``entries``; single words are stored with and without ال.

        With ``article_optional`` false a word listed with ال needs it: the stop الأحد
        (Sunday) must not stop أحد (one).
        """
        words: set[str] = set()
        phrases: set[tuple[str, ...]] = set()
        for entry in entries:
            parts = tuple(fold_word(p) for p in entry.split())
            if not parts:
                continue
            if len(parts) == 1:
                words.add(parts[0])
                if article_optional:
                    words.add(_bare(parts[0]))
            else:
                phrases.add(parts)
                phrases.add((_bare(parts[0]), *parts[1:]))
        return cls(frozenset(words), tuple(sorted(phrases, key=len, reverse=True)))

    def __eq__(self, other: object) -> bool:
        """Equal when words and phrases are."""
        if not isinstance(other, WordSet):
            return NotImplemented
        return self.words == other.words and self.phrases == other.phrases

    def __hash__(self) -> int:
        """Hash of words and phrases, as equality."""
        return hash((self.words, self.phrases))

    def __repr__(self) -> str:
        """Sizes, not contents: the lists are long."""
        return f"WordSet(<{len(self.words)} words>, <{len(self.phrases)} phrases>)"

    def __contains__(self, token: object) -> bool:
        """True when any clitic-free variant of the folded ``token`` is listed."""
        if not isinstance(token, str):
            return False
        known = self._known
        listed = known.get(token)
        if listed is None:
            if len(known) >= _VARIANTS_KEPT:
                known.clear()
            listed = known[token] = not self.words.isdisjoint(token_variants(token))
        return listed

    def possessed(self, token: str) -> bool:
        """True when ``token`` is listed, or is a listed noun with a possessive pronoun.

        بيانها is بيان with "her", منصته is منصة with "his" (see `possessed_stems`).
        """
        return token in self or any(stem in self for stem in possessed_stems(token))

    def exact(self, token: str) -> bool:
        """True when ``token`` is listed as written, or after a leading و/ف (given names)."""
        return token in self.words or (len(token) > 3 and token[0] in "وف" and (
            token[1:] in self.words))

    def phrase_at(self, tokens: list[str], i: int) -> int:
        """Length in tokens of the listed entry starting at ``tokens[i]`` (0 if none)."""
        # Only phrases whose first word is a variant of tokens[i] can match; they are tried
        # in the order of `phrases` (longest first), as a scan of every phrase would.
        firsts = self._by_first
        candidates: list[int] = []
        for v in token_variants(tokens[i]):
            ks = firsts.get(v)
            if ks is not None:
                candidates.extend(ks)
        if len(candidates) > 1:
            # Two variants of one word are never equal, so no index comes twice; sorted, the
            # phrases are tried longest first.
            candidates.sort()
        for k in candidates:
            phrase = self.phrases[k]
            n = len(phrase)
            if i + n <= len(tokens) and all(
                phrase[j] in token_variants(tokens[i + j]) for j in range(1, n)
            ):
                return n
        return 1 if tokens[i] in self else 0

    def union(self, other: WordSet) -> WordSet:
        """Both sets together."""
        phrases = tuple(sorted(set(self.phrases) | set(other.phrases), key=len, reverse=True))
        return WordSet(self.words | other.words, phrases)
