package io.chainstore.streaming.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderRow;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CouponAttributionsTest {

  private static final Instant PAID = Instant.parse("2026-11-27T10:00:00Z");

  private static OrderRow order(long id, String status, Instant paid, Instant cancelled) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    return new OrderRow(
        id,
        3,
        "pos",
        42L,
        status,
        9L,
        new BigDecimal("20.00"),
        zero,
        new BigDecimal("2.00"),
        zero,
        new BigDecimal("18.00"),
        zero,
        2,
        0,
        PAID.minusSeconds(60),
        paid,
        cancelled);
  }

  @Test
  void theRulesOfAttribution() {
    assertThat(Attribution.of(order(1, "created", null, null))).isNull();
    Attribution sale = Attribution.of(order(1, "paid", PAID, null));
    assertThat(sale.measures().redeemed()).isEqualTo(1);
    assertThat(sale.measures().discountCost()).isEqualByComparingTo("2.00");
    assertThat(sale.measures().attributedNetSales()).isEqualByComparingTo("18.00");
    assertThat(sale.at()).isEqualTo(PAID);
    Attribution released = Attribution.of(order(1, "cancelled", null, PAID.plusSeconds(5)));
    assertThat(released.measures()).isEqualTo(RoiMeasures.RELEASED);
    // Paid, then cancelled (refunded): it counts for nothing any more.
    assertThat(Attribution.of(order(1, "cancelled", PAID, PAID.plusSeconds(5)))).isNull();
  }

  @Test
  void anOrderBeforeItsCouponIsCountedOnceTheCouponIsKnown() throws Exception {
    try (KeyedTwoInputStreamOperatorTestHarness<Long, OrderEvent, CouponEvent, RoiDelta> harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new CouponAttributions(),
            event -> event.order().couponId(),
            event -> event.coupon().couponId(),
            Types.LONG)) {
      harness.processElement1(OrderEvent.of(order(1, "paid", PAID, null), 20, false), 0);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processElement2(
          new CouponEvent(new CouponRow(9, 77, 42, PAID.minusSeconds(3600)), 10, false), 0);
      assertThat(harness.extractOutputValues())
          .extracting(
              RoiDelta::templateId, d -> d.measures().issued(), d -> d.measures().redeemed())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(77L, 1L, 0L),
              org.assertj.core.groups.Tuple.tuple(77L, 0L, 1L));

      // The same coupon row again and the order's change again change nothing.
      harness.processElement2(
          new CouponEvent(new CouponRow(9, 77, 42, PAID.minusSeconds(3600)), 10, false), 0);
      harness.processElement1(OrderEvent.of(order(1, "paid", PAID, null), 20, false), 0);
      assertThat(harness.extractOutputValues()).hasSize(2);

      // Cancelled and refunded after payment: the redemption is taken back.
      harness.processElement1(
          OrderEvent.of(order(1, "cancelled", PAID, PAID.plusSeconds(60)), 30, false), 0);
      assertThat(harness.extractOutputValues().get(2).measures().redeemed()).isEqualTo(-1);
    }
  }
}
