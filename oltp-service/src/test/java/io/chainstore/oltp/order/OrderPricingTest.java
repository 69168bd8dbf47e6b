package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.coupon.CouponTerms;
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
    OrderPricing.Priced priced = OrderPricing.price(LINES, PRICES, BigDecimal.ZERO, null, 0, CENT);
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
    OrderPricing.Priced priced =
        OrderPricing.price(LINES, PRICES, new BigDecimal("3"), null, 500, CENT);
    assertThat(priced.memberDiscount()).isEqualByComparingTo("1.21");
    assertThat(priced.pointsDiscount()).isEqualByComparingTo("5.00");
    assertThat(priced.total()).isEqualByComparingTo("34.07");
  }

  @Test
  void pointsCanPayAllThatIsLeftButNoMore() {
    OrderPricing.Priced all =
        OrderPricing.price(LINES, PRICES, new BigDecimal("5"), null, 3827, CENT);
    assertThat(all.total()).isEqualByComparingTo("0.00");
    assertThatThrownBy(
            () -> OrderPricing.price(LINES, PRICES, new BigDecimal("5"), null, 3828, CENT))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("38.27");
  }

  @Test
  void couponComesAfterTheMemberDiscountAndBeforePoints() {
    CouponTerms tenPercentCappedAtThree =
        new CouponTerms(
            1,
            "percent_off",
            null,
            new BigDecimal("10"),
            new BigDecimal("3.00"),
            new BigDecimal("20.00"));
    // 40.28 - 1.21 (3 %) = 39.07; 10 % is 3.91, capped at 3.00; 100 points 1.00: 35.07.
    OrderPricing.Priced priced =
        OrderPricing.price(LINES, PRICES, new BigDecimal("3"), tenPercentCappedAtThree, 100, CENT);
    assertThat(priced.couponDiscount()).isEqualByComparingTo("3.00");
    assertThat(priced.total()).isEqualByComparingTo("35.07");

    CouponTerms fiftyOff =
        new CouponTerms(2, "amount_off", new BigDecimal("50.00"), null, null, BigDecimal.ZERO);
    assertThat(OrderPricing.price(LINES, PRICES, BigDecimal.ZERO, fiftyOff, 0, CENT).total())
        .isEqualByComparingTo("0.00");

    CouponTerms minimum100 =
        new CouponTerms(
            3, "amount_off", new BigDecimal("5.00"), null, null, new BigDecimal("100.00"));
    assertThatThrownBy(
            () -> OrderPricing.price(LINES, PRICES, BigDecimal.ZERO, minimum100, 0, CENT))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("minimum spend");
  }
}
