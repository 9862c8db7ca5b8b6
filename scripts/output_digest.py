"""Write what this build of arquotes extracts, one line per input, to compare two builds.

The compiled build (mypyc) must give byte for byte the JSON of the pure-Python build. This
script extracts every input of three sets and writes one line per input, ``set/name<TAB>sha256
of Extraction.to_json()``, so two runs compare with ``cmp``:

* ``corpus``  - the development articles, ``tests/corpus/*.json``;
* ``wild``    - the unseen articles, ``benchmarks/wild/wild.jsonl``;
* ``hostile`` - every shape of the HOSTILE table of ``tests/test_hostile.py``, built at
  ``--hostile-size`` characters (the shapes, not their full size, are what can differ).

Usage::

    python scripts/output_digest.py OUT.tsv                   # the build this interpreter imports
    cmp pure.tsv compiled.tsv                                 # CI: no output, exit 0
"""
# ruff: noqa: INP001  (a script run by path, not part of a package)

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import arquotes

ROOT = Path(__file__).resolve().parents[1]


def _inputs(hostile_size: int) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every input, in a fixed order."""
    for path in sorted((ROOT / "tests" / "corpus").glob("*.json")):
        yield f"corpus/{path.stem}", json.loads(path.read_text(encoding="utf-8"))["text"]
    with (ROOT / "benchmarks" / "wild" / "wild.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield f"wild/{record['id']}", record["text"]
    sys.path.insert(0, str(ROOT / "tests"))
    from test_hostile import HOSTILE  # noqa: PLC0415 - the table lives with its tests

    for name, (build, _) in HOSTILE.items():
        yield f"hostile/{name}", build(hostile_size)


def main() -> int:
    """Write the digest file; print the build and the number of inputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="digest file to write (must not exist)")
    parser.add_argument("--hostile-size", type=int, default=20_000,
                        help="characters per hostile input (default 20000)")
    args = parser.parse_args()
    if args.out.exists() or args.out.is_symlink():
        parser.error(f"{args.out} exists: give a new path (a digest never replaces a file)")
    lines = [
        f"{name}\t{hashlib.sha256(arquotes.extract(text).to_json().encode()).hexdigest()}\n"
        for name, text in _inputs(args.hostile_size)
    ]
    try:
        with args.out.open("x", encoding="utf-8") as out:
            out.writelines(lines)
    except OSError as error:  # made meanwhile, or a folder that cannot be written
        parser.error(f"cannot write {args.out}: {error.strerror}")
    build = "compiled" if arquotes.COMPILED else "pure Python"
    sys.stdout.write(f"{len(lines)} inputs, {build} build -> {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
