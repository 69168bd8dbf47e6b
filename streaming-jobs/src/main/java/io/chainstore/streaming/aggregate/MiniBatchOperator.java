package io.chainstore.streaming.aggregate;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * An operator that gathers its input in memory and works through it in batches: {@code flushMillis}
 * after the first item of a batch, when {@code maxPending} items wait, and before each checkpoint
 * barrier passes — so a checkpoint holds exactly the input before it, and a restore replays the
 * rest from Kafka.
 *
 * <p>A backlog is batched longer: an item whose change reached Kafka more than {@link
 * #BACKLOG_AGE_MILLIS} ago (a replay, a catch-up after downtime; the record's timestamp) has lost
 * its freshness already, so its batch may wait {@link #BACKLOG_FLUSH_MILLIS} and add up more
 * changes per row. One fresh item brings the flush forward again.
 */
public abstract class MiniBatchOperator<OUT> extends AbstractStreamOperator<OUT> {

  public static final long BACKLOG_AGE_MILLIS = 5_000;
  public static final long BACKLOG_FLUSH_MILLIS = 1_000;

  private final long flushMillis;
  private final int maxPending;
  private transient long flushDue;

  protected MiniBatchOperator(long flushMillis, int maxPending) {
    this.flushMillis = flushMillis;
    this.maxPending = maxPending;
  }

  @Override
  public void open() throws Exception {
    super.open();
    flushDue = Long.MAX_VALUE;
  }

  /** Works through everything gathered so far. */
  protected abstract void flushPending() throws Exception;

  /**
   * Call after gathering an item from {@code element}: flushes a full batch, else makes sure a
   * flush is due in time for it.
   */
  protected void gathered(int pending, StreamRecord<?> element) throws Exception {
    if (pending >= maxPending) {
      flush();
      return;
    }
    long now = getProcessingTimeService().getCurrentProcessingTime();
    boolean backlog = element.hasTimestamp() && now - element.getTimestamp() > BACKLOG_AGE_MILLIS;
    long due = now + (backlog ? Math.max(flushMillis, BACKLOG_FLUSH_MILLIS) : flushMillis);
    if (due < flushDue) {
      flushDue = due;
      getProcessingTimeService()
          .registerTimer(
              due,
              time -> {
                if (time == flushDue) { // else flushed already, or a fresher item moved it
                  flush();
                }
              });
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
    flushDue = Long.MAX_VALUE;
    flushPending();
  }
}
