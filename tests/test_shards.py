"""Shard planning, writing and resuming (`arquotes.shards`), without any engine."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from arquotes.cli import main
from arquotes.errors import OutputError, ShardError
from arquotes.readers import ReadOptions
from arquotes.runner import Task
from arquotes.shards import (
    STATE_DIR,
    Shard,
    clear_parts,
    completed,
    plan_shards,
    settings_of,
    write_shard,
)

OPTIONS = ReadOptions()
TASK = Task()
SETTINGS = settings_of(OPTIONS, TASK)


def shard_file(path: Path, texts: list[str], *, extra: list[str] | None = None) -> Path:
    """A JSON Lines shard of ``texts`` (ids a0, a1, ...), then ``extra`` raw lines."""
    lines = [
        json.dumps({"id": f"a{i}", "text": t, "source": "x.net"}, ensure_ascii=False)
        for i, t in enumerate(texts)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*lines, *(extra or [])]) + "\n", encoding="utf-8")
    return path


TEXTS = ["قال الوزير: «نعم».", "وأكد الرئيس أن الوضع مستقر.", "لا اقتباس هنا."]


def single_process(shard: Path, out: Path) -> bytes:
    """What ``arquotes extract SHARD -o OUT`` writes for the shard."""
    main(["extract", str(shard), "-o", str(out)])
    return out.read_bytes()


def test_plan_names_outputs_relative_to_the_common_folder(tmp_path: Path) -> None:
    shard_file(tmp_path / "in" / "2024" / "a.jsonl.gz", [])
    shard_file(tmp_path / "in" / "b.ndjson", [])
    shards = plan_shards([str(tmp_path / "in")], tmp_path / "out")
    assert [s.name for s in shards] == ["2024/a.jsonl", "b.jsonl"]
    assert all(s.outdir == str(tmp_path / "out") for s in shards)


def test_plan_expands_a_glob_the_shell_did_not(tmp_path: Path) -> None:
    for name in ("p1.jsonl", "p2.jsonl", "notes.txt"):
        shard_file(tmp_path / name, [])
    shards = plan_shards([str(tmp_path / "p*.jsonl")], tmp_path / "out")
    assert [Path(s.input).name for s in shards] == ["p1.jsonl", "p2.jsonl"]


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (["-"], "stdin cannot be a shard"),
        (["{tmp}/none*.jsonl"], "matches no file"),
        (["{tmp}/empty"], "no shard files"),
        (["{tmp}/x/a.jsonl", "{tmp}/x/a.ndjson"], "would both write"),
        ([], "no input shards"),
    ],
)
def test_plan_refuses_what_cannot_be_sharded(
    tmp_path: Path, inputs: list[str], message: str
) -> None:
    (tmp_path / "empty").mkdir()
    shard_file(tmp_path / "x" / "a.jsonl", [])
    shard_file(tmp_path / "x" / "a.ndjson", [])
    with pytest.raises(ShardError, match=message):
        plan_shards([i.format(tmp=tmp_path) for i in inputs], tmp_path / "out")


def test_plan_refuses_an_output_folder_that_is_a_file(tmp_path: Path) -> None:
    shard_file(tmp_path / "a.jsonl", [])
    (tmp_path / "out").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder"):
        plan_shards([str(tmp_path / "a.jsonl")], tmp_path / "out")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "mine"


def test_a_shard_is_what_extract_prints_for_it(tmp_path: Path) -> None:
    """Same bytes as one process, poisoned lines included (error records, in place)."""
    source = shard_file(tmp_path / "in" / "s.jsonl", TEXTS, extra=["not json", '{"text": 5}'])
    [shard] = plan_shards([str(source)], tmp_path / "out")
    result = write_shard(shard, OPTIONS, TASK)
    assert (result.records, result.errors, result.skipped) == (5, 2, False)
    assert shard.output.read_bytes() == single_process(source, tmp_path / "one.jsonl")
    records = [json.loads(line) for line in shard.output.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records[:3]] == ["a0", "a1", "a2"]
    assert records[0]["meta"] == {"source": "x.net"}
    assert "error" in records[3] and "error" in records[4]


def test_a_complete_shard_is_resumed_and_a_changed_one_redone(tmp_path: Path) -> None:
    source = shard_file(tmp_path / "s.jsonl", TEXTS)
    [shard] = plan_shards([str(source)], tmp_path / "out")
    assert completed(shard, SETTINGS) is None
    write_shard(shard, OPTIONS, TASK)
    resumed = completed(shard, SETTINGS)
    assert resumed is not None and resumed.skipped and resumed.records == 3
    # other settings (another text field) make other records: redone
    other = settings_of(ReadOptions(text_field="body"), TASK)
    assert completed(shard, other) is None
    # a new version of the input: redone
    shard_file(source, TEXTS[:2])
    os.utime(source, ns=(1, 1))
    assert completed(shard, SETTINGS) is None


def test_a_half_written_output_is_never_complete(tmp_path: Path) -> None:
    """An output cut short (or changed) after its marker was written is extracted again."""
    source = shard_file(tmp_path / "s.jsonl", TEXTS)
    [shard] = plan_shards([str(source)], tmp_path / "out")
    write_shard(shard, OPTIONS, TASK)
    whole = shard.output.read_bytes()
    shard.output.write_bytes(whole[: len(whole) // 2])
    assert completed(shard, SETTINGS) is None
    shard.output.write_bytes(whole.replace(b"a0", b"b0"))  # same size, other bytes
    assert completed(shard, SETTINGS) is None


def test_an_output_not_written_here_is_never_replaced(tmp_path: Path) -> None:
    source = shard_file(tmp_path / "s.jsonl", TEXTS)
    [shard] = plan_shards([str(source)], tmp_path / "out")
    shard.output.write_text("someone else's file", encoding="utf-8")
    with pytest.raises(OutputError, match="not written by arquotes"):
        completed(shard, SETTINGS)
    assert shard.output.read_text(encoding="utf-8") == "someone else's file"


def test_a_device_in_the_output_folder_is_never_replaced(tmp_path: Path) -> None:
    source = shard_file(tmp_path / "s.jsonl", TEXTS)
    [shard] = plan_shards([str(source)], tmp_path / "out")
    write_shard(shard, OPTIONS, TASK)
    shard.output.unlink()
    shard.output.symlink_to(os.devnull)
    with pytest.raises(OutputError, match="not written by arquotes"):
        completed(shard, SETTINGS)
    assert shard.output.is_symlink()


def test_parts_of_dead_attempts_are_cleared_and_nothing_else(tmp_path: Path) -> None:
    parts = tmp_path / STATE_DIR / "parts"
    parts.mkdir(parents=True)
    (parts / "s.jsonl.123.abc.part").write_text("half", encoding="utf-8")
    (parts / "keep.txt").write_text("not ours", encoding="utf-8")
    assert clear_parts(tmp_path) == 1
    assert [p.name for p in parts.iterdir()] == ["keep.txt"]


def test_a_missing_input_gives_its_error_record(tmp_path: Path) -> None:
    shard = Shard(input=str(tmp_path / "gone.jsonl"), name="gone.jsonl", outdir=str(tmp_path))
    result = write_shard(shard, OPTIONS, TASK)
    [record] = [json.loads(line) for line in shard.output.read_text().splitlines()]
    assert (result.records, result.errors) == (1, 1)
    assert "error" in record
