"""Tests for arquotes.mentions and arquotes.resolve: speaker phrases and their entities."""

from __future__ import annotations

import pytest

import arquotes
from arquotes.mentions import MentionKind, read_mention, skeleton
from helpers import prepare, speakers_in_order


def mention_of(phrase: str) -> tuple[MentionKind, str | None, str | None]:
    """Kind, name and role of the mention that starts ``phrase``."""
    document, lexicon, _, _ = prepare(phrase)
    mention = read_mention(document, document.tokens(0, len(document.text)), lexicon)
    assert mention is not None
    view = document.view
    name = view.text_of(*mention.name) if mention.name else None
    role = view.text_of(*mention.role) if mention.role else None
    return mention.kind, name, role


@pytest.mark.parametrize(
    ("phrase", "kind", "name", "role"),
    [
        ("المتحدث باسم الكرملين ديمتري بيسكوف إن",
         MentionKind.PERSON, "ديمتري بيسكوف", "المتحدث باسم الكرملين"),
        ("الأمين العام للجامعة العربية أحمد أبو الغيط أن",
         MentionKind.PERSON, "أحمد أبو الغيط", "الأمين العام للجامعة العربية"),
        ("خالد الفالح وزير النفط السعودي اليوم",
         MentionKind.PERSON, "خالد الفالح", "وزير النفط السعودي"),
        ("المتحدث الرسمي باسم الرئاسة الروسية، دميتري بيسكوف، اليوم",
         MentionKind.PERSON, "دميتري بيسكوف", "المتحدث الرسمي باسم الرئاسة الروسية"),
        ("المتحدثة باسم الخارجية إن", MentionKind.ROLE, None, "المتحدثة باسم الخارجية"),
        ("مسؤول في البيت الأبيض أن", MentionKind.UNNAMED, None, "مسؤول في البيت الأبيض"),
        ("وسائل إعلام إسرائيلية بأن", MentionKind.UNNAMED, None, "وسائل إعلام إسرائيلية"),
        ("تقارير صحفية أن", MentionKind.UNNAMED, None, "تقارير صحفية"),
        ("البيت الأبيض أن", MentionKind.BODY, "البيت الأبيض", None),
        ("وزارة الصحة والسكان، ما", MentionKind.BODY, "وزارة الصحة والسكان", None),
        ("الوزارة في بيان", MentionKind.ANAPHOR, "الوزارة", None),
        ("المصدر ذاته أن", MentionKind.ANAPHOR, None, None),
        ("النائب علي المقداد، لأن", MentionKind.PERSON, "علي المقداد", "النائب"),
        ("محمد علي إن", MentionKind.PERSON, "محمد علي", None),
        ("الرئيس التركي رجب طيب أردوغان إن", MentionKind.PERSON, "رجب طيب أردوغان",
         "الرئيس التركي"),
        ("المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي إن", MentionKind.PERSON, "أفيخاي أدرعي",
         "المتحدث باسم الجيش الإسرائيلي"),
        ("الرئيس هاتفيا إن", MentionKind.ROLE, None, "الرئيس"),
        ("نائب رئيس المكتب السياسي للحركة خليل الحية إن", MentionKind.PERSON, "خليل الحية",
         "نائب رئيس المكتب السياسي للحركة"),
        ("الجيش الإسرائيلي مقتل ثلاثة من جنوده", MentionKind.BODY, "الجيش الإسرائيلي", None),
        ("وزارة الصحة في غزة إن", MentionKind.BODY, "وزارة الصحة في غزة", None),
        ("التلفزيون الرسمي عن", MentionKind.BODY, "التلفزيون الرسمي", None),
        ("نجم الفريق محمد صلاح بأنه", MentionKind.PERSON, "محمد صلاح", "نجم الفريق"),
        ("أبو عبيدة، الناطق باسم كتائب القسام، إن", MentionKind.PERSON, "أبو عبيدة",
         "الناطق باسم كتائب القسام"),
        # A role in apposition after the name, closed by a comma or the clause.
        ("سامر خليل، وزير الزراعة، أن", MentionKind.PERSON, "سامر خليل", "وزير الزراعة"),
        ("ليلى حسن، مديرة المعهد الوطني للإحصاء، إن", MentionKind.PERSON, "ليلى حسن",
         "مديرة المعهد الوطني للإحصاء"),
        ("محمد صديقي، وزير الفلاحة والصيد البحري، بأن", MentionKind.PERSON, "محمد صديقي",
         "وزير الفلاحة والصيد البحري"),
        # A role through a preposition to the name after it (عن، لدى، في، من).
        ("النائب عن محافظة البصرة عامر الفايز، الخميس، بأن", MentionKind.PERSON,
         "عامر الفايز", "النائب عن محافظة البصرة"),
        ("الممثل الدائم لدى الأمم المتحدة سامي يوسف إن", MentionKind.PERSON, "سامي يوسف",
         "الممثل الدائم لدى الأمم المتحدة"),
        ("ممثلة المنظمة لدى روسيا، ميليتا فوينوفيتش، في حديث", MentionKind.PERSON,
         "ميليتا فوينوفيتش", "ممثلة المنظمة لدى روسيا"),
        # An unlisted name in apposition after a role, up to the clause.
        ("السفير الأميركي لدى المملكة، مايكل راتني، إن", MentionKind.PERSON, "مايكل راتني",
         "السفير الأميركي لدى المملكة"),
        ("المدربة الوطنية، كورنيليا برانت: ", MentionKind.PERSON, "كورنيليا برانت",
         "المدربة الوطنية"),
        # A preposition with no name after it ends the role.
        ("الوزير عن الاتفاق إنه", MentionKind.ROLE, None, "الوزير"),
        ("السفير لدى وصوله إلى المطار إن", MentionKind.ROLE, None, "السفير"),
        ("الحكومة وجود أي خلافات", MentionKind.ANAPHOR, "الحكومة", None),
        ("الشركة في بيانها إلى", MentionKind.ANAPHOR, "الشركة", None),
        ("السفير لاحقا إن", MentionKind.ROLE, None, "السفير"),
        ("الوزير وقتها إن", MentionKind.ROLE, None, "الوزير"),
        ("الوزير نفسه إن", MentionKind.ROLE, None, "الوزير"),
        ("المحلل السياسي محمد العلي أن", MentionKind.PERSON, "محمد العلي", "المحلل السياسي"),
        ("الوزير محمد على هامش المؤتمر إن", MentionKind.PERSON, "محمد", "الوزير"),
    ],
)
def test_read_mention(phrase: str, kind: MentionKind, name: str | None, role: str | None) -> None:
    """Speaker phrases split into role and name, or are bodies, sources and anaphors."""
    assert mention_of(phrase) == (kind, name, role)


def test_preposition_ala_is_not_the_name_ali() -> None:
    """على folds like the name علي but is never read as a given name."""
    kind, name, _ = mention_of("النائب المقداد على ادعاء النائب")
    assert name is None or "على" not in name
    assert kind is MentionKind.ROLE


def test_skeleton_matches_spelling_variants() -> None:
    """ديمتري/دميتري and تروس/تراس share a consonant skeleton."""
    assert skeleton("ديمتري") == skeleton("دميتري")
    assert skeleton("تروس") == skeleton("تراس")


def test_variants_and_roles_group_into_one_speaker() -> None:
    """Full name, surname, spelling variant and role mentions are one Speaker."""
    text = (
        "قال المتحدث باسم الكرملين ديمتري بيسكوف إن المحادثات بناءة.\n"
        "وأضاف بيسكوف أن الموعد لم يحدد.\n"
        "وأكد المتحدث باسم الكرملين أن الرئيس سيشارك.\n"
        "وقال دميتري بيسكوف إن الوفد جاهز."
    )
    result = arquotes.extract(text)
    names = {c.attribution.speaker.name for c in result.claims
             if c.attribution and c.attribution.speaker}
    assert names == {"ديمتري بيسكوف"}
    (speaker,) = result.speakers
    assert "المتحدث باسم الكرملين" in speaker.roles
    assert len(speaker.mentions) == 4


def test_bodies_with_extra_words_stay_apart() -> None:
    """الأمم المتحدة and مكتب الأمم المتحدة لحقوق الإنسان are different speakers."""
    text = (
        "قالت منظمة الأمم المتحدة إن ملايين الأشخاص بحاجة إلى مساعدات.\n"
        "وقال مكتب الأمم المتحدة لحقوق الإنسان إن المدينة تنزف."
    )
    names = [c.attribution.speaker.name for c in arquotes.extract(text).claims
             if c.attribution and c.attribution.speaker]
    assert names == ["منظمة الأمم المتحدة", "مكتب الأمم المتحدة لحقوق الإنسان"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("أعلنت (قوات الحماية المدنية) اليوم أنها أخمدت الحريق.", "قوات الحماية المدنية"),
        ("وقالت نقابة الأطباء المستقلين إن الإضراب مستمر.", "نقابة الأطباء المستقلين"),
        ("وأكدت رابطة المزارعين أن المحصول تضرر.", "رابطة المزارعين"),
        ("وأوضحت جمعية حماية المستهلك أن الأسعار ارتفعت.", "جمعية حماية المستهلك"),
    ],
)
def test_bodies_by_head_and_in_parentheses(text: str, speaker: str) -> None:
    """Unions, associations and forces are bodies; a subject may stand in parentheses."""
    assert speakers_in_order(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A speaker written in marks, followed by a role or by the complementizer.
        ('وقالت "سلمى حداد"، مديرة المبيعات، إن الطلب ارتفع.', "سلمى حداد"),
        ("وأكد «يوسف العمري» أن المشروع تأخر.", "يوسف العمري"),
        ("وأوضح “شركة الواحة للنقل” أن الرحلات ستستأنف.", "شركة الواحة للنقل"),
        # A quoted name inside a role phrase does not cut it short.
        ('وقال مدرب "النسور" كمال ناصر إن الفريق جاهز.', "كمال ناصر"),
        ("وقالت رئيسة «جمعية الأمل» ليلى حسن إن التبرعات زادت.", "ليلى حسن"),
    ],
)
def test_quoted_names_in_speaker_phrases(text: str, speaker: str) -> None:
    """A name in marks is the speaker or part of the speaker phrase, never a quote."""
    assert arquotes.extract(text).quotes == ()
    assert speakers_in_order(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "وقال سامي علي: «سنفوز بالمباراة المقبلة».",
        "وقال محمد علي «سنفوز بالمباراة المقبلة».",
        "وأضاف حسن علي: «الموسم كان صعبا على الجميع».",
    ],
)
def test_name_spelled_like_a_preposition_before_a_quote(text: str) -> None:
    """علي (the name) before a quotation is not the introducer على of a platform name."""
    (quote,) = arquotes.extract(text).quotes
    assert quote.attribution is not None
    assert quote.attribution.speaker is not None
    assert quote.attribution.speaker.name.endswith("علي")


@pytest.mark.parametrize(
    ("phrase", "kind", "name", "role"),
    [
        # A nationality before the name belongs to it.
        ("الإسباني ماركو لوبيث المباراة", MentionKind.PERSON, "ماركو لوبيث", "الإسباني"),
        ("التونسية أنس جابر عن", MentionKind.PERSON, "أنس جابر", "التونسية"),
        ("المغربي حكيم زياش إن", MentionKind.PERSON, "حكيم زياش", "المغربي"),
        # An adverb in -ا ends a name; a title word between two names is part of it.
        ("صلاح مازحا إن", MentionKind.PERSON, "صلاح", None),
        ("سامي يوسف ضاحكا إن", MentionKind.PERSON, "سامي يوسف", None),
        ("حسن شيخ محمود إن", MentionKind.PERSON, "حسن شيخ محمود", None),
        # A document speaks for its issuer.
        ("بيان لوزارة الدفاع أن", MentionKind.BODY, "وزارة الدفاع", None),
        ("بيان صادر عن نقابة المهندسين أن", MentionKind.BODY, "نقابة المهندسين", None),
        ("تقرير منظمة العفو الدولية أن", MentionKind.BODY, "منظمة العفو الدولية", None),
        # An unlisted issuer after the لـ of "by" (لل swallows the article's alef).
        ("بيان للمركزية النقابية أن", MentionKind.BODY, "مركزية النقابية", None),
    ],
)
def test_read_mention_descriptions_adverbs_issuers(
    phrase: str, kind: MentionKind, name: str | None, role: str | None
) -> None:
    """Nationalities, adverbs, titles inside names and documents' issuers."""
    assert mention_of(phrase) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وجاء في بيان الخارجية: «ندين الهجوم بشدة ونطالب بالتحقيق».", "الخارجية"),
        ("وورد في تصريحات لوزير الداخلية سامي يوسف أن الحدود آمنة.", "سامي يوسف"),
        ("أعلنت وزارة الصحة الأرقام.\nونقلت الوكالة عن بيان للوزارة أن المستشفيات ممتلئة.",
         "وزارة الصحة"),
        ("وقال أحد النواب إن الجلسة تأجلت.", "أحد النواب"),
        ('وكتب أحد الصحفيين قائلا: "مؤتمر صحفي في القمة مع أسئلة رائعة".', "أحد الصحفيين"),
        ("وأكدت إحدى الناشطات أن المسيرة سلمية.", "إحدى الناشطات"),
    ],
)
def test_sources_documents_and_one_of_a_group(text: str, speaker: str) -> None:
    """جاء في X، a document's issuer (بيان للوزارة) and أحد/إحدى + a group speak."""
    result = arquotes.extract(text)
    items: list[arquotes.Quote | arquotes.Claim] = [*result.quotes, *result.claims]
    last = max(items, key=lambda i: i.span.start)
    assert last.attribution is not None
    assert last.attribution.speaker is not None
    assert last.attribution.speaker.name == speaker


@pytest.mark.parametrize(
    ("phrase", "kind", "name", "role"),
    [
        # Unlisted name words after a title run up to a role in apposition.
        ("الدكتورة أمنية العمراني مبعوث رئيس المؤتمر، مؤكدة", MentionKind.PERSON,
         "أمنية العمراني", "مبعوث رئيس المؤتمر"),
        ("المهندس تامر زكريا مدير المشروع إن", MentionKind.PERSON, "تامر زكريا",
         "مدير المشروع"),
        # A compound given name written as one word.
        ("الخبير في الذكاء الاصطناعي عبدالمحسن الجعيثن أن", MentionKind.PERSON,
         "عبدالمحسن الجعيثن", "الخبير في الذكاء الاصطناعي"),
        ("عبدالرزاق الحسيني إن", MentionKind.PERSON, "عبدالرزاق الحسيني", None),
    ],
)
def test_read_mention_unlisted_names_by_shape(
    phrase: str, kind: MentionKind, name: str | None, role: str | None
) -> None:
    """Names the lists lack, found by where they stand and how they are written."""
    assert mention_of(phrase) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Unlisted words after a verb, up to a comma and a role, are one foreign name.
        ("قال يوهانس كلاوسنر، المفوض الأوروبي للطاقة، إن الإمدادات مستقرة.",
         "يوهانس كلاوسنر"),
        # A foreign name in -ا is no adverb; one shaped like a participle is.
        ("وقالت المديرة التنفيذية للوكالة أنالينا فيدوروفا إن المساعدات ستصل.",
         "أنالينا فيدوروفا"),
        ("وقالت الممثلة الخاصة سفيتلانا ماركوفا إن الحوار مستمر.", "سفيتلانا ماركوفا"),
        ("وأضاف المدرب خالد مازحا إن الفريق جاهز.", "خالد"),
        ("وقال المدرب خالد أيضا إن الفريق جاهز.", "خالد"),
        # A foreign word in -ا inside the name, and a particle (دا، دو), up to the clause.
        ("وقال الرئيس البرتغالي ماريو أنطونيو سوزا دا كوستا إن الاقتصاد يتعافى.",
         "ماريو أنطونيو سوزا دا كوستا"),
    ],
)
def test_open_ended_foreign_names(text: str, speaker: str) -> None:
    """Foreign names the data lacks run to the clause; adverbs after a name do not join it."""
    assert speakers_in_order(text) == [speaker]


def test_an_auxiliary_after_the_verb_is_no_name() -> None:
    """وقالت وقد غلبتها الدموع: the pro-drop speaker, not وقد."""
    text = ("قالت اللاعبة سارة المهيري إن المباراة صعبة.\n"
            "وقالت وقد غلبتها الدموع: «لن أنسى هذا اليوم».")
    assert speakers_in_order(text) == ["سارة المهيري", "سارة المهيري"]


def test_qiyadi_is_a_role_before_a_name_and_a_source_without_one() -> None:
    """القيادي الحوثي X: a role with its name; قيادي في الحركة alone: an unnamed source."""
    assert speakers_in_order("وقال القيادي في الحركة سالم عودة: «لن نتراجع».") == ["سالم عودة"]
    assert speakers_in_order("وقال قيادي في الحركة إن المفاوضات متوقفة.") == [
        "قيادي في الحركة"]


def test_a_noun_with_a_pronoun_ends_an_unnamed_description() -> None:
    """وأكدت مصادر أمنية مسؤوليتها: the possessed noun is the object, not the source's."""
    assert speakers_in_order("وأكدت مصادر أمنية مسؤوليتها عن الهجوم.") == ["مصادر أمنية"]
    assert speakers_in_order("وقالت مصادر مقربة منه إن الاجتماع تأجل.") == ["مصادر مقربة منه"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال المزارعون الغاضبون إن الأسعار لا تغطي التكاليف.", "المزارعون الغاضبون"),
        ("ورفض المحتجون العرض الحكومي.", "المحتجون"),
        # A singular in -ون that names a body stays that body.
        ("وذكر التلفزيون الرسمي أن الرئيس وصل.", "التلفزيون الرسمي"),
    ],
)
def test_a_nominative_plural_after_a_verb_is_its_subject(text: str, speaker: str) -> None:
    """-ون is the nominative of a sound plural: المحتجون after the verb is its subject."""
    assert speakers_in_order(text) == [speaker]


def test_ali_spelled_for_the_preposition_is_no_name() -> None:
    """علي التوالي، شدد الوزير علي ...: على written with ي; the name needs a name beside it."""
    assert speakers_in_order("وشدد الوزير الكويتي علي ضرورة الحوار.") == ["الوزير الكويتي"]
    assert speakers_in_order("وقال علي إن الحوار مستمر.") == ["علي"]
    assert speakers_in_order("وقال علي حسن إن الحوار مستمر.") == ["علي حسن"]
