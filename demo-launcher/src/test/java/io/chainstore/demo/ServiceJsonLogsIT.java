package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OLTP service's jar with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}: every line it logs is
 * one JSON object, here the error of a start without a database.
 */
class ServiceJsonLogsIT {

  @Test
  void theServiceLogsOneJsonObjectPerLine() throws Exception {
    int nowhere;
    try (ServerSocket socket = new ServerSocket(0)) {
      nowhere = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            Modules.java(),
            "-Xmx256m",
            "-jar",
            Modules.fromSystemProperty().oltpServiceJar().toString());
    builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
    builder.environment().put("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + nowhere + "/x");
    builder.environment().put("PORT", "0");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(process.exitValue()).as(String.join("\n", lines)).isNotZero();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        events.add(json.readTree(line)); // fails the test on any line that is not JSON
      }
    }
    assertThat(events)
        .as(String.join("\n", lines))
        .anySatisfy(
            e -> {
              assertThat(e.path("log").path("level").asText()).isEqualTo("ERROR");
              assertThat(e.path("service").path("name").asText()).isEqualTo("oltp-service");
              assertThat(e.path("@timestamp").asText()).isNotEmpty();
            });
  }
}
