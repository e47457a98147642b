"""The web app through FastAPI's TestClient: pages, uploads, escaping, corpus pages, JSON API."""

from __future__ import annotations

import json
import re
import threading
from html.parser import HTMLParser

import duckdb
import pytest
from fastapi.testclient import TestClient

from saidwhat.cli import main as cli_main
from saidwhat.records import Article, Span, Speaker, Statement
from saidwhat.web import corpus, create_app, uploads
from saidwhat.web.highlight import tokenize, view_article
from web_fakes import ARTICLE, REPEATED_PARAGRAPH, FakePipeline

XSS_ARTICLE = (
    "Hackers <script>window.__pwned = 1</script> strike again\n"
    '"We found <img src=x onerror="window.__pwned = 2"> in the page," said Jane Holt.\n'
)


@pytest.fixture(scope="module")
def pipeline():
    return FakePipeline()


@pytest.fixture(scope="module")
def client(pipeline):
    return TestClient(create_app(pipeline=pipeline))


def post_text(client, text, title=""):
    return client.post("/article", data={"text": text, "title": title})


class _Tags(HTMLParser):
    """Checks that the page's tags are balanced; collects the article text and statement marks."""

    VOID = {"meta", "link", "input", "br", "img"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text_parts, self.marks, self.in_text = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if attrs.get("id") == "article-text":
            self.in_text = len(self.stack)
        if tag == "mark" and "tabindex" in attrs:
            self.marks.append(attrs)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        if self.in_text == len(self.stack):
            self.in_text = 0
        self.stack.pop()

    def handle_data(self, data):
        if self.in_text:
            self.text_parts.append(data)


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    p.close()
    return p


# --- the article page ------------------------------------------------------------------------


def test_article_page_highlights_every_statement_in_its_speakers_colour(client):
    page = post_text(client, ARTICLE)
    assert page.status_code == 200
    tags = parse(page.text)
    assert "".join(tags.text_parts) == ARTICLE
    assert len(tags.marks) == 4
    colours = [re.search(r"\bc(\d+)\b", m["class"]).group(1) for m in tags.marks]
    assert colours[0] == colours[1]  # both Jane Holt
    assert len(set(colours)) == 3
    for m in tags.marks:
        assert m["tabindex"] == "0" and m["aria-describedby"].startswith("tip-")


def test_statement_descriptions_name_speaker_role_cue_and_kind(client):
    page = post_text(client, ARTICLE).text
    tip = re.search(r'<span id="tip-s2">([^<]*)</span>', page).group(1)
    assert "Jane Holt (Mayor)" in tip and "“told”" in tip and "direct" in tip


def test_speaker_and_dispute_panels_link_to_the_statements(client):
    page = post_text(client, ARTICLE).text
    speakers = re.findall(r'<span class="speaker-name">([^<]*)</span>', page)
    assert speakers == ["Jane Holt", "Tom Reyes", "Ali Baran"]
    dispute = re.search(r'<li class="dispute">.*?</li>', page, re.S).group()
    assert "denial" in dispute
    assert 'class="jump pushback" href="#st-s4"' in dispute and 'class="jump claim" href="#st-s3"' in dispute
    assert 'id="st-s3"' in page and 'id="st-s4"' in page


def test_repeated_body_is_greyed_out(client):
    text = ARTICLE + REPEATED_PARAGRAPH + "\n" + REPEATED_PARAGRAPH + "\n"
    page = post_text(client, text).text
    body = page[page.index('id="article-text"'):]
    grey = re.findall(r'<span class="repeated">([^<]*)</span>', body)
    assert grey == [REPEATED_PARAGRAPH]


def test_sample_page_is_processed_once(pipeline, client):
    before = pipeline.calls
    assert client.get("/sample").status_code == 200
    assert client.get("/sample").status_code == 200
    assert pipeline.calls - before <= 1


def test_article_text_is_escaped(client):
    page = post_text(client, XSS_ARTICLE, title="<script>window.__pwned = 3</script>").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=" in page
    assert "default-src 'none'" in client.get("/").headers["content-security-policy"]


def test_empty_article_gets_a_clear_message(client):
    page = post_text(client, "   ")
    assert page.status_code == 400 and "The article is empty" in page.text


def test_a_failing_stage_gives_an_error_page_not_a_traceback():
    class Broken:
        def process(self, article):
            raise RuntimeError("boom")

    broken = TestClient(create_app(pipeline=Broken()), raise_server_exceptions=False)
    page = post_text(broken, ARTICLE)  # the article broke a stage: the request is refused, not a 500
    assert page.status_code == 422 and "could not analyse this article (RuntimeError)" in page.text
    assert "Traceback" not in page.text
    answer = broken.post("/api/extract", json={"text": ARTICLE})
    assert answer.status_code == 422 and answer.json()["detail"].startswith("saidwhat could not")


# --- uploads ---------------------------------------------------------------------------------


def upload(client, name, data, content_type="text/plain"):
    return client.post("/upload", files={"file": (name, data, content_type)})


def test_upload_text_file(client):
    page = upload(client, "bridge.txt", ARTICLE.encode("utf-8"))
    assert page.status_code == 200
    assert len(parse(page.text).marks) == 4
    assert "<h1 id=\"article-title\">Council approves the new river bridge</h1>" in page.text


def test_upload_html_file(client):
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[1:])
    html = (f"<html><head><title>Bridge</title></head><body><article><h1>Bridge vote</h1>{paragraphs}"
            "</article></body></html>")
    page = upload(client, "bridge.html", html.encode("utf-8"), "text/html")
    assert page.status_code == 200
    assert len(parse(page.text).marks) == 4


def test_upload_json_article(client):
    record = {"id": "bridge-1", "title": "Council approves the new river bridge", "text": ARTICLE}
    page = upload(client, "bridge.json", json.dumps(record).encode("utf-8"), "application/json")
    assert page.status_code == 200
    assert len(parse(page.text).marks) == 4


def test_upload_in_latin1_is_decoded(client):
    page = upload(client, "cafe.txt", ("Café owners said the bridge was late.\n" * 3).encode("latin-1"))
    assert page.status_code == 200 and "Café owners" in page.text


@pytest.mark.parametrize(("name", "data", "status", "message"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), 415, "Only .txt, .html and .json"),
    ("list.json", b'[{"text": "Hi."}]', 422, "expected a JSON object with a"),
    ("broken.json", b'{"text": "Hi.', 422, "This JSON file cannot be read"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), 415, "cannot be read as text"),
    ("empty.txt", b" \n", 400, "The file is empty"),
    ("nothing.html", b"<html><body><script>var x;</script></body></html>", 422, "article text"),
])
def test_bad_uploads_get_clear_messages(client, name, data, status, message):
    page = upload(client, name, data)
    assert page.status_code == status
    assert message in page.text and 'role="alert"' in page.text


@pytest.mark.parametrize("extra", [10, 100_000])  # read past the limit / refused from its length
def test_upload_over_the_limit_is_refused(client, extra):
    page = upload(client, "big.txt", b"a" * (uploads.MAX_UPLOAD_BYTES + extra))
    assert page.status_code == 413
    assert "The file is too large" in page.text and "the limit is 2 MB" in page.text


def test_request_bodies_over_the_limit_are_refused(client):
    def chunks():
        for _ in range(50):
            yield b"text=" + b"a" * 60_000

    form = {"content-type": "application/x-www-form-urlencoded"}
    page = client.post("/article", content=chunks(), headers=form)  # no Content-Length: counted
    assert page.status_code == 413 and "The article is too large; the limit is 2 MB" in page.text
    answer = client.post("/api/extract", content=b"{" + b" " * (uploads.MAX_UPLOAD_BYTES + 100_000) + b"}",
                         headers={"content-type": "application/json"})
    assert answer.status_code == 413 and "The request is too large" in answer.json()["detail"]


def test_upload_without_a_file(client):
    page = client.post("/upload", data={"x": "1"})
    assert page.status_code == 400 and "Choose a .txt, .html or .json file" in page.text


def test_static_assets_come_from_memory_only(client):
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/app.js").status_code == 200
    for path in ("/static/../app.py", "/static/..%2Fapp.py", "/static/%2e%2e/app.py", "/static/templates"):
        assert client.get(path).status_code == 404


def test_pages_use_no_external_assets(client):
    page = post_text(client, ARTICLE).text + client.get("/").text
    assert not re.search(r'(src|href)="(https?:)?//', page)


# --- the JSON API ----------------------------------------------------------------------------


def test_api_extract_returns_the_article_object(client):
    answer = client.post("/api/extract", json={"text": ARTICLE})
    assert answer.status_code == 200
    article = answer.json()
    assert article["text"] == ARTICLE and article["title"] == "Council approves the new river bridge"
    st = article["statements"][2]
    assert ARTICLE[st["start"]:st["end"]] == st["content"] == "the bridge would not open before 2030"
    assert st["speaker"]["name"] == "Tom Reyes"
    assert article["disputes"][0]["kind"] == "denial"


def test_api_extract_checks_its_input(client):
    assert client.post("/api/extract", json={"title": "x"}).status_code == 422
    too_long = client.post("/api/extract", json={"text": "a" * (uploads.MAX_TEXT_CHARS + 1)})
    assert too_long.status_code == 422


def post_json(client, body: bytes):
    return client.post("/api/extract", content=body, headers={"content-type": "application/json"})


def test_text_that_is_not_unicode_is_refused_with_a_clear_answer(client):
    lone = post_json(client, b'{"text": "\\ud800"}')  # valid JSON, but no Unicode text
    assert lone.status_code == 422
    assert lone.json()["detail"].startswith("The text holds an invalid character at position 0: a lone")
    title = post_json(client, b'{"text": "Fine.", "title": "x\\udfff"}')
    assert title.status_code == 422 and "The title holds an invalid character at position 1" in title.text
    assert post_json(client, b'{"text": "\xff"}').status_code in (400, 422)  # not UTF-8


def test_a_busy_app_answers_503_with_retry_after(monkeypatch):
    from saidwhat.web import app as web_app

    monkeypatch.setattr(web_app, "MAX_WAITING", 1)
    entered, release = threading.Event(), threading.Event()

    class Slow(FakePipeline):
        def process(self, article):
            entered.set()
            release.wait(30)
            return super().process(article)

    slow = TestClient(create_app(pipeline=Slow()))
    answers = []
    first = threading.Thread(target=lambda: answers.append(slow.post("/api/extract", json={"text": ARTICLE})))
    first.start()
    try:
        assert entered.wait(30)
        busy = slow.post("/api/extract", json={"text": ARTICLE})
        assert busy.status_code == 503 and busy.headers["retry-after"] == "10"
        assert "busy" in busy.json()["detail"]
        page = post_text(slow, ARTICLE)
        assert page.status_code == 503 and page.headers["retry-after"] == "10" and "is busy" in page.text
    finally:
        release.set()
        first.join()
    assert answers[0].status_code == 200


def test_openapi_schema_describes_the_api(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {"/api/extract", "/api/statements", "/api/quotes"}
    assert "post" in schema["paths"]["/api/extract"]


def test_corpus_needs_a_database(client):
    answer = client.get("/api/statements", params={"speaker": "Holt"})
    assert answer.status_code == 404 and "--db" in answer.json()["detail"]
    assert client.get("/search").status_code == 404


# --- corpus pages over a store ---------------------------------------------------------------


STORE_SCHEMA = {  # the tables and columns of saidwhat.store that the web app reads
    "articles": "id VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR, date VARCHAR, text VARCHAR, "
                "status VARCHAR",
    "statements": "article_id VARCHAR, id VARCHAR, kind VARCHAR, content VARCHAR, content_start INTEGER, "
                  "content_end INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, "
                  "speaker_name VARCHAR, speaker_mention VARCHAR, speaker_start INTEGER, "
                  "speaker_end INTEGER, "
                  "speaker_role VARCHAR, speaker_organisation VARCHAR, speaker_key VARCHAR",
    "disputes": "article_a VARCHAR, a VARCHAR, article_b VARCHAR, b VARCHAR, kind VARCHAR",
    "speakers": "id VARCHAR, name VARCHAR",
    "speaker_aliases": "alias VARCHAR, speaker_id VARCHAR",
}


def write_store(path: str, articles: list[Article], cross_disputes=(), aliases=()) -> None:
    con = duckdb.connect(path)
    for table, columns in STORE_SCHEMA.items():
        con.execute(f"CREATE TABLE {table} ({columns})")
    for a in articles:
        con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, 'ok')",
                    [a.id, a.title, a.source, a.url, a.date, a.text])
        for s in a.statements:
            sp, cue = s.speaker, s.cue
            m = sp.mention if sp else None
            con.execute("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                a.id, s.id, s.kind, s.content.text, s.content.start, s.content.end,
                cue.text if cue else None, cue.start if cue else None, cue.end if cue else None,
                sp.name if sp else None, m.text if m else None, m.start if m else None,
                m.end if m else None, sp.role if sp else None, sp.organisation if sp else None,
                sp.name.lower() if sp and sp.name else None])
        for d in a.disputes:
            con.execute("INSERT INTO disputes VALUES (?, ?, ?, ?, ?)", [a.id, d.a, a.id, d.b, d.kind])
    for row in cross_disputes:
        con.execute("INSERT INTO disputes VALUES (?, ?, ?, ?, ?)", list(row))
    for name, keys in aliases:
        con.execute("INSERT INTO speakers VALUES (?, ?)", [name.lower(), name])
        for key in keys:
            con.execute("INSERT INTO speaker_aliases VALUES (?, ?)", [key, name.lower()])
    con.close()


def said(text: str, sid: str, content: str, name: str, role: str | None = None) -> Statement:
    start = text.index(content)
    mention = Span.of(text, text.index(name), text.index(name) + len(name))
    return Statement(sid, "indirect", Span.of(text, start, start + len(content)),
                     speaker=Speaker(name, mention, role=role))


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory, pipeline):
    path = str(tmp_path_factory.mktemp("store") / "corpus.duckdb")
    first = pipeline.process(Article(id="bridge-1", text=ARTICLE, title="Bridge vote", date="2024-03-04",
                                     url="javascript:alert(1)"))
    later_text = "Holt said the bridge would cost less than planned. <b>Bold</b> claim.\n" \
                 "Tom Reyes said the council had approved nothing of the kind.\n"
    later = Article(id="bridge-2", text=later_text, title="Bridge costs <i>down</i>", date="2024-05-01",
                    url="https://example.org/bridge-costs")
    later.statements = [said(later_text, "s1", "the bridge would cost less than planned", "Holt", "Mayor"),
                        said(later_text, "s2", "the council had approved nothing of the kind", "Tom Reyes")]
    write_store(path, [later, first],
                cross_disputes=[("bridge-1", "s1", "bridge-2", "s2", "contradiction")],
                aliases=[("Jane Holt", ["jane holt", "holt"]), ("Tom Reyes", ["tom reyes"])])
    return TestClient(create_app(db_path=path, pipeline=pipeline))


def test_search_by_speaker_and_words(corpus_client):
    page = corpus_client.get("/search", params={"speaker": "jane holt", "q": "bridge"})
    assert page.status_code == 200
    assert "3 statements" in page.text  # "Holt" in the later article is Jane Holt too
    assert page.text.index("2024-03-04") < page.text.index("2024-05-01")  # oldest first
    assert 'href="/articles/bridge-2#st-s1"' in page.text
    assert "Bridge costs &lt;i&gt;down&lt;/i&gt;" in page.text
    only_words = corpus_client.get("/search", params={"q": "SPRING"})
    assert "1 statement." in only_words.text
    assert "0 statements" in corpus_client.get("/search", params={"q": "100%_"}).text


def test_speaker_page_lists_statements_and_who_disputes_them(corpus_client):
    page = corpus_client.get("/speakers/Tom Reyes")
    assert page.status_code == 200
    assert "the bridge would not open before 2030" in page.text
    disputed = page.text[page.text.index('id="disputed-h"'):]
    assert "Ali Baran" in disputed and "denial" in disputed and "That claim is simply not true" in disputed
    holt = corpus_client.get("/speakers/Jane Holt").text
    assert holt.count("<tr>") == 1 + 3
    disputed = holt[holt.index('id="disputed-h"'):]
    assert "Tom Reyes" in disputed and "contradiction" in disputed and 'href="/articles/bridge-2"' in disputed
    partial = corpus_client.get("/speakers/Reyes")
    assert partial.url.path == "/search" and "2 statements" in partial.text


def test_search_page_lists_the_speakers_with_most_statements(corpus_client):
    page = corpus_client.get("/search").text
    top = re.findall(r'<li><a href="/speakers/([^"]+)">', page)
    assert top[:3] == ["Jane%20Holt", "Tom%20Reyes", "Ali%20Baran"]
    assert "(3 in 2 articles)" in page


def test_stored_article_page_links_back(corpus_client):
    page = corpus_client.get("/articles/bridge-1")
    assert page.status_code == 200
    tags = parse(page.text)
    assert "".join(tags.text_parts) == ARTICLE
    assert len(tags.marks) == 4 and 'href="#st-s3"' in page.text
    assert "javascript:" not in page.text  # only web addresses become links
    later = corpus_client.get("/articles/bridge-2").text
    assert '<span class="speaker-name">Jane Holt</span>' in later
    assert 'href="https://example.org/bridge-costs"' in later
    assert corpus_client.get("/articles/../../etc/passwd").status_code == 404


def test_api_statements_over_the_store(corpus_client):
    rows = corpus_client.get("/api/statements", params={"speaker": "Jane Holt"}).json()
    assert [r["article_id"] for r in rows] == ["bridge-1", "bridge-1", "bridge-2"]
    assert rows[2]["date"] == "2024-05-01" and rows[2]["speaker"] == {
        "name": "Jane Holt", "role": "Mayor", "organisation": None}
    assert corpus_client.get("/api/statements", params={"q": "spring"}).json()[0]["kind"] == "direct"


def test_a_store_without_merged_speakers_uses_each_articles_names(tmp_path, pipeline):
    path = str(tmp_path / "plain.duckdb")
    write_store(path, [pipeline.process(Article(id="b", text=ARTICLE, title="Bridge"))])
    con = duckdb.connect(path)
    con.execute("DROP TABLE speakers")
    con.execute("DROP TABLE speaker_aliases")
    con.close()
    rows = corpus.search_statements(path, speaker="holt")
    assert [r["speaker_name"] for r in rows] == ["Jane Holt", "Jane Holt"]


def test_a_database_that_is_no_store_gets_a_clear_message(tmp_path, pipeline):
    path = str(tmp_path / "other.duckdb")
    duckdb.connect(path).close()
    client = TestClient(create_app(db_path=path, pipeline=pipeline))
    page = client.get("/search", params={"q": "x"})
    assert page.status_code == 500 and "not a saidwhat store" in page.text


# --- the highlighter on overlapping spans ----------------------------------------------------


def test_crossing_and_nested_statements_nest_properly():
    text = "Alpha beta gamma delta epsilon zeta."
    spans = [(0, 16), (6, 22), (11, 16), (23, 36)]
    article = Article("x", text, statements=[Statement(f"s{i}", "direct", Span.of(text, a, b))
                                             for i, (a, b) in enumerate(spans)])
    view = view_article(article)
    depth, rendered, firsts = 0, [], 0
    for t in view.tokens:
        depth += {"open": 1, "close": -1}.get(t.type, 0)
        assert depth >= 0
        rendered.append(t.text if t.type == "text" else "")
        firsts += t.type == "open" and t.first
    assert depth == 0 and "".join(rendered) == text and firsts == 4
    assert tokenize(article, []) and view.speakers[0].name == "Unattributed"


# --- the serve command -----------------------------------------------------------------------


def test_serve_refuses_a_missing_database(tmp_path, capsys):
    assert cli_main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no such database file" in capsys.readouterr().err


def test_serve_refuses_a_busy_port(capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        assert cli_main(["serve", "--port", str(busy.getsockname()[1])]) == 1
    assert "choose another --port" in capsys.readouterr().err
