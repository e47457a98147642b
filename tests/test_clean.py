"""Repeated blocks and boilerplate: what extraction must skip."""

from __future__ import annotations

import textwrap
import time
import unicodedata

from saidwhat import clean, ingest
from saidwhat.records import Article

TITLE = "Harbour wall to be repaired"
PARAGRAPHS = [
    "The city council on Tuesday approved money to repair the old harbour wall, which engineers "
    "say could fail within two winters if nothing is done.",
    '"We cannot wait for the next storm to decide for us," council leader Maria Ortiz told '
    "reporters after the vote, which passed by nine votes to four.",
    "The opposition said the repair plan relied on optimistic cost estimates and that the work "
    "would have to be tendered again before the summer.",
    "Fishermen who use the harbour said they welcomed the decision but feared months of closures "
    "while the contractors rebuild the southern section.",
]
BODY = "\n".join(PARAGRAPHS)


def spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in clean.find_repeated(text)]


def test_whole_body_saved_twice_reports_the_second_copy():
    text = f"{TITLE}\n{BODY}\n{BODY}\n"
    second = text.index(PARAGRAPHS[0], len(TITLE) + 10)
    assert spans(text) == [(second, second + len(BODY))]


def test_three_copies_are_one_block():
    text = f"{TITLE}\n{BODY}\n\n{BODY}\n\n{BODY}"
    second = text.index(PARAGRAPHS[0], len(TITLE) + 10)
    assert spans(text) == [(second, len(text))]


def test_no_repeats_in_an_ordinary_article():
    assert spans(f"{TITLE}\n{BODY}\n") == []


def test_single_repeated_paragraph():
    text = "\n".join([TITLE, *PARAGRAPHS[:3], PARAGRAPHS[1], PARAGRAPHS[3]])
    start = text.rindex(PARAGRAPHS[1])
    assert spans(text) == [(start, start + len(PARAGRAPHS[1]))]


def test_copy_with_other_white_space_and_line_wrapping_still_matches():
    rewrapped = "\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS).replace(" the ", "  the ")
    text = f"{TITLE}\n{BODY}\n\n{rewrapped}\n"
    start = text.index(rewrapped)
    assert spans(text) == [(start, start + len(rewrapped))]


def test_copy_with_curly_quotes_and_crlf_still_matches():
    copy = BODY.replace('"We', "\u201cWe").replace('us,"', "us,\u201d").replace("\n", "\r\n")
    text = f"{TITLE}\r\n{BODY}\r\n{copy}"
    start = text.index(copy)
    assert spans(text) == [(start, len(text))]


def test_advertisement_lines_inside_the_copy_do_not_split_it():
    copy = "\nAdvertisement\n".join(PARAGRAPHS)
    text = f"{TITLE}\n{BODY}\nShare this article\n{copy}"
    start = text.index(copy)
    assert spans(text) == [(start, len(text))]


def test_short_repeated_lines_and_phrases_are_not_reported():
    text = "\n".join([TITLE, "Advertisement", PARAGRAPHS[0], "Advertisement", "Reporting by Ann Lee",
                      PARAGRAPHS[1], "Reporting by Ann Lee", "the council said on Tuesday that it would",
                      "and the council said on Tuesday that it would not"])
    assert spans(text) == []


def test_a_quote_repeated_inside_a_longer_sentence_is_not_a_copy():
    quote = "we cannot wait for the next storm to decide for us"
    text = f'{TITLE}\nMaria Ortiz said "{quote}". Later she repeated that {quote}, and left.\n'
    assert spans(text) == []


def test_bundled_sample_repeats_from_the_second_copy_of_the_body():
    article = next(ingest.read_paths([ingest.SAMPLE_PATH]))
    text = article.text
    first_body_line = text.split("\n")[1]
    second_copy = text.index(first_body_line, text.index(first_body_line) + 1)
    assert spans(text) == [(second_copy, len(text.rstrip()))]


def test_parse_text_blanks_repeats_and_boilerplate_keeping_offsets():
    text = f"{TITLE}\r\nAdvertisement\r\n{BODY}\r\nFollow us on Twitter\r\n{BODY}"
    article = clean.clean(Article(id="x", text=text))
    parsed = clean.parse_text(article)
    assert len(parsed) == len(text)
    assert parsed.count("\n") == text.count("\n")
    assert "Advertisement" not in parsed and "Follow us" not in parsed
    assert parsed.count(PARAGRAPHS[0]) == 1
    start = text.index(PARAGRAPHS[2])
    assert parsed[start : start + len(PARAGRAPHS[2])] == PARAGRAPHS[2]


def test_boilerplate_lines_from_the_data_file():
    for line in ["Advertisement", "Share this article", "Click here to subscribe", "Follow us on Twitter",
                 "  ADVERTISEMENT  ", "Copyright 2024 The Gazette. All rights reserved."]:
        assert clean.is_boilerplate(line), line
    for line in ["Share prices fell sharply on Monday.", '"Follow us," the officer shouted.',
                 "Subscribers complained about the price, the company said on Monday in a statement "
                 "to the stock exchange."]:
        assert not clean.is_boilerplate(line), line


def test_boilerplate_is_not_reported_as_repeated():
    text = "\n".join([TITLE, PARAGRAPHS[0], "Advertisement", PARAGRAPHS[1], "Advertisement"])
    assert clean.clean(Article(id="x", text=text)).repeated == []
    assert [s.text for s in clean.find_boilerplate(text)] == ["Advertisement", "Advertisement"]


def test_linear_enough_on_a_large_article():
    words = [f"w{i}" for i in range(200_000)]
    text = " ".join(words) + "\n" + " ".join(words[:50_000])
    t0 = time.perf_counter()
    found = clean.find_repeated(text)
    assert time.perf_counter() - t0 < 3
    assert len(found) == 1 and found[0].end == len(text)


def test_pull_quote_repeated_in_a_longer_paragraph_is_not_a_copy():
    quote = ("We cannot wait for the next storm to decide for us, and we will not ask the fishermen "
             "to pay for a wall the whole city depends on")
    text = f'{TITLE}\n"{quote}"\n{PARAGRAPHS[0]}\n"{quote}," council leader Maria Ortiz said.\n'
    assert spans(text) == []


def test_a_copy_is_cut_to_the_whole_paragraphs_it_covers():
    copy = "9:55 p.m.\n" + BODY
    text = f"{TITLE}\n8:10 p.m.\n{BODY}\n\n{copy}"
    start = text.index(PARAGRAPHS[0], text.index("9:55"))
    assert spans(text) == [(start, len(text))]


# --- symbol runs: left out of the parse, which would cost time with the square of their length ---


def test_long_runs_of_punctuation_or_symbols_are_blanked_but_their_ends_kept():
    quote = '"We will win!!!!!!!!!!!!!!!!!!!!" she said.'
    text = f"{TITLE}\n{'=' * 40}\n{quote}\n" + "\u201c \u201d " * 20 + "\n" + "\U0001f600" * 30
    parsed = clean.parse_text(clean.clean(Article(id="x", text=text)))
    assert len(parsed) == len(text) and parsed.count("\n") == text.count("\n")
    assert "=" * 16 not in parsed and "\U0001f600" * 16 not in parsed and "\u201c \u201d " * 8 not in parsed
    assert '"We will win!!!' in parsed and '!!!" she said.' in parsed  # the quote still closes
    assert parsed.startswith(f"{TITLE}\n====")


def test_no_symbol_runs_in_news():
    text = f"{TITLE}\n{BODY}\n___.\n\n------\nSources: AP, Reuters. \u00a9 2024 (c) ... \"?\" . . . \"\n"
    assert clean.find_symbol_runs(text) == []
    sample = next(ingest.read_paths([ingest.SAMPLE_PATH]))
    assert clean.find_symbol_runs(sample.text) == []


def test_symbol_runs_are_found_in_linear_time():
    for text in ['"' * 1_000_000, ". . a " * 200_000, "\u201c\u2018\u00ab" * 300_000]:
        t0 = time.perf_counter()
        runs = clean.find_symbol_runs(text)
        assert time.perf_counter() - t0 < 2
        assert all(run.text.strip() for run in runs)


TITLE_CASE_ARTICLE = (
    "Harbour Union Leader Megan Rhys Attacks Council Over Wall Repairs.\n"
    "The leader of the harbour union, Megan Rhys, said on Tuesday that the council had ignored "
    "fishermen. Rhys attacks the plan as too slow; the repairs will take two winters, she said.\n"
)


def test_title_case_headline_is_parsed_in_sentence_case_keeping_names_and_offsets():
    text = clean.parse_text(Article(id="a", text=TITLE_CASE_ARTICLE))
    assert len(text) == len(TITLE_CASE_ARTICLE)
    assert text.splitlines()[0] == "Harbour union leader Megan Rhys attacks council over wall repairs."
    assert text.splitlines()[1:] == TITLE_CASE_ARTICLE.splitlines()[1:]


def test_sentence_case_headline_and_capitals_stay_as_written():
    for headline in ("Putin: Russia provides air cover to Syrian opposition group",
                     "FIX IS IN: PBS Moderators Ignore McCain"):
        text = f"{headline}\nPutin said Russia provides cover. PBS moderators ignore things, McCain said.\n"
        assert clean.sentence_case_headline(text).splitlines()[0] == headline.replace(
            "Moderators Ignore", "moderators ignore")


def test_parse_text_reads_non_breaking_and_other_spaces_as_plain_spaces():
    text = "Harbour vote\n\u201cWe will repair it,\u201d\u00a0the mayor said.\u2009Then\tshe left.\n"
    parsed = clean.parse_text(Article(id="a", text=text))
    assert parsed == text.replace("\u00a0", " ").replace("\u2009", " ").replace("\t", " ")


def test_a_title_case_headline_keeps_its_speaker_label_before_the_colon_as_written():
    text = ("Harbour Chief Megan Rhys: Wall Repairs Will Take Two Winters\n"
            "The harbour chief, Megan Rhys, said the wall repairs will take two winters. Rhys spoke.\n")
    assert clean.sentence_case_headline(text).splitlines()[0] == (
        "Harbour Chief Megan Rhys: Wall repairs will take two winters")


def _garbled(word: str, times: int = 2) -> str:
    """``word`` as a page shows it after its UTF-8 was read as Latin-1 ``times`` times."""
    for _ in range(times):
        word = word.encode("utf-8").decode("latin-1")
    return word


def test_garbled_letters_are_parsed_as_one_plain_word_keeping_offsets():
    text = f"Mexico's ambassador, Arturo {_garbled('Sarukhán')}, said {_garbled('Peña', 1)} Nieto agreed.\n"
    parsed, words = clean.mend_garbled_letters(text)
    assert len(parsed) == len(text)
    assert "Arturo Sarukhaaaan," in parsed and "Penna Nieto" in parsed
    assert words == {"Sarukhaaaan": "Sarukhán", "Penna": "Peña"}
    assert clean.restore_names("Arturo Sarukhaaaan", words) == "Arturo Sarukhán"


def test_decomposed_garbling_is_mended_and_plain_text_left_alone():
    garbled = unicodedata.normalize("NFD", _garbled("Basáñez"))  # "A" and a combining tilde for "Ã"
    parsed, words = clean.mend_garbled_letters(f"Ambassador Miguel {garbled} Ebergenyi spoke.")
    assert list(words.values()) == ["Basáñez"]
    assert "Miguel Bas" in parsed and parsed.split()[2].isascii() and parsed.split()[2].isalpha()
    plain = "Señor Peña and the café: prices in £ and Â as a letter stay as written."
    assert clean.mend_garbled_letters(plain) == (plain, {})


def test_a_name_ending_in_a_mark_is_spelt_as_one_word_keeping_offsets():
    text = ("The consumer group Which? said banks were slow. Which? also said refunds lagged. "
            "Jeb Bush spoke. Jeb! signs were everywhere, and Jeb! was printed on hats. Why? nobody knows.")
    parsed, words = clean.spell_marked_names(text)
    assert len(parsed) == len(text)
    assert "group Whichh said" in parsed and "Whichh also said" in parsed
    assert "Jeb! was" in parsed and "Why? nobody" in parsed  # part of a longer name; a question
    assert words == {"Whichh": "Which?"}
    assert clean.restore_names("Whichh", words) == "Which?"


def test_a_surname_that_is_a_modal_verb_is_spelt_as_a_name_where_it_is_one():
    text = ("Trump Will Win, Poll Says\n\nColumnist George Will wrote on Friday. Citing Paris, Will urged "
            'caution. "Enough," Will wrote. Will the senator run? Will believes so, and Will\'s view counts. '
            "It will rain.")
    parsed, words = clean.spell_modal_surnames(text)
    assert len(parsed) == len(text) and words == {"Wyll": "Will"}
    assert parsed.startswith("Trump Will Win")  # the headline's verb
    assert parsed.count("Wyll") == 5 and "Will the senator run?" in parsed and "It will rain." in parsed
    assert clean.restore_names("George Wyll", words) == "George Will"
    assert clean.spell_modal_surnames("The bill will pass. Will it?") == ("The bill will pass. Will it?", {})
