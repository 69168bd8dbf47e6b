package io.chainstore.oltp.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as the API returns it. */
public record Order(
    long id,
    long storeId,
    Channel channel,
    Long memberId,
    OrderStatus status,
    BigDecimal subtotalAmount,
    BigDecimal memberDiscount,
    Long couponId,
    BigDecimal couponDiscount,
    BigDecimal pointsDiscount,
    int pointsRedeemed,
    int pointsEarned,
    BigDecimal totalAmount,
    int totalUnits,
    OffsetDateTime createdAt,
    OffsetDateTime paidAt,
    OffsetDateTime cancelledAt,
    OffsetDateTime fulfilledAt,
    OffsetDateTime completedAt,
    OffsetDateTime pickupExpiresAt,
    BigDecimal refundedAmount,
    int returnedUnits,
    List<OrderLine> lines) {

  /** A priced line. */
  public record OrderLine(
      int lineNo,
      long skuId,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineAmount,
      int returnedQuantity) {

    OrderLine(int lineNo, long skuId, int quantity, BigDecimal unitPrice, BigDecimal lineAmount) {
      this(lineNo, skuId, quantity, unitPrice, lineAmount, 0);
    }
  }
}
