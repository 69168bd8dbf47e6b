package io.chainstore.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Debezium connector settings. They live in one file, {@code connect/chainstore-postgres.json},
 * which a Kafka Connect cluster accepts as it is; the embedded engine and a launcher that POSTs it
 * to a Connect worker read the same file and override only where it connects (and, embedded, where
 * it keeps offsets).
 */
public final class ConnectorConfig {

  public static final String RESOURCE = "connect/chainstore-postgres.json";

  /**
   * What a Kafka Connect worker's properties need beside the plugin: the extension that serves the
   * CDC figures at {@code /metrics}. (A name, not a class: a launcher without Connect's API on its
   * classpath passes it on.)
   */
  public static final Map<String, String> WORKER_SETTINGS =
      Map.of("rest.extension.classes", "io.chainstore.ingestion.connect.CdcMetricsExtension");

  private ConnectorConfig() {}

  /** The {@code config} object of the Connect JSON, as given. */
  public static Properties connectConfig() {
    JsonNode config = connectJson().path("config");
    Properties props = new Properties();
    Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      props.setProperty(field.getKey(), field.getValue().asText());
    }
    return props;
  }

  /** The connector's {@code name} in the Connect JSON. */
  public static String connectorName() {
    return connectJson().path("name").asText();
  }

  /**
   * What a Kafka Connect worker is given for {@code db}: the Connect JSON's settings with only the
   * connection replaced.
   */
  public static Map<String, String> connect(PostgresTarget db) {
    Properties props = connectConfig();
    connectTo(props, db);
    Map<String, String> config = new TreeMap<>();
    props.stringPropertyNames().forEach(key -> config.put(key, props.getProperty(key)));
    return config;
  }

  /** Settings for the embedded engine: the Connect settings plus connection and offset store. */
  public static Properties embedded(PostgresTarget db, Path offsetsFile, long heartbeatMillis) {
    Properties props = connectConfig();
    props.setProperty("name", "chainstore-embedded");
    connectTo(props, db);
    props.setProperty("heartbeat.interval.ms", Long.toString(heartbeatMillis));
    props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    props.setProperty("offset.storage.file.filename", offsetsFile.toAbsolutePath().toString());
    props.setProperty("offset.flush.interval.ms", "1000");
    // The embedded engine emits JSON without schemas, as the Connect JSON asks of its converters.
    props.setProperty("converter.schemas.enable", "false");
    return props;
  }

  private static void connectTo(Properties props, PostgresTarget db) {
    props.setProperty("database.hostname", db.host());
    props.setProperty("database.port", Integer.toString(db.port()));
    props.setProperty("database.user", db.user());
    props.setProperty("database.password", db.password());
    props.setProperty("database.dbname", db.database());
  }

  private static JsonNode connectJson() {
    try (InputStream in = ConnectorConfig.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the connector finds PostgreSQL. */
  public record PostgresTarget(
      String host, int port, String database, String user, String password) {}
}
