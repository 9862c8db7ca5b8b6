"""Tests for arquotes.quote_kinds: names, direct quotes and mixed fragments."""

from __future__ import annotations

import pytest

import arquotes
from arquotes.model import QuoteKind
from arquotes.quote_kinds import is_name
from helpers import prepare


@pytest.mark.parametrize(
    "text",
    [
        "وقال في حديث على “القناة الأولى” الروسية إن المحادثات مستمرة.",
        'حسبما نقلت وكالة "فرانس برس" عن مصادر.',
        'وكتب في تغريدة على "تويتر" أن الاجتماع انتهى.',
        'ينتمون إلى "حركة الماك" المحظورة.',
        "جاء في بيان صادر عن “الصحة العالمية” أن الوضع مستقر.",
        'اتهم حزب "العدالة والتنمية" الحكومة بالتقصير.',
        'وقال ترامب في منشور على منصته "تروث سوشيال" إن المحادثات جيدة.',
        'وفي حديث لـ"الجزيرة نت"، أوضح الخبير أن الأزمة ستطول.',
        'ونشرت الوزارة على صفحتها "وزارة الصحة - الأردن" أن الحملة مستمرة.',
    ],
)
def test_quoted_names_are_names(text: str) -> None:
    """Channels, agencies, platforms, movements and parties in marks are names."""
    document, lexicon, _, quotes = prepare(text)
    assert all(is_name(document, q, lexicon) for q in quotes.quotes)
    assert arquotes.extract(text).quotes == ()


@pytest.mark.parametrize("outlet", ["العربي الجديد", "سكاي نيوز عربية", "الشرق"])
def test_outlet_spoken_to_is_a_name_and_the_channel(outlet: str) -> None:
    """لـ"..." with the speech right after it names the outlet, known or not."""
    text = f'وقالت مصادر مطلعة لـ"{outlet}" إن الاجتماع تأجل.'
    result = arquotes.extract(text)
    assert result.quotes == ()
    [claim] = result.claims
    assert claim.text == "الاجتماع تأجل"
    assert claim.attribution is not None
    assert claim.attribution.channel == f'لـ"{outlet}"'


def test_fragment_after_lam_without_speech_stays_a_quote() -> None:
    """Without a complementizer after it, a quoted phrase after لـ is not taken for a name."""
    text = 'ودعا الوزير إلى "الحوار الوطني الشامل" لـ"إنهاء الأزمة" في البلاد.'
    assert [q.text for q in arquotes.extract(text).quotes] == [
        "الحوار الوطني الشامل", "إنهاء الأزمة"]


def kinds(text: str) -> list[tuple[str, QuoteKind]]:
    """(text, kind) of every quote extract finds."""
    return [(q.text, q.kind) for q in arquotes.extract(text).quotes]


def test_colon_quote_is_direct() -> None:
    """A quote after a cue and colon is a direct quote, even when short."""
    assert kinds("وقال الوزير: «العمل جار».") == [("العمل جار", QuoteKind.DIRECT)]


def test_complementizer_quote_is_direct() -> None:
    """A quote filling the clause after إن is direct."""
    text = "وقال الوزير إن «الحكومة ستعلن الخطة الأسبوع المقبل»."
    assert kinds(text) == [("الحكومة ستعلن الخطة الأسبوع المقبل", QuoteKind.DIRECT)]


def test_fragment_inside_reported_speech_is_mixed() -> None:
    """Short quoted words inside a sentence that goes on are mixed."""
    text = 'أكد الرئيس فلاديمير بوتين "اقتناعه" بإمكانية إقامة "حوار فعال" مع واشنطن.'
    assert kinds(text) == [("اقتناعه", QuoteKind.MIXED), ("حوار فعال", QuoteKind.MIXED)]


def test_cue_after_quote_makes_it_direct() -> None:
    """A quote followed by ، قال X is a direct quote of X."""
    result = arquotes.extract("«سنواصل العمل حتى النهاية»، قال الوزير خالد الفالح.")
    (quote,) = result.quotes
    assert quote.kind is QuoteKind.DIRECT
    assert quote.attribution is not None and quote.attribution.speaker is not None
    assert quote.attribution.speaker.name == "خالد الفالح"


def test_marks_around_no_word_are_not_quotes() -> None:
    """Marks that enclose only punctuation or spaces make no quote."""
    assert arquotes.extract("قال: «“ ” » ثم «»، و«...».").quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        # A kind of thing, indefinite, right before its quoted name.
        'وقال الجيش إن جنديين من كتيبة "جفعاتي" أصيبا في الاشتباك.',
        "وأكدت الوزارة انتشار متحور «أوميكرون» في المدينة.",
        "وقال المحافظ إن سكان بلدة “عين الحلوة” بحاجة إلى مساعدات.",
        # A Latin-script term of one or two words.
        'وقالت المنظمة إن عدد إصابات "SARS-CoV-2" ارتفع.',
        # A slogan or title after شعار/بعنوان, of any length, even after a colon.
        "وأكد الاتحاد أن المؤتمر ينعقد تحت شعار: «معا من أجل عدالة اجتماعية ونمو متوازن للجميع».",
        'وقال إن الندوة جاءت بعنوان "آفاق الاقتصاد الأخضر في المنطقة العربية".',
        # Names listed together: "X" و"Y".
        'وقال إنه يتابع "الحارة" و"رحلة العمر" هذا الموسم.',
        # An indefinite noun phrase in marks followed by a relative pronoun.
        'وأكد أن الحزب خاض "حرب بيانات" التي أنهكت أنصاره.',
        # An indefinite noun in construct with a definite quoted span: the span is its
        # genitive, a name (a channel, square, club), whatever the noun.
        "وقال الخبير في مداخلة مع فضائية «المستقبل» إن الأسعار سترتفع.",
        'وأوضح في حديث لإذاعة "الشروق" أن العمل مستمر.',
        "وقالت الشركة إن حجم أعمال “الواحة للصناعات” تضاعف.",
        "وأكد الشهود أن الاشتباكات تجددت في ساحة «النخيل» مساء أمس.",
        # A speech verb's quoted subject whose words are all names.
        'وأضاف "مدبولي" في كلمته إن الحكومة ستواصل الإصلاحات.',
        "وتابع «أبو علي» خلال المؤتمر أن الحوار مستمر.",
        # One or two bare words after a speech verb, then what follows a subject.
        "وأضاف “فيرنانديز”، في كلمته، أن المفاوضات ستستمر.",
        'وقالت "ماريانا" خلال المؤتمر إن التضخم سيتراجع.',
        # A noun and its nisba adjective, then the quoted name in apposition.
        "وقال إن الناقلة اليونانية «النجم الساطع» وصلت إلى الميناء.",
        'وتحدث المخرج عن فيلمه الأول "ظلال المدينة" في المهرجان.',
        # A source phrase or an audience before a quoted outlet.
        "وذلك بحسب «الإخبارية الوطنية» مساء الأحد.",
        'وقال مصدر أمني لـ"نبض الشارع"، إن الهجوم أحبط.',
        # The name's phrase goes on after the mark: a role in apposition, a nisba adjective.
        "والتقى الوفد “منى الراشد”، مديرة الصندوق، في مقرها.",
        'وأعلنت شركة الطيران أن "سما إير" الأردنية ستبدأ رحلاتها.',
        "وقال المتحدث إن «بترو غاز» الجزائرية رفعت إنتاجها.",
        # A speaker phrase in marks names who spoke, not what was said.
        'وقال التقرير إن الحركة نفت ما نسب إلى "قيادي بارز في الحزب" بشأن الانتخابات.',
        "وقال المحلل إن الصحيفة نسبت الخبر إلى «مسؤول أمني سابق» دون دليل.",
        # A listed introducer keeps a title whatever its shape.
        'وقال المخرج إن فيلم "رحلة صيفية" سيعرض قريبا.',
        # A relaying verb with its object pronoun.
        'وقال الحزب في بيان تابعته "صوت الناس" إنه سيقاطع الانتخابات.',
    ],
)
def test_names_by_shape(text: str) -> None:
    """Quoted names recognised by the words around them, not by a list of names."""
    assert arquotes.extract(text).quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        # With the article the noun before is the subject: the quotation is its predicate.
        "وبين المدير أن فرص احتواء الفيروس “تتضاءل” يوما بعد يوم.",
        # A definite span before a relative pronoun is a scare quote.
        'وأكد المتحدث أن "التحذير المزعوم" الذي تحدثت عنه الصحف لا أساس له.',
        # After a definite noun the span is that noun's attribute.
        "وقال الوزير إن الاقتصاد لن يتأثر بالإجراءات الـ”غير القانونية” التي اتخذتها الدول.",
        # A noun carrying a pronoun (قلقه، استياءها) is someone's, never a name, even after
        # a word that introduces names elsewhere (عن، على) or a body head (المنظمة).
        'أعرب الوزير عن "قلقه" من التصعيد.',
        "وعبرت الهيئة عن «ارتياحها» للنتائج.",
        "وأبدت المنظمة «استياءها» من القرار.",
        "وشدد النائب على “رفضه” للمشروع.",
        # After a function noun (إزاء، بعد) or with an indefinite adjective, a fragment.
        'وأعرب السفير عن قلقه إزاء "الأنشطة العسكرية" في المنطقة.',
        'وقال الشاهد إن السكان نظموا مظاهرة "سلمية" أمام المبنى.',
        'وقال المتحدث إن الحكومة ستتحرك بعد "الاعتداء الغاشم" على المدينة.',
        # After a noun and its adjective, a verb-shaped span is the predicate.
        'وقال المتحدث إن الحكومة المركزية "تتجاهل المطالب" منذ سنوات.',
        # After a mere preposition, an indefinite noun and its nisba adjective describe.
        "وقال المدير إن العطل نتج عن “خلل فني” في المولد.",
        'وأكدت الشركة أن التأخير جاء بناء على "تقدير أمني" مسبق.',
        # A definite scare quote followed by its adjective stays a fragment.
        'وقال الوزير إن "الضربات" الأمريكية لم تحقق أهدافها.',
        # After a verb, a definite or verb-shaped fragment is its object.
        'وأكد الوزير "الالتزام التام" بالاتفاق.',
    ],
)
def test_fragments_that_look_like_names_stay_quotes(text: str) -> None:
    """Predicates, scare quotes and attributes stay mixed quotes."""
    result = arquotes.extract(text)
    assert [q.kind for q in result.quotes] == [QuoteKind.MIXED]


@pytest.mark.parametrize(
    "text",
    [
        'وقال المتحدث في بيان تلقته "شبكة الرافدين"، إن الحصيلة ارتفعت.',
        "وذلك وفقا لما نقلته «الشرق الأوسط» عن مصادر مطلعة.",
        'وأكدت الحركة أن المعارك تندرج تحت عمليات "درع الجنوب" المستمرة.',
    ],
)
def test_outlets_after_relay_verbs_and_plural_kinds(text: str) -> None:
    """After تلقته/نقلته the span is the outlet; after عمليات it names the operations."""
    assert arquotes.extract(text).quotes == ()


def test_speech_that_opens_with_a_role_stays_a_quote() -> None:
    """Only a span that is nothing but a speaker phrase is a name: «الوزير سيصل غدا» speaks."""
    text = "وقال المتحدث: «الوزير سيصل غدا إلى العاصمة»."
    assert [q.kind for q in arquotes.extract(text).quotes] == [QuoteKind.DIRECT]


def test_construct_made_definite_by_its_last_word_stays_a_fragment() -> None:
    """A construct definite through its last word ("ردع العدوان" الروسي) stays a fragment.

    The adjective after it proves nothing: the quotation is the speaker's words.
    """
    text = 'وقالت الوزيرة إنها ناقشت مع نظرائها "ردع العدوان" الروسي على جيرانه.'
    assert [q.kind for q in arquotes.extract(text).quotes] == [QuoteKind.MIXED]
