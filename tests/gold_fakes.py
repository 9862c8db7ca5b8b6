"""Fake extractors built from gold files, so scoring can be tested against known answers."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from arquotes.model import Attribution, Claim, Extraction, Quote, QuoteKind, Span, Speaker

if TYPE_CHECKING:
    from arquotes.gold import GoldDocument, GoldItem

Extractor = Callable[[str], Extraction]


def echo(documents: Iterable[GoldDocument]) -> Extractor:
    """Build an extractor that returns exactly the gold items of the article it is given."""
    return perturbed(documents, seed=None)


def perturbed(documents: Iterable[GoldDocument], seed: int | None) -> Extractor:
    """Build an extractor returning gold items randomly dropped, shifted, re-kinded, re-attributed.

    ``seed=None`` returns the gold items untouched.
    """
    by_text = {d.text: d for d in documents}

    def run(text: str) -> Extraction:
        document = by_text[text]
        rng = None if seed is None else random.Random(f"{seed}:{document.doc_id}")  # noqa: S311 - test data, not secrets.
        quotes: list[Quote] = []
        claims: list[Claim] = []
        speakers = [i.speaker for i in document.items if i.speaker]
        for item in document.items:
            if rng is not None and rng.random() < 0.15:
                continue
            span = item.span if rng is None else _shift(item.span, len(text), rng)
            speaker = item.speaker if rng is None else _speaker(item, speakers, rng)
            is_quote = item.kind != "indirect"
            if rng is not None and rng.random() < 0.1:
                is_quote = not is_quote
            attribution = Attribution(
                speaker=None if speaker is None else Speaker(name=speaker), confidence=0.9
            )
            if is_quote:
                kind = QuoteKind.MIXED if item.kind == "mixed" else QuoteKind.DIRECT
                if rng is not None and rng.random() < 0.2:
                    kind = QuoteKind.DIRECT if kind is QuoteKind.MIXED else QuoteKind.MIXED
                quotes.append(Quote(text=text[span.start:span.end], span=span, kind=kind,
                                    attribution=attribution))
            else:
                claims.append(Claim(text=text[span.start:span.end], span=span,
                                    attribution=attribution))
        if rng is not None:
            for _ in range(rng.randrange(3)):
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randrange(1, 80))
                span = Span(start, end)
                if rng.random() < 0.5:
                    quotes.append(Quote(text=text[start:end], span=span))
                else:
                    claims.append(Claim(text=text[start:end], span=span))
        return Extraction(quotes=tuple(quotes), claims=tuple(claims))

    return run


def _shift(span: Span, limit: int, rng: random.Random) -> Span:
    if rng.random() < 0.5:
        return span
    start = min(max(0, span.start + rng.randint(-15, 15)), limit)
    end = min(max(start, span.end + rng.randint(-15, 15)), limit)
    return Span(start, max(end, start))


def _speaker(item: GoldItem, speakers: list[str], rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.6 or item.speaker is None:
        return item.speaker
    if roll < 0.7:
        return item.speaker.split()[-1]
    if roll < 0.85:
        return rng.choice(speakers) if speakers else None
    return None
