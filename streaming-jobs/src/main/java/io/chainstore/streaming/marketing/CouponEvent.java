package io.chainstore.streaming.marketing;

import java.io.Serializable;

/** A change of a coupon row with the LSN it was written at. */
public record CouponEvent(CouponRow coupon, long lsn, boolean deleted) implements Serializable {}
