"""End-to-end tests of the ``arquotes`` command, run as a subprocess on the seed articles."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pytest

from arquotes import COMPILED
from arquotes.cli import main
from arquotes.policy import line_column

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = SEEDS[0]
RECORD_KEYS = {"id", "source", "version", "quotes", "claims", "speakers"}

# Runs the CLI with an extractor that reports every «...» as a direct quote without a speaker
# (or with one at confidence 0.3 when the quote starts with "ثقة"): check's policy is then known.
FAKE_EXTRACTOR_CLI = """
import sys
import arquotes.runner
from arquotes.model import Attribution, Extraction, Quote, Span, Speaker

def fake(text):
    quotes = []
    start = text.find("«")
    while start >= 0:
        end = text.index("»", start)
        words = text[start + 1:end]
        who = None
        if words.startswith("ثقة"):
            who = Attribution(speaker=Speaker(name="علي"), confidence=0.3)
        quotes.append(Quote(text=words, span=Span(start + 1, end), attribution=who))
        start = text.find("«", end)
    return Extraction(quotes=tuple(quotes))

arquotes.runner.extract = fake
from arquotes.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def arquotes(
    *args: str, stdin: bytes | None = None, cwd: Path = ROOT, umask: int = -1
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arquotes", *args],
        input=stdin, capture_output=True, check=False, cwd=cwd, umask=umask,
    )


def fake_arquotes(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "fake_cli.py"
    script.write_text(FAKE_EXTRACTOR_CLI, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )


def jsonl(output: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.decode("utf-8").splitlines()]


def test_extract_seed_gives_one_record() -> None:
    """``arquotes extract`` on a seed prints one JSON Lines record with every field."""
    done = arquotes("extract", str(SEED.relative_to(ROOT)))
    assert done.returncode == 0, done.stderr
    [record] = jsonl(done.stdout)
    assert set(record) == RECORD_KEYS
    assert record["id"] == SEED.stem
    assert record["source"] == "seeds/000_0707ee13b42fe2f3.txt"


def test_console_script_matches_python_m() -> None:
    """The ``arquotes`` script and ``python -m arquotes`` give the same output."""
    script = Path(sys.executable).with_name("arquotes")
    by_script = subprocess.run(
        [str(script), "extract", str(SEED)], capture_output=True, check=True
    )
    assert by_script.stdout == arquotes("extract", str(SEED)).stdout


def test_version() -> None:
    """``--version`` prints the package version and the build (docs/performance.md), exits 0."""
    done = arquotes("--version")
    assert done.returncode == 0
    build = "compiled, mypyc" if COMPILED else "pure Python"
    assert done.stdout.decode().strip() == f"arquotes 0.1.0 ({build})"


@pytest.mark.parametrize("command", [[], ["extract"], ["check"], ["evaluate"]])
def test_help_shows_an_example(command: list[str]) -> None:
    """``--help`` on the program and every command shows a real example invocation."""
    done = arquotes(*command, "--help")
    assert done.returncode == 0
    assert "arquotes " + (command[0] if command else "extract") + " " in done.stdout.decode()
    assert "example" in done.stdout.decode()


def test_usage_error_exits_two() -> None:
    """An unknown option is a usage error: exit 2 with a message on stderr."""
    done = arquotes("extract", "--format", "xml", str(SEED))
    assert done.returncode == 2
    assert b"invalid choice" in done.stderr


def test_all_formats_give_one_record_per_seed() -> None:
    """Every output format covers all seed articles, each in its own syntax."""
    seeds = [str(p) for p in SEEDS]
    as_json = json.loads(arquotes("extract", "--format", "json", *seeds).stdout)
    assert [r["id"] for r in as_json] == [p.stem for p in SEEDS]
    rows = list(csv.DictReader(io.StringIO(arquotes("extract", "--format", "csv", *seeds)
                                           .stdout.decode())))
    assert {r["id"] for r in rows} == {p.stem for p in SEEDS}
    text = arquotes("extract", "--format", "text", *seeds).stdout.decode()
    assert all(f"== {p.stem} ({p})" in text for p in SEEDS)


def test_stdin_text_is_one_article() -> None:
    """``-`` reads one article from stdin."""
    done = arquotes("extract", "-", stdin=SEED.read_bytes())
    [record] = jsonl(done.stdout)
    assert (record["id"], record["source"]) == ("stdin", "-")


def test_jsonl_custom_fields_and_parallel_order(tmp_path: Path) -> None:
    """A JSONL corpus with custom field names gives its N records in order, with -j 2 too."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for n in range(60):
            stream.write(json.dumps({"doc": f"d{n}", "body": texts[n % len(texts)]}) + "\n")
    args = ["extract", str(corpus), "--id-field", "doc", "--text-field", "body"]
    serial = arquotes(*args)
    parallel = arquotes(*args, "-j", "2")
    assert serial.returncode == parallel.returncode == 0
    assert [r["id"] for r in jsonl(serial.stdout)] == [f"d{n}" for n in range(60)]
    assert parallel.stdout == serial.stdout


def test_bad_inputs_give_error_records(tmp_path: Path) -> None:
    """Broken JSONL lines, bad UTF-8 and a missing file each give a record; exit 2."""
    lines = [
        b'{"id": "ok1", "text": "\xd9\x82\xd8\xa7\xd9\x84"}',
        b"not json",
        b'{"id": "no-text"}',
        b'{"id": "nul", "text": "a\\u0000b"}',
        b'{"id": "raw-nul", "text": "a\x00b"}',
        b"[" * 100_000,
        b'{"id": "bad-utf8", "text": "\xff"}',
        b"",
        b"[1, 2]",
        b'{"id": "num", "text": 5}',
        b'{"id": "ok2", "text": "x"}',
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"abc\xff")
    done = arquotes("extract", str(corpus), str(tmp_path / "missing.txt"), str(broken))
    assert done.returncode == 2
    records = jsonl(done.stdout)
    assert len(records) == 10 + 2  # blank line skipped; both files give a record
    failed = {r["id"]: r["error"] for r in records if "error" in r}
    assert set(failed) == {"c:2", "no-text", "c:5", "c:6", "c:7", "c:9", "num",
                           "missing", "broken"}
    assert [r["id"] for r in records if "error" not in r] == ["ok1", "nul", "ok2"]
    stderr = done.stderr.decode()
    assert "missing.txt: cannot read" in stderr
    assert "broken.txt: invalid UTF-8 at byte offset 3" in stderr
    offset = sum(len(line) + 1 for line in lines[:6]) + lines[6].index(b"\xff")
    assert f"line 7: invalid UTF-8 at byte offset {offset}" in stderr
    assert "field 'text' is missing" in str(failed["no-text"])


def test_oversized_line_is_reported_and_skipped(tmp_path: Path) -> None:
    """A JSONL line over --max-bytes gives an error record and reading goes on after it."""
    corpus = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "huge", "text": "ق" * 5000})
    corpus.write_text(huge + "\n" + json.dumps({"id": "after", "text": "x"}) + "\n", "utf-8")
    done = arquotes("extract", str(corpus), "--max-bytes", "1000")
    records = jsonl(done.stdout)
    assert done.returncode == 2
    assert [r.get("error", "") != "" for r in records] == [True, False]
    assert records[1]["id"] == "after"


@pytest.mark.parametrize("output_format", ["jsonl", "json", "csv", "text"])
def test_lone_surrogates_do_not_crash_output(output_format: str) -> None:
    """Lone surrogates from JSON input are escaped in every output format."""
    line = b'{"id": "bad\\ud800id", "text": "\\udc00 \\u0642\\u0627\\u0644"}\n'
    done = arquotes("extract", "-", "--input-format", "jsonl", "--format", output_format,
                    stdin=line)
    assert done.returncode == 0, done.stderr
    if output_format in ("jsonl", "json"):
        text = done.stdout.decode("utf-8").strip()
        data = json.loads(text)
        record = data[0] if output_format == "json" else data
        assert record["id"] == "bad\ud800id"
    else:
        assert b"bad\\ud800id" in done.stdout


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    """``-o`` writes the file through a temporary file that leaves nothing behind."""
    target = tmp_path / "out.jsonl"
    done = arquotes("extract", *map(str, SEEDS), "-o", str(target))
    assert done.returncode == 0
    assert done.stdout == b""
    assert len(jsonl(target.read_bytes())) == len(SEEDS)
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def _start(args: list[str], cwd: Path = ROOT) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "arquotes", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
    )


def _feed(stream: IO[bytes] | None, count: int) -> None:
    assert stream is not None
    for n in range(count):
        stream.write(json.dumps({"id": f"a{n}", "text": "قال علي إن الجو جميل."}).encode() + b"\n")
    stream.flush()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_ends_cleanly_with_complete_lines(jobs: str) -> None:
    """SIGINT mid-stream exits 130 and stdout holds only complete JSON lines."""
    process = _start(["extract", "-", "--input-format", "jsonl", "-j", jobs])
    _feed(process.stdin, 100)
    assert process.stdout is not None
    first = process.stdout.readline()  # the run is under way: records are flowing
    process.send_signal(signal.SIGINT)
    code = process.wait(timeout=60)
    rest = process.stdout.read()
    assert code == 130
    records = jsonl(first + rest)
    assert records
    assert [r["id"] for r in records] == [f"a{n}" for n in range(len(records))]
    assert rest == b"" or rest.endswith(b"\n")
    assert process.stdin is not None
    process.stdin.close()
    assert process.stderr is not None
    assert b"Traceback" not in process.stderr.read()


def test_sigint_leaves_output_file_untouched(tmp_path: Path) -> None:
    """An interrupted ``-o`` run keeps the old file as it was and removes its temporary."""
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    process = _start(["extract", "-", "--input-format", "jsonl", "-o", str(target)])
    _feed(process.stdin, 5)
    for _ in range(600):  # wait until the temporary output exists: the run has started
        if len(list(tmp_path.iterdir())) > 1:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    for stream in (process.stdin, process.stdout, process.stderr):
        assert stream is not None
        stream.close()


ROOT_ONLY_WRITES = pytest.mark.skipif(
    os.geteuid() == 0, reason="root may write anywhere: no permission error to see"
)


def test_output_to_dev_null_leaves_the_device() -> None:
    """``-o /dev/null`` writes through the device instead of replacing it with a file."""
    done = arquotes("extract", str(SEED), "-o", os.devnull)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_output_to_full_device_is_a_clear_error() -> None:
    """``-o /dev/full`` is written through: exit 2 saying the device is full, no traceback."""
    done = arquotes("extract", str(SEED), "-o", "/dev/full")
    assert done.returncode == 2
    assert b"cannot write /dev/full: No space left on device" in done.stderr
    assert b"Traceback" not in done.stderr
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_output_to_fifo_is_written_through(tmp_path: Path) -> None:
    """``-o FIFO`` feeds the FIFO's reader and leaves the FIFO in place."""
    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        done = arquotes("extract", str(SEED), "-o", str(fifo))
        assert done.returncode == 0, done.stderr
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        received, _ = reader.communicate(timeout=60)
    finally:
        reader.kill()
        reader.wait()
    assert [r["id"] for r in jsonl(received)] == [SEED.stem]


def test_output_symlink_stays_a_link(tmp_path: Path) -> None:
    """``-o LINK`` writes the link's target and keeps the link."""
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    done = arquotes("extract", str(SEED), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert link.readlink() == real
    assert [r["id"] for r in jsonl(real.read_bytes())] == [SEED.stem]


def test_output_file_keeps_its_mode(tmp_path: Path) -> None:
    """A replaced file keeps its mode (600 stays 600); a new file gets the umask's mode."""
    private = tmp_path / "private.jsonl"
    private.write_text("old\n", encoding="utf-8")
    private.chmod(0o600)
    new = tmp_path / "new.jsonl"
    for target in (private, new):
        done = arquotes("extract", str(SEED), "-o", str(target), umask=0o022)
        assert done.returncode == 0, done.stderr
        assert len(jsonl(target.read_bytes())) == 1
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(new.stat().st_mode) == 0o644


def _directory(tmp_path: Path) -> Path:
    (tmp_path / "folder").mkdir()
    return tmp_path / "folder"


def _in_missing_folder(tmp_path: Path) -> Path:
    return tmp_path / "missing" / "out.jsonl"


def _in_unwritable_folder(tmp_path: Path) -> Path:
    (tmp_path / "locked").mkdir(mode=0o555)
    return tmp_path / "locked" / "out.jsonl"


def _read_only_file(tmp_path: Path) -> Path:
    target = tmp_path / "read-only.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    return target


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(_directory, b"Is a directory", id="directory"),
        pytest.param(_in_missing_folder, b"No such file or directory", id="missing-folder"),
        pytest.param(_in_unwritable_folder, b"Permission denied", id="unwritable-folder",
                     marks=ROOT_ONLY_WRITES),
        pytest.param(_read_only_file, b"Permission denied", id="read-only-file",
                     marks=ROOT_ONLY_WRITES),
    ],
)
def test_bad_output_fails_before_reading_input(
    tmp_path: Path, make: Callable[[Path], Path], reason: bytes
) -> None:
    """An ``-o`` path that cannot be written: exit 2 with a message, before stdin is read.

    stdin stays open and empty, so a command that read its input first would never end.
    """
    target = make(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    process = _start(["extract", "-", "-o", str(target)])
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
    assert process.stderr is not None
    errors = process.stderr.read()
    for stream in (process.stdin, process.stdout, process.stderr):
        assert stream is not None
        stream.close()
    assert code == 2, errors
    assert f"arquotes: error: cannot write {target}: ".encode() in errors
    assert reason in errors
    assert b"Traceback" not in errors
    assert sorted(tmp_path.rglob("*")) == before


def test_dash_output_is_stdout_streaming(tmp_path: Path) -> None:
    """``-o -`` is stdout: each record comes out as it is produced, and no file is made."""
    process = _start(["extract", "-", "--input-format", "jsonl", "-o", "-"], cwd=tmp_path)
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        _feed(process.stdin, 1)
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "the first record did not come out before the input ended"
        assert jsonl(process.stdout.readline())[0]["id"] == "a0"
    finally:
        process.stdin.close()
        process.wait(timeout=60)
        process.stdout.close()
        assert process.stderr is not None
        process.stderr.close()
    assert list(tmp_path.iterdir()) == []


def test_check_on_seeds_reports_in_every_format() -> None:
    """``arquotes check`` on the seeds exits 0 or 1 and its reports are well formed."""
    seeds = [str(p.relative_to(ROOT)) for p in SEEDS]
    text = arquotes("check", *seeds)
    assert text.returncode in (0, 1)
    lines = text.stdout.decode().splitlines()
    assert all(line.startswith("seeds/") for line in lines[:-1])
    as_json = arquotes("check", "--format", "json", *seeds)
    assert as_json.returncode == text.returncode
    report = json.loads(as_json.stdout)
    assert report["errors"] == []
    assert (len(report["violations"]) > 0) == (text.returncode == 1)
    github = arquotes("check", "--format", "github", *seeds).stdout.decode().splitlines()
    assert all(line.startswith("::error file=seeds/") for line in github)
    assert len(github) == len(report["violations"])


def test_check_missing_file_is_input_error() -> None:
    """A missing file makes ``check`` exit 2, naming the file, after checking the others."""
    done = arquotes("check", str(SEED), "nope.md")
    assert done.returncode == 2
    assert b"nope.md: cannot read" in done.stderr


def test_check_finds_unattributed_quote_with_position(tmp_path: Path) -> None:
    """An unattributed direct quote fails the check with file, line, column and the quote."""
    article = tmp_path / "story.md"
    article.write_text("عنوان\nقال: «كلام بلا قائل» هنا\n", encoding="utf-8")
    done = fake_arquotes(tmp_path, "check", "story.md")
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "story.md:2:7: direct quote without a speaker: «كلام بلا قائل»"
    )
    github = fake_arquotes(tmp_path, "check", "--format", "github", "story.md")
    assert github.stdout.splitlines() == [
        "::error file=story.md,line=2,col=7::كلام بلا قائل: direct quote without a speaker"
    ]


def test_check_min_confidence(tmp_path: Path) -> None:
    """A speaker under ``--min-confidence`` fails the check; above it passes."""
    (tmp_path / "a.txt").write_text("قال علي «ثقة قليلة»", encoding="utf-8")
    assert fake_arquotes(tmp_path, "check", "a.txt", "--min-confidence", "0").returncode == 0
    assert fake_arquotes(tmp_path, "check", "a.txt").returncode == 1  # default floor: 0.5
    strict = fake_arquotes(tmp_path, "check", "a.txt", "--min-confidence", "0.5",
                           "--format", "json")
    assert strict.returncode == 1
    [violation] = json.loads(strict.stdout)["violations"]
    assert (violation["line"], violation["column"], violation["confidence"]) == (1, 10, 0.3)


def test_check_jsonl_reports_line_of_article(tmp_path: Path) -> None:
    """For a JSONL corpus the line is the article's line and the column its text offset."""
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": "1", "text": "لا شيء"}, {"id": "2", "text": "قال «بلا قائل»"}]
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    done = fake_arquotes(tmp_path, "check", "c.jsonl", "--format", "json", "-j", "2")
    [violation] = json.loads(done.stdout)["violations"]
    assert (violation["file"], violation["line"], violation["column"]) == ("c.jsonl", 2, 6)


def test_line_column_counts_from_one() -> None:
    """Offsets map to 1-based lines and columns."""
    text = "ab\ncd\n"
    assert [line_column(text, i) for i in (0, 1, 3, 4)] == [(1, 1), (1, 2), (2, 1), (2, 2)]


def test_main_returns_exit_code_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """``main(argv)`` returns the exit code instead of exiting, for callers and tests."""
    assert main(["extract", str(SEED)]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == SEED.stem
    assert main(["extract", "--jobs", "0", str(SEED)]) == 2


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    """A reader that stops early (``| head``) does not cause a traceback."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(n), "text": "x" * 200}) + "\n"
                              for n in range(5000)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "arquotes", "extract", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=60)
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()
