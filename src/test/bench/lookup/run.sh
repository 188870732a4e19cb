#!/usr/bin/env bash
# The lookup benchmark (docs/benchmarks.md): LINES benchmark lines seeded into the local server's
# database, then wrk against GET /api/v1/lines/{ref} and, in the same run, the trivial
# GET /api/v1/ping: full speed for both (ROUNDS alternating pairs, median ratio), then the lookup
# paced at half its full-speed rate beside ping at the same pace (HALF_ROUNDS pairs).
# ROUNDS, HALF_ROUNDS and WARMUP (default 20s) tune the runs.
# Usage, after one `mvn verify` (it builds the WAR and creates the server):
#   src/test/bench/lookup/run.sh 1000000 20s
# On PostgreSQL: an empty database `raccord` owned by role `raccord`, then
#   RACCORD_DB_KIND=postgresql RACCORD_DB_PORT=5432 RACCORD_DB_PASSWORD=... src/test/bench/lookup/run.sh 1000000 20s
set -euo pipefail
LINES=${1:-1000000}
DURATION=${2:-30s}
ROUNDS=${ROUNDS:-5}
HALF_ROUNDS=${HALF_ROUNDS:-3}
WARMUP=${WARMUP:-20s}
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

# psql on the server's PostgreSQL, with the same variables as the server (RACCORD_DB_*).
pg() {
  PGPASSWORD="$RACCORD_DB_PASSWORD" psql -h "${RACCORD_DB_HOST:-localhost}" -p "${RACCORD_DB_PORT:-5432}" \
       -U "${RACCORD_DB_USER:-raccord}" -d "${RACCORD_DB_NAME:-raccord}" "$@"
}

"$SERVER" stop raccord >/dev/null 2>&1 || true
rm -rf "$SERVER_DIR/data" "$SERVER_DIR/dropins/raccord.war" "$SERVER_DIR/apps/raccord.war"*
mkdir -p "$SERVER_DIR/dropins"
cp target/raccord.war "$SERVER_DIR/dropins/"
start                                   # Flyway creates the schema
"$SERVER" stop raccord >/dev/null
echo "seeding $LINES lines"
SEEDED=$(date +%s)
if [ "${RACCORD_DB_KIND:-h2}" = postgresql ]; then
  # The same script in PostgreSQL's words (generate_series for H2's SYSTEM_RANGE), then fresh
  # statistics for the planner, as autovacuum would give them some minutes later.
  { sed -e 's/FROM SYSTEM_RANGE(1, @LINES), SYSTEM_RANGE(0, 2) AS ms(m)/FROM generate_series(1, :lines) AS x, generate_series(0, 2) AS m/' \
        -e 's/FROM SYSTEM_RANGE(1, @LINES)/FROM generate_series(1, :lines) AS x/' "$HERE/seed.sql"
    echo "ANALYZE tracked_line, delivery_revision, line_milestone, jeopardy_alert;"; } > target/bench-seed-postgresql.sql
  pg -q -v ON_ERROR_STOP=1 -v lines="$LINES" -f target/bench-seed-postgresql.sql
else
  { echo "SET @LINES = $LINES;"; cat "$HERE/seed.sql"; } > target/bench-seed.sql
  java -cp "$H2" org.h2.tools.RunScript -url "jdbc:h2:$PWD/$SERVER_DIR/data/raccord" -user raccord -password "" \
       -script target/bench-seed.sql
fi
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

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed "s/.*$1=\([0-9.]*\).*/\1/"; }

echo "warm-up"
run warm-ping ping.lua $CONNECTIONS "$WARMUP" >/dev/null
run warm-lookup lookup.lua $CONNECTIONS "$WARMUP" >/dev/null
# Full speed: ROUNDS pairs of runs, the order alternating, so that whatever else this machine does
# weighs on both sides; the ratio of each pair, then their median.
RATIOS=""
LOOKUPS=""
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    PING=$(run "ping-full($round)" ping.lua $CONNECTIONS "$DURATION"); LOOKUP=$(run "lookup-full($round)" lookup.lua $CONNECTIONS "$DURATION")
  else
    LOOKUP=$(run "lookup-full($round)" lookup.lua $CONNECTIONS "$DURATION"); PING=$(run "ping-full($round)" ping.lua $CONNECTIONS "$DURATION")
  fi
  RATIO=$(awk "BEGIN { printf \"%.2f\", $(echo "$LOOKUP" | field rps) / $(echo "$PING" | field rps) }")
  echo "$PING"; echo "$LOOKUP"; echo "ratio($round) lookup/ping = $RATIO"
  RATIOS="$RATIOS $RATIO"
  LOOKUPS="$LOOKUPS $(echo "$LOOKUP" | field rps)"
done
echo "ratio lookup/ping, median of $ROUNDS rounds = $(median $RATIOS) (each:$RATIOS)"
LOOKUP_RPS=$(median $LOOKUPS | cut -d. -f1)
# Half load: 16 connections, each pausing so that together they ask about half the median full
# rate; the trivial endpoint at the same pace beside it (the platform's floor on this machine).
HALF_DELAY=$(awk "BEGIN { printf \"%d\", 16 * 1000 / ($LOOKUP_RPS / 2) }")
HALF_P99=""
FLOOR_P99=""
for round in $(seq 1 "$HALF_ROUNDS"); do
  HALF=$(run "lookup-half($round, target $((LOOKUP_RPS / 2))/s, delay ${HALF_DELAY}ms)" lookup.lua 16 "$DURATION" "$HALF_DELAY")
  FLOOR=$(run "ping-half($round, same pace)" ping.lua 16 "$DURATION" "$HALF_DELAY")
  echo "$HALF"; echo "$FLOOR"
  HALF_P99="$HALF_P99 $(echo "$HALF" | field p99_ms)"
  FLOOR_P99="$FLOOR_P99 $(echo "$FLOOR" | field p99_ms)"
done
echo "half load p99, median of $HALF_ROUNDS rounds: lookup $(median $HALF_P99) ms (each:$HALF_P99), ping at the same pace $(median $FLOOR_P99) ms (each:$FLOOR_P99)"
PID=$(pgrep -f 'ws-server\.jar raccord( |$)' | head -1)
jcmd "$PID" GC.run >/dev/null
echo "heap after a full GC: $(jcmd "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1)"
if [ "${RACCORD_DB_KIND:-h2}" = postgresql ]; then
  echo "database: $(pg -tA -c "select pg_size_pretty(pg_database_size(current_database())) || ', ' || pg_database_size(current_database()) / count(*) || ' bytes a line' from tracked_line")"
fi
echo "read model store: $(du -sh "$SERVER_DIR/data" | cut -f1)"
"$SERVER" stop raccord >/dev/null
rm -f "$SERVER_DIR/dropins/raccord.war"
