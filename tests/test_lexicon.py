"""Tests for arquotes.lexicon: loading, inflection and validation of word lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arquotes import Extractor, wordset
from arquotes.errors import LexiconError
from arquotes.lexicon import (
    KnownSpeaker,
    WordSet,
    default_lexicon,
    load_user_lexicon,
    possessed_stems,
    token_variants,
)
from arquotes.model import CueCategory


def test_verb_inflections_are_derived() -> None:
    """Feminine, plural, present and participle forms come from the lemma entry."""
    cues = default_lexicon().cues
    for form in ("قال", "قالت", "قالوا", "يقول", "تقول", "قاءلا", "مءكده", "اضافت", "نفت"):
        assert form in cues, form
    assert cues["اضافت"].lemma == "أضاف"
    assert cues["اضافت"].feminine
    assert cues["مءكدا"].kind == "participle"
    assert cues["بحسب"].category is CueCategory.SOURCE


def test_masdar_is_not_a_dual_verb() -> None:
    """نفيا (a masdar: نفيا قاطعا) is not listed as the dual of نفى."""
    assert "نفيا" not in default_lexicon().cues


def test_token_variants_strip_clitics_not_roots() -> None:
    """Clitic and article variants are tried, and وزير keeps its first letter."""
    assert list(token_variants("والطاقه")) == ["والطاقه", "الطاقه", "طاقه"]
    assert "وزير" in list(token_variants("وزير"))
    assert "صحفيين" in list(token_variants("للصحفيين"))


def test_wordset_keeps_its_answers_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Membership answers are kept per set; past the bound they start afresh and stay right."""
    monkeypatch.setattr(wordset, "_VARIANTS_KEPT", 3)
    words = WordSet.of(["الوزير", "سامي"])
    asked = ["والوزير", "وزير", "للوزير", "سامي", "وسامي", "موسكو", "الوزيرة", "والوزير", "سامي"]
    for _ in range(2):
        assert [token in words for token in asked] == [
            True, True, True, True, True, False, False, True, True]
        assert len(words._known) <= 3
    assert 42 not in words  # not a token at all


def test_person_starts_read_through_clitics() -> None:
    """The mention scan's first test: a given name, role or particle, with or without clitics."""
    starts = default_lexicon().person_starts
    for word in ("محمد", "ومحمد", "الوزير", "والوزير", "للوزير", "بن", "الدكتور"):
        assert word in starts, word
    for word in ("قال", "الاتفاق", "،", "2025"):
        assert word not in starts, word


def test_wordset_phrases() -> None:
    """Multi-word entries match as token sequences, with the article optional."""
    words = WordSet.of(["البيت الأبيض", "الكرملين"])
    assert words.phrase_at(["البيت", "الابيض", "ان"], 0) == 2
    assert words.phrase_at(["الكرملين"], 0) == 1
    assert words.phrase_at(["موسكو"], 0) == 0


def test_wordset_longest_phrase_across_variants() -> None:
    """Phrases started by different variants of one word are tried together, longest first.

    Tokens are folded (ى is ي); a phrase needs all its words.
    """
    words = WordSet.of(["مجلس الأمن", "مجلس الأمن الدولي", "المجلس الأعلى للقضاء"])
    assert words.phrase_at(["وبمجلس", "الامن", "الدولي", "امس"], 0) == 3
    assert words.phrase_at(["والمجلس", "الامن"], 0) == 2
    assert words.phrase_at(["المجلس", "الاعلي", "للقضاء"], 0) == 3
    assert words.phrase_at(["والمجلس", "الاعلي"], 0) == 0


def test_extended_adds_user_verbs() -> None:
    """A user verb becomes a cue in every derived form."""
    lexicon = default_lexicon().extended(
        verbs=[{"lemma": "غرد", "category": "statement", "present": "يغرد"}]
    )
    assert {"غرد", "غردت", "يغرد"} <= set(lexicon.cues)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"category": "statement"}, "missing field 'lemma'"),
        ({"lemma": "غرد", "category": "shouting"}, "field 'category': 'shouting' is not one of"),
        ({"lemma": "غرد", "category": "statement", "frames": ["sing"]}, "unknown frames"),
        ({"lemma": "غرد", "category": "statement", "frames": ["on"]}, "needs a list of preps"),
    ],
)
def test_bad_user_verbs_raise_lexicon_error(entry: dict[str, object], message: str) -> None:
    """Malformed verb entries raise LexiconError naming the problem."""
    with pytest.raises(LexiconError, match=message):
        default_lexicon().extended(verbs=[entry])


def test_user_lexicon_file(tmp_path: Path) -> None:
    """A TOML file adds verbs, sources, titles and speakers."""
    path = tmp_path / "extra.toml"
    path.write_text(
        'sources = ["كما أفادت"]\ntitles = ["الناشط"]\n'
        '[[verb]]\nlemma = "غرد"\ncategory = "statement"\n'
        '[[speaker]]\nname = "إيلون ماسك"\naliases = ["ماسك"]\n',
        encoding="utf-8",
    )
    lexicon = load_user_lexicon(path)
    assert "غرد" in lexicon.cues
    assert lexicon.known_speakers[0].aliases == ("ماسك",)
    assert "الناشط" in lexicon.roles
    assert "كما افادت" in lexicon.cues


def test_top_level_field_inside_a_table_is_explained(tmp_path: Path) -> None:
    """``titles`` written after ``[[verb]]`` belongs to that table in TOML: say so."""
    path = tmp_path / "late.toml"
    path.write_text('[[verb]]\nlemma = "غرد"\ncategory = "statement"\ntitles = ["الناشط"]\n',
                    encoding="utf-8")
    with pytest.raises(LexiconError, match="write it before the first"):
        load_user_lexicon(path)


def test_user_lexicon_file_errors(tmp_path: Path) -> None:
    """A missing or invalid file raises LexiconError with the path."""
    with pytest.raises(LexiconError, match="cannot read"):
        load_user_lexicon(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[verb]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid TOML"):
        load_user_lexicon(bad)


def test_possessed_stems_take_off_the_pronoun() -> None:
    """منصته -> منصة (folded منصه)، حسابهم -> حساب؛ a short word carries none."""
    assert "منصه" in possessed_stems("منصته")
    assert possessed_stems("حسابهم") == ("حساب",)
    assert possessed_stems("صفحتها") == ("صفحت", "صفحه")
    assert possessed_stems("له") == ()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # An unknown table or field, with the name it was meant to be.
        ('[[verbs]]\nlemma = "غرد"\ncategory = "statement"\n', ["'verbs'", "'verb'"]),
        ('[[speaker]]\nname = "إيلون ماسك"\nalias = ["ماسك"]\n',
         ["speaker #1 ('إيلون ماسك')", "'alias'", "'aliases'"]),
        ('[[verb]]\nlemma = "غرد"\ncategory = "statement"\npresnt = "يغرد"\n',
         ["verb #1 ('غرد')", "'presnt'", "'present'"]),
        # A flag that is not a boolean.
        ('[[verb]]\nlemma = "غرد"\ncategory = "statement"\nimmediate = "no"\n',
         ["verb #1 ('غرد')", "field 'immediate'", "true or false"]),
        ('[[speaker]]\nname = "إيلون ماسك"\nfeminine = 1\n',
         ["speaker #1 ('إيلون ماسك')", "field 'feminine'", "true or false"]),
        # A string where a list belongs, a list where a string belongs, a wrong type.
        ('titles = "الناشط"\n', ["field 'titles'", "list"]),
        ('[[speaker]]\nname = "إيلون ماسك"\naliases = "ماسك"\n', ["field 'aliases'", "list"]),
        ('[[verb]]\nlemma = ["غرد"]\ncategory = "statement"\n', ["verb #1", "field 'lemma'"]),
        ('[[verb]]\nlemma = "غرد"\ncategory = "statement"\nframes = "quote"\n',
         ["verb #1 ('غرد')", "field 'frames'", "list"]),
        ('[[verb]]\nlemma = "غرد"\ncategory = "shouting"\n',
         ["verb #1 ('غرد')", "field 'category'", "statement"]),
        ('[[speaker]]\nname = "س"\nkind = "robot"\n', ["speaker #1", "field 'kind'", "person"]),
        ('[[speaker]]\naliases = ["ماسك"]\n', ["speaker #1", "missing field 'name'"]),
        ('sources = ["كما أفادت", 3]\n', ["field 'sources'", "#2"]),
        ("verb = 3\n", ["field 'verb'"]),
    ],
)
def test_user_lexicon_file_validation_names_file_entry_and_field(
    tmp_path: Path, content: str, expected: list[str]
) -> None:
    """Every malformed field gives a LexiconError naming the file, the entry and the field."""
    path = tmp_path / "newsroom.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_user_lexicon(path)
    message = str(caught.value)
    assert str(path) in message
    for part in expected:
        assert part in message, (part, message)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"titles": "الناشط"}, ["titles", "list"]),
        ({"sources": "كما أفادت"}, ["sources", "list"]),
        ({"sources": [""]}, ["sources", "empty"]),
        ({"verbs": {"lemma": "غرد", "category": "statement"}}, ["verbs", "list"]),
        ({"verbs": [{"lemma": "غرد", "category": "statement", "immediate": "no"}]},
         ["verb #1 ('غرد')", "field 'immediate'"]),
        ({"verbs": [{"lemma": "غرد", "categry": "statement"}]}, ["'categry'", "'category'"]),
        ({"speakers": [{"name": "إيلون ماسك", "alias": ["ماسك"]}]}, ["'alias'", "'aliases'"]),
        ({"speakers": [{"name": "إيلون ماسك", "aliases": "ماسك"}]}, ["field 'aliases'"]),
        ({"speakers": ["إيلون ماسك"]}, ["speaker #1", "table"]),
        ({"speakers": [KnownSpeaker(name=5)]}, ["speaker #1", "field 'name'"]),  # type: ignore[arg-type]
    ],
)
def test_extractor_values_are_validated(values: dict[str, Any], expected: list[str]) -> None:
    """Extractor(...) checks its values as strictly as a file, naming entry and field."""
    with pytest.raises(LexiconError) as caught:
        Extractor(**values)
    message = str(caught.value)
    assert message.startswith("Extractor"), message
    for part in expected:
        assert part in message, (part, message)


def test_valid_values_still_extend_the_lexicon() -> None:
    """Tuples, generators and KnownSpeaker values are accepted as before."""
    extractor = Extractor(
        verbs=({"lemma": "غرد", "category": "statement", "immediate": False},),
        titles=(t for t in ["الناشط"]),
        speakers=[KnownSpeaker(name="إيلون ماسك", aliases=("ماسك",)),
                  {"name": "سارة", "feminine": True, "kind": "person"}],
    )
    assert "غرد" in extractor.lexicon.cues
    assert "الناشط" in extractor.lexicon.roles
    assert [s.name for s in extractor.lexicon.known_speakers] == ["إيلون ماسك", "سارة"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # Found by fuzz/fuzz_lexicon.py: words that fold to nothing gave an IndexError.
        ({"verbs": [{"lemma": "\u064b", "category": "statement"}]}, "field 'lemma'"),
        ({"verbs": [{"lemma": "قال", "category": "statement", "extra": ["\u064b"]}]},
         "field 'extra'"),
        ({"verbs": [{"lemma": "قال", "category": "statement", "present": "\u0640"}]},
         "field 'present'"),
        ({"verbs": [{"lemma": "قال", "category": "statement", "participle": "\u0640"}]},
         "field 'participle'"),
        ({"sources": ["\u064b"]}, "sources: source phrase"),
    ],
)
def test_words_without_letters_are_lexicon_errors(values: dict[str, Any], expected: str) -> None:
    """A form of only diacritics or tatweel is refused by name, not an IndexError."""
    with pytest.raises(LexiconError, match=expected) as caught:
        Extractor(**values)
    assert str(caught.value).startswith("Extractor(...)")


@pytest.mark.parametrize("value", [5, ["newsroom.toml"], None])
def test_lexicon_file_must_be_a_path(value: object) -> None:
    """``load_user_lexicon`` takes a path; anything else is named, not a TypeError."""
    with pytest.raises(LexiconError, match="lexicon file: expected a path"):
        load_user_lexicon(value)  # type: ignore[arg-type]
