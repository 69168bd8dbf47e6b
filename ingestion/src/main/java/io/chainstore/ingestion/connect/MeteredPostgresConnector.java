package io.chainstore.ingestion.connect;

import io.debezium.connector.postgresql.PostgresConnector;
import org.apache.kafka.connect.connector.Task;

/**
 * Debezium's PostgreSQL connector, unchanged but for its task, which also counts and times each
 * change Kafka acknowledged ({@link MeteredPostgresTask}).
 */
public class MeteredPostgresConnector extends PostgresConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return MeteredPostgresTask.class;
  }
}
