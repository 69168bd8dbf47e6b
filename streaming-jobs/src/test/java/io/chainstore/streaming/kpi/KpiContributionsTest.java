package io.chainstore.streaming.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiContributionsTest {

  private static final Instant PAID = Instant.parse("2026-11-27T10:15:30Z");

  private static OrderState order(String status, String total, Instant paidAt) {
    return returned(status, total, paidAt, "0.00", 0);
  }

  private static OrderState returned(
      String status, String total, Instant paidAt, String refunded, int returnedUnits) {
    return new OrderState(
        1,
        5,
        "pos",
        status,
        new BigDecimal(total),
        3,
        new BigDecimal(refunded),
        returnedUnits,
        paidAt,
        false);
  }

  @Test
  void anUnpaidOrderContributesNothing() {
    assertThat(KpiContributions.deltas(null, order("created", "10.00", null))).isEmpty();
  }

  @Test
  void payingAddsToTheMinuteAndTheDayOfPayment() {
    List<KpiDelta> deltas =
        KpiContributions.deltas(order("created", "10.00", null), order("paid", "10.00", PAID));
    assertThat(deltas).hasSize(2);
    assertThat(deltas.get(0).key())
        .isEqualTo(
            new KpiKey("minute", 5, "pos", Instant.parse("2026-11-27T10:15:00Z").getEpochSecond()));
    assertThat(deltas.get(1).key())
        .isEqualTo(
            new KpiKey("day", 5, "pos", Instant.parse("2026-11-27T00:00:00Z").getEpochSecond()));
    assertThat(deltas)
        .allSatisfy(
            d -> {
              assertThat(d.netSales()).isEqualByComparingTo("10.00");
              assertThat(d.paidOrders()).isEqualTo(1);
              assertThat(d.units()).isEqualTo(3);
            });
  }

  @Test
  void paidThenCancelledNetsToZero() {
    OrderState paid = order("paid", "10.00", PAID);
    List<KpiDelta> added = KpiContributions.deltas(null, paid);
    List<KpiDelta> removed = KpiContributions.deltas(paid, order("cancelled", "10.00", PAID));
    assertThat(removed).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(removed.get(i).key()).isEqualTo(added.get(i).key());
      assertThat(added.get(i).netSales().add(removed.get(i).netSales())).isEqualByComparingTo("0");
      assertThat(added.get(i).paidOrders() + removed.get(i).paidOrders()).isZero();
      assertThat(added.get(i).units() + removed.get(i).units()).isZero();
    }
  }

  @Test
  void anUpdateThatChangesNothingCountedEmitsNothing() {
    OrderState paid = order("paid", "10.00", PAID);
    assertThat(KpiContributions.deltas(paid, order("paid", "10.0", PAID))).isEmpty();
  }

  @Test
  void aDeletedPaidOrderIsRemoved() {
    List<KpiDelta> deltas =
        KpiContributions.deltas(order("paid", "4.50", PAID), OrderState.deleted(1));
    assertThat(deltas).extracting(KpiDelta::paidOrders).containsExactly(-1L, -1L);
  }

  @Test
  void aggregateVersionsIncreaseWithEveryDelta() {
    KpiKey key = new KpiKey("minute", 5, "pos", 0);
    KpiRow one = KpiAggregateFunction.apply(null, new KpiDelta(key, new BigDecimal("10.00"), 1, 2));
    KpiRow two =
        KpiAggregateFunction.apply(one, new KpiDelta(key, new BigDecimal("-10.00"), -1, -2));
    KpiRow three = KpiAggregateFunction.apply(two, new KpiDelta(key, new BigDecimal("0.01"), 1, 1));
    assertThat(List.of(one.version(), two.version(), three.version())).containsExactly(1L, 2L, 3L);
    assertThat(two.netSales()).isEqualByComparingTo("0");
    assertThat(three.netSales()).isEqualByComparingTo("0.01");
    assertThat(three.paidOrders()).isEqualTo(1);
  }

  @Test
  void handedOverOrdersStillCountAndPartialReturnsReduceThem() {
    OrderState paid = order("paid", "30.00", PAID);
    assertThat(KpiContributions.deltas(paid, order("fulfilled", "30.00", PAID))).isEmpty();
    List<KpiDelta> partial =
        KpiContributions.deltas(
            order("fulfilled", "30.00", PAID), returned("fulfilled", "30.00", PAID, "10.00", 1));
    // Out with the old contribution, in with the net one: 30.00/3 units -> 20.00/2 units.
    assertThat(partial).hasSize(4);
    assertThat(partial.get(0).netSales().add(partial.get(2).netSales()))
        .isEqualByComparingTo("-10.00");
    assertThat(partial.get(2).units()).isEqualTo(2);
    assertThat(partial.get(2).paidOrders()).isEqualTo(1);
    List<KpiDelta> all =
        KpiContributions.deltas(
            returned("fulfilled", "30.00", PAID, "10.00", 1),
            returned("returned", "30.00", PAID, "30.00", 3));
    assertThat(all).extracting(KpiDelta::paidOrders).containsExactly(-1L, -1L);
    assertThat(all.get(0).netSales()).isEqualByComparingTo("-20.00");
  }
}
