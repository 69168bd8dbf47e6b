package io.chainstore.streaming.repairs;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One work order from its change events: the row, its lines, and the LSN last applied to each row;
 * an event at or below its row's last LSN is a duplicate and changes nothing.
 */
public record WorkOrderFacts(
    WorkOrderRow order, Map<Integer, WorkOrderLineRow> lines, Map<String, Long> lsns)
    implements Serializable {

  public static WorkOrderFacts empty() {
    return new WorkOrderFacts(null, new TreeMap<>(), new HashMap<>());
  }

  public boolean isDuplicate(WorkOrderEvent event) {
    Long applied = lsns.get(event.rowKey());
    return applied != null && event.lsn() > 0 && event.lsn() <= applied;
  }

  public WorkOrderFacts with(WorkOrderEvent event) {
    WorkOrderRow nextOrder = order;
    Map<Integer, WorkOrderLineRow> nextLines = lines;
    if (event.order() != null) {
      nextOrder = event.deleted() ? null : event.order();
    } else {
      nextLines = new TreeMap<>(lines);
      if (event.deleted()) {
        nextLines.remove(event.line().lineNo());
      } else {
        nextLines.put(event.line().lineNo(), event.line());
      }
    }
    Map<String, Long> nextLsns = new HashMap<>(lsns);
    if (event.lsn() > 0) {
      nextLsns.put(event.rowKey(), event.lsn());
    }
    return new WorkOrderFacts(nextOrder, nextLines, nextLsns);
  }
}
