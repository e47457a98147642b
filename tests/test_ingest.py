"""Reading inputs: every format, every encoding, every way a file can be wrong."""

from __future__ import annotations

import codecs
import gzip
import io
import json

import pytest

from saidwhat import ingest
from saidwhat.ingest import Article, InputError

ARTICLE = 'Mayor backs new bridge\nThe mayor said on Monday that "the bridge will be built."\n'


def read(*paths, **kw) -> list:
    return list(ingest.read_paths([str(p) for p in paths], **kw))


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_txt_first_line_is_title_and_text_is_whole(tmp_path):
    f = tmp_path / "bridge.txt"
    f.write_bytes(ARTICLE.encode())
    a = only(read(f))
    assert isinstance(a, Article)
    assert (a.id, a.title, a.text) == ("bridge", "Mayor backs new bridge", ARTICLE)


def test_crlf_is_kept_so_offsets_index_the_file(tmp_path):
    raw = ARTICLE.replace("\n", "\r\n")
    (tmp_path / "crlf.txt").write_bytes(raw.encode())
    a = only(read(tmp_path / "crlf.txt"))
    assert a.text == raw
    start = raw.index("the bridge")
    assert a.text[start : start + 10] == "the bridge"
    assert a.title == "Mayor backs new bridge"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_single_byte_western_encodings(tmp_path, encoding):
    text = "Café owner speaks\nThe café's owner, José Núñez, said the rent had doubled – again.\n"
    if encoding == "latin-1":
        text = text.replace("–", "-")
    (tmp_path / "cafe.txt").write_bytes(text.encode(encoding))
    assert only(read(tmp_path / "cafe.txt")).text == text


def test_cp1252_curly_quotes(tmp_path):
    text = "Minister speaks\n\u201cWe will not resign,\u201d the minister said.\n"
    (tmp_path / "q.txt").write_bytes(text.encode("cp1252"))
    assert only(read(tmp_path / "q.txt")).text == text


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    a = only(read(tmp_path / "bom.txt"))
    assert a.text == ARTICLE and a.title == "Mayor backs new bridge"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(tmp_path, encoding):
    text = ARTICLE.replace("\n", "\r\n") + "Zoë said “yes”.\r\n"
    (tmp_path / "wide.txt").write_bytes(text.encode(encoding))
    assert only(read(tmp_path / "wide.txt")).text == text


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    f = tmp_path / "notes.bin"
    f.write_bytes(bytes(range(256)) * 20)
    err = only(read(f))
    assert isinstance(err, InputError)
    assert str(err) == f"{f}: looks like a binary file, not text"


def test_control_characters_without_nul_are_binary_too(tmp_path):
    f = tmp_path / "odd.txt"
    f.write_bytes(b"abc\x01\x02\x03\x04def\x05\x06\x07" * 50)
    assert "binary" in only(read(f)).message


@pytest.mark.parametrize("content, message", [(b"", "empty file"), (b" \r\n\t\n", "only white space")])
def test_empty_file(tmp_path, content, message):
    (tmp_path / "empty.txt").write_bytes(content)
    assert message in only(read(tmp_path / "empty.txt")).message


def test_oversized_file_is_skipped_and_the_limit_can_be_raised(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 300)
    err = only(read(f, max_bytes=1000))
    assert isinstance(err, InputError) and "larger than the 1,000 bytes limit" in err.message
    assert isinstance(only(read(f, max_bytes=2000)), Article)


def test_missing_path(tmp_path):
    err = only(read(tmp_path / "nope.txt"))
    assert err.message == "no such file or folder"


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path):
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    assert only(read(tmp_path / "story.md")).id == "story"


def write_jsonl(path, lines: list[str]) -> None:
    data = "\n".join(lines).encode() + b"\n"
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


JSONL_LINES = [
    json.dumps({"id": "a1", "title": "Bridge", "text": "The mayor said yes.", "url": "http://x/1",
                "date": "2024-01-02", "source": "Gazette"}),
    '{"id": "a2", "text": "broken',
    json.dumps({"id": "a3", "title": "No text"}),
    "",
    json.dumps({"text": "Nobody gave this one an id."}),
    json.dumps(["not", "an", "object"]),
]


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
def test_jsonl_bad_lines_are_errors_naming_file_and_line_the_rest_is_read(tmp_path, name):
    f = tmp_path / name
    write_jsonl(f, JSONL_LINES)
    items = read(f)
    articles, errors = ingest.split_errors(items)
    assert [a.id for a in articles] == ["a1", "corpus-5"]
    a1 = articles[0]
    assert (a1.title, a1.text, a1.url, a1.date, a1.source) == (
        "Bridge", "The mayor said yes.", "http://x/1", "2024-01-02", "Gazette")
    assert [e.source for e in errors] == [f"{f}:2", f"{f}:3", f"{f}:6"]
    assert errors[0].message.startswith("invalid JSON")
    assert errors[1].message == 'no "text" field'


def test_truncated_gzip_keeps_the_lines_before_the_break(tmp_path):
    f = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"id": f"n{i}", "text": f"Line {i} said x. " * 30}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    f.write_bytes(data[: len(data) // 2])
    articles, errors = ingest.split_errors(read(f))
    assert articles and len(articles) < 200
    assert len(errors) == 1 and "broken gzip file" in errors[0].message


def test_jsonl_line_over_the_limit(tmp_path):
    f = tmp_path / "c.jsonl"
    write_jsonl(f, [json.dumps({"id": "big", "text": "x " * 600}), json.dumps({"id": "ok", "text": "fine"})])
    articles, errors = ingest.split_errors(read(f, max_bytes=1000))
    assert [a.id for a in articles] == ["ok"]
    assert errors[0].source == f"{f}:1" and "larger" in errors[0].message


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Council approves budget | The Example Gazette</title>
<meta property="og:title" content="Council approves budget"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Subscribe now</li></ul></nav>
<article><h1>Council approves budget</h1>
<p>The city council on Tuesday approved next year's budget after a long debate about the cost of
repairing the old harbour wall, which engineers say is close to failing.</p>
<p>"This budget keeps the harbour safe and the libraries open," council leader Maria Ortiz told
reporters after the vote, adding that taxes would not rise.</p>
<p>The opposition said the plan relied on optimistic forecasts and would have to be revised
before the summer, when the first repair contracts are due.</p>
</article>
<footer><p>Copyright 2024 The Example Gazette. All rights reserved.</p>
<p>Follow us on Twitter</p></footer></body></html>
"""


def test_html_main_text_without_navigation_or_footer(tmp_path):
    f = tmp_path / "council.html"
    f.write_text(PAGE, encoding="utf-8")
    a = only(read(f))
    assert isinstance(a, Article)
    assert a.id == "council" and a.title == "Council approves budget"
    assert "council leader Maria Ortiz" in a.text
    assert "Home" not in a.text and "All rights reserved" not in a.text and "Follow us" not in a.text
    start = a.text.index("This budget")
    assert a.text[start : start + 11] == "This budget"  # offsets index the extracted text


def test_html_declared_charset_is_honoured(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Maria Ortiz", "María Ortíz")
    (tmp_path / "p.htm").write_bytes(page.encode("cp1252"))
    assert "María Ortíz" in only(read(tmp_path / "p.htm")).text


def test_html_page_without_article_text(tmp_path):
    page = "<html><head><script>var page = 1;</script></head><body><img src=x.png></body></html>"
    (tmp_path / "blank.html").write_text(page, encoding="utf-8")
    assert "no article text" in only(read(tmp_path / "blank.html")).message


def test_folder_recursion_reads_known_files_only_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "deep" / "c.htm").write_text(PAGE, encoding="utf-8")
    write_jsonl(tmp_path / "b" / "d.jsonl.gz", [json.dumps({"id": "d1", "text": "Hi."})])
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "b" / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    assert [a.id for a in read(tmp_path)] == ["a", "d1", "c"]  # a folder's files, then its subfolders


def test_a_json_file_is_one_article_object(tmp_path):
    f = tmp_path / "story.json"
    record = {"id": "s1", "title": "Talks", "text": ARTICLE, "statements": []}
    f.write_text(json.dumps(record), encoding="utf-8")
    a = only(read(f))
    assert (a.id, a.title, a.text) == ("s1", "Talks", ARTICLE)
    (tmp_path / "list.json").write_text(json.dumps([{"text": ARTICLE}]), encoding="utf-8")
    err = only(read(tmp_path / "list.json"))
    assert isinstance(err, InputError) and 'a JSON object with a "text" field' in err.message


def test_folder_with_nothing_to_read(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    err = only(read(tmp_path))
    assert isinstance(err, InputError) and "no .txt" in err.message


def test_stdin_plain_text():
    a = only(list(ingest.read_paths(["-"], stdin=io.BytesIO(ARTICLE.encode("cp1252")))))
    assert (a.id, a.text, a.title) == ("stdin", ARTICLE, "Mayor backs new bridge")


def test_stdin_json_lines():
    data = "\n".join(JSONL_LINES[:3]).encode()
    articles, errors = ingest.split_errors(ingest.read_paths(["-"], stdin=io.BytesIO(data)))
    assert [a.id for a in articles] == ["a1"]
    assert [e.source for e in errors] == ["<stdin>:2", "<stdin>:3"]


def test_read_paths_streams(tmp_path):
    f = tmp_path / "many.jsonl"
    write_jsonl(f, [json.dumps({"id": str(i), "text": "x"}) for i in range(5)])
    items = ingest.read_paths([str(f), str(tmp_path / "missing")])
    assert next(items).id == "0"  # nothing after the first line has been read yet


def test_sample_is_bundled():
    a = only(read(ingest.SAMPLE_PATH))
    assert a.id == "sample-putin-syria" and a.title and len(a.text) > 5000


def test_article_from_bytes_for_uploads():
    assert ingest.article_from_bytes(ARTICLE.encode("utf-16"), "up.txt").text == ARTICLE
    assert "Maria Ortiz" in ingest.article_from_bytes(PAGE.encode(), "page.HTML").text
    with pytest.raises(ingest.UnreadableInput, match="binary"):
        ingest.article_from_bytes(b"\x00\x01\x02" * 100, "x.txt")


def test_jsonl_line_that_is_not_an_object(tmp_path):
    f = tmp_path / "arr.jsonl"
    write_jsonl(f, ['["a", "b"]'])
    assert only(read(f)).message == 'expected a JSON object with a "text" field, not an array'


# --- text that is not Unicode: lone surrogates -----------------------------------------------------


def test_lone_surrogates_in_json_are_replaced_one_for_one(tmp_path):
    text = "He said \ud800 yes \ud83d\ude00 \udc00."
    line = json.dumps({"id": "bad\ud800", "title": "T\udfff", "text": text})
    f = tmp_path / "c.jsonl"
    f.write_text(line + "\n", encoding="ascii")  # json.dumps escapes them: valid JSON, not valid Unicode
    from_file = only(read(f))
    from_stdin = only(list(ingest.read_paths(["-"], stdin=io.BytesIO(line.encode("ascii") + b"\n"))))
    for a in (from_file, from_stdin):
        assert a.text == "He said \ufffd yes \U0001f600 \ufffd."  # a surrogate pair stays one emoji
        assert (a.id, a.title) == ("bad\ufffd", "T\ufffd")
        a.text.encode("utf-8")


def test_valid_text_keeps_length_and_leaves_valid_text_alone():
    text = "Caf\u00e9 \U0001f600 \x00 \ufffe"
    assert ingest.valid_text(text) is text
    assert ingest.valid_text("a\ud800b\udbffc") == "a\ufffdb\ufffdc"
