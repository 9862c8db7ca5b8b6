"""Exceptions raised by arquotes, each subclassing the matching built-in."""

from __future__ import annotations

__all__ = ["ArquotesError", "GoldFormatError", "LexiconError", "OutputError", "ShardError"]


class ArquotesError(Exception):
    """Base class of every error arquotes raises on purpose."""


class LexiconError(ArquotesError, ValueError):
    """Raised when a lexicon file or value (cues, titles, speakers) is malformed."""


class GoldFormatError(ArquotesError, ValueError):
    """Raised when a gold annotation file does not follow docs/gold-format.md."""


class OutputError(ArquotesError, OSError):
    """Raised when the output path (``-o``) cannot be opened or written; the message says why."""


class ShardError(ArquotesError, ValueError):
    """Raised when the shards of a corpus run cannot be planned (no input, a name clash)."""
