package io.chainstore.oltp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogIT extends ApiTestSupport {

  private static String barcode() {
    return "2"
        + String.format(
            "%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
  }

  private String product(String code, String barcode) {
    return """
        {"code": "%s", "name": "Cold brew %s", "kind": "goods", "category": "drinks",
         "skus": [{"code": "%s-S", "name": "Cold brew small", "barcode": "%s", "price": 2.49},
                  {"code": "%s-L", "name": "Cold brew large", "price": 3.99}]}
        """
        .formatted(code, code, code, barcode, code);
  }

  @Test
  void hqCreatesProductsAndEveryChannelScansThemAtTheStoresPrice() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    String code = "CB-" + UUID.randomUUID().toString().substring(0, 6);
    String barcode = barcode();
    Reply created = post("/api/catalog/products", product(code, barcode), null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("skus")).hasSize(2);
    long sku = created.body().path("skus").get(0).path("id").asLong();

    Reply found =
        get("/api/catalog/products?q=" + code.toLowerCase() + "&category=drinks&kind=goods");
    assertThat(found.body()).hasSize(1);
    assertThat(found.body().get(0).path("code").asText()).isEqualTo(code);

    assertThat(get("/api/catalog/scan/" + barcode).body().path("price").decimalValue())
        .isEqualByComparingTo("2.49");
    assertThat(
            putAs(
                    adminKey,
                    "/api/catalog/skus/" + sku + "/store-prices/" + f.store(),
                    "{\"price\": 1.99}")
                .status())
        .isEqualTo(204);
    String pos = keyFor(Role.POS, f.store());
    Reply scanned = getAs(pos, "/api/catalog/scan/" + barcode);
    assertThat(scanned.body().path("price").decimalValue()).isEqualByComparingTo("1.99");
    assertThat(scanned.body().path("basePrice").decimalValue()).isEqualByComparingTo("2.49");

    // Orders are priced where the price is resolved: the store's own price.
    initialStock(sku, f.store(), 10);
    Reply order = postAs(pos, "/api/orders", order(f.store(), "pos", sku, 3), null);
    assertThat(order.body().path("totalAmount").decimalValue()).isEqualByComparingTo("5.97");
    // Shipped from a warehouse, which has no price of its own: the base price.
    initialStock(sku, f.warehouse(), 10);
    Reply online = post("/api/orders", order(f.warehouse(), "online", sku, 1), null);
    assertThat(online.body().path("totalAmount").decimalValue()).isEqualByComparingTo("2.49");

    assertThat(
            deleteAs(adminKey, "/api/catalog/skus/" + sku + "/store-prices/" + f.store()).status())
        .isEqualTo(204);
    assertThat(getAs(pos, "/api/catalog/scan/" + barcode).body().path("price").decimalValue())
        .isEqualByComparingTo("2.49");
    assertThat(
            putAs(adminKey, "/api/catalog/skus/" + sku + "/price", "{\"price\": 2.59}")
                .body()
                .path("price")
                .decimalValue())
        .isEqualByComparingTo("2.59");
  }

  @Test
  void onlyHqAdminsChangeTheCatalogAndBadInputIsRefused() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    String code = "X-" + UUID.randomUUID().toString().substring(0, 6);
    String manager = keyFor(Role.STORE_MANAGER, f.store());
    assertThat(postAs(manager, "/api/catalog/products", product(code, barcode()), null).status())
        .isEqualTo(403);
    assertThat(
            putAs(manager, "/api/catalog/skus/" + f.sku() + "/price", "{\"price\": 0.5}").status())
        .isEqualTo(403);

    String taken = barcode();
    assertThat(post("/api/catalog/products", product(code, taken), null).status()).isEqualTo(201);
    assertField(post("/api/catalog/products", product(code, barcode()), null), 409, "code");
    assertField(
        post("/api/catalog/products", product(code + "b", taken), null), 409, "skus[0].barcode");
    assertField(
        post("/api/catalog/products", product(code + "c", "12ab"), null), 400, "skus[0].barcode");
    assertField(
        post("/api/catalog/products", product(code + "d", barcode()).replace("2.49", "-1"), null),
        400,
        "skus[0].price");
    assertField(
        post(
            "/api/catalog/products",
            product(code + "e", barcode()).replace("\"goods\"", "\"gadget\""),
            null),
        400,
        "kind");
    assertField(get("/api/catalog/scan/99999999999"), 404, "barcode");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM products WHERE code LIKE ?", Long.class, code + "%"))
        .isEqualTo(1);
  }

  private static void assertField(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.body().path("field").asText()).isEqualTo(field);
  }

  @Test
  void storePricesAndScansAtUnknownStoresAreNotFound() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    Reply removed = deleteAs(adminKey, "/api/catalog/skus/" + f.sku() + "/store-prices/999999999");
    assertThat(removed.status()).isEqualTo(404);
    assertThat(removed.body().path("field").asText()).isEqualTo("storeId");
    assertThat(
            deleteAs(adminKey, "/api/catalog/skus/" + f.sku() + "/store-prices/" + f.store())
                .status())
        .isEqualTo(204);
    String barcode = "5" + String.format("%012d", f.sku());
    jdbc.update("UPDATE skus SET barcode = ? WHERE id = ?", barcode, f.sku());
    Reply scan = get("/api/catalog/scan/" + barcode + "?storeId=999999999");
    assertThat(scan.status()).isEqualTo(404);
    assertThat(scan.body().path("field").asText()).isEqualTo("storeId");
  }
}
