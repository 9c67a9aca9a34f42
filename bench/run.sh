#!/usr/bin/env bash
# Lessons benchmarks: prints figures for docs/benchmarks.md. Needs wrk, hyperfine and curl (apt-get install wrk hyperfine curl).
# Everything runs on loopback against a Release build on SQLite with the demo content.
#   bash bench/run.sh            # all figures
#   DURATION=30 bash bench/run.sh
#   BASELINE=main bash bench/run.sh  # also publishes that git revision and measures both in the same run, alternately
#   SKIP_IMPORT=1 bash bench/run.sh  # leaves out the import timing
#   COLD_ONLY=1 bash bench/run.sh    # the cold start only
#   PUBLISHED=/tmp/app bash bench/run.sh   # an already published build instead of publishing this tree
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
PORT=${PORT:-5077}
WORK=$(mktemp -d /tmp/lessons-bench.XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

for tool in wrk hyperfine curl; do command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 1; }; done

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
load
# Published as the operator's guide says: ReadyToRun, run from its own folder (its content root).
publish() { dotnet publish "$1/src/Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$2" -v quiet >/dev/null; }
if [ -n "${PUBLISHED:-}" ]; then ln -s "$PUBLISHED" "$WORK/app"; else publish . "$WORK/app"; fi
BUILDS=(app)
if [ -n "${BASELINE:-}" ]; then
  mkdir -p "$WORK/baseline-src"
  git archive "$BASELINE" | tar -x -C "$WORK/baseline-src"
  publish "$WORK/baseline-src" "$WORK/baseline"
  BUILDS=(baseline app)
fi
CORPUS=$PWD/tests/IntegrationTests/Data/relevance-reports.json
APP="dotnet Lessons.Web.dll"
# Production needs its public https address; requests say they came through a TLS proxy (loopback is a known proxy
# by default), so they are served rather than redirected, as behind nginx.
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Email__PickupDirectory="$WORK/mail" \
  Site__PublicUrl="https://127.0.0.1:$PORT"
HTTPS=(-H "X-Forwarded-Proto: https")

if [ -z "${SKIP_IMPORT:-}" ]; then
  echo "== import of the 100-report relevance corpus (whole command: start, migrate, import)"
  (cd "$WORK/app" && hyperfine --runs 5 --warmup 1 --prepare "rm -f $WORK/import.db*" \
    "ConnectionStrings__Lessons='Data Source=$WORK/import.db' DemoContent__Enabled=false $APP import $CORPUS" 2>&1 | grep -E "Time|Range")
fi

start_site() { (cd "$WORK/$1" && ConnectionStrings__Lessons="Data Source=$WORK/$1.db" Search__IndexPath="$WORK/$1-index" \
  exec $APP --urls "http://127.0.0.1:$PORT") >"$WORK/site.log" 2>&1 & SITE=$!; }
stop_site() { kill $SITE; wait $SITE 2>/dev/null || true; }
wait_ok() { until [ "$(curl -s "${HTTPS[@]}" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" = "200" ]; do sleep 0.01; done; }

for build in "${BUILDS[@]}"; do
  echo "== $build: cold start to the first 200 on / (existing database, median of 5)"
  start_site $build; wait_ok; stop_site     # first start migrates and seeds demo content
  times=()
  for i in 1 2 3 4 5; do
    t0=$(date +%s.%N); start_site $build; wait_ok; t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)"); stop_site
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "cold start: median %.3f s (min %.3f, max %.3f)\n", a[3], a[1], a[5]}'
done
[ -n "${COLD_ONLY:-}" ] && { load; exit 0; }

for build in "${BUILDS[@]}"; do
  echo "== $build: throughput, wrk -t2 -c32 -d${DURATION}s --latency (server and load share the 2 cores)"
  load
  start_site $build; wait_ok
  # The search index may still be catching up right after a start: ask until it names a report (30 s at most).
  REPORT=
  for _ in $(seq 300); do
    REPORT=$(curl -s "${HTTPS[@]}" "http://127.0.0.1:$PORT/api/v1/reports?pageSize=5" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4 || true)
    [ -n "$REPORT" ] && break; sleep 0.1
  done
  [ -n "$REPORT" ] || { echo "no report id from the API: $(curl -s "${HTTPS[@]}" "http://127.0.0.1:$PORT/api/v1/reports?pageSize=5" | head -c 300)" >&2; exit 1; }
  for path in /css/site.css / "/rapporter/$REPORT" "/sok?q=hemtj%C3%A4nst" "/api/v1/reports?q=hemtj%C3%A4nst"; do
    curl -s "${HTTPS[@]}" -o /dev/null "http://127.0.0.1:$PORT$path"
    wrk -t2 -c32 -d5s "${HTTPS[@]}" "http://127.0.0.1:$PORT$path" >/dev/null     # warm-up (JIT, caches)
    out=$(wrk -t2 -c32 -d${DURATION}s --latency "${HTTPS[@]}" "http://127.0.0.1:$PORT$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    label=$path; [ "$path" = "/rapporter/$REPORT" ] && label="/rapporter/{id}"
    printf '%-34s %10s req/s   p50 %8s   p99 %8s %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
  done
  stop_site
done
load
