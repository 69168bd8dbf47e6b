package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderApiIT extends ApiTestSupport {

  @Test
  void createPayCancelMovesStockAndStatus() {
    Fixture f = fixture(new BigDecimal("12.50"), 10);

    Reply created = post("/api/orders", order(f.store(), "pos", f.sku(), 3), null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("status").asText()).isEqualTo("created");
    assertThat(created.body().path("totalAmount").decimalValue()).isEqualByComparingTo("37.50");
    long id = created.body().path("id").asLong();
    assertThat(reserved(f.sku(), f.store())).isEqualTo(3);

    Reply paid = post("/api/orders/" + id + "/pay", null, null);
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.body().path("status").asText()).isEqualTo("paid");
    assertThat(paid.body().path("paidAt").asText()).isNotEmpty();
    assertThat(onHand(f.sku(), f.store())).isEqualTo(7);
    assertThat(reserved(f.sku(), f.store())).isZero();

    // Paying twice is a conflict and changes nothing.
    Reply again = post("/api/orders/" + id + "/pay", null, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("field").asText()).isEqualTo("status");

    Reply cancelled = post("/api/orders/" + id + "/cancel", null, null);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
    assertThat(onHand(f.sku(), f.store())).isEqualTo(10);

    assertThat(post("/api/orders/" + id + "/cancel", null, null).status()).isEqualTo(409);
  }

  @Test
  void cancellingAnUnpaidOrderReleasesTheReservation() {
    Fixture f = fixture(new BigDecimal("5.00"), 4);
    long id =
        post("/api/orders", order(f.store(), "pickup", f.sku(), 4), null)
            .body()
            .path("id")
            .asLong();
    assertThat(reserved(f.sku(), f.store())).isEqualTo(4);
    assertThat(post("/api/orders/" + id + "/cancel", null, null).status()).isEqualTo(200);
    assertThat(reserved(f.sku(), f.store())).isZero();
    assertThat(onHand(f.sku(), f.store())).isEqualTo(4);
  }

  @Test
  void stockOfASkuAcrossLocations() {
    Fixture f = fixture(new BigDecimal("1.00"), 8);
    post("/api/orders", order(f.store(), "online", f.sku(), 2), null);

    Reply stock = get("/api/stock/" + f.sku());
    assertThat(stock.status()).isEqualTo(200);
    assertThat(stock.body().path("totalOnHand").asInt()).isEqualTo(13);
    assertThat(stock.body().path("totalAvailable").asInt()).isEqualTo(11);
    assertThat(stock.body().path("locations")).hasSize(2);

    assertThat(get("/api/stock/999999999").status()).isEqualTo(404);
  }

  @Test
  void aRetriedRequestReturnsTheFirstResponseAndChangesNothingMore() {
    Fixture f = fixture(new BigDecimal("2.00"), 10);
    String key = UUID.randomUUID().toString();
    String body = order(f.store(), "online", f.sku(), 2);

    Reply first = post("/api/orders", body, key);
    Reply retry = post("/api/orders", body, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(reserved(f.sku(), f.store())).isEqualTo(2);
    assertThat(ordersAt(f.store())).isEqualTo(1);

    // The same key for a different request is refused.
    Reply misuse = post("/api/orders", order(f.store(), "online", f.sku(), 3), key);
    assertThat(misuse.status()).isEqualTo(422);
    assertThat(misuse.body().path("field").asText()).isEqualTo("Idempotency-Key");

    long id = first.body().path("id").asLong();
    String payKey = UUID.randomUUID().toString();
    assertThat(post("/api/orders/" + id + "/pay", null, payKey).status()).isEqualTo(200);
    assertThat(post("/api/orders/" + id + "/pay", null, payKey).status()).isEqualTo(200);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(8);
  }

  @Test
  void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
    Fixture f = fixture(new BigDecimal("3.00"), 10);
    long store = f.store();
    long sku = f.sku();
    List<Map.Entry<String, String>> cases =
        List.of(
            Map.entry(
                "{\"channel\":\"pos\",\"lines\":[{\"skuId\":" + sku + ",\"quantity\":1}]}",
                "storeId"),
            Map.entry(
                "{\"storeId\":" + store + ",\"lines\":[{\"skuId\":" + sku + ",\"quantity\":1}]}",
                "channel"),
            Map.entry("{\"storeId\":" + store + ",\"channel\":\"pos\",\"lines\":[]}", "lines"),
            Map.entry(order(store, "pos", sku, 0), "lines[0].quantity"),
            Map.entry(order(store, "pos", sku, -2), "lines[0].quantity"),
            Map.entry(order(store, "pos", 999_999_999L, 1), "lines[0].skuId"),
            Map.entry(order(999_999_999L, "pos", sku, 1), "storeId"),
            Map.entry(order(f.warehouse(), "pos", sku, 1), "storeId"),
            Map.entry(order(store, "telepathy", sku, 1), "channel"),
            Map.entry(order(store, "pos", sku, 11), "lines[0].quantity"),
            Map.entry("{\"storeId\":\"abc\",\"channel\":\"pos\",\"lines\":[]}", "storeId"),
            Map.entry(
                "{\"storeId\":" + store + ",\"channel\":\"pos\",\"colour\":1,\"lines\":[]}",
                "colour"),
            Map.entry(
                "{\"storeId\":"
                    + store
                    + ",\"channel\":\"pos\",\"memberId\":999999999,"
                    + "\"lines\":[{\"skuId\":"
                    + sku
                    + ",\"quantity\":1}]}",
                "memberId"),
            Map.entry(
                "{\"storeId\":"
                    + store
                    + ",\"channel\":\"pos\",\"lines\":[{\"skuId\":"
                    + sku
                    + ",\"quantity\":1},{\"skuId\":"
                    + sku
                    + ",\"quantity\":1}]}",
                "lines[1].skuId"),
            Map.entry("{not json", "body"),
            Map.entry("", "body"));

    long ordersBefore = jdbc.queryForObject("SELECT count(*) FROM orders", Long.class);
    for (Map.Entry<String, String> c : cases) {
      Reply reply = post("/api/orders", c.getKey(), null);
      assertThat(reply.status()).as(c.getKey()).isBetween(400, 499);
      assertThat(reply.raw().headers().firstValue("Content-Type"))
          .as(c.getKey())
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(reply.body().path("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM orders", Long.class))
        .isEqualTo(ordersBefore);
    assertThat(reserved(sku, store)).isZero();
    assertThat(onHand(sku, store)).isEqualTo(10);

    assertThat(post("/api/orders/abc/pay", null, null).body().path("field").asText())
        .isEqualTo("orderId");
    assertThat(post("/api/orders/999999999/pay", null, null).status()).isEqualTo(404);
  }

  @Test
  void servesOpenApiAndHealth() {
    Reply api = getAs(null, "/v3/api-docs");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.body().path("paths").has("/api/orders")).isTrue();
    assertThat(api.body().path("paths").has("/api/orders/{orderId}/pay")).isTrue();
    assertThat(api.body().path("paths").has("/api/stock/{skuId}")).isTrue();
    assertThat(api.body().path("components").path("securitySchemes").has("apiKey")).isTrue();
    // Every operation documents its refusals as problem+json.
    int operations = 0;
    for (var path :
        (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
            () -> api.body().path("paths").fields()) {
      for (var operation : path.getValue()) {
        operations++;
        for (String status : new String[] {"400", "401", "403"}) {
          assertThat(operation.path("responses").has(status))
              .as(path.getKey() + " " + status)
              .isTrue();
        }
      }
    }
    assertThat(operations).isGreaterThan(30);
    assertThat(getAs(null, "/actuator/health").body().path("status").asText()).isEqualTo("UP");
  }

  private long ordersAt(long store) {
    return jdbc.queryForObject("SELECT count(*) FROM orders WHERE store_id = ?", Long.class, store);
  }
}
