"""The documented snippets work as written: Python run, pre-commit tried in a scratch repository.

Python snippets of a page run in order in one namespace (a reader follows the page), in a
folder holding the files the page itself shows (a TOML block whose first line is
``# NAME.toml``) and the repository's ``seeds`` and ``tests``. A line ``expr  # value`` whose
comment is a Python literal must give that value.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
_RESULT = re.compile(r"^(?P<expr>\S[^#]*?)\s+#\s*(?P<value>.+)$")
PAGES = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]


def _blocks(page: str, language: str) -> list[str]:
    text = (ROOT / page).read_text(encoding="utf-8")
    return [m.group(2) for m in _BLOCK.finditer(text) if m.group(1) == language]


def _stated_results(code: str) -> list[tuple[str, object]]:
    """(expression, value) for every top-level line that states its result in a comment."""
    found = []
    for line in code.splitlines():
        match = _RESULT.match(line)
        if match is None:
            continue
        try:
            value = ast.literal_eval(match["value"].strip())
            ast.parse(match["expr"], mode="eval")
        except (ValueError, SyntaxError):
            continue  # a comment in words, or a statement
        found.append((match["expr"], value))
    return found


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p, "python")])
def test_python_snippets_run_as_written(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every Python block of the page runs, and gives the results its comments state."""
    for name in ("seeds", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    for block in _blocks(page, "toml"):
        first = block.splitlines()[0]
        if first.startswith("# ") and first.endswith(".toml"):
            (tmp_path / first[2:]).write_text(block, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__snippet__"}
    checked = 0
    for code in _blocks(page, "python"):
        exec(compile(code, page, "exec"), namespace)  # noqa: S102 - the documented code
        for expr, value in _stated_results(code):
            assert eval(expr, namespace) == value, (page, expr)  # noqa: S307
            checked += 1
    if page == "README.md":
        assert checked >= 4  # the README's stated results are checked, not only run


def test_no_page_installs_arquotes_from_a_registry() -> None:
    """``pip install arquotes`` would fetch whatever holds that name on PyPI: never told."""
    plain = re.compile(
        r"pip install\s+(-U\s+)?['\"]?arquotes(\[[^\]]*\])?(?!\s*@)(?![\w.-])")
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        assert not plain.search(text), page


def _pre_commit_config(commit: str) -> str:
    (block,) = [b for b in _blocks("docs/cli.md", "yaml") if "arquotes-check" in b]
    assert "<commit>" in block  # the placeholder the page explains, filled in here
    return block.replace("https://github.com/<owner>/arquotes", str(ROOT)).replace(
        "<commit>", commit)


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.mark.slow
def test_pre_commit_snippet_works_in_a_scratch_repository(tmp_path: Path) -> None:
    """The documented .pre-commit-config.yaml installs the hook and fails an unattributed quote.

    Slow (pre-commit builds a virtualenv and installs arquotes into it, from the package
    index), so it runs with the ``-m slow`` CI job.
    """
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    commit = _git(ROOT, "rev-parse", "HEAD")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(_pre_commit_config(commit), encoding="utf-8")
    (repo / "good.md").write_text("وقال الوزير: «نحن مستعدون للحوار».\n", encoding="utf-8")
    (repo / "bad.md").write_text(
        "جاء في التقرير: «هذا كلام طويل جدا بلا قائل معروف في النص كله».\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    done = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, capture_output=True,
                          text=True, check=False, env=env, timeout=900)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad.md:1:" in done.stdout
    assert "good.md" not in done.stdout
