package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final List<CreateOrderRequest.Line> LINES =
      List.of(new CreateOrderRequest.Line(1L, 3), new CreateOrderRequest.Line(2L, 2));
  private static final Map<Long, BigDecimal> PRICES =
      Map.of(1L, new BigDecimal("0.10"), 2L, new BigDecimal("19.99"));

  @Test
  void sumsLinesExactlyInDecimal() {
    // 0.10 * 3 is 0.30000000000000004 in double; here it must be exactly 0.30.
    OrderPricing.Priced priced = OrderPricing.price(LINES, PRICES, BigDecimal.ZERO, 0, CENT);
    assertThat(priced.subtotal()).isEqualByComparingTo("40.28");
    assertThat(priced.total()).isEqualByComparingTo("40.28");
    assertThat(priced.total().scale()).isEqualTo(2);
    assertThat(priced.units()).isEqualTo(5);
    assertThat(priced.lines())
        .extracting(Order.OrderLine::lineAmount)
        .containsExactly(new BigDecimal("0.30"), new BigDecimal("39.98"));
    assertThat(priced.lines()).extracting(Order.OrderLine::lineNo).containsExactly(1, 2);
  }

  @Test
  void memberDiscountFirstRoundedHalfEvenThenPoints() {
    // 3 % of 40.28 is 1.2084 -> 1.21; 500 points are 5.00; 40.28 - 1.21 - 5.00 = 34.07.
    OrderPricing.Priced priced = OrderPricing.price(LINES, PRICES, new BigDecimal("3"), 500, CENT);
    assertThat(priced.memberDiscount()).isEqualByComparingTo("1.21");
    assertThat(priced.pointsDiscount()).isEqualByComparingTo("5.00");
    assertThat(priced.total()).isEqualByComparingTo("34.07");
  }

  @Test
  void pointsCanPayAllThatIsLeftButNoMore() {
    OrderPricing.Priced all = OrderPricing.price(LINES, PRICES, new BigDecimal("5"), 3827, CENT);
    assertThat(all.total()).isEqualByComparingTo("0.00");
    assertThatThrownBy(() -> OrderPricing.price(LINES, PRICES, new BigDecimal("5"), 3828, CENT))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("38.27");
  }
}
