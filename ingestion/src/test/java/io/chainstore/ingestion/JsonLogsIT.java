package io.chainstore.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone ingestion process with {@code LOG4J_CONFIGURATION_FILE=log4j2-json.xml}. */
class JsonLogsIT {

  @TempDir Path dir;

  @Test
  void eachLogLineIsOneJsonObject() throws Exception {
    int nowhere;
    try (ServerSocket socket = new ServerSocket(0)) {
      nowhere = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            IngestionMain.class.getName());
    builder.environment().put("LOG4J_CONFIGURATION_FILE", "log4j2-json.xml");
    builder.environment().put("POSTGRES_PORT", Integer.toString(nowhere));
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nowhere);
    builder.environment().put("CDC_OFFSETS_FILE", dir.resolve("offsets.dat").toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && lines.size() < 400) {
        lines.add(line);
        if (line.contains("starting CDC from PostgreSQL")) {
          break;
        }
      }
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String started =
        lines.stream()
            .filter(l -> l.contains("starting CDC from PostgreSQL"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no start line in:\n" + String.join("\n", lines)));
    JsonNode event = new ObjectMapper().readTree(started);
    assertThat(event.path("log.level").asText()).isEqualTo("INFO");
    assertThat(event.path("log.logger").asText()).isEqualTo(IngestionMain.class.getName());
    assertThat(event.path("message").asText())
        .isEqualTo(
            "starting CDC from PostgreSQL 127.0.0.1:"
                + nowhere
                + "/chainstore to Kafka at 127.0.0.1:"
                + nowhere);
    assertThat(event.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }
}
