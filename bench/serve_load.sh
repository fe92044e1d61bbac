#!/usr/bin/env bash
# Load on loopback: wrk with 1,000 concurrent connections for 30 s against
# lectern serve's /api/search, over an index of the sample briefings and
# test fixtures (or INDEX=DIR, e.g. an index of the shared corpus).
#
#   bench/serve_load.sh [LECTERN]   (default build/lectern)
# Environment: CONNECTIONS (1000), DURATION (30s), THREADS (2), INDEX.
# Prints wrk's report (requests/s, latency percentiles, errors) and exits 1
# if any request failed (socket error, timeout or non-2xx).
set -euo pipefail
cd "$(dirname "$0")/.."
lectern=${1:-build/lectern}
connections=${CONNECTIONS:-1000}
duration=${DURATION:-30s}
command -v wrk >/dev/null || { echo "serve_load.sh: wrk not found (scripts/setup.sh bench)" >&2; exit 2; }

tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
index=${INDEX:-}
if [ -z "$index" ]; then
  index="$tmp/index"
  "$lectern" ingest --quiet --index "$index" samples tests/fixtures/mfa-en tests/fixtures/mfa-zh \
    tests/fixtures/whitehouse 2>/dev/null || true
fi
# Each connection holds a descriptor in wrk and in the server.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

"$lectern" serve --index "$index" --port 0 --max-connections $((connections + 64)) >"$tmp/serve.out" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$tmp/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$tmp/serve.out")
echo "serving $(sed -n 's/.*serving \(.*\) at .*/\1/p' "$tmp/serve.out") at $url"

# Four queries in turn: a word, a phrase, a filter, a boolean.
cat >"$tmp/queries.lua" <<'LUA'
local paths = {
  "/api/search?q=China",
  "/api/search?q=%22Chengdu%20consulate%22",
  "/api/search?q=outlet%3AReuters%20consulate&sort=date",
  "/api/search?q=(trade%20OR%20visas)%20-Taiwan&limit=20",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d, non-2xx %d, connect %d, read %d, write %d, timeout %d\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("requests/s %.0f, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
wrk -t "${THREADS:-2}" -c "$connections" -d "$duration" --latency \
  -s "$tmp/queries.lua" "$url" | tee "$tmp/wrk.out"
kill "$server"
wait "$server" || true
server=""
if grep -q -E 'Socket errors|Non-2xx' "$tmp/wrk.out"; then
  echo "serve_load.sh: some requests failed" >&2
  exit 1
fi
