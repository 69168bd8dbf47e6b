package io.chainstore.oltp.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Free slots of one technician on one local day: every start on a fixed step from the start of each
 * working span such that the whole service fits in the span, overlaps none of the technician's
 * bookings and starts no earlier than {@code notBefore} (now, or the booking cut-off).
 */
final class Slots {

  private Slots() {}

  static List<Instant> free(
      LocalDate day,
      ZoneId zone,
      List<WorkingHours.Span> hours,
      List<WorkingHours.Interval> booked,
      Duration length,
      Duration step,
      Instant notBefore) {
    if (length.isZero() || length.isNegative() || step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("length and step must be positive");
    }
    List<Instant> out = new ArrayList<>();
    for (WorkingHours.Interval span : WorkingHours.on(day, zone, hours)) {
      // Steps are counted in real time from the span's start, so a DST change inside a span
      // neither loses nor doubles a slot.
      for (Instant start = span.start();
          !start.plus(length).isAfter(span.end());
          start = start.plus(step)) {
        Instant end = start.plus(length);
        if (start.isBefore(notBefore)) {
          continue;
        }
        boolean taken = false;
        for (WorkingHours.Interval b : booked) {
          if (b.overlaps(start, end)) {
            taken = true;
            break;
          }
        }
        if (!taken) {
          out.add(start);
        }
      }
    }
    return out;
  }
}
