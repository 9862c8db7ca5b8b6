"""Tests for arquotes.quotes: pairing quotation marks into candidates."""

from __future__ import annotations

import pytest

from helpers import prepare


def contents(text: str) -> list[str]:
    """The content of every outermost quote candidate in ``text``."""
    document, _, _, quotes = prepare(text)
    return [document.view.text_of(q.start, q.end) for q in quotes.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال: «نحن مستعدون».", ["نحن مستعدون"]),
        ("قال: “نحن مستعدون”.", ["نحن مستعدون"]),
        ('قال: "نحن مستعدون".', ["نحن مستعدون"]),
        ("قال: „نحن مستعدون“.", ["نحن مستعدون"]),
        ("قال: ‘نحن مستعدون’.", ["نحن مستعدون"]),
        ("قال: ”نحن مستعدون”.", ["نحن مستعدون"]),
        ("واضاف”نحن مستعدون“.", ["نحن مستعدون"]),
        ('قال "أولا" ثم "ثانيا".', ["أولا", "ثانيا"]),
        ("قالت: 'لن نتراجع عن موقفنا'.", ["لن نتراجع عن موقفنا"]),
    ],
)
def test_every_mark_style_pairs(text: str, expected: list[str]) -> None:
    """Guillemets, curly, straight, low-9, single, one-glyph and reversed pairs all pair."""
    assert contents(text) == expected


def test_nested_quotes_give_the_outer_one() -> None:
    """A quote inside a quote is part of the outer quote, not a second one."""
    assert contents("قال: «إن ما يسمى “الحل” لن ينجح».") == ["إن ما يسمى “الحل” لن ينجح"]


def test_nested_straight_quotes() -> None:
    """Straight quotes nest when the inner opener follows a space."""
    text = 'وأفادت بأنه "تبين أن مجموعة تدعى "تمزغا" تنشط في البلاد".'
    assert contents(text) == ['تبين أن مجموعة تدعى "تمزغا" تنشط في البلاد']


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    """An unclosed mark does not swallow the next paragraph."""
    text = "وقال: «هذا كلام لم يغلق\nوفي سياق آخر أعلنت الحكومة خطة جديدة."
    assert contents(text) == ["هذا كلام لم يغلق"]


def test_continued_quote_over_paragraphs() -> None:
    """A paragraph that reopens with a mark continues the previous unclosed quote."""
    text = "وقال: «الجزء الأول من الكلام\n«والجزء الثاني منه»."
    _, _, _, quotes = prepare(text)
    first, second = quotes.quotes
    assert first.continues and first.close is None
    assert second.continuation


def test_stray_closing_mark_is_ignored() -> None:
    """A closing mark with nothing open makes no quote."""
    assert contents("كلام عادي » بلا اقتباس.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال أوبراين O'Brien إن الاتفاق جيد.", []),
        ("وقال O’Neill: 'الاتفاق جيد'.", ["الاتفاق جيد"]),
    ],
)
def test_apostrophe_inside_a_word_is_not_a_mark(text: str, expected: list[str]) -> None:
    """O'Brien: a single mark between two letters pairs with nothing."""
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وأوضح المتحدث أن" الوزارة ماضية في خطتها".', ["الوزارة ماضية في خطتها"]),
        ("وأكدت الوزيرة بأن” القرار نهائي“، ثم غادرت.", ["القرار نهائي"]),
        ('وقالت سلمى:" لن نغادر المدينة".', ["لن نغادر المدينة"]),
        ("وتابع المدرب:” سنواصل العمل مهما كانت الظروف.", ["سنواصل العمل مهما كانت الظروف."]),
        ("وأضاف نادر : ‘ الطريق طويل ’ .", ["الطريق طويل"]),
        ('وأضاف " سنبقى على العهد مهما طال الزمن', ["سنبقى على العهد مهما طال الزمن"]),
    ],
)
def test_opening_mark_glued_before_a_space(text: str, expected: list[str]) -> None:
    """A mark glued to a colon, cue or complementizer with a space after it opens.

    So does a mark spaced on both sides after a cue, when it is the paragraph's last mark.
    """
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وأضاف أن "الاتفاق يخدم الطرفين ".', ["الاتفاق يخدم الطرفين"]),
        ('وأضاف : " نحن باقون هنا " . وأكد رامي أن " الحوار مستمر " .',
         ["نحن باقون هنا", "الحوار مستمر"]),
        ("درس في معهد ”Institut National “ بعد ذلك.", ["Institut National"]),
        ('وقال إن التمويل "مضمون "، معتبرا أن "الخطة واقعية".', ["مضمون", "الخطة واقعية"]),
    ],
)
def test_closing_mark_after_a_space(text: str, expected: list[str]) -> None:
    """A mark after a space closes when punctuation follows or its quote was glued."""
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'وقال إن الأمر محسوم" مضيفا أن الحوار مستمر.',
        "وقال ” فلان في برنامج ” على الهواء ” الذي يبث على قناة ” النيل ” أنه سعيد.",
        "وقالت الوزارة إن البيان صدر عنها” وإن الاجتماع تأجل.",
    ],
)
def test_stray_or_spaced_marks_make_no_quote(text: str) -> None:
    """A glued mark left open after a plain word, and marks spaced on both sides, pair nothing."""
    assert contents(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وأضاف في حديثه :""نعمل بلا توقف"".', ["نعمل بلا توقف"]),
        ("وقال الحارس:””الفريق جاهز”.", ["الفريق جاهز"]),
        ("وقال المدير: \"سنفتتح الفرع الجديد قريبا''.", ["سنفتتح الفرع الجديد قريبا"]),
        ("وأجاب ''لا تعليق'' ثم غادر.", ["لا تعليق"]),
        ("وقالت: ‘‘الأسعار سترتفع’’.", ["الأسعار سترتفع"]),
    ],
)
def test_doubled_and_mixed_marks(text: str, expected: list[str]) -> None:
    """A doubled mark counts once; two single marks are one double mark, so " … '' pairs."""
    assert contents(text) == expected


def test_doubled_single_closer_is_one_mark() -> None:
    """'' spans two characters: the quote ends before the first, its mark ends at the second."""
    text = "وقال المدير: \"سنفتتح الفرع''."
    _, _, _, quotes = prepare(text)
    (quote,) = quotes.quotes
    assert quote.close is not None
    assert text[quote.close] == "'" and text[quote.close + 1] == "."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال المتحدث »لن نتراجع عن مطالبنا« في مؤتمر صحفي.", ["لن نتراجع عن مطالبنا"]),
        ("وقال »خالد العمري« إن الجلسة تأجلت.", ["خالد العمري"]),
        ("وأضاف: »الموعد لم يتحدد بعد«.", ["الموعد لم يتحدد بعد"]),
        ("وتابع أن »الحل« قريب و«الاتفاق» ممكن.", ["الحل", "الاتفاق"]),
        ("كلام عادي »بلا اقتباس مغلق.", []),
    ],
)
def test_reversed_guillemets(text: str, expected: list[str]) -> None:
    """» … « pairs like « … » ; a reversed opener left open is a stray mark."""
    assert contents(text) == expected


def test_one_letter_proclitic_opens_a_nested_quote() -> None:
    """و"…" and ب"…" inside a quote open an inner quote instead of closing the outer one."""
    text = 'وقالت:" شاهدت فيلم "الرحلة" و"العودة" مع عائلتي".'
    assert contents(text) == ['شاهدت فيلم "الرحلة" و"العودة" مع عائلتي']


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وقال الوزير "لن نتراجع عن القرار. وأضاف المتحدث باسمه: "الوضع مستقر".',
         ["لن نتراجع عن القرار", "الوضع مستقر"]),
        ("وأكدت أن «المفاوضات وصلت إلى طريق مسدود، مشيرة إلى أن «الحل بيد الطرفين».",
         ["المفاوضات وصلت إلى طريق مسدود", "الحل بيد الطرفين"]),
        ('وذكر البيان "أن القوات انسحبت. وقالت الوزارة: “الهدوء عاد” إلى المنطقة.',
         ["أن القوات انسحبت", "الهدوء عاد"]),
        ("“بدأت الاتصالات منذ أسبوع! وتابع قائلا “أنا واثق من النجاح”، ثم غادر.",
         ["بدأت الاتصالات منذ أسبوع", "أنا واثق من النجاح"]),
    ],
)
def test_stray_mark_no_longer_swallows_the_paragraph(text: str, expected: list[str]) -> None:
    """Left open, a quote is cut where its sentence or clause ends before a cue and a new mark."""
    assert contents(text) == expected


def test_inner_quote_closing_with_the_outer() -> None:
    """One mark closes both the inner and the outer quote at the sentence end."""
    text = 'قال: "إن ما يسمى "المبادرة الجديدة لن تنجح". وغادر القاعة.'
    assert contents(text) == ['إن ما يسمى "المبادرة الجديدة لن تنجح']


@pytest.mark.parametrize(
    "text",
    [
        'قال: "كما كتب الشاعر: "إذا الشعب يوما أراد الحياة" فلا بد أن نصبر".',
        "وقال: «لن نقبل. وكما قال الرئيس: «الوطن للجميع» ولن نتراجع».",
        "وقال: «كتبتها لتوقظ القارئ. «الغد الأخير» هي رسالة تحذير، في اعتقادي",
    ],
)
def test_balanced_nesting_is_not_cut(text: str) -> None:
    """Marks that all pair, or a title opening a sentence inside an open quote, cut nothing."""
    assert len(contents(text)) == 1


def test_cut_quote_does_not_continue_into_the_next_paragraph() -> None:
    """A quote cut mid-paragraph is not 'continues', even if the next paragraph opens a mark."""
    text = 'وقال "لن نتراجع. وأضاف: "نحن هنا".\n«فقرة جديدة».'
    _, _, _, quotes = prepare(text)
    assert not any(q.continues for q in quotes.quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال «نعتقد أننا قادرون على بلوغ الهدف، ربما بعد عام من\nالموعد المحدد».",
         ["نعتقد أننا قادرون على بلوغ الهدف، ربما بعد عام من\nالموعد المحدد"]),
        ("فإن «التوقعات تدور بين\n7 و9 بالمئة»، وقال «الأمر يتوقف على السعر».",
         ["التوقعات تدور بين\n7 و9 بالمئة", "الأمر يتوقف على السعر"]),
        ('وقالت:" تؤلمني مشاهد الدمار\nونحن قلقون من التصعيد ".',
         ["تؤلمني مشاهد الدمار\nونحن قلقون من التصعيد"]),
        ("وأضاف أن “الفريق سيعود،\nكما عاد في كل مرة”.", ["الفريق سيعود،\nكما عاد في كل مرة"]),
        ("قال: «الأول\nالثاني\nالثالث».", ["الأول\nالثاني\nالثالث"]),
    ],
)
def test_quote_goes_on_over_a_hard_line_break(text: str, expected: list[str]) -> None:
    """A line without sentence punctuation inside a quote goes on to the line that closes it."""
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The line ends its sentence: the quote stays in its paragraph.
        ("وأضاف: “هذه مرحلة صعبة.\nسنعود أقوى”.", ["هذه مرحلة صعبة."]),
        # A headline without punctuation, then a paragraph that does not close it.
        ("الوزير: «لن نتراجع\nقال الوزير إن القرار نهائي.", ["لن نتراجع"]),
        # The next line opens a mark of the family before it closes one.
        ("وقال «الوضع صعب\nوأضاف «سنصبر».", ["الوضع صعب", "سنصبر"]),
        # Too many lines.
        ("قال: «أ\nب\nج\nد».", ["أ"]),
    ],
)
def test_quote_stays_in_its_line(text: str, expected: list[str]) -> None:
    """A quote goes on over a line break only in the shape above, never past a sentence end."""
    assert contents(text) == expected


def test_joined_quote_spans_map_back_exactly() -> None:
    """A quote over a line break keeps exact original offsets, diacritics included."""
    text = "وقال «نحنُ مستعدّون\nللحوار» ثم غادر."
    document, _, _, quotes = prepare(text)
    (quote,) = quotes.quotes
    span = document.view.span(quote.start, quote.end)
    assert text[span.start : span.end] == "نحنُ مستعدّون\nللحوار"
    assert quote.close is not None and text[document.view.start(quote.close)] == "»"
