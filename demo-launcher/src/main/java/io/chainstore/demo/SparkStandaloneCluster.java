package io.chainstore.demo;

import io.chainstore.local.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster, a master and a worker, each its own JVM started from Spark's own
 * entry points; applications are submitted to {@code spark://…} as {@code spark-submit} does. The
 * Spark home is a directory whose {@code jars/} links the Spark jars the build resolved: where a
 * worker looks for the classpath of the executors it starts.
 */
final class SparkStandaloneCluster implements AutoCloseable {

  private final Path dir;
  private final String classpath;
  private final int masterPort;
  private final int masterUiPort;
  private final int workerUiPort;
  private int starts;
  private ChildProcess master;
  private ChildProcess worker;

  private final int cores;
  private final String memory;

  private SparkStandaloneCluster(Path dir, String classpath, int cores, String memory) {
    this.cores = cores;
    this.memory = memory;
    this.dir = dir;
    this.classpath = classpath;
    int[] ports = FreePorts.distinct(3);
    this.masterPort = ports[0];
    this.masterUiPort = ports[1];
    this.workerUiPort = ports[2];
  }

  /** Starts a master and one worker with {@code cores} cores and {@code memory} for executors. */
  static SparkStandaloneCluster start(Path dir, String classpath, int cores, String memory) {
    SparkStandaloneCluster cluster = new SparkStandaloneCluster(dir, classpath, cores, memory);
    try {
      cluster.linkSparkHome();
      cluster.startMaster();
      cluster.startWorker();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startMaster() {
    List<String> command = jvm("256m", "org.apache.spark.deploy.master.Master");
    command.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(masterPort),
            "--webui-port",
            Integer.toString(masterUiPort)));
    master =
        ChildProcess.start(
            "spark-master", command, env(), dir.resolve("log/master-" + ++starts + ".log"));
    master.awaitReady(() -> masterState() != null, Duration.ofSeconds(60));
  }

  private void startWorker() {
    List<String> command = jvm("256m", "org.apache.spark.deploy.worker.Worker");
    command.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--webui-port",
            Integer.toString(workerUiPort),
            "--cores",
            Integer.toString(cores),
            "--memory",
            memory,
            "--work-dir",
            dir.resolve("work").toString(),
            masterUrl()));
    worker =
        ChildProcess.start(
            "spark-worker", command, env(), dir.resolve("log/worker-" + ++starts + ".log"));
    worker.awaitReady(
        () -> {
          String state = masterState();
          return state != null && state.matches("(?s).*\"aliveworkers\"\\s*:\\s*1\\b.*");
        },
        Duration.ofSeconds(60));
  }

  /**
   * Submits {@code mainClass} of {@code appJar} to the master as {@code spark-submit --master
   * spark://… --deploy-mode client} does: the driver runs in the returned process, the executors on
   * the worker.
   */
  ChildProcess submit(
      String name,
      Path appJar,
      String mainClass,
      String executorMemory,
      List<String> args,
      Path log) {
    List<String> command = jvm("1g", "org.apache.spark.deploy.SparkSubmit");
    command.addAll(
        List.of(
            "--master",
            masterUrl(),
            "--deploy-mode",
            "client",
            "--name",
            name,
            "--executor-memory",
            executorMemory,
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.executor.extraJavaOptions=" + Modules.sparkJvmFlags(),
            "--class",
            mainClass,
            appJar.toString()));
    command.addAll(args);
    return ChildProcess.start(name, command, env(), log);
  }

  private List<String> jvm(String heap, String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Modules.java());
    command.add("-Xmx" + heap);
    command.addAll(Arrays.asList(Modules.sparkJvmFlags().split("\\s+")));
    command.addAll(List.of("-cp", classpath, mainClass));
    return command;
  }

  private Map<String, String> env() {
    return Map.of(
        "SPARK_HOME", sparkHome().toString(),
        // Else the worker looks for a source checkout's build directories to learn it.
        "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", "127.0.0.1");
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The master's web interface; its {@code /json/} has the cluster's state. */
  String masterUiUrl() {
    return "http://127.0.0.1:" + masterUiPort;
  }

  List<Long> pids() {
    return List.of(master.pid(), worker.pid());
  }

  /** Starts again whichever of the master and the worker died (a new master, a worker for it). */
  void restartDead() {
    if (!master.isAlive()) {
      worker.close(); // registered with the old master; it joins the new one when started again
      startMaster();
    }
    if (!worker.isAlive()) {
      startWorker();
    }
  }

  boolean isAlive() {
    return master.isAlive() && worker.isAlive();
  }

  private Path sparkHome() {
    return dir.resolve("spark-home");
  }

  private void linkSparkHome() {
    Path jars = sparkHome().resolve("jars");
    try {
      Files.createDirectories(jars);
      for (String entry : classpath.split(File.pathSeparator)) {
        Path jar = Path.of(entry);
        Path link = jars.resolve(jar.getFileName());
        if (entry.endsWith(".jar")
            && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The master's state as JSON, or null while it does not answer. */
  private String masterState() {
    return HttpGet.bodyIfOk(masterUiUrl() + "/json/");
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
    if (master != null) {
      master.close();
    }
  }
}
