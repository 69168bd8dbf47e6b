package io.chainstore.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated history, drawn in memory: reproducible, consistent as the service writes it. */
class ChainHistoryTest {

  private static final GenerateOptions OPTIONS =
      new GenerateOptions(4_000, 8, 400, 365, 80_000, 5, LocalDate.parse("2026-11-27"));

  private static Captured history;

  /** Keeps every row, by table, as the strings COPY would receive. */
  static final class Captured implements HistoryRows {
    final Map<HistoryTable, List<List<String>>> rows = new EnumMap<>(HistoryTable.class);
    int days;

    @Override
    public void add(HistoryTable table, Object... values) {
      List<String> row = new ArrayList<>();
      for (Object v : values) {
        row.add(v == null ? null : v.toString());
      }
      rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    @Override
    public void endOfDay(LocalDate day) {
      days++;
    }

    List<List<String>> of(HistoryTable table) {
      return rows.getOrDefault(table, List.of());
    }

    Map<String, String> row(HistoryTable table, List<String> values) {
      Map<String, String> named = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        named.put(table.columns().get(i), values.get(i));
      }
      return named;
    }
  }

  @BeforeAll
  static void draw() {
    history = new Captured();
    HistorySummary summary = new ChainHistory(OPTIONS).write(history);
    assertThat(summary.orders()).isEqualTo(history.of(HistoryTable.ORDERS).size());
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    Captured again = new Captured();
    new ChainHistory(OPTIONS).write(again);
    assertThat(again.rows).isEqualTo(history.rows);

    Captured other = new Captured();
    new ChainHistory(
            new GenerateOptions(4_000, 8, 400, 365, 80_000, 6, LocalDate.parse("2026-11-27")))
        .write(other);
    assertThat(other.of(HistoryTable.ORDERS)).isNotEqualTo(history.of(HistoryTable.ORDERS));
  }

  @Test
  void theVolumeIsWhatWasAskedFor() {
    int lines = history.of(HistoryTable.ORDER_LINES).size();
    assertThat(lines).isBetween(72_000, 88_000);
    assertThat(history.of(HistoryTable.MEMBERS)).hasSize(4_000);
    assertThat(history.of(HistoryTable.LOCATIONS)).hasSize(9);
    assertThat(history.of(HistoryTable.SKUS)).hasSize(400);
    // every store and the warehouse hold every SKU
    assertThat(history.of(HistoryTable.STOCK)).hasSize(9 * 400);
    assertThat(history.days).isEqualTo(365 + 2);
  }

  @Test
  void everyOrderAddsUpAsTheServiceWouldHaveWrittenIt() {
    Map<String, Long> subtotals = new HashMap<>();
    Map<String, Integer> units = new HashMap<>();
    Map<String, Integer> returnedUnits = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.ORDER_LINES)) {
      Map<String, String> l = history.row(HistoryTable.ORDER_LINES, values);
      long amount = cents(l.get("line_amount"));
      int quantity = Integer.parseInt(l.get("quantity"));
      assertThat(amount).isEqualTo(quantity * cents(l.get("unit_price")));
      subtotals.merge(l.get("order_id"), amount, Long::sum);
      units.merge(l.get("order_id"), quantity, Integer::sum);
      returnedUnits.merge(
          l.get("order_id"), Integer.parseInt(l.get("returned_quantity")), Integer::sum);
    }
    Map<String, Long> paid = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.ORDER_PAYMENTS)) {
      Map<String, String> p = history.row(HistoryTable.ORDER_PAYMENTS, values);
      if (p.get("tendered") != null) {
        assertThat(p.get("method")).isEqualTo("cash");
        assertThat(cents(p.get("tendered")))
            .isEqualTo(cents(p.get("amount")) + cents(p.get("change")));
      }
      paid.merge(p.get("order_id"), cents(p.get("amount")), Long::sum);
    }
    Map<String, Long> refunds = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.ORDER_RETURNS)) {
      Map<String, String> r = history.row(HistoryTable.ORDER_RETURNS, values);
      refunds.merge(r.get("order_id"), cents(r.get("refund_amount")), Long::sum);
    }
    long previousId = 0;
    for (List<String> values : history.of(HistoryTable.ORDERS)) {
      Map<String, String> o = history.row(HistoryTable.ORDERS, values);
      String id = o.get("id");
      assertThat(Long.parseLong(id)).isEqualTo(previousId + 1);
      previousId++;
      long subtotal = cents(o.get("subtotal_amount"));
      long total = cents(o.get("total_amount"));
      assertThat(subtotal).as("order %s", id).isEqualTo(subtotals.get(id));
      assertThat(total).isEqualTo(subtotal - cents(o.get("coupon_discount")));
      assertThat(Integer.parseInt(o.get("total_units"))).isEqualTo(units.get(id));
      assertThat(Integer.parseInt(o.get("returned_units"))).isEqualTo(returnedUnits.get(id));
      assertThat(Integer.parseInt(o.get("returned_units"))).isLessThan(units.get(id));
      assertThat(cents(o.get("refunded_amount"))).isEqualTo(refunds.getOrDefault(id, 0L));
      assertThat(cents(o.get("refunded_amount"))).isLessThanOrEqualTo(total);
      if (o.get("status").equals("cancelled")) {
        assertThat(o.get("paid_at")).isNull();
        assertThat(paid).doesNotContainKey(id);
      } else {
        assertThat(Instant.parse(o.get("paid_at"))).isAfter(Instant.parse(o.get("created_at")));
        assertThat(paid.getOrDefault(id, 0L)).isEqualTo(total);
      }
    }
  }

  @Test
  void theLastWeeksSalesLeaveTheStockThroughTheLedger() {
    Map<String, Integer> opening = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.STOCK)) {
      opening.put(values.get(0) + "@" + values.get(1), Integer.parseInt(values.get(2)));
    }
    Map<String, Integer> sold = new HashMap<>();
    LocalDate weekStart = OPTIONS.endDate().minusDays(ChainHistory.LEDGER_DAYS - 1L);
    Map<String, String> storeOf = new HashMap<>();
    Map<String, Boolean> countsOf = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.ORDERS)) {
      Map<String, String> o = history.row(HistoryTable.ORDERS, values);
      storeOf.put(o.get("id"), o.get("store_id"));
      LocalDate day = LocalDate.ofInstant(Instant.parse(o.get("created_at")), ZoneOffset.UTC);
      countsOf.put(o.get("id"), !o.get("status").equals("cancelled") && !day.isBefore(weekStart));
    }
    for (List<String> values : history.of(HistoryTable.ORDER_LINES)) {
      Map<String, String> l = history.row(HistoryTable.ORDER_LINES, values);
      if (countsOf.get(l.get("order_id"))) {
        sold.merge(
            l.get("sku_id") + "@" + storeOf.get(l.get("order_id")),
            Integer.parseInt(l.get("quantity")) - Integer.parseInt(l.get("returned_quantity")),
            Integer::sum);
      }
    }
    sold.values().removeIf(q -> q == 0);
    Map<String, Integer> ledger = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.STOCK_SALES)) {
      ledger.put(values.get(0) + "@" + values.get(1), Integer.parseInt(values.get(2)));
    }
    assertThat(ledger).isNotEmpty().isEqualTo(sold);
    ledger.forEach((item, units) -> assertThat(opening.get(item)).isGreaterThanOrEqualTo(units));
  }

  @Test
  void couponsAreRedeemedOnceByTheirOwnMembersWithinTheirCampaign() {
    Map<String, String> memberOfCoupon = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.COUPONS)) {
      Map<String, String> c = history.row(HistoryTable.COUPONS, values);
      memberOfCoupon.put(c.get("id"), c.get("member_id"));
    }
    Map<String, Map<String, String>> orders = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.ORDERS)) {
      Map<String, String> o = history.row(HistoryTable.ORDERS, values);
      orders.put(o.get("id"), o);
    }
    Set<String> redeemed = new HashSet<>();
    for (List<String> values : history.of(HistoryTable.REDEEMED)) {
      Map<String, String> r = history.row(HistoryTable.REDEEMED, values);
      assertThat(redeemed.add(r.get("id"))).isTrue();
      Map<String, String> order = orders.get(r.get("order_id"));
      assertThat(order.get("coupon_id")).isEqualTo(r.get("id"));
      assertThat(order.get("member_id")).isEqualTo(memberOfCoupon.get(r.get("id")));
      assertThat(cents(order.get("subtotal_amount"))).isGreaterThanOrEqualTo(3_000);
    }
    // Some redeem, most do not: enough outcomes of both kinds to learn from.
    assertThat(redeemed.size()).isBetween(memberOfCoupon.size() / 20, memberOfCoupon.size() / 2);
  }

  @Test
  void membersBuyAgainAtTheirOwnRateAndJoinInIdOrder() {
    Instant previous = Instant.MIN;
    for (List<String> values : history.of(HistoryTable.MEMBERS)) {
      Instant joined = Instant.parse(history.row(HistoryTable.MEMBERS, values).get("created_at"));
      assertThat(joined).isAfterOrEqualTo(previous);
      previous = joined;
    }
    Map<String, Integer> ordersPerMember = new HashMap<>();
    int memberOrders = 0;
    for (List<String> values : history.of(HistoryTable.ORDERS)) {
      String member = history.row(HistoryTable.ORDERS, values).get("member_id");
      if (member != null) {
        memberOrders++;
        ordersPerMember.merge(member, 1, Integer::sum);
      }
    }
    double share = (double) memberOrders / history.of(HistoryTable.ORDERS).size();
    assertThat(share).isBetween(0.6, 0.8);
    long repeat = ordersPerMember.values().stream().filter(n -> n >= 2).count();
    long heavy = ordersPerMember.values().stream().filter(n -> n >= 15).count();
    assertThat(repeat).isGreaterThan(ordersPerMember.size() / 2);
    assertThat(heavy).isPositive();
    // and some never buy in the window at all (lapsed before it)
    assertThat(ordersPerMember.size()).isLessThan(4_000);
  }

  @Test
  void saturdaysAndDecemberAreBusierThanSundaysAndFebruary() {
    Map<DayOfWeek, Integer> byWeekday = new EnumMap<>(DayOfWeek.class);
    Map<Integer, Integer> byMonth = new HashMap<>();
    for (List<String> values : history.of(HistoryTable.ORDERS)) {
      LocalDate day =
          LocalDate.ofInstant(
              Instant.parse(history.row(HistoryTable.ORDERS, values).get("created_at")),
              ZoneOffset.UTC);
      byWeekday.merge(day.getDayOfWeek(), 1, Integer::sum);
      byMonth.merge(day.getMonthValue(), 1, Integer::sum);
    }
    assertThat(byWeekday.get(DayOfWeek.SATURDAY))
        .isGreaterThan(byWeekday.get(DayOfWeek.SUNDAY) * 3 / 2);
    // December 2025 is in the window (2025-11-28 .. 2026-11-27); February has 28 days
    assertThat(byMonth.get(12) / 31.0).isGreaterThan(byMonth.get(2) / 28.0 * 1.3);
  }

  private static long cents(String money) {
    return new java.math.BigDecimal(money).movePointRight(2).longValueExact();
  }
}
