"""Throughput of `saidwhat extract` against one bare spaCy pass over the same texts.

    python bench/bench_extract.py [GOLD_DIR] [--repeat N]

GOLD_DIR defaults to ../shared/data/polnear/dev (84 articles). The texts are written to a
temporary JSONL corpus (never into the repo). Both sides run as fresh processes, model loading
included, alternately N times; the best time of each is kept (the machine is noisy) and the
ratio ours/bare is printed with words/s and each side's peak memory (ru_maxrss of that child).
The same ratio by CPU seconds (user and system, the child's and its workers') is printed beside it:
where the two differ, other processes took the cores from the runs. (On the project's shared
machine they move together: its noise is in the CPU time itself, and only runs alternating with
a baseline tell two releases apart.)
A third side runs `saidwhat extract --no-disputes`, so the cost of the disputes stage shows too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import json, sys
import spacy
from saidwhat.nlp import MODEL, pin_blas_threads
pin_blas_threads()
nlp = spacy.load(MODEL)  # spaCy alone: not load_nlp(), which adds saidwhat's bounds on words and sentences
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def write_corpus(gold_dir: Path, path: Path) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for f in sorted(gold_dir.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            words += len(g["text"].split())
            out.write(json.dumps({"id": g["id"], "text": g["text"]}) + "\n")
    return words


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MiB and CPU seconds of one child process (its workers included)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark command failed ({status}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", default=str(here.parent / "shared/data/polnear/dev"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = write_corpus(Path(a.gold_dir), corpus)
        ours_cmd = [
            sys.executable,
            "-m",
            "saidwhat",
            "extract",
            str(corpus),
            "--format",
            "jsonl",
            "--out",
            str(Path(tmp) / "out.jsonl"),
        ]
        bare_cmd = [sys.executable, "-c", BARE, str(corpus)]
        ours, bare, no_disputes = [], [], []
        for _ in range(a.repeat):
            bare.append(run(bare_cmd))
            ours.append(run(ours_cmd))
            no_disputes.append(run([*ours_cmd, "--no-disputes"]))
    t_bare, mem_bare = min(bare)[0], max(m for _, m, _ in bare)
    t_ours, mem_ours = min(ours)[0], max(m for _, m, _ in ours)
    cpu_bare, cpu_ours = min(c for *_, c in bare), min(c for *_, c in ours)
    t_no_disputes = min(no_disputes)[0]
    result = {
        "words": words,
        "bare_spacy_words_per_s": round(words / t_bare),
        "saidwhat_words_per_s": round(words / t_ours),
        "ratio_ours_over_bare": round(t_bare / t_ours, 3),
        "cpu_ratio_ours_over_bare": round(cpu_bare / cpu_ours, 3),
        "disputes_stage_added_time": f"{(t_ours - t_no_disputes) / t_no_disputes:+.1%}",
        "bare_peak_mib": round(mem_bare),
        "saidwhat_peak_mib": round(mem_ours),
        "runs": a.repeat,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
