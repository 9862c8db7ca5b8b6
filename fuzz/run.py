"""Run the atheris harnesses for a bounded time, seeded with the seed articles.

    .venv/bin/python fuzz/run.py --seconds 60

builds ``fuzz/corpus/extract`` (each ``seeds/*.txt`` article, plus the snippets the regression
tests use), ``fuzz/corpus/jsonl`` (the seeds as JSON Lines), ``fuzz/corpus/lexicon`` (user
lexicon files, good and bad) and ``fuzz/corpus/markdown`` (seeds, and Markdown markup of every
kind the reader handles), then gives each harness its share of ``--seconds``. New inputs
atheris finds are added to those directories. Exit status is non-zero when a harness crashes;
the crashing input is written to ``fuzz/crashes/``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HARNESSES = ("fuzz_extract", "fuzz_jsonl", "fuzz_lexicon", "fuzz_markdown")
_LEXICONS = (
    ('titles = ["الناشط"]\nsources = ["كما أفادت"]\n[[verb]]\nlemma = "غرد"\n'
    'category = "statement"\npresent = "يغرد"\nframes = ["quote", "that"]\nimmediate = true\n'
    '[[speaker]]\nname = "إيلون ماسك"\naliases = ["ماسك"]\nkind = "person"\nfeminine = false\n'),
    ('[[verb]]\nlemma = "نوه"\ncategory = "explanation"\nframes = ["on"]\npreps = ["إلى"]\n'
    'participle = "منوه"\nextra = ["ينوه"]\nobject = true\nsayings = ["تأكيده"]\n'),
    '[[verbs]]\nlemma = "غرد"\nimmediate = "no"\n[[speaker]]\nalias = ["x"]\n',
)
_MARKDOWN = (  # front matter, block quotes, lists, links, code, entities, tags, a table
    (
        '---\ntitle: "الوزير يستقيل"\n---\n# الوزير يستقيل #\n\n> "لن نتراجع عن قرارنا"\n\n'
        '> لن نتراجع\n> > عن قرارنا\nمهما كان\n\n- [قال](http://x.com/a "t") **نعم**\n'
        '  `قال «لا»` &laquo;نعم&raquo; <b class="x">كلا</b> [نص][r]\n\n| أ | ب |\n|---|---|\n'
        '| «ج» | د |\n\n[r]: http://x.com/r "عنوان"\n\n```\nقال: «كود»\n```\n<!-- «تعليق» -->\n'
    ),
    "+++\ntitle = 'x'\n+++\n1) ![«صورة»](a.png) \\\"نص\\\" https://x.com/«a» www.x.org\r\n",
)
_SNIPPETS = (
    "« ء قال أن",
    "قال الوزير: «نحن مستعدون للحوار».\r\nوأضاف أن الاتفاق بات وشيكا.",
    "«“«“«“ قال: :: أن أن «",
    "و\u200fقا\u202bل الو\u2066زير إ\u200cن الاتفاق بات وشيكا.",
)


def build_corpus() -> dict[str, Path]:
    """Write the seed corpus of each harness; return harness name -> corpus directory."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    extract_dir = HERE / "corpus" / "extract"
    jsonl_dir = HERE / "corpus" / "jsonl"
    for directory in (extract_dir, jsonl_dir):
        directory.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in seeds] + list(_SNIPPETS)
    for n, text in enumerate(texts):
        (extract_dir / f"seed-{n:03d}").write_text(text, encoding="utf-8")
    lines = [json.dumps({"id": f"s{n}", "text": text}, ensure_ascii=False)
             for n, text in enumerate(texts)]
    (jsonl_dir / "seed-all").write_text("\n".join(lines) + "\n", encoding="utf-8")
    odd = b'{"text": 5}\nnot json\n\n{"id": "\\ud800", "text": "x"}\n\xff\n'
    (jsonl_dir / "seed-odd").write_bytes(odd)
    lexicon_dir = HERE / "corpus" / "lexicon"
    lexicon_dir.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(_LEXICONS):  # a first byte with its low bit set: read as a file
        (lexicon_dir / f"seed-{n:03d}").write_bytes(b"\x01" + text.encode())
    markdown_dir = HERE / "corpus" / "markdown"
    markdown_dir.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate([*texts[:8], *_MARKDOWN]):  # seeds read as .md, and markup
        (markdown_dir / f"seed-{n:03d}").write_text(text, encoding="utf-8")
    return {"fuzz_extract": extract_dir, "fuzz_jsonl": jsonl_dir, "fuzz_lexicon": lexicon_dir,
            "fuzz_markdown": markdown_dir}


def main(argv: list[str] | None = None) -> int:
    """Fuzz every harness for its share of ``--seconds``; return non-zero on a crash."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="total time for all harnesses")
    args = parser.parse_args(argv)
    corpora = build_corpus()
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    share = max(1, args.seconds // len(HARNESSES))
    failed = []
    for name in HARNESSES:
        command = [
            sys.executable, str(HERE / f"{name}.py"), str(corpora[name]),
            f"-max_total_time={share}", "-timeout=20", "-rss_limit_mb=4096",
            "-max_len=65536", f"-artifact_prefix={crashes}/{name}-",
        ]
        print(f"fuzzing {name} for {share} s", flush=True)
        if subprocess.run(command, check=False).returncode != 0:  # noqa: S603 - our own harness
            failed.append(name)
    if failed:
        print(f"crash in {', '.join(failed)}; inputs are in {crashes}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
