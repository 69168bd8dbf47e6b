package io.chainstore.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the OLTP service, PostgreSQL (server and backends) and this process (the load
 * generator), so a benchmark can say where each request's cost goes.
 */
final class CpuMeter {

  private final long servicePid;
  private final Map<String, Duration> used = new LinkedHashMap<>();
  private Map<String, Duration> startedAt;

  CpuMeter(long servicePid) {
    this.servicePid = servicePid;
  }

  /** Starts counting; the time until {@link #stop} adds to what earlier intervals used. */
  void start() {
    startedAt = sample();
  }

  void stop() {
    sample()
        .forEach((part, now) -> used.merge(part, now.minus(startedAt.get(part)), Duration::plus));
  }

  /** CPU milliseconds per unit of work of each part, over all counted intervals. */
  Map<String, Double> millisPer(long units) {
    Map<String, Double> out = new LinkedHashMap<>();
    used.forEach((part, cpu) -> out.put(part, cpu.toNanos() / 1e6 / units));
    return out;
  }

  private Map<String, Duration> sample() {
    Map<String, Duration> parts = new LinkedHashMap<>();
    parts.put("service", cpu(ProcessHandle.of(servicePid).orElseThrow()));
    Duration postgres = Duration.ZERO;
    for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
      if (p.info().command().orElse("").endsWith("/bin/postgres")) {
        postgres = postgres.plus(cpu(p));
      }
    }
    parts.put("PostgreSQL", postgres);
    parts.put("load generator", cpu(ProcessHandle.current()));
    return parts;
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
