"""Tests for arquotes.cues: cue words, their subjects and complements."""

from __future__ import annotations

import pytest

import arquotes
from helpers import cues_of


@pytest.mark.parametrize(
    ("text", "cue", "subject", "frame"),
    [
        ("وقال المتحدث باسم الكرملين ديمتري بيسكوف إن المحادثات بناءة.",
         "وقال", "المتحدث باسم الكرملين ديمتري بيسكوف", "that"),
        ("صرّح الوزير بأنّ الاتفاق قريب.", "صرّح", "الوزير", "that"),
        ("وأضافت: «الوضع مستقر».", "وأضافت", None, "quote"),
        ("وأشار إلى أن الاجتماع سيعقد غدا.", "وأشار", None, "that"),
        ("شدد الرئيس على أهمية الحوار.", "شدد", "الرئيس", "on"),
        ("وتنفي موسكو وجود خطط للتصعيد.", "وتنفي", "موسكو", "np"),
        ("وأعرب الوزير عن قلقه من التصعيد.", "وأعرب", "الوزير", "on"),
        ("اكد الوزير ان الحوار مستمر.", "اكد", "الوزير", "that"),
        ("قالـت الوزيرة إن الخطة جاهزة.", "قالـت", "الوزيرة", "that"),
        ("ويعتقد خبراء أن الأزمة ستطول.", "ويعتقد", "خبراء", "that"),
        ("ويصر الوزير على أن الخطة ناجحة.", "ويصر", "الوزير", "that"),
        ("وتوعد الرئيس بالرد على أي اعتداء.", "وتوعد", "الرئيس", "on"),
    ],
)
def test_verb_cues(text: str, cue: str, subject: str | None, frame: str) -> None:
    """A cue is found with its subject (VSO or none) and the frame of its complement."""
    _, rows = cues_of(text)
    assert rows[0] == (cue, subject, frame)


def test_subject_before_the_verb() -> None:
    """SVO: the phrase after كان, or the one opening the sentence, is the subject."""
    _, rows = cues_of("وكان زيلينسكي قال: «لن نتراجع».")
    assert rows == [("قال", "زيلينسكي", "quote")]
    _, rows = cues_of("الرئيس الروسي فلاديمير بوتين، شدد على أهمية التعاون.")
    assert rows == [("شدد", "الرئيس الروسي فلاديمير بوتين", "on")]


def test_participles_open_their_own_clause() -> None:
    """مؤكدا and مشيرة are cues of their own with no written subject."""
    _, rows = cues_of("وقال الوزير إن الأمر صعب، مؤكدا أن الحل ممكن، ومشيرة إلى أن الوقت ضيق.")
    assert [(cue, frame) for cue, _, frame in rows] == [
        ("وقال", "that"), ("مؤكدا", "that"), ("ومشيرة", "that")]


def test_noun_after_preposition_is_not_a_cue() -> None:
    """بناء على مطالبة بوتين: a verbal noun after a preposition is not a participle cue."""
    _, rows = cues_of("وستعقد المحادثات بناء على مطالبة بوتين بذلك.")
    assert rows == []


def test_cue_without_complement_is_dropped() -> None:
    """A speech verb that introduces nothing (ولم يذكر أي تفاصيل) is not a cue."""
    _, rows = cues_of("ولم يذكر أي تفاصيل بشأن البرنامج.")
    assert rows == []


def test_between_is_not_bayyana() -> None:
    """بين (between) is only a cue when a complement follows it at once."""
    _, rows = cues_of("وتعقد القمة بين الرئيسين في جنيف.")
    assert rows == []
    _, rows = cues_of("وبين أن الدراسة شملت ألفي مشارك.")
    assert rows == [("وبين", None, "that")]


def test_source_phrase_verb_belongs_to_the_source() -> None:
    """حسبما ذكرت قناة ...: ذكرت is part of the source phrase, not a new cue."""
    _, rows = cues_of("وأضاف الوزير - حسبما ذكرت قناة العربية - أن الاتفاق قائم.")
    assert rows[0] == ("وأضاف", "الوزير", "that")
    assert [cue for cue, _, _ in rows] == ["وأضاف", "حسبما"]


def test_channel_includes_a_quoted_outlet() -> None:
    """لـ"بي بي سي" is the channel, quoted name included."""
    import arquotes

    (quote,) = arquotes.extract(
        'وقال المحلل عمرو الشوبكي لـ"بي بي سي" إن "القرار كان متوقعا تماما".').quotes
    assert quote.attribution is not None
    assert quote.attribution.channel == 'لـ"بي بي سي"'


def test_a_run_of_cues_introduces_nothing() -> None:
    """Cue words one after another (قال أكد وأضاف) give no cue, quote or claim."""
    _, rows = cues_of("وقال أكد وأضاف قالت " * 5)
    assert rows == []


def test_cue_after_quote_still_found_before_another_cue() -> None:
    """«...»، قال وأضاف: the quote before still gets its cue."""
    _, rows = cues_of("«سنواصل الطريق حتى النهاية»، قال أكد.")
    assert rows[0][0] == "قال"
    assert rows[0][2] == "quote"


@pytest.mark.parametrize("text", ["وقالت مصر إن الحدود آمنة.", "وتحدث عن معتقدات الناس أن"])
def test_nouns_shaped_like_participles_are_not_cues(text: str) -> None:
    """مصر (Egypt) and معتقدات (beliefs) are not participles of أصر and اعتقد."""
    _, rows = cues_of(text)
    assert all(cue not in ("مصر", "معتقدات") for cue, _, _ in rows)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("وطالب الرئيس بالإفراج عن المعتقلين.", "الرئيس"),
        ("وهدد الوزير بفرض عقوبات جديدة.", "الوزير"),
        ("وطالب المتحدث باسم الحكومة بوقف القتال.", "المتحدث باسم الحكومة"),
    ],
)
def test_subject_gives_back_a_governed_preposition(text: str, subject: str) -> None:
    """A role phrase that read on through بالإفراج leaves it to the verb governing ب."""
    _, rows = cues_of(text)
    assert rows[0][1:] == (subject, "on")


@pytest.mark.parametrize(
    "text",
    ["وأكد الرئيس مجددا أن الحوار هو الحل.", "وقال الرئيس عقب لقائه إن الحوار هو الحل."],
)
def test_cue_words_used_as_adverbs_do_not_end_a_clause(text: str) -> None:
    """مجددا before أن is "again", عقب inside a clause is "after": the verb keeps its clause."""
    _, rows = cues_of(text)
    assert rows == [(text.split(maxsplit=1)[0], "الرئيس", "that")]


def test_illa_is_not_the_complementizer_alla() -> None:
    """إلا (except) folds like ألا (that not): inside a clause it opens none."""
    text = "وقال الوزير: «قال لي نظيري “لا حل إلا بالحوار” وأنا أتفق معه»."
    _, rows = cues_of(text)
    assert [row[0] for row in rows] == ["وقال"]


def test_cue_form_after_adam_is_a_verbal_noun() -> None:
    """طلب عدم ذكر اسمه: ذكر is a noun; it neither cues nor ends أكد's search."""
    text = 'وأكد مسؤول أمريكي، طلب عدم ذكر اسمه، أن المحادثات "تسير في الاتجاه الصحيح".'
    _, rows = cues_of(text)
    assert [row[0] for row in rows] == ["وأكد"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('سأل الصحفي: "متى تنتهي الأزمة في رأيكم؟".', "الصحفي"),
        ("وسألت المذيعة ليلى حسن: «هل أنتم مستعدون للانتخابات المقبلة؟».", "ليلى حسن"),
        ('وسأله أحد الحضور: "ما خطتكم للعام المقبل؟".', "أحد الحضور"),
    ],
)
def test_asking_introduces_a_quotation(text: str, speaker: str) -> None:
    """سأل takes a quotation, and its subject asks it."""
    (quote,) = arquotes.extract(text).quotes
    assert quote.attribution is not None
    assert quote.attribution.cue is not None
    assert quote.attribution.cue.lemma == "سأل"
    assert quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == speaker
