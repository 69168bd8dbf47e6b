package io.chainstore.streaming.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Puts an instant into a store's buckets: its UTC minute, and the local hour, business day and
 * business month of the store's time zone (a day runs from local midnight to the next local
 * midnight, whatever DST does in between; a month from the local midnight that starts its first
 * day).
 */
public final class BusinessDays {

  private BusinessDays() {}

  public static List<KpiKey> buckets(long storeId, String channel, Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
    LocalDate day = local.toLocalDate();
    long epochDay = day.toEpochDay();
    ZonedDateTime dayStart = day.atStartOfDay(zone);
    LocalDate month = day.withDayOfMonth(1);
    ZonedDateTime monthStart = month.atStartOfDay(zone);
    return List.of(
        new KpiKey(
            KpiKey.MINUTE,
            storeId,
            channel,
            minute.getEpochSecond(),
            minute.plus(Duration.ofMinutes(1)).getEpochSecond(),
            epochDay,
            local.getOffset().getTotalSeconds()),
        new KpiKey(
            KpiKey.HOUR,
            storeId,
            channel,
            hour.toInstant().getEpochSecond(),
            hour.toInstant().plus(Duration.ofHours(1)).getEpochSecond(),
            epochDay,
            hour.getOffset().getTotalSeconds()),
        new KpiKey(
            KpiKey.DAY,
            storeId,
            channel,
            dayStart.toInstant().getEpochSecond(),
            day.plusDays(1).atStartOfDay(zone).toInstant().getEpochSecond(),
            epochDay,
            dayStart.getOffset().getTotalSeconds()),
        new KpiKey(
            KpiKey.MONTH,
            storeId,
            channel,
            monthStart.toInstant().getEpochSecond(),
            month.plusMonths(1).atStartOfDay(zone).toInstant().getEpochSecond(),
            month.toEpochDay(),
            monthStart.getOffset().getTotalSeconds()));
  }

  /** The store's business day of an instant. */
  public static long localEpochDay(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate().toEpochDay();
  }
}
