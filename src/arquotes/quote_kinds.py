"""Decide what a quoted stretch is: a name, a direct quote, or a mixed fragment.

NAMES are not quotes: quoted channels, agencies, platforms, parties, programmes, operations
("القناة الأولى"، "فرانس برس"، "تويتر"، "العدالة والتنمية"). A short quoted span is a name
when it is a known name, starts with a name head (قناة، حركة، صندوق ...), follows a word
that introduces one (وكالة، حزب، منتدى، صادر عن ...), or follows the لـ of an audience with
the speech right after it (قالت مصادر لـ"العربي الجديد" إن ...).

The rest is DIRECT when it is a whole utterance: it runs to the end of its clause and is
introduced as speech (a colon, a cue taking a quotation, a complementizer right before it,
a cue right after it, or the start of a paragraph). Otherwise it is a MIXED fragment inside
someone's reported speech (أكد "اقتناعه" بإمكانية ...).
"""

from __future__ import annotations

from arquotes.document import Document, Token
from arquotes.lexicon import Lexicon, ends_in_pronoun, token_variants
from arquotes.mentions import MentionKind, read_mention
from arquotes.model import QuoteKind
from arquotes.names_data import is_name_unit
from arquotes.normalize import strip_marks
from arquotes.patterns import VERB_SHAPE
from arquotes.quotes import QuoteCandidate

__all__ = ["is_fragment", "is_name", "not_a_quote", "quote_kind", "runs_to_clause_end"]

_MAX_NAME_WORDS = 6
_UTTERANCE_WORDS = 3
"""Words a quotation needs to be a whole utterance; a shorter one is a fragment."""
_CLAUSE_END = frozenset(".،,؛;:!?؟)")


def _word_tokens(document: Document, quote: QuoteCandidate) -> list[Token]:
    return [t for t in document.tokens(quote.start, quote.end, 12) if t.is_word]


def is_fragment(document: Document, quote: QuoteCandidate) -> bool:
    """Too few words for a whole utterance: a mixed quote wherever it stands."""
    return len(_word_tokens(document, quote)) < _UTTERANCE_WORDS


def previous_tokens(document: Document, quote: QuoteCandidate, count: int) -> list[Token]:
    """Up to ``count`` tokens before the opening mark, within its paragraph."""
    p_start, _ = document.paragraph_at(quote.open)
    return document.tokens_before(p_start, quote.open, count)


def next_token(document: Document, quote: QuoteCandidate) -> Token | None:
    """The first token after the closing mark, within the paragraph (None at its end)."""
    if quote.close is None:
        return None
    _, p_end = document.paragraph_at(quote.open)
    after = document.tokens(quote.close + 1, p_end, 1)
    return after[0] if after else None


def not_a_quote(document: Document, quote: QuoteCandidate, lexicon: Lexicon) -> bool:
    """True for a quoted name, and for marks that hold no word at all (“" »)."""
    return not any(t.is_word for t in document.tokens(quote.start, quote.end, 8)) or is_name(
        document, quote, lexicon)


def is_name(document: Document, quote: QuoteCandidate, lexicon: Lexicon) -> bool:
    """True when the quoted span names a channel, agency, platform or organisation."""
    words = _word_tokens(document, quote)
    if not words:
        return False
    introducer = [t for t in previous_tokens(document, quote, 2) if t.text != ":"]
    if introducer and lexicon.title_introducers.possessed(introducer[-1].text):
        return True  # تحت شعار: «...»، بعنوان "...": a slogan or title of any length
    if len(words) > _MAX_NAME_WORDS:
        return False
    if " ".join(t.text for t in words) in lexicon.known_names:
        return True
    if _latin_term(document, quote):
        return True  # "COVID-19"، "SARS-CoV-2"، "SSC": a Latin-script term in Arabic prose
    if words[0].text.isdigit() and len(words) <= 4:
        return True  # a titled campaign or figure: "100 مليون صحة"
    if len(words) <= 4 and lexicon.name_heads.phrase_at([t.text for t in words], 0):
        return True
    if _speaker_phrase(document, quote, lexicon):
        return True  # ونسبته إلى "مصدر قيادي في الحركة": who spoke, not what was said
    return len(words) <= 4 and _named_by_context(document, quote, lexicon)


def _speaker_phrase(document: Document, quote: QuoteCandidate, lexicon: Lexicon) -> bool:
    """The span reads as an unnamed source or a role (مصدر مطلع، قيادي بارز في الحزب).

    The phrase covers the span, or a preposition starts what is left (في الحزب): the
    description of where the source stands.
    """
    tokens = document.tokens(quote.start, quote.end, _MAX_NAME_WORDS + 2)
    mention = read_mention(document, tokens, lexicon, bare_names=False)
    if mention is None or mention.kind not in (MentionKind.UNNAMED, MentionKind.ROLE):
        return False
    rest = [t for t in tokens if t.start >= mention.end]
    return not rest or rest[0].text in lexicon.prepositions


def _named_by_context(document: Document, quote: QuoteCandidate, lexicon: Lexicon) -> bool:
    """The words around a short quoted span show it is a name (see `is_name`)."""
    previous = previous_tokens(document, quote, 2)
    if previous and previous[-1].text == ":":
        return False  # a colon introduces speech: وقال سامي علي: «...»
    after = next_token(document, quote)
    words = _word_tokens(document, quote)
    if words and ends_in_pronoun(document.view.text_of(words[0].start, words[0].end)):
        return False  # عن "قلقه"، «استياءها»: a noun of someone's, never a name
    if after is not None and after.text in lexicon.relative_pronouns and words and not (
            _definite_word(words[0].text)
            or (previous and _definite_word(previous[-1].text))):
        # في "معركة دفتر التحملات" التي اتهم فيها ...: an indefinite-headed noun phrase, not
        # speech. A definite one (أن "التحذير المزعوم" الذي) is a scare quote, and after a
        # definite noun (بالإجراءات الـ"غير القانونية" التي) the span is that noun's attribute.
        return True
    if _coordinated_quote(document, quote, previous, after):
        return True  # "مرافئ الخليج" و"نسيم للطيران": names listed together
    if after is not None and _phrase_goes_on(document, quote, words, after, lexicon):
        return True
    before = [t for t in previous if t.is_word]
    return bool(before) and _named_by_word_before(document, quote, before, words, lexicon)


def _indefinite_description(words: list[Token]) -> bool:
    """An indefinite noun and its indefinite nisba adjective: عامل خارجي، تهديد روسي محتمل.

    Such a phrase describes something; a name is definite (القناة الأولى) or foreign
    (سكاي نيوز), and its second word is no Arabic nisba without the article.
    """
    if len(words) < 2 or _definite_word(words[0].text):
        return False
    second = words[1].text
    return len(second) > 2 and second.endswith(("ي", "يه")) and not _definite_word(second) and (
        not is_name_unit(second, unambiguous=True))


def _phrase_goes_on(document: Document, quote: QuoteCandidate, words: list[Token],
                    after: Token, lexicon: Lexicon) -> bool:
    """After the closing mark the name's phrase goes on, so the span is a name.

    A comma and a role in apposition ("سلمى حداد"، مديرة المبيعات); or a definite nisba
    adjective after a span with no article anywhere ("أكسترا نيوز" المصرية): an indefinite
    phrase takes no definite adjective, so the span is a proper name, definite by itself
    ("ردع العدوان" الروسي is definite through its last word, and stays a fragment).
    """
    if after.text in "،,":
        _, p_end = document.paragraph_at(quote.open)
        role = document.tokens(after.end, p_end, 1)
        return bool(role) and role[0].text in lexicon.roles
    adjective = after.text
    return adjective.startswith("ال") and len(adjective) > 4 and adjective.endswith(
        ("ي", "يه")) and not any(
        _definite_word(t.text) or VERB_SHAPE.match(t.text) for t in words)


def _named_by_word_before(document: Document, quote: QuoteCandidate, before: list[Token],
                          words: list[Token], lexicon: Lexicon) -> bool:
    """The word or two before the span make it a name (see `_named_by_context`)."""
    last = before[-1].text
    if _names_what_follows(document, before[-1], lexicon):
        # نتج عن "عامل خارجي": after a mere preposition, a noun and its adjective describe
        return not (last in lexicon.prepositions and _indefinite_description(words))
    if words[0].text.startswith("ال") and _indefinite_noun(document, before[-1], lexicon):
        return True  # فضائية "المستقبل"، ساحة «النخيل»: the genitive of a noun is a name
    if _verb_form(last, lexicon) and _quoted_subject(document, quote, words, lexicon):
        return True
    if _in_apposition(document, quote, words, lexicon):
        return True
    if _source_form(last, lexicon):
        return True  # وفق "روسيا اليوم"، بحسب «الأناضول»: a source phrase names its source
    if last in lexicon.audiences and (_introduces_content(document, quote, lexicon) or (
            len(before) == 2 and lexicon.occasions.possessed(before[0].text))):
        return True  # قالت مصادر لـ"العربي الجديد" إن، في حديث لـ"الجزيرة نت": the outlet
    # صادر عن "الصحة العالمية": a preposition after an introducer
    return len(before) == 2 and last in lexicon.prepositions and (
        before[0].text in lexicon.name_introducers)


def _names_what_follows(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """A word right before a quoted span that makes the span a name."""
    word = token.text
    if lexicon.name_introducers.possessed(word) and not _spelled_as_name(
            document, token, lexicon):
        return True  # على منصة "إكس"، على منصته "تروث سوشيال"
    if word in lexicon.construct_heads or (
            len(word) > 3 and word[0] in "وبل" and word[1:] in lexicon.construct_heads):
        return True  # كتيبة "نتساح يهودا"، بإقليم "زاكورة": a kind of thing and its name
    # في بيان تلقته "سكاي برس": the outlet; مدرب "النسور": a role head in construct.
    return word in lexicon.relay_verbs or lexicon.is_construct_role(word)


def _quoted_subject(document: Document, quote: QuoteCandidate, words: list[Token],
                    lexicon: Lexicon) -> bool:
    """After a speech verb, the quoted span is the verb's subject written in marks.

    وأضاف "مدبولي" في كلمته: its words are all names; وقالت "سلمى حداد"، مديرة المبيعات،
    إن: a complementizer or a role in apposition follows it.
    """
    if len(words) <= 3 and all(is_name_unit(t.text, unambiguous=True)
                               or lexicon.particles.exact(t.text) for t in words):
        return True
    if _speaker_follows(document, quote, lexicon):
        return True
    # وأضاف "جراندي"، في كلمته: one or two bare words, then what follows a subject.
    first = words[0]
    after = next_token(document, quote)
    return len(words) <= 2 and after is not None and not _definite_word(first.text) and not (
        any(VERB_SHAPE.match(t.text) for t in words)) and not ends_in_pronoun(
        document.view.text_of(first.start, first.end)) and (
        after.text in "،,:" or lexicon.is_complementizer(after.text)
        or after.text in lexicon.prepositions or after.text in lexicon.function_nouns)


def _in_apposition(document: Document, quote: QuoteCandidate, words: list[Token],
                   lexicon: Lexicon) -> bool:
    """A noun and its nisba adjective before the span: الفيلم المصري "ريش", مولوده الثاني.

    The quoted span is the noun's name in apposition, unless it is shaped like a verb or a
    speech verb stands just before the noun (وقال الرئيس التنفيذي "...": the speech).
    """
    before = previous_tokens(document, quote, 3)
    if len(before) < 2 or any(VERB_SHAPE.match(t.text) for t in words) or (
            len(before) == 3 and _verb_form(before[0].text, lexicon)):
        return False
    noun, adjective = before[-2], before[-1].text
    return adjective.startswith("ال") and len(adjective) > 4 and adjective.endswith(
        ("ي", "يه")) and (noun.text.startswith("ال") or ends_in_pronoun(
            document.view.text_of(noun.start, noun.end)))


def _indefinite_noun(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """``token`` reads as an indefinite noun that may head a construct (فضائية، ساحة).

    Not a function word or a noun working as a preposition (إزاء، بعد), not a verb by its
    shape (`arquotes.patterns.VERB_SHAPE`), not an accusative (-ا, an object
    whose adjective is quoted) nor a plural in -ون (موثقون "بالأسماء"), not a word with a
    pronoun, not a name. The quoted span itself starts with the article, with no preposition.
    """
    word = token.text
    bare = word[1:] if len(word) > 3 and word[0] in "وف" else word
    if len(bare) < 3 or not bare.isalpha() or _definite_word(word):
        return False
    if any(v in lexicon.function_nouns or v in lexicon.prepositions or v in lexicon.cues
           or lexicon.is_complementizer(v) or v in lexicon.negations
           for v in token_variants(word)):
        return False
    if VERB_SHAPE.match(word) or bare.endswith(("ا", "ون")):
        return False
    return not ends_in_pronoun(document.view.text_of(token.start, token.end)) and not (
        is_name_unit(bare, unambiguous=True))


def _definite_word(word: str) -> bool:
    """The article alone (الـ) or a word carrying it, after any clitics."""
    return word == "ال" or any(v.startswith("ال") for v in token_variants(word))


_LATIN_TERM_WORDS = 2


def _latin_term(document: Document, quote: QuoteCandidate) -> bool:
    """The span is one or two words of Latin script (a term or name, not a sentence)."""
    text = document.text[quote.start : quote.end].strip()
    return bool(text) and text.isascii() and any(c.isalpha() for c in text) and (
        len(text.split()) <= _LATIN_TERM_WORDS)


def _coordinated_quote(document: Document, quote: QuoteCandidate, previous: list[Token],
                       after: Token | None) -> bool:
    """The span is joined by و to another quoted span, before or after it."""
    if after is not None and after.text == "و" and quote.close is not None:
        following = document.tokens(after.end, after.end + 2, 1)
        if following and not following[0].is_word:
            return True
    return len(previous) == 2 and previous[-1].text == "و" and not previous[0].is_word


def _spelled_as_name(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """A given name that folds like a function word, spelled as the name (علي, not على)."""
    return (lexicon.male_names.exact(token.text) or lexicon.female_names.exact(token.text)) and (
        strip_marks(document.view.text_of(token.start, token.end)) not in lexicon.not_names)


def _source_form(word: str, lexicon: Lexicon) -> bool:
    """A one-word source phrase (بحسب، وفق، وفقا لـ), clitics aside."""
    return any(v in lexicon.cues and lexicon.cues[v].kind == "source"
               for v in token_variants(word))


def _verb_form(word: str, lexicon: Lexicon) -> bool:
    """A cue verb form (قال، وأكدت), clitics aside."""
    return any(v in lexicon.cues and lexicon.cues[v].kind == "verb"
               for v in token_variants(word))


def _speaker_follows(document: Document, quote: QuoteCandidate, lexicon: Lexicon) -> bool:
    """After the closing mark comes what follows a subject.

    A complementizer, or a comma and a role in apposition (، مديرة المبيعات، إن).
    """
    if quote.close is None:
        return False
    _, p_end = document.paragraph_at(quote.open)
    after = document.tokens(quote.close + 1, p_end, 2)
    if not after:
        return False
    if lexicon.is_complementizer(after[0].text):
        return True
    return len(after) == 2 and after[0].text in "،," and after[1].text in lexicon.roles


def _introduces_content(document: Document, quote: QuoteCandidate, lexicon: Lexicon) -> bool:
    """A complementizer or a colon follows the closing mark: the speech comes after."""
    after = next_token(document, quote)
    if after is not None and after.text in "،," and quote.close is not None:
        # لـ"إرم نيوز"، إن: a comma may stand between the outlet and the speech
        _, p_end = document.paragraph_at(quote.open)
        following = document.tokens(after.end, p_end, 1)
        after = following[0] if following else None
    return after is not None and (after.text == ":" or lexicon.is_complementizer(after.text))


def runs_to_clause_end(document: Document, quote: QuoteCandidate, cue_starts: set[int]) -> bool:
    """Nothing of the clause follows the closing mark: punctuation, a cue or the end."""
    after = next_token(document, quote)
    if after is None:
        return True
    return after.text in _CLAUSE_END or after.start in cue_starts or (
        not after.is_word and after.text != "(")


def quote_kind(
    document: Document,
    quote: QuoteCandidate,
    lexicon: Lexicon,
    *,
    cue_starts: set[int],
    introduced: bool,
    cue_after: bool,
    that_distance: int | None,
) -> QuoteKind:
    """DIRECT or MIXED (see module docstring).

    ``introduced``: a cue takes this quote as its quotation complement. ``cue_after``: a cue
    follows the quote ("..."، قال). ``that_distance``: words between the governing cue's
    complementizer and the quote, when that cue took a complementizer.
    """
    if quote.continuation:
        return QuoteKind.DIRECT
    if not runs_to_clause_end(document, quote, cue_starts):
        return QuoteKind.MIXED
    before = previous_tokens(document, quote, 1)
    if before and before[-1].text == ":":
        return QuoteKind.DIRECT
    words = len(_word_tokens(document, quote))
    if words < _UTTERANCE_WORDS:
        return QuoteKind.MIXED
    if introduced or cue_after:
        return QuoteKind.DIRECT
    if before and lexicon.is_complementizer(before[-1].text):
        return QuoteKind.DIRECT
    if that_distance is not None and that_distance <= 3:
        return QuoteKind.DIRECT
    if not before and words >= 4:
        return QuoteKind.DIRECT
    return QuoteKind.MIXED
