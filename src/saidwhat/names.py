"""Names as text: the titles, honorifics and suffixes written around a name, a name's surname and
what its first name says of gender. Shared by resolution within an article (``resolve``) and the
speaker merge across articles (``store``), so both read one set of word lists in ``data/``."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_MODIFIER = "modifier"  # second field in titles.txt of a word that only qualifies a title


def read_phrases(name: str) -> frozenset[str]:
    """A data file of phrases, one a line, lower-cased; '#' starts a comment."""
    text = resources.files("saidwhat").joinpath("data", name).read_text(encoding="utf-8")
    phrases = (" ".join(line.split("#", 1)[0].split()).lower() for line in text.splitlines())
    return frozenset(p for p in phrases if p)


def read_list(name: str) -> dict[str, str]:
    """A data file as {first field: second field (or the first)}; '#' starts a comment."""
    text = resources.files("saidwhat").joinpath("data", name).read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        out[parts[0].lower()] = parts[1] if len(parts) > 1 else parts[0].lower()
    return out


@lru_cache(maxsize=1)
def _titles_file() -> dict[str, str]:
    return read_list("titles.txt")


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Role words ("president", "minister"), abbreviations mapped to their role ("sen." -> "senator")."""
    return {k: v for k, v in _titles_file().items() if v != _MODIFIER}


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    """Words that only qualify a title before a name: "Prime", "Deputy", "Foreign", "Shadow"."""
    return frozenset(k for k, v in _titles_file().items() if v == _MODIFIER)


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Honorifics and suffixes: "mr" -> "he", "dr" -> "", "jr." -> "suffix"."""
    return {k: ("" if v == k else v) for k, v in read_list("honorifics.txt").items()}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First names with their gender, "" for one given to both ("Lesley", "Chris")."""
    unisex = {name: "" for name in read_list("unisex_first_names.txt")}
    return unisex | read_list("first_names.txt")


def first_name(word: str) -> str | None:
    """The gender ("he", "she" or "") of a first name, also a double one whose parts are not
    all listed ("Sven-Goran"), or None when the word is no first name."""
    word = word.lower().rstrip(".")
    known = first_names()
    if word in known or "-" not in word:
        return known.get(word)
    parts = [known.get(part) for part in word.split("-")]
    listed = [g for g in parts if g is not None]
    return (listed[0] if parts[0] is not None else listed[-1]) if listed else None


def first_name_gender(name: str) -> str | None:
    """"he"/"she" when a full name's first name has a clear gender ("Carly Fiorina" -> "she")."""
    words = name.split()
    if len(words) < 2:
        return None  # a lone "Warren" may be a surname
    return first_name(words[0]) or None


def without_suffixes(words: list[str]) -> list[str]:
    """A name's words less a trailing "Jr."/"III"."""
    while len(words) > 1 and honorifics().get(words[-1].lower().rstrip(",")) == "suffix":
        words = words[:-1]
    return words


def surname(words) -> str:
    """The word a person is grouped by, lower case: the last one, not counting "Jr."/"III"."""
    words = [w if isinstance(w, str) else w.text for w in words]
    return without_suffixes(words)[-1].lower().rstrip(",")


def surname_as_written(name: str) -> str:
    return without_suffixes(name.split())[-1].rstrip(",")


def strip_titles(words: list[str]) -> list[str]:
    """Lower-case words of a name less the titles and honorifics before it: "prime minister
    jose socrates", "secretary of state john kerry", "shadow home secretary david davis", "mr
    blair", "lord butler of brockwell" (a peer's territorial "of" part goes too). A qualifying
    word goes only with a title after it ("the home office" stays); a bare title stays."""
    role_words, modifiers = titles().keys() | honorifics().keys(), title_modifiers()
    k = cut = 0
    peer = False
    while k < len(words) - 1:
        w = words[k].rstrip(".")
        if (k == 0 and w in ("the", "a", "an")) or w in role_words or words[k] in role_words:
            gender = honorifics().get(w)
            peer = peer or (gender in ("he", "she") and w not in ("mr", "mrs", "ms", "miss"))
            k = cut = k + 1
        elif w in modifiers:
            k += 1
        elif w == "of" and cut == k > 0 and k + 2 < len(words):
            k = cut = k + 2  # "secretary of state"
        else:
            break
    rest = words[cut:]
    if peer and "of" in rest[1:]:
        rest = rest[: rest.index("of", 1)]
    return rest


def bare(text: str) -> str:
    """A name without a leading article or trailing possessive: "the Kremlin's" -> "Kremlin"."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\s*['’]s?$", "", text).strip()


def organisations_compatible(a: str | None, b: str | None) -> bool:
    """Whether two organisation/country strings may name the same side ("Russia", "Russian")."""
    if not a or not b:
        return True
    a, b = bare(a).lower(), bare(b).lower()
    if a == b or a in b or b in a:
        return True
    one_word = " " not in a and " " not in b  # "Russia", "Russian"; not "New Jersey", "New York"
    return one_word and len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


@lru_cache(maxsize=1)
def headline_kickers() -> frozenset[str]:
    return read_phrases("headline_kickers.txt")


def is_kicker(label: str) -> bool:
    """ "Breaking", "The Latest", "EXCLUSIVE": a label before a headline's colon, not a speaker."""
    label = label.strip()
    return label.lower() in headline_kickers() or (label.isupper() and (" " in label or len(label) > 10))


@lru_cache(maxsize=1)
def outlet_words() -> dict[str, str]:
    """Words that mark a news outlet's name ("Times", "News"), with the kind of outlet."""
    return read_list("outlet_name_words.txt")


def names_an_outlet(name: str, kind: str = "any") -> bool:
    """Whether an organisation's name marks a news outlet of ``kind`` ("print", "broadcast", "any")."""
    marks = {outlet_words().get(w.strip(".,'’")) for w in name.lower().split()} - {None}
    return bool(marks) and (kind == "any" or "any" in marks or kind in marks)


@lru_cache(maxsize=1)
def outlet_nouns() -> frozenset[str]:
    """Common nouns an article calls a news outlet by ("the newspaper", "the network")."""
    return frozenset(read_list("outlet_nouns.txt"))


def calls_an_outlet(phrase: str) -> bool:
    """Whether a phrase names or describes a news outlet: "The Guardian", "a Sunday newspaper",
    "several newspapers"."""
    last = phrase.lower().split()[-1].strip(".,'’") if phrase.strip() else ""
    return names_an_outlet(phrase) or last in outlet_nouns() or last.removesuffix("s") in outlet_nouns()


@lru_cache(maxsize=1)
def _parties() -> dict[str, tuple[str, bool]]:
    """{lower-cased name of a party: (its usual name, whether the name is an adjective)}."""
    text = resources.files("saidwhat").joinpath("data", "parties.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str, bool]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        usual, nouns, adjectives = (line.split("|") + ["", ""])[:3]
        usual = usual.strip()
        for name in [usual, *nouns.split(",")]:
            if name.strip():
                out[name.strip().lower()] = (usual, False)
        for name in adjectives.split(","):
            if name.strip():
                out[name.strip().lower()] = (usual, True)
    return out


def party_of(name: str) -> str | None:
    """The usual name of the party a name calls ("Tories" -> "Conservatives"), or None."""
    found = _parties().get(bare(name).lower())
    return found[0] if found else None


def names_a_party_by_adjective(name: str) -> bool:
    """Whether a name calls a party only by its adjective ("Conservative", "Lib Dem")."""
    found = _parties().get(bare(name).lower())
    return bool(found and found[1])
