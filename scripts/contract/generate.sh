#!/usr/bin/env bash
# Generators of the contract checks; each fails on any warning it prints.
#   generate.sh schema OUT.json             the served schema, validated (--fail-on-warn)
#   generate.sh opc SCHEMA OUT_DIR           openapi-python-client (clients/python)
#   generate.sh og GENERATOR SCHEMA OUT_DIR  openapi-generator (python, typescript-fetch)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
CACHE=.cache/contract
JAR=$CACHE/openapi-generator-cli-7.25.0.jar

fail_on_warnings() {  # log, what
  # og-warnings.allow: openapi-generator's own notices that name no schema or operation
  # (they come from its template internals; see the README, "The contract").
  if grep -E "WARN|[Ww]arning" "$1" | grep -v -F -f scripts/contract/og-warnings.allow; then
    echo "$2: the generator warned (above); see $1" >&2
    return 1
  fi
}

case $1 in
  schema)
    $PY manage.py spectacular --validate --fail-on-warn --format openapi-json --file "$2"
    ;;
  opc)
    log=$(mktemp)
    rm -rf "$3"
    # ruff (the post hooks) from our virtual environment.
    PATH="$PWD/.venv/bin:$PATH" "$CACHE/opc/bin/openapi-python-client" generate \
      --path "$2" --output-path "$3" --config scripts/contract/opc.yaml --meta uv >"$log" 2>&1 \
      || { cat "$log"; exit 1; }
    fail_on_warnings "$log" openapi-python-client
    ;;
  og)
    log=$(mktemp)
    rm -rf "$4"
    extra=()
    [ "$2" = python ] && extra=(--package-name servicedesk_og)
    java -jar "$JAR" generate -i "$3" -g "$2" -o "$4" "${extra[@]}" \
      --global-property apiTests=false,modelTests=false,apiDocs=false,modelDocs=false >"$log" 2>&1 \
      || { cat "$log"; exit 1; }
    fail_on_warnings "$log" "openapi-generator $2"
    ;;
  *)
    echo "usage: $0 schema|opc|og ..." >&2
    exit 2
    ;;
esac
