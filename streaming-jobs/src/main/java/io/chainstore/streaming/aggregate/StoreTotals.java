package io.chainstore.streaming.aggregate;

import io.chainstore.streaming.stores.LocationRow;
import io.chainstore.streaming.stores.StoreZones;
import io.chainstore.streaming.stores.ZoneResolver.Bucketing;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by store: turns changes at instants into rows of the store's business-day buckets (in its
 * time zone, {@link StoreZones}) and keeps their totals ({@link MiniBatchTotals}). For rows that
 * belong to one store, bucketing and totals in one operator spare the stream of bucket rows between
 * them (three per sale: minute, hour and day) its serialization and shuffle.
 */
public class StoreTotals<IN, T extends Summable<T>> extends MiniBatchTotals<T>
    implements TwoInputStreamOperator<IN, LocationRow, T> {

  private final Bucketing<IN, T> bucketing;
  private final TypeInformation<IN> changeType;
  private final String chainZone;
  private transient StoreZones<IN> zones;

  public StoreTotals(
      Bucketing<IN, T> bucketing,
      TypeInformation<IN> changeType,
      TypeInformation<T> rowType,
      String chainZone) {
    this(bucketing, changeType, rowType, chainZone, FLUSH_MILLIS, MAX_PENDING_ROWS);
  }

  public StoreTotals(
      Bucketing<IN, T> bucketing,
      TypeInformation<IN> changeType,
      TypeInformation<T> rowType,
      String chainZone,
      long flushMillis,
      int maxPendingRows) {
    super(rowType, flushMillis, maxPendingRows);
    this.bucketing = bucketing;
    this.changeType = changeType;
    this.chainZone = chainZone;
  }

  @Override
  public void open() throws Exception {
    super.open();
    zones =
        new StoreZones<>(
            getKeyedStateStore().getState(StoreZones.zone()),
            getKeyedStateStore().getListState(StoreZones.waiting(changeType)),
            getMetricGroup().counter("changesWaitingForTheirStore"),
            chainZone);
  }

  @Override
  public void processElement1(StreamRecord<IN> element) throws Exception {
    ZoneId zone = zones.zoneOrKeep((Long) getCurrentKey(), element.getValue());
    if (zone != null) {
      addAll(element.getValue(), zone);
    }
  }

  @Override
  public void processElement2(StreamRecord<LocationRow> element) throws Exception {
    ZoneId zone = ZoneId.of(element.getValue().timeZone());
    for (IN change : zones.learn(element.getValue())) {
      addAll(change, zone);
    }
  }

  private void addAll(IN change, ZoneId zone) throws Exception {
    for (T row : bucketing.bucket(change, zone)) {
      add(row);
    }
  }
}
