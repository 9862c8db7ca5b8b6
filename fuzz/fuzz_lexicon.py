"""Atheris harness: the lexicon loader must turn any file or value into a lexicon or a LexiconError.

Half the inputs are read as a user lexicon file (any bytes, through `load_user_lexicon`), half
become Python values of every JSON/TOML shape handed to `Lexicon.extended`, as
``Extractor(verbs=..., speakers=...)`` would. Anything but a `Lexicon` or a `LexiconError`
naming where it happened (a TypeError, KeyError, a crash in cattrs) is a bug. Run through
``fuzz/run.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports():
    from arquotes.errors import LexiconError
    from arquotes.lexicon import Lexicon, default_lexicon, load_user_lexicon

_BASE = default_lexicon()
_FILE = Path(tempfile.mkdtemp(prefix="arquotes-fuzz-")) / "lexicon.toml"
_KEYS = ("verb", "verbs", "speaker", "sources", "titles", "lemma", "category", "present",
         "past", "participle", "extra", "frames", "preps", "immediate", "noun", "object",
         "object_marker", "relay", "addressee", "sayings", "name", "aliases", "alias", "kind",
         "feminine", "statement", "person", "body", "quote", "that", "on", "np")


def _value(data: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    """A random value of any shape a TOML file or a Python caller could give."""
    choice = data.ConsumeIntInRange(0, 8 if depth < 3 else 5)
    if choice == 0:
        return data.ConsumeUnicodeNoSurrogates(12)
    if choice == 1:
        return data.PickValueInList(list(_KEYS))
    if choice == 2:
        return data.ConsumeBool()
    if choice == 3:
        return data.ConsumeInt(4)
    if choice == 4:
        return data.ConsumeFloat()
    if choice == 5:
        return None
    if choice == 6:
        return [_value(data, depth + 1) for _ in range(data.ConsumeIntInRange(0, 3))]
    return {
        data.PickValueInList(list(_KEYS)) if data.ConsumeBool()
        else data.ConsumeUnicodeNoSurrogates(8): _value(data, depth + 1)
        for _ in range(data.ConsumeIntInRange(0, 5))
    }


def test_one_input(raw: bytes) -> None:
    """Load fuzzed bytes as a file or as values; only a Lexicon or a LexiconError may result."""
    data = atheris.FuzzedDataProvider(raw)
    try:
        if data.ConsumeBool():
            _FILE.write_bytes(data.ConsumeBytes(len(raw)))
            where = str(_FILE)
            lexicon = load_user_lexicon(_FILE, _BASE)
        else:
            where = "user lexicon"
            lexicon = _BASE.extended(verbs=_value(data), sources=_value(data),
                                     titles=_value(data), speakers=_value(data))
    except LexiconError as exc:
        if not str(exc).startswith(where):
            raise AssertionError(f"error does not name {where}: {exc}") from exc
        return
    if not isinstance(lexicon, Lexicon):
        raise TypeError(f"loader gave {type(lexicon).__name__}")


def main() -> None:
    """Run atheris with the command-line arguments (corpus directories, -max_total_time)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
