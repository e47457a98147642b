"""Repeated blocks and boilerplate: what extraction must skip.

Scrapers often save an article's body twice, or repeat a paragraph. ``find_repeated`` finds every
later copy of earlier text (reported in ``Article.repeated``); ``find_boilerplate`` finds lines
such as "Advertisement" or "Share this article" (listed in ``data/boilerplate.txt``).
``find_symbol_runs`` finds long runs of punctuation or symbols (a page of quotation marks, ASCII
art, a row of emoji), which carry no statement and which spaCy's tokenizer splits one character at
a time at a cost that grows with the square of the run. ``parse_text`` blanks all three with
spaces, keeping every offset, so extraction reads only the first copy and never reads boilerplate
or symbol runs. It also gives the parser plain spaces for non-breaking and other spaces, and a
Title Case headline in sentence case (``sentence_case_headline``), still keeping every offset.

Repeats are found on words, not characters, so a copy that differs only in white space or line
wrapping still matches: every run of ``_SHINGLE`` words is hashed once (linear time); words
covered by a run seen before are copies; copies close together are merged into blocks, and a
block counts by the whole lines (paragraphs) it covers.
"""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .ingest import valid_text
from .names import first_names
from .records import Article, Span

BOILERPLATE_PATH = Path(__file__).parent / "data" / "boilerplate.txt"

_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_SHINGLE = 6  # words in a hashed run: shorter repeats are ordinary phrases, not copies
_MIN_WORDS = 8  # a shorter copied paragraph ("Reporting by Ann Lee") is not worth reporting
_MAX_GAP_WORDS = 3  # copies this close are one block (a changed word, an "Advertisement" line)
_MAX_BOILERPLATE_WORDS = 12
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb]")  # a line quoting someone is never furniture
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_COPIED_RUN = re.compile(rb"\x01+")
# spaCy splits words on " " only: any other space ("\xa0" in a quarter of PolNeAR's articles)
# becomes a token of its own, on which the parser hangs the words around it wrongly
_PLAIN_SPACES = {c: " " for c in range(0x80, 0x3001) if chr(c).isspace() and chr(c) not in "\x85\u2028\u2029"}
_PLAIN_SPACES[ord("\t")] = " "
_PLAIN_SPACES[0x2015] = "\u2014"  # a horizontal bar used as a dash: the parser reads "―" as a word
MAX_HEADLINE_CHARS = 200  # a first line longer than this is a paragraph, not a headline
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")  # a capital then lower case: "McCain", "DNC" never match
_LETTER_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_PHRASE_OPENERS = frozenset(":\"'\u201c\u2018\u2014\u2013([")
_SENTENCE_OPENERS = _PHRASE_OPENERS | {".", "!", "?", ""}  # "": the start of the text
# Punctuation and symbols (anything but letters, digits and white space), white space allowed
# between them. News has runs of at most 7 (4.2M characters of PolNeAR: "?\" . . . \"", "------").
_MIN_SYMBOL_RUN = 16
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_)(?:\s*(?:[^\w\s]|_)){{{_MIN_SYMBOL_RUN - 1},}}")
_SYMBOL_RUN_EDGE = 4  # characters kept at each end: a closing quote and its full stop stay parsed
# A letter garbled by a wrong decoding, UTF-8 read as Latin-1 once or twice: "Ã¡" or "Ã\x83Â¡" for
# "á" (33 of PolNeAR's 924 articles, nearly all in names: "PeÃ±a Nieto", "Arturo SarukhÃ\x83Â¡n"),
# its "Ã" and "Â" often decomposed ("A" and a combining tilde or circumflex)
_GARBLED_LETTER = re.compile("(?:(?:[\u00c2\u00c3]|A[\u0302\u0303])[\u0080-\u00bf])+")
_WORD_AROUND = re.compile(r"\w+")
# A name ending in a question or exclamation mark ("the consumer group Which? said", "Yahoo! has"),
# which would end the sentence there: a lower-case word goes on after it
_MARKED_NAME = re.compile(r"\b([A-Z][A-Za-z]+)([?!])(?= [a-z])")
_SENTENCE_BREAKS = frozenset('.!?"\u201c\u201d')
_FIRST_OF_A_NAME = re.compile(r"\b([A-Z][A-Za-z]+) [A-Z]")
# A surname that is also a modal verb, after a first name: the parser reads "Will wrote" as a modal
_MODAL_SURNAME = re.compile(r"\b([A-Z][a-z]+) (Will|Shall|Must|Might|Can)\b")
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
_NEXT_WORD = re.compile(r"(?:['\u2019]s\b|\s+([a-z]+)\b)")
_PAST_VERBS = frozenset({"said", "wrote", "told", "thought", "felt", "took", "saw", "made", "gave", "went",
                         "put", "spoke", "knew", "found", "got", "had", "did"})


def clean(article: Article) -> Article:
    article.repeated = find_repeated(article.text)
    return article


def parse_text(article: Article) -> str:
    """The text to parse: ``article.text`` with repeated spans and boilerplate lines blanked.

    Same length as ``article.text`` with newlines kept, so every offset stays the same. A lone
    surrogate (not text, and fatal to spaCy) is replaced, as ``ingest`` does at the door.
    """
    return parse_text_and_words(article)[0]


def parse_text_and_words(article: Article) -> tuple[str, dict[str, str]]:
    """``parse_text``, and the words it spelt otherwise (``mend_words``), for ``restore_names``."""
    text = valid_text(article.text)
    text = blank(text, [*article.repeated, *find_boilerplate(text), *find_symbol_runs(text)])
    text, words = mend_words(text)
    return sentence_case_headline(text.translate(_PLAIN_SPACES)), words


def mend_words(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with garbled letters and names that end in a mark spelt as the parser reads a name,
    keeping the length, and what each word so spelt stands for (see ``restore_names``)."""
    text, garbled = mend_garbled_letters(text)
    text, marked = spell_marked_names(text)
    text, modal = spell_modal_surnames(text)
    return text, garbled | marked | modal


def headline_end(text: str) -> int:
    """Where the text's headline ends: its first line, when that line is short enough to be one
    (0: no headline)."""
    end = text.find("\n")
    return end if 0 <= end <= MAX_HEADLINE_CHARS else 0


def spell_modal_surnames(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with a surname that is also a modal verb ("George Will") spelt as a name the parser
    reads as one ("Wyll"), wherever the text uses it as the name: after the first name, mid-sentence
    ("which Will claims"), or opening a sentence before a verb ("Will wrote", "Will believes"),
    never the Title Case headline ("Trump Will Win"). Returns the text and each name so spelt."""
    full_names = _MODAL_SURNAME.findall(text)
    if not full_names:
        return text, {}
    known = first_names()
    surnames = {surname for first, surname in full_names if first.lower() in known}
    if not surnames:
        return text, {}
    end = headline_end(text)
    chars, words = list(text), {}
    for m in re.finditer(rf"\b(?:{'|'.join(sorted(surnames))})\b", text):
        before = _WORD_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        after_first_name = before is not None and before.group(1).lower() in known
        if not after_first_name and (m.start() < end or not _used_as_name(text, m)):
            continue
        spelt = m.group()[0] + "y" + m.group()[2:]
        chars[m.start() : m.end()] = spelt
        words[spelt] = m.group()
    return "".join(chars), words


def _used_as_name(text: str, m: re.Match) -> bool:
    """A modal verb's capitalised form is the name mid-sentence, or opening a sentence before a verb
    (not "Will the senator run?")."""
    if _char_before(text, m.start()) not in _SENTENCE_BREAKS:
        return True
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None:
        return False
    verb = nxt.group(1)
    return verb is None or verb.endswith(("s", "ed")) or verb in _PAST_VERBS  # None: "Will's"


def spell_marked_names(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with the mark that ends a name mid-sentence spelt as the name's last letter
    ("Which? said" -> "Whichh said"), so the parser reads a name, not a question and a new
    sentence; at a sentence's start only a name also written so mid-sentence, and never a word
    the text also writes as the first of a longer name ("Jeb!" of "Jeb Bush"). Returns the text
    and each name so spelt ("Whichh" -> "Which?")."""
    found = list(_MARKED_NAME.finditer(text))
    if not found:
        return text, {}
    first_names = set(_FIRST_OF_A_NAME.findall(text))  # "Jeb" of "Jeb Bush": "Jeb!" is his slogan
    mid = {m.group() for m in found if _char_before(text, m.start()) not in _SENTENCE_BREAKS
           and m.group(1) not in first_names}
    if not mid:
        return text, {}

    def spelt(m: re.Match) -> str:
        return m.group(1) + m.group(1)[-1] if m.group() in mid else m.group()

    return _MARKED_NAME.sub(spelt, text), {spelt(m): m.group() for m in found if m.group() in mid}


def mend_garbled_letters(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each garbled letter spelt as its plain letter, repeated to keep the length
    ("SarukhÃ\x83Â¡n" -> "Sarukhaaaan"), so the tokenizer and tagger read one word, a name; and
    for each word so spelt, the word as it was meant ("Sarukhaaaan" -> "Sarukhán"), for the names
    the later stages build from the parsed words (``restore_names``)."""
    if not _GARBLED_LETTER.search(text):
        return text, {}
    chars, mended = list(text), []
    for m in _GARBLED_LETTER.finditer(text):
        meant = _meant(m.group())
        if not meant.isalpha() or len(meant) >= len(m.group()) or "\u00c2" in meant or "\u00c3" in meant:
            continue  # not a letter, or nothing ftfy can mend ("Ã\x83" alone)
        share, extra = divmod(m.end() - m.start(), len(meant))
        plain = "".join(_plain_letter(c) * share for c in meant)
        chars[m.start() : m.end()] = plain + plain[-1] * extra
        mended.append(m.start())
    parsed = "".join(chars)
    words = {}
    for start in mended:
        word = _WORD_AROUND.search(parsed, _word_start(parsed, start))
        words[word.group()] = _meant(text[word.start() : word.end()])
    return parsed, words


@lru_cache(maxsize=4096)
def _meant(garbled: str) -> str:
    import ftfy

    return ftfy.fix_encoding(unicodedata.normalize("NFC", garbled))


def _plain_letter(letter: str) -> str:
    base = unicodedata.normalize("NFKD", letter)[0]
    return base if base.isascii() and base.isalpha() else letter


def _word_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def restore_names(name: str | None, words: dict[str, str]) -> str | None:
    """A name built from parsed words with each word ``mend_words`` spelt as it was written or meant."""
    if not name or not words:
        return name
    return _WORD_AROUND.sub(lambda m: words.get(m.group(), m.group()), name)


def sentence_case_headline(text: str) -> str:
    """``text`` with a Title Case Headline's common words in lower case, so the parser reads its
    verb as a verb ("Conservative Icon Morton Blackwell Endorses Ted Cruz" -> "... endorses Ted
    Cruz"). A word stays capitalised when the body writes it so mid-sentence at least as often
    as in lower case (a name), or only capitalised; the first word, the words before a colon (a
    speaker's label) and after an opening quote, and words in capitals or mixed case ("DNC",
    "McCain") stay as they are."""
    end = text.find("\n")
    if end < 0 or end > MAX_HEADLINE_CHARS or not _is_title_case(text[:end]):
        return text
    body = text[end:]
    label = text.find(": ", 0, end) + 1  # "Ann Coulter: And Then There Was One": the speaker as written
    words = [m for m in _TITLE_WORD.finditer(text, label, end) if not _starts_phrase(text, m.start())]
    lowered = {m.group() for m in words if not _written_as_name(m.group(), body)}
    if not lowered:
        return text

    def case(m: re.Match) -> str:
        keep = m.start() < label or m.group() not in lowered or _starts_phrase(text, m.start())
        return m.group() if keep else m.group().lower()

    return _TITLE_WORD.sub(case, text[:end]) + body


def _is_title_case(line: str) -> bool:
    words = [w for w in _LETTER_WORD.findall(line)[1:] if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _starts_phrase(text: str, i: int) -> bool:
    before = _char_before(text, i)
    return not before or before in _PHRASE_OPENERS


def _char_before(text: str, i: int) -> str:
    """The last character before ``i`` that is not white space ('' at the start)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _written_as_name(word: str, body: str) -> bool:
    if word not in body:  # not once as written: not a name (a plain substring test skips two regex scans)
        return False
    lower = len(re.findall(rf"\b{word.lower()}\b", body))
    capitalised = [m.start() for m in re.finditer(rf"\b{word}\b", body)]
    mid_sentence = sum(1 for i in capitalised if _char_before(body, i) not in _SENTENCE_OPENERS)
    return bool(capitalised) and (lower == 0 or mid_sentence >= lower)


def blank(text: str, spans: list[Span]) -> str:
    """``text`` with every character of ``spans`` but newlines turned into a space."""
    parts, last = [], 0
    for start, end in _merged((s.start, s.end) for s in spans):
        parts.append(text[last:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _merged(pairs) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# --- repeats ------------------------------------------------------------------------------------


def find_repeated(text: str) -> list[Span]:
    """Spans of ``text`` that repeat earlier text (a body saved twice, a repeated paragraph)."""
    words = list(_WORD.finditer(text))
    starts = _copy_starts(_word_keys(text, words))
    runs = [(m.start(), m.end() - 1 + _SHINGLE - 1) for m in _COPIED_RUN.finditer(starts)]
    blocks = _merge_close(runs, words, text)
    lines = (_whole_lines(text, words[a].start(), words[b].end()) for a, b in blocks)
    spans = [Span.of(text, *pair) for pair in lines if pair]
    return [span for span in spans if len(span.text.split()) >= _MIN_WORDS]


def _word_keys(text: str, words: list[re.Match]) -> list[str]:
    """The words of ``text`` as compared: lower case, straight quotes."""
    keys = text.translate(_QUOTES).lower().split()
    if len(keys) != len(words):  # a case change that makes or eats white space: go word by word
        keys = [w.group().translate(_QUOTES).lower() for w in words]
    return keys


def _copy_starts(keys: list[str]) -> bytes:
    """Byte ``i`` is 1 when the ``_SHINGLE`` words from word ``i`` on occurred earlier, not
    overlapping (overlapping runs are stutters, "no, no, no", not copies).

    Written with ``map`` and ``dict`` so the per-word work runs in C: a 5 MB article takes ~1 s.
    """
    hashes = list(map(hash, zip(*(keys[k:] for k in range(_SHINGLE)), strict=False)))
    first_index = dict(zip(reversed(hashes), range(len(hashes) - 1, -1, -1), strict=True))
    firsts = map(first_index.__getitem__, hashes)
    return bytes(map(operator.le, map(operator.add, firsts, itertools.repeat(_SHINGLE)), range(len(hashes))))


def _merge_close(runs: list[tuple[int, int]], words: list[re.Match], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in runs:
        if merged and _bridgeable(merged[-1][1], a, words, text):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _bridgeable(last: int, first: int, words: list[re.Match], text: str) -> bool:
    if first - last - 1 <= _MAX_GAP_WORDS:
        return True
    gap = text[words[last].end() : words[first].start()]
    return all(is_boilerplate(line) for line in gap.splitlines() if line.strip())


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The whole lines inside ``text[start:end]``, without the white space around them.

    A copied piece of a line is part of an article that also says something else (a pull quote,
    a lead repeated in a longer sentence): only whole copied paragraphs are left out.
    """
    if not _starts_line(text, start):
        start = text.find("\n", start, end) + 1
        if start == 0:
            return None
    if not _ends_line(text, end):
        end = text.rfind("\n", start, end)
        if end < 0:
            return None
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return start, start + len(stripped)


def _starts_line(text: str, i: int) -> bool:
    return text[text.rfind("\n", 0, i) + 1 : i].strip() == ""


def _ends_line(text: str, i: int) -> bool:
    end = text.find("\n", i)
    return text[i : len(text) if end < 0 else end].strip() == ""


# --- symbol runs --------------------------------------------------------------------------------


def find_symbol_runs(text: str) -> list[Span]:
    """The inside of every run of at least 16 punctuation marks or symbols ("\"\"\"\"...", "= = = ...").

    Parsed, such a run costs time with the square of its length and yields nothing; its first and
    last few characters are left out of the span, so a quote ending in "!!!!!!!!!!!!!!!!\"" keeps
    its closing mark.
    """
    spans = []
    for m in _SYMBOL_RUN.finditer(text):
        start, end = m.start() + _SYMBOL_RUN_EDGE, m.end() - _SYMBOL_RUN_EDGE
        spans.append(Span.of(text, start, end))
    return spans


# --- boilerplate --------------------------------------------------------------------------------


def find_boilerplate(text: str) -> list[Span]:
    """Whole lines that are page furniture ("Advertisement", "Share this article"), not the article."""
    return [Span.of(text, m.start(), m.end()) for m in _LINE.finditer(text) if is_boilerplate(m.group())]


def is_boilerplate(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_BOILERPLATE_WORDS or _QUOTE_MARKS.search(line):
        return False
    return _boilerplate_pattern().fullmatch(" ".join(re.findall(r"\w+", line.lower()))) is not None


@lru_cache(maxsize=1)
def _boilerplate_pattern() -> re.Pattern:
    """One pattern for all lines of ``boilerplate.txt``, where ``*`` stands for any words."""
    alternatives = []
    for raw in BOILERPLATE_PATH.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if line:
            alternatives.append(_line_pattern(line))
    return re.compile("|".join(f"(?:{a})" for a in alternatives if a) or r"(?!)")


def _line_pattern(line: str) -> str:
    escaped = re.escape(" ".join(re.findall(r"\w+|\*", line)))
    if escaped.startswith("\\*"):
        escaped = "(?:.*\\ )?" + escaped.removeprefix("\\*").removeprefix("\\ ")
    return escaped.replace("\\ \\*", "(?:\\ .*)?")
