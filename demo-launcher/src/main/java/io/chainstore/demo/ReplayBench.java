package io.chainstore.demo;

import io.chainstore.ingestion.CdcTopics;
import io.chainstore.local.LocalClickHouse;
import io.chainstore.local.LocalKafka;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import io.chainstore.warehouse.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * Replay throughput: a month of history ({@link HistoryGenerator}) pre-filled into Kafka, then each
 * Flink job alone, from the earliest offset, with parallelism 1 in its own JVM, until its output
 * holds the last change. Reports per job the events it read, the wall time and the CPU time its
 * process used (events per CPU-second is events per second per core), its peak resident memory and
 * the size of its state (its last checkpoint, RocksDB, incremental).
 */
final class ReplayBench {

  private static final String DATABASE = "chainstore";
  private static final String MANAGED_MEMORY = "512m";

  private ReplayBench() {}

  record Result(
      String job,
      long events,
      double seconds,
      double cpuSeconds,
      double warmEventsPerCpuSecond,
      long peakRssMb,
      long stateMb) {}

  /** The job's CPU time when its consumer group had committed {@code events} in all. */
  record Progressed(double cpuSeconds, long events) {}

  static int run(DemoOptions options) throws Exception {
    Progress progress = new Progress(System.out);
    Path dir = options.workDir();
    DemoMain.recreate(dir);
    Modules modules = Modules.fromSystemProperty();
    int orders = options.orders() == 0 ? 1_000_000 : options.orders();
    try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"));
        LocalClickHouse server = LocalClickHouse.start(dir.resolve("clickhouse"))) {
      ClickHouseClient clickhouse =
          new ClickHouseClient(ClickHouseSettings.of(server.url(), DATABASE));
      new Migrator(clickhouse).migrate();
      List<String> topics =
          new ArrayList<>(CdcTopics.TABLES.stream().map(CdcTopics::topic).toList());
      topics.add(CdcTopics.heartbeatTopic());
      topics.add(LocalStack.SUGGESTIONS_TOPIC);
      kafka.createTopics(topics);
      progress.step("Kafka and ClickHouse up; writing %d orders of history".formatted(orders));
      HistoryGenerator.History history =
          HistoryGenerator.write(kafka.bootstrapServers(), orders, Math.max(1000, orders / 10));
      HistoryGenerator.heartbeat(kafka.bootstrapServers(), HistoryGenerator.end());
      long total = history.events().values().stream().mapToLong(Long::longValue).sum();
      progress.step("%d change events in Kafka: %s".formatted(total, history.events()));

      List<Result> results = new ArrayList<>();
      if (selected(options, "store-kpis")) {
        results.add(
            replay(
                "store-kpis",
                history.eventsOf("orders", "order_lines", "members", "locations", "locations"),
                offsets -> version(clickhouse, "store_kpi") >= history.lastOrderLsn(),
                kafka,
                server,
                modules,
                dir,
                progress));
      }
      if (selected(options, "stock-transfer-suggestions")) {
        results.add(
            replay(
                "stock-transfer-suggestions",
                history.eventsOf("stock", "stock_movements", "locations"),
                offsets -> version(clickhouse, "stock_level") >= history.lastStockLsn(),
                kafka,
                server,
                modules,
                dir,
                progress));
      }
      if (selected(options, "marketing-roi")) {
        results.add(
            replay(
                "marketing-roi",
                history.eventsOf("orders", "coupons", "locations"),
                offsets -> version(clickhouse, "coupon_roi") >= history.lastCouponOrderLsn(),
                kafka,
                server,
                modules,
                dir,
                progress));
      }
      if (selected(options, "member-tags")) {
        results.add(
            replay(
                "member-tags",
                history.eventsOf("members", "orders") + 1,
                ReplayBench::caughtUp,
                kafka,
                server,
                modules,
                dir,
                progress));
      }
      System.out.printf(
          "%-28s %10s %9s %9s %14s %14s %14s %9s %9s%n",
          "job",
          "events",
          "wall s",
          "cpu s",
          "events/s wall",
          "events/cpu-s",
          "warm ev/cpu-s",
          "peak MB",
          "state MB");
      for (Result r : results) {
        System.out.printf(
            "%-28s %10d %9.1f %9.1f %14.0f %14.0f %14.0f %9d %9d%n",
            r.job(),
            r.events(),
            r.seconds(),
            r.cpuSeconds(),
            r.events() / r.seconds(),
            r.events() / r.cpuSeconds(),
            r.warmEventsPerCpuSecond(),
            r.peakRssMb(),
            r.stateMb());
      }
      System.out.printf(
          "machine: %d cores; each job alone, parallelism 1, -Xmx1g, RocksDB state with "
              + MANAGED_MEMORY
              + " managed memory, times from the"
              + " process start (JVM and Flink start-up included); warm: from the first checkpoint"
              + " after a quarter of the events to the last (offsets the job committed per"
              + " CPU-second)%n",
          Runtime.getRuntime().availableProcessors());
    }
    return 0;
  }

  private static boolean selected(DemoOptions options, String job) {
    return options.jobs().isEmpty() || options.jobs().contains(job);
  }

  private static Result replay(
      String job,
      long events,
      Predicate<JobOffsets> done,
      LocalKafka kafka,
      LocalClickHouse server,
      Modules modules,
      Path dir,
      Progress progress)
      throws Exception {
    Path checkpoints = dir.resolve("checkpoints-" + job);
    List<String> command =
        new ArrayList<>(
            List.of(
                Modules.java(),
                "-Xmx1g",
                "-cp",
                modules.classpath("streaming-jobs"),
                "io.chainstore.streaming.StreamingJobs",
                job,
                "--kafka-bootstrap-servers",
                kafka.bootstrapServers(),
                "--group-id",
                "replay-" + job,
                "--default-time-zone",
                "Europe/Berlin",
                "--suggestions-topic",
                LocalStack.SUGGESTIONS_TOPIC,
                "--clickhouse-url",
                server.url(),
                "--clickhouse-database",
                DATABASE,
                "--checkpoint-dir",
                checkpoints.toString(),
                "--checkpoint-interval-ms",
                "10000",
                "--flush-ms",
                "1000",
                "--parallelism",
                "1",
                // heap state does not hold a month of a chain's orders in any sensible heap
                "--state-backend",
                "rocksdb",
                // RocksDB's cache for a month of buckets' index and filter blocks
                "--managed-memory",
                MANAGED_MEMORY));
    long start = System.nanoTime();
    try (JobOffsets offsets = new JobOffsets(kafka.bootstrapServers(), List.of("replay-" + job));
        ChildProcess process =
            ChildProcess.start(
                job, command, Map.of(), dir.resolve("logs/replay-" + job + ".log"))) {
      long pid = process.pid();
      long peakKb = 0;
      double cpu = 0;
      List<Progressed> progressed = new ArrayList<>();
      while (!done.test(offsets)) {
        peakKb = Math.max(peakKb, ProcessStats.rssKb(pid));
        cpu = Math.max(cpu, ProcessStats.cpuSeconds(pid));
        long committed = offsets.committed();
        if (progressed.isEmpty() || committed > progressed.get(progressed.size() - 1).events()) {
          progressed.add(new Progressed(cpu, committed));
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(job + " stopped; see " + process.log());
        }
        Thread.sleep(500);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      cpu = Math.max(cpu, ProcessStats.cpuSeconds(pid));
      peakKb = Math.max(peakKb, ProcessStats.rssKb(pid));
      // The state as of the end: the first checkpoint completed after it.
      long after = System.currentTimeMillis();
      long stateBytes = -1;
      for (int i = 0; i < 60 && stateBytes < 0; i++) {
        Thread.sleep(1000);
        stateBytes = checkpointAfter(checkpoints, after);
      }
      progress.step(
          "%s: %d events in %.1f s, %.1f CPU-s, peak %d MB resident, state %d MB"
              .formatted(job, events, seconds, cpu, peakKb / 1024, Math.max(0, stateBytes) >> 20));
      return new Result(
          job,
          events,
          seconds,
          cpu,
          warmRate(progressed, events),
          peakKb / 1024,
          Math.max(0, stateBytes) >> 20);
    }
  }

  /**
   * Events per CPU-second once warm: between the first commit past a quarter of the events
   * (start-up and the JIT's first work behind) and the last commit seen; NaN with too few commits.
   */
  static double warmRate(List<Progressed> progressed, long events) {
    Progressed first =
        progressed.stream().filter(p -> p.events() >= events / 4).findFirst().orElse(null);
    Progressed last = progressed.isEmpty() ? null : progressed.get(progressed.size() - 1);
    if (first == null
        || last.events() - first.events() < events / 2
        || last.cpuSeconds() <= first.cpuSeconds()) {
      return Double.NaN;
    }
    return (last.events() - first.events()) / (last.cpuSeconds() - first.cpuSeconds());
  }

  private static long version(ClickHouseClient clickhouse, String table) {
    String v = clickhouse.queryValue("SELECT toString(max(version)) FROM " + table);
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  /**
   * Done once the job's consumer group has committed the end offset of every partition it reads
   * (the source commits at each completed checkpoint): for a job whose rows carry no last version
   * to wait for, as member tags, which the last orders may leave unchanged. The history is all
   * written before the job starts, so the end offsets do not move.
   */
  private static boolean caughtUp(JobOffsets offsets) {
    try {
      Optional<Map<TopicPartition, Long>> ends = offsets.ends();
      return ends.isPresent() && offsets.behind(ends.get()) == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The size of the newest checkpoint completed after {@code millis}, or -1. */
  private static long checkpointAfter(Path dir, long millis) throws IOException {
    if (!Files.isDirectory(dir)) {
      return -1;
    }
    try (Stream<Path> files = Files.walk(dir, 3)) {
      List<Path> metadata =
          files
              .filter(p -> p.getFileName().toString().equals("_metadata"))
              .filter(p -> p.toFile().lastModified() > millis)
              .toList();
      if (metadata.isEmpty()) {
        return -1;
      }
      Path chk = metadata.get(metadata.size() - 1).getParent();
      long size = 0;
      try (Stream<Path> inChk = Files.walk(chk)) {
        for (Path p : inChk.filter(Files::isRegularFile).toList()) {
          size += Files.size(p);
        }
      }
      // Shared and task-owned files of the job count too (incremental backends put state there).
      try (Stream<Path> shared = Files.walk(chk.getParent().resolve("shared"))) {
        for (Path p : shared.filter(Files::isRegularFile).toList()) {
          size += Files.size(p);
        }
      } catch (IOException e) {
        // none
      }
      return size;
    }
  }
}
