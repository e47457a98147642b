"""Extraction patterns on sentences written for these tests."""

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from saidwhat.extraction import _first_line_end, extract_statements, find_quotes, subtree_span

pytestmark = pytest.mark.slow


def statements(nlp, text):
    return extract_statements(nlp(text))


def only(nlp, text):
    found = statements(nlp, text)
    assert len(found) == 1, [(s.kind, s.content.text) for s in found]
    return found[0]


def check_offsets(text, st):
    assert text[st.content.start : st.content.end] == st.content.text
    if st.speaker and st.speaker.mention:
        m = st.speaker.mention
        assert text[m.start : m.end] == m.text
    if st.cue:
        assert text[st.cue.start : st.cue.end] == st.cue.text


@pytest.mark.parametrize(
    "text",
    [
        '"The bridge will reopen in March after the repairs," the mayor said.',
        "“The bridge will reopen in March after the repairs,” the mayor said.",
        'The mayor said: "The bridge will reopen in March after the repairs."',
        'The mayor said that "the bridge will reopen in March after the repairs."',
        '"The bridge will reopen in March after the repairs," said the mayor, who spoke at city hall.',
        "''The bridge will reopen in March after the repairs,'' the mayor said.",
        "The mayor said: ''The bridge will reopen in March after the repairs.''",
    ],
)
def test_direct_quote_with_cue_before_or_after(nlp, text):
    st = only(nlp, text)
    assert st.kind == "direct"
    assert st.content.text.startswith(("The bridge", "the bridge"))
    assert '"' not in st.content.text and "“" not in st.content.text and "'" not in st.content.text
    assert st.speaker.mention.text.lower() == "the mayor"
    assert st.cue.text == "said"
    check_offsets(text, st)


def test_an_age_the_parse_hangs_on_the_verb_is_the_speaker(nlp):
    text = '"It is a dream come true," the 37-year-old said.'  # "old" parsed as the verb's modifier
    st = only(nlp, text)
    assert st.speaker.mention.text == "the 37-year-old"
    check_offsets(text, st)


def test_an_offices_of_and_a_names_of_stay_in_the_speaker(nlp):
    st = only(nlp, "Speaking in Denver, the former secretary of state told reporters the deal was sound.")
    assert st.speaker.mention.text == "the former secretary of state"
    st = only(nlp, "Turnout was up by a third, according to the Ashgrove Division of Elections.")
    assert st.speaker.mention.text == "the Ashgrove Division of Elections"


def test_a_participle_on_an_occasion_is_the_clause_subjects(nlp):
    text = ("At the hearing, Dana Quarrie questioned the witness for an hour, at one point accusing him of "
            "hiding the report.")
    found = {st.cue.text: st.speaker.mention.text for st in statements(nlp, text)}
    assert found["accusing"] == "Dana Quarrie"  # not "one point"


def test_a_speaker_after_the_cue_that_ends_the_sentence_is_the_speaker(nlp):
    st = only(nlp, "The new stadium will never pay for itself, say critics of the council.")
    assert st.speaker.mention.text == "critics"
    assert st.content.text == "The new stadium will never pay for itself"


def test_a_that_clause_the_parse_hangs_on_the_medium_is_the_content(nlp):
    st = only(nlp, "The BBC boss told staff in an email that freedom of expression was vital.")
    assert st.speaker.mention.text == "The BBC boss"
    assert st.content.text == "freedom of expression was vital"


def test_a_that_clause_the_parse_took_for_an_object_is_the_content(nlp):
    text = ("Mr Howard told the party's spring conference in Brighton that Labour had \"lost control\" "
            "of Britain's borders.")
    st = only(nlp, text)
    assert st.speaker.mention.text == "Mr Howard"
    assert st.content.text.endswith("Labour had \"lost control\" of Britain's borders")
    check_offsets(text, st)


def test_a_quote_the_parse_cut_short_stays_in_its_mixed_statement(nlp):
    text = 'Coach Paul Annacone said the 30-year-old was hitting the ball "as well as I have seen".'
    st = only(nlp, text)
    assert st.kind == "mixed"
    assert st.content.text.endswith('"as well as I have seen"')
    check_offsets(text, st)


def test_a_clause_subject_the_parse_took_for_the_object_starts_the_content(nlp):
    text = "The Conservatives claimed council tax had almost doubled since Labour came to power in 1997."
    st = only(nlp, text)
    assert st.content.text.startswith("council tax had almost doubled")
    check_offsets(text, st)


def test_a_but_joining_the_cue_to_a_second_cue_ends_no_content(nlp):
    text = ("His coach Paul Annacone said the defeat was a setback but insisted his player could still win "
            "a Grand Slam title.")
    contents = [st.content.text for st in statements(nlp, text)]
    assert "the defeat was a setback" in contents, contents


@pytest.mark.parametrize("headline", ["Net firms urged to block child abuse sites",
                                      "Blair told to quit over Iraq"])
def test_a_headline_whose_subject_is_urged_has_no_statement_of_the_subject(nlp, headline):
    text = headline + "\n\nThe government said on Monday that it would publish its plans soon."
    assert all(st.content.start > len(headline) for st in statements(nlp, text))


def test_a_clause_beside_a_nominal_complement_is_the_content(nlp):
    text = ("Its director, Shami Chakrabarti, told BBC Radio 4's Today programme the cards would not stop "
            "terrorism.")
    st = only(nlp, text)
    assert st.content.text == "the cards would not stop terrorism"


def test_a_clause_the_parse_split_at_an_aside_is_one_content(nlp):
    text = 'He said the government\'s own plans, to be published next week, would be "firm but fair".'
    st = only(nlp, text)
    assert st.content.text == text[len("He said ") : -1]
    check_offsets(text, st)


def test_the_mark_ending_a_name_is_never_the_speaker(nlp):
    st = only(nlp, "Consumer watchdog Which? said many customers were getting slower speeds.")
    assert st.speaker.mention.text not in ("?", "")


def test_the_person_a_bodys_name_owns_is_the_speaker(nlp):
    st = only(nlp, "The Commission for Racial Equality's Trevor Phillips said the debate was vital.")
    assert st.speaker.mention.text.endswith("Trevor Phillips")


def test_quote_over_several_sentences_is_one_statement(nlp):
    text = (
        '"We lost the vote. We will try again next year. Nobody should give up," Ms. Rivera told reporters.'
    )
    st = only(nlp, text)
    assert st.kind == "direct"
    assert st.content.text.startswith("We lost the vote.") and "give up" in st.content.text
    assert st.speaker.mention.text == "Ms. Rivera"
    assert st.cue.text == "told"


def test_second_quote_after_attribution_keeps_the_speaker(nlp):
    text = '"The plant will close in June," the company said. "About 300 workers will be offered new jobs."'
    found = statements(nlp, text)
    assert [s.kind for s in found] == ["direct", "direct"]
    assert all(s.speaker.mention.text == "the company" for s in found)


def test_quote_reopened_in_next_paragraph_continues(nlp):
    text = (
        "“The harvest was the worst in a decade,” the farmer said. “We planted the corn twice this spring.\n"
        "“Then the river flooded the lower fields and we lost everything there.”"
    )
    found = statements(nlp, text)
    assert len(found) == 3
    assert found[-1].content.text.startswith("Then the river")
    assert found[-1].speaker.mention.text == "the farmer"


@pytest.mark.parametrize(
    "text",
    [
        '"We are grateful for all he has done," said chairman Peter Hall, "and we wish him well."',
        "“Nobody here expected the flood,” the mayor said on Monday, “but we were ready for it.”",
        '"We are grateful for all he has done", said Mr. Hall, "and we wish him well."',
    ],
)
def test_a_sentence_broken_by_its_attribution_is_one_statement(nlp, text):
    st = only(nlp, text)
    assert st.kind == "direct"
    assert st.content.text.startswith("We are grateful") or st.content.text.startswith("Nobody")
    assert st.content.text.endswith("well.") or st.content.text.endswith("for it.")
    check_offsets(text, st)


def test_two_sentences_around_an_attribution_stay_two_statements(nlp):
    text = '"The plant will close," said Ann Lee, a spokeswoman. "Workers will be offered new jobs."'
    assert [s.kind for s in statements(nlp, text)] == ["direct", "direct"]


def test_joined_quote_runs_make_one_statement_of_an_attribution(nlp):
    text = ('"The plant will close in May," said Ann Lee, a spokeswoman. "Workers will be offered new jobs."'
            ' Tom Reed, a union leader, said the offer was too small.')
    first, second = extract_statements(nlp(text), join_quote_runs=True)
    assert first.kind == "direct"
    assert first.content.start == text.index("The plant")
    assert first.content.end == text.index(' Tom Reed') - 1
    check_offsets(text, first)
    assert second.speaker.mention.text == "Tom Reed"


def test_joined_quote_runs_keep_a_second_verb_apart(nlp):
    text = ('"The plant will close in May," said Ann Lee, a spokeswoman, adding: "Workers will be offered'
            ' new jobs."')
    assert len(extract_statements(nlp(text), join_quote_runs=True)) == 2


def test_a_quoted_word_at_the_end_of_reported_speech_makes_it_mixed_and_whole(nlp):
    text = 'The manager told reporters he was "disappointed" but understood the decision.'
    st = next(s for s in statements(nlp, text) if "disappointed" in s.content.text)
    assert st.kind == "mixed"
    assert st.content.text == 'he was "disappointed"'
    check_offsets(text, st)


@pytest.mark.parametrize("that", ["", "that "])
def test_what_is_told_to_a_named_programme_is_the_content_not_the_programme(nlp, that):
    text = f"The minister told BBC Radio 4's Today programme {that}the country had built too few homes."
    st = only(nlp, text)
    assert st.content.text == "the country had built too few homes"
    assert st.speaker.mention.text == "The minister"


def test_a_paragraph_that_is_only_a_quote_continues_the_speaker_before_it(nlp):
    text = (
        '"The new rules will cut waiting times," the health minister said.\n\n'
        '"Patients will see a doctor within two days."\n\n'
        "The opposition said the plans were unfunded."
    )
    found = statements(nlp, text)
    second = next(s for s in found if s.content.text.startswith("Patients"))
    assert second.kind == "direct"
    assert second.speaker.mention.text == "the health minister"
    check_offsets(text, second)


def test_a_quote_paragraph_after_a_reported_paragraph_takes_no_speaker_from_it(nlp):
    text = (
        "The minister said the rules would cut waiting times.\n\n"
        '"Patients will see a doctor within two days."'
    )
    assert not any(s.content.text.startswith("Patients") and s.speaker for s in statements(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        '"This quote never closes, the senator said on Tuesday.',
        'He said "one" and then "two and three and four',
        '"" "" " " “ ” ” “',
        '"',
    ],
)
def test_unbalanced_quotes_never_crash(nlp, text):
    for st in statements(nlp, text):
        check_offsets(text, st)


@pytest.mark.parametrize(
    ("text", "speaker", "content_start"),
    [
        ("The minister said that the border would stay closed until spring.", "The minister", "the border"),
        (
            "The border will stay closed until spring, the minister said on Monday.",
            "the minister",
            "The border",
        ),
        (
            "The minister told reporters the border would stay closed until spring.",
            "The minister",
            "the border",
        ),
        (
            "The ministry denied that its troops had crossed the border last week.",
            "The ministry",
            "its troops",
        ),
        (
            "According to the ministry, the border will stay closed until spring.",
            "the ministry",
            "the border",
        ),
        ("The union warned that the strike could last for several weeks.", "The union", "the strike"),
        ("The coach insisted his players had done nothing wrong.", "The coach", "his players"),
        ("The new bridge, the mayor said, would cost more than it saves.", "the mayor", "The new bridge"),
    ],
)
def test_indirect_speech(nlp, text, speaker, content_start):
    st = only(nlp, text)
    assert st.kind == "indirect"
    assert st.speaker.mention.text == speaker
    assert st.content.text.startswith(content_start)
    check_offsets(text, st)


def test_mixed_quote_holds_a_quoted_fragment(nlp):
    text = 'The general said his forces would "respond without delay" to any attack on the base.'
    st = only(nlp, text)
    assert st.kind == "mixed"
    assert st.content.text.startswith("his forces would")
    assert "respond without delay" in st.content.text


def test_attributed_belief(nlp):
    st = only(nlp, "The governor believes that the new tax will drive families out of the state.")
    assert st.content.text.startswith("the new tax")
    assert st.speaker.mention.text == "The governor"


def test_cue_clause_inside_its_content_keeps_the_words_around_it(nlp):
    text = "The new bridge, the mayor said, would cost more than it saves."
    st = only(nlp, text)
    assert st.content.text.endswith("more than it saves.")
    assert st.cue.text == "said"


def test_a_possessive_speaker_of_a_noun_states_its_clause(nlp):
    text = "The senator's claim that the tax cut would pay for itself drew sharp criticism from economists."
    st = only(nlp, text)
    assert st.speaker.mention.text == "The senator's"
    assert st.content.text == "the tax cut would pay for itself"
    assert st.cue.text == "claim"
    check_offsets(text, st)


def test_two_speakers_in_one_sentence_are_two_statements(nlp):
    text = "The company said the plant met every rule, while the inspectors insisted the filters had failed."
    found = statements(nlp, text)
    by_speaker = {s.speaker.mention.text: s.content.text for s in found}
    assert by_speaker["The company"] == "the plant met every rule"
    assert by_speaker["the inspectors"] == "the filters had failed"


def test_pronoun_mention_is_kept_for_resolution(nlp):
    text = "Maria Lopez spoke at the rally. She said the campaign had raised more money than expected."
    st = only(nlp, text)
    assert st.speaker.mention.text == "She"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Lopez: City budget will not cover the new stadium\nThe council met on Monday.",
            "Lopez",
            "City budget will not cover the new stadium",
        ),
        (
            "City budget will not cover the new stadium, says Lopez\nThe council met on Monday.",
            "Lopez",
            "City budget will not cover the new stadium",
        ),
        (  # a group, in lower case, after a quote that is no source's
            "Ban on hunting 'unworkable', say police\nThe council met on Monday.",
            "police",
            "Ban on hunting 'unworkable'",
        ),
        (  # a name and the noun of its organisation
            "Sale of oil unit 'illegal', says US court\nThe council met on Monday.",
            "US court",
            "Sale of oil unit 'illegal'",
        ),
        (  # a plural of a people noun
            "Smoking ban 'unworkable', say pub bosses\nThe council met on Monday.",
            "pub bosses",
            "Smoking ban 'unworkable'",
        ),
        (  # a document as the source, the quote inside the content kept whole
            'Asbos "not working", says report\nThe council met on Monday.',
            "report",
            'Asbos "not working"',
        ),
        (  # a body named by its noun
            "Drink laws will fuel violence, says watchdog\nThe council met on Monday.",
            "watchdog",
            "Drink laws will fuel violence",
        ),
    ],
)
def test_headline_attribution(nlp, text, speaker, content):
    found = [s for s in statements(nlp, text) if s.kind == "headline"]
    assert len(found) == 1
    assert found[0].speaker.mention.text == speaker
    assert found[0].content.text == content


@pytest.mark.parametrize(
    ("headline", "speaker", "content"),
    [
        ("Tories 'would scrap ID cards'", "Tories", "would scrap ID cards"),
        ("Kennedy ‘confident’ of poll gains", "Kennedy", "confident’ of poll gains"),
    ],
)
def test_a_headline_quoting_its_source_without_a_verb_is_its_statement(nlp, headline, speaker, content):
    found = [s for s in statements(nlp, headline + "\n\nThe party met on Monday.") if s.kind == "headline"]
    assert [(s.speaker.mention.text, s.content.text) for s in found] == [(speaker, content)]


@pytest.mark.parametrize("headline", ["Trump Slams ‘Crooked’ Rival In Speech", "Oil prices 'to stay high'",
                                      "Mayor hails 'perfect' parade", "Lopez' 'endorsement' for some"])
def test_a_title_case_epithet_or_a_quote_after_no_source_is_no_headline_statement(nlp, headline):
    assert not [s for s in statements(nlp, headline + "\n\nThe party met on Monday.") if s.kind == "headline"]


@pytest.mark.parametrize("label", ["The Latest", "Breaking", "EXCLUSIVE REPORT"])
def test_a_label_before_a_headline_colon_is_not_the_speaker(nlp, label):
    text = f"{label}: Mayor Lopez urges residents to save water\n\nThe council met on Monday."
    found = [s for s in statements(nlp, text) if s.content.start < text.index("\n")]
    assert found and all(s.speaker.mention.text in ("Mayor Lopez", "Lopez") for s in found)


def test_signed_quote_and_transcript_turn(nlp):
    text = (
        "“The schools need more teachers, not more tests.” ― Ana Ruiz\n\n"
        '"HOST: Welcome back to the program, everyone, and thanks for joining us."'
    )
    found = statements(nlp, text)
    assert [s.speaker.mention.text for s in found] == ["Ana Ruiz", "HOST"]


def test_a_short_answer_a_colon_introduces_is_a_statement(nlp):
    text = 'Asked whether he would resign, Mr Blunkett replied: "Absolutely not."'
    found = statements(nlp, text)
    assert [(s.cue.text, s.speaker.mention.text, s.content.text) for s in found] == [
        ("replied", "Mr Blunkett", "Absolutely not.")]


def test_the_question_a_speaker_was_asked_is_not_their_statement(nlp):
    text = ('BBC to cut jobs\n\nAsked whether the cuts would affect programmes, Mr Thompson said: "No. '
            'Quality is our priority."')
    found = statements(nlp, text)  # "Asked" opening the sentence, tagged a past tense
    assert [s.cue.text for s in found] == ["said"]


def test_a_short_quote_after_a_colon_with_no_cue_before_is_no_statement(nlp):
    assert statements(nlp, 'Her verdict: "Not guilty."') == []


@pytest.mark.parametrize("text", [
    'Ryan said on "Midday with Charlie Sykes" that the images have no place in a campaign.',
    "In an interview with CNN\u2019s \u201cThe Lead with Jake Tapper,\u201d on June 3, Trump went on.",
])
def test_a_quoted_title_after_on_or_a_possessive_is_no_statement(nlp, text):
    assert all(s.kind != "direct" for s in statements(nlp, text))


def test_a_quote_in_title_case_that_is_said_stays_a_statement(nlp):
    found = statements(nlp, 'He said on Monday: "We Will Win." The crowd chanted "Lock Her Up Now" loudly.')
    assert [s.content.text for s in found] == ["We Will Win.", "Lock Her Up Now"]


def test_short_scare_quotes_are_not_statements(nlp):
    assert statements(nlp, 'The so-called "reform" passed the house on a Tuesday night.') == []


def test_find_quotes_treats_marks_by_context():
    text = 'A 12" pipe. ”Backwards mark opens,” she said, and “nested “scare” words” close.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "Backwards mark opens,",
        "nested “scare” words",
    ]


def test_find_quotes_reads_doubled_apostrophes_as_quotation_marks():
    text = "''We will appeal the ruling,'' she said, calling it ''a mistake.''\nThe candidates' plans differ."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["We will appeal the ruling,", "a mistake."]
    outer = [text[q.outer_start : q.outer_end] for q in quotes]
    assert outer == ["''We will appeal the ruling,''", "''a mistake.''"]


def test_skip_spans_drop_repeated_statements(nlp):
    from saidwhat.records import Span

    body = "The mayor said the bridge would reopen in March after the repairs.\n"
    text = body + body
    doc = nlp(text)
    kept = extract_statements(doc, skip=[Span.of(text, len(body), len(text))])
    assert len(kept) == 1 and kept[0].content.start < len(body)


def test_participle_inside_a_reported_clause_belongs_to_the_speaker(nlp):
    text = (
        'The minister said the army should "work with every country that fights the rebels," '
        "specifically mentioning the need to share flight plans with the neighbours."
    )
    found = {s.cue.text: s for s in statements(nlp, text)}
    assert "mentioning" in found
    assert found["mentioning"].speaker.mention.text == "The minister"


def test_a_participle_inside_the_subject_of_the_content_stays_in_it(nlp):
    text = "The senator said the acceptance of gifts from people seeking favours was a form of bribery."
    st = only(nlp, text)
    assert st.content.text.startswith("the acceptance of gifts")
    assert st.content.text.endswith("a form of bribery")
    check_offsets(text, st)


def test_a_headline_without_full_stop_does_not_swallow_the_first_sentence(nlp):
    text = ("Council vows to rebuild the old bridge\n\n"
            "Mayor Anna Lindqvist has said the bridge will reopen in March after the repairs.")
    doc = nlp(text)
    body = text.index("Mayor")
    assert doc.char_span(body, body + 5).sent.start_char == body
    contents = [s.content.text for s in extract_statements(doc)]
    assert "the bridge will reopen in March after the repairs" in contents


@pytest.mark.parametrize("text, content", [
    ("According to the Coastal Observatory for Marine Safety, a Norway-based monitoring group, more "
     "than 40 boats have sunk since Sunday.", "more than 40 boats have sunk since Sunday."),
    ("According to the Institute for Fiscal Studies, an independent think tank, the average family "
     "will pay 500 pounds more a year.", "the average family will pay 500 pounds more a year."),
    ("According to the report, last year, the deficit grew.", "last year, the deficit grew."),
    ("According to the report, in 2015, the deficit grew.", "in 2015, the deficit grew."),
])
def test_according_to_leaves_the_sources_apposition_out_of_the_content(nlp, text, content):
    st = next(s for s in statements(nlp, text) if s.cue and s.cue.text == "According to")
    assert st.content.text == content


@pytest.mark.parametrize("text, content", [
    ("The senator said he opposes the new curriculum because the standards don't recognize what "
     "each pupil needs.", "he opposes the new curriculum because the standards don't recognize what each "
     "pupil needs"),
    ("The governor says the mayor is acting unlawfully and showing disregard for the courts with his "
     "decree.", "the mayor is acting unlawfully and showing disregard for the courts with his decree"),
])
def test_a_clause_of_cause_or_a_joined_progressive_stays_in_the_content(nlp, text, content):
    assert [s.content.text for s in statements(nlp, text)][0] == content


def test_a_pushback_on_a_named_claim_is_a_statement_unless_a_participle_says_it(nlp):
    found = statements(nlp, "The mayor's aides have vigorously denied the fraud claims.")
    assert [(s.cue.text, s.content.text) for s in found] == [("have vigorously denied", "the fraud claims")]
    found = statements(nlp, "The minister dismissed the mayor's statements saying the council must pay.")
    assert [(s.cue.text, s.content.text) for s in found] == [("saying", "the council must pay")]


def test_in_a_poll_the_poll_is_the_source_of_the_clause(nlp):
    found = statements(nlp, "In a Gazette poll released Monday, 55 percent of voters backed the repairs.")
    assert [(s.cue.text, s.speaker.mention.text, s.content.text) for s in found] == [
        ("In", "a Gazette poll", "55 percent of voters backed the repairs.")]
    found = statements(nlp, "In a report released Monday, the agency said the deficit grew.")
    assert [(s.cue.text, s.content.text) for s in found] == [("said", "the deficit grew")]


def test_a_speaker_mention_stops_before_a_bracketed_acronym(nlp):
    text = ("The region is closer to a drought than at any time since 1976, the World Water Organization "
            "(WWO) has warned.")
    assert statements(nlp, text)[0].speaker.mention.text == "the World Water Organization"


@pytest.mark.parametrize("text, contents", [
    ('The rally went on.\n\n"Is that all there is?" the mayor said. "We need a new council -- FAST!"\n',
     ["Is that all there is?", "We need a new council -- FAST!"]),
    ("The rally went on.\n\n\u201cWho do they think they are?\u201d the mayor said on Friday.\n",
     ["Who do they think they are?"]),
])
def test_a_question_or_exclamation_is_attributed_by_the_sentence_after_it(nlp, text, contents):
    found = statements(nlp, text)
    assert [(s.content.text, s.speaker.mention.text) for s in found] == [(c, "the mayor") for c in contents]


def test_a_short_quote_opening_its_sentence_is_a_statement_but_a_scare_quote_is_not(nlp):
    found = statements(nlp, 'Was she satisfied?\n\n"To a point," she said. "The plan just drifted away."\n')
    direct = [s.content.text for s in found if s.kind == "direct"]
    assert direct == ["To a point", "The plan just drifted away."]
    found = statements(nlp, 'She called them "vandals," the mayor said.\n')
    assert all(s.kind != "direct" for s in found)


def test_a_doubled_apostrophe_after_a_space_closes_the_quote():
    text = "''The reason she won is that she built strong coalitions, '' said Mr. Hale, an aide."
    assert [(q.start, q.end) for q in find_quotes(text)] == [(2, text.index("''", 2))]


def test_a_speaker_between_a_quote_and_its_cue_speaks_when_the_parse_took_the_quote_for_subject(nlp):
    text = ("He vowed to make the council pay for a wall.\n\n\u201cWe were tremendously wrong to not have "
            "confronted him from the beginning,\u201d Ramos, 58, told AFP in an interview on Monday.\n")
    found = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert [s.speaker.mention.text for s in found] == ["Ramos"]


def test_a_parenthetical_cue_is_said_by_its_own_subject(nlp):
    text = "Savers, Warren suggested, don’t need to fear that the banks will fail them."
    found = [s for s in statements(nlp, text) if s.cue and s.cue.text == "suggested"]
    assert found and found[0].speaker.mention.text == "Warren"  # parsed with two subjects


def test_a_name_right_after_the_cue_is_its_subject_over_a_misparsed_one(nlp):
    from saidwhat.extraction import subject_of

    doc = nlp('The approval of the treaty signals "a new chapter" for Europe, said Jan Vos, leader of the '
              "Farmers Party.")
    said = next(t for t in doc if t.lower_ == "said")
    assert subject_of(said).text == "Vos"


def test_the_agent_of_a_passive_cue_speaks(nlp):
    text = "Debate.\n\nThe mayor was asked by the host, Ana Ruiz, whether the plan would cost too much.\n"
    found = statements(nlp, text)
    assert [(s.content.text, s.speaker.mention.text) for s in found] == [
        ("the plan would cost too much", "the host")]


def test_a_possessive_pronoun_keeps_its_place_when_the_subject_cannot_be_its_antecedent(nlp):
    from saidwhat.extraction import possessor_named_as_subject

    doc = nlp("The hospital board ignored their demand that the hospital hire more staff before winter.")
    demand = next(t for t in doc if t.text == "demand")
    their = next(t for t in doc if t.text == "their")
    assert possessor_named_as_subject(their, demand) is None  # a board is an "it", not a "they"
    doc = nlp("The nurses renewed their demand that the hospital hire more staff.")
    demand = next(t for t in doc if t.text == "demand")
    their = next(t for t in doc if t.text == "their")
    assert possessor_named_as_subject(their, demand).text == "nurses"


def test_a_cue_set_off_by_as_says_the_clause_it_comments(nlp):
    text = "As The Atlantic recently noted, trust in government is at a historic low."
    st = only(nlp, text)
    assert st.speaker.mention.text == "The Atlantic"
    assert st.content.text.startswith("trust in government is at a historic low")
    check_offsets(text, st)
    assert statements(nlp, "As the storm approached, residents left the coast.") == []


def test_a_verb_after_a_quote_takes_no_subject_from_inside_it(nlp):
    text = ("The senator emailed supporters saying: “The struggle continues” and vowing to compete in the "
            "final primary next week.")
    vowing = next(s for s in statements(nlp, text) if s.cue.text == "vowing")
    assert vowing.speaker.mention.text == "The senator"
    assert vowing.content.text == "to compete in the final primary next week"


def test_a_subject_that_names_no_speaker_is_classed_apart_for_the_model(nlp):
    from saidwhat.extraction import speaker_class

    doc = nlp("The struggle continues, the senator said on Saturday, and the campaign and its report agreed.")
    expected = {
        "struggle": "other",
        "senator": "people",
        "Saturday": "number",
        "campaign": "organisation",
        "report": "document",
    }
    assert {t.text: speaker_class(t) for t in doc if t.text in expected} == expected


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a possessive pronoun speaks through its clause's agreeing subject
        ("The nurses renewed their demand that the hospital hire more staff before winter.", "The nurses",
         "the hospital hire more staff before winter"),
        ("Latino Republicans were harsh in their criticism of the governor's plan.", "Latino Republicans",
         "the governor's plan"),
        # the source a quote and its attribution are reported by
        ("“We will not close the plant this year,” the manager said, according to the local paper.",
         "the local paper", "We will not close the plant this year"),
        # a document speaking through "that" is its maker's
        ("Sen. Rand Paul has released a Web video that accuses Cruz of being welcoming to Syrian refugees.",
         "Sen. Rand Paul", "Cruz of being welcoming to Syrian refugees"),
        # an attribution set off inside a clause
        ("The agency, the senator said, called the report a fraud.", "the senator",
         "called the report a fraud"),
        # the share counted answers the poll
        ("In a survey released last Thursday, 79 percent of voters said they were satisfied with the mayor.",
         "a survey", "79 percent of voters said they were satisfied"),
        ("In a report released Monday, the agency said the river was clean.", "the agency",
         "the river was clean"),
        # a time before the cue is no speaker; a name in apposition may be
        ('Saturday at the state party convention Sen. Maria Lopez said: "The new tax plan will fail the '
         'families who need help most."', "Sen. Maria Lopez", "The new tax plan will fail"),
    ],
)
def test_the_speaker_mention_names_the_source_not_a_word_of_another_clause(nlp, text, speaker, content):
    st = only(nlp, text)
    assert st.speaker.mention.text == speaker
    assert content in st.content.text
    check_offsets(text, st)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a second clause whose subject the parse made a conjunct of the first clause's object
        ('If you doubt the government, the Washington Post will brand you a liar and NBC News will '
         'accuse you of engaging in a "freak out."', "will accuse", "NBC News"),
        ("Over the past two weeks, prosecutors charged the officer with murder and the mayor fired his "
         "police chief, acknowledging that the city had lost trust in the force.", "acknowledging",
         "the mayor"),
        # "would pull out ..., and blamed": a past tense cannot share "would", so Putin blames
        ("Mr. Putin backpedaled on his prediction that Russia would pull out of its slump within two "
         "years, and blamed the tumble in oil prices.", "blamed", "Mr. Putin"),
    ],
)
def test_a_coordinated_clause_is_said_by_its_own_subject(nlp, text, cue, speaker):
    st = next(s for s in statements(nlp, text) if s.cue.text == cue)
    assert st.speaker.mention.text == speaker
    check_offsets(text, st)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("“I think one has to ask whether this is a priority for the two of them,” O’Malley said at a "
         "press conference, according to the Las Vegas Sun.", "the Las Vegas Sun",
         "I think one has to ask whether this is a priority"),
        ('When asked how the ban would affect the new mayor, Trump said: "There will always be '
         'exceptions," the Times reported.', "the Times", "There will always be exceptions"),
        ("During the investigation, Manafort acknowledged that the work he performed could be termed "
         '"influence peddling," The Washington Post reported in 1991.', "The Washington Post",
         "the work he performed could be termed"),
        ("Mr Blair said the report had cleared the government of wrongdoing, reported the Guardian.",
         "the Guardian", "the report had cleared the government of wrongdoing"),
    ],
)
def test_an_attribution_a_source_reports_is_the_sources_statement(nlp, text, speaker, content):
    found = statements(nlp, text)
    st = next(s for s in found if content in s.content.text)
    assert st.speaker.mention.text == speaker
    assert "reported" not in st.content.text and "according" not in st.content.text
    assert not any(s.content.text.startswith("O’Malley said") for s in found)
    check_offsets(text, st)


def test_the_quotes_that_go_on_after_a_reported_attribution_are_the_sources_too(nlp):
    text = ('"I will be voting on March 1," Welch said, according to Vermont Edition. "And I have decided '
            'to vote for Bernie Sanders."')
    found = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert len(found) == 2
    assert all(s.speaker.mention.text == "Vermont Edition" for s in found)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('When Trump suggested that Cuba would sue the United States, Rubio fired back forcefully: "If '
         'they sue us in a court in Miami, they are going to lose."', "Rubio", "fired"),
        ('"It is unconstitutional at this point," said Stephen Loomis, the union president. Kasich '
         'resisted: "Ohio governors do not have the power to suspend constitutional rights."', "Kasich",
         "resisted"),
        ('Asked which county was his favourite, the prime minister demurred: "Whichever one I am in at the '
         'moment."', "the prime minister", "demurred"),
        ('Mr Blair told reporters the inquiry had been fair. Lord Butler took a different view: "The '
         'evidence was thinner than the dossier suggested."', "Lord Butler", "took"),
        # a relative clause hung on the claim's verb has a speaker of its own
        ('She said that inspectors had found her schools were safe and well run, to which Mr Hale '
         'interjected: "That is just not true."', "Mr Hale", "interjected"),
    ],
)
def test_a_quote_after_a_colon_is_said_by_the_subject_of_the_clause_before_it(nlp, text, speaker, cue):
    st = next(s for s in statements(nlp, text) if s.kind == "direct" and s.content.start > text.index(":"))
    assert st.speaker.mention.text == speaker
    assert st.cue.text == cue
    check_offsets(text, st)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Pollsters agree - Carl Bialik: "One of the biggest lessons was a simple one: keep on contacting '
         'voters as late as possible."', "Carl Bialik"),
        ("THE POLLS WERE NOT WRONG, JUST TOO EARLY – Mark Blumenthal and Jon Cohen: “Although the polls "
         "failed to predict the result, it is not because they were dead wrong.”",
         "Mark Blumenthal and Jon Cohen"),
    ],
)
def test_a_quote_labelled_with_its_source_after_a_dash_is_the_sources(nlp, text, speaker):
    st = next(s for s in statements(nlp, text) if s.kind == "direct")
    assert st.speaker.mention.text == speaker
    check_offsets(text, st)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot '
         'back, "I suppose I could have chosen to bake cookies and have teas, but I chose to fulfil my '
         'profession."', "Hillary"),
        ('When the shadow chancellor accused him of hiding the figures, the Chancellor hit back, "Every '
         'number in this Budget has been checked by the independent forecasters."', "the Chancellor"),
    ],
)
def test_a_quote_after_a_clause_of_time_is_said_by_the_main_clause(nlp, text, speaker):
    st = next(s for s in statements(nlp, text) if s.kind == "direct")
    assert st.speaker.mention.text == speaker
    check_offsets(text, st)


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Trump complained on Monday that the contest in Colorado had been rigged against him, a charge "
         "that Colorado Republican leaders strongly denied.", "a charge", "Colorado Republican leaders"),
        # with no "that", the parse makes the denial the main verb and the accusation its complement
        ("The US has accused Iran of seeking to build nuclear weapons, a charge Tehran denies.", "a charge",
         "Tehran"),
        ("In an interview with ABC News over the weekend, Clinton laughed off the attack ad.",
         "the attack ad", "Clinton"),
        ("The Clinton campaign pushed back against Mr. Sanders's attack on her qualifications.",
         "Mr. Sanders's attack on her qualifications", "The Clinton campaign"),
        ("Mr. Sanders took issue with recent criticism over his understanding of financial regulation.",
         "recent criticism over his understanding of financial regulation", "Mr. Sanders"),
    ],
)
def test_a_short_pushback_states_what_it_pushes_back_on(nlp, text, content, speaker):
    found = [s for s in statements(nlp, text) if s.content.text == content]
    assert len(found) == 1, [(s.cue.text if s.cue else None, s.content.text) for s in statements(nlp, text)]
    assert not [s for s in statements(nlp, text) if s.content.start < found[0].content.start < s.content.end]
    assert found[0].speaker.mention.text == speaker
    check_offsets(text, found[0])


@pytest.mark.parametrize(
    "text",
    [
        "The network published the full details of the allegations, which Mr. Ailes denies.",
        "Clinton proposed that the two candidates debate on ABC on April 15, but Sanders rejected that, too.",
        "Lewandowski grabbed her arm and pulled her down. Mr. Lewandowski has denied it.",
    ],
)
def test_a_pushback_whose_object_is_a_lone_pronoun_is_no_statement_of_its_own(nlp, text):
    pronouns = {"which", "that", "it"}
    assert not [s for s in statements(nlp, text) if s.content.text in pronouns]


def test_a_pushback_phrase_on_something_nobody_said_is_no_statement(nlp):
    assert statements(nlp, "Asked about the storm, the mayor laughed off the question.") == []


def test_a_pronoun_object_of_a_verb_that_pushes_back_on_nothing_is_no_statement(nlp):
    text = "The mayor said the bridge would reopen in May. The builders welcomed that."
    assert [s.content.text for s in statements(nlp, text)] == ["the bridge would reopen in May"]


def test_a_verb_tagging_a_quote_does_not_report_the_clause_before_it(nlp):
    text = ('Governor Ellen Ward weighed in as well, telling a radio host on Monday, "But gosh, they are '
            'both qualified," she said, adding, "The mayor is ready to lead."')
    found = statements(nlp, text)
    assert all(st.kind == "direct" for st in found), [(st.kind, st.content.text) for st in found]
    assert [st.content.text for st in found][:1] == ["But gosh, they are both qualified"]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Reached by the paper, Jones denied the notion that a staff shakeup is coming, explaining that"
            ' he was unaware of the interview because he was "taking a day off."',
            "explaining",
            "Jones",
        ),
        (
            "Republicans were quick to respond, with Senator Ann Hale tweeting that it was a"
            ' "disaster" for the mayor and asking, "How can someone with such poor judgment run this city?"',
            "asking",
            "Senator Ann Hale",
        ),
    ],
)
def test_a_speech_verb_joined_to_a_cues_content_clause_is_the_cues_speakers(nlp, text, cue, speaker):
    st = next(s for s in statements(nlp, text) if s.cue.text == cue)
    assert st.speaker.mention.text == speaker


@pytest.mark.parametrize("text, speaker, first, second", [
    ("The studio denied that the director had been sacked and said it had offered to delay the start "
     "of filming.", "The studio", "the director had been sacked",
     "it had offered to delay the start of filming"),
    ("Beijing said it was resolutely opposed to the test and warned Pyongyang to refrain from further "
     "actions.", "Beijing", "it was resolutely opposed to the test", "to refrain from further actions"),
])
def test_a_second_speech_verb_of_the_speaker_is_a_statement_of_its_own(nlp, text, speaker, first, second):
    found = statements(nlp, text)
    assert [s.content.text for s in found] == [first, second]
    assert {s.speaker.mention.text for s in found} == {speaker}


def test_a_condition_with_inverted_subject_is_no_statement_but_part_of_the_content(nlp):
    found = statements(nlp, 'The senator said on Friday that it would "have been cool" had the governor '
                            "congratulated him on the result.")
    assert [(s.speaker.mention.text, s.content.text) for s in found] == [
        ("The senator", 'it would "have been cool" had the governor congratulated him on the result')]


def test_a_cue_parsed_as_a_participle_in_a_sentence_without_a_verb_still_speaks(nlp):
    found = statements(nlp, "A tabloid newspaper reported on Saturday that the actor had been axed by "
                            "the show's new executive producer.")
    assert [(s.speaker.mention.text, s.cue.text) for s in found] == [("A tabloid newspaper", "reported")]
    assert found[0].content.text == "the actor had been axed by the show's new executive producer"


def test_a_for_clause_is_what_is_called_for(nlp):
    text = "The mayor also called for all council members to disclose their donors before the vote."
    st = only(nlp, text)
    assert st.speaker.mention.text == "The mayor"
    assert st.content.text.startswith("all council members to disclose")


def test_a_time_parsed_as_subject_gives_way_to_the_name_in_it(nlp):
    from spacy.tokens import Doc

    from saidwhat.extraction import subject_of

    words = ["Saturday", "at", "the", "fair", "Sen.", "Lopez", "said", "taxes", "would", "fall", "."]
    heads = [6, 0, 3, 1, 5, 3, 6, 9, 9, 6, 6]
    deps = ["nsubj", "prep", "det", "pobj", "compound", "appos", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["B-DATE", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert subject_of(doc[6]).text == "Lopez"


def test_a_source_and_its_camp_before_a_headline_colon_speaks(nlp):
    text = "Lopez camp: Rival's plan threatens the farms.\n\nThe campaign said the plan would cut subsidies."
    st = statements(nlp, text)[0]
    assert st.kind == "headline"
    assert st.speaker.mention.text == "Lopez camp"
    assert st.content.text.startswith("Rival's plan")


def test_a_speakers_mention_ends_before_its_cue(nlp):
    text = ("Jenkins further alleges that he was dismissed for taking leave to serve his reserve duties,"
            " a claim that the mayor's office strongly disputes.")
    st = next(s for s in statements(nlp, text) if s.cue.text == "alleges")
    assert st.speaker.mention.text == "Jenkins"


def test_a_name_right_after_a_quote_speaks_through_a_long_apposition(nlp):
    text = ("“Great senator, great senator this woman,” Smith, the Democratic front-runner statewide and"
            " current polling leader in Ohio by a large margin after winning the Iowa caucuses, said when"
            " Jones asked him about her.")
    st = next(s for s in statements(nlp, text) if s.kind == "direct")
    assert st.cue.text == "said"
    assert st.speaker.mention.text == "Smith"


def test_a_quote_on_the_cue_of_the_quote_before_takes_its_speaker(nlp):
    from saidwhat.extraction import Found, cue_span, speaker_of_same_cue

    doc = nlp('"We were rivals," Berg said of them. "We argued all day."')
    said = next(t for t in doc if t.text == "said")
    before = Found("direct", (1, 15), cue_span(said), (18, 22), 0.95, 0)
    assert speaker_of_same_cue([before], said) == (18, 22)
    other = next(t for t in doc if t.text == "argued")
    assert speaker_of_same_cue([before], other) is None


@pytest.mark.parametrize(
    "text",
    [
        'Lopez used this question to demand wealthy families "pay their fair share into the system."',
        "The senator used the hearing to demand that the agency release its records.",
    ],
)
def test_a_thing_as_object_does_not_speak_the_infinitive_after_it(nlp, text):
    st = next(s for s in statements(nlp, text) if s.cue.text == "to demand")
    assert st.speaker.mention.text in ("Lopez", "The senator")


@pytest.mark.parametrize(
    ("text", "content_start"),
    [
        ("As reported by the Daily Ledger, the mayor was warned about the flooding risk two years ago.",
         "the mayor was warned"),
        ("The council began drafting a new zoning plan last week, as first reported by the Daily Ledger on"
         " Tuesday.", "The council began"),
    ],
)
def test_as_reported_by_a_source_is_the_sources_statement(nlp, text, content_start):
    st = next(s for s in statements(nlp, text) if s.cue.text.lower().startswith("as"))
    assert st.speaker.mention.text == "the Daily Ledger"
    assert st.content.text.startswith(content_start)
    check_offsets(text, st)


def test_a_verb_split_at_its_hyphen_keeps_the_rest_of_the_clause(nlp):
    st = only(nlp, "A spokeswoman for the bank said the lender would co-operate fully with the review.")
    assert st.content.text.endswith("co-operate fully with the review")


def _reparsed(doc, changes: dict[int, tuple[int, str]]):
    """``doc`` with the heads and labels of some tokens changed: a parse the model makes of some
    texts, made here on a made-up one."""
    from spacy.tokens import Doc

    heads = [changes.get(t.i, (t.head.i, t.dep_))[0] for t in doc]
    deps = [changes.get(t.i, (t.head.i, t.dep_))[1] for t in doc]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               heads=heads, deps=deps, tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc],
               lemmas=[t.lemma_ for t in doc], ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "")
                                                     for t in doc])


def test_a_name_ending_the_content_is_not_the_source_set_off_after_it(nlp):
    text = "The Prince of Wessex is to marry his partner Helena Jones, Clarence House has announced."
    doc = nlp(text)
    i = {t.text: t.i for t in doc}
    # the parse some texts get: the partner's name the subject, the source its apposition
    doc = _reparsed(doc, {i["is"]: (i["announced"], "ccomp"), i["Jones"]: (i["announced"], "nsubj"),
                          i["House"]: (i["Jones"], "appos"), i["announced"]: (i["announced"], "ROOT")})
    found = [s for s in extract_statements(doc) if s.cue and s.cue.text == "has announced"]
    assert found and found[0].speaker.mention.text == "Clarence House"


def test_a_crossing_parse_keeps_the_whole_content_clause():
    # "the time ... when voters will choose" hangs on "time" across "is coming": spaCy walks such
    # a subtree out of text order, and the clause must still run from its first word to its last
    words = ["the", "time", "is", "coming", "when", "voters", "will", "choose"]
    doc = Doc(Vocab(), words=words, spaces=[True] * 7 + [False], heads=[1, 3, 3, 3, 7, 7, 7, 1],
              deps=["det", "nsubj", "aux", "ROOT", "advmod", "nsubj", "aux", "relcl"])
    assert subtree_span(doc[3]) == (0, len(doc.text))


@pytest.mark.parametrize(("text", "mention"), [
    ("One of Britain's most senior police officers has warned that longer opening hours will lead to more "
     "violence.", "One of Britain's most senior police officers"),
    ("Two of the nine law lords said the powers were lawful.", "Two of the nine law lords"),
    ("Some of the biggest firms in the country have said that they may move abroad.",
     "Some of the biggest firms in the country"),
])
def test_a_part_of_a_group_is_the_whole_mention(nlp, text, mention):
    found = statements(nlp, text)
    assert [s.speaker.mention.text for s in found] == [mention]


def test_a_name_with_of_inside_is_the_whole_mention(nlp):
    text = "Friends of the Earth said the government should launch an inquiry. Leaders of Iran said no."
    found = statements(nlp, text)
    assert [s.speaker.mention.text for s in found][:1] == ["Friends of the Earth"]


@pytest.mark.parametrize(("text", "outer", "claimant", "claim"), [
    ("Ministers have dismissed claims by an independent think tank that council tax bills in England will "
     "rise by an average of 8% next April.", "Ministers", "an independent think tank",
     "council tax bills in England will rise by an average of 8% next April"),
    ("Budget carrier Skyline Airways has denied claims by a union that it is cutting the number of cabin "
     "crew on its flights.", "Budget carrier Skyline Airways", "a union",
     "it is cutting the number of cabin crew on its flights"),
    ("England captain Michael Vaughan has dismissed claims by Glenn McGrath that Australia will win this "
     "summer.", "England captain Michael Vaughan", "Glenn McGrath", "Australia will win this summer"),
    ("The supermarket chain has rejected claims by farmers that it is squeezing suppliers to pay for its "
     "price cuts.", "The supermarket chain", "farmers",
     "it is squeezing suppliers to pay for its price cuts"),
])
def test_a_claim_by_someone_inside_a_pushback_is_a_statement_of_its_own(nlp, text, outer, claimant, claim):
    found = statements(nlp, text)
    by_speaker = {s.speaker.mention.text: s for s in found}
    assert set(by_speaker) == {outer, claimant}
    assert by_speaker[outer].content.text.startswith("claims by")
    assert by_speaker[claimant].content.text == claim
    assert by_speaker[claimant].cue.text == "claims by"
    for st in found:
        check_offsets(text, st)


@pytest.mark.parametrize("text", [
    "The minister dismissed claims by the group that he founded.",
    "The minister dismissed claims from last year that the plant was unsafe.",
])
def test_a_relative_clause_or_a_time_is_no_claimant(nlp, text):
    assert all(not (s.cue and s.cue.text.startswith("claims")) for s in statements(nlp, text))


@pytest.mark.parametrize(("text", "claimant", "claim"), [
    ("The engineering firm Harcourt Industries has denied union claims that it plans to cut more than 1,200 "
     "jobs at its plants.", "union", "it plans to cut more than 1,200 jobs at its plants"),
    ("The Treasury has rejected Conservative claims that Labour faces an £11bn black hole in the public "
     "finances.", "Conservative", "Labour faces an £11bn black hole in the public finances"),
])
def test_a_claimant_named_before_the_claim_noun_has_a_statement_of_its_own(nlp, text, claimant, claim):
    found = {s.speaker.mention.text: s for s in statements(nlp, text)}
    assert found[claimant].content.text == claim
    assert found[claimant].cue.text == "claims"


def test_a_claim_called_false_has_no_claimant(nlp):
    found = statements(nlp, "The senator dismissed false claims that he had lied about his record.")
    assert [s.speaker.mention.text for s in found] == ["The senator"]


def test_a_statement_before_an_aside_cue_is_its_speakers_own(nlp):
    text = ("In a memo released on Tuesday, campaign manager Robby Mook acknowledged the two candidates had "
            "split the first two contests, which is an outcome, he said, \"we've long anticipated.\"")
    by_cue = {s.cue.text: s for s in statements(nlp, text)}
    assert by_cue["acknowledged"].speaker.mention.text == "campaign manager Robby Mook"
    assert by_cue["acknowledged"].content.text.startswith("the two candidates had split")
    assert by_cue["said"].content.text == "we've long anticipated."
    for st in by_cue.values():
        check_offsets(text, st)


def test_that_said_opening_a_sentence_is_a_concession_not_a_statement(nlp):
    text = ("He is campaigning in Wisconsin and could split the vote. That said, Cruz cannot get enough "
            "delegates to win outright. \"That said, we will win,\" Cruz said.")
    found = statements(nlp, text)
    assert [(s.speaker.mention.text, s.content.text) for s in found] == [("Cruz", "That said, we will win")]


def test_a_clause_joined_to_the_object_by_and_stays_in_the_content(nlp):
    text = ("Bush decried the lack of details about where the U.S. might move these detainees and just how "
            "much it would cost.")
    (st,) = statements(nlp, text)
    assert st.content.text == text[len("Bush decried ") : -1]
    check_offsets(text, st)


def test_a_cue_right_before_a_quote_is_its_cue_whatever_subject_the_parse_gives_it(nlp):
    text = ("Tuesday on a radio show, while discussing a controversial tweet featuring an image of Hillary "
            "Clinton, money and a six-pointed star, Speaker of the House Rep. Paul Ryan (R-WI) said "
            "\u201canti-Semitic images, they\u2019ve got no place in a presidential campaign.\u201d")
    found = only(nlp, text)
    assert found.cue.text == "said"  # not "pointed" of "six-pointed", a participle describing a noun
    assert found.speaker.mention.text.endswith("Paul Ryan")


@pytest.mark.parametrize("text, content", [
    ("The mayor said he supports the new budget, which adds two hundred police officers next year.",
     "he supports the new budget"),
    ("In her speech the governor never mentioned Smith, who had criticised her plan for weeks.",
     "Smith"),
])
def test_a_relative_clause_set_off_at_the_end_of_the_content_is_not_said(nlp, text, content):
    found = [s for s in statements(nlp, text) if s.content.text.startswith(content.split()[0])]
    assert [s.content.text for s in found] == [content]
    check_offsets(text, found[0])


def test_an_apposition_summing_up_the_content_is_the_writers_not_the_speakers(nlp):
    text = ("Most superdelegates now support reforming the party\u2019s superdelegate system \u2014 a move "
            "that would dilute their own power in the nominating process.")
    (st,) = statements(nlp, text)
    assert st.content.text == "reforming the party\u2019s superdelegate system"
    kept = only(nlp, "The senator backed the rebels of the Free Syrian Army, a group that fights the regime.")
    assert kept.content.text.endswith("a group that fights the regime")


def test_a_relative_clause_inside_the_quoted_words_stays_in_the_content(nlp):
    text = 'The minister said the army should "work with all countries, which share an interest in peace."'
    found = only(nlp, text)
    assert found.content.text.startswith("the army") and "an interest in peace" in found.content.text


def test_a_question_quote_is_said_by_the_next_sentence_opening_with_its_attribution(nlp):
    text = ("\u201cWho do they think they are?\u201d the senator said of the company on Tuesday, when its "
            "lawyers refused to hand over the records that investigators had requested in two letters last "
            "spring.")
    found = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert [s.content.text for s in found] == ["Who do they think they are?"]
    assert found[0].cue.text == "said" and found[0].speaker.mention.text == "the senator"


def test_each_turn_of_a_broadcast_transcript_is_its_speakers_statement(nlp):
    text = ("The governor spoke to the network on Sunday.\n\n"
            "HARTLEY: Do you think the senator can unite the party?\n\n"
            "GOVERNOR MORALES: Well, I think the whole country needs to work together this year.\n\n"
            "HARTLEY: Thank you, governor.\n\n"
            "Clinton: 1,769.")
    turns = [s for s in statements(nlp, text) if s.cue.text == ":"]
    assert [(s.speaker.mention.text, s.content.text) for s in turns] == [
        ("HARTLEY", "Do you think the senator can unite the party?"),
        ("GOVERNOR MORALES", "Well, I think the whole country needs to work together this year."),
        ("HARTLEY", "Thank you, governor."),
    ]
    for s in turns:
        check_offsets(text, s)


def test_a_paragraph_opening_with_a_label_is_no_transcript_turn_when_no_speaker_takes_two(nlp):
    text = ("UPDATE: The senator spoke on Monday.\n\nWASHINGTON: Congress returned from its recess.\n\n"
            "Note: The vote was delayed.")
    assert not [s for s in statements(nlp, text) if s.cue.text == ":"]


def test_a_name_labelling_a_quote_after_another_speakers_quote_is_its_speaker(nlp):
    text = ('The rivals differ on the goal.\n\nClinton: "Our goal is not to contain the group but to defeat '
            'it." Bush: "The mission is to destroy the group, not to contain it."')
    found = [(s.speaker.mention.text, s.cue.text) for s in statements(nlp, text) if s.kind == "direct"]
    assert found == [("Clinton", ":"), ("Bush", ":")]


def test_a_clause_ending_in_a_colon_introduces_the_quote_of_the_next_paragraph_whatever_its_verb(nlp):
    text = ("The governor issued the following statement:\n\n"
            "\u201cOur prayers are with all those affected by the attack. This cannot go on.\u201d")
    (quote,) = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert quote.cue.text == "issued" and quote.speaker.mention.text == "The governor"


def test_whom_it_was_told_is_no_content_and_the_clause_before_is(nlp):
    text = "The campaign will fight on to the convention, his top aide, Tad Devine, told The Huffington Post."
    (st,) = statements(nlp, text)
    assert st.content.text == "The campaign will fight on to the convention"
    assert st.speaker.mention.text.startswith("his top aide")
    told = only(nlp, "She told reporters a long story about the war.")
    assert told.content.text == "a long story about the war"


def test_a_quoted_title_the_parse_makes_a_second_subject_is_not_the_speaker(nlp):
    text = "Harris, star of television\u2019s \u201cScandal,\u201d thanked the mayor for acting so quickly."
    found = only(nlp, text)
    assert found.speaker.mention.text == "Harris"


@pytest.mark.parametrize("whom", ["reporters", "his audience", "Britain\u2019s ITV television station"])
def test_a_question_quoted_before_x_told_someone_is_xs(nlp, whom):
    text = f"\u201cWill the deal hold?\u201d the senator told {whom} on Monday."
    st = only(nlp, text)
    assert st.kind == "direct" and st.content.text == "Will the deal hold?"
    assert st.speaker.mention.text == "the senator"
    check_offsets(text, st)


def test_a_that_clause_hung_on_a_noun_after_the_one_told_is_what_was_told(nlp):
    text = "In Honolulu, he told a meeting of island leaders that few people understood the stakes better."
    st = only(nlp, text)
    assert st.content.text == "few people understood the stakes better"
    check_offsets(text, st)


def test_a_clause_run_into_the_speaker_without_a_comma_is_not_what_they_say(nlp):
    text = ("Carson seems to recognize his problem on national security \u2014 he told the AP that his "
            "task is to prove he is tough.")
    st = next(s for s in statements(nlp, text) if s.cue.text == "told")
    assert st.content.text == "his task is to prove he is tough"
    check_offsets(text, st)


@pytest.mark.parametrize(
    "text, content",
    [
        ("Beyond the islands, it is his job, he said, to talk to Congress about the threat.",
         "Beyond the islands, it is his job, he said, to talk to Congress about the threat."),
        ("It is no surprise, Mr. Garin said, that Mrs. Clinton did better among older voters.",
         "It is no surprise, Mr. Garin said, that Mrs. Clinton did better among older voters"),
        ("Even then, he said, he\u2019s learned enough about Clinton that he can\u2019t support her.",
         "Even then, he said, he\u2019s learned enough about Clinton that he can\u2019t support her."),
    ],
)
def test_a_statement_runs_on_around_its_set_off_attribution(nlp, text, content):
    st = next(s for s in statements(nlp, text) if s.cue.text == "said")
    assert st.content.text.rstrip(".") == content.rstrip(".")
    check_offsets(text, st)


def test_an_attribution_after_a_but_clause_takes_the_whole_sentence(nlp):
    text = ("In nearby Decatur, the steel plant is hanging on, but it is under intense pressure from "
            "imports, said the company's chief executive, John Ferriola.")
    st = only(nlp, text)
    assert st.content.text.startswith("In nearby Decatur") and st.content.text.endswith("from imports")
    assert st.speaker.mention.text.startswith("the company's chief executive")


def test_a_name_right_after_the_cue_that_follows_a_question_is_the_speaker(nlp):
    text = ("\u201cWhat sport is he talking about? Is he profiling?\u201d responded Trump.\n\n"
            "The rally went on.")
    (st,) = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert st.content.text == "What sport is he talking about? Is he profiling?"
    assert st.speaker.mention.text == "Trump" and st.cue.text == "responded"


def test_a_named_poll_after_its_finding_is_the_source(nlp):
    text = "Kasich was at 25 percent support in the most recent Fox poll, up eight points from March."
    st = only(nlp, text)
    assert st.content.text == "Kasich was at 25 percent support"
    assert st.speaker.mention.text == "the most recent Fox poll"
    assert not statements(nlp, "Sanders has sagged in the polls since March.")


def test_a_quote_broken_by_a_less_common_speech_verb_is_one_statement(nlp):
    text = "\u201cThe way I see it,\u201d she elaborated, \u201cno one ever questioned his sacrifice.\u201d"
    st = only(nlp, text)
    assert st.kind == "direct" and st.cue.text == "elaborated" and st.speaker.mention.text == "she"
    assert st.content.text.startswith("The way I see it") and st.content.text.endswith("sacrifice.")


@pytest.mark.parametrize(
    "text, content",
    [
        ("A Monmouth poll showed Clinton with a healthy lead over Sanders in New York.",
         "Clinton with a healthy lead over Sanders in New York"),
        ("Polls show Clinton up by 10 points in New York.", "Clinton up by 10 points in New York"),
    ],
)
def test_what_a_poll_shows_of_its_object_is_part_of_the_content(nlp, text, content):
    assert only(nlp, text).content.text == content


def test_a_second_that_clause_is_more_of_what_was_said_even_with_a_cue_verb(nlp):
    text = "The mayor said the bridge would reopen in March and that she thinks the repairs are worth it."
    st = only(nlp, text)
    assert st.content.text == "the bridge would reopen in March and that she thinks the repairs are worth it"


def test_a_quote_opening_with_that_keeps_its_first_word(nlp):
    text = '"The bridge was closed for a year," the mayor said. "That makes no sense to anyone here."'
    assert [s.content.text for s in statements(nlp, text)] == [
        "The bridge was closed for a year", "That makes no sense to anyone here."]


def test_a_clause_opening_the_sentence_before_a_set_off_cue_is_part_of_the_content(nlp):
    text = ("After the court approved the state's identification law six years ago, Hebert said, most "
            "state laws requiring a photo ID were thought to be safe from challenge.")
    st = only(nlp, text)
    assert st.content.text == text and st.speaker.mention.text == "Hebert"


def test_words_the_parse_hung_on_a_trailing_cue_before_its_subject_stay_in_the_content(nlp):
    text = ("The Internet has also made it possible for people with like-minded, if bogus, ideas and "
            "theories to organize into communities and reach others, she said.")
    assert only(nlp, text).content.text == text[: text.index(", she said")]


@pytest.mark.parametrize("text, cue", [
    ("\u201cThis is fantastic!\u201d beamed Donald Hartley of Madison, Alabama, who snuck onto the floor.",
     "beamed"),
    ("The crowd was loud. \u201cLock her up,\u201d the delegates chanted as the speech went on.", "chanted"),
])
def test_the_verb_right_after_a_quote_opening_its_sentence_is_its_cue_whatever_the_verb(nlp, text, cue):
    st = only(nlp, text)
    assert st.kind == "direct" and st.cue.text == cue


def test_a_second_cue_the_parse_joined_to_a_clause_without_a_subject_speaks_for_the_first_speaker(nlp):
    text = ("Clark said Brooks had begun making calls to committee members - there are two from each of "
            "the state's nine districts, plus four statewide officials - but said the ultimate outcome "
            "was still up in the air.")
    second = statements(nlp, text)[-1]
    assert second.content.text == "the ultimate outcome was still up in the air"
    assert second.speaker.mention.text == "Clark"


def test_a_second_that_clause_joined_to_the_cue_is_more_of_what_was_said(nlp):
    text = ("Mr. Trump said that their father could be unyielding, and that Freddy had struggled with "
            "his criticism.")
    st = only(nlp, text)
    assert st.content.text == ("their father could be unyielding, and that Freddy had struggled with his "
                               "criticism")


def test_a_reason_the_parse_hung_on_the_cue_right_after_the_content_is_part_of_it(nlp):
    text = ("The AP said it did not include those meetings in its tally because, presumably, meetings "
            "with officials were part of the daily duties of any secretary of state.")
    assert only(nlp, text).content.text == text[len("The AP said ") : -1]


def test_a_set_off_cue_after_a_passive_clause_takes_the_sentence_around_it(nlp):
    text = ("But during roll call votes, states are called alphabetically, he noted, so it may already be "
            "clear who the nominee is.")
    st = only(nlp, text)
    assert st.cue.text == "noted" and st.content.text == text


def test_a_poll_opening_its_sentence_is_the_source_where_the_parse_found_no_verb(nlp):
    text = ("In an ABC News/Washington Post poll released Sunday, three of four Americans disapproved of "
            "the way Trump had handled the situation.")
    st = only(nlp, text)
    assert st.speaker.mention.text == "an ABC News/Washington Post poll"
    assert st.content.text.startswith("three of four Americans disapproved")


def test_a_when_clause_parsed_with_an_adverb_stays_in_the_content(nlp):
    text = ("Two congressmen asked the attorney whether Clinton committed perjury when she testified "
            "before a congressional committee.")
    assert only(nlp, text).content.text.endswith("when she testified before a congressional committee")


def test_a_negated_second_speech_verb_is_the_speakers_next_statement(nlp):
    text = ("He said that he would offer a prayer for the eventual nominee but did not suggest it would "
            "be Trump.")
    first, second = statements(nlp, text)
    assert first.content.text == "he would offer a prayer for the eventual nominee"
    assert second.cue.text == "did not suggest" and second.content.text == "it would be Trump"


@pytest.mark.parametrize("text, content, speaker", [
    # a name the parse apposed to the noun before it is the subject of the cue
    ("As a part of his plea, Marcel Lehel Lazar, 44, said that he victimized nearly 100 Americans "
     "from his home overseas.", "he victimized nearly 100 Americans from his home overseas",
     "Marcel Lehel Lazar"),
    # "according to" after a clause attributes that clause, whatever verb the parse hung it on
    ("The bureau is looking into whether the mayor broke the law, according to three sources who "
     "spoke to reporters but were not authorized to speak on the record.",
     "The bureau is looking into whether the mayor broke the law", "three sources"),
    # the "if" clause after the one asked is the question
    ("Scarborough also asked Clinton if Trump benefits from a kind of double standard.",
     "Trump benefits from a kind of double standard", "Scarborough"),
    # the parse hung the one called on what they were called
    ("Campaign spokesman Tom Hale responded on Facebook, calling Miller’s claim “silly” and “false.”",
     "Miller’s claim “silly” and “false.”", "Campaign spokesman Tom Hale"),
    # the parse hung the whole sentence before a final ", police said" on the cue as one clause
    ("As GOP front-runner John Kasich prepared to speak to supporters in Ohio on Tuesday, a 15-year-old "
     "girl outside the venue was pepper-sprayed by another bystander, police said.",
     "As GOP front-runner John Kasich prepared to speak to supporters in Ohio on Tuesday, a 15-year-old "
     "girl outside the venue was pepper-sprayed by another bystander", "police"),
])
def test_content_and_speaker_where_the_parse_misplaces_a_word(nlp, text, content, speaker):
    st = only(nlp, text)
    assert st.content.text == content
    assert st.speaker.mention.text == speaker


def test_a_sentence_final_cue_before_a_paragraph_break_attributes_the_sentence(nlp):
    text = ("Teen girl pepper-sprayed in scuffle outside Ohio Kasich rally.\n\n"
            "As GOP hopeful John Kasich prepared to speak to supporters in Ohio on Tuesday, a 15-year-old "
            "girl outside the venue was pepper-sprayed by another bystander, police said.\n\n"
            "Police said the girl was pepper-sprayed in the crowd by a non-law enforcement person.")
    first = statements(nlp, text)[0]
    assert first.content.text.startswith("As GOP hopeful John Kasich prepared to speak")
    assert first.speaker.mention.text == "police"


def test_a_short_line_with_no_full_stop_before_a_one_line_paragraph_is_a_sentence_of_its_own(nlp):
    headline = "Mayor Says He Would Close The Beaches Over Shark Fears"
    body = ("Mayor Tom Reilly said he would close the beaches over fears of more shark attacks, which "
            "have risen sharply this summer.")
    assert [s.text.strip() for s in nlp(headline + "\n" + body).sents][-1] == body
    wrapped = ("The committee said on Monday that the minister\nHoward had been warned about the backlog "
               "last year\nand that nothing was done.")
    assert len(list(nlp(wrapped).sents)) == 1  # wrapped text: a short line ends no sentence


def test_a_single_newline_after_a_full_stop_ends_the_sentence(nlp):
    # pages that break paragraphs with one newline: the parser would run the two together
    text = ("\u201cVote for me and we\u2019ll finally fix the roads,\u201d she said. \u201cTrust me.\u201d\n"
            "Moreno, in the wake of a new poll, told reporters that the mayor understands the need to do "
            "better.")
    told = next(s for s in statements(nlp, text) if s.speaker.mention.text == "Moreno")
    assert told.cue.text == "told"
    assert told.content.text == "the mayor understands the need to do better"


@pytest.mark.parametrize("text, content", [
    ('Governor Mervyn King told MPs rates were "about right".', 'rates were "about right"'),
    ("Mr Brown told the Commons growth would be strong.", "growth would be strong"),
])
def test_the_subject_the_parse_joined_to_the_one_told_opens_the_content(nlp, text, content):
    # "told MPs rates were ...": the parse made "MPs rates" one object
    assert only(nlp, text).content.text == content


def test_a_clause_the_parse_made_relative_to_the_one_told_is_what_was_told(nlp):
    st = only(nlp, "He told the Today programme the minister should resign.")
    assert (st.cue.text, st.content.text) == ("told", "the minister should resign")


def test_all_told_opening_a_sentence_is_no_attribution(nlp):
    assert statements(nlp, "All told, up to 5 million people could be eligible for the programs.") == []


@pytest.mark.parametrize("text, content", [
    ("The department was told that troops were ready to come to its aid, according to a newly "
     "uncovered email previously kept secret.",
     "The department was told that troops were ready to come to its aid"),
    ("Clinton holds a 10-point lead in California, according to the RealClearPolitics average of "
     "polls, where 475 pledged delegates will be at stake.", "Clinton holds a 10-point lead in California"),
    # at the end of its sentence: a list of results before the phrase is all of what the poll says
    ("Smith received 41 percent, Jones had 38 percent and Brown took 9 percent, according to the poll.",
     "Smith received 41 percent, Jones had 38 percent and Brown took 9 percent"),
    # "pledged" parsed as a verb joined to the clause with no "and"
    ("Entering the final contests in June, Warren leads Booker by 271 pledged delegates according to a "
     "count by The Associated Press, but the self-described democratic socialist has vowed to stay in.",
     "Entering the final contests in June, Warren leads Booker by 271 pledged delegates"),
    # a clause of its own after ", and" is what the source says, not the sentence
    ("There is one state law that bans the practice, and the mayor broke it, according to a former "
     "prosecutor.", "the mayor broke it"),
])
def test_according_to_after_a_clause_attributes_what_the_parse_cut_off(nlp, text, content):
    found = [s for s in statements(nlp, text) if s.cue.text == "according to"]
    assert [s.content.text for s in found] == [content]


def test_a_clause_before_a_colon_is_not_what_the_speaker_after_it_says(nlp):
    found = statements(nlp, "Voters have reached a rare agreement on one question: by nearly three to one, "
                            "they say the state should keep its bathroom law.")
    said = [s for s in found if s.cue.text == "say"]
    assert [s.content.text for s in said] == ["the state should keep its bathroom law"]


def test_a_backshifted_would_joined_to_the_cue_is_more_of_what_was_said(nlp):
    st = only(nlp, "Ms. Dale said she hoped to get her old job back, and then would continue to push for "
                   "the new rules.")
    assert st.content.text == ("she hoped to get her old job back, and then would continue to push for "
                               "the new rules")


def test_a_participle_joined_inside_another_participles_content_has_its_speaker(nlp):
    text = ("Miller pushed back on those claims Friday, saying that the plan had the right safeguards but "
            'was sunk by voter anger - and arguing that he and Cole shared "almost all the same goals."')
    arguing = next(s for s in statements(nlp, text) if s.cue.text == "arguing")
    assert arguing.speaker.mention.text == "Miller"


def test_a_clause_of_time_before_the_speaker_is_not_what_they_say(nlp):
    text = ("In a statement released shortly after the Texas senator suspended his presidential campaign, "
            "Kasich said he’s certain Cruz will continue to be “a champion for limitless opportunity in "
            "America.”")
    st = only(nlp, text)
    assert st.speaker.mention.text == "Kasich"
    assert st.content.text.startswith("he’s certain Cruz will continue")


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("As one voter put it, “We are tired of being ignored.”", "We are tired of being ignored.", "one voter",
     "put it"),
    ("As the mayor put it on Tuesday, the budget is rigged against the suburbs.",
     "the budget is rigged against the suburbs", "the mayor", "put it"),
    ("As Jones told the Times, the budget is not balanced and never was.",
     "the budget is not balanced and never was.", "Jones", "told"),
])
def test_as_someone_put_it_or_told_someone_attributes_the_clause_it_is_set_off_from(
        nlp, text, content, speaker, cue):
    st = only(nlp, text)
    assert (st.content.text, st.speaker.mention.text, st.cue.text) == (content, speaker, cue)


def test_a_name_after_said_that_the_tagger_took_for_an_adverb_is_the_speaker(nlp):
    st = only(nlp, "“Having access to the file is valuable,” said Skelly, explaining that he knew her.")
    assert st.speaker.mention.text == "Skelly"


def test_a_name_before_a_parenthesis_the_parse_took_a_subject_from_speaks(nlp):
    text = ("Few politicians would ever admit this, but Sen. Tom Hale (a Colorado Democrat so boyish he has "
            "been mistaken for a junior staffer) says he was unfocused, a bit adrift, in the weeks after "
            "being elected to the upper chamber in 2012.")
    assert only(nlp, text).speaker.mention.text == "Sen. Tom Hale"


def test_a_description_set_off_after_a_name_the_parse_made_a_subject_leaves_the_name_speaking(nlp):
    st = only(nlp, "Mirza, the first Indian woman to reach the third round of a Grand Slam, said she had "
                   "learned a lot.")
    assert (st.speaker.mention.text, st.content.text) == ("Mirza", "she had learned a lot")


@pytest.mark.parametrize("text, content", [
    ("Transport Secretary Ann Cole is expected to resign next week, the BBC understands.",
     "Transport Secretary Ann Cole is expected to resign next week"),
    ("City striker Tom Vale is set to leave the club, the BBC understands.",
     "City striker Tom Vale is set to leave the club"),
])
def test_a_source_the_parse_hung_on_the_cue_as_a_compound_speaks(nlp, text, content):
    st = only(nlp, text)
    assert (st.speaker.mention.text, st.cue.text, st.content.text) == ("BBC", "understands", content)


@pytest.mark.parametrize("text, name, content", [
    # the parse makes the relative clause the main one and hangs "said" off it with no subject
    ("Leigh, who has himself been nominated for best director, said he was delighted for the whole cast.",
     "Leigh", "he was delighted for the whole cast"),
    # ... or makes the name and its relative clause the complement of "said", before it
    ("Okafor, who has himself been nominated for best actor, said he was thrilled for the whole crew.",
     "Okafor", "he was thrilled for the whole crew"),
    ("Kerr, who has himself been fined twice this season, said the ban was unfair.",
     "Kerr", "the ban was unfair"),
])
def test_a_name_before_a_relative_clause_the_parse_took_apart_speaks(nlp, text, name, content):
    st = only(nlp, text)
    assert (st.speaker.mention.text, st.content.text) == (name, content)


@pytest.mark.parametrize("text, content", [
    ('He said customers were "paying for the dominance of one firm".',
     'customers were "paying for the dominance of one firm"'),
    ('Brendan Barber said there was "no case for keeping rates this high".',
     'there was "no case for keeping rates this high"'),
])
def test_a_clause_with_its_own_subject_and_verb_before_a_quote_is_mixed(nlp, text, content):
    st = only(nlp, text)
    assert (st.kind, st.content.text) == ("mixed", content)


def test_that_before_one_claim_noun_is_kept_as_what_is_dismissed(nlp):
    text = 'Mr Letwin dismissed that suggestion as "nonsense" on Monday.'
    st = only(nlp, text)
    assert st.content.text.startswith("that suggestion")
    check_offsets(text, st)


def test_that_before_claims_as_a_subject_is_a_complementiser(nlp):
    st = only(nlp, "He said that claims by the union were wildly exaggerated.")
    assert st.content.text == "claims by the union were wildly exaggerated"


@pytest.mark.parametrize("aside", ["who asked not to be named", "who declined to be identified"])
def test_asking_not_to_be_named_is_not_a_statement(nlp, aside):
    text = f"But an American official, {aside}, said the US was \"deeply sceptical\" of the European plan."
    st = only(nlp, text)
    assert st.cue.text == "said"
    assert st.content.text.startswith("the US was")


def test_a_quote_that_goes_on_from_the_clauses_subject_is_a_mixed_statement(nlp):
    text = 'Education Secretary Ruth Kelly said the sums "simply do not add up".'
    st = only(nlp, text)
    assert (st.kind, st.content.text) == ("mixed", 'the sums "simply do not add up"')
    check_offsets(text, st)


def test_a_quote_after_the_object_of_calling_stays_a_quote(nlp):
    text = 'He called the show "the conservative news show of record."'
    st = only(nlp, text)
    assert (st.kind, st.content.text) == ("direct", "the conservative news show of record.")


def test_hitting_back_at_claims_by_a_council_holds_the_councils_claim(nlp):
    text = ("Newcastle United have hit back at claims by the city council that the club is to blame for "
            "delays to the expansion of the stadium.")
    found = {s.cue.text: s for s in statements(nlp, text)}
    assert found["claims by"].speaker.mention.text == "the city council"
    assert found["claims by"].content.text.startswith("the club is to blame")
    assert found["have hit"].content.text.startswith("claims by the city council that the club")
    for st in found.values():
        check_offsets(text, st)


def test_a_claim_with_no_owner_is_no_speaker(nlp):
    text = "The newspaper accepted that the claims were untrue and agreed to pay substantial damages."
    assert all(s.speaker.mention.text != "the claims" for s in statements(nlp, text))


@pytest.mark.parametrize("text, speaker", [
    ("Mr Kennedy also used the speech to say that his party would not join a coalition.", "Mr Kennedy"),
    ("Labour used the debate to attack the government's record on crime.", "Labour"),
])
def test_the_means_of_saying_is_not_the_speaker(nlp, text, speaker):
    st = only(nlp, text)
    assert st.speaker.mention.text == speaker


def test_rejecting_calls_to_do_something_rejects_the_whole_call(nlp):
    text = "ITV has rejected calls to take its new reality series off air after viewers complained."
    st = only(nlp, text)
    assert st.content.text == "calls to take its new reality series off air"


@pytest.mark.parametrize("headline, speaker, content", [
    ("Number 10 denies reshuffle report", "Number 10", "reshuffle report"),
    ("Ferguson dismisses Rooney exit talk", "Ferguson", "Rooney exit talk"),
])
def test_a_headline_denial_has_its_denier_first(nlp, headline, speaker, content):
    text = f"{headline}\n\nThe row went on into a second day.\n"
    first = statements(nlp, text)[0]
    assert (first.speaker.mention.text, first.content.text) == (speaker, content)


@pytest.mark.parametrize("text, end", [
    ("Ferguson dismisses Rooney exit talk\n\nThe row went on.", 35),
    ("Ferguson dismisses Rooney exit talk  \nThe row went on.", 37),
    ("A first line with no break at all", -1),
    ("word " * 60 + "\nThe first line is a paragraph, not a headline.", -1),
])
def test_the_first_line_ends_at_its_break_within_a_headline_length(text, end):
    assert _first_line_end(spacy.blank("en")(text)) == end
    assert end == -1 or text.find("\n") == end


def test_a_participle_after_a_subheading_has_the_subject_of_its_clause_for_speaker(nlp):
    text = ('"The OFT must act," she said.\n\'Valuable cover\'\nThe Guild of Loan Insurers (GLI) rejected '
            "the charity's claims, saying the policies protected borrowers.")
    mentions = {st.speaker.mention.text for st in statements(nlp, text) if st.speaker and st.speaker.mention}
    assert "The Guild of Loan Insurers (GLI)" in mentions
    assert not any("rejected" in m for m in mentions)


@pytest.mark.parametrize(("headline", "speaker", "content"), [
    ("Bank hid losses from auditors, Brannock tells inquiry", "Brannock", "Bank hid losses from auditors"),
    ("Schools 'Are Failing Poorer Pupils,' Ofsted Chief Tells MPs.", "Ofsted Chief",
     "Schools 'Are Failing Poorer Pupils"),
])
def test_a_headline_s_teller_comes_before_tells(nlp, headline, speaker, content):
    first = statements(nlp, f"{headline}\n\nThe hearing went on into a second day.\n")[0]
    assert first.kind == "headline"
    assert (first.speaker.mention.text, first.content.text.rstrip("’'")) == (speaker, content)


def test_a_wire_dateline_without_its_place_is_no_part_of_the_speaker_mention(nlp):
    text = ("Drug maker pauses launch\n\n(Reuters) - Corvane Pharmaceuticals LLC said on Monday it would "
            "pause the launch of its newly approved drug after lawmakers attacked its $89,000 list price.")
    said = next(s for s in statements(nlp, text) if "pause the launch" in s.content.text)
    assert said.speaker.mention.text == "Corvane Pharmaceuticals LLC"
