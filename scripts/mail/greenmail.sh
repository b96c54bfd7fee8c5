#!/usr/bin/env bash
# Fetches GreenMail standalone (a test SMTP/IMAP server on Java 17) from Maven Central
# into .cache/mail (never committed) and prints the jar's path. The tests of
# `manage.py fetch_mail` (tests/mail/test_fetch_mail.py) start it on 127.0.0.1.
# Skipped when the jar is already there. Usage: scripts/mail/greenmail.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE=.cache/mail
GREENMAIL_VERSION=2.1.3
jar=$CACHE/greenmail-standalone-$GREENMAIL_VERSION.jar
if [ ! -f "$jar" ]; then
  mkdir -p "$CACHE"
  mvn -q -B dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true >&2
  test -f "$jar"
fi
echo "$jar"
