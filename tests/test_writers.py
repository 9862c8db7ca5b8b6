"""Tests for arquotes.writers and the check report: what reaches a terminal is safe to show."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from arquotes.writers import escape_controls

# Clear screen, a red colour, and a window-title sequence ended by BEL: what a hostile
# article could send to whoever reads the report in a terminal or a CI log.
HOSTILE = "\x1b[2J\x1b[31m"
TITLE = "\x1b]0;pwned\x07"
QUOTE = f"«{HOSTILE}هذا كلام طويل جدا بلا قائل معروف في النص كله{TITLE}»"


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arquotes", *args],
        input=None if stdin is None else stdin.encode(), capture_output=True, check=False,
    )


def test_escape_controls_shows_them_and_keeps_text() -> None:
    """C0, DEL and C1 controls become visible escapes; Arabic, marks and newlines stay."""
    assert escape_controls("قال\x1b[31m «نعم»\x7f\x9b") == "قال\\x1b[31m «نعم»\\x7f\\x9b"
    assert escape_controls("سطر\nسطر", keep="\n") == "سطر\nسطر"
    assert escape_controls("سطر\nسطر") == "سطر\\nسطر"
    assert escape_controls("\u200fنص عادي\u200c") == "\u200fنص عادي\u200c"


def test_extract_text_output_escapes_controls() -> None:
    """``extract --format text`` shows an article's escape sequences, never sends them."""
    done = _run("extract", "--format", "text", "-",
                stdin=f"وقال الوزير: «{HOSTILE}نحن مستعدون للحوار{TITLE}».")
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout
    assert b"\x07" not in done.stdout
    assert b"\\x1b[2J" in done.stdout


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_check_report_escapes_controls(tmp_path: Path, output_format: str) -> None:
    """``check`` text and GitHub reports carry no raw control characters."""
    article = tmp_path / f"bad{TITLE}.txt"
    article.write_text(f"جاء في التقرير: {QUOTE} ثم انتهى.\n", encoding="utf-8")
    done = _run("check", "--format", output_format, str(article))
    assert done.returncode == 1, done.stderr
    assert b"\x1b" not in done.stdout
    assert b"\x07" not in done.stdout
    assert b"\\x1b" in done.stdout


def test_check_json_is_readable_utf8(tmp_path: Path) -> None:
    r"""``check --format json`` writes the Arabic as UTF-8, not \u escapes."""
    article = tmp_path / "مقال.txt"
    article.write_text(f"جاء في التقرير: {QUOTE} ثم انتهى.\n", encoding="utf-8")
    done = _run("check", "--format", "json", str(article))
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")
    assert "\\u06" not in text
    assert "مقال.txt" in text
    assert "\x1b" not in text  # JSON escapes controls itself
    data = json.loads(text)
    assert data["violations"][0]["file"] == str(article)
