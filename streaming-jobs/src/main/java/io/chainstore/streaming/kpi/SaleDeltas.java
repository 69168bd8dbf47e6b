package io.chainstore.streaming.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes that take the KPIs from counting one version of a sale to counting the next: nothing
 * when nothing changed, the difference when it counts in the same buckets, else the old taken out
 * where it was and the new added where it is.
 */
public final class SaleDeltas {

  private SaleDeltas() {}

  public static List<StoreDelta> storeDeltas(Sale before, Sale after, long lsn) {
    List<StoreDelta> out = new ArrayList<>(2);
    if (before != null && before.sameBuckets(after)) {
      Measures change = after.measures().minus(before.measures());
      if (!change.isZero()) {
        out.add(delta(after, change, lsn));
      }
      return out;
    }
    if (before != null) {
      out.add(delta(before, before.measures().negate(), lsn));
    }
    if (after != null) {
      out.add(delta(after, after.measures(), lsn));
    }
    return out;
  }

  public static List<SkuDelta> skuDeltas(Sale before, Sale after, long lsn) {
    List<SkuDelta> out = new ArrayList<>();
    if (before != null && before.sameBuckets(after)) {
      Set<Long> skus = new HashSet<>(before.skus().keySet());
      skus.addAll(after.skus().keySet());
      for (long sku : skus) {
        Sale.SkuFigures was = before.skus().get(sku);
        Sale.SkuFigures is = after.skus().get(sku);
        BigDecimal net =
            (is == null ? BigDecimal.ZERO : is.netSales())
                .subtract(was == null ? BigDecimal.ZERO : was.netSales());
        long units = (is == null ? 0 : is.units()) - (was == null ? 0 : was.units());
        if (net.signum() != 0 || units != 0) {
          out.add(skuDelta(after, sku, net, units, lsn));
        }
      }
      return out;
    }
    if (before != null) {
      before
          .skus()
          .forEach(
              (sku, f) -> out.add(skuDelta(before, sku, f.netSales().negate(), -f.units(), lsn)));
    }
    if (after != null) {
      after.skus().forEach((sku, f) -> out.add(skuDelta(after, sku, f.netSales(), f.units(), lsn)));
    }
    return out;
  }

  private static StoreDelta delta(Sale sale, Measures measures, long lsn) {
    return new StoreDelta(
        sale.storeId(), sale.channel(), sale.paidAt().toEpochMilli(), lsn, measures);
  }

  private static SkuDelta skuDelta(Sale sale, long sku, BigDecimal net, long units, long lsn) {
    return new SkuDelta(sale.storeId(), sku, sale.paidAt().toEpochMilli(), lsn, net, units);
  }
}
