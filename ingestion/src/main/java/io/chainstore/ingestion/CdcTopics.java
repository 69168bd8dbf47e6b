package io.chainstore.ingestion;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The captured tables and their Kafka topics ({@code <topic.prefix>.public.<table>}), read from the
 * connector configuration so that the list exists once.
 */
public final class CdcTopics {

  private static final Properties CONFIG = ConnectorConfig.connectConfig();

  public static final String PREFIX = CONFIG.getProperty("topic.prefix");
  public static final List<String> TABLES =
      Arrays.stream(CONFIG.getProperty("table.include.list").split(","))
          .map(String::strip)
          .map(qualified -> qualified.substring(qualified.indexOf('.') + 1))
          .toList();

  private CdcTopics() {}

  public static String topic(String table) {
    return PREFIX + ".public." + table;
  }

  /** Where the connector sends its heartbeats (they move consumers' event time on). */
  public static String heartbeatTopic() {
    return "__debezium-heartbeat." + PREFIX;
  }
}
