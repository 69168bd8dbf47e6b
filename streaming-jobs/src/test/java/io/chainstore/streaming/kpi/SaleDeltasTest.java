package io.chainstore.streaming.kpi;

import static io.chainstore.streaming.sales.Rows.facts;
import static io.chainstore.streaming.sales.Rows.line;
import static io.chainstore.streaming.sales.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderFacts;
import io.chainstore.streaming.sales.ReturnLineRow;
import io.chainstore.streaming.sales.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleDeltasTest {

  private static final OrderFacts CREATED =
      facts(
          order("created", "12.00", "10.00", 3, "0.00", 0, 42L),
          line(1, 101, 2, "8.00", "goods"),
          line(2, 102, 1, "4.00", "service"));

  private static OrderFacts paid() {
    return CREATED.with(
        OrderEvent.of(order("paid", "12.00", "10.00", 3, "0.00", 0, 42L), 20, false));
  }

  @Test
  void anUnpaidOrderCountsForNothing() {
    assertThat(Sale.of(CREATED)).isNull();
    assertThat(SaleDeltas.storeDeltas(null, Sale.of(CREATED), 10)).isEmpty();
  }

  @Test
  void aPaidMemberOrderCountsEverythingAtItsStoreAndTimeOfPayment() {
    Sale sale = Sale.of(paid());
    List<StoreDelta> deltas = SaleDeltas.storeDeltas(Sale.of(CREATED), sale, 20);
    assertThat(deltas).hasSize(1);
    StoreDelta delta = deltas.get(0);
    assertThat(delta.storeId()).isEqualTo(5);
    assertThat(delta.epochMilli()).isEqualTo(Rows.PAID.toEpochMilli());
    assertThat(delta.lsn()).isEqualTo(20);
    Measures m = delta.measures();
    assertThat(m.grossSales()).isEqualByComparingTo("12.00");
    assertThat(m.couponDiscount()).isEqualByComparingTo("2.00");
    assertThat(m.netSales()).isEqualByComparingTo("10.00");
    assertThat(m.paidOrders()).isEqualTo(1);
    assertThat(m.units()).isEqualTo(3);
    assertThat(m.memberOrders()).isEqualTo(1);
    assertThat(m.memberNetSales()).isEqualByComparingTo("10.00");
    // 10.00 spread over 8.00 and 4.00 of 12.00: 6.67 goods, the rest (3.33) services.
    assertThat(m.goodsNetSales()).isEqualByComparingTo("6.67");
    assertThat(m.goodsUnits()).isEqualTo(2);
    assertThat(m.serviceNetSales()).isEqualByComparingTo("3.33");
    assertThat(m.serviceUnits()).isEqualTo(1);
    assertThat(m.partNetSales()).isEqualByComparingTo("0.00");

    List<SkuDelta> skus = SaleDeltas.skuDeltas(null, sale, 20);
    assertThat(skus).extracting(SkuDelta::skuId).containsExactlyInAnyOrder(101L, 102L);
  }

  @Test
  void aPartialReturnTakesOffWhatWasRefundedWhereTheSaleCounted() {
    OrderFacts paid = paid();
    OrderFacts returned =
        paid.with(OrderEvent.of(new ReturnLineRow(3, 1, 1, 1, new BigDecimal("3.34")), 30, false))
            .with(
                OrderEvent.of(order("fulfilled", "12.00", "10.00", 3, "3.34", 1, 42L), 31, false));
    List<StoreDelta> deltas = SaleDeltas.storeDeltas(Sale.of(paid), Sale.of(returned), 31);
    assertThat(deltas).hasSize(1);
    Measures m = deltas.get(0).measures();
    assertThat(m.netSales()).isEqualByComparingTo("-3.34");
    assertThat(m.refunds()).isEqualByComparingTo("3.34");
    assertThat(m.paidOrders()).isZero();
    assertThat(m.units()).isEqualTo(-1);
    assertThat(m.goodsNetSales()).isEqualByComparingTo("-3.34");
    assertThat(m.grossSales()).isEqualByComparingTo("0.00");
  }

  @Test
  void aCancelledSaleIsTakenOutEntirely() {
    OrderFacts cancelled =
        paid()
            .with(
                OrderEvent.of(order("cancelled", "12.00", "10.00", 3, "0.00", 0, 42L), 40, false));
    List<StoreDelta> deltas = SaleDeltas.storeDeltas(Sale.of(paid()), Sale.of(cancelled), 40);
    assertThat(deltas).hasSize(1);
    assertThat(deltas.get(0).measures()).isEqualTo(Sale.of(paid()).measures().negate());
    assertThat(SaleDeltas.skuDeltas(Sale.of(paid()), Sale.of(cancelled), 40))
        .extracting(SkuDelta::units)
        .containsExactlyInAnyOrder(-2L, -1L);
  }

  @Test
  void nothingChangesNothing() {
    assertThat(SaleDeltas.storeDeltas(Sale.of(paid()), Sale.of(paid()), 50)).isEmpty();
    assertThat(SaleDeltas.skuDeltas(Sale.of(paid()), Sale.of(paid()), 50)).isEmpty();
  }

  @Test
  void aLineArrivingAfterThePaymentOnlyMovesTheSplitByKind() {
    OrderFacts withoutLine2 =
        facts(order("paid", "12.00", "10.00", 3, "0.00", 0, 42L), line(1, 101, 2, "8.00", "goods"));
    OrderFacts complete =
        withoutLine2.with(OrderEvent.of(line(2, 102, 1, "4.00", "service"), 60, false));
    Measures change =
        SaleDeltas.storeDeltas(Sale.of(withoutLine2), Sale.of(complete), 60).get(0).measures();
    assertThat(change.netSales()).isEqualByComparingTo("0.00");
    assertThat(change.paidOrders()).isZero();
    assertThat(change.goodsNetSales()).isEqualByComparingTo("-3.33");
    assertThat(change.serviceNetSales()).isEqualByComparingTo("3.33");
  }
}
