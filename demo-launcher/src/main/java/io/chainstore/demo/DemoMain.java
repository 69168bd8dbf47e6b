package io.chainstore.demo;

import io.chainstore.demo.reconcile.Reconciler;
import io.chainstore.warehouse.ClickHouseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code ./chainstore demo [--orders N] [--stores N] [--seed S] [--keep-running]}: starts the local
 * stack, simulates a trading day, runs the batch jobs and ends with the reconciliation lines.
 * {@code ./chainstore reconcile}: the reconciliation of a running stack or any deployment; {@code
 * ./chainstore status}: the health and lag of each of its parts. {@code ./chainstore bench-latency
 * [--orders N]}: commit → ClickHouse latency.
 */
public final class DemoMain {

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "demo" : args[0];
    String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
    int exit;
    try {
      exit =
          switch (command) {
            case "demo" -> demo(DemoOptions.parse(rest, 300));
            case "bench-latency" -> LatencyBench.run(DemoOptions.parse(rest, 200));
            case "bench-checkout" -> CheckoutBench.run(DemoOptions.parse(rest, 0), 16, 30);
            case "bench-booking" -> BookingBench.run(DemoOptions.parse(rest, 0), 16, 30);
            case "bench-freshness" -> FreshnessBench.run(DemoOptions.parse(rest, 0));
            case "bench-soak" -> FreshnessBench.run(DemoOptions.parse(rest, 0), true);
            case "bench-replay" -> ReplayBench.run(DemoOptions.parse(rest, 0));
            case "reconcile" -> ReconcileCommand.run(rest);
            case "status" -> StatusCommand.run(rest);
            case "report" -> ReportCommand.run(rest);
            case "generate" -> GenerateCommand.run(rest);
            case "bench-batch" -> BatchBench.run(rest);
            case "bench-dashboards" -> DashboardBench.run(rest);
            default -> {
              System.err.println(
                  "usage: chainstore demo|generate|reconcile|status|report|bench-latency|bench-checkout|bench-booking|bench-freshness|bench-replay|bench-batch|bench-dashboards [options]");
              yield 2;
            }
          };
    } catch (IllegalArgumentException e) {
      System.err.println("chainstore: " + e.getMessage());
      exit = 2;
    }
    System.exit(exit);
  }

  static int demo(DemoOptions options) throws Exception {
    Progress progress = new Progress(System.out);
    progress.step(
        "chainstore demo: %d orders at %d stores, seed %d"
            .formatted(options.orders(), options.stores(), options.seed()));
    recreate(options.workDir());
    Modules modules = Modules.fromSystemProperty();
    Reconciler.Report result;
    boolean batchOk;
    try (MemoryMeter memory = new MemoryMeter();
        LocalStack stack =
            options.cluster()
                ? LocalStack.startCluster(
                    options.workDir(), modules, progress, options.flushMillis())
                : LocalStack.start(options.workDir(), modules, progress, options.flushMillis())) {
      double stackReady = progress.elapsedSeconds();
      DemoSeed.Chain chain = DemoSeed.seed(stack.postgres(), options.stores(), options.seed());
      progress.step(
          "seeded %d stores, a warehouse, %d SKUs and %d members"
              .formatted(chain.stores().size(), chain.skus().size(), chain.members().size()));

      DemoTargets.set(stack.adminApi(), chain);
      AtomicReference<Double> firstKpiRow = new AtomicReference<>();
      Thread watcher = watchFirstRow(stack.clickhouse(), progress, firstKpiRow);
      double tradingStart = progress.elapsedSeconds();
      TradingSimulator.Stats stats =
          new TradingSimulator(stack.adminApi(), chain, options.seed())
              .trade(0, options.orders(), 4, progress);
      double tradingEnd = progress.elapsedSeconds();
      StockOperations.Done stockWork = StockOperations.run(stack.adminApi(), chain);
      progress.step(
          "stock: transfer %d from the warehouse received with %d unit missing; stocktake %d posted"
              .formatted(
                  stockWork.transferId(),
                  stockWork.transferDiscrepancy(),
                  stockWork.stocktakeId()));
      ServiceOperations.Done serviceWork = ServiceOperations.run(stack.adminApi(), chain);
      progress.step(
          ("services: %d cleaning bookings (#%d cancelled, #%d rescheduled, one paid by order %d);"
                  + " repair %d paid %s and completed; referral chain A→B→C, C's order %d"
                  + " partly returned; supplier part %d of online order %d shipped, order"
                  + " completed")
              .formatted(
                  serviceWork.bookings(),
                  serviceWork.cancelledBookingId(),
                  serviceWork.rescheduledBookingId(),
                  serviceWork.serviceOrderId(),
                  serviceWork.workOrderId(),
                  serviceWork.workOrderTotal(),
                  serviceWork.referralOrderId(),
                  serviceWork.fulfilmentId(),
                  serviceWork.supplierOrderId()));
      TransferReview.Done review =
          TransferReview.acceptOldest(stack.adminApi(), Duration.ofSeconds(30));
      progress.step(
          review.acceptedId() == null
              ? "no transfer suggestions yet"
              : "%d transfer suggestions open; accepted %s: draft transfer %d of %d units"
                  .formatted(
                      review.open(), review.acceptedId(), review.transferId(), review.quantity()));
      result = stack.reconciler().awaitMatch(Duration.ofSeconds(90));
      watcher.interrupt();
      progress.step(
          result.ok() ? "ClickHouse matches PostgreSQL" : "ClickHouse does NOT match PostgreSQL");

      progress.step("running Spark job member-profiles");
      int spark = stack.runMemberProfiles();
      String profiles = stack.clickhouse().queryValue("SELECT count() FROM member_profile FINAL");
      progress.step("member-profiles exit " + spark + ", " + profiles + " profiles in ClickHouse");
      Path segment = options.workDir().resolve("segment-active-spenders.csv");
      String rules = "tags: active; spend >= 100";
      int export = stack.runExportSegment(rules, segment);
      long exported = Files.exists(segment) ? Files.readAllLines(segment).size() - 1 : 0;
      progress.step(
          "export-segment exit "
              + export
              + ", "
              + exported
              + " members of ["
              + rules
              + "] in "
              + segment);
      long winBack = winBackTemplate(stack.adminApi(), options.seed());
      int target = stack.runTargetCoupons(rules, winBack, "demo-win-back");
      progress.step(
          "target-coupons exit "
              + target
              + ": template "
              + winBack
              + " issued to the same segment, "
              + couponsOf(stack, winBack)
              + " coupons");
      batchOk = spark == 0 && export == 0 && target == 0;

      new DemoReport(stack.clickhouse()).print(stats);
      Path html =
          new HtmlReport(stack.clickhouse()).write(options.workDir().resolve("report.html"));
      progress.step("report with charts: " + html.toAbsolutePath());
      printTimings(stackReady, tradingStart, tradingEnd, firstKpiRow.get(), progress, memory);
      if (options.keepRunning()) {
        System.out.println("API          " + stack.apiUrl() + "/api/orders");
        System.out.println("OpenAPI      " + stack.apiUrl() + "/v3/api-docs");
        // This local stack's own key, made up at start: what the API tour in the README needs.
        System.out.println("Admin key    " + stack.adminApiKey() + " (hq_admin, this run only)");
        System.out.println(
            "ClickHouse   "
                + stack.clickhouseUrl()
                + " (database "
                + LocalStack.CLICKHOUSE_DATABASE
                + ", for Superset)");
        System.out.println("PostgreSQL   " + stack.postgres().jdbcUrl() + " (user postgres)");
        System.out.println("Kafka        " + stack.kafkaBootstrapServers());
        System.out.println("Logs         " + options.workDir().resolve("logs"));
        System.out.println("Reconcile    ./chainstore reconcile (while this runs)");
        System.out.println("Status       ./chainstore status");
        result.lines().forEach(System.out::println);
        System.out.flush();
        Thread.currentThread().join();
      }
    }
    result.lines().forEach(System.out::println);
    return result.ok() && batchOk ? 0 : 1;
  }

  /** HQ's next campaign: 5.00 off from 30.00 for the segment the demo exported. */
  private static long winBackTemplate(ApiClient admin, long seed) {
    java.time.Instant now = java.time.Instant.now();
    return Campaigns.create(
        admin,
        "WINBACK-" + seed,
        "Come back soon",
        new Campaigns.Offer(
            "WINBACK-" + seed + "-5OFF", "5.00 off from 30.00", "5.00", "30.00", null),
        now.minusSeconds(60),
        now.plusSeconds(30 * 86_400),
        "demo-win-back-" + seed);
  }

  /** How many coupons of {@code templateId} the stack's service has issued. */
  static long couponsOf(LocalStack stack, long templateId) throws java.sql.SQLException {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                stack.postgres().jdbcUrl(), stack.postgres().user(), "");
        java.sql.PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM coupons WHERE template_id = ?")) {
      s.setLong(1, templateId);
      try (java.sql.ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void printTimings(
      double stackReady,
      double tradingStart,
      double tradingEnd,
      Double firstKpiRow,
      Progress progress,
      MemoryMeter memory) {
    System.out.println();
    System.out.println("== Timings ==");
    System.out.printf("stack ready after %.1f s%n", stackReady);
    System.out.printf("trading took %.1f s%n", tradingEnd - tradingStart);
    if (firstKpiRow != null) {
      System.out.printf(
          "first KPI row in ClickHouse %.1f s after launch (%.1f s after the first order)%n",
          firstKpiRow, firstKpiRow - tradingStart);
    }
    System.out.printf(
        "total %.1f s, peak memory of all processes %d MB%n",
        progress.elapsedSeconds(), memory.peakMegabytes());
    System.out.println();
  }

  private static Thread watchFirstRow(
      ClickHouseClient clickhouse, Progress progress, AtomicReference<Double> seen) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  if (!"0".equals(clickhouse.queryValue("SELECT count() FROM store_kpi"))) {
                    seen.set(progress.elapsedSeconds());
                    progress.step("first KPI row in ClickHouse");
                    return;
                  }
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  // ClickHouse busy; try again.
                }
              }
            },
            "first-kpi-row");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void recreate(Path dir) {
    delete(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + dir, e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(files.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }

  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
