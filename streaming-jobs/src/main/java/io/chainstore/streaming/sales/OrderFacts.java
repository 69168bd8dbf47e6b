package io.chainstore.streaming.sales;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything known about one order from its change events: the order row, its lines and its
 * returned lines, and the LSN last applied to each of those rows. Events arrive from three topics
 * in any order; an event at or below its row's last LSN is a duplicate (an at-least-once delivery
 * or a replay) and changes nothing.
 */
public record OrderFacts(
    OrderRow order,
    Map<Integer, OrderLineRow> lines,
    Map<String, ReturnLineRow> returns,
    Map<String, Long> lsns)
    implements Serializable {

  // Plain mutable map classes throughout: they are what a checkpoint can serialize and restore.
  public static OrderFacts empty() {
    return new OrderFacts(null, new TreeMap<>(), new HashMap<>(), new HashMap<>());
  }

  public boolean isDuplicate(OrderEvent event) {
    Long applied = lsns.get(event.rowKey());
    return applied != null && event.lsn() > 0 && event.lsn() <= applied;
  }

  /** The facts with the event applied. */
  public OrderFacts with(OrderEvent event) {
    OrderRow nextOrder = order;
    Map<Integer, OrderLineRow> nextLines = lines;
    Map<String, ReturnLineRow> nextReturns = returns;
    if (event.order() != null) {
      nextOrder = event.deleted() ? null : event.order();
    } else if (event.line() != null) {
      nextLines = new TreeMap<>(lines);
      if (event.deleted()) {
        nextLines.remove(event.line().lineNo());
      } else {
        nextLines.put(event.line().lineNo(), event.line());
      }
    } else {
      nextReturns = new HashMap<>(returns);
      if (event.deleted()) {
        nextReturns.remove(event.rowKey());
      } else {
        nextReturns.put(event.rowKey(), event.returned());
      }
    }
    Map<String, Long> nextLsns = new HashMap<>(lsns);
    if (event.lsn() > 0) {
      nextLsns.put(event.rowKey(), event.lsn());
    }
    return new OrderFacts(nextOrder, nextLines, nextReturns, nextLsns);
  }

  /** What the returns of each line refunded. */
  public Map<Integer, BigDecimal> refundsByLine() {
    Map<Integer, BigDecimal> out = new HashMap<>();
    for (ReturnLineRow r : returns.values()) {
      out.merge(r.lineNo(), r.refund(), BigDecimal::add);
    }
    return out;
  }
}
