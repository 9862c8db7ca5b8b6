"""arquotes: find who said what in Arabic news, with exact spans."""

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
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "ArquotesError",
    "Attribution",
    "BatchResult",
    "Claim",
    "Cue",
    "CueCategory",
    "Extraction",
    "Extractor",
    "GoldFormatError",
    "LexiconError",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "extract",
    "extract_many",
]
