package io.chainstore.streaming.aggregate;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

/**
 * An operator that gathers its input in memory and works through it in batches: every {@code
 * flushMillis}, when {@code maxPending} items wait, and before each checkpoint barrier passes — so
 * a checkpoint holds exactly the input before it, and a restore replays the rest from Kafka.
 */
public abstract class MiniBatchOperator<OUT> extends AbstractStreamOperator<OUT> {

  private final long flushMillis;
  private final int maxPending;
  private transient boolean flushScheduled;

  protected MiniBatchOperator(long flushMillis, int maxPending) {
    this.flushMillis = flushMillis;
    this.maxPending = maxPending;
  }

  /** Works through everything gathered so far. */
  protected abstract void flushPending() throws Exception;

  /** Call after gathering an item: flushes a full batch, else makes sure a flush is due. */
  protected void gathered(int pending) throws Exception {
    if (pending >= maxPending) {
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
    flushPending();
  }
}
