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
import java.util.UUID;
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

  /** A write endpoint with a valid body, and the bad values each of its fields is tried with. */
  private record Endpoint(String method, String path, String body, Map<String, List<String>> bad) {

    Endpoint spoil(List<String> values, String... fields) {
      Map<String, List<String>> more = new LinkedHashMap<>(bad);
      for (String field : fields) {
        more.merge(field, values, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
      }
      return new Endpoint(method, path, body, more);
    }
  }

  private static Endpoint endpoint(String method, String path, String body) {
    return new Endpoint(method, path, body, Map.of());
  }

  @TestFactory
  Stream<DynamicTest> everyWriteEndpointRefusesEveryClassOfBadInput() throws Exception {
    World w = world();
    List<Endpoint> endpoints =
        List.of(
            endpoint(
                    "POST",
                    "/api/orders",
                    """
                {"storeId": %d, "channel": "pos", "memberId": %d, "pointsToRedeem": 0,
                 "couponCode": "CNONE", "lines": [{"skuId": %d, "quantity": 1}]}"""
                        .formatted(w.store, w.member, w.sku))
                .spoil(
                    BAD_WHOLE_NUMBERS,
                    "storeId",
                    "memberId",
                    "pointsToRedeem",
                    "lines[0].skuId",
                    "lines[0].quantity")
                .spoil(BAD_TEXTS, "couponCode")
                .spoil(BAD_CHOICES, "channel"),
            endpoint(
                    "POST",
                    "/api/orders/" + w.order + "/pay",
                    """
                {"payments": [{"method": "cash", "amount": 2.00, "tendered": 5.00, "reference": "r"}]}""")
                .spoil(BAD_AMOUNTS, "payments[0].amount", "payments[0].tendered")
                .spoil(BAD_TEXTS, "payments[0].method", "payments[0].reference")
                .spoil(BAD_CHOICES, "payments[0].method"),
            endpoint(
                    "POST",
                    "/api/orders/" + w.order + "/returns",
                    "{\"storeId\": %d, \"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}"
                        .formatted(w.store))
                .spoil(BAD_WHOLE_NUMBERS, "storeId", "lines[0].lineNo", "lines[0].quantity"),
            endpoint(
                    "POST",
                    "/api/orders/pickup-stores",
                    """
                {"latitude": 52.5, "longitude": 13.4, "lines": [{"skuId": %d, "quantity": 1}],
                 "limit": 5}"""
                        .formatted(w.sku))
                .spoil(BAD_WHOLE_NUMBERS, "lines[0].skuId", "lines[0].quantity", "limit")
                .spoil(BAD_NUMBERS, "latitude", "longitude"),
            endpoint(
                    "POST",
                    "/api/members",
                    "{\"name\": \"Ada\", \"phone\": \"+491700000001\", \"storeId\": %d}"
                        .formatted(w.store))
                .spoil(BAD_TEXTS, "name", "phone")
                .spoil(BAD_WHOLE_NUMBERS, "storeId"),
            endpoint(
                    "POST",
                    "/api/locations",
                    """
                {"code": "BAD-1", "name": "Bad", "kind": "store", "latitude": 1.5, "longitude": 2.5,
                 "openingHours": "Mo-Fr 9-17", "timeZone": "Europe/Berlin"}""")
                .spoil(List.of("\"+08:00\"", "\"Mars/Olympus\""), "timeZone")
                .spoil(BAD_NUMBERS, "latitude", "longitude")
                .spoil(BAD_TEXTS, "code", "name", "kind", "openingHours")
                .spoil(BAD_CHOICES, "kind"),
            endpoint(
                    "POST",
                    "/api/catalog/products",
                    """
                {"code": "BAD-P", "name": "Bad", "kind": "goods", "category": "c",
                 "skus": [{"code": "BAD-S", "name": "Bad S", "barcode": "12345678", "price": 1.00}]}""")
                .spoil(BAD_AMOUNTS, "skus[0].price")
                .spoil(
                    BAD_TEXTS,
                    "code",
                    "name",
                    "category",
                    "skus[0].code",
                    "skus[0].name",
                    "skus[0].barcode")
                .spoil(BAD_CHOICES, "kind"),
            endpoint(
                    "PATCH",
                    "/api/catalog/products/" + w.product,
                    "{\"name\": \"Renamed\", \"category\": \"c2\"}")
                .spoil(BAD_TEXTS, "name", "category"),
            endpoint(
                    "POST",
                    "/api/catalog/products/" + w.product + "/skus",
                    "{\"code\": \"BAD-S2\", \"name\": \"Bad S2\", \"barcode\": \"12345679\", \"price\": 1.00}")
                .spoil(BAD_AMOUNTS, "price")
                .spoil(BAD_TEXTS, "code", "name", "barcode"),
            endpoint("PUT", "/api/catalog/skus/" + w.sku + "/price", "{\"price\": 1.00}")
                .spoil(BAD_AMOUNTS, "price"),
            endpoint(
                    "PUT",
                    "/api/catalog/skus/" + w.sku + "/store-prices/" + w.store,
                    "{\"price\": 1.00}")
                .spoil(BAD_AMOUNTS, "price"),
            moveEndpoint("/api/stock/receipts", w),
            moveEndpoint("/api/stock/issues", w),
            endpoint(
                    "POST",
                    "/api/stock/transfers",
                    """
                {"fromLocationId": %d, "toLocationId": %d, "reference": "T",
                 "lines": [{"skuId": %d, "quantity": 1}]}"""
                        .formatted(w.warehouse, w.store, w.sku))
                .spoil(
                    BAD_WHOLE_NUMBERS,
                    "fromLocationId",
                    "toLocationId",
                    "lines[0].skuId",
                    "lines[0].quantity")
                .spoil(BAD_TEXTS, "reference"),
            endpoint(
                    "POST",
                    "/api/stock/transfers/" + w.transfer + "/receive",
                    "{\"lines\": [{\"skuId\": %d, \"quantity\": 1}]}".formatted(w.sku))
                .spoil(BAD_WHOLE_NUMBERS, "lines[0].skuId", "lines[0].quantity"),
            endpoint(
                    "POST",
                    "/api/stock/stocktakes",
                    "{\"locationId\": %d, \"reference\": \"count\"}".formatted(w.store))
                .spoil(BAD_WHOLE_NUMBERS, "locationId")
                .spoil(BAD_TEXTS, "reference"),
            endpoint(
                    "PUT",
                    "/api/stock/stocktakes/" + w.stocktake + "/counts",
                    "{\"lines\": [{\"skuId\": %d, \"quantity\": 1}]}".formatted(w.sku))
                .spoil(BAD_WHOLE_NUMBERS, "lines[0].skuId", "lines[0].quantity"),
            endpoint(
                    "POST",
                    "/api/campaigns",
                    """
                {"code": "BAD-C", "name": "Bad", "startsAt": "2026-01-01T00:00:00Z",
                 "endsAt": "2027-01-01T00:00:00Z"}""")
                .spoil(BAD_TEXTS, "code", "name")
                .spoil(BAD_TIMES, "startsAt", "endsAt"),
            endpoint(
                    "POST",
                    "/api/campaigns/" + w.campaign + "/coupon-templates",
                    """
                {"code": "BAD-T", "name": "Bad", "discountType": "amount_off", "amountOff": 1.00,
                 "maxDiscount": 5.00, "minSpend": 0, "channelScope": "all",
                 "validFrom": "2026-01-01T00:00:00Z", "validTo": "2027-01-01T00:00:00Z",
                 "totalLimit": 10, "perMemberLimit": 1}""")
                .spoil(BAD_WHOLE_NUMBERS, "totalLimit", "perMemberLimit")
                .spoil(BAD_AMOUNTS, "amountOff", "maxDiscount", "minSpend")
                .spoil(BAD_TEXTS, "code", "name", "discountType", "channelScope")
                .spoil(BAD_CHOICES, "discountType", "channelScope")
                .spoil(BAD_TIMES, "validFrom", "validTo"),
            endpoint(
                    "POST",
                    "/api/coupon-templates/" + w.template + "/issue",
                    "{\"batch\": \"b-1\", \"memberIds\": [%d]}".formatted(w.member))
                .spoil(BAD_WHOLE_NUMBERS, "memberIds[0]")
                .spoil(BAD_TEXTS, "batch"),
            endpoint("POST", "/api/admin/api-keys", "{\"name\": \"k\", \"role\": \"hq_analyst\"}")
                .spoil(BAD_TEXTS, "name")
                .spoil(BAD_CHOICES, "role"),
            endpoint(
                    "POST",
                    "/api/transfer-suggestions/" + w.suggestion + "/reject",
                    "{\"reason\": \"not now\"}")
                .spoil(BAD_TEXTS, "reason"),
            endpoint(
                    "PUT",
                    "/api/kpi-targets/" + w.store + "/day/2026-12-01",
                    "{\"netSales\": 1.00, \"orders\": 1, \"newMembers\": 1}")
                .spoil(BAD_WHOLE_NUMBERS, "orders", "newMembers")
                .spoil(BAD_AMOUNTS, "netSales"));

    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> before = tableDigests();
    for (Endpoint e : endpoints) {
      String where = e.method() + " " + e.path();
      e.bad()
          .forEach(
              (field, values) ->
                  values.forEach(
                      value ->
                          tests.add(
                              refused(
                                  where + " " + field + " = " + value,
                                  e,
                                  replace(e.body(), field, value),
                                  field))));
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
    return endpoint(
            "POST",
            path,
            "{\"locationId\": %d, \"reference\": \"R\", \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
                .formatted(w.store, w.sku))
        .spoil(BAD_WHOLE_NUMBERS, "locationId", "lines[0].skuId", "lines[0].quantity")
        .spoil(BAD_TEXTS, "reference");
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
    cases.put("/api/transfer-suggestions/not-a-uuid", "id");
    cases.put("/api/transfer-suggestions/1-1-1-1-1", "id");
    cases.put("/api/transfer-suggestions/" + w.suggestion.toString().replace("-", ""), "id");
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
            new String[] {"/api/catalog/scan/12345678?storeId=", "storeId", "1.5"},
            new String[] {"/api/transfer-suggestions?status=", "status", "done"},
            new String[] {"/api/transfer-suggestions?toLocationId=", "toLocationId", "1.5"},
            new String[] {"/api/transfer-suggestions?skuId=", "skuId", "1.5"},
            new String[] {"/api/transfer-suggestions?limit=", "limit", "1.5"},
            new String[] {"/api/transfer-suggestions?offset=", "offset", "-1"});
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
      long template,
      UUID suggestion) {}

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
    UUID suggestion = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO suggested_transfers (id, sku_id, from_location_id, to_location_id, quantity,"
            + " reorder_point, position, velocity_per_day, reason, based_on_lsn, suggested_at)"
            + " VALUES (?, ?, ?, ?, 1, 2, 0, 0.5, 'low', 1, now())",
        suggestion,
        f.sku(),
        f.warehouse(),
        f.store());
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
        template,
        suggestion);
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
