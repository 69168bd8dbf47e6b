package io.chainstore.streaming.kpi;

import java.io.Serializable;

/**
 * A change to add to a store's KPIs at an instant (negative when a sale stops counting there), with
 * the LSN of the change that caused it. Buckets are chosen later, in the store's time zone.
 */
public record StoreDelta(long storeId, String channel, long epochMilli, long lsn, Measures measures)
    implements Serializable {}
