package io.chainstore.oltp.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
    List<WorkingHours.Interval> busy = merged(booked);
    List<Instant> out = new ArrayList<>();
    int next = 0; // busy intervals before it end before every start still to come
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
        while (next < busy.size() && !busy.get(next).end().isAfter(start)) {
          next++;
        }
        if (next == busy.size() || !busy.get(next).overlaps(start, end)) {
          out.add(start);
        }
      }
    }
    return out;
  }

  /**
   * The booked time as disjoint intervals in order, so one pointer walks them alongside the
   * ascending starts (live bookings never overlap, but this does not rely on it).
   */
  private static List<WorkingHours.Interval> merged(List<WorkingHours.Interval> booked) {
    List<WorkingHours.Interval> sorted = new ArrayList<>(booked);
    sorted.sort(Comparator.comparing(WorkingHours.Interval::start));
    List<WorkingHours.Interval> out = new ArrayList<>();
    for (WorkingHours.Interval b : sorted) {
      WorkingHours.Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !b.start().isAfter(last.end())) {
        if (b.end().isAfter(last.end())) {
          out.set(out.size() - 1, new WorkingHours.Interval(last.start(), b.end()));
        }
      } else {
        out.add(b);
      }
    }
    return out;
  }
}
