package io.chainstore.ingestion.connect;

import io.chainstore.ingestion.CdcMetrics;
import io.chainstore.ingestion.CdcMetricsPage;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the connector tasks on this worker forwarded, and the database the latest of them read:
 * written by {@link MeteredPostgresTask}, served by {@link CdcMetricsResource}.
 */
final class WorkerCdcMetrics {

  static final CdcMetrics FORWARDED = new CdcMetrics();

  /**
   * Kept after the task stops: the slot keeps WAL while no connector reads it, and that is when its
   * figure matters most.
   */
  private static final AtomicReference<PostgresTarget> DATABASE = new AtomicReference<>();

  private WorkerCdcMetrics() {}

  static void readsFrom(PostgresTarget db) {
    DATABASE.set(db);
  }

  static String page() {
    return CdcMetricsPage.render(FORWARDED, DATABASE.get());
  }
}
