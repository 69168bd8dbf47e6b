package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.demo.reconcile.Reconciler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short trading day in cluster mode, every engine as the separate processes of a deployment: the
 * three Kafka brokers, Debezium in a Kafka Connect worker, the streaming jobs submitted to a Flink
 * session cluster, member-profiles to a Spark standalone cluster, ClickHouse as two replicas with
 * ZooKeeper. Processes are killed (kill -9) while orders come in; the supervisor starts them again
 * and every table ClickHouse holds must equal PostgreSQL after each fault.
 */
class ClusterModeIT {

  private static Path dir;
  private static LocalStack stack;
  private static DemoSeed.Chain chain;
  private static final Progress PROGRESS = new Progress(System.out);

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("chainstore-cluster-");
    stack = LocalStack.startCluster(dir, Modules.fromSystemProperty(), PROGRESS, 100);
    chain = DemoSeed.seed(stack.postgres(), 3, 11);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    keepLogs();
    DemoMain.delete(dir);
  }

  /**
   * The processes' logs stay in target/ for whoever reads a failed run; the service's first
   * unexpected error is printed too, for a run whose target/ is gone.
   */
  private static void keepLogs() {
    Path logs = dir.resolve("logs");
    Path kept = Path.of("target", "cluster-mode-logs");
    try (Stream<Path> files = Files.list(logs)) {
      Files.createDirectories(kept);
      for (Path file : files.toList()) {
        Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      try (Stream<String> service = Files.lines(logs.resolve("oltp-service.log"))) {
        service
            .dropWhile(line -> !line.contains("unexpected error"))
            .limit(60)
            .forEach(System.out::println);
      }
    } catch (IOException e) {
      System.err.println("could not keep the logs of " + logs + ": " + e);
    }
  }

  @Test
  void aShortDayOnTheClustersEqualsPostgresThroughCrashes() throws Exception {
    TradingSimulator simulator = new TradingSimulator(stack.adminApi(), chain, 11);
    simulator.trade(0, 60, 4, PROGRESS);
    StockOperations.run(stack.adminApi(), chain);
    ServiceOperations.run(stack.adminApi(), chain);
    Reconciler.Report first = stack.reconciler().awaitMatch(Duration.ofSeconds(120));
    assertThat(first.ok()).as(String.join("\n", first.lines())).isTrue();
    assertThat(first.summary().ordersPg()).isPositive();

    // ./chainstore status sees every part of the cluster deployment, each up.
    List<StackHealth.Component> status =
        StackHealth.check(
            StatusCommand.deployment(
                StackOptions.parse(new String[] {"--work-dir", dir.toString()})));
    assertThat(status)
        .extracting(StackHealth.Component::name)
        .contains("flink cluster", "spark", "flink", "clickhouse", "cdc");
    // The Connect worker serves the connector's figures: the trading's changes, each timed.
    assertThat(status)
        .filteredOn(c -> c.name().equals("cdc"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.detail())
                    .matches(
                        "[1-9][0-9,]* change events forwarded;"
                            + " the newest reached Kafka [0-9.E-]+ s after its commit"));
    assertThat(status)
        .filteredOn(c -> c.name().equals("flink cluster"))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("2 TaskManagers", "RUNNING=4"));
    assertThat(status)
        .filteredOn(c -> c.status() == StackHealth.Status.DOWN)
        .as("parts DOWN")
        .isEmpty();

    // A TaskManager dies mid-trading: its jobs restart from their checkpoints on the other one.
    Reconciler.Report afterTaskManager =
        faultDuringTrading(simulator, 60, 140, "a Flink TaskManager", stack::crashFlink);
    assertThat(afterTaskManager.summary().ordersPg()).isGreaterThan(first.summary().ordersPg());
    assertThat(stack.flinkJobFailures())
        .as("a job recovered from the lost TaskManager")
        .isPositive();

    // A Kafka broker dies: producers, the connector and the jobs' consumers carry on with the
    // other two (every topic has three replicas, two in sync suffice).
    Reconciler.Report afterBroker =
        faultDuringTrading(simulator, 140, 200, "a Kafka broker", () -> stack.crashKafkaBroker(1));
    assertThat(afterBroker.summary().ordersPg())
        .isGreaterThan(afterTaskManager.summary().ordersPg());

    // The Connect worker dies: a new one resumes the connector from its offsets in Kafka.
    Reconciler.Report afterConnect =
        faultDuringTrading(
            simulator, 200, 260, "the Kafka Connect worker", stack::crashKafkaConnect);
    assertThat(afterConnect.summary().ordersPg()).isGreaterThan(afterBroker.summary().ordersPg());

    // PostgreSQL dies: the tills get 503 and retry with their idempotency keys, the service and the
    // connector reconnect to the restarted server; nothing is lost or counted twice.
    Reconciler.Report afterPostgres =
        faultDuringTrading(simulator, 260, 320, "PostgreSQL", stack::crashPostgres);
    assertThat(afterPostgres.summary().ordersPg()).isGreaterThan(afterConnect.summary().ordersPg());

    // The ClickHouse replica the jobs write through dies: the sinks retry until it is back, the
    // replica fetches what the other took meanwhile, reads through the Distributed tables go on.
    Reconciler.Report afterReplica =
        faultDuringTrading(simulator, 320, 380, "a ClickHouse replica", stack::crashClickHouse);
    assertThat(afterReplica.summary().ordersPg()).isGreaterThan(afterPostgres.summary().ordersPg());

    // The OLTP service dies: the supervisor starts it again on its port; the tills' requests that
    // found no one retry with their idempotency keys, so no order is lost or taken twice.
    Reconciler.Report afterService =
        faultDuringTrading(simulator, 380, 440, "the OLTP service", stack::crashOltpService);
    assertThat(afterService.summary().ordersPg()).isGreaterThan(afterReplica.summary().ordersPg());

    // member-profiles, submitted to the Spark master, writes a profile for every member.
    assertThat(stack.runMemberProfiles()).isZero();
    assertThat(
            Long.parseLong(
                stack.clickhouse().queryValue("SELECT count() FROM member_profile FINAL")))
        .isEqualTo(membersInPostgres());
  }

  /**
   * Trades orders {@code from} to {@code to} in the background, applies {@code fault} once the
   * trading is under way, and returns the reconciliation once ClickHouse equals PostgreSQL again,
   * printing how long after the fault that was.
   */
  private static Reconciler.Report faultDuringTrading(
      TradingSimulator simulator, int from, int to, String what, Runnable fault) throws Exception {
    long ordersBefore = ordersInPostgres();
    CompletableFuture<TradingSimulator.Stats> trading =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return simulator.trade(from, to, 4, PROGRESS);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(60)).until(() -> ordersInPostgres() >= ordersBefore + 15);
    long faultAt = System.nanoTime();
    fault.run();
    trading.get();
    Reconciler.Report report = stack.reconciler().awaitMatch(Duration.ofSeconds(180));
    assertThat(report.ok()).as(what + ":\n" + String.join("\n", report.lines())).isTrue();
    assertThat(report.lines())
        .hasSize(Reconciler.CHECKS.size() + 1)
        .allSatisfy(line -> assertThat(line).endsWith("status=OK"));
    PROGRESS.step(
        "fault: %s killed; ClickHouse exact again %.1f s later"
            .formatted(what, (System.nanoTime() - faultAt) / 1e9));
    return report;
  }

  private static long ordersInPostgres() throws SQLException {
    return count("SELECT count(*) FROM orders");
  }

  private static long membersInPostgres() throws SQLException {
    return count("SELECT count(*) FROM members");
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = stack.postgres().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
