package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.math.BigDecimal;

/** A change to a SKU's sales at a store at an instant, with the LSN that caused it. */
public record SkuDelta(
    long storeId, long skuId, long epochMilli, long lsn, BigDecimal netSales, long units)
    implements Serializable {}
