package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderLifecycleIT extends ApiTestSupport {

  @Autowired OrderService orders;

  private String ret(int lineNo, int quantity) {
    return "{\"lines\": [{\"lineNo\": %d, \"quantity\": %d}]}".formatted(lineNo, quantity);
  }

  @Test
  void anOnlineOrderShipsFromAWarehouseButNothingElseIsSoldThere() {
    Fixture f = fixture(new BigDecimal("9.90"), 10);
    String shop = keyFor(Role.STOREFRONT, null);
    Reply created = postAs(shop, "/api/orders", order(f.warehouse(), "online", f.sku(), 2), null);
    assertThat(created.status()).isEqualTo(201);
    long order = created.body().path("id").asLong();
    assertThat(reserved(f.sku(), f.warehouse())).isEqualTo(2);
    assertThat(reserved(f.sku(), f.store())).isZero();

    assertThat(postAs(shop, "/api/orders/" + order + "/pay", null, null).status()).isEqualTo(200);
    assertThat(onHand(f.sku(), f.warehouse())).isEqualTo(3);
    assertThat(post("/api/orders/" + order + "/fulfil", null, null).body().path("status").asText())
        .isEqualTo("fulfilled");

    Reply pickup = postAs(shop, "/api/orders", order(f.warehouse(), "pickup", f.sku(), 1), null);
    assertThat(pickup.status()).isEqualTo(422);
    assertThat(pickup.body().path("field").asText()).isEqualTo("storeId");
    assertThat(post("/api/orders", order(f.warehouse(), "pos", f.sku(), 1), null).status())
        .isEqualTo(422);
    assertThat(postAs(shop, "/api/orders", order(999_999_999, "online", f.sku(), 1), null).status())
        .isEqualTo(422);
    assertThat(reserved(f.sku(), f.warehouse())).isZero();
    assertThat(onHand(f.sku(), f.warehouse())).isEqualTo(3);
  }

  @Test
  void posSaleHandedOverThenReturnedInPartsRefundsExactlyWhatWasPaid() {
    Fixture f = fixture(new BigDecimal("25.00"), 10);
    String pos = keyFor(Role.POS, f.store());
    // Earn 100 points, then spend 1000 of them... no: spend what a member has, via admin grant.
    long order =
        postAs(pos, "/api/orders", order(f.store(), "pos", f.sku(), 3), null)
            .body()
            .path("id")
            .asLong();
    postAs(pos, "/api/orders/" + order + "/pay", null, null);
    assertThat(postAs(pos, "/api/orders/" + order + "/returns", ret(1, 1), null).status())
        .isEqualTo(409);
    assertThat(
            postAs(pos, "/api/orders/" + order + "/fulfil", null, null)
                .body()
                .path("status")
                .asText())
        .isEqualTo("fulfilled");
    assertThat(postAs(pos, "/api/orders/" + order + "/cancel", null, null).status()).isEqualTo(409);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(7);

    Reply partial = postAs(pos, "/api/orders/" + order + "/returns", ret(1, 1), "ret-" + order);
    assertThat(partial.status()).isEqualTo(200);
    assertThat(partial.body().path("refundedAmount").decimalValue()).isEqualByComparingTo("25.00");
    assertThat(partial.body().path("status").asText()).isEqualTo("fulfilled");
    // A retry of the same return changes nothing.
    postAs(pos, "/api/orders/" + order + "/returns", ret(1, 1), "ret-" + order);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(8);

    Reply tooMany = postAs(pos, "/api/orders/" + order + "/returns", ret(1, 3), null);
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.body().path("field").asText()).isEqualTo("lines[0].quantity");

    Reply rest = postAs(pos, "/api/orders/" + order + "/returns", ret(1, 2), null);
    assertThat(rest.body().path("status").asText()).isEqualTo("returned");
    assertThat(rest.body().path("refundedAmount").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(onHand(f.sku(), f.store())).isEqualTo(10);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM sales_orders WHERE id = ?", Long.class, order))
        .isZero();
  }

  @Test
  void refundsShareTheDiscountsInProportion() {
    Fixture f = fixture(new BigDecimal("10.00"), 10);
    jdbc.update("UPDATE members SET level_code = 'gold' WHERE id = ?", f.member());
    String body =
        "{\"storeId\": %d, \"channel\": \"pos\", \"memberId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 3}]}"
            .formatted(f.store(), f.member(), f.sku());
    long order = post("/api/orders", body, null).body().path("id").asLong();
    // Gold: 5 % off 30.00 = 28.50 paid; one unit back is a third of it.
    post("/api/orders/" + order + "/pay", null, null);
    post("/api/orders/" + order + "/fulfil", null, null);
    Reply one = post("/api/orders/" + order + "/returns", ret(1, 1), null);
    assertThat(one.status()).as(one.body().toString()).isEqualTo(200);
    assertThat(one.body().path("totalAmount").decimalValue()).isEqualByComparingTo("28.50");
    assertThat(one.body().path("refundedAmount").decimalValue()).isEqualByComparingTo("9.50");
    assertThat(
            jdbc.queryForObject(
                "SELECT net_amount FROM sales_orders WHERE id = ?", BigDecimal.class, order))
        .isEqualByComparingTo("19.00");
  }

  @Test
  void clickAndCollectKeepsItsUnitsReservedUntilCollectedOrExpired() {
    Fixture f = fixture(new BigDecimal("5.00"), 10);
    String storefront = keyFor(Role.STOREFRONT, null);
    String pos = keyFor(Role.POS, f.store());
    long order =
        postAs(storefront, "/api/orders", order(f.store(), "pickup", f.sku(), 2), null)
            .body()
            .path("id")
            .asLong();
    Reply paid = postAs(storefront, "/api/orders/" + order + "/pay", null, null);
    assertThat(paid.body().path("pickupExpiresAt").asText()).isNotEmpty();
    assertThat(onHand(f.sku(), f.store())).isEqualTo(10);
    assertThat(reserved(f.sku(), f.store())).isEqualTo(2);
    assertThat(postAs(storefront, "/api/orders/" + order + "/pickup", null, null).status())
        .isEqualTo(403);
    assertThat(postAs(pos, "/api/orders/" + order + "/fulfil", null, null).status()).isEqualTo(409);
    assertThat(
            postAs(pos, "/api/orders/" + order + "/pickup", null, null)
                .body()
                .path("status")
                .asText())
        .isEqualTo("picked_up");
    assertThat(onHand(f.sku(), f.store())).isEqualTo(8);
    assertThat(reserved(f.sku(), f.store())).isZero();
    assertThat(
            postAs(pos, "/api/orders/" + order + "/complete", null, null)
                .body()
                .path("status")
                .asText())
        .isEqualTo("completed");

    // Not collected in time: released, and refunded if paid.
    long late =
        postAs(storefront, "/api/orders", order(f.store(), "pickup", f.sku(), 3), null)
            .body()
            .path("id")
            .asLong();
    postAs(storefront, "/api/orders/" + late + "/pay", null, null);
    jdbc.update(
        "UPDATE orders SET pickup_expires_at = now() - interval '1 minute' WHERE id = ?", late);
    assertThat(orders.expirePickups()).isEqualTo(1);
    assertThat(get("/api/orders/" + late).body().path("status").asText()).isEqualTo("cancelled");
    assertThat(reserved(f.sku(), f.store())).isZero();
    assertThat(onHand(f.sku(), f.store())).isEqualTo(8);
  }

  @Test
  void theNearestStoresThatCanFulfilTheWholeBasket() {
    Fixture a = fixture(new BigDecimal("1.00"), 5);
    Fixture b = fixture(new BigDecimal("1.00"), 5);
    // Near Ushuaia, where no other test puts stores; A is nearer but lacks b's SKU.
    jdbc.update(
        "UPDATE locations SET latitude = -54.80, longitude = -68.30 WHERE id = ?", a.store());
    jdbc.update(
        "UPDATE locations SET latitude = -54.70, longitude = -68.10 WHERE id = ?", b.store());
    initialStock(a.sku(), b.store(), 5);
    String basket =
        "{\"latitude\": -54.8019, \"longitude\": -68.3030, \"limit\": 2, \"lines\": [{\"skuId\": %d, \"quantity\": 2}, {\"skuId\": %d, \"quantity\": 5}]}"
            .formatted(a.sku(), b.sku());
    Reply stores = post("/api/orders/pickup-stores", basket, null);
    assertThat(stores.status()).isEqualTo(200);
    assertThat(stores.body().get(0).path("id").asLong()).isEqualTo(b.store());
    Reply tooMuch =
        post(
            "/api/orders/pickup-stores",
            basket.replace("\"quantity\": 5", "\"quantity\": 6"),
            null);
    assertThat(tooMuch.body().toString()).doesNotContain("\"id\":" + b.store() + ",");
  }

  @Test
  void soldLinesKeepTheirProductKindAndReturnedLinesTheirOrder() {
    Fixture f = fixture(new BigDecimal("3.00"), 5);
    jdbc.update(
        "UPDATE products SET kind = 'part' WHERE id = (SELECT product_id FROM skus WHERE id = ?)",
        f.sku());
    long id =
        post("/api/orders", order(f.store(), "pos", f.sku(), 2), null).body().path("id").asLong();
    post("/api/orders/" + id + "/pay", null, null);
    post("/api/orders/" + id + "/fulfil", null, null);
    post("/api/orders/" + id + "/returns", "{\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}", null);
    assertThat(
            jdbc.queryForObject(
                "SELECT product_kind FROM order_lines WHERE order_id = ?", String.class, id))
        .isEqualTo("part");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM order_return_lines WHERE order_id = ?", Integer.class, id))
        .isEqualTo(1);
  }
}
