#!/usr/bin/env bash
# The load test of issue 12: nginx terminating TLS in front of two published web nodes on one throw-away PostgreSQL,
# wrk over a mix of pages while a loop publishes reports with the import verb; halfway one node is killed with
# kill -9 and started again. Loopback only; everything it starts lives in a temporary folder and is stopped at the end.
# Needs wrk, nginx, openssl, curl and PostgreSQL (apt-get install -y wrk nginx openssl curl postgresql).
#   bash bench/load.sh                          # 200 connections for 60 s, as the issue measured
#   DURATION=20 CONNECTIONS=50 bash bench/load.sh   # a quick run
#   PUBLISHED=/tmp/app bash bench/load.sh             # an already published build (dotnet publish … -o /tmp/app)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-200}
THREADS=${THREADS:-2}
WORK=$(mktemp -d /tmp/lessons-load.XXXX)
chmod 755 "$WORK"
PIDS=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

for tool in wrk nginx openssl curl; do command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] || { echo "missing $tool: apt-get install -y $tool" >&2; exit 1; }; done
[ -x "$PG_BIN/initdb" ] || { echo "missing PostgreSQL: apt-get install -y postgresql" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}" ${NODE1:-} ${NODE2:-} ${PUBLISHER:-}; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true       # the nodes first: PostgreSQL stopped under them would fill their logs
  [ -d "$WORK/pg/data" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
# CPU seconds (user + system) a process and its live children have used: the cores are shared by everything here, so
# where the CPU went says more than wall-clock latency on a loaded machine.
TICK=$(getconf CLK_TCK)
cpu_of() { local t=0 p; for p in "$@" $(for q in "$@"; do pgrep -P "$q"; done); do
  [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done; echo "scale=2; $t / $TICK" | bc; }
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== $CONNECTIONS connections, $THREADS wrk threads, ${DURATION} s"
load

APP=${PUBLISHED:-}
if [ -z "$APP" ]; then
  echo "== publishing (Release, ReadyToRun, as the operator's guide says)"
  APP=$WORK/app
  dotnet publish src/Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$APP" -v quiet >/dev/null
fi

echo "== PostgreSQL: a throw-away cluster, its default max_connections (100)"
PG_PORT=$(free_port)
mkdir -p "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Durability off: the cluster is thrown away, and the disk is not what is measured.
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d lessons -Atq -c "$1"; }
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -c "CREATE DATABASE lessons" >/dev/null

NGINX_PORT=$(free_port); PORT1=$(free_port); PORT2=$(free_port)
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Database__Provider=Postgres ConnectionStrings__Lessons="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=lessons" \
  Site__PublicUrl="https://localhost:$NGINX_PORT" AllowedHosts="localhost;127.0.0.1" \
  ReverseProxy__KnownProxies__0=127.0.0.2 Email__Delivery=Pickup Email__PickupDirectory="$WORK/mail" \
  RateLimits__PostsPerMinute=100000 RateLimits__SignInPerMinute=100000

echo "== seeding: the 100-report relevance corpus and the demo content (import verb)"
(cd "$APP" && dotnet Lessons.Web.dll import "$REPO/tests/IntegrationTests/Data/relevance-reports.json" >/dev/null)
echo "   $(psql_ "SELECT count(*) FROM reports WHERE \"Status\" = 'published'") published reports"

start_node() {   # $1 = 1 or 2; sets NODE1/NODE2
  local port_var=PORT$1
  # Timestamped, with the host's "Now listening" and readiness changes: the restart's timeline is in the node's log.
  (cd "$APP" && exec env Search__IndexPath="$WORK/index$1" Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " Logging__Console__FormatterOptions__SingleLine=true \
    Logging__LogLevel__Microsoft.Hosting.Lifetime=Information Logging__LogLevel__Lessons.Web.Infrastructure.ReadinessLog=Information \
    dotnet Lessons.Web.dll --urls "http://127.0.0.1:${!port_var}") >>"$WORK/node$1.log" 2>&1 &
  eval "NODE$1=$!"
}
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" = 200 ]; }
start_node 1; start_node 2
until ready "$PORT1" && ready "$PORT2"; do sleep 0.2; done

echo "== nginx: docs/nginx/lessons.conf with a throw-away certificate and these ports"
mkdir -p "$WORK/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -addext subjectAltName=DNS:localhost -days 1 \
  -keyout "$WORK/nginx/key.pem" -out "$WORK/nginx/cert.pem" 2>/dev/null
# The same substitutions as tests/IntegrationTests/Fixtures/Nginx.cs, with nginx's usual worker per core.
sed -e "s|pid /run/nginx-lessons.pid;|pid $WORK/nginx/nginx.pid;|" \
    -e "s|/var/log/nginx/lessons-error.log|$WORK/nginx/error.log|" \
    -e "s|access_log /var/log/nginx/lessons-access.log;|log_format timing '\$request_time \$status \$request_uri [\$upstream_response_time] [\$upstream_addr]'; access_log $WORK/nginx/timing.log timing buffer=256k flush=2s;|" \
    -e "s|/var/lib/nginx/|$WORK/nginx/|" \
    -e "s|server 127.0.0.1:5001|server 127.0.0.1:$PORT1|" -e "s|server 127.0.0.1:5002|server 127.0.0.1:$PORT2|" \
    -e "s|listen 80;|listen 127.0.0.1:$(free_port);|" -e "s|listen 443 ssl;|listen 127.0.0.1:$NGINX_PORT ssl;|" \
    -e "s|server_name lessons.example.se;|server_name localhost;|" \
    -e "s|/etc/ssl/lessons/fullchain.pem|$WORK/nginx/cert.pem|" -e "s|/etc/ssl/lessons/privkey.pem|$WORK/nginx/key.pem|" \
    -e "s|proxy_bind 127.0.0.1;|proxy_bind 127.0.0.2;|" \
    docs/nginx/lessons.conf > "$WORK/nginx/nginx.conf"
[ "$(id -u)" = 0 ] && sed -i '1i user root;' "$WORK/nginx/nginx.conf"
grep -q "$PORT1" "$WORK/nginx/nginx.conf" && grep -q "$NGINX_PORT ssl" "$WORK/nginx/nginx.conf" || { echo "docs/nginx/lessons.conf changed: update the substitutions" >&2; exit 1; }
/usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
BASE="https://localhost:$NGINX_PORT"
until [ "$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ]; do sleep 0.2; done

echo "== the mix: start page, search pages and API searches with filters, report pages, report API"
IDS=$(curl -sk "$BASE/api/v1/reports?pageSize=50" | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4 | head -30)
{
  echo "local paths = {"
  for p in / /sok "/sok?q=hemtj%C3%A4nst" "/sok?q=upphandling&outcome=misslyckades" "/sok?q=skolmat" \
           "/api/v1/reports?q=chattbot" "/api/v1/reports?q=kommun&organisationType=region" "/api/v1/reports?q=energi*" \
           "/api/v1/reports?outcome=lyckades&page=2" "/api/v1/reports?q=digitala%20l%C3%A5s"; do echo "  \"$p\","; done
  n=0; for id in $IDS; do n=$((n+1)); if [ $((n % 3)) = 0 ]; then echo "  \"/api/v1/reports/$id\","; else echo "  \"/rapporter/$id\","; fi; done
  echo "}"
  cat <<'LUA'
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() i = math.random(#paths); failed = 0 end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
response = function(status) if status >= 500 then failed = failed + 1 end end
done = function(summary, latency, requests)
  local failures = 0
  for _, t in ipairs(threads) do failures = failures + t:get("failed") end
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s: %.0f req/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("responses >= 500: %d\n", failures))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
end
LUA
} > "$WORK/mix.lua"
echo "   $(grep -c '^  "' "$WORK/mix.lua") paths"

# Publishing while the load runs. PUBLISH=site (the default): an author writes and submits a report through the
# form and an administrator publishes it, over HTTPS through nginx, every PUBLISH_EVERY seconds (bench/publisher.py),
# as people publish. PUBLISH=import: the import verb, a whole process per report, as the first version of this script
# did (each start costs about 3 s of CPU on the same two cores). PUBLISH=none: nothing.
PUBLISH=${PUBLISH:-site}; PUBLISH_EVERY=${PUBLISH_EVERY:-1}
import_loop() {
  local n=0
  while true; do
    n=$((n+1))
    python3 - "$REPO/tests/IntegrationTests/Data/relevance-reports.json" "$WORK/new.json" "$n" <<'PY'
import json, sys
reports = json.load(open(sys.argv[1]))
r = dict(reports[int(sys.argv[3]) % len(reports)])
r["id"] = f"load-{sys.argv[3]}"
r["title"] = f"Lasttest {sys.argv[3]}: " + r["title"]
json.dump([r], open(sys.argv[2], "w"), ensure_ascii=False)
PY
    (cd "$APP" && /usr/bin/time -a -o "$WORK/import.cpu" -f "%U %S" dotnet Lessons.Web.dll import "$WORK/new.json" >/dev/null 2>>"$WORK/publisher.log") \
      && echo ok >> "$WORK/published" || echo failed >> "$WORK/published"
    sleep "$PUBLISH_EVERY"
  done
}
: > "$WORK/published"; : > "$WORK/import.cpu"
case $PUBLISH in
  site)
    admin_password=$(cd "$APP" && dotnet Lessons.Web.dll create-admin admin@lasttest.se | grep -o 'lösenord: .*' | cut -d' ' -f2)
    python3 "$REPO/bench/publisher.py" "$BASE" "$WORK/mail" admin@lasttest.se "$admin_password" "$PUBLISH_EVERY" "$WORK/published" \
      2>>"$WORK/publisher.log" & PUBLISHER=$!
    for _ in $(seq 600); do [ -f "$WORK/published.ready" ] || ! kill -0 "$PUBLISHER" 2>/dev/null && break; sleep 0.1; done
    [ -f "$WORK/published.ready" ] || { echo "the publisher did not sign in: $(tail -5 "$WORK/publisher.log")" >&2; exit 1; } ;;
  import) import_loop & PUBLISHER=$! ;;
  none) ;;
  *) echo "PUBLISH is site, import or none" >&2; exit 1 ;;
esac

echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s through nginx; node 1 is killed (kill -9) at $((DURATION / 2)) s"
load
POSTMASTER=$(head -1 "$WORK/pg/data/postmaster.pid"); NGINX_MASTER=$(cat "$WORK/nginx/nginx.pid")
: > "$WORK/nginx/timing.log"     # only the run's requests
publisher_0=0; [ "$PUBLISH" = site ] && publisher_0=$(cpu_of "$PUBLISHER")
cpu_before="$(cpu_of "$NODE1") $(cpu_of "$NODE2") $(cpu_of "$NGINX_MASTER") $(cpu_of "$POSTMASTER")"
/usr/bin/time -o "$WORK/wrk.cpu" -f "%U %S" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/mix.lua" "$BASE" > "$WORK/wrk.out" 2>&1 & WRK=$!
PIDS+=("$WRK")
sleep $((DURATION / 2))
load
node1_before_kill=$(cpu_of "$NODE1")
kill -9 "$NODE1"; wait "$NODE1" 2>/dev/null || true
killed=$(now); echo "$(date -u +%H:%M:%S.%N | cut -c1-12) killed" >> "$WORK/node1.log"
latest_at_kill=$(psql_ 'SELECT coalesce(max("Id"), 0) FROM search_changes')
start_node 1
until ready "$PORT1"; do sleep 0.05; done
ready_at=$(now)
until [ "$(curl -s "http://127.0.0.1:$PORT1/health/ready" | grep -oE '"appliedChange":[0-9]+' | cut -d: -f2)" -ge "$latest_at_kill" ] 2>/dev/null; do sleep 0.05; done
caught_at=$(now)
wait "$WRK" || true
read -r n1_0 n2_0 ngx_0 pg_0 <<< "$cpu_before"
cpu_node1=$(echo "$node1_before_kill - $n1_0 + $(cpu_of "$NODE1")" | bc); cpu_node2=$(echo "$(cpu_of "$NODE2") - $n2_0" | bc)
cpu_nginx=$(echo "$(cpu_of "$NGINX_MASTER") - $ngx_0" | bc); cpu_pg=$(echo "$(cpu_of "$POSTMASTER") - $pg_0" | bc)
cpu_publisher=0; [ "$PUBLISH" = site ] && cpu_publisher=$(echo "$(cpu_of "$PUBLISHER") - $publisher_0" | bc)
[ -n "${PUBLISHER:-}" ] && { kill "$PUBLISHER" 2>/dev/null || true; wait "$PUBLISHER" 2>/dev/null || true; PUBLISHER=; }
load

echo "== results"
cat "$WORK/wrk.out" | grep -vE "^Running|threads and|^  [0-9]+ threads"
printf 'killed node: /health/ready 200 after %.2f s; caught up with the outbox as of the kill (row %s) after %.2f s\n' \
  "$(echo "$ready_at - $killed" | bc)" "$latest_at_kill" "$(echo "$caught_at - $killed" | bc)"
echo "published during the run ($PUBLISH, every $PUBLISH_EVERY s): $(grep -c '^ok' "$WORK/published" || true) ok, $(grep -c '^failed' "$WORK/published" || true) failed;" \
  "$(awk '/^ok/ {n++; t += $2; if ($2 > m) m = $2} END {if (n) printf "%.2f s on average to write, submit and publish one, at most %.2f s", t / n, m}' "$WORK/published")"
grep '^failed' "$WORK/published" | sort | uniq -c | head -5 || true
echo "node 1's restart, from its log: $(grep -E 'killed|Now listening|Ready|Not ready|Application started' "$WORK/node1.log" | grep -A20 killed | cut -c1-110 | tr '\n' ';' | sed 's/  */ /g')"
echo "both nodes' indexes against the database: $(psql_ "SELECT count(*) FROM reports WHERE \"Status\" = 'published'") published;" \
  "node 1 $(curl -s "http://127.0.0.1:$PORT1/health/ready" | grep -oE '"documents":[0-9]+' | cut -d: -f2)," \
  "node 2 $(curl -s "http://127.0.0.1:$PORT2/health/ready" | grep -oE '"documents":[0-9]+' | cut -d: -f2) documents"
cpu_import=$(awk '{t += $1 + $2} END {printf "%.2f", t}' "$WORK/import.cpu"); cpu_wrk=$(awk '{printf "%.2f", $1 + $2}' "$WORK/wrk.cpu")
echo "CPU seconds during the run (of $(nproc) cores x ${DURATION} s): node 1 $cpu_node1 (both lives), node 2 $cpu_node2, nginx $cpu_nginx," \
  "PostgreSQL $cpu_pg, the import processes $cpu_import, the publisher (python) $cpu_publisher, wrk $cpu_wrk"
kill -USR1 "$NGINX_MASTER"; sleep 0.5    # reopening its logs makes nginx write out what it buffered
echo "== per path class (nginx's timing log)"
python3 "$REPO/bench/load-paths.py" "$WORK/nginx/timing.log"
echo "errors logged by the nodes: node 1 $(grep -cE '^([0-9:.]+ )?fail:' "$WORK/node1.log" || true), node 2 $(grep -cE '^([0-9:.]+ )?fail:' "$WORK/node2.log" || true);" \
  "nginx: $(grep -c 'upstream prematurely closed' "$WORK/nginx/error.log" || true) requests cut by the kill (retried on the other node)"
