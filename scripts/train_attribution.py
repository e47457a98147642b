"""Train the attribution model shipped as src/saidwhat/data/attribution_model.json.

    python scripts/train_attribution.py ../shared/data/polnear/train [--docbin CACHE.spacy]

Every predicate with a subject and a content argument is a candidate (extraction.candidate);
a candidate is positive when the scorer would pair it with a gold statement (spans overlap,
content words F1 >= 0.5, one to one, best first). A logistic regression over the candidate features
gives the weights; the threshold is the one that maximises F1 on held-out folds of train.
Only the features' weights are shipped, never the articles' texts.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")


def word_f1(a: str, b: str) -> float:
    ca, cb = Counter(WORD.findall(a.lower())), Counter(WORD.findall(b.lower()))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


def one_to_one_labels(text: str, spans: list[tuple[int, int]], gold: list[dict]) -> list[int | None]:
    """1 for the candidate that the scorer would pair with a gold statement (best content-word
    overlap first, one to one), 0 for the others, None for those that only hit optional gold."""
    pairs = []
    for ci, (s, e) in enumerate(spans):
        content = text[s:e]
        for gi, g in enumerate(gold):
            if g["start"] < e and s < g["end"]:
                f = word_f1(g["content"], content)
                if f >= 0.5:
                    pairs.append((f, gi, ci))
    labels: list[int | None] = [0] * len(spans)
    used_g, used_c = set(), set()
    for _, gi, ci in sorted(pairs, reverse=True):
        if gi in used_g or ci in used_c:
            continue
        used_g.add(gi)
        used_c.add(ci)
        labels[ci] = None if gold[gi].get("optional") else 1
    return labels


def load_docs(texts: list[str], docbin: str | None):
    from spacy.tokens import DocBin

    from saidwhat.nlp import load_nlp

    nlp = load_nlp()
    if docbin and Path(docbin).exists():
        return list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if docbin:
        db = DocBin()
        for d in docs:
            db.add(d)
        db.to_disk(docbin)
    return docs


def candidates_with_labels(docs, golds):
    from saidwhat.extraction import candidate, quote_mark_positions

    X, y = [], []
    for doc, gold in zip(docs, golds, strict=True):
        text = doc.text
        marks = quote_mark_positions(text)
        cands = [c for c in (candidate(tok, text, marks) for tok in doc) if c is not None]
        labels = one_to_one_labels(text, [found.content for found, _ in cands], gold["statements"])
        for (_, features), label in zip(cands, labels, strict=True):
            if label is not None:
                X.append(features)
                y.append(label)
    return X, y


def best_threshold(probs, y) -> tuple[float, float]:
    pairs = sorted(zip(probs, y, strict=True), reverse=True)
    total_pos = sum(y)
    tp = 0
    best = (0.0, 0.5)
    for i, (p, label) in enumerate(pairs, 1):
        tp += label
        f1 = 2 * tp / (i + total_pos)
        if f1 > best[0]:
            best = (f1, p)
    return best


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir")
    ap.add_argument("--docbin", help="cache of the parsed articles (read if present, else written)")
    ap.add_argument(
        "--out", default=str(Path(__file__).parents[1] / "src/saidwhat/data/attribution_model.json")
    )
    ap.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    ap.add_argument("-C", type=float, default=0.5, help="inverse regularisation strength")
    a = ap.parse_args()

    files = sorted(Path(a.gold_dir).glob("*.json"))
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    docs = load_docs([g["text"] for g in golds], a.docbin)
    X, y = candidates_with_labels(docs, golds)
    counts = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if counts[k] >= a.min_count} for x in X]
    vec = DictVectorizer()
    M = vec.fit_transform(X)
    clf = LogisticRegression(C=a.C, max_iter=2000)
    probs = cross_val_predict(clf, M, y, cv=5, method="predict_proba")[:, 1]
    f1, threshold = best_threshold(list(probs), y)
    clf.fit(M, y)
    weights = {
        name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 5)
    weights = {k: v for k, v in weights.items() if abs(v) >= 1e-4}
    Path(a.out).write_text(
        json.dumps({"threshold": round(threshold, 4), "weights": weights}, indent=0, sort_keys=True) + "\n"
    )
    print(
        f"{len(y)} candidates, {sum(y)} positive; held-out candidate F1 {f1:.3f} at threshold {threshold:.3f}"
    )
    print(f"{len(weights)} weights written to {a.out}")


if __name__ == "__main__":
    main()
