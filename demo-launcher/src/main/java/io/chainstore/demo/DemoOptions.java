package io.chainstore.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code ./chainstore demo}, {@code bench-latency}, {@code bench-checkout} and
 * {@code bench-freshness} ({@code rate} orders a second for {@code seconds}); {@code skus} is null
 * when the command's own assortment applies; {@code jobs} names the jobs {@code bench-replay} runs
 * (empty: all); {@code cluster} runs every engine as the separate processes of a deployment.
 */
record DemoOptions(
    int orders,
    int stores,
    long seed,
    boolean keepRunning,
    Path workDir,
    long flushMillis,
    Integer skus,
    boolean idempotencyKeys,
    int rate,
    int seconds,
    List<String> jobs,
    boolean cluster) {

  static DemoOptions parse(String[] args, int defaultOrders) {
    int orders = defaultOrders;
    int stores = 4;
    long seed = 42;
    boolean keepRunning = false;
    boolean cluster = false;
    Path workDir = Path.of(".demo");
    long flushMillis = 100;
    Integer skus = null;
    boolean idempotencyKeys = false;
    int rate = 300;
    int seconds = 60;
    List<String> jobs = List.of();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--orders" -> orders = positive("--orders", args, ++i);
        case "--stores" -> stores = positive("--stores", args, ++i);
        case "--seed" -> seed = Long.parseLong(value("--seed", args, ++i));
        case "--keep-running" -> keepRunning = true;
        case "--cluster" -> cluster = true;
        case "--work-dir" -> workDir = Path.of(value("--work-dir", args, ++i));
        case "--flush-ms" -> flushMillis = positive("--flush-ms", args, ++i);
        case "--skus" -> skus = positive("--skus", args, ++i);
        case "--idempotency-keys" -> idempotencyKeys = true;
        case "--rate" -> rate = positive("--rate", args, ++i);
        case "--seconds" -> seconds = positive("--seconds", args, ++i);
        case "--jobs" -> jobs = List.of(value("--jobs", args, ++i).split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new DemoOptions(
        orders,
        stores,
        seed,
        keepRunning,
        workDir.toAbsolutePath(),
        flushMillis,
        skus,
        idempotencyKeys,
        rate,
        seconds,
        jobs,
        cluster);
  }

  private static String value(String name, String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static int positive(String name, String[] args, int i) {
    int n;
    try {
      n = Integer.parseInt(value(name, args, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    if (n <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return n;
  }
}
