package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.oltp.access.ApiKeys;
import io.chainstore.oltp.access.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stopped under the running service: every request, and health, fails fast with 503
 * problem+json and Retry-After within the configured wait (1 s here) instead of hanging; once the
 * database is back the service serves again by itself. Its own PostgreSQL, so stopping it disturbs
 * no other test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.hikari.connection-timeout=1000",
      "spring.datasource.hikari.validation-timeout=500",
      "chainstore.retry-after-seconds=3"
    })
class DatabaseOutageIT {

  /** The configured wait plus what a loaded 2-core machine needs to answer. */
  private static final Duration BOUND = Duration.ofMillis(2500);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Path dataDirectory;
  private static int databasePort;
  private static EmbeddedPostgres postgres;

  @LocalServerPort int port;
  @Autowired ApiKeys keys;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
    dataDirectory = Files.createTempDirectory("outage-pg");
    try (ServerSocket socket = new ServerSocket(0)) {
      databasePort = socket.getLocalPort();
    }
    startPostgres();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  private static void startPostgres() {
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(databasePort)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void removeDatabase() throws IOException {
    postgres.close();
    FileSystemUtils.deleteRecursively(dataDirectory);
  }

  @Test
  void whilePostgresIsAwayRequestsGet503QuicklyAndTheServiceRecoversByItself() throws Exception {
    String admin = keys.issue("outage admin", Role.HQ_ADMIN, null).key();
    String unused = keys.issue("outage reader", Role.HQ_ANALYST, null).key();
    String location = "{\"code\": \"OUT-%s\", \"name\": \"Outage\", \"kind\": \"store\"}";
    assertThat(post(admin, "/api/locations", location.formatted("1")).statusCode()).isEqualTo(201);

    postgres.close();

    // A key used a moment ago is known without the database: the write itself fails fast.
    assertUnavailable(() -> post(admin, "/api/locations", location.formatted("2")));
    // A key never seen must be looked up: refused as fast, before any endpoint runs.
    assertUnavailable(() -> get(unused, "/api/locations"));
    long start = System.nanoTime();
    HttpResponse<String> health = get(null, "/actuator/health");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("DOWN");

    startPostgres();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get(unused, "/api/locations").statusCode() == 200);
    assertThat(post(admin, "/api/locations", location.formatted("3")).statusCode()).isEqualTo(201);
    assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
    // Nothing of the refused write was kept.
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM locations WHERE code LIKE 'OUT-%'", Integer.class))
        .isEqualTo(2);
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  private static void assertUnavailable(Call call) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = call.send();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(took).isLessThan(BOUND);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("detail").asText()).contains("database");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  private HttpResponse<String> get(String key, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String key, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
