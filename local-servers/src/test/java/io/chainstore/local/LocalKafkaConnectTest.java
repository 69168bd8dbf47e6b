package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.local.LocalKafkaConnect.ConnectorState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LocalKafkaConnectTest {

  @Test
  void workerKeepsItsStateInReplicatedTopicsAndLoadsConnectorsFromThePluginPath() {
    Properties p =
        LocalKafkaConnect.workerProperties(
            "127.0.0.1:1,127.0.0.1:2",
            8083,
            Path.of("plugins"),
            Map.of("rest.extension.classes", "com.example.Metrics"));
    assertThat(p.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:1,127.0.0.1:2");
    assertThat(p.getProperty("group.id")).isEqualTo(LocalKafkaConnect.GROUP_ID);
    for (String store : List.of("config", "offset", "status")) {
      assertThat(p.getProperty(store + ".storage.topic")).startsWith(LocalKafkaConnect.GROUP_ID);
      assertThat(p.getProperty(store + ".storage.replication.factor")).isEqualTo("3");
    }
    assertThat(Path.of(p.getProperty("plugin.path"))).isAbsolute().endsWithRaw(Path.of("plugins"));
    assertThat(p.getProperty("listeners")).isEqualTo("http://127.0.0.1:8083");
    assertThat(p.getProperty("value.converter"))
        .isEqualTo("org.apache.kafka.connect.json.JsonConverter");
    assertThat(p.getProperty("value.converter.schemas.enable")).isEqualTo("false");
    // Connector JSON may keep its secrets as ${env:NAME}.
    assertThat(p.getProperty("config.providers")).isEqualTo("env");
    assertThat(p.getProperty("rest.extension.classes")).isEqualTo("com.example.Metrics");
  }

  @Test
  void runningMeansTheConnectorAndEveryTaskRun() {
    assertThat(new ConnectorState("RUNNING", List.of("RUNNING"), "").running()).isTrue();
    assertThat(new ConnectorState("RUNNING", List.of(), "").running()).isFalse();
    assertThat(new ConnectorState("RUNNING", List.of("RUNNING", "UNASSIGNED"), "").running())
        .isFalse();
    assertThat(new ConnectorState("RUNNING", List.of("FAILED"), "trace").failed()).isTrue();
    assertThat(new ConnectorState("FAILED", List.of(), "trace").failed()).isTrue();
  }
}
