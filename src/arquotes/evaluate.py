"""The accuracy harness: score an extractor against gold files (docs/gold-format.md).

Matching follows the reference scorer (``shared/tools/score.py``) exactly, so both give the
same figures:

- spans match when ``overlap / max(len(gold), len(predicted)) >= threshold``; the threshold is
  0.8 for direct quotes and 0.5 for mixed quotes, claims and the kind-blind ``all`` row; a gold
  quote noted ``continues`` needs ``overlap / len(gold) >= 0.8`` only;
- gold and predicted items pair one-to-one, greedily, best overlap first;
- quote kinds are not part of the span match (``kind_acc`` reports them); an unmatched
  prediction lying on a gold item of a neighbouring kind is left out instead of spurious;
- a speaker is right when the normalised names are equal, one contains the other, or their
  last words agree (``ال`` aside); when that shared last word is a nisba (ends in ``-ي`` or
  ``-ية`` once folded), the first words must also agree within two edits, since a shared
  nisba does not name one speaker (الأمن الأردني / الجيش الأردني، علي الزيدي / حسن الزيدي);
  ``e2e`` counts an item right only when its span and speaker both are;
- an extractor that raises on an article predicts nothing for it.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from arquotes.extract import extract
from arquotes.gold import GoldDocument, GoldItem, GoldKind, find_gold_files, load_gold
from arquotes.model import Extraction, QuoteKind, Span

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "NEIGHBOURS",
    "ROWS",
    "THRESHOLDS",
    "Counts",
    "Discrepancy",
    "DocumentResult",
    "Extractor",
    "Prediction",
    "Report",
    "Row",
    "Score",
    "evaluate",
    "evaluate_document",
    "evaluate_documents",
    "load_extractor",
    "normalize_speaker",
    "predictions",
    "same_speaker",
]

Extractor = Callable[[str], Extraction]
"""Anything that maps an article text to an `Extraction`, e.g. `arquotes.extract`."""

Row = Literal["direct", "mixed", "indirect", "all"]
ROWS: tuple[Row, ...] = ("direct", "mixed", "indirect", "all")

THRESHOLDS: Mapping[Row, float] = {"direct": 0.8, "mixed": 0.5, "indirect": 0.5, "all": 0.5}
"""Minimum span overlap ratio for a gold and a predicted item to match, per row."""

NEIGHBOURS: Mapping[Row, tuple[GoldKind, ...]] = {
    "direct": ("mixed",),
    "mixed": ("direct",),
    "indirect": ("direct", "mixed"),
    "all": (),
}
"""Gold kinds an unmatched prediction may sit on without counting as spurious, per row."""

_NEAR_RATIO = 0.5
_DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640"}
_LETTER_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


@attrs.frozen(kw_only=True)
class Prediction:
    """One extracted item reduced to what scoring looks at."""

    kind: GoldKind
    span: Span
    text: str
    speaker: str | None


@attrs.frozen(kw_only=True)
class Counts:
    """Tallies for one row; they add up across documents."""

    gold: int = 0
    pred: int = 0
    tp: int = 0
    """Span matches."""
    e2e: int = 0
    """Span matches whose speaker is right too."""
    kind_ok: int = 0
    """Span matches whose predicted quote kind is the row's kind (direct and mixed rows)."""

    def __add__(self, other: Counts) -> Counts:
        """Field-wise sum."""
        return Counts(
            gold=self.gold + other.gold,
            pred=self.pred + other.pred,
            tp=self.tp + other.tp,
            e2e=self.e2e + other.e2e,
            kind_ok=self.kind_ok + other.kind_ok,
        )


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty side counts as perfect only if the other is empty."""
    precision = hits / predicted if predicted else (1.0 if not gold else 0.0)
    recall = hits / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@attrs.frozen(kw_only=True)
class Score:
    """Figures for one row (a kind, or ``all``) computed from its `Counts`."""

    row: Row
    counts: Counts

    @property
    def precision(self) -> float:
        """Span-match precision."""
        return _prf(self.counts.tp, self.counts.pred, self.counts.gold)[0]

    @property
    def recall(self) -> float:
        """Span-match recall."""
        return _prf(self.counts.tp, self.counts.pred, self.counts.gold)[1]

    @property
    def f1(self) -> float:
        """Span-match F1."""
        return _prf(self.counts.tp, self.counts.pred, self.counts.gold)[2]

    @property
    def speaker_acc(self) -> float:
        """Share of span matches with the right speaker (0 when nothing matched)."""
        return self.counts.e2e / self.counts.tp if self.counts.tp else 0.0

    @property
    def e2e_f1(self) -> float:
        """F1 counting an item right only when its span and its speaker are."""
        return _prf(self.counts.e2e, self.counts.pred, self.counts.gold)[2]

    @property
    def kind_acc(self) -> float | None:
        """Share of matched quotes with the gold kind; None for the claim and ``all`` rows."""
        if self.row not in ("direct", "mixed"):
            return None
        return self.counts.kind_ok / self.counts.tp if self.counts.tp else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Give the reference scorer's JSON form, figures rounded to three places."""
        out: dict[str, Any] = {
            "gold": self.counts.gold,
            "pred": self.counts.pred,
            "P": round(self.precision, 3),
            "R": round(self.recall, 3),
            "F1": round(self.f1, 3),
            "speaker_acc": round(self.speaker_acc, 3),
            "e2e_F1": round(self.e2e_f1, 3),
        }
        if self.kind_acc is not None:
            out["kind_acc"] = round(self.kind_acc, 3)
        return out


Problem = Literal["missed", "spurious", "speaker"]


@attrs.frozen(kw_only=True)
class Discrepancy:
    """One difference between gold and extraction in a document."""

    row: Row
    problem: Problem
    """``missed`` gold item, ``spurious`` prediction, or matched span with the wrong ``speaker``."""
    span: Span
    text: str
    gold_speaker: str | None = None
    predicted_speaker: str | None = None

    def describe(self, width: int = 70) -> str:
        """One readable line, e.g. ``- direct missed [12:40] «...» (speaker: X)``."""
        words = self.text if len(self.text) <= width else self.text[: width - 1] + "…"
        where = f"[{self.span.start}:{self.span.end}]"
        if self.problem == "missed":
            return f"- {self.row} missed {where} «{words}» (speaker: {self.gold_speaker})"
        if self.problem == "spurious":
            return f"+ {self.row} spurious {where} «{words}» (speaker: {self.predicted_speaker})"
        return (
            f"~ {self.row} speaker {where} «{words}» "
            f"expected {self.gold_speaker}, got {self.predicted_speaker}"
        )


@attrs.frozen(kw_only=True)
class DocumentResult:
    """Scores and differences for one gold document."""

    doc_id: str
    path: Path | None
    counts: Mapping[Row, Counts] = attrs.field(hash=False)
    discrepancies: tuple[Discrepancy, ...] = ()
    crash: str | None = None
    """``TypeName: message`` when the extractor raised on this article."""

    def score(self, row: Row = "all") -> Score:
        """Give this document's figures for one row."""
        return Score(row=row, counts=self.counts[row])

    def diff(self) -> str:
        """Every discrepancy (and a crash) as readable lines, or an empty string."""
        lines = [f"! extractor crashed: {self.crash}"] if self.crash else []
        lines.extend(d.describe() for d in self.discrepancies)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class Report:
    """The result of scoring a set of gold documents."""

    documents: tuple[DocumentResult, ...]

    @property
    def crashed(self) -> int:
        """Number of articles on which the extractor raised."""
        return sum(1 for d in self.documents if d.crash is not None)

    def score(self, row: Row) -> Score:
        """Figures for one row over the whole set."""
        total = Counts()
        for document in self.documents:
            total += document.counts[row]
        return Score(row=row, counts=total)

    @property
    def scores(self) -> dict[Row, Score]:
        """Figures for every row over the whole set."""
        return {row: self.score(row) for row in ROWS}

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """Give the reference scorer's JSON form; with ``errors``, a ``documents`` list too."""
        out: dict[str, Any] = {"files": len(self.documents), "crashed": self.crashed}
        out.update({row: score.to_dict() for row, score in self.scores.items()})
        if errors:
            out["documents"] = [_document_dict(d) for d in self.documents]
        return out

    def format_table(self) -> str:
        """Render a plain-text table, one line per row; no table when nothing was scored.

        Scores over no document would all read 1.000, which looks like a perfect run.
        """
        if not self.documents:
            return "files 0: no gold documents scored"
        header = (
            f"{'kind':<9} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"
            f" {'spk_acc':>7} {'e2e_F1':>6} {'kind_acc':>8}"
        )
        lines = [f"files {len(self.documents)}  crashed {self.crashed}", header]
        for row, score in self.scores.items():
            kind_acc = "" if score.kind_acc is None else f"{score.kind_acc:.3f}"
            lines.append(
                f"{row:<9} {score.counts.gold:>5} {score.counts.pred:>5}"
                f" {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
                f" {score.speaker_acc:>7.3f} {score.e2e_f1:>6.3f} {kind_acc:>8}"
            )
        return "\n".join(lines)

    def format_errors(self) -> str:
        """Per-document differences, documents without any left out."""
        blocks = [
            f"{d.doc_id} ({d.path}):\n{d.diff()}" if d.path else f"{d.doc_id}:\n{d.diff()}"
            for d in self.documents
            if d.crash or d.discrepancies
        ]
        return "\n\n".join(blocks)


def _document_dict(document: DocumentResult) -> dict[str, Any]:
    return {
        "id": document.doc_id,
        "path": None if document.path is None else str(document.path),
        "crash": document.crash,
        "errors": [
            {
                "row": d.row,
                "problem": d.problem,
                "start": d.span.start,
                "end": d.span.end,
                "text": d.text,
                "gold_speaker": d.gold_speaker,
                "predicted_speaker": d.predicted_speaker,
            }
            for d in document.discrepancies
        ],
    }


def normalize_speaker(name: str | None) -> str:
    """Fold a speaker name for comparison: NFKC, no diacritics or tatweel, one alef, no commas."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKC", name)
    name = "".join(ch for ch in name if ch not in _DIACRITICS).translate(_LETTER_FOLD)
    return " ".join(name.replace("،", " ").replace(",", " ").split())


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ca != cb))
    return row[-1]


_NISBA_ENDINGS = ("ي", "يه")
"""A folded word ending so is a nisba adjective or family name (الأردني، الأردنية، الزيدي)."""

_MAX_FIRST_WORD_EDITS = 2


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Tell whether names agree: equal, one inside the other, or same last word (ال- aside).

    A shared nisba last word is not enough: the first words must then agree within two edits.
    """
    pred, want = normalize_speaker(predicted), normalize_speaker(gold)
    if not pred or not want:
        return False
    if pred == want or pred in want or want in pred:
        return True
    pred_words, want_words = pred.split(), want.split()
    last = _strip_article(pred_words[-1])
    if last != _strip_article(want_words[-1]):
        return False
    if not last.endswith(_NISBA_ENDINGS):
        return True
    return (
        len(pred_words) > 1
        and len(want_words) > 1
        and _edit_distance(_strip_article(pred_words[0]), _strip_article(want_words[0]))
        <= _MAX_FIRST_WORD_EDITS
    )


def predictions(extraction: Extraction) -> tuple[Prediction, ...]:
    """Scored items of an extraction: direct quotes, then mixed quotes, then claims."""
    quotes = [
        Prediction(
            kind="mixed" if quote.kind is QuoteKind.MIXED else "direct",
            span=quote.span,
            text=quote.text,
            speaker=_speaker_name(quote.attribution),
        )
        for quote in extraction.quotes
    ]
    claims = [
        Prediction(
            kind="indirect",
            span=claim.span,
            text=claim.text,
            speaker=_speaker_name(claim.attribution),
        )
        for claim in extraction.claims
    ]
    direct = [p for p in quotes if p.kind == "direct"]
    mixed = [p for p in quotes if p.kind == "mixed"]
    return (*direct, *mixed, *claims)


def _speaker_name(attribution: Any) -> str | None:
    speaker = getattr(attribution, "speaker", None)
    name = getattr(speaker, "name", None)
    return name if isinstance(name, str) else None


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _match(
    golds: Sequence[GoldItem], preds: Sequence[Prediction], threshold: float
) -> list[tuple[int, int]]:
    """Pair gold and predicted indices one-to-one, best overlap ratio first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            shared = _overlap(gold.span, pred.span)
            if not shared:
                continue
            if gold.continues:
                ratio = shared / max(1, len(gold.span))
            else:
                ratio = shared / max(len(gold.span), len(pred.span), 1)
            if ratio >= threshold:
                candidates.append((ratio, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    # Ties break on the higher indices, as in the reference scorer.
    for _ratio, gi, pi in sorted(candidates, reverse=True):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return pairs


def _near(pred: Prediction, golds: Iterable[GoldItem]) -> bool:
    """Tell whether half of the prediction or of some gold item lies on the other."""
    for gold in golds:
        shared = _overlap(gold.span, pred.span)
        if shared and shared / max(1, min(len(gold.span), len(pred.span))) >= _NEAR_RATIO:
            return True
    return False


def _row_predictions(preds: Sequence[Prediction], row: Row) -> list[Prediction]:
    quotes = [p for p in preds if p.kind != "indirect"]
    claims = [p for p in preds if p.kind == "indirect"]
    return {"direct": quotes, "mixed": quotes, "indirect": claims, "all": quotes + claims}[row]


def _score_row(
    document: GoldDocument, preds: Sequence[Prediction], row: Row
) -> tuple[Counts, list[Discrepancy]]:
    golds = [g for g in document.items if row in ("all", g.kind)]
    candidates = _row_predictions(preds, row)
    pairs = _match(golds, candidates, THRESHOLDS[row])
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    neighbours = [g for g in document.items if g.kind in NEIGHBOURS[row]]
    counted = [
        (pi, p)
        for pi, p in enumerate(candidates)
        if pi in matched_pred or not _near(p, neighbours)
    ]
    right_speaker = [
        (gi, pi) for gi, pi in pairs if same_speaker(candidates[pi].speaker, golds[gi].speaker)
    ]
    counts = Counts(
        gold=len(golds),
        pred=len(counted),
        tp=len(pairs),
        e2e=len(right_speaker),
        kind_ok=sum(1 for _, pi in pairs if candidates[pi].kind == row),
    )
    if row == "all":
        return counts, []
    found: list[Discrepancy] = [
        Discrepancy(row=row, problem="missed", span=g.span, text=g.content, gold_speaker=g.speaker)
        for gi, g in enumerate(golds)
        if gi not in matched_gold
    ]
    found.extend(
        Discrepancy(
            row=row, problem="spurious", span=p.span, text=p.text, predicted_speaker=p.speaker
        )
        for pi, p in counted
        if pi not in matched_pred
    )
    good = set(right_speaker)
    found.extend(
        Discrepancy(
            row=row,
            problem="speaker",
            span=golds[gi].span,
            text=golds[gi].content,
            gold_speaker=golds[gi].speaker,
            predicted_speaker=candidates[pi].speaker,
        )
        for gi, pi in pairs
        if (gi, pi) not in good
    )
    return counts, found


def evaluate_document(document: GoldDocument, extractor: Extractor | None = None) -> DocumentResult:
    """Run the extractor on one gold article and score it; a crash predicts nothing."""
    run = extractor if extractor is not None else extract
    crash: str | None = None
    try:
        preds = predictions(run(document.text))
    except Exception as exc:  # noqa: BLE001 - any crash is scored as predicting nothing, as in score.py.
        crash = f"{type(exc).__name__}: {exc}"
        preds = ()
    counts: dict[Row, Counts] = {}
    found: list[Discrepancy] = []
    for row in ROWS:
        counts[row], row_found = _score_row(document, preds, row)
        found.extend(row_found)
    return DocumentResult(
        doc_id=document.doc_id,
        path=document.path,
        counts=counts,
        discrepancies=tuple(found),
        crash=crash,
    )


def evaluate_documents(
    documents: Iterable[GoldDocument], extractor: Extractor | None = None
) -> Report:
    """Score already loaded gold documents."""
    return Report(documents=tuple(evaluate_document(d, extractor) for d in documents))


def load_extractor(spec: str) -> Extractor:
    """Import an extractor named ``module:function`` (or ``module:object.method``)."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"extractor must look like 'module:function', got {spec!r}")
    target: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise TypeError(f"extractor {spec!r} is not callable")
    return cast("Extractor", target)


def evaluate(paths: Iterable[str | Path], extractor: Extractor | None = None) -> Report:
    """Score ``extractor`` (default `arquotes.extract`) on gold files and folders of them.

    Raises `GoldFormatError` for the first gold file that does not follow the format.
    """
    return evaluate_documents((load_gold(p) for p in find_gold_files(paths)), extractor)

