package io.chainstore.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Commit → ClickHouse latency: pays orders one at a time and, for each, measures from the moment
 * the payment's commit is acknowledged by the API until ClickHouse's day totals include it.
 */
final class LatencyBench {

  private LatencyBench() {}

  static int run(DemoOptions options) throws Exception {
    Progress progress = new Progress(System.out);
    DemoMain.recreate(options.workDir());
    try (LocalStack stack =
        LocalStack.start(
            options.workDir(), Modules.fromSystemProperty(), progress, options.flushMillis())) {
      DemoSeed.Chain chain = DemoSeed.seed(stack.postgres(), 1, options.seed());
      long store = chain.stores().get(0);
      ApiClient api = stack.adminApi().issueKey("bench till", "pos", store);
      long sku = chain.skus().get(0);
      int warmUp = 10;
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < warmUp + options.orders(); i++) {
        String body =
            "{\"storeId\":%d,\"channel\":\"pos\",\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                .formatted(store, sku);
        long id = api.post("/api/orders", body, "bench-" + i).body().path("id").asLong();
        ApiClient.Reply paid = api.post("/api/orders/" + id + "/pay", null, "bench-pay-" + i);
        long committed = System.nanoTime();
        if (paid.status() != 200) {
          throw new IllegalStateException("pay failed: " + paid.body());
        }
        long expected = i + 1;
        long deadline = committed + TimeUnit.SECONDS.toNanos(60);
        while (paidOrdersInClickHouse(stack) < expected) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("order " + id + " did not reach ClickHouse in 60 s");
          }
          Thread.sleep(1); // polls as often as it can: the poll's resolution is the figure's
        }
        double latency = (System.nanoTime() - committed) / 1e6;
        if (i == 0) {
          progress.step(
              "first order reached ClickHouse after %.0f ms (includes job warm-up)"
                  .formatted(latency));
        }
        if (i >= warmUp) {
          millis.add(latency);
        }
      }
      System.out.printf(
          "commit -> ClickHouse latency over %d orders (sink flush every %d ms): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          millis.size(),
          options.flushMillis(),
          DemoMain.percentile(millis, 50),
          DemoMain.percentile(millis, 95),
          DemoMain.percentile(millis, 99),
          DemoMain.percentile(millis, 100));
    }
    return 0;
  }

  private static long paidOrdersInClickHouse(LocalStack stack) {
    return Long.parseLong(
        stack
            .clickhouse()
            .queryValue(
                "SELECT toInt64(sum(paid_orders)) FROM store_kpi FINAL WHERE grain = 'day'"));
  }
}
