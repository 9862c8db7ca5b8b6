"""``python -m arquotes``: the same command as ``arquotes``."""

from arquotes.cli import main

raise SystemExit(main())
