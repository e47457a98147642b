"""The disputes stage on articles built by hand: one per kind of dispute, and cases that are none."""

from __future__ import annotations

import json

import pytest

from saidwhat import cli
from saidwhat.disputes import disputes_by_speaker, find_cross_disputes, find_disputes
from saidwhat.records import Article, Span, Speaker, Statement


def make_article(
    text: str, said: list[tuple[str, str, str]], id: str = "a", date: str | None = None
) -> Article:
    """``said``: (speaker mention, cue, content) in text order; each is found after the previous one."""
    statements, at = [], 0
    for n, (who, cue, content) in enumerate(said, 1):
        c = text.index(content, at)
        k = _nearest(text, cue, c, len(content))
        m = _nearest(text, who, c, len(content))
        statements.append(Statement(
            id=f"s{n}", kind="indirect",
            content=Span.of(text, c, c + len(content)),
            cue=Span.of(text, k, k + len(cue)),
            speaker=Speaker(name=who, mention=Span.of(text, m, m + len(who))),
        ))
        at = c + len(content)
    return Article(id=id, text=text, statements=statements, date=date)


def _nearest(text: str, word: str, start: int, length: int) -> int:
    spots = [i for i in range(len(text)) if text.startswith(word, i) and not start <= i < start + length]
    return min(spots, key=lambda i: min(abs(i - start), abs(i - start - length)))


def pairs(article: Article) -> set[tuple[str, str, str]]:
    return {(d.a, d.b, d.kind) for d in find_disputes(article)}


def speaking_as(article: Article, *entities) -> None:
    """The article's speakers: the n-th statement's is the n-th entity."""
    for st, entity in zip(article.statements, entities, strict=True):
        st.speaker.entity = entity.id
    article.speakers = list(entities)


# --- one of each kind ----------------------------------------------------------------------------


def test_denial_of_what_was_just_said():
    art = make_article(
        "Mayor Ann Holt said the bridge would reopen in May, but the builders have denied that.",
        [("Ann Holt", "said", "the bridge would reopen in May"), ("the builders", "denied", "that")],
    )
    assert pairs(art) == {("s1", "s2", "denial")}


def test_a_denial_after_but_answers_the_report_before_it_with_no_word_in_common():
    art = make_article(
        "The Courier reported in May that the mayor's office had hired her brother's firm to repair the "
        "pier, noting the contract was never tendered, but Mayor Ann Holt's team denied that any relative "
        "was paid.",
        [("The Courier", "reported", "the mayor's office had hired her brother's firm to repair the pier"),
         ("The Courier", "noting", "the contract was never tendered"),
         ("Mayor Ann Holt's team", "denied", "that any relative was paid")],
    )
    assert pairs(art) == {("s1", "s3", "denial")}


def test_a_counter_claim_about_an_offer_is_no_offer_turned_down():
    # "rejected a request" turns something down; "insisted the offer was fair" asserts about it
    art = make_article(
        "The brewer's board said the offer of 410p a share undervalued the business. The bidder, "
        "Korvald, insisted the offer was full and fair and undervalued nothing.",
        [("The brewer's board", "said", "the offer of 410p a share undervalued the business"),
         ("Korvald", "insisted", "the offer was full and fair and undervalued nothing")],
    )
    assert pairs(art) == {("s1", "s2", "contradiction")}


_LEAD = ("Darren Vale has denied taking a banned substance after the athletics federation confirmed he "
         "had failed a drugs test.")
_LEAD_SAID = [("Darren Vale", "denied", "taking a banned substance"),
              ("the athletics federation", "confirmed", "he had failed a drugs test")]


def test_a_denial_answers_the_claim_it_came_after_in_its_sentence():
    assert pairs(make_article(_LEAD, _LEAD_SAID)) == {("s2", "s1", "denial")}


def test_a_denial_is_no_answer_to_what_its_sentence_adds_after_it():
    text = _LEAD.replace(" after ", ", and ").replace("had failed a drugs test",
                                                      "would race in Paris next week")
    said = [_LEAD_SAID[0], ("the athletics federation", "confirmed", "he would race in Paris next week")]
    assert pairs(make_article(text, said)) == set()


def test_a_headline_denial_answers_what_its_speaker_denies_in_the_story():
    art = make_article("Sprinter denies doping offence\n\n" + _LEAD,
                       [("Sprinter", "denies", "doping offence"), *_LEAD_SAID])
    art.statements[0].speaker.name = "Darren Vale"
    assert pairs(art) == {("s3", "s2", "denial"), ("s3", "s1", "denial")}


def test_a_pushback_naming_only_the_claim_answers_it_however_far_back():
    others = [(f"Councillor {n}", "said", f"the {thing} would be ready by {month}")
              for n, thing, month in (("Ames", "library", "May"), ("Bell", "school roof", "June"),
                                      ("Cole", "swimming pool", "July"), ("Dunn", "bus depot", "August"),
                                      ("Eyre", "market hall", "September"), ("Ford", "park gates", "October"),
                                      ("Gray", "town clock", "November"))]
    text = ("The Courier reported that the mayor had hired her brother's firm to repair the pier. "
            + " ".join(f"{who} said {what}." for who, _, what in others)
            + " Mayor Ann Holt brushed aside the reports.")
    said = [("The Courier", "reported", "the mayor had hired her brother's firm to repair the pier"), *others,
            ("Mayor Ann Holt", "brushed aside", "the reports")]
    assert pairs(make_article(text, said)) == {("s1", "s9", "rejection")}


def test_a_verdict_on_a_figure_answers_the_claim_that_gave_it():
    art = make_article(
        "According to the pilots' union, the airline cancelled more than 300 flights in October. The "
        "airline's chief executive, Mary Dunn, said the figure of 300 cancellations was \"simply wrong\".",
        [("the pilots' union", "According to", "the airline cancelled more than 300 flights in October"),
         ("Mary Dunn", "said", 'the figure of 300 cancellations was "simply wrong"')],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_a_verdict_on_a_body_s_figure_answers_the_claim_that_gave_it():
    art = make_article(
        "The Warders' Association said assaults on staff had risen by a third in a year. But a prison "
        "service spokesman said the union's figure was \"simply not correct\".",
        [("The Warders' Association", "said", "assaults on staff had risen by a third in a year"),
         ("a prison service spokesman", "said", 'the union\'s figure was "simply not correct"')],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_but_and_a_pronoun_may_be_the_same_speaker_again():
    art = make_article(
        "The former mayor said it was a mistake to hire the firm, but she denied that any relative was paid.",
        [("The former mayor", "said", "it was a mistake to hire the firm"),
         ("she", "denied", "that any relative was paid")],
    )
    art.statements[1].speaker.name = "Ann Holt"
    assert pairs(art) == set()


def test_pushback_that_points_back_then_says_something_else():
    art = make_article(
        "Port director Helen Marsh said the new harbour wall would be finished by June. But the builders' "
        "union disputed that, saying work had stopped for three weeks. \"That is simply not true,\" Marsh "
        "told reporters.",
        [("Helen Marsh", "said", "the new harbour wall would be finished by June"),
         ("the builders' union", "saying", "work had stopped for three weeks"),
         ("Marsh", "told", "That is simply not true")],
    )
    art.statements[2].speaker.name = "Helen Marsh"
    assert pairs(art) == {("s1", "s2", "rejection"), ("s2", "s3", "denial")}


def test_a_pushback_naming_a_figure_by_its_singular_points_back():
    art = make_article(
        "The union said the company would cut 300 jobs at its Leeds depot. Anne Mercer, the firm's managing "
        "director, disputed that figure.",
        [("The union", "said", "the company would cut 300 jobs at its Leeds depot"),
         ("Anne Mercer", "disputed", "that figure")],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_what_a_pointing_pushback_says_next_answers_the_same_claim():
    text = ("The union said the company would cut 300 jobs at its Leeds depot. Anne Mercer, the firm's "
            "managing director, disputed that figure. She said fewer than 100 jobs at the depot were "
            "under review.")
    said = [("The union", "said", "the company would cut 300 jobs at its Leeds depot"),
            ("Anne Mercer", "disputed", "that figure"),
            ("She", "said", "fewer than 100 jobs at the depot were under review")]
    art = make_article(text, said)
    art.statements[2].speaker.name = "Anne Mercer"
    assert pairs(art) == {("s1", "s2", "rejection"), ("s1", "s3", "rejection")}
    unrelated = make_article(text.replace("fewer than 100 jobs at the depot were under review",
                                          "talks with the staff would go on"),
                             said[:2] + [("She", "said", "talks with the staff would go on")])
    unrelated.statements[2].speaker.name = "Anne Mercer"
    assert pairs(unrelated) == {("s1", "s2", "rejection")}  # nothing of the claim in what she says next


def test_a_sentence_that_only_points_back_frames_what_its_speaker_says_next():
    text = ("Councillor Jane Abbot said the new depot would cost the town £4m.\n"
            "Council leader Peter Tindall rejected that. \"The depot was approved in March and will cost "
            "£2.5m,\" he said.")
    claim = ("Jane Abbot", "said", "the new depot would cost the town £4m")
    art = make_article(text, [claim, ("he", "said", "The depot was approved in March and will cost £2.5m")])
    art.statements[1].speaker.name = "Peter Tindall"
    (d,) = find_disputes(art)
    assert (d.a, d.b, d.kind) == ("s1", "s2", "rejection")
    assert d.evidence == "Council leader Peter Tindall rejected that."  # what a reviewer checks it by
    by_another = make_article(
        text.replace("he said", "said Ruth Lane, a resident"),
        [claim, ("Ruth Lane", "said", "The depot was approved in March and will cost £2.5m")])
    assert pairs(by_another) == set()  # Mr Tindall's rejection is not Ms Lane's
    saying_more = make_article(
        text.replace("rejected that.", "rejected that and said the vote had been fair."),
        [claim, ("Peter Tindall", "said", "the vote had been fair"),
         ("he", "said", "The depot was approved in March and will cost £2.5m")])
    saying_more.statements[2].speaker.name = "Peter Tindall"
    assert ("s1", "s3", "rejection") not in pairs(saying_more)  # the sentence holds a statement of its own


def test_denial_of_a_claim_on_the_same_topic():
    art = make_article(
        "Environmental groups said the Norvik plant had dumped chemical waste in the river for years. "
        "Lia Chen, a spokeswoman for Norvik, denied that the plant had ever dumped waste in the river.",
        [("Environmental groups", "said",
          "the Norvik plant had dumped chemical waste in the river for years"),
         ("Lia Chen", "denied", "that the plant had ever dumped waste in the river")],
    )
    (d,) = find_disputes(art)
    assert (d.a, d.b, d.kind) == ("s1", "s2", "denial")
    assert "denied" in d.evidence


def test_a_denial_answers_a_claim_near_it_that_shares_one_word_with_it():
    text = ("Residents said Ruth Varga, 63, was arrested outside her home at dawn and held for six hours. "
            "Harwick Police said two officers had attended and denied that anyone had been arrested.")
    claim = ("Residents", "said",
             "Ruth Varga, 63, was arrested outside her home at dawn and held for six hours")
    art = make_article(text, [claim, ("Harwick Police", "said", "two officers had attended"),
                              ("Harwick Police", "denied", "anyone had been arrested")])
    assert pairs(art) == {("s1", "s3", "denial")}

    doubted = text.replace("denied that anyone", "questioned whether anyone")
    art = make_article(doubted, [claim, ("Harwick Police", "said", "two officers had attended"),
                                 ("Harwick Police", "questioned whether", "anyone had been arrested")])
    assert pairs(art) == set()  # a doubt needs more in common than one word


def test_rejection_names_whose_statements():
    art = make_article(
        "Governor Tom Reyes said the new stadium will create thousands of jobs. "
        "He also said the city budget is balanced. "
        "Economist Maria Lund dismissed Reyes's claims, saying stadium projects rarely bring lasting jobs.",
        [("Tom Reyes", "said", "the new stadium will create thousands of jobs"),
         ("He", "said", "the city budget is balanced"),
         ("Maria Lund", "saying", "stadium projects rarely bring lasting jobs")],
    )
    for st in art.statements[:2]:
        st.speaker.name = "Tom Reyes"
    assert pairs(art) == {("s1", "s3", "rejection")}


def test_doubt_in_the_content_points_to_the_named_speaker():
    art = make_article(
        "Coach Ben Ortiz said the club will sign three new players this summer. "
        "Asked about Ortiz's comments, club president Carla Ruiz said it is unclear whether "
        "these signing plans are realistic.",
        [("Ben Ortiz", "said", "the club will sign three new players this summer"),
         ("Carla Ruiz", "said", "it is unclear whether these signing plans are realistic")],
    )
    assert pairs(art) == {("s1", "s2", "doubt")}


def test_rejection_of_an_account_named_by_its_speaker():
    art = make_article(
        "Senator Mark Hale said the new dam had flooded three villages. The energy ministry said the "
        "water level had stayed within safe limits. Later, Hale's office rejected the ministry's account.",
        [("Mark Hale", "said", "the new dam had flooded three villages"),
         ("The energy ministry", "said", "the water level had stayed within safe limits"),
         ("Hale's office", "rejected", "the ministry's account")],
    )
    assert pairs(art) == {("s2", "s3", "rejection")}


def test_spokesman_correcting_his_principal_is_a_correction():
    art = make_article(
        "President Alan Moss said the army will leave the northern city by Friday. "
        "His spokesman Paul Gray said hours later that the president meant to say that the army "
        "will leave the northern city by the end of next month.",
        [("Alan Moss", "said", "the army will leave the northern city by Friday"),
         ("Paul Gray", "said", "the president meant to say that the army will leave the northern city "
                               "by the end of next month")],
    )
    assert pairs(art) == {("s1", "s2", "correction")}


def test_counter_claim_in_the_same_sentence_is_a_contradiction():
    art = make_article(
        "The ministry said the cargo ship had entered the bay without permission, while the captain "
        "insisted the ship had stayed in international waters.",
        [("The ministry", "said", "the cargo ship had entered the bay without permission"),
         ("the captain", "insisted", "the ship had stayed in international waters")],
    )
    assert pairs(art) == {("s1", "s2", "contradiction")}


def test_uncued_contradiction_by_negation():
    art = make_article(
        "Union leader Kim Park said the workers at Apex Steel did not receive their bonus. "
        "Joe Bell, a manager, said the workers at Apex Steel received their bonus in March.",
        [("Kim Park", "said", "the workers at Apex Steel did not receive their bonus"),
         ("Joe Bell", "said", "the workers at Apex Steel received their bonus in March")],
    )
    (d,) = find_disputes(art)
    assert (d.a, d.b, d.kind) == ("s1", "s2", "contradiction")
    assert "receiv" in d.evidence
    assert d.confidence < 0.8  # no word announces it: less sure than a cued pushback


def test_object_of_the_cue_is_the_claim():
    art = make_article(
        "Footage shows that the driver had stopped at the light, contradicting the police's earlier "
        "claim that the driver had run the light.",
        [("Footage", "shows", "that the driver had stopped at the light"),
         ("the police", "claim", "that the driver had run the light")],
    )
    assert pairs(art) == {("s2", "s1", "contradiction")}


# --- none of these is a dispute -------------------------------------------------------------------


@pytest.mark.parametrize("text, said", [
    pytest.param(
        "Mayor Ann Holt said the bridge would reopen in May. Engineer Bo Lind agreed that the bridge "
        "would reopen in May.",
        [("Ann Holt", "said", "the bridge would reopen in May"),
         ("Bo Lind", "agreed", "that the bridge would reopen in May")],
        id="agreement"),
    pytest.param(
        "Ann Holt said the bridge would reopen in May. Later Ann Holt denied that the bridge repairs "
        "would cost more than planned.",
        [("Ann Holt", "said", "the bridge would reopen in May"),
         ("Ann Holt", "denied", "that the bridge repairs would cost more than planned")],
        id="same speaker"),
    pytest.param(
        "Mayor Ann Holt said the bridge would reopen in May. In other news, the actor Sam Fox denied "
        "that he plans to retire from films.",
        [("Ann Holt", "said", "the bridge would reopen in May"),
         ("Sam Fox", "denied", "that he plans to retire from films")],
        id="unrelated topics"),
    pytest.param(
        "Mayor Ann Holt said the bridge would reopen in May. The builders did not deny that the bridge "
        "would reopen in May.",
        [("Ann Holt", "said", "the bridge would reopen in May"),
         ("The builders", "deny", "that the bridge would reopen in May")],
        id="negated cue"),
    pytest.param(
        "Ann Holt said the council must fund the bridge repairs. The council rejected a request to fund "
        "the bridge repairs this year.",
        [("Ann Holt", "said", "the council must fund the bridge repairs"),
         ("The council", "rejected", "a request to fund the bridge repairs this year")],
        id="rejecting a request"),
    pytest.param(
        "Ann Holt said the bridge would reopen in May. When questioned, the engineer Bo Lind said the "
        "bridge work was going well.",
        [("Ann Holt", "said", "the bridge would reopen in May"),
         ("Bo Lind", "said", "the bridge work was going well")],
        id="passive cue"),
])
def test_no_dispute(text, said):
    assert find_disputes(make_article(text, said)) == []


def test_a_statement_with_no_speaker_disputes_nobody():
    art = make_article(
        "Mayor Ann Holt said the bridge would reopen in May, but the builders have denied that.",
        [("Ann Holt", "said", "the bridge would reopen in May"), ("the builders", "denied", "that")],
    )
    art.statements[1].speaker = None
    assert find_disputes(art) == []


# --- across articles -------------------------------------------------------------------------------


def _two_articles() -> list[Article]:
    first = make_article(
        "Energy minister Rosa Vidal said the Kestrel pipeline will carry gas to the coast by winter.",
        [("Rosa Vidal", "said", "the Kestrel pipeline will carry gas to the coast by winter")],
        id="monday", date="2024-03-04")
    second = make_article(
        "Engineers at the Kestrel project rejected Vidal's claims, saying the pipeline will not carry gas "
        "to the coast before next summer.",
        [("Engineers at the Kestrel project", "saying",
          "the pipeline will not carry gas to the coast before next summer")],
        id="tuesday", date="2024-03-05")
    return [first, second]


def test_cross_article_rejection():
    (d,) = find_cross_disputes(_two_articles())
    assert (d.article_a, d.a, d.article_b, d.b, d.kind) == ("monday", "s1", "tuesday", "s1", "rejection")


def test_cross_article_contradiction_about_the_same_someone():
    first = make_article(
        "Union leader Kim Park said the mill owner Joe Bell did not pay overtime wages to his night workers.",
        [("Kim Park", "said", "the mill owner Joe Bell did not pay overtime wages to his night workers")],
        id="one")
    second = make_article(
        "\"I pay overtime wages to all my night workers,\" Joe Bell said.",
        [("Joe Bell", "said", "I pay overtime wages to all my night workers,")], id="two")
    (d,) = find_cross_disputes([first, second])
    assert {(d.article_a, d.a), (d.article_b, d.b)} == {("one", "s1"), ("two", "s1")}
    assert d.kind == "contradiction"
    agreeing = make_article(
        "Ann Holt said the mill owner Joe Bell did not pay overtime wages to his night workers last year.",
        [("Ann Holt", "said",
          "the mill owner Joe Bell did not pay overtime wages to his night workers last year")],
        id="three")
    assert find_cross_disputes([first, agreeing]) == []
    # each speaks of himself: no contradiction between them
    himself = make_article(
        "Tom Ray said he did not pay overtime wages to his night workers.",
        [("Tom Ray", "said", "he did not pay overtime wages to his night workers")], id="four")
    assert find_cross_disputes([second, himself]) == []


def test_cross_article_needs_a_shared_topic():
    first, second = _two_articles()
    other = make_article(
        "Rosa Vidal said the national football team will play in the capital next year.",
        [("Rosa Vidal", "said", "the national football team will play in the capital next year")],
        id="sport")
    assert find_cross_disputes([other, second]) == []
    assert find_cross_disputes([first]) == []


def test_disputes_by_speaker_lists_who_disputes_whom():
    articles = _two_articles() + [make_article(
        "Mayor Ann Holt said the bridge would reopen in May, but the builders have denied that.",
        [("Ann Holt", "said", "the bridge would reopen in May"), ("the builders", "denied", "that")],
        id="bridge")]
    result = disputes_by_speaker(articles)
    assert [(x.disputer, x.kind) for x in result["Rosa Vidal"]] == [("Engineers at the Kestrel project",
                                                                    "rejection")]
    assert [(x.disputer, x.kind, x.article) for x in result["Ann Holt"]] == [("the builders", "denial",
                                                                              "bridge")]
    assert "the builders" not in result


# --- the command ---------------------------------------------------------------------------------


class _FakePipeline:
    """Stands in for the spaCy pipeline: returns hand-built articles with their disputes."""

    def __init__(self, *args, **kwargs):
        pass

    def process_many(self, articles):
        for article in _two_articles():
            article.disputes = find_disputes(article)
            yield article


def test_disputes_command_prints_json_and_text(monkeypatch, capsys, tmp_path):
    import saidwhat.pipeline

    monkeypatch.setattr(saidwhat.pipeline, "Pipeline", _FakePipeline)
    src = tmp_path / "a.txt"
    src.write_text("Some article.\n", encoding="utf-8")
    assert cli.main(["disputes", str(src), "--across", "-f", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    across = out[-1]["disputes"][0]
    assert across["kind"] == "rejection"
    assert across["claim"]["speaker"] == "Rosa Vidal"
    assert across["pushback"]["article"] == "tuesday"

    assert cli.main(["disputes", str(src), "--across"]) == 0
    text = capsys.readouterr().out
    assert "Engineers at the Kestrel project rejects Rosa Vidal" in text


def test_disputes_command_unwritable_output(monkeypatch, capsys, tmp_path):
    import saidwhat.pipeline

    monkeypatch.setattr(saidwhat.pipeline, "Pipeline", _FakePipeline)
    src = tmp_path / "a.txt"
    src.write_text("Some article.\n", encoding="utf-8")
    bad = str(tmp_path / "no" / "such" / "dir.json")
    assert cli.main(["disputes", str(src), "-o", bad]) == cli.EXIT_FAILED
    assert capsys.readouterr().err.startswith("saidwhat: cannot write")


# --- claims worth disputing ------------------------------------------------------------------------


@pytest.mark.parametrize("rest, pushback", [
    ("as partisan noise, saying the plan was sound.", ("Tom Ash", "saying", "the plan was sound")),
    # the criticism is the content itself, and it shares the claim's topic
    ("about the tax cut as partisan noise.",
     ("Tom Ash", "dismissed", "criticism of Bell's remarks about the tax cut as partisan noise")),
])
def test_dismissing_criticism_of_someone_does_not_dispute_them(rest, pushback):
    art = make_article(
        "Senator Ruth Bell said the tax cut would pay for itself within five years. Her campaign chairman "
        "Tom Ash dismissed criticism of Bell's remarks " + rest,
        [("Ruth Bell", "said", "the tax cut would pay for itself within five years"), pushback],
    )
    assert pairs(art) == set()


def test_a_short_verdict_answers_the_claim_just_made():
    art = make_article(
        "Campaign chairman Paul Hart accused the governor's office of hiding the audit of the state "
        "pension fund. \"Nice try, not true,\" the governor's spokeswoman Jane Roe wrote on Twitter.",
        [("Paul Hart", "accused", "the governor's office of hiding the audit of the state pension fund"),
         ("Jane Roe", "wrote", "Nice try, not true")],
    )
    assert pairs(art) == {("s1", "s2", "denial")}
    # "not true" in a quote that says something of its own needs a shared topic
    art = make_article(
        "Campaign chairman Paul Hart accused the governor's office of hiding the audit of the state "
        "pension fund. \"It is not true that the new bridge will open in May,\" the spokeswoman Jane Roe "
        "wrote.",
        [("Paul Hart", "accused", "the governor's office of hiding the audit of the state pension fund"),
         ("Jane Roe", "wrote", "It is not true that the new bridge will open in May")],
    )
    assert pairs(art) == set()


def test_a_claim_needs_a_resolved_speaker_when_entities_are_known():
    from saidwhat.records import Entity

    text = ("Rising prices suggest the factory will close by March, the figures show. "
            "The company's director Ana Vidal denied that the factory would close.")
    art = make_article(text, [
        ("the figures", "show", "Rising prices suggest the factory will close by March"),
        ("Ana Vidal", "denied", "the factory would close"),
    ])
    art.statements[1].speaker.entity = "e1"
    art.speakers = [Entity(id="e1", name="Ana Vidal", type="person")]
    assert pairs(art) == set()
    art.statements[0].speaker.entity = "e2"
    art.speakers.append(Entity(id="e2", name="Statistics Office", type="organisation"))
    assert pairs(art) == {("s1", "s2", "denial")}


def test_a_denial_answers_the_claim_just_before_that_names_its_speaker_by_role():
    from saidwhat.records import Entity

    text = ("A local paper says a Labour councillor steered a paving contract to his nephew. "
            "Councillor Tom Reed has denied any wrongdoing over work on the high street.")
    art = make_article(text, [
        ("A local paper", "says", "a Labour councillor steered a paving contract to his nephew"),
        ("Councillor Tom Reed", "denied", "any wrongdoing over work on the high street"),
    ])
    speaking_as(art, Entity(id="e1", name="local paper", type="organisation"),
                Entity(id="e2", name="Tom Reed", type="person", roles=["Councillor"]))
    assert pairs(art) == {("s1", "s2", "denial")}
    art.speakers[1].roles = ["Mayor"]  # a claim about some councillor, not about him
    assert pairs(art) == set()


def test_a_group_disputes_within_its_article_but_not_across_articles():
    from saidwhat.records import Entity

    text = ("The state's auditor Ana Vidal said the new school budget had been cut by a third this year. "
            "Teachers' union leaders denied that, saying the budget had grown.")
    art = make_article(text, [
        ("Ana Vidal", "said", "the new school budget had been cut by a third this year"),
        ("Teachers' union leaders", "saying", "the budget had grown"),
    ])
    speaking_as(art, Entity(id="e1", name="Ana Vidal", type="person"),
                Entity(id="e2", name="Teachers' union leaders", type="group"))
    assert pairs(art) == {("s1", "s2", "denial")}
    # two "officials" of two articles need not be the same people, nor at odds with each other
    first = make_article(
        "Union officials said the mill owner Joe Bell did not pay overtime wages to his night workers.",
        [("Union officials", "said",
          "the mill owner Joe Bell did not pay overtime wages to his night workers")], id="one")
    second = make_article(
        "\"I pay overtime wages to all my night workers,\" Joe Bell said.",
        [("Joe Bell", "said", "I pay overtime wages to all my night workers,")], id="two")
    first.statements[0].speaker.entity, second.statements[0].speaker.entity = "e1", "e1"
    first.speakers = [Entity(id="e1", name="Union officials", type="group")]
    second.speakers = [Entity(id="e1", name="Joe Bell", type="person")]
    assert find_cross_disputes([first, second]) == []
    first.speakers[0].type = "organisation"
    assert len(find_cross_disputes([first, second])) == 1


def test_by_speaker_lists_who_disputes_whom():
    from saidwhat import output

    art = make_article(
        "Mayor Ann Holt said the bridge would reopen in May, but the builders have denied that.",
        [("Ann Holt", "said", "the bridge would reopen in May"), ("the builders", "denied", "that")],
    )
    by_speaker = disputes_by_speaker([art])
    assert [(p.disputer, p.kind) for p in by_speaker["Ann Holt"]] == [("the builders", "denial")]
    text = output.by_speaker_text(by_speaker)
    assert text.startswith("Ann Holt, disputed 1 time:") and "denial by the builders" in text
    assert json.loads(output.by_speaker_json(by_speaker))["Ann Holt"][0]["claim"] == "s1"


def test_an_abbreviated_name_is_the_same_speaker():
    art = make_article(
        "Officials in Ore. said the wildfire near the river was contained by Friday night, "
        "but Oregon denied that.",
        [("Ore.", "said", "the wildfire near the river was contained by Friday night"),
         ("Oregon", "denied", "that")],
    )
    assert pairs(art) == set()


def test_stems_come_from_the_c_stemmer_and_match_snowballs_python_one():
    from snowballstemmer.english_stemmer import EnglishStemmer

    from saidwhat import disputes

    assert type(disputes._STEMMER).__module__ == "Stemmer"  # PyStemmer, not the pure-Python fallback
    words = ["denied", "Denies", "contradicting", "claims", "generously", "Senators'", "running", "dying"]
    assert [disputes.stem(w) for w in words] == [EnglishStemmer().stemWord(w.lower()) for w in words]


def test_a_content_calling_a_named_speaker_wrong_answers_that_speaker():
    art = make_article(
        "Opposition leader Mary Stone said the hospital waiting lists had doubled in two years. "
        "Health minister Paul Grey said the figures showed waiting times had fallen. Local doctors said "
        "more staff were needed. \"Mrs Stone is simply wrong,\" Grey said.",
        [("Mary Stone", "said", "the hospital waiting lists had doubled in two years"),
         ("Paul Grey", "said", "the figures showed waiting times had fallen"),
         ("Local doctors", "said", "more staff were needed"),
         ("Grey", "said", "Mrs Stone is simply wrong")],
    )
    assert ("s1", "s4", "rejection") in pairs(art)


def test_a_verdict_word_behind_an_adverb_and_a_quote_mark_is_read():
    art = make_article(
        'Rival firms said the phone company still had too much control over the market. Its chief '
        'executive Tim Low said customers were "paying for its dominance". A spokeswoman for the phone '
        'company said the claim was "completely false".',
        [("Rival firms", "said", "the phone company still had too much control over the market"),
         ("Tim Low", "said", 'customers were "paying for its dominance"'),
         ("A spokeswoman", "said", 'the claim was "completely false"')],
    )
    assert ("s2", "s3", "rejection") in pairs(art)


def test_a_verdict_on_the_plans_answers_the_latest_proposal_before_it():
    art = make_article(
        "Opposition leader Anna Ford has promised to cap the number of new homes built on farmland. "
        "Speaking in Leeds, Ms Ford said her party would also scrap the planning inspectorate. "
        "Housing minister Tom Reid said the plans were \"unworkable and unfair\".",
        [("Anna Ford", "promised", "to cap the number of new homes built on farmland"),
         ("Ms Ford", "said", "her party would also scrap the planning inspectorate"),
         ("Tom Reid", "said", 'the plans were "unworkable and unfair"')],
    )
    assert ("s2", "s3", "rejection") in pairs(art)


def test_numbers_that_do_not_add_up_answer_the_latest_claim_that_gave_a_number():
    art = make_article(
        "Shadow chancellor Anna Ford said the 1.3bn pound cost would be met by cutting waste. Labour "
        "said voters would see through it. Treasury minister Tom Reid said the figures did not add up.",
        [("Anna Ford", "said", "the 1.3bn pound cost would be met by cutting waste"),
         ("Labour", "said", "voters would see through it"),
         ("Tom Reid", "said", "the figures did not add up")],
    )
    assert ("s1", "s3", "doubt") in pairs(art)


def test_accusing_someone_of_scaremongering_answers_the_one_accused():
    art = make_article(
        "Labour said the pledge would close hospitals. Help for Pensioners said many older people were "
        'struggling to pay their bills. Mr Ford accused Labour of "scaremongering".',
        [("Labour", "said", "the pledge would close hospitals"),
         ("Help for Pensioners", "said", "many older people were struggling to pay their bills"),
         ("Mr Ford", "accused", 'Labour of "scaremongering"')],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s1", "s3")}


def test_a_claim_named_by_a_bare_noun_is_the_statement_its_verb_reported():
    art = make_article(
        "The Daily Post reported on Sunday that officers had been told to record fewer crimes. Opposition "
        "leader Mary Stone said the figures could not be trusted. The Home Office dismissed the report as "
        "\"complete nonsense\".",
        [("The Daily Post", "reported", "officers had been told to record fewer crimes"),
         ("Mary Stone", "said", "the figures could not be trusted"),
         ("The Home Office", "dismissed", "the report as \"complete nonsense\"")],
    )
    assert pairs(art) == {("s1", "s3", "rejection")}


def test_no_truth_in_the_story_denies_what_the_paper_reported():
    art = make_article(
        "The Evening Star reported that the striker had met the club's chief executive at a hotel in "
        "January. Rival manager Tom Hale said he had read the reports with interest. A Rovers spokesman "
        "said: \"There is no truth in the story.\"",
        [("The Evening Star", "reported",
          "the striker had met the club's chief executive at a hotel in January"),
         ("Tom Hale", "said", "he had read the reports with interest"),
         ("A Rovers spokesman", "said", "There is no truth in the story.")],
    )
    assert pairs(art) == {("s1", "s3", "denial")}


def test_a_report_named_by_its_outlet_answers_that_outlet():
    art = make_article(
        "An AP analysis found that 85 of the 154 private donors had met the minister. Senator Bill Ray said "
        "the minister should resign over the donor meetings. Her spokesman said the AP report was misleading "
        "because it left out hundreds of donor meetings with officials.",
        [("AP", "found", "85 of the 154 private donors had met the minister"),
         ("Bill Ray", "said", "the minister should resign over the donor meetings"),
         ("Her spokesman", "said", "the AP report was misleading because it left out hundreds of donor "
                                   "meetings with officials")],
    )
    assert pairs(art) == {("s1", "s3", "rejection")}


def test_calling_a_party_not_quoted_wrong_answers_no_one_else():
    art = make_article(
        "Prime Minister Alan Kerr said crime had fallen by 30% since his party came to office. Home "
        "Secretary Jo Bell said the Conservatives were \"scaremongering\".",
        [("Alan Kerr", "said", "crime had fallen by 30% since his party came to office"),
         ("Jo Bell", "said", "the Conservatives were \"scaremongering\"")],
    )
    assert pairs(art) == set()


def test_a_named_place_that_speaks_disputes_like_an_institution(nlp):
    from saidwhat.pipeline import Pipeline

    text = (
        "Ministers deny crime figures claims\n\n"
        "The Daily Post reported on Sunday that police officers had been told to record fewer crimes.\n\n"
        "Downing Street dismissed the report as \"complete nonsense\".\n"
    )
    art = Pipeline(nlp).process(Article(id="a", text=text))
    by_id = {st.id: st for st in art.statements}
    found = [(by_id[d.a].speaker.name, by_id[d.b].speaker.name, d.kind) for d in art.disputes]
    # the headline's denial answers the report too: the story opens with it
    assert found == [("Daily Post", "Ministers", "denial"), ("Daily Post", "Downing Street", "rejection")]


def test_allegations_called_unfounded_answer_whoever_accused():
    art = make_article(
        "The tax office has accused the firm of owing more than $2bn in back taxes. Analysts said investors "
        "were worried about the firm's future. Chief executive Sam Reid said allegations that the firm had "
        "evaded taxes were \"without foundation\".",
        [("The tax office", "accused", "the firm of owing more than $2bn in back taxes"),
         ("Analysts", "said", "investors were worried about the firm's future"),
         ("Sam Reid", "said", "allegations that the firm had evaded taxes were \"without foundation\"")],
    )
    assert pairs(art) == {("s1", "s3", "rejection")}


def test_the_story_called_untrue_is_the_newspapers():
    art = make_article(
        "The Sunday Chronicle said the actor was unhappy with the reviews and planned to leave next year. "
        "His co-star Ann Lee said the cast had been told nothing. But the actor told reporters: \"I am not "
        "going anywhere. The story is completely untrue.\"",
        [("The Sunday Chronicle", "said",
          "the actor was unhappy with the reviews and planned to leave next year"),
         ("Ann Lee", "said", "the cast had been told nothing"),
         ("the actor", "told", "I am not going anywhere. The story is completely untrue.")],
    )
    assert pairs(art) == {("s1", "s3", "denial")}


def test_a_report_by_a_described_author_answers_that_author():
    art = make_article(
        "Forrester said the open-source system was cheaper to run than Windows. Analyst Jo Park said "
        "companies were watching costs. The software maker said the report, by research firm Forrester, "
        "was simply wrong.",
        [("Forrester", "said", "the open-source system was cheaper to run than Windows"),
         ("Jo Park", "said", "companies were watching costs"),
         ("The software maker", "said", "the report, by research firm Forrester, was simply wrong")],
    )
    assert pairs(art) == {("s1", "s3", "rejection")}


def test_a_study_named_by_its_author_answers_that_author():
    art = make_article(
        "A report by the LSE said the scheme would cost up to 300 pounds per person. Its authors said the "
        "ministry had underestimated the technical risks. Minister Des Browne dismissed the LSE study as "
        "\"simply wrong\".",
        [("A report", "said", "the scheme would cost up to 300 pounds per person"),
         ("Its authors", "said", "the ministry had underestimated the technical risks"),
         ("Des Browne", "dismissed", "the LSE study as \"simply wrong\"")],
    )
    art.statements[0].speaker.name = art.statements[1].speaker.name = "LSE"
    assert {(d.a, d.b) for d in find_disputes(art)} & {("s1", "s3"), ("s2", "s3")}


def test_a_verdict_on_a_titled_speakers_words_answers_their_lead_claim():
    art = make_article(
        "Chief Constable Paul Garvin warned that longer opening hours would lead to more violence on the "
        "streets. The government says the new laws will end the rush at closing time. Culture Secretary "
        "Tessa Jowell said the police chief's fears were \"unfounded\".",
        [("Paul Garvin", "warned", "longer opening hours would lead to more violence on the streets"),
         ("The government", "says", "the new laws will end the rush at closing time"),
         ("Tessa Jowell", "said", "the police chief's fears were \"unfounded\"")],
    )
    assert pairs(art) == {("s1", "s3", "rejection")}


def test_a_pushback_naming_a_claimant_quoted_further_down_answers_them():
    art = make_article(
        "Arsenal manager Arsene Wenger has dismissed claims by Sir Alex Ferguson that his side had been "
        "given an easy run of fixtures. \"Look at their fixtures and look at ours, and you will see why "
        "they are where they are,\" Ferguson said.",
        [("Arsene Wenger", "dismissed", "claims by Sir Alex Ferguson that his side had been given an "
                                        "easy run of fixtures"),
         ("Ferguson", "said", "Look at their fixtures and look at ours, and you will see why they are where "
                              "they are")],
    )
    assert pairs(art) == {("s2", "s1", "rejection")}


@pytest.mark.parametrize(("claim", "verdict", "kind"), [
    (("Labour", "accused", "the Conservatives of planning £35bn of cuts to public services"),
     ("Oliver Letwin", "said", "the figures were \"a complete fabrication\""), "rejection"),
    (("A study", "found", "children who played violent games were more likely to behave aggressively"),
     ("Mark Griffiths", "said", "the research was \"far from conclusive\""), "doubt"),
])
def test_a_verdict_on_the_figures_or_the_research_answers_the_claim_that_gave_them(claim, verdict, kind):
    text = (f"{claim[0]} {claim[1]} {claim[2]}. Rival campaigners met on Monday to discuss the plans. "
            f"{verdict[0]} {verdict[1]} {verdict[2]}.")
    art = make_article(text, [claim, verdict])
    assert pairs(art) == {("s1", "s2", kind)}


def test_a_verdict_on_figures_no_one_gave_answers_nobody():
    art = make_article(
        "Labour accused the Conservatives of planning deep cuts to public services. Shadow chancellor Oliver "
        "Letwin said the figures were \"a complete fabrication\".",
        [("Labour", "accused", "the Conservatives of planning deep cuts to public services"),
         ("Oliver Letwin", "said", "the figures were \"a complete fabrication\"")],
    )
    assert pairs(art) == set()


def test_a_negation_that_ended_the_sentence_before_does_not_negate_the_cue():
    art = make_article(
        'The Portuguese claimed that the Barcelona coach had gone into the referee\'s room at half-time. '
        '"When Drogba was sent off I wasn\'t surprised," he said.\n\nBarcelona denied the claims.',
        [("The Portuguese", "claimed", "the Barcelona coach had gone into the referee's room at half-time"),
         ("he", "said", "When Drogba was sent off I wasn't surprised"),
         ("Barcelona", "denied", "the claims")],
    )
    assert pairs(art) == {("s1", "s3", "denial")}  # "the claims": what was "claimed"


def test_dismissing_the_findings_of_a_report_answers_the_report():
    art = make_article(
        "But a report by the Centre for Policy Studies said the scheme could cost £14bn.\n\nA Home Office "
        'spokesman dismissed the report\'s findings as "wildly speculative".',
        [("a report by the Centre for Policy Studies", "said", "the scheme could cost £14bn"),
         ("A Home Office spokesman", "dismissed", "the report's findings as \"wildly speculative\"")],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_a_quote_that_calls_a_number_wrong_answers_whoever_gave_that_number():
    art = make_article(
        "The Consumers' Association said as many as 150,000 customers may have been mis-sold policies. "
        "The firm said 20,000 policies had been reviewed. \"The figure of 150,000 is simply wrong,\" its "
        "chief executive said.",
        [("The Consumers' Association", "said",
          "as many as 150,000 customers may have been mis-sold policies"),
         ("The firm", "said", "20,000 policies had been reviewed"),
         ("its chief executive", "said", "The figure of 150,000 is simply wrong")],
    )
    assert ("s1", "s3", "rejection") in pairs(art)


def test_dismissing_the_complaint_answers_who_complained():
    art = make_article(
        "Polydor complained that some shops were selling the rival single below the minimum price. A "
        'spokesman for Skylark Records dismissed the complaint as "sour grapes".',
        [("Polydor", "complained", "some shops were selling the rival single below the minimum price"),
         ("Skylark Records", "dismissed", "the complaint as \"sour grapes\"")],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_a_pushback_answers_the_claim_it_names_inside_its_own_content(nlp):
    from saidwhat.pipeline import Pipeline

    text = (
        "Airline denies crew cuts\n\n"
        "Budget carrier Skyline Airways has denied claims by a union that it is cutting the number of cabin "
        "crew on its flights to below safe levels.\n\n"
        "The airline said every flight carried the crew the law requires.\n"
    )
    art = Pipeline(nlp).process(Article(id="a", text=text))
    by_id = {st.id: st for st in art.statements}
    found = [(by_id[d.a].content.text[:20], by_id[d.b].speaker.name, d.kind) for d in art.disputes]
    assert ("it is cutting the nu", "Skyline Airways", "denial") in found


def test_a_denial_that_opens_the_story_answers_the_report_that_follows():
    art = make_article(
        "The singer Kate Lowry has denied reports that her marriage to actor Tom Reid is over.\n\nThe Daily "
        "Mirror reported on Sunday that the couple had been living apart for months.",
        [("Kate Lowry", "denied", "reports that her marriage to actor Tom Reid is over"),
         ("The Daily Mirror", "reported", "the couple had been living apart for months")],
    )
    assert pairs(art) == {("s2", "s1", "denial")}


def test_a_rejection_that_opens_the_story_answers_the_warning_it_names():
    art = make_article(
        "Chancellor Gordon Brown has rejected warnings that he will have to raise taxes after the "
        "election.\n\nThe Institute for Fiscal Studies said Mr Brown faced an £11bn gap and would need "
        "to raise taxes.",
        [("Gordon Brown", "rejected", "warnings that he will have to raise taxes after the election"),
         ("The Institute for Fiscal Studies", "said",
          "Mr Brown faced an £11bn gap and would need to raise taxes")],
    )
    assert pairs(art) == {("s2", "s1", "rejection")}


def test_a_lead_pushback_with_nothing_after_it_on_its_topic_answers_nobody():
    art = make_article(
        "The club has denied that its manager will leave in the summer.\n\nThe chairman said ticket prices "
        "would be frozen for next season.",
        [("The club", "denied", "its manager will leave in the summer"),
         ("The chairman", "said", "ticket prices would be frozen for next season")],
    )
    assert pairs(art) == set()


@pytest.mark.parametrize("rejected", [
    "a study which says the scheme could cost up to £18bn over ten years",
    "Conservative claims that the scheme could cost up to £18bn over ten years",
])
def test_a_lead_pushback_holding_its_own_claim_answers_no_later_statement(rejected):
    art = make_article(
        f"The Home Office has rejected {rejected}.\n\nThe institute said the scheme could cost up to £18bn "
        "over ten years once the register was counted.",
        [("The Home Office", "rejected", rejected),
         ("The institute", "said",
          "the scheme could cost up to £18bn over ten years once the register was counted")],
    )
    assert pairs(art) == set()


def test_a_lead_denial_does_not_answer_its_own_spokeswoman():
    text = ("Telvane has denied that hackers stole the personal details of its customers.\n\nSpokeswoman "
            "Claire Hutton said the customers' personal details were safe from hackers.")
    art = make_article(text, [
        ("Telvane", "denied", "hackers stole the personal details of its customers"),
        ("Claire Hutton", "said", "the customers' personal details were safe from hackers")])
    art.statements[1].speaker.organisation = "Telvane"
    assert pairs(art) == set()


def test_a_lead_denial_of_reports_answers_what_a_newspaper_it_does_not_name_claimed():
    art = make_article(
        "The manager has denied reports that he will sell his striker in January.\n\nA Sunday newspaper "
        "claimed the pair had a furious row in the dressing room and that the striker had asked to leave.",
        [("The manager", "denied", "reports that he will sell his striker in January"),
         ("A Sunday newspaper", "claimed",
          "the pair had a furious row in the dressing room and that the striker had asked to leave")],
    )
    assert pairs(art) == {("s2", "s1", "denial")}


def test_a_lead_denial_answers_the_press_report_that_prompted_it():
    art = make_article(
        "Harbour Bank has denied that it is in talks to merge with a building society.\n\nThe denial "
        "came after a Sunday newspaper reported that the two lenders had held secret meetings in London "
        "last month.",
        [("Harbour Bank", "denied", "it is in talks to merge with a building society"),
         ("a Sunday newspaper", "reported",
          "the two lenders had held secret meetings in London last month")],
    )
    assert pairs(art) == {("s2", "s1", "denial")}


def test_a_lead_denial_of_a_deed_does_not_answer_a_paper_claiming_something_else():
    art = make_article(
        "The bowler has denied tampering with the ball during the second Test.\n\nThe Daily Mirror claimed "
        "that the match referee had written to the team's management about the footage.",
        [("The bowler", "denied", "tampering with the ball during the second Test"),
         ("The Daily Mirror", "claimed",
          "the match referee had written to the team's management about the footage")],
    )
    assert pairs(art) == set()


def test_a_lead_pushback_answers_the_claim_as_its_speaker_first_put_it():
    art = make_article(
        "The Home Office has denied claims that the identity card scheme could cost up to £19bn.\n\n"
        "The Westbury Institute said ministers had underestimated the cost of running the scheme.\n\n"
        "The Westbury Institute also said each identity card could cost as much as £230.",
        [("The Home Office", "denied", "claims that the identity card scheme could cost up to £19bn"),
         ("The Westbury Institute", "said", "ministers had underestimated the cost of running the scheme"),
         ("The Westbury Institute", "said", "each identity card could cost as much as £230")],
    )
    assert pairs(art) == {("s2", "s1", "denial")}


def test_a_denial_of_reports_by_papers_it_does_not_name_answers_the_paper_named_after_it(nlp):
    from saidwhat.pipeline import Pipeline

    text = (
        "Quiz show presenter to stay\n\n"
        "The BBC has denied newspaper reports that presenter Jack Lorimer is to be dropped from the "
        "long-running quiz show Brain Trust.\n\n"
        "The Daily Mirror reported on Monday that BBC bosses had decided to replace the 61-year-old after "
        "ratings fell.\n"
    )
    art = Pipeline(nlp).process(Article(id="a", text=text))
    by_id = {st.id: st for st in art.statements}
    found = {(by_id[d.a].speaker.name, by_id[d.b].speaker.name) for d in art.disputes}
    assert found == {("Daily Mirror", "BBC")}


def test_a_denial_of_what_a_paper_reported_needs_only_one_word_in_common():
    art = make_article(
        "The Sun reported that the four-piece had split after a row over money.\n\n"
        "The band's manager also denied that there had been any falling-out over money.",
        [("The Sun", "reported", "the four-piece had split after a row over money"),
         ("The band's manager", "denied", "there had been any falling-out over money")],
    )
    assert pairs(art) == {("s1", "s2", "denial")}


def test_a_lead_counter_claim_that_negates_answers_the_press_report_after_it():
    art = make_article(
        "The band's manager has insisted the group are not splitting up.\n\n"
        "The Sun reported that the four-piece had split after a row over money.",
        [("The band's manager", "insisted", "the group are not splitting up"),
         ("The Sun", "reported", "the four-piece had split after a row over money")],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s2", "s1")}


def test_a_lead_counter_claim_answers_reports_in_papers_it_does_not_name():
    art = make_article(
        "Coach rules out exit\n\n"
        "Rovers manager Tom Keane has insisted he is not leaving the club.\n\n"
        "Reports in two Sunday papers claimed he had agreed to join a rival in the summer.",
        [("Rovers manager Tom Keane", "has insisted", "he is not leaving the club"),
         ("Reports in two Sunday papers", "claimed", "he had agreed to join a rival in the summer")],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s2", "s1")}


def test_a_lead_rejecting_claims_answers_the_claim_the_story_reports_next():
    art = make_article(
        "Minister defends library plan\n\n"
        "Culture minister Ann Reid has rejected claims that her plans will close forty libraries.\n\n"
        "The Liberal Democrats said councils would be left with half their branches by 2010.",
        [("Culture minister Ann Reid", "has rejected", "claims that her plans will close forty libraries"),
         ("The Liberal Democrats", "said", "councils would be left with half their branches by 2010")],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s2", "s1")}


def test_rejecting_claims_further_into_a_story_is_no_lead():
    art = make_article(
        "Minister defends library plan\n\n"
        "Councils are to get new money for reading schemes, the government has announced.\n\n"
        "Opening a branch in Leeds, the minister said reading schemes would reach a million children.\n\n"
        "Culture minister Ann Reid has rejected claims that her plans will close forty libraries.\n\n"
        "The Liberal Democrats said councils would be left with half their branches by 2010.",
        [("the minister", "said", "reading schemes would reach a million children"),
         ("Culture minister Ann Reid", "has rejected", "claims that her plans will close forty libraries"),
         ("The Liberal Democrats", "said", "councils would be left with half their branches by 2010")],
    )
    assert not {(a, b) for a, b, _ in pairs(art) if b == "s2"}


def test_a_verdict_on_the_criticism_answers_the_critic_just_before():
    art = make_article(
        "Chef Sam Reilly said the extra money for school kitchens was far too little. But the minister "
        'told reporters that the criticism was "wide of the mark".',
        [("Sam Reilly", "said", "the extra money for school kitchens was far too little"),
         ("the minister", "told", 'the criticism was "wide of the mark"')],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_a_lead_rejecting_criticism_answers_the_critic_reported_next():
    art = make_article(
        "Minister defends meals plan\n\n"
        "Schools minister Ann Reid has rejected criticism of her plans for school kitchens.\n\n"
        "Chef Sam Reilly said the extra money was far too little.",
        [("Schools minister Ann Reid", "has rejected", "criticism of her plans for school kitchens"),
         ("Chef Sam Reilly", "said", "the extra money was far too little")],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s2", "s1")}


def test_dismissing_someones_assurances_answers_their_claim():
    art = make_article(
        "Health minister Ruth Kaye said no hospital would lose its maternity unit. Union leader Sam Hart "
        "dismissed Ms Kaye's assurances.",
        [("Ruth Kaye", "said", "no hospital would lose its maternity unit"),
         ("Sam Hart", "dismissed", "Ms Kaye's assurances")],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


@pytest.mark.parametrize(("text", "said", "kind"), [
    # "it happened": a denial of what was just said, with nothing of its own
    ("Inmate Rosa Lind said a guard had pushed her against a wall in March. The prison service has "
     "denied it happened.",
     [("Rosa Lind", "said", "a guard had pushed her against a wall in March"),
      ("The prison service", "has denied", "it happened")], "denial"),
    # a verdict on the accuser ("delusional") rejects the accusation
    ('Councillor Ann Pike accused the mayor of hiding the audit. The mayor called Pike "delusional" '
     "for the accusation.",
     [("Ann Pike", "accused", "the mayor of hiding the audit"),
      ("The mayor", "called", 'Pike "delusional" for the accusation')], "rejection"),
    # "fired back" answers the claim on the same topic
    ("Senator Ana Cole said the governor had wasted the state surplus on consultants. Governor Ray Dunn "
     "fired back that not a dollar of the surplus went to consultants.",
     [("Ana Cole", "said", "the governor had wasted the state surplus on consultants"),
      ("Ray Dunn", "fired back", "not a dollar of the surplus went to consultants")], "rejection"),
])
def test_pushback_cues_of_everyday_reporting(text, said, kind):
    assert pairs(make_article(text, said)) == {("s1", "s2", kind)}


def test_a_verdict_on_a_named_speakers_claim_with_words_between():
    text = ("Governor Ann Ortiz said the state budget was balanced for the first time in a decade. The mayor "
            "spoke next. Later that week, union chief Tom Hale wrote that voters should ignore Ann Ortiz’s "
            "absurd and factually inaccurate claim about the budget.")
    art = make_article(text, [
        ("Ann Ortiz", "said", "the state budget was balanced for the first time in a decade"),
        ("Tom Hale", "wrote",
         "voters should ignore Ann Ortiz’s absurd and factually inaccurate claim about the budget"),
    ])
    assert pairs(art) == {("s1", "s2", "rejection")}


@pytest.mark.parametrize(("text", "said"), [
    # what is laughed off is named by a noun for an attack ("the attack ad"), not a claim noun
    ("The Tory advert says Labour will put up income tax by a penny. In an interview on Sunday, the "
     "chancellor laughed off the attack ad.",
     [("The Tory advert", "says", "Labour will put up income tax by a penny"),
      ("the chancellor", "laughed off", "the attack ad")]),
    # a claim of two sentences ends right before the pushback that points back at it
    ("The Tory advert says Labour will put up income tax by a penny. Can families afford that? The "
     "chancellor dismissed the claims.",
     [("The Tory advert", "says", "Labour will put up income tax by a penny. Can families afford that?"),
      ("The chancellor", "dismissed", "the claims")]),
    # what is disputed is named by a noun for numbers ("the minister's figures")
    ("Housing minister Ann Reid said councils had built more homes this year than in any year since 1990. "
     "Council leaders' chairman Tom Hale disputed the minister's figures.",
     [("Ann Reid", "said", "councils had built more homes this year than in any year since 1990"),
      ("Tom Hale", "disputed", "the minister's figures")]),
    # "dismissed that suggestion as nonsense": what is dismissed comes before "as"
    ("Trade spokesman Ben Cole said the Tories had planned the same tax rise before 1997. Mr Letwin "
     'dismissed that suggestion as "nonsense".',
     [("Ben Cole", "said", "the Tories had planned the same tax rise before 1997"),
      ("Mr Letwin", "dismissed", 'that suggestion as "nonsense"')]),
    # "not only brushed off" brushes off: "not only" negates nothing
    ("Auditor Jane Moss said the council had lost two million pounds on the car park deal. The council "
     "leader not only brushed off the findings but called for her to resign.",
     [("Jane Moss", "said", "the council had lost two million pounds on the car park deal"),
      ("The council leader", "brushed off", "the findings")]),
])
def test_a_pushback_pointing_back_answers_the_claim_just_before(text, said):
    assert {(a, b) for a, b, _ in pairs(make_article(text, said))} == {("s1", "s2")}


def test_pushing_back_against_someones_attack_answers_their_claim():
    art = make_article(
        "Union leader Sam Hale said schools in the county had been left to fail. Mr Jones said the "
        "weather had been poor all term. The minister pushed back against Mr Hale's attack on her record.",
        [("Sam Hale", "said", "schools in the county had been left to fail"),
         ("Mr Jones", "said", "the weather had been poor all term"),
         ("The minister", "pushed back against", "Mr Hale's attack on her record")],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s1", "s3")}


def test_a_denial_answers_what_was_just_said_about_the_denier():
    art = make_article(
        "European trade officials have long worried about Acme Steel's role in dumping cheap steel on the "
        "market. Acme Steel officials deny that the firm broke any rules.",
        [("European trade officials", "worried about",
          "Acme Steel's role in dumping cheap steel on the market"),
         ("Acme Steel officials", "deny", "that the firm broke any rules")],
    )
    assert pairs(art) == {("s1", "s2", "denial")}


def test_a_denial_with_nothing_in_common_with_a_claim_about_others_answers_nothing():
    art = make_article(
        "European trade officials said cheap imports had cost five thousand jobs this year. Acme Steel "
        "officials deny that the firm broke any rules.",
        [("European trade officials", "said", "cheap imports had cost five thousand jobs this year"),
         ("Acme Steel officials", "deny", "that the firm broke any rules")],
    )
    assert pairs(art) == set()


def test_no_truth_in_these_stories_answers_the_paper_described_not_named():
    art = make_article(
        "A Sunday newspaper said the singer wanted to leave the band for a solo career. The band's "
        'manager Ray Dunn said: "There is no truth in these stories whatsoever."',
        [("A Sunday newspaper", "said", "the singer wanted to leave the band for a solo career"),
         ("Ray Dunn", "said", "There is no truth in these stories whatsoever.")],
    )
    assert pairs(art) == {("s1", "s2", "denial")}


def test_a_lead_dismissing_a_newspaper_report_answers_the_paper_after_it():
    art = make_article(
        "Games maker Eidos has dismissed a newspaper report that it plans to cut 300 jobs.\n\n"
        "The Sunday Times said the company was preparing to close two of its studios.",
        [("Eidos", "has dismissed", "a newspaper report that it plans to cut 300 jobs"),
         ("The Sunday Times", "said", "the company was preparing to close two of its studios")],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s2", "s1")}


@pytest.mark.parametrize("verdict", [
    "We are always looking at costs, but the figures quoted are wildly inaccurate",
    "The claims are without merit",
])
def test_a_verdict_after_but_or_without_merit_answers_the_claim_before(verdict):
    art = make_article(
        f"The Sunday Times said the company was preparing to close two of its studios. \"{verdict},\" "
        "a spokesman for Eidos said.",
        [("The Sunday Times", "said", "the company was preparing to close two of its studios"),
         ("a spokesman for Eidos", "said", verdict)],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s1", "s2")}


@pytest.mark.parametrize("judged", [
    "the article was \"completely untrue\" and had caused them great distress",
    "the story was false and hurtful",
])
def test_a_verdict_on_the_article_answers_what_the_paper_said(judged):
    art = make_article(
        "Actress Ann Hale is suing a celebrity magazine over a story which claimed her marriage was in "
        "trouble. The magazine said the couple had spent \"months apart\" last year. Lawyers for the "
        f"couple said {judged}.",
        [("Actress Ann Hale", "is suing", "a celebrity magazine over a story which claimed her marriage"),
         ("The magazine", "said", "the couple had spent \"months apart\" last year"),
         ("Lawyers for the couple", "said", judged)],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s2", "s3")}


def test_a_correction_after_a_denial_sides_with_it_not_against_it():
    art = make_article(
        "Arsene Wenger said Alex Ferguson wanted to influence the referee. Ferguson later denied he had "
        "been talking about the referee. His assistant, Carlos Queiroz, said the Scot had been "
        "\"misquoted\".",
        [("Arsene Wenger", "said", "Alex Ferguson wanted to influence the referee"),
         ("Ferguson", "denied", "he had been talking about the referee"),
         ("Carlos Queiroz", "said", "the Scot had been \"misquoted\"")],
    )
    assert ("s2", "s3") not in {(a, b) for a, b, _ in pairs(art)}


def test_the_answer_to_a_lead_pushback_is_not_the_claim_it_disputes():
    art = make_article(
        "The Communication Workers Union has disputed Royal Mail's claim that only 2,000 jobs will go. "
        "The union said its own figures showed as many as 30,000 posts were at risk. Royal Mail said the "
        "union's estimate was \"scaremongering\" and had no basis in fact.",
        [("The Communication Workers Union", "has disputed",
          "Royal Mail's claim that only 2,000 jobs will go"),
         ("The union", "said", "its own figures showed as many as 30,000 posts were at risk"),
         ("Royal Mail", "said", "the union's estimate was \"scaremongering\" and had no basis in fact")],
    )
    art.statements[1].speaker.name = "The Communication Workers Union"
    found = {(a, b) for a, b, _ in pairs(art)}
    assert ("s3", "s1") not in found
    assert ("s2", "s3") in found


def test_rubbishing_the_claims_rejects_them():
    art = make_article(
        "Michael Howard said families faced a tax rise if Labour won a third term. Tony Blair rubbished "
        "the claims.",
        [("Michael Howard", "said", "families faced a tax rise if Labour won a third term"),
         ("Tony Blair", "rubbished", "the claims")],
    )
    assert pairs(art) == {("s1", "s2", "rejection")}


def test_dismissing_the_books_claims_answers_what_the_book_said():
    art = make_article(
        "A new book by journalist Robert Peston claims the prime minister broke a promise to stand down. Mr "
        "Brown said he and the prime minister were working together as a team. Downing Street dismissed the "
        "book's claims as \"gossip\".",
        [("A new book", "claims", "the prime minister broke a promise to stand down"),
         ("Mr Brown", "said", "he and the prime minister were working together as a team"),
         ("Downing Street", "dismissed", "the book's claims as \"gossip\"")],
    )
    art.statements[0].speaker.name = "Robert Peston"  # the book's author, as resolution names it
    assert {(a, b) for a, b, _ in pairs(art)} == {("s1", "s3")}


def test_a_pushback_quoting_a_claims_words_answers_that_claim_not_the_latest_figure():
    art = make_article(
        'Gordon Vance told the crowd that his rival wants to bring in "hundreds of thousands" of refugees. '
        '"Forty percent more," Vance said. The Mara Kessler campaign has rejected the "hundreds of '
        'thousands" figure.',
        [("Gordon Vance", "told", 'his rival wants to bring in "hundreds of thousands" of refugees'),
         ("Vance", "said", "Forty percent more,"),
         ("The Mara Kessler campaign", "has rejected", 'the "hundreds of thousands" figure')],
    )
    assert {(a, b) for a, b, _ in pairs(art)} == {("s1", "s3")}


def test_a_denial_answers_the_report_not_a_bystanders_doubt_about_it():
    art = make_article(
        "The Ledger reported that ledgers listed $9 million in cash payments for Mr. Ostrow. Investigators "
        "said it was not clear whether Mr. Ostrow had actually received the money. Mr. Ostrow denied "
        "receiving any such payments.",
        [("The Ledger", "reported", "ledgers listed $9 million in cash payments for Mr. Ostrow"),
         ("Investigators", "said", "it was not clear whether Mr. Ostrow had actually received the money"),
         ("Mr. Ostrow", "denied", "receiving any such payments")],
    )
    assert ("s1", "s3") in {(a, b) for a, b, _ in pairs(art)}
    assert ("s2", "s3") not in {(a, b) for a, b, _ in pairs(art)}


def test_what_a_pointing_pushback_goes_on_insisting_in_its_sentence_answers_the_same_claim():
    text = ("Tom Avery accused the minister of failing to tell MPs about the caveats. The minister rejected "
            "the charge, insisting that he had acted in good faith throughout.")
    said = [("Tom Avery", "accused", "the minister of failing to tell MPs about the caveats"),
            ("The minister", "rejected", "the charge"),
            ("The minister", "insisting", "he had acted in good faith throughout")]
    art = make_article(text, said)
    for st in art.statements[1:]:
        st.speaker.name = "Nina Scott"
    assert {(a, b) for a, b, _ in pairs(art)} == {("s1", "s2"), ("s1", "s3")}


def test_a_pushback_that_restates_the_claim_answers_it_however_far_back():
    said = [("Ines Quillan", "said", "the council has paid its contractors more to do less work")]
    text = "Ines Quillan said the council has paid its contractors more to do less work. "
    for n, topic in enumerate(("roads", "parks", "libraries", "schools", "bins", "buses", "markets")):
        text += f"Officer {n} said the {topic} budget was on track. "
        said.append((f"Officer {n}", "said", f"the {topic} budget was on track"))
    text += "Tom Halden rejected the suggestion that contractors were being paid more for less work."
    said.append(("Tom Halden", "rejected",
                 "the suggestion that contractors were being paid more for less work"))
    assert pairs(make_article(text, said)) == {("s1", "s9", "rejection")}


def test_a_short_doubt_needs_only_the_word_it_has():
    text = ("Union leader Ines Quillan said the new clinics were already overcharging patients for routine "
            "scans. The Ashgrove Clinics Network said there was no evidence of overcharging.")
    art = make_article(text, [
        ("Ines Quillan", "said", "the new clinics were already overcharging patients for routine scans"),
        ("The Ashgrove Clinics Network", "said", "there was no evidence of overcharging")])
    assert pairs(art) == {("s1", "s2", "doubt")}


def test_no_evidence_of_that_answers_what_was_just_said():
    text = ("Youth workers said teenagers regard the orders as a badge of honour. Chief Superintendent Tom "
            "Halden said he had seen no evidence of that in his area.")
    art = make_article(text, [
        ("Youth workers", "said", "teenagers regard the orders as a badge of honour"),
        ("Tom Halden", "said", "he had seen no evidence of that in his area")])
    assert pairs(art) == {("s1", "s2", "doubt")}


def test_a_research_group_named_by_its_nation_is_no_speaker_of_that_name():
    text = ("Beijing rejects reef report\nChina on Thursday rejected a Dutch research group's finding that "
            "it has installed anti-aircraft guns on its artificial islands. The Fenwick Institute said "
            "satellite images show anti-aircraft guns on all seven islands.")
    art = make_article(text, [
        ("China", "rejected", "a Dutch research group's finding that it has installed anti-aircraft guns on "
                              "its artificial islands"),
        ("The Fenwick Institute", "said", "satellite images show anti-aircraft guns on all seven islands")])
    assert pairs(art) == {("s2", "s1", "rejection")}


def test_a_verdict_on_the_story_named_by_its_topic_answers_the_claim_about_that_topic():
    text = ("Officials said jets had struck a rebel depot where toxic materials were stored. The "
            "ministry said the strike was lawful. Rebels said the raid killed twelve civilians. "
            '"The depot story is a fabrication," a senior official said.')
    art = make_article(text, [
        ("Officials", "said", "jets had struck a rebel depot where toxic materials were stored"),
        ("The ministry", "said", "the strike was lawful"),
        ("Rebels", "said", "the raid killed twelve civilians"),
        ("a senior official", "said", "The depot story is a fabrication")])
    assert pairs(art) == {("s1", "s4", "rejection")}


def test_a_denial_that_names_the_claimant_answers_their_claim():
    text = ("Tessa Vane said thousands of patients were being kept off the official list. Ministers said "
            "the new targets were working. Health Secretary Tom Halden said: \"That is simply untrue, and "
            "Ms Vane knows it.\"")
    art = make_article(text, [
        ("Tessa Vane", "said", "thousands of patients were being kept off the official list"),
        ("Ministers", "said", "the new targets were working"),
        ("Tom Halden", "said", "That is simply untrue, and Ms Vane knows it.")])
    assert pairs(art) == {("s1", "s3", "denial")}


def test_not_accurate_calls_what_was_just_said_wrong():
    text = ("The agency said its testers had followed the correct procedure in every respect. Her lawyer, "
            'Tom Halden, said that account was "simply not accurate".')
    art = make_article(text, [
        ("The agency", "said", "its testers had followed the correct procedure in every respect"),
        ("Tom Halden", "said", 'that account was "simply not accurate"')])
    assert pairs(art) == {("s1", "s2", "rejection")}
