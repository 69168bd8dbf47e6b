package io.chainstore.oltp.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiContract;
import io.chainstore.oltp.ApiTestSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Each role sees and changes only what is its own; refusals change nothing. */
class AccessIT extends ApiTestSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlers;

  @Test
  void withoutAValidKeyEverythingButHealthAndTheApiDocumentIsRefused() {
    Fixture f = fixture(new BigDecimal("1.00"), 5);
    Reply anonymous = postAs(null, "/api/orders", order(f.store(), "pos", f.sku(), 1), null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body().path("field").asText()).isEqualTo("Authorization");
    assertThat(getAs("cs_not-a-key", "/api/stock/" + f.sku()).status()).isEqualTo(401);
    assertThat(getAs(null, "/actuator/health").status()).isEqualTo(200);
    assertThat(getAs(null, "/v3/api-docs").status()).isEqualTo(200);
    assertThat(reserved(f.sku(), f.store())).isZero();
  }

  @Test
  void aPosTerminalSellsOnlyAtItsOwnStore() {
    Fixture a = fixture(new BigDecimal("2.00"), 5);
    Fixture b = fixture(new BigDecimal("2.00"), 5);
    String pos = keyFor(Role.POS, a.store());

    assertThat(postAs(pos, "/api/orders", order(a.store(), "pos", a.sku(), 1), null).status())
        .isEqualTo(201);
    Reply otherStore = postAs(pos, "/api/orders", order(b.store(), "pos", b.sku(), 1), null);
    assertThat(otherStore.status()).isEqualTo(403);
    assertThat(otherStore.body().path("field").asText()).isEqualTo("storeId");
    Reply online = postAs(pos, "/api/orders", order(a.store(), "online", a.sku(), 1), null);
    assertThat(online.status()).isEqualTo(403);
    assertThat(online.body().path("field").asText()).isEqualTo("channel");
    assertThat(reserved(b.sku(), b.store())).isZero();
    assertThat(reserved(a.sku(), a.store())).isEqualTo(1);

    // Store B's order is neither readable nor payable from store A's terminal.
    long bOrder =
        post("/api/orders", order(b.store(), "pos", b.sku(), 2), null).body().path("id").asLong();
    assertThat(getAs(pos, "/api/orders/" + bOrder).status()).isEqualTo(403);
    assertThat(postAs(pos, "/api/orders/" + bOrder + "/pay", null, null).status()).isEqualTo(403);
    assertThat(onHand(b.sku(), b.store())).isEqualTo(5);

    // Stock is shown for its own store only.
    assertThat(getAs(pos, "/api/stock/" + a.sku()).body().path("locations")).hasSize(1);
    assertThat(getAs(pos, "/api/stock/" + b.sku()).body().path("locations")).isEmpty();
  }

  @Test
  void storeManagersHandleTheirStoreAnalystsOnlyRead() {
    Fixture a = fixture(new BigDecimal("3.00"), 5);
    Fixture b = fixture(new BigDecimal("3.00"), 5);
    long order =
        post("/api/orders", order(a.store(), "pickup", a.sku(), 2), null)
            .body()
            .path("id")
            .asLong();

    String managerB = keyFor(Role.STORE_MANAGER, b.store());
    assertThat(getAs(managerB, "/api/orders/" + order).status()).isEqualTo(403);
    assertThat(postAs(managerB, "/api/orders/" + order + "/cancel", null, null).status())
        .isEqualTo(403);
    assertThat(reserved(a.sku(), a.store())).isEqualTo(2);

    String analyst = keyFor(Role.HQ_ANALYST, null);
    assertThat(getAs(analyst, "/api/orders/" + order).status()).isEqualTo(200);
    assertThat(postAs(analyst, "/api/orders/" + order + "/pay", null, null).status())
        .isEqualTo(403);
    assertThat(
            postAs(analyst, "/api/orders", order(a.store(), "online", a.sku(), 1), null).status())
        .isEqualTo(403);

    String managerA = keyFor(Role.STORE_MANAGER, a.store());
    assertThat(postAs(managerA, "/api/orders/" + order + "/cancel", null, null).status())
        .isEqualTo(200);
    assertThat(reserved(a.sku(), a.store())).isZero();
  }

  @Test
  void storefrontsPlaceOnlineAndPickupOrdersButNoPosSales() {
    Fixture f = fixture(new BigDecimal("4.00"), 5);
    String storefront = keyFor(Role.STOREFRONT, null);
    assertThat(
            postAs(storefront, "/api/orders", order(f.store(), "online", f.sku(), 1), null)
                .status())
        .isEqualTo(201);
    assertThat(
            postAs(storefront, "/api/orders", order(f.store(), "pos", f.sku(), 1), null).status())
        .isEqualTo(403);
    long posSale =
        post("/api/orders", order(f.store(), "pos", f.sku(), 1), null).body().path("id").asLong();
    assertThat(getAs(storefront, "/api/orders/" + posSale).status()).isEqualTo(403);
  }

  @Test
  void onlyHqAdminsIssueKeysAndStoreBoundKeysNeedAStore() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    String analyst = keyFor(Role.HQ_ANALYST, null);
    String request = "{\"name\":\"till 1\",\"role\":\"pos\",\"storeId\":" + f.store() + "}";
    assertThat(postAs(analyst, "/api/admin/api-keys", request, null).status()).isEqualTo(403);

    Reply issued = post("/api/admin/api-keys", request, null);
    assertThat(issued.status()).isEqualTo(201);
    String key = issued.body().path("key").asText();
    assertThat(key).startsWith("cs_");
    assertThat(getAs(key, "/api/stock/" + f.sku()).status()).isEqualTo(200);
    // Only a hash is stored.
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM api_keys WHERE key_hash = ?", Long.class, key))
        .isZero();

    Reply noStore = post("/api/admin/api-keys", "{\"name\":\"till\",\"role\":\"pos\"}", null);
    assertThat(noStore.status()).isEqualTo(422);
    assertThat(noStore.body().path("field").asText()).isEqualTo("storeId");
    Reply badRole = post("/api/admin/api-keys", "{\"name\":\"x\",\"role\":\"king\"}", null);
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.body().path("field").asText()).isEqualTo("role");
  }

  @Test
  void technicianKeysFollowTheirTechnicianAndSupplierKeysTheirSupplier() {
    Fixture a = fixture(new BigDecimal("1.00"), 3);
    Fixture b = fixture(new BigDecimal("1.00"), 3);
    long technician =
        jdbc.queryForObject(
            "INSERT INTO technicians (store_id, name) VALUES (?, 'Wang') RETURNING id",
            Long.class,
            a.store());
    long supplier =
        jdbc.queryForObject(
            "INSERT INTO suppliers (code, name) VALUES (?, 'Acme') RETURNING id",
            Long.class,
            "SUP-" + technician);

    Reply tech =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"wang\",\"role\":\"technician\",\"technicianId\":" + technician + "}",
            null);
    assertThat(tech.status()).isEqualTo(201);
    assertThat(tech.body().path("storeId").asLong()).isEqualTo(a.store());
    String techKey = tech.body().path("key").asText();
    // Store-bound like a manager: its own store's stock only.
    assertThat(getAs(techKey, "/api/stock/" + a.sku()).body().path("locations")).hasSize(1);
    assertThat(getAs(techKey, "/api/stock/" + b.sku()).body().path("locations")).isEmpty();

    Reply elsewhere =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"w\",\"role\":\"technician\",\"technicianId\":"
                + technician
                + ",\"storeId\":"
                + b.store()
                + "}",
            null);
    assertThat(elsewhere.status()).isEqualTo(422);
    assertThat(elsewhere.body().path("field").asText()).isEqualTo("storeId");
    Reply noTechnician =
        post("/api/admin/api-keys", "{\"name\":\"w\",\"role\":\"technician\"}", null);
    assertThat(noTechnician.status()).isEqualTo(422);
    assertThat(noTechnician.body().path("field").asText()).isEqualTo("technicianId");
    Reply unknownSupplier =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"s\",\"role\":\"supplier\",\"supplierId\":" + (supplier + 1000) + "}",
            null);
    assertThat(unknownSupplier.status()).isEqualTo(422);
    assertThat(unknownSupplier.body().path("field").asText()).isEqualTo("supplierId");
    Reply posWithSupplier =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"s\",\"role\":\"pos\",\"storeId\":"
                + a.store()
                + ",\"supplierId\":"
                + supplier
                + "}",
            null);
    assertThat(posWithSupplier.status()).isEqualTo(422);
    assertThat(posWithSupplier.body().path("field").asText()).isEqualTo("supplierId");

    Reply sup =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"acme\",\"role\":\"supplier\",\"supplierId\":" + supplier + "}",
            null);
    assertThat(sup.status()).isEqualTo(201);
    String supplierKey = sup.body().path("key").asText();
    // An outside party: none of the chain's reads, not even the catalog or stock.
    long order =
        post("/api/orders", order(a.store(), "pos", a.sku(), 1), null).body().path("id").asLong();
    for (String path :
        List.of(
            "/api/orders/" + order,
            "/api/stock/" + a.sku(),
            "/api/members/" + a.member(),
            "/api/catalog/products")) {
      Reply refused = getAs(supplierKey, path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.body().path("field").asText()).isEqualTo("Authorization");
    }
  }

  @Test
  void everyEndpointDeclaresItsRolesAndTheApiDocumentNamesThem() throws Exception {
    handlers
        .getHandlerMethods()
        .forEach(
            (mapping, method) -> {
              if (method.getBeanType().getName().startsWith("io.chainstore.oltp.")) {
                AllowedRoles allowed = method.getMethodAnnotation(AllowedRoles.class);
                assertThat(allowed).as("roles of %s", mapping).isNotNull();
                assertThat(allowed.anyRole() || allowed.value().length > 0)
                    .as("roles of %s", mapping)
                    .isTrue();
              }
            });
    List<String> operations = new ArrayList<>();
    for (ApiContract.Operation op : ApiContract.operations(port)) {
      operations.add(op.method() + " " + op.path());
      assertThat(op.spec().path("x-roles"))
          .as("x-roles of %s %s", op.method(), op.path())
          .isNotEmpty();
    }
    assertThat(operations).contains("delete /api/admin/api-keys/{id}", "post /api/orders");
    assertThat(
            JSON.readTree(ApiContract.document(port))
                .at("/paths/~1api~1catalog~1products/post/x-roles")
                .toString())
        .isEqualTo("[\"hq_admin\"]");
  }

  @Test
  void anAnalystReadsButChangesNothingAnywhere() {
    Fixture f = fixture(new BigDecimal("1.00"), 5);
    String analyst = keyFor(Role.HQ_ANALYST, null);
    assertThat(getAs(analyst, "/api/stock/" + f.sku()).status()).isEqualTo(200);
    Reply receipt =
        postAs(
            analyst,
            "/api/stock/receipts",
            "{\"locationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 3}]}"
                .formatted(f.store(), f.sku()),
            null);
    assertThat(receipt.status()).isEqualTo(403);
    assertThat(receipt.body().path("field").asText()).isEqualTo("Authorization");
    assertThat(
            putAs(analyst, "/api/catalog/skus/" + f.sku() + "/price", "{\"price\": 0.01}").status())
        .isEqualTo(403);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(5);
  }

  @Test
  void aRevokedKeyIsRefusedAtOnceAndStaysListedWithoutItsSecret() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    Reply issued =
        post(
            "/api/admin/api-keys",
            "{\"name\":\"lost till\",\"role\":\"pos\",\"storeId\":" + f.store() + "}",
            null);
    String key = issued.body().path("key").asText();
    long id = issued.body().path("id").asLong();
    assertThat(getAs(key, "/api/stock/" + f.sku()).status()).isEqualTo(200);

    String manager = keyFor(Role.STORE_MANAGER, f.store());
    assertThat(deleteAs(manager, "/api/admin/api-keys/" + id).status()).isEqualTo(403);
    assertThat(getAs(key, "/api/stock/" + f.sku()).status()).isEqualTo(200);

    Reply revoked = deleteAs(adminKey, "/api/admin/api-keys/" + id);
    assertThat(revoked.status()).isEqualTo(200);
    String revokedAt = revoked.body().path("revokedAt").asText();
    assertThat(revokedAt).isNotEmpty();
    assertThat(getAs(key, "/api/stock/" + f.sku()).status()).isEqualTo(401);
    // Again: nothing changes, not even the time.
    assertThat(deleteAs(adminKey, "/api/admin/api-keys/" + id).body().path("revokedAt").asText())
        .isEqualTo(revokedAt);
    assertThat(deleteAs(adminKey, "/api/admin/api-keys/999999999").status()).isEqualTo(404);
    Reply notAnId = deleteAs(adminKey, "/api/admin/api-keys/first");
    assertThat(notAnId.status()).isEqualTo(400);
    assertThat(notAnId.body().path("field").asText()).isEqualTo("id");

    Reply listed = get("/api/admin/api-keys");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.raw().body()).doesNotContain(key).doesNotContain("hash");
    assertThat(listed.body().findValues("id")).anyMatch(n -> n.asLong() == id);
  }

  @Test
  void idempotencyKeysBelongToTheirCaller() {
    Fixture f = fixture(new BigDecimal("1.00"), 5);
    String one = keyFor(Role.STOREFRONT, null);
    String two = keyFor(Role.STOREFRONT, null);
    String body = order(f.store(), "online", f.sku(), 1);
    long first = postAs(one, "/api/orders", body, "same-key").body().path("id").asLong();
    long second = postAs(two, "/api/orders", body, "same-key").body().path("id").asLong();
    assertThat(second).isNotEqualTo(first);
    assertThat(postAs(one, "/api/orders", body, "same-key").body().path("id").asLong())
        .isEqualTo(first);
  }
}
