package io.chainstore.oltp.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StockDocumentsIT extends ApiTestSupport {

  private int inTransit(long sku, long location) {
    return jdbc.queryForObject(
        "SELECT in_transit FROM stock WHERE sku_id = ? AND location_id = ?",
        Integer.class,
        sku,
        location);
  }

  @Test
  void anIssueTakesOnlyWhatIsAvailable() {
    Fixture f = fixture(new BigDecimal("1.00"), 10);
    post("/api/orders", order(f.store(), "pos", f.sku(), 4), null);
    String issue = "{\"locationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": %d}]}";
    Reply tooMuch = post("/api/stock/issues", issue.formatted(f.store(), f.sku(), 7), null);
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.body().path("field").asText()).isEqualTo("lines[0].quantity");
    assertThat(onHand(f.sku(), f.store())).isEqualTo(10);
    assertThat(post("/api/stock/issues", issue.formatted(f.store(), f.sku(), 6), null).status())
        .isEqualTo(201);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(4);
    assertThat(reserved(f.sku(), f.store())).isEqualTo(4);
  }

  @Test
  void aTransferIsDraftedShippedAndReceivedWithItsDiscrepancy() {
    Fixture f = fixture(new BigDecimal("1.00"), 3);
    // From the warehouse (5 on hand) to the store.
    String transfer =
        "{\"fromLocationId\": %d, \"toLocationId\": %d, \"reference\": \"T-1\", \"lines\": [{\"skuId\": %d, \"quantity\": 4}]}"
            .formatted(f.warehouse(), f.store(), f.sku());
    Reply draft = post("/api/stock/transfers", transfer, null);
    assertThat(draft.status()).isEqualTo(201);
    assertThat(draft.body().path("status").asText()).isEqualTo("draft");
    long id = draft.body().path("id").asLong();
    assertThat(onHand(f.sku(), f.warehouse())).isEqualTo(5);

    // Only the shipping side ships, only the receiving side receives.
    String storeManager = keyFor(Role.STORE_MANAGER, f.store());
    assertThat(postAs(storeManager, "/api/stock/transfers/" + id + "/ship", null, null).status())
        .isEqualTo(403);
    assertThat(
            post("/api/stock/transfers/" + id + "/ship", null, null).body().path("status").asText())
        .isEqualTo("shipped");
    assertThat(onHand(f.sku(), f.warehouse())).isEqualTo(1);
    assertThat(inTransit(f.sku(), f.store())).isEqualTo(4);
    assertThat(get("/api/stock/" + f.sku()).body().path("locations").toString())
        .contains("\"inTransit\":4");
    assertThat(post("/api/stock/transfers/" + id + "/ship", null, null).status()).isEqualTo(409);

    String partial = "{\"lines\": [{\"skuId\": %d, \"quantity\": 3}]}".formatted(f.sku());
    Reply received = postAs(storeManager, "/api/stock/transfers/" + id + "/receive", partial, null);
    assertThat(received.status()).isEqualTo(200);
    JsonNode line = received.body().path("lines").get(0);
    assertThat(line.path("quantity").asInt()).isEqualTo(4);
    assertThat(line.path("receivedQuantity").asInt()).isEqualTo(3);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(6);
    assertThat(inTransit(f.sku(), f.store())).isZero();
    assertThat(postAs(storeManager, "/api/stock/transfers/" + id + "/receive", null, null).status())
        .isEqualTo(409);
  }

  @Test
  void aStocktakeBooksTheVarianceAgainstTheBookQuantityAtOpening() {
    Fixture f = fixture(new BigDecimal("1.00"), 10);
    Reply sheet = post("/api/stock/stocktakes", "{\"locationId\": %d}".formatted(f.store()), null);
    assertThat(sheet.status()).isEqualTo(201);
    long id = sheet.body().path("id").asLong();
    assertThat(sheet.body().path("lines").get(0).path("bookQuantity").asInt()).isEqualTo(10);

    // Two units are sold while the shelf is counted.
    long order =
        post("/api/orders", order(f.store(), "pos", f.sku(), 2), null).body().path("id").asLong();
    post("/api/orders/" + order + "/pay", null, null);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(8);

    String counts = "{\"lines\": [{\"skuId\": %d, \"quantity\": 9}]}".formatted(f.sku());
    Reply counted = putAs(adminKey, "/api/stock/stocktakes/" + id + "/counts", counts);
    assertThat(counted.body().path("lines").get(0).path("variance").asInt()).isEqualTo(-1);
    Reply posted = post("/api/stock/stocktakes/" + id + "/post", null, null);
    assertThat(posted.body().path("status").asText()).isEqualTo("posted");
    // Counted 9 of a book 10: one unit is missing from the 8 left after the sale.
    assertThat(onHand(f.sku(), f.store())).isEqualTo(7);
    assertThat(
            jdbc.queryForObject(
                "SELECT reason || ' ' || document FROM stock_movements WHERE sku_id = ? ORDER BY id DESC LIMIT 1",
                String.class,
                f.sku()))
        .isEqualTo("stocktake_adjustment stocktake:" + id);
    assertThat(putAs(adminKey, "/api/stock/stocktakes/" + id + "/counts", counts).status())
        .isEqualTo(409);
  }

  @Test
  void aTransferCannotDeliverMoreThanItShipped() {
    Fixture f = fixture(new BigDecimal("1.00"), 3);
    String transfer =
        "{\"fromLocationId\": %d, \"toLocationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
            .formatted(f.warehouse(), f.store(), f.sku());
    long id = post("/api/stock/transfers", transfer, null).body().path("id").asLong();
    post("/api/stock/transfers/" + id + "/ship", null, null);

    Reply tooMany =
        post(
            "/api/stock/transfers/" + id + "/receive",
            "{\"lines\": [{\"skuId\": %d, \"quantity\": 5}]}".formatted(f.sku()),
            null);
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.body().path("field").asText()).isEqualTo("lines[0].quantity");
    assertThat(onHand(f.sku(), f.store())).isEqualTo(3);
    assertThat(inTransit(f.sku(), f.store())).isEqualTo(1);
    assertThat(get("/api/stock/documents/" + id).body().path("status").asText())
        .isEqualTo("shipped");
    // The database refuses it too, whoever writes the row.
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE stock_document_lines SET received_quantity = 5 WHERE document_id = ?",
                    id))
        .hasMessageContaining("stock_document_lines_received_within_shipped");
  }

  @Test
  void aStocktakeNeedsAKnownLocationAndCountsNameEachSkuOnce() {
    Reply unknown = post("/api/stock/stocktakes", "{\"locationId\": 999999999}", null);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().path("field").asText()).isEqualTo("locationId");

    Fixture f = fixture(new BigDecimal("1.00"), 10);
    long id =
        post("/api/stock/stocktakes", "{\"locationId\": %d}".formatted(f.store()), null)
            .body()
            .path("id")
            .asLong();
    Reply twice =
        putAs(
            adminKey,
            "/api/stock/stocktakes/" + id + "/counts",
            "{\"lines\": [{\"skuId\": %d, \"quantity\": 9}, {\"skuId\": %d, \"quantity\": 4}]}"
                .formatted(f.sku(), f.sku()));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body().path("field").asText()).isEqualTo("lines[1].skuId");
    assertThat(get("/api/stock/documents/" + id).body().path("lines").get(0).has("countedQuantity"))
        .isFalse();
  }
}
