package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.math.BigDecimal;

/** A change to add to one KPI bucket (negative when an order stops counting). */
public record KpiDelta(KpiKey key, BigDecimal netSales, long paidOrders, long units)
    implements Serializable {}
