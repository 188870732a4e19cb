#!/usr/bin/env bash
# The lookup benchmark (docs/benchmarks.md): LINES benchmark lines seeded into the local server's
# database, then wrk against GET /api/v1/lines/{ref} and, in the same run, the trivial
# GET /api/v1/ping: full speed for both, then the lookup paced at half its full-speed rate.
# Usage, after one `mvn verify` (it builds the WAR and creates the server):
#   src/test/bench/lookup/run.sh 1000000 30s
set -euo pipefail
LINES=${1:-1000000}
DURATION=${2:-30s}
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../../.."
SERVER_DIR=target/liberty/wlp/usr/servers/raccord
SERVER=target/liberty/wlp/bin/server
H2=$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
CONNECTIONS=32

# Polling off (the lookup alone is measured); the benchmark client's budget out of the way.
export RACCORD_POLLING_ENABLED=false
export RACCORD_API_CLIENTBUDGETS="reader:1000000/1"

token() {
  curl -sfk -u reader:reader-local https://localhost:9443/jwt/ibm/api/raccord/token | sed 's/.*"token": *"\([^"]*\)".*/\1/'
}

start() {
  "$SERVER" start raccord >/dev/null
  for _ in $(seq 1 120); do
    TOKEN=$(token || true)
    if [ -n "$TOKEN" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" localhost:9080/api/v1/ping)" = 200 ]; then
      return
    fi
    sleep 1
  done
  echo "server did not start" >&2
  exit 1
}

"$SERVER" stop raccord >/dev/null 2>&1 || true
rm -rf "$SERVER_DIR/data" "$SERVER_DIR/dropins/raccord.war" "$SERVER_DIR/apps/raccord.war"*
mkdir -p "$SERVER_DIR/dropins"
cp target/raccord.war "$SERVER_DIR/dropins/"
start                                   # Flyway creates the schema
"$SERVER" stop raccord >/dev/null
echo "seeding $LINES lines"
SEEDED=$(date +%s)
{ echo "SET @LINES = $LINES;"; cat "$HERE/seed.sql"; } > target/bench-seed.sql
java -cp "$H2" org.h2.tools.RunScript -url "jdbc:h2:$PWD/$SERVER_DIR/data/raccord" -user raccord -password "" \
     -script target/bench-seed.sql
echo "seeded in $(( $(date +%s) - SEEDED )) s"
start
# Rows loaded behind Raccord's back have no stored answer yet: the read model renders them at
# start-up. Measure once it is current (lookups are correct before, only slower).
RENDERING=$(date +%s)
until grep -q "Read model current" "$SERVER_DIR/logs/messages.log"; do sleep 2; done
echo "read model rendered in $(( $(date +%s) - RENDERING )) s: $(grep -o 'Read model current.*' "$SERVER_DIR/logs/messages.log" | tail -1)"
export TOKEN LINES

run() { # name script connections duration [delay]
  DELAY_MS=${5:-0} wrk -t2 -c"$3" -d"$4" -s "$HERE/$2" http://localhost:9080 | grep RESULT | sed "s|^RESULT|$1|"
}

echo "warm-up"
run warm-ping ping.lua $CONNECTIONS 20s >/dev/null
run warm-lookup lookup.lua $CONNECTIONS 20s >/dev/null
PING=$(run ping-full ping.lua $CONNECTIONS "$DURATION")
LOOKUP=$(run lookup-full lookup.lua $CONNECTIONS "$DURATION")
echo "$PING"
echo "$LOOKUP"
PING_RPS=$(echo "$PING" | sed 's/.*rps=\([0-9]*\).*/\1/')
LOOKUP_RPS=$(echo "$LOOKUP" | sed 's/.*rps=\([0-9]*\).*/\1/')
echo "ratio lookup/ping = $(awk "BEGIN { printf \"%.2f\", $LOOKUP_RPS / $PING_RPS }")"
# Half load: 16 connections, each pausing so that together they ask about half the full rate.
HALF_DELAY=$(awk "BEGIN { printf \"%d\", 16 * 1000 / ($LOOKUP_RPS / 2) }")
run "lookup-half(target $((LOOKUP_RPS / 2))/s, delay ${HALF_DELAY}ms)" lookup.lua 16 "$DURATION" "$HALF_DELAY"
# The platform's floor: the trivial endpoint at the same pace (same machine, same wrk beside it).
run "ping-half(same pace)" ping.lua 16 "$DURATION" "$HALF_DELAY"
"$SERVER" stop raccord >/dev/null
rm -f "$SERVER_DIR/dropins/raccord.war"
