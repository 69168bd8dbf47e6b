package io.chainstore.streaming.aggregate;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Totals per row id under the operator's key, in checkpointed state, emitted as they grow.
 *
 * <p>Changes are first added up per row in memory and folded into the state in batches ({@link
 * MiniBatchOperator}): a busy row (a store's day) then costs one state read and write and one
 * output row per batch instead of per change. After a restore the replayed changes rebuild the same
 * rows; the sink keeps the newest per id.
 *
 * <p>With {@link #withChanges} each batch's sum per row also goes to a side output: what a coarser
 * total downstream (the chain instead of a store) adds up, with the rows already in their buckets.
 */
public abstract class MiniBatchTotals<T extends Summable<T>> extends MiniBatchOperator<T> {

  /** How long a change may wait in memory; the sinks add their own flush interval on top. */
  public static final long FLUSH_MILLIS = 20;

  public static final int MAX_PENDING_ROWS = 20_000;

  private final TypeInformation<T> type;
  private OutputTag<T> changes;
  private transient MapState<String, T> totals;
  private transient Map<Object, Map<String, T>> pending;
  private transient int pendingRows;

  protected MiniBatchTotals(TypeInformation<T> type, long flushMillis, int maxPendingRows) {
    super(flushMillis, maxPendingRows);
    this.type = type;
  }

  /** Sends each batch's sum per row to {@code tag} as well. */
  public MiniBatchTotals<T> withChanges(OutputTag<T> tag) {
    this.changes = tag;
    return this;
  }

  @Override
  public void open() throws Exception {
    super.open();
    totals =
        getKeyedStateStore().getMapState(new MapStateDescriptor<>("totals", Types.STRING, type));
    pending = new HashMap<>();
  }

  /** Adds a change to its row under the current key. */
  protected void add(T change) throws Exception {
    Map<String, T> rows = pending.computeIfAbsent(getCurrentKey(), key -> new HashMap<>());
    String id = change.id();
    T before = rows.get(id);
    rows.put(id, before == null ? change : before.plus(change));
    if (before == null) {
      pendingRows++;
    }
    gathered(pendingRows);
  }

  @Override
  protected void flushPending() throws Exception {
    for (Map.Entry<Object, Map<String, T>> key : pending.entrySet()) {
      setCurrentKey(key.getKey());
      for (Map.Entry<String, T> change : key.getValue().entrySet()) {
        T before = totals.get(change.getKey());
        T after = before == null ? change.getValue() : before.plus(change.getValue());
        totals.put(change.getKey(), after);
        output.collect(new StreamRecord<>(after));
        if (changes != null) {
          output.collect(changes, new StreamRecord<>(change.getValue()));
        }
      }
    }
    pending.clear();
    pendingRows = 0;
  }
}
