"""Markdown articles (`arquotes.markdown`): read as a reader reads them, offsets kept."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arquotes import extract
from arquotes.cli import main
from arquotes.markdown import front_matter_end, prose
from arquotes.policy import find_violations
from helpers import count_calls

STORY = """---
title: "الوزير يستقيل"
tags: [سياسة]
---
# الوزير يستقيل بعد الأزمة

قال الوزير سامي علي إن الحكومة ماضية، بحسب [وكالة "الأنباء"](https://example.com/"قال" "رابط").

> "لن نتراجع عن قرارنا مهما كان الثمن"

> لن نتراجع عن قرارنا مهما كان الثمن
"""


def _check_json(tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str],
                *args: str) -> tuple[int, list[dict[str, Any]]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code = main(["check", str(tmp_path / name), "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["violations"]


def test_prose_keeps_length_and_line_breaks() -> None:
    """Every offset, line and column of the prose is the Markdown file's."""
    out = prose(STORY)
    assert len(out) == len(STORY)
    assert [i for i, c in enumerate(out) if c == "\n"] == [
        i for i, c in enumerate(STORY) if c == "\n"]


def test_front_matter_is_skipped() -> None:
    """YAML front matter is no article text: no speaker named ``title``."""
    assert front_matter_end(STORY) == STORY.index("# ")
    out = prose(STORY)
    assert "title" not in out
    assert "tags" not in out
    assert all(s.name != "title" for s in extract(out).speakers)
    assert front_matter_end("---\nno closing line\n") == 0
    assert front_matter_end("+++\ntitle = 'x'\n+++\nنص") == len("+++\ntitle = 'x'\n+++\n")


def test_link_text_is_read_urls_are_not() -> None:
    """A link keeps its text; its destination and title are hidden."""
    out = prose(STORY)
    assert "الأنباء" in out
    assert "example.com" not in out
    assert "رابط" not in out
    line = out.splitlines()[6]
    assert line.split("بحسب")[1].split() == ["وكالة", '"الأنباء"', "."]


def test_block_quote_markers_and_headings() -> None:
    """Block-quote, heading and emphasis markers are hidden; unmarked block quotes are quoted."""
    out = prose(STORY).splitlines()
    assert out[4] == "  الوزير يستقيل بعد الأزمة"
    assert out[8] == '  "لن نتراجع عن قرارنا مهما كان الثمن"'
    assert out[10] == "« لن نتراجع عن قرارنا مهما كان الثمن"
    assert prose("نص **مهم** و`قال «نعم»` هنا") == "نص   مهم   و            هنا"


def test_code_html_and_entities() -> None:
    """Code blocks and tags are hidden; an entity becomes its character."""
    text = '```\nقال: "كلام"\n```\n<p class="x">قال &laquo;نعم&raquo;</p>\n'
    out = prose(text)
    assert "كلام" not in out
    assert "class" not in out
    assert "«      نعم»" in out


def test_check_reads_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``check`` on a .md file reports both block quotes, at their line and column."""
    code, violations = _check_json(tmp_path, "story.md", STORY, capsys)
    assert code == 1
    guessed = "speaker سامي علي has confidence 0.30 < 0.50"  # the speaker before, guessed
    assert [(v["line"], v["column"], v["reason"]) for v in violations] == [
        (9, 4, guessed), (11, 3, guessed)]
    code, violations = _check_json(tmp_path, "story.md", STORY, capsys, "--min-confidence", "0")
    assert code == 0


def test_check_front_matter_names_no_speaker(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Front matter is no speaker.

    Read as text, ``title`` spoke and was then guessed to say the unattributed quote below
    it, which passed at any floor up to 0.3.
    """
    text = '---\ntitle: "الوزير يستقيل من منصبه"\n---\n«نحن مستعدون للحوار مع الجميع».\n'
    assert [s.name for s in extract(text).speakers] == ["title"]
    code, violations = _check_json(tmp_path, "a.md", text, capsys, "--min-confidence", "0")
    assert code == 1
    assert [(v["line"], v["column"], v["reason"], v["confidence"]) for v in violations] == [
        (4, 2, "direct quote without a speaker", None)]


def test_text_files_are_not_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .txt file is read as it is: a leading '>' is text."""
    text = "> لن نتراجع عن قرارنا مهما كان الثمن\n"
    assert _check_json(tmp_path, "a.txt", text, capsys) == (0, [])
    code, _ = _check_json(tmp_path, "a.md", text, capsys)
    assert code == 1


@given(st.text(alphabet=st.sampled_from(list('ab قال«»"\n\r>#*_`[]()<>!&;-+|\\:.1 ')),
               max_size=200))
def test_prose_of_any_text_keeps_offsets(text: str) -> None:
    """Whatever the text, the prose has its length and its line breaks."""
    out = prose(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"]


# --- linear time: a doubling check on hostile Markdown shapes -------------------------------

_QUOTE_BLOCK = '> "لن نتراجع عن قرارنا"\n>\n> لن نتراجع [عن](http://x.com/a "t") قرارنا\n\n'
SHAPES: dict[str, Callable[[int], str]] = {
    "block-quotes": lambda n: _QUOTE_BLOCK * (n // len(_QUOTE_BLOCK)),
    "nested-block-quotes": lambda n: "> " * (n // 2) + "نص",
    "block-quote-lines": lambda n: "> نص\n" * (n // 5),
    "list-items": lambda n: "- نص\n" * (n // 5),
    "nested-lists": lambda n: "".join("  " * (k % 40) + "- نص\n" for k in range(n // 50)),
    "brackets": lambda n: "[" * n,
    "link-tails": lambda n: "[a](x (" * (n // 7),
    "link-destinations": lambda n: "[a](" * (n // 4),
    "angles": lambda n: "<a" * (n // 2),
    "comments": lambda n: "<!--" * (n // 4),
    "backticks": lambda n: "".join("`" * (k % 50 + 1) + "x" for k in range(n // 26)),
    "emphasis": lambda n: "*_~" * (n // 3),
    "entities": lambda n: "&laquo" * (n // 6),
    "table-cells": lambda n: "|a|b|\n|-|-|\n" + "|a" * (n // 2) + "|\n",
    "headings": lambda n: "# نص #\n" * (n // 7),
    "urls": lambda n: "http://x.com/" * (n // 13),
}


def _calls(text: str) -> int:
    # C scans (str.find) count as a fraction of their reach
    return count_calls(lambda: prose(text)) + len(text) // 64


@pytest.mark.parametrize("name", list(SHAPES))
def test_prose_is_linear(name: str) -> None:
    """Four times the Markdown costs about four times the calls."""
    build = SHAPES[name]
    prose(build(4_000))
    small, large = _calls(build(4_000)), _calls(build(16_000))
    assert large <= 6 * max(small, 1_000), (small, large)


def test_prose_full_size() -> None:
    """200,000 characters of each shape keep the length and the line breaks."""
    for build in SHAPES.values():
        text = build(200_000)
        assert len(prose(text)) == len(text)


_ARTICLE_UNIT = ("قال الوزير سامي علي إن الحكومة ماضية في الإصلاح.\n\n"
                 "> «لن نتراجع عن قرارنا»\n\n> لن نتراجع عن قرارنا مهما كان الثمن\n\n"
                 "ووصف المشهد بأنه «كارثي» [في بيان](http://x.com/a) نشره.\n\n")


def _check_calls(text: str) -> int:
    def check() -> None:
        out = prose(text)
        find_violations(out, extract(out), source="a.md", min_confidence=0.5)

    return count_calls(check)


def test_check_path_is_linear() -> None:
    """Four times a Markdown file of block quotes costs about four times the checking.

    Prose, extraction and policy together, on a file with many block quotes and short quotes.
    """
    unit = _ARTICLE_UNIT
    small_text, large_text = unit * 10, unit * 40
    out = prose(small_text)
    assert len(find_violations(out, extract(out), source="a.md", min_confidence=0.5)) == 20
    small, large = _check_calls(small_text), _check_calls(large_text)
    assert large <= 6 * small, (small, large)


_WRAPPED = ("# عنوان\n\nقال الوزير سامي علي في مؤتمر صحفي عقده اليوم\n"
            'إن "الحكومة لن تتراجع عن قرارها مهما كان الثمن".\n\n'
            "> لن نتراجع عن قرارنا\n> مهما كان الثمن\n\nووصف المشهد\r\nبأنه «كارثي».\n\n"
            "«هذا غير مقبول!»\n")


def test_joined_lines_make_one_paragraph() -> None:
    """With ``join_lines`` a paragraph wrapped over lines reads as one line, offsets kept."""
    out = prose(_WRAPPED, join_lines=True)
    assert len(out) == len(_WRAPPED)
    lines = out.split("\n")
    assert lines[2].startswith("قال الوزير") and lines[2].endswith('الثمن".')
    assert lines[4] == "« لن نتراجع عن قرارنا   مهما كان الثمن"  # one opening mark
    assert lines[6] == "ووصف المشهد  بأنه «كارثي»."
    assert prose(_WRAPPED).count("\n") == _WRAPPED.count("\n")


def test_check_reads_a_wrapped_paragraph_as_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A cue on one line and its quote on the next attribute; violations keep file lines."""
    code, violations = _check_json(tmp_path, "a.md", _WRAPPED, capsys)
    assert code == 1
    assert [(v["line"], v["column"], v["quote"], v["reason"]) for v in violations] == [
        (6, 3, "لن نتراجع عن قرارنا   مهما كان الثمن",
         "speaker سامي علي has confidence 0.30 < 0.50"),
        (12, 2, "هذا غير مقبول!", "quote without a speaker"),
    ]
    assert code == 1  # and the first paragraph, wrapped, is attributed: no violation there


def test_check_reads_gzipped_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .md.gz file is Markdown too."""
    (tmp_path / "a.md.gz").write_bytes(gzip.compress(_WRAPPED.encode()))
    assert main(["check", str(tmp_path / "a.md.gz"), "--format", "json"]) == 1
    violations = json.loads(capsys.readouterr().out)["violations"]
    assert [(v["line"], v["column"]) for v in violations] == [(6, 3), (12, 2)]
