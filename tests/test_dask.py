"""The Dask engine on a two-worker `distributed.LocalCluster` (`arquotes.dask`).

A corpus of 2,000 articles from the development and wild corpora, in 20 shards with poisoned
lines among them, must give byte for byte what ``arquotes extract SHARD`` gives on one process,
also when a worker is killed in the middle, and a rerun must resume.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import sys
import threading
import time
from itertools import cycle
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from arquotes.cli import main
from arquotes.readers import ReadOptions, article_from_record
from arquotes.runner import Task, process
from arquotes.shards import STATE_DIR
from arquotes.writers import record_dict

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
dask_bag = pytest.importorskip("dask.bag", reason="the dask extra is not installed")

from arquotes.dask import DaskMissingError, extract_bag, extract_shards  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 2_000
SHARDS = 20
POISON = ["not json at all", '{"id": "bad-text", "text": 42}', "[1, 2]"]


def corpus_texts() -> list[str]:
    """Every text of the development corpus and the wild corpus."""
    texts = [
        json.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted((ROOT / "tests" / "corpus").glob("*.json"))
    ]
    wild = ROOT / "benchmarks" / "wild" / "wild.jsonl"
    texts += [json.loads(line)["text"] for line in wild.read_text(encoding="utf-8").splitlines()]
    return texts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """20 shards of 100 articles (one gzipped, one with poisoned lines), and their records.

    The records of a shard are the bytes ``arquotes extract SHARD`` writes on one process.
    """
    folder = tmp_path_factory.mktemp("shards")
    texts = cycle(corpus_texts())
    outlets = cycle(["aljazeera.net", "alarabiya.net", "bbc.com/arabic"])
    reference: dict[str, bytes] = {}
    per_shard = ARTICLES // SHARDS
    for number in range(SHARDS):
        lines = [
            json.dumps(
                {"id": f"s{number}-{i}", "text": next(texts), "source": next(outlets),
                 "date": f"2026-11-{1 + i % 28:02d}"},
                ensure_ascii=False,
            )
            for i in range(per_shard)
        ]
        if number == 3:
            lines[10:10] = POISON
        data = ("\n".join(lines) + "\n").encode()
        path = folder / f"part-{number:02d}.jsonl"
        if number == 7:
            path = path.with_name(path.name + ".gz")
            data = gzip.compress(data)
        path.write_bytes(data)
        reference_file = folder.parent / f"{folder.name}-ref-{number}.jsonl"
        assert main(["extract", str(path), "-o", str(reference_file)]) == (2 if number == 3 else 0)
        reference[path.name.removesuffix(".gz")] = reference_file.read_bytes()
    return folder, reference


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A local cluster of two single-threaded worker processes, each under a nanny."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.jsonl"))}


def test_two_workers_give_what_one_process_gives(
    corpus: tuple[Path, dict[str, bytes]], cluster: Any, tmp_path: Path
) -> None:
    folder, reference = corpus
    results = extract_shards([str(folder)], tmp_path, scheduler=cluster.scheduler_address)
    assert [Path(r.output).name for r in results] == sorted(reference)
    assert sum(r.records for r in results) == ARTICLES + len(POISON)
    assert sum(r.errors for r in results) == len(POISON)
    assert outputs(tmp_path) == reference


def test_a_worker_killed_in_the_middle_costs_nothing(
    corpus: tuple[Path, dict[str, bytes]], cluster: Any, tmp_path: Path
) -> None:
    """SIGKILL one worker while it writes a shard: its tasks run again, no record is lost.

    Eight of the shards (800 articles, poisoned lines and the gzipped shard among them) keep
    both workers busy long enough for the kill to land in the middle of a shard.
    """
    folder, reference = corpus
    shards = [str(path) for path in sorted(folder.glob("part-0[0-7].jsonl*"))]
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2)
        pids = set(client.run(os.getpid).values())
    run: dict[str, Any] = {}

    def extract() -> None:
        run["results"] = extract_shards(shards, tmp_path, scheduler=cluster.scheduler_address)

    thread = threading.Thread(target=extract)
    thread.start()
    victim = _first_writer(tmp_path / STATE_DIR / "parts", pids, thread)
    os.kill(victim, signal.SIGKILL)
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert len(run["results"]) == len(outputs(tmp_path)) == 8
    assert outputs(tmp_path) == {name: reference[name] for name in outputs(tmp_path)}
    leftovers = list((tmp_path / STATE_DIR / "parts").glob(f"*.{victim}.*.part"))
    assert leftovers, "the killed worker was not writing: the test proved nothing"
    with distributed.Client(cluster) as client:  # the nanny restarts it for the next tests
        client.wait_for_workers(2, timeout=60)


def _first_writer(parts: Path, pids: set[int], thread: threading.Thread) -> int:
    """The pid of the first worker seen writing a part file (named ``NAME.PID.UUID.part``)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and thread.is_alive():
        for part in parts.glob("*.part") if parts.is_dir() else ():
            pid = int(part.name.split(".")[-3])
            if pid in pids and part.stat().st_size > 0:
                return pid
        time.sleep(0.005)
    pytest.fail("no worker was seen writing a shard")


def test_a_rerun_resumes_and_redoes_only_what_is_missing(
    corpus: tuple[Path, dict[str, bytes]], cluster: Any, tmp_path: Path
) -> None:
    folder, reference = corpus
    shards = [str(p) for p in sorted(folder.glob("part-0[0-3].jsonl"))]
    extract_shards(shards, tmp_path, scheduler=cluster.scheduler_address)
    (tmp_path / "part-01.jsonl").unlink()
    cut = tmp_path / "part-02.jsonl"
    cut.write_bytes(cut.read_bytes()[:100])  # half-written: never taken as complete
    results = extract_shards(shards, tmp_path, scheduler=cluster.scheduler_address)
    assert [r.skipped for r in results] == [True, False, False, True]
    assert outputs(tmp_path) == {name: reference[name] for name in outputs(tmp_path)}
    assert len(outputs(tmp_path)) == 4


def test_extract_bag_gives_the_record_of_every_item(cluster: Any) -> None:
    items: list[Any] = [
        {"id": "r1", "text": "قال الوزير: «نعم».", "source": "x.net", "tags": ["a"]},
        "وأكد الرئيس أن الوضع مستقر.",
        {"text": "لا اقتباس هنا."},
        42,
        {"id": "r2", "body": "no text field"},
    ]
    bag = dask_bag.from_sequence(items, npartitions=2)
    with distributed.Client(cluster) as client:
        records = client.compute(extract_bag(bag)).result()
    options = ReadOptions()
    assert records[0] == record_dict(process(
        article_from_record(items[0], source="bag", default_id="", options=options), Task()))
    assert records[0]["meta"] == {"source": "x.net"}
    assert [r["id"] for r in records] == ["r1", "bag:0:2", "bag:0:3", "bag:1:1", "r2"]
    assert records[1]["claims"] and "error" not in records[1]
    assert "got int" in records[3]["error"]
    assert "'text' is missing" in records[4]["error"]


def test_the_command_line_runs_the_engine_and_resumes(
    corpus: tuple[Path, dict[str, bytes]], cluster: Any, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, reference = corpus
    glob = str(folder / "part-0[4-5].jsonl")
    args = ["extract", glob, "--engine", "dask", "--scheduler", cluster.scheduler_address,
            "-o", str(tmp_path)]
    assert main(args) == 0
    assert outputs(tmp_path) == {n: reference[n] for n in ("part-04.jsonl", "part-05.jsonl")}
    assert main(args) == 0
    assert "0 extracted, 2 already complete; 200 record(s)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "give the folder with -o"),
        (["-o", "out", "--format", "csv"], "JSON Lines shards"),
        (["-o", "out", "--timeout", "5"], "--timeout is not available"),
    ],
)
def test_the_command_line_says_what_does_not_go_with_dask(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "a.jsonl", "--engine", "dask", *extra]) == 2
    assert message in capsys.readouterr().err


def test_scheduler_needs_the_dask_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "a.jsonl", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_without_the_extra_the_engine_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(DaskMissingError, match=r"arquotes\[dask\]"):
        extract_shards(["a.jsonl"], tmp_path)
    assert main(["extract", "a.jsonl", "--engine", "dask", "-o", str(tmp_path)]) == 2
    assert "pip install 'arquotes[dask]'" in capsys.readouterr().err


def test_workers_extract_with_the_lexicon_file(cluster: Any, tmp_path: Path) -> None:
    """``--lexicon`` reaches every worker: the newsroom's verb غرد gives the quote a speaker."""
    lexicon = tmp_path / "newsroom.toml"
    lexicon.write_text(
        '[[verb]]\nlemma = "غرد"\ncategory = "statement"\npresent = "يغرد"\n'
        'frames = ["quote", "that"]\n',
        encoding="utf-8",
    )
    shard = tmp_path / "in" / "t.jsonl"
    shard.parent.mkdir()
    shard.write_text(json.dumps({"id": "t", "text": "«نحن مستعدون للحوار»، غرد الوزير."}) + "\n",
                     encoding="utf-8")
    speakers = []
    for name, extra in (("plain", []), ("newsroom", ["--lexicon", str(lexicon)])):
        out = tmp_path / name
        assert main(["extract", str(shard), "--engine", "dask", "--scheduler",
                     cluster.scheduler_address, "-o", str(out), *extra]) == 0
        [record] = [json.loads(line) for line in (out / "t.jsonl").read_text().splitlines()]
        speakers.append([quote["attribution"]["speaker"] for quote in record["quotes"]])
    assert speakers == [[], [0]]
