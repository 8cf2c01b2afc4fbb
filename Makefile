# PO Desktop — developer commands. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := demo/demo.podb
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)


.PHONY: run test lint mypy-shrink bench translations i18n clean demo screenshots build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Re-extract GUI strings into the .ts sources (then translate them, e.g. in pyside6-linguist).
# English needs only its plural forms ("%n need(s)"): the sources are English.
i18n: $(STAMP)
	$(VENV)/bin/pyside6-lupdate po_desktop/ui/*.py po_desktop/ui/*/*.py -ts resources/translations/po_desktop_fr.ts -no-obsolete
	$(PY) tools/french_typography.py resources/translations/po_desktop_fr.ts
	$(VENV)/bin/pyside6-lupdate po_desktop/ui/*.py po_desktop/ui/*/*.py -pluralonly -target-language en_GB -ts resources/translations/po_desktop_en.ts -no-obsolete
	$(PY) tools/english_plurals.py resources/translations/po_desktop_en.ts

$(DEMO_DB): | $(STAMP)
	$(PY) -m po_desktop demo --db $(DEMO_DB)

demo: $(DEMO_DB)

run: $(STAMP) $(QM) $(DEMO_DB)
	$(PY) -m po_desktop --db $(DEMO_DB)

lint: $(STAMP)
	$(VENV)/bin/ruff check po_desktop tests bench tools
	$(VENV)/bin/ruff format --check po_desktop tests bench tools
	$(VENV)/bin/lint-imports
	$(PY) tools/mypy_baseline.py

mypy-shrink: $(STAMP)
	$(PY) tools/mypy_baseline.py --shrink

test: $(STAMP) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Every bench/*.py script (10,000 needs, then 100,000 where it matters), offscreen;
# writes and prints docs/benchmarks.md. Takes several minutes.
bench: $(STAMP) $(QM)
	$(PY) bench/run_all.py

# The README's screenshot, rendered by the app itself from the demo database.
screenshots: $(STAMP) $(QM) $(DEMO_DB)
	$(PY) -m po_desktop screenshot --db $(DEMO_DB) --view board --lang fr -o docs/screenshot.png

# One-folder bundle for machines without Python: dist/po-desktop/po-desktop (build.spec).
build: $(STAMP) $(QM)
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf $(VENV) build dist demo resources/translations/*.qm .pytest_cache .ruff_cache
