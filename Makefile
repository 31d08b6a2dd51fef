# The two entry points of the README: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/parallax demo

test: $(STAMP)
	$(PY) -m pytest -q

# Quality gates against ../shared/data (skipped where it is absent).
eval: $(STAMP)
	$(PY) -m pytest -q tests/eval

# Speed and memory (numbers, not tests); see docs/quality.md. The clustering peers need the bench
# extra: $(PY) -m pip install torch==2.13.0 -e '.[bench]' && $(PY) bench/cluster_peers.py
bench: $(STAMP)
	$(PY) bench/extraction.py
	$(PY) bench/ingest.py
	$(PY) bench/annotate.py --count 3000
	$(PY) bench/cluster_scale.py 10000 100000
	$(PY) bench/compare.py
	$(PY) bench/web_load.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
