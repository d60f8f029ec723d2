# Hedgerow — `make run` serves the demo, `make test` runs the suite. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_HOME ?= $(CURDIR)/.demo-home
TEST_HOME ?= $(CURDIR)/.test-home

.PHONY: run test fuzz bench lint format browser imap redis clean screenshots

run: $(STAMP)
	HEDGEROW_HOME=$(DEMO_HOME) $(BIN)/hedgerow demo

# On every core (pytest-xdist); PYTEST_ARGS="-n 0" runs it in one process.
test: $(STAMP) browser imap redis
	HEDGEROW_HOME=$(TEST_HOME) $(BIN)/pytest -n auto $(PYTEST_ARGS)

# Property tests over hostile input: 10,000 inputs per importer (`make test` runs 20 of each).
fuzz: $(STAMP)
	HEDGEROW_HOME=$(TEST_HOME) HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -n auto -m fuzz \
		--hypothesis-show-statistics $(PYTEST_ARGS)

# Import speed and memory, then how often the coach and the goal checks agree with our labels,
# then a year-old cohort's group pages, then 20 sessions browsing while imports run
# (LOAD_BENCH_ARGS=--quick or --seconds N shortens it).
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)
	$(BIN)/python -m bench.mail $(MAIL_BENCH_ARGS)
	$(BIN)/python -m bench.hostile
	$(BIN)/python -m bench.suggest
	$(BIN)/python -m bench.coach
	$(BIN)/python -m bench.goals
	$(BIN)/python -m bench.groups
	$(BIN)/python -m bench.load $(LOAD_BENCH_ARGS)
	$(BIN)/python -m bench.portability

# A PNG of every page, on a desktop and a phone, from the demo's data: the whole product in a minute.
SCREENSHOTS ?= $(CURDIR)/screenshots
screenshots: $(STAMP) browser
	rm -rf $(SCREENSHOTS)
	HEDGEROW_HOME=$(TEST_HOME) HEDGEROW_SCREENSHOTS=$(SCREENSHOTS) $(BIN)/pytest -n 0 \
		tests/browser/test_every_page.py
	@echo "Screenshots of every page: $(SCREENSHOTS)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	HEDGEROW_HOME=$(TEST_HOME) $(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The virtual environment, pinned by constraints.txt; rebuilt when the pins change.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Hedgerow needs Python 3.11 or newer; set PYTHON=python3.x"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# Debian's chromium and the axe-core accessibility engine for the browser journeys.
browser:
	@sh scripts/install-browser.sh

# Debian's dovecot, the IMAP server the sync tests start on loopback.
imap:
	@sh scripts/install-imap.sh

# Debian's redis-server, which the background-import tests start on loopback.
redis:
	@sh scripts/install-redis.sh

clean:
	rm -rf $(VENV) node_modules $(TEST_HOME) .pytest_cache .mypy_cache .ruff_cache
