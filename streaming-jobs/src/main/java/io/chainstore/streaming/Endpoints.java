package io.chainstore.streaming;

import io.chainstore.streaming.cdc.CdcSources;
import io.chainstore.streaming.cdc.ChangeDecoder;
import io.chainstore.streaming.sink.Backoff;
import io.chainstore.streaming.sink.ClickHouseSink;
import io.chainstore.streaming.sink.RowFormat;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;

/**
 * Where a job reads and writes, from the options every job shares: the Kafka brokers, topic prefix
 * and consumer group, ClickHouse, how often its sinks flush and how they retry a failed write.
 */
public record Endpoints(
    String kafkaBootstrapServers,
    String topicPrefix,
    String groupId,
    ClickHouseSettings clickhouse,
    long flushMillis,
    Backoff retries) {

  public static Endpoints of(JobOptions options, String job) {
    return new Endpoints(
        options.get("kafka-bootstrap-servers", "127.0.0.1:9092"),
        options.get("topic-prefix", CdcSources.DEFAULT_PREFIX),
        options.get("group-id", "chainstore-" + job),
        ClickHouseSettings.fromOptions(name -> options.get(name, null)),
        options.getLong("flush-ms", 200),
        new Backoff(
            options.getLong("sink-retry-first-ms", 100),
            options.getLong("sink-retry-max-ms", 30_000)));
  }

  /** The change events of the tables, decoded. */
  public <T> KafkaSource<T> changes(List<String> tables, ChangeDecoder<T> decoder, Class<T> type) {
    return CdcSources.of(
        kafkaBootstrapServers, groupId, topicPrefix, tables, decoder, TypeInformation.of(type));
  }

  /** The connector's heartbeat times. */
  public KafkaSource<Long> heartbeats() {
    return CdcSources.heartbeats(kafkaBootstrapServers, groupId, topicPrefix);
  }

  /** A ClickHouse sink of rows in that format. */
  public <T> ClickHouseSink<T> sink(RowFormat<T> format) {
    return new ClickHouseSink<>(clickhouse, format, flushMillis, retries);
  }
}
