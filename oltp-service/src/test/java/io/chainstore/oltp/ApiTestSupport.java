package io.chainstore.oltp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.oltp.access.ApiKeys;
import io.chainstore.oltp.access.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real service on a random port over a real PostgreSQL, shared by all API tests. */
// Metrics exported as in production (Spring's tests turn the exporters off otherwise).
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected ApiKeys keys;
  protected String adminKey;

  @BeforeEach
  void issueAdminKey() {
    adminKey = keys.issue("test admin", Role.HQ_ADMIN, null).key();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  protected record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  /** POST as HQ admin. */
  protected Reply post(String path, String body, String idempotencyKey) {
    return postAs(adminKey, path, body, idempotencyKey);
  }

  protected Reply postAs(String apiKey, String path, String body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build(), body);
  }

  /** GET as HQ admin. */
  protected Reply get(String path) {
    return getAs(adminKey, path);
  }

  protected Reply getAs(String apiKey, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build(), null);
  }

  protected Reply putAs(String apiKey, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        body);
  }

  protected Reply patchAs(String apiKey, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build(),
        body);
  }

  protected Reply deleteAs(String apiKey, String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + apiKey)
            .DELETE()
            .build(),
        null);
  }

  /** Posts every body to /api/orders (as the admin) at the same moment; the replies in order. */
  protected List<Reply> ordersAtOnce(List<String> bodies) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (String body : bodies) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return post("/api/orders", body, null);
                }));
      }
      start.countDown();
      List<Reply> out = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        out.add(reply.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  protected String keyFor(Role role, Long store) {
    return keys.issue("test " + role.code(), role, store).key();
  }

  /**
   * Sends the request and checks the exchange against the OpenAPI document ({@link ApiContract}).
   */
  protected Reply send(HttpRequest request, String requestBody) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      ApiContract.check(port, request, requestBody, response);
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      // Text and HTML (receipts) are read from raw(); their body node is null.
      JsonNode body =
          response.body().isEmpty() || !json ? JSON.nullNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A fresh store, a warehouse and a SKU with {@code units} on hand at the store. */
  protected Fixture fixture(BigDecimal price, int units) {
    return fixture(jdbc, price, units);
  }

  /** {@link #fixture(BigDecimal, int)} in a database of the caller's own. */
  public static Fixture fixture(JdbcTemplate jdbc, BigDecimal price, int units) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long store =
        jdbc.queryForObject(
            "INSERT INTO locations (code, name, kind) VALUES (?, ?, 'store') RETURNING id",
            Long.class,
            "S-" + tag,
            "Store " + tag);
    long warehouse =
        jdbc.queryForObject(
            "INSERT INTO locations (code, name, kind) VALUES (?, ?, 'warehouse') RETURNING id",
            Long.class,
            "W-" + tag,
            "Warehouse " + tag);
    long product =
        jdbc.queryForObject(
            "INSERT INTO products (code, name, kind, category) VALUES (?, ?, 'goods', 'test')"
                + " RETURNING id",
            Long.class,
            "P-" + tag,
            "Thing " + tag);
    long sku =
        jdbc.queryForObject(
            "INSERT INTO skus (product_id, code, name, price) VALUES (?, ?, ?, ?) RETURNING id",
            Long.class,
            product,
            "SKU-" + tag,
            "Thing " + tag,
            price);
    initialStock(jdbc, sku, store, units);
    initialStock(jdbc, sku, warehouse, 5);
    long member =
        jdbc.queryForObject(
            "INSERT INTO members (name, phone) VALUES (?, ?) RETURNING id",
            Long.class,
            "Member " + tag,
            "+49" + Math.abs(tag.hashCode()));
    return new Fixture(store, warehouse, sku, member);
  }

  /** Stock set up directly, declaring its reason as every stock change must. */
  protected void initialStock(long sku, long location, int units) {
    initialStock(jdbc, sku, location, units);
  }

  private static void initialStock(JdbcTemplate jdbc, long sku, long location, int units) {
    jdbc.update(
        "WITH reason AS (SELECT set_config('chainstore.stock_reason', 'initial', true))"
            + " INSERT INTO stock (sku_id, location_id, on_hand) SELECT ?, ?, ? FROM reason",
        sku,
        location,
        units);
  }

  public record Fixture(long store, long warehouse, long sku, long member) {}

  protected static String order(long store, String channel, long sku, int quantity) {
    return """
        {"storeId": %d, "channel": "%s", "lines": [{"skuId": %d, "quantity": %d}]}
        """
        .formatted(store, channel, sku, quantity);
  }

  protected int onHand(long sku, long location) {
    return jdbc.queryForObject(
        "SELECT on_hand FROM stock WHERE sku_id = ? AND location_id = ?",
        Integer.class,
        sku,
        location);
  }

  protected int reserved(long sku, long location) {
    return jdbc.queryForObject(
        "SELECT reserved FROM stock WHERE sku_id = ? AND location_id = ?",
        Integer.class,
        sku,
        location);
  }

  /**
   * A digest of every table's content (the API keys the tests issue themselves aside): a refused
   * request must leave each exactly as it was.
   */
  protected Map<String, String> tableDigests() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String table :
        jdbc.queryForList(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT IN ('flyway_schema_history', 'api_keys') ORDER BY tablename",
            String.class)) {
      digests.put(
          table,
          jdbc.queryForObject(
              "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                  + " FROM "
                  + table
                  + " t",
              String.class));
    }
    return digests;
  }
}
