package io.chainstore.ingestion.connect;

import java.util.Map;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * Adds {@code GET /metrics} (Prometheus' text format) to a Kafka Connect worker's REST API: the CDC
 * figures of the connector tasks running on it and the replication slots' health. A worker loads it
 * from the connector's plugin directory when its properties name it ({@link
 * io.chainstore.ingestion.ConnectorConfig#WORKER_SETTINGS}).
 */
public class CdcMetricsExtension implements ConnectRestExtension {

  @Override
  public void register(ConnectRestExtensionContext context) {
    context.configurable().register(new CdcMetricsResource());
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure: the database comes from the connector's own settings
  }

  @Override
  public void close() {
    // nothing held
  }

  @Override
  public String version() {
    String version = getClass().getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }
}
