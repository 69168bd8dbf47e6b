#!/usr/bin/env bash
# Checkout throughput and p50/p99 latency of the OLTP service (16 clients, 3-line POS orders with
# stock reservation) and pgbench TPC-B on the same PostgreSQL as the yardstick, in alternating
# rounds; --skus sets each store's assortment (default 500).
# Usage: bench/checkout.sh [--stores 4] [--skus 500] [--idempotency-keys]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pgbench >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else
    echo "pgbench is missing: apt-get install -y postgresql-client" >&2
    exit 2
  fi
fi
exec ./chainstore bench-checkout "$@"
