package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A KPI bucket: grain (minute or day, in UTC), store, channel and the bucket's start. */
public record KpiKey(String grain, long storeId, String channel, long bucketStartEpochSecond)
    implements Serializable {

  public static final String MINUTE = "minute";
  public static final String DAY = "day";

  static KpiKey of(String grain, long storeId, String channel, Instant at) {
    ChronoUnit unit = MINUTE.equals(grain) ? ChronoUnit.MINUTES : ChronoUnit.DAYS;
    return new KpiKey(grain, storeId, channel, at.truncatedTo(unit).getEpochSecond());
  }

  /** A stable text form, used to partition the stream (its hash is the same in every JVM). */
  public String id() {
    return grain + "|" + storeId + "|" + channel + "|" + bucketStartEpochSecond;
  }
}
