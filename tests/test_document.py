"""Tests for arquotes.document: paragraphs, sentences and token windows."""

from __future__ import annotations

import pytest

from arquotes.document import _LIST_TOKENS_UP_TO, Document
from arquotes.normalize import fold
from arquotes.patterns import TOKEN


def test_paragraphs_split_on_every_line_break() -> None:
    """LF, CRLF and CR all end a paragraph; CRLF counts once."""
    document = Document(fold("أ\r\nب\nج\rد"))
    texts = [document.text[s:e] for s, e in document.paragraphs]
    assert texts == ["ا", "ب", "ج", "د"]


def test_sentence_bounds_stay_in_paragraph() -> None:
    """Sentence start and end never leave the paragraph."""
    document = Document(fold("جملة أولى. جملة ثانية\nفقرة أخرى."))
    pos = document.text.index("ثانيه")
    assert document.text[document.sentence_start(pos) : document.sentence_end(pos)] == (
        " جمله ثانيه")


def test_tokens_before_returns_the_last_tokens() -> None:
    """tokens_before gives the closing tokens of a window, left to right."""
    document = Document(fold("واحد اثنان ثلاثة اربعة"))
    assert [t.text for t in document.tokens_before(0, len(document.text), 2)] == [
        "ثلاثه", "اربعه"]


def test_a_glued_dateline_starts_a_sentence() -> None:
    """A headline run into the body's dateline ends where the place starts."""
    text = "الجيش يعلن السيطرة على (المطار)بغداد – 3 – 5 (واع) — قالت الوزارة إن المعارك انتهت."
    document = Document(fold(text))
    place = document.text.index("بغداد")
    assert document.sentence_end(0) == place
    # Spaced, a dateline is no boundary by this rule, nor a parenthesis without an agency.
    spaced = Document(fold("الجيش يعلن السيطرة على المطار. بغداد – 3 – 5 (واع) — قالت"))
    assert spaced.sentence_end(0) == spaced.text.index(".")
    plain = Document(fold("وقال إن (المطار)مغلق منذ أمس"))
    assert plain.sentence_end(0) == len(plain.text)


@pytest.mark.parametrize("copies", [1, 5_000], ids=["article", "over-the-list-limit"])
def test_windows_read_what_a_scan_of_the_window_reads(copies: int) -> None:
    """Offsets kept in lists (an article) or arrays (a long text) give the same windows."""
    unit = "قال الوزير، «نحن جاهزون» للحوار. وأضافت الوزيرة: السلام 2025.\n"
    document = Document(fold(unit * copies))
    assert (len(document.text) > _LIST_TOKENS_UP_TO) is (copies > 1)
    size = len(document.text)
    starts, words = document.token_words
    assert list(zip(starts, words, strict=True)) == [
        (m.start(), m.group()) for m in TOKEN.finditer(document.text)]
    for start, end in [(0, 40), (5, 61), (size // 2 - 7, size // 2 + 30), (size - 50, size)]:
        scanned = [(m.start(), m.end(), m.group())
                   for m in TOKEN.finditer(document.text, start, end)]
        assert [(t.start, t.end, t.text) for t in document.tokens(start, end, 100)] == scanned
        assert [t.is_word for t in document.tokens(start, end, 100)] == [
            text[0].isalnum() for _, _, text in scanned]
        # tokens_before reads a window of 16 characters per token asked for
        tail = [m.span() for m in TOKEN.finditer(document.text, max(0, end - 80), end)]
        assert [(t.start, t.end) for t in document.tokens_before(0, end, 5)] == tail[-5:]
