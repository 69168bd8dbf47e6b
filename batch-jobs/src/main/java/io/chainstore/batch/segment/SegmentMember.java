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
    String email,
    BigDecimal totalSpend,
    long orderCount,
    String lastOrderDate,
    String rfm,
    String tags) {

  /** The member as the export writes it: name, phone and e-mail masked ({@link Masking}). */
  public SegmentMember masked() {
    return new SegmentMember(
        memberId,
        Masking.name(name),
        Masking.phone(phone),
        Masking.email(email),
        totalSpend,
        orderCount,
        lastOrderDate,
        rfm,
        tags);
  }
}
