package io.chainstore.demo;

import io.chainstore.demo.generate.GenerateOptions;
import io.chainstore.demo.generate.GeneratedHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./chainstore bench-batch [the options of generate] [--spark-memory 4g] [--work-dir
 * .bench-batch]}: generates a chain into PostgreSQL (COPY, no pipeline), then measures
 * member-profiles (wall time, peak RSS of its JVM), export-segment and target-coupons (members per
 * second) on it, one after the other.
 */
final class BatchBench {

  /** A segment of profile conditions only: the bench runs no streaming job, so no live tags. */
  static final String SEGMENT = "rfm >= 4-x-x; orders >= 2";

  private BatchBench() {}

  /** Wall time and peak resident memory of one job's process. */
  record Measured(int exit, double seconds, long peakMb) {}

  static int run(String[] args) throws Exception {
    String[] rest = args.clone();
    GenerateOptions history = GenerateOptions.parse(rest);
    String sparkMemory = "4g";
    Path workDir = Path.of(".bench-batch");
    for (int i = 0; i < rest.length; i++) {
      if (rest[i] == null) {
        continue;
      }
      switch (rest[i]) {
        case "--spark-memory" -> sparkMemory = rest[++i];
        case "--work-dir" -> workDir = Path.of(rest[++i]);
        default -> throw new IllegalArgumentException("unknown option " + rest[i]);
      }
    }
    workDir = workDir.toAbsolutePath();
    DemoMain.recreate(workDir);
    Progress progress = new Progress(System.out);
    progress.step("chainstore bench-batch: " + history);
    try (LocalStack stack =
        LocalStack.startForBatch(workDir, Modules.fromSystemProperty(), progress)) {
      GeneratedHistory.Loaded loaded;
      try (var c = stack.postgres().connect()) {
        loaded = GenerateCommand.load(c, history, progress);
      }
      Measured profiles = measure(stack.memberProfiles(sparkMemory), progress);
      String written = stack.clickhouse().queryValue("SELECT count() FROM member_profile FINAL");
      progress.step(
          "member-profiles exit %d: %s profiles in %.0f s, peak RSS %d MB (driver heap %s)"
              .formatted(profiles.exit, written, profiles.seconds, profiles.peakMb, sparkMemory));

      Path csv = workDir.resolve("segment.csv");
      Measured export = measure(stack.exportSegment(SEGMENT, csv), progress);
      long exported = Files.exists(csv) ? Files.lines(csv).count() - 1 : 0;
      progress.step(
          "export-segment exit %d: %,d members of [%s] in %.1f s = %,.0f members/s, peak RSS %d MB"
              .formatted(
                  export.exit,
                  exported,
                  SEGMENT,
                  export.seconds,
                  exported / export.seconds,
                  export.peakMb));

      Instant now = Instant.now();
      long template =
          Campaigns.create(
              stack.adminApi(),
              "BENCH",
              "Bench campaign",
              new Campaigns.Offer("BENCH-5OFF", "5.00 off from 30.00", "5.00", "30.00", null),
              now.minusSeconds(60),
              now.plusSeconds(30 * 86_400),
              "bench");
      Measured target = measure(stack.targetCoupons(SEGMENT, template, "bench"), progress);
      long issued = DemoMain.couponsOf(stack, template);
      progress.step(
          "target-coupons exit %d: %,d coupons issued in %.1f s = %,.0f members/s, peak RSS %d MB"
              .formatted(
                  target.exit, issued, target.seconds, issued / target.seconds, target.peakMb));
      System.out.printf(
          "%nmachine: %d cores; %s; loaded %,d rows in %.0f s%n",
          Runtime.getRuntime().availableProcessors(),
          loaded.summary().describe(),
          loaded.rows(),
          loaded.seconds());
      return profiles.exit == 0 && export.exit == 0 && target.exit == 0 ? 0 : 1;
    }
  }

  private static Measured measure(ChildProcess job, Progress progress) {
    long start = System.nanoTime();
    long peakKb = 0;
    try (job) {
      while (job.isAlive()) {
        peakKb = Math.max(peakKb, ProcessStats.rssKb(job.pid()));
        ChildProcess.sleep(200);
      }
      int exit = job.awaitExit(Duration.ofSeconds(10));
      if (exit != 0) {
        progress.step("job failed; its log:\n" + job.logTail());
      }
      return new Measured(exit, (System.nanoTime() - start) / 1e9, peakKb / 1024);
    }
  }
}
