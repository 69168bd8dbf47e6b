package io.chainstore.demo;

import io.chainstore.local.LocalPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout throughput and latency of the OLTP service (3-line orders with stock reservation, at a
 * fixed concurrency, over HTTP), then pgbench's TPC-B on the same PostgreSQL as the yardstick.
 */
final class CheckoutBench {

  private static final int WARM_UP_SECONDS = 30;
  private static final int ROUNDS = 3;
  // SKUs every store carries. A small supermarket has thousands; with the demo's 20 nearly every
  // pair of concurrent checkouts at a store waits on the same stock rows.
  private static final int ASSORTMENT = 500;

  private CheckoutBench() {}

  static int run(DemoOptions options, int clients, int seconds) throws Exception {
    if (options.skus() != null && options.skus() < 3) {
      throw new IllegalArgumentException("--skus must be at least 3: a checkout has 3 lines");
    }
    Progress progress = new Progress(System.out);
    DemoMain.recreate(options.workDir());
    try (LocalStack stack =
        LocalStack.startTransactional(options.workDir(), Modules.fromSystemProperty(), progress)) {
      DemoSeed.Chain chain =
          DemoSeed.seed(
              stack.postgres(),
              options.stores(),
              options.skus() == null ? ASSORTMENT : options.skus(),
              options.seed());
      // Enough stock that no checkout is refused for the lack of it.
      try (var c = stack.postgres().connect();
          var s = c.createStatement()) {
        s.execute(
            "WITH r AS (SELECT set_config('chainstore.stock_reason', 'bench', true))"
                + " UPDATE stock SET on_hand = 10000000 FROM r");
      }
      ApiClient admin = stack.adminApi();
      List<ApiClient> tills = new ArrayList<>();
      for (long store : chain.stores()) {
        tills.add(admin.issueKey("bench till " + store, "pos", store));
      }
      int port = stack.postgres().port();
      pgbench(port, "-i", "-q", "-s", "10");
      // The service's JIT compilers take about half a minute of traffic to settle.
      progress.step("warming up for %d s".formatted(WARM_UP_SECONDS));
      measure(chain, tills, clients, WARM_UP_SECONDS, options.idempotencyKeys());

      // Checkout and pgbench take turns: this machine's speed drifts by up to a fifth within
      // minutes, and alternating short rounds puts both under the same drift.
      int slice = Math.max(1, seconds / ROUNDS);
      List<Double> millis = new ArrayList<>();
      List<Double> checkoutRates = new ArrayList<>();
      List<Double> tpcBRates = new ArrayList<>();
      int errors = 0;
      CpuMeter cpu = new CpuMeter(stack.oltpServicePid());
      for (int round = 1; round <= ROUNDS; round++) {
        progress.step(
            "round %d of %d: checkout for %d s (%d clients, %d stores with %d SKUs each),"
                    .formatted(
                        round, ROUNDS, slice, clients, chain.stores().size(), chain.skus().size())
                + " then pgbench TPC-B for %d s".formatted(slice));
        checkpoint(stack.postgres());
        cpu.start();
        Slice checkout = measure(chain, tills, clients, slice, options.idempotencyKeys());
        cpu.stop();
        millis.addAll(checkout.millis());
        errors += checkout.errors();
        checkoutRates.add(checkout.millis().size() / (double) slice);
        tpcBRates.add(tpcB(stack.postgres(), clients, slice));
      }
      double perSecond = mean(checkoutRates);
      double tps = mean(tpcBRates);
      double p99 = DemoMain.percentile(millis, 99);
      System.out.printf(
          "checkout (3 lines, stock reserved%s): %.0f orders/s, p50 %.1f ms, p99 %.1f ms,"
              + " %d orders, %d errors%n",
          options.idempotencyKeys() ? ", Idempotency-Key" : "",
          perSecond,
          DemoMain.percentile(millis, 50),
          p99,
          millis.size(),
          errors);
      StringBuilder perOrder = new StringBuilder("CPU per order:");
      cpu.millisPer(millis.size())
          .forEach((part, ms) -> perOrder.append(" %s %.2f ms,".formatted(part, ms)));
      System.out.println(perOrder.substring(0, perOrder.length() - 1));
      System.out.printf("pgbench TPC-B: %.0f tps (rounds: %s)%n", tps, rounded(tpcBRates));
      System.out.printf("checkout per round: %s orders/s%n", rounded(checkoutRates));
      System.out.printf(
          "checkout / pgbench = %.1f %% (goal >= 25 %%), checkout p99 %.1f ms (goal < 100 ms)%n",
          100 * perSecond / tps, p99);
    }
    return 0;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static String rounded(List<Double> values) {
    return String.join(", ", values.stream().map(v -> "%.0f".formatted(v)).toList());
  }

  /** Each checkout's latency in milliseconds, and how many were not 201 Created. */
  record Slice(List<Double> millis, int errors) {}

  private static Slice measure(
      DemoSeed.Chain chain,
      List<ApiClient> tills,
      int clients,
      int seconds,
      boolean idempotencyKeys)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<Double>>> work = new ArrayList<>();
    int[] errors = new int[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      work.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(client);
                List<Double> millis = new ArrayList<>();
                try (KeepAliveHttp http = new KeepAliveHttp(tills.get(0).baseUrl())) {
                  while (System.nanoTime() < end) {
                    int storeIndex = random.nextInt(chain.stores().size());
                    int[] picked =
                        random.ints(0, chain.skus().size()).distinct().limit(3).toArray();
                    StringBuilder lines = new StringBuilder();
                    for (int l = 0; l < 3; l++) {
                      long sku = chain.skus().get(picked[l]);
                      lines
                          .append(l == 0 ? "" : ",")
                          .append("{\"skuId\":")
                          .append(sku)
                          .append(",\"quantity\":1}");
                    }
                    String body =
                        "{\"storeId\":%d,\"channel\":\"pos\",\"lines\":[%s]}"
                            .formatted(chain.stores().get(storeIndex), lines);
                    long start = System.nanoTime();
                    KeepAliveHttp.Reply reply =
                        http.post(
                            "/api/orders",
                            tills.get(storeIndex).apiKey(),
                            idempotencyKeys ? UUID.randomUUID().toString() : null,
                            body);
                    millis.add((System.nanoTime() - start) / 1e6);
                    if (reply.status() != 201) {
                      errors[client]++;
                    }
                  }
                }
                return millis;
              }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> f : work) {
      all.addAll(f.get());
    }
    pool.shutdown();
    int errorCount = 0;
    for (int e : errors) {
      errorCount += e;
    }
    return new Slice(all, errorCount);
  }

  /** TPC-B transactions per second on the stack's PostgreSQL. */
  static double tpcB(LocalPostgres postgres, int clients, int seconds) throws Exception {
    checkpoint(postgres);
    String out =
        pgbench(
            postgres.port(),
            "-c",
            Integer.toString(clients),
            "-j",
            "2",
            "-T",
            Integer.toString(seconds));
    return number(out, "tps = ([0-9.]+)");
  }

  /** Writes out dirty pages now, so no checkpoint lands in the middle of a measurement. */
  static void checkpoint(LocalPostgres postgres) throws Exception {
    try (var c = postgres.connect();
        var s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
  }

  /** pgbench against the stack's PostgreSQL and database, with these arguments. */
  static String pgbench(int port, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres"));
    command.addAll(List.of(args));
    command.add("chainstore");
    return exec(command.toArray(String[]::new));
  }

  private static String exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.append(line).append('\n');
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out.toString();
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in pgbench output:\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }
}
