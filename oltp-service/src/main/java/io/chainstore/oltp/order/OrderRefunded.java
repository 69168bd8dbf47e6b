package io.chainstore.oltp.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * Units of a paid order came back (a return, {@code returnId}) or the whole paid order was
 * cancelled ({@code returnId} null, every line fully back). Published inside that transaction.
 */
public record OrderRefunded(long orderId, Long returnId, List<Line> lines) {

  /**
   * What one line refunded now, and whether every unit of the line is back after it.
   *
   * @param refund the refund of this line now (zero when the whole order was cancelled)
   */
  public record Line(int lineNo, BigDecimal refund, boolean fullyReturned) {}
}
