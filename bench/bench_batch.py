"""Batch throughput: `saidwhat run` with 1 and 2 workers against a bare spaCy nlp.pipe pass.

The corpus is PolNeAR train (840 articles) written as one JSONL file under /tmp (the texts belong
to their publishers and never enter the repository):

    PYTHONPATH=src .venv/bin/python bench/bench_batch.py            # all 840 articles
    PYTHONPATH=src .venv/bin/python bench/bench_batch.py --limit 100

Reports articles/s per worker count (model loads and DuckDB commits included), the 2-worker /
1-worker ratio (target >= 1.7), peak memory per worker, and each run against bare spaCy. With
`--whole-process` every run is a fresh `saidwhat run` command, timed from start to exit (Python
start-up, imports, model loads, the end-of-run steps). On a shared machine, `--rounds 3`
alternates the runs and keeps each one's best, and prints each round's ratio; the load average
before every run is recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from saidwhat import batch, ingest
from saidwhat.nlp import load_nlp
from saidwhat.records import Article

POLNEAR = Path(__file__).resolve().parents[2] / "shared/data/polnear/train"  # ../shared beside the repo


def write_corpus(src: Path, out: Path, limit: int | None) -> Path:
    files = sorted(src.glob("*.json"))[:limit]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for f in files:
            d = json.loads(f.read_text(encoding="utf-8"))
            publisher, date = (d["id"].split("_") + ["", ""])[:2]
            title = d["text"].split("\n", 1)[0].strip()
            fh.write(json.dumps({"id": d["id"], "title": title, "source": publisher, "date": date,
                                 "text": d["text"]}) + "\n")
    return out


def read_corpus(path: Path) -> list[Article]:
    """The articles through ``ingest`` when it reads JSONL; else straight from the lines."""
    items = list(ingest.read_paths([str(path)]))
    if len(items) > 1:
        return [a for a in items if isinstance(a, Article)]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(id=r["id"], text=r["text"], title=r["title"], source=r["source"], date=r["date"])
            for r in rows]


def bare_spacy(articles: list[Article]) -> float:
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    return len(articles) / (time.perf_counter() - started)


def batch_run(articles: list[Article], db: Path, workers: int, chunk: int) -> batch.RunStats:
    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    fresh = [Article(id=a.id, text=a.text, title=a.title, source=a.source, date=a.date) for a in articles]
    return batch.run(fresh, str(db), workers=workers, chunk_size=chunk, progress=False)


def command_run(corpus: Path, db: Path, workers: int, chunk: int) -> dict:
    """One `saidwhat run` process, timed from start to exit."""
    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-m", "saidwhat.cli", "run", str(corpus), "--db", str(db), "-q",
                           "--workers", str(workers), "--chunk-size", str(chunk)],
                          capture_output=True, text=True, check=True)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    summary = done.stdout.splitlines()[0]
    articles = int(re.search(r"(\d+) articles in", summary).group(1))
    return {"articles_per_s": round(articles / seconds, 3), "seconds": round(seconds, 1),
            "statements": int(re.search(r"; (\d+) statements", summary).group(1)), "cpu_s": round(cpu, 1)}


def _children_cpu() -> float:
    """CPU time of the finished child processes (a run and its workers), user and system."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="first N articles only")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--chunk-size", type=int, default=batch.DEFAULT_CHUNK)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/saidwhat-bench"))
    ap.add_argument("--rounds", type=int, default=1, help="repeat the runs, keep each one's best")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare spaCy pass")
    ap.add_argument("--whole-process", action="store_true",
                    help="time fresh `saidwhat run` commands instead of runs inside this process")
    args = ap.parse_args()

    corpus = write_corpus(POLNEAR, args.tmp / "polnear-train.jsonl", args.limit)
    articles = read_corpus(corpus)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {corpus} ({len(articles)} articles, {words} words)")
    results: dict = {"articles": len(articles), "words": words, "cores": os.cpu_count(), "runs": {}}
    results["whole_process"] = args.whole_process
    rounds: list[dict] = []
    for round_ in range(args.rounds):
        rounds.append({})
        for w in args.workers:
            load = os.getloadavg()[0]
            if args.whole_process:
                run = command_run(corpus, args.tmp / f"bench-{w}.duckdb", w, args.chunk_size)
                run["load_before"] = round(load, 2)
                print(f"round {round_ + 1}, {w} worker(s): {run}", flush=True)
                rounds[-1][w] = run["articles_per_s"]
                best = results["runs"].get(w)
                if best is None or run["articles_per_s"] > best["articles_per_s"]:
                    results["runs"][w] = run
                continue
            stats = batch_run(articles, args.tmp / f"bench-{w}.duckdb", w, args.chunk_size)
            run = {"articles_per_s": round(stats.articles_per_second, 3), "seconds": round(stats.seconds, 1),
                   "statements": stats.statements, "near_duplicates": stats.duplicates,
                   "errors": stats.errors, "peak_worker_rss_mb": round(stats.peak_worker_rss_mb),
                   "load_before": round(load, 2), "worker_cpu_s": round(stats.cpu_seconds, 1),
                   "worker_wait_for_core_s": round(stats.waiting_seconds, 1)}
            print(f"round {round_ + 1}, {w} worker(s): {stats.summary(str(args.tmp / f'bench-{w}.duckdb'))}; "
                  f"peak memory per worker {stats.peak_worker_rss_mb:.0f} MB; load average {load:.2f}; "
                  f"workers used {stats.cpu_seconds:.0f} s CPU and waited {stats.waiting_seconds:.0f} s "
                  "for a core")
            rounds[-1][w] = run["articles_per_s"]
            best = results["runs"].get(w)
            if best is None or run["articles_per_s"] > best["articles_per_s"]:
                results["runs"][w] = run  # the best round: the one least disturbed by other processes
    if not args.no_bare:
        results["bare_spacy_articles_per_s"] = round(bare_spacy(articles), 3)
        results["bare_spacy_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    runs = results["runs"]
    if 1 in runs and 2 in runs:
        results["ratio_2_over_1"] = round(runs[2]["articles_per_s"] / runs[1]["articles_per_s"], 2)
        results["ratio_per_round"] = [round(r[2] / r[1], 2) for r in rounds]
        if args.whole_process:  # what the work allows on two idle cores: CPU time of 1 over half that of 2
            results["cpu_bound_ratio"] = round(runs[1]["cpu_s"] / (runs[2]["cpu_s"] / 2), 2)
    if "bare_spacy_articles_per_s" in results:
        for r in runs.values():
            r["vs_bare_spacy"] = round(r["articles_per_s"] / results["bare_spacy_articles_per_s"], 2)
    out = args.tmp / "bench_batch.json"
    out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
