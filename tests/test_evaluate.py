"""Tests for the accuracy harness: gold format, matching rules, agreement with score.py."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arquotes.errors import GoldFormatError
from arquotes.evaluate import (
    evaluate,
    evaluate_document,
    evaluate_documents,
    load_extractor,
    same_speaker,
)
from arquotes.gold import find_gold_files, load_gold, parse_gold
from arquotes.model import Attribution, Claim, Extraction, Quote, QuoteKind, Span, Speaker
from gold_fakes import echo, perturbed

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SCORE_PY = ROOT.parent / "shared" / "tools" / "score.py"
needs_score_py = pytest.mark.skipif(
    not SCORE_PY.is_file(), reason="../shared/tools/score.py absent"
)

TEXT = 'قال الوزير أحمد علي إن "الوضع صعب جدا في المنطقة". وأكد أن الحكومة ستتحرك سريعا.'


def _gold(items: list[dict[str, Any]], text: str = TEXT) -> dict[str, Any]:
    return {"id": "t1", "text": text, "items": items}


def _item(
    kind: str, content: str, speaker: str | None = "أحمد علي", **extra: Any
) -> dict[str, Any]:
    return {"kind": kind, "content": content, "speaker": speaker, "speaker_mention": None,
            "cue": None, "note": "", **extra}


def _span(content: str, text: str = TEXT) -> Span:
    start = text.index(content)
    return Span(start, start + len(content))


def _quote(content: str, speaker: str | None, kind: QuoteKind = QuoteKind.DIRECT) -> Quote:
    who = None if speaker is None else Attribution(speaker=Speaker(name=speaker))
    return Quote(text=content, span=_span(content), kind=kind, attribution=who)


def _claim(content: str, speaker: str | None) -> Claim:
    who = None if speaker is None else Attribution(speaker=Speaker(name=speaker))
    return Claim(text=content, span=_span(content), attribution=who)


def test_perfect_extraction_scores_one() -> None:
    """Predicting exactly the gold items with the right speakers gives F1 and e2e F1 of 1."""
    document = parse_gold(_gold([_item("direct", "الوضع صعب جدا في المنطقة"),
                                 _item("indirect", "الحكومة ستتحرك سريعا")]))
    result = evaluate_document(document, echo([document]))
    for row in ("direct", "indirect", "all"):
        score = result.score(row)
        assert (score.f1, score.e2e_f1, score.speaker_acc) == (1.0, 1.0, 1.0)
    assert result.discrepancies == ()


def test_wrong_speaker_counts_span_but_not_e2e() -> None:
    """A matched span with another speaker is a span hit, an e2e miss, and a listed error."""
    document = parse_gold(_gold([_item("direct", "الوضع صعب جدا في المنطقة")]))
    result = evaluate_document(
        document, lambda _t: Extraction(quotes=(_quote("الوضع صعب جدا في المنطقة", "سمير"),))
    )
    score = result.score("direct")
    assert (score.f1, score.e2e_f1, score.speaker_acc) == (1.0, 0.0, 0.0)
    assert [(d.problem, d.predicted_speaker) for d in result.discrepancies] == [("speaker", "سمير")]


def test_direct_threshold_is_eighty_percent() -> None:
    """A predicted quote covering under 80% of a direct gold quote does not match it."""
    content = "الوضع صعب جدا في المنطقة"
    document = parse_gold(_gold([_item("direct", content)]))
    short = content[: int(len(content) * 0.7)]
    result = evaluate_document(document, lambda _t: Extraction(quotes=(_quote(short, "أحمد علي"),)))
    assert result.score("direct").counts.tp == 0
    assert result.score("all").counts.tp == 1  # the kind-blind row needs only 50%


def test_continues_note_measures_against_gold_length() -> None:
    """A quote noted "continues" matches a longer prediction that covers it."""
    content = "الوضع صعب"
    document = parse_gold(_gold([_item("direct", content, note="continues")]))
    longer = "الوضع صعب جدا في المنطقة"
    result = evaluate_document(document, lambda _t: Extraction(quotes=(_quote(longer, "علي"),)))
    assert result.score("direct").counts.tp == 1


def test_quote_on_mixed_gold_is_not_spurious_in_direct_row() -> None:
    """An unmatched quote lying on a gold mixed item is left out of the direct row's count."""
    document = parse_gold(_gold([_item("mixed", "الوضع صعب جدا في المنطقة")]))
    result = evaluate_document(
        document, lambda _t: Extraction(quotes=(_quote("الوضع صعب", "أحمد علي"),))
    )
    assert result.score("direct").counts.pred == 0
    assert result.score("mixed").counts.pred == 1


def test_crash_predicts_nothing() -> None:
    """An extractor that raises scores zero recall and the crash is reported."""
    document = parse_gold(_gold([_item("indirect", "الحكومة ستتحرك سريعا")]))

    def crash(_text: str) -> Extraction:
        raise RuntimeError("boom")

    report = evaluate_documents([document], crash)
    assert report.crashed == 1
    assert report.score("indirect").recall == 0.0
    assert "RuntimeError: boom" in report.to_dict(errors=True)["documents"][0]["crash"]


def test_kind_acc_reports_wrong_quote_kind() -> None:
    """A direct gold quote predicted as mixed matches but lowers kind_acc."""
    content = "الوضع صعب جدا في المنطقة"
    document = parse_gold(_gold([_item("direct", content)]))
    result = evaluate_document(
        document, lambda _t: Extraction(quotes=(_quote(content, "علي", QuoteKind.MIXED),))
    )
    assert result.score("direct").counts.tp == 1
    assert result.score("direct").kind_acc == 0.0


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("ديمتري بيسكوف", "دميتري بيسكوف", True),  # same last word
        ("بيسكوف", "ديمتري بيسكوف", True),  # contained
        ("الكرملين", "الكرملين", True),
        ("إيمانويل ماكرون", "ايمانويل ماكرون", True),  # hamza folded
        ("جو بايدن", "فلاديمير بوتين", False),
        (None, "بوتين", False),
        ("بوتين", None, False),
    ],
)
def test_same_speaker(predicted: str | None, gold: str | None, same: bool) -> None:
    """Speaker names agree after folding, containment or a shared last word."""
    assert same_speaker(predicted, gold) is same


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("الأمن الأردني", "الجيش الأردني", False),  # two bodies sharing a nisba adjective
        ("وزارة الصحة الأردنية", "القوات المسلحة الأردنية", False),
        ("علي الزيدي", "حسن الزيدي", False),  # two people sharing a nisba family name
        ("الزيدي", "علي الزيدي", True),  # contained
        ("علي الزيدى", "على الزيدي", True),  # alef maqsura folded
        ("عدي الزيدي", "علي الزيدي", True),  # first words within two edits
        ("القوات الأردنية", "الجيش الأردني", False),  # -ية against -ي: different last words
        ("مصطفى", "مصطفى", True),
        ("كمال مصطفى", "حسن مصطفى", False),  # folded ى reads as a nisba ending, as in score.py
        ("الإمارات العربية المتحدة", "الأمم المتحدة", True),  # a non-nisba last word suffices
    ],
)
def test_same_speaker_with_shared_nisba(predicted: str, gold: str, same: bool) -> None:
    """A shared nisba last word (-ي/-ية) names one speaker only if the first words agree."""
    assert same_speaker(predicted, gold) is same


_NAME_WORDS = [
    "علي", "على", "عدي", "حسن", "حسين", "الأمن", "الجيش", "وزارة", "القوات", "محمد", "الأمم",
    "الزيدي", "الزيدى", "الأردني", "الأردنية", "الاردنيه", "المتحدة", "بيسكوف", "مصطفى",
    "الكرملين", "دميتري", "ديمتري", "الجيشي", "العراقي", "عراقي", "أبو", "الصحة", "ي", "يه",
]


@needs_score_py
@settings(max_examples=400, deadline=None)
@given(
    predicted=st.lists(st.sampled_from(_NAME_WORDS), min_size=0, max_size=4).map(" ".join),
    gold=st.lists(st.sampled_from(_NAME_WORDS), min_size=0, max_size=4).map(" ".join),
)
def test_same_speaker_agrees_with_score_py(predicted: str, gold: str) -> None:
    """On names built from nisbas, near-spellings and plain words, we decide as score.py does."""
    reference = _load_score_py().same_speaker(predicted, gold)
    assert same_speaker(predicted, gold) is bool(reference)


def test_occurrence_picks_later_copy() -> None:
    """``occurrence`` 1 locates the second copy of a repeated content."""
    text = "قال علي: نعم. ثم قال علي: نعم."
    document = parse_gold(_gold([_item("indirect", "نعم", occurrence=1)], text=text))
    assert document.items[0].span == Span(text.rindex("نعم"), text.rindex("نعم") + 3)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "quote"}, "'kind'"),
        ({"content": "ليس في النص"}, "'content'"),
        ({"cue": "ليس في النص"}, "'cue'"),
        ({"occurrence": 3}, "'content'"),
        ({"occurrence": -1}, "'occurrence'"),
        ({"speaker": 5}, "'speaker'"),
    ],
)
def test_bad_item_names_file_and_field(tmp_path: Path, change: dict[str, Any], field: str) -> None:
    """A malformed item raises GoldFormatError naming the file, the item and the field."""
    path = tmp_path / "bad.json"
    item = {**_item("direct", "الوضع صعب جدا في المنطقة"), **change}
    path.write_text(json.dumps(_gold([item]), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad\.json: items\[0\]") as raised:
        load_gold(path)
    assert field in str(raised.value)


@pytest.mark.parametrize("missing", ["id", "text", "items"])
def test_missing_top_level_field(tmp_path: Path, missing: str) -> None:
    """A gold file without id, text or items is rejected with the field's name."""
    data = _gold([])
    del data[missing]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldFormatError, match=f"g.json: field '{missing}'"):
        load_gold(path)


def test_missing_speaker_field(tmp_path: Path) -> None:
    """An item without a speaker key is rejected (null is the way to say unknown)."""
    item = _item("direct", "الوضع صعب جدا في المنطقة")
    del item["speaker"]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(_gold([item])), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="'speaker' is missing"):
        load_gold(path)


def test_load_extractor_resolves_module_function() -> None:
    """``module:function`` names an importable extractor; a bad spec is a ValueError."""
    assert load_extractor("arquotes:extract") is __import__("arquotes").extract
    with pytest.raises(ValueError, match="module:function"):
        load_extractor("arquotes.extract")


def _load_score_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SCORE_PY)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference(module: ModuleType, paths: list[str], extractor: Any) -> dict[str, Any]:
    module.arquotes = SimpleNamespace(extract=extractor)  # type: ignore[attr-defined]
    with contextlib.redirect_stdout(io.StringIO()):
        result: dict[str, Any] = module.main([*paths, "--json"])
    return result


@needs_score_py
@settings(max_examples=40, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_agrees_with_score_py_on_perturbed_predictions(seed: int) -> None:
    """For randomly perturbed predictions on the dev corpus, our figures equal score.py's."""
    paths = [str(p) for p in find_gold_files([CORPUS])]
    documents = [load_gold(p) for p in paths]
    fake = perturbed(documents, seed)
    assert evaluate(paths, fake).to_dict() == _reference(_load_score_py(), paths, fake)


@needs_score_py
def test_evaluate_json_equals_score_py_on_corpus() -> None:
    """``arquotes evaluate --json`` prints the same figures as score.py on tests/corpus."""
    ours = subprocess.run(
        [sys.executable, "-m", "arquotes", "evaluate", "--json", str(CORPUS)],
        capture_output=True, text=True, check=True,
    )
    theirs = subprocess.run(
        [sys.executable, str(SCORE_PY), str(CORPUS), "--json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    assert json.loads(ours.stdout) == json.loads(theirs.stdout.strip().splitlines()[-1])


def test_evaluate_command_lists_errors_and_table(tmp_path: Path) -> None:
    """``arquotes evaluate --errors`` prints the table, and a bad gold file gives exit 2."""
    good = tmp_path / "a.json"
    good.write_text(json.dumps(_gold([_item("direct", "الوضع صعب جدا في المنطقة")])), "utf-8")
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps(_gold([_item("direct", "غير موجود")])), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "arquotes", "evaluate", "--errors", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "b.json: items[0]: field 'content'" in done.stderr
    assert "files 1" in done.stdout
    assert "direct" in done.stdout


def test_evaluate_command_without_gold_files(tmp_path: Path) -> None:
    """An empty gold folder is an input error (exit 2), not a perfect score."""
    done = subprocess.run(
        [sys.executable, "-m", "arquotes", "evaluate", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "no gold files" in done.stderr


@pytest.mark.parametrize("shape", ["unreadable", "missing", "both"])
def test_evaluate_command_with_no_readable_gold_prints_no_table(
    tmp_path: Path, shape: str
) -> None:
    """No gold file could be read: exit 2 and say so, never a perfect-looking table."""
    broken = tmp_path / "x.json"
    broken.write_text("{bad", encoding="utf-8")
    paths = {"unreadable": [str(broken)], "missing": [str(tmp_path / "nope.json")],
             "both": [str(broken), str(tmp_path / "nope.json")]}[shape]
    for extra in ([], ["--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "arquotes", "evaluate", *extra, *paths],
            capture_output=True, text=True, check=False,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert "no readable gold file" in done.stderr


def test_empty_report_table_does_not_look_perfect() -> None:
    """A report of no documents says so instead of printing F1 1.000."""
    table = evaluate_documents([]).format_table()
    assert "1.000" not in table
    assert "no gold documents" in table
