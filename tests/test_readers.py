"""Inputs a newsroom has: JSON and JSON Lines detected, folders, ``.gz`` and other encodings."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from arquotes.readers import Article, ReadOptions, read_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "a08.json"
TEXT = "قال الوزير للصحفيين: «نحن مستعدون للحوار»."


def read(*paths: Path | str, stdin: bytes | None = None, **options: object) -> list[Article]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    opts = ReadOptions(**options)  # type: ignore[arg-type]
    return list(read_articles([str(p) for p in paths], opts, stdin=stream))


def test_jsonl_on_stdin_is_detected() -> None:
    """JSON Lines piped to stdin are one article per line, not one article of JSON."""
    lines = [json.dumps({"id": f"n{i}", "text": TEXT}, ensure_ascii=False) for i in range(3)]
    articles = read(stdin="\n".join(lines).encode())
    assert [(a.article_id, a.text, a.line) for a in articles] == [
        (f"n{i}", TEXT, i + 1) for i in range(3)
    ]
    assert articles[0].note is not None
    assert "JSON Lines" in articles[0].note


def test_broken_jsonl_on_stdin_is_never_one_article() -> None:
    """A JSON Lines stream whose first line is broken still gives one record per line."""
    data = b'{"id": "a", "text": \n{"id": "b", "text": "x"}\n'
    articles = read(stdin=data)
    assert len(articles) == 2
    assert articles[0].error is not None
    assert articles[0].error.startswith("line 1: not JSON")
    assert (articles[1].article_id, articles[1].text) == ("b", "x")


def test_json_array_file_gives_one_article_per_record(tmp_path: Path) -> None:
    """A ``.json`` array of records is read record by record; a bad element is an error."""
    path = tmp_path / "batch.json"
    records = [{"id": "r1", "text": TEXT}, {"text": "نص"}, ["not", "a", "record"], {"id": 4}]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles = read(path)
    assert [a.article_id for a in articles] == ["r1", "batch:2", "batch:3", "4"]
    assert [a.text for a in articles[:2]] == [TEXT, "نص"]
    assert articles[2].error == "record 3: not a JSON object"
    assert articles[3].error == "record 4: field 'text' is missing"


def test_json_array_on_stdin_is_detected() -> None:
    articles = read(stdin=json.dumps([{"text": TEXT}, {"text": "نص"}]).encode())
    assert [(a.article_id, a.text) for a in articles] == [("stdin:1", TEXT), ("stdin:2", "نص")]


def test_gold_file_is_one_article_with_its_text() -> None:
    """A gold file (tests/corpus/*.json) is its article, not its JSON source."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    [article] = read(GOLD)
    assert (article.article_id, article.text, article.error) == (gold["id"], gold["text"], None)


def test_json_object_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('{"name": "x"}', encoding="utf-8")
    [article] = read(path)
    assert article.text is None
    assert article.error == (
        "a JSON object without a 'text' field: not an article, a record array or a gold file"
    )


def test_broken_json_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "a"},', encoding="utf-8")
    [article] = read(path)
    assert article.text is None
    assert article.error is not None
    assert article.error.startswith("not valid JSON:")


def test_text_starting_with_a_bracket_stays_text() -> None:
    """An article that merely starts with ``[`` or ``{`` is still an article."""
    for text in ("[عاجل] " + TEXT, "{تحديث} " + TEXT, "[1, 2] " + TEXT):
        [article] = read(stdin=text.encode())
        assert (article.text, article.error) == (text, None)


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    """A folder gives its article files, sorted, through subfolders; hidden ones skipped."""
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "c" / "x.txt").write_text("س", encoding="utf-8")
    (tmp_path / "a.md").write_text("ص", encoding="utf-8")
    (tmp_path / "b" / "notes.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    articles = read(tmp_path)
    assert [(a.source, a.text) for a in articles] == [
        (str(tmp_path / "a.md"), "ص"),
        (str(tmp_path / "b" / "c" / "x.txt"), "س"),
    ]


def test_folder_glob_picks_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("س", encoding="utf-8")
    (tmp_path / "y.md").write_text("ص", encoding="utf-8")
    articles = read(tmp_path, glob="*.txt")
    assert [a.text for a in articles] == ["س"]


def test_folder_without_matching_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "y.md").write_text("ص", encoding="utf-8")
    [article] = read(tmp_path, glob="*.txt")
    assert article.error == "no file matches '*.txt' in this folder"


def test_gzip_files_are_read(tmp_path: Path) -> None:
    """``.gz`` files are decompressed; the name under ``.gz`` decides the format."""
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    line = json.dumps({"id": "j", "text": TEXT}).encode()
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(line + b"\n" + line + b"\n"))
    articles = read(tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz")
    assert [(a.article_id, a.text) for a in articles] == [("a", TEXT), ("j", TEXT), ("j", TEXT)]


def test_gzip_on_stdin_is_detected() -> None:
    [article] = read(stdin=gzip.compress(TEXT.encode()))
    assert article.text == TEXT


def test_broken_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode())[:-12])
    [article] = read(path)
    assert article.text is None
    assert article.error is not None
    assert article.error.startswith("cannot read:")


def test_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    """A small ``.gz`` that inflates past ``max_bytes`` is reported, not inflated whole."""
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"\0" * 10_000_000))
    assert path.stat().st_size < 100_000
    [article] = read(path, max_bytes=1_000_000)
    assert article.error == "larger than 1000000 bytes; not read"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_bom_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + TEXT.encode(encoding))
    [article] = read(path)
    assert (article.text, article.error) == (TEXT, None)
    assert article.encoding is not None
    assert article.encoding.startswith(encoding[:6])


@pytest.mark.parametrize(
    "text", [TEXT, "هذا غير مقبول!", "متابعات", "قال: «لا».", "الجريدة الرسمية"]
)
def test_windows_1256_is_detected_even_on_short_texts(tmp_path: Path, text: str) -> None:
    """Windows-1256, common in Arabic newsrooms, is recognised and said."""
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1256"))
    [article] = read(path)
    assert (article.text, article.error, article.encoding) == (text, None, "cp1256")
    assert article.note == "read as cp1256 (detected; --encoding to override)"


def test_utf8_has_no_note(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    [article] = read(path)
    assert (article.encoding, article.note) == ("utf-8", None)


def test_explicit_encoding_is_used(tmp_path: Path) -> None:
    """``encoding=`` decodes text and JSON Lines; bytes it cannot decode are an error."""
    text_file = tmp_path / "a.txt"
    text_file.write_bytes(TEXT.encode("cp1256"))
    lines = tmp_path / "b.jsonl"
    lines.write_bytes(json.dumps({"text": TEXT}, ensure_ascii=False).encode("cp1256") + b"\n")
    articles = read(text_file, lines, encoding="cp1256")
    assert [(a.text, a.encoding) for a in articles] == [(TEXT, "cp1256")] * 2
    [wrong] = read(text_file, encoding="utf-8")
    assert wrong.error is not None
    assert wrong.error.startswith("not valid utf-8 at byte offset 0")


def test_cp1256_jsonl_without_encoding_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(json.dumps({"text": TEXT}, ensure_ascii=False).encode("cp1256") + b"\n")
    [article] = read(path)
    assert article.error is not None
    assert article.error.endswith("(use --encoding)")


def test_binary_garbage_is_an_error_not_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(256)) * 4)
    [article] = read(path)
    assert article.text is None
    assert article.error is not None
    assert "invalid UTF-8 at byte offset" in article.error


@pytest.mark.parametrize("encoding", ["klingon", "rot13", "hex"])
def test_unknown_encoding_is_refused_up_front(encoding: str) -> None:
    with pytest.raises(ValueError, match=f"unknown encoding: '{encoding}'"):
        ReadOptions(encoding=encoding)


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 100_000)
    [article] = read(path)
    assert article.error == "not valid JSON: nested too deeply"


def test_utf16_jsonl_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps({"text": TEXT}).encode("utf-16") + b"\n")
    [article] = read(path)
    assert article.error == "JSON Lines in UTF-16 are not read: convert them to UTF-8"
    [article] = read(path, encoding="utf-16")
    assert article.error == "JSON Lines cannot be read as utf-16: convert them to UTF-8"


def test_folder_symlink_loop_and_fifo_do_not_hang(tmp_path: Path) -> None:
    """A symlink to a parent folder is not followed; a FIFO is reported, never opened."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "a.txt").write_text("س", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    articles = read(tmp_path)
    assert [(Path(a.source).name, a.text, a.error) for a in articles] == [
        ("pipe.txt", None, "not a regular file; not read"),
        ("a.txt", "س", None),
    ]


def test_utf8_with_a_stray_byte_is_not_taken_for_windows_1256() -> None:
    """Damaged UTF-8 Arabic decodes as Arabic-looking cp1256 mojibake: it must stay an error."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))["text"].encode()
    middle = data.index(b" ", len(data) // 2)
    [article] = read(stdin=data[:middle] + b"\xff" + data[middle:])
    assert (article.text, article.encoding) == (None, None)
    assert article.error is not None
    assert article.error.startswith(f"invalid UTF-8 at byte offset {middle}")


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_scalar_fields_of_a_record_pass_through(tmp_path: Path, suffix: str) -> None:
    """Outlet, date and other scalars ride along as ``meta``; nested values and id/text do not."""
    record = {"id": "n1", "text": "نص", "source": "x.net", "date": "2026-11-30", "views": 3,
              "paywall": False, "tags": ["a"], "author": {"name": "س"}}
    path = tmp_path / f"a{suffix}"
    data = json.dumps(record) if suffix == ".jsonl" else json.dumps([record, {"text": "ب"}])
    path.write_text(data, encoding="utf-8")
    first, *rest = read_articles([str(path)], ReadOptions())
    assert first.meta == {"source": "x.net", "date": "2026-11-30", "views": 3, "paywall": False}
    assert all(article.meta is None for article in rest)


def test_a_gold_file_passes_no_annotations_through() -> None:
    """Its url rides along; its annotated items (a list) do not."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    [article] = read(GOLD)
    assert article.meta == {"url": gold["url"]}
