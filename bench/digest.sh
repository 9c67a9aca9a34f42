#!/usr/bin/env bash
# The digest's numbers (issue 9): SUBSCRIBERS confirmed subscribers with 3–7 follows each and REPORTS new reports in
# the week, on a throw-away PostgreSQL cluster; one `digest --send-now` run through the real handler, composing
# every digest, then SEND of them delivered over SMTP to a local server that discards them (aiosmtpd's Sink handler:
# the figure is our side's, not a mail store's). Seeding is bulk (COPY) and not counted.
#   bash bench/digest.sh                          # SUBSCRIBERS=100000 REPORTS=500 SEND=3000
#   SUBSCRIBERS=10000 bash bench/digest.sh        # a quick look
# Needs postgresql and python3-aiosmtpd (apt-get install postgresql python3-aiosmtpd).
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${SUBSCRIBERS:-100000}
REPORTS=${REPORTS:-500}
SEND=${SEND:-3000}
SMTP_PORT=${SMTP_PORT:-2526}
CORPUS=$PWD/tests/IntegrationTests/Data/relevance-reports.json
WORK=$(mktemp -d /tmp/lessons-digest-bench.XXXX)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "missing PostgreSQL: apt-get install -y postgresql" >&2; exit 1; }
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "missing aiosmtpd: apt-get install -y python3-aiosmtpd" >&2; exit 1; }

load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
load
# Built before anything starts, so the build does not share the cores with the measurement.
# BENCH_BIN: a folder where it was built already (dotnet build -c Release bench/digest.cs -o FOLDER).
BIN=${BENCH_BIN:-$WORK/bin}
[ -n "${BENCH_BIN:-}" ] || dotnet build -c Release bench/digest.cs -v quiet -o "$BIN" >/dev/null
BENCH="dotnet $BIN/digest.dll"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK"
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Durability off, as in the test fixtures: the cluster is thrown away.
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
SMTP=
cleanup() {
  [ -n "$SMTP" ] && kill "$SMTP" 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE bench" postgres
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"

echo "== seeding (not counted)"
$BENCH seed Postgres "$CONNECTION" "$SUBSCRIBERS" "$CORPUS" "$REPORTS"

/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Sink &
SMTP=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do sleep 0.1; done

# CPU time (clock ticks) of the PostgreSQL cluster: the postmaster, its finished children and the ones still running.
POSTMASTER=$(head -1 "$WORK/data/postmaster.pid")
pg_ticks() {
  sleep 1     # a backend whose client left is counted once it has exited
  local total
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$POSTMASTER/stat")
  for child in $(pgrep -P "$POSTMASTER"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

echo "== one run: compose every digest, then send $SEND"
load
before=$(pg_ticks)
/usr/bin/time -v -o "$WORK/time" $BENCH run Postgres "$CONNECTION" "$SMTP_PORT" "$SEND" "$SMTP"
after=$(pg_ticks)
awk -F': ' '/Maximum resident set size/ {printf "whole process: peak RSS %d MiB", $2/1024} /User time/ {u=$2} /System time/ {s=$2} /Elapsed/ {e=$2} END {printf ", %.1f s CPU, %s wall (compose and send)\n", u+s, e}' "$WORK/time"
echo "PostgreSQL during the run: $(echo "scale=1; ($after - $before) / $(getconf CLK_TCK)" | bc) s CPU"
load
