VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup run test test-fast lint typecheck bench

setup:
	VENV=$(VENV) bash scripts/setup.sh

# Opens the window; on a first run with no journal it offers the sample journal.
run: setup
	$(PY) main.py

test:
	WITH_TEST_TOOLS=1 VENV=$(VENV) bash scripts/setup.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The quick loop while working: every test but those marked `slow` (fault injection, fuzzing, a
# year replayed, ...). CI (.ci/run) runs `make test`, all of them.
test-fast:
	WITH_TEST_TOOLS=1 VENV=$(VENV) bash scripts/setup.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow"

lint:
	$(VENV)/bin/ruff check journal tests bench main.py
	$(VENV)/bin/lint-imports

# mypy over the whole package: strict for domain, schedule, knowledge, rules and services, the
# normal checks for the rest ([tool.mypy] in pyproject.toml). Fails on any error.
typecheck:
	$(VENV)/bin/mypy journal

bench:
	$(PY) -m bench.run_all

# The translation catalogs: gettext (Babel) for alerts, report and command line; Qt (.ts/.qm) for the window.
translations:
	$(VENV)/bin/python scripts/make_translations.py
.PHONY: translations
