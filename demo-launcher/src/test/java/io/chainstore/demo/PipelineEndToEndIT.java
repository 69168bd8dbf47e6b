package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.demo.reconcile.Reconciler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on real components, each as it runs in production: orders through the REST API →
 * PostgreSQL → Debezium → Kafka → Flink → ClickHouse, with a crash (kill -9) of the Flink jobs in
 * the middle of trading that the launcher's supervisor heals from their checkpoint, a full replay
 * of every topic by jobs without state, a Debezium restart that sends events again and a crash of
 * ClickHouse. Every table ClickHouse holds must equal PostgreSQL after each.
 */
class PipelineEndToEndIT {

  private static LocalStack stack;
  private static DemoSeed.Chain chain;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
    chain = SharedStack.chain();
  }

  @Test
  void kpisEqualPostgresThroughCancellationsAndAFlinkCrash() throws Exception {
    Progress progress = new Progress(System.out);
    TradingSimulator simulator = new TradingSimulator(stack.adminApi(), chain, 7);

    TradingSimulator.Stats first = simulator.trade(0, 80, 4, progress);
    assertThat(first.paid()).isPositive();
    assertThat(first.refunded() + first.cancelledUnpaid())
        .as("some orders are cancelled")
        .isPositive();
    // A transfer from the warehouse (received one unit short) and a stocktake at the first store.
    StockOperations.Done stockWork = StockOperations.run(stack.adminApi(), chain);
    assertThat(stockWork.stocktakeId()).isPositive();
    // Services and bookings, a repair on site, a referral chain with a return, a supplier's part.
    ServiceOperations.Done serviceWork = ServiceOperations.run(stack.adminApi(), chain);
    assertThat(serviceWork.bookings()).isEqualTo(3);
    Reconciler.Report before = stack.reconciler().awaitMatch(Duration.ofSeconds(90));
    assertThat(before.ok()).as(String.join("\n", before.lines())).isTrue();
    assertThat(before.summary().ordersPg()).isPositive();

    // A checkpoint taken after the first batch, then a crash in the middle of the second.
    Instant synced = Instant.now();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> checkpointCompletedAfter(synced));
    long ordersBefore = ordersInPostgres();
    CompletableFuture<TradingSimulator.Stats> second =
        tradeInBackground(simulator, 80, 200, progress);
    // Kill once the second batch is under way, not before and not after it.
    await().atMost(Duration.ofSeconds(60)).until(() -> ordersInPostgres() >= ordersBefore + 20);
    // kill -9, the supervisor starts the jobs again from their latest checkpoint
    stack.crashFlink();
    TradingSimulator.Stats total = second.get();
    assertThat(total.created()).isGreaterThan(first.created());

    Reconciler.Report after = stack.reconciler().awaitMatch(Duration.ofSeconds(120));
    assertThat(after.ok()).as(String.join("\n", after.lines())).isTrue();
    assertThat(after.summary().ordersPg()).isGreaterThan(before.summary().ordersPg());
    assertThat(after.lines())
        .hasSize(Reconciler.CHECKS.size() + 1)
        .allSatisfy(line -> assertThat(line).endsWith("status=OK"));

    // A full replay: the jobs start without their state and read every topic from the start, over
    // the rows they wrote before, while trading goes on.
    stack.restartFlinkWithoutState();
    simulator.trade(200, 230, 4, progress);
    Reconciler.Report replayed = stack.reconciler().awaitMatch(Duration.ofSeconds(180));
    assertThat(replayed.ok()).as(String.join("\n", replayed.lines())).isTrue();
    assertThat(replayed.summary().ordersPg()).isGreaterThan(after.summary().ordersPg());

    // Debezium restarts and sends the newest events of every table again.
    assertThat(stack.restartCdcResending(40)).isPositive();
    simulator.trade(230, 260, 4, progress);
    Reconciler.Report resent = stack.reconciler().awaitMatch(Duration.ofSeconds(120));
    assertThat(resent.ok()).as(String.join("\n", resent.lines())).isTrue();
    assertThat(resent.summary().ordersPg()).isGreaterThan(replayed.summary().ordersPg());

    // ClickHouse dies (kill -9) while trading goes on: the supervisor starts it again and the
    // sinks write what waited, once.
    CompletableFuture<TradingSimulator.Stats> last =
        tradeInBackground(simulator, 260, 320, progress);
    long ordersBeforeCrash = ordersInPostgres();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ordersInPostgres() >= ordersBeforeCrash + 10);
    stack.crashClickHouse();
    last.get();
    Reconciler.Report healed = stack.reconciler().awaitMatch(Duration.ofSeconds(180));
    assertThat(healed.ok()).as(String.join("\n", healed.lines())).isTrue();
    assertThat(healed.summary().ordersPg()).isGreaterThan(resent.summary().ordersPg());
  }

  /** Orders {@code from} to {@code to} of the simulated day, while the test goes on. */
  private static CompletableFuture<TradingSimulator.Stats> tradeInBackground(
      TradingSimulator simulator, int from, int to, Progress progress) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return simulator.trade(from, to, 4, progress);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static boolean checkpointCompletedAfter(Instant after) throws IOException {
    Path checkpoints = stack.workDir().resolve("flink-checkpoints");
    if (!Files.isDirectory(checkpoints)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(checkpoints, 3)) {
      return files
          .filter(p -> p.getFileName().toString().equals("_metadata"))
          .anyMatch(p -> modifiedAfter(p, after));
    }
  }

  private static long ordersInPostgres() throws SQLException {
    try (Connection c = stack.postgres().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean modifiedAfter(Path p, Instant t) {
    try {
      return Files.getLastModifiedTime(p).toInstant().isAfter(t);
    } catch (IOException e) {
      return false;
    }
  }
}
