"""Run a module (``-m NAME ARGS``) or code (``-c CODE``) and write its peak RSS to a file.

Usage: ``python peak_rss.py OUT -m arquotes extract corpus.jsonl``. The peak is the kernel's
``VmHWM`` of this process since it started, in KB, read when it exits; unlike the rusage of a
child, it does not include the memory of the process that forked it.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def _write_peak(out: Path) -> None:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            out.write_text(line.split()[1], encoding="ascii")


def main() -> None:
    """Run what the arguments say, then write the peak RSS."""
    out, mode, target, *rest = sys.argv[1:]
    atexit.register(_write_peak, Path(out))
    sys.argv = [target, *rest]
    if mode == "-m":
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        exec(compile(target, "<peak_rss>", "exec"), {"__name__": "__main__"})  # noqa: S102


if __name__ == "__main__":
    main()
