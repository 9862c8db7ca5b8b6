"""Tests for arquotes.resolve: roles, descriptions and generic heads resolved to persons."""

from __future__ import annotations

import pytest

import arquotes
from helpers import speakers_in_order as speakers_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The role written after the name, in apposition; a generic head later.
        ("أكد كمال ناصر، وزير الزراعة، أن الموسم جيد.\nوقال الوزير: «سنزيد الدعم للمزارعين».",
         ["كمال ناصر", "كمال ناصر"]),
        (("وقالت ليلى حسن، مديرة المعهد الوطني للإحصاء، إن الأرقام دقيقة.\n"
          "وأوضحت المديرة أن المسح سيتكرر."),
         ["ليلى حسن", "ليلى حسن"]),
        # A person first named as the subject of a verb that is no cue.
        (("افتتح الدكتور نبيل سعد وزير الصحة والسكان المؤتمر السنوي أمس.\n"
          "وأضاف وزير الصحة أن المستشفيات جاهزة."),
         ["نبيل سعد"]),
        (("استقبل الرئيس التنفيذي للشركة فيصل عمران الوفد في مقرها.\n"
          'وقال الرئيس التنفيذي "نريد شراكة طويلة".'),
         ["فيصل عمران"]),
        # A role variant: the article's role has more words than the later head.
        (("صرح وزير التربية والتعليم ماجد حمدان بأن العام الدراسي سيبدأ في موعده.\n"
          "وقال وزير التعليم إن الكتب وزعت."),
         ["ماجد حمدان", "ماجد حمدان"]),
    ],
)
def test_role_resolves_to_person_named_anywhere(text: str, expected: list[str]) -> None:
    """Roles and generic heads resolve to the person the article names with that role."""
    assert speakers_of(text) == expected


def test_generic_head_takes_nearest_person_before_not_later() -> None:
    """الوزير means the minister named last before it, not one named after it."""
    text = (
        "قال وزير المالية أحمد سالم إن الميزانية متوازنة.\n"
        "وأكد الوزير أن العجز تراجع.\n"
        "من جهته، قال وزير الاقتصاد خالد فهد إن النمو سيتسارع."
    )
    assert speakers_of(text) == ["أحمد سالم", "أحمد سالم", "خالد فهد"]


def test_person_inside_a_phrase_is_the_unwritten_subject() -> None:
    """وفي حوار مع مديرة المعرض هالة يوسف، قالت ...: the verb's speaker is the woman named."""
    text = "وفي حوار مع مديرة المعرض هالة يوسف، قالت إن الإقبال فاق التوقعات."
    assert speakers_of(text) == ["هالة يوسف"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("والتقت الصحيفة بالباحث الاقتصادي سامي علي، الذي أشار إلى أن الأسعار سترتفع.",
         ["سامي علي"]),
        ("وتحدثنا إلى المهندسة ليلى حسن التي أكدت أن المشروع تأخر.", ["ليلى حسن"]),
    ],
)
def test_relative_after_a_person_names_the_speaker(text: str, expected: list[str]) -> None:
    """NAME، الذي/التي + cue: the person named is the verb's subject."""
    assert speakers_of(text) == expected


def test_subject_of_opening_verb_speaks_for_a_participle() -> None:
    """روى رجل الأعمال X ... قائلا: the person named after the opening verb speaks."""
    text = "حكى رجل الأعمال فيصل عمران، قصة شركته قائلا إنه بدأ من الصفر."
    assert speakers_of(text) == ["فيصل عمران"]


@pytest.mark.parametrize(
    "second",
    [
        "ووصف استمرار الدعم الحكومي بأنه «ضروري للمزارعين».",
        "ووصف الموسم الزراعي بـ«الاستثنائي».",
        "ووصفت فيه القرار بأنه «متسرع».",
        'ووصف ما ورد في التقرير بـ"التضليل".',
        "وتعهد بمواصلة «الإصلاحات الهيكلية» حتى نهاية العام.",
        "وكشف عن خطة «لخفض الأسعار» قريبا.",
        # A definite common noun (الشعب، النجاح، الدول) or ما is no speaker either.
        "ودعا الشعب الكردي إلى «الوقوف صفا واحدا».",
        "وتمنى النجاح له في «هذه الدورة الجديدة».",
        "ودعا الدول إلى «إعادة التزامها بالتغطية الصحية».",
        "ووصف ما جرى بأنه «مؤسف للغاية».",
    ],
)
def test_object_after_cue_is_not_the_speaker(second: str) -> None:
    """After وصف، تعهد، كشف، دعا the words that follow are the object: the speaker stays."""
    text = f"قال وزير الزراعة كمال ناصر إن الحصاد جيد.\n{second}"
    assert set(speakers_of(text)) == {"كمال ناصر"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A reporting source tells what the clause's subject did; the participle goes on.
        ("ذكرت صحف أن الرئاسة رفضت المبادرة، واصفة إياها بأنها غير جادة.",
         ["صحف", "الرئاسة"]),
        ("أفادت مصادر بأن الجيش صد الهجوم، مؤكدا أنه سيواصل عملياته.", ["مصادر", "الجيش"]),
        # A participle whose gender fits the clause's subject, not the speaker.
        ("قال الوزير إن الحكومة رفضت العرض، معتبرة أنه غير كاف.", ["الوزير", "الحكومة"]),
        # Otherwise the speaker goes on speaking.
        ("قال الوزير إن الرئيس سيزور المنطقة، مؤكدا أن الزيارة مهمة.", ["الوزير", "الوزير"]),
    ],
)
def test_embedded_participle(text: str, expected: list[str]) -> None:
    """A participle after a reported clause takes that clause's subject when it belongs there."""
    assert speakers_of(text) == expected


def test_words_inside_a_quotation_do_not_speak_for_a_lead() -> None:
    """A lead with no subject does not take a name read inside the quotation (أنا سعيدة)."""
    text = "وقالت “أنا سعيدة جدا بالفوز لكنني لست راضية عن أدائي”."
    (quote,) = arquotes.extract(text).quotes
    speaker = quote.attribution.speaker if quote.attribution else None
    assert speaker is None or "أنا" not in speaker.name


def test_haythu_keeps_the_person_named_as_subject() -> None:
    """X، رئيس المنتدى، حيث قال: the person named before حيث speaks."""
    text = "وافتتح المؤتمر الدكتور سامي يوسف رئيس الجمعية، حيث قال إن المشاركة واسعة."
    assert speakers_of(text) == ["سامي يوسف"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("صرح المنجم رئيس نادي الشباب بأن الصفقة فشلت.", "المنجم"),
        ("وقال الصوا إن شركته فازت بالترخيص.", "الصوا"),
        ("وتأمل البرازيل التي تستضيف القمة أن تنجح المفاوضات.", "البرازيل"),
        ("وقال الجعفري إن الوضع صعب.", "الجعفري"),
    ],
)
def test_definite_names_that_do_speak(text: str, speaker: str) -> None:
    """A family name with the article before a role or the clause, a country, a nisba."""
    assert speakers_of(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of a verb that is no cue goes on to a later subjectless cue in its
        # sentence, even after a lead adverbial closed by a comma.
        (("قال وزير الدفاع خالد فهد إن الجيش مستعد.\n"
         "من جانبها، أصدرت نقابة الأطباء بيانا وصفت فيه الوضع بأنه «كارثي»."),
         ["خالد فهد", "نقابة الأطباء"]),
        (("قالت وزيرة الصحة ليلى حسن إن الوضع مستقر.\n"
         "وعقد الرئيس سامي يوسف اجتماعا مع الوفد وأكد خلاله أن الحوار مستمر."),
         ["ليلى حسن", "سامي يوسف"]),
    ],
)
def test_sentence_subject_speaks_for_a_later_subjectless_cue(
    text: str, expected: list[str]
) -> None:
    """أصدرت X بيانا ... وصفت فيه: X, not the last speaker of the article."""
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('ووصفت مجلة فوربس اللقاء: "كان حوارا صريحا ومفيدا للجميع".', "مجلة فوربس"),
        ('ونفت صحيفة لوموند الخبر: "لم ننشر أي تقرير من هذا النوع".', "صحيفة لوموند"),
        # A nisba adjective still belongs to the body.
        ('ووصفت مجلة فوربس العربية اللقاء: "كان حوارا صريحا ومفيدا".', "مجلة فوربس العربية"),
    ],
)
def test_body_phrase_ends_before_the_object(text: str, speaker: str) -> None:
    """After a verb that takes an object, head + name is complete; a definite noun is the object."""
    assert speakers_of(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A short name that opens with a particle is the end of the full name.
        ("قال وزير الخارجية مازن بن راشد إن الوضع خطير.\nوأضاف بن راشد أن الحل سياسي.",
         ["مازن بن راشد", "مازن بن راشد"]),
        (("قال القيادي سليم داود أبو خالد إن الهدنة صامدة.\n"
          "وأضاف «أبو خالد»، في كلمته، أن الحوار مستمر."),
         ["سليم داود أبو خالد", "سليم داود أبو خالد"]),
    ],
)
def test_particle_name_is_the_end_of_the_full_name(text: str, expected: list[str]) -> None:
    """بن راشد، أبو خالد: a later short form resolves to the full name it ends."""
    assert speakers_of(text) == expected


def test_a_fathers_name_is_not_a_short_form() -> None:
    """عبد الله بن أبو بكر: after بن, the end of a name is the father's, another person."""
    from arquotes.model import SpeakerKind
    from arquotes.resolve import _same_name

    particles = frozenset({"ابو", "بن"})
    assert _same_name(["بن", "راشد"], ["مازن", "بن", "راشد"], SpeakerKind.PERSON, particles)
    assert not _same_name(["ابو", "بكر"], ["عبد", "الله", "بن", "ابو", "بكر"],
                          SpeakerKind.PERSON, particles)


def _calls_per_article(extractor: arquotes.Extractor, text: str) -> int:
    """Python function calls one extraction makes (after a first, warming call)."""
    import sys

    extractor.extract(text)
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        extractor.extract(text)
    finally:
        sys.setprofile(None)
    return count


def test_known_speaker_lookup_does_not_grow_with_the_list() -> None:
    """20,000 known speakers cost an article about what 200 do: lookups go through an index."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"

    def name(k: int) -> str:
        digits = []
        for _ in range(4):
            k, r = divmod(k, len(letters))
            digits.append(letters[r])
        return "".join(digits[:2]) + "ان " + "".join(digits[2:]) + "وري"

    def extractor(n: int) -> arquotes.Extractor:
        speakers = [{"name": name(k), "aliases": [name(k).split()[1]]} for k in range(n)]
        speakers.append({"name": "إيلون ماسك", "aliases": ["ماسك"]})
        return arquotes.Extractor(speakers=speakers)

    text = ("وقال ماسك إن الشركة ستطلق الصاروخ قريبا.\n"
            "وأضاف الوزير كمال ناصر: «الاتفاق وشيك».")
    small, large = extractor(200), extractor(20_000)
    assert large.extract(text).quotes[0].attribution is not None
    assert _calls_per_article(large, text) < 1.5 * _calls_per_article(small, text)
    claim = large.extract(text).claims[0]
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "إيلون ماسك"
