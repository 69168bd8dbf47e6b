package io.chainstore.streaming.marketing;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.time.Instant;

/** A {@code coupons} row: one coupon of a template issued to a member. */
public record CouponRow(long couponId, long templateId, long memberId, Instant issuedAt)
    implements Serializable {

  public static CouponRow from(JsonNode row) {
    return new CouponRow(
        Columns.longValue(row, "id"),
        Columns.longValue(row, "template_id"),
        Columns.longValue(row, "member_id"),
        Columns.instant(row, "issued_at"));
  }
}
