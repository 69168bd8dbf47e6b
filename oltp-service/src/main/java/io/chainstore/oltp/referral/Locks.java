package io.chainstore.oltp.referral;

import org.springframework.jdbc.core.JdbcTemplate;

/** Transaction-scoped advisory locks that serialize the referral feature's HQ runs. */
final class Locks {

  /** The first key of every lock of this feature ("rf"). */
  private static final int FEATURE = 0x7266;

  static final int RATE_PLANS = 1;
  static final int PAYOUTS = 2;

  private Locks() {}

  /**
   * Waits for and holds, until the transaction ends, the lock of {@code kind} and {@code scope}.
   */
  static void exclusive(JdbcTemplate jdbc, int kind, long scope) {
    jdbc.query(
        "SELECT pg_advisory_xact_lock(?, ?)",
        rs -> null,
        FEATURE + kind,
        (int) (scope % Integer.MAX_VALUE));
  }
}
