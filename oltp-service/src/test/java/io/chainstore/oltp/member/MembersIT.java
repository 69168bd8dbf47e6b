package io.chainstore.oltp.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembersIT extends ApiTestSupport {

  private static String phone() {
    return "+49170"
        + String.format(
            "%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
  }

  private long join(String key) {
    Reply joined =
        postAs(key, "/api/members", "{\"name\": \"Ada\", \"phone\": \"" + phone() + "\"}", null);
    assertThat(joined.status()).isEqualTo(201);
    return joined.body().path("id").asLong();
  }

  private String memberOrder(long store, long sku, int quantity, long member, int points) {
    return """
        {"storeId": %d, "channel": "pos", "memberId": %d, "pointsToRedeem": %d,
         "lines": [{"skuId": %d, "quantity": %d}]}
        """
        .formatted(store, member, points, sku, quantity);
  }

  @Test
  void joinIdentifyEarnRedeemAndReverseOnRefund() {
    Fixture f = fixture(new BigDecimal("25.00"), 100);
    String pos = keyFor(Role.POS, f.store());
    String phone = phone();
    Reply joined =
        postAs(pos, "/api/members", "{\"name\": \"Bo\", \"phone\": \"" + phone + "\"}", null);
    long member = joined.body().path("id").asLong();
    assertThat(joined.body().path("level").asText()).isEqualTo("bronze");
    String code = joined.body().path("code").asText();
    assertThat(
            getAs(pos, "/api/members?phone=" + phone.replace("+", "%2B"))
                .body()
                .path("id")
                .asLong())
        .isEqualTo(member);
    assertThat(getAs(pos, "/api/members?code=" + code).body().path("id").asLong())
        .isEqualTo(member);
    assertThat(
            postAs(pos, "/api/members", "{\"name\": \"Bo\", \"phone\": \"" + phone + "\"}", null)
                .status())
        .isEqualTo(409);

    // 4 x 25.00 = 100.00 at bronze (0 %, 1 point per unit): 100 points on payment.
    long first =
        postAs(pos, "/api/orders", memberOrder(f.store(), f.sku(), 4, member, 0), null)
            .body()
            .path("id")
            .asLong();
    Reply paid = postAs(pos, "/api/orders/" + first + "/pay", null, null);
    assertThat(paid.body().path("pointsEarned").asInt()).isEqualTo(100);
    assertThat(balance(member)).isEqualTo(100);

    // Spend 60 points (0.60) on the next order; the total is what is left.
    Reply second = postAs(pos, "/api/orders", memberOrder(f.store(), f.sku(), 1, member, 60), null);
    assertThat(second.body().path("pointsDiscount").decimalValue()).isEqualByComparingTo("0.60");
    assertThat(second.body().path("totalAmount").decimalValue()).isEqualByComparingTo("24.40");
    assertThat(balance(member)).isEqualTo(40);
    // Cancelled before payment: the points come back.
    postAs(pos, "/api/orders/" + second.body().path("id").asLong() + "/cancel", null, null);
    assertThat(balance(member)).isEqualTo(100);

    // The first order refunded: its 100 earned points are taken back.
    postAs(pos, "/api/orders/" + first + "/cancel", null, null);
    assertThat(balance(member)).isZero();
    List<String> reasons = new ArrayList<>();
    getAs(pos, "/api/members/" + member + "/points")
        .body()
        .forEach(e -> reasons.add(e.path("reason").asText()));
    assertThat(reasons)
        .containsExactly("earn_reversed", "redemption_returned", "redeemed", "earned");
    Reply tooMany = postAs(pos, "/api/orders", memberOrder(f.store(), f.sku(), 1, member, 1), null);
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.body().path("field").asText()).isEqualTo("pointsToRedeem");
    assertThat(reserved(f.sku(), f.store())).isZero();
  }

  @Test
  void anEmailIsKeptWhenGivenAndABadOneIsRefusedNamingTheField() {
    Fixture f = fixture(new BigDecimal("5.00"), 10);
    String pos = keyFor(Role.POS, f.store());
    Reply joined =
        postAs(
            pos,
            "/api/members",
            "{\"name\": \"Eve\", \"phone\": \"" + phone() + "\", \"email\": \"eve@example.com\"}",
            null);
    assertThat(joined.status()).isEqualTo(201);
    assertThat(joined.body().path("email").asText()).isEqualTo("eve@example.com");
    Reply bad =
        postAs(
            pos,
            "/api/members",
            "{\"name\": \"Mallory\", \"phone\": \""
                + phone()
                + "\", \"email\": \"not an address\"}",
            null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().toString()).contains("email");
    Reply without =
        postAs(pos, "/api/members", "{\"name\": \"Ann\", \"phone\": \"" + phone() + "\"}", null);
    assertThat(without.status()).isEqualTo(201);
    assertThat(without.body().hasNonNull("email")).isFalse();
  }

  @Test
  void spendMovesAMemberUpAndTheLevelDiscountApplies() {
    Fixture f = fixture(new BigDecimal("250.00"), 100);
    long member = join(adminKey);
    long big =
        post("/api/orders", memberOrder(f.store(), f.sku(), 4, member, 0), null)
            .body()
            .path("id")
            .asLong();
    post("/api/orders/" + big + "/pay", null, null);
    assertThat(get("/api/members/" + member).body().path("level").asText()).isEqualTo("silver");
    // Silver: 3 % off 250.00 = 7.50.
    Reply next = post("/api/orders", memberOrder(f.store(), f.sku(), 1, member, 0), null);
    assertThat(next.body().path("memberDiscount").decimalValue()).isEqualByComparingTo("7.50");
    assertThat(next.body().path("totalAmount").decimalValue()).isEqualByComparingTo("242.50");
    assertThat(get("/api/member-levels").body()).hasSize(3);
  }

  @Test
  void theSamePointsSpentTwiceAtOnceSucceedOnce() throws Exception {
    Fixture f = fixture(new BigDecimal("10.00"), 100);
    long member = join(adminKey);
    long earnOrder =
        post("/api/orders", memberOrder(f.store(), f.sku(), 5, member, 0), null)
            .body()
            .path("id")
            .asLong();
    post("/api/orders/" + earnOrder + "/pay", null, null);
    assertThat(balance(member)).isEqualTo(50);

    List<String> bodies = Collections.nCopies(8, memberOrder(f.store(), f.sku(), 1, member, 50));
    int won = 0;
    for (Reply r : ordersAtOnce(bodies)) {
      assertThat(r.status()).isIn(201, 409);
      won += r.status() == 201 ? 1 : 0;
    }
    assertThat(won).isEqualTo(1);
    assertThat(balance(member)).isZero();
    assertThat(reserved(f.sku(), f.store())).isEqualTo(1);
  }

  @Test
  void returnedGoodsLeaveTheLifetimeSpendAndTheLevelTheyReached() {
    // 0.50 earns no whole point, yet counts as spend until it comes back.
    Fixture cheap = fixture(new BigDecimal("0.50"), 10);
    long member = join(adminKey);
    long small = paidAndHandedOver(memberOrder(cheap.store(), cheap.sku(), 1, member, 0));
    assertThat(spend(member)).isEqualByComparingTo("0.50");
    post(
        "/api/orders/" + small + "/returns",
        "{\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}",
        null);
    assertThat(spend(member)).isEqualByComparingTo("0.00");

    // 2 x 600.00 reaches silver (1000); one unit back leaves 600.00: bronze again.
    Fixture dear = fixture(new BigDecimal("600.00"), 10);
    long big = paidAndHandedOver(memberOrder(dear.store(), dear.sku(), 2, member, 0));
    assertThat(get("/api/members/" + member).body().path("level").asText()).isEqualTo("silver");
    Reply back =
        post(
            "/api/orders/" + big + "/returns",
            "{\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}",
            null);
    assertThat(back.status()).isEqualTo(200);
    assertThat(spend(member)).isEqualByComparingTo("600.00");
    assertThat(get("/api/members/" + member).body().path("level").asText()).isEqualTo("bronze");
  }

  @Test
  void aMemberJoinsAtATillsStoreOrOnline() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    Reply atTill =
        postAs(
            keyFor(Role.POS, f.store()),
            "/api/members",
            "{\"name\": \"Till\", \"phone\": \"" + phone() + "\"}",
            null);
    assertThat(atTill.body().path("channel").asText()).isEqualTo("pos");
    assertThat(atTill.body().path("storeId").asLong()).isEqualTo(f.store());
    String storefront = keyFor(Role.STOREFRONT, null);
    Reply online =
        postAs(
            storefront,
            "/api/members",
            "{\"name\": \"Web\", \"phone\": \"" + phone() + "\"}",
            null);
    assertThat(online.body().path("channel").asText()).isEqualTo("online");
    assertThat(online.body().has("storeId")).isFalse();
    Reply storefrontAtStore =
        postAs(
            storefront,
            "/api/members",
            "{\"name\": \"Web\", \"phone\": \"%s\", \"storeId\": %d}".formatted(phone(), f.store()),
            null);
    assertThat(storefrontAtStore.status()).isEqualTo(403);
    Reply atWarehouse =
        post(
            "/api/members",
            "{\"name\": \"HQ\", \"phone\": \"%s\", \"storeId\": %d}"
                .formatted(phone(), f.warehouse()),
            null);
    assertThat(atWarehouse.status()).isEqualTo(422);
    assertThat(atWarehouse.body().path("field").asText()).isEqualTo("storeId");
  }

  private long paidAndHandedOver(String order) {
    long id = post("/api/orders", order, null).body().path("id").asLong();
    assertThat(post("/api/orders/" + id + "/pay", null, null).status()).isEqualTo(200);
    assertThat(post("/api/orders/" + id + "/fulfil", null, null).status()).isEqualTo(200);
    return id;
  }

  private BigDecimal spend(long member) {
    return jdbc.queryForObject(
        "SELECT lifetime_spend FROM members WHERE id = ?", BigDecimal.class, member);
  }

  private int balance(long member) {
    return jdbc.queryForObject(
        "SELECT points_balance FROM members WHERE id = ?", Integer.class, member);
  }
}
