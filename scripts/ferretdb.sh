#!/usr/bin/env bash
# Build / start / stop a local FerretDB 1.x (MongoDB wire protocol over SQLite)
# for integration tests. Listens on 127.0.0.1 only; telemetry disabled.
#
# Usage: scripts/ferretdb.sh {build|start|stop|status|restart|kill}
#   (kill: SIGKILL our FerretDB, a crash for the durability test)
#
# Environment:
#   FERRETDB_DIR      working dir (default: <repo>/.cache/ferretdb)
#                     bin/ferretdb, data/, state/, ferretdb.log, ferretdb.pid
#   FERRETDB_PORT     TCP port on 127.0.0.1 (default: 27018)
#   FERRETDB_VERSION  FerretDB module version to build (default: v1.24.2)
#   FERRETDB_LOG_LEVEL  DEBUG|INFO|WARN|ERROR (default: INFO)
#   FERRETDB_START_TIMEOUT  seconds to wait for ping (default: 30)
#   PYTHON            python with pymongo, used for the ping check (default: python3)
#
# Build note: `go install github.com/FerretDB/FerretDB/cmd/ferretdb@vX` compiles,
# but the binary panics at startup ("Invalid build/version/version.txt file
# content") because the module zip lacks the generated build/version/version.txt
# (embedded via go:embed; no -ldflags hook exists, and -overlay refuses files in
# GOMODCACHE). So we download the module, copy it to a writable dir, write
# version.txt and `go build` from there.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/.." && pwd)"

FERRETDB_DIR="${FERRETDB_DIR:-${REPO_ROOT}/.cache/ferretdb}"
FERRETDB_PORT="${FERRETDB_PORT:-27018}"
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
FERRETDB_LOG_LEVEL="${FERRETDB_LOG_LEVEL:-INFO}"
FERRETDB_START_TIMEOUT="${FERRETDB_START_TIMEOUT:-30}"
PYTHON="${PYTHON:-python3}"

BIN_DIR="${FERRETDB_DIR}/bin"
BIN="${BIN_DIR}/ferretdb"
SRC_DIR="${FERRETDB_DIR}/src"
DATA_DIR="${FERRETDB_DIR}/data"
STATE_DIR="${FERRETDB_DIR}/state"
LOG_FILE="${FERRETDB_DIR}/ferretdb.log"
PID_FILE="${FERRETDB_DIR}/ferretdb.pid"
HOST="127.0.0.1"

log() { echo "ferretdb.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- build -------------------------------------------------------------------

binary_ok() {
    [[ -x "${BIN}" ]] || return 1
    local v
    v="$("${BIN}" --version 2>/dev/null | sed -n 's/^version: //p')" || return 1
    [[ "${v}" == "${FERRETDB_VERSION}" ]]
}

cmd_build() {
    if binary_ok; then
        log "using existing ${BIN} (${FERRETDB_VERSION})"
        return 0
    fi
    command -v go >/dev/null 2>&1 || die "go not found in PATH"
    mkdir -p "${BIN_DIR}"

    # GOTOOLCHAIN=local: never download another toolchain (module needs go>=1.24).
    # CGO_ENABLED=0: SQLite backend is pure Go (modernc.org/sqlite); static binary.
    # -buildvcs=false: the copied source is not a VCS checkout.
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

    local start end mod_dir tmp_bin
    start=$(date +%s)
    log "building FerretDB ${FERRETDB_VERSION} with $(go version) ..."

    mod_dir="$(go mod download -json "github.com/FerretDB/FerretDB@${FERRETDB_VERSION}" \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
    [[ -n "${mod_dir}" && -d "${mod_dir}" ]] || die "go mod download failed for FerretDB ${FERRETDB_VERSION}"

    rm -rf "${SRC_DIR}"
    cp -R "${mod_dir}" "${SRC_DIR}"
    chmod -R u+w "${SRC_DIR}"
    echo "${FERRETDB_VERSION}" > "${SRC_DIR}/build/version/version.txt"

    tmp_bin="${BIN}.tmp.$$"
    (cd "${SRC_DIR}" && go build -o "${tmp_bin}" ./cmd/ferretdb) || { rm -f "${tmp_bin}"; die "go build failed"; }
    mv -f "${tmp_bin}" "${BIN}"

    end=$(date +%s)
    binary_ok || die "built binary does not report version ${FERRETDB_VERSION}"
    log "built ${BIN} in $((end - start))s"
}

# --- process helpers ---------------------------------------------------------

read_pid() {
    [[ -f "${PID_FILE}" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' < "${PID_FILE}")"
    [[ -n "${pid}" ]] || return 1
    echo "${pid}"
}

# true if pid exists and is not a zombie (a killed child may linger as a
# zombie until init reaps it; kill -0 still succeeds on zombies)
alive() {
    local pid="$1" state
    kill -0 "${pid}" 2>/dev/null || return 1
    state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/${pid}/status" 2>/dev/null || true)"
    [[ "${state}" != "Z" ]]
}

# true if pid is alive and is our ferretdb binary (guards against pid reuse)
is_ours() {
    local pid="$1" exe
    alive "${pid}" || return 1
    exe="$(readlink "/proc/${pid}/exe" 2>/dev/null || true)"
    # a binary replaced by a rebuild shows as "<path> (deleted)"
    [[ -z "${exe}" || "${exe}" == "${BIN}" || "${exe}" == "${BIN} (deleted)" ]]
}

running_pid() {
    local pid
    pid="$(read_pid)" || return 1
    is_ours "${pid}" || return 1
    echo "${pid}"
}

ping_ok() {
    "${PYTHON}" - "${HOST}" "${FERRETDB_PORT}" <<'PY' >/dev/null 2>&1
import sys
from pymongo import MongoClient
c = MongoClient(sys.argv[1], int(sys.argv[2]), directConnection=True,
                serverSelectionTimeoutMS=1000, connectTimeoutMS=1000, socketTimeoutMS=2000)
try:
    c.admin.command("ping")
finally:
    c.close()
PY
}

# --- commands ----------------------------------------------------------------

cmd_status() {
    local pid
    require_pymongo
    if pid="$(running_pid)"; then
        if ping_ok; then
            echo "ferretdb running (pid ${pid}) on ${HOST}:${FERRETDB_PORT}"
            return 0
        fi
        echo "ferretdb process ${pid} alive but not answering ping on ${HOST}:${FERRETDB_PORT}"
        return 1
    fi
    echo "ferretdb not running"
    return 1
}

cmd_stop() {
    local pid i
    if pid="$(running_pid)"; then
        log "stopping pid ${pid}"
        kill -TERM "${pid}" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            alive "${pid}" || break
            sleep 0.1
        done
        if alive "${pid}"; then
            log "pid ${pid} did not exit after SIGTERM; sending SIGKILL"
            kill -KILL "${pid}" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                alive "${pid}" || break
                sleep 0.1
            done
        fi
        if alive "${pid}"; then die "pid ${pid} still alive"; fi
        # give init a moment to reap the zombie so `pgrep ferretdb` is clean
        for ((i = 0; i < 50; i++)); do
            kill -0 "${pid}" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "${PID_FILE}"
    return 0
}

require_pymongo() {
    "${PYTHON}" -c 'import pymongo' >/dev/null 2>&1 \
        || die "'${PYTHON}' cannot import pymongo (set PYTHON to a python with pymongo)"
}

cmd_start() {
    require_pymongo
    cmd_build

    local pid
    if pid="$(running_pid)"; then
        if ping_ok; then
            echo "ferretdb already running (pid ${pid}) on ${HOST}:${FERRETDB_PORT}"
            return 0
        fi
        log "pid ${pid} alive but not answering; restarting it"
        cmd_stop
    fi
    rm -f "${PID_FILE}"

    if ping_ok; then
        die "something else already answers on ${HOST}:${FERRETDB_PORT} (not our pid file); set FERRETDB_PORT"
    fi

    mkdir -p "${DATA_DIR}" "${STATE_DIR}"
    {
        echo "---- $(date -u +%Y-%m-%dT%H:%M:%SZ) starting ferretdb on ${HOST}:${FERRETDB_PORT}"
    } >> "${LOG_FILE}"

    # --debug-addr=- disables the metrics/pprof HTTP listener.
    # Telemetry: --telemetry=disable + DO_NOT_TRACK=1; the report URL is also
    # pointed at loopback so nothing could ever leave the machine.
    DO_NOT_TRACK=1 setsid nohup "${BIN}" \
        --handler=sqlite \
        --sqlite-url="file:${DATA_DIR}/" \
        --listen-addr="${HOST}:${FERRETDB_PORT}" \
        --state-dir="${STATE_DIR}" \
        --debug-addr=- \
        --telemetry=disable \
        --test-telemetry-url="http://127.0.0.1:9/" \
        --log-level="${FERRETDB_LOG_LEVEL}" \
        --log-format=text \
        >> "${LOG_FILE}" 2>&1 < /dev/null &
    pid=$!
    echo "${pid}" > "${PID_FILE}"

    local deadline=$((SECONDS + FERRETDB_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ! alive "${pid}"; then
            rm -f "${PID_FILE}"
            log "ferretdb exited during startup; log tail:"
            tail -n 40 "${LOG_FILE}" >&2 || true
            exit 1
        fi
        if ping_ok; then
            echo "ferretdb started (pid ${pid}) on ${HOST}:${FERRETDB_PORT}, log ${LOG_FILE}"
            return 0
        fi
        sleep 0.3
    done

    log "ferretdb did not answer ping within ${FERRETDB_START_TIMEOUT}s; log tail:"
    tail -n 40 "${LOG_FILE}" >&2 || true
    cmd_stop || true
    exit 1
}

# A crash: SIGKILL, no shutdown (tests/integration/test_durability.py).
cmd_kill() {
    local pid i
    if pid="$(running_pid)"; then
        kill -KILL "${pid}" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do
            alive "${pid}" || break
            sleep 0.1
        done
        if alive "${pid}"; then die "pid ${pid} still alive after SIGKILL"; fi
    fi
    rm -f "${PID_FILE}"
}

main() {
    local cmd="${1:-}"
    case "${cmd}" in
        build) cmd_build ;;
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        restart) cmd_stop; cmd_start ;;
        kill) cmd_kill ;;
        *)
            echo "usage: $0 {build|start|stop|status|restart|kill}" >&2
            exit 2
            ;;
    esac
}

main "$@"
