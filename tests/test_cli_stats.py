"""Tests for ``arquotes stats``: formats, inputs, bad lines and the Dask engine."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from arquotes import stats_io
from arquotes.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "stats" / "records.jsonl"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str,
            stdin: bytes | None = None) -> tuple[int, str, str]:
    if stdin is None:
        code = main(list(args))
    else:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
            code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_holds_every_table(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json: totals, speakers, kinds, genders, cues, outlets and days."""
    code, out, err = run_cli(capsys, "stats", str(FIXTURE), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["records"], data["failed"], data["quotes"], data["claims"]) == (6, 1, 10, 5)
    assert data["share_without_speaker"] == 0.2
    assert data["speakers"][0] == {
        "name": "ديمتري بيسكوف", "kind": "person", "gender": "male", "quotes": 4, "claims": 1,
        "articles": 3, "variants": ["بيسكوف", "دميتري بيسكوف"]}
    assert [o["key"] for o in data["outlets"]] == ["alarabiya.net", "aljazeera.net"]
    assert [d["key"] for d in data["days"]] == ["2026-11-28", "2026-11-29", "2026-11-30",
                                                "unknown"]
    assert {k["kind"] for k in data["kinds"]} == {"person", "body", "unnamed", "press"}


def test_top_limits_speakers_and_lemmas(capsys: pytest.CaptureFixture[str]) -> None:
    """--top N keeps N speakers and N lemmas per cue category; JSON has all without it."""
    _, out, _ = run_cli(capsys, "stats", str(FIXTURE), "--format", "json", "--top", "1")
    data = json.loads(out)
    assert [s["name"] for s in data["speakers"]] == ["ديمتري بيسكوف"]
    assert len(data["cues"]) == 7  # one lemma in each of the 7 categories used
    _, out, _ = run_cli(capsys, "stats", str(FIXTURE), "--format", "json")
    assert len(json.loads(out)["speakers"]) == 5
    _, out, _ = run_cli(capsys, "stats", str(FIXTURE), "--top", "2")
    assert "ماريا زاخاروفا" in out
    assert "وزارة الخارجية الروسية" not in out


@pytest.mark.parametrize(("table", "header", "first"), [
    ("speakers", ["rank", "quotes", "claims", "articles", "kind", "gender", "name", "variants"],
     ["1", "4", "1", "3", "person", "male", "ديمتري بيسكوف", "بيسكوف; دميتري بيسكوف"]),
    ("cues", ["category", "lemma", "count"], ["statement", "قال", "6"]),
    ("outlets", ["outlet", "records", "quotes", "claims", "quotes_without_speaker"],
     ["alarabiya.net", "2", "5", "1", "1"]),
    ("days", ["day", "records", "quotes", "claims", "quotes_without_speaker"],
     ["2026-11-28", "2", "5", "2", "1"]),
])
def test_csv_writes_the_table_asked_for(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        table: str, header: list[str], first: list[str]) -> None:
    """--format csv writes one table (--table), here to a file with -o."""
    out_path = tmp_path / f"{table}.csv"
    code, out, _ = run_cli(capsys, "stats", str(FIXTURE), "--format", "csv", "--table", table,
                           "-o", str(out_path))
    assert (code, out) == (0, "")
    rows = list(csv.reader(io.StringIO(out_path.read_text(encoding="utf-8"))))
    assert rows[0] == header
    assert rows[1] == first


def test_table_aligns_columns(capsys: pytest.CaptureFixture[str]) -> None:
    """The terminal table has every section, numbers right-aligned under their header."""
    code, out, _ = run_cli(capsys, "stats", str(FIXTURE))
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["records 6  failed 1  bad lines 0",
                         "quotes 10  without speaker 2 (20.0%)  claims 5  without speaker 1"]
    for section in ("speakers", "kinds", "genders", "cues", "outlets", "days"):
        assert section in lines
    header = lines[lines.index("speakers") + 1]
    first = lines[lines.index("speakers") + 2]
    assert header.index("quotes") + len("quotes") == first.index(" 4 ") + 2


def test_stdin_and_bad_lines_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Bad lines are described on stderr and skipped; the rest is counted; exit 2."""
    good = FIXTURE.read_bytes()
    code, out, err = run_cli(capsys, "stats", "-", "--format", "json",
                             stdin=good + b'{"quotes": 3}\nnot json\n')
    assert code == 2
    assert json.loads(out)["records"] == 6
    assert "<stdin>:8: not an extraction record" in err
    assert "<stdin>:9: not JSON" in err
    assert "2 bad line(s) were not counted" in err
    assert "Traceback" not in err


def test_missing_input_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An input that names no file is an error (exit 2); the others are still counted."""
    code, out, err = run_cli(capsys, "stats", str(tmp_path / "none.jsonl"), str(FIXTURE),
                             "--format", "json")
    assert code == 2
    assert "none.jsonl: no such record file" in err
    assert json.loads(out)["records"] == 6


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["-", "--engine", "dask"], "reads files, not stdin"),
    (["--top", "0"], "must be at least 1"),
])
def test_wrong_options_exit_2(capsys: pytest.CaptureFixture[str], args: list[str],
                              message: str) -> None:
    """Options that do not go together are a clean usage error."""
    code, _, err = run_cli(capsys, "stats", str(FIXTURE), *args)
    assert code == 2
    assert message in err


def test_without_dask_the_engine_says_how_to_get_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Dask missing, --engine dask says which extra to install (exit 2)."""
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    code, _, err = run_cli(capsys, "stats", str(FIXTURE), "--engine", "dask")
    assert code == 2
    assert "pip install 'arquotes[dask]'" in err


def test_unreachable_scheduler_exits_2(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler that does not answer is a clean error, not a traceback."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(stats_io, "CONNECT_TIMEOUT", "1s")
    code, _, err = run_cli(capsys, "stats", str(FIXTURE), "--engine", "dask",
                           "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2
    assert "cannot reach the Dask scheduler" in err


def test_dask_engine_prints_the_local_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """--engine dask (local process pool) gives the same JSON as the local engine."""
    pytest.importorskip("dask.bag")
    _, local, _ = run_cli(capsys, "stats", str(FIXTURE), "--format", "json")
    code, remote, _ = run_cli(capsys, "stats", str(FIXTURE), "--format", "json",
                              "--engine", "dask")
    assert code == 0
    assert json.loads(remote) == json.loads(local)
