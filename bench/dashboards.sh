#!/usr/bin/env bash
# Every dashboard chart's query on a generated chain carried into ClickHouse by the pipeline:
# p50/p95 over --runs runs, and the same questions asked of PostgreSQL.
# Usage: [POSTGRES_RUNS=n] bench/dashboards.sh [the options of ./chainstore generate, e.g. --members 200000]
# POSTGRES_RUNS (default 5): a month's question to PostgreSQL takes minutes at 50 M lines.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.bench-dashboards
log=$(mktemp)
./chainstore generate --work-dir "$dir" --member-profiles --keep-running "$@" >"$log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; rm -rf "$dir" "$log"' EXIT
# generate prints its reconciliation, then "Reconcile ..." once the stack is ready for queries
until grep -q '^Reconcile ' "$log"; do
  if ! kill -0 $stack 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 5
done
grep -E 'COPYed|reconciliation: orders|matched' "$log"
./chainstore bench-dashboards --work-dir "$dir" --runs 20 --postgres-runs "${POSTGRES_RUNS:-5}"
