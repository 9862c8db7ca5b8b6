"""Tests for the pytest plugin that turns gold files into test items."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest

pytest_plugins = ("pytester",)

TEXT = 'قال الوزير أحمد علي إن "الوضع صعب جدا". وأكد أن الحكومة ستتحرك.'
ITEMS = [
    {"kind": "direct", "content": "الوضع صعب جدا", "speaker": "أحمد علي"},
    {"kind": "indirect", "content": "الحكومة ستتحرك", "speaker": "أحمد علي"},
]

# Finds the direct quote only, with its speaker: direct e2e F1 1.0, indirect 0.0.
FAKE = """
from arquotes.model import Attribution, Extraction, Quote, Span, Speaker

def extract(text):
    start = text.index('"') + 1
    end = text.index('"', start)
    who = Attribution(speaker=Speaker(name="أحمد علي"))
    quote = Quote(text=text[start:end], span=Span(start, end), attribution=who)
    return Extraction(quotes=(quote,))
"""


def make_project(
    pytester: pytest.Pytester, settings: str, docs: dict[str, Any] | None = None
) -> None:
    pytester.makefile(".toml", pyproject=textwrap.dedent(f"""
        [tool.arquotes]
        gold = ["gold"]
        extractor = "fake_extractor:extract"
        {settings}
    """))
    pytester.makepyfile(fake_extractor=FAKE)
    pytester.syspathinsert()
    gold = pytester.mkdir("gold")
    for doc_id, data in (docs or {"g1": {"text": TEXT, "items": ITEMS}}).items():
        (gold / f"{doc_id}.json").write_text(
            json.dumps({"id": doc_id, **data}, ensure_ascii=False), encoding="utf-8"
        )


def test_articles_pass_by_default_and_summary_lists_them(pytester: pytest.Pytester) -> None:
    """Without thresholds each gold article is a passing item and the summary shows its F1."""
    make_project(pytester, "")
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*gold/g1.json::g1 PASSED*", "*arquotes gold corpus*",
                                 "g1: e2e_F1 0.667, 1 differences"])


def test_article_min_f1_fails_with_readable_diff(pytester: pytest.Pytester) -> None:
    """Under ``article_min_f1`` an article fails and shows what was missed."""
    make_project(pytester, "article_min_f1 = 0.9")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*end-to-end F1 0.667 < 0.900*",
        "*- indirect missed * «الحكومة ستتحرك» (speaker: أحمد علي)*",
    ])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_command_line_overrides_article_min_f1(pytester: pytest.Pytester) -> None:
    """``--arquotes-article-min-f1`` turns the per-article gate on from the command line."""
    make_project(pytester, "")
    pytester.runpytest("--arquotes-article-min-f1", "1").assert_outcomes(failed=1)


def test_thresholds_item_gates_the_set(pytester: pytest.Pytester) -> None:
    """``thresholds`` adds one item that fails when a kind's e2e F1 is under its minimum."""
    make_project(pytester, "thresholds = {direct = 0.95, indirect = 0.8}")
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*gold::corpus-thresholds FAILED*",
                                 "*indirect: e2e_F1 0.000 < required 0.800*"])
    result.stdout.no_fnmatch_line("*direct: e2e_F1 1.000*")


def test_thresholds_met_pass(pytester: pytest.Pytester) -> None:
    """A set that meets its thresholds passes the thresholds item."""
    make_project(pytester, "thresholds = {direct = 0.95}")
    pytester.runpytest().assert_outcomes(passed=2)


def test_bad_gold_file_is_a_collection_error(pytester: pytest.Pytester) -> None:
    """A gold file breaking the format is reported at collection, naming file and field."""
    make_project(pytester, "", {"g1": {"text": TEXT, "items": [{**ITEMS[0], "kind": "quote"}]}})
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*g1.json: items[[]0[]]: field 'kind' must be one of*"])


def test_bad_threshold_is_a_usage_error(pytester: pytest.Pytester) -> None:
    """An unknown kind in ``thresholds`` stops pytest with a usage error."""
    make_project(pytester, "thresholds = {quotes = 0.9}")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*unknown kind 'quotes'*"])


def test_crash_fails_the_article(pytester: pytest.Pytester) -> None:
    """An extractor that raises fails the article even without thresholds."""
    make_project(pytester, "")
    pytester.makepyfile(fake_extractor="def extract(text):\n    raise ValueError('boom')\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*extractor crashed: ValueError: boom*"])


def test_unconfigured_project_collects_nothing(pytester: pytest.Pytester) -> None:
    """Without ``[tool.arquotes]`` the plugin leaves JSON files alone."""
    pytester.makefile(".json", g1=json.dumps({"id": "g1", "text": TEXT, "items": ITEMS}))
    assert pytester.runpytest().ret == pytest.ExitCode.NO_TESTS_COLLECTED


@pytest.mark.parametrize(
    ("settings", "options", "expected"),
    [
        # A gold path that does not exist is named, not silently collected as nothing.
        ('gold = ["gold", "missing/corpus"]', [], "*gold path*missing/corpus*does not exist*"),
        # The extractor is imported once at start-up, not on every article.
        ('extractor = "no_such_module_xyz:extract"', [], "*extractor*no_such_module_xyz*"),
        ('extractor = "fake_extractor:nothing_here"', [], "*extractor*nothing_here*"),
        ("extractor = 5", [], "*extractor must be a string*"),
        # A misspelt key gets the right one suggested.
        ("threshold = {direct = 0.9}", [], "*unknown key 'threshold'*'thresholds'*"),
        ("", ["--arquotes-article-min-f1", "1.5"], "*article-min-f1 must be a number from 0 to 1*"),
    ],
)
def test_settings_are_checked_once_at_start_up(
    pytester: pytest.Pytester, settings: str, options: list[str], expected: str
) -> None:
    """A bad ``[tool.arquotes]`` setting stops pytest before collection, naming it."""
    lines = ["[tool.arquotes]"]
    if not settings.startswith("gold"):
        lines.append('gold = ["gold"]')
    if not settings.startswith("extractor"):
        lines.append('extractor = "fake_extractor:extract"')
    pytester.makefile(".toml", pyproject="\n".join([*lines, settings, ""]))
    pytester.makepyfile(fake_extractor=FAKE)
    pytester.syspathinsert()
    gold = pytester.mkdir("gold")
    (gold / "g1.json").write_text(json.dumps({"id": "g1", "text": TEXT, "items": ITEMS},
                                             ensure_ascii=False), encoding="utf-8")
    result = pytester.runpytest(*options)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([expected])

