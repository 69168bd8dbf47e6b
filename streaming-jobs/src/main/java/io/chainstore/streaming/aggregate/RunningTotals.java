package io.chainstore.streaming.aggregate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per key: the totals of every change so far, in checkpointed state, emitted after each change.
 * After a restore the replayed changes rebuild the same rows; the sink keeps the newest per key.
 */
public class RunningTotals<T extends Summable<T>> extends KeyedProcessFunction<String, T, T>
    implements ResultTypeQueryable<T> {

  private final TypeInformation<T> type;
  private transient ValueState<T> totals;

  public RunningTotals(TypeInformation<T> type) {
    this.type = type;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  @Override
  public void open(OpenContext context) {
    totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", type));
  }

  @Override
  public void processElement(T change, Context ctx, Collector<T> out) throws Exception {
    T before = totals.value();
    T after = before == null ? change : before.plus(change);
    totals.update(after);
    out.collect(after);
  }
}
