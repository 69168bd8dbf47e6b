package io.chainstore.streaming.kpi;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per order: remembers what the order currently contributes and emits the difference when it
 * changes. Events at or below the last applied LSN are duplicates from an at-least-once delivery or
 * a replay, and are dropped.
 */
public class OrderContributionFunction extends KeyedProcessFunction<Long, OrderChange, KpiDelta> {

  private transient ValueState<OrderState> current;
  private transient ValueState<Long> appliedLsn;

  @Override
  public void open(OpenContext context) {
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("order", OrderState.class));
    appliedLsn = getRuntimeContext().getState(new ValueStateDescriptor<>("lsn", Long.class));
  }

  @Override
  public void processElement(OrderChange change, Context ctx, Collector<KpiDelta> out)
      throws Exception {
    Long applied = appliedLsn.value();
    if (applied != null && change.lsn() > 0 && change.lsn() <= applied) {
      return;
    }
    for (KpiDelta delta : KpiContributions.deltas(current.value(), change.order())) {
      out.collect(delta);
    }
    if (change.order().deleted()) {
      current.clear();
    } else {
      current.update(change.order());
    }
    if (change.lsn() > 0) {
      appliedLsn.update(change.lsn());
    }
  }
}
