"""Output formats: each a faithful view of the records."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from saidwhat import output
from saidwhat.records import Article, Dispute, Span, Speaker, Statement, article_from_dict, article_to_dict

TEXT = (
    "Mayor defends [budget] plan\r\n"
    '"Taxes will not rise," Mayor Ann Lee said on Monday.\r\n'
    "Her spokesman, Tom Reed, later said that the mayor meant only property taxes.\r\n"
)


def span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span.of(text, start, start + len(piece))


def make_article(id: str = "mayor") -> Article:
    t = TEXT
    s1 = Statement(
        id="s1", kind="direct", content=span(t, "Taxes will not rise,"), cue=span(t, "said"),
        speaker=Speaker(name="Ann Lee", mention=span(t, "Mayor Ann Lee"), entity="e1", role="mayor"),
        confidence=0.9,
    )
    s2 = Statement(
        id="s2", kind="indirect", content=span(t, "the mayor meant only property taxes"),
        cue=span(t, "said", t.index("later")),
        speaker=Speaker(name="Tom Reed", mention=span(t, "Tom Reed"), role="spokesman",
                        organisation="City Hall"),
    )
    s3 = Statement(id="s3", kind="headline", content=span(t, "defends [budget] plan"))
    return Article(
        id=id, text=t, title="Mayor defends [budget] plan", source="Gazette", date="2024-05-06",
        repeated=[Span.of(t, len(t) - 10, len(t))], statements=[s1, s2, s3],
        disputes=[Dispute(a="s1", b="s2", kind="correction", evidence="meant only")],
    )


def render(articles, fmt: str) -> str:
    buf = io.StringIO()
    assert output.write(articles, fmt, buf) == len(articles)
    return buf.getvalue()


def test_json_is_a_list_that_loads_back_into_the_same_records():
    articles = [make_article("a"), make_article("b")]
    loaded = json.loads(render(articles, "json"))
    assert isinstance(loaded, list) and len(loaded) == 2
    assert [article_from_dict(d) for d in loaded] == articles


def test_json_of_one_article_is_still_a_list_and_offsets_index_its_text():
    (d,) = json.loads(render([make_article()], "json"))
    assert d["text"] == TEXT  # "\r\n" kept
    for st in d["statements"]:
        assert d["text"][st["start"] : st["end"]] == st["content"]
        if st["speaker"]:
            assert d["text"][st["speaker"]["start"] : st["speaker"]["end"]] == st["speaker"]["mention"]


def test_json_of_no_articles_is_an_empty_list():
    assert json.loads(render([], "json")) == []


def test_jsonl_one_article_a_line():
    lines = render([make_article("a"), make_article("b")], "jsonl").splitlines()
    assert [article_from_dict(json.loads(x)).id for x in lines] == ["a", "b"]
    assert article_from_dict(json.loads(lines[0])) == make_article("a")


def test_csv_one_row_a_statement():
    rows = list(csv.DictReader(io.StringIO(render([make_article("a"), make_article("b")], "csv"))))
    assert len(rows) == 6
    assert tuple(rows[0]) == output.CSV_FIELDS
    r = rows[1]
    assert (r["article_id"], r["statement_id"], r["kind"]) == ("a", "s2", "indirect")
    assert (r["speaker_name"], r["speaker_mention"], r["role"], r["organisation"]) == (
        "Tom Reed", "Tom Reed", "spokesman", "City Hall")
    assert TEXT[int(r["start"]) : int(r["end"])] == r["content"]
    assert TEXT[int(r["speaker_start"]) : int(r["speaker_end"])] == "Tom Reed"
    assert TEXT[int(r["cue_start"]) : int(r["cue_end"])] == r["cue"] == "said"
    assert rows[2]["speaker_name"] == "" and rows[2]["cue"] == ""


def test_table_shows_statements_disputes_and_skipped_repeats():
    table = render([make_article()], "table")
    assert "mayor  Mayor defends [budget] plan  (3 statements)" in table  # brackets are not markup
    assert "Ann Lee (mayor)" in table and "Tom Reed (spokesman, City Hall)" in table
    assert "Disputes" in table
    assert "s2 (Tom Reed) corrects s1 (Ann Lee): meant only" in table
    assert f"Skipped repeated text at {len(TEXT) - 10}-{len(TEXT)}" in table
    assert "\x1b[" not in table  # no colour codes outside a terminal


def test_table_shortens_long_content():
    article = make_article()
    long_text = "word " * 200
    article.text = long_text
    article.statements = [Statement(id="s1", kind="indirect", content=Span(long_text.strip(), 0, 999))]
    article.disputes = article.repeated = []
    table = render([article], "table")
    assert "\u2026" in table and table.count("word") < 60


def test_write_to_a_file(tmp_path):
    out = tmp_path / "out.json"
    output.write([make_article()], "json", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))[0]["text"] == TEXT


def test_write_streams_articles_as_they_come():
    seen = []

    def articles():
        for i in range(3):
            seen.append(i)
            yield make_article(str(i))

    buf = io.StringIO()
    assert output.write(articles(), "jsonl", buf) == 3 and seen == [0, 1, 2]


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown output format"):
        output.write([], "xml", io.StringIO())


def test_dispute_line_names_cross_article_statements():
    a = make_article()
    d = Dispute(a="s4", b="s1", kind="denial", article_a="other", article_b="mayor")
    assert output.dispute_line(a, d) == "s1 (Ann Lee) denies s4 in other"


def test_records_round_trip_is_the_contract():
    a = make_article()
    assert article_from_dict(article_to_dict(a)) == a


def test_json_on_a_latin1_stdout_is_still_utf8(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding="latin-1"))
    article = make_article()
    article.text = article.text.replace("Monday", "Monday \u2014 in \u5317\u4eac")
    output.write([article], "json")
    sys.stdout.flush()
    assert "\u5317\u4eac" in json.loads(raw.getvalue().decode("utf-8"))[0]["text"]
