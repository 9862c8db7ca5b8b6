"""Hypothesis strategies for arquotes: Arabic-news-like text, and the marks folding deletes.

`news_text` builds text from the words the pipeline reacts to (cue verbs, complementizers,
roles, names, quotation marks, colons, line breaks) mixed with random Arabic words, so random
examples reach deep into the pipeline instead of stopping at "no cue found".
`with_marks` inserts diacritics, tatweel and format controls after Arabic letters only: a
combining mark after a space or a quotation mark would be a different text, not a variant.
"""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st

from arquotes.lexicon import WordSet, default_lexicon

__all__ = ["DELETABLE", "arabic_words", "lexicon_sentence", "news_text", "with_marks"]

# Every character the folded view deletes (arquotes.normalize): harakat and Quranic marks,
# superscript alef, tatweel, and the invisible format controls.
DELETABLE = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u0640", "\u00ad", "\ufeff"]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ىیکۀ"

_VOCABULARY = (
    # cue verbs and participles, with clitics
    "قال", "وقال", "وقالت", "فقال", "أكد", "وأكد", "أكدت", "وأضاف", "وأضافت", "مؤكدا",
    "مشيرا", "أشار", "أعلن", "نفى", "حذر", "يقول", "قائلا", "وتابع", "اعتبر", "لفت",
    # complementizers, prepositions, negations, auxiliaries
    "أن", "إن", "بأن", "إلى", "على", "من", "لم", "وكان", "لكنه", "ما", "وهو",
    # source phrases
    "بحسب", "حسبما", "وفقا", "نقلا عن", "نقلت",
    # speakers: roles, names, bodies, unnamed sources
    "الوزير", "المتحدث باسم الكرملين", "ديمتري بيسكوف", "بيسكوف", "الرئيس", "وزارة الخارجية",
    "الكرملين", "مصدر", "مسؤول", "الأمم المتحدة", "فلاديمير بوتين", "كارين جان بيير",
    "وكالة", "فرانس برس", "للصحفيين", "في بيان", "الولايات المتحدة", "علي",
    # content words
    "الأمر", "جيد", "الاتفاق", "بات", "وشيكا", "الحوار", "نحن", "مستعدون",
)

_PUNCTUATION = (
    "«", "»", '"', "“", "”", "„", "‘", "’", ":", ".", "،", ",", "!", "؟", "؛", "(", ")", "-",
    "\n", "\n\n", "\r\n", "...", "1.5",
)


def arabic_words() -> st.SearchStrategy[str]:
    """Random Arabic words of one to eight letters."""
    return st.text(alphabet=_ARABIC_LETTERS, min_size=1, max_size=8)


def _piece() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(_VOCABULARY),
        st.sampled_from(_PUNCTUATION),
        arabic_words(),
    )


@st.composite
def news_text(draw: st.DrawFn, max_pieces: int = 60) -> str:
    """Arabic-news-like text: vocabulary, punctuation and random words, mostly space-joined."""
    pieces = draw(st.lists(_piece(), max_size=max_pieces))
    separators = draw(st.lists(st.sampled_from([" ", " ", " ", "", "  "]),
                               min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, separators, strict=True))


@st.composite
def with_marks(draw: st.DrawFn, text: str) -> str:
    """``text`` with runs of deletable marks inserted after some of its Arabic letters."""
    out = []
    for char in text:
        out.append(char)
        if char in _ARABIC_LETTERS and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.text(alphabet=DELETABLE, min_size=1, max_size=3)))
    return "".join(out)


@cache
def _lexicon_words() -> tuple[tuple[str, ...], ...]:
    """The words the bundled lexicon reacts to, one tuple per kind.

    Cue forms (source phrases among them), complementizers, roles and honorifics, body and
    unnamed-source heads, name particles, claim terminators. Kinds are drawn alike, so a
    short example meets a complementizer as often as one of the many cue forms.
    """
    lexicon = default_lexicon()

    def listed(*sets: WordSet) -> tuple[str, ...]:
        words = {w for ws in sets for w in ws.words}
        words |= {" ".join(phrase) for ws in sets for phrase in ws.phrases}
        return tuple(sorted(words))

    return (
        tuple(sorted(lexicon.cues)),
        tuple(sorted(lexicon.complementizers)),
        listed(lexicon.roles, lexicon.honorifics),
        listed(lexicon.body_heads, lexicon.unnamed_heads),
        listed(lexicon.particles, lexicon.claim_terminators),
    )


_IN_SENTENCE = ("«", "»", '"', "“", "”", ":", "،", "(", ")")
"""Punctuation that never ends a sentence: repeated, a sentence of it stays one sentence."""


@st.composite
def lexicon_sentence(draw: st.DrawFn, max_pieces: int = 40, *,
                     one_sentence: bool = False) -> str:
    """A sentence from the lexicon's own words, marks and random words: shapes nobody wrote.

    The lexicon grows from data; drawing from it (not from a hand-picked vocabulary) makes
    every listed word meet every other and every mark in some example. ``one_sentence``
    leaves out the marks that end a sentence or a paragraph, so repeating the sentence makes
    one long sentence, where quadratic work would show.
    """
    marks = _IN_SENTENCE if one_sentence else _PUNCTUATION
    piece = st.one_of(*(st.sampled_from(kind) for kind in _lexicon_words()),
                      st.sampled_from(marks), arabic_words())
    pieces = draw(st.lists(piece, min_size=1, max_size=max_pieces))
    return " ".join(pieces)
