"""Train the dispute judge shipped as src/saidwhat/data/dispute_model.json.

    python scripts/train_disputes.py ../shared/data/polnear/train [--pred CACHE.jsonl]

Only the annotated train articles carry disputes (``"annotated": true``). Each is run through the
pipeline without its disputes stage (the statements cached in ``--pred``), and every candidate
pair of ``dispute_judge`` is labelled from the gold disputes through the scorer's own statement
matching: a pair on a required or optional gold dispute is positive. A logistic regression
(L2, fixed seed) is fitted on all pairs. Its threshold is chosen on held-out folds of train
grouped by article (5 folds): each article keeps its best pairs as the pipeline does (framed
pushbacks only, at most ``MAX_PER_ARTICLE``, none touching a statement the cue rules took), and
the threshold is the lowest at which the kept pairs' precision (the scorer's: optional disputes
neither right nor wrong), averaged with its neighbours on the grid, reaches ``TARGET_PRECISION``
(1.0 when none does: judged pairs are then listed only for a lower ``--min-confidence``).
Precision and recall are measured on the articles drawn at random only: the 60 chosen for their
pushback words (``PUSHBACK_SELECTED.txt``) are trained on but would flatter the figures, since
unseen news is random news. Only weights ship. Needs scikit-learn (training only).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one BLAS thread: the same weights on every machine

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
FOLDS = 5
C = 0.1
MIN_COUNT = 5  # a feature seen in fewer training pairs is dropped
TARGET_PRECISION = 0.30  # issue 8's bar on dev: precision first, yet the judge speaks
GRID = [round(0.2 + 0.025 * k, 3) for k in range(25)]  # 0.2 .. 0.8


def chosen_for_pushback(folder: Path) -> set[str]:
    """The annotated articles chosen for their pushback words, not drawn at random."""
    listed = folder / "PUSHBACK_SELECTED.txt"
    return set(listed.read_text(encoding="utf-8").split()) if listed.exists() else set()


def gold_articles(folder: Path) -> dict[str, dict]:
    out = {}
    for f in sorted(folder.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        if g.get("annotated"):
            out[g["id"]] = g
    return out


def predicted(golds: dict[str, dict], cache: Path | None, fold_dir: Path | None = None) -> dict[str, dict]:
    """The pipeline's statements for each article (no disputes), from ``cache`` when it has them.
    With ``fold_dir`` (``train_attribution.py --fold-dir``), each article is extracted by the
    attribution model of the fold that did not see it, as unseen news would be."""
    from saidwhat.extraction import AttributionModel
    from saidwhat.records import Article, article_to_dict

    if cache and cache.exists():
        rows = (json.loads(x) for x in cache.read_text(encoding="utf-8").splitlines() if x.strip())
        found = {o["id"]: o for o in rows if o["id"] in golds}
        if len(found) == len(golds):
            return found
    from saidwhat.pipeline import Pipeline

    pipeline = Pipeline(find_disputes=False)
    fold_of = json.loads((fold_dir / "folds.json").read_text()) if fold_dir else {}
    found = {}
    for fold in sorted(set(fold_of.get(k) for k in golds), key=str):
        if fold is not None:
            data = json.loads((fold_dir / f"fold{fold}.json").read_text())
            pipeline.attribution_model = AttributionModel(data["weights"], data["threshold"])
        articles = [Article(id=k, text=g["text"]) for k, g in golds.items() if fold_of.get(k) == fold]
        found.update((a.id, article_to_dict(a)) for a in pipeline.process_many(articles))
    if cache:
        cache.write_text("".join(json.dumps(found[k]) + "\n" for k in golds), encoding="utf-8")
    return found


def labelled_rows(golds: dict[str, dict], preds: dict[str, dict], score) -> tuple[list[dict], int]:
    """Every candidate pair with its features and label (1 required, 2 optional, 0 none), and
    the number of required gold disputes."""
    from saidwhat import dispute_judge as J
    from saidwhat import disputes as D
    from saidwhat.records import article_from_dict

    rows, n_required = [], 0
    for aid, g in golds.items():
        p = preds[aid]
        gold_of = {p["statements"][pi]["id"]: g["statements"][gi]["id"]
                   for pi, gi in score.match(g["statements"], p["statements"]).items()}
        required = {frozenset((d["a"], d["b"])) for d in g["disputes"] if not d.get("optional")}
        optional = {frozenset((d["a"], d["b"])) for d in g["disputes"] if d.get("optional")}
        n_required += len(required)
        article = article_from_dict(p)
        saids = D.read_article(article)
        cued = D.cued_disputes(saids, article) if len(saids) > 1 else []
        taken = {x for d in cued for x in (d.a, d.b)}
        for i, j, f in J.featured_pairs(J.read(article, saids)):
            a, b = saids[i].st.id, saids[j].st.id
            key = frozenset((gold_of.get(a), gold_of.get(b)))
            kept = J.framed(f) and a not in taken and b not in taken  # as the pipeline keeps them
            rows.append({"art": aid, "a": a, "b": b, "f": f, "kept": kept,
                         "y": 1 if key in required else 2 if key in optional else 0})
    return rows, n_required


def fit(rows):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = collections.Counter(k for r in rows for k in r["f"])
    X = [{k: v for k, v in r["f"].items() if counts[k] >= MIN_COUNT} for r in rows]
    vec = DictVectorizer()
    clf = LogisticRegression(C=C, tol=1e-8, max_iter=20000, random_state=SEED)
    clf.fit(vec.fit_transform(X), [1 if r["y"] else 0 for r in rows])
    return vec, clf


def predict(model, rows) -> list[float]:
    vec, clf = model
    return list(clf.predict_proba(vec.transform([r["f"] for r in rows]))[:, 1])


def held_out_scores(rows) -> list[float]:
    from sklearn.model_selection import GroupKFold

    scores = [0.0] * len(rows)
    for tr, te in GroupKFold(n_splits=FOLDS).split(rows, groups=[r["art"] for r in rows]):
        for k, s in zip(te, predict(fit([rows[i] for i in tr]), [rows[i] for i in te]), strict=True):
            scores[k] = s
    return scores


def kept(rows, scores, per_article: int) -> list[tuple[float, dict]]:
    """Each article's best pairs as the pipeline keeps them (``dispute_judge.best_pairs``); best first."""
    from saidwhat.dispute_judge import best_pairs

    by_art = collections.defaultdict(list)
    for r, s in zip(rows, scores, strict=True):
        if r["kept"]:
            by_art[r["art"]].append((s, r["a"], r["b"], r))
    out = [(s, r) for pairs in by_art.values() for s, _, _, r in best_pairs(pairs, limit=per_article)]
    return sorted(out, key=lambda x: -x[0])


def curve(chosen, n_required: int) -> dict[float, tuple[int, int, float, float]]:
    """threshold -> (right, wrong, precision, recall) of the kept pairs at or above it."""
    out = {}
    for t in GRID:
        top = [r for s, r in chosen if s >= t]
        right, wrong = sum(r["y"] == 1 for r in top), sum(r["y"] == 0 for r in top)
        out[t] = (right, wrong, right / max(1, right + wrong), right / max(1, n_required))
    return out


def choose_threshold(points: dict[float, tuple[int, int, float, float]]) -> float:
    """The lowest grid threshold whose precision, averaged with its grid neighbours, reaches
    ``TARGET_PRECISION``; 1.0 (judged pairs only on request) when none does."""
    ts = sorted(points)
    for k, t in enumerate(ts):
        near = [points[x][2] for x in ts[max(0, k - 1) : k + 2]]
        if sum(near) / len(near) >= TARGET_PRECISION and points[t][0] + points[t][1] >= 5:
            return t
    return 1.0


def two_stages(rows, scores, threshold: float, per_article: int) -> str:
    """Pushback detection (does the kept ``b`` have a required partner in reach) and linking (is
    the pair the right one), for the pairs kept at the threshold."""
    chosen = [(s, r) for s, r in kept(rows, scores, per_article) if s >= threshold]
    partners = {(r["art"], r["b"]) for r in rows if r["y"] == 1}
    push = sum((r["art"], r["b"]) in partners for _, r in chosen)
    linked = sum(r["y"] == 1 for _, r in chosen)
    return (f"{len(chosen)} kept: {push} are pushbacks with a required claim in reach "
            f"({push / max(1, len(chosen)):.2f}); {linked} linked to it "
            f"({linked / max(1, push):.2f} of those)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, help="PolNeAR train folder (../shared/data/polnear/train)")
    ap.add_argument("--pred", type=Path, help="cache of the pipeline's statements (JSONL)")
    ap.add_argument("--fold-dir", type=Path, help="extract each article with the attribution model of "
                    "the fold that did not see it (train_attribution.py --fold-dir)")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "saidwhat" / "data" / "dispute_model.json")
    a = ap.parse_args(argv)
    from train_resolution import load_scorer  # beside this script

    from saidwhat.dispute_judge import MAX_PER_ARTICLE

    golds = gold_articles(a.train)
    rows, n_required = labelled_rows(golds, predicted(golds, a.pred, a.fold_dir), load_scorer(a.scorer))
    in_reach = sum(r["y"] == 1 for r in rows)
    print(f"{len(golds)} annotated articles, {len(rows)} candidate pairs, "
          f"{in_reach} of {n_required} required disputes in reach", file=sys.stderr)
    scores = held_out_scores(rows)
    selected = chosen_for_pushback(a.train)
    random_rows = [(r, s) for r, s in zip(rows, scores, strict=True) if r["art"] not in selected]
    rows_r, scores_r = [r for r, _ in random_rows], [s for _, s in random_rows]
    n_required_r = sum(1 for k, g in golds.items() if k not in selected
                       for d in g["disputes"] if not d.get("optional"))
    points = curve(kept(rows_r, scores_r, MAX_PER_ARTICLE), n_required_r)
    everywhere = curve(kept(rows, scores, MAX_PER_ARTICLE), n_required)
    threshold = choose_threshold(points)
    print(f"  held out, the {len(golds) - len(selected & set(golds))} random articles "
          f"({n_required_r} required disputes) | all {len(golds)}:", file=sys.stderr)
    for t, (right, wrong, p, r) in points.items():
        mark = "  <- threshold" if t == threshold else ""
        right_all, wrong_all, p_all, r_all = everywhere[t]
        print(f"  >= {t:.3f}: {right} right, {wrong} wrong, P {p:.2f} R {r:.3f} | {right_all} right, "
              f"{wrong_all} wrong, P {p_all:.2f} R {r_all:.3f}{mark}", file=sys.stderr)
    print("  random articles: " + two_stages(rows_r, scores_r, threshold, MAX_PER_ARTICLE), file=sys.stderr)
    vec, clf = fit(rows)
    weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, clf.coef_[0], strict=True)
               if abs(w) >= 0.01}
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    model = {"threshold": threshold, "weights": dict(sorted(weights.items()))}
    a.out.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({len(weights)} weights, threshold {threshold})", file=sys.stderr)


if __name__ == "__main__":
    main()
