package io.chainstore.streaming.cdc;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** Kafka sources of CDC topics: where jobs read the transactional tables' changes. */
public final class CdcSources {

  /** The connector's default topic prefix: its topics are {@code <prefix>.public.<table>}. */
  public static final String DEFAULT_PREFIX = "chainstore";

  /** How often sources look for new topics (and partitions). */
  public static final long DISCOVERY_MS = 10_000;

  private CdcSources() {}

  /** Exactly the topics of these tables. */
  static Pattern topics(String prefix, List<String> tables) {
    return Pattern.compile(
        tables.stream()
            .map(table -> Pattern.quote(topic(prefix, table)))
            .collect(Collectors.joining("|")));
  }

  public static String topic(String prefix, String table) {
    return prefix + ".public." + table;
  }

  /**
   * A source of the tables' change events, decoded. A first start reads the topics from the
   * beginning (the connector's snapshot, then every change); a restore resumes from its checkpoint.
   * Topics are matched by name, not listed: the connector creates a table's topic with its first
   * change, so a job may start before some exist; they are found within {@link #DISCOVERY_MS} and
   * read from their beginning.
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
        .setTopicPattern(topics(topicPrefix, tables))
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setProperty("partition.discovery.interval.ms", Long.toString(DISCOVERY_MS))
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
