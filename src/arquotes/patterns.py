r"""Every compiled pattern arquotes uses, built here and nowhere else.

Rules for editing this module:

* Patterns run on the FOLDED text (`arquotes.normalize`): no diacritics or tatweel, one alef,
  ي for ى, ه for ة, ء for ؤ/ئ. Write literals folded.
* Verbose mode everywhere; escape intentional spaces; comment every alternative.
* No nested quantifiers over overlapping classes: every pattern is a single left-to-right pass
  whose cost is linear in the input, whatever it holds (runs of marks, cues, diacritics).
* Word boundaries are lookarounds on letters and digits, because ``\\b`` treats Arabic
  combining marks inconsistently and the folded text has none anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import attrs
import regex

from arquotes.lexicon import Lexicon

__all__ = [
    "PARAGRAPH_BREAK",
    "SENTENCE_END",
    "SENTENCE_END_BEFORE",
    "TOKEN",
    "Patterns",
    "compile_patterns",
    "trie_pattern",
]

FLAGS = regex.VERBOSE | regex.V1

# A paragraph ends at any line break (CRLF counts once).
PARAGRAPH_BREAK = regex.compile(r"\r\n | [\n\r\u2028\u2029\x0b\x0c\x85]", FLAGS)

# The end of a sentence: ! ? ؟ always; a full stop only alone (not an ellipsis "..",
# not inside a number "1.5" or an abbreviation "أ.ب") and followed by a non-letter.
_SENTENCE_END = r"""
      [!?؟]                                   # question and exclamation marks
    | (?<![.\p{N}]) \. (?![.\p{L}\p{N}])      # a single full stop, not 1.5 nor أ.ب nor ..
"""
SENTENCE_END = regex.compile(_SENTENCE_END, FLAGS)
# The same, searched right to left, to find where the sentence around a position starts.
SENTENCE_END_BEFORE = regex.compile(_SENTENCE_END, FLAGS | regex.REVERSE)

# A token: a run of letters and digits (a word or number), or one other non-space symbol.
TOKEN = regex.compile(
    r"""
      [\p{L}\p{N}]+        # a word or a number (the folded text has no combining marks)
    | [^\s\p{L}\p{N}]      # one punctuation mark or symbol
    """,
    FLAGS,
)


# A maximal run of letters and digits: the words cue matches start at (see `Patterns.cues`).
_WORD_RUN = regex.compile(r"[\p{L}\p{N}]+", FLAGS)
# Leading conjunctions and trailing object pronouns of the cue pattern, longest first.
_CLITICS = ("و", "ف")
_OBJECTS = ("هما", "هم", "ها", "ه")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored into a trie, so matching is a walk.

    Plain alternations of hundreds of verb forms retry every branch at every position; the
    trie shares prefixes (قال، قالت، قالوا -> قال(?:ت|وا)?), so a position that cannot start
    a cue fails on its first character. A space in a word matches any run of spaces.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie)


_Trie = dict[str, "_Trie"]


def _trie_to_regex(node: _Trie) -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        atom = r"\s+" if char == " " else regex.escape(char)
        branches.append(atom + _trie_to_regex(node[char]))
    if not branches:
        return ""
    if len(branches) == 1:
        return f"(?:{branches[0]})?" if ends_here else branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


@attrs.frozen
class Patterns:
    """The lexicon-dependent patterns of one `Lexicon`."""

    cue: regex.Pattern[str]
    """Any cue form, with optional leading و/ف and, on verbs, an object pronoun."""
    mark: regex.Pattern[str]
    """Any quotation mark."""
    mark_family: dict[str, tuple[str, str]]
    """mark character -> (family, role) with role "open", "close" or "either"."""
    cue_heads: frozenset[str] | None = None
    """Every word a cue match can start with (clitic, first word, object), or None when some
    cue does not start with a letter: then `cues` runs the pattern over the whole text."""

    def cues(self, text: str) -> Iterator[regex.Match[str]]:
        """The matches of `cue` in ``text``, exactly as ``cue.finditer(text)`` finds them.

        A cue match starts at a word and its first word is one of `cue_heads`, so the pattern
        is tried only there: a set lookup per word instead of the whole alternation at every
        position (the alternation alone costs many times a plain scan of the text).
        """
        if self.cue_heads is None:
            yield from self.cue.finditer(text)
            return
        heads, match_at = self.cue_heads, self.cue.match
        resume = 0
        for word in _WORD_RUN.finditer(text):
            if word.group() in heads and word.start() >= resume:
                found = match_at(text, word.start())
                if found is not None:
                    resume = found.end()
                    yield found


def _cue_heads(forms: Iterable[str]) -> frozenset[str] | None:
    """The words a cue match can start with (see `Patterns.cue_heads`)."""
    heads: set[str] = set()
    for form in forms:
        head = _WORD_RUN.match(form)
        if head is None:
            return None
        whole = head.end() == len(form)
        for clitic in ("", *_CLITICS):
            for suffix in ("", *_OBJECTS) if whole else ("",):
                heads.add(clitic + head.group() + suffix)
    return frozenset(heads)


@cache
def compile_patterns(lexicon: Lexicon) -> Patterns:
    """Build the lexicon's patterns (cached per lexicon)."""
    cue = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])           # starts a word
        (?P<clitic>[{"".join(_CLITICS)}])?              # conjunction clitic: وقال، فقال
        (?P<form>{trie_pattern(lexicon.cues)})
        (?P<object>{"|".join(_OBJECTS)})?       # object pronoun on a verb: ينفيه، وصفته، يصفها
        (?![\p{{L}}\p{{N}}])            # ends a word
        """,
        FLAGS,
    )
    family_of: dict[str, tuple[str, str]] = {}
    for family, roles in lexicon.marks.items():
        for role, chars in roles.items():
            for char in chars:
                family_of[char] = (family, role)
    mark = regex.compile("[" + "".join(regex.escape(c) for c in family_of) + "]", FLAGS)
    return Patterns(cue=cue, mark=mark, mark_family=family_of,
                    cue_heads=_cue_heads(lexicon.cues))
