package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

  @Test
  void sumsLinesExactlyInDecimal() {
    // 0.10 * 3 is 0.30000000000000004 in double; here it must be exactly 0.30.
    OrderPricing.Priced priced =
        OrderPricing.price(
            List.of(new CreateOrderRequest.Line(1L, 3), new CreateOrderRequest.Line(2L, 2)),
            Map.of(1L, new BigDecimal("0.10"), 2L, new BigDecimal("19.99")));
    assertThat(priced.total()).isEqualByComparingTo("40.28");
    assertThat(priced.total().scale()).isEqualTo(2);
    assertThat(priced.units()).isEqualTo(5);
    assertThat(priced.lines())
        .extracting(Order.OrderLine::lineAmount)
        .containsExactly(new BigDecimal("0.30"), new BigDecimal("39.98"));
    assertThat(priced.lines()).extracting(Order.OrderLine::lineNo).containsExactly(1, 2);
  }
}
