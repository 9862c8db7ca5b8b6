r"""Every compiled pattern arquotes uses, built here and nowhere else.

Rules for editing this module:

* Patterns run on the FOLDED text (`arquotes.normalize`): no diacritics or tatweel, one alef,
  ي for ى, ه for ة, ء for ؤ/ئ. Write literals folded.
* Verbose mode everywhere; escape intentional spaces; comment every alternative.
* No nested quantifiers over overlapping classes: every pattern is a single left-to-right pass
  whose cost is linear in the input, whatever it holds (runs of marks, cues, diacritics).
* Word boundaries are lookarounds on letters and digits, because ``\\b`` treats Arabic
  combining marks inconsistently and the folded text has none anyway.
* Every pattern is a `regex` pattern, except the cue scan, which the stdlib engine runs several
  times faster; `Patterns.cues` keeps its results exactly those of the `regex` cue pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import attrs
import regex

from arquotes.lexicon import ATTACHED_PRONOUNS, Lexicon

__all__ = [
    "GLUED_DATELINE",
    "PARAGRAPH_BREAK",
    "PARTICIPLE_SHAPE",
    "SENTENCE_END",
    "SENTENCE_END_BEFORE",
    "TOKEN",
    "VERB_SHAPE",
    "CueMatch",
    "Patterns",
    "compile_patterns",
    "trie_pattern",
]

FLAGS = regex.VERBOSE | regex.V1

# A paragraph ends at any line break (CRLF counts once).
PARAGRAPH_BREAK = regex.compile(r"\r\n | [\n\r\u2028\u2029\x0b\x0c\x85]", FLAGS)

# The end of a sentence: ! ? ؟ always; a full stop only alone (not an ellipsis "..",
# not inside a number "1.5" or an abbreviation "أ.ب") and followed by a non-letter. A number
# may end a sentence: "... إلى 30." and "... عام 2025." end there.
_SENTENCE_END = r"""
      [!?؟]                                   # question and exclamation marks
    | (?<!\.) \. (?![.\p{L}\p{N}])            # a single full stop, not 1.5 nor أ.ب nor ..
"""
SENTENCE_END = regex.compile(_SENTENCE_END, FLAGS)
# The same, searched right to left, to find where the sentence around a position starts.
SENTENCE_END_BEFORE = regex.compile(_SENTENCE_END, FLAGS | regex.REVERSE)

# A dateline glued to the punctuation before it, where a page ran a headline into the body:
# ...في (الفاشر)الخرطوم – 26 – 10 (كونا) — أعلنت ... A place (one or two words), an optional
# date in numbers, an agency in parentheses and a dash: a new sentence starts at the place,
# one character after the match's start. The match takes the punctuation mark itself rather
# than looking behind for it: the engine then looks for one character class, several times
# faster than trying a lookbehind at every position, and finds the same places (a place
# starts with a letter, so no match can start where the one before ended).
GLUED_DATELINE = regex.compile(
    r"""
    [^\s\p{L}\p{N}]                         # punctuation, with no space before the place
    (?= \p{L}{2,} (?: \x20 \p{L}{2,} )? \s?  # the place
        (?: [–—-] \s? \d{1,4} \s? ){0,3}      # – 26 – 10
        \( \p{L}[\p{L}\x20]{0,24} \) \s?     # (كونا)
        [–—-]                               # the dash before the story
    )
    """,
    FLAGS,
)

# A word shaped like an accusative participle, the narrator's circumstantial clause (حال)
# after a comma: ، موجها الشكر ...، تاركا الباب ... The -ا is the written accusative of the
# masculine singular; feminine and plural forms look like nouns and are left alone.
PARTICIPLE_SHAPE = regex.compile(
    r"""
    ^ (?:
        م [^ا] \p{L}{2,5}   # mufaʿʿil, mutafaʿʿil, mustafʿil: موجها، متجاهلا، مستغربا
                            # (never ما-: ماركوفا، ماريا are names)
      | \p{L} ا \p{L}{2}    # faaʿil: تاركا، رافضا
    ) ا $                   # the accusative alef
    """,
    FLAGS,
)

# A folded word shaped like a verb: a present prefix (يقول، تتخذ، سيعقد، ستواصل, after an
# optional و/ف), or a past ending (-وا of the plural, -ت of the feminine but not plural -ات).
VERB_SHAPE = regex.compile(
    r"""
      ^ [وف]? (?: ي | تت | سي | ست ) \p{L}{2,} $    # present tense, with or without a clitic
    | ^ \p{L}{2,} (?: وا | [^ا]ت ) $               # فعلوا، فعلت (not the plural -ات)
    """,
    FLAGS,
)

# A token: a run of letters and digits (a word or number), or one other non-space symbol.
TOKEN = regex.compile(
    r"""
      [\p{L}\p{N}]+        # a word or a number (the folded text has no combining marks)
    | [^\s\p{L}\p{N}]      # one punctuation mark or symbol
    """,
    FLAGS,
)


# One letter or digit: what a word boundary of the cue pattern looks at.
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]", FLAGS)
# Leading conjunctions of the cue pattern; its trailing object pronouns are ATTACHED_PRONOUNS.
_CLITICS = ("و", "ف")
# A run of spaces inside a multi-word cue form, as `regex` reads ``\s``. The stdlib engine's
# ``\s`` also takes the separators U+001C to U+001F, which are not white space for `regex`.
_SPACE_RUN_REGEX = r"\s+"
_SPACE_RUN_STDLIB = r"[^\S\x1c-\x1f]+"


def trie_pattern(words: Iterable[str], space: str = _SPACE_RUN_REGEX) -> str:
    """A regex alternation of ``words`` factored into a trie, so matching is a walk.

    Plain alternations of hundreds of verb forms retry every branch at every position; the
    trie shares prefixes (قال، قالت، قالوا -> قال(?:ت|وا)?), so a position that cannot start
    a cue fails on its first character. A space in a word matches ``space``, a run of spaces.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie, space)


_Trie = dict[str, "_Trie"]


def _trie_to_regex(node: _Trie, space: str) -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        atom = space if char == " " else regex.escape(char)
        branches.append(atom + _trie_to_regex(node[char], space))
    if not branches:
        return ""
    if len(branches) == 1:
        return f"(?:{branches[0]})?" if ends_here else branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


CueMatch = re.Match[str] | regex.Match[str]
"""A match of the cue pattern, from either engine: groups ``clitic``, ``form``, ``object``."""


@attrs.frozen
class Patterns:
    """The lexicon-dependent patterns of one `Lexicon`."""

    cue: regex.Pattern[str]
    """Any cue form, with optional leading و/ف and, on verbs, an object pronoun."""
    cue_scan: re.Pattern[str]
    """The same pattern for the stdlib engine, which walks a large literal trie several
    times faster than `regex`; its word boundaries are checked again by `cues`."""
    mark: regex.Pattern[str]
    """Any quotation mark."""
    mark_family: dict[str, tuple[str, str]]
    """mark character -> (family, role) with role "open", "close" or "either"."""
    apostrophes: frozenset[str] = frozenset()
    """Marks that are apostrophes between two letters or digits (O'Brien)."""
    lead_word: regex.Pattern[str] = attrs.field(factory=lambda: _lead_word(()))
    """A complementizer (أن، بأنه): quoted words may follow it, as they follow a cue."""

    def cues(self, text: str) -> Iterator[CueMatch]:
        """The matches of `cue` in ``text``, exactly as ``cue.finditer(text)`` finds them.

        `cue_scan` finds them in one pass. Its engine knows the letters of an older Unicode
        version than `regex`, so a letter it does not know may sit at a word boundary it
        accepts; there `cue` itself decides, at that position, and the scan goes on from
        whatever it decides. Every other match is the one `cue` finds, by construction: the
        same trie, the same order of alternatives, word boundaries that accept a superset.
        """
        scan, cue, disputed = self.cue_scan.finditer, self.cue.match, _LETTER_OR_DIGIT.search
        pos: int | None = 0
        while pos is not None:
            resume, pos = pos, None
            for found in scan(text, resume):
                start, end = found.span()
                # The scan has refused letters and digits it knows on either side; one it
                # does not know is the only thing `regex` could still call a letter there.
                if disputed(text[start - 1 : start] + text[end : end + 1]) is None:
                    yield found
                    continue
                checked = cue(text, start)
                if checked is not None:
                    yield checked
                pos = start + 1 if checked is None else checked.end()
                break


@cache
def compile_patterns(lexicon: Lexicon) -> Patterns:
    """Build the lexicon's patterns (cached per lexicon)."""
    cue = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])           # starts a word
        (?P<clitic>[{"".join(_CLITICS)}])?              # conjunction clitic: وقال، فقال
        (?P<form>{trie_pattern(lexicon.cues)})
        (?P<object>{"|".join(ATTACHED_PRONOUNS)})?  # object pronoun: ينفيه، وصفته، يصفها
        (?![\p{{L}}\p{{N}}])            # ends a word
        """,
        FLAGS,
    )
    cue_scan = re.compile(
        rf"""
        (?<![^\W_])                      # starts a word: no letter or digit before
        (?P<clitic>[{"".join(_CLITICS)}])?
        (?P<form>{trie_pattern(lexicon.cues, _SPACE_RUN_STDLIB)})
        (?P<object>{"|".join(ATTACHED_PRONOUNS)})?
        (?![^\W_])                       # ends a word: no letter or digit after
        """,
        re.VERBOSE,
    )
    family_of: dict[str, tuple[str, str]] = {}
    for family, roles in lexicon.marks.items():
        for role, chars in roles.items():
            for char in chars:
                family_of[char] = (family, role)
    mark = regex.compile("[" + "".join(regex.escape(c) for c in family_of) + "]", FLAGS)
    return Patterns(cue=cue, cue_scan=cue_scan, mark=mark, mark_family=family_of,
                    apostrophes=lexicon.apostrophes,
                    lead_word=_lead_word(lexicon.complementizers))


def _lead_word(words: Iterable[str]) -> regex.Pattern[str]:
    """Quotation pairing: one complementizer as a whole word (matched with fullmatch)."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])           # starts a word
        (?:{trie_pattern(words) or "(?!)"})  # أن، بأن، أنه ... (nothing when the list is empty)
        (?![\p{{L}}\p{{N}}])            # ends a word
        """,
        FLAGS,
    )


# Questions put to a speaker (cues.py): وعندما سئل إن كان يعتقد أن ...، قال. The question
# runs from the word that asks it to the first punctuation mark; a cue inside it is the
# question's verb, not the speaker's report.
QUESTION_END = regex.compile(
    r"""
      [،,:;؛]                                   # a comma, colon or semicolon closes it
    | [!?؟.]                                    # so does a sentence end
    """,
    FLAGS,
)


@cache
def question_pattern(lexicon: Lexicon) -> regex.Pattern[str]:
    """Any word of ``lexicon.question_words`` (سئل، سؤال، سؤاله), with an optional و/ف/ل/ب."""
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])           # starts a word
        [وف]?[لب]?                       # clitics: وعندما سئل، ولدى سؤاله، بسؤاله
        (?:{trie_pattern(lexicon.question_words) or "(?!)"})  # nothing when none are listed
        (?![\p{{L}}\p{{N}}])            # ends a word
        """,
        FLAGS,
    )
