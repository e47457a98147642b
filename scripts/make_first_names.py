"""Build ``src/saidwhat/data/unisex_first_names.txt`` from the name data of nomquamgender 0.1.4.

    pip download nomquamgender==0.1.4 --no-deps -d /tmp/nqg
    python scripts/make_first_names.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl \
        ../shared/data/polnear/train

``first_names.txt`` holds the names of clear gender (given to one gender at least 90% of the
time); this file the common names the data gives to both: a first name all the same ("Lesley
Douglas", "Chris Smith"), compatible with "he" and "she". Names that news text writes more
often in lower case mid-sentence (in the articles of the folder given: "rain", "young") are
words, and a few names that open place names or dates are left out.
"""

import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "saidwhat" / "data" / "unisex_first_names.txt"
MIN_SEEN = 20000
CLEAR = 0.9
# Sandy Hook, August 2016, Madison Square Garden, France Telecom; and surnames news uses alone
NOT_NAMES = {"august", "april", "june", "may", "sandy", "santa", "saint", "brooklyn", "cali", "camden",
             "dakota", "dallas", "diamond", "eden", "france", "jordan", "justice", "kenya", "london",
             "madison", "paris", "phoenix", "river", "sydney", "trinidad", "blair", "carson", "chandler",
             "christie", "cruz", "kennedy", "lamar", "monroe"}
HEADER = """\
# First names given to both genders in the name-gender data of nomquamgender 0.1.4
# (https://github.com/ianvanbuskirk/nomquamgender, MIT licence, its notice in first_names.txt):
# names seen at least 20,000 times, neither gender's in 90% of them, less words, places and
# surnames news uses alone. A full name starting with one is a person's; "he" and "she" both
# fit. Made by scripts/make_first_names.py.
"""
_MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,;] )([A-Za-z]+)")


def lower_case_words(corpus: Path) -> set[str]:
    """Words written in lower case mid-sentence at least as often as capitalised."""
    lower, upper = Counter(), Counter()
    for f in sorted(corpus.glob("*.json")):
        for m in _MID_SENTENCE_WORD.finditer(json.loads(f.read_text(encoding="utf-8"))["text"]):
            w = m.group(1)
            (upper if w[0].isupper() else lower)[w.lower()] += 1
    return {w for w in lower if lower[w] >= upper[w]}


def unisex(seen: int, share_female: float) -> bool:
    return seen >= MIN_SEEN and 1 - CLEAR < share_female < CLEAR


def main(wheel: str, corpus: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("nomquamgender/name_data.json"))
    words = lower_case_words(Path(corpus)) | NOT_NAMES
    rows = sorted(name for name, v in data.items()
                  if name.isalpha() and name.isascii() and unisex(v[1], v[2]) and name not in words)
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} first names written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
