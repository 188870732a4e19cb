#!/usr/bin/env bash
# What the test command needs that Maven does not fetch, checked before anything is compiled
# (pom.xml runs this in the `initialize` phase unless tests are skipped):
#   - Debian's headless Chromium and its chromedriver, for the console's browser test: installed
#     here when missing on a Debian machine where we are root; otherwise one message that names
#     what to install, and the build stops at once instead of failing the browser test minutes later;
#   - ports 9080 and 9443 free, for the integration tests' Liberty server, and the port of the
#     PostgreSQL server the tests start.
# Arguments: the Chromium binary and the chromedriver the tests will use, the PostgreSQL port.
set -euo pipefail

chromium="${1:-/usr/bin/chromium}"
chromedriver="${2:-/usr/bin/chromedriver}"
postgres_port="${3:-55432}"

fail() {
  printf '\n[raccord] %s\n\n' "$1" >&2
  exit 1
}

missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$chromedriver" ] || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[raccord] The console's browser test needs ${missing[*]}: installing from Debian's packages."
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
  still=()
  [ -x "$chromium" ] || still+=("$chromium")
  [ -x "$chromedriver" ] || still+=("$chromedriver")
  if [ ${#still[@]} -gt 0 ]; then
    fail "The console's browser test needs Chromium and its chromedriver; missing: ${still[*]}.
Install them, then run the tests again:
  - Debian or Ubuntu:  sudo apt-get install chromium chromium-driver
  - elsewhere: any Chromium (or Chrome) with the chromedriver of the same version, named by
    mvn verify -Draccord.it.chromium=/path/to/chromium -Draccord.it.chromedriver=/path/to/chromedriver"
  fi
fi

for port in 9080 9443; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "Port $port is already in use (a server started with the run command?). The integration
tests start their own Liberty on 9080 and 9443: stop the server holding it, then run the tests again."
  fi
done

if (exec 3<>"/dev/tcp/127.0.0.1/$postgres_port") 2>/dev/null; then
  fail "Port $postgres_port is already in use. The integration tests start their own PostgreSQL on it:
free it, or name another with mvn verify -Draccord.it.postgres.port=<port>."
fi
