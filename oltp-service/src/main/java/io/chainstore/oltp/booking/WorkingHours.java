package io.chainstore.oltp.booking;

import io.chainstore.oltp.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A technician's weekly working hours: spans of local time (the store's zone) per ISO weekday, as
 * many a day as needed (a lunch break is two spans). No span crosses midnight.
 */
final class WorkingHours {

  /** From {@code from} up to {@code to} on ISO {@code weekday} (1 = Monday). */
  record Span(int weekday, LocalTime from, LocalTime to) {}

  /** An instant range [start, end). */
  record Interval(Instant start, Instant end) {

    boolean overlaps(Instant otherStart, Instant otherEnd) {
      return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    boolean contains(Instant otherStart, Instant otherEnd) {
      return !otherStart.isBefore(start) && !otherEnd.isAfter(end);
    }
  }

  private WorkingHours() {}

  /**
   * Refuses (422 naming {@code field[i]...}) a span that ends before it starts or overlaps another
   * span of its day.
   */
  static void check(List<Span> spans, String field) {
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      if (!span.from().isBefore(span.to())) {
        throw ApiException.unprocessable(field + "[" + i + "].to", "must be after from");
      }
      for (int j = 0; j < i; j++) {
        Span other = spans.get(j);
        if (other.weekday() == span.weekday()
            && span.from().isBefore(other.to())
            && other.from().isBefore(span.to())) {
          throw ApiException.unprocessable(
              field + "[" + i + "].from", "overlaps hours[" + j + "] on the same day");
        }
      }
    }
  }

  /**
   * The working spans of a local day as instants. A local time that a change to summer time skips
   * is read as the time after the gap; one that the change back repeats, as its first occurrence
   * ({@link ZonedDateTime#of}); so a span over a change lasts the hours that really pass.
   */
  static List<Interval> on(LocalDate day, ZoneId zone, List<Span> spans) {
    List<Interval> out = new ArrayList<>();
    int weekday = day.getDayOfWeek().getValue();
    for (Span span : spans) {
      if (span.weekday() == weekday) {
        out.add(
            new Interval(
                ZonedDateTime.of(day, span.from(), zone).toInstant(),
                ZonedDateTime.of(day, span.to(), zone).toInstant()));
      }
    }
    out.sort(Comparator.comparing(Interval::start));
    return out;
  }

  /** True when [start, end) lies within one working span of the local day it starts on. */
  static boolean covers(List<Span> spans, ZoneId zone, Instant start, Instant end) {
    LocalDate day = start.atZone(zone).toLocalDate();
    return on(day, zone, spans).stream().anyMatch(i -> i.contains(start, end));
  }
}
