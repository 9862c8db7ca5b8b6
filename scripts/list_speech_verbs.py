"""List the words that introduce reported speech in a corpus, to grow data/cues.toml.

A word counts as a candidate speech or stance verb where reported content follows it:

* ``that``  - a complementizer (أن، إن، بأن، أنه ... as data/cues.toml lists them) follows the
  word directly (وأضاف أن) or after the verb's subject (وقال الوزير إن): the word opens a
  clause (sentence start, after punctuation, or written with و/ف) and the complementizer
  comes within ``--reach`` words, with no punctuation between;
* ``colon`` - a colon and a quotation mark follow the word or its subject (وغرد الوزير: «);
* ``prep``  - the word opens a clause and a preposition-complement pair follows it within the
  reach (حث ... على، طمأن ... بأن): reported only with ``--preps``.

Words are folded like the text (arquotes.normalize) and grouped without their و/ف clitic.
Each line gives the count, the word, ``*`` when the lexicon already knows it as a cue form
and one example in context. Read the list by hand: many candidates are adverbs, nouns or
auxiliaries (أيضا، كان), which stay out of the lexicon.

Usage::

    python scripts/list_speech_verbs.py                      # tests/corpus + the wild corpus
    python scripts/list_speech_verbs.py --unknown --min 2    # only words not yet in the lexicon
    python scripts/list_speech_verbs.py --frame colon --limit 50
    python scripts/list_speech_verbs.py --preps tests/corpus/*.json
    python scripts/list_speech_verbs.py PATH...  # .json gold files, .jsonl corpora, directories
"""
# ruff: noqa: INP001  (a script run by path, not part of a package)

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import regex

from arquotes.lexicon import default_lexicon, token_variants
from arquotes.normalize import fold, fold_word

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT / "tests" / "corpus", ROOT / "benchmarks" / "wild" / "wild.jsonl"]
_TOKEN = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")
_MARKS = frozenset("\"“”«»‘’„'")
_STOP = frozenset(".!?؟،,;؛()[]-–—")
# Prepositions that a cue may govern after its object: حث X على، طمأن X بأن، أبلغ X أن.
_PREPS = frozenset({"على", "الى", "عن", "من"})


def texts(paths: list[Path]) -> Iterator[str]:
    """The article texts of gold files (.json), corpora (.jsonl) and directories of them."""
    for path in paths:
        if path.is_dir():
            yield from texts(sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl")))
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        yield json.loads(line)["text"]
        elif path.suffix == ".json":
            yield json.loads(path.read_text(encoding="utf-8"))["text"]


def _opens_clause(tokens: list[str], i: int) -> bool:
    """The word at ``i`` starts the text, follows punctuation or carries و/ف."""
    return i == 0 or tokens[i - 1] in _STOP or tokens[i - 1] == ":" or (
        len(tokens[i]) > 3 and tokens[i][0] in "وف")


def candidates(text: str, reach: int, preps: bool) -> Iterator[tuple[str, str, int, list[str]]]:
    """(frame, word, index, tokens) for every candidate in ``text`` (see module docstring)."""
    lexicon = default_lexicon()
    tokens = _TOKEN.findall(fold(text).folded)
    for i, word in enumerate(tokens):
        if not word[0].isalpha() or word in lexicon.complementizers or _definite(word):
            continue  # a word with the article is never a verb
        if i + 1 < len(tokens) and tokens[i + 1] in lexicon.complementizers:
            yield "that", word, i, tokens
            continue
        if not _opens_clause(tokens, i):
            continue
        for k in range(i + 1, min(len(tokens), i + 1 + reach)):
            nxt = tokens[k]
            if nxt in lexicon.complementizers:
                yield "that", word, i, tokens
                break
            if nxt == ":" and k + 1 < len(tokens) and tokens[k + 1] in _MARKS:
                yield "colon", word, i, tokens
                break
            if preps and nxt in _PREPS and k > i + 1:
                yield "prep", word, i, tokens
                break
            if nxt in _STOP or nxt in _MARKS or nxt == ":":
                break


def _definite(word: str) -> bool:
    """The word carries the article, after an optional clitic (الوزير، والوزير، للوزير)."""
    return word.startswith(("ال", "لل")) or (
        len(word) > 3 and word[0] in "وفبك" and word[1:].startswith(("ال", "لل")))


def _bare(word: str) -> str:
    """The word without a leading و/ف when a verb prefix follows it (واكد، ويقول، وتري).

    Other words keep it: وزير and وزاره are not و + زير.
    """
    return word[1:] if len(word) > 3 and word[0] in "وف" and word[1] in "ايتن" else word


def main(argv: list[str] | None = None) -> int:
    """Print the candidate list; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="gold .json, .jsonl or directories")
    parser.add_argument("--frame", choices=("that", "colon", "prep"), help="one frame only")
    parser.add_argument("--unknown", action="store_true", help="only words not in the lexicon")
    parser.add_argument("--min", type=int, default=1, help="smallest count shown")
    parser.add_argument("--limit", type=int, default=200, help="lines shown at most")
    parser.add_argument("--reach", type=int, default=6, help="words a subject may span")
    parser.add_argument("--preps", action="store_true", help="also count word ... على/عن/من")
    args = parser.parse_args(argv)
    lexicon = default_lexicon()
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    for text in texts(args.paths or DEFAULT_PATHS):
        for frame, word, i, tokens in candidates(text, args.reach, args.preps):
            if args.frame and frame != args.frame:
                continue
            key = (frame, _bare(word))
            counts[key] += 1
            examples.setdefault(key, " ".join(tokens[max(0, i - 3) : i + 8]))
    shown = 0
    for (frame, word), count in counts.most_common():
        if count < args.min or shown >= args.limit:
            break
        known = any(v in lexicon.cues for v in token_variants(fold_word(word)))
        if args.unknown and known:
            continue
        mark = "*" if known else " "
        sys.stdout.write(f"{count:5d}  {frame:5s} {mark} {word:14s} {examples[(frame, word)]}\n")
        shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
