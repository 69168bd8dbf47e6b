package io.chainstore.streaming.kpi;

import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderFacts;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per order: gathers its rows from their change events ({@link OrderFacts}) and emits what changes
 * in the KPIs when the order does — the store figures, and per SKU on a side output. Duplicates (at
 * or below a row's last LSN) are dropped and counted.
 */
public class SaleContributions extends KeyedProcessFunction<Long, OrderEvent, StoreDelta> {

  public static final OutputTag<SkuDelta> SKU_DELTAS =
      new OutputTag<>("sku-deltas", TypeInformation.of(SkuDelta.class));

  private transient ValueState<OrderFacts> facts;
  private transient Counter duplicates;

  @Override
  public void open(OpenContext context) {
    facts = getRuntimeContext().getState(new ValueStateDescriptor<>("facts", OrderFacts.class));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateChangesDropped");
  }

  @Override
  public void processElement(OrderEvent event, Context ctx, Collector<StoreDelta> out)
      throws Exception {
    OrderFacts stored = facts.value();
    OrderFacts before = stored == null ? OrderFacts.empty() : stored;
    if (before.isDuplicate(event)) {
      duplicates.inc();
      return;
    }
    OrderFacts after = before.with(event);
    Sale was = Sale.of(before);
    Sale is = Sale.of(after);
    SaleDeltas.storeDeltas(was, is, event.lsn()).forEach(out::collect);
    SaleDeltas.skuDeltas(was, is, event.lsn()).forEach(delta -> ctx.output(SKU_DELTAS, delta));
    facts.update(after);
  }
}
