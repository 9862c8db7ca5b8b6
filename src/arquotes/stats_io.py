"""Reading extraction record files into `CorpusStats`, in this process or on Dask.

Inputs are JSON Lines files of records (``arquotes extract`` output), gzipped or not, folders
of them (read recursively) and glob patterns. A line that is not JSON, or not an extraction
record, is a bad line: counted, never fatal.
"""

from __future__ import annotations

import functools
import glob
import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from arquotes.errors import ArquotesError
from arquotes.stats import CorpusStats, RecordError

__all__ = [
    "BadLine",
    "EngineError",
    "add_line",
    "find_record_files",
    "stats_of_files",
    "stats_on_dask",
]

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
"""Files of a folder that are read as records."""
_GLOB_CHARS = frozenset("*?[")
_GZIP_MAGIC = b"\x1f\x8b"
CONNECT_TIMEOUT = "10s"
"""How long to wait for a Dask scheduler (``--scheduler``) to answer."""


class EngineError(ArquotesError, RuntimeError):
    """Raised when the Dask engine is not installed or its scheduler cannot be reached."""


@attrs.frozen(kw_only=True)
class BadLine:
    """A line that is not an extraction record, and why."""

    path: str
    number: int
    reason: str


def find_record_files(inputs: Iterable[str]) -> tuple[list[str], list[str]]:
    """The record files ``inputs`` name, in order, and the inputs that name none."""
    found: list[str] = []
    missing: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            files = sorted(str(p) for p in path.rglob("*")
                           if p.name.endswith(RECORD_SUFFIXES) and p.is_file())
        elif path.is_file():
            files = [given]
        elif _GLOB_CHARS & set(given):
            files = sorted(p for p in glob.glob(given, recursive=True)  # noqa: PTH207 - str globs
                           if Path(p).is_file())
        else:
            files = []
        if not files:
            missing.append(given)
        found.extend(files)
    return found, missing


def stats_of_files(paths: Iterable[str], stats: CorpusStats,
                   on_bad: Callable[[BadLine], None] | None = None) -> CorpusStats:
    """Add every record of ``paths`` to ``stats``; each bad line goes to ``on_bad``.

    Raises `OSError` when a file cannot be read.
    """
    for path in paths:
        with _open(path) as stream:
            for number, raw in enumerate(stream, 1):
                reason = add_line(stats, raw)
                if reason is not None and on_bad is not None:
                    on_bad(BadLine(path=path, number=number, reason=reason))
    return stats


def add_line(stats: CorpusStats, raw: bytes | str) -> str | None:
    """Add the record on one line (blank lines are skipped); the reason it is bad, or None."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if not text.strip():
            return None
        stats.add(json.loads(text))
    except UnicodeDecodeError:
        reason = "not UTF-8"
    except json.JSONDecodeError as exc:
        reason = f"not JSON ({exc.msg})"
    except (RecordError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, RecordError) else "nested too deeply"
    else:
        return None
    stats.bad_lines += 1
    return reason


def _open(path: str) -> IO[bytes]:
    """A file's bytes, gunzipped when it starts with the gzip magic number."""
    raw = Path(path).open("rb")  # noqa: SIM115 - returned to the caller's with block
    if raw.peek(2)[:2] == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def _partition_stats(lines: Iterator[str], outlet_field: str, date_field: str) -> CorpusStats:
    """Dask: the stats of one partition's lines."""
    stats = CorpusStats(outlet_field=outlet_field, date_field=date_field)
    for line in lines:
        add_line(stats, line)
    return stats


def _merged(parts: Iterable[CorpusStats]) -> CorpusStats:
    """Dask: the partition stats added up."""
    total: CorpusStats | None = None
    for part in parts:
        total = part if total is None else total.merge(part)
    if total is None:
        raise EngineError("Dask returned no partitions")
    return total


def stats_on_dask(paths: list[str], *, outlet_field: str = "source", date_field: str = "date",
                  scheduler: str | None = None, client: Any = None) -> CorpusStats:
    """The stats of ``paths`` as a Dask bag reduction.

    ``client`` (a ``distributed.Client``) or ``scheduler`` (its address) runs it on that
    cluster; with neither it runs on Dask's local process pool. Bad lines are counted only.
    Raises `EngineError` when Dask is missing or the scheduler cannot be reached.
    """
    try:
        import dask  # noqa: PLC0415 - an optional extra, imported only when asked for
        import dask.bag  # noqa: PLC0415
    except ImportError as exc:
        raise EngineError(f"the dask engine needs Dask ({exc}): pip install 'arquotes[dask]'") \
            from exc
    bag = dask.bag.read_text(paths, blocksize=None, encoding="utf-8", errors="replace")
    total = bag.reduction(
        functools.partial(_partition_stats, outlet_field=outlet_field, date_field=date_field),
        _merged,
    )
    if client is not None:
        result = client.compute(total).result()
    elif scheduler is not None:
        result = _on_scheduler(total, scheduler)
    else:
        result = total.compute(scheduler="processes")
    if not isinstance(result, CorpusStats):  # pragma: no cover - Dask keeps the type
        raise EngineError(f"Dask returned {type(result).__name__}, not stats")
    return result


def _on_scheduler(total: Any, address: str) -> Any:
    """Compute ``total`` on the Dask scheduler at ``address``."""
    try:
        import distributed  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise EngineError(f"--scheduler needs distributed ({exc}): pip install 'arquotes[dask]'") \
            from exc
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        return client.compute(total).result()
