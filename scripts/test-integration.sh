#!/usr/bin/env bash
# Run the whole test suite against a real MongoDB-compatible server: a local
# FerretDB (scripts/ferretdb.sh) on 127.0.0.1, in databases made for this run.
#
# Usage: scripts/test-integration.sh [pytest arguments...]   (from any directory)
#
#   - starts FerretDB (building it first if needed) and always stops it again,
#     also when the tests fail or the run is interrupted;
#   - runs `$PYTHON -m pytest "$@"` with MONGODB_URI pointing at it,
#     MONGODB_DB=servicedesk_it_<random> (the multi-process tests under
#     tests/integration make their databases from it; the in-process suite picks
#     its own per-run database in tests/conftest.py) and SERVICEDESK_INTEGRATION=1
#     so the integration-only tests run;
#   - exits with pytest's exit code (5, "no tests collected", is a failure too).
#
# Environment: PYTHON (a python with the project and pytest installed; default
# .venv/bin/python), FERRETDB_PORT (default 27018), FERRETDB_DIR (default
# .cache/ferretdb); see scripts/ferretdb.sh for the rest.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/.." && pwd)"
cd "${REPO_ROOT}"

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x "${REPO_ROOT}/.venv/bin/python" ]]; then
        PYTHON="${REPO_ROOT}/.venv/bin/python"
    else
        PYTHON="python3"
    fi
fi
FERRETDB_PORT="${FERRETDB_PORT:-27018}"
FERRETDB_DIR="${FERRETDB_DIR:-${REPO_ROOT}/.cache/ferretdb}"
# The tests restart FerretDB through the same script, so they must see the same settings.
export PYTHON FERRETDB_PORT FERRETDB_DIR

log() { echo "test-integration.sh: $*" >&2; }

"${PYTHON}" -c 'import pytest, pymongo' 2>/dev/null \
    || { log "ERROR: '${PYTHON}' cannot import pytest and pymongo (run 'make install')"; exit 2; }

RUN_ID="$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
export MONGODB_URI="mongodb://127.0.0.1:${FERRETDB_PORT}/"
export MONGODB_DB="servicedesk_it_${RUN_ID}"
export SERVICEDESK_INTEGRATION=1
# Tells tests/integration that the server is ours to kill and restart.
export SERVICEDESK_IT_FERRETDB_SCRIPT="${SCRIPT_DIR}/ferretdb.sh"

# Drop this run's databases (a test that crashed may have left one), then stop FerretDB.
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if "${SCRIPT_DIR}/ferretdb.sh" status >/dev/null 2>&1; then
        "${PYTHON}" - "${MONGODB_URI}" "${MONGODB_DB}" <<'PY' || log "could not drop leftover databases"
import sys
from pymongo import MongoClient
client = MongoClient(sys.argv[1], serverSelectionTimeoutMS=3000)
try:
    for name in client.list_database_names():
        if name.startswith(sys.argv[2]):
            client.drop_database(name)
            print(f"test-integration.sh: dropped leftover database {name}", file=sys.stderr)
finally:
    client.close()
PY
    fi
    "${SCRIPT_DIR}/ferretdb.sh" stop || { log "ERROR: could not stop FerretDB"; status=1; }
    exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${SCRIPT_DIR}/ferretdb.sh" start

log "MONGODB_URI=${MONGODB_URI} MONGODB_DB=${MONGODB_DB} SERVICEDESK_INTEGRATION=1"
started=${SECONDS}
rc=0
"${PYTHON}" -m pytest "$@" || rc=$?
log "pytest finished in $((SECONDS - started))s with exit code ${rc}"
if [[ ${rc} -eq 5 ]]; then
    log "ERROR: no tests were collected; that is a failure"
fi
exit "${rc}"
