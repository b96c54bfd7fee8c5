#!/usr/bin/env bash
# Installs the pinned tools of the contract checks into .cache/contract (never committed):
#   node/      @redocly/cli, typescript, puppeteer-core (npm, scripts/contract/package.json)
#   openapi-generator-cli.jar   (Maven Central, through mvn)
#   opc/       a virtual environment with openapi-python-client (PyPI)
#   chromium   Debian's package (apt), for the headless docs test
# Each step is skipped when its tool is already there. Usage: scripts/contract/tools.sh [node|jar|opc|chromium]...
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE=.cache/contract
OPENAPI_GENERATOR_VERSION=7.25.0
OPENAPI_PYTHON_CLIENT_VERSION=0.29.1
PYTHON=${PYTHON:-python3}
mkdir -p "$CACHE"

install_node() {
  local dir=$CACHE/node
  if [ -x "$dir/node_modules/.bin/redocly" ] && cmp -s scripts/contract/package.json "$dir/package.json"; then
    return
  fi
  mkdir -p "$dir"
  cp scripts/contract/package.json "$dir/package.json"
  [ -f scripts/contract/package-lock.json ] && cp scripts/contract/package-lock.json "$dir/"
  # puppeteer-core downloads no browser; Debian's chromium is used.
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  [ -f scripts/contract/package-lock.json ] || cp "$dir/package-lock.json" scripts/contract/
}

install_jar() {
  local jar=$CACHE/openapi-generator-cli-$OPENAPI_GENERATOR_VERSION.jar
  [ -f "$jar" ] && return
  mvn -q -B dependency:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$OPENAPI_GENERATOR_VERSION" \
    -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true
  test -f "$jar"
}

install_opc() {
  local venv=$CACHE/opc
  if [ -x "$venv/bin/openapi-python-client" ] \
    && "$venv/bin/openapi-python-client" --version | grep -q "$OPENAPI_PYTHON_CLIENT_VERSION"; then
    return
  fi
  "$PYTHON" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "openapi-python-client==$OPENAPI_PYTHON_CLIENT_VERSION"
}

install_chromium() {
  command -v chromium >/dev/null && return
  if [ "$(id -u)" != 0 ]; then
    echo "chromium is missing: apt-get install chromium (as root)" >&2
    return 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
}

steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(node jar opc chromium)
for step in "${steps[@]}"; do
  case $step in
    node) install_node ;;
    jar) install_jar ;;
    opc) install_opc ;;
    chromium) install_chromium ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
