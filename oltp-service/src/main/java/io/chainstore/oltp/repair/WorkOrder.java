package io.chainstore.oltp.repair;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A repair work order as the API returns it: the quote (lines, totals, versions) and payments. */
@Schema(name = "WorkOrder")
record WorkOrder(
    long id,
    long storeId,
    long technicianId,
    Long memberId,
    String description,
    WorkOrderStatus status,
    @Schema(description = "Grows with every change of the lines") int quoteVersion,
    @Schema(description = "The version the customer confirmed; absent before a confirmation")
        Integer confirmedVersion,
    BigDecimal partsAmount,
    BigDecimal labourAmount,
    BigDecimal totalAmount,
    List<Line> lines,
    List<Payment> payments,
    OffsetDateTime createdAt,
    OffsetDateTime confirmedAt,
    OffsetDateTime paidAt,
    OffsetDateTime completedAt,
    OffsetDateTime cancelledAt) {

  static final String PART = "part";
  static final String LABOUR = "labour";

  /** A part (SKU, quantity, the store's unit price) or labour (description; hours at a rate). */
  @Schema(name = "WorkOrderLine")
  record Line(
      int lineNo,
      @Schema(allowableValues = {"part", "labour"}) String kind,
      Long skuId,
      Integer quantity,
      BigDecimal unitPrice,
      String description,
      BigDecimal hours,
      BigDecimal rate,
      BigDecimal lineAmount,
      int addedInVersion) {}

  /** A tender, as for orders: cash may carry what was handed over and the change given. */
  @Schema(name = "WorkOrderPayment")
  record Payment(
      int seq,
      String method,
      BigDecimal amount,
      BigDecimal tendered,
      BigDecimal change,
      String reference) {}

  /** A code to show the customer; it confirms {@code quoteVersion} once, until it expires. */
  @Schema(name = "WorkOrderConfirmationCode")
  record Code(
      long workOrderId,
      int quoteVersion,
      BigDecimal totalAmount,
      @Schema(description = "Six digits; shown once, stored only as a hash") String code,
      OffsetDateTime expiresAt,
      int maxAttempts) {}
}
