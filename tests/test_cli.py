"""`saidwhat extract`: exit codes, error lines, formats. The pipeline is faked except in the slow test."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat import clean, cli, ingest, pipeline
from saidwhat.records import Span, Speaker, Statement

ARTICLE = 'Bridge to reopen\n"The bridge reopens on Friday," the mayor said.\n'


class FakePipeline:
    """Marks each article with one statement; an article whose text says CRASH breaks the stage."""

    made = 0

    def __init__(self, find_disputes: bool = True, **_):
        FakePipeline.made += 1

    def process_many(self, articles):
        for article in articles:
            yield self.process(article)

    def process(self, article):
        if "CRASH" in article.text:
            raise IndexError("list index out of range")
        clean.clean(article)
        content = Span.of(article.text, 0, min(10, len(article.text)))
        speaker = Speaker("A. Person")
        article.statements = [Statement(id="s1", kind="indirect", content=content, speaker=speaker)]
        return article


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    FakePipeline.made = 0
    monkeypatch.setattr(pipeline, "Pipeline", FakePipeline)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path) -> Path:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_all_inputs_bad_exits_1_without_loading_the_model(capsys, files):
    code, out, err = run(capsys, "extract", str(files / "notes.bin"), str(files / "empty.txt"),
                         str(files / "missing.txt"))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"saidwhat: {files / 'notes.bin'}: looks like a binary file, not text; skipped",
        f"saidwhat: {files / 'empty.txt'}: empty file; skipped",
        f"saidwhat: {files / 'missing.txt'}: no such file or folder; skipped",
    ]
    assert FakePipeline.made == 0


def test_join_quote_runs_reaches_the_pipeline(capsys, files, monkeypatch):
    asked = []
    make = cli._pipeline_factory
    monkeypatch.setattr(cli, "_pipeline_factory", lambda **options: asked.append(options) or make(**options))
    assert run(capsys, "extract", "-q", "-f", "json", str(files / "good.txt"))[0] == 0
    assert run(capsys, "extract", "-q", "-f", "json", "--join-quote-runs", str(files / "good.txt"))[0] == 0
    assert [options["join_quote_runs"] for options in asked] == [False, True]


def test_some_inputs_bad_exits_0_and_reports_each(capsys, files):
    code, out, err = run(capsys, "extract", "-f", "json", str(files / "good.txt"), str(files / "notes.bin"))
    assert code == 0
    assert [a["id"] for a in json.loads(out)] == ["good"]
    assert "notes.bin: looks like a binary file" in err and "Traceback" not in err


def test_one_article_crashing_in_the_pipeline_loses_only_itself(capsys, tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": "CRASH here" if i == 2 else f"Article {i} text."})
             for i in range(5)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "extract", "-f", "jsonl", str(tmp_path / "c.jsonl"))
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["a0", "a1", "a3", "a4"]
    assert err.splitlines() == ["saidwhat: a2: failed in the pipeline (IndexError: list index out of range); "
                                "skipped"]


def test_every_article_crashing_exits_1(capsys, tmp_path):
    (tmp_path / "x.txt").write_text("CRASH", encoding="utf-8")
    code, out, err = run(capsys, "extract", "-f", "json", str(tmp_path / "x.txt"))
    assert code == 1 and json.loads(out) == [] and "failed in the pipeline" in err


def test_out_in_a_missing_folder_is_one_line(capsys, files):
    target = files / "no" / "such" / "x.json"
    code, out, err = run(capsys, "extract", str(files / "good.txt"), "-o", str(target))
    assert code == 1
    assert err == f"saidwhat: cannot write {target}: folder {target.parent} does not exist\n"


def test_out_format_follows_the_extension(capsys, files):
    target = files / "statements.csv"
    code, out, err = run(capsys, "extract", str(files / "good.txt"), "--out", str(target))
    assert code == 0 and out == ""
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [(r["article_id"], r["speaker_name"]) for r in rows] == [("good", "A. Person")]


def test_out_dash_is_standard_output_not_a_file_named_dash(capsys, files, monkeypatch):
    monkeypatch.chdir(files)
    code, out, _ = run(capsys, "extract", str(files / "good.txt"), "-f", "json", "-o", "-")
    assert code == 0 and json.loads(out)[0]["text"] == ARTICLE
    assert not (files / "-").exists()


def test_default_format_is_json_when_not_a_terminal(capsys, files):
    code, out, _ = run(capsys, "extract", str(files / "good.txt"))
    assert json.loads(out)[0]["text"] == ARTICLE


def test_table_format(capsys, files):
    code, out, _ = run(capsys, "extract", "-f", "table", str(files / "good.txt"))
    assert code == 0 and "good  Bridge to reopen  (1 statement)" in out and "A. Person" in out


def test_no_path_runs_the_bundled_sample(capsys):
    code, out, _ = run(capsys, "extract", "-f", "json")
    (article,) = json.loads(out)
    assert article["id"] == Path(ingest.SAMPLE_PATH).stem
    assert article["repeated"] and article["repeated"][0]["start"] > len(article["text"]) // 3


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("cp1252"))))
    code, out, _ = run(capsys, "extract", "-f", "json", "-")
    (article,) = json.loads(out)
    assert (article["id"], article["text"], article["title"]) == ("stdin", ARTICLE, "Bridge to reopen")


def test_max_bytes_with_suffix(capsys, files):
    code, _, err = run(capsys, "extract", "--max-bytes", "0.01k", str(files / "good.txt"))
    assert code == 1 and "larger than the 10 bytes limit" in err
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--max-bytes", "lots"])
    assert exc.value.code == 2


def test_unexpected_error_is_one_line_not_a_traceback(capsys, monkeypatch, files):
    def broken(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("saidwhat.output.write", broken)
    code, _, err = run(capsys, "extract", str(files / "good.txt"))
    assert code == 1
    assert err.startswith("saidwhat: internal error: RuntimeError: disk on fire") and "Traceback" not in err


def test_help_reads_like_git(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert out.startswith("usage: saidwhat extract [<options>] [<path>...]")
    assert "-o, --out <file>" in out and "Examples:" in out


@pytest.mark.slow
def test_end_to_end_with_the_real_model(tmp_path):
    """The real pipeline on the bundled sample plus a bad file, in a fresh process."""
    (tmp_path / "notes.bin").write_bytes(bytes(range(256)) * 8)
    env = {**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])}
    proc = subprocess.run(
        [sys.executable, "-m", "saidwhat.cli", "extract", "-f", "json", ingest.SAMPLE_PATH,
         str(tmp_path / "notes.bin")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "looks like a binary file" in proc.stderr
    (article,) = json.loads(proc.stdout)
    text = article["text"]
    assert text == Path(ingest.SAMPLE_PATH).read_bytes().decode("utf-8")
    assert article["statements"], "the sample has statements"
    second_copy = article["repeated"][0]["start"]
    for st in article["statements"]:
        assert text[st["start"] : st["end"]] == st["content"]
        assert st["start"] < second_copy  # each statement once, from the first copy
