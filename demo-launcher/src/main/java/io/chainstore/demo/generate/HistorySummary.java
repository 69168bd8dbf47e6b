package io.chainstore.demo.generate;

import java.time.LocalDate;

/** What {@code ./chainstore generate} wrote. */
public record HistorySummary(
    long members,
    long orders,
    long orderLines,
    long memberOrders,
    long coupons,
    long redeemed,
    long returns,
    long cancelled,
    long stockRows,
    LocalDate firstDay,
    LocalDate lastDay) {

  public String describe() {
    return ("%,d members, %,d orders (%,d by members, %,d cancelled) with %,d lines, %,d coupons"
            + " (%,d redeemed), %,d returns, %,d stock rows; trading %s to %s")
        .formatted(
            members,
            orders,
            memberOrders,
            cancelled,
            orderLines,
            coupons,
            redeemed,
            returns,
            stockRows,
            firstDay,
            lastDay);
  }
}
