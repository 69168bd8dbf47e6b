package io.chainstore.oltp.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates and times the service accepts: from 1970-01-01 up to (not including) 2100-01-01 UTC. The
 * analytics store keeps days and instants in that range, so anything outside it could not be
 * reported; refusing it here keeps absurd years (+9999999-01-01) away from the database too.
 */
public final class SupportedDates {

  public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
  private static final Instant END = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant START = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);

  private SupportedDates() {}

  public static LocalDate check(LocalDate day) {
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      throw new RejectedValue(dayRule());
    }
    return day;
  }

  public static OffsetDateTime check(OffsetDateTime time) {
    Instant instant = time.toInstant();
    if (instant.isBefore(START) || !instant.isBefore(END)) {
      throw new RejectedValue(timeRule());
    }
    return time;
  }

  public static String dayRule() {
    return "must be a date (YYYY-MM-DD) from " + FIRST_DAY + " to " + LAST_DAY;
  }

  public static String timeRule() {
    return "must be a date-time with offset (e.g. 2026-05-01T09:00:00Z) from "
        + FIRST_DAY
        + "T00:00:00Z up to "
        + LAST_DAY.plusDays(1)
        + "T00:00:00Z";
  }
}
