package io.chainstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.local.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink session cluster as a deployment runs one: a JobManager and TaskManagers, each its own JVM
 * started from Flink's own entry points (what the distribution's scripts start), sharing one
 * checkpoint directory. Jobs are submitted with Flink's command line client, {@code flink run -d}.
 */
final class FlinkSessionCluster implements AutoCloseable {

  /** Slots per TaskManager: room for every job on one, so a lost TaskManager's jobs move over. */
  static final int SLOTS = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern SUBMITTED = Pattern.compile("JobID ([0-9a-f]{32})");

  // Flink's classes reflect into these on Java 17; the distribution's config opens them too.
  private static final List<String> JAVA_OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");

  private final Path dir;
  private final String classpath;
  private final int restPort;
  private final int jobManagerMetricsPort;
  private final int[] taskManagerMetricsPorts;
  private ChildProcess jobManager;
  private int jobManagerStarts;
  private final ChildProcess[] taskManagers;
  private final int[] taskManagerStarts;

  private FlinkSessionCluster(Path dir, String classpath, int taskManagers) {
    this.dir = dir;
    this.classpath = classpath;
    int[] ports = FreePorts.distinct(3 + taskManagers);
    this.restPort = ports[0];
    this.jobManagerMetricsPort = ports[2];
    this.taskManagerMetricsPorts = new int[taskManagers];
    for (int i = 0; i < taskManagers; i++) {
      taskManagerMetricsPorts[i] = ports[3 + i];
    }
    this.taskManagers = new ChildProcess[taskManagers];
    this.taskManagerStarts = new int[taskManagers];
    writeConfig(ports[1]);
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers under {@code dir}, from {@code
   * classpath} (Flink's runtime and client, as a distribution's {@code lib/} holds them).
   */
  static FlinkSessionCluster start(Path dir, String classpath, int taskManagers) {
    FlinkSessionCluster cluster = new FlinkSessionCluster(dir, classpath, taskManagers);
    try {
      cluster.startJobManager();
      for (int i = 0; i < taskManagers; i++) {
        cluster.startTaskManager(i);
      }
      cluster.awaitSlots(taskManagers * SLOTS);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startJobManager() {
    jobManager =
        ChildProcess.start(
            "flink-jobmanager",
            jvm(
                "768m",
                "jobmanager",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                jobManagerMetricsPort),
            Map.of(),
            dir.resolve("log/jobmanager-" + ++jobManagerStarts + ".log"));
    jobManager.awaitReady(() -> get("/overview") != null, Duration.ofSeconds(90));
  }

  private void startTaskManager(int i) {
    taskManagerStarts[i]++;
    List<String> command =
        jvm(
            // heap = framework + task heap; direct = framework + task off-heap + network
            "512m",
            "taskmanager-" + i,
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            taskManagerMetricsPorts[i]);
    command.add(1, "-XX:MaxDirectMemorySize=192m");
    command.add(1, "-XX:MaxMetaspaceSize=256m");
    command.add("-Dtaskmanager.resource-id=taskmanager-" + i);
    taskManagers[i] =
        ChildProcess.start(
            "flink-taskmanager-" + i,
            command,
            Map.of(),
            dir.resolve("log/taskmanager-" + i + "-" + taskManagerStarts[i] + ".log"));
  }

  private List<String> jvm(String heap, String logName, String mainClass, int metricsPort) {
    List<String> command = new ArrayList<>();
    command.add(Modules.java());
    command.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC"));
    command.addAll(JAVA_OPENS);
    command.add("-Dlog.file=" + dir.resolve("log/" + logName + ".flink.log"));
    command.add("-Dlog4j.configurationFile=" + conf().resolve("log4j.properties"));
    command.addAll(List.of("-cp", classpath, mainClass, "--configDir", conf().toString()));
    // Dynamic properties: what differs between the processes that share the config file.
    command.add("-Dmetrics.reporter.prom.port=" + metricsPort);
    return command;
  }

  /**
   * Submits {@code jobJar}'s main with {@code args} as {@code flink run -d} does, and returns the
   * job's id once the cluster accepted it.
   */
  String submit(Path jobJar, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Modules.java());
    command.add("-Xmx256m");
    command.addAll(JAVA_OPENS);
    command.addAll(List.of("-cp", classpath, "org.apache.flink.client.cli.CliFrontend"));
    command.addAll(List.of("run", "-d", "-m", "127.0.0.1:" + restPort, jobJar.toString()));
    command.addAll(args);
    ChildProcess client =
        ChildProcess.start("flink run", command, Map.of("FLINK_CONF_DIR", conf().toString()), log);
    int exit = client.awaitExit(Duration.ofMinutes(3));
    Matcher id = SUBMITTED.matcher(client.logTail());
    if (exit != 0 || !id.find()) {
      throw new IllegalStateException("flink run exited with " + exit + ":\n" + client.logTail());
    }
    return id.group(1);
  }

  /** Waits until the job with {@code jobId} has all its tasks running. */
  void awaitRunning(String jobId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String job = get("/jobs/" + jobId);
      if (job != null && allTasksRunning(job)) {
        return;
      }
      ChildProcess.sleep(200);
    }
    throw new IllegalStateException("job " + jobId + " not running after " + timeout);
  }

  private static boolean allTasksRunning(String job) {
    try {
      JsonNode details = JSON.readTree(job);
      if (!"RUNNING".equals(details.path("state").asText())) {
        return false;
      }
      for (JsonNode vertex : details.path("vertices")) {
        if (!"RUNNING".equals(vertex.path("status").asText())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitSlots(int slots) {
    jobManager.awaitReady(
        () -> {
          String overview = get("/overview");
          return overview != null && overview.contains("\"slots-total\":" + slots);
        },
        Duration.ofSeconds(90));
  }

  /**
   * How many failures Flink recovered its jobs from: the entries of every job's exception history.
   */
  long jobFailures() {
    long failures = 0;
    try {
      String jobs = get("/jobs");
      for (JsonNode job : JSON.readTree(jobs == null ? "{}" : jobs).path("jobs")) {
        String history = get("/jobs/" + job.path("id").asText() + "/exceptions");
        failures +=
            JSON.readTree(history == null ? "{}" : history)
                .path("exceptionHistory")
                .path("entries")
                .size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return failures;
  }

  /** The TaskManager (0, 1, …) running the first task of the job with {@code jobId}. */
  int taskManagerOf(String jobId) {
    try {
      JsonNode job = JSON.readTree(get("/jobs/" + jobId));
      String vertex = job.path("vertices").get(0).path("id").asText();
      JsonNode where =
          JSON.readTree(get("/jobs/" + jobId + "/vertices/" + vertex + "/taskmanagers"));
      String id = where.path("taskmanagers").get(0).path("taskmanager-id").asText();
      return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("where job " + jobId + " runs is unknown", e);
    }
  }

  /** Kills TaskManager {@code i} as {@code kill -9} would. */
  void killTaskManager(int i) {
    taskManagers[i].kill();
  }

  boolean taskManagerAlive(int i) {
    return taskManagers[i].isAlive();
  }

  /** Starts the JobManager again, after it died; the TaskManagers register with it anew. */
  void restartJobManager() {
    if (jobManager.isAlive()) {
      throw new IllegalStateException("the jobmanager is still running");
    }
    startJobManager();
    awaitSlots(taskManagers.length * SLOTS);
  }

  boolean jobManagerAlive() {
    return jobManager.isAlive();
  }

  /** Starts TaskManager {@code i} again; the JobManager gives its slots back to the jobs. */
  void restartTaskManager(int i) {
    if (taskManagers[i].isAlive()) {
      throw new IllegalStateException("taskmanager-" + i + " is still running");
    }
    startTaskManager(i);
    awaitSlots(taskManagers.length * SLOTS);
  }

  int taskManagerCount() {
    return taskManagers.length;
  }

  String restUrl() {
    return "http://127.0.0.1:" + restPort;
  }

  /** Each process's Prometheus endpoint: the JobManager's first, then the TaskManagers'. */
  List<String> metricsUrls() {
    List<String> urls = new ArrayList<>();
    urls.add("http://127.0.0.1:" + jobManagerMetricsPort + "/metrics");
    for (int port : taskManagerMetricsPorts) {
      urls.add("http://127.0.0.1:" + port + "/metrics");
    }
    return urls;
  }

  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(jobManager.pid());
    for (ChildProcess tm : taskManagers) {
      pids.add(tm.pid());
    }
    return pids;
  }

  private String get(String path) {
    return HttpGet.bodyIfOk(restUrl() + path);
  }

  private Path conf() {
    return dir.resolve("conf");
  }

  private void writeConfig(int rpcPort) {
    String config =
        """
        jobmanager.rpc.address: 127.0.0.1
        jobmanager.rpc.port: %d
        jobmanager.bind-host: 127.0.0.1
        jobmanager.memory.heap.size: 768m
        rest.address: 127.0.0.1
        rest.bind-address: 127.0.0.1
        rest.port: %d
        taskmanager.host: 127.0.0.1
        taskmanager.bind-host: 127.0.0.1
        taskmanager.numberOfTaskSlots: %d
        # Without the distribution's scripts a TaskManager needs every memory component stated.
        taskmanager.cpu.cores: 2
        taskmanager.memory.framework.heap.size: 128m
        taskmanager.memory.task.heap.size: 384m
        taskmanager.memory.framework.off-heap.size: 128m
        taskmanager.memory.task.off-heap.size: 0m
        taskmanager.memory.managed.size: 128m
        taskmanager.memory.network.min: 64m
        taskmanager.memory.network.max: 64m
        taskmanager.memory.jvm-metaspace.size: 256m
        taskmanager.memory.jvm-overhead.min: 128m
        taskmanager.memory.jvm-overhead.max: 128m
        # A lost TaskManager noticed in seconds, not Flink's default 50 s: its jobs restart sooner.
        heartbeat.interval: 2000
        heartbeat.timeout: 10000
        # Spread the jobs over the TaskManagers, so one lost takes only some of them down.
        cluster.evenly-spread-out-slots: true
        taskmanager.load-balance.mode: SLOTS
        io.tmp.dirs: %s
        execution.checkpointing.dir: %s
        metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
        """
            .formatted(
                rpcPort,
                restPort,
                SLOTS,
                dir.resolve("tmp").toAbsolutePath(),
                checkpointDir().toUri());
    String log4j =
        """
        rootLogger.level = INFO
        rootLogger.appenderRef.file.ref = File
        appender.file.type = Console
        appender.file.name = File
        appender.file.layout.type = PatternLayout
        appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n
        logger.kafka.name = org.apache.kafka
        logger.kafka.level = WARN
        """;
    try {
      Files.createDirectories(conf());
      Files.createDirectories(dir.resolve("tmp"));
      Files.createDirectories(checkpointDir());
      Files.writeString(conf().resolve("config.yaml"), config);
      Files.writeString(conf().resolve("log4j.properties"), log4j);
      Files.writeString(conf().resolve("log4j-cli.properties"), log4j);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Shared by the JobManager and every TaskManager, as a distributed file system would be. */
  Path checkpointDir() {
    return dir.resolve("checkpoints");
  }

  @Override
  public void close() {
    for (ChildProcess tm : taskManagers) {
      if (tm != null) {
        tm.close();
      }
    }
    if (jobManager != null) {
      jobManager.close();
    }
  }
}
