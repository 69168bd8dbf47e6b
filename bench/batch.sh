#!/usr/bin/env bash
# The batch jobs on a generated chain (COPY into PostgreSQL, no streaming pipeline): member-profiles
# wall time and peak memory, export-segment and target-coupons members per second. The issue's base
# is 1,000,000 members with 20 order lines each; run 100000 first to see the growth.
# Usage: bench/batch.sh [--members 1000000] [--stores 200] [--skus 5000] [--spark-memory 4g]
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'rm -rf .bench-batch' EXIT
./chainstore bench-batch --work-dir .bench-batch "$@"
