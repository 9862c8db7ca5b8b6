"""Build ``src/arquotes/data/countries.txt``: country names in Arabic, from CLDR via Babel.

Countries and territories speak as bodies in the news (وتأمل البرازيل، أعلنت كوريا الجنوبية);
the hand list in ``data/speakers.toml`` holds the capitals and the short forms news uses
(السعودية، الإمارات). This adds every territory with a two-letter ISO code, as CLDR's
Arabic locale names it, folded with `arquotes.normalize.fold_word`, one a line, sorted,
after a ``#`` header naming source, licence, version and count.

Source (not a dependency of arquotes; install it in a scratch venv):

* ``babel`` 2.18.0 (BSD-3-Clause), whose locale data is the Unicode CLDR (Unicode License
  v3, permissive: the data may be copied with its notice).

Rebuild::

    python3 -m venv /tmp/namesenv
    /tmp/namesenv/bin/pip install babel==2.18.0 -e .
    /tmp/namesenv/bin/python scripts/build_places.py [--check]
"""

# ruff: noqa: INP001  (a script run by path, not part of a package)
from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

from babel import Locale

from arquotes.normalize import fold_word

TARGET = Path(__file__).resolve().parent.parent / "src" / "arquotes" / "data" / "countries.txt"
PINNED = "2.18.0"


def countries() -> list[str]:
    """Folded Arabic names of every territory with a two-letter code (no regions)."""
    names = Locale("ar").territories
    folded = {" ".join(fold_word(w) for w in name.split())
              for code, name in names.items() if len(code) == 2 and code.isalpha()}
    return sorted(n for n in folded if n)


def render() -> str:
    """The file's text: header, then one name a line."""
    entries = countries()
    header = [
        "# Country and territory names in Arabic (territories with a two-letter ISO code).",
        f"# Source: babel {version('babel')} (BSD-3-Clause), locale data 'ar' from the Unicode",
        "# CLDR (Unicode License v3). Built by scripts/build_places.py.",
        f"# Entries: {len(entries)}, one a line, folded by arquotes.normalize.fold_word.",
    ]
    return "\n".join([*header, *entries]) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` compare it with the one on disk."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    if version("babel") != PINNED:
        sys.stderr.write(f"warning: built with babel {PINNED}, running {version('babel')}\n")
    text = render()
    if args.check:
        same = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text
        sys.stdout.write("countries.txt is up to date\n" if same else "countries.txt differs\n")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
