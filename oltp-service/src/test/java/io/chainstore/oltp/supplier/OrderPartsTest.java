package io.chainstore.oltp.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.stock.StockService.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderPartsTest {

  @Test
  void chainLinesStayTogetherAndEachSuppliersLinesFormOnePartInSupplierOrder() {
    List<Quantity> lines =
        List.of(
            new Quantity(0, 11, 1),
            new Quantity(1, 20, 2),
            new Quantity(2, 12, 3),
            new Quantity(3, 30, 4),
            new Quantity(4, 21, 5));
    OrderParts parts = OrderParts.split(lines, Map.of(20L, 7L, 21L, 7L, 30L, 3L));

    assertThat(parts.chain()).extracting(Quantity::index).containsExactly(0, 2);
    assertThat(parts.bySupplier().keySet()).containsExactly(3L, 7L);
    assertThat(parts.bySupplier().get(7L)).extracting(Quantity::index).containsExactly(1, 4);
    assertThat(parts.bySupplier().get(3L)).extracting(Quantity::skuId).containsExactly(30L);
  }

  @Test
  void anOrderWithoutSupplierSkusIsAllTheChains() {
    List<Quantity> lines = List.of(new Quantity(0, 1, 1), new Quantity(1, 2, 1));
    OrderParts parts = OrderParts.split(lines, Map.of());
    assertThat(parts.chain()).isEqualTo(lines);
    assertThat(parts.bySupplier()).isEmpty();
  }
}
