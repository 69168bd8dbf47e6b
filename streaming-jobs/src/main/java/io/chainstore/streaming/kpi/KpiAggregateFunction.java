package io.chainstore.streaming.kpi;

import java.math.BigDecimal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per KPI bucket: keeps the running totals and emits the whole row after every delta, with a
 * version that counts the deltas applied. The version lives in checkpointed state, so after a
 * restore the replayed deltas produce the same versions again and the latest version always carries
 * the totals of all deltas: ClickHouse's ReplacingMergeTree(version) converges to it.
 */
public class KpiAggregateFunction extends KeyedProcessFunction<String, KpiDelta, KpiRow> {

  private transient ValueState<KpiRow> current;

  @Override
  public void open(OpenContext context) {
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("kpi", KpiRow.class));
  }

  @Override
  public void processElement(KpiDelta delta, Context ctx, Collector<KpiRow> out) throws Exception {
    KpiRow row = apply(current.value(), delta);
    current.update(row);
    out.collect(row);
  }

  static KpiRow apply(KpiRow before, KpiDelta delta) {
    if (before == null) {
      return new KpiRow(delta.key(), delta.netSales(), delta.paidOrders(), delta.units(), 1);
    }
    BigDecimal sales = before.netSales().add(delta.netSales());
    return new KpiRow(
        delta.key(),
        sales,
        before.paidOrders() + delta.paidOrders(),
        before.units() + delta.units(),
        before.version() + 1);
  }
}
