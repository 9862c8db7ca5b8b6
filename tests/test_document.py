"""Tests for arquotes.document: paragraphs, sentences and token windows."""

from __future__ import annotations

from arquotes.document import Document
from arquotes.normalize import fold


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
