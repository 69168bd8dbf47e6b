#!/usr/bin/env bash
# Commit -> ClickHouse latency of the store-kpis pipeline on this machine.
# Usage: bench/latency.sh [--orders 200] [--flush-ms 100]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./chainstore bench-latency "$@"
