# Two commands matter: `make run` starts the service, `make test` runs the tests.
# Both create the virtual environment in .venv on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export HOST PORT

.PHONY: install run test fuzz lint format ferretdb ferretdb-stop documentdb documentdb-stop test-integration bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --upgrade pip
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m servicedesk.serve

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Schema fuzzing at depth: 200 generated cases per API operation (`make test` runs 15).
fuzz: $(STAMP)
	SERVICEDESK_FUZZ_EXAMPLES=200 $(PY) -m pytest tests/fuzz -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

ferretdb: $(STAMP)
	PYTHON=$(PY) scripts/ferretdb.sh start

ferretdb-stop:
	scripts/ferretdb.sh stop

# DocumentDB (PostgreSQL 15 + the DocumentDB extension + its gateway), built from
# ../shared/vendor into .cache/documentdb; `scripts/documentdb.sh uri` prints its MONGODB_URI.
documentdb: $(STAMP)
	PYTHON=$(PY) scripts/documentdb.sh start

documentdb-stop:
	scripts/documentdb.sh stop

# INTEGRATION_SERVER=documentdb runs it on DocumentDB (default: ferretdb).
test-integration: $(STAMP)
	PYTHON=$(PY) scripts/test-integration.sh $(PYTEST_ARGS)

# Benchmarks (benchmarks/RESULTS.md): on the embedded store, or on MONGODB_URI when set.
# BENCH_ARGS="--quick", "--only list", "--profile list", ... (python -m benchmarks --help).
bench: $(STAMP)
	$(PY) -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
