package io.chainstore.oltp.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

class StockLedgerIT extends ApiTestSupport {

  @Test
  void everyChangeOfAStockLevelHasExactlyOneLedgerRowWithItsReasonAndDocument() {
    Fixture f = fixture(new BigDecimal("2.00"), 10);
    String receipt =
        "{\"locationId\": %d, \"reference\": \"ASN-1\", \"lines\": [{\"skuId\": %d, \"quantity\": 6}]}"
            .formatted(f.store(), f.sku());
    Reply received = post("/api/stock/receipts", receipt, "receipt-" + f.sku());
    assertThat(received.status()).isEqualTo(201);
    long receiptId = received.body().path("id").asLong();
    assertThat(
            post("/api/stock/receipts", receipt, "receipt-" + f.sku()).body().path("id").asLong())
        .isEqualTo(receiptId);
    assertThat(onHand(f.sku(), f.store())).isEqualTo(16);

    long order =
        post("/api/orders", order(f.store(), "pos", f.sku(), 4), null).body().path("id").asLong();
    post("/api/orders/" + order + "/pay", null, null);
    post("/api/orders/" + order + "/cancel", null, null);

    JsonNode ledger = get("/api/stock/" + f.sku() + "/movements?locationId=" + f.store()).body();
    List<String> reasons = new ArrayList<>();
    ledger.forEach(m -> reasons.add(m.path("reason").asText() + " " + m.path("document").asText()));
    assertThat(reasons)
        .containsExactly(
            "refund_restock order:" + order,
            "sale order:" + order,
            "order_reserved order:" + order,
            "receipt receipt:" + receiptId,
            "initial ");
    // The ledger adds up to the level, change by change.
    Map<String, Object> sums =
        jdbc.queryForMap(
            "SELECT sum(on_hand_change) AS on_hand, sum(reserved_change) AS reserved FROM stock_movements"
                + " WHERE sku_id = ? AND location_id = ?",
            f.sku(),
            f.store());
    assertThat(((Number) sums.get("on_hand")).intValue())
        .isEqualTo(onHand(f.sku(), f.store()))
        .isEqualTo(16);
    assertThat(((Number) sums.get("reserved")).intValue())
        .isEqualTo(reserved(f.sku(), f.store()))
        .isZero();
  }

  @Test
  void theDatabaseRefusesUndeclaredChangesAndLedgerRewrites() {
    Fixture f = fixture(new BigDecimal("2.00"), 10);
    assertThatThrownBy(() -> jdbc.update("UPDATE stock SET on_hand = 99 WHERE sku_id = ?", f.sku()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("without a declared reason");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM stock_movements WHERE sku_id = ?", f.sku()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(onHand(f.sku(), f.store())).isEqualTo(10);
  }

  @Test
  void lowStockListAndStoreScoping() {
    Fixture a = fixture(new BigDecimal("2.00"), 2);
    Fixture b = fixture(new BigDecimal("2.00"), 50);
    JsonNode low = get("/api/stock?maxAvailable=3").body();
    List<Long> lowSkus = new ArrayList<>();
    low.forEach(l -> lowSkus.add(l.path("skuId").asLong()));
    assertThat(lowSkus).contains(a.sku()).doesNotContain(b.sku());

    String managerA = keyFor(Role.STORE_MANAGER, a.store());
    JsonNode own = getAs(managerA, "/api/stock").body();
    assertThat(own)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.path("locationId").asLong()).isEqualTo(a.store()));
    Reply other = getAs(managerA, "/api/stock?locationId=" + b.store());
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body().path("field").asText()).isEqualTo("locationId");

    String receiptAtB =
        "{\"locationId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 1}]}"
            .formatted(b.store(), b.sku());
    assertThat(postAs(managerA, "/api/stock/receipts", receiptAtB, null).status()).isEqualTo(403);
    assertThat(
            postAs(keyFor(Role.POS, b.store()), "/api/stock/receipts", receiptAtB, null).status())
        .isEqualTo(403);
    assertThat(onHand(b.sku(), b.store())).isEqualTo(50);
    Reply badLimit = get("/api/stock/" + a.sku() + "/movements?limit=0");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.body().path("field").asText()).isEqualTo("limit");
  }

  @Test
  void movementsAndLevelsOfUnknownThingsAreNotFound() {
    Reply sku = get("/api/stock/999999999/movements");
    assertThat(sku.status()).isEqualTo(404);
    assertThat(sku.body().path("field").asText()).isEqualTo("skuId");
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    Reply location = get("/api/stock/" + f.sku() + "/movements?locationId=999999999");
    assertThat(location.status()).isEqualTo(404);
    assertThat(location.body().path("field").asText()).isEqualTo("locationId");
    assertThat(get("/api/stock?locationId=999999999").status()).isEqualTo(404);
  }
}
