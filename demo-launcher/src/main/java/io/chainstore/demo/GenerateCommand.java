package io.chainstore.demo;

import io.chainstore.demo.generate.GenerateOptions;
import io.chainstore.demo.generate.GeneratedHistory;
import io.chainstore.demo.reconcile.Reconciler;
import io.chainstore.warehouse.ClickHouseClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./chainstore generate [--members N] [--stores N] [--skus N] [--days N] [--order-lines N]
 * [--seed S] [--end-date YYYY-MM-DD] [--work-dir .demo] [--member-profiles] [--keep-running]}:
 * starts the local stack, COPYs a generated history into its PostgreSQL, lets Debezium and the
 * streaming jobs carry it into ClickHouse and reconciles; with {@code --member-profiles} it then
 * runs member-profiles on it, so every dashboard has data. With {@code --postgres-url U
 * [--postgres-user U] [--postgres-password P]} it only writes the history into that (empty)
 * database: a deployment's own connector and jobs then carry it.
 */
final class GenerateCommand {

  /** How long ClickHouse must stay unchanged before the reconciliation is asked. */
  private static final Duration QUIET = Duration.ofSeconds(20);

  private GenerateCommand() {}

  static int run(String[] args) throws Exception {
    String[] rest = args.clone();
    GenerateOptions history = GenerateOptions.parse(rest);
    Path workDir = Path.of(".demo");
    boolean keepRunning = false;
    boolean memberProfiles = false;
    String url = null;
    String user = "postgres";
    String password = "";
    for (int i = 0; i < rest.length; i++) {
      if (rest[i] == null) {
        continue;
      }
      switch (rest[i]) {
        case "--keep-running" -> keepRunning = true;
        case "--member-profiles" -> memberProfiles = true;
        case "--work-dir" -> workDir = Path.of(value(rest, ++i));
        case "--postgres-url" -> url = value(rest, ++i);
        case "--postgres-user" -> user = value(rest, ++i);
        case "--postgres-password" -> password = value(rest, ++i);
        default -> throw new IllegalArgumentException("unknown option " + rest[i]);
      }
    }
    Progress progress = new Progress(System.out);
    progress.step("chainstore generate: " + history);
    if (url != null) {
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        load(c, history, progress);
      }
      return 0;
    }
    DemoMain.recreate(workDir.toAbsolutePath());
    try (MemoryMeter memory = new MemoryMeter();
        LocalStack stack =
            LocalStack.startForBackfill(
                workDir.toAbsolutePath(), Modules.fromSystemProperty(), progress)) {
      double loadStart = progress.elapsedSeconds();
      try (Connection c = stack.postgres().connect()) {
        load(c, history, progress);
      }
      double loaded = progress.elapsedSeconds();
      awaitCaughtUp(stack, progress);
      Reconciler.Report report = stack.reconciler().awaitMatch(Duration.ofMinutes(5));
      double matched = progress.elapsedSeconds();
      report.lines().forEach(System.out::println);
      System.out.printf(
          "%nloaded in %.0f s; ClickHouse %s %.0f s after the load; peak memory of all processes"
              + " %d MB%n",
          loaded - loadStart,
          report.ok() ? "matched PostgreSQL" : "did NOT match PostgreSQL",
          matched - loaded,
          memory.peakMegabytes());
      if (memberProfiles) {
        double start = progress.elapsedSeconds();
        int exit = stack.memberProfiles("4g").awaitExit(Duration.ofMinutes(30));
        progress.step(
            "member-profiles exit %d in %.0f s".formatted(exit, progress.elapsedSeconds() - start));
      }
      if (keepRunning) {
        System.out.println("ClickHouse   " + stack.clickhouseUrl() + " (database chainstore)");
        System.out.println("PostgreSQL   " + stack.postgres().jdbcUrl() + " (user postgres)");
        System.out.println("Reconcile    ./chainstore reconcile --work-dir " + workDir);
        System.out.flush();
        Thread.currentThread().join();
      }
      return report.ok() ? 0 : 1;
    }
  }

  static GeneratedHistory.Loaded load(Connection c, GenerateOptions history, Progress progress)
      throws SQLException, InterruptedException {
    GeneratedHistory.Loaded loaded = GeneratedHistory.load(c, history);
    progress.step(
        "COPYed %,d rows in %.0f s (%,.0f rows/s): %s"
            .formatted(
                loaded.rows(),
                loaded.seconds(),
                loaded.rows() / loaded.seconds(),
                loaded.summary().describe()));
    return loaded;
  }

  /**
   * Waits until ClickHouse holds every monthly target (written last), every job has committed the
   * offsets Kafka's topics had once the load was done ({@link JobOffsets}), and no rows have been
   * written to the tables the jobs fill for {@link #QUIET}: the jobs have caught up, and the
   * reconciliation is worth asking.
   */
  static void awaitCaughtUp(LocalStack stack, Progress progress) throws Exception {
    long targets;
    try (Connection c = stack.postgres().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM kpi_targets")) {
      rs.next();
      targets = rs.getLong(1);
    }
    ClickHouseClient ch = stack.clickhouse();
    // The newest write of each table the jobs fill (the sinks stamp updated_at when they write):
    // not the highest version, since the lines of an old day still coming in add rows below the
    // highest LSN seen, and not row counts, which background merges keep lowering.
    String state =
        "SELECT "
            + String.join(
                ", ",
                Stream.of(
                        "store_kpi",
                        "sku_sales",
                        "sku_chain_sales",
                        "stock_level",
                        "coupon_roi",
                        "member_tag")
                    .map(t -> "(SELECT max(updated_at) FROM " + t + ") AS " + t)
                    .toList());
    List<String> groups =
        LocalStack.STREAMING_JOBS.stream().map(JobOffsets::consumerGroup).toList();
    try (JobOffsets offsets = new JobOffsets(stack.kafkaBootstrapServers(), groups)) {
      Map<TopicPartition, Long> ends = null;
      boolean targetsIn = false;
      String last = "";
      long since = System.nanoTime();
      long reported = 0;
      while (true) {
        String now = String.valueOf(ch.query(state).get(0));
        if (!now.equals(last)) {
          last = now;
          since = System.nanoTime();
        }
        targetsIn =
            targetsIn
                || Long.parseLong(ch.queryValue("SELECT count() FROM kpi_target FINAL")) == targets;
        // Kafka's ends count once the targets, written last, are through: before that, Debezium
        // may still be sending the load's changes.
        if (ends == null && targetsIn) {
          ends = offsets.ends().orElse(null);
        }
        long behind = ends == null ? -1 : offsets.behind(ends);
        if (targetsIn && behind == 0 && System.nanoTime() - since > QUIET.toNanos()) {
          return;
        }
        if (System.nanoTime() - reported > 30e9) {
          reported = System.nanoTime();
          progress.step(
              "streaming jobs catching up: %s paid orders in ClickHouse, %s"
                  .formatted(
                      ch.queryValue(
                          "SELECT sum(paid_orders) FROM store_kpi FINAL WHERE grain = 'day'"),
                      behind < 0
                          ? "waiting for the targets and the jobs' first checkpoint"
                          : "%,d change events not yet committed by the jobs".formatted(behind)));
        }
        Thread.sleep(1_000);
      }
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length || args[i] == null) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
