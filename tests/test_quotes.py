"""Quotes across articles: the same words, a cut version, a variant; first appearance; the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat import batch, quotes
from saidwhat.cli import main
from saidwhat.records import Article
from synthetic_corpus import fake_pipeline

FULL = "We will finish the harbour bridge before the end of January, whatever the council says."


def occurrence(article_id: str, text: str, date: str | None, seq: int, speaker: str | None = "sp:lopez",
               source: str = "Daily Planet") -> quotes.Occurrence:
    name = speaker and "Maria Lopez"
    return quotes.Occurrence(article_id, "s1", 0, text, speaker, name, date, source, seq, 0)


def test_the_quoted_parts_of_statements():
    plain, two = "We will win, he said, and soon", "We will win,\u201d he said, \u201cand soon"
    assert quotes.quoted_parts(plain, "direct") == [plain]
    assert quotes.quoted_parts(two, "direct") == ["We will win,", "and soon"]
    mixed = "the plan would \u201cput the harbour first\u201d and \u201cend the delays"
    assert quotes.quoted_parts(mixed, "mixed") == ["put the harbour first", "end the delays"]
    assert quotes.quoted_parts("the plan would work", "indirect") == []


def test_words_ignore_case_punctuation_ellipses_and_curly_quotes():
    written = "It\u2019s \u201cgreat\u201d... really \u2014 it IS!"
    assert quotes.words(written) == quotes.words("it's great really it is")


def test_the_same_quote_cut_short_or_with_a_word_changed():
    full, cut = quotes.words(FULL), quotes.words("We will finish the harbour bridge")
    changed = quotes.words(FULL.replace("finish", "complete"))
    assert quotes.same_wording(full, cut) and quotes.changed_words(full, cut) == []
    assert quotes.same_wording(full, changed)
    assert quotes.changed_words(full, changed) == ["finish", "complete"]
    other = quotes.words("We will finish the season with a win over the visitors on Sunday.")
    assert not quotes.same_wording(full, other)
    assert not quotes.same_wording(full, quotes.words("We will"))  # too short to be a quote


def test_a_quote_is_first_seen_at_its_earliest_date_then_in_corpus_order():
    found = [occurrence("b", FULL, "2024-02-01", seq=1), occurrence("a", FULL, "2024-03-01", seq=0),
             occurrence("c", "We will finish the harbour bridge", "2024-02-01", seq=2, source="Evening Post"),
             occurrence("d", FULL.replace("January", "June"), None, seq=3, speaker=None)]
    (q,) = quotes.group(found)
    assert q.first.article_id == "b" and q.speaker == "Maria Lopez" and q.n_articles == 4
    assert [o.article_id for o in q.occurrences] == ["b", "c", "a", "d"]  # by date, undated last
    assert [q.changes[n] for n in range(4)] == [[], [], [], ["january", "june"]]


def test_the_same_words_by_two_named_speakers_are_two_quotes():
    found = [occurrence("a", FULL, "2024-01-01", 0),
             occurrence("b", FULL, "2024-01-02", 1, speaker="sp:tanaka")]
    assert len(quotes.group(found)) == 2


# --- the store and the command (a fake pipeline: quotes are found by a pattern) -----------------


def said(aid: str, date: str, source: str, quote: str, who: str = "Maria Lopez") -> Article:
    text = (f"Council news of {date}\n\nThe council met on Monday to discuss the harbour.\n\n"
            f'"{quote}," Finance Minister {who} said.\n\nThe meeting went on until late.\n')
    return Article(id=aid, text=text, title=f"Council news of {date}", date=date, source=source)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A store of three articles: a quote, its variant in a later one, another speaker's quote."""
    path = tmp_path_factory.mktemp("quotes") / "db.duckdb"
    arts = [said("later", "2024-03-01", "Evening Post", FULL.replace("finish", "complete")),
            said("first", "2024-02-01", "Daily Planet", FULL),
            said("other", "2024-02-03", "Daily Planet",
                 "The fishing quota stays where it is for another year", who="Aiko Tanaka")]
    batch.run(iter(arts), str(path), progress=False, pipeline_factory=fake_pipeline)
    return path


def test_quotes_of_a_store_as_json(db, capsys):
    assert main(["quotes", "--db", str(db), "-f", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [q["n_articles"] for q in found] == [2, 1]
    bridge = found[0]
    assert (bridge["speaker"], bridge["first_seen"]["article_id"], bridge["first_seen"]["source"]) == (
        "Maria Lopez", "first", "Daily Planet")
    assert bridge["text"] == FULL
    assert [(o["article_id"], o["variant"], o["changed"]) for o in bridge["occurrences"]] == [
        ("first", False, []), ("later", True, ["finish", "complete"])]
    assert main(["quotes", "--db", str(db), "--variants-only", "-f", "json"]) == 0
    assert [q["id"] for q in json.loads(capsys.readouterr().out)] == [bridge["id"]]
    assert main(["quotes", "--db", str(db), "--speaker", "Tanaka", "-f", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("quote_id,speaker,first_seen_text") and len(lines) == 2


def test_quote_pages_and_api(db, capsys):
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app
    from web_fakes import FakePipeline

    client = TestClient(create_app(db_path=str(db), pipeline=FakePipeline()))
    assert main(["quotes", "--db", str(db), "-f", "json"]) == 0
    assert client.get("/api/quotes").json() == json.loads(capsys.readouterr().out)
    (bridge,) = client.get("/api/quotes", params={"variants_only": True}).json()
    page = client.get(f"/quotes/{bridge['id']}").text
    assert page.index("2024-02-01") < page.index("2024-03-01")  # occurrences in date order
    assert '<mark class="changed">complete</mark>' in page and "variant: finish, complete" in page
    assert f'href="/quotes/{bridge["id"]}"' in client.get("/speakers/Maria Lopez").text
    assert 'class="quote-link"' in client.get("/search", params={"q": "harbour"}).text
    assert client.get("/quotes/q-nothing").status_code == 404


# --- the bar: 60 real articles and three later ones repeating a quote ----------------------------

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"


def polnear_dev() -> list[dict]:
    if not POLNEAR_DEV.is_dir():
        pytest.skip("PolNeAR dev (../shared/data/polnear/dev) is not here")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(POLNEAR_DEV.glob("*.json"))]


def jsonl(rows: list[dict], path: Path) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_repeats_of_a_real_quote_are_grouped_with_it_and_the_changed_one_is_a_variant(tmp_path, capsys):
    from saidwhat.store import Store

    docs = polnear_dev()
    first = [{"id": d["id"], "text": d["text"], "source": d["id"].split("_")[0],
              "date": d["id"].split("_")[1]} for d in docs[:60]]
    db = str(tmp_path / "db.duckdb")
    assert main(["run", jsonl(first, tmp_path / "first.jsonl"), "--db", db, "--workers", "1", "-q"]) == 0
    with Store(db) as store:  # direct quotes by a person with a two-word name
        candidates = store.con.execute(
            "SELECT s.article_id, s.id, s.content, s.speaker_name FROM statements s "
            "JOIN speaker_aliases al ON al.alias = s.speaker_key JOIN speakers sp ON sp.id = al.speaker_id "
            "WHERE s.kind = 'direct' AND sp.type = 'person' AND len(string_split(s.speaker_name, ' ')) = 2 "
            "ORDER BY s.article_id, s.content_start").fetchall()
    article, sid, content, name = next(  # one of 16 to 40 words, with no quote inside
        c for c in candidates if 16 <= len(c[2].split()) <= 40 and not set(c[2]) & set(quotes.QUOTE_MARKS))
    text = content.strip().rstrip(",.")
    said = text.split()
    cut = " ".join(said[: max(10, len(said) // 2)])  # the extraction wants some ten words of a quote
    at = next(i for i, w in enumerate(said) if i > 2 and w.isalpha() and w.islower() and len(w) > 3)
    changed = " ".join([*said[:at], "utterly" if said[at] != "utterly" else "wholly", *said[at + 1 :]])
    later = [{"id": f"repeat-{kind}", "date": "2017-01-15", "source": "Later Outlet",
              "text": f'{d["text"].rstrip()}\n\n"{quote}," {name} said.\n'}
             for kind, quote, d in (("verbatim", text, docs[60]), ("cut", cut, docs[61]),
                                    ("changed", changed, docs[62]))]
    assert main(["run", jsonl(later, tmp_path / "later.jsonl"), "--db", db, "--workers", "1", "-q"]) == 0
    capsys.readouterr()
    assert main(["quotes", "--db", db, "-f", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    (quote,) = [q for q in found if any((o["article_id"], o["statement_id"]) == (article, sid)
                                        for o in q["occurrences"])]
    occ = {o["article_id"]: o for o in quote["occurrences"]}
    assert {"repeat-verbatim", "repeat-cut", "repeat-changed", article} <= set(occ)
    assert quote["first_seen"]["article_id"] == article and quote["first_seen"]["statement_id"] == sid
    assert [a for a, o in occ.items() if o["variant"]] == ["repeat-changed"]
    assert said[at].lower().strip(",.") in occ["repeat-changed"]["changed"]
