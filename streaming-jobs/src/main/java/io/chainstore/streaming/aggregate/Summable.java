package io.chainstore.streaming.aggregate;

import java.io.Serializable;

/**
 * A row of totals that changes add up into: {@code plus} adds the figures and keeps the higher
 * version. The version is the highest source LSN among the changes in it, so it only grows, and a
 * replay reaches the same final version with the same figures; ClickHouse keeps the row of the
 * highest version (the newest insert among equal versions).
 */
public interface Summable<T extends Summable<T>> extends Serializable {

  /** The row's key, as text (stable across JVMs, so it partitions the same everywhere). */
  String id();

  T plus(T change);

  long version();
}
