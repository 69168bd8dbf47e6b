package io.chainstore.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.ingestion.SlotHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a long run under load must show flat: once a minute, the memory of every process of the
 * stack (proportional set size, so PostgreSQL's shared buffers count once over its processes), the
 * WAL the replication slot keeps, and the freshness of the probes paid in that minute; at the start
 * and the end of the measured time, each JVM's heap after a full collection.
 */
final class SoakRecorder {

  /** One minute of the run. */
  record Sample(
      double minute,
      Map<String, Long> memoryMb,
      long slotWalBytes,
      Double freshnessP95Ms,
      Double freshnessMaxMs,
      int probes) {}

  private final LocalStack stack;
  private long start;
  private final List<Sample> samples = new ArrayList<>();
  private final List<Double> window = new ArrayList<>();
  private Map<String, Heap> heapAtStart = Map.of();
  private Map<String, Heap> heapAtEnd = Map.of();

  /**
   * A JVM's heap right after a full collection: in use, and committed (what the heap holds of the
   * process's memory; it grows towards -Xmx as the collector sizes its generations).
   */
  record Heap(long usedMb, long committedMb) {

    /** From the "total NK, used NK" figures of the generations in {@code GC.heap_info}'s text. */
    static Heap of(String heapInfo) {
      long used = 0;
      long committed = 0;
      Matcher generation = GENERATION.matcher(heapInfo);
      while (generation.find()) {
        committed += Long.parseLong(generation.group(1));
        used += Long.parseLong(generation.group(2));
      }
      return new Heap(used >> 10, committed >> 10);
    }
  }

  /** Metaspace's lines say "used NK, committed NK", without "total": they do not match. */
  private static final Pattern GENERATION = Pattern.compile("total (\\d+)K, used (\\d+)K");

  SoakRecorder(LocalStack stack) {
    this.stack = stack;
  }

  /** A probe's commit-to-ClickHouse time, in the current minute. */
  synchronized void probe(double millis) {
    window.add(millis);
  }

  /** Ends the current minute: samples the processes and the slot; returns the sample. */
  synchronized Sample sample() {
    List<Double> sorted = new ArrayList<>(window);
    Collections.sort(sorted);
    window.clear();
    if (samples.isEmpty()) {
      start = System.nanoTime(); // minute 0: where the measured time begins
    }
    samples.add(
        new Sample(
            (System.nanoTime() - start) / 60e9,
            memoryMb(),
            slotWalBytes(),
            // null: no probe in the minute (the first sample opens the measured time)
            sorted.isEmpty() ? null : DemoMain.percentile(sorted, 95),
            sorted.isEmpty() ? null : DemoMain.percentile(sorted, 100),
            sorted.size()));
    return samples.get(samples.size() - 1);
  }

  /** A sample as one line, printed as the run goes: a killed run keeps its minutes. */
  static String line(Sample sample) {
    String memory =
        sample.memoryMb().entrySet().stream()
            .map(process -> process.getKey() + " " + process.getValue())
            .collect(Collectors.joining(", "));
    return "minute %.1f: memory MB %s; slot WAL %.1f MB; freshness p95 %s ms, max %s ms (%d probes)"
        .formatted(
            sample.minute(),
            memory,
            sample.slotWalBytes() / 1e6,
            sample.freshnessP95Ms() == null ? "–" : "%.0f".formatted(sample.freshnessP95Ms()),
            sample.freshnessMaxMs() == null ? "–" : "%.0f".formatted(sample.freshnessMaxMs()),
            sample.probes());
  }

  void heapAtStart() {
    heapAtStart = heapAfterGc();
  }

  void heapAtEnd() {
    heapAtEnd = heapAfterGc();
  }

  List<Sample> samples() {
    return samples;
  }

  /** The processes of the stack by name: the launcher's own JVM and its children. */
  private Map<String, Long> processes() {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("launcher (Kafka, Debezium, load)", ProcessHandle.current().pid());
    for (ProcessHandle child : ProcessHandle.current().children().toList()) {
      String command = commandLine(child.pid());
      if (command.contains("oltp-service.jar")) {
        pids.put("oltp-service", child.pid());
      } else if (command.contains("io.chainstore.streaming.StreamingJobs")) {
        pids.put("flink", child.pid());
      } else if (command.contains("clickhouse")) {
        pids.put("clickhouse", child.pid());
      }
    }
    pids.put("postgresql", postmasterPid());
    return pids;
  }

  /** The whole command line (the JDK's process info may cut a long one short). */
  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The PostgreSQL server process, the parent of every backend. */
  private long postmasterPid() {
    try (Connection c = stack.postgres().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return ProcessHandle.of(rs.getLong(1))
          .flatMap(ProcessHandle::parent)
          .map(ProcessHandle::pid)
          .orElse(0L);
    } catch (SQLException e) {
      return 0;
    }
  }

  private Map<String, Long> memoryMb() {
    Map<String, Long> memory = new LinkedHashMap<>();
    processes()
        .forEach(
            (name, pid) -> {
              long kb = pssKb(pid);
              if (name.equals("postgresql")) { // the server and its backends
                for (ProcessHandle backend :
                    ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).toList()) {
                  kb += pssKb(backend.pid());
                }
              }
              memory.put(name, kb / 1024);
            });
    return memory;
  }

  /** Proportional set size: resident memory, pages shared with others counted by share. */
  private static long pssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // ended, or not Linux
    }
    return ProcessStats.rssKb(pid);
  }

  private long slotWalBytes() {
    try (Connection c = stack.postgres().connect()) {
      return SlotHealth.read(c).stream().mapToLong(SlotHealth.Slot::retainedWalBytes).sum();
    } catch (SQLException e) {
      return -1;
    }
  }

  /**
   * Each JVM's heap in use right after a full collection: the launcher's own through its memory
   * bean, the others through {@code jcmd GC.run} and {@code GC.heap_info}.
   */
  private Map<String, Heap> heapAfterGc() {
    Map<String, Heap> heap = new LinkedHashMap<>();
    processes()
        .forEach(
            (name, pid) -> {
              if (pid == ProcessHandle.current().pid()) {
                System.gc();
                MemoryUsage usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                heap.put(name, new Heap(usage.getUsed() >> 20, usage.getCommitted() >> 20));
              } else if (name.equals("oltp-service") || name.equals("flink")) {
                jcmd(pid, "GC.run");
                heap.put(name, Heap.of(jcmd(pid, "GC.heap_info")));
              }
            });
    return heap;
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The table of the report: memory and heap at the start and the end, per process. */
  String table() {
    if (samples.size() < 2) {
      return "too short for a soak: fewer than two samples";
    }
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    StringBuilder out = new StringBuilder();
    out.append(
        "| process | memory at start (MB) | at end (MB) | heap after GC at start (MB) | at end (MB)"
            + " | heap committed at start (MB) | at end (MB) |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (String name : first.memoryMb().keySet()) {
      Heap atStart = heapAtStart.get(name);
      Heap atEnd = heapAtEnd.get(name);
      out.append(
          "| %s | %d | %d | %s | %s | %s | %s |\n"
              .formatted(
                  name,
                  first.memoryMb().get(name),
                  last.memoryMb().getOrDefault(name, 0L),
                  atStart == null ? "–" : atStart.usedMb(),
                  atEnd == null ? "–" : atEnd.usedMb(),
                  atStart == null ? "–" : atStart.committedMb(),
                  atEnd == null ? "–" : atEnd.committedMb()));
    }
    long maxWal = samples.stream().mapToLong(Sample::slotWalBytes).max().orElse(0);
    double worstP95 =
        samples.stream()
            .map(Sample::freshnessP95Ms)
            .filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    out.append(
        "slot WAL retained: %.1f MB at start, %.1f MB at end, %.1f MB at most; freshness p95 per minute at most %.0f ms%n"
            .formatted(
                first.slotWalBytes() / 1e6, last.slotWalBytes() / 1e6, maxWal / 1e6, worstP95));
    return out.toString();
  }

  /** A page with the minutes as line charts: memory per process, slot WAL, freshness. */
  void writeChart(Path html) {
    List<Double> minutes = samples.stream().map(s -> Math.round(s.minute() * 10) / 10.0).toList();
    Map<String, List<Long>> memory = new LinkedHashMap<>();
    for (Sample s : samples) {
      s.memoryMb()
          .forEach((name, mb) -> memory.computeIfAbsent(name, k -> new ArrayList<>()).add(mb));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("minutes", minutes);
    data.put("memory", memory);
    data.put("wal", samples.stream().map(s -> s.slotWalBytes() / 1e6).toList());
    data.put("p95", samples.stream().map(Sample::freshnessP95Ms).toList());
    data.put("max", samples.stream().map(Sample::freshnessMaxMs).toList());
    try {
      Files.writeString(
          html,
          """
          <!doctype html><html><head><meta charset="utf-8"><title>chainstore soak</title>
          <style>body{font-family:sans-serif;margin:16px}.chart{width:1100px;height:300px}</style>
          <script>%s</script></head><body>
          <h1>chainstore soak: memory, slot WAL and freshness per minute</h1>
          <div id="memory" class="chart"></div><div id="wal" class="chart"></div>
          <div id="lag" class="chart"></div>
          <script>
          const d = %s;
          let rendered = 0;
          function draw(id, title, unit, series) {
            const chart = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
            chart.on('finished', () => { document.body.dataset.rendered = String(++rendered); });
            chart.setOption({animation: false, title: {text: title, left: 'center'},
              legend: {top: 24}, grid: {left: 70, right: 20, top: 60, bottom: 40},
              xAxis: {type: 'category', data: d.minutes, name: 'minute'},
              yAxis: {type: 'value', name: unit},
              series: Object.entries(series).map(([name, values]) => ({name, type: 'line', data: values}))});
          }
          draw('memory', 'Memory per process (PSS)', 'MB', d.memory);
          draw('wal', 'WAL kept by the replication slot', 'MB', {'slot WAL': d.wal});
          draw('lag', 'Commit to store_kpi, per minute', 'ms', {'p95': d.p95, 'max': d.max});
          </script></body></html>
          """
              .formatted(HtmlReport.echarts(), new ObjectMapper().writeValueAsString(data)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
