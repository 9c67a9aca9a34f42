#!/usr/bin/env bash
# Lessons benchmarks: prints figures for docs/benchmarks.md. Needs wrk, hyperfine and curl (apt-get install wrk hyperfine curl).
# Everything runs on loopback against a Release build on SQLite with the demo content.
#   bash bench/run.sh            # all figures
#   DURATION=30 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
PORT=${PORT:-5077}
WORK=$(mktemp -d /tmp/lessons-bench.XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

for tool in wrk hyperfine curl; do command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 1; }; done

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u +%Y-%m-%d)"
# Published as the operator's guide says: ReadyToRun, run from its own folder (its content root).
dotnet publish src/Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -v quiet >/dev/null
CORPUS=$PWD/tests/IntegrationTests/Data/relevance-reports.json
cd "$WORK/app"
APP="dotnet Lessons.Web.dll"
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Email__PickupDirectory="$WORK/mail"

echo "== import of the 100-report relevance corpus (whole command: start, migrate, import)"
hyperfine --runs 5 --warmup 1 --prepare "rm -f $WORK/import.db*" \
  "ConnectionStrings__Lessons='Data Source=$WORK/import.db' DemoContent__Enabled=false $APP import $CORPUS" 2>&1 | grep -E "Time|Range"

export ConnectionStrings__Lessons="Data Source=$WORK/site.db"
start_site() { $APP --urls "http://127.0.0.1:$PORT" >"$WORK/site.log" 2>&1 & SITE=$!; }
wait_ok() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" = "200" ]; do sleep 0.01; done; }

echo "== cold start to the first 200 on / (existing database, median of 5)"
start_site; wait_ok; kill $SITE; wait $SITE 2>/dev/null || true     # first start migrates and seeds demo content
times=()
for i in 1 2 3 4 5; do
  t0=$(date +%s.%N); start_site; wait_ok; t1=$(date +%s.%N)
  times+=("$(echo "$t1 - $t0" | bc)"); kill $SITE; wait $SITE 2>/dev/null || true
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "cold start: median %.3f s (min %.3f, max %.3f)\n", a[3], a[1], a[5]}'

echo "== throughput, wrk -t2 -c32 -d${DURATION}s --latency (server and load share the 2 cores)"
start_site; wait_ok
REPORT=$(curl -s "http://127.0.0.1:$PORT/api/v1/reports?pageSize=1" | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
for path in /css/site.css / "/rapporter/$REPORT"; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
  wrk -t2 -c32 -d5s "http://127.0.0.1:$PORT$path" >/dev/null     # warm-up (JIT, caches)
  out=$(wrk -t2 -c32 -d${DURATION}s --latency "http://127.0.0.1:$PORT$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  label=$path; [ "$path" = "/rapporter/$REPORT" ] && label="/rapporter/{id}"
  printf '%-16s %10s req/s   p50 %8s   p99 %8s %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
done
