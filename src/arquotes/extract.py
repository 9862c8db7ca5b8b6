"""TEMPORARY placeholder while the pipeline is written (replaced in this session)."""

from __future__ import annotations

from arquotes.model import Extraction


class Extractor:
    """Placeholder."""

    def extract(self, text: str) -> Extraction:
        """Placeholder."""
        if not isinstance(text, str):
            raise TypeError(f"extract() expects str, got {type(text).__name__}")
        return Extraction()


def extract(text: str) -> Extraction:
    """Placeholder."""
    return Extractor().extract(text)
