package io.chainstore.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import io.chainstore.ingestion.connect.CdcMetricsExtension;
import io.chainstore.ingestion.connect.MeteredPostgresConnector;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

  @Test
  void connectJsonCarriesTheSettingsCorrectnessDependsOn() {
    Properties config = ConnectorConfig.connectConfig();
    // Debezium's connector, whose task also times each change Kafka acknowledged.
    assertThat(config.getProperty("connector.class"))
        .isEqualTo(MeteredPostgresConnector.class.getName());
    assertThat(ConnectorConfig.WORKER_SETTINGS)
        .containsEntry("rest.extension.classes", CdcMetricsExtension.class.getName());
    assertThat(config.getProperty("plugin.name")).isEqualTo("pgoutput");
    // Money must not pass through double.
    assertThat(config.getProperty("decimal.handling.mode")).isIn("string", "precise");
    assertThat(config.getProperty("heartbeat.interval.ms")).isNotBlank();
    assertThat(config.getProperty("value.converter.schemas.enable")).isEqualTo("false");
    // No secret in the file: Connect resolves it from the worker's environment.
    assertThat(config.getProperty("database.password")).startsWith("${env:");
  }

  @Test
  void topicsFollowThePrefixAndTheTableList() {
    assertThat(CdcTopics.TABLES)
        .contains(
            "orders",
            "order_lines",
            "stock",
            "members",
            "suggested_transfers",
            "bookings",
            "referral_chains",
            "referral_commissions",
            "work_orders",
            "work_order_lines",
            "order_fulfilments",
            "supplier_ledger");
    assertThat(CdcTopics.topic("orders")).isEqualTo("chainstore.public.orders");
  }

  @Test
  void connectSettingsOverrideOnlyTheConnection() {
    Map<String, String> connect =
        ConnectorConfig.connect(new PostgresTarget("127.0.0.1", 5499, "shop", "u", "p"));
    Properties file = ConnectorConfig.connectConfig();
    assertThat(connect)
        .containsEntry("database.hostname", "127.0.0.1")
        .containsEntry("database.port", "5499")
        .containsEntry("database.dbname", "shop")
        .containsEntry("database.user", "u")
        .containsEntry("database.password", "p");
    assertThat(connect.keySet()).isEqualTo(file.stringPropertyNames());
    file.stringPropertyNames().stream()
        .filter(key -> !key.startsWith("database."))
        .forEach(key -> assertThat(connect).containsEntry(key, file.getProperty(key)));
    assertThat(ConnectorConfig.connectorName()).isEqualTo("chainstore-postgres");
  }

  @Test
  void embeddedSettingsOverrideOnlyConnectionAndOffsets() {
    Properties embedded =
        ConnectorConfig.embedded(
            new PostgresTarget("127.0.0.1", 5499, "shop", "u", "p"), Path.of("offsets.dat"), 500);
    assertThat(embedded.getProperty("database.port")).isEqualTo("5499");
    assertThat(embedded.getProperty("database.password")).isEqualTo("p");
    assertThat(embedded.getProperty("offset.storage.file.filename")).endsWith("offsets.dat");
    assertThat(embedded.getProperty("table.include.list"))
        .isEqualTo(ConnectorConfig.connectConfig().getProperty("table.include.list"));
  }
}
