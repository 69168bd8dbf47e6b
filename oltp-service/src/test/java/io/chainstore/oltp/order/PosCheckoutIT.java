package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PosCheckoutIT extends ApiTestSupport {

  @Test
  void scanIdentifySplitPaymentWithChangeAndReceipt() throws Exception {
    Fixture f = fixture(new BigDecimal("12.40"), 10);
    String barcode = "4" + String.format("%012d", f.sku());
    jdbc.update("UPDATE skus SET barcode = ? WHERE id = ?", barcode, f.sku());
    jdbc.update("UPDATE members SET level_code = 'silver' WHERE id = ?", f.member());
    String till = keyFor(Role.POS, f.store());

    long sku = getAs(till, "/api/catalog/scan/" + barcode).body().path("skuId").asLong();
    String memberCode = getAs(till, "/api/members/" + f.member()).body().path("code").asText();
    long member = getAs(till, "/api/members?code=" + memberCode).body().path("id").asLong();
    String basket =
        "{\"storeId\": %d, \"channel\": \"pos\", \"memberId\": %d, \"lines\": [{\"skuId\": %d, \"quantity\": 2}]}"
            .formatted(f.store(), member, sku);
    Reply order = postAs(till, "/api/orders", basket, null);
    // 24.80 less 3 % (0.744 -> 0.74) = 24.06.
    assertThat(order.body().path("totalAmount").decimalValue()).isEqualByComparingTo("24.06");
    long id = order.body().path("id").asLong();

    Reply underpaid =
        postAs(
            till,
            "/api/orders/" + id + "/pay",
            "{\"payments\": [{\"method\": \"card\", \"amount\": 20.00}, {\"method\": \"cash\", \"amount\": 4.00}]}",
            null);
    assertThat(underpaid.status()).isEqualTo(422);
    assertThat(underpaid.body().path("field").asText()).isEqualTo("payments");
    Reply cardTendered =
        postAs(
            till,
            "/api/orders/" + id + "/pay",
            "{\"payments\": [{\"method\": \"card\", \"amount\": 24.06, \"tendered\": 30}]}",
            null);
    assertThat(cardTendered.body().path("field").asText()).isEqualTo("payments[0].tendered");
    Reply badMethod =
        postAs(
            till,
            "/api/orders/" + id + "/pay",
            "{\"payments\": [{\"method\": \"iou\", \"amount\": 24.06}]}",
            null);
    assertThat(badMethod.body().path("field").asText()).isEqualTo("payments[0].method");
    assertThat(get("/api/orders/" + id).body().path("status").asText()).isEqualTo("created");

    Reply paid =
        postAs(
            till,
            "/api/orders/" + id + "/pay",
            "{\"payments\": [{\"method\": \"card\", \"amount\": 20.00}, {\"method\": \"cash\", \"amount\": 4.06, \"tendered\": 5.00}]}",
            "pay-" + id);
    assertThat(paid.status()).isEqualTo(200);

    Reply receipt = getAs(till, "/api/orders/" + id + "/receipt");
    assertThat(receipt.body().path("payments")).hasSize(2);
    assertThat(receipt.body().path("payments").get(1).path("change").decimalValue())
        .isEqualByComparingTo("0.94");
    assertThat(receipt.body().path("memberCode").asText()).isEqualTo(memberCode);
    assertThat(receipt.body().path("lines").get(0).path("name").asText()).startsWith("Thing");

    HttpResponse<String> text = getAs(till, "/api/orders/" + id + "/receipt.txt").raw();
    assertThat(text.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(text.body()).contains("TOTAL").contains("24.06").contains("change").contains("0.94");
    HttpResponse<String> html = getAs(till, "/api/orders/" + id + "/receipt.html").raw();
    assertThat(html.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(html.body()).contains("<td>TOTAL</td><td class=\"n\">24.06</td>").contains("0.94");

    // Another store's till cannot read it.
    Fixture other = fixture(new BigDecimal("1.00"), 1);
    assertThat(getAs(keyFor(Role.POS, other.store()), "/api/orders/" + id + "/receipt").status())
        .isEqualTo(403);
  }

  @Test
  void anOrderCoveredByPointsIsPaidWithoutTendersAndRefusesAny() {
    Fixture f = fixture(new BigDecimal("1.00"), 10);
    jdbc.update("UPDATE members SET points_balance = 500 WHERE id = ?", f.member());
    jdbc.update(
        "INSERT INTO points_ledger (member_id, change, balance_after, reason) VALUES (?, 500, 500, 'adjustment')",
        f.member());
    String till = keyFor(Role.POS, f.store());
    String basket =
        "{\"storeId\": %d, \"channel\": \"pos\", \"memberId\": %d, \"pointsToRedeem\": 200, \"lines\": [{\"skuId\": %d, \"quantity\": 2}]}"
            .formatted(f.store(), f.member(), f.sku());
    Reply order = postAs(till, "/api/orders", basket, null);
    assertThat(order.body().path("totalAmount").decimalValue()).isEqualByComparingTo("0.00");
    long id = order.body().path("id").asLong();

    Reply tendered =
        postAs(
            till,
            "/api/orders/" + id + "/pay",
            "{\"payments\": [{\"method\": \"cash\", \"amount\": 0.01}]}",
            null);
    assertThat(tendered.status()).isEqualTo(422);
    assertThat(tendered.body().path("field").asText()).isEqualTo("payments");
    assertThat(get("/api/orders/" + id).body().path("status").asText()).isEqualTo("created");

    Reply paid = postAs(till, "/api/orders/" + id + "/pay", null, null);
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.body().path("status").asText()).isEqualTo("paid");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM order_payments WHERE order_id = ?", Integer.class, id))
        .isZero();
    assertThat(getAs(till, "/api/orders/" + id + "/receipt").body().path("payments")).isEmpty();
    assertThat(onHand(f.sku(), f.store())).isEqualTo(8);
  }
}
