"""Count, without gold, what arquotes finds in the wild corpus (``benchmarks/wild/wild.jsonl``).

Usage::

    python benchmarks/wild_counts.py [benchmarks/wild/wild.jsonl] [--json]
    python benchmarks/wild_counts.py --sample 20 --seed 1

Every figure below is read off the extraction alone, so the same command can be run again after
a change and the numbers compared. Nothing here says whether an item is right; it says how many
items look wrong in a way that needs no gold.

Counts
    articles; direct quotes, mixed quotes, claims (``Extraction.quotes`` by kind, and
    ``Extraction.claims``); direct quotes and claims without a speaker (no attribution, or an
    attribution whose speaker is None); items whose speaker was inferred from the discourse
    (an attribution with a speaker but no ``mention``: pronoun or pro-drop); articles on which
    ``extract`` raised.

Suspicious speakers (a speaker name of an attributed direct quote, mixed quote or claim)
    ``common``       every word of the name is a definite common word: it starts with ال (after
                     an optional و/ف/ب/ل/ك clitic) and no lexicon list of the default lexicon
                     knows it (titles and honorifics, body heads, body names, documents,
                     places, unnamed-source heads, given names, name particles, known names;
                     multi-word entries are matched as phrases), or it is listed in
                     ``not_names``. A single definite word ending in ي is let through: it is
                     as often a family name (السوداني، الكاظمي) as an adjective.
    ``clitic``       the first word starts with a preposition clitic on the article (بال، لل,
                     after an optional و/ف) or is, as written, a preposition (في، على، من...).
    ``relative``     the first word is a relative or interrogative (ما، من، الذي، التي...).
    ``pronoun``      the name is a bare pronoun or a pronoun-subject form (هو، هي، انه، لكنه...).
    ``short``        the name is one word of at most two letters.

Quoted names reported as quotes
    ``short_quotes`` quotes (direct or mixed) of one to four words none of which looks like a
                     verb: no cue form of the lexicon and none shaped like a verb
                     (``arquotes.patterns.VERB_SHAPE``: a present prefix ي، تت، سي، ست, a
                     past ending -وا or -ت but not -ات). Most such spans
                     are names of channels, places, events or people, or scare-quoted terms;
                     the count is the upper bound of quoted names the model still reports.

Speaker changes inside one quote
    ``continued``    a direct quote flagged ``continued`` (it runs on into the next paragraph)
                     whose next direct quote has a different speaker name.
    ``adjacent``     approximation for runs the model does not flag: two consecutive direct
                     quotes with nothing but marks, punctuation and white space between them
                     (so no cue can sit between them) and different speaker names.

``--sample N --seed S`` prints N items drawn at random (with that seed) from all quotes and
claims of the corpus: kind, text cut to 100 characters, speaker name and cue text.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

import arquotes
from arquotes import Attribution, Extraction, Quote, QuoteKind
from arquotes.lexicon import Lexicon, WordSet, default_lexicon
from arquotes.normalize import fold_word
from arquotes.patterns import VERB_SHAPE

DEFAULT_CORPUS = Path(__file__).resolve().parent / "wild" / "wild.jsonl"
TOP = 20

_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_CLITIC_ARTICLE = regex.compile(r"^[وف]?(?:بال|لل)")
_DEFINITE = regex.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل)")
_RELATIVES = frozenset(fold_word(w) for w in (
    "ما", "من", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "مما", "ممن"))
_PRONOUNS = frozenset(fold_word(w) for w in (
    "هو", "هي", "هم", "هما", "هن", "نحن", "أنا", "أنت", "انت", "أنتم"))
_NAME_WORDS = 4
_PREPOSITIONS = frozenset((
    "في", "على", "إلى", "الى", "من", "عن", "مع", "عند", "لدى", "حول", "رغم", "بشأن", "حتى"))
"""Prepositions as written: folded, على would be the given name علي."""


@attrs.frozen
class Record:
    """One article of the corpus."""

    id: str
    url: str
    text: str


@attrs.frozen
class Item:
    """One quote or claim with the article it comes from."""

    article: str
    kind: str
    """``direct``, ``mixed`` or ``claim``."""
    text: str
    attribution: Attribution | None


@attrs.frozen
class Suspect:
    """A speaker name that looks like no name, role or body, where it was found."""

    article: str
    reason: str
    name: str
    kind: str
    text: str


@attrs.frozen
class Change:
    """Two direct quotes read as one utterance but given different speakers."""

    article: str
    reason: str
    first: str
    second: str
    text: str


def read_corpus(path: Path) -> list[Record]:
    """The records of a JSON Lines corpus file."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                data = json.loads(line)
                records.append(Record(str(data["id"]), str(data.get("url", "")),
                                      str(data["text"])))
    return records


def speaker_name(attribution: Attribution | None) -> str | None:
    """The speaker name of an attribution, or None when nobody is named or inferred."""
    if attribution is None or attribution.speaker is None:
        return None
    return attribution.speaker.name


def items_of(article: str, extraction: Extraction) -> Iterator[Item]:
    """Every quote and claim of one extraction, in the order the model lists them."""
    for quote in extraction.quotes:
        yield Item(article, quote.kind.value, quote.text, quote.attribution)
    for claim in extraction.claims:
        yield Item(article, "claim", claim.text, claim.attribution)


class NameChecker:
    """The heuristics of the module docstring, on the default lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        """Gather the lexicon lists that make a word part of a name, role or body."""
        self.lists: tuple[WordSet, ...] = (
            lexicon.roles, lexicon.honorifics, lexicon.body_heads, lexicon.body_names,
            lexicon.documents, lexicon.places, lexicon.unnamed_heads, lexicon.male_names,
            lexicon.female_names, lexicon.particles, lexicon.name_heads,
        )
        self.known_words = frozenset(w for name in lexicon.known_names for w in name.split())
        self.not_names = frozenset(fold_word(w) for w in lexicon.not_names)
        self.relatives = lexicon.relatives | _RELATIVES
        self.pronouns = lexicon.pronoun_subjects | _PRONOUNS
        self.cues = frozenset(lexicon.cues)

    def known(self, tokens: list[str]) -> list[bool]:
        """Which tokens a lexicon list covers, multi-word entries matched as phrases."""
        covered = [False] * len(tokens)
        for i in range(len(tokens)):
            for words in self.lists:
                n = words.phrase_at(tokens, i)
                if n:
                    covered[i:i + n] = [True] * n
            if tokens[i] in self.known_words:
                covered[i] = True
        return covered

    def looks_like_name(self, text: str) -> bool:
        """One to four words, none shaped like a verb or a cue (see ``short_quotes``)."""
        words = [fold_word(w) for w in regex.findall(r"[\p{L}\p{N}]+", text)]
        return 0 < len(words) <= _NAME_WORDS and not any(
            VERB_SHAPE.match(w) or w in self.cues for w in words)

    def reasons(self, name: str) -> list[str]:
        """The suspicious shapes ``name`` has (empty for a plausible name)."""
        written = [t for t in name.split() if _ARABIC_LETTER.search(t)]
        if not written:
            return []
        tokens = [fold_word(t) for t in written]
        found = []
        first = tokens[0]
        if _CLITIC_ARTICLE.match(first) or written[0] in _PREPOSITIONS:
            found.append("clitic")
        if first in self.relatives:
            found.append("relative")
        if " ".join(tokens) in self.pronouns:
            found.append("pronoun")
        if len(tokens) == 1 and len(first) <= 2:
            found.append("short")
        covered = self.known(tokens)
        common = [t in self.not_names or (not k and bool(_DEFINITE.match(t)))
                  for t, k in zip(tokens, covered, strict=True)]
        nisba = len(tokens) == 1 and first.endswith("ي")
        if all(common) and not nisba:
            found.append("common")
        return found


def speaker_changes(article: str, text: str, quotes: Sequence[Quote]) -> Iterator[Change]:
    """Consecutive direct quotes read as one utterance whose speaker names differ."""
    direct = [q for q in quotes if q.kind is QuoteKind.DIRECT]
    for first, second in itertools.pairwise(direct):
        a, b = speaker_name(first.attribution), speaker_name(second.attribution)
        if a is None or b is None or a == b:
            continue
        gap = text[first.span.end:second.span.start]
        shown = f"{first.text[-50:]} ‖ {second.text[:50]}"
        if first.continued:
            yield Change(article, "continued", a, b, shown)
        elif not regex.search(r"[\p{L}\p{N}]", gap):
            yield Change(article, "adjacent", a, b, shown)


@attrs.define
class Tally:
    """Everything counted over the corpus."""

    articles: int = 0
    errors: list[str] = attrs.Factory(list)
    kinds: Counter[str] = attrs.Factory(Counter)
    unattributed: Counter[str] = attrs.Factory(Counter)
    inferred: Counter[str] = attrs.Factory(Counter)
    names: Counter[str] = attrs.Factory(Counter)
    suspects: list[Suspect] = attrs.Factory(list)
    changes: list[Change] = attrs.Factory(list)
    items: list[Item] = attrs.Factory(list)
    short_quotes: list[Item] = attrs.Factory(list)

    def add(self, record: Record, extraction: Extraction, checker: NameChecker) -> None:
        """Count one article."""
        self.articles += 1
        seen: set[tuple[str, str]] = set()
        for item in items_of(record.id, extraction):
            self.items.append(item)
            self.kinds[item.kind] += 1
            if item.kind != "claim" and checker.looks_like_name(item.text):
                self.short_quotes.append(item)
            name = speaker_name(item.attribution)
            if name is None:
                self.unattributed[item.kind] += 1
                continue
            self.names[name] += 1
            if item.attribution is not None and item.attribution.mention is None:
                self.inferred[item.kind] += 1
            for reason in checker.reasons(name):
                if (reason, name) not in seen:  # each name once per article and reason
                    seen.add((reason, name))
                    self.suspects.append(Suspect(record.id, reason, name, item.kind,
                                                 item.text[:80]))
        self.changes.extend(speaker_changes(record.id, record.text, extraction.quotes))

    def summary(self) -> dict[str, Any]:
        """The counts as a JSON-ready mapping."""
        direct, mixed, claims = (self.kinds[k] for k in ("direct", "mixed", "claim"))
        reasons = Counter(s.reason for s in self.suspects)
        change_reasons = Counter(c.reason for c in self.changes)
        return {
            "articles": self.articles,
            "errors": self.errors,
            "direct_quotes": direct,
            "mixed_quotes": mixed,
            "claims": claims,
            "direct_without_speaker": self.unattributed["direct"],
            "direct_without_speaker_share": _share(self.unattributed["direct"], direct),
            "mixed_without_speaker": self.unattributed["mixed"],
            "claims_without_speaker": self.unattributed["claim"],
            "claims_without_speaker_share": _share(self.unattributed["claim"], claims),
            "short_quotes": len(self.short_quotes),
            "inferred_speaker": dict(self.inferred),
            "suspicious_speakers": {r: reasons[r] for r in
                                    ("common", "clitic", "relative", "pronoun", "short")},
            "speaker_changes": {r: change_reasons[r] for r in ("continued", "adjacent")},
            "top_speakers": self.names.most_common(TOP),
            "suspects": [attrs.asdict(s) for s in self.suspects],
            "changes": [attrs.asdict(c) for c in self.changes],
            "short_quote_texts": [f"{i.article} {i.kind}: {i.text}" for i in self.short_quotes],
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def run(records: Sequence[Record]) -> Tally:
    """Extract every record and count."""
    checker = NameChecker(default_lexicon())
    tally = Tally()
    for record in records:
        try:
            extraction = arquotes.extract(record.text)
        except Exception as exc:  # noqa: BLE001 - wild input: a crash is counted, not fatal
            tally.errors.append(f"{record.id}: {type(exc).__name__}: {exc}")
            continue
        tally.add(record, extraction, checker)
    return tally


def render(summary: dict[str, Any]) -> str:
    """The summary as Markdown: the count table, top speakers, suspects, speaker changes."""
    rows = [
        ("articles", summary["articles"]),
        ("articles on which extract raised", len(summary["errors"])),
        ("direct quotes", summary["direct_quotes"]),
        ("mixed quotes", summary["mixed_quotes"]),
        ("claims", summary["claims"]),
        ("direct quotes without a speaker",
         f"{summary['direct_without_speaker']} ({summary['direct_without_speaker_share']:.1%})"),
        ("mixed quotes without a speaker", summary["mixed_without_speaker"]),
        ("claims without a speaker",
         f"{summary['claims_without_speaker']} ({summary['claims_without_speaker_share']:.1%})"),
    ]
    rows += [("short quotes without a verb (quoted names?)", summary["short_quotes"])]
    rows += [(f"speaker inferred, no mention ({k})", v)
             for k, v in sorted(summary["inferred_speaker"].items())]
    rows += [(f"suspicious speaker: {k}", v) for k, v in summary["suspicious_speakers"].items()]
    rows += [(f"speaker change in one quote: {k}", v)
             for k, v in summary["speaker_changes"].items()]
    lines = ["| count | value |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    lines += ["", f"Top {TOP} speaker names:", ""]
    lines += [f"{n:4d}  {name}" for name, n in summary["top_speakers"]]
    lines += ["", "Suspicious speakers (article, reason, name, item kind, item text):", ""]
    lines += [f"- {s['article']} {s['reason']}: «{s['name']}» ({s['kind']}) {s['text']}"
              for s in summary["suspects"]]
    lines += ["", "Speaker changes inside one quote (article, reason, first -> second):", ""]
    lines += [f"- {c['article']} {c['reason']}: «{c['first']}» -> «{c['second']}»: {c['text']}"
              for c in summary["changes"]]
    lines += ["", "Short quotes without a verb (article, kind: text):", ""]
    lines += [f"- {t}" for t in summary["short_quote_texts"]]
    if summary["errors"]:
        lines += ["", "Errors:", ""] + [f"- {e}" for e in summary["errors"]]
    return "\n".join(lines)


def sample(items: Sequence[Item], n: int, seed: int) -> str:
    """``n`` items drawn at random with ``seed``, one block each."""
    chosen = random.Random(seed).sample(list(items), min(n, len(items)))
    blocks = []
    for item in chosen:
        attribution = item.attribution
        cue = attribution.cue.text if attribution is not None and attribution.cue else "-"
        text = item.text.replace("\n", " ")
        short = text if len(text) <= 100 else text[:100] + "…"
        blocks.append(f"[{item.article}] {item.kind}: {short}\n"
                      f"    speaker: {speaker_name(attribution) or '-'}    cue: {cue}")
    return "\n".join(blocks)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, count, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument("--sample", type=int, metavar="N", help="print N random items")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample (default 0)")
    args = parser.parse_args(argv)
    tally = run(read_corpus(args.corpus))
    if args.sample is not None:
        print(sample(tally.items, args.sample, args.seed))
        return 0
    summary = tally.summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(render(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
