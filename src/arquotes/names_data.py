"""Name lists built from real data: given names, surnames, names that are also words, countries.

The files under ``arquotes/data/`` are written by ``scripts/build_names.py`` from the
``arabic-name-romanizer`` index (people on Wikidata, CC0) and the ``wordfreq`` Arabic list
(CC-BY-SA 4.0), and by ``scripts/build_places.py`` from CLDR through Babel (Unicode
License); docs/data-sources.md gives sources, licences, filters and counts.

Every entry is already folded with `arquotes.normalize.fold_word` (أ/إ/آ -> ا, ى -> ي,
ة -> ه, ؤ/ئ -> ء, no diacritics), so look up folded tokens. An entry is one word, or a
compound unit of words joined by one space (عبد الله، ابو بكر، بن علي، ال ثاني).
Each file is read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = [
    "common_words", "countries", "given_names", "is_common_word", "is_name_unit", "surnames",
]


def _entries(name: str) -> frozenset[str]:
    """The entries of data file ``name``: its lines without ``#`` comments and blanks."""
    text = (files("arquotes") / "data" / name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def given_names() -> frozenset[str]:
    """Folded given-name units of people (محمد، فاطمه، جون، عبد الله ...)."""
    return _entries("given_names.txt")


@cache
def countries() -> frozenset[str]:
    """Folded Arabic names of countries and territories (CLDR, via ``scripts/build_places.py``).

    البرازيل، كوريا الجنوبية: they speak as bodies in the news.
    """
    return _entries("countries.txt")


@cache
def surnames() -> frozenset[str]:
    """Folded family-name units of people, nisbas included (الزيدي، حداد، بن علي ...).

    Arabic names chain a father's given name after one's own, so many given names
    (محمد، حسن) are here too.
    """
    return _entries("surnames.txt")


@cache
def common_words() -> frozenset[str]:
    """Folded entries of `given_names` or `surnames` that are also frequent Arabic words.

    They are the ambiguous names (امل "hope", نور "light", كريم "generous", علي which is
    also على): among the 20,000 most frequent Arabic words in wordfreq. This is not a
    general word list: a word that is no name is never in it.
    """
    return _entries("common_words.txt")


def is_common_word(folded: str) -> bool:
    """True when the folded name unit ``folded`` is also a frequent Arabic word.

    Such a unit names a person only with more evidence (a second name unit, a title
    before it). False for any word that is in neither name list (see `common_words`).
    """
    return folded in common_words()


def is_name_unit(word: str, *, unambiguous: bool = False) -> bool:
    """A folded word the names data knows as a given name or a family name.

    ``unambiguous``: and not also a frequent Arabic word (`common_words`), so that its shape
    alone can vouch for a name.
    """
    known = word in given_names() or word in surnames()
    return known and not (unambiguous and word in common_words())
