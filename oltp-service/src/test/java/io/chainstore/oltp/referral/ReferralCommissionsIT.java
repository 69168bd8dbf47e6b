package io.chainstore.oltp.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * T9 on a real PostgreSQL: chains fixed at join, the ledger from payment to payout and clawback.
 */
class ReferralCommissionsIT extends ApiTestSupport {

  private static String phone() {
    return "+49171"
        + String.format(
            "%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
  }

  private Reply join(String referrerCode) {
    String referrer = referrerCode == null ? "" : ", \"referrerCode\": \"" + referrerCode + "\"";
    return post(
        "/api/members",
        "{\"name\": \"Ref\", \"phone\": \"" + phone() + "\"" + referrer + "}",
        null);
  }

  private long joined(String referrerCode) {
    Reply reply = join(referrerCode);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().path("id").asLong();
  }

  private String code(long member) {
    return jdbc.queryForObject("SELECT code FROM members WHERE id = ?", String.class, member);
  }

  /** The chain-wide plan these tests expect (10 / 5 / 2 %), created once, open-ended. */
  private void chainWidePlan() {
    Integer current =
        jdbc.queryForObject(
            "SELECT count(*) FROM referral_rate_plans WHERE campaign_id IS NULL"
                + " AND valid_to IS NULL AND level1_percent = 10 AND level2_percent = 5"
                + " AND level3_percent = 2",
            Integer.class);
    if (current == 0) {
      Reply created =
          post(
              "/api/referral/rate-plans",
              "{\"level1Percent\": 10, \"level2Percent\": 5, \"level3Percent\": 2,"
                  + " \"validFrom\": \""
                  + Instant.now().minus(1, ChronoUnit.HOURS)
                  + "\"}",
              "plan-" + UUID.randomUUID());
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }
  }

  private long paidOrder(Fixture f, long member, int quantity) {
    Reply order =
        post(
            "/api/orders",
            """
            {"storeId": %d, "channel": "pos", "memberId": %d,
             "lines": [{"skuId": %d, "quantity": %d}]}
            """
                .formatted(f.store(), member, f.sku(), quantity),
            null);
    assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
    long id = order.body().path("id").asLong();
    assertThat(post("/api/orders/" + id + "/pay", null, null).status()).isEqualTo(200);
    return id;
  }

  private void fulfilAndAge(long order) {
    assertThat(post("/api/orders/" + order + "/fulfil", null, null).status()).isEqualTo(200);
    // The return window (14 days) passes without sleeping: the hand-over moves back in time.
    jdbc.update(
        "UPDATE orders SET fulfilled_at = fulfilled_at - interval '15 days' WHERE id = ?", order);
  }

  private Reply returnUnits(long order, int quantity) {
    return post(
        "/api/orders/" + order + "/returns",
        "{\"lines\": [{\"lineNo\": 1, \"quantity\": " + quantity + "}]}",
        null);
  }

  /** beneficiary -> amount of the order's commissions of one status (or all when null). */
  private Map<Long, BigDecimal> commissions(long order) {
    return jdbc.query(
        "SELECT member_id, amount FROM referral_commissions WHERE order_id = ?",
        rs -> {
          Map<Long, BigDecimal> out = new java.util.HashMap<>();
          while (rs.next()) {
            out.put(rs.getLong("member_id"), rs.getBigDecimal("amount"));
          }
          return out;
        },
        order);
  }

  private List<String> statuses(long order) {
    return jdbc.queryForList(
        "SELECT status FROM referral_commissions WHERE order_id = ? ORDER BY level",
        String.class,
        order);
  }

  private BigDecimal paidTo(JsonNode run, long member) {
    for (JsonNode payout : run.path("payouts")) {
      if (payout.path("memberId").asLong() == member) {
        return payout.path("amount").decimalValue();
      }
    }
    return null;
  }

  @Test
  void chainOfFourLevelsPaysThreeFromPaymentThroughPayoutAndClawback() {
    chainWidePlan();
    Fixture f = fixture(new BigDecimal("10.00"), 100);
    long a = joined(null);
    long b = joined(code(a));
    long c = joined(code(b));
    long d = joined(code(c));
    long buyer = joined(code(d));
    // The chain is fixed at join: D, C, B; A is a fourth level and earns nothing.
    assertThat(
            jdbc.queryForMap(
                "SELECT level1_member_id, level2_member_id, level3_member_id FROM referral_chains"
                    + " WHERE member_id = ?",
                buyer))
        .containsExactly(
            Map.entry("level1_member_id", d),
            Map.entry("level2_member_id", c),
            Map.entry("level3_member_id", b));

    // 3 x 10.00 paid: 10 % / 5 % / 2 % of 30.00, pending.
    long order = paidOrder(f, buyer, 3);
    assertThat(commissions(order))
        .containsOnly(
            Map.entry(d, new BigDecimal("3.00")),
            Map.entry(c, new BigDecimal("1.50")),
            Map.entry(b, new BigDecimal("0.60")));
    assertThat(statuses(order)).containsExactly("pending", "pending", "pending");
    JsonNode summary = get("/api/members/" + d + "/referral").body();
    assertThat(summary.path("referralCode").asText()).isEqualTo(code(d));
    assertThat(summary.path("referrerId").asLong()).isEqualTo(c);
    assertThat(summary.path("commissions").path("pending").decimalValue())
        .isEqualByComparingTo("3.00");
    JsonNode downline = get("/api/members/" + b + "/referral").body().path("downline");
    assertThat(
            List.of(
                downline.path("level1").asLong(),
                downline.path("level2").asLong(),
                downline.path("level3").asLong()))
        .containsExactly(1L, 1L, 1L);

    // One unit of three comes back: a third of each commission is reversed in its own row.
    fulfilAndAge(order);
    assertThat(returnUnits(order, 1).status()).isEqualTo(200);
    assertThat(
            jdbc.queryForList(
                "SELECT r.amount FROM referral_commission_reversals r"
                    + " JOIN referral_commissions c ON c.id = r.commission_id"
                    + " WHERE c.order_id = ? ORDER BY c.level",
                BigDecimal.class,
                order))
        .containsExactly(new BigDecimal("1.00"), new BigDecimal("0.50"), new BigDecimal("0.20"));
    assertThat(commissions(order).get(d)).isEqualByComparingTo("3.00"); // booked money unchanged

    // Settled after the return window, paid out net of the reversal; a second run pays none of it.
    Reply settled = post("/api/referral/settlements", "{}", "settle-" + UUID.randomUUID());
    assertThat(settled.status()).isEqualTo(200);
    assertThat(settled.body().path("settled").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(statuses(order)).containsExactly("settled", "settled", "settled");
    Reply liabilities =
        getAs(keyFor(Role.HQ_ANALYST, null), "/api/referral/liabilities?limit=1000");
    assertThat(liabilities.status()).isEqualTo(200);
    Reply run = post("/api/referral/payouts", null, "payout-" + UUID.randomUUID());
    assertThat(run.status()).isEqualTo(201);
    assertThat(paidTo(run.body(), d)).isEqualByComparingTo("2.00");
    assertThat(paidTo(run.body(), c)).isEqualByComparingTo("1.00");
    assertThat(paidTo(run.body(), b)).isEqualByComparingTo("0.40");
    assertThat(paidTo(run.body(), a)).isNull();
    assertThat(statuses(order)).containsExactly("paid_out", "paid_out", "paid_out");
    Reply again = post("/api/referral/payouts", null, "payout-" + UUID.randomUUID());
    assertThat(paidTo(again.body(), d)).isNull();
    // The same key answers the first run again and pays nothing more.
    String key = "payout-" + UUID.randomUUID();
    Reply first = post("/api/referral/payouts", null, key);
    Reply replay = post("/api/referral/payouts", null, key);
    assertThat(replay.body().path("runId").asLong()).isEqualTo(first.body().path("runId").asLong());

    // A refund after payout: clawed back, the member owes it until the next payout nets it off.
    assertThat(returnUnits(order, 1).status()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT bool_and(clawback) FROM referral_commission_reversals r"
                    + " JOIN referral_commissions c ON c.id = r.commission_id"
                    + " WHERE c.order_id = ? AND r.payout_id IS NULL",
                Boolean.class,
                order))
        .isTrue();
    JsonNode owed = get("/api/members/" + d + "/referral").body().path("commissions");
    assertThat(owed.path("clawbackOpen").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(owed.path("due").decimalValue()).isEqualByComparingTo("-1.00");
    assertThat(owed.path("paidOut").decimalValue()).isEqualByComparingTo("2.00");
    // Nothing to pay D while the clawback outweighs what is due.
    assertThat(paidTo(post("/api/referral/payouts", null, null).body(), d)).isNull();

    // The next order settles 3.00 for D; the payout pays 3.00 - 1.00.
    long next = paidOrder(f, buyer, 3);
    fulfilAndAge(next);
    post("/api/referral/settlements", null, null);
    Reply netted = post("/api/referral/payouts", null, null);
    assertThat(paidTo(netted.body(), d)).isEqualByComparingTo("2.00");
    assertThat(paidTo(netted.body(), c)).isEqualByComparingTo("1.00");
    assertThat(paidTo(netted.body(), b)).isEqualByComparingTo("0.40");
    JsonNode after = get("/api/members/" + d + "/referral").body().path("commissions");
    assertThat(after.path("clawbackOpen").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(after.path("paidOut").decimalValue()).isEqualByComparingTo("4.00");
  }

  @Test
  void notSettledInsideTheReturnWindowAndCancelledPaidOrdersReverseEverything() {
    chainWidePlan();
    Fixture f = fixture(new BigDecimal("7.77"), 100);
    long referrer = joined(null);
    long buyer = joined(code(referrer));
    long order = paidOrder(f, buyer, 1);
    assertThat(post("/api/orders/" + order + "/fulfil", null, null).status()).isEqualTo(200);
    post("/api/referral/settlements", null, null);
    assertThat(statuses(order)).containsExactly("pending");

    long cancelled = paidOrder(f, buyer, 2);
    assertThat(commissions(cancelled).get(referrer)).isEqualByComparingTo("1.55"); // 1.554
    assertThat(post("/api/orders/" + cancelled + "/cancel", null, null).status()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT amount - reversed_amount FROM referral_commissions WHERE order_id = ?",
                BigDecimal.class,
                cancelled))
        .isEqualByComparingTo("0");
    // A member without a referrer earns nobody anything.
    assertThat(commissions(paidOrder(f, referrer, 1))).isEmpty();
  }

  @Test
  void anOrderWithACampaignsCouponEarnsAtThatCampaignsRates() {
    chainWidePlan();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long campaign =
        jdbc.queryForObject(
            "INSERT INTO campaigns (code, name, starts_at, ends_at)"
                + " VALUES (?, 'Ref', now() - interval '1 day', now() + interval '30 days')"
                + " RETURNING id",
            Long.class,
            "RC-" + tag);
    long template =
        jdbc.queryForObject(
            "INSERT INTO coupon_templates (campaign_id, code, name, discount_type, amount_off,"
                + " channel_scope, valid_from, valid_to) VALUES (?, ?, 'One off', 'amount_off',"
                + " 1.00, 'all', now() - interval '1 day', now() + interval '30 days')"
                + " RETURNING id",
            Long.class,
            campaign,
            "RT-" + tag);
    Reply plan =
        post(
            "/api/referral/rate-plans",
            "{\"campaignId\": "
                + campaign
                + ", \"level1Percent\": 20, \"level2Percent\": 0, \"level3Percent\": 0,"
                + " \"validFrom\": \""
                + Instant.now().minus(1, ChronoUnit.HOURS)
                + "\"}",
            null);
    assertThat(plan.status()).isEqualTo(201);
    long top = joined(null);
    long referrer = joined(code(top));
    long buyer = joined(code(referrer));
    jdbc.update(
        "INSERT INTO coupons (template_id, member_id, code, status, batch)"
            + " VALUES (?, ?, ?, 'issued', 'ref')",
        template,
        buyer,
        "RCP-" + tag);
    Fixture f = fixture(new BigDecimal("10.00"), 10);
    Reply order =
        post(
            "/api/orders",
            """
            {"storeId": %d, "channel": "pos", "memberId": %d, "couponCode": "RCP-%s",
             "lines": [{"skuId": %d, "quantity": 3}]}
            """
                .formatted(f.store(), buyer, tag, f.sku()),
            null);
    assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
    long id = order.body().path("id").asLong();
    assertThat(post("/api/orders/" + id + "/pay", null, null).status()).isEqualTo(200);
    // 29.00 paid at the campaign's 20 % for level 1; its level 2 is 0 %: no row for top.
    assertThat(commissions(id)).containsOnly(Map.entry(referrer, new BigDecimal("5.80")));
    // Without the coupon the chain-wide plan applies to both levels.
    assertThat(commissions(paidOrder(f, buyer, 3)))
        .containsOnly(
            Map.entry(referrer, new BigDecimal("3.00")), Map.entry(top, new BigDecimal("1.50")));
  }

  @Test
  void unknownAndOwnCodesAreRefusedAndChangeNothing() {
    long member = joined(null);
    Map<String, String> before = tableDigests();
    Reply unknown = join("M999999999");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().path("field").asText()).isEqualTo("referrerCode");
    // The code the next member will get: joining with it would be a self-referral.
    long next = jdbc.queryForObject("SELECT last_value + 1 FROM members_id_seq", Long.class);
    Reply self = join("M%09d".formatted(next));
    assertThat(self.status()).isEqualTo(422);
    assertThat(self.body().path("field").asText()).isEqualTo("referrerCode");
    assertThat(tableDigests()).isEqualTo(before);
    assertThat(joined(code(member))).isGreaterThan(member);
  }

  @Test
  void theDatabaseRefusesSelfReferralSecondChainsCyclesAndRewritingMoney() {
    long a = joined(null);
    long b = joined(code(a));
    // Self-referral.
    long c = joined(null);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO referral_chains (member_id, level1_member_id) VALUES (?, ?)",
                    c,
                    c))
        .isInstanceOf(DataAccessException.class)
        // Refused twice over: not oneself, and every ancestor is older (named first).
        .hasMessageContaining("violates check constraint \"referral_chains_");
    // A second chain for b.
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO referral_chains (member_id, level1_member_id) VALUES (?, ?)",
                    b,
                    a))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("referral_chains_pkey");
    // a referred by b would close the cycle a -> b -> a: an ancestor must be older.
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO referral_chains (member_id, level1_member_id) VALUES (?, ?)",
                    a,
                    b))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("referral_chains_ancestors_older");
    // Booked commissions keep their amounts; reversals are rows of their own.
    chainWidePlan();
    long order = paidOrder(fixture(new BigDecimal("5.00"), 10), b, 1);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE referral_commissions SET amount = amount + 1 WHERE order_id = ?",
                    order))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("never rewritten");
    assertThatThrownBy(
            () -> jdbc.update("DELETE FROM referral_commissions WHERE order_id = ?", order))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void ratePlansPerCampaignSupersedeRefuseOverlapsAndBoundTheTotal() {
    long campaign =
        jdbc.queryForObject(
            "INSERT INTO campaigns (code, name, starts_at, ends_at)"
                + " VALUES (?, 'Ref', now(), now() + interval '30 days') RETURNING id",
            Long.class,
            "REF-" + UUID.randomUUID());
    String plan =
        "{\"campaignId\": %d, \"level1Percent\": %s, \"level2Percent\": 5,"
            + " \"level3Percent\": 2, \"validFrom\": \"%s\"%s}";
    Reply first =
        post(
            "/api/referral/rate-plans",
            plan.formatted(campaign, "20", "2026-01-01T00:00:00Z", ""),
            null);
    assertThat(first.status()).isEqualTo(201);
    // A later open-ended plan ends the first one where it starts.
    Reply second =
        post(
            "/api/referral/rate-plans",
            plan.formatted(campaign, "12.5", "2026-03-01T00:00:00Z", ""),
            null);
    assertThat(second.status()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "SELECT valid_to = '2026-03-01T00:00:00Z' FROM referral_rate_plans WHERE id = ?",
                Boolean.class,
                first.body().path("id").asLong()))
        .isTrue();
    Map<String, String> before = tableDigests();
    // Inside the first window: overlaps it.
    Reply overlap =
        post(
            "/api/referral/rate-plans",
            plan.formatted(
                campaign, "1", "2026-02-01T00:00:00Z", ", \"validTo\": \"2026-02-02T00:00:00Z\""),
            null);
    assertThat(overlap.status()).isEqualTo(409);
    assertThat(overlap.body().path("field").asText()).isEqualTo("validFrom");
    Reply tooMuch =
        post(
            "/api/referral/rate-plans",
            plan.formatted(campaign, "44", "2027-01-01T00:00:00Z", ""),
            null);
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.body().path("field").asText()).isEqualTo("level1Percent");
    assertThat(tableDigests()).isEqualTo(before);
    Reply listed =
        getAs(keyFor(Role.HQ_ANALYST, null), "/api/referral/rate-plans?campaignId=" + campaign);
    assertThat(listed.body()).hasSize(2);
    assertThat(listed.body().get(0).path("level1Percent").decimalValue())
        .isEqualByComparingTo("12.5");
  }

  @Test
  void badInputToEveryNewWriteIsRefusedNamingTheFieldAndChangesNothing() {
    chainWidePlan();
    record Case(String path, String body, String key, int status, String field) {}
    String valid =
        "\"level1Percent\": 1, \"level2Percent\": 1, \"level3Percent\": 1,"
            + " \"validFrom\": \"2030-01-01T00:00:00Z\"";
    List<Case> cases =
        List.of(
            new Case(
                "/api/referral/rate-plans",
                "{" + valid + ", \"campaignId\": 999999999}",
                null,
                422,
                "campaignId"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid + ", \"campaignId\": 0}",
                null,
                400,
                "campaignId"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid.replace("\"level2Percent\": 1", "\"level2Percent\": 50.01") + "}",
                null,
                400,
                "level2Percent"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid.replace("\"level3Percent\": 1", "\"level3Percent\": -1") + "}",
                null,
                400,
                "level3Percent"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid.replace("\"level1Percent\": 1", "\"level1Percent\": 1.001") + "}",
                null,
                400,
                "level1Percent"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid.replace("\"level1Percent\": 1", "\"level1Percent\": \"1\"") + "}",
                null,
                400,
                "level1Percent"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid.replace(", \"validFrom\": \"2030-01-01T00:00:00Z\"", "") + "}",
                null,
                400,
                "validFrom"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid + ", \"validTo\": \"2029-12-31T00:00:00Z\"}",
                null,
                400,
                "validTo"),
            new Case(
                "/api/referral/rate-plans",
                "{" + valid + ", \"validTo\": \"2030-02-30\"}",
                null,
                400,
                "validTo"),
            new Case(
                "/api/referral/rate-plans", "{" + valid + ", \"colour\": 1}", null, 400, "colour"),
            new Case("/api/referral/rate-plans", "{" + valid + "} {}", null, 400, "body"),
            new Case(
                "/api/referral/rate-plans", "{" + valid + "}", "bad key", 400, "Idempotency-Key"),
            new Case(
                "/api/referral/settlements",
                "{\"asOf\": \"2099-12-31T00:00:00Z\"}",
                null,
                422,
                "asOf"),
            new Case("/api/referral/settlements", "{\"asOf\": \"2026-01-01\"}", null, 400, "asOf"),
            new Case("/api/referral/settlements", "{\"asOf\": 5}", null, 400, "asOf"),
            new Case("/api/referral/settlements", "{\"until\": null}", null, 400, "until"),
            new Case("/api/referral/payouts", null, "x".repeat(201), 400, "Idempotency-Key"),
            new Case(
                "/api/members",
                "{\"name\": \"X\", \"phone\": \"" + phone() + "\", \"referrerCode\": \"M1\"}",
                null,
                400,
                "referrerCode"),
            new Case(
                "/api/members",
                "{\"name\": \"X\", \"phone\": \"" + phone() + "\", \"referrerCode\": 12}",
                null,
                400,
                "referrerCode"),
            new Case(
                "/api/members",
                "{\"name\": \"X\", \"phone\": \""
                    + phone()
                    + "\", \"referrerCode\": \"M00000000\\u0000\"}",
                null,
                400,
                "referrerCode"));
    Map<String, String> before = tableDigests();
    for (Case bad : cases) {
      Reply reply = postAs(adminKey, bad.path(), bad.body(), bad.key() == null ? null : bad.key());
      assertThat(reply.status()).as(bad.toString()).isEqualTo(bad.status());
      assertThat(reply.raw().headers().firstValue("Content-Type").orElse(""))
          .as(bad.toString())
          .startsWith("application/problem+json");
      assertThat(reply.body().path("field").asText()).as(bad.toString()).isEqualTo(bad.field());
    }
    assertThat(tableDigests()).isEqualTo(before);
  }

  @Test
  void rolesSeeOnlyWhatIsTheirs() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    long member = joined(null);
    String pos = keyFor(Role.POS, f.store());
    String manager = keyFor(Role.STORE_MANAGER, f.store());
    String storefront = keyFor(Role.STOREFRONT, null);
    String analyst = keyFor(Role.HQ_ANALYST, null);
    long supplierId =
        jdbc.queryForObject(
            "INSERT INTO suppliers (code, name) VALUES (?, 'Ref supplier') RETURNING id",
            Long.class,
            "SUP-REF-" + UUID.randomUUID());
    String supplier = keys.issue("test supplier", Role.SUPPLIER, null, null, supplierId).key();
    String summary = "/api/members/" + member + "/referral";

    assertThat(getAs(pos, summary).status()).isEqualTo(200);
    assertThat(getAs(storefront, summary).status()).isEqualTo(200);
    assertThat(getAs(analyst, summary).status()).isEqualTo(200);
    assertThat(getAs(manager, summary).status()).isEqualTo(403);
    assertThat(getAs(supplier, summary).status()).isEqualTo(403);
    assertThat(getAs(pos, "/api/members/999999999/referral").status()).isEqualTo(404);

    assertThat(getAs(analyst, "/api/referral/liabilities").status()).isEqualTo(200);
    assertThat(getAs(pos, "/api/referral/liabilities").status()).isEqualTo(403);
    assertThat(getAs(supplier, "/api/referral/liabilities").status()).isEqualTo(403);
    assertThat(getAs(manager, "/api/referral/rate-plans").status()).isEqualTo(403);

    Map<String, String> before = tableDigests();
    for (String key : List.of(pos, manager, storefront, analyst, supplier)) {
      assertThat(postAs(key, "/api/referral/payouts", null, null).status()).isEqualTo(403);
      assertThat(postAs(key, "/api/referral/settlements", "{}", null).status()).isEqualTo(403);
      assertThat(
              postAs(
                      key,
                      "/api/referral/rate-plans",
                      "{\"level1Percent\": 1, \"level2Percent\": 1, \"level3Percent\": 1,"
                          + " \"validFrom\": \"2031-01-01T00:00:00Z\"}",
                      null)
                  .status())
          .isEqualTo(403);
    }
    assertThat(tableDigests()).isEqualTo(before);
  }
}
