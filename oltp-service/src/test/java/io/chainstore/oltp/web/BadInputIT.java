package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chainstore.oltp.ApiTestSupport;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A table of bad requests: every class of bad input against every write endpoint, path variable and
 * query parameter. Each gets 400 problem+json naming the offending field, and no table changes. The
 * classes: a fraction or a string where a whole number belongs, a string where a number belongs,
 * NUL and an unpaired surrogate in text, an unknown enum value, a date outside the supported range,
 * a field given twice, a second JSON value or garbage after the body.
 */
class BadInputIT extends ApiTestSupport {

  /** Raw JSON values that break each kind of field. */
  private static final List<String> BAD_WHOLE_NUMBERS = List.of("1.99", "\"7\"", "1e3", "true");

  private static final List<String> BAD_NUMBERS = List.of("\"2.00\"", "1e400", "false");
  private static final List<String> BAD_AMOUNTS = List.of("\"2.00\"", "1.001", "1e400", "-0.01");
  private static final List<String> BAD_TEXTS = List.of("\"a\\u0000b\"", "\"\\ud800x\"", "5");
  private static final List<String> BAD_CHOICES = List.of("\"bogus\"");
  private static final List<String> BAD_TIMES =
      List.of("\"+9999999-01-01T00:00:00Z\"", "\"2026-01-01\"", "0");

  private static final String PLACEHOLDER = "__bad_value__";

  /** A write endpoint: a valid body, and its fields by kind. */
  private record Endpoint(
      String method,
      String path,
      String body,
      List<String> wholeNumbers,
      List<String> numbers,
      List<String> amounts,
      List<String> texts,
      List<String> choices,
      List<String> times) {}

  @TestFactory
  Stream<DynamicTest> everyWriteEndpointRefusesEveryClassOfBadInput() throws Exception {
    World w = world();
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "POST",
                "/api/orders",
                """
                {"storeId": %d, "channel": "pos", "memberId": %d, "pointsToRedeem": 0,
                 "couponCode": "CNONE", "lines": [{"skuId": %d, "quantity": 1}]}"""
                    .formatted(w.store, w.member, w.sku),
                List.of(
                    "storeId", "memberId", "pointsToRedeem", "lines[0].skuId", "lines[0].quantity"),
                List.of(),
                List.of(),
                List.of("couponCode"),
                List.of("channel"),
                List.of()),
            new Endpoint(
                "POST",
                "/api/orders/" + w.order + "/pay",
                """
                {"payments": [{"method": "cash", "amount": 2.00, "tendered": 5.00, "reference": "r"}]}""",
                List.of(),
                List.of(),
                List.of("payments[0].amount", "payments[0].tendered"),
                List.of("payments[0].method", "payments[0].reference"),
                List.of("payments[0].method"),
                List.of()),
            new Endpoint(
                "POST",
                "/api/orders/" + w.order + "/returns",
                "{\"storeId\": %d, \"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}"
                    .formatted(w.store),
                List.of("storeId", "lines[0].lineNo", "lines[0].quantity"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/orders/pickup-stores",
                """
                {"latitude": 52.5, "longitude": 13.4, "lines": [{"skuId": %d, "quantity": 1}],
                 "limit": 5}"""
                    .formatted(w.sku),
                List.of("lines[0].skuId", "lines[0].quantity", "limit"),
                List.of("latitude", "longitude"),
                List.of(),
                List.of(),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/members",
                "{\"name\": \"Ada\", \"phone\": \"+491700000001\"}",
                List.of(),
                List.of(),
                List.of(),
                List.of("name", "phone"),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/locations",
                """
                {"code": "BAD-1", "name": "Bad", "kind": "store", "latitude": 1.5, "longitude": 2.5,
                 "openingHours": "Mo-Fr 9-17"}""",
                List.of(),
                List.of("latitude", "longitude"),
                List.of(),
                List.of("code", "name", "kind", "openingHours"),
                List.of("kind"),
                List.of()),
            new Endpoint(
                "POST",
                "/api/catalog/products",
                """
                {"code": "BAD-P", "name": "Bad", "kind": "goods", "category": "c",
                 "skus": [{"code": "BAD-S", "name": "Bad S", "barcode": "12345678", "price": 1.00}]}""",
                List.of(),
                List.of(),
                List.of("skus[0].price"),
                List.of(
                    "code", "name", "category", "skus[0].code", "skus[0].name", "skus[0].barcode"),
                List.of("kind"),
                List.of()),
            new Endpoint(
                "PATCH",
                "/api/catalog/products/" + w.product,
                "{\"name\": \"Renamed\", \"category\": \"c2\"}",
                List.of(),
                List.of(),
                List.of(),
                List.of("name", "category"),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/catalog/products/" + w.product + "/skus",
                "{\"code\": \"BAD-S2\", \"name\": \"Bad S2\", \"barcode\": \"12345679\", \"price\": 1.00}",
                List.of(),
                List.of(),
                List.of("price"),
                List.of("code", "name", "barcode"),
                List.of(),
                List.of()),
            new Endpoint(
                "PUT",
                "/api/catalog/skus/" + w.sku + "/price",
                "{\"price\": 1.00}",
                List.of(),
                List.of(),
                List.of("price"),
                List.of(),
                List.of(),
                List.of()),
            new Endpoint(
                "PUT",
                "/api/catalog/skus/" + w.sku + "/store-prices/" + w.store,
                "{\"price\": 1.00}",
                List.of(),
                List.of(),
                List.of("price"),
                List.of(),
                List.of(),
                List.of()),
            moveEndpoint("/api/stock/receipts", w),
            moveEndpoint("/api/stock/issues", w),
            new Endpoint(
                "POST",
                "/api/stock/transfers",
                """
                {"fromLocationId": %d, "toLocationId": %d, "reference": "T",
                 "lines": [{"skuId": %d, "quantity": 1}]}"""
                    .formatted(w.warehouse, w.store, w.sku),
                List.of("fromLocationId", "toLocationId", "lines[0].skuId", "lines[0].quantity"),
                List.of(),
                List.of(),
                List.of("reference"),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/stock/transfers/" + w.transfer + "/receive",
                "{\"lines\": [{\"skuId\": %d, \"quantity\": 1}]}".formatted(w.sku),
                List.of("lines[0].skuId", "lines[0].quantity"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/stock/stocktakes",
                "{\"locationId\": %d, \"reference\": \"count\"}".formatted(w.store),
                List.of("locationId"),
                List.of(),
                List.of(),
                List.of("reference"),
                List.of(),
                List.of()),
            new Endpoint(
                "PUT",
                "/api/stock/stocktakes/" + w.stocktake + "/counts",
                "{\"lines\": [{\"skuId\": %d, \"quantity\": 1}]}".formatted(w.sku),
                List.of("lines[0].skuId", "lines[0].quantity"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/campaigns",
                """
                {"code": "BAD-C", "name": "Bad", "startsAt": "2026-01-01T00:00:00Z",
                 "endsAt": "2027-01-01T00:00:00Z"}""",
                List.of(),
                List.of(),
                List.of(),
                List.of("code", "name"),
                List.of(),
                List.of("startsAt", "endsAt")),
            new Endpoint(
                "POST",
                "/api/campaigns/" + w.campaign + "/coupon-templates",
                """
                {"code": "BAD-T", "name": "Bad", "discountType": "amount_off", "amountOff": 1.00,
                 "maxDiscount": 5.00, "minSpend": 0, "channelScope": "all",
                 "validFrom": "2026-01-01T00:00:00Z", "validTo": "2027-01-01T00:00:00Z",
                 "totalLimit": 10, "perMemberLimit": 1}""",
                List.of("totalLimit", "perMemberLimit"),
                List.of(),
                List.of("amountOff", "maxDiscount", "minSpend"),
                List.of("code", "name", "discountType", "channelScope"),
                List.of("discountType", "channelScope"),
                List.of("validFrom", "validTo")),
            new Endpoint(
                "POST",
                "/api/coupon-templates/" + w.template + "/issue",
                "{\"batch\": \"b-1\", \"memberIds\": [%d]}".formatted(w.member),
                List.of("memberIds[0]"),
                List.of(),
                List.of(),
                List.of("batch"),
                List.of(),
                List.of()),
            new Endpoint(
                "POST",
                "/api/admin/api-keys",
                "{\"name\": \"k\", \"role\": \"hq_analyst\"}",
                List.of(),
                List.of(),
                List.of(),
                List.of("name"),
                List.of("role"),
                List.of()),
            new Endpoint(
                "PUT",
                "/api/kpi-targets/" + w.store + "/day/2026-12-01",
                "{\"netSales\": 1.00, \"orders\": 1, \"newMembers\": 1}",
                List.of("orders", "newMembers"),
                List.of(),
                List.of("netSales"),
                List.of(),
                List.of(),
                List.of()));

    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> before = tableDigests();
    for (Endpoint e : endpoints) {
      String where = e.method() + " " + e.path();
      cases(e.wholeNumbers(), BAD_WHOLE_NUMBERS, e, tests);
      cases(e.numbers(), BAD_NUMBERS, e, tests);
      cases(e.amounts(), BAD_AMOUNTS, e, tests);
      cases(e.texts(), BAD_TEXTS, e, tests);
      cases(e.choices(), BAD_CHOICES, e, tests);
      cases(e.times(), BAD_TIMES, e, tests);
      String first = topLevelFields(e.body()).get(0);
      String twice =
          e.body()
              .strip()
              .replaceFirst("\\{", "{\"" + first + "\": " + valueAt(e.body(), first) + ", ");
      tests.add(refused(where + " " + first + " given twice", e, twice, first));
      tests.add(refused(where + " trailing garbage", e, e.body() + " }}} garbage", "body"));
      tests.add(refused(where + " a second JSON value", e, e.body() + " {}", "body"));
      tests.add(refused(where + " an array for the body", e, "[" + e.body() + "]", "body"));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "no table changed", () -> assertThat(tableDigests()).isEqualTo(before)));
    return tests.stream();
  }

  private static Endpoint moveEndpoint(String path, World w) {
    return new Endpoint(
        "POST",
        path,
        "{\"locationId\": %d, \"reference\": \"R\", \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
            .formatted(w.store, w.sku),
        List.of("locationId", "lines[0].skuId", "lines[0].quantity"),
        List.of(),
        List.of(),
        List.of("reference"),
        List.of(),
        List.of());
  }

  private void cases(List<String> fields, List<String> values, Endpoint e, List<DynamicTest> out) {
    for (String field : fields) {
      for (String value : values) {
        out.add(
            refused(
                e.method() + " " + e.path() + " " + field + " = " + value,
                e,
                replace(e.body(), field, value),
                field));
      }
    }
  }

  private DynamicTest refused(String name, Endpoint e, String body, String field) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          Reply reply =
              send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + e.path()))
                      .header("Authorization", "Bearer " + adminKey)
                      .header("Content-Type", "application/json")
                      .method(e.method(), HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  body);
          assertProblem(reply, 400, field);
        });
  }

  @TestFactory
  Stream<DynamicTest> everyPathVariableAndQueryParameterRefusesBadValues() {
    World w = world();
    Map<String, String> cases = new LinkedHashMap<>();
    // Path variables: GET <path> -> the field named.
    for (String path :
        List.of(
            "/api/orders/1.5",
            "/api/orders/abc",
            "/api/orders/99999999999999999999",
            "/api/orders/1.5/receipt",
            "/api/stock/documents/x",
            "/api/members/1e3",
            "/api/catalog/products/-",
            "/api/stock/1.5/movements")) {
      cases.put(
          path,
          path.contains("/orders/")
              ? "orderId"
              : path.contains("/documents/")
                  ? "documentId"
                  : path.contains("/members/")
                      ? "memberId"
                      : path.contains("/products/") ? "productId" : "skuId");
    }
    cases.put("/api/catalog/scan/12ab5678", "barcode");
    cases.put("/api/orders/1%01", "path");
    // Query parameters: the prefix up to the parameter, its name, and a value of the wrong shape.
    List<String[]> queries =
        List.of(
            new String[] {"/api/catalog/products?q=", "q", "x".repeat(101)},
            new String[] {"/api/catalog/products?category=", "category", "x".repeat(101)},
            new String[] {"/api/catalog/products?kind=", "kind", "bogus"},
            new String[] {"/api/catalog/products?limit=", "limit", "1.5"},
            new String[] {"/api/catalog/products?offset=", "offset", "1.5"},
            new String[] {"/api/locations?kind=", "kind", "kiosk"},
            new String[] {"/api/locations/nearest?longitude=1&latitude=", "latitude", "north"},
            new String[] {"/api/locations/nearest?latitude=1&longitude=", "longitude", "1,5"},
            new String[] {"/api/locations/nearest?latitude=1&longitude=1&kind=", "kind", "kiosk"},
            new String[] {"/api/locations/nearest?latitude=1&longitude=1&limit=", "limit", "1.5"},
            new String[] {"/api/members?phone=", "phone", "call-me"},
            new String[] {"/api/members?code=", "code", "X1"},
            new String[] {"/api/members/" + w.member + "/points?limit=", "limit", "1.5"},
            new String[] {"/api/stock?locationId=", "locationId", "1.5"},
            new String[] {"/api/stock?maxAvailable=", "maxAvailable", "1.5"},
            new String[] {"/api/stock/" + w.sku + "/movements?locationId=", "locationId", "1.5"},
            new String[] {"/api/stock/" + w.sku + "/movements?limit=", "limit", "1.5"},
            new String[] {"/api/kpi-targets?to=2026-12-31&from=", "from", "2026-13-01"},
            new String[] {"/api/kpi-targets?from=2026-01-01&to=", "to", "2026-12-31T00:00"},
            new String[] {
              "/api/kpi-targets?from=2026-01-01&to=2026-12-31&storeId=", "storeId", "1.5"
            },
            new String[] {"/api/catalog/scan/12345678?storeId=", "storeId", "1.5"});
    for (String[] q : queries) {
      cases.put(q[0] + q[2], q[1]);
      cases.put(q[0] + "x%00y", q[1]);
      cases.put(q[0] + "%ED%A0%80", "query");
      // The same parameter twice: which one counts would be a guess.
      cases.put(q[0] + "1&" + q[1] + "=2", q[1]);
    }
    // Values of the right shape that are out of range.
    cases.put("/api/kpi-targets?from=2026-01-01&to=%2B9999999-01-01", "to");
    cases.put("/api/catalog/products?limit=0", "limit");
    cases.put("/api/catalog/products?limit=501", "limit");
    cases.put("/api/catalog/products?q=" + "x".repeat(101), "q");
    cases.put("/api/members/" + w.member + "/points?limit=2147483648", "limit");

    return cases.entrySet().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    "GET " + c.getKey() + " names " + c.getValue(),
                    () -> assertProblem(get(c.getKey()), 400, c.getValue())));
  }

  @Test
  void requestsRefusedBeforeTheyReachTheServiceAreProblemsToo() {
    String longHeader = "x".repeat(10_000);
    Reply header =
        send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders/1"))
                .header("Authorization", "Bearer " + adminKey)
                .header("X-Long", longHeader)
                .GET()
                .build(),
            null);
    assertProblem(header, 400, "request");
    assertProblem(get("/api/orders/1%00"), 400, "request");
    assertProblem(get("/api/orders/1?x=" + "y".repeat(100_000)), 400, "request");
    assertProblem(get("/api/orders/1%3B"), 400, "path");
    assertProblem(get("/api/nothing-here"), 404, "path");
    assertProblem(deleteAs(adminKey, "/api/orders/1"), 405, "method");
    Reply json =
        send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            "{}");
    assertProblem(json, 415, "Content-Type");
    assertProblem(post("/api/orders", "{\"storeId\": 1", null), 400, "body");
    assertProblem(post("/api/orders", "", null), 400, "body");
    assertProblem(
        post("/api/orders", "{\"storeId\": 1, \"colour\": \"red\"}", null), 400, "colour");
    Reply huge = post("/api/orders", "{\"name\": \"" + "x".repeat(1_100_000) + "\"}", null);
    assertProblem(huge, 413, "body");
    World w = world();
    String order = order(w.store, "pos", w.sku, 1);
    assertProblem(postAs(adminKey, "/api/orders", order, "x".repeat(201)), 400, "Idempotency-Key");
    assertProblem(postAs(adminKey, "/api/orders", order, "two words"), 400, "Idempotency-Key");
    assertThat(reserved(w.sku, w.store)).isEqualTo(1);
  }

  @Test
  void theOriginalTableStillHolds() {
    World w = world();
    List<String[]> cases =
        List.of(
            new String[] {
              "/api/orders",
              "{\"storeId\": -1, \"channel\": \"pos\", \"lines\": [{\"skuId\": 1, \"quantity\": 1}]}",
              "storeId"
            },
            new String[] {"/api/orders/" + w.order + "/pay", "{\"payments\": []}", "payments"},
            new String[] {
              "/api/orders/" + w.order + "/returns",
              "{\"lines\": [{\"lineNo\": 0, \"quantity\": 1}]}",
              "lines[0].lineNo"
            },
            new String[] {
              "/api/orders",
              "{\"storeId\": %d, \"channel\": \"pos\", \"lines\": [{\"skuId\": %d, \"quantity\": 1}, {\"skuId\": %d, \"quantity\": 2}]}"
                  .formatted(w.store, w.sku, w.sku),
              "lines[1].skuId"
            },
            new String[] {
              "/api/stock/transfers",
              "{\"fromLocationId\": %d, \"toLocationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
                  .formatted(w.store, w.store, w.sku),
              "toLocationId"
            },
            new String[] {
              "/api/stock/receipts",
              "{\"locationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}, {\"skuId\": %d, \"quantity\": 1}]}"
                  .formatted(w.store, w.sku, w.sku),
              "lines[1].skuId"
            },
            new String[] {
              "/api/admin/api-keys", "{\"name\": \"k\", \"role\": \"pos\"}", "storeId"
            });
    Map<String, String> before = tableDigests();
    for (String[] c : cases) {
      Reply reply = post(c[0], c[1], null);
      assertThat(reply.status()).as(c[0] + " " + c[1]).isBetween(400, 499);
      assertThat(reply.body().path("field").asText()).as(c[0] + " " + c[1]).isEqualTo(c[2]);
    }
    assertThat(tableDigests()).isEqualTo(before);
  }

  private static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(reply.body().path("field").asText()).as(reply.raw().body()).isEqualTo(field);
    assertThat(reply.raw().body()).doesNotContain("Exception").doesNotContain("<html");
  }

  /** What a test needs to exist: a store, a warehouse, a SKU, a member and documents. */
  private record World(
      long store,
      long warehouse,
      long sku,
      long member,
      long order,
      long product,
      long transfer,
      long stocktake,
      long campaign,
      long template) {}

  private World world() {
    Fixture f = fixture(new BigDecimal("2.00"), 10);
    long order =
        post("/api/orders", order(f.store(), "pos", f.sku(), 1), null).body().path("id").asLong();
    long product =
        jdbc.queryForObject("SELECT product_id FROM skus WHERE id = ?", Long.class, f.sku());
    long transfer =
        post(
                "/api/stock/transfers",
                "{\"fromLocationId\": %d, \"toLocationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
                    .formatted(f.warehouse(), f.store(), f.sku()),
                null)
            .body()
            .path("id")
            .asLong();
    post("/api/stock/transfers/" + transfer + "/ship", null, null);
    long stocktake =
        post("/api/stock/stocktakes", "{\"locationId\": %d}".formatted(f.store()), null)
            .body()
            .path("id")
            .asLong();
    long campaign =
        post(
                "/api/campaigns",
                "{\"code\": \"BI-%d\", \"name\": \"B\", \"startsAt\": \"2026-01-01T00:00:00Z\", \"endsAt\": \"2027-01-01T00:00:00Z\"}"
                    .formatted(f.sku()),
                null)
            .body()
            .path("id")
            .asLong();
    long template =
        post(
                "/api/campaigns/" + campaign + "/coupon-templates",
                ("{\"code\": \"BI-T-%d\", \"name\": \"T\", \"discountType\": \"amount_off\", \"amountOff\": 1.00,"
                        + " \"channelScope\": \"all\", \"validFrom\": \"2026-01-01T00:00:00Z\","
                        + " \"validTo\": \"2027-01-01T00:00:00Z\"}")
                    .formatted(f.sku()),
                null)
            .body()
            .path("id")
            .asLong();
    return new World(
        f.store(),
        f.warehouse(),
        f.sku(),
        f.member(),
        order,
        product,
        transfer,
        stocktake,
        campaign,
        template);
  }

  /** The body with the value at {@code field} (a path like {@code lines[0].quantity}) replaced. */
  private static String replace(String body, String field, String rawValue) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode parent = root;
      String[] steps = field.replace("[", ".[").split("\\.");
      for (int i = 0; i < steps.length - 1; i++) {
        parent = step(parent, steps[i]);
      }
      String last = steps[steps.length - 1];
      if (last.startsWith("[")) {
        ((ArrayNode) parent).set(index(last), TextNode.valueOf(PLACEHOLDER));
      } else {
        ((ObjectNode) parent).set(last, TextNode.valueOf(PLACEHOLDER));
      }
      return JSON.writeValueAsString(root).replace("\"" + PLACEHOLDER + "\"", rawValue);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode step(JsonNode node, String step) {
    return step.startsWith("[") ? node.get(index(step)) : node.get(step);
  }

  private static int index(String step) {
    return Integer.parseInt(step.substring(1, step.length() - 1));
  }

  private static List<String> topLevelFields(String body) throws Exception {
    List<String> names = new ArrayList<>();
    JSON.readTree(body).fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String valueAt(String body, String field) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(body).get(field));
  }
}
