package io.chainstore.streaming.kpi;

import io.chainstore.streaming.Checkpoints;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.SourceTopics;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * store-kpis: order changes from CDC → per-order contribution → per-bucket totals → ClickHouse.
 * This class only wires; the logic is in the functions it names.
 */
public final class StoreKpisJob {

  public static final String NAME = "store-kpis";

  private StoreKpisJob() {}

  /** Declares the pipeline from {@code source} to {@code sink}. */
  public static void build(
      StreamExecutionEnvironment env, Source<OrderChange, ?, ?> source, Sink<KpiRow> sink) {
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "orders-cdc")
        .uid("orders-cdc")
        .keyBy(change -> change.order().orderId())
        .process(new OrderContributionFunction())
        .uid("order-contributions")
        .name("order-contributions")
        .keyBy(delta -> delta.key().id())
        .process(new KpiAggregateFunction())
        .uid("kpi-aggregates")
        .name("kpi-aggregates")
        .sinkTo(sink)
        .uid("clickhouse-store-kpi")
        .name("clickhouse-store-kpi");
  }

  public static KafkaSource<OrderChange> kafkaSource(
      String bootstrapServers, String topic, String groupId) {
    return KafkaSource.<OrderChange>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(topic)
        .setGroupId(groupId)
        // First start reads the topic from the beginning; a restore resumes from its checkpoint.
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new OrderChangeDeserializer())
        .build();
  }

  /** Options as named in the module README; environment variables work as fallbacks. */
  public static void main(String[] argv) throws Exception {
    JobOptions options = new JobOptions(argv, System.getenv());
    Configuration conf = new Configuration();
    String checkpointDir = options.get("checkpoint-dir", null);
    if (checkpointDir != null) {
      conf.set(
          CheckpointingOptions.CHECKPOINTS_DIRECTORY, Path.of(checkpointDir).toUri().toString());
      if (options.getBoolean("restore-latest")) {
        Optional<Path> latest = Checkpoints.latest(Path.of(checkpointDir));
        latest.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
        System.out.println(
            NAME
                + ": "
                + latest.map(p -> "restoring from " + p).orElse("no checkpoint, fresh start"));
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism((int) options.getLong("parallelism", env.getParallelism()));
    env.enableCheckpointing(
        options.getLong("checkpoint-interval-ms", 10_000), CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(
            org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.setBufferTimeout(options.getLong("buffer-timeout-ms", 5));

    ClickHouseSettings clickhouse = ClickHouseSettings.fromOptions(name -> options.get(name, null));
    build(
        env,
        kafkaSource(
            options.get("kafka-bootstrap-servers", "127.0.0.1:9092"),
            options.get("topic", SourceTopics.ORDERS),
            options.get("group-id", "chainstore-" + NAME)),
        new ClickHouseKpiSink(clickhouse, options.getLong("flush-ms", 200)));
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(NAME);
    JobClient job = env.executeAsync(graph);
    System.out.println(NAME + ": running as job " + job.getJobID());
    job.getJobExecutionResult().get();
  }
}
