"""Tests for .pre-commit-hooks.yaml: a valid hook definition whose command really runs."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = {"id", "name", "entry", "language"}
KNOWN = REQUIRED | {
    "alias", "files", "exclude", "types", "types_or", "exclude_types", "always_run",
    "fail_fast", "verbose", "pass_filenames", "require_serial", "description",
    "language_version", "minimum_pre_commit_version", "args", "stages",
    "additional_dependencies",
}


def hooks() -> list[dict[str, Any]]:
    data = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def check_hook() -> dict[str, Any]:
    [hook] = [h for h in hooks() if h["id"] == "arquotes-check"]
    return hook


def test_hook_definition_is_well_formed() -> None:
    """Every hook has pre-commit's required keys and no unknown ones."""
    for hook in hooks():
        assert REQUIRED <= set(hook) <= KNOWN, hook


def test_hook_runs_the_installed_check_command() -> None:
    """The hook is a python hook whose entry is this package's ``arquotes check``."""
    hook = check_hook()
    assert hook["language"] == "python"
    assert shlex.split(hook["entry"]) == ["arquotes", "check"]
    assert hook.get("pass_filenames", True)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'arquotes = "arquotes.cli:main"' in pyproject


def test_hook_selects_articles_only() -> None:
    """The files pattern takes text, Markdown and JSONL articles, not code or gold JSON."""
    pattern = re.compile(check_hook()["files"])
    assert all(pattern.search(p) for p in ["news/a.md", "b.txt", "corpus.jsonl"])
    assert not any(pattern.search(p) for p in ["tests/corpus/a08.json", "setup.py"])


def _run_like_pre_commit(*files: str) -> subprocess.CompletedProcess[str]:
    """Run the hook as pre-commit does: entry, then args, then the staged file names."""
    hook = check_hook()
    entry = shlex.split(hook["entry"])
    script = str(Path(sys.executable).with_name(entry[0]))
    return subprocess.run(
        [script, *entry[1:], *hook.get("args", []), *files],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )


def test_hook_command_on_seeds() -> None:
    """Run on the seed articles the hook's command exits 0 (clean) or 1 (policy failure)."""
    done = _run_like_pre_commit(*(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt")))
    assert done.returncode in (0, 1), done.stderr
    assert (done.returncode == 1) == bool(done.stdout.strip())


def test_hook_command_fails_on_unreadable_file() -> None:
    """A staged file that cannot be read fails the hook with exit 2."""
    done = _run_like_pre_commit("seeds/does-not-exist.md")
    assert done.returncode == 2
    assert "does-not-exist.md" in done.stderr
