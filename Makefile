# Two commands matter: `make run` starts the service, `make test` runs the tests.
# Both create the virtual environment in .venv on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export HOST PORT

.PHONY: install run test fuzz lint format documentdb documentdb-stop test-integration bench clean \
	client contract contract-tools contract-schema contract-lint contract-client-drift \
	contract-generators contract-fuzz contract-docs

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

# ruff (style, lazy imports, no HTTP in the domain) and import-linter (the layers and app
# boundaries of [tool.importlinter] in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# DocumentDB (PostgreSQL 15 + the DocumentDB extension + its gateway), built from
# ../shared/vendor into .cache/documentdb; `scripts/documentdb.sh uri` prints its MONGODB_URI.
documentdb: $(STAMP)
	PYTHON=$(PY) scripts/documentdb.sh start

documentdb-stop:
	scripts/documentdb.sh stop

# The whole suite on DocumentDB (started for the run and stopped after it).
test-integration: $(STAMP)
	PYTHON=$(PY) scripts/test-integration.sh $(PYTEST_ARGS)

# Benchmarks (benchmarks/RESULTS.md): on the embedded store, or on MONGODB_URI when set.
# BENCH_ARGS="--quick", "--only list", "--profile list", ... (python -m benchmarks --help).
bench: $(STAMP)
	$(PY) -m benchmarks $(BENCH_ARGS)

# --- The contract: what generated clients and the docs rely on (README "The contract") ---
# Tools (npm packages, the openapi-generator jar, openapi-python-client, chromium) are
# pinned in scripts/contract and installed into .cache/contract on first use.
CONTRACT := .cache/contract
SCHEMA   := $(CONTRACT)/schema.json

contract-tools: $(STAMP)
	PYTHON=$(PYTHON) scripts/contract/tools.sh

contract-schema: $(STAMP)
	@mkdir -p $(CONTRACT)
	PY=$(PY) scripts/contract/generate.sh schema $(SCHEMA)

# Regenerate the Python client kept in clients/python from the schema.
client: contract-schema
	PYTHON=$(PYTHON) scripts/contract/tools.sh opc
	scripts/contract/generate.sh opc $(SCHEMA) clients/python

# spectacular --validate --fail-on-warn (contract-schema), then redocly lint: no error, no warning.
contract-lint: contract-schema
	scripts/contract/tools.sh node
	$(CONTRACT)/node/node_modules/.bin/redocly lint --config scripts/contract/redocly.yaml \
	  --max-problems 50 $(SCHEMA)

# clients/python is what `make client` makes of today's schema.
contract-client-drift: contract-schema
	PYTHON=$(PYTHON) scripts/contract/tools.sh opc
	rm -rf $(CONTRACT)/client-now
	scripts/contract/generate.sh opc $(SCHEMA) $(CONTRACT)/client-now
	diff -r -x __pycache__ -x .ruff_cache clients/python $(CONTRACT)/client-now \
	  || { echo "clients/python drifted from the schema: run make client" >&2; exit 1; }

# openapi-generator: python (driven against the service like clients/python) and
# typescript-fetch (compiled with tsc --strict); no generator warning.
contract-generators: contract-schema
	scripts/contract/tools.sh node jar
	scripts/contract/generate.sh og python $(SCHEMA) $(CONTRACT)/og-python
	scripts/contract/generate.sh og typescript-fetch $(SCHEMA) $(CONTRACT)/og-typescript
	$(CONTRACT)/node/node_modules/.bin/tsc -p scripts/contract/tsconfig.json
	SERVICEDESK_OG_CLIENT=$(CONTRACT)/og-python $(PY) -m pytest tests/contract -q -p no:cacheprovider

# schemathesis run --checks all over every operation, against the service started here,
# at most CONTRACT_FUZZ_EXAMPLES (10) generated cases per operation in the fuzzing phase.
contract-fuzz: $(STAMP)
	$(PY) scripts/contract/fuzz.py

# Headless Chromium loads /api/docs/ and /api/redoc/; any request off the service fails it.
contract-docs: $(STAMP)
	scripts/contract/tools.sh node chromium
	$(PY) scripts/contract/docs.py

# Everything above; CI runs it (.ci/run). contract-fuzz finds no failure: the schema states
# the rules it can, st_hooks.honest() and schemathesis.toml the few it cannot (README).
contract: contract-lint contract-client-drift contract-generators contract-fuzz contract-docs

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
