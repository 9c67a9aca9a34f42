"""Per path class latency of a bench/load.sh run, from nginx's timing log ($request_time $upstream_response_time
$status $upstream_addr $request_uri): where the load test's time goes, which wrk's single histogram cannot say.
request = what nginx took from the request to the last byte sent; upstream = the node's answer as nginx saw it
(several, comma-separated, when nginx retried on the other node)."""
import re
import sys
from collections import defaultdict


def path_class(uri):
    path, _, query = uri.partition("?")
    if path == "/":
        return "/ (start page)"
    if path == "/sok":
        return "/sok (search page)"
    if path == "/api/v1/reports":
        return "/api/v1/reports?… (search API)"
    if re.fullmatch(r"/api/v1/reports/[0-9a-f-]{36}", path):
        return "/api/v1/reports/{id}"
    if re.fullmatch(r"/rapporter/[0-9a-f-]{36}", path):
        return "/rapporter/{id}"
    return "other"


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


classes = defaultdict(lambda: {"request": [], "upstream": [], "status": defaultdict(int), "retried": 0})
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.fullmatch(r"(\S+) (\S+) (\S+) \[(.*?)\] \[(.*?)\]", line.rstrip("\n"))
    if not m:
        continue
    request, status, uri, upstream, _ = m.groups()
    c = classes[path_class(uri.strip())]
    c["request"].append(float(request))
    times = [float(t) for t in re.split(r"[,:] ", upstream) if re.fullmatch(r"[0-9.]+", t)]
    if times:
        c["upstream"].append(sum(times))
    if len(times) > 1:
        c["retried"] += 1
    c["status"][status] += 1

print(f"{'path class':32} {'requests':>8} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}   {'node p50':>8} {'node p99':>8}  statuses")
for name in sorted(classes):
    c = classes[name]
    r, u = c["request"], c["upstream"]
    ms = lambda v: f"{v * 1000:.0f}" if v == v else "-"
    statuses = " ".join(f"{k}:{v}" for k, v in sorted(c["status"].items()))
    retried = f", {c['retried']} retried" if c["retried"] else ""
    print(f"{name:32} {len(r):>8} {ms(pct(r, 50)):>8} {ms(pct(r, 90)):>8} {ms(pct(r, 99)):>8} {ms(max(r)):>8}   "
          f"{ms(pct(u, 50)):>8} {ms(pct(u, 99)):>8}  {statuses}{retried}")
print("(milliseconds; 'node' is the upstream's answer as nginx timed it)")
