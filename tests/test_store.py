"""The DuckDB store: schema, chunk writes, speakers across articles, queries, export."""

from __future__ import annotations

import duckdb
import pytest

from saidwhat.records import Article, Dispute, Entity, Span, Speaker, Statement, article_to_dict
from saidwhat.store import (
    DUPLICATE,
    ERROR,
    TABLES,
    NameUse,
    Outcome,
    Store,
    StoreError,
    build_speakers,
    normalise_name,
)
from synthetic_corpus import FakePipeline, articles, make_corpus


def said(article_id: str, text: str, speaker: str, content: str, date: str, source: str) -> Article:
    """An article whose one statement is ``content`` said by ``speaker`` (both found in ``text``)."""
    start, who = text.index(content), text.index(speaker)
    st = Statement(id="s1", kind="direct", content=Span.of(text, start, start + len(content)),
                   speaker=Speaker(name=speaker, mention=Span.of(text, who, who + len(speaker)), entity="e1"))
    return Article(id=article_id, text=text, title=text.split(".")[0], date=date, source=source,
                   statements=[st], speakers=[Entity(id="e1", name=speaker)])


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "t.duckdb"))
    yield s
    s.close()


def test_names_are_normalised_without_titles_case_or_accents():
    assert normalise_name("President Vladimir Putin") == "vladimir putin"
    assert normalise_name("Mr. Putin") == "putin"
    assert normalise_name("Prime Minister José Sócrates") == "jose socrates"
    assert normalise_name("Putin's") == "putin"
    assert normalise_name("the Kremlin") == "kremlin"
    assert normalise_name("President") == "president"  # a bare title stays what it is
    assert normalise_name("") is None


def test_surname_joins_the_one_full_name_with_it_and_only_that():
    uses = [NameUse("vladimir putin", "Vladimir Putin", "person", "a1"),
            NameUse("putin", "Putin", "person", "a2"),
            NameUse("anna smith", "Anna Smith", "person", "a1"),
            NameUse("john smith", "John Smith", "person", "a3"),
            NameUse("smith", "Smith", "person", "a3"),
            NameUse("donald j trump", "Donald J. Trump", "person", "a4"),
            NameUse("donald trump", "Donald Trump", "person", "a5"),
            NameUse("donald trump", "Donald  Trump", "person", "a6"),
            NameUse("trump", "Mr. Trump", "person", "a6")]
    speakers, aliases = build_speakers(uses)
    by_alias = {a["alias"]: a["speaker_id"] for a in aliases}
    assert by_alias["putin"] == by_alias["vladimir putin"]
    assert by_alias["smith"] not in (by_alias["anna smith"], by_alias["john smith"])
    putin = next(s for s in speakers if s["id"] == by_alias["putin"])
    assert (putin["name"], putin["n_statements"], putin["n_articles"]) == ("Vladimir Putin", 2, 2)
    assert putin["aliases"] == ["Putin", "Vladimir Putin"]
    trump = {by_alias[k] for k in ("donald j trump", "donald trump", "trump")}
    assert len(trump) == 1
    (row,) = [s for s in speakers if s["id"] in trump]
    assert (row["name"], row["n_statements"]) == ("Donald Trump", 4)
    assert row["aliases"] == ["Donald J. Trump", "Donald Trump", "Mr. Trump"]


def test_british_titles_and_peers_are_dropped_but_not_an_institution_s_words():
    assert normalise_name("Mr Blair") == "blair"
    assert normalise_name("Shadow Home Secretary David Davis") == "david davis"
    assert normalise_name("Secretary of State John Kerry") == "john kerry"
    assert normalise_name("Lord Butler of Brockwell") == "butler"
    assert normalise_name("the Home Office") == "home office"
    assert normalise_name("Bank of England") == "bank of england"


def test_an_honorific_picks_the_surname_s_owner_and_a_junior_stays_apart():
    uses = [NameUse("hillary clinton", "Hillary Clinton", "person", "a1"),
            NameUse("bill clinton", "Bill Clinton", "person", "a2"),
            NameUse("clinton", "Mrs. Clinton", "person", "a3"),
            NameUse("donald trump", "Donald Trump", "person", "a1"),
            NameUse("donald trump jr", "Donald Trump Jr.", "person", "a2"),
            NameUse("trump", "Trump", "person", "a3")]
    _, aliases = build_speakers(uses)
    by_alias = {a["alias"]: a["speaker_id"] for a in aliases}
    assert by_alias["clinton"] == by_alias["hillary clinton"] != by_alias["bill clinton"]
    assert by_alias["trump"] == by_alias["donald trump"] != by_alias["donald trump jr"]


def test_pronouns_are_not_speakers_across_articles():
    from saidwhat.store import speaker_key

    assert speaker_key("He") is None and speaker_key("who") is None
    assert speaker_key("Mr. Obama") == "obama"


def test_speakers_the_articles_only_describe_are_no_speaker_across_articles(store):
    described = []
    for k, day in enumerate(("2024-02-01", "2024-02-02")):
        a = said(f"d{k}", "Officials said the bridge would reopen. Maria Lopez said it was safe.",
                 "Maria Lopez", "it was safe", day, "Wire")
        text = a.text
        a.statements.append(Statement(
            id="s2", kind="indirect", content=Span.of(text, 15, 38),
            speaker=Speaker(name="Officials", mention=Span.of(text, 0, 9), entity="e2")))
        a.speakers.append(Entity(id="e2", name="Officials", type="group", named=False))
        described.append(a)
    store.write_chunk([Outcome(a) for a in described])
    store.rebuild_speakers()
    speakers = store.con.execute("SELECT name, n_statements, n_articles FROM speakers").fetchall()
    assert speakers == [("Maria Lopez", 2, 2)]  # not "Officials": two articles' officials are nobody
    (back,) = [a for a in store.articles() if a.id == "d0"]
    assert [e.named for e in back.speakers] == [True, False]
    assert store.con.execute("SELECT speaker_name FROM statements WHERE id = 's2'").fetchall() == [
        ("Officials",), ("Officials",)]  # the statement keeps the words that describe its speaker


def test_chunk_rows_are_views_of_the_article_json(store):
    a = said("p1", 'Prices will fall, President Vladimir Putin said. "We are ready," he added.',
             "President Vladimir Putin", "Prices will fall", "2024-03-01", "Wire")
    a.disputes = [Dispute(a="s1", b="s1", kind="denial", evidence="denied")]
    store.write_chunk([Outcome(a)])
    (back,) = list(store.articles())
    expected = article_to_dict(a)
    assert article_to_dict(back)["statements"] == expected["statements"]
    assert article_to_dict(back)["speakers"] == expected["speakers"]
    assert store.con.execute("SELECT article_a, article_b, kind FROM disputes").fetchall() == [
        ("p1", "p1", "denial")]


def test_rewriting_an_article_replaces_its_rows(store):
    a = said("p1", "Rates stay high, Maria Lopez said.", "Maria Lopez", "Rates stay high", "2024-01-01", "X")
    store.write_chunk([Outcome(a)])
    b = said("p1", "Rates will drop, Maria Lopez said.", "Maria Lopez", "Rates will drop", "2024-01-02", "X")
    store.write_chunk([Outcome(b)])
    assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert store.con.execute("SELECT content FROM statements").fetchall() == [("Rates will drop",)]


def test_query_by_alias_words_dates_and_the_source_of_a_copy(store):
    a1 = said("a1", "Taxes will rise, President Vladimir Putin said.", "President Vladimir Putin",
              "Taxes will rise", "2024-01-05", "Daily Planet")
    a2 = said("a2", "The war is over, Mr Putin said.", "Mr Putin", "The war is over", "2024-02-10",
              "Evening Post")
    a3 = said("a3", "Grain exports grow, Anna Smith said.", "Anna Smith", "Grain exports grow", "2024-03-15",
              "Daily Planet")
    copy = Article(id="a2-copy", text=a2.text, source="Wire Reprints", date="2024-02-11")
    store.write_chunk([Outcome(a1), Outcome(a2), Outcome(a3),
                       Outcome(copy, status=DUPLICATE, duplicate_of="a2", similarity=0.97)])
    store.rebuild_speakers()

    def contents(**kw):
        return sorted(r["content"] for r in store.query_statements(**kw))

    assert contents(speaker="Putin") == ["Taxes will rise", "The war is over"]
    assert contents(speaker="vladimir putin") == contents(speaker="Mr. Putin")
    assert contents(speaker="Nobody Known") == []
    assert contents(words="war OVER") == ["The war is over"]
    assert contents(date_from="2024-02-01", date_to="2024-02-28") == ["The war is over"]
    assert contents(source="wire reprints") == ["The war is over"]  # through its copy
    assert contents(source="Daily Planet", speaker="Smith") == ["Grain exports grow"]
    (row,) = store.query_statements(words="war")
    assert (row["speaker"], row["copies"]) == ("Vladimir Putin", 1)
    assert [s["name"] for s in store.speakers()] == ["Vladimir Putin", "Anna Smith"]


def test_errors_are_rows_with_their_message(store):
    store.write_chunk([Outcome(Article(id="bad.jsonl:3", text=""), status=ERROR, error="not JSON")])
    assert store.counts()["articles_error"] == 1
    assert store.con.execute("SELECT error FROM articles").fetchone()[0] == "not JSON"


def test_export_writes_every_table_with_the_schema(store, tmp_path):
    pipeline = FakePipeline()
    store.write_chunk([Outcome(pipeline.process(a)) for a in articles(make_corpus(4, copies=()))])
    store.rebuild_speakers()
    paths = store.export(str(tmp_path / "pq"), "parquet")
    assert sorted(p.stem for p in paths) == sorted(TABLES)
    cols = duckdb.sql(f"DESCRIBE SELECT * FROM '{tmp_path / 'pq' / 'statements.parquet'}'").fetchall()
    assert [c[0] for c in cols] == [c for c, _ in TABLES["statements"]]
    n = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'pq' / 'statements.parquet'}'").fetchall()[0][0]
    assert n == store.counts()["statements"] > 0
    store.export(str(tmp_path / "csv"), "csv")
    assert (tmp_path / "csv" / "speakers.csv").read_text().startswith("id,name,type,aliases")


def test_a_database_in_use_or_missing_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(str(tmp_path / "missing.duckdb"), read_only=True)
    (tmp_path / "junk.duckdb").write_text("not a database")
    with pytest.raises(StoreError, match="cannot open"):
        Store(str(tmp_path / "junk.duckdb"))
