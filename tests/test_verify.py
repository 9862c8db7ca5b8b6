"""Quote fidelity (arquotes.verify, arquotes.align) on the fixtures of tests/fixtures/verify.

The fixtures: a minister's statement (statement.json, one record with a speaker) and a press
conference transcript (transcript.jsonl, one turn a line), and stories quoting them
faithfully, with a dropped negation, a changed number and name, a softened word, an ellipsis,
a paraphrase in marks and a quote moved to another speaker; outlets/outlets.jsonl gives one
quote as five outlets print it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

import arquotes
from arquotes.align import SourceIndex, align, steps, words
from arquotes.model import Attribution, Extraction, Quote, Span, Speaker
from arquotes.verify import (
    Checker,
    EditKind,
    MeaningChange,
    QuoteCheck,
    SourceError,
    SourceText,
    Verdict,
    compare,
    load_case,
    load_sources,
    verify,
)
from helpers import count_calls

FIXTURES = Path(__file__).parent / "fixtures" / "verify"


@cache
def sources() -> tuple[SourceText, ...]:
    return load_sources(FIXTURES / "statement.json") + load_sources(
        FIXTURES / "transcript.jsonl")


def checks(name: str) -> tuple[QuoteCheck, ...]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return verify(text, sources()).checks


def only(name: str) -> QuoteCheck:
    found = checks(name)
    assert len(found) == 1, found
    return found[0]


def test_sources_load_with_speakers_and_names() -> None:
    statement, *turns = sources()
    assert statement.speaker == "أحمد الخطيب"
    assert statement.url is not None
    assert statement.name is not None
    assert statement.name.endswith("statement.json")
    assert [t.speaker for t in turns] == ["سلمى حداد", "صحفي", "سلمى حداد", "سلمى حداد"]
    assert turns[0].name is not None
    assert turns[0].name.endswith("transcript.jsonl:1")


def test_faithful_story_is_verbatim_despite_spelling_noise() -> None:
    """Diacritics, tatweel, Arabic-Indic digits, ٫ and changed punctuation are not changes."""
    found = checks("faithful.txt")
    assert [c.verdict for c in found] == [Verdict.VERBATIM] * 3
    assert all(c.similarity == 1.0 and not c.edits for c in found)
    assert [c.source_speaker for c in found] == ["أحمد الخطيب", "أحمد الخطيب", "سلمى حداد"]


def test_source_span_points_at_the_source_words() -> None:
    for check in checks("faithful.txt"):
        assert check.source is not None
        assert check.source_span is not None
        source = sources()[check.source].text
        assert source[check.source_span.start : check.source_span.end] == check.source_words
    assert checks("faithful.txt")[0].source_words == (
        "لن ترفع الحكومة أسعار الخبز والوقود خلال العام المقبل، مهما كانت الضغوط")


def test_dropped_negation_is_a_change_of_meaning() -> None:
    inside, _ = checks("dropped_negation.txt")
    assert inside.verdict is Verdict.ALTERED
    assert inside.meaning_changed
    dropped = [e for e in inside.edits if e.kind is EditKind.DROPPED]
    assert [(e.source, e.changes) for e in dropped] == [("ليس", (MeaningChange.NEGATION,))]
    assert inside.fails()


def test_quote_starting_after_a_negation_drops_it() -> None:
    """«نفكر في ...» out of «نحن لا نفكر في ...» is verbatim words saying the opposite."""
    _, cut = checks("dropped_negation.txt")
    assert cut.verdict is Verdict.ALTERED
    assert [(e.kind, e.source, e.changes) for e in cut.edits] == [
        (EditKind.DROPPED, "لا", (MeaningChange.NEGATION,))]
    assert cut.source_words is not None
    assert cut.source_words.startswith("لا نفكر")


def test_changed_number_and_name_are_flagged() -> None:
    number, name = checks("changed_number.txt")
    assert [(e.kind, e.source, e.quote, e.changes) for e in number.edits] == [
        (EditKind.REPLACED, "3.5", "2.5", (MeaningChange.NUMBER,))]
    assert [(e.source, e.quote, e.changes) for e in name.edits] == [
        ("يوسف", "خالد", (MeaningChange.NAME,))]
    assert number.fails()
    assert name.fails()


def test_softened_word_is_altered_but_not_in_meaning() -> None:
    check = only("softened.txt")
    assert check.verdict is Verdict.ALTERED
    assert [(e.source, e.quote, e.changes) for e in check.edits] == [("صعب", "دقيق", ())]
    assert not check.meaning_changed
    assert 0.85 < check.similarity < 1.0
    assert not check.fails()
    assert check.fails(min_similarity=0.95)


def test_marked_ellipsis_is_not_an_alteration() -> None:
    check = only("ellipsis.txt")
    assert check.verdict is Verdict.ELLIPSIS
    assert not check.edits
    assert check.source_words is not None
    assert "المحافظات الجنوبية" in check.source_words  # the words the marks stand for
    assert not check.fails()


def test_unmarked_omission_is_altered_not_ellipsis() -> None:
    source = "ستطلق الوزارة برنامجا لدعم مئتي ألف أسرة فقيرة في المحافظات الجنوبية بتمويل دولي"
    check = verify('قال الوزير: "ستطلق الوزارة برنامجا لدعم مئتي ألف أسرة فقيرة بتمويل دولي".',
                   [source]).checks[0]
    assert check.verdict is Verdict.ALTERED
    assert [(e.kind, e.source) for e in check.edits] == [
        (EditKind.DROPPED, "في المحافظات الجنوبية")]


def test_ellipsis_with_a_changed_piece_is_altered() -> None:
    source = "لن نرفع الضرائب هذا العام مهما حدث في الأسواق العالمية، وسنحمي الأجور والرواتب كلها"
    story = 'قال الوزير: "لن نرفع الضرائب هذا العام ... وسنحمي الأجور والمعاشات كلها".'
    check = verify(story, [source]).checks[0]
    assert check.verdict is Verdict.ALTERED
    assert [(e.source, e.quote) for e in check.edits] == [("والرواتب", "والمعاشات")]


def test_paraphrase_and_invented_quote_are_not_found() -> None:
    found = checks("paraphrase.txt")
    assert [c.verdict for c in found] == [Verdict.NOT_FOUND] * 2
    assert all(c.source is None and c.source_span is None for c in found)
    assert all(c.fails() for c in found)


def test_quote_given_to_another_speaker_is_misattributed() -> None:
    check = only("misattributed.txt")
    assert check.verdict is Verdict.MISATTRIBUTED
    assert check.wording is Verdict.VERBATIM
    assert (check.speaker, check.source_speaker) == ("أحمد الخطيب", "سلمى حداد")
    assert check.fails()


def test_speaker_spelling_variants_are_the_same_speaker() -> None:
    """ديمتري/دميتري and a last name alone match the source's speaker (evaluate.same_speaker)."""
    text = "الكرملين لا يرى أي أساس لهذه الاتهامات"
    source = SourceText(text=text, speaker="ديمتري بيسكوف")
    for name in ("دميتري بيسكوف", "بيسكوف"):
        quote = Quote(text=text, span=Span(0, len(text)),
                      attribution=Attribution(speaker=Speaker(name=name)))
        assert Checker([source]).check(quote).verdict is Verdict.VERBATIM
    other = Quote(text=text, span=Span(0, len(text)),
                  attribution=Attribution(speaker=Speaker(name="سيرغي لافروف")))
    assert Checker([source]).check(other).verdict is Verdict.MISATTRIBUTED


def test_folding_keeps_words_and_numbers_apart() -> None:
    """Variants that do not change words fold together; a different digit does not."""
    source = "إنّ الأسعارَ ستبقى كما هي حتى عام 2025، وفقاً للخطة"
    same = "ان الاسعار ستبقي كما هي حتي عام ٢٠٢٥ وفقـــا للخطه"
    assert words(source).keys == words(same).keys
    assert words(source).keys != words(same.replace("٢٠٢٥", "٢٠٢٦")).keys
    assert words("۲۰۲۵").keys == words("2025").keys == ("2025",)


def test_a_respelled_word_counts_half_in_the_similarity() -> None:
    """والعجز for العجز is reported, but weighs half a changed word: short quotes stay found."""
    respelled = verify('قال الوزير: "العجز سينخفض إلى النصف".', ["والعجز سينخفض إلى النصف"])
    replaced = verify('قال الوزير: "التضخم سينخفض إلى النصف".', ["والعجز سينخفض إلى النصف"])
    assert [(c.verdict, c.similarity) for c in respelled.checks] == [(Verdict.ALTERED, 0.875)]
    assert [(c.verdict, c.similarity) for c in replaced.checks] == [(Verdict.ALTERED, 0.75)]


def test_steps_pair_look_alike_words() -> None:
    """A changed run of unequal length keeps the look-alikes paired, whatever the edit count."""
    ops = steps(["x", "ليس", "كارثيا", "y"], ["x", "كارثي", "y"])
    assert [(op.tag, op.src_start, op.src_end) for op in ops if op.tag != "equal"] == [
        ("delete", 1, 2), ("replace", 2, 3)]


def test_alignment_is_placed_among_repeats() -> None:
    """The quote's rare words place it; common words repeated everywhere do not mislead."""
    filler = "قال إن في من على " * 2000
    source = filler + "الموازنة الجديدة تخفض العجز إلى النصف " + filler
    index = SourceIndex([source])
    found = align(index, words("الموازنة الجديدة تخفض العجز إلى النصف").keys)
    assert found is not None
    assert found.similarity == 1.0
    start = index.words[0].starts[found.first]
    assert source[start:].startswith("الموازنة الجديدة")


def test_checking_a_quote_costs_the_same_in_a_source_twice_as_long() -> None:
    """Linear: indexing grows with the source, checking one quote does not."""
    base = (FIXTURES / "statement.json").read_text(encoding="utf-8") * 20
    quote = Quote(text="سينخفض العجز في الموازنة إلى 3.5 في المئة", span=Span(0, 10))
    small, large = Checker([base]), Checker([base * 2])
    small.check(quote)  # first use loads the names data and fills caches: not counted
    assert count_calls(lambda: large.check(quote)) <= 1.2 * count_calls(
        lambda: small.check(quote))
    assert count_calls(lambda: Checker([base * 2])) <= 2.3 * count_calls(lambda: Checker([base]))


def test_a_quote_of_words_found_everywhere_costs_a_bounded_amount() -> None:
    """Words on every line of a huge source vote no more often as the source grows."""
    quote = Quote(text="قال إن في من", span=Span(0, 12))
    small, large = Checker(["قال إن في من " * 5000]), Checker(["قال إن في من " * 10000])
    small.check(quote)
    assert count_calls(lambda: large.check(quote)) <= 1.2 * count_calls(
        lambda: small.check(quote))


def test_compare_groups_one_quote_across_outlets() -> None:
    lines = (FIXTURES / "outlets" / "outlets.jsonl").read_text(encoding="utf-8").splitlines()
    stories = [(r["id"], r["text"]) for r in map(json.loads, lines)]
    comparison = compare(stories, load_sources(FIXTURES / "statement.json"))
    assert len(comparison.groups) == 1
    group = comparison.groups[0]
    assert [v.story for v in group.versions] == [s for s, _ in stories]
    differing = {v.story: v for v in group.versions if v.differs}
    assert set(differing) == {"al-sabah", "al-fajr"}
    assert any(MeaningChange.NEGATION in e.changes for e in differing["al-sabah"].edits)
    assert [(e.kind, e.source) for e in differing["al-fajr"].edits] == [
        (EditKind.DROPPED, "والوقود")]
    verdicts = {v.story: v.check.verdict for v in group.versions if v.check is not None}
    assert verdicts == {"al-yawm": Verdict.VERBATIM, "al-akhbar": Verdict.VERBATIM,
                        "al-masa": Verdict.VERBATIM, "al-sabah": Verdict.ALTERED,
                        "al-fajr": Verdict.ALTERED}


def test_compare_keeps_different_quotes_apart() -> None:
    stories = [("a", 'قال الوزير: "الاقتصاد ينمو بسرعة كبيرة هذا العام".'),
               ("b", 'قال الوزير: "لا توجد خطط لرفع الضرائب على الشركات".')]
    groups = compare(stories).groups
    assert sorted(len(g.versions) for g in groups) == [1, 1]
    assert all(v.check is None for g in groups for v in g.versions)


def test_verify_uses_a_given_extractor_and_checks_mixed_quotes_on_request() -> None:
    text = "نص"
    quote = Quote(text="الوضع صعب", span=Span(0, 3), kind=arquotes.QuoteKind.MIXED)

    def fake(_: str) -> Extraction:
        return Extraction(quotes=(quote,))

    assert verify(text, ["الوضع صعب جدا"], extractor=fake).checks == ()
    mixed = verify(text, ["الوضع صعب جدا"], extractor=fake, mixed=True).checks
    assert [c.verdict for c in mixed] == [Verdict.VERBATIM]


def test_quote_without_words_or_sources_is_not_found() -> None:
    empty = Quote(text="...", span=Span(0, 3))
    assert Checker(["نص المصدر"]).check(empty).verdict is Verdict.NOT_FOUND
    assert Checker([]).check(Quote(text="كلام", span=Span(0, 4))).verdict is Verdict.NOT_FOUND


def test_to_dict_is_json_ready() -> None:
    verification = verify((FIXTURES / "changed_number.txt").read_text(encoding="utf-8"),
                          sources())
    data = json.loads(json.dumps(verification.to_dict(), ensure_ascii=False))
    assert data["counts"]["altered"] == 2
    assert data["checks"][0]["edits"][0] == {
        "kind": "replaced", "source": "3.5", "quote": "2.5", "changes": ["number"]}
    assert "text" not in data["sources"][0]


def test_public_names() -> None:
    assert arquotes.verify is verify
    assert arquotes.Verdict is Verdict


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.json", "{", "not valid JSON"),
    ("list.json", "[]", "empty JSON array"),
    ("record.json", '{"speaker": "x"}', "'text' is missing"),
    ("speaker.json", '{"text": "x", "speaker": 3}', "'speaker' must be a string"),
    ("lines.jsonl", '{"text": "x"}\n[1]\n', "lines.jsonl:2: a source record must be"),
    ("empty.jsonl", "\n\n", "no JSON Lines record"),
])
def test_bad_sources_raise_source_error(tmp_path: Path, name: str, content: str,
                                        message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        load_sources(path)


def test_missing_and_undecodable_sources(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        load_sources(tmp_path / "missing.txt")
    (tmp_path / "latin.txt").write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(SourceError, match="not UTF-8"):
        load_sources(tmp_path / "latin.txt")


def test_fidelity_case_reads_paths_and_records(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({
        "id": "c1", "text": "قصة",
        "sources": [str(FIXTURES / "transcript.jsonl"), {"text": "بيان", "speaker": "س"}],
    }), encoding="utf-8")
    case = load_case(case_file)
    assert case is not None
    assert case.case_id == "c1"
    assert len(case.sources) == 5
    assert case.sources[-1].speaker == "س"
    gold = tmp_path / "gold.json"
    gold.write_text('{"id": "g", "text": "t", "items": []}', encoding="utf-8")
    assert load_case(gold, required=False) is None
    with pytest.raises(SourceError, match="'sources'"):
        load_case(gold)


# The pytest plugin: fidelity files (and gold files naming sources) give one item per quote.

pytest_plugins = ("pytester",)

STORY = (
    'قال وزير المالية أحمد الخطيب في بيان: "لن ترفع الحكومة أسعار الخبز والوقود خلال العام'
    ' المقبل، مهما كانت الضغوط". وأضاف الخطيب: "الوضع الاقتصادي صعب لكنه كارثي".'
)


def fidelity_project(pytester: pytest.Pytester, key: str, case: dict[str, object]) -> None:
    pytester.makefile(".toml", pyproject=f'[tool.arquotes]\n{key} = ["cases"]\n')
    (pytester.path / "sources").mkdir()
    (pytester.path / "sources" / "statement.json").write_text(
        (FIXTURES / "statement.json").read_text(encoding="utf-8"), encoding="utf-8")
    (pytester.mkdir("cases") / "story.json").write_text(
        json.dumps(case, ensure_ascii=False), encoding="utf-8")


def test_plugin_makes_each_quote_an_item(pytester: pytest.Pytester) -> None:
    fidelity_project(pytester, "fidelity", {
        "id": "story", "text": STORY, "sources": ["../sources/statement.json"]})
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*cases/story.json::story:quote-1 PASSED*",
        "*cases/story.json::story:quote-2 FAILED*",
        "*story: altered (similarity 0.75)*",
        "*dropped «ليس» [[]negation[]]*",
    ])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_plugin_reads_sources_named_by_a_gold_file(pytester: pytest.Pytester) -> None:
    quote = "لن ترفع الحكومة أسعار الخبز والوقود خلال العام المقبل، مهما كانت الضغوط"
    fidelity_project(pytester, "gold", {
        "id": "story", "text": STORY, "sources": ["../sources/statement.json"],
        "items": [{"kind": "direct", "content": quote, "speaker": "أحمد الخطيب"}]})
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2, failed=1)  # the gold article, then the two quotes
    result.stdout.fnmatch_lines(["*cases/story.json::story PASSED*",
                                 "*cases/story.json::story:quote-1 PASSED*"])


def test_plugin_reports_a_malformed_fidelity_file(pytester: pytest.Pytester) -> None:
    fidelity_project(pytester, "fidelity", {"id": "story", "text": STORY, "sources": []})
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*non-empty list 'sources'*"])
