package io.chainstore.demo;

import io.chainstore.ingestion.CdcEngine;
import io.chainstore.ingestion.CdcMetrics;
import io.chainstore.ingestion.CdcMetricsServer;
import io.chainstore.ingestion.CdcTopics;
import io.chainstore.ingestion.ConnectorConfig;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import io.chainstore.local.FreePorts;
import io.chainstore.local.LocalClickHouse;
import io.chainstore.local.LocalClickHouseCluster;
import io.chainstore.local.LocalKafka;
import io.chainstore.local.LocalKafkaCluster;
import io.chainstore.local.LocalKafkaConnect;
import io.chainstore.local.LocalPostgres;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import io.chainstore.warehouse.Migrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline needs, on this machine: ClickHouse, PostgreSQL, a Kafka broker, the OLTP
 * service, Debezium and the streaming jobs (all in one local Flink job). Each on free ports, with
 * data under one work directory; {@link #close()} stops all of it, in reverse order.
 */
public final class LocalStack implements AutoCloseable {

  public static final String CLICKHOUSE_DATABASE = "chainstore";

  /** The chain's own time zone: of locations opened without one, and of online sign-ups. */
  public static final String DEFAULT_TIME_ZONE = "Europe/Berlin";

  /** Where stock-transfer-suggestions sends suggestions and the OLTP service reads them. */
  public static final String SUGGESTIONS_TOPIC = "chainstore.transfer-suggestions";

  /** The streaming jobs the stack runs, as one local Flink job. */
  public static final List<String> STREAMING_JOBS =
      List.of("store-kpis", "stock-transfer-suggestions", "marketing-roi", "member-tags");

  // The supervised parts, as the supervisor's lines name them.
  private static final String CLICKHOUSE = "clickhouse-server";
  private static final String SERVICE = "oltp-service";
  private static final String JOBS = "analytics";
  private static final String FLINK_JOBMANAGER = "flink-jobmanager";
  private static final String KAFKA_CONNECT = "kafka-connect";
  private static final String POSTGRES = "postgresql";
  private static final String ZOOKEEPER = "zookeeper";
  private static final String SPARK = "spark-standalone";

  /** Where a started stack says how to reach it, for {@code ./chainstore reconcile}. */
  public static final String STACK_FILE = "stack.properties";

  /** Short, so a job restarted in the demo has little to replay. */
  public static final long DEMO_CHECKPOINT_MILLIS = 2_000;

  /** The jobs' own default, as a deployment runs them. */
  public static final long JOB_CHECKPOINT_MILLIS = 10_000;

  private final Path workDir;
  private final Modules modules;
  private final Progress progress;
  private final long flushMillis;
  private final long checkpointMillis;
  private List<String> stateOptions = List.of();
  private LocalClickHouse clickhouseServer;
  private LocalClickHouseCluster clickhouseCluster;
  private ClickHouseClient clickhouse;
  private volatile LocalPostgres postgres;
  private LocalKafka kafka;
  private LocalKafkaCluster kafkaCluster;
  private LocalKafkaConnect connect;
  private volatile ChildProcess oltp;
  private int apiPort;
  private final String adminApiKey =
      "cs_demo_" + java.util.UUID.randomUUID().toString().replace("-", "");
  private CdcEngine cdc;
  // One count across Debezium restarts, served at cdc-metrics-url as ingestion serves it.
  private final CdcMetrics cdcMetrics = new CdcMetrics();
  private CdcMetricsServer cdcMetricsServer;
  private volatile ChildProcess flink;
  private int flinkStarts;
  private int flinkMetricsPort;
  private Supervisor supervisor;
  private boolean closed;
  // Cluster mode: the engines as a deployment runs them, each process on its own.
  private boolean clusterMode;
  private FlinkSessionCluster flinkCluster;
  private SparkStandaloneCluster spark;
  private final Map<String, String> jobIds = new java.util.concurrent.ConcurrentHashMap<>();

  private LocalStack(
      Path workDir, Modules modules, Progress progress, long flushMillis, long checkpointMillis) {
    this.workDir = workDir;
    this.modules = modules;
    this.progress = progress;
    this.flushMillis = flushMillis;
    this.checkpointMillis = checkpointMillis;
  }

  /** The demo's stack: its jobs checkpoint every {@link #DEMO_CHECKPOINT_MILLIS}. */
  public static LocalStack start(
      Path workDir, Modules modules, Progress progress, long flushMillis) {
    return start(workDir, modules, progress, flushMillis, DEMO_CHECKPOINT_MILLIS);
  }

  public static LocalStack start(
      Path workDir, Modules modules, Progress progress, long flushMillis, long checkpointMillis) {
    return boot(
        new LocalStack(workDir, modules, progress, flushMillis, checkpointMillis),
        LocalStack::startAll);
  }

  /**
   * The demo's stack in cluster mode: the streaming jobs submitted one by one to a Flink session
   * cluster (a JobManager and two TaskManagers), the Spark jobs to a Spark standalone cluster.
   */
  public static LocalStack startCluster(
      Path workDir, Modules modules, Progress progress, long flushMillis) {
    return startCluster(workDir, modules, progress, flushMillis, DEMO_CHECKPOINT_MILLIS);
  }

  public static LocalStack startCluster(
      Path workDir, Modules modules, Progress progress, long flushMillis, long checkpointMillis) {
    LocalStack stack = new LocalStack(workDir, modules, progress, flushMillis, checkpointMillis);
    stack.clusterMode = true;
    return boot(stack, LocalStack::startAll);
  }

  /**
   * A stack for loading a chain's history through the pipeline: the jobs keep their state in
   * RocksDB (a year of orders does not fit a heap), flush once a second and checkpoint as a
   * deployment does.
   */
  public static LocalStack startForBackfill(Path workDir, Modules modules, Progress progress) {
    // Every job runs in the one slot of one TaskManager, so all their RocksDB instances share one
    // managed pool for block cache and write buffers. With 256 MB a year of 200 stores' minute
    // buckets no longer kept its index and filter blocks cached and store-kpis fell to ~200
    // orders/s, reading them from disk for each lookup.
    return startWithRocksDb(workDir, modules, progress, 1_000, "2g");
  }

  /**
   * A stack for a long trading run: the jobs keep their state in RocksDB, as a deployment does, so
   * that a day's orders grow the disk and not the heap.
   */
  public static LocalStack startForSoak(
      Path workDir, Modules modules, Progress progress, long flushMillis) {
    return startWithRocksDb(workDir, modules, progress, flushMillis, "512m");
  }

  /** Jobs checkpointing as deployed, their state in RocksDB with this much managed memory. */
  private static LocalStack startWithRocksDb(
      Path workDir, Modules modules, Progress progress, long flushMillis, String managedMemory) {
    LocalStack stack =
        new LocalStack(workDir, modules, progress, flushMillis, JOB_CHECKPOINT_MILLIS);
    stack.stateOptions = List.of("--state-backend", "rocksdb", "--managed-memory", managedMemory);
    return boot(stack, LocalStack::startAll);
  }

  /**
   * PostgreSQL, the OLTP service and ClickHouse with its schema, without Kafka, Debezium or the
   * streaming jobs: what the batch jobs read and write, for their benchmark.
   */
  public static LocalStack startForBatch(Path workDir, Modules modules, Progress progress) {
    return boot(
        new LocalStack(workDir, modules, progress, 0, 0),
        stack -> {
          stack.startPostgres();
          stack.startOltpService();
          stack.startClickHouse();
          stack.awaitOltpService();
          stack.writeStackFile();
        });
  }

  /** Only PostgreSQL and the OLTP service: the transactional side, for its benchmark. */
  public static LocalStack startTransactional(Path workDir, Modules modules, Progress progress) {
    return boot(
        new LocalStack(workDir, modules, progress, 0, 0),
        stack -> {
          stack.startPostgres();
          stack.startOltpService();
          stack.awaitOltpService();
        });
  }

  /** Starts the stack's parts; whatever started is stopped again if a part fails, or at exit. */
  private static LocalStack boot(
      LocalStack stack, java.util.function.Consumer<LocalStack> startParts) {
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    try {
      startParts.accept(stack);
      stack.supervise();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /**
   * From now on a part that dies is started again by itself: PostgreSQL and ClickHouse on their
   * data, the service on its port, the Flink jobs from their latest checkpoint; in cluster mode
   * each broker, the Connect worker, each Flink and Spark process, each replica and ZooKeeper. (The
   * local stack's Kafka and Debezium live in the launcher's own process, or die with it.)
   */
  private void supervise() {
    List<Supervisor.Part> parts = new ArrayList<>();
    if (postgres != null) {
      parts.add(
          new Supervisor.Part(POSTGRES, () -> postgres.isAlive(), this::restartPostgresIfDead));
    }
    if (clickhouseServer != null) {
      parts.add(
          new Supervisor.Part(
              CLICKHOUSE, clickhouseServer::isAlive, this::restartClickHouseIfDead));
    }
    if (clickhouseCluster != null) {
      parts.add(
          new Supervisor.Part(
              ZOOKEEPER,
              () -> clickhouseCluster.zooKeeper().isAlive(),
              this::restartZooKeeperIfDead));
      for (int i = 0; i < clickhouseCluster.replicas().size(); i++) {
        int replica = i;
        parts.add(
            new Supervisor.Part(
                clickhouseReplica(replica),
                () -> clickhouseCluster.replica(replica).isAlive(),
                () -> restartReplicaIfDead(replica)));
      }
    }
    if (oltp != null) {
      parts.add(new Supervisor.Part(SERVICE, () -> oltp.isAlive(), this::restartOltpIfDead));
    }
    if (flink != null) {
      // null while replaced on purpose (restartFlinkWithoutState): not the supervisor's business
      parts.add(
          new Supervisor.Part(
              JOBS, () -> flink == null || flink.isAlive(), this::restartFlinkIfDead));
    }
    if (kafkaCluster != null) {
      for (int id = 1; id <= kafkaCluster.size(); id++) {
        int broker = id;
        parts.add(
            new Supervisor.Part(
                kafkaBroker(broker),
                () -> kafkaCluster.isAlive(broker),
                () -> restartBrokerIfDead(broker)));
      }
    }
    if (connect != null) {
      parts.add(new Supervisor.Part(KAFKA_CONNECT, connect::isAlive, this::restartConnectIfDead));
    }
    if (flinkCluster != null) {
      parts.add(
          new Supervisor.Part(
              FLINK_JOBMANAGER, flinkCluster::jobManagerAlive, this::restartJobManagerIfDead));
      for (int i = 0; i < flinkCluster.taskManagerCount(); i++) {
        int tm = i;
        parts.add(
            new Supervisor.Part(
                taskManager(tm),
                () -> flinkCluster.taskManagerAlive(tm),
                () -> restartTaskManagerIfDead(tm)));
      }
    }
    if (spark != null) {
      parts.add(new Supervisor.Part(SPARK, spark::isAlive, this::restartSparkIfDead));
    }
    supervisor = Supervisor.start(parts, progress);
  }

  private static String kafkaBroker(int id) {
    return "kafka-broker-" + id;
  }

  private synchronized void restartBrokerIfDead(int id) {
    if (!closed && !kafkaCluster.isAlive(id)) {
      kafkaCluster.restart(id);
      progress.step(kafkaBroker(id) + " started again");
    }
  }

  /** The connector and its offsets live in Kafka: a new worker picks them up and goes on. */
  private synchronized void restartConnectIfDead() {
    if (!closed && !connect.isAlive()) {
      connect.restart();
      connect.awaitRunning(ConnectorConfig.connectorName(), Duration.ofMinutes(2));
      progress.step("Kafka Connect started again; the connector runs on from its offsets");
    }
  }

  /** Kills Kafka broker {@code id} (1…3) as {@code kill -9} would; returns once it is back. */
  public void crashKafkaBroker(int id) {
    crash(kafkaBroker(id), () -> kafkaCluster.kill(id));
  }

  /** Kills the Kafka Connect worker as {@code kill -9} would; returns once it runs again. */
  public void crashKafkaConnect() {
    crash(KAFKA_CONNECT, connect::kill);
  }

  private static String taskManager(int i) {
    return "flink-taskmanager-" + i;
  }

  private synchronized void restartTaskManagerIfDead(int i) {
    if (!closed && !flinkCluster.taskManagerAlive(i)) {
      flinkCluster.restartTaskManager(i);
      progress.step(taskManager(i) + " started again; its slots are back");
    }
  }

  /**
   * Without high availability the jobs die with the JobManager: a new one is started and every job
   * submitted again from its newest checkpoint, as an operator would with {@code flink run -s}.
   */
  private synchronized void restartJobManagerIfDead() {
    if (!closed && !flinkCluster.jobManagerAlive()) {
      flinkCluster.restartJobManager();
      submitStreamingJobs(true);
    }
  }

  private synchronized void restartSparkIfDead() {
    if (!closed && !spark.isAlive()) {
      spark.restartDead();
      progress.step("Spark standalone cluster started again " + spark.masterUrl());
    }
  }

  /**
   * PostgreSQL again on its data and port: the service's pool and the CDC connector reconnect by
   * themselves (the embedded engine of the local stack is started anew, from its offsets).
   */
  private synchronized void restartPostgresIfDead() {
    if (!closed && !postgres.isAlive()) {
      postgres = postgres.restart();
      progress.step("PostgreSQL started again " + postgres.jdbcUrl());
      if (cdc != null) {
        quietly(cdc);
        startCdc();
      }
    }
  }

  /** Kills PostgreSQL as {@code kill -9} would and returns once the supervisor has it back. */
  public void crashPostgres() {
    crash(POSTGRES, () -> postgres.kill());
  }

  private static String clickhouseReplica(int i) {
    return "clickhouse-replica-" + i;
  }

  private synchronized void restartReplicaIfDead(int i) {
    if (!closed && !clickhouseCluster.replica(i).isAlive()) {
      clickhouseCluster.restart(i);
      progress.step(clickhouseReplica(i) + " started again; it fetches the parts it missed");
    }
  }

  private synchronized void restartZooKeeperIfDead() {
    if (!closed && !clickhouseCluster.zooKeeper().isAlive()) {
      clickhouseCluster.zooKeeper().restart();
      progress.step("ZooKeeper started again");
    }
  }

  private synchronized void restartClickHouseIfDead() {
    if (!closed && !clickhouseServer.isAlive()) {
      clickhouseServer.restart();
      progress.step("ClickHouse started again " + clickhouseUrl());
    }
  }

  private synchronized void restartOltpIfDead() {
    if (!closed && !oltp.isAlive()) {
      startOltpService();
      awaitOltpService();
    }
  }

  private synchronized void restartFlinkIfDead() {
    if (!closed && flink != null && !flink.isAlive()) {
      startFlink(true);
    }
  }

  private void startPostgres() {
    postgres = LocalPostgres.start(workDir.resolve("postgres"));
    progress.step("PostgreSQL " + postgres.jdbcUrl());
  }

  private void awaitOltpService() {
    HttpClient http = HttpClient.newHttpClient();
    oltp.awaitReady(() -> healthy(http), Duration.ofSeconds(120));
    progress.step("OLTP service " + apiUrl());
  }

  private void startAll() {
    startPostgres();
    // Created up front so the Flink source finds its topic at once rather than at discovery.
    List<String> topics = new ArrayList<>(CdcTopics.TABLES.stream().map(CdcTopics::topic).toList());
    topics.add(CdcTopics.heartbeatTopic());
    topics.add(SUGGESTIONS_TOPIC);
    if (clusterMode) {
      kafkaCluster = LocalKafkaCluster.start(workDir.resolve("kafka-cluster"));
      kafkaCluster.createTopics(topics);
      progress.step(
          "Kafka cluster "
              + kafkaCluster.bootstrapServers()
              + " ("
              + kafkaCluster.size()
              + " KRaft brokers, each a JVM; topics with "
              + kafkaCluster.replicationFactor()
              + " replicas)");
    } else {
      kafka = LocalKafka.start(workDir.resolve("kafka"));
      kafka.createTopics(topics);
      progress.step("Kafka " + kafka.bootstrapServers());
    }
    startOltpService();
    startClickHouse();
    if (clusterMode) {
      awaitOltpService();
      startConnect();
      startFlinkCluster();
      startSparkCluster();
    } else {
      // The Flink job warms up while the service and Debezium start.
      launchFlink(false);
      awaitOltpService();
      startCdc();
      awaitFlink(false);
    }
    writeStackFile();
  }

  /** A Kafka Connect worker with Debezium on its plugin path; the project's Connect JSON POSTed. */
  private void startConnect() {
    connect =
        LocalKafkaConnect.start(
            workDir.resolve("kafka-connect"),
            kafkaCluster.bootstrapServers(),
            modules.connectPluginPath(),
            modules.classpath("local-servers"),
            ConnectorConfig.WORKER_SETTINGS);
    connect.createConnector(
        ConnectorConfig.connectorName(), ConnectorConfig.connect(postgresTarget()));
    connect.awaitRunning(ConnectorConfig.connectorName(), Duration.ofMinutes(2));
    progress.step(
        "Kafka Connect "
            + connect.url()
            + ": the Debezium PostgreSQL connector from its plugin path, created from "
            + ConnectorConfig.RESOURCE);
  }

  private void startFlinkCluster() {
    flinkCluster =
        FlinkSessionCluster.start(
            workDir.resolve("flink-cluster"), modules.engineClasspath("streaming-jobs"), 2);
    progress.step(
        "Flink session cluster "
            + flinkCluster.restUrl()
            + " (a JobManager, "
            + flinkCluster.taskManagerCount()
            + " TaskManagers)");
    submitStreamingJobs(false);
  }

  /**
   * Submits every streaming job as {@code flink run -d} does, each with a checkpoint dir of its
   * own.
   */
  private void submitStreamingJobs(boolean restore) {
    for (String job : STREAMING_JOBS) {
      List<String> args = new ArrayList<>(List.of(job));
      args.addAll(jobOptions(flinkCluster.checkpointDir().resolve(job)));
      if (restore) {
        args.add("--restore-latest");
      }
      String id =
          flinkCluster.submit(
              modules.flinkJobJar(), args, workDir.resolve("logs/flink-run-" + job + ".log"));
      flinkCluster.awaitRunning(id, Duration.ofMinutes(2));
      jobIds.put(job, id);
      progress.step(
          "Flink job "
              + job
              + " submitted (flink run -d"
              + (restore ? ", from its newest checkpoint" : "")
              + "), running as "
              + id);
    }
  }

  private void startSparkCluster() {
    spark =
        SparkStandaloneCluster.start(
            workDir.resolve("spark-cluster"),
            modules.engineClasspath("batch-jobs", "slf4j-api-"),
            2,
            "2g");
    progress.step("Spark standalone cluster " + spark.masterUrl() + " (a master, a worker)");
  }

  private void startClickHouse() {
    if (clusterMode) {
      clickhouseCluster = LocalClickHouseCluster.start(workDir.resolve("clickhouse-cluster"));
      clickhouse =
          new ClickHouseClient(ClickHouseSettings.of(clickhouseUrl(), CLICKHOUSE_DATABASE));
      int applied = new Migrator(clickhouse, clickhouseCluster.name()).migrate().size();
      progress.step(
          "ClickHouse cluster "
              + clickhouseCluster.name()
              + ": "
              + clickhouseCluster.replicas().size()
              + " replicas and ZooKeeper "
              + clickhouseCluster.zooKeeper().connectString()
              + " ("
              + applied
              + " migrations applied ON CLUSTER: Replicated tables, Distributed tables for reads)");
      return;
    }
    clickhouseServer = LocalClickHouse.start(workDir.resolve("clickhouse"));
    clickhouse = new ClickHouseClient(ClickHouseSettings.of(clickhouseUrl(), CLICKHOUSE_DATABASE));
    int applied = new Migrator(clickhouse).migrate().size();
    progress.step("ClickHouse " + clickhouseUrl() + " (" + applied + " migrations applied)");
  }

  /** How to reach this stack's PostgreSQL and ClickHouse, for a later reconciliation. */
  private void writeStackFile() {
    java.util.Properties stackFile = new java.util.Properties();
    stackFile.setProperty("postgres-url", postgres.jdbcUrl());
    stackFile.setProperty("postgres-user", postgres.user());
    stackFile.setProperty("postgres-password", postgres.password());
    stackFile.setProperty("clickhouse-url", clickhouseUrl());
    stackFile.setProperty("clickhouse-database", CLICKHOUSE_DATABASE);
    stackFile.setProperty("default-time-zone", DEFAULT_TIME_ZONE);
    stackFile.setProperty("api-url", apiUrl());
    stackFile.setProperty("batch-metrics-dir", batchMetricsDir().toString());
    if (kafka != null || kafkaCluster != null) {
      stackFile.setProperty("kafka-bootstrap-servers", kafkaBootstrapServers());
    }
    if (connect != null) {
      stackFile.setProperty("connect-url", connect.url());
      stackFile.setProperty("cdc-metrics-url", connect.url() + "/metrics");
    }
    if (cdcMetricsServer != null) {
      stackFile.setProperty("cdc-metrics-url", metricsUrl(cdcMetricsServer.port()));
    }
    if (flink != null) {
      stackFile.setProperty("checkpoint-dir", workDir.resolve("flink-checkpoints").toString());
      stackFile.setProperty("flink-metrics-url", metricsUrl(flinkMetricsPort));
    }
    if (flinkCluster != null) {
      stackFile.setProperty("checkpoint-dir", flinkCluster.checkpointDir().toString());
      stackFile.setProperty("flink-metrics-url", String.join(",", flinkCluster.metricsUrls()));
      stackFile.setProperty("flink-rest-url", flinkCluster.restUrl());
    }
    if (spark != null) {
      stackFile.setProperty("spark-master-url", spark.masterUrl());
      stackFile.setProperty("spark-master-ui-url", spark.masterUiUrl());
    }
    try (var out = java.nio.file.Files.newBufferedWriter(workDir.resolve(STACK_FILE))) {
      stackFile.store(out, "the local stack started by ./chainstore demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String metricsUrl(int port) {
    return "http://127.0.0.1:" + port + "/metrics";
  }

  /** Compares this stack's ClickHouse with its PostgreSQL. */
  public io.chainstore.demo.reconcile.Reconciler reconciler() {
    return new io.chainstore.demo.reconcile.Reconciler(
        postgres::connect, clickhouse, DEFAULT_TIME_ZONE);
  }

  private String serviceTmp() {
    Path tmp = workDir.resolve("oltp-service-tmp");
    try {
      return Files.createDirectories(tmp).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startOltpService() {
    if (apiPort == 0) {
      apiPort = FreePorts.one(); // a restart keeps the port, so clients keep working
    }
    oltp =
        ChildProcess.start(
            SERVICE,
            List.of(
                Modules.java(),
                "-Xmx512m",
                "-XX:+UseParallelGC",
                // Tomcat's directories with the stack's data, not left in /tmp by every run
                "-Djava.io.tmpdir=" + serviceTmp(),
                "-jar",
                modules.oltpServiceJar().toString()),
            Map.of(
                "PORT",
                Integer.toString(apiPort),
                "POSTGRES_URL",
                postgres.jdbcUrl(),
                "POSTGRES_USER",
                postgres.user(),
                "POSTGRES_PASSWORD",
                postgres.password(),
                "CHAINSTORE_ADMIN_API_KEY",
                adminApiKey,
                "DEFAULT_TIME_ZONE",
                DEFAULT_TIME_ZONE,
                // the transactional-only stack (benches) has no Kafka: no suggestions are read
                "KAFKA_BOOTSTRAP_SERVERS",
                kafka == null && kafkaCluster == null ? "" : kafkaBootstrapServers(),
                "SUGGESTIONS_TOPIC",
                SUGGESTIONS_TOPIC),
            workDir.resolve("logs/oltp-service.log"));
  }

  private void startFlink(boolean restore) {
    launchFlink(restore);
    awaitFlink(restore);
  }

  /**
   * Replays everything: the Flink jobs start again without their state and read every topic from
   * the start, over the rows they wrote before.
   */
  public synchronized void restartFlinkWithoutState() {
    ChildProcess old = flink;
    flink = null;
    old.kill();
    progress.step("Flink jobs stopped");
    startFlink(false);
  }

  private void launchFlink(boolean restore) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            Modules.java(),
            stateOptions.isEmpty() ? "-Xmx768m" : "-Xmx1g",
            "-cp",
            modules.classpath("streaming-jobs")));
    command.addAll(List.of("io.chainstore.streaming.StreamingJobs", "all"));
    command.addAll(jobOptions(workDir.resolve("flink-checkpoints")));
    command.addAll(List.of("--tmp-dir", workDir.resolve("flink-tmp").toString()));
    if (flinkMetricsPort == 0) {
      flinkMetricsPort = FreePorts.one(); // kept across restarts, as the stack file names it
    }
    command.addAll(List.of("--metrics-port", Integer.toString(flinkMetricsPort)));
    command.addAll(stateOptions);
    if (restore) {
      command.add("--restore-latest");
    }
    flinkStarts++;
    flink =
        ChildProcess.start(
            JOBS, command, Map.of(), workDir.resolve("logs/analytics-" + flinkStarts + ".log"));
  }

  /** What every streaming job is told, locally or on the cluster. */
  private List<String> jobOptions(Path checkpointDir) {
    return List.of(
        "--kafka-bootstrap-servers",
        kafkaBootstrapServers(),
        "--default-time-zone",
        DEFAULT_TIME_ZONE,
        "--suggestions-topic",
        SUGGESTIONS_TOPIC,
        "--clickhouse-url",
        clickhouseUrl(),
        "--clickhouse-database",
        CLICKHOUSE_DATABASE,
        "--checkpoint-dir",
        checkpointDir.toString(),
        "--checkpoint-interval-ms",
        Long.toString(checkpointMillis),
        "--flush-ms",
        Long.toString(flushMillis),
        "--parallelism",
        "1");
  }

  private void awaitFlink(boolean restore) {
    flink.awaitReady(() -> flink.logContains("running as job"), Duration.ofSeconds(120));
    progress.step(
        "Flink jobs "
            + String.join(", ", STREAMING_JOBS)
            + " running"
            + (restore ? " (restored from their latest checkpoint)" : ""));
  }

  /**
   * Kills the Flink jobs' process as {@code kill -9} would and returns once the supervisor has them
   * running again from their latest checkpoint.
   */
  public void crashFlink() {
    if (clusterMode) {
      // the TaskManager that runs store-kpis, so that a job surely has to move
      int tm = flinkCluster.taskManagerOf(jobIds.get(STREAMING_JOBS.get(0)));
      crash(taskManager(tm), () -> flinkCluster.killTaskManager(tm));
    } else {
      crash(JOBS, flink::kill);
    }
  }

  /** In cluster mode: how many failures Flink recovered the jobs from, over all jobs. */
  long flinkJobFailures() {
    return flinkCluster.jobFailures();
  }

  /**
   * Kills ClickHouse as {@code kill -9} would and returns once the supervisor has it back; in
   * cluster mode the replica the jobs write through.
   */
  public void crashClickHouse() {
    if (clickhouseCluster != null) {
      crash(
          clickhouseReplica(0),
          () -> {
            try {
              clickhouseCluster.kill(0);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          });
      return;
    }
    crash(
        CLICKHOUSE,
        () -> {
          try {
            clickhouseServer.kill();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  private void crash(String part, Runnable kill) {
    int before = supervisor.restarts(part);
    kill.run();
    progress.step(part + " killed");
    awaitRestart(part, before);
  }

  private void awaitRestart(String part, int restartsBefore) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (supervisor.restarts(part) == restartsBefore) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(part + " was not started again within 3 minutes");
      }
      ChildProcess.sleep(100);
    }
  }

  private PostgresTarget postgresTarget() {
    return new PostgresTarget(
        "127.0.0.1", postgres.port(), LocalPostgres.DATABASE, postgres.user(), postgres.password());
  }

  private void startCdc() {
    PostgresTarget db = postgresTarget();
    cdc =
        CdcEngine.start(
            db, kafkaBootstrapServers(), workDir.resolve("cdc-offsets.dat"), 1000, cdcMetrics);
    if (cdcMetricsServer == null) {
      try {
        cdcMetricsServer = CdcMetricsServer.start(db, cdcMetrics, 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    progress.step("Debezium streaming PostgreSQL changes to Kafka");
  }

  /**
   * Stops Debezium, sends the newest {@code perTopic} change events of every table again (what an
   * at-least-once connector does after a restart: events it had sent, once more) and starts it
   * again.
   */
  public int restartCdcResending(int perTopic) {
    cdc.close();
    progress.step("Debezium stopped");
    int resent =
        ChangeRedelivery.resendNewest(
            kafkaBootstrapServers(),
            CdcTopics.TABLES.stream().map(CdcTopics::topic).toList(),
            perTopic);
    progress.step(resent + " change events sent again");
    startCdc();
    return resent;
  }

  /**
   * Kills the OLTP service as {@code kill -9} would and returns once the supervisor has it serving
   * again, on the same port.
   */
  public void crashOltpService() {
    crash(SERVICE, oltp::kill);
  }

  /** Runs the Spark job member-profiles to completion; returns its exit code. */
  public int runMemberProfiles() {
    ChildProcess run =
        clusterMode
            ? spark.submit(
                "member-profiles",
                modules.batchJobsJar(),
                "io.chainstore.batch.profiles.MemberProfilesJob",
                "1g",
                memberProfilesOptions(),
                workDir.resolve("logs/member-profiles.log"))
            : memberProfiles("1g");
    return run.awaitExit(Duration.ofMinutes(10));
  }

  /** Starts the Spark job member-profiles (local mode, a driver heap of {@code heap}). */
  ChildProcess memberProfiles(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Modules.java());
    command.add("-Xmx" + heap);
    command.addAll(Arrays.asList(Modules.sparkJvmFlags().split("\\s+")));
    command.addAll(List.of("-cp", modules.classpath("batch-jobs")));
    command.add("io.chainstore.batch.profiles.MemberProfilesJob");
    command.addAll(memberProfilesOptions());
    return ChildProcess.start(
        "member-profiles", command, Map.of(), workDir.resolve("logs/member-profiles.log"));
  }

  private List<String> memberProfilesOptions() {
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--model-dir", workDir.resolve("models").toString()));
    options.addAll(metricsFile("member-profiles"));
    options.addAll(sourceAndWarehouseOptions());
    return options;
  }

  /** Runs the Spring Batch job export-segment to completion; returns its exit code. */
  public int runExportSegment(String segment, Path output) {
    return exportSegment(segment, output).awaitExit(Duration.ofMinutes(5));
  }

  ChildProcess exportSegment(String segment, Path output) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(Modules.java(), "-Xmx512m", "-cp", modules.classpath("batch-jobs")));
    command.add("io.chainstore.batch.segment.ExportSegmentMain");
    command.addAll(List.of("--segment", segment, "--output", output.toString()));
    command.addAll(metricsFile("export-segment"));
    command.addAll(sourceAndWarehouseOptions());
    return ChildProcess.start(
        "export-segment", command, Map.of(), workDir.resolve("logs/export-segment.log"));
  }

  /**
   * Runs the Spring Batch job target-coupons to completion: template {@code templateId} to the
   * members of {@code segment} as {@code batch}; returns its exit code.
   */
  public int runTargetCoupons(String segment, long templateId, String batch) {
    return targetCoupons(segment, templateId, batch).awaitExit(Duration.ofMinutes(5));
  }

  ChildProcess targetCoupons(String segment, long templateId, String batch) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(Modules.java(), "-Xmx512m", "-cp", modules.classpath("batch-jobs")));
    command.add("io.chainstore.batch.segment.TargetCouponsMain");
    command.addAll(
        List.of(
            "--segment",
            segment,
            "--template-id",
            Long.toString(templateId),
            "--batch",
            batch,
            "--service-url",
            apiUrl(),
            "--api-key",
            adminApiKey));
    command.addAll(metricsFile("target-coupons"));
    command.addAll(sourceAndWarehouseOptions());
    return ChildProcess.start(
        "target-coupons", command, Map.of(), workDir.resolve("logs/target-coupons.log"));
  }

  /** Where the batch jobs leave their last run's figures, as a textfile collector reads them. */
  Path batchMetricsDir() {
    return workDir.resolve("metrics");
  }

  private List<String> metricsFile(String job) {
    return List.of("--metrics-file", batchMetricsDir().resolve(job + ".prom").toString());
  }

  private List<String> sourceAndWarehouseOptions() {
    return List.of(
        "--postgres-url", postgres.jdbcUrl(),
        "--postgres-user", postgres.user(),
        "--clickhouse-url", clickhouseUrl(),
        "--clickhouse-database", CLICKHOUSE_DATABASE);
  }

  /** An HQ admin client of the OLTP service. */
  String adminApiKey() {
    return adminApiKey;
  }

  long oltpServicePid() {
    return oltp.pid();
  }

  ApiClient adminApi() {
    return new ApiClient(apiUrl(), adminApiKey);
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + apiPort;
  }

  public ClickHouseClient clickhouse() {
    return clickhouse;
  }

  /** Where the jobs write and the reports read: the server, or a cluster's first replica. */
  public String clickhouseUrl() {
    return clickhouseCluster != null ? clickhouseCluster.url() : clickhouseServer.url();
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  public String kafkaBootstrapServers() {
    return kafkaCluster != null ? kafkaCluster.bootstrapServers() : kafka.bootstrapServers();
  }

  public Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    // First, and outside the lock: a restart under way holds it.
    quietly(supervisor);
    synchronized (this) {
      closed = true;
      stopAll();
    }
  }

  private void stopAll() {
    quietly(spark);
    quietly(flinkCluster);
    quietly(flink);
    quietly(cdc);
    quietly(cdcMetricsServer);
    quietly(connect);
    quietly(oltp);
    quietly(kafka);
    quietly(kafkaCluster);
    quietly(postgres);
    quietly(clickhouseServer);
    quietly(clickhouseCluster);
    spark = null;
    flinkCluster = null;
    flink = null;
    cdc = null;
    cdcMetricsServer = null;
    connect = null;
    kafkaCluster = null;
    oltp = null;
    kafka = null;
    postgres = null;
    clickhouseServer = null;
    clickhouseCluster = null;
  }

  private static void quietly(AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception e) {
      System.err.println("stopping " + part.getClass().getSimpleName() + " failed: " + e);
    }
  }

  private boolean healthy(HttpClient http) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(apiUrl() + "/actuator/health")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
