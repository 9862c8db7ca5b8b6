"""Failures while running: a worker that dies, an article over its time budget, SIGTERM.

Each run is a subprocess of the CLI; the generous ``timeout=`` of ``subprocess`` only detects a
hang, it measures nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HANG = 180  # seconds: a run that takes longer than this is hung

# The CLI with a test extractor: an article holding KILL kills its process (as the OOM killer
# would), one holding SLEEP sleeps, one holding SPIN loops in Python, one holding STUCK sleeps
# deaf to the alarm (as code that never returns to the interpreter would), anything else is
# read by the real extractor. The hooks live here, in the test, never in the package.
HOOKED_CLI = """
import os, signal, sys, time
import arquotes.runner
real = arquotes.runner.extract
arquotes.runner._GRACE = 1.0  # how long the parent waits past the budget before killing

def hooked(text):
    if "KILL" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "STUCK" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if "SLEEP" in text:
        time.sleep(600)
    if "SPIN" in text:
        while True:
            pass
    return real(text)

arquotes.runner.extract = hooked
from arquotes.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

TEXT = "قال علي إن الجو جميل."


def corpus(tmp_path: Path, count: int, special: dict[int, str]) -> Path:
    """A JSON Lines corpus of ``count`` articles; article n holds ``special[n]`` if given."""
    path = tmp_path / "c.jsonl"
    lines = (
        json.dumps({"id": f"a{n}", "text": f"{TEXT} {special.get(n, '')}"}, ensure_ascii=False)
        for n in range(count)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hooked(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "hooked_cli.py"
    script.write_text(HOOKED_CLI, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=HANG,
    )


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def errors_by_id(found: list[dict[str, object]]) -> dict[object, object]:
    return {r["id"]: r["error"] for r in found if "error" in r}


@pytest.mark.parametrize("killers", [[5], [0, 17, 39], [39]])
def test_killed_worker_costs_only_its_article(tmp_path: Path, killers: list[int]) -> None:
    """``-j 2``: a worker killed by SIGKILL gives an error record for its article, no hang."""
    path = corpus(tmp_path, 40, dict.fromkeys(killers, "KILL"))
    done = hooked(tmp_path, "extract", str(path), "-j", "2")
    assert done.returncode == 2, done.stderr
    found = records(done.stdout)
    assert [r["id"] for r in found] == [f"a{n}" for n in range(40)]
    errors = errors_by_id(found)
    assert set(errors) == {f"a{n}" for n in killers}
    assert all("worker process died" in str(e) for e in errors.values())
    assert all(r["quotes"] or r["claims"] for r in found if "error" not in r)
    assert done.stderr.count("worker process died") == len(killers)
    assert "Traceback" not in done.stderr


def test_killed_worker_in_check(tmp_path: Path) -> None:
    """``check -j 3`` names the article whose worker died and exits 2."""
    path = corpus(tmp_path, 30, {12: "KILL"})
    done = hooked(tmp_path, "check", str(path), "-j", "3", "--format", "json")
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    assert [e["id"] for e in report["errors"]] == ["a12"]
    assert "worker process died" in report["errors"][0]["error"]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("hook", ["SLEEP", "SPIN"])
def test_timeout_costs_only_the_slow_article(tmp_path: Path, jobs: str, hook: str) -> None:
    """``--timeout``: an article over its budget is an error record; the run goes on."""
    path = corpus(tmp_path, 20, {3: hook, 11: hook})
    done = hooked(tmp_path, "extract", str(path), "-j", jobs, "--timeout", "0.5")
    assert done.returncode == 2, done.stderr
    found = records(done.stdout)
    assert [r["id"] for r in found] == [f"a{n}" for n in range(20)]
    errors = errors_by_id(found)
    assert set(errors) == {"a3", "a11"}
    assert all(e == "timed out after 0.5 s (--timeout)" for e in errors.values())
    assert all(r["quotes"] or r["claims"] for r in found if "error" not in r)
    assert "Traceback" not in done.stderr


def test_timeout_of_a_deaf_worker(tmp_path: Path) -> None:
    """``-j 2``: a worker that never answers its alarm is killed; only its article is lost."""
    path = corpus(tmp_path, 20, {9: "STUCK"})
    done = hooked(tmp_path, "extract", str(path), "-j", "2", "--timeout", "0.5")
    assert done.returncode == 2, done.stderr
    found = records(done.stdout)
    assert [r["id"] for r in found] == [f"a{n}" for n in range(20)]
    assert errors_by_id(found) == {"a9": "timed out after 0.5 s (--timeout)"}
    assert "Traceback" not in done.stderr


def test_timeout_in_check(tmp_path: Path) -> None:
    """``check --timeout`` reports the slow article as an error and exits 2."""
    path = corpus(tmp_path, 5, {2: "SLEEP"})
    done = hooked(tmp_path, "check", str(path), "--timeout", "1", "--format", "json")
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    assert report["errors"] == [
        {"id": "a2", "file": str(path), "error": "timed out after 1 s (--timeout)"}
    ]


def test_no_timeout_by_default(tmp_path: Path) -> None:
    """Without ``--timeout`` an article may take as long as it needs (no budget by default)."""
    script = tmp_path / "slow_cli.py"
    script.write_text(
        HOOKED_CLI.replace("time.sleep(600)", "time.sleep(1.5)"), encoding="utf-8"
    )
    path = corpus(tmp_path, 3, {1: "SLEEP"})
    done = subprocess.run(
        [sys.executable, str(script), "extract", str(path)],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=HANG,
    )
    assert done.returncode == 0, done.stderr
    assert len(records(done.stdout)) == 3


@pytest.mark.parametrize("value", ["0", "-1", "abc", "nan", "inf"])
def test_bad_timeout_is_a_usage_error(value: str) -> None:
    """``--timeout`` takes a positive number of seconds."""
    done = subprocess.run(
        [sys.executable, "-m", "arquotes", "extract", "--timeout", value, os.devnull],
        capture_output=True, text=True, check=False, timeout=HANG,
    )
    assert done.returncode == 2
    assert "argument --timeout:" in done.stderr


def test_run_in_a_thread_keeps_the_timeout() -> None:
    """The library runner honours the budget off the main thread (no SIGALRM there)."""
    script = """
import threading, time
import arquotes.runner
from arquotes.readers import Article
from arquotes.runner import Task, run

def slow(text):
    if text:
        time.sleep(600)

arquotes.runner.extract = slow
result = []
articles = [Article(article_id="x", source="s", text="t")]
thread = threading.Thread(target=lambda: result.extend(run(articles, Task(timeout=0.5))))
thread.start()
thread.join()
print(result[0].error)
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, check=False, timeout=HANG,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "timed out after 0.5 s (--timeout)"


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _start(args: list[str], cwd: Path = ROOT) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "arquotes", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
    )


def _feed(process: subprocess.Popen[bytes], count: int) -> None:
    assert process.stdin is not None
    for n in range(count):
        line = json.dumps({"id": f"a{n}", "text": TEXT}).encode() + b"\n"
        process.stdin.write(line)
    process.stdin.flush()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_ends_like_ctrl_c(jobs: str) -> None:
    """SIGTERM mid-stream: exit 143, complete records only, workers stopped, no traceback."""
    process = _start(["extract", "-", "--input-format", "jsonl", "-j", jobs])
    _feed(process, 100)
    assert process.stdout is not None
    first = process.stdout.readline()  # the run is under way: records are flowing
    workers = _children(process.pid)
    assert len(workers) >= int(jobs) - 1
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=HANG)
    rest = process.stdout.read()
    assert code == 143
    found = [json.loads(line) for line in (first + rest).decode().splitlines()]
    assert [r["id"] for r in found] == [f"a{n}" for n in range(len(found))]
    assert rest == b"" or rest.endswith(b"\n")
    deadline = time.monotonic() + HANG
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    for stream in (process.stdin, process.stdout):
        assert stream is not None
        stream.close()
    assert process.stderr is not None
    stderr = process.stderr.read()
    process.stderr.close()
    assert b"Traceback" not in stderr
    assert b"arquotes: terminated" in stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_leaves_output_file_untouched(tmp_path: Path, jobs: str) -> None:
    """SIGTERM during an ``-o`` run keeps the old file and removes the temporary one."""
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    process = _start(["extract", "-", "--input-format", "jsonl", "-j", jobs, "-o", str(target)])
    _feed(process, 5)
    for _ in range(1200):  # wait until the temporary output exists: the run has started
        if len(list(tmp_path.iterdir())) > 1:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=HANG) == 143
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    for stream in (process.stdin, process.stdout, process.stderr):
        assert stream is not None
        stream.close()


def test_sigterm_stops_a_slow_worker(tmp_path: Path) -> None:
    """SIGTERM while a worker is busy on a long article stops the run at once, no hang."""
    script = tmp_path / "hooked_cli.py"
    script.write_text(HOOKED_CLI, encoding="utf-8")
    path = corpus(tmp_path, 30, {0: "SLEEP"})
    process = subprocess.Popen(
        [sys.executable, str(script), "extract", str(path), "-j", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
    )
    deadline = time.monotonic() + HANG
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=HANG) == 143
    deadline = time.monotonic() + HANG
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    for stream in (process.stdout, process.stderr):
        assert stream is not None
        stream.close()


def test_extract_many_survives_a_killed_worker() -> None:
    """``extract_many(jobs=2)`` has the same guarantee: one error result, the rest extracted."""
    script = """
import os, signal
import arquotes, arquotes.runner
real = arquotes.runner.extract

def hooked(text):
    if "KILL" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(text)

arquotes.runner.extract = hooked
texts = [f"قال علي إن الجو جميل. {'KILL' if n == 7 else ''}" for n in range(30)]
for result in arquotes.extract_many(texts, jobs=2):
    print(result.index, result.error is None and bool(result.extraction.claims), result.error)
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, check=False, timeout=HANG,
    )
    assert done.returncode == 0, done.stderr
    rows = [line.split(" ", 2) for line in done.stdout.splitlines()]
    assert [int(index) for index, _, _ in rows] == list(range(30))
    assert [n for n, (_, ok, _) in enumerate(rows) if ok != "True"] == [7]
    assert "worker process died" in rows[7][2]


SPAWNED_RUN = """\
import json, multiprocessing, sys
from arquotes import runner
from arquotes.readers import Article
from arquotes.writers import record_dict
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn", force=True)  # workers start afresh, as on macOS
    text = "«نحن مستعدون للحوار»، غرد الوزير."
    articles = [Article(article_id=str(n), source="-", text=text) for n in range(4)]
    task = runner.Task(lexicon=sys.argv[1])
    for outcome in runner.run(articles, task, jobs=2):
        print(json.dumps(record_dict(outcome)))
    print(json.dumps({"parent loaded": sorted(runner._EXTRACTORS)}))
"""


def test_workers_started_afresh_extract_with_the_lexicon(tmp_path: Path) -> None:
    """A task's lexicon file reaches workers that are spawned, not forked: they load it."""
    lexicon = tmp_path / "newsroom.toml"
    lexicon.write_text('[[verb]]\nlemma = "غرد"\ncategory = "statement"\npresent = "يغرد"\n'
                       'frames = ["quote", "that"]\n', encoding="utf-8")
    script = tmp_path / "spawned_run.py"
    script.write_text(SPAWNED_RUN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(lexicon)],
        capture_output=True, text=True, check=False, timeout=HANG,
    )
    assert done.returncode == 0, done.stderr
    *found, parent = records(done.stdout)
    assert parent == {"parent loaded": []}  # so the workers did
    speakers = [[q["attribution"]["speaker"] for q in r["quotes"]]  # type: ignore[attr-defined]
                for r in found]
    assert speakers == [[0]] * 4
