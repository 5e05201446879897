# Entry points. `make run` and `make test` create/refresh .venv themselves.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-all lint archive bench system-deps clean locale dist

# uv installs the same releases from the same index as pip, in parallel: 9 s against pip's 22 s on
# a clean machine with cold caches (a fifth of a CI run). --compile-bytecode does what pip does by
# default; without it every test subprocess would compile SQLAlchemy and PySide6 again. pip is
# the fallback wherever uv cannot be installed.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	( $(PY) -m pip install --quiet uv \
	  && $(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode -e '.[test]' ) \
	|| ( $(PY) -m pip install --quiet --upgrade pip && $(PY) -m pip install --quiet -e '.[test]' )
	$(PY) -m compileall -q app db
	touch $(STAMP)

## Update the Russian catalogue from the code and compile it (make test checks it is complete).
locale: $(STAMP)
	$(PY) -m db.build.locale

## Install into .venv, install the system libraries Qt's X11 (xcb) plugin links and a Cyrillic
## font when missing (.ci/system-deps.sh run), and start the app on the bundled archive.
run: $(STAMP)
	@bash .ci/system-deps.sh run $(PY)
	@$(PY) -m app $(ARGS)

# Test workers: one per CPU the run may use, plus one. A worker waits about a tenth of its time
# (child processes, the PostgreSQL server, the event loop's timers); the extra one keeps both
# cores busy meanwhile, and on a machine shared with other work it is what keeps the suite
# within its 120 s (both cores busy: 150 s with 2 workers, 138 s with 3; idle: 81 s and 83 s).
WORKERS ?= $(shell $(PYTHON) -c "import os; print(len(os.sched_getaffinity(0)) + 1 if hasattr(os, 'sched_getaffinity') else (os.cpu_count() or 1) + 1)")

# A worker that crashes is not replaced: the run goes on without it and names the test it died
# in.  pytest-xdist 3.8 re-queues a crashed worker's finished files under --dist loadfile, and
# the run can then wait forever for work that never comes (pytest-xdist issue #1378); one CI run
# did, after a crash, until its 5400 s were up.
DIST = --dist loadfile --max-worker-restart=0

## Install into .venv, then lint, type-check and run the whole default test suite.
# PYTHONDONTWRITEBYTECODE is unset for the run: pytest then keeps its rewritten test modules
# (4-5 s of CPU per worker otherwise, on every run).
# pytest keeps each test module with its asserts rewritten in __pycache__; on a fresh clone every
# worker would rewrite all of them at once (4 s of CPU each), so one process does it first.
WARM_TESTS = ls tests/__pycache__/*-pytest-*.pyc >/dev/null 2>&1 \
	|| PYTHONDONTWRITEBYTECODE= $(PY) -m pytest --collect-only -q -p no:cacheprovider >/dev/null

test: $(STAMP) system-deps lint
	@$(WARM_TESTS)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(WORKERS) $(DIST)

## The default suite plus the slow scale and campaign tests (minutes, not seconds).
test-all: $(STAMP) system-deps lint
	@$(WARM_TESTS)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(WORKERS) $(DIST) -m ''

lint: $(STAMP)
	$(VENV)/bin/ruff check app db tests
	$(VENV)/bin/ruff format --check app db tests
	$(VENV)/bin/mypy app db
	$(VENV)/bin/lint-imports --no-cache

## Rebuild resources/kremlin-affair.sqlite from resources/data.
archive: $(STAMP)
	$(PY) -m db.build

## Scale benchmark (generates archives under .cache/, not part of the test suite).
bench: $(STAMP) system-deps
	$(PY) tests/benchmark.py $(ARGS)

## Build the wheel that `pipx install .` / `uv tool install .` installs (app, data layer and the
## bundled resources) into dist/; tests/test_packaging.py installs one in a clean venv and runs it.
dist: $(STAMP)
	rm -rf dist build
	$(PY) -m pip wheel --no-deps --wheel-dir dist .

## Tools the tests need beyond PyPI (pdftotext, fonts, Qt's X/EGL client libraries, the
## .desktop and AppStream validators, and a PostgreSQL server the tests start and stop in a temp
## folder: tests/pgserver.py).
system-deps:
	@bash .ci/system-deps.sh test
	@bash .ci/postgres.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache dist build
