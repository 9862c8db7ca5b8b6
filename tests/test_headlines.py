"""Tests for arquotes.headlines: short lines that are claims of their speaker phrase."""

from __future__ import annotations

import pytest

import arquotes


def claim_texts(text: str) -> list[str]:
    """The text of every claim extract finds."""
    return [c.text for c in arquotes.extract(text).claims]


def test_headline_claim() -> None:
    """A headline "X: ..." is a claim of X with no cue."""
    result = arquotes.extract("الكرملين: المحادثات مع واشنطن ستعقد الشهر المقبل\n\nنص الخبر.")
    (claim,) = result.claims
    assert claim.text == "المحادثات مع واشنطن ستعقد الشهر المقبل"
    assert claim.attribution is not None and claim.attribution.cue is None
    assert claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "الكرملين"


def test_headline_that_is_one_quote_is_a_quote_only() -> None:
    """غوتيريش: "..." is a direct quote of the headline's speaker, not also a claim."""
    result = arquotes.extract('غوتيريش: "الوضع في غزة لا يطاق"\n\nنص الخبر.')
    assert result.claims == ()
    (quote,) = result.quotes
    assert quote.text == "الوضع في غزة لا يطاق"
    assert quote.attribution is not None and quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == "غوتيريش"


def test_byline_is_not_a_headline() -> None:
    """المصدر: وكالات is page furniture, not a claim."""
    assert claim_texts("المصدر: وكالة الأنباء الرسمية اليوم") == []


_BODY = "\n\nوتابع المراسلون الأحداث في العاصمة طوال اليوم."


def _claims(headline: str) -> list[tuple[str, str | None, str | None]]:
    """(content, speaker, cue) of every claim found in ``headline`` above a short body."""
    out = []
    for claim in arquotes.extract(headline + _BODY).claims:
        attribution = claim.attribution
        assert attribution is not None
        speaker = attribution.speaker.name if attribution.speaker is not None else None
        cue = attribution.cue.text if attribution.cue is not None else None
        out.append((claim.text, speaker, cue))
    return out


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("وزارة المالية تحسم الجدل: الرواتب ستصرف قبل العيد",
         ("الرواتب ستصرف قبل العيد", "وزارة المالية", None)),
        ("نقابة الأطباء ترد على المنتقدين: الإضراب مستمر حتى تحقيق المطالب",
         ("الإضراب مستمر حتى تحقيق المطالب", "نقابة الأطباء", None)),
        ("رئيس البرلمان يؤكد: لا تأجيل للانتخابات المقبلة",
         ("لا تأجيل للانتخابات المقبلة", "رئيس البرلمان", "يؤكد")),
    ],
)
def test_speaker_with_a_verb_phrase_before_the_colon(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """X <verb phrase>: content is a claim of X; the verb is its cue when it is a cue."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("المحافظ يقول الطرق ستفتح خلال أيام",
         ("الطرق ستفتح خلال أيام", "المحافظ", "يقول")),
        ("اللجنة الأولمبية تقر بتأخر صرف المكافآت للرياضيين",
         ("بتأخر صرف المكافآت للرياضيين", "اللجنة الأولمبية", "تقر")),
        ("الأطباء يطالبون بزيادة الحوافز في المستشفيات الحكومية",
         ("بزيادة الحوافز في المستشفيات الحكومية", "الأطباء", "يطالبون")),
        ("وزيرة الصحة تؤكد المستشفيات جاهزة لاستقبال الحالات",
         ("المستشفيات جاهزة لاستقبال الحالات", "وزيرة الصحة", "تؤكد")),
    ],
)
def test_cue_verb_headline_without_a_colon(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """A headline "X <present cue> content" (no أن, no colon) is a claim of X with that cue."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("وزيرة الثقافة «ليلى الحسيني»: المهرجان سيقام في موعده رغم الظروف",
         ("المهرجان سيقام في موعده رغم الظروف", "ليلى الحسيني", None)),
        ('مدير الشرطة "عمر الزين": لا تهاون مع المخالفين بعد اليوم',
         ("لا تهاون مع المخالفين بعد اليوم", "عمر الزين", None)),
        ('سعاد المنصوري لـ"الوطن": الإصلاح يحتاج إلى وقت طويل',
         ("الإصلاح يحتاج إلى وقت طويل", "سعاد المنصوري", None)),
        ("هشام الفارس ل“الميدان”: الفريق قادر على العودة (فيديو)",
         ("الفريق قادر على العودة", "هشام الفارس", None)),
    ],
)
def test_role_with_a_quoted_name_or_an_outlet(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """Role «name»: and X لـ"outlet": are the person's claims; a (video) tag is no content."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("موقع الخبر - المحافظ يقول الطرق ستفتح خلال أيام",
         ("الطرق ستفتح خلال أيام", "المحافظ", "يقول")),
        ("جولة في الأسواق.. التجار يتوقعون الأسعار ستنخفض قريبا",
         ("الأسعار ستنخفض قريبا", "التجار", "يتوقعون")),
        ("زيارة مفاجئة.. الوزير يتعهد بحل أزمة المياه خلال شهر",
         ("بحل أزمة المياه خلال شهر", "الوزير", "يتعهد")),
        ("• سمير النجار: الإصلاح لن يتم إلا بتعديل الدستور.",
         ("الإصلاح لن يتم إلا بتعديل الدستور", "سمير النجار", None)),
    ],
)
def test_prefix_on_the_headline_line(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """A site name, dateline, kicker (..) or bullet before the headline is not its speaker."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("طرابلس: رئيس البلدية يتهم الشركة المنفذة بالتقصير",
         [("الشركة المنفذة بالتقصير", "رئيس البلدية", "يتهم")]),
        ("الدوحة: قال مسؤول في الوزارة إن المشروع سينتهي قريبا",
         [("المشروع سينتهي قريبا", "مسؤول في الوزارة", "قال")]),
        ("حمص: المدير يقول المستشفى يعمل بكامل طاقته",
         [("المستشفى يعمل بكامل طاقته", "المدير", "يقول")]),
    ],
)
def test_place_before_the_colon_is_a_dateline(
        headline: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """Place: <a clause with its own speaker and cue>: the place is a dateline, not the speaker."""
    assert _claims(headline) == expected


@pytest.mark.parametrize(
    "line",
    [
        "رئيس مجلس الإدارة: م. كمال عبد الرحيم",
        "مدير التحرير : هالة فؤاد منصور",
        "نائب رئيس التحرير: سامر يوسف الخطيب",
        "رئيس التحرير التنفيذي: د. نادر سليم",
        "آخر تحديث: الأحد 12 مايو 2024 - 10:30",
        "الرئيسية > أخبار > اقتصاد > أسواق المال",
        "الوزير يتحدث للصحفيين في ختام الاجتماع",
    ],
)
def test_page_furniture_is_not_a_headline(line: str) -> None:
    """Mastheads (role: a name), dates, navigation and captions give no claim."""
    assert _claims(line) == []


def test_cue_headline_needs_a_short_line_without_a_full_stop() -> None:
    """Body text "X يقول ..." ending in a full stop is not read as a headline."""
    text = ("الوزير يقول الطرق ستفتح خلال أيام بعد انتهاء أعمال الصيانة في معظم المناطق "
            "التي تضررت من السيول الأخيرة التي ضربت البلاد الأسبوع الماضي وخلفت أضرارا كبيرة "
            "في البنية التحتية.")
    assert _claims(text) == []


def test_unlisted_verb_with_a_conjunction_is_not_a_headline_speaker() -> None:
    """وتابع: "..." in the body: the unlisted word with و is a verb, not a speaker."""
    text = ('قال المدرب إن الفريق جاهز.\n\nوواصل: "اللاعبون قادرون على الفوز في المباراة '
            'المقبلة"، مشيرا إلى أن الجمهور سيحضر.')
    speakers = {c.attribution.speaker.name for c in arquotes.extract(text).claims
                if c.attribution is not None and c.attribution.speaker is not None}
    assert "وواصل" not in speakers


@pytest.mark.parametrize(
    "line",
    [
        "عاجل: انفجار ضخم يهز وسط المدينة",
        "حصري: تفاصيل الاتفاق الجديد بين الطرفين",
        "بالصور: الأمطار تغرق شوارع المدينة القديمة",
        "بث مباشر: آخر تطورات المعارك في يومها العاشر",
        "إعداد: قسم الأخبار الدولية بالموقع",
        "خلفية: ارتفاع عدد الضحايا في المدينة إلى عشرين",
        "ملحوظة: الأرقام تحدث كل ساعة على الموقع",
    ],
)
def test_rubric_label_is_not_a_speaker(line: str) -> None:
    """عاجل: / بالصور: name the kind of item; what follows is no one's claim."""
    assert _claims(line) == []


def test_a_word_that_starts_a_rubric_phrase_can_speak() -> None:
    """Only a head that is wholly a rubric is one: شاهد عيان (an eyewitness) speaks."""
    assert _claims("شاهد عيان: الحريق بدأ في الطابق الأرضي للمبنى") == [
        ("الحريق بدأ في الطابق الأرضي للمبنى", "شاهد عيان", None)]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("بنغازي: المجلس البلدي: لا انقطاع للكهرباء خلال الصيف",
         ("لا انقطاع للكهرباء خلال الصيف", "المجلس البلدي", None)),
        ("عمّان: وزير المياه يحسم الجدل: لا رفع لأسعار المياه",
         ("لا رفع لأسعار المياه", "وزير المياه", None)),
    ],
)
def test_place_colon_before_a_headline_with_a_colon(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """Place: X: content: the speaker phrase before the second colon is the speaker."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "المدينة تعتبر الأكثر تلوثا في المنطقة هذا العام",
        "الأزمة تؤكد الحاجة إلى إصلاح شامل للقطاع",
    ],
)
def test_a_thing_before_a_singular_verb_is_no_speaker(line: str) -> None:
    """A definite noun the lexicon does not know, before a singular verb, may be a thing."""
    assert _claims(line) == []


def test_negated_cue_headline() -> None:
    """X لا <cue> content: a claim of X with a negated cue."""
    (claim,) = arquotes.extract("البنك المركزي لا يستبعد رفع أسعار الفائدة" + _BODY).claims
    assert claim.text == "رفع أسعار الفائدة"
    assert claim.attribution is not None and claim.attribution.cue is not None
    assert claim.attribution.cue.negated
    assert claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "البنك المركزي"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("المدير الفني يقول لـ«الرياضية» الفريق جاهز للمباراة",
         ("الفريق جاهز للمباراة", "المدير الفني", "يقول")),
        ('رئيس الاتحاد يؤكد ل"الميدان" البطولة ستقام في موعدها',
         ("البطولة ستقام في موعدها", "رئيس الاتحاد", "يؤكد")),
    ],
)
def test_outlet_after_a_headline_cue(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """X <cue> لـ«outlet» content: the outlet is the audience, not the content."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("الحكومة تعلن موقفها: لا تراجع عن الإصلاحات الاقتصادية",
         ("لا تراجع عن الإصلاحات الاقتصادية", "الحكومة", "تعلن")),
        ("النقابة تكشف التفاصيل: الإضراب يبدأ الأحد المقبل",
         ("الإضراب يبدأ الأحد المقبل", "النقابة", "تكشف")),
    ],
)
def test_cue_object_before_the_colon_announces_the_content(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """X <cue> <object>: content: what was said is after the colon, not the object."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("وزير الخارجية عن الأزمة مع الجيران: لا حل إلا بالحوار",
         ("لا حل إلا بالحوار", "وزير الخارجية", None)),
        ("غرايمز حول الانتخابات المقبلة: النتائج ستفاجئ الجميع",
         ("النتائج ستفاجئ الجميع", "غرايمز", None)),
        ("رئيسة البرلمان في مقابلة مع «الشروق»: الدستور الجديد جاهز",
         ("الدستور الجديد جاهز", "رئيسة البرلمان", None)),
    ],
)
def test_topic_or_occasion_between_speaker_and_colon(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """X عن <topic>: / X في مقابلة مع <outlet>: content is a claim of X."""
    assert _claims(headline) == [expected]


def test_feminine_noun_before_a_topic_is_no_speaker() -> None:
    """رحلة عن قرب: an unlisted word in ة before عن is a noun, not a name."""
    assert _claims("رحلة عن قرب: كيف يعيش سكان القرى الجبلية") == []


@pytest.mark.parametrize(
    "headline",
    [
        "وزير الصحة: اللقاح متوفر في كل المراكز [فيديو]",
        "وزير الصحة: اللقاح متوفر في كل المراكز - بالفيديو",
        "وزير الصحة: اللقاح متوفر في كل المراكز | صور",
    ],
)
def test_trailing_tag_is_not_content(headline: str) -> None:
    """A media tag after the headline, in brackets or after a dash or bar, is not said."""
    assert _claims(headline) == [("اللقاح متوفر في كل المراكز", "وزير الصحة", None)]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("رئيس الحكومة (نبيل الخوري): الموازنة ستقر قبل نهاية الشهر",
         ("الموازنة ستقر قبل نهاية الشهر", "نبيل الخوري", None)),
        ("وزيرة التعليم (فيديو): الامتحانات في موعدها دون تأجيل",
         ("الامتحانات في موعدها دون تأجيل", "وزيرة التعليم", None)),
        ("اتحاد الكرة يرد على تصريحات المدرب الأخيرة: العقد ينتهي في يونيو",
         ("العقد ينتهي في يونيو", "اتحاد الكرة", None)),
    ],
)
def test_name_or_tag_in_parentheses_and_long_verb_phrase(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """Role (name): names the person; Role (video): is a tag; a verb phrase of six words."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("مصدر حكومي لـ«الشرق»: التعديل الوزاري خلال أيام",
         ("التعديل الوزاري خلال أيام", "مصدر حكومي", None)),
        ("مصادر دبلوماسية: المفاوضات تستأنف الأسبوع المقبل",
         ("المفاوضات تستأنف الأسبوع المقبل", "مصادر دبلوماسية", None)),
    ],
)
def test_unnamed_source_that_starts_like_a_page_label(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """مصدر حكومي: is an unnamed source speaking; only المصدر: alone is a page label."""
    assert _claims(headline) == [expected]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("«الجهاد الإسلامي»: لن نقبل بأي اتفاق لا يضمن وقف الحرب",
         ("لن نقبل بأي اتفاق لا يضمن وقف الحرب", "الجهاد الإسلامي", None)),
        ("الرئاسة التركية رداً على أثينا: الجزر ليست موضع تفاوض",
         ("الجزر ليست موضع تفاوض", "الرئاسة التركية", None)),
        ("الخارجية القطرية تعليقا على الهجوم: ندين العنف بكل أشكاله",
         ("ندين العنف بكل أشكاله", "الخارجية القطرية", None)),
    ],
)
def test_speaker_in_marks_or_replying(
        headline: str, expected: tuple[str, str | None, str | None]) -> None:
    """«X»: and X ردا على Y: / X تعليقا على Y: are claims of X."""
    assert _claims(headline) == [expected]
