package io.chainstore.oltp.repair;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic and versioning of a quote, without a database: what a line costs, what the lines
 * add up to, and what a change of the lines does to the version the customer confirmed.
 */
final class Quote {

  private Quote() {}

  /** The amounts of a quote: parts, labour and their sum, to the cent. */
  record Totals(BigDecimal parts, BigDecimal labour, BigDecimal total) {}

  /** A part: the store's unit price times the quantity (exact: both are whole cents). */
  static BigDecimal partAmount(BigDecimal unitPrice, int quantity) {
    return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * Labour: a fixed amount, or hours at a rate rounded to the cent HALF_EVEN, as every amount of
   * the chain is rounded.
   */
  static BigDecimal labourAmount(BigDecimal amount, BigDecimal hours, BigDecimal rate) {
    if (amount != null) {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
    return hours.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
  }

  static Totals totals(List<WorkOrder.Line> lines) {
    BigDecimal parts = BigDecimal.ZERO.setScale(2);
    BigDecimal labour = BigDecimal.ZERO.setScale(2);
    for (WorkOrder.Line line : lines) {
      if (line.kind().equals(WorkOrder.PART)) {
        parts = parts.add(line.lineAmount());
      } else {
        labour = labour.add(line.lineAmount());
      }
    }
    return new Totals(parts, labour, parts.add(labour));
  }

  /** Where a change of the lines leaves a work order: open again, at the next version. */
  record Changed(WorkOrderStatus status, int version) {}

  /**
   * A change of the lines makes a new version of the quote; a confirmed quote goes back to open and
   * needs a new confirmation. Refused (409 {@code status}) once paid, completed or cancelled.
   */
  static Changed change(long workOrderId, WorkOrderStatus status, int version) {
    if (!status.quoteEditable()) {
      throw ApiException.conflict(
          "status",
          "work order "
              + workOrderId
              + " is "
              + status.code()
              + "; its quote can no longer change");
    }
    return new Changed(WorkOrderStatus.OPEN, version + 1);
  }
}
