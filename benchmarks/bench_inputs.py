"""Texts the benchmarks run on: the real articles, documents built from them, hostile inputs.

Everything is built from the seed articles (``seeds/*.txt``) and the dev corpus
(``tests/corpus/*.json``), so a figure always describes real Arabic news. Sizes are in bytes
of UTF-8; ``ARQUOTES_BENCH_QUICK=1`` shrinks the large ones so CI can prove the benchmarks run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from arquotes.patterns import Patterns

ROOT = Path(__file__).resolve().parent.parent
KB = 1024
MB = 1024 * KB

QUICK = os.environ.get("ARQUOTES_BENCH_QUICK", "") not in ("", "0")
"""Quick mode: small sizes, one round each; proves the benchmarks work, measures little."""

SCALING_SIZES = (64 * KB, 256 * KB) if QUICK else (100 * KB, 1 * MB, 10 * MB)
"""Sizes of the one-document scaling runs."""
HOSTILE_SIZE = 128 * KB if QUICK else 1 * MB
"""Size of each hostile input and of the normal news it is compared with."""
STREAM_SIZE = int(os.environ.get("ARQUOTES_BENCH_STREAM_MB", "5" if QUICK else "200")) * MB
"""Size of the JSON Lines corpus streamed through ``arquotes extract`` for peak memory."""
JOBS_SIZE = int(os.environ.get("ARQUOTES_BENCH_JOBS_MB", "1" if QUICK else "4")) * MB
"""Size of the JSON Lines corpus run with ``-j 1`` and ``-j 2`` for parallel throughput."""


CORPORA = ("seeds", "dev", "wild")
"""The article sets: the seed articles (``seeds/*.txt``), the dev corpus (``tests/corpus``),
the unseen articles (``benchmarks/wild/wild.jsonl``)."""

STAGES = ("folding", "mark pairing", "cue scan")
"""The single passes no extraction can skip, timed one by one against the floor."""


@cache
def corpus(name: str) -> tuple[str, ...]:
    """The texts of one of `CORPORA`, in file order."""
    if name == "seeds":
        return tuple(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt")))
    if name == "wild":
        lines = (ROOT / "benchmarks" / "wild" / "wild.jsonl").read_text(encoding="utf-8")
        return tuple(json.loads(line)["text"] for line in lines.splitlines() if line.strip())
    return tuple(
        json.loads(p.read_text(encoding="utf-8"))["text"]
        for p in sorted(ROOT.glob("tests/corpus/*.json"))
    )


def articles() -> tuple[str, ...]:
    """The seed articles and the dev corpus texts, in file order."""
    return corpus("seeds") + corpus("dev")


def utf8_size(text: str) -> int:
    """Size of ``text`` in bytes of UTF-8."""
    return len(text.encode("utf-8"))


def news(size: int) -> str:
    """One document of about ``size`` bytes: the articles one after another, repeated."""
    pieces: list[str] = []
    total = 0
    while total < size:
        for text in articles():
            pieces.append(text)
            total += utf8_size(text) + 2
            if total >= size:
                break
    return "\n\n".join(pieces)


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes."""
    return unit * max(1, size // utf8_size(unit))


_HARAKAT = "\N{ARABIC FATHA}\N{ARABIC DAMMA}\N{ARABIC KASRA}\N{ARABIC SHADDA}\N{ARABIC SUKUN}"

# Each hostile input is one paragraph (no line break) unless it says otherwise, so every
# paragraph- and sentence-bounded search sees the whole input.
HOSTILE: dict[str, Callable[[int], str]] = {
    # A long run of quotation marks of every family, in both directions, without text.
    "quote marks": lambda size: _repeat('«“"„‘»”’', size),
    # Quotes opened and never closed, then marks of another family that could close: every
    # mark stays on the pairing stack and every later mark looks for its own family in it.
    "unclosed marks": lambda size: _repeat("«كلام ", size // 2) + _repeat("قول” ", size // 2),
    # A run of cue verbs without a full stop: every cue reads its sentence.
    "cue verbs": lambda size: _repeat("وقال أكد وأضاف قالت ", size),
    # أن again and again: the complementizer every "that" clause search looks for.
    "an": lambda size: _repeat("أن ", size),
    # Letters buried in diacritics and tatweel, all deleted by folding.
    "diacritics": lambda size: _repeat("قَـــالَ" + _HARAKAT * 20 + " ", size),
    # One megabyte without a space or a full stop: a single enormous word.
    "no space": lambda size: _repeat("قالالوزيرانالاتفاق", size),
}
"""Hostile input name -> builder of about ``size`` bytes."""


def jsonl_corpus(path: Path, size: int) -> int:
    """Write a JSON Lines corpus of about ``size`` bytes of articles to ``path``; its lines."""
    lines = 0
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for text in articles():
                line = json.dumps({"id": f"a{lines}", "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                lines += 1
                written += utf8_size(line)
                if written >= size:
                    break
    return lines


def cue_scan(patterns: Patterns, text: str, alike: bool) -> int:
    """The cue scan of a folded text as `extract` runs it, token scan included.

    ``alike``: the text's `Document.reads_alike`. The cue pattern is tried at the words a cue
    can start with; a text the engines read apart is scanned whole.
    """
    from arquotes.patterns import tokens_stdlib  # noqa: PLC0415 - imported where it is used

    if not alike:
        return sum(1 for _ in patterns.cues(text, reads_alike=False))
    starts, _, words = tokens_stdlib(text)
    return sum(1 for _ in patterns.cues(text, reads_alike=True, tokens=(starts, words)))


def spacy_peer() -> Callable[[str], int]:
    """The spaCy peer: a blank Arabic tokenizer and a `Matcher` over every cue form.

    Returns a function counting the cue matches of a folded text (the peer gets the folded
    text for free, so it matches the same forms the cue scan does). Needs spaCy, the
    ``bench`` extra: ImportError without it.
    """
    import spacy  # noqa: PLC0415 - optional: only the peer benchmarks need it
    from spacy.matcher import Matcher  # noqa: PLC0415

    from arquotes.lexicon import default_lexicon  # noqa: PLC0415

    nlp = spacy.blank("ar")
    matcher = Matcher(nlp.vocab)
    heads: set[str] = set()
    phrases: list[list[dict[str, str]]] = []
    for form in default_lexicon().cues:
        words = form.split()
        for clitic in ("", "و", "ف"):
            if len(words) == 1:
                heads.update(clitic + form + suffix for suffix in ("", "ه", "ها", "هم", "هما"))
            else:
                phrases.append([{"ORTH": clitic + words[0]}, *({"ORTH": w} for w in words[1:])])
    matcher.add("CUE", [[{"ORTH": {"IN": sorted(heads)}}], *phrases])

    def count(folded: str) -> int:
        return len(matcher(nlp.make_doc(folded)))

    return count

