package io.chainstore.streaming.cdc;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** Kafka sources of CDC topics: where jobs read the transactional tables' changes. */
public final class CdcSources {

  /** The connector's default topic prefix: its topics are {@code <prefix>.public.<table>}. */
  public static final String DEFAULT_PREFIX = "chainstore";

  private CdcSources() {}

  public static String topic(String prefix, String table) {
    return prefix + ".public." + table;
  }

  /**
   * A source of the tables' change events, decoded. A first start reads the topics from the
   * beginning (the connector's snapshot, then every change); a restore resumes from its checkpoint.
   */
  public static <T> KafkaSource<T> of(
      String bootstrapServers,
      String groupId,
      String topicPrefix,
      List<String> tables,
      ChangeDecoder<T> decoder,
      TypeInformation<T> type) {
    return KafkaSource.<T>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(tables.stream().map(table -> topic(topicPrefix, table)).toList())
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new ChangeDeserializer<>(decoder, type))
        .build();
  }

  /** The connector's heartbeat topic: {@code __debezium-heartbeat.<prefix>}. */
  public static String heartbeatTopic(String prefix) {
    return "__debezium-heartbeat." + prefix;
  }

  /** The times of the connector's heartbeats. */
  public static KafkaSource<Long> heartbeats(
      String bootstrapServers, String groupId, String topicPrefix) {
    return KafkaSource.<Long>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(heartbeatTopic(topicPrefix))
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new HeartbeatDeserializer())
        .build();
  }
}
