package io.chainstore.streaming.kpi;

import io.chainstore.streaming.aggregate.MiniBatchOperator;
import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Per order: gathers its rows from their change events ({@link OrderFacts}) and emits what changes
 * in the KPIs when the order does — the store figures, and per SKU on a side output. Duplicates (at
 * or below a row's last LSN) are dropped and counted.
 *
 * <p>An order's events come in a burst (created, its lines, paid), so they are gathered for a few
 * milliseconds and applied together ({@link MiniBatchOperator}): one read and write of the order's
 * state per batch instead of per event. Each event still emits its own change, with its own LSN.
 */
public class SaleContributions extends MiniBatchOperator<StoreDelta>
    implements OneInputStreamOperator<OrderEvent, StoreDelta> {

  public static final OutputTag<SkuDelta> SKU_DELTAS =
      new OutputTag<>("sku-deltas", TypeInformation.of(SkuDelta.class));

  /** Short: it adds to the time from commit to ClickHouse. */
  public static final long FLUSH_MILLIS = 20;

  public static final int MAX_PENDING_EVENTS = 10_000;

  private transient ValueState<OrderFacts> facts;
  private transient Counter duplicates;
  private transient Map<Object, List<OrderEvent>> pending;
  private transient int pendingEvents;

  public SaleContributions() {
    this(FLUSH_MILLIS, MAX_PENDING_EVENTS);
  }

  public SaleContributions(long flushMillis, int maxPendingEvents) {
    super(flushMillis, maxPendingEvents);
  }

  @Override
  public void open() throws Exception {
    super.open();
    facts = getKeyedStateStore().getState(new ValueStateDescriptor<>("facts", OrderFacts.class));
    duplicates = getMetricGroup().counter("duplicateChangesDropped");
    pending = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<OrderEvent> element) throws Exception {
    pending.computeIfAbsent(getCurrentKey(), order -> new ArrayList<>()).add(element.getValue());
    gathered(++pendingEvents);
  }

  @Override
  protected void flushPending() throws Exception {
    for (Map.Entry<Object, List<OrderEvent>> order : pending.entrySet()) {
      setCurrentKey(order.getKey());
      apply(order.getValue());
    }
    pending.clear();
    pendingEvents = 0;
  }

  private void apply(List<OrderEvent> events) throws Exception {
    OrderFacts stored = facts.value();
    OrderFacts current = stored == null ? OrderFacts.empty() : stored;
    Sale was = Sale.of(current);
    boolean changed = false;
    for (OrderEvent event : events) {
      if (current.isDuplicate(event)) {
        duplicates.inc();
        continue;
      }
      current = current.with(event);
      Sale is = Sale.of(current);
      for (StoreDelta delta : SaleDeltas.storeDeltas(was, is, event.lsn())) {
        output.collect(new StreamRecord<>(delta));
      }
      for (SkuDelta delta : SaleDeltas.skuDeltas(was, is, event.lsn())) {
        output.collect(SKU_DELTAS, new StreamRecord<>(delta));
      }
      was = is;
      changed = true;
    }
    if (changed) {
      facts.update(current);
    }
  }
}
