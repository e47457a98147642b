"""Train the attribution model shipped as src/saidwhat/data/attribution_model.json.

    python scripts/train_attribution.py ../shared/data/polnear/train [--docbin CACHE.spacy]
    make train-attribution

Every predicate with a subject and a content argument is a candidate (extraction.candidate,
with the nesting features of extraction.clause_candidates); a candidate is positive when the
scorer would pair it with a gold statement (spans overlap, content words F1 >= 0.5, one to one,
best first) and its speaker mention is the gold one (it overlaps the gold source, or ends with the
gold name's last word): a reading that gives the statement to the wrong speaker is a negative.
A logistic regression over the candidate features gives the weights. The threshold is chosen by
cross-validation grouped by article: each article is extracted with the model of the fold that
did not see it, and the threshold kept is
the one with the best F1 over all train articles of statements found (as the scorer finds them)
with their speaker mention on the gold source span: a statement given to the wrong mention
costs more than a missed one.
The articles are parsed as the pipeline parses them (repeated blocks blanked). Fixed folds and a
deterministic solver: the same data gives the same weights. Only the features' weights are
shipped, never the articles' texts.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(13)]  # 0.2 ... 0.5


def word_f1(a: str, b: str) -> float:
    ca, cb = Counter(WORD.findall(a.lower())), Counter(WORD.findall(b.lower()))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


def one_to_one_labels(
    text: str, spans: list[tuple[int, int]], gold: dict, mentions: list[tuple[int, int] | None]
) -> list[int | None]:
    """1 for the candidate that the scorer would pair with a gold statement (best content-word
    overlap first, one to one) and whose speaker mention is the gold one, 0 for the others
    (a statement given to the wrong speaker is worse than none), None for those that only hit
    optional gold."""
    statements = gold["statements"]
    labels: list[int | None] = []
    for gi, mention in zip(one_to_one_matches(text, spans, statements), mentions, strict=True):
        if gi is None:
            labels.append(0)
        elif statements[gi].get("optional"):
            labels.append(None)
        else:
            labels.append(int(same_speaker(text, mention, statements[gi], gold.get("speakers", {}))))
    return labels


def same_speaker(text: str, mention: tuple[int, int] | None, g: dict, aliases: dict) -> bool:
    """Whether a candidate's speaker mention is the gold statement's: it overlaps the gold source
    span, or (where the gold names the speaker) ends with the name's last word."""
    if g.get("speaker_start") is None:
        return True
    if mention is None:
        return False
    if mention[0] < g["speaker_end"] and g["speaker_start"] < mention[1]:
        return True
    name = g.get("speaker_name")
    words = WORD.findall(text[mention[0] : mention[1]].lower())
    names = [name, *aliases.get(name, [])] if name else []
    return bool(words) and any(WORD.findall(n.lower())[-1:] == words[-1:] for n in names)


def one_to_one_matches(text: str, spans: list[tuple[int, int]], gold: list[dict]) -> list[int | None]:
    """The gold statement each span is paired with as the scorer pairs them, or None."""
    pairs = []
    for ci, (s, e) in enumerate(spans):
        content = text[s:e]
        for gi, g in enumerate(gold):
            if g["start"] < e and s < g["end"]:
                f = word_f1(g["content"], content)
                if f >= 0.5:
                    pairs.append((f, gi, ci))
    matches: list[int | None] = [None] * len(spans)
    used_g, used_c = set(), set()
    for _, gi, ci in sorted(pairs, reverse=True):
        if gi in used_g or ci in used_c:
            continue
        used_g.add(gi)
        used_c.add(ci)
        matches[ci] = gi
    return matches


def load_docs(golds: list[dict], docbin: str | None):
    """The articles parsed as the pipeline parses them, from the cache when it exists."""
    from spacy.tokens import DocBin

    from saidwhat import clean
    from saidwhat.nlp import load_nlp
    from saidwhat.records import Article

    nlp = load_nlp()
    if docbin and Path(docbin).exists():
        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
        if [d.text for d in docs] == [parse_text(g, clean, Article) for g in golds]:
            return docs
    docs = list(nlp.pipe((parse_text(g, clean, Article) for g in golds), batch_size=16))
    if docbin:
        db = DocBin()
        for d in docs:
            db.add(d)
        db.to_disk(docbin)
    return docs


def parse_text(gold: dict, clean, article_cls) -> str:
    return clean.parse_text(clean.clean(article_cls(id=gold["id"], text=gold["text"])))


def candidates_with_labels(docs, golds):
    """Feature dicts, labels and the article index of every candidate that is not optional."""
    from saidwhat.extraction import clause_candidates, trim

    X, y, groups = [], [], []
    for k, (doc, gold) in enumerate(zip(docs, golds, strict=True)):
        text = doc.text
        *_, cands = clause_candidates(doc, text)
        spans = [trim(text, *found.content) for found, _ in cands]
        labels = one_to_one_labels(text, spans, gold, [found.speaker for found, _ in cands])
        for (_, features), label in zip(cands, labels, strict=True):
            if label is not None:
                X.append(features)
                y.append(label)
                groups.append(k)
    return X, y, groups


def fit_weights(M, y, names, C: float) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=3000).fit(M, y)
    weights = {name: float(w) for name, w in zip(names, clf.coef_[0], strict=True)}
    weights["bias"] = weights.get("bias", 0.0) + float(clf.intercept_[0])
    return weights


def statement_counts(docs, golds, models) -> Counter:
    """What the scorer counts, each article extracted with its model: statements predicted,
    gold, found, and found with a speaker mention on the gold source span ("right"; resolution,
    the next stage, can only add to these)."""
    from saidwhat.extraction import extract_statements

    counts: Counter = Counter()
    for doc, gold, model in zip(docs, golds, models, strict=True):
        statements = extract_statements(doc, model=model)
        spans = [(s.content.start, s.content.end) for s in statements]
        matched = one_to_one_matches(doc.text, spans, gold["statements"])
        counts["pred"] += sum(1 for gi in matched if gi is None or not gold["statements"][gi].get("optional"))
        counts["gold"] += sum(1 for g in gold["statements"] if not g.get("optional"))
        for st, gi in zip(statements, matched, strict=True):
            g = gold["statements"][gi] if gi is not None else None
            if g is None or g.get("optional"):
                continue
            counts["found"] += 1
            mention = st.speaker.mention if st.speaker else None
            if mention and g.get("speaker_start") is not None:
                counts["right"] += mention.start < g["speaker_end"] and g["speaker_start"] < mention.end
    return counts


def f1(hits: int, pred: int, gold: int) -> float:
    return 2 * hits / (pred + gold) if pred + gold else 0.0


def write_folds(folder: Path, fold_models, threshold: float, ids: list[str]) -> None:
    """``fold<k>.json`` (a model as shipped) and ``folds.json`` (article id -> the fold that did
    not see it)."""
    folder.mkdir(parents=True, exist_ok=True)
    held_out = {}
    for k, (weights, unseen) in enumerate(fold_models):
        kept = {n: round(v, 5) for n, v in weights.items() if abs(v) >= 1e-4}
        (folder / f"fold{k}.json").write_text(json.dumps({"threshold": threshold, "weights": kept}) + "\n")
        held_out.update((ids[i], k) for i in unseen)
    (folder / "folds.json").write_text(json.dumps(held_out, indent=0, sort_keys=True) + "\n")


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import GroupKFold

    from saidwhat.extraction import AttributionModel

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir")
    ap.add_argument("--docbin", help="cache of the parsed articles (read if it matches, else written)")
    ap.add_argument(
        "--out", default=str(Path(__file__).parents[1] / "src/saidwhat/data/attribution_model.json")
    )
    ap.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    ap.add_argument("-C", type=float, default=0.5, help="inverse regularisation strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold-dir", help="also write each fold's model and the articles it did not see here "
                    "(scripts/train_disputes.py reads them to extract train as unseen text)")
    a = ap.parse_args()

    files = sorted(Path(a.gold_dir).glob("*.json"))
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    docs = load_docs(golds, a.docbin)
    X, y, groups = candidates_with_labels(docs, golds)
    counts = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if counts[k] >= a.min_count} for x in X]
    vec = DictVectorizer()
    M = vec.fit_transform(X)
    names = list(vec.get_feature_names_out())
    print(f"{len(golds)} articles, {len(y)} candidates, {sum(y)} positive, {len(names)} features")

    fold_of: dict[int, dict[str, float]] = {}
    fold_models: list[tuple[dict[str, float], set[int]]] = []
    for train_idx, test_idx in GroupKFold(n_splits=a.folds).split(M, y, groups):
        weights = fit_weights(M[train_idx], [y[i] for i in train_idx], names, a.C)
        fold_models.append((weights, {groups[i] for i in test_idx}))
        for i in test_idx:
            fold_of[groups[i]] = weights
    best = (-1.0, 0.5)
    for t in THRESHOLDS:
        c = statement_counts(docs, golds, [AttributionModel(fold_of.get(k, {}), t) for k in range(len(docs))])
        statement_f1, right_f1 = f1(c["found"], c["pred"], c["gold"]), f1(c["right"], c["pred"], c["gold"])
        p, r = c["found"] / c["pred"], c["found"] / c["gold"]
        print(
            f"  threshold {t:.3f}: held-out statement P {p:.4f} R {r:.4f} F1 {statement_f1:.4f};"
            f" with the speaker mention right F1 {right_f1:.4f}"
        )
        best = max(best, (right_f1, t))
    f_best, threshold = best
    if a.fold_dir:
        write_folds(Path(a.fold_dir), fold_models, threshold, [g["id"] for g in golds])

    weights = fit_weights(M, y, names, a.C)
    weights = {k: round(v, 5) for k, v in weights.items() if abs(v) >= 1e-4}
    Path(a.out).write_text(
        json.dumps({"threshold": threshold, "weights": weights}, indent=0, sort_keys=True) + "\n"
    )
    print(f"threshold {threshold} (held-out F1, mention right: {f_best:.4f}); {len(weights)} weights")


if __name__ == "__main__":
    main()
