#!/usr/bin/env bash
# The search benchmark (issue 11): real queries at 100,000 reports, or 1,000,000 with --million, through HTTP.
#   bash bench/search.sh                 # 100,000 reports
#   bash bench/search.sh --million       # 1,000,000 reports (the first run generates them: see docs/benchmarks.md)
#   DURATION=30 RUNS=5 bash bench/search.sh
#   DUMP=/tmp/answers-a bash bench/search.sh   # also writes every API answer of the mix there: two builds' dumps
#                                              # compared with diff -r show whether a change kept the results identical
#   READY_TO_RUN=false bash bench/search.sh    # a faster publish for profiling (the warm-up runs the JIT first)
# Needs wrk, curl and python3. The reports are the relevance corpus varied (`generate --from`, VariedCorpus), in a
# SQLite database with its index, built once and kept under /tmp/lessons-search-bench, keyed by the number of
# reports, the index schema and the generator's source; the site is published in Release (ReadyToRun) each run.
# The page cache is off (OutputCache:Seconds=0): the mix repeats its queries, and a cached answer measures nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS=100000
[ "${1:-}" = "--million" ] && REPORTS=1000000
DURATION=${DURATION:-20}
RUNS=${RUNS:-5}
PORT=${PORT:-5078}
ROOT=/tmp/lessons-search-bench
for tool in wrk curl python3; do command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 1; }; done

SCHEMA=$(sed -nE 's/.*const string Schema = "([^"]+)".*/\1/p' src/Infrastructure/Search/ReportDocuments.cs)
GENERATOR=$(cat src/Infrastructure/Persistence/VariedCorpus.cs tests/IntegrationTests/Data/relevance-reports.json | sha1sum | cut -c1-10)
DATA=$ROOT/data-$REPORTS-schema$SCHEMA-$GENERATOR
APP=$ROOT/app-$$
mkdir -p "$ROOT"
trap 'kill $SITE 2>/dev/null || true; rm -rf "$APP"' EXIT
SITE=

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD)"
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
load
dotnet publish src/Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=${READY_TO_RUN:-true} -o "$APP" -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DemoContent__Enabled=false \
  Site__PublicUrl=https://lessons.example.se AllowedHosts='127.0.0.1;localhost' OutputCache__Seconds=0 Metrics__Prometheus__Enabled=true \
  ConnectionStrings__Lessons="Data Source=$DATA/lessons.db" Search__IndexPath="$DATA/index" Email__PickupDirectory="$APP/mail"
if [ ! -f "$DATA/ready" ]; then
  echo "== building $REPORTS reports from the relevance corpus into $DATA (kept for later runs)"
  rm -rf "$DATA"; mkdir -p "$DATA"
  (cd "$APP" && /usr/bin/time -f "   generate: %e s wall, %U s user, %M KB peak" dotnet Lessons.Web.dll generate --reports $REPORTS --seed 1 \
    --from "$OLDPWD/tests/IntegrationTests/Data/relevance-reports.json" | tail -1)
  (cd "$APP" && /usr/bin/time -f "   reindex: %e s wall, %U s user, %M KB peak" dotnet Lessons.Web.dll reindex | tail -1)
  touch "$DATA/ready"
fi
echo "   index: $(du -sh "$DATA/index" | cut -f1), database: $(du -sh "$DATA/lessons.db" | cut -f1)"

python3 bench/search-mix.py tests/IntegrationTests/Data "$APP/mix.lua" "$APP/paths.txt" >/dev/null
(cd "$APP" && exec dotnet Lessons.Web.dll --urls "http://127.0.0.1:$PORT") >"$APP/site.log" 2>&1 & SITE=$!
URL=http://127.0.0.1:$PORT
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$URL/health/ready" 2>/dev/null)" = "200" ]; do
  kill -0 $SITE 2>/dev/null || { cat "$APP/site.log"; exit 1; }; sleep 0.2; done
bad=$(while read -r path; do curl -s -o /dev/null -w '%{http_code} %{url_effective}\n' -H 'X-Forwarded-Proto: https' "$URL$path"; done <"$APP/paths.txt" | grep -v '^200' || true)
[ -z "$bad" ] || { echo "requests that do not answer 200:"; echo "$bad"; exit 1; }
if [ -n "${DUMP:-}" ]; then
  mkdir -p "$DUMP"; n=0
  while read -r path; do n=$((n + 1)); case $path in /api/*) curl -s -H 'X-Forwarded-Proto: https' "$URL$path" | python3 -m json.tool >"$DUMP/$(printf %03d $n).json";; esac; done <"$APP/paths.txt"
  echo "== answers written to $DUMP"
fi
echo "== $(wc -l <"$APP/paths.txt") requests in the mix (bench/search-mix.py); warm-up 10 s"
wrk -t1 -c1 -d10s -s "$APP/mix.lua" "$URL" >/dev/null
CPU0=$(awk '{print $14 + $15}' /proc/$SITE/stat)
curl -s "$URL/metrics" >"$APP/metrics0.txt"
echo "== one connection, wrk -t1 -c1 -d${DURATION}s (the latency a searcher sees)"
load
wrk -t1 -c1 -d${DURATION}s -s "$APP/mix.lua" "$URL" | tail -2 | tee "$APP/wrk1.txt"
REQ=$(awk '/^requests/ {print $2}' "$APP/wrk1.txt" | tr -d ,)
CPU1=$(awk '{print $14 + $15}' /proc/$SITE/stat)
awk -v c=$((CPU1 - CPU0)) -v r="$REQ" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "server CPU time: %.1f ms a request (user + system, all threads)\n", 1000 * c / hz / r}'
curl -s "$URL/metrics" >"$APP/metrics1.txt"
# Where the time of a request goes: the means of the index's stages (lessons.search.stage.duration), of the whole
# index search (lessons.search.duration) and of the HTTP request, over the run above.
python3 - "$APP/metrics0.txt" "$APP/metrics1.txt" <<'PY'
import re, sys
def read(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r'(lessons_search_stage_duration_seconds|lessons_search_duration_seconds|http_server_request_duration_seconds)_(sum|count)\{([^}]*)\} (\S+)', line)
        if not m: continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))
        key = labels.get("lessons_search_stage") or labels.get("lessons_search_kind") or labels.get("http_route") or "(none)"
        if m.group(1).startswith("http") and labels.get("http_response_status_code") != "200": continue
        name = {"lessons_search_stage_duration_seconds": "stage", "lessons_search_duration_seconds": "index", "http_server_request_duration_seconds": "http"}[m.group(1)]
        k = (name, key, m.group(2)); values[k] = values.get(k, 0) + float(m.group(4))
    return values
a, b = read(sys.argv[1]), read(sys.argv[2])
rows = sorted({(n, k) for (n, k, _) in b})
for n, k in rows:
    count = b.get((n, k, "count"), 0) - a.get((n, k, "count"), 0)
    if count <= 0: continue
    total = b.get((n, k, "sum"), 0) - a.get((n, k, "sum"), 0)
    print(f"   {n:5} {k:28} {1000 * total / count:7.2f} ms mean over {count:.0f}")
PY
echo "== four connections, wrk -t2 -c4 -d${DURATION}s (throughput; server and load share the cores)"
wrk -t2 -c4 -d${DURATION}s -s "$APP/mix.lua" "$URL" | tail -2
echo "== the slowest ten alone: median of $RUNS runs each on one connection"
while read -r path; do
  args=(); for _ in $(seq "$RUNS"); do args+=(-o /dev/null "$URL$path"); done     # each URL needs its own -o
  curl -s -w '%{time_total}\n' -H 'X-Forwarded-Proto: https' "${args[@]}" | sort -n |
    awk -v p="$path" '{t[NR]=$1} END {printf "%8.1f ms  %s\n", 1000 * t[int((NR + 1) / 2)], p}'
done <"$APP/paths.txt" | sort -rn | head -10 | python3 -c 'import sys, urllib.parse; [print(urllib.parse.unquote_plus(l.rstrip())) for l in sys.stdin]'
load
