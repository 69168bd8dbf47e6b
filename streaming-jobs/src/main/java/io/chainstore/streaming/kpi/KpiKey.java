package io.chainstore.streaming.kpi;

import java.io.Serializable;

/**
 * A KPI bucket: a store and channel, a grain (minute, hour, day or month), the instant the bucket
 * starts and ends, the store's business day it belongs to (a month: its first day) and the store's
 * UTC offset at its start. Minute buckets are UTC minutes; hours and days are the store's local
 * hours and days, so a day in Shanghai starts at 16:00 UTC the evening before, and a day with a DST
 * change has 23 or 25 hours.
 */
public record KpiKey(
    String grain,
    long storeId,
    String channel,
    long startEpochSecond,
    long endEpochSecond,
    long localEpochDay,
    int utcOffsetSeconds)
    implements Serializable {

  public static final String MINUTE = "minute";
  public static final String HOUR = "hour";
  public static final String DAY = "day";
  public static final String MONTH = "month";

  /** A stable text form, used to partition the stream (its hash is the same in every JVM). */
  public String id() {
    return grain + "|" + storeId + "|" + channel + "|" + startEpochSecond;
  }
}
