package io.chainstore.batch.segment;

import java.math.BigDecimal;

/** One member of an exported segment, as written to the file (phone already masked). */
public record SegmentMember(
    long memberId, String phone, BigDecimal totalSpend, long orderCount, String lastOrderDate) {

  public SegmentMember withPhone(String masked) {
    return new SegmentMember(memberId, masked, totalSpend, orderCount, lastOrderDate);
  }
}
