"""Tests for arquotes.stats, name_groups and stats_io: counts over extraction records.

The fixture tests/fixtures/stats/records.jsonl was written by hand: seven records from two
outlets over three days (and one unparsable date), one error record and one without meta;
Peskov spelled three ways in three articles, a body, an unnamed source, a press agency, and
quotes with no speaker. The expected numbers below were counted from it by hand.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from arquotes import name_groups
from arquotes.model import Gender
from arquotes.name_groups import group_names
from arquotes.normalize import fold_word
from arquotes.stats import CorpusStats, RecordError
from arquotes.stats_io import BadLine, find_record_files, stats_of_files, stats_on_dask

FIXTURE = Path(__file__).parent / "fixtures" / "stats" / "records.jsonl"


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def test_hand_counted_totals() -> None:
    """Records, failures, quotes, claims and the share without a speaker."""
    report = CorpusStats.of(_records()).report()
    assert (report.records, report.failed, report.bad_lines) == (6, 1, 0)
    assert (report.quotes, report.quotes_without_speaker) == (10, 2)
    assert report.share_without_speaker == pytest.approx(0.2)
    assert (report.claims, report.claims_without_speaker) == (5, 1)


def test_hand_counted_speakers() -> None:
    """Three spellings of Peskov in three articles are one row; the ranking is by items."""
    rows = [(s.name, s.kind, s.gender, s.quotes, s.claims, s.articles, s.variants)
            for s in CorpusStats.of(_records()).report().speakers]
    assert rows == [
        ("ديمتري بيسكوف", "person", Gender.MALE, 4, 1, 3, ("بيسكوف", "دميتري بيسكوف")),
        # female in one article, untold in the other: female
        ("ماريا زاخاروفا", "person", Gender.FEMALE, 2, 2, 2, ()),
        ("وزارة الخارجية الروسية", "body", None, 1, 0, 1, ()),
        ("وكالة الأنباء الروسية", "press", None, 1, 0, 1, ()),
        ("مسؤول في البيت الأبيض", "unnamed", None, 0, 1, 1, ()),
    ]


def test_hand_counted_kinds_genders_and_cues() -> None:
    """Speaker kinds, person genders and cue lemmas by category."""
    report = CorpusStats.of(_records()).report()
    assert [(k.kind, k.speakers, k.quotes, k.claims) for k in report.kinds] == [
        ("person", 2, 6, 3), ("body", 1, 1, 0), ("unnamed", 1, 0, 1), ("press", 1, 1, 0)]
    assert [(g.kind, g.speakers, g.quotes, g.claims) for g in report.genders] == [
        ("female", 1, 2, 2), ("male", 1, 4, 1), ("unknown", 0, 0, 0)]
    assert [(c.category, c.lemma, c.count) for c in report.cues] == [
        ("statement", "قال", 6), ("addition", "أضاف", 1), ("assertion", "أكد", 2),
        ("denial", "نفى", 1), ("announcement", "أعلن", 1), ("warning", "حذر", 1),
        ("source", "بحسب", 1)]


def test_hand_counted_outlets_and_days() -> None:
    """Per outlet and per day from ``meta``; an unparsable date counts as ``unknown``."""
    report = CorpusStats.of(_records()).report()
    assert [(o.key, o.records, o.quotes, o.claims, o.quotes_without_speaker)
            for o in report.outlets] == [
        ("alarabiya.net", 2, 5, 1, 1), ("aljazeera.net", 3, 5, 4, 1)]
    assert [(d.key, d.records, d.quotes, d.claims, d.quotes_without_speaker)
            for d in report.days] == [
        ("2026-11-28", 2, 5, 2, 1), ("2026-11-29", 1, 1, 2, 0), ("2026-11-30", 1, 2, 0, 0),
        ("unknown", 1, 2, 1, 1)]


def test_other_outlet_and_date_fields() -> None:
    """--outlet-field/--date-field pick other pass-through fields; absent ones give no rows."""
    records = _records()
    for record in records:
        if "meta" in record:
            record["meta"] = {"site": record["meta"]["source"]}
    report = CorpusStats.of(records, outlet_field="site", date_field="published").report()
    assert [o.key for o in report.outlets] == ["alarabiya.net", "aljazeera.net"]
    assert report.days == ()


def test_merge_equals_one_pass() -> None:
    """Stats of any split of the records, merged, equal the stats of them all."""
    records = _records()
    whole = CorpusStats.of(records)
    for cut in range(len(records) + 1):
        merged = CorpusStats.of(records[:cut]).merge(CorpusStats.of(records[cut:]))
        assert merged == whole
        assert merged.report() == whole.report()


@pytest.mark.parametrize("record", [
    [1, 2],
    {"speakers": "nobody"},
    {"speakers": [{"name": "علي", "kind": "alien"}]},
    {"speakers": [], "quotes": [{"attribution": {"speaker": 0, "cue": None}}]},
    {"speakers": [], "quotes": [{"attribution": {"speaker": True}}]},
    {"quotes": [{"attribution": {"speaker": None, "cue": {"lemma": "قال", "category": "x"}}}]},
    {"speakers": [{"name": "  "}]},
    {"speakers": [{"name": "علي", "gender": "other"}],
     "quotes": [{"attribution": {"speaker": 0}}]},
])
def test_malformed_record_is_a_record_error(record: Any) -> None:
    """A malformed record raises RecordError and counts nothing at all."""
    stats = CorpusStats()
    with pytest.raises(RecordError):
        stats.add(record)
    assert stats == CorpusStats()


def _groups(*names: tuple[str, str]) -> list[set[str]]:
    grouped: dict[tuple[str, str], set[str]] = {}
    for (kind, folded), root in group_names((k, fold_word(n)) for k, n in names).items():
        grouped.setdefault(root, set()).add(f"{kind}:{folded}")
    return sorted(grouped.values(), key=sorted)


def test_name_groups_join_spelling_variants_only() -> None:
    """Skeleton and one-typo variants join; other given names, kinds, nisbas do not."""
    groups = _groups(
        ("person", "ديمتري بيسكوف"), ("person", "دميتري بيسكوف"), ("person", "بيسكوف"),
        ("person", "ليز تروس"), ("person", "ليز تراس"),
        ("person", "محمد صالح"), ("person", "أحمد صالح"),
        ("person", "علي الزيدي"), ("person", "حسن الزيدي"), ("person", "الزيدي"),
        ("body", "الكرملين"), ("person", "الكرملين"),
        ("person", "فلاديمير بوتين"), ("person", "فلادمير بوتين"), ("person", "محمود صالح"),
        ("person", "أنطونيو غوتيريش"), ("person", "انطونيو غوتيريس"),
        ("person", "عمرو حسين"), ("person", "حسين"),
    )
    expected = [
        {"person:بيسكوف", "person:ديمتري بيسكوف", "person:دميتري بيسكوف"},
        {"person:ليز تروس", "person:ليز تراس"},
        {"person:محمد صالح"}, {"person:احمد صالح"},
        {"person:علي الزيدي"}, {"person:حسن الزيدي"}, {"person:الزيدي"},
        {"body:الكرملين"}, {"person:الكرملين"},
        {"person:فلاديمير بوتين", "person:فلادمير بوتين"},
        {"person:محمود صالح"},  # two given names, not two spellings of one
        {"person:انطونيو غوتيريش", "person:انطونيو غوتيريس"},
        {"person:عمرو حسين"}, {"person:حسين"},  # a given name alone may be anyone
    ]
    assert groups == sorted(expected, key=sorted)


def test_lone_surname_with_two_candidates_stays_alone() -> None:
    """بيسكوف cannot join when two different people carry that surname."""
    groups = _groups(("person", "ديمتري بيسكوف"), ("person", "يلينا بيسكوف"),
                     ("person", "بيسكوف"))
    assert {"person:بيسكوف"} in groups
    assert len(groups) == 3


def test_name_groups_compare_within_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Names with different last words are never compared, however many there are."""
    calls = Counter[str]()
    real = name_groups.same_entity_words

    def counting(words: list[str], other: list[str]) -> bool:
        calls["compared"] += 1
        return real(words, other)

    monkeypatch.setattr(name_groups, "same_entity_words", counting)
    letters = "بتثجحخدذرزسشصضطظعغفقكلمن"
    names = [("person", f"علي {a}{b}{c}") for a in letters for b in letters for c in letters]
    assert len(group_names(names)) == len(names)
    assert calls["compared"] == 0


def test_grouping_does_not_depend_on_order() -> None:
    """The same names in another order give the same groups."""
    names = [("person", fold_word(n)) for n in
             ("دميتري بيسكوف", "بيسكوف", "ديمتري بيسكوف", "ليز تراس", "ليز تروس")]
    assert group_names(names) == group_names(reversed(names))


def test_files_folders_globs_and_gzip(tmp_path: Path) -> None:
    """Folders are read recursively, globs expanded, gzip read by its magic number."""
    (tmp_path / "sub").mkdir()
    data = FIXTURE.read_bytes()
    (tmp_path / "sub" / "a.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "b.jsonl").write_bytes(data)
    (tmp_path / "notes.txt").write_text("not records")
    files, missing = find_record_files([str(tmp_path), str(tmp_path / "*.jsonl"), "nowhere"])
    assert files == [str(tmp_path / "b.jsonl"), str(tmp_path / "sub" / "a.jsonl.gz"),
                     str(tmp_path / "b.jsonl")]
    assert missing == ["nowhere"]
    stats = stats_of_files(files[:2], CorpusStats())
    assert stats.report().records == 12


def test_bad_lines_are_counted_and_described(tmp_path: Path) -> None:
    """Lines that are not JSON or not records are counted; the good ones still are."""
    path = tmp_path / "mixed.jsonl"
    lines = FIXTURE.read_bytes().splitlines()
    path.write_bytes(b"\n".join([lines[0], b"{not json", b"\xff\xfe", b"[1]", b"", lines[1]]))
    bad: list[BadLine] = []
    stats = stats_of_files([str(path)], CorpusStats(), bad.append)
    assert [(b.number, b.reason.split(" ")[0]) for b in bad] == [
        (2, "not"), (3, "not"), (4, "a")]
    assert bad[1].reason == "not UTF-8"
    assert (stats.records, stats.bad_lines) == (2, 3)


def test_dask_reduction_gives_the_local_stats(tmp_path: Path) -> None:
    """On a 2-worker LocalCluster, the Dask engine's stats equal the local engine's."""
    distributed = pytest.importorskip("distributed")
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    paths = []
    for i in range(3):  # three partitions, records spread over them
        path = tmp_path / f"part{i}.jsonl"
        path.write_text("".join(lines[i::3]), encoding="utf-8")
        paths.append(str(path))
    local = stats_of_files(paths, CorpusStats())
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = stats_on_dask(paths, client=client)
    assert remote.report() == local.report()
    assert remote.report() == CorpusStats.of(_records()).report()
