package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.math.BigDecimal;

/** The current totals of one bucket, with a version that strictly increases per bucket. */
public record KpiRow(KpiKey key, BigDecimal netSales, long paidOrders, long units, long version)
    implements Serializable {}
