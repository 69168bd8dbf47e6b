package io.chainstore.streaming.repairs;

import java.io.Serializable;

/**
 * A change to a work order or one of its lines, with the LSN it was written at; {@code deleted}
 * says the row is gone (a line taken off the quote).
 */
public record WorkOrderEvent(
    long workOrderId, long lsn, WorkOrderRow order, WorkOrderLineRow line, boolean deleted)
    implements Serializable {

  public static WorkOrderEvent of(WorkOrderRow order, long lsn, boolean deleted) {
    return new WorkOrderEvent(order.workOrderId(), lsn, order, null, deleted);
  }

  public static WorkOrderEvent of(WorkOrderLineRow line, long lsn, boolean deleted) {
    return new WorkOrderEvent(line.workOrderId(), lsn, null, line, deleted);
  }

  /** Which row this is about: LSNs are compared per row. */
  public String rowKey() {
    return order != null ? "order" : "line:" + line.lineNo();
  }
}
