package io.chainstore.oltp.supplier;

import io.chainstore.oltp.stock.StockService.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an order's lines split into parts: the chain's own lines, and each supplier's lines (by
 * supplier id, in id order, so parts are always created and reserved in the same order).
 */
record OrderParts(List<Quantity> chain, Map<Long, List<Quantity>> bySupplier) {

  /** Splits {@code lines} by the supplier of each SKU ({@code supplierOf}; absent: the chain's). */
  static OrderParts split(List<Quantity> lines, Map<Long, Long> supplierOf) {
    List<Quantity> chain = new ArrayList<>();
    Map<Long, List<Quantity>> bySupplier = new TreeMap<>();
    for (Quantity line : lines) {
      Long supplier = supplierOf.get(line.skuId());
      if (supplier == null) {
        chain.add(line);
      } else {
        bySupplier.computeIfAbsent(supplier, s -> new ArrayList<>()).add(line);
      }
    }
    bySupplier.replaceAll((s, part) -> Collections.unmodifiableList(part));
    return new OrderParts(List.copyOf(chain), Collections.unmodifiableMap(bySupplier));
  }
}
