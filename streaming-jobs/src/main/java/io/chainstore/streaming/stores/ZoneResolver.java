package io.chainstore.streaming.stores;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per store: turns changes at instants into rows of the store's business-day buckets, in the
 * store's time zone ({@link StoreZones}).
 */
public class ZoneResolver<IN, OUT> extends KeyedCoProcessFunction<Long, IN, LocationRow, OUT> {

  /** Turns one change into its bucket rows, given the store's zone. */
  @FunctionalInterface
  public interface Bucketing<IN, OUT> extends Serializable {
    List<OUT> bucket(IN change, ZoneId zone);
  }

  private final Bucketing<IN, OUT> bucketing;
  private final TypeInformation<IN> type;
  private final String chainZone;
  private transient StoreZones<IN> zones;

  public ZoneResolver(Bucketing<IN, OUT> bucketing, TypeInformation<IN> type, String chainZone) {
    this.bucketing = bucketing;
    this.type = type;
    this.chainZone = chainZone;
  }

  @Override
  public void open(OpenContext context) {
    zones =
        new StoreZones<>(
            getRuntimeContext().getState(StoreZones.zone()),
            getRuntimeContext().getListState(StoreZones.waiting(type)),
            getRuntimeContext().getMetricGroup().counter("changesWaitingForTheirStore"),
            chainZone);
  }

  @Override
  public void processElement1(IN change, Context ctx, Collector<OUT> out) throws Exception {
    ZoneId zone = zones.zoneOrKeep(ctx.getCurrentKey(), change);
    if (zone != null) {
      bucketing.bucket(change, zone).forEach(out::collect);
    }
  }

  @Override
  public void processElement2(LocationRow location, Context ctx, Collector<OUT> out)
      throws Exception {
    ZoneId zone = ZoneId.of(location.timeZone());
    for (IN change : zones.learn(location)) {
      bucketing.bucket(change, zone).forEach(out::collect);
    }
  }
}
