package io.chainstore.streaming.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagRulesTest {

  private static final TagRules RULES = TagRules.defaults("Europe/Berlin");
  private static final Instant JOINED = Instant.parse("2026-10-01T08:00:00Z");

  private static MemberFacts facts(Purchase... purchases) {
    Map<Long, Purchase> bought = new HashMap<>();
    for (Purchase p : purchases) {
      bought.put(p.orderId(), p);
    }
    return new MemberFacts(JOINED, bought, new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  private static Purchase purchase(long id, String at, String channel, String net, boolean coupon) {
    return new Purchase(id, Instant.parse(at), channel, new BigDecimal(net), coupon);
  }

  @Test
  void aNewMemberIsNewForThirtyBusinessDays() {
    MemberFacts joined = facts();
    assertThat(RULES.evaluate(joined, JOINED)).containsOnlyKeys("new");
    // The 30th day ends at midnight Berlin time on 30 October (CET from the 25th).
    assertThat(RULES.evaluate(joined, Instant.parse("2026-10-30T22:59:59Z"))).containsKey("new");
    assertThat(RULES.evaluate(joined, Instant.parse("2026-10-30T23:00:00Z"))).isEmpty();
    assertThat(RULES.nextChange(joined, JOINED)).isEqualTo(Instant.parse("2026-10-30T23:00:00Z"));
    assertThat(RULES.evaluate(joined, JOINED.minusSeconds(1))).isEmpty();
  }

  @Test
  void activeThenLapsingByTheDayOfTheLastPurchase() {
    MemberFacts one = facts(purchase(1, "2026-10-05T10:00:00Z", "pos", "20.00", false));
    assertThat(RULES.evaluate(one, Instant.parse("2026-10-05T10:00:00Z")))
        .containsKeys("new", "active", "store-only")
        .doesNotContainKeys("lapsing", "online-only", "omnichannel");
    Instant activeUntil = Instant.parse("2026-11-03T23:00:00Z");
    assertThat(RULES.evaluate(one, activeUntil.minusMillis(1))).containsKey("active");
    assertThat(RULES.evaluate(one, activeUntil)).doesNotContainKey("active");
    Instant lapsingFrom = Instant.parse("2026-12-03T23:00:00Z");
    assertThat(RULES.evaluate(one, lapsingFrom.minusMillis(1))).doesNotContainKey("lapsing");
    Tag lapsing = RULES.evaluate(one, lapsingFrom).get("lapsing");
    assertThat(lapsing.since()).isEqualTo(lapsingFrom);
    assertThat(lapsing.reason()).isEqualTo("no purchase since 2026-10-05 (60+ days)");
    assertThat(RULES.nextChange(one, Instant.parse("2026-11-10T00:00:00Z"))).isEqualTo(lapsingFrom);
  }

  @Test
  void channelsSpendAndCoupons() {
    MemberFacts both =
        facts(
            purchase(1, "2026-10-05T10:00:00Z", "online", "600.00", true),
            purchase(2, "2026-10-06T10:00:00Z", "pos", "450.00", true),
            purchase(3, "2026-10-07T10:00:00Z", "pickup", "10.00", false));
    Map<String, Tag> tags = RULES.evaluate(both, Instant.parse("2026-10-08T00:00:00Z"));
    assertThat(tags)
        .containsKeys("omnichannel", "high-value", "coupon-sensitive")
        .doesNotContainKeys("online-only", "store-only");
    assertThat(tags.get("high-value").since()).isEqualTo(Instant.parse("2026-10-06T10:00:00Z"));
    assertThat(tags.get("omnichannel").reason()).isEqualTo("2 online and 1 store purchases");
    assertThat(tags.get("coupon-sensitive").reason()).isEqualTo("2 of 3 purchases with a coupon");
    // Only what happened up to t counts: the day before the store purchase, online only.
    assertThat(RULES.evaluate(both, Instant.parse("2026-10-06T00:00:00Z")))
        .containsKey("online-only")
        .doesNotContainKeys("omnichannel", "high-value", "coupon-sensitive");
  }

  @Test
  void aReferrerFromTheFirstMemberWhoJoinedWithTheirCode() {
    MemberFacts facts = facts();
    Instant first = Instant.parse("2026-10-05T10:00:00Z");
    facts.dated().put(MemberFact.REFERRAL + 8, first);
    facts.dated().put(MemberFact.REFERRAL + 9, Instant.parse("2026-10-07T10:00:00Z"));
    assertThat(RULES.evaluate(facts, first.minusMillis(1))).doesNotContainKey("referrer");
    Tag referrer = RULES.evaluate(facts, Instant.parse("2026-10-08T00:00:00Z")).get("referrer");
    assertThat(referrer.since()).isEqualTo(first);
    assertThat(referrer.reason()).isEqualTo("2 members joined with their code");
    assertThat(RULES.nextChange(facts, JOINED)).isEqualTo(first);
  }

  @Test
  void aServiceUserForNinetyBusinessDaysAfterTheLastServiceWithoutPurchases() {
    MemberFacts facts = facts();
    Instant repair = Instant.parse("2026-10-02T09:00:00Z");
    facts.dated().put(MemberFact.SERVICE + "work_order:7", repair);
    Map<String, Tag> tags = RULES.evaluate(facts, repair);
    assertThat(tags).containsKey("service-user");
    assertThat(tags.get("service-user").reason())
        .isEqualTo("last service 2026-10-02, within 90 days");
    // Day 90 is 30 December (Berlin); it ends at 23:00 UTC.
    assertThat(RULES.evaluate(facts, Instant.parse("2026-12-30T22:59:59Z")))
        .containsKey("service-user");
    assertThat(RULES.evaluate(facts, Instant.parse("2026-12-30T23:00:00Z")))
        .doesNotContainKey("service-user");
    assertThat(RULES.nextChange(facts, Instant.parse("2026-11-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-30T23:00:00Z"));
  }
}
