package io.chainstore.oltp.serviceitem;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Services priced by combination, sold like goods but never touching stock. */
class ServiceItemsIT extends ApiTestSupport {

  private record Service(long product, long small, long large, long store) {}

  private Service service() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Fixture f = fixture(new BigDecimal("10.00"), 10);
    var product =
        post(
            "/api/catalog/products",
            """
            {"code": "SVC-%s", "name": "Cleaning", "kind": "service", "category": "home",
             "skus": [{"code": "S-%s", "name": "Cleaning <=60 m2 60 min", "price": 80.00},
                      {"code": "L-%s", "name": "Cleaning 60-120 m2 120 min deep", "price": 220.00}]}
            """
                .formatted(tag, tag, tag),
            null);
    assertThat(product.status()).isEqualTo(201);
    return new Service(
        product.body().path("id").asLong(),
        product.body().path("skus").path(0).path("id").asLong(),
        product.body().path("skus").path(1).path("id").asLong(),
        f.store());
  }

  private Reply spec(long sku, String tier, int minutes, String type, String key) {
    return post(
        "/api/catalog/skus/" + sku + "/service-spec",
        "{\"areaTier\": \"%s\", \"durationMinutes\": %d, \"serviceType\": \"%s\"}"
            .formatted(tier, minutes, type),
        key);
  }

  @Test
  void combinationsAreDefinedOnceAndPricedPerStoreLikeAnySku() {
    Service s = service();
    Reply small = spec(s.small(), "up_to_60", 60, "standard", "spec-" + s.small());
    assertThat(small.status()).as(small.raw().body()).isEqualTo(201);
    assertThat(small.body().path("spec").path("durationMinutes").asInt()).isEqualTo(60);
    assertThat(
            spec(s.small(), "up_to_60", 60, "standard", "spec-" + s.small())
                .body()
                .path("skuId")
                .asLong())
        .isEqualTo(s.small());
    assertThat(spec(s.large(), "60_to_120", 120, "deep", null).status()).isEqualTo(201);

    // The same combination cannot be a second SKU.
    Service other = service();
    long extra =
        jdbc.queryForObject(
            "INSERT INTO skus (product_id, code, name, price) VALUES (?, ?, 'x', 1) RETURNING id",
            Long.class,
            s.product(),
            "X-" + UUID.randomUUID());
    Map<String, String> before = tableDigests();
    // A spec is fixed once set.
    assertProblem(spec(s.small(), "over_120", 60, "standard", null), 409, "skuId");
    assertProblem(spec(extra, "60_to_120", 120, "deep", null), 409, "serviceType");
    // Goods have no spec.
    long goods =
        jdbc.queryForObject(
            "SELECT sku_id FROM stock WHERE location_id = ?", Long.class, other.store());
    assertProblem(spec(goods, "any", 60, "standard", null), 422, "skuId");
    assertThat(tableDigests()).isEqualTo(before);
    // The database refuses a spec for a SKU of goods even without the service's check.
    long goodsProduct =
        jdbc.queryForObject("SELECT product_id FROM skus WHERE id = ?", Long.class, goods);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO service_specs (sku_id, product_id, area_tier, duration_minutes,"
                        + " service_type) VALUES (?, ?, 'any', 60, 'x')",
                    goods,
                    goodsProduct))
        .hasMessageContaining("service_specs_product_fkey");

    // A store's own price for the large combination.
    assertThat(
            putAs(
                    adminKey,
                    "/api/catalog/skus/" + s.large() + "/store-prices/" + s.store(),
                    "{\"price\": 199.90}")
                .status())
        .isEqualTo(204);
    Reply atStore =
        getAs(
            keyFor(Role.STOREFRONT, null),
            "/api/catalog/products/%d/service-specs?storeId=%d&areaSquareMetres=75"
                .formatted(s.product(), s.store()));
    assertThat(atStore.status()).as(atStore.raw().body()).isEqualTo(200);
    assertThat(atStore.body()).hasSize(1);
    assertThat(atStore.body().path(0).path("skuId").asLong()).isEqualTo(s.large());
    assertThat(atStore.body().path(0).path("price").decimalValue()).isEqualByComparingTo("199.90");
    assertThat(atStore.body().path(0).path("basePrice").decimalValue())
        .isEqualByComparingTo("220.00");
    Reply everywhere = get("/api/catalog/products/%d/service-specs".formatted(s.product()));
    assertThat(everywhere.body()).hasSize(2);
    assertProblem(
        get("/api/catalog/products/%d/service-specs".formatted(goodsProduct)), 422, "productId");
  }

  @Test
  void aServiceLineNeverTouchesStockWhileTheGoodsLineOfTheSameOrderDoes() {
    Service s = service();
    assertThat(spec(s.small(), "up_to_60", 60, "standard", null).status()).isEqualTo(201);
    long goods =
        jdbc.queryForObject(
            "SELECT sku_id FROM stock WHERE location_id = ?", Long.class, s.store());
    String pos = keyFor(Role.POS, s.store());
    String mixed =
        """
        {"storeId": %d, "channel": "pos", "lines": [{"skuId": %d, "quantity": 2}, {"skuId": %d, "quantity": 1}]}
        """
            .formatted(s.store(), goods, s.small());

    // Created, then cancelled: the goods are reserved and released, the service never seen.
    Reply created = postAs(pos, "/api/orders", mixed, null);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.body().path("totalAmount").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(created.body().path("lines").path(1).path("productKind").asText())
        .isEqualTo("service");
    assertThat(created.body().path("lines").path(1).path("spec").path("areaTier").asText())
        .isEqualTo("up_to_60");
    assertThat(created.body().path("lines").path(0).has("spec")).isFalse();
    assertThat(reserved(goods, s.store())).isEqualTo(2);
    long first = created.body().path("id").asLong();
    assertThat(postAs(pos, "/api/orders/" + first + "/cancel", null, null).status()).isEqualTo(200);
    assertThat(reserved(goods, s.store())).isZero();
    assertThat(onHand(goods, s.store())).isEqualTo(10);

    // Paid, handed over, then both lines returned: the goods come back, the service is refunded.
    long order = postAs(pos, "/api/orders", mixed, null).body().path("id").asLong();
    Reply paid = postAs(pos, "/api/orders/" + order + "/pay", null, null);
    assertThat(paid.status()).as(paid.raw().body()).isEqualTo(200);
    assertThat(onHand(goods, s.store())).isEqualTo(8);
    assertThat(postAs(pos, "/api/orders/" + order + "/fulfil", null, null).status()).isEqualTo(200);
    Reply receipt = getAs(pos, "/api/orders/" + order + "/receipt");
    assertThat(receipt.body().path("lines").path(1).path("spec").path("durationMinutes").asInt())
        .isEqualTo(60);
    Reply returned =
        postAs(
            pos,
            "/api/orders/" + order + "/returns",
            "{\"lines\": [{\"lineNo\": 1, \"quantity\": 2}, {\"lineNo\": 2, \"quantity\": 1}]}",
            null);
    assertThat(returned.status()).as(returned.raw().body()).isEqualTo(200);
    assertThat(returned.body().path("status").asText()).isEqualTo("returned");
    assertThat(returned.body().path("refundedAmount").decimalValue())
        .isEqualByComparingTo("100.00");
    assertThat(onHand(goods, s.store())).isEqualTo(10);

    // A paid service-only order cancelled: refunded, still no stock.
    long only =
        postAs(pos, "/api/orders", order(s.store(), "pos", s.small(), 3), null)
            .body()
            .path("id")
            .asLong();
    assertThat(postAs(pos, "/api/orders/" + only + "/pay", null, null).status()).isEqualTo(200);
    assertThat(postAs(pos, "/api/orders/" + only + "/cancel", null, null).status()).isEqualTo(200);

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM stock WHERE sku_id = ?", Integer.class, s.small()))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM stock_movements WHERE sku_id = ?", Integer.class, s.small()))
        .isZero();
  }

  private static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.body().path("field").asText()).as(reply.raw().body()).isEqualTo(field);
  }
}
