"""Print the figures of the last benchmark run as the Markdown tables of docs/performance.md.

Usage: ``python benchmarks/report.py [.benchmarks/arquotes-figures.json]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench_inputs import MB, ROOT


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def render(results: dict[str, Any]) -> str:
    """The ratio table and the figure table of one results file."""
    lines = [_row("ratio", "value"), _row("---", "---:")]
    for name, value in results["ratios"].items():
        lines.append(_row(name, "not measured" if value is None else f"{value:.2f}"))
    lines += ["", _row("figure", "best round (s)", "input", "s per MB")]
    lines.append(_row("---", "---:", "---:", "---:"))
    for name, figure in sorted(results["figures"].items()):
        size = figure.get("bytes") or 0
        per_mb = f"{figure['seconds'] / (size / MB):.3f}" if size else ""
        shown = f"{size / MB:.2f} MB" if size >= MB / 10 else f"{size / 1024:.0f} KB"
        lines.append(_row(name, f"{figure['seconds']:.4f}", shown, per_mb))
    return "\n".join(lines)


def main() -> None:
    """Render the results file named on the command line, or the default one."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".benchmarks/arquotes-figures.json"
    print(render(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
