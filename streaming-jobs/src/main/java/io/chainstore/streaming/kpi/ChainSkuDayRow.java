package io.chainstore.streaming.kpi;

import io.chainstore.streaming.aggregate.Summable;
import java.math.BigDecimal;

/**
 * A SKU's net sales and units on one business day over every store (each on its own local day): the
 * chain's product ranking, kept apart from the per-store rows so a month's ranking reads one row
 * per SKU and day.
 */
public record ChainSkuDayRow(
    long skuId, long localEpochDay, BigDecimal netSales, long units, long version)
    implements Summable<ChainSkuDayRow> {

  /** What a change of one store's row adds to the chain's. */
  public static ChainSkuDayRow of(SkuDayRow change) {
    return new ChainSkuDayRow(
        change.skuId(),
        change.localEpochDay(),
        change.netSales(),
        change.units(),
        change.version());
  }

  @Override
  public String id() {
    return skuId + "|" + localEpochDay;
  }

  @Override
  public ChainSkuDayRow plus(ChainSkuDayRow change) {
    return new ChainSkuDayRow(
        skuId,
        localEpochDay,
        netSales.add(change.netSales),
        units + change.units,
        Math.max(version, change.version));
  }
}
