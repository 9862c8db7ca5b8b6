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


def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, speaker name, cue) of every claim of ``text``."""
    rows = []
    for claim in arquotes.extract(text).claims:
        attribution = claim.attribution
        speaker = attribution.speaker if attribution is not None else None
        cue = attribution.cue if attribution is not None else None
        rows.append((claim.text, None if speaker is None else speaker.name,
                     None if cue is None else cue.text))
    return rows


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("وحثت الوزيرة الطلاب على المشاركة في الانتخابات.", "الوزيرة",
         "المشاركة في الانتخابات"),
        ("وحض رئيس البلدية السكان على التبرع بالدم.", "رئيس البلدية", "التبرع بالدم"),
        ("وطمأن مدير المستشفى العائلات بأن حالة المصابين مستقرة.", "مدير المستشفى",
         "حالة المصابين مستقرة"),
        ("وطمأنت الحكومة المواطنين بأن الأسعار لن ترتفع.", "الحكومة", "الأسعار لن ترتفع"),
        ("وأبلغ الوزير النواب أن الميزانية ستقدم الشهر المقبل.", "الوزير",
         "الميزانية ستقدم الشهر المقبل"),
        ("ودعا المفوض الأطراف المتنازعة إلى وقف القتال فورا.", "المفوض", "وقف القتال فورا"),
    ],
)
def test_an_addressee_ends_the_subject(text: str, speaker: str, content: str) -> None:
    """حث/طمأن/أبلغ/دعا X على/بأن/أن/إلى: X is spoken to, not part of the speaker."""
    assert _claims(text) == [(content, speaker, text.split(maxsplit=1)[0])]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وعبّرت المنظمة عن قلقها من تدهور الأوضاع الإنسانية.",
         "قلقها من تدهور الأوضاع الإنسانية"),
        ("ويعبر اللاعبون عن غضبهم من قرار الحكم.", "غضبهم من قرار الحكم"),
        ("وألح النائب على ضرورة محاسبة المقصرين.", "ضرورة محاسبة المقصرين"),
        ("وتساءل الكاتب عن جدوى هذه الإجراءات.", "جدوى هذه الإجراءات"),
        ("ويتوقع الخبراء ارتفاع أسعار الذهب خلال الأسابيع المقبلة.",
         "ارتفاع أسعار الذهب خلال الأسابيع المقبلة"),
        ("وانتقد النائب أداء الحكومة، مطالبا الوزراء بالاستقالة.", "بالاستقالة"),
    ],
)
def test_more_speech_and_stance_cues(text: str, content: str) -> None:
    """عبّر عن، ألح على، تساءل عن، توقع + a noun, مطالبا X بـ are cues."""
    assert content in [row[0] for row in _claims(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("اللجنة طالبت بإجراء تحقيق عاجل في الحادث.", "اللجنة"),
        ("وكانت النقابة طالبت بزيادة الأجور.", "النقابة"),
        ("وكانت موسكو تعهدت بسحب قواتها.", "موسكو"),
    ],
)
def test_subject_before_a_prepositional_cue(text: str, speaker: str) -> None:
    """SVO with بـ attached to the complement: the unlisted word after the verb is no subject."""
    ((_, name, _),) = _claims(text)
    assert name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "وقالت وزيرة النقل سلمى حداد: «سنفتتح الطريق الجديد قريبا».",
        "وقال رئيس هيئة النقل العام سامي يوسف: «الحافلات الجديدة جاهزة».",
    ],
)
def test_a_word_with_the_article_is_never_a_cue(text: str) -> None:
    """النقل is a noun: the speaker phrase runs on through it to the name."""
    (quote,) = arquotes.extract(text).quotes
    assert quote.attribution is not None and quote.attribution.speaker is not None
    assert quote.attribution.speaker.name in ("سلمى حداد", "سامي يوسف")


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن الجيش عبر بيان عن مقتل ثلاثة مسلحين.",
        "وتنتشر الفرق، عبر كامل التراب الوطني، بعيدا عن المدن.",
        "وتحدثت الوزيرة عبر الفيديو عن خطط الوزارة.",
    ],
)
def test_abra_as_a_preposition_is_no_cue(text: str) -> None:
    """عبر (via, across) is the cue عبّر only with عن right after it or its subject."""
    _, rows = cues_of(text)
    assert all(cue != "عبر" for cue, _, _ in rows)


def test_a_participle_plural_before_an_indefinite_word_is_a_noun() -> None:
    """ووسط مطالبات شعبية بإجراء ...: "demands" with an adjective, not مطالب + addressee."""
    _, rows = cues_of("ووسط مطالبات شعبية بإجراء انتخابات، عقد البرلمان جلسة طارئة.")
    assert rows == []


@pytest.mark.parametrize(
    "text",
    [
        "وتتزايد المخاوف من الأزمة التي تهدد بانهيار الاقتصاد.",
        "وزار المعرض آلاف الشباب الذين يعبرون عن حبهم للفن.",
        "وعرضت لوحات فنية والتي تعبر عن تاريخ المدينة.",
    ],
)
def test_descriptions_inside_a_clause_are_not_reports(text: str) -> None:
    """A cue after a relative pronoun, or with its complement at once inside a clause: no claim.

    No subject is written anywhere, so these describe (الأزمة التي تهدد بانهيار ...).
    """
    assert _claims(text) == []


def test_pro_drop_prepositional_cue_keeps_its_claim() -> None:
    """وطالبت بـ ... with no written subject is still a claim (the speaker comes later)."""
    assert [row[0] for row in _claims("وطالبت بضمانات مكتوبة.")] == ["بضمانات مكتوبة"]


def test_a_relative_clause_cue_keeps_a_written_subject() -> None:
    """الأزمة التي تتهم فيها X Y بـ: a subject after the verb makes it a report."""
    rows = _claims("وتتصاعد الأزمة التي تتهم طهران واشنطن بافتعالها.")
    assert [(content, speaker) for content, speaker, _ in rows] == [
        ("واشنطن بافتعالها", "طهران")]


def test_abra_after_a_comma_does_not_cut_the_quote_off() -> None:
    """وقال X في برنامج ...، عبر قناة ...: «...»: عبر (via) ends no search for the quote."""
    text = "وقال اللاعب سامي يوسف في برنامج رياضي، عبر قناة محلية: «أنا سعيد جدا»."
    (quote,) = arquotes.extract(text).quotes
    assert quote.attribution is not None and quote.attribution.cue is not None
    assert quote.attribution.cue.text == "وقال"


def test_a_governed_preposition_after_adjuncts_is_not_skipped() -> None:
    """أعلن X، يوم الأحد، عن ...، مشيرا: عن starts the content, not a skipped adjunct."""
    text = ("أعلنت وزيرة البيئة، سلمى حداد، يوم الأحد، عن إطلاق خطة جديدة لحماية الغابات، "
            "مشيرة إلى أن الخطة ممولة.")
    assert _claims(text)[0][:2] == ("إطلاق خطة جديدة لحماية الغابات", "سلمى حداد")


def test_nothing_announced_is_no_claim() -> None:
    """ولم تكشف الشركة عن تفاصيل: a negated announcement with an object reports nothing."""
    assert _claims("ولم تكشف الشركة عن تفاصيل الصفقة.") == []


@pytest.mark.parametrize(
    "text",
    [
        "وأشاد المدرب بجهود اللاعبين طوال الموسم.",
        "وأشادت الوزيرة بأداء فرق الإنقاذ.",
        "وجدد الرئيس التزامه بدعم الاقتصاد المحلي.",
        "ونوه المدير بالتعاون المثمر بين الفريقين.",
        "واختتم الحفل، مشيدا بالجهود المبذولة.",
    ],
)
def test_praise_and_renewal_with_a_noun_are_not_reports(text: str) -> None:
    """أشاد بـ، نوه بـ (commended), جدد التزامه (renewed): an act, not reported speech."""
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وجدد الوزير تأكيده أن الحكومة لن تتراجع.", "الحكومة لن تتراجع"),
        ("وأعادت الوزيرة التأكيد على أهمية الحوار.", "أهمية الحوار"),
        ("وجدد الوزير، في كلمته، تحذيره من خطورة التصعيد.", "خطورة التصعيد"),
        ("وجدد الوزير تأكيد ضرورة وقف القتال.", "ضرورة وقف القتال"),
        ("وجدد الوزير، سامي يوسف، التأكيد، أن الميناء سيفتتح قريبا.", "الميناء سيفتتح قريبا"),
    ],
)
def test_renewed_saying_is_a_report(text: str, content: str) -> None:
    """جدد/أعاد + a verbal noun of speech (تأكيده، التأكيد، تحذيره) reports what follows it."""
    speaker = "سامي يوسف" if "سامي" in text else text.split()[1].strip("،")
    assert [(c, name) for c, name, _ in _claims(text)] == [(content, speaker)]


def test_renewing_a_deed_is_no_cue() -> None:
    """أعاد بناء، جدد عزمه: a verb of renewal with any other object reports nothing."""
    assert _claims("وأعادت البلدية بناء الجسر القديم.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وعندما سئل إن كان يعتقد أن الحرب ستنتهي، قال إنه لا يعرف.", "لا يعرف"),
        ("وردا على سؤال عما إذا كانت ترى أن الاتفاق سينهار، قالت الوزيرة إن المفاوضات مستمرة.",
         "المفاوضات مستمرة"),
        ("ولدى سؤاله عن توقعه أن ترتفع الأسعار، أجاب المدير بأن الأمر مبكر.",
         "الأمر مبكر"),
    ],
)
def test_a_question_put_to_the_speaker_is_not_his_claim(text: str, content: str) -> None:
    """سئل/ردا على سؤال/لدى سؤاله ...: the verbs of the question are no cues."""
    assert [row[0] for row in _claims(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وقال المدرب في المؤتمر الصحفي: نحن جاهزون وأعتقد أن الجمهور سيدعمنا.",
         "نحن جاهزون وأعتقد أن الجمهور سيدعمنا", "المدرب"),
        ("وأضافت الوزيرة سلمى حداد خلال اللقاء: سنواصل العمل ونتوقع أن تنخفض الأسعار.",
         "سنواصل العمل ونتوقع أن تنخفض الأسعار", "سلمى حداد"),
        ("وقال المتحدث باسم الشرطة: لا صحة للأنباء عن اعتقال الصحفي.",
         "لا صحة للأنباء عن اعتقال الصحفي", "المتحدث باسم الشرطة"),
    ],
)
def test_unquoted_speech_after_a_colon(text: str, content: str, speaker: str) -> None:
    """قال X: words with no marks, to the sentence end, are one claim; its verbs cue nothing."""
    assert _claims(text) == [(content, speaker, text.split(maxsplit=1)[0])]


def test_a_participle_after_colon_speech_opens_its_own_claim() -> None:
    """وقال X: ...، موضحا: ...: the narrator's participle ends the first claim."""
    text = "وقال المتحدث باسم الجيش: الوضع تحت السيطرة، موضحا: المعارك توقفت في المدينة."
    assert [row[0] for row in _claims(text)] == ["الوضع تحت السيطرة", "المعارك توقفت في المدينة"]


@pytest.mark.parametrize(
    "text",
    ["وقال الوزير: إن الوضع مستقر.", "وقال الوزير: «الوضع مستقر»."],
)
def test_colon_before_a_complementizer_or_quote_keeps_its_frame(text: str) -> None:
    """A colon before إن or a quotation mark is not unquoted speech."""
    _, rows = cues_of(text)
    assert rows[0][2] in ("that", "quote")


def test_verb_and_participle_before_one_colon_give_one_claim() -> None:
    """وأضاف X قائلا: ...: one claim, cued by the verb."""
    rows = _claims("وأضاف الوزير سامي يوسف قائلا: الحكومة ستواصل دعم المزارعين.")
    assert rows == [("الحكومة ستواصل دعم المزارعين", "سامي يوسف", "وأضاف")]


def test_colon_speech_ends_at_an_ellipsis() -> None:
    """وأضافت: ... وغيرها.. وأكدت على ...: the narrator's وأكدت after the ellipsis is a cue."""
    text = "وأضافت الوزيرة في الحوار: أنجزنا مشاريع كثيرة وغيرها.. وأكدت على أهمية التعاون."
    _, rows = cues_of(text)
    assert [cue for cue, _, _ in rows] == ["وأضافت", "وأكدت"]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("وقال السفير إن الحكومة الفرنسية ترى أن الحوار هو المخرج.",
         ("الحوار هو المخرج", "الحكومة الفرنسية")),
        ("وقال المصدر إن المحتجين طالبوا بإقالة المحافظ.", ("بإقالة المحافظ", "المحتجين")),
        ("وأوضحت المتحدثة أن الشرطة تعتقد أن الحريق متعمد.", ("الحريق متعمد", "الشرطة")),
        ("وذكر التقرير أن وزارة الصحة أعلنت عن تسجيل إصابات جديدة.",
         ("تسجيل إصابات جديدة", "وزارة الصحة")),
    ],
)
def test_a_claim_inside_a_claim(text: str, inner: tuple[str, str]) -> None:
    """X قال إن Y يرى أن ...: the outer claim keeps the whole clause, the inner one is Y's."""
    rows = _claims(text)
    assert len(rows) == 2
    assert rows[0][0].startswith(inner[1])
    assert rows[1][:2] == inner


def test_the_inner_speaker_does_not_take_over_the_discourse() -> None:
    """After a nested claim, a subjectless وأضاف is still the outer speaker's."""
    text = ("وقال السفير سامي يوسف إن المعارضين يرون أن الحوار هو المخرج.\n"
            "وأضاف أن الزيارة كانت ناجحة.")
    assert [row[1] for row in _claims(text)] == ["سامي يوسف", "المعارضين", "سامي يوسف"]


def test_a_spokesman_reporting_his_own_body_is_one_claim() -> None:
    """المتحدث باسم المنظمة قال إن المنظمة تعتبر ...: the same voice, no nested claim."""
    text = "وقال المتحدث باسم منظمة الصحة سامي يوسف إن المنظمة تعتبر الوضع خطيرا."
    assert [row[2] for row in _claims(text)] == ["وقال"]


def test_as_expected_is_no_embedded_subject() -> None:
    """مؤكدا أن المواجهة جاءت كما توقع: a verb between أن and the cue is no subject."""
    text = "وأعرب المدرب عن رضاه، مؤكدا أن المواجهة جاءت كما توقع تماما من حيث القوة."
    assert all(row[1] != "المواجهة جاءت" for row in _claims(text))


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("وأكد الوزير نزاهة الانتخابات، نافيا بذلك قول المعارضة إن الانتخابات زورت.",
         ("الانتخابات زورت", "المعارضة")),
        ("ورفضت الحكومة ادعاء نقابة الأطباء بأن الأجور لم تصرف.",
         ("الأجور لم تصرف", "نقابة الأطباء")),
        ("وسخر الكاتب من مزاعم الشركة أن منتجاتها آمنة تماما.", ("منتجاتها آمنة تماما", "الشركة")),
    ],
)
def test_a_verbal_noun_of_speech_with_its_speaker(text: str, inner: tuple[str, str]) -> None:
    """قول/ادعاء/مزاعم X إن/بأن/أن ...: X's claim, cued by the verbal noun."""
    assert inner in [row[:2] for row in _claims(text)]


def test_a_verbal_noun_without_a_clause_is_no_cue() -> None:
    """قول مأثور، تصريحات الوزير: a verbal noun with no complementizer right after its owner."""
    assert _claims("وتداول الناس تصريحات الوزير على نطاق واسع.") == []


def test_relative_clause_cue_with_a_resumptive_pronoun() -> None:
    """الخطة التي قال إنها ...: the one who said it is the sentence's subject."""
    text = "وتحدث الوزير سامي يوسف عن الخطة الجديدة والتي قال إنها ستنفذ العام المقبل."
    assert ("ستنفذ العام المقبل", "سامي يوسف") in [row[:2] for row in _claims(text)]


def test_relative_clause_cue_whose_antecedent_speaks() -> None:
    """الدراسة الحديثة، التي أكدت أن ...: the antecedent is who says it."""
    text = "ونشرت الجامعة نتائج الدراسة الحديثة، التي أكدت أن التلوث يضر بالأطفال."
    assert ("التلوث يضر بالأطفال", "الدراسة الحديثة") in [row[:2] for row in _claims(text)]


def test_a_relative_time_clause_has_its_subject_after_fihi() -> None:
    """في الوقت الذي قال فيه X إن ...: الوقت is not who spoke."""
    text = "يأتي ذلك في الوقت الذي قال فيه الوزير سامي يوسف، إن الخطة جاهزة."
    assert all(row[1] != "الوقت" for row in _claims(text))


def test_a_complementizer_after_a_conjunction_is_not_the_cues() -> None:
    """لم يستبعد X ضلوع جهات خارجية رغم أن ...: أن belongs to رغم; the object is the content."""
    _, rows = cues_of("ولم يستبعد الضابط ضلوع جهات خارجية رغم أن أحدا لم يتبن الهجوم.")
    assert [(cue, frame) for cue, _, frame in rows] == [("يستبعد", "np")]


def test_gives_cause_for_is_no_call() -> None:
    """أمر يدعو للقلق ("worrying"): دعا with لـ is no demand."""
    assert _claims("وهذه تصريحات تدعو للسخرية ولا يصدقها أحد.") == []


def test_governed_preposition_before_a_quotation_keeps_the_content() -> None:
    """أعلن الجيش، اليوم، عن إحباط ... 'مسلحين': the quotation is inside the content."""
    text = "وأعلن الجيش اليوم الخميس، عن إحباط محاولة تسلل من أسماهم 'مهربين' عبر الحدود."
    claims = arquotes.extract(text).claims
    assert [c.text for c in claims] == ["إحباط محاولة تسلل من أسماهم 'مهربين' عبر الحدود"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A relative clause on the subject, with a cue in it, before the complementizer.
        ("وقال الرئيس كمال ناصر، الذي وصف القمة بالتاريخية، إن الاتفاق قريب.", "الاتفاق قريب"),
        # A relative clause on the object stops the search: the object (with its relative
        # clause) is the content, not what the relative's cue reports.
        ("وأكدت الحكومة عدم صحة التقارير، التي تزعم أن الجيش انسحب.",
         "عدم صحة التقارير، التي تزعم أن الجيش انسحب"),
    ],
)
def test_relative_clause_on_the_subject_is_stepped_over(text: str, content: str) -> None:
    """قال X، الذي وصف ...، إن ...: the outer cue's complement is still ahead."""
    assert arquotes.extract(text).claims[0].text == content
