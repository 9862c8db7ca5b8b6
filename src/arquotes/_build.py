"""Which build is running: the pipeline compiled with mypyc, or the pure-Python package.

Both builds are the same source; the compiled wheel replaces the pipeline modules by
extension modules (docs/performance.md). `arquotes --version` prints `BUILD`.
"""

from __future__ import annotations

from pathlib import Path

from arquotes import document

__all__ = ["BUILD", "COMPILED"]

COMPILED: bool = Path(document.__file__ or "").suffix in {".so", ".pyd"}
"""True when the pipeline modules are mypyc-compiled extension modules."""

BUILD = "compiled, mypyc" if COMPILED else "pure Python"
"""The build as `arquotes --version` names it."""
