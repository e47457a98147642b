"""Train the speaker-resolution ranker shipped as src/saidwhat/data/resolution_model.json.

    python scripts/train_resolution.py ../shared/data/polnear/train [--docbin CACHE.spacy]

Only the annotated train articles carry resolved names (``"annotated": true``). Each is cleaned
and parsed as the pipeline does, and the speakers of its gold statements (their source spans as
the speaker mentions) are resolved while every mention left to the ranker is traced with its
candidates and their features. A candidate is right when the scorer would accept its name for
the gold speaker; "no name" is right when the gold has none or no candidate is right. The
weights maximise the probability of the right choices (a softmax over each mention's choices,
L2-penalised). Features depend on earlier choices (who spoke last), so training runs in rounds:
the first resolves with an empty model (no ranked names), each next with the previous model.
Each mention kind's threshold (below it, no name) maximises right names minus wrong names on
held-out folds of train grouped by article (5 folds, fixed seed). Only weights are shipped.
Needs scikit-learn's dependencies numpy and scipy (training only).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("he", "it", "they", "role", "org", "doc")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def parse(golds: list[dict], docbin: str | None) -> list:
    """The parses of the articles cleaned as the pipeline cleans them (cached in ``docbin``)."""
    from train_attribution import load_docs  # beside this script

    return load_docs(golds, docbin)


def gold_statements(gold: dict):
    """The gold statements with a source span, as the records ``resolve`` reads (the source span
    is the speaker mention), and each one's gold name (None: no name)."""
    from saidwhat.records import Span, Speaker, Statement

    text = gold["text"]
    statements, names = [], []
    for g in gold["statements"]:
        if g.get("speaker_start") is None or g.get("optional"):
            continue
        mention = Span.of(text, g["speaker_start"], g["speaker_end"])
        statements.append(Statement(id=g["id"], kind=g["kind"], content=Span.of(text, g["start"], g["end"]),
                                    speaker=Speaker(name=None, mention=mention)))
        names.append(g.get("speaker_name"))
    return statements, names


def traced_mentions(score, docs, golds, ranker):
    """For every mention the ranker saw: (article index, kind, feature rows with "no name" first,
    the indices of the right rows). The mentions are the gold source spans; "no name" is right
    when the gold has no name or its name is among no candidates."""
    from saidwhat import resolve

    rows = []
    for ai, (doc, gold) in enumerate(zip(docs, golds, strict=True)):
        statements, names = gold_statements(gold)
        trace: list = []
        resolve.resolve(doc, statements, ranker=ranker, trace=trace)
        aliases = gold.get("speakers", {})
        by_char = {st.speaker.mention.start: i for i, st in enumerate(statements)}  # type: ignore[union-attr]
        for ask, null, cands in trace:
            i = by_char.get(ask.char)
            if ask.content is None or i is None or not cands:
                continue  # a nested or followed-for-salience mention: no gold for it
            name = names[i]
            right = [k + 1 for k, (c, _) in enumerate(cands)
                     if name and score.speaker_ok(c.name, name, aliases)]
            rows.append((ai, ask.kind, [null] + [f for _, f in cands], right or [0]))
    return rows


def fit(rows, l2: float) -> dict[str, float]:
    """Weights that maximise the log-probability of the right rows of each mention (a softmax
    over its rows), with an L2 penalty."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    data, cols, ptr, starts, right_rows = [], [], [0], [], []
    n = 0
    for _, _, feats, right in rows:
        starts.append(n)
        for k, f in enumerate(feats):
            for name, value in f.items():
                cols.append(index.setdefault(name, len(index)))
                data.append(value)
            ptr.append(len(cols))
            if k in right:
                right_rows.append(n + k)
        n += len(feats)
    X = csr_matrix((data, cols, ptr), shape=(n, len(index)))
    group = np.repeat(np.arange(len(rows)), np.diff(starts + [n]))
    is_right = np.zeros(n, dtype=bool)
    is_right[right_rows] = True

    def loss(w):
        z = X @ w
        top = np.full(len(rows), -np.inf)
        np.maximum.at(top, group, z)
        e = np.exp(z - top[group])
        total = np.bincount(group, e, len(rows))
        good = np.bincount(group, e * is_right, len(rows))
        value = -np.sum(np.log(good) - np.log(total)) + l2 * w @ w
        grad_rows = e / total[group] - np.where(is_right, e / good[group], 0.0)
        return value, X.T @ grad_rows + 2 * l2 * w

    w = minimize(loss, np.zeros(len(index)), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return {name: float(w[i]) for name, i in index.items()}


def choose(ranker, kind: str, feats) -> tuple[float, int]:
    """The chosen row's probability and index (0: no name), before any threshold."""
    probs = ranker.probabilities(feats[0], feats[1:])
    best = max(range(len(probs)), key=probs.__getitem__)
    return probs[best], best


def best_threshold(held_out) -> float:
    """The lowest probability a chosen name needs: of 0.3, 0.4, ..., 1.0, the one that maximises
    right names minus wrong names on held-out mentions of one kind (a wrong name costs more than
    none; on a tie, the higher), that gain averaged with its neighbours' on the grid. A coarse,
    smoothed grid keeps the choice from following noise (it flipped between retrains)."""
    scored = [(p, right) for _, p, chosen, right in held_out if chosen]
    grid = [round(0.3 + 0.1 * k, 1) for k in range(8)]
    gain = [sum(1 if right else -1 for p, right in scored if p >= t) for t in grid]
    smooth = [sum(gain[max(0, k - 1) : k + 2]) / len(gain[max(0, k - 1) : k + 2]) for k in range(len(grid))]
    return max(grid, key=lambda t: (round(smooth[grid.index(t)], 6), t))


def cross_validate(rows, l2: float, folds: int = 5, seed: int = 13):
    """(kind, probability, a name chosen, the choice right) for every mention, by a model that
    did not see its article (folds grouped by article)."""
    from saidwhat.resolve_ranker import Ranker

    articles = sorted({r[0] for r in rows})
    random.Random(seed).shuffle(articles)
    fold_of = {ai: k % folds for k, ai in enumerate(articles)}
    held_out: list = [None] * len(rows)
    for k in range(folds):
        ranker = Ranker(fit([r for r in rows if fold_of[r[0]] != k], l2), {})
        for n, (ai, kind, feats, right) in enumerate(rows):
            if fold_of[ai] == k:
                p, best = choose(ranker, kind, feats)
                held_out[n] = (kind, p, best > 0, best in right)
    return held_out


def report(rows, held_out, thresholds) -> None:
    stats: dict[str, Counter] = defaultdict(Counter)
    for (_, kind, _, right), (_, p, chosen, ok) in zip(rows, held_out, strict=True):
        s = stats[kind]
        s["mentions"] += 1
        s["named"] += right != [0]
        if chosen and p >= thresholds[kind]:
            s["right" if ok else "wrong"] += 1
        elif right == [0]:
            s["none_right"] += 1
    for kind in KINDS:
        s = stats[kind]
        print(f"  {kind:5s} {s['mentions']:5d} mentions, {s['named']:5d} with a right candidate; held out: "
              f"{s['right']} right names, {s['wrong']} wrong, {s['none_right']} right 'no name' "
              f"(threshold {thresholds[kind]})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir")
    ap.add_argument("--docbin", help="cache of the parsed articles (read if present, else written)")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/eval/score.py"))
    ap.add_argument("--out", default=str(ROOT / "src/saidwhat/data/resolution_model.json"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights")
    a = ap.parse_args()

    from saidwhat.resolve_ranker import Ranker

    score = load_scorer(Path(a.scorer))
    files = sorted(Path(a.gold_dir).glob("*.json"))
    golds = [g for g in (json.loads(f.read_text(encoding="utf-8")) for f in files) if g.get("annotated")]
    docs = parse(golds, a.docbin)
    ranker = Ranker({}, {kind: 1.0 for kind in KINDS})
    for round_ in range(1, a.rounds + 1):
        rows = traced_mentions(score, docs, golds, ranker)
        held_out = cross_validate(rows, a.l2)
        thresholds = {kind: best_threshold([h for h in held_out if h[0] == kind]) for kind in KINDS}
        print(f"round {round_}: {len(rows)} labelled mentions")
        report(rows, held_out, thresholds)
        ranker = Ranker(fit(rows, a.l2), thresholds)
    weights = {k: round(v, 4) for k, v in sorted(ranker.weights.items()) if abs(v) >= 1e-3}
    Path(a.out).write_text(json.dumps({"thresholds": ranker.thresholds, "weights": weights}, indent=0) + "\n")
    print(f"{len(weights)} weights written to {a.out}")


if __name__ == "__main__":
    main()
