package io.chainstore.oltp.booking;

import java.time.Duration;
import java.time.Instant;

/**
 * How close to its start a booking may still be cancelled or moved: not within {@code before} of
 * its start (2 h by default, {@code chainstore.booking-cutoff-minutes}).
 */
record CutOff(Duration before) {

  CutOff {
    if (before.isNegative()) {
      throw new IllegalArgumentException("a cut-off is not negative");
    }
  }

  /** True while a booking starting at {@code start} may still be changed at {@code now}. */
  boolean allowsChange(Instant start, Instant now) {
    return now.isBefore(start.minus(before));
  }

  /** The last moment a booking starting at {@code start} may be changed (exclusive). */
  Instant deadline(Instant start) {
    return start.minus(before);
  }
}
