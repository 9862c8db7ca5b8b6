"""Tests for arquotes.attribution: pro-drop, gender agreement, roles and anaphors."""

from __future__ import annotations

import pytest

import arquotes
from arquotes.model import QuoteKind
from helpers import speakers_in_order


def test_null_subject_takes_the_discourse_speaker() -> None:
    """وأضاف with no subject speaks for the last speaker."""
    text = "وقال وزير المالية عمرو الجارحي إن العجز تراجع.\nوأضاف: «نستهدف نموا أعلى العام المقبل»."
    assert speakers_in_order(text) == ["عمرو الجارحي", "عمرو الجارحي"]


def test_feminine_verb_skips_a_male_speaker() -> None:
    """وأضافت needs a feminine speaker even when a man spoke last."""
    text = (
        "وأوضحت الوكالة الرسمية أن المحاكمة بدأت.\n"
        "وأكد ممثل الادعاء أن الأدلة كافية.\n"
        "وأضافت: «ستصدر الأحكام الشهر المقبل»."
    )
    assert speakers_in_order(text) == ["الوكالة الرسمية", "ممثل الادعاء", "الوكالة الرسمية"]


def test_participle_takes_its_clause_speaker() -> None:
    """مؤكدا after a claim of X belongs to X."""
    text = "وقال الرئيس إيمانويل ماكرون إن فرنسا مستعدة، مؤكدا أن أوروبا موحدة."
    assert speakers_in_order(text) == ["إيمانويل ماكرون", "إيمانويل ماكرون"]


def test_role_resolves_to_the_named_person() -> None:
    """A role written alone resolves to the person named in that role, even before."""
    text = (
        "وزير الطاقة السعودي: الأسواق ستتوازن قريبا\n"
        "قال خالد الفالح وزير الطاقة السعودي إن الطلب يتعافى."
    )
    assert speakers_in_order(text) == ["خالد الفالح", "خالد الفالح"]


def test_anaphoric_body_resolves_to_its_full_name() -> None:
    """الوزارة points back to وزارة الصحة والسكان."""
    text = "نفت وزارة الصحة والسكان الشائعات.\nوقالت الوزارة في بيان إن الحملة مستمرة."
    assert speakers_in_order(text) == ["وزارة الصحة والسكان", "وزارة الصحة والسكان"]


def test_unnamed_source_keeps_its_description() -> None:
    """An unnamed official is described, not named."""
    text = "وأكد مسؤول في البيت الأبيض أن الرئيس سيتصل بنظيره."
    assert speakers_in_order(text) == ["مسؤول في البيت الأبيض"]


def test_continued_quote_keeps_its_speaker() -> None:
    """Every paragraph of a continued quote has the same speaker."""
    text = "وقال الوزير يوسف رجي: «الجزء الأول من كلامه\n«والجزء الثاني منه»."
    result = arquotes.extract(text)
    assert [q.attribution.speaker.name for q in result.quotes
            if q.attribution and q.attribution.speaker] == ["يوسف رجي", "يوسف رجي"]
    assert result.quotes[0].continued


def test_confidence_is_lower_when_inferred() -> None:
    """A written subject is surer than one inferred from the discourse."""
    text = "وقال الوزير يوسف رجي إن لبنان مستعد.\nوأضاف أن الحوار ضروري."
    first, second = arquotes.extract(text).claims
    assert first.attribution is not None and second.attribution is not None
    assert first.attribution.mention is not None and second.attribution.mention is None
    assert first.attribution.confidence > second.attribution.confidence


@pytest.mark.parametrize(
    ("text", "speaker", "source"),
    [
        ("ونقلت وكالة رويترز عن مصدر حكومي قوله إن المفاوضات ستستأنف.", "مصدر حكومي",
         "وكالة رويترز"),
        # An unlisted name is the relayed speaker when قوله follows it.
        ('ونقلت وكالة "تاس" عن لافروف قوله: "روسيا لا تريد الحرب".', "لافروف", "تاس"),
    ],
)
def test_relayed_speaker_and_secondary_source(text: str, speaker: str, source: str) -> None:
    """نقلت وكالة X عن Y: Y speaks, X is the secondary source."""
    result = arquotes.extract(text)
    [attribution] = [q.attribution for q in result.quotes] + [c.attribution for c in result.claims]
    assert attribution is not None and attribution.speaker is not None
    assert attribution.speaker.name == speaker
    assert attribution.source == source


def test_relayed_unlisted_word_without_a_saying_is_not_a_speaker() -> None:
    """Without قوله or a complementizer after it, an unlisted word after عن is no speaker."""
    (claim,) = arquotes.extract(
        "ونقلت وكالة رويترز عن اجتماعات مطولة أن المفاوضات ستستأنف.").claims
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "وكالة رويترز"


def test_quoted_name_names_a_body() -> None:
    """صحيفة "نيويورك تايمز": the quoted name is the speaker's name, the head its role."""
    (claim,) = arquotes.extract('وأشارت صحيفة "نيويورك تايمز" إلى أن الإدارة تدرس خيارات.').claims
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "نيويورك تايمز"
    assert claim.attribution.speaker.roles == ("صحيفة",)


def test_three_part_names_and_governed_preposition() -> None:
    """Family names with ال complete a name; a governed من ends a body phrase."""
    assert speakers_in_order('"لن نتراجع"، يقول رئيس الوزراء محمد شياع السوداني.') == [
        "محمد شياع السوداني"]
    assert speakers_in_order("وحذرت منظمة الصحة العالمية من تفشي الكوليرا.") == [
        "منظمة الصحة العالمية"]


def test_passive_cue_names_nobody() -> None:
    """أُعلن أن: a passive cue takes no speaker from the discourse."""
    text = "قال الوزير يوسف رجي إن الحوار ضروري.\nوأُعلن أن الاجتماع تأجل."
    assert speakers_in_order(text) == ["يوسف رجي", None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('واكتفى الوزير بالقول: "لا تعليق على ذلك".', "الوزير"),
        ("أما وزير الخارجية فقال إن المفاوضات متوقفة.", "وزير الخارجية"),
    ],
)
def test_subject_of_an_unlisted_verb_or_after_amma(text: str, speaker: str) -> None:
    """واكتفى X بالقول and أما X فقال: X, written before the cue, is its speaker."""
    result = arquotes.extract(text)
    attributions = [q.attribution for q in result.quotes] + [c.attribution for c in result.claims]
    [attribution] = attributions
    assert attribution is not None and attribution.speaker is not None
    assert attribution.speaker.name == speaker


def test_noun_with_a_pronoun_is_not_a_bare_name() -> None:
    """واختتم حديثه قائلا: حديثه is the verb's object; the speaker comes from the article."""
    text = 'وقال الوزير إن الوضع صعب.\nواختتم حديثه قائلا: "المستقبل أفضل".'
    quote = arquotes.extract(text).quotes[0]
    assert quote.attribution is not None and quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == "الوزير"


def test_source_phrase_with_a_verb_and_its_pronoun() -> None:
    """وبحسب ما أفادت به وكالة ...: the agency after به is the source."""
    text = "وبحسب ما أفادت به وكالة الأنباء السعودية، فإن الملك وجه بتقديم المساعدات."
    [claim] = arquotes.extract(text).claims
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "وكالة الأنباء السعودية"


def test_passive_relay_names_the_speaker() -> None:
    """ونقل عن الوزير قوله: with no subject, the relayed speaker speaks."""
    [claim] = arquotes.extract("ونقل عن الوزير قوله إن الاتفاق قريب.").claims
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "الوزير"


def test_person_spoken_to_is_not_part_of_the_role() -> None:
    """وقال الوزير للسفير: السفير is the addressee."""
    [claim] = arquotes.extract("وقال الوزير للسفير إن بلاده ترفض التدخل.").claims
    assert claim.attribution is not None and claim.attribution.speaker is not None
    assert claim.attribution.speaker.name == "الوزير"


def test_quote_in_the_paragraph_after_the_colon() -> None:
    """وقال X: at a paragraph's end introduces the quotation that opens the next one."""
    text = 'وقال وزير الخارجية المصري سامح شكري:\n\n"إن مصر لن تقبل بأي حل على حسابهم".'
    [quote] = arquotes.extract(text).quotes
    assert quote.kind is arquotes.QuoteKind.DIRECT
    assert quote.attribution is not None and quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == "سامح شكري"


def test_quotation_after_a_preposition_leaves_the_claim() -> None:
    """وأوضح أن الحل يكمن في "إنهاء الاحتلال": a claim with a mixed quote inside."""
    result = arquotes.extract('وأوضح الوزير أن الحل يكمن في "إنهاء الاحتلال".')
    assert [c.text for c in result.claims] == ['الحل يكمن في "إنهاء الاحتلال"']
    assert [(q.text, q.kind) for q in result.quotes] == [
        ("إنهاء الاحتلال", arquotes.QuoteKind.MIXED)]


def test_definite_head_resolves_to_a_body_named_outside_any_cue() -> None:
    """أصدرت وزارة ... بيانا، وقالت الوزارة: the ministry, though أصدرت is no cue."""
    text = ("أصدرت وزارة الخارجية القطرية بيانا حول التطورات.\n"
            "وقالت الوزارة إن الدوحة تدعم الحل السلمي. وأضاف البيان أن قطر ستواصل الوساطة.")
    claims = arquotes.extract(text).claims
    speakers = [c.attribution.speaker.name for c in claims
                if c.attribution is not None and c.attribution.speaker is not None]
    assert speakers == ["وزارة الخارجية القطرية", "وزارة الخارجية القطرية"]


def test_short_quote_after_a_subject_stays_inside_its_claim() -> None:
    """اعتبرت حماس أن تصريحات ترامب "منحازة": a claim, with the one-word mixed quote."""
    result = arquotes.extract('واعتبرت حماس أن تصريحات ترامب "منحازة".')
    assert [c.text for c in result.claims] == ['تصريحات ترامب "منحازة"']
    assert [(q.text, q.kind) for q in result.quotes] == [("منحازة", arquotes.QuoteKind.MIXED)]


@pytest.mark.parametrize(
    ("text", "claim", "fragment"),
    [
        # A quotation after the cue's own preposition, with more of the clause after it.
        ('وقال المدير إن المصنع سيغلق، مشيرا إلى "تأجيل المشروع" حتى العام المقبل.',
         '"تأجيل المشروع" حتى العام المقبل', "تأجيل المشروع"),
        ("وأعربت الوزيرة عن «قلقها البالغ» من تدهور الأوضاع.",
         "«قلقها البالغ» من تدهور الأوضاع", "قلقها البالغ"),
        # A quotation that is the object of a verb inside the claim.
        ('وقال المتحدث إن النقابة حذرت "كل من يتجاوز القانون".',
         'النقابة حذرت "كل من يتجاوز القانون"', "كل من يتجاوز القانون"),
        ("وأوضح المصدر أن الشرطة طالبت ‘جميع المحتجين بالمغادرة’.",
         "الشرطة طالبت ‘جميع المحتجين بالمغادرة’", "جميع المحتجين بالمغادرة"),
    ],
)
def test_fragment_inside_its_claim_gives_claim_and_mixed_quote(
        text: str, claim: str, fragment: str) -> None:
    """GUIDE: a quoted object or a fragment that the clause goes on after is claim + mixed."""
    result = arquotes.extract(text)
    assert claim in [c.text for c in result.claims]
    assert (fragment, QuoteKind.MIXED) in [(q.text, q.kind) for q in result.quotes]
    [inside] = [c for c in result.claims if c.text == claim]
    assert [q.text for q in inside.quotes] == [fragment]


def test_quoted_noun_of_the_subject_is_not_the_subject() -> None:
    """المنظمة «استياءها»: the quoted noun is the verb's object, the body speaks."""
    assert set(speakers_in_order("وأبدت المنظمة «استياءها» من القرار.")) == {"المنظمة"}


def test_lead_with_nobody_after_takes_the_person_named_before() -> None:
    """No speaker yet, none named after: the person the lead named, subject of another verb."""
    text = ("وجّه قائد القوات البحرية العميد سامر حداد رسالة إلى العسكريين بمناسبة العيد.\n"
            "وقال: «أنتم درع الوطن».")
    assert speakers_in_order(text) == ["سامر حداد"]


def test_lead_takes_no_speaker_of_the_other_gender() -> None:
    """وقالت after a man named before, with nobody after: no speaker is guessed."""
    text = "استقبل الوزير سامر حداد الوفد في مكتبه.\nوقالت: «نرحب بالتعاون»."
    [quote] = arquotes.extract(text).quotes
    assert quote.attribution is None or quote.attribution.speaker is None
