# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint install bench clean train-attribution train-resolution train-disputes

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/saidwhat extract --format table

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts

test: $(STAMP) lint
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/bench_extract.py

# Retrain the attribution model (data/attribution_model.json) on PolNeAR train; scikit-learn is
# needed for training only. The parsed articles are cached in ATTRIBUTION_DOCBIN (all 840) and
# TRAIN_DOCBIN (the 360 annotated ones the ranker learns from): two files, as each script
# re-parses and overwrites a cache that does not hold its articles.
ATTRIBUTION_DOCBIN ?= /tmp/saidwhat-polnear-train-all.spacy
TRAIN_DOCBIN ?= /tmp/saidwhat-polnear-train.spacy
train-attribution: $(STAMP)
	$(PY) -m pip install --quiet scikit-learn==1.9.1
	$(PY) scripts/train_attribution.py ../shared/data/polnear/train --docbin $(ATTRIBUTION_DOCBIN)

# Retrain the speaker-resolution ranker (data/resolution_model.json) from ../shared's PolNeAR train.
train-resolution: $(STAMP)
	$(PY) scripts/train_resolution.py ../shared/data/polnear/train --docbin $(TRAIN_DOCBIN)

# Retrain the dispute judge (data/dispute_model.json) from ../shared's annotated PolNeAR train
# articles; their statements are cached in TRAIN_STATEMENTS. scikit-learn is needed for training only.
TRAIN_STATEMENTS ?= /tmp/saidwhat-polnear-train-statements.jsonl
train-disputes: $(STAMP)
	$(PY) -m pip install --quiet scikit-learn==1.9.1
	$(PY) scripts/train_disputes.py ../shared/data/polnear/train --pred $(TRAIN_STATEMENTS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
