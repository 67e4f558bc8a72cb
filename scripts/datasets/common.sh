# Sourced by the dataset scripts: sets $repo, $java (a java >= 21), $indexer (the indexer jar, built
# when missing) and $work (a temporary folder removed on exit); defines fetch_deb and need_rscript.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$repo/scripts/find-java.sh"
if [ -z "$java" ]; then
  echo "needs a JDK >= 21 (e.g. apt-get install openjdk-21-jdk-headless)" >&2
  exit 1
fi
indexer=$repo/indexer/target/fanshelf-indexer.jar
if [ ! -f "$indexer" ]; then
  (cd "$repo" && mvn -B -q -pl indexer -am package -DskipTests)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch_deb PACKAGE: downloads the Debian package (not installing it) and unpacks it into
# $work/PACKAGE; prints that folder.
fetch_deb() {
  mkdir -p "$work/debs"
  chmod 777 "$work/debs" # apt-get downloads as the _apt user where it can
  (cd "$work/debs" && apt-get download -q "$1" >&2)
  dpkg-deb -x "$work/debs/$1"_*.deb "$work/$1"
  echo "$work/$1"
}

# need_rscript: installs Debian's r-base-core when Rscript is missing (as root), or says how.
need_rscript() {
  if command -v Rscript >/dev/null; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "needs R: sudo apt-get install --no-install-recommends r-base-core" >&2
    exit 1
  fi
  apt-get install -y -qq --no-install-recommends r-base-core >&2
}
