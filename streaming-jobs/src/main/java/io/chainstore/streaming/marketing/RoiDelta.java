package io.chainstore.streaming.marketing;

import java.io.Serializable;

/**
 * A change to a coupon template's figures on a channel, at a store and instant (its business day is
 * chosen later, in the store's zone; issuing belongs to no store), with the LSN that caused it.
 */
public record RoiDelta(
    long templateId, long storeId, String channel, long epochMilli, long lsn, RoiMeasures measures)
    implements Serializable {}
