#!/usr/bin/env bash
# Run the whole test suite against a real MongoDB-compatible server on 127.0.0.1,
# in databases made for this run: DocumentDB (scripts/documentdb.sh).
#
# Usage: scripts/test-integration.sh [pytest arguments...]   (from any directory)
#
#   - starts the server (building it first if needed) and always stops it again,
#     also when the tests fail or the run is interrupted;
#   - runs `$PYTHON -m pytest "$@"` with MONGODB_URI pointing at it (with the
#     user, password and TLS options DocumentDB's gateway wants),
#     MONGODB_DB=servicedesk_it_<random> (the multi-process tests under
#     tests/integration make their databases from it; the in-process suite picks
#     its own per-run database in tests/conftest.py) and SERVICEDESK_INTEGRATION=1
#     so the integration-only tests run;
#   - SERVICEDESK_IT_SERVER_SCRIPT names the server's script, through which the
#     durability test kills (`kill`) and restarts (`start`) it;
#   - exits with pytest's exit code (5, "no tests collected", is a failure too).
#
# Environment: PYTHON (a python with the project and pytest installed; default
# .venv/bin/python), DOCUMENTDB_PORT (default 27019), DOCUMENTDB_DIR (default
# .cache/documentdb) and DOCUMENTDB_VENDOR_DIR (default ../shared/vendor); see
# scripts/documentdb.sh for the rest. INTEGRATION_SERVER, if set, must be
# `documentdb` (the only server; FerretDB 1.x is no longer supported).
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
INTEGRATION_SERVER="${INTEGRATION_SERVER:-documentdb}"
if [[ "${INTEGRATION_SERVER}" != "documentdb" ]]; then
    echo "test-integration.sh: INTEGRATION_SERVER must be documentdb (the only integration server), not '${INTEGRATION_SERVER}'" >&2
    exit 2
fi
# The tests restart the server through the same script, so they must see the same settings.
# (documentdb.sh picks its working dir; the tests call it with this same environment)
export PYTHON
DOCUMENTDB_PORT="${DOCUMENTDB_PORT:-27019}"
export DOCUMENTDB_PORT
SERVER_NAME="DocumentDB"
SERVER_SCRIPT="${SCRIPT_DIR}/documentdb.sh"

log() { echo "test-integration.sh: $*" >&2; }

"${PYTHON}" -c 'import pytest, pymongo' 2>/dev/null \
    || { log "ERROR: '${PYTHON}' cannot import pytest and pymongo (run 'make install')"; exit 2; }

RUN_ID="$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
export MONGODB_DB="servicedesk_it_${RUN_ID}"
export SERVICEDESK_INTEGRATION=1
# Tells tests/integration that the server is ours to kill and restart.
export SERVICEDESK_IT_SERVER_SCRIPT="${SERVER_SCRIPT}"
MONGODB_URI=""

# Drop this run's databases (a test that crashed may have left one), then stop the server.
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "${MONGODB_URI}" ]] && "${SERVER_SCRIPT}" status >/dev/null 2>&1; then
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
    "${SERVER_SCRIPT}" stop || { log "ERROR: could not stop ${SERVER_NAME}"; status=1; }
    exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${SERVER_SCRIPT}" start
MONGODB_URI="$("${SERVER_SCRIPT}" uri)"
export MONGODB_URI

# shellcheck disable=SC2001  # the password stays out of the log
log "${SERVER_NAME}: MONGODB_URI=$(sed 's|//\([^:/@]*\):[^@]*@|//\1:***@|' <<<"${MONGODB_URI}") MONGODB_DB=${MONGODB_DB} SERVICEDESK_INTEGRATION=1"
started=${SECONDS}
rc=0
"${PYTHON}" -m pytest "$@" || rc=$?
log "pytest finished in $((SECONDS - started))s with exit code ${rc}"
if [[ ${rc} -eq 5 ]]; then
    log "ERROR: no tests were collected; that is a failure"
fi
exit "${rc}"
