"""The pipeline: ``text -> fold -> quotes -> mentions -> cues -> claims -> attribution``.

`extract` uses the bundled lexicon; `Extractor` lets a user add cue verbs, source phrases,
titles and known speakers from Python values or a TOML file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from arquotes.attribution import attribute
from arquotes.cues import QuoteIndex, find_cues
from arquotes.document import Document
from arquotes.headlines import find_headlines, headline_cues, headline_lines
from arquotes.lexicon import (
    KnownSpeaker,
    Lexicon,
    default_lexicon,
    load_user_lexicon,
)
from arquotes.mentions import find_mentions
from arquotes.model import Extraction
from arquotes.normalize import fold
from arquotes.patterns import compile_patterns
from arquotes.quote_kinds import not_a_quote
from arquotes.quotes import find_quotes

__all__ = ["Extractor", "extract"]


class Extractor:
    """Extraction with a lexicon of your own: the bundled one plus your additions.

    >>> extractor = Extractor(verbs=[{"lemma": "غرد", "category": "statement",
    ...                               "present": "يغرد", "frames": ["quote", "that"]}])
    >>> extractor.extract("وغرد الوزير: «نحن مستعدون للحوار».").quotes[0].attribution.cue.lemma
    'غرد'
    """

    def __init__(
        self,
        *,
        lexicon_file: str | Path | None = None,
        verbs: Iterable[Mapping[str, Any]] = (),
        sources: Iterable[str] = (),
        titles: Iterable[str] = (),
        speakers: Iterable[KnownSpeaker | Mapping[str, Any]] = (),
        lexicon: Lexicon | None = None,
    ) -> None:
        """Build the lexicon once; raises `arquotes.LexiconError` on a malformed entry."""
        base = lexicon or default_lexicon()
        if lexicon_file is not None:
            base = load_user_lexicon(lexicon_file, base)
        if verbs or sources or titles or speakers:
            base = base.extended(verbs=verbs, sources=sources, titles=titles,
                                 speakers=speakers, where="Extractor(...)")
        self.lexicon = base
        self.patterns = compile_patterns(base)

    def extract(self, text: str) -> Extraction:
        """Every quote and claim in ``text`` with its attribution, in text order."""
        if not isinstance(text, str):
            raise TypeError(
                f"arquotes.extract() expects the article as str, got {type(text).__name__}"
            )
        document = Document(fold(text))
        candidates = find_quotes(document.text, document.paragraphs, self.patterns)
        names = frozenset(
            i for i, q in enumerate(candidates) if not_a_quote(document, q, self.lexicon)
        )
        quotes = QuoteIndex(candidates, names)
        persons = find_mentions(document, self.lexicon)
        hits = find_cues(document, self.patterns, self.lexicon, quotes, persons)
        lines = headline_lines(document)
        hits = headline_cues(document, self.lexicon, hits, lines)
        headlines = find_headlines(document, self.lexicon, hits, lines)
        return attribute(document, self.lexicon, quotes, hits, headlines, persons=persons)


_DEFAULT: Extractor | None = None


def extract(text: str) -> Extraction:
    """Find every quote and claim in an Arabic news article, with its speaker and cue.

    Raises `TypeError` when ``text`` is not a `str`; any `str`, however odd, gives a result.
    """
    global _DEFAULT  # noqa: PLW0603 - one lazily built extractor shared by every call
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text)
