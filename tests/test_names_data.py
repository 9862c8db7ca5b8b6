"""Tests for arquotes.names_data: the name lists built by scripts/build_names.py."""

from __future__ import annotations

from importlib.resources import files

import pytest

from arquotes import names_data
from arquotes.normalize import fold_word

FILES = ("given_names.txt", "surnames.txt", "common_words.txt")
# Folded letters only: no alef with hamza, no ى or ة, no ؤ or ئ, no Persian letters.
LETTERS = set("ءابتثجحخدذرزسشصضطظعغفقكلمنهوي")


def _text(name: str) -> str:
    return (files("arquotes") / "data" / name).read_text(encoding="utf-8")


def _lists() -> dict[str, frozenset[str]]:
    return {
        "given_names.txt": names_data.given_names(),
        "surnames.txt": names_data.surnames(),
        "common_words.txt": names_data.common_words(),
    }


def test_files_load_and_are_not_trivial() -> None:
    assert len(names_data.given_names()) > 5_000
    assert len(names_data.surnames()) > 15_000
    assert 500 < len(names_data.common_words()) < 5_000


@pytest.mark.parametrize(
    "name",
    [
        # Arabic, written with hamza, ى and ة: the lists hold the folded forms.
        "محمد", "أحمد", "علي", "فاطمة", "عائشة", "مصطفى", "ليلى", "عبد الله", "أبو بكر",
        # Foreign given names as Arabic spells them.
        "جون", "ماري", "إيمانويل", "جورج", "ديفيد", "مايكل", "جوزيف", "بنيامين",
    ],
)
def test_known_given_names_are_in(name: str) -> None:
    assert fold_word(name) in names_data.given_names()


@pytest.mark.parametrize("name", ["الزيدي", "القحطاني", "حداد", "المصري", "بن علي", "آل ثاني"])
def test_known_surnames_are_in(name: str) -> None:
    assert " ".join(fold_word(w) for w in name.split()) in names_data.surnames()


@pytest.mark.parametrize(
    "word",
    ["الوزير", "قال", "الحكومة", "في", "من", "إلى", "رئيس", "الله", "عبد", "بن", "أبو", "هنا"],
)
def test_common_words_are_not_given_names(word: str) -> None:
    # (على is left out: it folds to علي, a name, flagged by is_common_word below.)
    assert fold_word(word) not in names_data.given_names()


def test_function_words_are_in_no_list() -> None:
    for word in ("في", "من", "عن", "مع", "هو", "هي", "هذا", "التي", "كان", "الى"):
        assert word not in names_data.given_names() | names_data.surnames(), word


@pytest.mark.parametrize("name", ["أمل", "نور", "كريم", "جمال", "علي", "محمد"])
def test_ambiguous_names_are_flagged(name: str) -> None:
    folded = fold_word(name)
    assert folded in names_data.given_names()
    assert names_data.is_common_word(folded)


def test_plain_names_and_non_names_are_not_common_words() -> None:
    assert not names_data.is_common_word(fold_word("ميساء"))
    assert not names_data.is_common_word(fold_word("الزيدي"))
    # Not a general word list: a word that is no name is not in it.
    assert not names_data.is_common_word(fold_word("الحكومة"))


def test_common_words_are_name_units() -> None:
    assert names_data.common_words() <= names_data.given_names() | names_data.surnames()


@pytest.mark.parametrize("name", FILES)
def test_every_entry_is_folded_and_arabic(name: str) -> None:
    entries = _lists()[name]
    for entry in entries:
        words = entry.split(" ")
        assert all(len(w) >= 2 and set(w) <= LETTERS for w in words), entry
        assert " ".join(fold_word(w) for w in words) == entry, entry


@pytest.mark.parametrize("name", FILES)
def test_file_is_sorted_unique_and_counted(name: str) -> None:
    lines = [line for line in _text(name).splitlines() if not line.startswith("#")]
    assert lines == sorted(set(lines))
    assert f"# Entries: {len(lines)}," in _text(name)


@pytest.mark.parametrize(
    ("name", "needles"),
    [
        ("given_names.txt", ("arabic-name-romanizer 0.2.0", "MIT", "Wikidata", "CC0 1.0")),
        ("surnames.txt", ("arabic-name-romanizer 0.2.0", "MIT", "Wikidata", "CC0 1.0")),
        ("common_words.txt", ("wordfreq 3.1.1", "CC-BY-SA 4.0")),
    ],
)
def test_header_names_source_and_licence(name: str, needles: tuple[str, ...]) -> None:
    header = "\n".join(line for line in _text(name).splitlines() if line.startswith("#"))
    for needle in needles:
        assert needle in header, needle


def test_lists_are_loaded_once() -> None:
    assert names_data.given_names() is names_data.given_names()
    assert names_data.common_words() is names_data.common_words()


def test_countries_come_from_cldr_and_are_folded() -> None:
    """Countries load folded, with their source and licence in the header."""
    names = names_data.countries()
    assert {"البرازيل", "المانيا", "السودان", "كوريا الجنوبيه"} <= names
    assert "الوزير" not in names
    header = (files("arquotes") / "data" / "countries.txt").read_text(encoding="utf-8")
    assert "CLDR" in header
    assert "Unicode License" in header
