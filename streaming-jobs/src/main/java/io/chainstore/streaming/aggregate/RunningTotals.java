package io.chainstore.streaming.aggregate;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Per key: the totals of every change so far, in checkpointed state, emitted as they grow.
 *
 * <p>Changes are first added up per key in memory and folded into the state every {@code
 * flushMillis} (or when {@code maxPendingKeys} keys wait): a busy key (a store's day) then costs
 * one state read and write and one output row per flush instead of per change. Everything pending
 * is folded in before a checkpoint's barrier passes, so a checkpoint holds exactly the changes
 * before it and a restore replays the rest from Kafka. After a restore the replayed changes rebuild
 * the same rows; the sink keeps the newest per key.
 */
public class RunningTotals<T extends Summable<T>> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {

  /** How long a change may wait in memory; the sinks add their own 100 ms on top. */
  public static final long FLUSH_MILLIS = 50;

  public static final int MAX_PENDING_KEYS = 20_000;

  private final TypeInformation<T> type;
  private final long flushMillis;
  private final int maxPendingKeys;
  private transient ValueState<T> totals;
  private transient Map<Object, T> pending;
  private transient boolean flushScheduled;

  public RunningTotals(TypeInformation<T> type) {
    this(type, FLUSH_MILLIS, MAX_PENDING_KEYS);
  }

  public RunningTotals(TypeInformation<T> type, long flushMillis, int maxPendingKeys) {
    this.type = type;
    this.flushMillis = flushMillis;
    this.maxPendingKeys = maxPendingKeys;
  }

  @Override
  public void open() throws Exception {
    super.open();
    totals = getKeyedStateStore().getState(new ValueStateDescriptor<>("totals", type));
    pending = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<T> element) throws Exception {
    pending.merge(getCurrentKey(), element.getValue(), (sum, change) -> sum.plus(change));
    if (pending.size() >= maxPendingKeys) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      long now = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService().registerTimer(now + flushMillis, time -> flush());
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  private void flush() throws Exception {
    flushScheduled = false;
    if (pending.isEmpty()) {
      return;
    }
    for (Map.Entry<Object, T> change : pending.entrySet()) {
      setCurrentKey(change.getKey());
      T before = totals.value();
      T after = before == null ? change.getValue() : before.plus(change.getValue());
      totals.update(after);
      output.collect(new StreamRecord<>(after));
    }
    pending.clear();
  }
}
