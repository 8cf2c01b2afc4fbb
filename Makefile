# PO Desktop — developer commands. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := demo/demo.podb
# make run and the demo keep their settings, backups and logs here, not in your profile.
RUN_HOME := .run
LOWEST := .venv-lowest
BUILD_VENV := .venv-build
LOCK := requirements/bundle.txt


.PHONY: run test test-lowest lint mypy-shrink bench bench-quick translations i18n clean demo screenshots build deb lock

# The linters and type stubs are pinned (requirements/lint.txt): their verdict must not
# change under an unchanged main.
$(STAMP): pyproject.toml setup.py requirements/lint.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --constraint requirements/lint.txt -e '.[test]'
	touch $(STAMP)

# The catalogue's .po -> .mo beside the sources (the wheel and the bundle compile their own
# copies with the same tool); files already up to date are left alone.
translations: $(STAMP)
	$(PY) tools/compile_translations.py

# Re-extract every text of the code into the catalogue (resources/translations/*.po), then
# translate the new French ones (Poedit, Lokalize or any editor). English needs only the
# plural forms of Qt's counted texts ("%n need(s)"), filled in automatically.
i18n: $(STAMP)
	$(PY) tools/i18n_catalogue.py

$(DEMO_DB): | $(STAMP)
	PO_DESKTOP_HOME=$(RUN_HOME) $(PY) -m po_desktop demo --db $(DEMO_DB)

demo: $(DEMO_DB)

run: $(STAMP) translations $(DEMO_DB)
	PO_DESKTOP_HOME=$(RUN_HOME) $(PY) -m po_desktop --db $(DEMO_DB)

lint: $(STAMP)
	$(VENV)/bin/ruff check po_desktop tests bench tools
	$(VENV)/bin/ruff format --check po_desktop tests bench tools
	$(VENV)/bin/lint-imports
	$(PY) tools/mypy_baseline.py

mypy-shrink: $(STAMP)
	$(PY) tools/mypy_baseline.py --shrink

test: $(STAMP) translations lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The same code against the oldest versions pyproject.toml allows: a fresh .venv-lowest
# installed under a constraints file of the floors (tools/lowest_constraints.py), then the
# suite but the slow tests (which build and install the wheel and the bundle with the
# newest versions), UI tests included: a Qt floor is only proven by them.
test-lowest: $(STAMP)
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(PY) tools/lowest_constraints.py --extra test > $(LOWEST)/constraints.txt
	$(LOWEST)/bin/python -m pip install --quiet --constraint $(LOWEST)/constraints.txt \
		-e . pytest pytest-qt pypdf recurring-ical-events
	$(LOWEST)/bin/python -m pip list --format=freeze
	QT_QPA_PLATFORM=offscreen $(LOWEST)/bin/python -m pytest -m "not slow"

# Every bench/*.py script (10,000 needs, then 100,000 where it matters), offscreen;
# writes and prints docs/benchmarks.md, issue 21's figures first (start-up and the review
# pack as ratios to floors measured in the same run). Takes about 4 minutes on 2 cores,
# the 100,000-need cases and the 1,000,000-row import half of it. make bench-quick: issue 21's
# figures at 10,000 needs only, about a minute.
bench: $(STAMP) translations
	$(PY) bench/run_all.py

bench-quick: $(STAMP) translations
	$(PY) bench/run_all.py --quick

# The README's screenshot, rendered by the app itself from the demo database.
screenshots: $(STAMP) translations $(DEMO_DB)
	PO_DESKTOP_HOME=$(RUN_HOME) $(PY) -m po_desktop screenshot --db $(DEMO_DB) --view board --lang fr -o docs/screenshot.png

# One-folder bundle for machines without Python: dist/po-desktop/po-desktop (build.spec),
# built in .venv-build, which holds exactly the versions of requirements/bundle.txt (hashes
# checked): two builds of one commit ship the same libraries.
$(BUILD_VENV)/.installed: $(LOCK)
	rm -rf $(BUILD_VENV)
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	touch $@

build: $(BUILD_VENV)/.installed
	$(BUILD_VENV)/bin/python -m PyInstaller --noconfirm --clean build.spec

# A Debian package of the bundle, dist/po-desktop_<version>_<arch>.deb (tools/make_deb.py):
# sudo apt install ./dist/po-desktop_*.deb installs it, sudo apt remove po-desktop removes it.
deb: build
	$(PYTHON) tools/make_deb.py dist/po-desktop dist

# Refresh requirements/bundle.txt: the newest releases pyproject.toml and bundle.in allow,
# resolved for this platform and Python, with their hashes. Commit the result.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe \
		--strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file $(LOCK) pyproject.toml requirements/bundle.in

clean:
	rm -rf $(VENV) $(LOWEST) $(BUILD_VENV) .venv-lock $(RUN_HOME) build dist demo resources/translations/*.mo .pytest_cache .ruff_cache
