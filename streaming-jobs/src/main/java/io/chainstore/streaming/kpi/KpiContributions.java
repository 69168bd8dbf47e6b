package io.chainstore.streaming.kpi;

import java.util.ArrayList;
import java.util.List;

/**
 * What an order adds to the KPIs, and how that changes when the order changes. A paid order adds
 * its total, one order and its units to the minute and the day of its payment; cancelled or
 * refunded, it adds nothing, so a paid-then-cancelled order nets to zero in the bucket where it was
 * counted.
 */
public final class KpiContributions {

  public static final List<String> GRAINS = List.of(KpiKey.MINUTE, KpiKey.DAY);

  private KpiContributions() {}

  /** The deltas that take the KPIs from counting {@code before} to counting {@code after}. */
  public static List<KpiDelta> deltas(OrderState before, OrderState after) {
    List<KpiDelta> out = new ArrayList<>(4);
    boolean wasCounted = before != null && before.countsAsSale();
    boolean isCounted = after != null && after.countsAsSale();
    if (wasCounted && isCounted && sameContribution(before, after)) {
      return out;
    }
    if (wasCounted) {
      for (String grain : GRAINS) {
        out.add(
            new KpiDelta(key(grain, before), before.netAmount().negate(), -1, -before.netUnits()));
      }
    }
    if (isCounted) {
      for (String grain : GRAINS) {
        out.add(new KpiDelta(key(grain, after), after.netAmount(), 1, after.netUnits()));
      }
    }
    return out;
  }

  private static KpiKey key(String grain, OrderState order) {
    return KpiKey.of(grain, order.storeId(), order.channel(), order.paidAt());
  }

  private static boolean sameContribution(OrderState a, OrderState b) {
    return a.storeId() == b.storeId()
        && a.channel().equals(b.channel())
        && a.paidAt().equals(b.paidAt())
        && a.netAmount().compareTo(b.netAmount()) == 0
        && a.netUnits() == b.netUnits();
  }
}
