package io.chainstore.streaming.kpi;

import io.chainstore.streaming.repairs.WorkOrderEvent;
import io.chainstore.streaming.repairs.WorkOrderFacts;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per work order: gathers its rows from their change events and emits what changes in the KPIs when
 * it does ({@link RepairSales}), the store figures and, on the same side output as sales, per part
 * SKU. Duplicates are dropped and counted.
 */
public class RepairContributions extends KeyedProcessFunction<Long, WorkOrderEvent, StoreDelta> {

  private transient ValueState<WorkOrderFacts> facts;
  private transient Counter duplicates;

  @Override
  public void open(OpenContext context) {
    facts = getRuntimeContext().getState(new ValueStateDescriptor<>("facts", WorkOrderFacts.class));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateChangesDropped");
  }

  @Override
  public void processElement(WorkOrderEvent event, Context ctx, Collector<StoreDelta> out)
      throws Exception {
    WorkOrderFacts stored = facts.value();
    WorkOrderFacts before = stored == null ? WorkOrderFacts.empty() : stored;
    if (before.isDuplicate(event)) {
      duplicates.inc();
      return;
    }
    WorkOrderFacts after = before.with(event);
    Sale was = RepairSales.of(before);
    Sale is = RepairSales.of(after);
    SaleDeltas.storeDeltas(was, is, event.lsn()).forEach(out::collect);
    SaleDeltas.skuDeltas(was, is, event.lsn())
        .forEach(delta -> ctx.output(SaleContributions.SKU_DELTAS, delta));
    facts.update(after);
  }
}
