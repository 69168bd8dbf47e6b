package io.chainstore.streaming.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What a change adds to each bucket it falls in, given the store's time zone. */
public final class KpiBuckets {

  private KpiBuckets() {}

  public static List<KpiRow> storeRows(StoreDelta delta, ZoneId zone) {
    return BusinessDays.buckets(
            delta.storeId(), delta.channel(), Instant.ofEpochMilli(delta.epochMilli()), zone)
        .stream()
        .map(key -> new KpiRow(key, delta.measures(), delta.lsn()))
        .toList();
  }

  public static List<SkuDayRow> skuRows(SkuDelta delta, ZoneId zone) {
    return List.of(
        new SkuDayRow(
            delta.storeId(),
            delta.skuId(),
            BusinessDays.localEpochDay(Instant.ofEpochMilli(delta.epochMilli()), zone),
            delta.netSales(),
            delta.units(),
            delta.lsn()));
  }
}
