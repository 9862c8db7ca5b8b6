"""Which build runs: the mypyc-compiled pipeline or the pure-Python package (docs/performance.md).

CI runs the whole suite twice, once per build, with ``ARQUOTES_EXPECT_COMPILED`` saying which
one it installed, so a broken wheel cannot silently test the pure build twice.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

import arquotes

PIPELINE = ("normalize", "names_data", "wordset", "document", "quotes", "quote_kinds",
            "mentions", "cues", "claims", "headlines", "attribution", "resolve")
"""The modules the compiled wheel compiles (pyproject's ``hooks.mypyc.include``)."""


def _compiled(module: str) -> bool:
    path = importlib.import_module(f"arquotes.{module}").__file__ or ""
    return Path(path).suffix in {".so", ".pyd"}


def test_the_build_is_the_one_installed() -> None:
    expected = os.environ.get("ARQUOTES_EXPECT_COMPILED")
    if expected is not None:
        assert arquotes.COMPILED is (expected == "1")


def test_every_pipeline_module_comes_from_the_same_build() -> None:
    """A wheel with some modules compiled and others not would be neither build."""
    assert {module: _compiled(module) for module in PIPELINE} == dict.fromkeys(
        PIPELINE, arquotes.COMPILED)


def test_the_public_entry_points_stay_python() -> None:
    """`extract` checks its argument in Python, so both builds raise the same error."""
    assert not _compiled("extract")
    assert not _compiled("model")
    with pytest.raises(TypeError, match=r"^arquotes\.extract\(\) expects the article as str, "
                                        r"got int$"):
        arquotes.extract(42)  # type: ignore[arg-type]
