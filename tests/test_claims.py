"""Tests for arquotes.claims: where reported clauses start and end."""

from __future__ import annotations

import pytest

import arquotes
from arquotes.claims import ClauseOpeners, clause_end
from arquotes.cues import QuoteIndex, find_cues
from arquotes.document import Document
from arquotes.lexicon import default_lexicon
from arquotes.normalize import fold
from arquotes.patterns import compile_patterns


def claim_texts(text: str) -> list[str]:
    """The text of every claim extract finds."""
    return [c.text for c in arquotes.extract(text).claims]


def test_content_starts_after_complementizer() -> None:
    """Content starts after أن/إن/بأن and pronoun-fused forms (أنه)."""
    assert claim_texts("وأكد الوزير أن المفاوضات ستستأنف الأسبوع المقبل.") == [
        "المفاوضات ستستأنف الأسبوع المقبل"]
    assert claim_texts("وأعلن الجيش أنه سيطر على المدينة.") == ["سيطر على المدينة"]


def test_claim_ending_in_a_number_ends_at_its_full_stop() -> None:
    """A sentence ending in a number ends there: no full stop, no next sentence."""
    text = "وقالت الوزارة إن عدد الضحايا ارتفع إلى 30. وزار الوزير المستشفى عام 2025. ثم غادر."
    assert claim_texts(text) == ["عدد الضحايا ارتفع إلى 30"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ووفقا لمسؤولين أمريكيين، فإن القوات ستنسحب قريبا.", "مسؤولين أمريكيين"),
        ("وفقا لمصادر مطلعة فإن القوات ستنسحب قريبا.", "مصادر مطلعة"),
        ("وبحسب مصادر مطلعة، فإن القوات ستنسحب قريبا.", "مصادر مطلعة"),
        ("طبقا لوزارة الدفاع فإن القوات ستنسحب قريبا.", "وزارة الدفاع"),
    ],
)
def test_source_phrase_names_its_source_without_the_preposition(text: str, speaker: str) -> None:
    """وفقا لـ and طبقا لـ govern their source; بحسب مصادر names the sources themselves."""
    [claim] = arquotes.extract(text).claims
    assert claim.text == "القوات ستنسحب قريبا"
    assert claim.attribution is not None
    assert claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == speaker


def test_source_with_lam_before_the_article_resolves_to_the_body() -> None:
    """للوزارة is ل + الوزارة: it points back to the ministry named before."""
    text = ("وقالت وزارة الصحة إن الوضع مستقر.\n"
            "ووفقا للوزارة، فإن عدد الإصابات ارتفع.")
    claims = arquotes.extract(text).claims
    assert [c.text for c in claims] == ["الوضع مستقر", "عدد الإصابات ارتفع"]
    speakers = [c.attribution.speaker for c in claims if c.attribution]
    assert [s.name for s in speakers if s] == ["وزارة الصحة", "وزارة الصحة"]


def test_participle_opens_a_new_claim() -> None:
    """A participle cue ends the previous claim and opens its own."""
    text = "وقالت الوزارة إن الأمر غير صحيح، مؤكدة أن الحملة مستمرة، موضحة أن دور المنظمة رقابي."
    assert claim_texts(text) == [
        "الأمر غير صحيح", "الحملة مستمرة", "دور المنظمة رقابي"]


def test_claim_ends_at_sentence_and_paragraph() -> None:
    """A claim never crosses a full stop or a paragraph break."""
    text = "وقال الرئيس إن الوضع مستقر\nوفي سياق آخر ارتفعت الأسعار. ثم عاد الهدوء."
    assert claim_texts(text) == ["الوضع مستقر"]


def test_narrator_words_end_a_claim() -> None:
    """، وذلك ... after the content belongs to the narrator."""
    text = "أكد الكرملين رغبة موسكو في تسوية الخلافات بالحوار، وذلك قبل ساعات من المكالمة."
    assert claim_texts(text) == ["رغبة موسكو في تسوية الخلافات بالحوار"]


def test_source_phrase_after_content() -> None:
    """بحسب X after a clause makes that clause a claim of X."""
    result = arquotes.extract("ولا توجد خطة لعقد قمة أخرى، وفق المسؤول في البيت الأبيض.")
    (claim,) = result.claims
    assert claim.text == "ولا توجد خطة لعقد قمة أخرى"
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "المسؤول في البيت الأبيض"
    assert claim.attribution.cue is not None
    assert claim.attribution.cue.category is arquotes.CueCategory.SOURCE


def test_source_phrase_after_quote_is_the_secondary_source() -> None:
    """حسبما نقلت وكالة ... after a quote names where it reached us, not a new claim."""
    text = ('وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحافيين "وحده مسار المفاوضات يمكنه '
            'تسوية المشكلات"، حسبما نقلت وكالة "فرانس برس".')
    result = arquotes.extract(text)
    assert result.claims == ()
    (quote,) = result.quotes
    assert quote.attribution is not None
    assert quote.attribution.source == 'وكالة "فرانس برس"' or quote.attribution.source
    assert quote.attribution.channel == "للصحافيين"


def test_accusation_object() -> None:
    """اتهم X Y بـ: the accused and the charge are the content, the accuser the speaker."""
    (claim,) = arquotes.extract("وتتهم واشنطن موسكو بالتحضير لغزو أوكرانيا.").claims
    assert claim.text == "موسكو بالتحضير لغزو أوكرانيا"
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "واشنطن"


def test_mixed_quote_inside_claim() -> None:
    """A quoted fragment inside reported speech is listed on its claim."""
    text = 'أوضح البيت الأبيض أن بايدن سيعرض على بوتين "مساراً دبلوماسياً" للخروج من الأزمة.'
    (claim,) = arquotes.extract(text).claims
    assert [q.text for q in claim.quotes] == ["مساراً دبلوماسياً"]
    assert claim.quotes[0].kind is arquotes.QuoteKind.MIXED


def test_clause_end_is_a_search_among_the_openers() -> None:
    """Cues that open a clause are found once; a claim ends at the first one after it.

    Scanning every later cue for each claim made one long sentence of claims quadratic.
    """
    text = "قال الوزير إن الأمر جيد، مؤكدا أن الحل قريب وأضاف أن الوضع مستقر."
    lexicon = default_lexicon()
    patterns = compile_patterns(lexicon)
    document = Document(fold(text))
    quotes = QuoteIndex([], frozenset())
    found = find_cues(document, patterns, lexicon, quotes)
    openers = ClauseOpeners.of(document, found, quotes)
    assert len(openers.starts) == 2  # the participle and the past cue with و
    first = found[0]
    assert first.complement is not None
    end = clause_end(document, first.complement.start, openers, quotes, lexicon)
    assert document.text[first.complement.start:end].strip() == "الامر جيد"  # folded alef


def test_narrator_formula_is_not_a_claim() -> None:
    """ويذكر أن ... is the narrator's "it is worth mentioning", but يذكر X أن is speech."""
    assert claim_texts("ويذكر أن الوزير كان قد زار المنطقة الشهر الماضي.") == []
    assert claim_texts("ويذكر التقرير أن الوزير زار المنطقة.") == ["الوزير زار المنطقة"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The writer's gloss after a comma is not the speaker's.
        ("وأكدت الوزيرة أن الخطة جاهزة، في إشارة إلى مشروع القانون الجديد.", "الخطة جاهزة"),
        ("وقال المتحدث إن المفاوضات متعثرة، في تلميح إلى الخلاف بين الطرفين.",
         "المفاوضات متعثرة"),
        ("وأوضح الناطق أن الهدنة صامدة، في رد على سؤال عن الخروقات.", "الهدنة صامدة"),
        ("وقالت الوزيرة إن الاتفاق جاهز للتوقيع، وجاء ذلك خلال مؤتمر صحفي في العاصمة.",
         "الاتفاق جاهز للتوقيع"),
        # A participle with its own object that is no speech cue: the narrator's clause.
        ("وأعلن المدير أن الشركة ستوسع أعمالها، موجها الشكر إلى العاملين.",
         "الشركة ستوسع أعمالها"),
        ("ورأى النائب أن القرار خاطئ، متجاهلا بذلك موقف حزبه.", "القرار خاطئ"),
        ("واعتبر الكاتب أن الرواية ناجحة، تاركا الباب مفتوحا لجزء ثان.", "الرواية ناجحة"),
    ],
)
def test_claim_ends_where_the_narrator_takes_over(text: str, content: str) -> None:
    """A gloss (، في إشارة إلى) or a circumstantial participle with an object ends a claim."""
    assert claim_texts(text) == [content]


@pytest.mark.parametrize(
    "text",
    [
        # Adverbs shaped like participles, between commas or not, belong to the clause.
        "وقال إن الحكومة قررت، مؤخرا، رفع الأسعار.",
        "وذكر أن المصنع سيعمل، حاليا بطاقة أقل من المعتاد.",
        # Source words used as plain prepositions: nothing is attributed to فئات الدخل.
        "وقال الوزير إن الدعم يتوزع وفق فئات الدخل في كل منطقة.",
        "وأوضح أن المساعدات ستصل إلى الجميع، كل حسب حاجته.",
        "وأكدت أن الرسوم ستحدد بحسب حجم الشحنة.",
        # A terminator's word that goes on with the clause, or opens a list.
        "وأكد أن الحكومة ملتزمة بتعهداتها، فيما يتعلق بالدعم.",
        "وأوضح أن الخطة تقوم على ثلاثة محاور، وهي: التعليم والصحة والنقل.",
        # After one word, a comma opens an apposition and the clause resumes after it.
        "وقال الضابط إن كيدال، وهي مدينة في الشمال، تعرضت لقصف عنيف.",
        # Predicates shaped like cue participles are content, not new cues.
        "وقالت النقابة إن القطاع مهدد بنقص الأدوية.",
        "وأكد الطبيب أن المستشفى مطالب بتوفير الأسرة.",
    ],
)
def test_claim_runs_to_its_sentence_end(text: str) -> None:
    """Words that look like a clause's end but are not: the claim runs to the full stop."""
    [claim] = arquotes.extract(text).claims
    assert text.endswith(claim.text + ".")


def test_source_phrase_naming_a_source_still_ends_the_claim() -> None:
    """The preposition rule leaves real sources alone: ، حسب مصادر مطلعة ends the claim."""
    assert claim_texts("وقال إن الأسعار سترتفع، حسب مصادر مطلعة.") == ["الأسعار سترتفع"]
    assert claim_texts("وقال إن الوضع هادئ، فيما أعلنت الشرطة اعتقال ثلاثة أشخاص.")[0] == (
        "الوضع هادئ")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("ووفق مجلة الأسواق، تراجعت المبيعات بنسبة كبيرة هذا العام.",
         "تراجعت المبيعات بنسبة كبيرة هذا العام", "مجلة الأسواق"),
        ("وبحسب وكالة الأنباء الرسمية، ارتفع عدد القتلى إلى 12.",
         "ارتفع عدد القتلى إلى 12", "وكالة الأنباء الرسمية"),
    ],
)
def test_leading_source_with_a_comma_gives_the_rest_of_the_sentence(
        text: str, content: str, speaker: str) -> None:
    """ووفق X، <sentence>: the sentence after the comma is X's claim."""
    [claim] = arquotes.extract(text).claims
    assert claim.text == content
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # A present-tense cue with و and no subject goes on with the claim's own subject.
        ("وقال المتحدث إن الجيش يراقب الحدود ويشتبه بأن المسلحين عبروا ليلا.",
         "الجيش يراقب الحدود ويشتبه بأن المسلحين عبروا ليلا"),
        ("وأكدت الوزارة أن المصانع ستغلق وتؤكد على ضرورة الالتزام بالتعليمات.",
         "المصانع ستغلق وتؤكد على ضرورة الالتزام بالتعليمات"),
        # A past-tense cue with و (the speaker goes on) or a cue with its own subject splits.
        ("وقال الوزير إن الحكومة ستدعم المزارعين وأضاف أن الموسم سيكون جيدا.",
         "الحكومة ستدعم المزارعين"),
        ("وقال الوزير إن الحكومة ستدعم المزارعين ويقول الخبراء إن الموسم سيكون جيدا.",
         "الحكومة ستدعم المزارعين"),
    ],
)
def test_cue_inside_a_claim_splits_it_only_when_it_opens_a_clause(text: str, first: str) -> None:
    """A cue splits a claim with a written subject, a past verb or a participle only."""
    assert claim_texts(text)[0] == first


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وأكدت مصادر أمنية مسؤوليتها عن الهجوم لوكالة الأنباء الألمانية، لكن الجيش نفى ذلك.",
         "مسؤوليتها عن الهجوم"),
        ("وقال المتحدث إن المعابر ستفتح غدا للصحفيين في جنيف.", "المعابر ستفتح غدا"),
        # An audience word followed by more of the clause is its object: the claim goes on.
        ("وقال الوزير إن الدعم لوكالة الأونروا سيستمر حتى نهاية العام.",
         "الدعم لوكالة الأونروا سيستمر حتى نهاية العام"),
    ],
)
def test_audience_at_the_clause_end_closes_the_claim(text: str, content: str) -> None:
    """لوكالة X، للصحفيين: whom the words were told is the narrator's, not the content."""
    assert claim_texts(text)[0] == content


def test_headline_run_into_a_dateline_ends_before_it() -> None:
    """(...)بغداد – 3 – 5 (واع) —: the glued dateline ends the headline's claim."""
    text = ("أعلنت الحكومة أن الحرائق في (البصرة)بغداد – 3 – 5 (واع) — قالت وزارة الدفاع "
            "إن المعارك انتهت.")
    assert claim_texts(text)[0] == "الحرائق في (البصرة)"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # An object or prepositional complement ends at a comma and a past verb with و.
        ("وطالبت النقابة بزيادة الأجور، وطرحت خطة بديلة للحكومة.", "بزيادة الأجور"),
        ("ونفت الوزارة وقوع إصابات، ونشرت صورا للموقع.", "وقوع إصابات"),
        ("ورفض المحتجون العرض، وواصلوا اعتصامهم أمام المبنى.", "العرض"),
        # A clause after أن keeps its coordinated verbs; a present verb may go on.
        ("وقالت النقابة إن الحكومة رفضت المطالب، وطرحت خطة بديلة.",
         "الحكومة رفضت المطالب، وطرحت خطة بديلة"),
    ],
)
def test_object_content_ends_at_the_narrators_next_verb(text: str, content: str) -> None:
    """طالبت بـ ...، وطرحت ...: the narrator goes on with the body's next action."""
    assert claim_texts(text)[0] == content
