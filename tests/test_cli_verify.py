"""Tests of ``arquotes verify`` on the fixtures of tests/fixtures/verify (run in process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from arquotes.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "verify"
SOURCES = ("--source", str(FIXTURES / "statement.json"),
           "--source", str(FIXTURES / "transcript.jsonl"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["verify", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def story(name: str) -> str:
    return str(FIXTURES / name)


def test_faithful_story_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, story("faithful.txt"), *SOURCES)
    assert code == 0
    assert out.count("VERBATIM 1.00") == 3
    assert "faithful.txt:3:48: VERBATIM" in out
    assert "said by سلمى حداد" in out


@pytest.mark.parametrize(("name", "expected"), [
    ("dropped_negation.txt", "dropped «ليس» [negation]"),
    ("changed_number.txt", "replaced «3.5» with «2.5» [number]"),
    ("paraphrase.txt", "NOT_FOUND"),
    ("misattributed.txt", "MISATTRIBUTED 1.00"),
])
def test_failing_stories_exit_1_and_say_why(
    capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    code, out, _ = run(capsys, story(name), *SOURCES)
    assert code == 1
    assert expected in out


def test_softened_word_fails_only_under_min_similarity(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, story("softened.txt"), *SOURCES)
    assert code == 0
    assert "ALTERED 0.90" in out
    assert "replaced «صعب» with «دقيق»" in out
    assert run(capsys, story("softened.txt"), *SOURCES, "--min-similarity", "0.95")[0] == 1


def test_ellipsis_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, story("ellipsis.txt"), *SOURCES)
    assert (code, out.split()[1]) == (0, "ELLIPSIS")


def test_min_found_turns_a_changed_quote_into_not_found(
    capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, story("softened.txt"), *SOURCES, "--min-found", "0.95")
    assert "NOT_FOUND" in out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, story("faithful.txt"), story("changed_number.txt"), *SOURCES,
                       "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert [s["file"].rsplit("/", 1)[-1] for s in data["stories"]] == [
        "faithful.txt", "changed_number.txt"]
    number = data["stories"][1]["checks"][0]
    assert (number["verdict"], number["fails"], number["meaning_changed"]) == (
        "altered", True, True)
    assert data["sources"][0]["speaker"] == "أحمد الخطيب"


def test_github_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, story("dropped_negation.txt"), story("softened.txt"), *SOURCES,
                       "--format", "github")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 3
    assert lines[0].startswith("::error file=")
    assert ",line=1,col=50::ALTERED IN MEANING: «" in lines[0]
    assert lines[2].startswith("::warning file=")


def test_across_marks_the_versions_that_differ(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--across", story("outlets/outlets.jsonl"),
                       "--source", story("statement.json"))
    assert code == 1
    assert "quote 1: 5 stories" in out
    assert "  = al-yawm [source: VERBATIM]" in out
    assert "  ≠ al-sabah [source: ALTERED IN MEANING]" in out
    assert "dropped «والوقود»" in out


def test_across_without_sources_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--across", story("outlets/outlets.jsonl"), "--format", "json")
    group = json.loads(out)["groups"][0]
    assert code == 1  # al-sabah drops the negation the majority has
    assert [v["differs"] for v in group["versions"]] == [False, False, False, True, True]
    assert all(v["check"] is None for v in group["versions"])


def test_across_agreeing_stories_pass(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    lines = (FIXTURES / "outlets" / "outlets.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "agree.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "--across", str(tmp_path / "agree.jsonl"))
    assert code == 0
    assert "≠" not in out


@pytest.mark.parametrize("args", [
    (),  # no --source and no --across
    ("--source", "missing.json"),
    ("--source", str(FIXTURES / "faithful.txt"), "--min-similarity", "2"),
])
def test_input_errors_exit_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, _, err = run(capsys, story("faithful.txt"), *args)
    assert code == 2
    assert "Traceback" not in err


def test_bad_source_record_is_a_clean_error(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n{"speaker": "y"}\n', encoding="utf-8")
    code, _, err = run(capsys, story("faithful.txt"), "--source", str(bad))
    assert code == 2
    assert "bad.jsonl:2: field 'text' is missing" in err


def test_unreadable_story_exits_2_after_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, story("faithful.txt"), story("missing.txt"), *SOURCES)
    assert code == 2
    assert "VERBATIM" in out
    assert "missing.txt" in err


def test_runs_as_a_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "arquotes", "verify", story("misattributed.txt"), *SOURCES],
        capture_output=True, check=False)
    assert done.returncode == 1
    assert "MISATTRIBUTED" in done.stdout.decode("utf-8")


def test_across_github_errors_on_a_change_of_meaning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--across", story("outlets/outlets.jsonl"),
                       "--source", story("statement.json"), "--format", "github")
    assert code == 1
    assert [line.split("::")[1] for line in out.splitlines()] == [
        "error title=al-sabah", "warning title=al-fajr"]


def test_mixed_quotes_are_checked_on_request(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_text('وصف وزير المالية أحمد الخطيب الوضع بأنه "الوضع الاقتصادي صعب لكنه كارثي"'
                     " في حديثه للصحفيين أمس.", encoding="utf-8")
    assert run(capsys, str(mixed), *SOURCES) == (0, "", "")
    code, out, _ = run(capsys, str(mixed), *SOURCES, "--mixed")
    assert code == 1
    assert "dropped «ليس» [negation]" in out
