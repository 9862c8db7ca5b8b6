r"""Every compiled pattern arquotes uses, built here and nowhere else.

Rules for editing this module:

* Patterns run on the FOLDED text (`arquotes.normalize`): no diacritics or tatweel, one alef,
  ي for ى, ه for ة, ء for ؤ/ئ. Write literals folded.
* Verbose mode everywhere; escape intentional spaces; comment every alternative.
* No nested quantifiers over overlapping classes: every pattern is a single left-to-right pass
  whose cost is linear in the input, whatever it holds (runs of marks, cues, diacritics).
* Word boundaries are lookarounds on letters and digits, because ``\\b`` treats Arabic
  combining marks inconsistently and the folded text has none anyway.
* Every pattern is a `regex` pattern, the reference definition. The whole-text scans also have
  a stdlib twin, which the stdlib engine runs several times faster: the cue scan (`Patterns.cues`
  keeps its results exactly those of the `regex` cue pattern) and the ``*_STDLIB`` patterns,
  used only on a text `stdlib_reads_alike` (whose every character both engines classify alike).
  A twin is the reference with its classes spelled in stdlib terms (`_CLASS_TWINS`).
* A pattern of literal characters only (no ``\\s``, ``\\d``, letter or word class) reads every
  text alike in both engines: it is a stdlib pattern alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import chain

import regex

from arquotes.lexicon import ATTACHED_PRONOUNS, Lexicon

__all__ = [
    "GLUED_DATELINE",
    "GLUED_DATELINE_STDLIB",
    "GLUED_DATELINE_UNSEEN",
    "PARAGRAPH_BREAK",
    "PARTICIPLE_SHAPE",
    "SENTENCE_END",
    "SENTENCE_END_BEFORE",
    "SENTENCE_END_STDLIB",
    "TOKEN",
    "TOKEN_STDLIB",
    "VERB_SHAPE",
    "CueMatch",
    "Patterns",
    "compile_patterns",
    "stdlib_reads_alike",
    "trie_pattern",
]

FLAGS = regex.VERBOSE | regex.V1

# The engines. `regex` and the stdlib `re` read a character class by different Unicode data:
# `regex` knows a newer Unicode version (letters and digits `re` takes for punctuation), and
# their classes differ by definition on a few characters (`re` counts ``_`` a word character
# and U+001C to U+001F white space). A stdlib twin spells each class of its reference so that
# the definitions agree (`_CLASS_TWINS`, reference then twin); the Unicode data can still
# disagree, character by character, and `stdlib_reads_alike` says whether a text holds any
# character they disagree on. Where it holds none, twin and reference find the same matches.
_CLASS_TWINS: tuple[tuple[regex.Pattern[str], re.Pattern[str]], ...] = (
    (regex.compile(r"[\p{L}\p{N}]", FLAGS), re.compile(r"[^\W_]")),    # letter or digit
    (regex.compile(r"\s", FLAGS), re.compile(r"[^\S\x1c-\x1f]")),       # white space
)
# The twins' spellings of the reference classes, for the stdlib patterns below.
_STDLIB_LETTER_OR_DIGIT = r"[^\W_]"               # [\p{L}\p{N}]
_STDLIB_SPACE = r"[^\S\x1c-\x1f]"                 # \s
_STDLIB_OTHER = r"(?: [^\w\s] | [_\x1c-\x1f] )"   # [^\s\p{L}\p{N}]: not a space, letter or digit
# Characters checked once, on first use: every script news text is written in (U+0000 to
# U+2FFF) and the presentation forms and specials (U+FB00 to U+FFFF). A text holding none of
# the disputed ones among them, nor any character outside them, reads alike; one outside them
# is checked the first time a text holds it.
_CHECKED_RANGES = (range(0x3000), range(0xFB00, 0x10000))
_VERDICTS: dict[str, bool] = {}
"""Character outside `_CHECKED_RANGES` -> whether both engines read it alike (cleared when
it grows past `_MAX_VERDICTS`, so memory stays bounded whatever the texts hold)."""
_MAX_VERDICTS = 1 << 16


def _disputed(chars: str) -> set[str]:
    """The characters of ``chars`` that some class and its twin classify differently."""
    found: set[str] = set()
    for reference, twin in _CLASS_TWINS:
        found |= set(reference.findall(chars)) ^ set(twin.findall(chars))
    return found


@cache
def _suspects() -> re.Pattern[str]:
    """Any character not checked alike in advance: a disputed one, or one outside the ranges."""
    checked = "".join(chr(code) for code in chain.from_iterable(_CHECKED_RANGES))
    disputed = "".join(re.escape(char) for char in sorted(_disputed(checked)))
    return re.compile(
        rf"""
          {f"[{disputed}]" if disputed else "(?!)"}       # read differently by the engines
        | [\u3000-\ufaff\U00010000-\U0010ffff]   # not checked in advance
        """,
        re.VERBOSE,
    )


def stdlib_reads_alike(text: str) -> bool:
    """Whether both engines classify every character of ``text`` alike (see `_CLASS_TWINS`).

    Exact, not a guess: one stdlib scan finds the characters not known alike in advance,
    and each distinct one is checked with both engines, once (the verdict is kept). A
    `Document` asks once and hands its answer to the cue scan.
    """
    suspects = _suspects().findall(text)
    if not suspects:
        return True
    verdicts = _VERDICTS
    known = {char: verdicts.get(char) for char in set(suspects)}
    unknown = "".join(char for char, verdict in known.items() if verdict is None)
    if unknown:
        disputed = _disputed(unknown)
        if len(verdicts) + len(unknown) > _MAX_VERDICTS:
            verdicts.clear()
        for char in unknown:
            known[char] = verdicts[char] = char not in disputed
    return all(known.values())


# A paragraph ends at any line break (CRLF counts once). Literal characters only.
# One class first: the engine then looks for its characters alone, where an alternation
# (\r\n | [...]) would have it try a match at every position of the text.
PARAGRAPH_BREAK = re.compile(
    r"""
    [\n\r\u2028\u2029\x0b\x0c\x85]           # any line or paragraph separator
    (?: (?<=\r) \n )?                        # CRLF is one break
    """,
    re.VERBOSE,
)

# What `str.splitlines` breaks on that PARAGRAPH_BREAK does not: file, group and record
# separators.
_SPLITLINES_ALSO = "\x1c\x1d\x1e"
_LINE_ENDS = "\n\r\u2028\u2029\x0b\x0c\x85"


def line_breaks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every PARAGRAPH_BREAK of ``text``, in order.

    `str.splitlines` finds the same breaks (CRLF once) far faster than a pattern scans for
    a class of characters, when the text holds none of `_SPLITLINES_ALSO`; else the
    pattern does.
    """
    if any(separator in text for separator in _SPLITLINES_ALSO):
        return [match.span() for match in PARAGRAPH_BREAK.finditer(text)]
    breaks: list[tuple[int, int]] = []
    end = 0
    for line in text.splitlines(keepends=True):
        end += len(line)
        if line.endswith("\r\n"):
            breaks.append((end - 2, end))
        elif line[-1] in _LINE_ENDS:  # not the last line, when no break ends the text
            breaks.append((end - 1, end))
    return breaks


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
# The stdlib twin of SENTENCE_END. One class first, so that the engine looks for its
# characters alone (it would try a match at every position of an alternation).
SENTENCE_END_STDLIB = re.compile(
    rf"""
    [.!?؟]                                  # a full stop, question or exclamation mark
    (?<! \.\. )                             # a full stop only alone: not ..
    (?! (?<=\.) (?: \. | {_STDLIB_LETTER_OR_DIGIT} ) )  # nor 1.5 nor أ.ب nor ..
    """,
    re.VERBOSE,
)

_SENTENCE_MARKS = "!?؟."


def sentence_ends_stdlib(text: str) -> list[int]:
    """Offsets of the matches of SENTENCE_END_STDLIB in ``text``, in order.

    Each match is its one mark, so the matches are the marks at which the pattern matches:
    `str.find` goes from mark to mark far faster than the pattern scans for its class.
    """
    found: list[int] = []
    match = SENTENCE_END_STDLIB.match
    for mark in _SENTENCE_MARKS:
        at = text.find(mark)
        while at >= 0:
            if match(text, at) is not None:
                found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


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
# What every glued dateline ends with, a closing parenthesis and a dash with at most one
# character between them (any character: more than either engine's \s allows). A text
# without it holds no glued dateline, and the scan for them is skipped: a literal first
# character, which the engine finds fast.
GLUED_DATELINE_TAIL = re.compile(r"\) .? [–—-]", re.VERBOSE | re.DOTALL)
# The stdlib twin of GLUED_DATELINE finds candidates: the same shape with a letter or digit
# wherever GLUED_DATELINE wants a letter or a digit, so a superset of its places (letters
# alone are no stdlib class). `GLUED_DATELINE.match` at a candidate says whether it is one.
# It starts with one class (see SENTENCE_END_STDLIB), which leaves out the punctuation of
# `GLUED_DATELINE_UNSEEN`: a text holding one is scanned with GLUED_DATELINE.
GLUED_DATELINE_UNSEEN = "_\x1c\x1d\x1e\x1f"
GLUED_DATELINE_STDLIB = re.compile(
    rf"""
    [^\w\s]                                 # punctuation, with no space before the place
    (?= {_STDLIB_LETTER_OR_DIGIT}{{2,}}     # the place
        (?: \x20 {_STDLIB_LETTER_OR_DIGIT}{{2,}} )? {_STDLIB_SPACE}?
        (?: [–—-] {_STDLIB_SPACE}?          # – 26 – 10
            {_STDLIB_LETTER_OR_DIGIT}{{1,4}} {_STDLIB_SPACE}? ){{0,3}}
        \( {_STDLIB_LETTER_OR_DIGIT} (?: {_STDLIB_LETTER_OR_DIGIT} | \x20 ){{0,24}} \)   # (كونا)
        {_STDLIB_SPACE}?
        [–—-]                               # the dash before the story
    )
    """,
    re.VERBOSE,
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
# The stdlib twin of TOKEN.
TOKEN_STDLIB = re.compile(
    rf"""
      {_STDLIB_LETTER_OR_DIGIT}+   # a word or a number
    | {_STDLIB_OTHER}              # one punctuation mark or symbol
    """,
    re.VERBOSE,
)


def tokens_stdlib(text: str) -> tuple[list[int], list[int], list[str]]:
    r"""Start offset, end offset and text of every TOKEN_STDLIB token of ``text``, in order.

    What ``TOKEN_STDLIB.finditer`` finds, without a match object per token: no token holds
    a space (U+0020), and TOKEN looks at nothing around a token, so each piece between
    spaces reads alone as it reads in the text. A piece all letters and digits is one token
    (`str.isalnum` asks, character by character, exactly what ``[^\W_]`` asks), and the
    piece is its text. A piece with no white space or control character
    (`str.isprintable`) is tiled by its tokens, whose texts are enough; any other (a line
    break, another white space, a separator U+001C to U+001F) is scanned for offsets.
    """
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    start = 0
    for piece in text.split(" "):
        end = start + len(piece)
        if piece.isalnum():
            starts.append(start)
            ends.append(end)
            words.append(piece)
        elif piece.isprintable():
            # No white space or control inside: its tokens (runs of letters and digits,
            # single marks) tile the piece, and each starts where the one before ends.
            at = start
            for token in TOKEN_STDLIB.findall(piece):
                starts.append(at)
                at += len(token)
                ends.append(at)
                words.append(token)
        elif piece:
            for match in TOKEN_STDLIB.finditer(text, start, end):
                starts.append(match.start())
                ends.append(match.end())
                words.append(match.group())
        start = end + 1
    return starts, ends, words


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


class Patterns:
    """The lexicon-dependent patterns of one `Lexicon`.

    A plain class rather than an attrs class, so that the compiled build (mypyc) makes it a
    native class and runs `cues` natively; equality, hash and repr are attrs' (by fields).
    """

    __slots__ = ("apostrophes", "cue", "cue_scan", "cue_words", "lead_word", "mark",
                 "mark_family")

    cue: regex.Pattern[str]
    """Any cue form, with optional leading و/ف and, on verbs, an object pronoun."""
    cue_scan: re.Pattern[str]
    """The same pattern for the stdlib engine, which walks a large literal trie several
    times faster than `regex`; its word boundaries are checked again by `cues`."""
    mark: regex.Pattern[str]
    """Any quotation mark."""
    mark_family: dict[str, tuple[str, str]]
    """mark character -> (family, role) with role "open", "close" or "either"."""
    apostrophes: frozenset[str]
    """Marks that are apostrophes between two letters or digits (O'Brien)."""
    lead_word: regex.Pattern[str]
    """A complementizer (أن، بأنه): quoted words may follow it, as they follow a cue."""
    cue_words: frozenset[str] | None
    """Every word a match of `cue` can start with (`cue_words`), or None: then `cues`
    scans the whole text for them."""

    def __init__(self, *, cue: regex.Pattern[str], cue_scan: re.Pattern[str],
                 mark: regex.Pattern[str], mark_family: dict[str, tuple[str, str]],
                 apostrophes: frozenset[str] = frozenset(),
                 lead_word: regex.Pattern[str] | None = None,
                 cue_words: frozenset[str] | None = None) -> None:
        """The patterns; ``lead_word`` defaults to one that matches nothing."""
        self.cue = cue
        self.cue_scan = cue_scan
        self.mark = mark
        self.mark_family = mark_family
        self.apostrophes = apostrophes
        self.lead_word = _lead_word(()) if lead_word is None else lead_word
        self.cue_words = cue_words

    def _fields(self) -> tuple[object, ...]:
        return (self.cue, self.cue_scan, self.mark, self.mark_family, self.apostrophes,
                self.lead_word, self.cue_words)

    def __eq__(self, other: object) -> bool:
        """Equal when every field is."""
        if not isinstance(other, Patterns):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        """Hash of the fields, as equality (a TypeError, as attrs gives: a dict is a field)."""
        return hash(self._fields())

    def __repr__(self) -> str:
        """As attrs would write it."""
        return (f"Patterns(cue={self.cue!r}, cue_scan={self.cue_scan!r}, mark={self.mark!r}, "
                f"mark_family={self.mark_family!r}, apostrophes={self.apostrophes!r}, "
                f"lead_word={self.lead_word!r})")

    def cues(self, text: str, *, reads_alike: bool | None = None,
             tokens: tuple[Sequence[int], Sequence[str]] | None = None) -> Iterator[CueMatch]:
        """The matches of `cue` in ``text``, exactly as ``cue.finditer(text)`` finds them.

        On a text `stdlib_reads_alike`, the matches of `cue_scan` are those of `cue`: the same
        trie, the same order of alternatives, word boundaries that agree. Given the text's
        tokens (``tokens``: their starts and texts, `Document.token_words`), `cue_scan` is
        tried only at the words in `cue_words`, the only places a match can start; without
        them it scans the whole text. Otherwise its engine may not know a letter `regex`
        knows, which may sit at a word boundary the scan accepts; there `cue` itself decides,
        at that position, and the scan goes on from whatever it decides. ``reads_alike`` is
        the text's verdict when the caller has it already (`Document.reads_alike`).
        """
        if stdlib_reads_alike(text) if reads_alike is None else reads_alike:
            words = self.cue_words
            if tokens is None or words is None:
                yield from self.cue_scan.finditer(text)
                return
            match = self.cue_scan.match
            reached = 0
            starts, texts = tokens
            for start, token in zip(starts, texts, strict=True):
                if start >= reached and token in words:
                    found = match(text, start)
                    if found is not None:
                        reached = found.end()
                        yield found
            return
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
                    lead_word=_lead_word(lexicon.complementizers),
                    cue_words=cue_words(lexicon.cues))


def cue_words(forms: Iterable[str]) -> frozenset[str] | None:
    """Every word a cue match can start with, or None when the forms do not allow the list.

    A match starts at a word start and ends at a word end, and a form is letters, digits
    and spaces: so the word (token) a match starts on is, whole, a one-word form with its
    optional clitic and pronoun, or the first word of a longer form with its clitic. A form
    holding any other character (a user's "x-y") could start a match inside a token: None.
    """
    words: set[str] = set()
    for form in forms:
        parts = form.split(" ")
        if not all(part.isalnum() for part in parts):
            return None
        endings = ("", *ATTACHED_PRONOUNS) if len(parts) == 1 else ("",)
        for clitic in ("", *_CLITICS):
            for ending in endings:
                words.add(clitic + parts[0] + ending)
    return frozenset(words)


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
