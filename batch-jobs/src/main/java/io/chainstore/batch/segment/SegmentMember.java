package io.chainstore.batch.segment;

import java.math.BigDecimal;

/**
 * One member of an exported segment: personal data, the profile figures and the live tags the
 * selection saw.
 */
public record SegmentMember(
    long memberId,
    String name,
    String phone,
    BigDecimal totalSpend,
    long orderCount,
    String lastOrderDate,
    String rfm,
    String tags) {

  /** The member as the export writes it: name and phone masked ({@link Masking}). */
  public SegmentMember masked() {
    return new SegmentMember(
        memberId,
        Masking.name(name),
        Masking.phone(phone),
        totalSpend,
        orderCount,
        lastOrderDate,
        rfm,
        tags);
  }
}
