"""Tests for arquotes.lexicon: loading, inflection and validation of word lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from arquotes.errors import LexiconError
from arquotes.lexicon import (
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


def test_wordset_phrases() -> None:
    """Multi-word entries match as token sequences, with the article optional."""
    words = WordSet.of(["البيت الأبيض", "الكرملين"])
    assert words.phrase_at(["البيت", "الابيض", "ان"], 0) == 2
    assert words.phrase_at(["الكرملين"], 0) == 1
    assert words.phrase_at(["موسكو"], 0) == 0


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
        ({"lemma": "غرد", "category": "shouting"}, "category must be one of"),
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
        '[[verb]]\nlemma = "غرد"\ncategory = "statement"\n'
        'sources = ["كما أفادت"]\ntitles = ["الناشط"]\n'
        '[[speaker]]\nname = "إيلون ماسك"\naliases = ["ماسك"]\n',
        encoding="utf-8",
    )
    lexicon = load_user_lexicon(path)
    assert "غرد" in lexicon.cues
    assert lexicon.known_speakers[0].aliases == ("ماسك",)


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
