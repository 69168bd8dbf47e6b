package io.chainstore.streaming.sink;

import java.io.Serializable;

/**
 * How long a sink waits before trying a failed write again: doubling from {@code firstMillis} up to
 * {@code maxMillis}, for as long as the write fails. A ClickHouse outage of any length then holds
 * the job back (Kafka keeps the changes) instead of failing it for good.
 */
public record Backoff(long firstMillis, long maxMillis) implements Serializable {

  public Backoff {
    if (firstMillis <= 0 || maxMillis < firstMillis) {
      throw new IllegalArgumentException(
          "backoff needs 0 < first (" + firstMillis + ") <= max (" + maxMillis + ")");
    }
  }

  /** The wait before the given retry (1 = the first retry). */
  public long delayMillis(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1, got " + retry);
    }
    long delay = firstMillis;
    for (int i = 1; i < retry && delay < maxMillis; i++) {
      delay = delay > maxMillis / 2 ? maxMillis : delay * 2;
    }
    return Math.min(delay, maxMillis);
  }
}
