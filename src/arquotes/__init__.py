"""arquotes: find who said what in Arabic news, with exact spans."""

from arquotes._build import COMPILED
from arquotes._version import __version__
from arquotes.batch import BatchResult, extract_many
from arquotes.errors import ArquotesError, GoldFormatError, LexiconError
from arquotes.extract import Extractor, extract
from arquotes.model import (
    Attribution,
    Claim,
    Cue,
    CueCategory,
    Extraction,
    Gender,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)
from arquotes.render import render_html
from arquotes.verify import QuoteCheck, SourceText, Verdict, Verification, WordEdit, verify

__all__ = [
    "COMPILED",
    "ArquotesError",
    "Attribution",
    "BatchResult",
    "Claim",
    "Cue",
    "CueCategory",
    "Extraction",
    "Extractor",
    "Gender",
    "GoldFormatError",
    "LexiconError",
    "Quote",
    "QuoteCheck",
    "QuoteKind",
    "SourceText",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Verdict",
    "Verification",
    "WordEdit",
    "__version__",
    "extract",
    "extract_many",
    "render_html",
    "verify",
]
