package io.chainstore.streaming.transfers;

import java.io.Serializable;

/**
 * Sales in units per day, exponentially weighted: each sale adds {@code units / meanAgeDays}, and
 * the rate decays by {@code e^(-Δt / meanAgeDays)}. A steady seller of r units a day converges to
 * r; a store that stops selling drifts to zero. Times are epoch milliseconds.
 */
public record Velocity(double perDay, long atMillis) implements Serializable {

  private static final double DAY_MILLIS = 86_400_000d;

  public static final Velocity NONE = new Velocity(0, Long.MIN_VALUE);

  /** The rate as of {@code millis} (never earlier than the last sale counted). */
  public double at(long millis, double meanAgeDays) {
    if (perDay == 0 || millis <= atMillis) {
      return perDay;
    }
    return perDay * Math.exp(-(millis - atMillis) / DAY_MILLIS / meanAgeDays);
  }

  /** With a sale of {@code units} at {@code millis} counted. */
  public Velocity plus(int units, long millis, double meanAgeDays) {
    long at = Math.max(millis, atMillis);
    return new Velocity(at(at, meanAgeDays) + units / meanAgeDays, at);
  }
}
