package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.local.LocalPostgres;
import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.ApiTestSupport.Fixture;
import io.chainstore.oltp.access.ApiKeys;
import io.chainstore.oltp.access.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * PostgreSQL killed (SIGKILL) while tills sell and pay: every answer is the request's own or a 503
 * the till retries with its Idempotency-Key, never a 500; once PostgreSQL is back each sale exists
 * exactly once, as the tills were told. Its own PostgreSQL, so killing it disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseCrashIT {

  private static final int TILLS = 6;
  private static final int UNITS = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Path dataDirectory;
  private static LocalPostgres postgres;

  /** 503s the tills were answered. */
  private final AtomicInteger refused = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ApiKeys keys;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
    dataDirectory = Files.createTempDirectory("crash-pg");
    postgres = LocalPostgres.start(dataDirectory);
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("spring.datasource.username", postgres::user);
    registry.add("spring.datasource.password", postgres::password);
  }

  @AfterAll
  static void removeDatabase() {
    postgres.close();
    FileSystemUtils.deleteRecursively(dataDirectory.toFile());
  }

  @Test
  void aKilledDatabaseCostsTheTillsRetriesButNoSaleIsLostOrCountedTwice() throws Exception {
    Fixture f = ApiTestSupport.fixture(jdbc, new BigDecimal("4.99"), UNITS);
    String till = keys.issue("crash till", Role.POS, f.store()).key();
    Queue<Long> paid = new ConcurrentLinkedQueue<>();
    Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
    AtomicBoolean trading = new AtomicBoolean(true);
    ExecutorService tills = Executors.newFixedThreadPool(TILLS);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < TILLS; i++) {
      running.add(
          tills.submit(
              () -> {
                // A sale started is always paid, so nothing stays reserved at the end.
                while (trading.get() && wrongAnswers.isEmpty()) {
                  String sale = UUID.randomUUID().toString();
                  // All tills sell to one member too: her points are contended as the stock is.
                  String order =
                      "{\"storeId\": %d, \"channel\": \"pos\", \"memberId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
                          .formatted(f.store(), f.member(), f.sku());
                  HttpResponse<String> created =
                      untilAnswered(till, "/api/orders", order, "sale-" + sale);
                  if (created.statusCode() != 201) {
                    wrongAnswers.add("create: " + created.statusCode() + " " + created.body());
                    return null;
                  }
                  long id = JSON.readTree(created.body()).path("id").asLong();
                  HttpResponse<String> pay =
                      untilAnswered(till, "/api/orders/" + id + "/pay", "", "pay-" + sale);
                  if (pay.statusCode() != 200) {
                    wrongAnswers.add("pay " + id + ": " + pay.statusCode() + " " + pay.body());
                    return null;
                  }
                  paid.add(id);
                }
                return null;
              }));
    }
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> paid.size() >= 40);
      postgres.kill();
      // The tills meet a database that is gone, and retry.
      await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() > 0);
      postgres = postgres.restart();
      int atRestart = paid.size();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> paid.size() >= atRestart + 40 || !wrongAnswers.isEmpty());
    } finally {
      trading.set(false);
      tills.shutdown();
      assertThat(tills.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> till1 : running) {
      till1.get();
    }

    assertThat(wrongAnswers).isEmpty();
    assertThat(
            jdbc.queryForList(
                "SELECT id FROM orders WHERE store_id = ? AND status = 'paid' ORDER BY id",
                Long.class,
                f.store()))
        .containsExactlyInAnyOrderElementsOf(paid);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE store_id = ?", Integer.class, f.store()))
        .isEqualTo(paid.size());
    assertThat(
            jdbc.queryForMap(
                "SELECT on_hand, reserved FROM stock WHERE sku_id = ? AND location_id = ?",
                f.sku(),
                f.store()))
        .containsEntry("on_hand", UNITS - paid.size())
        .containsEntry("reserved", 0);
    // Each payment earned the member its points once.
    assertThat(
            jdbc.queryForObject(
                "SELECT m.points_balance = (SELECT sum(points_earned) FROM orders o"
                    + " WHERE o.member_id = m.id) FROM members m WHERE m.id = ?",
                Boolean.class,
                f.member()))
        .isTrue();
  }

  /**
   * Sends the request as a till does: again, with the same key, while the service answers 503 or
   * cannot be reached, for up to a minute; the first other answer is returned.
   */
  private HttpResponse<String> untilAnswered(String key, String path, String body, String idem) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idem)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return await()
        .atMost(Duration.ofMinutes(1))
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(IOException.class)
        .until(
            () -> {
              HttpResponse<String> response =
                  HTTP.send(request, HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() == 503) {
                refused.incrementAndGet();
              }
              return response;
            },
            response -> response.statusCode() != 503);
  }
}
