package io.chainstore.ingestion;

import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the CDC connector as a standalone process (where no Kafka Connect cluster is used).
 * Configured by environment: POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER,
 * POSTGRES_PASSWORD, KAFKA_BOOTSTRAP_SERVERS, CDC_OFFSETS_FILE, CDC_HEARTBEAT_MS, and
 * CDC_METRICS_PORT (events forwarded, commit-to-Kafka lag and the replication slot's figures for
 * Prometheus at /metrics; unset: none). Logs are text lines; {@code
 * LOG4J_CONFIGURATION_FILE=log4j2-json.xml} makes them one JSON object each (Elastic Common
 * Schema).
 */
public final class IngestionMain {

  private static final Logger LOG = LoggerFactory.getLogger(IngestionMain.class);

  private IngestionMain() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    Map<String, String> env = System.getenv();
    PostgresTarget db =
        new PostgresTarget(
            env.getOrDefault("POSTGRES_HOST", "127.0.0.1"),
            Integer.parseInt(env.getOrDefault("POSTGRES_PORT", "5432")),
            env.getOrDefault("POSTGRES_DB", "chainstore"),
            env.getOrDefault("POSTGRES_USER", "postgres"),
            env.getOrDefault("POSTGRES_PASSWORD", ""));
    String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    LOG.info(
        "starting CDC from PostgreSQL {}:{}/{} to Kafka at {}",
        db.host(),
        db.port(),
        db.database(),
        kafka);
    CdcEngine engine =
        CdcEngine.start(
            db,
            kafka,
            Path.of(env.getOrDefault("CDC_OFFSETS_FILE", "cdc-offsets.dat")),
            Long.parseLong(env.getOrDefault("CDC_HEARTBEAT_MS", "10000")));
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
    String metricsPort = env.get("CDC_METRICS_PORT");
    if (metricsPort != null && !metricsPort.isBlank()) {
      CdcMetricsServer metrics =
          CdcMetricsServer.start(db, engine.metrics(), Integer.parseInt(metricsPort));
      Runtime.getRuntime().addShutdownHook(new Thread(metrics::close));
    }
    engine.awaitStop();
    if (engine.failure() != null) {
      System.exit(1);
    }
  }
}
