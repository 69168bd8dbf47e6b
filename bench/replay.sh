#!/usr/bin/env bash
# Replay throughput of each Flink job from a pre-filled Kafka: a month of generated history
# (1,000,000 orders: about 5 million change events for store-kpis, 11 million in all), each job
# alone from the earliest offset; events per CPU-second, peak memory and state size per job.
# Usage: bench/replay.sh [--orders 1000000] [--jobs store-kpis,marketing-roi,...]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./chainstore bench-replay --work-dir .bench-replay "$@"
