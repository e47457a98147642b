"""A logistic model over sparse named features, as the learned stages ship it: weights by feature
name and the threshold chosen for it (see the training scripts in ``scripts/``)."""

from __future__ import annotations

import math


def bucket(value: float, edges: tuple[float, ...]) -> str:
    """The first edge ``value`` does not exceed, as text ("3" for 3 with edges (0, 1, 3, 5)): a
    number made a named feature."""
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


class LogisticModel:
    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
