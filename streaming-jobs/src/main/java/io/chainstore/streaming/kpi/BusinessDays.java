package io.chainstore.streaming.kpi;

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
    LocalDate month = day.withDayOfMonth(1);
    return List.of(
        key(KpiKey.MINUTE, storeId, channel, minute.atZone(zone), minute.plusSeconds(60), day),
        key(KpiKey.HOUR, storeId, channel, hour, hour.toInstant().plusSeconds(3600), day),
        key(
            KpiKey.DAY,
            storeId,
            channel,
            day.atStartOfDay(zone),
            day.plusDays(1).atStartOfDay(zone).toInstant(),
            day),
        key(
            KpiKey.MONTH,
            storeId,
            channel,
            month.atStartOfDay(zone),
            month.plusMonths(1).atStartOfDay(zone).toInstant(),
            month));
  }

  /** A bucket from its start in the store's zone (which gives the offset) to its end. */
  private static KpiKey key(
      String grain,
      long storeId,
      String channel,
      ZonedDateTime start,
      Instant end,
      LocalDate businessDay) {
    return new KpiKey(
        grain,
        storeId,
        channel,
        start.toEpochSecond(),
        end.getEpochSecond(),
        businessDay.toEpochDay(),
        start.getOffset().getTotalSeconds());
  }

  /** The store's business day of an instant. */
  public static long localEpochDay(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate().toEpochDay();
  }
}
