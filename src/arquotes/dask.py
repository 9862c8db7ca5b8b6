"""Extraction on a Dask cluster (optional extra ``dask``): a corpus of shards, or a bag.

`extract_shards` runs one task per input shard on a `distributed` cluster (a scheduler's
address, or a `LocalCluster` sized to the machine) and writes one output shard per input
shard through `arquotes.shards`, so the output is byte for byte what ``arquotes extract SHARD``
prints, a rerun skips complete shards, and a half-written one is never taken for complete.
When a worker dies, the scheduler runs its tasks again elsewhere; a dead attempt leaves only a
part file, cleared at the next run.

`extract_bag` is for users who already hold a Dask bag of records or texts.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from typing import TYPE_CHECKING, Any

from arquotes.errors import ArquotesError
from arquotes.readers import Article, ReadOptions, article_from_record
from arquotes.runner import Task, process
from arquotes.shards import (
    Shard,
    ShardResult,
    clear_parts,
    completed,
    plan_shards,
    settings_of,
    write_shard,
)
from arquotes.writers import record_dict

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    import dask.bag
    import distributed

__all__ = ["DaskMissingError", "extract_bag", "extract_shards"]

_MISSING = "the Dask engine needs the 'dask' extra: pip install 'arquotes[dask]'"
BAG_SOURCE = "bag"
"""The ``source`` of records made from a bag (no file)."""


class DaskMissingError(ArquotesError, ImportError):
    """Raised when the Dask engine is asked for and dask or distributed is not installed."""


def extract_bag(
    bag: dask.bag.Bag, *, options: ReadOptions | None = None, lexicon: str | None = None
) -> dask.bag.Bag:
    """A bag of extraction records, one per item of ``bag``, in the bag's order.

    Items are JSON records (dicts: ``options.id_field`` and ``options.text_field``, other
    scalar fields passed through as ``meta``) or texts; each gives the record ``arquotes
    extract`` writes for it, an error record for anything else. An item without an id is
    named by its place, ``"bag:<partition>:<n>"`` (n from 1). ``lexicon`` is a lexicon file
    every worker loads once.
    """
    delayed, bag_module = _dask_modules()
    options = options or ReadOptions()
    task = Task(lexicon=lexicon)
    parts = [
        delayed(_extract_partition, pure=True)(part, index, options, task)
        for index, part in enumerate(bag.to_delayed())
    ]
    return bag_module.from_delayed(parts)


def _extract_partition(
    items: Sequence[Any], index: int, options: ReadOptions, task: Task
) -> list[dict[str, Any]]:
    records = []
    for number, item in enumerate(items, 1):
        article = _bag_article(item, f"{BAG_SOURCE}:{index}:{number}", options)
        records.append(record_dict(process(article, task)))
    return records


def _bag_article(item: Any, default_id: str, options: ReadOptions) -> Article:
    if isinstance(item, str):
        return Article(article_id=default_id, source=BAG_SOURCE, text=item)
    if isinstance(item, dict):
        return article_from_record(item, source=BAG_SOURCE, default_id=default_id,
                                   options=options)
    return Article(
        article_id=default_id,
        source=BAG_SOURCE,
        error=f"expected a record (dict) or a text (str), got {type(item).__name__}",
    )


def extract_shards(
    inputs: Sequence[str],
    outdir: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    options: ReadOptions | None = None,
    lexicon: str | None = None,
    glob: str | None = None,
    progress: bool = False,
    say: Callable[[str], None] | None = None,
) -> list[ShardResult]:
    """Extract every shard of ``inputs`` into ``outdir`` on Dask; one result per shard, in order.

    ``scheduler`` is a running scheduler's address; without it a `LocalCluster` starts with
    ``workers`` single-threaded worker processes (default: one per core) and stops at the end.
    Shards already complete in ``outdir`` are skipped. ``progress`` shows the distributed
    progress bar; ``say`` receives the dashboard's address. Raises `DaskMissingError`,
    `arquotes.errors.ShardError` or `arquotes.errors.OutputError` before any work starts.
    """
    _dask_modules()
    options = options or ReadOptions()
    task = Task(lexicon=lexicon)
    shards = plan_shards(inputs, outdir, glob=glob)
    settings = settings_of(options, task)
    done = {shard.name: completed(shard, settings) for shard in shards}
    clear_parts(outdir)
    todo = [shard for shard in shards if done[shard.name] is None]
    if todo:
        with _client(scheduler, workers) as client:
            if say is not None and (link := _dashboard(client)):
                say(f"dashboard: {link}")
            done.update(_run(client, todo, options, task, progress=progress))
    return [result for shard in shards if (result := done[shard.name]) is not None]


def _run(
    client: distributed.Client,
    shards: Sequence[Shard],
    options: ReadOptions,
    task: Task,
    *,
    progress: bool,
) -> dict[str, ShardResult]:
    import distributed  # noqa: PLC0415 - optional extra, checked by _dask_modules

    futures = [
        client.submit(write_shard, shard, options, task, key=f"arquotes-shard-{index}",
                      pure=False)
        for index, shard in enumerate(shards)
    ]
    if progress:
        distributed.progress(futures)
    return {shard.name: future.result() for shard, future in zip(shards, futures, strict=True)}


@contextlib.contextmanager
def _client(address: str | None, workers: int | None) -> Iterator[distributed.Client]:
    """A client of the scheduler at ``address``, or of a `LocalCluster` started for the run."""
    import distributed  # noqa: PLC0415 - optional extra

    if address is not None:
        with distributed.Client(address) as client:
            yield client
        return
    with distributed.LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,  # extraction holds the GIL: one process a core
        processes=True,
        dashboard_address=":0" if _has("bokeh") else None,
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def _dashboard(client: distributed.Client) -> str | None:
    """The dashboard's address, when the scheduler serves one (it needs bokeh)."""
    if "dashboard" not in client.scheduler_info().get("services", {}):
        return None
    return str(client.dashboard_link)


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _dask_modules() -> tuple[Any, Any]:
    """``dask.delayed`` and ``dask.bag``, or `DaskMissingError` when the extra is missing."""
    try:
        import dask.bag as bag_module  # noqa: PLC0415 - optional extra
        import distributed  # noqa: PLC0415, F401 - the engine needs it too
        from dask import delayed  # noqa: PLC0415
    except ImportError as exc:
        raise DaskMissingError(f"{_MISSING} ({exc})") from None
    return delayed, bag_module
