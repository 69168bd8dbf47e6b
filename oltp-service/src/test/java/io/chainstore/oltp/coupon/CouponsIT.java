package io.chainstore.oltp.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CouponsIT extends ApiTestSupport {

  private long campaign() {
    String code = "CMP-" + UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        post(
            "/api/campaigns",
            "{\"code\": \"%s\", \"name\": \"Winter\", \"startsAt\": \"2026-01-01T00:00:00Z\", \"endsAt\": \"2027-01-01T00:00:00Z\"}"
                .formatted(code),
            null);
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("id").asLong();
  }

  private long template(long campaign, String body) {
    Reply created = post("/api/campaigns/" + campaign + "/coupon-templates", body, null);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().path("id").asLong();
  }

  private static String amountOff(
      String amount, String minSpend, String scope, String from, String to) {
    return """
        {"code": "T-%s", "name": "%s off", "discountType": "amount_off", "amountOff": %s,
         "minSpend": %s, "channelScope": "%s", "validFrom": "%s", "validTo": "%s",
         "totalLimit": 100, "perMemberLimit": 1}
        """
        .formatted(
            UUID.randomUUID().toString().substring(0, 8),
            amount,
            amount,
            minSpend,
            scope,
            from,
            to);
  }

  private String issue(long template, long member, String batch) {
    Reply issued =
        post(
            "/api/coupon-templates/" + template + "/issue",
            "{\"batch\": \"%s\", \"memberIds\": [%d]}".formatted(batch, member),
            null);
    assertThat(issued.status()).isEqualTo(200);
    return issued.body().path("issued").get(0).path("code").asText();
  }

  private static String order(
      long store, String channel, long sku, int qty, long member, String coupon) {
    return """
        {"storeId": %d, "channel": "%s", "memberId": %d, "couponCode": "%s",
         "lines": [{"skuId": %d, "quantity": %d}]}
        """
        .formatted(store, channel, member, coupon, sku, qty);
  }

  @Test
  void issueRedeemOnceAndReleaseOnCancel() {
    Fixture f = fixture(new BigDecimal("10.00"), 50);
    long t =
        template(
            campaign(),
            amountOff("5.00", "20.00", "all", "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
    String code = issue(t, f.member(), "batch-1");
    // The same batch again issues nothing new.
    assertThat(issue(t, f.member(), "batch-1")).isEqualTo(code);
    assertThat(get("/api/members/" + f.member() + "/coupons").body()).hasSize(1);
    // Another batch hits the per-member limit.
    Reply limited =
        post(
            "/api/coupon-templates/" + t + "/issue",
            "{\"batch\": \"batch-2\", \"memberIds\": [%d]}".formatted(f.member()),
            null);
    assertThat(limited.body().path("skipped").get(0).path("reason").asText())
        .contains("per-member limit");

    Reply below =
        post("/api/orders", order(f.store(), "online", f.sku(), 1, f.member(), code), null);
    assertThat(below.status()).isEqualTo(422);
    assertThat(below.body().path("detail").asText()).contains("minimum spend");

    Reply first =
        post("/api/orders", order(f.store(), "online", f.sku(), 3, f.member(), code), null);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("couponDiscount").decimalValue()).isEqualByComparingTo("5.00");
    assertThat(first.body().path("totalAmount").decimalValue()).isEqualByComparingTo("25.00");
    Reply again =
        post("/api/orders", order(f.store(), "online", f.sku(), 3, f.member(), code), null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asText()).contains("already used");

    // Cancelled before payment: the coupon can be used again; once paid, never again.
    post("/api/orders/" + first.body().path("id").asLong() + "/cancel", null, null);
    long second =
        post("/api/orders", order(f.store(), "online", f.sku(), 3, f.member(), code), null)
            .body()
            .path("id")
            .asLong();
    post("/api/orders/" + second + "/pay", null, null);
    assertThat(jdbc.queryForObject("SELECT status FROM coupons WHERE code = ?", String.class, code))
        .isEqualTo("redeemed");
    assertThat(
            post("/api/orders", order(f.store(), "online", f.sku(), 3, f.member(), code), null)
                .status())
        .isEqualTo(409);
  }

  @Test
  void clearReasonsForTheWrongChannelOwnerOrTime() {
    Fixture f = fixture(new BigDecimal("10.00"), 50);
    Fixture other = fixture(new BigDecimal("10.00"), 50);
    long campaign = campaign();
    long storeOnly =
        template(
            campaign,
            amountOff("2.00", "0", "store", "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
    long expired =
        template(
            campaign,
            amountOff("2.00", "0", "all", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"));
    String store = issue(storeOnly, f.member(), "b");
    String old = issue(expired, f.member(), "b");

    assertThat(
            post("/api/orders", order(f.store(), "online", f.sku(), 1, f.member(), store), null)
                .body()
                .path("detail")
                .asText())
        .contains("valid store only");
    assertThat(
            post("/api/orders", order(f.store(), "pos", f.sku(), 1, f.member(), old), null)
                .body()
                .path("detail")
                .asText())
        .contains("expired");
    Reply notTheirs =
        post("/api/orders", order(f.store(), "pos", f.sku(), 1, other.member(), store), null);
    assertThat(notTheirs.status()).isEqualTo(422);
    assertThat(notTheirs.body().path("field").asText()).isEqualTo("couponCode");
    assertThat(
            post("/api/orders", order(f.store(), "pos", f.sku(), 1, f.member(), store), null)
                .status())
        .isEqualTo(201);
    assertThat(postAs(keyFor(Role.HQ_ANALYST, null), "/api/campaigns", "{}", null).status())
        .isIn(400, 403);
  }

  @Test
  void twoCheckoutsWithTheSameCouponAtOnceWinOnce() throws Exception {
    Fixture f = fixture(new BigDecimal("10.00"), 100);
    long t =
        template(
            campaign(),
            amountOff("1.00", "0", "all", "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
    String code = issue(t, f.member(), "race");
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String channel = i % 2 == 0 ? "online" : "pos";
      bodies.add(order(f.store(), channel, f.sku(), 1, f.member(), code));
    }
    int won = 0;
    for (Reply r : ordersAtOnce(bodies)) {
      assertThat(r.status()).isIn(201, 409);
      won += r.status() == 201 ? 1 : 0;
    }
    assertThat(won).isEqualTo(1);
    assertThat(reserved(f.sku(), f.store())).isEqualTo(1);
  }

  @Test
  void anUnknownMembersWalletIsNotFoundAndPercentOffStopsAtAHundred() {
    Reply wallet = get("/api/members/999999999/coupons");
    assertThat(wallet.status()).isEqualTo(404);
    assertThat(wallet.body().path("field").asText()).isEqualTo("memberId");

    long campaign = campaign();
    Reply tooMuch =
        post(
            "/api/campaigns/" + campaign + "/coupon-templates",
            """
            {"code": "T-%s", "name": "150 %% off", "discountType": "percent_off", "percentOff": 150,
             "channelScope": "all", "validFrom": "2026-01-01T00:00:00Z", "validTo": "2027-01-01T00:00:00Z"}
            """
                .formatted(UUID.randomUUID().toString().substring(0, 8)),
            null);
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.body().path("field").asText()).isEqualTo("percentOff");
  }
}
