#!/usr/bin/env bash
# The cluster benchmark (docs/benchmarks.md "Several instances"): the production package twice
# (instances a and b, HTTPS 9443 and 9444) on one PostgreSQL, the owner in its own server (9180).
#   failover: TRIALS times kill -9 of the leader, then TRIALS times SIGSTOP of the leader; each time
#             the seconds until the other instance leads (its console says so), median and max.
#   catchup:  events/s of a catch-up from an empty database, with one instance and with two
#             (each run on a fresh owner world and a fresh database), over WINDOW seconds after
#             75 s; use a world that outlasts that (LINES=200000).
#   lookups:  lookups/s (wrk, 32 connections, DURATION) of random lines on instance a alone, then
#             on a and b together (16 connections each); the load generator shares the two cores.
#             Then the cross-instance visibility: raccord_answers_follow_lag_seconds of both
#             instances while the owner's world runs live (p50 and p99 of the last two minutes).
#   webhooks: a backlog built with delivery off (a LINES world caught up, one subscriber), then
#             delivered by one instance and, on a new backlog, by two (a receiver on 9191).
# Usage, after `mvn -DskipTests verify` (it builds the package and the owner's server), with an
# empty PostgreSQL database given as the server takes it (RACCORD_DB_HOST/PORT/NAME/USER/PASSWORD):
#   src/test/bench/cluster/run.sh failover 10
#   src/test/bench/cluster/run.sh catchup
set -euo pipefail
MODE=${1:-failover}
TRIALS=${2:-10}
LINES=${LINES:-20000}
WINDOW=${WINDOW:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../../.."
REPO=$(pwd)
CLUSTER=${CLUSTER_HOME:-/tmp/raccord-cluster}
SERVERS=$CLUSTER/wlp/usr/servers
OWNER=target/liberty/wlp/bin/server
PASSWORD=bench-cluster
declare -A NAME=([a]=raccord-production [b]=raccord-b)
declare -A PORT=([a]=9443 [b]=9444)

pg() {
  PGPASSWORD="$RACCORD_DB_PASSWORD" psql -qtA -h "${RACCORD_DB_HOST:-localhost}" -p "${RACCORD_DB_PORT:-5432}" \
       -U "${RACCORD_DB_USER:-raccord}" -d "${RACCORD_DB_NAME:-raccord}" "$@"
}

console() { curl -sk -m 2 -u "ops:$PASSWORD" "https://localhost:${PORT[$1]}/api/admin/console" || true; }
leads() { console "$1" | grep -q '"leading":true'; }
leader() { for i in a b; do if leads "$i"; then echo "$i"; return; fi; done; echo none; }
other() { if [ "$1" = a ]; then echo b; else echo a; fi; }
now_ms() { date +%s%3N; }
pid_of() { cat "$SERVERS/.pid/${NAME[$1]}.pid"; }

start() {
  "$CLUSTER/wlp/bin/server" start "${NAME[$1]}" >/dev/null
  for _ in $(seq 1 180); do
    if console "$1" | grep -q '"cluster"'; then return; fi
    sleep 1
  done
  echo "instance $1 did not start" >&2; exit 1
}

unpack() {
  rm -rf "$CLUSTER"; mkdir -p "$CLUSTER"
  unzip -q target/raccord-production.zip -d "$CLUSTER"
  keytool -genkeypair -alias raccord -keyalg RSA -keysize 2048 -dname CN=localhost -ext SAN=dns:localhost \
    -storetype PKCS12 -keystore "$CLUSTER/tls.p12" -storepass "$PASSWORD" -keypass "$PASSWORD" 2>/dev/null
  cp -r "$SERVERS/raccord-production" "$SERVERS/raccord-b"
  for i in a b; do
    dir=$SERVERS/${NAME[$i]}
    mkdir -p "$dir/configDropins/overrides"
    cat > "$dir/configDropins/overrides/operators.xml" <<XML
<server><basicRegistry id="operators" realm="raccord"><user name="ops" password="$PASSWORD"/>
<group name="admin"><member name="ops"/></group></basicRegistry></server>
XML
    cat >> "$dir/server.env" <<ENV

RACCORD_CLUSTER_INSTANCE=$i
DEFAULT_HTTPS_PORT=${PORT[$i]}
RACCORD_TLS_KEYSTORE=$CLUSTER/tls.p12
RACCORD_TLS_KEYSTORE_PASSWORD=$PASSWORD
RACCORD_DB_KIND=postgresql
RACCORD_DB_HOST=${RACCORD_DB_HOST:-localhost}
RACCORD_DB_PORT=${RACCORD_DB_PORT:-5432}
RACCORD_DB_NAME=${RACCORD_DB_NAME:-raccord}
RACCORD_DB_USER=${RACCORD_DB_USER:-raccord}
RACCORD_DB_PASSWORD=$RACCORD_DB_PASSWORD
RACCORD_WHOLESALE_URL=http://localhost:9180/simulator/soap
RACCORD_WHOLESALE_USER=gateway
RACCORD_WHOLESALE_PASSWORD=$PASSWORD
RACCORD_JWT_ISSUER=https://identity.invalid/bench
RACCORD_JWT_JWKSURI=http://localhost:9190/jwks.json
RACCORD_API_CLIENTBUDGETS=bench:1000000/1
RACCORD_HUB_ALLOWEDHOSTS=127.0.0.1
ENV
  done
}

fresh_world() {
  "$OWNER" stop raccord-owner >/dev/null 2>&1 || true
  rm -rf target/liberty/wlp/usr/servers/raccord-owner/simulator
  RACCORD_OWNER_GATEWAY_PASSWORD=$PASSWORD RACCORD_SIMULATOR_LINES=$LINES "$OWNER" start raccord-owner >/dev/null
  pg -c "drop schema public cascade; create schema public;" >/dev/null
}

stop_all() {
  [ -n "${JWKS_PID:-}" ] && kill "$JWKS_PID" 2>/dev/null || true
  [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  for i in a b; do "$CLUSTER/wlp/bin/server" stop "${NAME[$i]}" >/dev/null 2>&1 || true; done
  "$OWNER" stop raccord-owner >/dev/null 2>&1 || true
}
trap stop_all EXIT

# Median and max of the numbers on stdin.
summary() { sort -n | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "median %.2f s, max %.2f s (%d trials)\n", m, v[NR], NR}'; }

# Seconds until the other instance leads, after $1 (kill -9 or kill -STOP) of the leader.
trial() {
  local signal=$1 from to t0
  from=$(leader); to=$(other "$from")
  t0=$(now_ms)
  kill "$signal" "$(pid_of "$from")"
  until leads "$to"; do sleep 0.05; done
  echo "scale=3; ($(now_ms) - $t0) / 1000" | bc
  if [ "$signal" = -9 ]; then
    start "$from"
  else
    kill -CONT "$(pid_of "$from")"
    # The thawed instance finds its session ended and leads no more.
    until ! leads "$from" && console "$from" | grep -q '"cluster"'; do sleep 0.2; done
  fi
}

catchup_rate() {
  local started cursor0 cursor1
  sleep 75
  cursor0=$(pg -c "select coalesce(sum(last_sequence), 0) from feed_cursor")
  started=$(now_ms)
  sleep "$WINDOW"
  cursor1=$(pg -c "select coalesce(sum(last_sequence), 0) from feed_cursor")
  echo "scale=0; ($cursor1 - $cursor0) * 1000 / ($(now_ms) - $started)" | bc
}

# A JWKS for the instances, a token for wrk.
identity() {
  mkdir -p "$CLUSTER/identity"
  TOKEN=$(python3 "$HERE/identity.py" "$CLUSTER/identity" https://identity.invalid/bench)
  (cd "$CLUSTER/identity" && exec python3 -m http.server 9190 --bind 127.0.0.1 >/dev/null 2>&1) &
  JWKS_PID=$!
  export TOKEN LINES
}

# Requests/s that wrk reports for instance $1 with $2 connections.
wrk_rate() {
  wrk -t2 -c"$2" -d"${DURATION:-20s}" -s "$HERE/lookup.lua" "https://localhost:${PORT[$1]}" | awk '/Requests\/sec/ {print $2}'
}

# p50 and p99 of the cross-instance visibility on instance $1, from its metrics.
follow_lag() {
  curl -sk -u "ops:$PASSWORD" "https://localhost:${PORT[$1]}/metrics" \
    | awk '/^raccord_answers_follow_lag_seconds\{.*quantile="0.5"/ {p50=$2} /^raccord_answers_follow_lag_seconds\{.*quantile="0.99"/ {p99=$2}
           END {printf "p50 %.0f ms, p99 %.0f ms", p50 * 1000, p99 * 1000}'
}

# A webhook backlog: a fresh world caught up by instance a with delivery off (the outbox fills),
# a subscriber registered first; then a stops.
backlog() {
  fresh_world
  RACCORD_NOTIFICATION_ENABLED=false start a
  curl -sfk -H "Authorization: Bearer $SUBSCRIBER" -H 'Content-Type: application/json' \
    -d '{"callbackUrl":"http://127.0.0.1:9191/hook"}' "https://localhost:${PORT[a]}/api/v1/hub" >/dev/null
  sleep 20
  until [ "$(pg -c "select coalesce(sum(owner_last_sequence - last_sequence), 1) from feed_cursor")" = 0 ]; do sleep 5; done
  "$CLUSTER/wlp/bin/server" stop raccord-production >/dev/null
}

# The backlog delivered by the instances named: from the moment they all answer to nothing left in
# the outbox or pending, the deliveries made and their rate.
backlog_rate() {
  local t0 n0 n backlog
  backlog=$(pg -c "select count(*) from outbox_event where published_at is null")
  for i in "$@"; do start "$i" & done
  wait
  t0=$(now_ms)
  n0=$(pg -c "select count(*) from webhook_delivery where state = 'DELIVERED'")
  until [ "$(pg -c "select (select count(*) from outbox_event where published_at is null)
                          + (select count(*) from webhook_delivery where state = 'PENDING')")" = 0 ]; do sleep 1; done
  n=$(pg -c "select count(*) from webhook_delivery where state = 'DELIVERED'")
  echo "backlog of $backlog events; $n delivered, $((n - n0)) of them in $(( ($(now_ms) - t0) / 1000 )) s after start-up:" \
       "$(echo "scale=0; ($n - $n0) * 1000 / ($(now_ms) - $t0)" | bc)/s"
}


unpack
identity
case "$MODE" in
  failover)
    fresh_world
    start a; start b
    until [ "$(leader)" != none ]; do sleep 0.2; done
    echo "kill -9 of the leader: $(for _ in $(seq 1 "$TRIALS"); do trial -9; done | summary)"
    echo "SIGSTOP of the leader: $(for _ in $(seq 1 "$TRIALS"); do trial -STOP; done | summary)"
    ;;
  catchup)
    fresh_world; start a
    echo "catch-up, one instance: $(catchup_rate) events/s"
    "$CLUSTER/wlp/bin/server" stop raccord-production >/dev/null
    fresh_world; start a; start b
    echo "catch-up, two instances: $(catchup_rate) events/s"
    ;;
  lookups)
    fresh_world; start a; start b
    # The owner's backlog first, so that lookups meet a steady world.
    until [ "$(pg -c "select coalesce(sum(owner_last_sequence - last_sequence), 1) from feed_cursor")" = 0 ]; do sleep 5; done
    sleep 30
    # Lines the owner has not ordered yet (its world places orders over 20 simulated days) would be 404s.
    pg -c "select order_reference from tracked_line" > "$CLUSTER/refs.txt"
    export REFS=$CLUSTER/refs.txt
    echo "lookups, instance a alone: $(wrk_rate a 32) req/s"
    wrk_rate a 16 > "$CLUSTER/a.rate" & wrk_rate b 16 > "$CLUSTER/b.rate"; wait
    echo "lookups, a and b together: $(cat "$CLUSTER/a.rate") + $(cat "$CLUSTER/b.rate") req/s"
    sleep 120
    echo "cross-instance visibility, a: $(follow_lag a); b: $(follow_lag b)"
    ;;
  webhooks)
    java "$REPO/src/test/bench/webhooks/Receiver.java" 9191 > "$CLUSTER/receiver.log" 2>&1 &
    RECEIVER_PID=$!
    SUBSCRIBER=$(python3 "$HERE/identity.py" "$CLUSTER/identity" https://identity.invalid/bench api-subscribe)
    backlog
    echo "webhooks, one instance: $(backlog_rate a)"
    "$CLUSTER/wlp/bin/server" stop raccord-production >/dev/null
    backlog
    echo "webhooks, two instances: $(backlog_rate a b)"
    ;;
esac
