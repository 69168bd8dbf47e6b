package io.chainstore.oltp.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Suppliers end to end: their SKUs, stock and locations, mixed orders whose parts are fulfilled
 * separately, what the chain owes them, and that one supplier never reads or changes another's.
 */
class SuppliersIT extends ApiTestSupport {

  /** A supplier with a key, a location and one SKU (retail 10.00, cost 6.00) with stock there. */
  private record Vendor(long id, String key, long location, long sku) {}

  private Vendor vendor(int units) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        post(
            "/api/suppliers", "{\"code\":\"SUP-" + tag + "\",\"name\":\"Acme " + tag + "\"}", null);
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    String key = keys.issue("supplier " + tag, Role.SUPPLIER, null, null, id).key();
    Reply product =
        postAs(
            key,
            "/api/supplier/products",
            """
            {"code":"SP-%s","name":"Kettle","kind":"goods","category":"kitchen",
             "skus":[{"code":"SSKU-%s","name":"Kettle 1l","price":10.00,"costPrice":6.00}]}
            """
                .formatted(tag, tag),
            "p-" + tag);
    assertThat(product.status()).isEqualTo(201);
    long sku = product.body().path("skus").get(0).path("id").asLong();
    assertThat(product.body().path("skus").get(0).path("costPrice").decimalValue())
        .isEqualByComparingTo("6.00");
    Reply location =
        postAs(
            key,
            "/api/supplier/locations",
            "{\"code\":\"SL-" + tag + "\",\"name\":\"Acme yard\"}",
            "l-" + tag);
    assertThat(location.status()).isEqualTo(201);
    long loc = location.body().path("id").asLong();
    if (units > 0) {
      Reply receipt =
          postAs(
              key,
              "/api/supplier/receipts",
              "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":%d}]}"
                  .formatted(loc, sku, units),
              "r-" + tag);
      assertThat(receipt.status()).isEqualTo(201);
    }
    return new Vendor(id, key, loc, sku);
  }

  private long orderOf(
      long store, String channel, long member, long sku1, int q1, long sku2, int q2) {
    Reply order =
        post(
            "/api/orders",
            """
            {"storeId":%d,"channel":"%s","memberId":%d,"lines":[
             {"skuId":%d,"quantity":%d},{"skuId":%d,"quantity":%d}]}
            """
                .formatted(store, channel, member, sku1, q1, sku2, q2),
            null);
    assertThat(order.status()).as(order.raw().body()).isEqualTo(201);
    return order.body().path("id").asLong();
  }

  private String status(long order) {
    return get("/api/orders/" + order).body().path("status").asText();
  }

  @Test
  void
      aMixedOnlineOrderCompletesWhenTheStoreAndTheSupplierHaveBothShippedAndReturnsReverseTheOwed() {
    var chain = fixture(new BigDecimal("5.00"), 10);
    Vendor x = vendor(5);
    String manager = keyFor(Role.STORE_MANAGER, chain.store());

    long order = orderOf(chain.store(), "online", chain.member(), chain.sku(), 2, x.sku(), 3);
    // Each line is reserved where it ships from.
    assertThat(reserved(chain.sku(), chain.store())).isEqualTo(2);
    assertThat(reserved(x.sku(), x.location())).isEqualTo(3);
    assertThat(
            jdbc.queryForList(
                "SELECT 1 FROM stock WHERE sku_id = ? AND location_id = ?", x.sku(), chain.store()))
        .isEmpty();

    assertThat(post("/api/orders/" + order + "/pay", null, null).status()).isEqualTo(200);
    assertThat(onHand(chain.sku(), chain.store())).isEqualTo(8);
    assertThat(onHand(x.sku(), x.location())).isEqualTo(5);
    assertThat(reserved(x.sku(), x.location())).isEqualTo(3);

    // The supplier sees its part only: its line, the recipient, nothing else of the order.
    Reply open = getAs(x.key(), "/api/supplier/fulfilments?status=open");
    assertThat(open.status()).isEqualTo(200);
    JsonNode part = open.body().get(0);
    assertThat(part.path("orderId").asLong()).isEqualTo(order);
    assertThat(part.path("shipTo").asText()).isEqualTo("consumer");
    assertThat(part.path("lines")).hasSize(1);
    assertThat(part.path("lines").get(0).path("skuId").asLong()).isEqualTo(x.sku());
    assertThat(part.path("lines").get(0).path("lineNo").asInt()).isEqualTo(2);
    assertThat(part.path("recipient").path("name").asText()).startsWith("Member ");
    assertThat(part.has("totalAmount")).isFalse();
    assertThat(getAs(x.key(), "/api/orders/" + order).status()).isEqualTo(403);
    long fulfilment = part.path("id").asLong();

    // The store ships its part first: the order waits for the supplier's.
    Reply storeShipped = postAs(manager, "/api/orders/" + order + "/fulfil", null, null);
    assertThat(storeShipped.status()).isEqualTo(200);
    assertThat(storeShipped.body().path("status").asText()).isEqualTo("paid");
    assertThat(postAs(manager, "/api/orders/" + order + "/fulfil", null, null).status())
        .isEqualTo(409);
    assertThat(post("/api/orders/" + order + "/complete", null, null).status()).isEqualTo(409);
    // The chain sees both parts and how far each got; the supplier does not read the order's.
    Reply parts = getAs(manager, "/api/orders/" + order + "/parts");
    assertThat(parts.status()).isEqualTo(200);
    assertThat(parts.body()).hasSize(2);
    for (JsonNode p : parts.body()) {
      boolean ours = p.path("supplierId").isMissingNode() || p.path("supplierId").isNull();
      assertThat(p.path("status").asText()).isEqualTo(ours ? "shipped" : "open");
      assertThat(p.path("lineNos").get(0).asInt()).isEqualTo(ours ? 1 : 2);
    }
    assertThat(getAs(x.key(), "/api/orders/" + order + "/parts").status()).isEqualTo(403);
    assertThat(
            getAs(
                    keyFor(Role.POS, fixture(BigDecimal.ONE, 1).store()),
                    "/api/orders/" + order + "/parts")
                .status())
        .isEqualTo(403);
    // Part of it shipped: no cancellation any more.
    assertThat(post("/api/orders/" + order + "/cancel", null, null).status()).isEqualTo(409);

    Reply shipped =
        postAs(x.key(), "/api/supplier/fulfilments/" + fulfilment + "/ship", null, "ship-1");
    assertThat(shipped.status()).isEqualTo(200);
    assertThat(shipped.body().path("status").asText()).isEqualTo("shipped");
    // A retry returns the first answer and owes nothing twice.
    Reply again =
        postAs(x.key(), "/api/supplier/fulfilments/" + fulfilment + "/ship", null, "ship-1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(
            postAs(x.key(), "/api/supplier/fulfilments/" + fulfilment + "/ship", null, null)
                .status())
        .isEqualTo(409);
    assertThat(onHand(x.sku(), x.location())).isEqualTo(2);
    assertThat(reserved(x.sku(), x.location())).isZero();
    assertThat(status(order)).isEqualTo("fulfilled");
    assertThat(post("/api/orders/" + order + "/complete", null, null).status()).isEqualTo(200);
    assertThat(status(order)).isEqualTo("completed");

    Reply owed = getAs(x.key(), "/api/supplier/ledger");
    assertThat(owed.body().path("balance").decimalValue()).isEqualByComparingTo("18.00");
    assertThat(owed.body().path("rows")).hasSize(1);

    // One unit of the supplier's line and one of the chain's come back.
    Reply returned =
        post(
            "/api/orders/" + order + "/returns",
            "{\"lines\":[{\"lineNo\":2,\"quantity\":1},{\"lineNo\":1,\"quantity\":1}]}",
            null);
    assertThat(returned.status()).isEqualTo(200);
    Reply after = getAs(x.key(), "/api/supplier/ledger");
    assertThat(after.body().path("balance").decimalValue()).isEqualByComparingTo("12.00");
    JsonNode reversal = after.body().path("rows").get(0);
    assertThat(reversal.path("kind").asText()).isEqualTo("returned");
    assertThat(reversal.path("amount").decimalValue()).isEqualByComparingTo("-6.00");
    assertThat(reversal.path("quantity").asInt()).isEqualTo(1);
    // HQ sees the same.
    Reply hq = get("/api/suppliers/" + x.id() + "/ledger");
    assertThat(hq.body().path("balance").decimalValue()).isEqualByComparingTo("12.00");
    assertThat(hq.body().path("rows")).hasSize(2);
    JsonNode listed = null;
    for (JsonNode s : get("/api/suppliers?limit=500").body()) {
      if (s.path("id").asLong() == x.id()) {
        listed = s;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("owed").decimalValue()).isEqualByComparingTo("12.00");
  }

  @Test
  void aClickAndCollectPartArrivesAtTheStoreReservedAndIsPickedUpThere() {
    var chain = fixture(new BigDecimal("5.00"), 10);
    Vendor x = vendor(4);
    // The store is offered for collection though the supplier's SKU is not on its shelf.
    jdbc.update(
        "UPDATE locations SET latitude = 89.9, longitude = 179.9 WHERE id = ?", chain.store());
    Reply stores =
        post(
            "/api/orders/pickup-stores",
            """
            {"latitude":89.9,"longitude":179.9,"limit":50,
             "lines":[{"skuId":%d,"quantity":1},{"skuId":%d,"quantity":2}]}
            """
                .formatted(chain.sku(), x.sku()),
            null);
    assertThat(stores.status()).isEqualTo(200);
    assertThat(stores.body().findValuesAsText("id")).contains(String.valueOf(chain.store()));
    long order = orderOf(chain.store(), "pickup", chain.member(), chain.sku(), 1, x.sku(), 2);
    assertThat(post("/api/orders/" + order + "/pay", null, null).status()).isEqualTo(200);
    long part = getAs(x.key(), "/api/supplier/fulfilments").body().get(0).path("id").asLong();

    Reply early = post("/api/orders/" + order + "/pickup", null, null);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body().path("field").asText()).isEqualTo("status");

    Reply shipped = postAs(x.key(), "/api/supplier/fulfilments/" + part + "/ship", null, null);
    assertThat(shipped.status()).isEqualTo(200);
    assertThat(shipped.body().path("shipTo").asText()).isEqualTo("store");
    assertThat(shipped.body().path("store").path("storeId").asLong()).isEqualTo(chain.store());
    assertThat(shipped.body().path("recipient").path("phone").isMissingNode()).isTrue();
    long receipt = shipped.body().path("receiptId").asLong();
    assertThat(
            jdbc.queryForObject(
                "SELECT kind || ':' || location_id FROM stock_documents WHERE id = ?",
                String.class,
                receipt))
        .isEqualTo("receipt:" + chain.store());
    assertThat(onHand(x.sku(), x.location())).isEqualTo(2);
    assertThat(onHand(x.sku(), chain.store())).isEqualTo(2);
    assertThat(reserved(x.sku(), chain.store())).isEqualTo(2);
    assertThat(status(order)).isEqualTo("paid");

    assertThat(post("/api/orders/" + order + "/pickup", null, null).status()).isEqualTo(200);
    assertThat(onHand(x.sku(), chain.store())).isZero();
    assertThat(onHand(chain.sku(), chain.store())).isEqualTo(9);
    assertThat(status(order)).isEqualTo("picked_up");
    assertThat(getAs(x.key(), "/api/supplier/ledger").body().path("balance").decimalValue())
        .isEqualByComparingTo("12.00");
  }

  @Test
  void cancellingGivesTheSuppliersUnitsBackAtItsLocationAndAnOrderNeedsTheirStock() {
    var chain = fixture(new BigDecimal("5.00"), 10);
    Vendor x = vendor(3);
    long order = orderOf(chain.store(), "online", chain.member(), chain.sku(), 1, x.sku(), 3);
    assertThat(post("/api/orders/" + order + "/pay", null, null).status()).isEqualTo(200);
    assertThat(post("/api/orders/" + order + "/cancel", null, null).status()).isEqualTo(200);
    assertThat(reserved(x.sku(), x.location())).isZero();
    assertThat(onHand(x.sku(), x.location())).isEqualTo(3);
    assertThat(onHand(chain.sku(), chain.store())).isEqualTo(10);
    JsonNode part = getAs(x.key(), "/api/supplier/fulfilments").body().get(0);
    assertThat(part.path("status").asText()).isEqualTo("cancelled");
    assertThat(
            postAs(
                    x.key(),
                    "/api/supplier/fulfilments/" + part.path("id").asLong() + "/ship",
                    null,
                    null)
                .status())
        .isEqualTo(409);

    // More than the supplier has: 409 on that line, nothing reserved anywhere.
    Map<String, String> before = tableDigests();
    Reply tooMany =
        post(
            "/api/orders",
            """
            {"storeId":%d,"channel":"online","lines":[{"skuId":%d,"quantity":1},{"skuId":%d,"quantity":4}]}
            """
                .formatted(chain.store(), chain.sku(), x.sku()),
            null);
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.body().path("field").asText()).isEqualTo("lines[1].quantity");
    assertThat(tableDigests()).isEqualTo(before);
    // A supplier's location never ships an online order as if it were a store.
    Reply fromSupplier = post("/api/orders", order(x.location(), "online", chain.sku(), 1), null);
    assertThat(fromSupplier.status()).isEqualTo(422);
    assertThat(fromSupplier.body().path("field").asText()).isEqualTo("storeId");
    assertThat(tableDigests()).isEqualTo(before);
  }

  @Test
  void checkoutsRacingForASuppliersLastUnitsOversellNothing() throws Exception {
    var chain = fixture(new BigDecimal("5.00"), 100);
    Vendor x = vendor(3);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bodies.add(
          """
          {"storeId":%d,"channel":"online","lines":[{"skuId":%d,"quantity":1},{"skuId":%d,"quantity":1}]}
          """
              .formatted(chain.store(), chain.sku(), x.sku()));
    }
    List<Reply> replies = ordersAtOnce(bodies);
    assertThat(replies).extracting(Reply::status).containsOnly(201, 409);
    assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(3);
    assertThat(reserved(x.sku(), x.location())).isEqualTo(3);
    assertThat(reserved(chain.sku(), chain.store())).isEqualTo(3);
    assertThat(getAs(x.key(), "/api/supplier/fulfilments").body()).hasSize(3);
  }

  @Test
  void aSupplierNeitherReadsNorChangesAnotherSuppliersThingsNorTheChains() {
    var chain = fixture(new BigDecimal("5.00"), 10);
    Vendor x = vendor(5);
    Vendor y = vendor(5);
    long order = orderOf(chain.store(), "online", chain.member(), chain.sku(), 1, x.sku(), 1);
    assertThat(post("/api/orders/" + order + "/pay", null, null).status()).isEqualTo(200);
    long xPart = getAs(x.key(), "/api/supplier/fulfilments").body().get(0).path("id").asLong();

    Map<String, String> before = tableDigests();
    List<String> outcomes = new ArrayList<>();
    record Refusal(Reply reply, int status, String field) {}
    List<Refusal> refusals =
        List.of(
            new Refusal(
                patchAs(y.key(), "/api/supplier/skus/" + x.sku(), "{\"costPrice\":1.00}"),
                404,
                "skuId"),
            new Refusal(
                patchAs(y.key(), "/api/supplier/skus/" + chain.sku(), "{\"price\":1.00}"),
                404,
                "skuId"),
            new Refusal(
                postAs(
                    y.key(),
                    "/api/supplier/receipts",
                    "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                        .formatted(x.location(), y.sku()),
                    null),
                403,
                "locationId"),
            new Refusal(
                postAs(
                    y.key(),
                    "/api/supplier/receipts",
                    "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                        .formatted(y.location(), x.sku()),
                    null),
                403,
                "lines[0].skuId"),
            new Refusal(
                postAs(
                    y.key(),
                    "/api/supplier/receipts",
                    "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                        .formatted(y.location(), chain.sku()),
                    null),
                403,
                "lines[0].skuId"),
            new Refusal(
                postAs(
                    y.key(),
                    "/api/supplier/receipts",
                    "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                        .formatted(chain.store(), y.sku()),
                    null),
                403,
                "locationId"),
            new Refusal(getAs(y.key(), "/api/supplier/fulfilments/" + xPart), 404, "fulfilmentId"),
            new Refusal(
                postAs(y.key(), "/api/supplier/fulfilments/" + xPart + "/ship", null, null),
                404,
                "fulfilmentId"),
            new Refusal(
                getAs(y.key(), "/api/supplier/stock?locationId=" + x.location()),
                404,
                "locationId"),
            // Supplier keys on the chain's endpoints.
            new Refusal(getAs(y.key(), "/api/orders/" + order), 403, null),
            new Refusal(getAs(y.key(), "/api/catalog/products"), 403, null),
            new Refusal(getAs(y.key(), "/api/stock"), 403, null),
            new Refusal(getAs(y.key(), "/api/suppliers"), 403, null),
            new Refusal(getAs(y.key(), "/api/suppliers/" + x.id() + "/ledger"), 403, null),
            new Refusal(
                postAs(y.key(), "/api/orders", order(chain.store(), "online", y.sku(), 1), null),
                403,
                null),
            new Refusal(postAs(y.key(), "/api/orders/" + order + "/fulfil", null, null), 403, null),
            // Chain keys on a supplier's endpoints, and the chain's documents at its location.
            new Refusal(
                postAs(
                    keyFor(Role.STOREFRONT, null),
                    "/api/supplier/fulfilments/" + xPart + "/ship",
                    null,
                    null),
                403,
                null),
            new Refusal(getAs(adminKey, "/api/supplier/ledger"), 403, null),
            new Refusal(
                post(
                    "/api/stock/receipts",
                    "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                        .formatted(x.location(), x.sku()),
                    null),
                422,
                "locationId"));
    for (Refusal r : refusals) {
      if (r.reply().status() != r.status()
          || (r.field() != null && !r.field().equals(r.reply().body().path("field").asText()))) {
        outcomes.add(r.reply().raw().uri() + " -> " + r.reply().raw().body());
      }
    }
    assertThat(outcomes).isEmpty();
    assertThat(tableDigests()).isEqualTo(before);

    // What each sees is its own only.
    assertThat(getAs(y.key(), "/api/supplier/fulfilments").body()).isEmpty();
    assertThat(getAs(y.key(), "/api/supplier/skus").body()).hasSize(1);
    assertThat(getAs(y.key(), "/api/supplier/skus").body().get(0).path("id").asLong())
        .isEqualTo(y.sku());
    assertThat(getAs(y.key(), "/api/supplier/locations").body()).hasSize(1);
    JsonNode yStock = getAs(y.key(), "/api/supplier/stock").body();
    assertThat(yStock).hasSize(1);
    assertThat(yStock.get(0).path("locationId").asLong()).isEqualTo(y.location());
    assertThat(getAs(y.key(), "/api/supplier/ledger").body().path("rows")).isEmpty();
    // The chain's stock list leaves suppliers' locations out; the catalog shows their SKUs.
    for (JsonNode level : get("/api/stock").body()) {
      assertThat(level.path("locationId").asLong()).isNotIn(x.location(), y.location());
    }
    assertThat(get("/api/stock/" + x.sku()).body().path("locations")).isEmpty();
    assertThat(get("/api/catalog/products?q=Kettle&limit=500").body()).isNotEmpty();
  }

  @Test
  void theDatabaseRefusesForeignStockAtASupplierACostlessSupplierSkuAndLedgerRewrites() {
    var chain = fixture(new BigDecimal("5.00"), 10);
    Vendor x = vendor(1);
    Vendor y = vendor(1);
    assertThatThrownBy(() -> initialStock(chain.sku(), x.location(), 1))
        .hasMessageContaining("is not stocked at location");
    assertThatThrownBy(() -> initialStock(y.sku(), x.location(), 1))
        .hasMessageContaining("is not stocked at location");
    assertThatThrownBy(() -> jdbc.update("UPDATE skus SET cost_price = NULL WHERE id = ?", x.sku()))
        .hasMessageContaining("skus_supplier_has_cost");
    assertThatThrownBy(
            () -> jdbc.update("UPDATE locations SET supplier_id = NULL WHERE id = ?", x.location()))
        .hasMessageContaining("locations_supplier_bound");
    long order = orderOf(chain.store(), "online", chain.member(), chain.sku(), 1, x.sku(), 1);
    post("/api/orders/" + order + "/pay", null, null);
    long part = getAs(x.key(), "/api/supplier/fulfilments").body().get(0).path("id").asLong();
    assertThat(postAs(x.key(), "/api/supplier/fulfilments/" + part + "/ship", null, null).status())
        .isEqualTo(200);
    assertThatThrownBy(
            () ->
                jdbc.update("UPDATE supplier_ledger SET amount = 0 WHERE fulfilment_id = ?", part))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO supplier_ledger (supplier_id, kind, fulfilment_id, order_id, line_no,"
                        + " sku_id, quantity, unit_cost, amount) VALUES (?, 'shipped', ?, ?, 2, ?, 1, 6.00, 6.00)",
                    x.id(),
                    part,
                    order,
                    x.sku()))
        .hasMessageContaining("supplier_ledger_shipped_once");
  }

  @Test
  void badInputToEverySupplierWriteIsRefusedNamingTheFieldAndChangesNothing() {
    Vendor x = vendor(1);
    String sku = "{\"code\":\"C1\",\"name\":\"n\",\"price\":1.00,\"costPrice\":1.00}";
    record Case(String method, String path, String key, String body, String field) {}
    List<Case> cases =
        List.of(
            new Case("POST", "/api/suppliers", adminKey, "{\"code\":\"\",\"name\":\"n\"}", "code"),
            new Case("POST", "/api/suppliers", adminKey, "{\"code\":\"c\"}", "name"),
            new Case("POST", "/api/suppliers", adminKey, "{\"code\":\"c\",\"name\":7}", "name"),
            new Case(
                "POST", "/api/suppliers", adminKey, "{\"code\":\"c\",\"name\":\"n\",\"x\":1}", "x"),
            new Case(
                "POST",
                "/api/supplier/products",
                x.key(),
                "{\"code\":\"p\",\"name\":\"n\",\"kind\":\"service\",\"category\":\"c\",\"skus\":["
                    + sku
                    + "]}",
                "kind"),
            new Case(
                "POST",
                "/api/supplier/products",
                x.key(),
                "{\"code\":\"p\",\"name\":\"n\",\"kind\":\"goods\",\"category\":\"c\",\"skus\":[]}",
                "skus"),
            new Case(
                "POST",
                "/api/supplier/products",
                x.key(),
                "{\"code\":\"p\",\"name\":\"n\",\"kind\":\"goods\",\"category\":\"c\",\"skus\":["
                    + "{\"code\":\"C1\",\"name\":\"n\",\"price\":1.00}]}",
                "skus[0].costPrice"),
            new Case(
                "POST",
                "/api/supplier/products",
                x.key(),
                "{\"code\":\"p\",\"name\":\"n\",\"kind\":\"goods\",\"category\":\"c\",\"skus\":["
                    + "{\"code\":\"C1\",\"name\":\"n\",\"price\":1.00,\"costPrice\":-1}]}",
                "skus[0].costPrice"),
            new Case(
                "POST",
                "/api/supplier/products",
                x.key(),
                "{\"code\":\"p\",\"name\":\"n\",\"kind\":\"goods\",\"category\":\"c\",\"skus\":["
                    + "{\"code\":\"C1\",\"name\":\"n\",\"price\":1.001,\"costPrice\":1}]}",
                "skus[0].price"),
            new Case(
                "POST",
                "/api/supplier/products",
                x.key(),
                "{\"code\":\"p\",\"name\":\"n\",\"kind\":\"goods\",\"category\":\"c\",\"skus\":["
                    + "{\"code\":\"C1\",\"name\":\"n\",\"price\":\"1.00\",\"costPrice\":1}]}",
                "skus[0].price"),
            new Case(
                "PATCH",
                "/api/supplier/skus/" + x.sku(),
                x.key(),
                "{\"costPrice\":-0.01}",
                "costPrice"),
            new Case("PATCH", "/api/supplier/skus/" + x.sku(), x.key(), "{\"name\":\"\"}", "name"),
            new Case(
                "PATCH", "/api/supplier/skus/" + x.sku(), x.key(), "{\"price\":true}", "price"),
            new Case("PATCH", "/api/supplier/skus/abc", x.key(), "{\"name\":\"n\"}", "skuId"),
            new Case("PATCH", "/api/supplier/skus/0", x.key(), "{\"name\":\"n\"}", "skuId"),
            new Case(
                "POST",
                "/api/supplier/locations",
                x.key(),
                "{\"code\":\"a\\u0000b\",\"name\":\"n\"}",
                "code"),
            new Case(
                "POST",
                "/api/supplier/locations",
                x.key(),
                "{\"code\":\"" + "c".repeat(33) + "\",\"name\":\"n\"}",
                "code"),
            new Case(
                "POST",
                "/api/supplier/receipts",
                x.key(),
                "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":0}]}"
                    .formatted(x.location(), x.sku()),
                "lines[0].quantity"),
            new Case(
                "POST",
                "/api/supplier/receipts",
                x.key(),
                "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1.5}]}"
                    .formatted(x.location(), x.sku()),
                "lines[0].quantity"),
            new Case(
                "POST",
                "/api/supplier/receipts",
                x.key(),
                "{\"locationId\":%d,\"lines\":[{\"skuId\":%d,\"quantity\":1},{\"skuId\":%d,\"quantity\":1}]}"
                    .formatted(x.location(), x.sku(), x.sku()),
                "lines[1].skuId"),
            new Case(
                "POST",
                "/api/supplier/receipts",
                x.key(),
                "{\"lines\":[{\"skuId\":%d,\"quantity\":1}]}".formatted(x.sku()),
                "locationId"),
            new Case(
                "POST",
                "/api/supplier/receipts",
                x.key(),
                "{\"locationId\":\"%d\",\"lines\":[{\"skuId\":%d,\"quantity\":1}]}"
                    .formatted(x.location(), x.sku()),
                "locationId"),
            new Case("POST", "/api/supplier/fulfilments/abc/ship", x.key(), null, "fulfilmentId"),
            new Case("POST", "/api/supplier/fulfilments/0/ship", x.key(), null, "fulfilmentId"));
    Map<String, String> before = tableDigests();
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      Reply reply =
          c.method().equals("PATCH")
              ? patchAs(c.key(), c.path(), c.body())
              : postAs(c.key(), c.path(), c.body(), null);
      String type = reply.raw().headers().firstValue("Content-Type").orElse("");
      if (reply.status() != 400
          || !type.startsWith("application/problem+json")
          || !c.field().equals(reply.body().path("field").asText())) {
        wrong.add(c.method() + " " + c.path() + " " + c.body() + " -> " + reply.raw().body());
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(tableDigests()).isEqualTo(before);
  }
}
