"""Tests for arquotes.speaker_gender: a person's gender from the article's grammar."""

from __future__ import annotations

import pytest

import arquotes
from arquotes.model import Gender, Speaker, SpeakerKind


def _speakers(text: str) -> dict[str, Gender | None]:
    return {s.name: s.gender for s in arquotes.extract(text).speakers}


@pytest.mark.parametrize(("text", "name", "gender"), [
    # A feminine cue verb and a feminine role.
    ("وقالت وزيرة الخارجية البريطانية ليز تروس: «لن نتراجع عن دعمنا».", "ليز تروس",
     Gender.FEMALE),
    # A masculine verb and role.
    ("وقال المتحدث باسم الكرملين ديمتري بيسكوف: «لا توجد خطط لعقد قمة».", "ديمتري بيسكوف",
     Gender.MALE),
    # A feminine participle is evidence too.
    ("ونفت السيدة هدى الصالح الاتهامات، مؤكدة أن «الشركة لم تخالف القانون».", "هدى الصالح",
     Gender.FEMALE),
])
def test_gender_from_agreement(text: str, name: str, gender: Gender) -> None:
    """The cue verb's agreement and the role word give the speaker's gender."""
    assert _speakers(text)[name] is gender


def test_conflicting_evidence_gives_none() -> None:
    """A masculine title with a feminine verb is a conflict: no gender is claimed."""
    text = "وقالت مبعوث رئيس المؤتمر أمنية العمراني إن «المفاوضات صعبة»."
    speakers = _speakers(text)
    assert speakers, "the sentence should have a speaker"
    assert set(speakers.values()) == {None}


def test_bodies_and_unnamed_have_no_gender() -> None:
    """Only persons get a gender, whatever the verb's agreement (قالت الوزارة)."""
    text = ("وقالت وزارة الصحة في بيان إن «الوضع تحت السيطرة». "
            "وقال مسؤول في الوزارة إن الإمدادات كافية.")
    result = arquotes.extract(text)
    kinds = {s.kind for s in result.speakers}
    assert SpeakerKind.BODY in kinds
    assert all(s.gender is None for s in result.speakers)


def test_gender_round_trips_through_json() -> None:
    """``gender`` is written by to_dict and read back by from_dict, None included."""
    for gender in (Gender.FEMALE, Gender.MALE, None):
        speaker = Speaker(name="ماريا زاخاروفا", gender=gender)
        assert speaker.to_dict()["gender"] == (None if gender is None else gender.value)
        assert Speaker.from_dict(speaker.to_dict()) == speaker
    assert Speaker.from_dict({"name": "x"}).gender is None
