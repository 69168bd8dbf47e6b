package io.chainstore.streaming;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * What every job's main does the same way: checkpoints (exactly-once state, retained on
 * cancellation, optionally restored from the newest), a restart strategy, parallelism, then the
 * job's own pipeline.
 */
public final class StreamingJob {

  private StreamingJob() {}

  /**
   * Flink's Prometheus reporter on {@code port} (a port or a range such as {@code 9249-9259}):
   * every job, checkpoint, source and sink metric at {@code /metrics}.
   */
  public static void prometheusReporter(Configuration conf, String port) {
    conf.setString(
        "metrics.reporter.prom.factory.class",
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    conf.setString("metrics.reporter.prom.port", port);
  }

  public static void run(
      String name, JobOptions options, Consumer<StreamExecutionEnvironment> pipeline)
      throws Exception {
    Configuration conf = new Configuration();
    String checkpointDir = options.get("checkpoint-dir", null);
    if (checkpointDir != null) {
      conf.set(
          CheckpointingOptions.CHECKPOINTS_DIRECTORY, Path.of(checkpointDir).toUri().toString());
      if (options.getBoolean("restore-latest")) {
        Optional<Path> latest = Checkpoints.latest(Path.of(checkpointDir));
        latest.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
        System.out.println(
            name
                + ": "
                + latest.map(p -> "restoring from " + p).orElse("no checkpoint, fresh start"));
      }
    }
    // Heap state is fastest but bounded by the heap; a chain's history wants RocksDB (on disk,
    // incremental checkpoints). Unset: whatever the cluster configures (heap by default).
    String stateBackend = options.get("state-backend", null);
    if (stateBackend != null) {
      if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
        throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb");
      }
      conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
      conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, stateBackend.equals("rocksdb"));
      // Most lookups are misses (each order opens new minute buckets): bloom filters spare them
      // a read of every level.
      conf.setString("state.backend.rocksdb.use-bloom-filter", "true");
      // Index and filter blocks in partitions: the cache holds the parts lookups touch, not each
      // file's whole index and filter, which outgrow it as the history grows.
      conf.setString("state.backend.rocksdb.memory.partitioned-index-filters", "true");
    }
    // RocksDB's block cache and write buffers come out of managed memory; Flink gives a local run
    // 128 MB, and once a month of minute buckets no longer has its index and filter blocks in
    // there, every lookup reads them from disk. On a cluster its own setting applies.
    String managedMemory = options.get("managed-memory", null);
    if (managedMemory != null) {
      conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(managedMemory));
    }
    // Where a local run keeps RocksDB's files and spills: under the caller's work dir, so that a
    // killed process leaves nothing behind in the system's temp dir. On a cluster, its own setting.
    String tmpDir = options.get("tmp-dir", null);
    if (tmpDir != null) {
      conf.set(CoreOptions.TMP_DIRS, Path.of(tmpDir).toAbsolutePath().toString());
    }
    // A failed task restarts the job from its last checkpoint, waiting longer after each failure
    // in a row (up to a minute), and by default never gives up: a platform that heals by itself
    // rides out an outage of Kafka or ClickHouse of any length.
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
        Duration.ofMillis(options.getLong("restart-delay-ms", 1000)));
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
        Duration.ofMillis(options.getLong("restart-max-delay-ms", 60_000)));
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
        (int) options.getLong("restart-attempts", Integer.MAX_VALUE));
    // Prometheus metrics of a local run (a cluster configures its reporter in its own config).
    String metricsPort = options.get("metrics-port", null);
    if (metricsPort != null) {
      prometheusReporter(conf, metricsPort);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism((int) options.getLong("parallelism", env.getParallelism()));
    env.enableCheckpointing(
        options.getLong("checkpoint-interval-ms", 10_000), CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.setBufferTimeout(options.getLong("buffer-timeout-ms", 5));
    // Rows between chained operators are passed on, not copied: every row type is an immutable
    // record, and operators emit new rows rather than changing ones they were given.
    env.getConfig().enableObjectReuse();
    pipeline.accept(env);
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    JobClient job = env.executeAsync(graph);
    System.out.println(name + ": running as job " + job.getJobID());
    // `flink run -d` hands the job to the cluster and returns; a local run, or an attached
    // `flink run`, stays with its job until it ends.
    if (env instanceof LocalStreamEnvironment
        || env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
      job.getJobExecutionResult().get();
    }
  }
}
