"""What the quotes step adds to `saidwhat run`, and what it finds across outlets.

    PYTHONPATH=src .venv/bin/python bench/bench_quotes.py                  # PolNeAR train (840)
    PYTHONPATH=src .venv/bin/python bench/bench_quotes.py --add-dev        # then dev too (924)

Runs `saidwhat run` (in this process, `--workers`) over PolNeAR train written as JSONL under /tmp
(source: the id's prefix before the first "_", date: the id's date), then times the quotes step
alone on the store it made (``Store.rebuild_quotes``, best of ``--repeat``) and reports it as a
share of the rest of the run. With ``--add-dev`` it adds PolNeAR dev to the store (an incremental
run) and reports the quotes of all 924 articles: how many appear in two or more outlets, and the
variants (a quote repeated with words changed).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from saidwhat import batch, ingest
from saidwhat.store import Store

POLNEAR = Path(__file__).resolve().parents[2] / "shared/data/polnear"


def write_corpus(src: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for f in sorted(src.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            source, date = (d["id"].split("_") + ["", ""])[:2]
            fh.write(json.dumps({"id": d["id"], "source": source, "date": date, "text": d["text"]}) + "\n")
    return out


def run(corpus: Path, db: Path, workers: int) -> batch.RunStats:
    return batch.run(ingest.read_paths([str(corpus)]), str(db), workers=workers, progress=False)


def time_quotes(db: Path, repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    with Store(str(db)) as store:
        for _ in range(repeat):
            started = time.perf_counter()
            n = store.rebuild_quotes()
            best = min(best, time.perf_counter() - started)
    return best, n


def report(db: Path, examples: int) -> dict:
    with Store(str(db)) as store:
        found = store.quotes()
    outlets = [q for q in found if len(_outlets(q)) >= 2]
    variants = [q for q in found if any(o["variant"] for o in q["occurrences"])]
    return {
        "quotes": len(found), "in_2_or_more_articles": sum(q["n_articles"] >= 2 for q in found),
        "in_2_or_more_outlets": len(outlets), "with_a_variant": len(variants),
        "outlets_examples": [{"text": q["text"], "speaker": q["speaker"], "outlets": _outlets(q)}
                             for q in outlets[:examples]],
        "variant_examples": [_variants(q) for q in variants[:examples]],
    }


def _outlets(q: dict) -> list[str]:
    return sorted({o["source"] for o in q["occurrences"]})


def _variants(q: dict) -> dict:
    return {"speaker": q["speaker"], "first_seen": q["text"], "first_source": q["first_seen"]["source"],
            "variants": [{"text": o["text"], "source": o["source"], "changed": o["changed"]}
                         for o in q["occurrences"] if o["variant"]]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=batch.default_workers())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--add-dev", action="store_true", help="then add PolNeAR dev and report over both")
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/saidwhat-bench/quotes"))
    args = ap.parse_args()

    db = args.tmp / "polnear.duckdb"
    for f in args.tmp.glob("polnear.duckdb*"):
        f.unlink()
    train = write_corpus(POLNEAR / "train", args.tmp / "train.jsonl")
    load = os.getloadavg()[0]
    stats = run(train, db, args.workers)
    quotes_s, n = time_quotes(db, args.repeat)
    rest = stats.seconds - quotes_s
    results = {"articles": stats.committed, "workers": args.workers, "load_before": round(load, 2),
               "run_seconds": round(stats.seconds, 1), "quotes_step_seconds": round(quotes_s, 2), "quotes": n,
               "quotes_share_of_the_rest_of_the_run": round(quotes_s / rest, 4)}
    print(json.dumps(results, indent=2), flush=True)
    if args.add_dev:
        run(write_corpus(POLNEAR / "dev", args.tmp / "dev.jsonl"), db, args.workers)
        results["train_and_dev"] = report(db, args.examples)
    out = args.tmp / "bench_quotes.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
