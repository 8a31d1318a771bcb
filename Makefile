# Two commands do all the set-up: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
LANGS   := ru kk en
TS      := $(foreach l,$(LANGS),resources/i18n/vic_$(l).ts)
QM      := $(foreach l,$(LANGS),ui/i18n/vic_$(l).qm)

.PHONY: run test lint bench bundle screenshots translations lupdate central demo-central clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/pip install -q --disable-pip-version-check -e '.[rules,terminal,central,dev]'
	touch $(STAMP)

ui/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $$(find ui -name '*.py' -not -path '*/__pycache__/*' | sort) -ts $(TS)

run: $(STAMP) translations
	$(BIN)/python main.py --demo

central: $(STAMP)
	$(BIN)/python -m central demo

# two pytest processes (pytest-xdist): most tests wait on a real central, a
# database or a subprocess, so two share this 2-core machine well; TEST_WORKERS=0
# runs in one process
TEST_WORKERS ?= 2

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(BENCH_ARGS)

# The terminal as a one-folder bundle in dist/vic-kiosk (see deploy/bundle/README.md),
# with its third-party notices, smoke-tested against a local central.
bundle: $(STAMP) translations
	$(BIN)/pip install -q --disable-pip-version-check 'pyinstaller>=6.10,<7'
	rm -rf build/pyinstaller dist/vic-kiosk
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller deploy/bundle/vic-kiosk.spec
	$(BIN)/python tools/third_party_notices.py --work build/pyinstaller/vic-kiosk --out dist/vic-kiosk/THIRD-PARTY-NOTICES.txt
	$(BIN)/python tools/bundle_smoke.py dist/vic-kiosk/vic-kiosk --compare-source

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache $(QM)
