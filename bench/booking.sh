#!/usr/bin/env bash
# Booking: one busy store with 20 technicians and a week of schedule half full; slot search and
# booking throughput and p50/p99 at 16 clients, then pgbench TPC-B on the same PostgreSQL as the
# yardstick; ends with the lost and double bookings found (both must be 0; exit 1 otherwise).
# Usage: bench/booking.sh
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
exec ./chainstore bench-booking "$@"
