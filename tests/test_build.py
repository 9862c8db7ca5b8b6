"""Which build runs: the mypyc-compiled pipeline or the pure-Python package (docs/performance.md).

CI runs the whole suite twice, once per build, with ``ARQUOTES_EXPECT_COMPILED`` saying which
one it installed, so a broken wheel cannot silently test the pure build twice.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import attrs
import pytest

import arquotes

PIPELINE = ("normalize", "names_data", "wordset", "patterns", "document", "quotes", "quote_kinds",
            "mentions", "cues", "claims", "headlines", "attribution", "resolve", "speaker_gender")
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


def test_no_attrs_record_is_made_per_article_in_the_pipeline() -> None:
    """Records made per article are plain classes: native when compiled, no Python __init__.

    An attrs class defined in a compiled module stays a Python class whose generated
    ``__init__`` the compiled code calls through the interpreter. Only what is built once
    per extractor may be one.
    """
    once_per_extractor = {"resolve.KnownIndex"}
    found = {
        f"{module}.{name}"
        for module in PIPELINE
        for name, value in vars(importlib.import_module(f"arquotes.{module}")).items()
        if isinstance(value, type) and attrs.has(value)
        and value.__module__ == f"arquotes.{module}"
    }
    assert found == once_per_extractor
