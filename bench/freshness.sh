#!/usr/bin/env bash
# Freshness under load: commit -> ClickHouse (store_kpi and stock_level), p50/p95/p99, at a steady
# rate of paid POS orders with all four Flink jobs, everything on this machine, after two minutes
# of warm-up; the README's figures use --seconds 180.
# Usage: bench/freshness.sh [--rate 300] [--seconds 60] [--stores 4] [--skus 500] [--flush-ms 100]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./chainstore bench-freshness "$@"
