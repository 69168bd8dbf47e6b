package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table of bad requests against every write endpoint: each gets a 4xx problem+json naming the
 * field, and no table changes.
 */
class BadInputIT extends ApiTestSupport {

  record Case(String path, String body, String field) {}

  @Test
  void everyWriteEndpointRefusesBadInputWithTheFieldAndChangesNothing() {
    Fixture f = fixture(new BigDecimal("2.00"), 10);
    long order =
        post("/api/orders", order(f.store(), "pos", f.sku(), 1), null).body().path("id").asLong();
    String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
    List<Case> cases =
        List.of(
            new Case(
                "/api/orders",
                "{\"storeId\": -1, \"channel\": \"pos\", \"lines\": [{\"skuId\": 1, \"quantity\": 1}]}",
                "storeId"),
            new Case("/api/orders", "[1, 2]", "body"),
            new Case("/api/orders", huge, "body"),
            new Case("/api/orders/" + order + "/pay", "{\"payments\": []}", "payments"),
            new Case(
                "/api/orders/" + order + "/pay",
                "{\"payments\": [{\"method\": \"cash\", \"amount\": \"lots\"}]}",
                "payments[0].amount"),
            new Case(
                "/api/orders/" + order + "/returns",
                "{\"lines\": [{\"lineNo\": 0, \"quantity\": 1}]}",
                "lines[0].lineNo"),
            new Case(
                "/api/orders/pickup-stores",
                "{\"latitude\": 95, \"longitude\": 0, \"lines\": [{\"skuId\": 1, \"quantity\": 1}]}",
                "latitude"),
            new Case("/api/members", "{\"name\": \"\", \"phone\": \"+491701234567\"}", "name"),
            new Case("/api/members", "{\"name\": \"A\", \"phone\": \"call me\"}", "phone"),
            new Case(
                "/api/locations",
                "{\"code\": \"X\", \"name\": \"X\", \"kind\": \"kiosk\"}",
                "kind"),
            new Case(
                "/api/catalog/products",
                "{\"code\": \"P\", \"name\": \"P\", \"kind\": \"goods\", \"category\": \"c\", \"skus\": []}",
                "skus"),
            new Case(
                "/api/stock/receipts",
                "{\"locationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 0}]}"
                    .formatted(f.store(), f.sku()),
                "lines[0].quantity"),
            new Case(
                "/api/stock/issues",
                "{\"locationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": -3}]}"
                    .formatted(f.store(), f.sku()),
                "lines[0].quantity"),
            new Case(
                "/api/stock/transfers",
                "{\"fromLocationId\": %d, \"toLocationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
                    .formatted(f.store(), f.store(), f.sku()),
                "toLocationId"),
            new Case("/api/stock/stocktakes", "{\"locationId\": \"here\"}", "locationId"),
            new Case(
                "/api/campaigns",
                "{\"code\": \"C\", \"name\": \"C\", \"startsAt\": \"yesterday\", \"endsAt\": \"2027-01-01T00:00:00Z\"}",
                "startsAt"),
            new Case(
                "/api/coupon-templates/1/issue",
                "{\"batch\": \"b\", \"memberIds\": [0]}",
                "memberIds[0]"),
            new Case("/api/admin/api-keys", "{\"name\": \"k\", \"role\": \"pos\"}", "storeId"));

    Map<String, Long> before = rowCounts();
    for (Case c : cases) {
      Reply reply = post(c.path(), c.body(), null);
      assertThat(reply.status()).as(c.path() + " " + abbreviate(c.body())).isBetween(400, 499);
      assertThat(reply.raw().headers().firstValue("Content-Type"))
          .as(c.path())
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(reply.body().path("field").asText())
          .as(c.path() + " " + abbreviate(c.body()))
          .startsWith(c.field());
    }
    assertThat(rowCounts()).isEqualTo(before);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        jdbc.queryForList(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT IN ('flyway_schema_history', 'api_keys') ORDER BY tablename",
            String.class)) {
      counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
    }
    return counts;
  }

  private static String abbreviate(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "…" : body;
  }
}
