#!/usr/bin/env bash
# Times a cold build, the test suite and ./chainstore demo; prints one line per figure.
# Usage: bench/demo.sh [--skip-tests]   (needs network access to Maven Central for the cold build)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT

start=$(date +%s)
mvn -B -q -Dmaven.repo.local="$repo" -DskipTests package
echo "cold build (empty local Maven repository): $(( $(date +%s) - start )) s"

if [ "${1:-}" != "--skip-tests" ]; then
  start=$(date +%s)
  mvn -B -q verify
  echo "test suite (mvn -B verify, warm repository): $(( $(date +%s) - start )) s"
fi

start=$(date +%s)
./chainstore demo | tail -12
echo "./chainstore demo wall time: $(( $(date +%s) - start )) s"
