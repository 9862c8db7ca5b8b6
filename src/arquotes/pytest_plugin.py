"""Pytest plugin: gold annotation files become test items (docs/gold-format.md).

Configured in ``pyproject.toml``::

    [tool.arquotes]
    gold = ["tests/corpus"]                             # folders of gold files, or files
    thresholds = {direct = 0.95, indirect = 0.80}       # minimum end-to-end F1 over the set
    article_min_f1 = 0.5                                # optional per-article gate
    extractor = "mypackage.pipeline:extract"            # optional, default arquotes.extract

Each gold article is one item (``tests/corpus/a08.json::a08``). It fails when the extractor
crashes on it, or when ``article_min_f1`` is set and the article's end-to-end F1 (``all`` row)
is below it; the failure shows a readable diff of missed, spurious and misattributed items.
With ``thresholds`` one more item, ``corpus-thresholds``, gates the whole set. The terminal
summary lists the weakest articles; ``--arquotes-diffs`` prints every imperfect one.

Quote fidelity (docs/verify.md): ``fidelity = ["tests/fidelity"]`` names fidelity files (or
folders of them), JSON objects with ``id``, ``text`` and ``sources``; a gold file that names
``sources`` is one too. Each direct quote of the story is then an item
(``story.json::story:quote-1``) that fails when the quote is altered, not found or
misattributed, with the word edits.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
import pytest

from arquotes.errors import GoldFormatError
from arquotes.evaluate import (
    ROWS,
    DocumentResult,
    Extractor,
    Report,
    Row,
    evaluate_document,
    load_extractor,
)
from arquotes.extract import extract
from arquotes.gold import GoldDocument, find_gold_files, load_gold
from arquotes.verify import Checker, FidelityCase, QuoteCheck, SourceError, Verdict, load_case

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from _pytest._code.code import TerminalRepr
    from _pytest.terminal import TerminalReporter

__all__ = ["CorpusConfig"]

THRESHOLDS_ITEM = "corpus-thresholds"
_KEYS = ("gold", "thresholds", "article_min_f1", "extractor", "fidelity")
"""The settings ``[tool.arquotes]`` may hold."""
_SUMMARY_WORST = 5


@attrs.frozen(kw_only=True)
class CorpusConfig:
    """The ``[tool.arquotes]`` settings, paths resolved against the rootdir."""

    entries: tuple[Path, ...] = ()
    thresholds: Mapping[Row, float] = attrs.field(factory=dict, hash=False)
    article_min_f1: float | None = None
    extractor: str | None = None
    fidelity: tuple[Path, ...] = ()
    """Fidelity files, or folders of them (`arquotes.verify.load_case`)."""

    @classmethod
    def from_pyproject(cls, rootpath: Path) -> CorpusConfig:
        """Read ``rootpath/pyproject.toml``; raise `pytest.UsageError` on a bad value."""
        pyproject = rootpath / "pyproject.toml"
        if not pyproject.is_file():
            return cls()
        with pyproject.open("rb") as stream:  # pytest has parsed it already: it is TOML
            table: Any = tomllib.load(stream).get("tool", {}).get("arquotes", {})
        if not isinstance(table, dict):
            raise pytest.UsageError("[tool.arquotes] must be a table")
        if unknown := sorted(set(table) - set(_KEYS)):
            close = difflib.get_close_matches(unknown[0], _KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (keys: {', '.join(_KEYS)})"
            raise pytest.UsageError(f"[tool.arquotes] unknown key {unknown[0]!r}{hint}")
        entries = _paths(table, "gold", rootpath)
        extractor = table.get("extractor")
        if extractor is not None and not isinstance(extractor, str):
            raise pytest.UsageError("[tool.arquotes] extractor must be a string 'module:function'")
        return cls(
            entries=entries,
            thresholds=_thresholds(table.get("thresholds", {})),
            article_min_f1=_unit_or_none(table.get("article_min_f1"), "article_min_f1"),
            extractor=extractor,
            fidelity=_paths(table, "fidelity", rootpath),
        )


def _paths(table: Mapping[str, Any], key: str, rootpath: Path) -> tuple[Path, ...]:
    """The existing paths listed under ``key``, resolved against the rootdir."""
    listed = table.get(key, [])
    if isinstance(listed, str):
        listed = [listed]
    if not isinstance(listed, list) or not all(isinstance(g, str) for g in listed):
        raise pytest.UsageError(f"[tool.arquotes] {key} must be a list of paths")
    entries = tuple((rootpath / g).resolve() for g in cast("list[str]", listed))
    for written, entry in zip(cast("list[str]", listed), entries, strict=True):
        if not entry.exists():
            raise pytest.UsageError(
                f"[tool.arquotes] {key} path {written!r} ({entry}) does not exist")
    return entries


def _thresholds(value: Any) -> dict[Row, float]:
    if not isinstance(value, dict):
        raise pytest.UsageError("[tool.arquotes] thresholds must be a table, e.g. {direct = 0.9}")
    out: dict[Row, float] = {}
    for key, minimum in cast("dict[str, Any]", value).items():
        if key not in ROWS:
            raise pytest.UsageError(
                f"[tool.arquotes] thresholds: unknown kind {key!r} (use {', '.join(ROWS)})"
            )
        checked = _unit_or_none(minimum, f"thresholds.{key}")
        if checked is not None:
            out[key] = checked
    return out


def _unit_or_none(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise pytest.UsageError(f"[tool.arquotes] {name} must be a number from 0 to 1")
    return float(value)


@attrs.define
class _State:
    """Per-session settings and the results of the articles scored so far."""

    corpus: CorpusConfig
    article_min_f1: float | None
    show_diffs: bool
    results: dict[Path, DocumentResult] = attrs.field(factory=dict)
    _extractor: Extractor | None = None

    @property
    def extractor(self) -> Extractor | None:
        """The configured extractor, imported on first use (None: `arquotes.extract`)."""
        if self._extractor is None and self.corpus.extractor:
            self._extractor = load_extractor(self.corpus.extractor)
        return self._extractor

    def result(self, document: GoldDocument) -> DocumentResult:
        """Score a document once per session."""
        key = document.path or Path(document.doc_id)
        if key not in self.results:
            self.results[key] = evaluate_document(document, self.extractor)
        return self.results[key]


_STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the plugin's command-line options."""
    group = parser.getgroup("arquotes", "arquotes gold corpus")
    group.addoption(
        "--arquotes-article-min-f1",
        type=float,
        default=None,
        metavar="F1",
        help="fail gold articles whose end-to-end F1 is under F1 (overrides pyproject)",
    )
    group.addoption(
        "--arquotes-diffs",
        action="store_true",
        help="print the diff of every imperfect gold article in the summary",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Read and check ``[tool.arquotes]`` once per session, before anything is collected.

    A bad setting, a gold path that does not exist or an extractor that cannot be imported
    stops pytest with a usage error naming it, rather than failing (or passing) each article.
    """
    corpus = CorpusConfig.from_pyproject(config.rootpath)
    option = config.getoption("--arquotes-article-min-f1")
    if option is not None and not 0 <= option <= 1:
        raise pytest.UsageError("--arquotes-article-min-f1 must be a number from 0 to 1")
    state = _State(
        corpus=corpus,
        article_min_f1=corpus.article_min_f1 if option is None else float(option),
        show_diffs=bool(config.getoption("--arquotes-diffs")),
    )
    if corpus.extractor:
        try:
            state.extractor  # noqa: B018 - imported now, so a bad name stops the session
        except Exception as exc:  # noqa: BLE001 - any import failure is the user's setting
            raise pytest.UsageError(
                f"[tool.arquotes] extractor {corpus.extractor!r} cannot be loaded: "
                f"{type(exc).__name__}: {exc}") from None
    config.stash[_STATE] = state


def _state(config: pytest.Config) -> _State:
    return config.stash[_STATE]


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect a configured gold folder as a `GoldDirectory`, a fidelity folder as such."""
    corpus = _state(parent.config).corpus
    if path.resolve() in corpus.entries and path.is_dir():
        return GoldDirectory.from_parent(parent, path=path)
    if path.resolve() in corpus.fidelity and path.is_dir():
        return FidelityDirectory.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect a gold file named directly in ``[tool.arquotes] gold`` (or ``fidelity``)."""
    corpus = _state(parent.config).corpus
    if file_path.resolve() in corpus.entries:
        return GoldFile.from_parent(parent, path=file_path)
    if file_path.resolve() in corpus.fidelity:
        return FidelityFile.from_parent(parent, path=file_path)
    return None


def _is_first_entry(node: pytest.Collector) -> bool:
    entries = _state(node.config).corpus.entries
    return bool(entries) and node.path.resolve() == entries[0]


class GoldDirectory(pytest.Directory):
    """A folder of gold files: one `GoldFile` each, plus the set-level threshold item."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        """Yield the folder's gold files in name order, then the thresholds item."""
        for path in find_gold_files([self.path]):
            yield GoldFile.from_parent(self, path=path)
        if _is_first_entry(self) and _state(self.config).corpus.thresholds:
            yield ThresholdsItem.from_parent(self, name=THRESHOLDS_ITEM)


class GoldFile(pytest.File):
    """One gold file, collected as one `GoldItem`."""

    def collect(self) -> Iterator[pytest.Item]:
        """Load and validate the file; a format error is a collection error."""
        try:
            document = load_gold(self.path)
        except GoldFormatError as exc:
            raise self.CollectError(str(exc)) from exc
        yield GoldItem.from_parent(self, name=document.doc_id, document=document)
        yield from _fidelity_items(self, required=False)
        if _is_first_entry(self) and _state(self.config).corpus.thresholds:
            yield ThresholdsItem.from_parent(self, name=THRESHOLDS_ITEM)


class GoldMismatchError(AssertionError):
    """Raised when a gold article falls under the configured per-article bar."""


class GoldItem(pytest.Item):
    """One gold article: extract it and compare with its annotation."""

    def __init__(self, *, document: GoldDocument, **kwargs: Any) -> None:
        """Keep the loaded gold document."""
        super().__init__(**kwargs)
        self.document = document

    def runtest(self) -> None:
        """Score the article; fail on a crash or under ``article_min_f1``."""
        state = _state(self.config)
        result = state.result(self.document)
        score = result.score("all")
        self.user_properties.append(("e2e_f1", round(score.e2e_f1, 3)))
        self.user_properties.append(("discrepancies", len(result.discrepancies)))
        minimum = state.article_min_f1
        if result.crash is not None:
            raise GoldMismatchError(f"extractor crashed: {result.crash}\n{result.diff()}")
        if minimum is not None and score.e2e_f1 < minimum:
            raise GoldMismatchError(
                f"end-to-end F1 {score.e2e_f1:.3f} < {minimum:.3f} "
                f"(gold {score.counts.gold}, predicted {score.counts.pred}, "
                f"right {score.counts.e2e})\n{result.diff()}"
            )

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | TerminalRepr:
        """Show the diff, not a traceback, for a mismatch."""
        if isinstance(excinfo.value, GoldMismatchError):
            legend = "(- missed, + spurious, ~ wrong speaker; [start:end] in the gold text)"
            return f"{self.document.doc_id}: {excinfo.value}\n{legend}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Name the item after its gold article."""
        return self.path, None, f"gold article {self.document.doc_id}"


class FidelityDirectory(pytest.Directory):
    """A folder of fidelity files (``*.json``), each a `FidelityFile`."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        """Yield the folder's fidelity files in name order."""
        for path in find_gold_files([self.path]):
            yield FidelityFile.from_parent(self, path=path)


class FidelityFile(pytest.File):
    """One fidelity file: one `QuoteFidelityItem` per direct quote of its story."""

    def collect(self) -> Iterator[pytest.Item]:
        """Read the case and check its quotes; a malformed file is a collection error."""
        yield from _fidelity_items(self, required=True)


def _fidelity_items(node: pytest.File, *, required: bool) -> Iterator[pytest.Item]:
    """The quote items of the file at ``node`` when it names sources."""
    try:
        case = load_case(node.path, required=required)
    except SourceError as exc:
        raise node.CollectError(str(exc)) from exc
    if case is None:
        return
    extractor = _state(node.config).extractor or extract
    checker = Checker(case.sources)
    for number, check in enumerate(checker.check_all(extractor(case.text)), 1):
        yield QuoteFidelityItem.from_parent(
            node, name=f"{case.case_id}:quote-{number}", case=case, check=check)


class FidelityError(AssertionError):
    """Raised when a quote is altered, not found or misattributed."""


class QuoteFidelityItem(pytest.Item):
    """One direct quote of a story against the story's sources."""

    def __init__(self, *, case: FidelityCase, check: QuoteCheck, **kwargs: Any) -> None:
        """Keep the case and the quote's check (done at collection, once)."""
        super().__init__(**kwargs)
        self.case = case
        self.check = check

    def runtest(self) -> None:
        """Pass verbatim quotes and marked ellipses; fail the others with their edits."""
        check = self.check
        self.user_properties.append(("verdict", check.verdict.value))
        if check.verdict in (Verdict.VERBATIM, Verdict.ELLIPSIS):
            return
        lines = [f"{check.verdict.value} (similarity {check.similarity:.2f}): «{check.quote.text}»"]
        if check.source_words is not None:
            lines.append(f"source: «{check.source_words}»")
        lines.extend(f"  {edit.describe()}" for edit in check.edits)
        if check.verdict is Verdict.MISATTRIBUTED:
            lines.append(f"the story gives it to {check.speaker}, the source to "
                         f"{check.source_speaker}")
        raise FidelityError("\n".join(lines))

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | TerminalRepr:
        """Show the quote and its word edits, not a traceback."""
        if isinstance(excinfo.value, FidelityError):
            return f"{self.case.case_id}: {excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Name the item after its story and quote."""
        return self.path, None, f"quote fidelity {self.name}"


class ThresholdsError(AssertionError):
    """Raised when the whole set scores under a configured threshold."""


class ThresholdsItem(pytest.Item):
    """Gate the whole configured gold set on minimum end-to-end F1 per kind."""

    def runtest(self) -> None:
        """Score every configured article (reusing item results) and compare."""
        state = _state(self.config)
        documents = [load_gold(p) for p in find_gold_files(state.corpus.entries)]
        report = Report(documents=tuple(state.result(d) for d in documents))
        failures = [
            f"{row}: e2e_F1 {report.score(row).e2e_f1:.3f} < required {minimum:.3f}"
            for row, minimum in state.corpus.thresholds.items()
            if report.score(row).e2e_f1 < minimum
        ]
        if failures:
            raise ThresholdsError("\n".join([*failures, "", report.format_table()]))

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | TerminalRepr:
        """Show the failing kinds and the score table."""
        if isinstance(excinfo.value, ThresholdsError):
            return f"gold set under its thresholds:\n{excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Name the item."""
        return self.path, None, THRESHOLDS_ITEM


def pytest_terminal_summary(terminalreporter: TerminalReporter, config: pytest.Config) -> None:
    """Summarise the gold articles scored in this session, weakest first."""
    state = config.stash.get(_STATE, None)
    if state is None or not state.results:
        return
    results = sorted(state.results.values(), key=lambda r: (r.score("all").e2e_f1, r.doc_id))
    imperfect = [r for r in results if r.discrepancies or r.crash]
    report = Report(documents=tuple(results))
    terminalreporter.write_sep("-", "arquotes gold corpus")
    terminalreporter.write_line(
        f"{len(results)} articles scored, {len(imperfect)} with differences"
    )
    terminalreporter.write_line(report.format_table())
    shown = imperfect if state.show_diffs else imperfect[:_SUMMARY_WORST]
    for result in shown:
        score = result.score("all")
        terminalreporter.write_line(
            f"{result.doc_id}: e2e_F1 {score.e2e_f1:.3f}, {len(result.discrepancies)} differences"
        )
        if state.show_diffs:
            terminalreporter.write_line(result.diff())
    if not state.show_diffs and len(imperfect) > len(shown):
        terminalreporter.write_line("(--arquotes-diffs shows every difference)")
