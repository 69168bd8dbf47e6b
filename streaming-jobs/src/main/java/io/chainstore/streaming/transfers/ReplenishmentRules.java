package io.chainstore.streaming.transfers;

import java.io.Serializable;
import java.time.Duration;

/**
 * The replenishment rule and its parameters, in one place (the same for every category).
 *
 * <ul>
 *   <li>A store's <b>position</b> for a SKU is what it can sell without help: on hand − reserved +
 *       in transit to it.
 *   <li>Its <b>velocity</b> is its exponentially weighted sales in units per day ({@link Velocity},
 *       mean age {@code velocityDays}).
 *   <li>Its <b>reorder point</b> is ⌈velocity × {@code leadDays} + {@code safetyUnits}⌉: what it
 *       sells while a transfer is on its way, plus a margin.
 *   <li>Under the reorder point it should be brought up to its <b>target level</b>, ⌈velocity ×
 *       ({@code leadDays} + {@code coverDays}) + {@code safetyUnits}⌉.
 *   <li>A <b>donor</b> spares what it has available beyond what it needs itself: a store beyond its
 *       own target level (so giving never pushes it under its own cover), a warehouse beyond {@code
 *       warehouseKeepUnits}. Units it has already promised in live suggestions are not spare.
 * </ul>
 */
public record ReplenishmentRules(
    double velocityDays,
    double leadDays,
    double coverDays,
    int safetyUnits,
    int warehouseKeepUnits,
    Duration confirmTimeout,
    Duration rejectedCooldown)
    implements Serializable {

  public static ReplenishmentRules defaults() {
    return new ReplenishmentRules(7, 2, 7, 2, 0, Duration.ofMinutes(1), Duration.ofDays(1));
  }

  public int reorderPoint(double velocityPerDay) {
    return (int) Math.ceil(velocityPerDay * leadDays + safetyUnits);
  }

  public int targetLevel(double velocityPerDay) {
    return (int) Math.ceil(velocityPerDay * (leadDays + coverDays) + safetyUnits);
  }

  /** The units a store at {@code position} should receive: none unless under its reorder point. */
  public int need(int position, double velocityPerDay) {
    return position < reorderPoint(velocityPerDay) ? targetLevel(velocityPerDay) - position : 0;
  }

  /** What a location can give away now without running short itself. */
  public int spare(boolean warehouse, int available, int promised, double velocityPerDay) {
    int keep = warehouse ? warehouseKeepUnits : targetLevel(velocityPerDay);
    return Math.max(0, available - promised - keep);
  }
}
