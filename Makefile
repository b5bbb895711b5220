# sergur: `make run` serves the embedded default, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck imports security migrations-check pytest pytest-postgres clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $$(scripts/python.sh) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Browser tests drive the system Chromium (never a downloaded browser).
CHROMIUM := $(VENV)/.chromium
$(CHROMIUM): $(STAMP)
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@touch $(CHROMIUM)

# Front-end test tools from the npm registry (axe-core), pinned by package-lock.json.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(AXE)

install: $(STAMP)

run: $(STAMP)
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_setup
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy .

imports: $(STAMP)
	$(BIN)/lint-imports

# bandit ([tool.bandit] in pyproject.toml): the application code with every check, then the
# tests with all but B101 (their asserts); false positives carry `# nosec BXXX: reason`. Its
# notes about a nosec on a line inside the flagged statement are left out of the output.
security: $(STAMP)
	$(BIN)/bandit -c pyproject.toml -r sergur config -q 2> >(grep -v "nosec encountered" >&2)
	$(BIN)/bandit -r sergur config -q --skip B101 2> >(grep -v "nosec encountered" >&2)

migrations-check: $(STAMP)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# The suite runs in PYTEST_WORKERS processes (pytest-xdist; 2 by default, the cores of the CI
# machine; PYTEST_WORKERS=0 runs it in this one process). Each worker has its own test
# database, cache, key files (var/test/<worker>/, config/settings/test.py), browser and
# live-server port. `--dist load` hands out single tests as workers free up, so both stay busy
# to the end; `--dist loadfile` would send each file whole to one worker, and the end-to-end
# files, the slowest, would then decide when the run ends.
PYTEST_WORKERS ?= 2
PYTEST_XDIST := -n $(PYTEST_WORKERS) --dist load

# One run of the whole suite; pytest-cov combines the workers' coverage into .coverage, and
# the rules core must stay at 100 % line coverage.
pytest: $(STAMP) $(CHROMIUM) $(AXE)
	$(BIN)/pytest $(PYTEST_XDIST) --cov --cov-report=
	$(BIN)/coverage report --fail-under=90
	$(BIN)/coverage report --include='*/sergur/rules/*' --fail-under=100

# The same test suite against PostgreSQL (DATABASE_URL must point at it; each worker makes its
# own test database, test_<name>_gw0, test_<name>_gw1).
pytest-postgres: $(STAMP) $(CHROMIUM) $(AXE)
	$(BIN)/pytest $(PYTEST_XDIST)

test: lint typecheck imports security migrations-check pytest

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache .coverage
