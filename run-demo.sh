#!/usr/bin/env bash
# Builds FanShelf (if needed) and starts it on the embedded default (Lucene in ./fanshelf-data)
# with the demo data loaded. Prints the console URL, the beauty shop's sign-in, the admin API key
# (the same on every start of one data directory), a fan page link and the Swagger UI address.
# Extra arguments go to the application, e.g. --server.port=9090 --fanshelf.data-dir=/tmp/d
set -euo pipefail
cd "$(dirname "$0")"
. scripts/find-java.sh
if [ -z "$java" ]; then
  echo "FanShelf needs a JDK >= 21 (e.g. apt-get install openjdk-21-jdk-headless)" >&2
  exit 1
fi
if [ ! -f api/target/fanshelf.jar ]; then
  mvn -B -q package -DskipTests -pl api -am  # the server and what it needs, not spark-als
fi
# The class cache of scripts/start-cache.sh, when it was made from this build of the jar.
cache=api/target/extracted
if [ -f "$cache/fanshelf.aot" ] && [ "$cache/fanshelf.aot" -nt api/target/fanshelf.jar ]; then
  exec "$java" -XX:AOTCache="$cache/fanshelf.aot" -jar "$cache/fanshelf.jar" --fanshelf.demo=true "$@"
elif [ -f "$cache/fanshelf.jsa" ] && [ "$cache/fanshelf.jsa" -nt api/target/fanshelf.jar ]; then
  exec "$java" -XX:SharedArchiveFile="$cache/fanshelf.jsa" -jar "$cache/fanshelf.jar" \
    --fanshelf.demo=true "$@"
fi
exec "$java" -jar api/target/fanshelf.jar --fanshelf.demo=true "$@"
