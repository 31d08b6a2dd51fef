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

bench: $(STAMP)
	$(PY) bench/extraction.py
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
