#!/usr/bin/env bash
# Starts one FanShelf server on a fresh data directory with the given demo files, loads it with wrk
# and prints, per scenario: throughput, the client's mean latency by Little's law (connections /
# throughput, less the pacing), the server's own p50/p99 (http.server.requests histogram from
# /actuator/prometheus, this scenario's requests only) and the server's CPU time per request. wrk's
# own latency percentiles are not printed: on these machines they contradict Little's law (a p90
# of 74 ms at 1,029 requests/s over 4 connections, where the mean cannot exceed 3.9 ms). For
# flat-out recommend and shelf runs, ApacheBench (ab, Debian's apache2-utils, when installed) then
# loads the same server for the client-side p50/p99/max: one URL, so recommendations for the first
# fan of the load only. Run two jars one after the other to compare builds on one machine.
#
# Usage: benchmarks/wrk/load-test.sh JAR [DEMO_FILES_DIR]
#   DEMO_FILES_DIR: import files (default: the repository's demo/); GenerateShop makes bigger ones.
# Environment (defaults): PORT=18080 WARMUP=20 DURATION=30 THREADS=2 CONNECTIONS=4
#   SCENARIOS="recommend shelf events" JAVA_OPTS=-Xmx2g OWNER=<the owner the demo banner names>
#   A scenario NAME:MS is NAME paced: PACED_CONNECTIONS (10) connections, each waiting MS
#   milliseconds after a response (e.g. recommend:6 offers about 1,000 requests/s, the latency at
#   a given rate) instead of flat out.
#   MODELS=DATA_DIR: copy DATA_DIR/models (a model registry with a published model, trained on the
#   same files) into the server's data directory before it starts, so it ranks with that model
#   (collaborative models and learned ranker) instead of training its own in the background.
#   QUIET_PERCENT=10: after the import, wait (up to 10 min) until the server uses less than this
#   much of one core over 5 s, so that the import's background index merges are not measured.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "$1")
files=$(realpath "${2:-$here/../../demo}")
port=${PORT:-18080}
warmup=${WARMUP:-20}
duration=${DURATION:-30}
threads=${THREADS:-2}
connections=${CONNECTIONS:-4}
scenarios=${SCENARIOS:-recommend shelf events}
base=http://localhost:$port

. "$here/../../scripts/find-java.sh"
[ -n "$java" ] || { echo "needs a JDK >= 21" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

state=$(mktemp -d)
if [ -n "${MODELS:-}" ]; then
  [ -d "$MODELS/models" ] || { echo "no model registry in $MODELS/models" >&2; exit 1; }
  mkdir -p "$state/data" && cp -r "$MODELS/models" "$state/data/models"
fi
# shellcheck disable=SC2086
"$java" ${JAVA_OPTS:--Xmx2g} -jar "$jar" --fanshelf.demo=true --fanshelf.demo-data="file:$files/" \
  --fanshelf.data-dir="$state/data" --server.port="$port" \
  --fanshelf.rate-limit.api-key-per-second=1000000 --fanshelf.rate-limit.api-key-burst=1000000 \
  --fanshelf.rate-limit.share-link-per-minute=100000000 --fanshelf.rate-limit.share-link-burst=1000000 \
  >"$state/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$state"' EXIT

for _ in $(seq 1 1200); do
  grep -qE "^(A fan page|A shelf link):" "$state/server.log" && break
  kill -0 $server 2>/dev/null || { cat "$state/server.log" >&2; exit 1; }
  sleep 1
done
key=$(sed -n 's/^Admin API key: *//p' "$state/server.log")
# the banner's fan page line ("A shelf link:" in builds before 7f83119, such as the baselines compared against)
link=$(sed -nE 's/^(A fan page|A shelf link): *([^ ]*).*/\2/p' "$state/server.log" | sed "s#http://localhost:[0-9]*#$base#")
owner=${OWNER:-$(sed -n 's/^Sign in as: *\([^ ]*\).*/\1/p' "$state/server.log")}
[ -n "$key" ] && [ -n "$link" ] || { echo "no demo banner in $state/server.log" >&2; exit 1; }
FANSHELF_KEY=$key
FANSHELF_OWNER=$owner
FANSHELF_FANS=$(awk -F, -v o="$owner" 'NR > 1 && $1 == o && n++ < 5000 { print $2 }' "$files/fans.csv" | paste -sd,)
# the banner's owner may have its fans in another file (the demo's shop-mei: demo/beauty/)
[ -n "$FANSHELF_FANS" ] || { echo "owner $owner has no fans in $files/fans.csv: set OWNER= to one that has" >&2; exit 1; }
catalog=$files/catalog.csv
[ -f "$catalog" ] || catalog=$files/catalog.csv.gz
# zcat stops early on a closed pipe (SIGPIPE): that is expected, not a failure.
FANSHELF_PRODUCTS=$({ zcat -f "$catalog" || true; } | awk -F, 'NR > 1 { print $1 } NR > 8 { exit }' | paste -sd,)
export FANSHELF_KEY FANSHELF_OWNER FANSHELF_FANS FANSHELF_PRODUCTS

ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{ print ($14 + $15) * 1000 / t }' "/proc/$server/stat"; }
scrape() { curl -s -H "Authorization: Bearer $key" "$base/actuator/prometheus" >"$1"; }

echo "jar: $jar"
echo "data: $files (owner $owner, $(echo "$FANSHELF_FANS" | tr ',' '\n' | wc -l) fans in the load)"
echo "startup: $(grep -o 'Started FanShelfApplication in [0-9.]* seconds' "$state/server.log" || true)"
quiet_since=$(date +%s)
for _ in $(seq 1 120); do
  before=$(cpu_ms)
  sleep 5
  awk -v a="$before" -v b="$(cpu_ms)" -v q="${QUIET_PERCENT:-10}" 'BEGIN { exit !((b - a) / 50 < q) }' && break
done
echo "quiet: $(($(date +%s) - quiet_since)) s after the banner"
echo "ranking: $(curl -s -H "Authorization: Bearer $key" "$base/api/v1/admin/models" | python3 -c \
  'import json, sys; v = json.load(sys.stdin); print(v.get("ranking"), "-", v.get("reason"))')"
for scenario in $scenarios; do
  name=${scenario%%:*}
  pace=""
  conns=$connections
  if [ "$name" != "$scenario" ]; then
    pace=${scenario#*:}
    conns=${PACED_CONNECTIONS:-10}
  fi
  case $name in
    recommend) target=$base; uri=/api/v1/recommendations ;;
    shelf) target=$link; uri=/s/{token} ;;
    events) target=$base; uri=/api/v1/events ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
  FANSHELF_PACE_MS=$pace wrk -t"$threads" -c"$conns" -d"${warmup}s" -s "$here/$name.lua" "$target" \
    >/dev/null
  scrape "$state/before"
  cpu_before=$(cpu_ms)
  FANSHELF_PACE_MS=$pace wrk -t"$threads" -c"$conns" -d"${duration}s" --latency \
    -s "$here/$name.lua" "$target" >"$state/wrk.out"
  cpu_after=$(cpu_ms)
  scrape "$state/after"
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$state/wrk.out")
  rate=$(sed -n 's/^Requests\/sec: *//p' "$state/wrk.out")
  client=$(grep -E '^(errors|non-2xx)' "$state/wrk.out")
  server_side=$(python3 "$here/server_percentiles.py" "$state/before" "$state/after" "$uri")
  cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')
  mean=$(awk -v c="$conns" -v r="$rate" -v p="${pace:-0}" 'BEGIN { printf "%.2f", c * 1000 / r - p }')
  echo "$scenario: $rate req/s | client mean $mean ms, $client | server $server_side | CPU $cpu ms/request"
  if [ -z "$pace" ] && [ "$name" != events ] && command -v ab >/dev/null; then
    case $name in
      recommend) ab_url="$base/api/v1/recommendations?owner=$owner&limit=20&fan=${FANSHELF_FANS%%,*}" ;;
      shelf) ab_url=$link ;;
    esac
    ab -k -c "$conns" -t "$duration" -n 100000000 -H "Authorization: Bearer $key" \
      "${ab_url/localhost/127.0.0.1}" >"$state/ab.out" 2>&1 || true
    echo "  ab: $(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1 req\/s/p' "$state/ab.out")," \
      "p50 $(awk '$1 == "50%" { print $2 }' "$state/ab.out") ms," \
      "p99 $(awk '$1 == "99%" { print $2 }' "$state/ab.out") ms," \
      "max $(awk '$1 == "100%" { print $2 }' "$state/ab.out") ms," \
      "non-2xx $(awk '/^Non-2xx/ { n = $3 } END { print n + 0 }' "$state/ab.out")"
  fi
done
