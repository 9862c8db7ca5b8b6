"""The project's gold files: valid, consistently named, and collected by the plugin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from arquotes.gold import find_gold_files, load_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = find_gold_files([ROOT / "tests" / "corpus", ROOT / "seeds"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(path: Path) -> None:
    """Each gold file follows docs/gold-format.md and its id is its file name."""
    document = load_gold(path)
    assert document.doc_id == path.stem
    assert all(document.text[i.span.start:i.span.end] == i.content for i in document.items)


def test_seed_gold_matches_seed_text() -> None:
    """Each seed's gold file annotates exactly the text of its seed article."""
    for path in find_gold_files([ROOT / "seeds"]):
        document = load_gold(path)
        assert document.url is not None
        assert (ROOT / "seeds" / document.url).read_text(encoding="utf-8") == document.text


def test_plugin_collects_one_item_per_corpus_article() -> None:
    """The configured corpus folder yields one test item per gold article."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "tests/corpus"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    items = [line for line in done.stdout.splitlines() if line.startswith("tests/corpus/")]
    corpus = find_gold_files([ROOT / "tests" / "corpus"])
    expected = [f"tests/corpus/{p.name}::{p.stem}" for p in corpus]
    assert items[: len(expected)] == expected
