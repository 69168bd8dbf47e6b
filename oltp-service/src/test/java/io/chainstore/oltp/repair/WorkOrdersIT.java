package io.chainstore.oltp.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.access.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkOrdersIT extends RepairTestSupport {

  private List<Map<String, Object>> ledger(long sku, long store) {
    return jdbc.queryForList(
        "SELECT on_hand_change, reserved_change, reason, document FROM stock_movements"
            + " WHERE sku_id = ? AND location_id = ? AND reason <> 'initial' ORDER BY id",
        sku,
        store);
  }

  @Test
  void aQuoteIsConfirmedPaidLikeAPosSaleAndCompletedAndItsPartsLeaveThroughTheLedger() {
    Shop s = shop("12.50", 5);
    Reply opened =
        postAs(
            s.technician(),
            "/api/work-orders",
            "{\"memberId\":%d,\"description\":\"Boiler leaks\"}".formatted(s.f().member()),
            "open-1");
    assertThat(opened.status()).isEqualTo(201);
    long id = opened.body().path("id").asLong();
    assertThat(opened.body().path("status").asText()).isEqualTo("open");
    assertThat(opened.body().path("storeId").asLong()).isEqualTo(s.store());
    assertThat(opened.body().path("quoteVersion").asInt()).isEqualTo(1);

    Reply lines =
        postAs(
            s.technician(),
            "/api/work-orders/" + id + "/lines",
            """
            {"lines": [
              {"kind": "part", "skuId": %d, "quantity": 2},
              {"kind": "labour", "description": "Fitting", "hours": 1.25, "rate": 33.33},
              {"kind": "labour", "description": "Call-out", "amount": 0.10}
            ]}"""
                .formatted(s.part()),
            "lines-1");
    assertThat(lines.status()).isEqualTo(200);
    JsonNode quote = lines.body();
    // 2 x 12.50 = 25.00; 1.25 h x 33.33 = 41.6625 -> 41.66; plus 0.10.
    assertThat(quote.path("partsAmount").decimalValue()).isEqualByComparingTo("25.00");
    assertThat(quote.path("labourAmount").decimalValue()).isEqualByComparingTo("41.76");
    assertThat(quote.path("totalAmount").decimalValue()).isEqualByComparingTo("66.76");
    assertThat(quote.path("quoteVersion").asInt()).isEqualTo(2);
    assertThat(quote.path("lines")).hasSize(3);
    assertThat(quote.path("lines").get(0).path("unitPrice").decimalValue())
        .isEqualByComparingTo("12.50");
    assertThat(reserved(s.part(), s.store())).isEqualTo(2);
    assertThat(onHand(s.part(), s.store())).isEqualTo(5);

    // Paying an unconfirmed quote is refused.
    Map<String, String> before = tableDigests();
    assertProblem(
        postAs(s.technician(), "/api/work-orders/" + id + "/pay", null, null), 409, "status");
    assertThat(tableDigests()).isEqualTo(before);

    String code = code(s.technician(), id);
    assertThat(code).matches("[0-9]{6}");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM work_order_codes WHERE work_order_id = ? AND code_hash = ?",
                Long.class,
                id,
                code))
        .as("only a hash of the code is stored")
        .isZero();
    Reply confirmed = confirm(s.technician(), id, code);
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body().path("status").asText()).isEqualTo("confirmed");
    assertThat(confirmed.body().path("confirmedVersion").asInt()).isEqualTo(2);

    // The POS payment rules: tenders must add up; cash gives change.
    assertProblem(
        postAs(
            s.technician(),
            "/api/work-orders/" + id + "/pay",
            "{\"payments\":[{\"method\":\"card\",\"amount\":66.75}]}",
            null),
        422,
        "payments");
    String pay =
        "{\"payments\":[{\"method\":\"card\",\"amount\":16.76},"
            + "{\"method\":\"cash\",\"amount\":50.00,\"tendered\":100.00}]}";
    Reply paid = postAs(s.technician(), "/api/work-orders/" + id + "/pay", pay, "pay-1");
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.body().path("status").asText()).isEqualTo("paid");
    assertThat(paid.body().path("payments").get(1).path("change").decimalValue())
        .isEqualByComparingTo("50.00");
    Reply again = postAs(s.technician(), "/api/work-orders/" + id + "/pay", pay, "pay-1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM work_order_payments WHERE work_order_id = ?", Long.class, id))
        .isEqualTo(2);
    // Paid: the quote is fixed and the order is completed, not cancelled.
    assertProblem(addLabour(s.technician(), id, "1.00"), 409, "status");
    assertProblem(
        postAs(s.technician(), "/api/work-orders/" + id + "/cancel", null, null), 409, "status");

    Reply completed = postAs(s.technician(), "/api/work-orders/" + id + "/complete", null, null);
    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.body().path("status").asText()).isEqualTo("completed");
    assertThat(onHand(s.part(), s.store())).isEqualTo(3);
    assertThat(reserved(s.part(), s.store())).isZero();
    assertThat(ledger(s.part(), s.store()))
        .containsExactly(
            Map.of(
                "on_hand_change",
                0,
                "reserved_change",
                2,
                "reason",
                "order_reserved",
                "document",
                "workorder:" + id),
            Map.of(
                "on_hand_change",
                -2,
                "reserved_change",
                -2,
                "reason",
                "sale",
                "document",
                "workorder:" + id));
    assertProblem(
        postAs(s.technician(), "/api/work-orders/" + id + "/complete", null, null), 409, "status");
  }

  @Test
  void partsNeedStockAndMustBeParts() {
    Shop s = shop("3.00", 1);
    long id = open(s.technician());
    long unstocked = part(s.store(), "3.00", 0);
    Map<String, String> before = tableDigests();
    assertProblem(addPart(s.technician(), id, s.part(), 2), 409, "lines[0].quantity");
    assertProblem(addPart(s.technician(), id, unstocked, 1), 409, "lines[0].quantity");
    // Goods are sold, not fitted.
    assertProblem(addPart(s.technician(), id, s.f().sku(), 1), 422, "lines[0].skuId");
    assertProblem(addPart(s.technician(), id, 999_999_999L, 1), 422, "lines[0].skuId");
    assertThat(tableDigests()).isEqualTo(before);

    assertThat(addPart(s.technician(), id, s.part(), 1).status()).isEqualTo(200);
    // The same part twice: remove the line first.
    assertProblem(addPart(s.technician(), id, s.part(), 1), 409, "lines[0].skuId");
    Reply removed = deleteAs(s.technician(), "/api/work-orders/" + id + "/lines/1");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body().path("lines")).isEmpty();
    assertThat(removed.body().path("quoteVersion").asInt()).isEqualTo(3);
    assertThat(reserved(s.part(), s.store())).isZero();
    assertProblem(deleteAs(s.technician(), "/api/work-orders/" + id + "/lines/1"), 404, "lineNo");
  }

  @Test
  void aChangeAfterConfirmationNeedsANewConfirmationBeforePayment() {
    Shop s = shop("10.00", 3);
    long id = open(s.technician());
    addPart(s.technician(), id, s.part(), 1);
    String first = code(s.technician(), id);
    assertThat(confirm(s.technician(), id, first).status()).isEqualTo(200);

    Reply changed = addLabour(s.technician(), id, "20.00");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().path("status").asText()).isEqualTo("open");
    assertThat(changed.body().path("quoteVersion").asInt()).isEqualTo(3);
    assertThat(changed.body().path("confirmedVersion").asInt()).isEqualTo(2);

    Map<String, String> before = tableDigests();
    Reply unpaid = postAs(s.technician(), "/api/work-orders/" + id + "/pay", null, null);
    assertProblem(unpaid, 409, "status");
    assertThat(unpaid.body().path("detail").asText()).contains("confirm version 3");
    // The used code confirms nothing, now or again.
    assertProblem(confirm(s.technician(), id, first), 422, "code");
    assertThat(tableDigests()).isEqualTo(before);

    String second = code(s.technician(), id);
    Reply storefront = confirm(keyFor(Role.STOREFRONT, null), id, second);
    assertThat(storefront.status()).isEqualTo(200);
    assertThat(storefront.body().path("confirmedVersion").asInt()).isEqualTo(3);
    Reply paid = postAs(keyFor(Role.POS, s.store()), "/api/work-orders/" + id + "/pay", null, null);
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.body().path("payments").get(0).path("method").asText()).isEqualTo("card");
    assertThat(paid.body().path("payments").get(0).path("amount").decimalValue())
        .isEqualByComparingTo("30.00");
  }

  @Test
  void wrongCodesCountAndFiveSpendTheCodeExpiredAndStaleCodesConfirmNothing() {
    Shop s = shop("10.00", 3);
    long id = open(s.technician());
    // No lines: nothing to confirm.
    assertProblem(
        postAs(s.technician(), "/api/work-orders/" + id + "/confirmation-code", null, null),
        422,
        "lines");
    assertProblem(confirm(s.technician(), id, "123456"), 422, "code");
    addLabour(s.technician(), id, "15.00");

    String code = code(s.technician(), id);
    String wrong = code.equals("000000") ? "000001" : "000000";
    Reply first = confirm(s.technician(), id, wrong);
    assertProblem(first, 422, "code");
    assertThat(first.body().path("detail").asText()).contains("4 tries left");
    for (int i = 0; i < 4; i++) {
      assertProblem(confirm(s.technician(), id, wrong), 422, "code");
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT attempts FROM work_order_codes WHERE work_order_id = ?", Integer.class, id))
        .isEqualTo(5);
    // Spent: even the right code is refused now.
    Reply spent = confirm(s.technician(), id, code);
    assertProblem(spent, 422, "code");
    assertThat(spent.body().path("detail").asText()).contains("too many");

    String fresh = code(s.technician(), id);
    // An older code is wrong once a newer one is issued (unless it happens to be the same).
    jdbc.update(
        "UPDATE work_order_codes SET expires_at = now() - interval '1 second'"
            + " WHERE work_order_id = ?",
        id);
    Reply expired = confirm(s.technician(), id, fresh);
    assertProblem(expired, 422, "code");
    assertThat(expired.body().path("detail").asText()).contains("expired");

    String third = code(s.technician(), id);
    assertThat(addLabour(s.technician(), id, "1.00").status()).isEqualTo(200);
    Reply stale = confirm(s.technician(), id, third);
    assertProblem(stale, 422, "code");
    assertThat(stale.body().path("detail").asText()).contains("version");
    assertThat(get("/api/work-orders/" + id).body().path("status").asText()).isEqualTo("open");
  }

  @Test
  void cancellingBeforePaymentReleasesTheParts() {
    Shop s = shop("10.00", 3);
    long id = open(s.technician());
    addPart(s.technician(), id, s.part(), 3);
    assertThat(confirm(s.technician(), id, code(s.technician(), id)).status()).isEqualTo(200);
    assertThat(reserved(s.part(), s.store())).isEqualTo(3);
    Reply cancelled = postAs(s.technician(), "/api/work-orders/" + id + "/cancel", null, "c-1");
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
    assertThat(reserved(s.part(), s.store())).isZero();
    assertThat(onHand(s.part(), s.store())).isEqualTo(3);
    assertThat(ledger(s.part(), s.store()))
        .extracting(m -> m.get("reason"))
        .containsExactly("order_reserved", "reservation_released");
    assertThat(postAs(s.technician(), "/api/work-orders/" + id + "/cancel", null, "c-1").status())
        .isEqualTo(200);
    assertProblem(
        postAs(s.technician(), "/api/work-orders/" + id + "/cancel", null, null), 409, "status");
    assertProblem(addLabour(s.technician(), id, "1.00"), 409, "status");
  }

  @Test
  void aTechnicianOfAnotherStoreNeitherReadsNorChangesAWorkOrder() {
    Shop a = shop("10.00", 3);
    Shop b = shop("10.00", 3);
    long id = open(a.technician());
    addPart(a.technician(), id, a.part(), 1);
    String code = code(a.technician(), id);
    String other = b.technician();
    String path = "/api/work-orders/" + id;

    Map<String, String> before = tableDigests();
    assertProblem(getAs(other, path), 403, "workOrderId");
    assertProblem(addLabour(other, id, "1.00"), 403, "workOrderId");
    assertProblem(addPart(other, id, a.part(), 1), 403, "workOrderId");
    assertProblem(deleteAs(other, path + "/lines/1"), 403, "workOrderId");
    assertProblem(postAs(other, path + "/confirmation-code", null, null), 403, "workOrderId");
    assertProblem(confirm(other, id, code), 403, "workOrderId");
    assertProblem(postAs(other, path + "/pay", null, null), 403, "workOrderId");
    assertProblem(postAs(other, path + "/complete", null, null), 403, "workOrderId");
    assertProblem(postAs(other, path + "/cancel", null, null), 403, "workOrderId");
    assertProblem(
        postAs(keyFor(Role.POS, b.store()), path + "/pay", null, null), 403, "workOrderId");
    assertProblem(getAs(keyFor(Role.STORE_MANAGER, b.store()), path), 403, "workOrderId");
    assertThat(getAs(other, "/api/work-orders").body()).isEmpty();
    assertProblem(getAs(other, "/api/work-orders?storeId=" + a.store()), 403, "storeId");
    // Roles the endpoints do not name.
    assertThat(postAs(keyFor(Role.HQ_ANALYST, null), path + "/cancel", null, null).status())
        .isEqualTo(403);
    assertThat(postAs(adminKey, "/api/work-orders", "{}", null).status()).isEqualTo(403);
    assertThat(tableDigests()).isEqualTo(before);

    assertThat(getAs(a.technician(), path).status()).isEqualTo(200);
    assertThat(getAs(keyFor(Role.STORE_MANAGER, a.store()), path).status()).isEqualTo(200);
    assertThat(getAs(keyFor(Role.HQ_ANALYST, null), path).status()).isEqualTo(200);
    assertThat(getAs(a.technician(), "/api/work-orders").body())
        .extracting(n -> n.path("id").asLong())
        .containsExactly(id);
  }

  @Test
  void badInputToEveryWriteIsRefusedNamingTheFieldAndChangesNothing() {
    Shop s = shop("10.00", 3);
    long id = open(s.technician());
    addLabour(s.technician(), id, "5.00");
    String t = s.technician();
    String w = "/api/work-orders/" + id;
    String[][] cases = {
      // path, body, field
      {"/api/work-orders", "{\"memberId\":0}", "memberId"},
      {"/api/work-orders", "{\"memberId\":1.5}", "memberId"},
      {"/api/work-orders", "{\"description\":7}", "description"},
      {"/api/work-orders", "{\"description\":\"" + "x".repeat(501) + "\"}", "description"},
      {"/api/work-orders", "{\"description\":\"a\\u0000b\"}", "description"},
      {"/api/work-orders", "{\"colour\":\"red\"}", "colour"},
      {"/api/work-orders", "{} garbage", "body"},
      {w + "/lines", "{}", "lines"},
      {w + "/lines", "{\"lines\":[]}", "lines"},
      {w + "/lines", "{\"lines\":[{\"kind\":\"gift\",\"amount\":1}]}", "lines[0].kind"},
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"part\",\"skuId\":1,\"quantity\":0}]}",
        "lines[0].quantity"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"part\",\"skuId\":1,\"quantity\":1.5}]}",
        "lines[0].quantity"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"part\",\"skuId\":\"1\",\"quantity\":1}]}",
        "lines[0].skuId"
      },
      {w + "/lines", "{\"lines\":[{\"kind\":\"part\",\"quantity\":1}]}", "lines[0].skuId"},
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"part\",\"skuId\":%d,\"quantity\":1},".formatted(s.part())
            + "{\"kind\":\"part\",\"skuId\":%d,\"quantity\":1}]}".formatted(s.part()),
        "lines[1].skuId"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"x\",\"amount\":1.001}]}",
        "lines[0].amount"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"x\",\"amount\":\"1\"}]}",
        "lines[0].amount"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"x\",\"amount\":-1}]}",
        "lines[0].amount"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"x\",\"hours\":1}]}",
        "lines[0].rate"
      },
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"x\",\"hours\":0,\"rate\":1}]}",
        "lines[0].hours"
      },
      {w + "/lines", "{\"lines\":[{\"kind\":\"labour\",\"amount\":1}]}", "lines[0].description"},
      {
        w + "/lines",
        "{\"lines\":[{\"kind\":\"labour\",\"description\":\"x\",\"amount\":1,\"amount\":2}]}",
        "lines[0].amount"
      },
      {w + "/confirm", "{}", "code"},
      {w + "/confirm", "{\"code\":\"12345\"}", "code"},
      {w + "/confirm", "{\"code\":123456}", "code"},
      {w + "/confirm", "{\"code\":\"12345a\"}", "code"},
      {w + "/pay", "{\"payments\":[]}", "payments"},
      {w + "/pay", "{\"payments\":[{\"method\":\"gold\",\"amount\":5}]}", "payments[0].method"},
      {w + "/pay", "{\"payments\":[{\"method\":\"card\",\"amount\":5.001}]}", "payments[0].amount"},
      {w + "/pay", "{\"payments\":[{\"method\":\"card\",\"amount\":\"5\"}]}", "payments[0].amount"},
      {"/api/work-orders/x/lines", "{\"lines\":[]}", "workOrderId"},
      {"/api/work-orders/1.5/confirmation-code", null, "workOrderId"},
      {"/api/work-orders/one/confirm", "{\"code\":\"123456\"}", "workOrderId"},
      {"/api/work-orders/9223372036854775808/pay", null, "workOrderId"},
      {"/api/work-orders/x/complete", null, "workOrderId"},
      {"/api/work-orders/x/cancel", null, "workOrderId"},
    };
    Map<String, String> before = tableDigests();
    for (String[] c : cases) {
      Reply reply = postAs(t, c[0], c[1], null);
      assertThat(reply.status()).as("%s %s", c[0], c[1]).isEqualTo(400);
      assertThat(reply.body().path("field").asText()).as("%s %s", c[0], c[1]).isEqualTo(c[2]);
    }
    assertProblem(deleteAs(t, w + "/lines/x"), 400, "lineNo");
    assertProblem(deleteAs(t, "/api/work-orders/x/lines/1"), 400, "workOrderId");
    assertProblem(postAs(t, "/api/work-orders", "{}", "two words"), 400, "Idempotency-Key");
    assertProblem(postAs(t, w + "/cancel", null, "x".repeat(201)), 400, "Idempotency-Key");
    assertThat(tableDigests()).isEqualTo(before);
  }
}
