package io.chainstore.demo;

import java.time.LocalDate;
import java.time.ZoneId;

/** Each store's targets for its business day and month, set through the API as HQ would. */
final class DemoTargets {

  private DemoTargets() {}

  static void set(ApiClient admin, DemoSeed.Chain chain) {
    for (int i = 0; i < chain.stores().size(); i++) {
      long store = chain.stores().get(i);
      LocalDate today = LocalDate.now(ZoneId.of(chain.zones().get(i)));
      put(admin, store, "day", today, "2500.00", 60, 5);
      put(admin, store, "month", today.withDayOfMonth(1), "60000.00", 1500, 100);
    }
  }

  private static void put(
      ApiClient admin,
      long store,
      String period,
      LocalDate start,
      String netSales,
      int orders,
      int newMembers) {
    ApiClient.Reply reply =
        admin.put(
            "/api/kpi-targets/%d/%s/%s".formatted(store, period, start),
            "{\"netSales\":%s,\"orders\":%d,\"newMembers\":%d}"
                .formatted(netSales, orders, newMembers));
    if (reply.status() != 200 && reply.status() != 201) {
      throw new IllegalStateException("setting a target failed: " + reply.body());
    }
  }
}
