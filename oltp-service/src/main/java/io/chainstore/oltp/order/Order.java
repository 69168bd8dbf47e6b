package io.chainstore.oltp.order;

import io.chainstore.oltp.catalog.Prices;
import io.chainstore.oltp.catalog.ServiceSpec;
import io.swagger.v3.oas.annotations.media.Schema;
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

  /**
   * A priced line. A line of a service holds no stock; {@code spec} says which combination of the
   * service was bought (absent for goods and parts).
   */
  public record OrderLine(
      int lineNo,
      long skuId,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineAmount,
      int returnedQuantity,
      @Schema(allowableValues = {"goods", "service", "part"}) String productKind,
      ServiceSpec spec) {

    OrderLine(int lineNo, long skuId, int quantity, BigDecimal unitPrice, BigDecimal lineAmount) {
      this(lineNo, skuId, quantity, unitPrice, lineAmount, 0, null, null);
    }

    /** The same line, saying what it sold. */
    OrderLine describedBy(Prices.Quote quote) {
      return new OrderLine(
          lineNo,
          skuId,
          quantity,
          unitPrice,
          lineAmount,
          returnedQuantity,
          quote.productKind(),
          quote.spec());
    }

    /** Lines of goods and parts move stock; lines of services never do. */
    boolean stocked() {
      return !"service".equals(productKind);
    }
  }
}
