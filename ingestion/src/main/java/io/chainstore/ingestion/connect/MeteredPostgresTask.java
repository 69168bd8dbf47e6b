package io.chainstore.ingestion.connect;

import io.chainstore.ingestion.CdcMetrics;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's PostgreSQL task, plus the figures of {@link CdcMetrics}: the worker calls {@link
 * #commitRecord} once Kafka acknowledged a record, which is the moment the lag from commit to Kafka
 * ends.
 */
public class MeteredPostgresTask extends PostgresConnectorTask {

  @Override
  public ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> start(
      Configuration config) {
    WorkerCdcMetrics.readsFrom(
        new PostgresTarget(
            config.getString("database.hostname"),
            config.getInteger("database.port", 5432),
            config.getString("database.dbname"),
            config.getString("database.user"),
            config.getString("database.password")));
    return super.start(config);
  }

  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata)
      throws InterruptedException {
    super.commitRecord(record, metadata);
    // No metadata: a record a transform dropped, or the embedded engine, which times on its own.
    if (metadata != null) {
      WorkerCdcMetrics.FORWARDED.forwarded(
          metadata.topic(), CdcMetrics.commitMillis(record.value()), System.currentTimeMillis());
    }
  }
}
