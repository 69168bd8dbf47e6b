package io.chainstore.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident memory of this process and all its descendants (PostgreSQL, ClickHouse, the
 * service, Flink, Spark) once a second and keeps the peak of the sum. Linux only.
 */
final class MemoryMeter implements AutoCloseable {

  private final AtomicLong peakKb = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "memory-meter");
            t.setDaemon(true);
            return t;
          });

  MemoryMeter() {
    timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  long peakMegabytes() {
    return peakKb.get() / 1024;
  }

  private void sample() {
    long total = rssKb(ProcessHandle.current().pid());
    for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
      total += rssKb(child.pid());
    }
    long sum = total;
    peakKb.accumulateAndGet(sum, Math::max);
  }

  private static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended between listing and reading, or this is not Linux.
    }
    return 0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
