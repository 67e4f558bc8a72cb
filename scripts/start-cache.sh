#!/usr/bin/env bash
# Makes the JVM's class cache for a faster server start (docs/operations.md, "Starting a node"):
# extracts the server jar with Spring Boot's tools jar mode and runs it once, on an empty temporary
# data directory, up to the end of the context refresh (spring.context.exit=onRefresh), recording
# the classes it loads and links:
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
trap 'rm -rf "$data"' EXIT
if [ "${version%%.*}" -ge 25 ]; then
  record=(-XX:AOTCacheOutput="$out/fanshelf.aot")
  use="-XX:AOTCache=$out/fanshelf.aot"
else
  record=(-XX:ArchiveClassesAtExit="$out/fanshelf.jsa")
  use="-XX:SharedArchiveFile=$out/fanshelf.jsa"
fi
"$java" "${record[@]}" -Dspring.context.exit=onRefresh -jar "$out/fanshelf.jar" \
  --fanshelf.data-dir="$data" --server.port=0 --fanshelf.models.validate-on-start=false \
  > "$out/cache-training.log" 2>&1
echo "class cache written; start with:"
echo "  $java $use -jar $out/fanshelf.jar --fanshelf.data-dir=..."
