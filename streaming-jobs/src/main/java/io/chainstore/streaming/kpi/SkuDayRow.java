package io.chainstore.streaming.kpi;

import io.chainstore.streaming.aggregate.Summable;
import java.math.BigDecimal;

/** A SKU's net sales and units at a store on one of its business days. */
public record SkuDayRow(
    long storeId, long skuId, long localEpochDay, BigDecimal netSales, long units, long version)
    implements Summable<SkuDayRow> {

  @Override
  public String id() {
    return storeId + "|" + skuId + "|" + localEpochDay;
  }

  @Override
  public SkuDayRow plus(SkuDayRow change) {
    return new SkuDayRow(
        storeId,
        skuId,
        localEpochDay,
        netSales.add(change.netSales),
        units + change.units,
        Math.max(version, change.version));
  }
}
