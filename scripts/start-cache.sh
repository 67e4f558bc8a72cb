#!/usr/bin/env bash
# Makes the JVM's class cache for a faster server start (docs/operations.md, "Starting a node"):
# extracts the server jar with Spring Boot's tools jar mode, fills a temporary data directory with
# the demo data (a first start in demo mode, stopped once ready), then records a second start on it
# up to readiness, as a restarted node starts: the aggregates snapshot loaded, the catalog read, the
# first fan page ranked and rendered. The cache keeps the classes that start loaded and linked and,
# on JDK >= 25, the profiles of the methods it ran, so the JIT compiles them sooner:
#   JDK >= 25: an AOT cache, <out>/fanshelf.aot (-XX:AOTCacheOutput; started with -XX:AOTCache)
#   JDK 21-24: an AppCDS archive, <out>/fanshelf.jsa (-XX:ArchiveClassesAtExit; -XX:SharedArchiveFile)
# Then prints the command that starts with it. Start with the same java and the extracted jar: a
# cache that does not fit (another JDK, a rebuilt jar) is ignored with a warning, and a server
# started without a cache works the same, only slower to start. run-demo.sh uses it when present.
# Usage: scripts/start-cache.sh [jar (api/target/fanshelf.jar)] [out (api/target/extracted)]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-java.sh
if [ -z "$java" ]; then
  echo "needs a JDK >= 21" >&2
  exit 1
fi
jar=${1:-api/target/fanshelf.jar}
out=${2:-api/target/extracted}
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
rm -rf "$out"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$out"
data=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$data"' EXIT
if [ "${version%%.*}" -ge 25 ]; then
  record=(-XX:AOTCacheOutput="$out/fanshelf.aot")
  use="-XX:AOTCache=$out/fanshelf.aot"
else
  record=(-XX:ArchiveClassesAtExit="$out/fanshelf.jsa")
  use="-XX:SharedArchiveFile=$out/fanshelf.jsa"
fi

# Starts the server on $data with the given JVM options and server arguments, waits until it is
# ready, then stops it normally (the JVM writes the cache as it exits); its log is $out/$name.log.
run_until_ready() {
  local name=$1 jvm=$2
  shift 2
  : > "$out/$name.log"
  # shellcheck disable=SC2086 # $jvm is empty or one option
  "$java" $jvm -jar "$out/fanshelf.jar" --fanshelf.data-dir="$data" --server.port=0 \
    --fanshelf.models.validate-on-start=false --fanshelf.suggestions.fit-on-start=false "$@" \
    > "$out/$name.log" 2>&1 &
  server=$!
  local port="" waited=0
  until [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    if ! kill -0 "$server" 2>/dev/null || [ "$waited" -ge 600 ]; then
      echo "the $name run did not get ready; see $out/$name.log" >&2
      exit 1
    fi
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$out/$name.log" | head -1 || true)
    sleep 1
    waited=$((waited + 1))
  done
  kill "$server"
  wait "$server" || true
  server=""
}

run_until_ready cache-demo-import "" --fanshelf.demo=true
run_until_ready cache-training "${record[0]}"
echo "class cache written; start with:"
echo "  $java $use -jar $out/fanshelf.jar --fanshelf.data-dir=..."
