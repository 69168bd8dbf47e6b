package io.chainstore.streaming.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.repairs.WorkOrderEvent;
import io.chainstore.streaming.repairs.WorkOrderFacts;
import io.chainstore.streaming.repairs.WorkOrderLineRow;
import io.chainstore.streaming.repairs.WorkOrderRow;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepairSalesTest {

  private static final Instant PAID = Instant.parse("2026-11-27T18:00:00Z");

  private static WorkOrderRow order(String status, Instant paidAt) {
    return new WorkOrderRow(
        7,
        1,
        42L,
        status,
        new BigDecimal("9.00"),
        new BigDecimal("30.00"),
        new BigDecimal("39.00"),
        paidAt);
  }

  private static WorkOrderFacts facts(WorkOrderRow order) {
    return WorkOrderFacts.empty()
        .with(WorkOrderEvent.of(order, 10, false))
        .with(
            WorkOrderEvent.of(
                new WorkOrderLineRow(7, 1, "part", 501L, 3, new BigDecimal("9.00")), 11, false))
        .with(
            WorkOrderEvent.of(
                new WorkOrderLineRow(7, 2, "labour", null, 0, new BigDecimal("30.00")), 12, false));
  }

  @Test
  void aPaidRepairSellsItsPartsAndLabourOnSite() {
    Sale sale = RepairSales.of(facts(order("completed", PAID)));
    assertThat(sale.channel()).isEqualTo("onsite");
    assertThat(sale.paidAt()).isEqualTo(PAID);
    Measures m = sale.measures();
    assertThat(m.netSales()).isEqualByComparingTo("39.00");
    assertThat(m.paidOrders()).isEqualTo(1);
    assertThat(m.units()).isEqualTo(3);
    assertThat(m.partNetSales()).isEqualByComparingTo("9.00");
    assertThat(m.partUnits()).isEqualTo(3);
    assertThat(m.serviceNetSales()).isEqualByComparingTo("30.00");
    assertThat(m.memberNetSales()).isEqualByComparingTo("39.00");
    assertThat(sale.skus()).containsOnlyKeys(501L);
    assertThat(sale.skus().get(501L).units()).isEqualTo(3);
  }

  @Test
  void anUnpaidRepairCountsForNothingAndARemovedLineLeavesTheSale() {
    assertThat(RepairSales.of(facts(order("confirmed", null)))).isNull();
    WorkOrderFacts removed =
        facts(order("paid", PAID))
            .with(
                WorkOrderEvent.of(
                    new WorkOrderLineRow(7, 1, "part", 501L, 3, new BigDecimal("9.00")), 13, true));
    assertThat(RepairSales.of(removed).skus()).isEmpty();
    // A redelivered line change is a duplicate.
    assertThat(
            removed.isDuplicate(
                WorkOrderEvent.of(
                    new WorkOrderLineRow(7, 1, "part", 501L, 3, new BigDecimal("9.00")),
                    11,
                    false)))
        .isTrue();
  }
}
