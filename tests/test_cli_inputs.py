"""The command line on inputs a newsroom has: JSON, folders, gzip, encodings, its own lexicon."""

from __future__ import annotations

import gzip
import io
import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from arquotes.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "a08.json"
TEXT = "قال الوزير للصحفيين: «نحن مستعدون للحوار»."
TWEET = "«نحن مستعدون للحوار»، غرد الوزير."
"""Without the newsroom's verb غرد this quote has no speaker; with it, الوزير said it."""
LEXICON = """\
[[verb]]
lemma = "غرد"
category = "statement"
present = "يغرد"
frames = ["quote", "that"]
"""


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def run_cli(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: bytes | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
            code = main(list(args))
    else:
        code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "newsroom.toml"
    path.write_text(LEXICON, encoding="utf-8")
    return path


def test_jsonl_on_stdin_gives_a_record_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    lines = "".join(json.dumps({"id": f"n{i}", "text": TEXT}) + "\n" for i in range(3))
    code, out, err = run_cli(capsys, "extract", stdin=lines.encode())
    assert code == 0
    assert [r["id"] for r in records(out)] == ["n0", "n1", "n2"]
    assert all(r["quotes"] for r in records(out))
    assert "arquotes: note: -: read as JSON Lines (detected)" in err


def test_gold_file_is_its_article(capsys: pytest.CaptureFixture[str]) -> None:
    """``arquotes extract tests/corpus/a08.json`` extracts the gold file's article."""
    code, out, _ = run_cli(capsys, "extract", str(GOLD))
    [record] = records(out)
    assert (code, record["id"]) == (0, "a08")
    assert record["quotes"]
    assert not any('"items"' in q["text"] for q in record["quotes"])


def test_unknown_json_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 2
    assert "settings.json: a JSON object without a 'text' field" in err
    assert out == ""


def test_folder_with_glob_and_gzip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "2025" / "10").mkdir(parents=True)
    (tmp_path / "2025" / "10" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2025" / "b.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    (tmp_path / "c.md").write_text(TEXT, encoding="utf-8")
    code, out, _ = run_cli(capsys, "extract", str(tmp_path), "--glob", "*.txt*")
    assert code == 0
    assert [r["id"] for r in records(out)] == ["b", "a"]
    code, out, _ = run_cli(capsys, "extract", str(tmp_path))
    assert [r["id"] for r in records(out)] == ["c", "b", "a"]


def test_windows_1256_is_read_and_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(TEXT.encode("cp1256"))
    code, out, err = run_cli(capsys, "extract", str(path))
    [record] = records(out)
    assert code == 0
    assert record["quotes"][0]["text"] == "نحن مستعدون للحوار"
    assert f"arquotes: note: {path}: read as cp1256 (detected; --encoding to override)" in err


def test_utf16_with_bom_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    code, out, err = run_cli(capsys, "extract", str(path))
    assert code == 0
    assert records(out)[0]["quotes"]
    assert "read as utf-16-le" in err


def test_encoding_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    path.write_bytes(json.dumps({"id": "x", "text": TEXT}, ensure_ascii=False).encode("cp1256"))
    code, out, _ = run_cli(capsys, "extract", str(path), "--encoding", "windows-1256")
    assert code == 0
    assert records(out)[0]["quotes"]
    code, _, err = run_cli(capsys, "extract", str(path), "--encoding", "klingon")
    assert code == 2
    assert "unknown encoding: 'klingon'" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lexicon_applies_to_extract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lexicon: Path, jobs: str
) -> None:
    path = tmp_path / "t.txt"
    path.write_text(TWEET, encoding="utf-8")
    _, out, _ = run_cli(capsys, "extract", str(path), "-j", jobs)
    assert "غرد" not in out
    code, out, _ = run_cli(capsys, "extract", str(path), "-j", jobs, "--lexicon", str(lexicon))
    [record] = records(out)
    attribution = record["quotes"][0]["attribution"]
    speaker = record["speakers"][attribution["speaker"]]["name"]
    assert (code, attribution["cue"]["lemma"], speaker) == (0, "غرد", "الوزير")


def test_lexicon_applies_to_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lexicon: Path
) -> None:
    path = tmp_path / "t.txt"
    path.write_text(TWEET, encoding="utf-8")
    assert run_cli(capsys, "check", str(path))[0] == 1
    assert run_cli(capsys, "check", str(path), "--lexicon", str(lexicon))[0] == 0


def test_lexicon_applies_to_evaluate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lexicon: Path
) -> None:
    gold = tmp_path / "t1.json"
    item = {"kind": "direct", "content": "نحن مستعدون للحوار", "speaker": "الوزير"}
    gold.write_text(json.dumps({"id": "t1", "text": TWEET, "items": [item]}), encoding="utf-8")
    code, out, _ = run_cli(capsys, "evaluate", str(gold), "--json")
    assert code == 0
    assert json.loads(out)["direct"]["speaker_acc"] < 1
    code, out, _ = run_cli(capsys, "evaluate", str(gold), "--json", "--lexicon", str(lexicon))
    assert code == 0
    assert json.loads(out)["direct"]["speaker_acc"] == 1


@pytest.mark.parametrize("command", ["extract", "check", "evaluate"])
def test_bad_lexicon_is_exit_2_with_the_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[verb]]\nlemma = \n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    args = [command, str(GOLD), "--lexicon", str(bad)]
    if command == "extract":
        args += ["-o", str(output)]
    code, out, err = run_cli(capsys, *args)
    assert code == 2
    assert err.startswith(f"arquotes: error: {bad}: not valid TOML")
    assert "Traceback" not in err
    assert out == ""
    assert not output.exists()
    code, _, err = run_cli(capsys, command, str(GOLD), "--lexicon", str(tmp_path / "nope.toml"))
    assert code == 2
    assert "nope.toml: cannot read" in err


def test_lexicon_passes_through_the_pre_commit_hook(tmp_path: Path, lexicon: Path) -> None:
    """A hook's ``args: [--lexicon, newsroom.toml]`` reach the command (entry, args, files)."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "arquotes-check"]
    story = tmp_path / "story.md"
    story.write_text(TWEET, encoding="utf-8")
    entry = shlex.split(hook["entry"])
    assert entry[0] == "arquotes"
    command = [sys.executable, "-m", "arquotes", *entry[1:]]
    plain = subprocess.run([*command, "story.md"], cwd=tmp_path, capture_output=True, check=False)
    assert plain.returncode == 1
    done = subprocess.run(
        [*command, "--lexicon", lexicon.name, "story.md"],
        cwd=tmp_path, capture_output=True, check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")


def test_lexicon_applies_when_workers_are_spawned(tmp_path: Path, lexicon: Path) -> None:
    """Where workers start afresh (spawn: macOS, Windows), --lexicon still applies."""
    path = tmp_path / "t.txt"
    path.write_text(TWEET, encoding="utf-8")
    script = (
        "import multiprocessing, sys\n"
        "from arquotes.cli import main\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    raise SystemExit(main(sys.argv[1:]))\n"
    )
    runner = tmp_path / "spawned.py"
    runner.write_text(script, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(runner), "extract", str(path), "-j", "2", "--lexicon", str(lexicon)],
        capture_output=True, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [record] = records(done.stdout.decode())
    assert record["quotes"][0]["attribution"]["cue"]["lemma"] == "غرد"
