package io.chainstore.streaming.stores;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per store: learns the store's time zone from its location row and turns changes at instants into
 * rows of the store's business-day buckets. Changes that arrive before the store's location (topics
 * are read side by side, so a replay may bring a sale first) wait in state until it does. Store 0
 * means "no store" (a member who joined online) and uses the chain's time zone.
 */
public class ZoneResolver<IN, OUT> extends KeyedCoProcessFunction<Long, IN, LocationRow, OUT> {

  /** Turns one change into its bucket rows, given the store's zone. */
  @FunctionalInterface
  public interface Bucketing<IN, OUT> extends Serializable {
    List<OUT> bucket(IN change, ZoneId zone);
  }

  public static final long NO_STORE = 0;

  private final Bucketing<IN, OUT> bucketing;
  private final TypeInformation<IN> type;
  private final String chainZone;
  private transient ValueState<String> zone;
  private transient ListState<IN> waiting;
  private transient Counter waited;

  public ZoneResolver(Bucketing<IN, OUT> bucketing, TypeInformation<IN> type, String chainZone) {
    this.bucketing = bucketing;
    this.type = type;
    this.chainZone = chainZone;
  }

  @Override
  public void open(OpenContext context) {
    zone = getRuntimeContext().getState(new ValueStateDescriptor<>("zone", String.class));
    waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", type));
    waited = getRuntimeContext().getMetricGroup().counter("changesWaitingForTheirStore");
  }

  @Override
  public void processElement1(IN change, Context ctx, Collector<OUT> out) throws Exception {
    String known = ctx.getCurrentKey() == NO_STORE ? chainZone : zone.value();
    if (known == null) {
      waiting.add(change);
      waited.inc();
      return;
    }
    bucketing.bucket(change, ZoneId.of(known)).forEach(out::collect);
  }

  @Override
  public void processElement2(LocationRow location, Context ctx, Collector<OUT> out)
      throws Exception {
    zone.update(location.timeZone());
    List<IN> ready = new ArrayList<>();
    waiting.get().forEach(ready::add);
    waiting.clear();
    ZoneId id = ZoneId.of(location.timeZone());
    for (IN change : ready) {
      bucketing.bucket(change, id).forEach(out::collect);
    }
  }
}
