package io.chainstore.streaming.sales;

import java.io.Serializable;

/**
 * A change to one of an order's rows — the order itself, a line, or a returned line — with the LSN
 * it was written at. Exactly one of {@code order}, {@code line}, {@code returned} is set; {@code
 * deleted} says the row is gone.
 */
public record OrderEvent(
    long orderId,
    long lsn,
    OrderRow order,
    OrderLineRow line,
    ReturnLineRow returned,
    boolean deleted)
    implements Serializable {

  public static OrderEvent of(OrderRow order, long lsn, boolean deleted) {
    return new OrderEvent(order.orderId(), lsn, order, null, null, deleted);
  }

  public static OrderEvent of(OrderLineRow line, long lsn, boolean deleted) {
    return new OrderEvent(line.orderId(), lsn, null, line, null, deleted);
  }

  public static OrderEvent of(ReturnLineRow returned, long lsn, boolean deleted) {
    return new OrderEvent(returned.orderId(), lsn, null, null, returned, deleted);
  }

  /** Which row of the order this is about: its LSNs are compared per row. */
  public String rowKey() {
    if (order != null) {
      return "order";
    }
    if (line != null) {
      return "line:" + line.lineNo();
    }
    return "return:" + returned.returnId() + ":" + returned.lineNo();
  }
}
