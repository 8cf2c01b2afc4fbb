# PO Desktop — developer commands. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := demo/demo.podb
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)


.PHONY: run test lint bench build translations clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

$(DEMO_DB): $(STAMP)
	$(PY) -m po_desktop demo --db $(DEMO_DB)

demo: $(DEMO_DB)

run: $(STAMP) $(QM) $(DEMO_DB)
	$(PY) -m po_desktop --db $(DEMO_DB)

lint: $(STAMP)
	$(VENV)/bin/ruff check po_desktop tests bench
	$(VENV)/bin/ruff format --check po_desktop tests bench
	$(VENV)/bin/lint-imports

test: $(STAMP) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py

clean:
	rm -rf $(VENV) build dist demo resources/translations/*.qm .pytest_cache .ruff_cache
