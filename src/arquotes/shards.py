"""One output shard per input shard, written so that a rerun can trust what it finds.

A corpus split into many files (shards) is extracted shard by shard: each input shard gives
one JSON Lines output shard, record for record what ``arquotes extract SHARD`` prints for it.
Engines (`arquotes.dask`) decide where a shard runs; this module decides what a shard's output
is and when it is complete, so every engine resumes the same way:

* an output is first written under ``OUTDIR/.arquotes/parts/`` with a name no other attempt
  uses, so a worker killed in the middle, or a second attempt at the same shard, leaves only a
  part file that nothing reads;
* then a completion marker (``OUTDIR/.arquotes/done/NAME.json``) records the input's size
  and modification time, the settings and the output's size and SHA-256;
* then the part is renamed to its place. A rerun skips a shard only when its marker matches
  the input, the settings and the output file; anything else is extracted again.

An output path that exists without a marker was not written here, and is never replaced.
"""

from __future__ import annotations

import glob as globbing
import hashlib
import json
import os
import stat
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from arquotes._version import __version__
from arquotes.errors import OutputError, ShardError
from arquotes.readers import ARTICLE_SUFFIXES, ReadOptions, read_articles
from arquotes.runner import Task, process
from arquotes.writers import record_dict

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["Shard", "ShardResult", "completed", "plan_shards", "settings_of", "write_shard"]

STATE_DIR = ".arquotes"
"""The folder inside the output folder that holds part files and completion markers."""
_GLOB_CHARS = frozenset("*?[")


@attrs.frozen(kw_only=True)
class Shard:
    """One input shard and where its output goes."""

    input: str
    """The input file, as found (a path given, a folder's file or a glob's match)."""
    name: str
    """The output's path inside the output folder (``part-0001.jsonl``, ``2024/a.jsonl``)."""
    outdir: str

    @property
    def output(self) -> Path:
        """The output shard."""
        return Path(self.outdir) / self.name

    @property
    def marker(self) -> Path:
        """The completion marker of the output shard."""
        return Path(self.outdir) / STATE_DIR / "done" / (self.name + ".json")


@attrs.frozen(kw_only=True)
class ShardResult:
    """What became of one shard: how many records it gave, how many were errors."""

    input: str
    output: str
    records: int
    errors: int
    skipped: bool = False
    """Complete from an earlier run (resumed): not extracted again."""


def settings_of(options: ReadOptions, task: Task) -> dict[str, Any]:
    """The settings an output depends on, recorded in its marker; another value redoes it."""
    lexicon = task.lexicon
    return {
        "version": __version__,
        "read": attrs.asdict(options),
        "lexicon": None if lexicon is None else _identity(Path(lexicon)),
    }


def plan_shards(
    inputs: Sequence[str], outdir: str | os.PathLike[str], *, glob: str | None = None
) -> list[Shard]:
    """The shards of ``inputs`` (files, folders read recursively, glob patterns), in order.

    Output names are the inputs' paths relative to their common folder, with ``.gz`` dropped
    and the suffix made ``.jsonl``. Raises `ShardError` for stdin, a glob or folder that
    matches nothing, or two inputs that would write the same output, and `OutputError` when
    the output folder cannot be made.
    """
    files = [found for given in inputs for found in _expand(given, glob)]
    if not files:
        raise ShardError("no input shards given")
    root = os.path.commonpath([Path(f).absolute().parent for f in files])
    outfolder = _output_folder(Path(outdir))
    shards: list[Shard] = []
    taken: dict[str, str] = {}
    for file in files:
        name = _output_name(Path(file).absolute().relative_to(root))
        if name in taken:
            raise ShardError(f"{taken[name]} and {file} would both write {name}")
        taken[name] = file
        shards.append(Shard(input=file, name=name, outdir=str(outfolder)))
    return shards


def completed(shard: Shard, settings: dict[str, Any]) -> ShardResult | None:
    """The shard's result when its output is complete for these settings, else None.

    Raises `OutputError` when the output path exists but was not written here (no marker), or
    is not a regular file: it is never replaced.
    """
    output = shard.output
    try:
        found = output.lstat()
    except FileNotFoundError:
        return None
    marker = _read_marker(shard.marker)
    if marker is None or not stat.S_ISREG(found.st_mode):
        raise OutputError(
            f"cannot write {output}: it exists and was not written by arquotes"
            " (remove it or choose another output folder)"
        )
    wanted = (_identity(Path(shard.input)), settings)
    if (marker.get("input"), marker.get("settings")) != wanted or (
            marker.get("size") != found.st_size or marker.get("sha256") != _sha256(output)):
        return None
    return ShardResult(
        input=shard.input,
        output=str(output),
        records=int(marker.get("records", 0)),
        errors=int(marker.get("errors", 0)),
        skipped=True,
    )


def write_shard(shard: Shard, options: ReadOptions, task: Task) -> ShardResult:
    """Extract one shard into its output, as ``arquotes extract SHARD`` would print it.

    Runs wherever the engine puts it (it needs only the shared file system). An article that
    cannot be read or extracted gives an error record, as on one process.
    """
    parts = Path(shard.outdir) / STATE_DIR / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    part = parts / f"{shard.name.replace(os.sep, '__')}.{os.getpid()}.{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    records = errors = size = 0
    with part.open("xb") as stream:
        for article in read_articles([shard.input], options):
            outcome = process(article, task)
            errors += outcome.error is not None
            line = (json.dumps(record_dict(outcome), ensure_ascii=False) + "\n").encode()
            stream.write(line)
            digest.update(line)
            size += len(line)
            records += 1
        stream.flush()
        os.fsync(stream.fileno())
    marker = {
        "input": _identity(Path(shard.input)),
        "settings": settings_of(options, task),
        "records": records,
        "errors": errors,
        "size": size,
        "sha256": digest.hexdigest(),
    }
    _write_marker(shard.marker, marker)
    shard.output.parent.mkdir(parents=True, exist_ok=True)
    part.replace(shard.output)
    return ShardResult(input=shard.input, output=str(shard.output), records=records,
                       errors=errors)


def clear_parts(outdir: str | os.PathLike[str]) -> int:
    """Remove part files left by attempts that did not finish (killed workers); their count.

    Only ``*.part`` files in the output folder's own part folder are removed.
    """
    parts = Path(outdir) / STATE_DIR / "parts"
    removed = 0
    for part in parts.glob("*.part") if parts.is_dir() else ():
        if part.is_file() and not part.is_symlink():
            part.unlink(missing_ok=True)
            removed += 1
    return removed


def _expand(given: str, glob: str | None) -> Iterator[str]:
    if given == "-":
        raise ShardError("stdin cannot be a shard: give files, folders or a glob")
    if os.path.isdir(given):  # noqa: PTH112
        found = sorted(
            os.path.join(folder, name)  # noqa: PTH118
            for folder, _, names in os.walk(given)
            for name in names
            if _wanted(name, glob)
        )
        if not found:
            raise ShardError(f"{given}: no shard files in this folder")
        yield from found
    elif not os.path.exists(given) and _GLOB_CHARS & set(given):  # noqa: PTH110
        matches = sorted(  # a pattern Path.glob cannot take: absolute, or with ** anywhere
            m for m in globbing.glob(given, recursive=True) if Path(m).is_file()  # noqa: PTH207
        )
        if not matches:
            raise ShardError(f"{given}: the pattern matches no file")
        yield from matches
    else:
        yield given  # a missing file gives an error record, as on one process


def _wanted(name: str, glob: str | None) -> bool:
    if glob is not None:
        return Path(name).match(glob)
    plain = name.lower().removesuffix(".gz")
    return plain.endswith(ARTICLE_SUFFIXES)


def _output_name(path: Path) -> str:
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return str(path.with_suffix(".jsonl"))


def _output_folder(outdir: Path) -> Path:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"cannot write to {outdir}: it exists and is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot make the output folder {outdir}: {exc.strerror}") from None
    if not outdir.is_dir():
        raise OutputError(f"cannot write to {outdir}: it exists and is not a folder")
    return outdir


def _identity(path: Path) -> dict[str, Any]:
    """What tells an input apart from its next version: path, size, modification time."""
    try:
        found = path.stat()
    except OSError:  # a missing input: its error record is redone once the file exists
        return {"path": str(path.absolute()), "size": None, "mtime_ns": None}
    return {"path": str(path.resolve()), "size": found.st_size, "mtime_ns": found.st_mtime_ns}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_marker(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_marker(path: Path, marker: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text(json.dumps(marker, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
