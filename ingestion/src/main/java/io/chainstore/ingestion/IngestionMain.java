package io.chainstore.ingestion;

import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the CDC connector as a standalone process (where no Kafka Connect cluster is used).
 * Configured by environment: POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER,
 * POSTGRES_PASSWORD, KAFKA_BOOTSTRAP_SERVERS, CDC_OFFSETS_FILE, CDC_HEARTBEAT_MS, and
 * CDC_METRICS_PORT (events forwarded, commit-to-Kafka lag and the replication slot's figures for
 * Prometheus at /metrics; unset: none).
 */
public final class IngestionMain {

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
    CdcEngine engine =
        CdcEngine.start(
            db,
            env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
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
