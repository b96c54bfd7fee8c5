#!/usr/bin/env bash
# Build / start / stop a local DocumentDB (PostgreSQL 15 + the DocumentDB
# extension + its Rust gateway speaking the MongoDB wire protocol) for the
# integration tests. Everything listens on 127.0.0.1 only; no telemetry.
#
# Usage: scripts/documentdb.sh {install|build|start|stop|status|restart|kill|uri}
#
#   install  the Debian packages the build needs (apt-get; skipped when present)
#   build    install, then build pg_cron, pgvector, DocumentDB and the gateway from
#            the vendor tarballs (sha256-checked) into a PostgreSQL prefix of ours
#            (skipped for each part whose inputs did not change)
#   start    build, create the cluster once, start PostgreSQL and the gateway
#   stop     stop the gateway, then PostgreSQL (fast shutdown)
#   kill     SIGKILL the gateway, the postmaster and its children (a crash, for tests)
#   status   exit 0 when a login through the gateway answers a ping
#   uri      print the MONGODB_URI of the gateway (user, password, TLS options)
#
# Environment:
#   DOCUMENTDB_VENDOR_DIR  the tarballs (default: <repo>/../shared/vendor)
#   DOCUMENTDB_DIR         working dir (default: <repo>/.cache/documentdb, or
#                          /var/tmp/servicedesk-documentdb-<hash> when run as root
#                          and the postgres user cannot reach the checkout):
#                          pg/ (our PostgreSQL prefix), src/, cargo/, bin/, data/,
#                          run/, tls/, build.log, postgres.log, gateway.log
#   DOCUMENTDB_PORT        gateway port on 127.0.0.1 (default: 27019)
#   DOCUMENTDB_PG_PORT     PostgreSQL port on 127.0.0.1 (default: 54329)
#   DOCUMENTDB_USER        the SCRAM user the tests log in as (default: servicedesk);
#                          its password is generated once into $DOCUMENTDB_DIR/password
#   DOCUMENTDB_TLS         1 (default): the gateway requires TLS with a self-signed
#                          certificate made at setup; 0: plain TCP
#   DOCUMENTDB_SHARED_BUFFERS, DOCUMENTDB_MAINTENANCE_WORK_MEM
#                          PostgreSQL's shared_buffers and maintenance_work_mem
#                          (default: 256MB each), read at every start
#   DOCUMENTDB_START_TIMEOUT  seconds to wait for a login to answer (default: 60)
#   DOCUMENTDB_JOBS        parallel compile jobs for make and cargo (default: 2)
#   PYTHON                 python with pymongo, for the ping check
#                          (default: .venv/bin/python if there, else python3)
#
# Why a prefix of ours (.cache/documentdb/pg) rather than the system PostgreSQL:
# PostgreSQL finds its share/ and lib/ relative to its binary, so a copy of
# Debian's PostgreSQL 15 tree is a complete installation that our extensions go
# into without touching /usr (other checkouts on the machine may build other
# versions or patches). The Debian packages (headers, rum, postgis) are
# installed system-wide by apt and copied in.
set -euo pipefail
umask 022  # what we build and configure is read by the server's user

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/.." && pwd)"

DOCUMENTDB_VENDOR_DIR="${DOCUMENTDB_VENDOR_DIR:-${REPO_ROOT}/../shared/vendor}"
DOCUMENTDB_PORT="${DOCUMENTDB_PORT:-27019}"
DOCUMENTDB_PG_PORT="${DOCUMENTDB_PG_PORT:-54329}"
DOCUMENTDB_USER="${DOCUMENTDB_USER:-servicedesk}"
DOCUMENTDB_TLS="${DOCUMENTDB_TLS:-1}"
DOCUMENTDB_START_TIMEOUT="${DOCUMENTDB_START_TIMEOUT:-60}"
DOCUMENTDB_JOBS="${DOCUMENTDB_JOBS:-2}"
if [[ -z "${PYTHON:-}" ]]; then
    PYTHON="python3"
    [[ -x "${REPO_ROOT}/.venv/bin/python" ]] && PYTHON="${REPO_ROOT}/.venv/bin/python"
fi

PG_MAJOR=15
HOST="127.0.0.1"

# --- who runs PostgreSQL -------------------------------------------------------
# initdb refuses root: as root the server runs as the `postgres` system user
# (Debian's postgresql package creates it); otherwise as the caller.
if [[ ${EUID} -eq 0 ]]; then
    PG_USER="${DOCUMENTDB_PG_USER:-postgres}"
else
    PG_USER="$(id -un)"
fi

as_pg() {
    if [[ "$(id -un)" == "${PG_USER}" ]]; then
        "$@"
    else
        env HOME="$(getent passwd "${PG_USER}" | cut -d: -f6)" USER="${PG_USER}" LOGNAME="${PG_USER}" \
            setpriv --reuid="${PG_USER}" --regid="$(id -g "${PG_USER}")" --init-groups -- "$@"
    fi
}

# The same, replacing the calling (sub)shell: env, setpriv and setsid all exec, so
# the pid of the subshell becomes the program's.
exec_as_pg() {
    if [[ "$(id -un)" == "${PG_USER}" ]]; then
        exec "$@"
    fi
    exec env HOME="$(getent passwd "${PG_USER}" | cut -d: -f6)" USER="${PG_USER}" LOGNAME="${PG_USER}" \
        setpriv --reuid="${PG_USER}" --regid="$(id -g "${PG_USER}")" --init-groups -- "$@"
}

# The server's user must reach its binaries and data: a checkout in a private
# directory (mktemp -d is 0700) gets a working dir under /var/tmp instead.
default_dir() {
    if [[ ${EUID} -eq 0 ]] && ! as_pg test -x "${REPO_ROOT}" 2>/dev/null; then
        echo "/var/tmp/servicedesk-documentdb-$(echo -n "${REPO_ROOT}" | sha256sum | cut -c1-12)"
    else
        echo "${REPO_ROOT}/.cache/documentdb"
    fi
}
DOCUMENTDB_DIR="${DOCUMENTDB_DIR:-$(default_dir)}"
PATCH_DIR="${SCRIPT_DIR}/documentdb"

# name|file|sha256 (../shared/vendor/README.md)
TARBALLS=(
    "documentdb|documentdb-v0.106.0-ferretdb-2.5.0.tar.gz|6e89286ed9d9c0cb1279e32dcdae68e9a8c8fe098b0c62ebe91b435bd675a9ba"
    "pg_cron|pg_cron-v1.6.3.tar.gz|97cd57223fe960c716cb5ceec40ac75461f810484d960d1af5a8435d55be937d"
    "pgvector|pgvector-v0.8.0.tar.gz|a85d2cd63383b3a4c0e36e934c3c3b4636279063632e45ae12f524043d04a6de"
)

PREFIX="${DOCUMENTDB_DIR}/pg"
PG_BIN="${PREFIX}/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PG_BIN}/pg_config"
SRC_DIR="${DOCUMENTDB_DIR}/src"
STAMP_DIR="${DOCUMENTDB_DIR}/stamps"
BIN_DIR="${DOCUMENTDB_DIR}/bin"
GATEWAY_BIN="${BIN_DIR}/documentdb_gateway"
CARGO_TARGET="${DOCUMENTDB_DIR}/cargo"
DATA_DIR="${DOCUMENTDB_DIR}/data"
RUN_DIR="${DOCUMENTDB_DIR}/run"
TLS_DIR="${DOCUMENTDB_DIR}/tls"
PASSWORD_FILE="${DOCUMENTDB_DIR}/password"
GATEWAY_CONFIG="${DOCUMENTDB_DIR}/gateway.json"
PG_LOG="${DOCUMENTDB_DIR}/postgres.log"
GATEWAY_LOG="${DOCUMENTDB_DIR}/gateway.log"
GATEWAY_PID_FILE="${DOCUMENTDB_DIR}/gateway.pid"

log() { echo "documentdb.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Print where to look when a step fails (set -e exits through here).
on_error() {
    local status=$?
    log "failed (exit ${status}); logs: ${DOCUMENTDB_DIR}/build.log ${PG_LOG} ${GATEWAY_LOG}"
    exit "${status}"
}

sudo_maybe() {
    if [[ ${EUID} -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) for: $*"
    fi
}

# Unix sockets are limited to 107 bytes; a deep checkout falls back to /tmp.
socket_dir() {
    if (( ${#RUN_DIR} + 20 < 100 )); then
        echo "${RUN_DIR}"
    else
        echo "/tmp/documentdb-$(echo -n "${DOCUMENTDB_DIR}" | sha256sum | cut -c1-12)"
    fi
}

# --- install: Debian packages ----------------------------------------------------

pkg_version() { dpkg-query -W -f='${db:Status-Abbrev}|${Version}' "$1" 2>/dev/null | sed -n 's/^ii *|//p'; }

# The installed server's version: the headers must match it, and the security
# archive's rum wants a newer server, so rum is taken at a version the installed
# server satisfies (nothing here upgrades PostgreSQL under other users).
cmd_install() {
    local server_version
    server_version="$(pkg_version "postgresql-${PG_MAJOR}")"
    local want=() missing=() p v
    local plain=(build-essential pkg-config patch openssl libssl-dev libbson-dev
        libintelrdfpmath-dev libpcre2-dev libkrb5-dev libicu-dev systemtap-sdt-dev
        "postgresql-${PG_MAJOR}-postgis-3")
    for p in "${plain[@]}"; do
        [[ -n "$(pkg_version "${p}")" ]] || missing+=("${p}")
    done
    if [[ -z "${server_version}" ]]; then
        missing+=("postgresql-${PG_MAJOR}" "postgresql-server-dev-${PG_MAJOR}" "postgresql-${PG_MAJOR}-rum")
    else
        [[ "$(pkg_version "postgresql-server-dev-${PG_MAJOR}")" == "${server_version}" ]] \
            || missing+=("postgresql-server-dev-${PG_MAJOR}=${server_version}")
        [[ -n "$(pkg_version "postgresql-${PG_MAJOR}-rum")" ]] || missing+=("postgresql-${PG_MAJOR}-rum")
    fi
    if [[ ${#missing[@]} -eq 0 ]]; then
        [[ "${1:-}" == "verbose" ]] && log "Debian packages present (postgresql-${PG_MAJOR} ${server_version})"
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install: ${missing[*]}"
    local started=${SECONDS}
    log "installing ${missing[*]} ..."
    mkdir -p "${DOCUMENTDB_DIR}"
    sudo_maybe apt-get update -qq >> "${DOCUMENTDB_DIR}/build.log" 2>&1 || log "apt-get update failed; trying the lists we have"
    for p in "${missing[@]}"; do
        if [[ "${p}" == "postgresql-${PG_MAJOR}-rum" && -n "${server_version}" ]]; then
            p="$(rum_for_server "${server_version}")"
        fi
        want+=("${p}")
    done
    sudo_maybe env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${want[@]}" >> "${DOCUMENTDB_DIR}/build.log" 2>&1 \
        || { tail -n 30 "${DOCUMENTDB_DIR}/build.log" >&2; die "apt-get install failed"; }
    log "packages installed in $((SECONDS - started))s"
}

# The newest postgresql-15-rum whose dependencies the installed server satisfies.
rum_for_server() {
    local server_version="$1" v
    while read -r v; do
        if apt-get install -s -qq --no-install-recommends "postgresql-${PG_MAJOR}=${server_version}" \
            "postgresql-${PG_MAJOR}-rum=${v}" >/dev/null 2>&1; then
            echo "postgresql-${PG_MAJOR}-rum=${v}"
            return 0
        fi
    done < <(apt-cache madison "postgresql-${PG_MAJOR}-rum" | awk -F'|' '{gsub(/ /, "", $2); print $2}')
    die "no postgresql-${PG_MAJOR}-rum fits postgresql-${PG_MAJOR} ${server_version}"
}

# --- build -----------------------------------------------------------------------

tarball_path() { echo "${DOCUMENTDB_VENDOR_DIR}/$(tarball_field "$1" 2)"; }
tarball_sha() { tarball_field "$1" 3; }
tarball_field() {
    local entry
    for entry in "${TARBALLS[@]}"; do
        if [[ "${entry%%|*}" == "$1" ]]; then
            echo "${entry}" | cut -d'|' -f"$2"
            return 0
        fi
    done
    die "unknown tarball $1"
}

verify_tarballs() {
    [[ -d "${DOCUMENTDB_VENDOR_DIR}" ]] \
        || die "vendor dir ${DOCUMENTDB_VENDOR_DIR} not found (set DOCUMENTDB_VENDOR_DIR)"
    local entry name file sum actual
    for entry in "${TARBALLS[@]}"; do
        IFS='|' read -r name file sum <<<"${entry}"
        [[ -f "${DOCUMENTDB_VENDOR_DIR}/${file}" ]] || die "missing ${DOCUMENTDB_VENDOR_DIR}/${file}"
        actual="$(sha256sum "${DOCUMENTDB_VENDOR_DIR}/${file}" | cut -d' ' -f1)"
        [[ "${actual}" == "${sum}" ]] || die "${file}: sha256 ${actual}, expected ${sum}"
    done
}

# A stamp records the inputs of a step; the step is skipped while they match.
stamp_ok() { [[ -f "${STAMP_DIR}/$1" && "$(cat "${STAMP_DIR}/$1")" == "$2" ]]; }
stamp_set() { mkdir -p "${STAMP_DIR}"; echo "$2" > "${STAMP_DIR}/$1"; }

patches_sum() {
    local files=("${PATCH_DIR}"/*.patch)
    [[ -e "${files[0]}" ]] || { echo none; return; }
    cat "${files[@]}" | sha256sum | cut -c1-16
}

# Our PostgreSQL prefix: a copy of the Debian tree laid out like /usr.
PREFIX_KEY="" # set once per run by cmd_build, after the packages are in
prefix_key() {
    if [[ -n "${PREFIX_KEY}" ]]; then
        echo "${PREFIX_KEY}"
    else
        prefix_key_now
    fi
}

prefix_key_now() {
    echo "prefix=${PREFIX} pg=$(pkg_version "postgresql-${PG_MAJOR}") dev=$(pkg_version "postgresql-server-dev-${PG_MAJOR}") rum=$(pkg_version "postgresql-${PG_MAJOR}-rum") postgis=$(pkg_version "postgresql-${PG_MAJOR}-postgis-3")"
}

build_prefix() {
    local key
    key="$(prefix_key)"
    if stamp_ok prefix "${key}" && [[ -x "${PG_BIN}/postgres" ]]; then
        return 0
    fi
    log "creating the PostgreSQL prefix ${PREFIX}"
    rm -rf "${PREFIX}" "${STAMP_DIR}"
    mkdir -p "${PREFIX}/lib/postgresql" "${PREFIX}/share/postgresql"
    cp -a "/usr/lib/postgresql/${PG_MAJOR}" "${PREFIX}/lib/postgresql/"
    cp -a "/usr/share/postgresql/${PG_MAJOR}" "${PREFIX}/share/postgresql/"
    # pg_config reports these relative to its own location: headers, libpq, messages
    ln -s /usr/include "${PREFIX}/include"
    ln -s /usr/lib/x86_64-linux-gnu "${PREFIX}/lib/x86_64-linux-gnu"
    ln -s /usr/share/locale "${PREFIX}/share/locale"
    [[ "$("${PG_CONFIG}" --pkglibdir)" == "${PREFIX}/lib/postgresql/${PG_MAJOR}/lib" ]] \
        || die "pg_config in ${PREFIX} does not relocate"
    stamp_set prefix "${key}"
}

# DocumentDB asks pkg-config for `intelmathlib`; Debian ships the library as
# libbidgcc000 (libintelrdfpmath-dev: headers in /usr/include, built like
# upstream's CALL_BY_REF=0 GLOBAL_RND=0 GLOBAL_FLAGS=0) without a .pc file.
write_pkgconfig() {
    local dir="${DOCUMENTDB_DIR}/pkgconfig"
    mkdir -p "${dir}"
    cat > "${dir}/intelmathlib.pc" <<'PC'
Name: intelmathlib
Description: Intel Decimal Floating-Point Math Library (Debian libintelrdfpmath-dev)
Version: 2.0
Cflags:
Libs: -lbidgcc000
PC
    export PKG_CONFIG_PATH="${dir}${PKG_CONFIG_PATH:+:${PKG_CONFIG_PATH}}"
}

unpack() { # name dest
    local name="$1" dest="$2"
    rm -rf "${dest}"
    mkdir -p "${dest}"
    tar -xzf "$(tarball_path "${name}")" -C "${dest}" --strip-components=1
}

# with_llvm=no: no JIT bitcode. OPTFLAGS="": pgvector without -march=native, so
# a cached build also runs on another CPU.
pgxs_make() {
    make -j"${DOCUMENTDB_JOBS}" PG_CONFIG="${PG_CONFIG}" with_llvm=no OPTFLAGS="" "$@"
}

# The libraries a step installs: it runs again when one is missing.
installed() {
    local lib
    for lib in "$@"; do
        [[ -f "${PREFIX}/lib/postgresql/${PG_MAJOR}/lib/${lib}" ]] || return 1
    done
}

build_extension() { # name library
    local name="$1" lib="$2" key dir
    key="$(tarball_sha "${name}") $(prefix_key) recipe=1"
    if stamp_ok "${name}" "${key}" && installed "${lib}"; then
        return 0
    fi
    local started=${SECONDS}
    dir="${SRC_DIR}/${name}"
    log "building ${name} ..."
    unpack "${name}" "${dir}"
    { pgxs_make -C "${dir}" && pgxs_make -C "${dir}" install; } >> "${DOCUMENTDB_DIR}/build.log" 2>&1 \
        || die "building ${name} failed; see ${DOCUMENTDB_DIR}/build.log"
    stamp_set "${name}" "${key}"
    log "built ${name} in $((SECONDS - started))s"
}

build_documentdb() {
    local key dir p
    key="$(tarball_sha documentdb) patches=$(patches_sum) $(prefix_key) recipe=1"
    if stamp_ok documentdb "${key}" \
        && installed pg_documentdb_core.so pg_documentdb.so pg_documentdb_extended_rum.so; then
        return 0
    fi
    local started=${SECONDS}
    dir="${SRC_DIR}/documentdb"
    log "building DocumentDB (pg_documentdb_core, pg_documentdb, extended_rum) ..."
    unpack documentdb "${dir}"
    for p in "${PATCH_DIR}"/*.patch; do
        [[ -e "${p}" ]] || continue
        log "applying $(basename "${p}")"
        patch -d "${dir}" -p1 --forward --quiet < "${p}" || die "patch $(basename "${p}") does not apply"
    done
    # Debian's libbson 1.23 predates BSON_SUBTYPE_SENSITIVE (0x08, libbson 1.28):
    # define it, and let the one switch that lists it build (a case value outside
    # the older enum is a -Wswitch warning, which -Werror would make fatal).
    local copt="-DBSON_SUBTYPE_SENSITIVE=0x08 -Wno-error=switch" sub
    for sub in pg_documentdb_core pg_documentdb internal/pg_documentdb_extended_rum; do
        { pgxs_make COPT="${copt}" -C "${dir}/${sub}" && pgxs_make COPT="${copt}" -C "${dir}/${sub}" install; } \
            >> "${DOCUMENTDB_DIR}/build.log" 2>&1 || die "building DocumentDB (${sub}) failed; see ${DOCUMENTDB_DIR}/build.log"
    done
    stamp_set documentdb "${key}"
    log "built DocumentDB in $((SECONDS - started))s"
}

# The gateway (pg_documentdb_gw, Rust): crates from crates.io per its Cargo.lock,
# compiled into .cache/documentdb/cargo so a rebuild only relinks what changed.
build_gateway() {
    command -v cargo >/dev/null 2>&1 || die "cargo not found in PATH"
    local key dir
    key="$(tarball_sha documentdb) $(rustc --version 2>/dev/null) recipe=1"
    if stamp_ok gateway "${key}" && [[ -x "${GATEWAY_BIN}" ]]; then
        return 0
    fi
    local started=${SECONDS}
    dir="${SRC_DIR}/gateway"
    log "building the DocumentDB gateway (cargo, release) ..."
    # the gateway's macros read ../pg_documentdb_core/include for the error tables
    rm -rf "${dir}"
    mkdir -p "${dir}"
    tar -xzf "$(tarball_path documentdb)" -C "${dir}" --strip-components=1 \
        documentdb/pg_documentdb_gw documentdb/pg_documentdb_core/include
    (cd "${dir}/pg_documentdb_gw" && CARGO_TARGET_DIR="${CARGO_TARGET}" cargo build --release --locked \
        -j "${DOCUMENTDB_JOBS}" --bin documentdb_gateway) >> "${DOCUMENTDB_DIR}/build.log" 2>&1 \
        || die "building the gateway failed; see ${DOCUMENTDB_DIR}/build.log"
    mkdir -p "${BIN_DIR}"
    install -m 0755 "${CARGO_TARGET}/release/documentdb_gateway" "${GATEWAY_BIN}.tmp"
    mv -f "${GATEWAY_BIN}.tmp" "${GATEWAY_BIN}"
    stamp_set gateway "${key}"
    log "built the gateway in $((SECONDS - started))s"
}

cmd_build() {
    local started=${SECONDS}
    mkdir -p "${DOCUMENTDB_DIR}"
    cmd_install
    PREFIX_KEY="$(prefix_key_now)"
    verify_tarballs
    build_prefix
    write_pkgconfig
    build_extension pg_cron pg_cron.so
    build_extension pgvector vector.so
    build_documentdb
    build_gateway
    if (( SECONDS - started > 5 )); then
        log "build finished in $((SECONDS - started))s"
    fi
}

# --- process helpers ---------------------------------------------------------------

# true if pid exists and is not a zombie
alive() {
    local pid="$1" state
    kill -0 "${pid}" 2>/dev/null || return 1
    state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/${pid}/status" 2>/dev/null || true)"
    [[ "${state}" != "Z" ]]
}

exe_is() { # pid path: the process runs that binary (or it was replaced by a rebuild)
    local exe
    exe="$(readlink "/proc/$1/exe" 2>/dev/null || true)"
    [[ "${exe}" == "$2" || "${exe}" == "$2 (deleted)" ]]
}

postmaster_pid() {
    local pid
    [[ -f "${DATA_DIR}/postmaster.pid" ]] || return 1
    pid="$(head -n1 "${DATA_DIR}/postmaster.pid" | tr -dc '0-9')"
    [[ -n "${pid}" ]] && alive "${pid}" && exe_is "${pid}" "${PG_BIN}/postgres" || return 1
    echo "${pid}"
}

# Every process of our server: the postmaster's binary, working in our data dir
# (backends orphaned by a killed postmaster included).
server_pids() {
    local d pid
    for d in /proc/[0-9]*; do
        pid="${d#/proc/}"
        exe_is "${pid}" "${PG_BIN}/postgres" || continue
        [[ "$(readlink "${d}/cwd" 2>/dev/null)" == "${DATA_DIR}" ]] || continue
        alive "${pid}" && echo "${pid}"
    done
}

gateway_pid() {
    local pid
    [[ -f "${GATEWAY_PID_FILE}" ]] || return 1
    pid="$(tr -dc '0-9' < "${GATEWAY_PID_FILE}")"
    [[ -n "${pid}" ]] && alive "${pid}" && exe_is "${pid}" "${GATEWAY_BIN}" || return 1
    echo "${pid}"
}

wait_gone() { # seconds pid...
    local deadline=$((SECONDS + $1)) pid left
    shift
    while ((SECONDS <= deadline)); do
        left=0
        for pid in "$@"; do
            alive "${pid}" && left=1
        done
        ((left)) || return 0
        sleep 0.1
    done
    return 1
}

password() {
    if [[ ! -s "${PASSWORD_FILE}" ]]; then
        mkdir -p "${DOCUMENTDB_DIR}"
        (umask 077 && od -An -N18 -tx1 /dev/urandom | tr -d ' \n' > "${PASSWORD_FILE}")
    fi
    cat "${PASSWORD_FILE}"
}

urlencode() {
    local s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "${c}" in
            [a-zA-Z0-9._~-]) out+="${c}" ;;
            *) printf -v c '%%%02X' "'${c}"; out+="${c}" ;;
        esac
    done
    echo "${out}"
}

mongodb_uri() {
    local uri="mongodb://${DOCUMENTDB_USER}:$(password)@${HOST}:${DOCUMENTDB_PORT}/?authMechanism=SCRAM-SHA-256"
    if [[ "${DOCUMENTDB_TLS}" == "1" ]]; then
        # verify the server against the certificate made at setup (it names 127.0.0.1)
        uri+="&tls=true&tlsCAFile=$(urlencode "${TLS_DIR}/cert.pem")"
    fi
    echo "${uri}"
}

ping_ok() {
    "${PYTHON}" - "$(mongodb_uri)" <<'PY' >/dev/null 2>&1
import sys
from pymongo import MongoClient
c = MongoClient(sys.argv[1], serverSelectionTimeoutMS=1000, connectTimeoutMS=1000, socketTimeoutMS=5000)
try:
    c.admin.command("ping")
finally:
    c.close()
PY
}

port_in_use() {
    "${PYTHON}" - "${HOST}" "$1" <<'PY' >/dev/null 2>&1
import socket, sys
with socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=0.5):
    pass
PY
}

require_pymongo() {
    "${PYTHON}" -c 'import pymongo' >/dev/null 2>&1 \
        || die "'${PYTHON}' cannot import pymongo (set PYTHON to a python with pymongo)"
}

psql_admin() { # sql...: as the superuser over the unix socket
    as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "${DOCUMENTDB_PG_PORT}" \
        -d postgres "$@"
}

# --- PostgreSQL ------------------------------------------------------------------------

init_cluster() {
    [[ -f "${DATA_DIR}/PG_VERSION" ]] && return 0
    log "creating the cluster in ${DATA_DIR}"
    rm -rf "${DATA_DIR}"
    mkdir -p "${DATA_DIR}"
    chown "${PG_USER}:" "${DATA_DIR}"
    chmod 0700 "${DATA_DIR}"
    as_pg "${PG_BIN}/initdb" -D "${DATA_DIR}" -U "${PG_USER}" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >> "${PG_LOG}" 2>&1 \
        || die "initdb failed; see ${PG_LOG}"
    echo "include 'servicedesk.conf'" >> "${DATA_DIR}/postgresql.conf"
}

# Rewritten at every start, so a change here applies without a new cluster.
#
# Authentication: the unix socket is trusted, and its directory is 0700, so only
# the server's own user can reach it: the gateway (which checks SCRAM itself
# before it connects as the user) and DocumentDB, which connects back to itself
# through libpq as the current user without a password (localhost_connection_string).
# TCP on 127.0.0.1 wants a SCRAM password.
write_pg_config() {
    local sock
    sock="$(socket_dir)"
    cat > "${DATA_DIR}/pg_hba.conf.tmp" <<HBA
# written by scripts/documentdb.sh at every start
local all all trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    mv -f "${DATA_DIR}/pg_hba.conf.tmp" "${DATA_DIR}/pg_hba.conf"
    chown "${PG_USER}:" "${DATA_DIR}/pg_hba.conf"
    cat > "${DATA_DIR}/servicedesk.conf.tmp" <<CONF
# written by scripts/documentdb.sh at every start
listen_addresses = '${HOST}'
port = ${DOCUMENTDB_PG_PORT}
unix_socket_directories = '${sock}'
unix_socket_permissions = 0700
max_connections = 200
shared_preload_libraries = 'pg_cron, pg_documentdb_core, pg_documentdb, pg_documentdb_extended_rum'
cron.database_name = 'postgres'
# jobs run in background workers, not through a login over TCP
cron.use_background_workers = on
# DocumentDB's index-build job runs every second: not a log line and a
# cron.job_run_details row each time
cron.log_run = off
cron.log_statement = off
max_worker_processes = 32
# Memory: PostgreSQL's defaults (128MB buffers, 64MB for index builds) unless set
# (a million incidents want more: benchmarks/RESULTS.md, "Scale on DocumentDB")
shared_buffers = ${DOCUMENTDB_SHARED_BUFFERS:-256MB}
maintenance_work_mem = ${DOCUMENTDB_MAINTENANCE_WORK_MEM:-256MB}
logging_collector = off
log_min_messages = warning
log_line_prefix = '%m [%p] '

# DocumentDB (as its packaging's 10-preload.sh, minus the _id sort pushdown,
# which would take a sort by _id away from the compound indexes)
documentdb.enableLetAndCollationForQueryMatch = on
documentdb.enableNowSystemVariable = on
documentdb.enableSchemaValidation = on
documentdb.enableBypassDocumentValidation = on
documentdb.enableUserCrud = on
documentdb.localhost_connection_string = 'host=${sock}'
documentdb.enableSortbyIdPushDownToPrimaryKey = off
# Sorts served from the index: composite-term indexes on the extended_rum handler
# (unique indexes stay on rum, scripts/documentdb/0001-*.patch)
documentdb.defaultUseCompositeOpClass = on
documentdb.enableIndexOrderbyPushdown = on
documentdb.alternate_index_handler_name = 'extended_rum'
# An index added to an existing collection is built by a pg_cron job (every 2 s by
# default; read when the extension is created); ensure_indexes sends one createIndexes
# per collection, which builds inline on a new collection (servicedesk/indexes.py)
documentdb.indexBuildScheduleInSec = 1
CONF
    mv -f "${DATA_DIR}/servicedesk.conf.tmp" "${DATA_DIR}/servicedesk.conf"
    chown "${PG_USER}:" "${DATA_DIR}/servicedesk.conf"
}

start_postgres() {
    if postmaster_pid >/dev/null; then
        return 0
    fi
    # Backends of a killed postmaster still hold its shared memory: they leave on
    # their own once they notice; give them a moment, then make sure.
    local orphans
    orphans="$(server_pids | tr '\n' ' ')"
    if [[ -n "${orphans// /}" ]]; then
        log "waiting for the old server's processes to exit: ${orphans}"
        # shellcheck disable=SC2086
        wait_gone 10 ${orphans} || { kill -KILL ${orphans} 2>/dev/null || true; wait_gone 5 ${orphans} || true; }
    fi
    if port_in_use "${DOCUMENTDB_PG_PORT}"; then
        die "something else listens on ${HOST}:${DOCUMENTDB_PG_PORT}; set DOCUMENTDB_PG_PORT"
    fi
    local sock
    sock="$(socket_dir)"
    mkdir -p "${sock}"
    chown "${PG_USER}:" "${sock}"
    chmod 0700 "${sock}"
    touch "${PG_LOG}"
    chown "${PG_USER}:" "${PG_LOG}"
    echo "---- $(date -u +%Y-%m-%dT%H:%M:%SZ) starting postgres on ${HOST}:${DOCUMENTDB_PG_PORT}" >> "${PG_LOG}"
    # 9>&-: the server must not inherit (and hold) this script's lock
    as_pg "${PG_BIN}/pg_ctl" -D "${DATA_DIR}" -l "${PG_LOG}" -w -t "${DOCUMENTDB_START_TIMEOUT}" \
        -o "-c config_file=${DATA_DIR}/postgresql.conf" start >/dev/null 9>&- \
        || { log "postgres did not start; log tail:"; tail -n 40 "${PG_LOG}" >&2; exit 1; }
}

# Idempotent: extensions, and the login the tests use (its password follows the file).
setup_database() {
    local pw
    pw="$(password)"
    psql_admin -v user="${DOCUMENTDB_USER}" -v pw="${pw}" <<'SQL' >> "${PG_LOG}" 2>&1 \
        || die "setting up the database failed; see ${PG_LOG}"
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS documentdb CASCADE;
CREATE EXTENSION IF NOT EXISTS documentdb_extended_rum;
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') AS create_user \gset
\if :create_user
CREATE ROLE :"user" WITH LOGIN INHERIT IN ROLE documentdb_admin_role;
\endif
ALTER ROLE :"user" WITH LOGIN PASSWORD :'pw';
SQL
}

stop_postgres() {
    local pid
    if pid="$(postmaster_pid)"; then
        as_pg "${PG_BIN}/pg_ctl" -D "${DATA_DIR}" -m fast -w -t 30 stop >/dev/null 2>&1 || {
            log "pg_ctl stop failed; sending SIGQUIT to ${pid}"
            kill -QUIT "${pid}" 2>/dev/null || true
            wait_gone 10 "${pid}" || die "postgres ${pid} does not stop"
        }
    fi
}

# --- gateway --------------------------------------------------------------------------

make_certificate() {
    [[ -s "${TLS_DIR}/cert.pem" && -s "${TLS_DIR}/key.pem" ]] && return 0
    mkdir -p "${TLS_DIR}"
    openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 3650 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "${TLS_DIR}/key.pem" -out "${TLS_DIR}/cert.pem" >/dev/null 2>&1 \
        || die "openssl could not make the certificate"
    chown -R "${PG_USER}:" "${TLS_DIR}"
    chmod 0600 "${TLS_DIR}/key.pem"
}

write_gateway_config() {
    local enforce=false
    [[ "${DOCUMENTDB_TLS}" == "1" ]] && enforce=true
    echo '{"IsPrimary": "true", "SendShutdownResponses": "false"}' > "${DOCUMENTDB_DIR}/gateway-host.json"
    cat > "${GATEWAY_CONFIG}" <<JSON
{
  "NodeHostName": "localhost",
  "BlockedRolePrefixes": ["documentdb", "citus", "pg", "internal_role"],
  "UseLocalHost": true,
  "GatewayListenPort": ${DOCUMENTDB_PORT},
  "PostgresHostName": "$(socket_dir)",
  "PostgresPort": ${DOCUMENTDB_PG_PORT},
  "PostgresSystemUser": "${PG_USER}",
  "PostgresDatabase": "postgres",
  "TransactionTimeoutSecs": 30,
  "CursorTimeoutSecs": 600,
  "PostgresCommandTimeoutSecs": 120,
  "EnforceSslTcp": ${enforce},
  "DynamicConfigurationFile": "${DOCUMENTDB_DIR}/gateway-host.json",
  "CertificateOptions": {
    "CertType": "PemFile",
    "FilePath": "${TLS_DIR}/cert.pem",
    "KeyFilePath": "${TLS_DIR}/key.pem"
  }
}
JSON
}

start_gateway() {
    local pid
    if pid="$(gateway_pid)"; then
        return 0
    fi
    rm -f "${GATEWAY_PID_FILE}"
    if port_in_use "${DOCUMENTDB_PORT}"; then
        die "something else listens on ${HOST}:${DOCUMENTDB_PORT} (not our pid file); set DOCUMENTDB_PORT"
    fi
    make_certificate
    write_gateway_config
    touch "${GATEWAY_LOG}"
    chown "${PG_USER}:" "${GATEWAY_LOG}"
    echo "---- $(date -u +%Y-%m-%dT%H:%M:%SZ) starting the gateway on ${HOST}:${DOCUMENTDB_PORT}" >> "${GATEWAY_LOG}"
    # It writes nothing but its log; run from a directory of ours, in a session of
    # its own, so that nothing the caller's terminal or job control does reaches it.
    (cd "${DOCUMENTDB_DIR}" && exec_as_pg setsid "${GATEWAY_BIN}" "${GATEWAY_CONFIG}") \
        >> "${GATEWAY_LOG}" 2>&1 < /dev/null 9>&- &
    pid=$!
    echo "${pid}" > "${GATEWAY_PID_FILE}"
}

# Our gateway process: our binary, started with our config file.
pgrep_gateway() {
    local d pid
    for d in /proc/[0-9]*; do
        pid="${d#/proc/}"
        exe_is "${pid}" "${GATEWAY_BIN}" || continue
        alive "${pid}" || continue
        tr '\0' ' ' < "${d}/cmdline" 2>/dev/null | grep -qF "${GATEWAY_CONFIG}" || continue
        echo "${pid}"
        return 0
    done
    return 1
}

stop_gateway() {
    local pid
    pid="$(gateway_pid || pgrep_gateway || true)"
    if [[ -n "${pid}" ]]; then
        kill -TERM "${pid}" 2>/dev/null || true
        wait_gone 5 "${pid}" || { kill -KILL "${pid}" 2>/dev/null || true; wait_gone 5 "${pid}" || die "gateway ${pid} does not stop"; }
    fi
    rm -f "${GATEWAY_PID_FILE}"
}

# --- commands ---------------------------------------------------------------------------

cmd_status() {
    require_pymongo
    local pg gw
    pg="$(postmaster_pid || true)"
    gw="$(gateway_pid || true)"
    if [[ -n "${pg}" && -n "${gw}" ]] && ping_ok; then
        echo "documentdb running (postgres ${pg}, gateway ${gw}) on ${HOST}:${DOCUMENTDB_PORT}"
        return 0
    fi
    echo "documentdb not running (postgres: ${pg:-none}, gateway: ${gw:-none}, ping: no)"
    return 1
}

cmd_start() {
    require_pymongo
    set -o errtrace
    trap on_error ERR
    cmd_build
    if postmaster_pid >/dev/null && gateway_pid >/dev/null && ping_ok; then
        echo "documentdb already running on ${HOST}:${DOCUMENTDB_PORT}"
        return 0
    fi
    init_cluster
    write_pg_config
    start_postgres
    setup_database
    if gateway_pid >/dev/null && ! ping_ok; then
        log "the gateway does not answer; restarting it"
        stop_gateway
    fi
    start_gateway
    local deadline=$((SECONDS + DOCUMENTDB_START_TIMEOUT)) pid
    pid="$(tr -dc '0-9' < "${GATEWAY_PID_FILE}")"
    while ((SECONDS < deadline)); do
        if ! alive "${pid}"; then
            rm -f "${GATEWAY_PID_FILE}"
            log "the gateway exited during startup; log tail:"
            tail -n 40 "${GATEWAY_LOG}" >&2 || true
            exit 1
        fi
        if ping_ok; then
            echo "documentdb started (postgres $(postmaster_pid), gateway ${pid}) on ${HOST}:${DOCUMENTDB_PORT}, logs ${PG_LOG} ${GATEWAY_LOG}"
            return 0
        fi
        sleep 0.3
    done
    log "no login answered within ${DOCUMENTDB_START_TIMEOUT}s; gateway log tail:"
    tail -n 40 "${GATEWAY_LOG}" >&2 || true
    cmd_stop || true
    exit 1
}

cmd_stop() {
    stop_gateway
    stop_postgres
    return 0
}

# A crash: SIGKILL the gateway, the postmaster and every backend, all at once.
cmd_kill() {
    local pids
    pids="$(gateway_pid || true) $(server_pids | tr '\n' ' ')"
    if [[ -n "${pids// /}" ]]; then
        # shellcheck disable=SC2086
        kill -KILL ${pids} 2>/dev/null || true
        # shellcheck disable=SC2086
        wait_gone 10 ${pids} || die "still alive after SIGKILL: ${pids}"
    fi
    rm -f "${GATEWAY_PID_FILE}"
}

main() {
    local cmd="${1:-}"
    case "${cmd}" in
        install | build | start | stop | kill | restart)
            # one of these at a time per working dir (make documentdb beside a test run)
            mkdir -p "${DOCUMENTDB_DIR}"
            exec 9> "${DOCUMENTDB_DIR}/.lock"
            flock -w 900 9 || die "another documentdb.sh holds ${DOCUMENTDB_DIR}/.lock"
            ;;
    esac
    case "${cmd}" in
        install) cmd_install verbose ;;
        build) set -o errtrace; trap on_error ERR; cmd_build ;;
        start) cmd_start ;;
        stop) cmd_stop ;;
        kill) cmd_kill ;;
        status) cmd_status ;;
        restart) cmd_stop; cmd_start ;;
        uri) mongodb_uri ;;
        *)
            echo "usage: $0 {install|build|start|stop|status|restart|kill|uri}" >&2
            exit 2
            ;;
    esac
}

main "$@"
