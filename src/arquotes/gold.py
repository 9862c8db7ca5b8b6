"""Gold annotation files: read, validate and locate their items (docs/gold-format.md).

A gold file is one JSON object per article: ``id``, ``text`` and ``items``; each item has a
``kind``, a ``content`` that is an exact substring of ``text`` (``occurrence`` picks among
repeats), a resolved ``speaker`` and optional ``speaker_mention``, ``cue`` and ``note``.
Every problem raises `GoldFormatError` naming the file and the field, so a broken annotation
is never scored silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from arquotes.errors import GoldFormatError
from arquotes.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "KINDS",
    "GoldDocument",
    "GoldItem",
    "GoldKind",
    "find_gold_files",
    "load_gold",
    "parse_gold",
]

GoldKind = Literal["direct", "mixed", "indirect"]
KINDS: tuple[GoldKind, ...] = ("direct", "mixed", "indirect")

_SUBSTRING_FIELDS = ("speaker_mention", "cue")
_OPTIONAL_TEXT_FIELDS = ("speaker", "speaker_mention", "cue", "note")


@attrs.frozen(kw_only=True)
class GoldItem:
    """One annotated quote or claim, located in the article text."""

    kind: GoldKind
    content: str
    span: Span
    speaker: str | None
    speaker_mention: str | None = None
    cue: str | None = None
    note: str = ""

    @property
    def continues(self) -> bool:
        """True when the quote runs on into the next paragraph (note ``continues``)."""
        return "continues" in self.note


@attrs.frozen(kw_only=True)
class GoldDocument:
    """One gold article: its text and its items, in file order."""

    doc_id: str
    text: str
    items: tuple[GoldItem, ...]
    path: Path | None = None
    url: str | None = None


def find_gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders to their ``*.json`` files (sorted, not recursive); keep files as given."""
    found: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found.extend(sorted(path.glob("*.json"), key=str))
        else:
            found.append(path)
    return found


def load_gold(path: str | Path) -> GoldDocument:
    """Read and validate one gold file; raise `GoldFormatError` naming file and field."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 at byte {exc.start}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(
            f"{path}: not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    return parse_gold(data, path=path)


def parse_gold(data: Any, *, path: str | Path | None = None) -> GoldDocument:
    """Validate an already decoded gold mapping; `load_gold` without the file."""
    where = str(path) if path is not None else "<gold>"
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: top level must be a JSON object")
    doc = cast("dict[str, Any]", data)
    doc_id = _required_str(doc, "id", where)
    text = _required_str(doc, "text", where)
    url = doc.get("url")
    if url is not None and not isinstance(url, str):
        raise GoldFormatError(f"{where}: field 'url' must be a string or null")
    items = doc.get("items")
    if not isinstance(items, list):
        raise GoldFormatError(f"{where}: field 'items' is missing or not a list")
    parsed = tuple(
        _parse_item(item, text, f"{where}: items[{index}]")
        for index, item in enumerate(items)
    )
    return GoldDocument(
        doc_id=doc_id,
        text=text,
        items=parsed,
        path=Path(path) if path is not None else None,
        url=url,
    )


def _required_str(data: Mapping[str, Any], field: str, where: str) -> str:
    value = data.get(field)
    if not isinstance(value, str):
        state = "is missing" if field not in data else "must be a string"
        raise GoldFormatError(f"{where}: field {field!r} {state}")
    return value


def _parse_item(item: Any, text: str, where: str) -> GoldItem:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{where}: an item must be a JSON object")
    data = cast("dict[str, Any]", item)
    kind = data.get("kind")
    if kind not in KINDS:
        raise GoldFormatError(
            f"{where}: field 'kind' must be one of {', '.join(KINDS)}, got {kind!r}"
        )
    content = _required_str(data, "content", where)
    if not content:
        raise GoldFormatError(f"{where}: field 'content' is empty")
    _check_speaker_fields(data, text, where)
    occurrence = data.get("occurrence", 0)
    if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 0:
        raise GoldFormatError(f"{where}: field 'occurrence' must be an integer >= 0")
    start = _find_occurrence(text, content, occurrence)
    if start < 0:
        problem = (
            "is not a substring of text"
            if occurrence == 0
            else f"has no occurrence {occurrence} in text"
        )
        raise GoldFormatError(f"{where}: field 'content' {problem}: {content[:60]!r}")
    return GoldItem(
        kind=cast("GoldKind", kind),
        content=content,
        span=Span(start, start + len(content)),
        speaker=data["speaker"],
        speaker_mention=data.get("speaker_mention"),
        cue=data.get("cue"),
        note=data.get("note") or "",
    )


def _check_speaker_fields(data: Mapping[str, Any], text: str, where: str) -> None:
    """Check ``speaker``, ``speaker_mention``, ``cue`` and ``note``."""
    if "speaker" not in data:
        raise GoldFormatError(f"{where}: field 'speaker' is missing (use null if unknowable)")
    for field in _OPTIONAL_TEXT_FIELDS:
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            raise GoldFormatError(f"{where}: field {field!r} must be a string or null")
    for field in _SUBSTRING_FIELDS:
        value = data.get(field)
        if value and value not in text:
            raise GoldFormatError(f"{where}: field {field!r} is not a substring of text: {value!r}")


def _find_occurrence(text: str, content: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th match (0-based, overlapping matches count), or -1."""
    position = -1
    for _ in range(occurrence + 1):
        position = text.find(content, position + 1)
        if position < 0:
            return -1
    return position

