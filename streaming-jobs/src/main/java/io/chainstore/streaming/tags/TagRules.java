package io.chainstore.streaming.tags;

import io.chainstore.warehouse.MemberTagNames;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The member tag rules and their parameters, in one place. Days are the chain's business days (its
 * time zone): "within the last 30 days" means on one of the last 30 days, today included. A
 * member's tags at time t look only at what happened up to t, so they are the same however events
 * arrived.
 *
 * <ul>
 *   <li>{@code new}: joined within the last {@code newDays} days;
 *   <li>{@code active}: bought within the last {@code activeDays} days;
 *   <li>{@code lapsing}: has bought, but not within the last {@code lapsingDays} days;
 *   <li>{@code high-value}: net spend of all purchases at least {@code highValueSpend};
 *   <li>{@code omnichannel}: bought both online (online, click-and-collect) and in a store (POS);
 *   <li>{@code online-only}, {@code store-only}: bought, only online or only in stores;
 *   <li>{@code coupon-sensitive}: at least {@code couponMinPurchases} purchases, half or more of
 *       them with a coupon;
 *   <li>{@code referrer}: at least {@code referrerMin} members joined with their referral code;
 *   <li>{@code service-user}: used a service within the last {@code serviceDays} days (a paid
 *       repair on site, or a booking that has begun and was not cancelled).
 * </ul>
 */
public record TagRules(
    int newDays,
    int activeDays,
    int lapsingDays,
    BigDecimal highValueSpend,
    int couponMinPurchases,
    int referrerMin,
    int serviceDays,
    String zone)
    implements Serializable {

  /** Every tag the rules know. */
  public static final List<String> NAMES = MemberTagNames.ALL;

  public static TagRules defaults(String zone) {
    return new TagRules(30, 30, 60, new BigDecimal("1000.00"), 2, 1, 90, zone);
  }

  /** The tags that hold at {@code t}, by name. */
  public Map<String, Tag> evaluate(MemberFacts facts, Instant t) {
    Map<String, Tag> tags = new LinkedHashMap<>();
    ZoneId id = ZoneId.of(zone);
    LocalDate today = t.atZone(id).toLocalDate();
    if (facts.joinedBy(t) && !day(facts.joinedAt()).isBefore(today.minusDays(newDays - 1))) {
      tags.put(
          "new",
          new Tag(
              "new",
              facts.joinedAt(),
              "new/" + newDays + "d",
              "joined " + day(facts.joinedAt()) + ", within " + newDays + " days"));
    }
    List<Instant> referred = facts.datedUntil(MemberFact.REFERRAL, t);
    if (referred.size() >= referrerMin) {
      tags.put(
          "referrer",
          new Tag(
              "referrer",
              referred.get(referrerMin - 1),
              "referrer/" + referrerMin,
              referred.size() + " members joined with their code"));
    }
    List<Instant> services = facts.datedUntil(MemberFact.SERVICE, t);
    if (!services.isEmpty()) {
      LocalDate lastUse = day(services.get(services.size() - 1));
      if (!lastUse.isBefore(today.minusDays(serviceDays - 1))) {
        tags.put(
            "service-user",
            new Tag(
                "service-user",
                streakStart(services, serviceDays),
                "service-user/" + serviceDays + "d",
                "last service " + lastUse + ", within " + serviceDays + " days"));
      }
    }
    List<Purchase> bought = facts.purchasesUntil(t);
    if (bought.isEmpty()) {
      return tags;
    }
    Purchase last = bought.get(bought.size() - 1);
    if (!day(last.paidAt()).isBefore(today.minusDays(activeDays - 1))) {
      tags.put(
          "active",
          new Tag(
              "active",
              activeSince(bought),
              "active/" + activeDays + "d",
              "last purchase " + day(last.paidAt()) + ", within " + activeDays + " days"));
    }
    LocalDate lapsedFrom = day(last.paidAt()).plusDays(lapsingDays);
    if (!today.isBefore(lapsedFrom)) {
      tags.put(
          "lapsing",
          new Tag(
              "lapsing",
              lapsedFrom.atStartOfDay(id).toInstant(),
              "lapsing/" + lapsingDays + "d",
              "no purchase since " + day(last.paidAt()) + " (" + lapsingDays + "+ days)"));
    }
    BigDecimal spend = BigDecimal.ZERO;
    Instant highSince = null;
    for (Purchase p : bought) {
      spend = spend.add(p.net());
      if (highSince == null && spend.compareTo(highValueSpend) >= 0) {
        highSince = p.paidAt();
      } else if (spend.compareTo(highValueSpend) < 0) {
        highSince = null;
      }
    }
    if (spend.compareTo(highValueSpend) >= 0) {
      tags.put(
          "high-value",
          new Tag(
              "high-value",
              highSince,
              "high-value/" + highValueSpend.toPlainString(),
              "net spend " + spend.toPlainString() + " >= " + highValueSpend.toPlainString()));
    }
    Instant firstOnline = null;
    Instant firstStore = null;
    int coupons = 0;
    for (Purchase p : bought) {
      if (p.online() && firstOnline == null) {
        firstOnline = p.paidAt();
      }
      if (!p.online() && firstStore == null) {
        firstStore = p.paidAt();
      }
      coupons += p.coupon() ? 1 : 0;
    }
    long online = bought.stream().filter(Purchase::online).count();
    long store = bought.size() - online;
    if (firstOnline != null && firstStore != null) {
      tags.put(
          "omnichannel",
          new Tag(
              "omnichannel",
              firstOnline.isAfter(firstStore) ? firstOnline : firstStore,
              "omnichannel",
              online + " online and " + store + " store purchases"));
    } else {
      String tag = firstOnline != null ? "online-only" : "store-only";
      tags.put(
          tag,
          new Tag(
              tag,
              bought.get(0).paidAt(),
              tag,
              bought.size() + " purchases, all " + (firstOnline != null ? "online" : "in stores")));
    }
    if (bought.size() >= couponMinPurchases && coupons * 2 >= bought.size()) {
      tags.put(
          "coupon-sensitive",
          new Tag(
              "coupon-sensitive",
              last.paidAt(),
              "coupon-sensitive/" + couponMinPurchases,
              coupons + " of " + bought.size() + " purchases with a coupon"));
    }
    return tags;
  }

  /** The next instant after {@code t} at which the tags may change without a new event. */
  public Instant nextChange(MemberFacts facts, Instant t) {
    ZoneId id = ZoneId.of(zone);
    TreeSet<Instant> candidates = new TreeSet<>();
    // Facts dated after t become visible at their time.
    if (facts.joinedAt() != null) {
      candidates.add(facts.joinedAt());
      candidates.add(day(facts.joinedAt()).plusDays(newDays).atStartOfDay(id).toInstant());
    }
    List<Purchase> all = new ArrayList<>(facts.purchases().values());
    for (Purchase p : all) {
      candidates.add(p.paidAt());
    }
    candidates.addAll(facts.dated().values());
    candidates.addAll(facts.ended().values());
    List<Instant> services = facts.datedUntil(MemberFact.SERVICE, t);
    if (!services.isEmpty()) {
      candidates.add(
          day(services.get(services.size() - 1))
              .plusDays(serviceDays)
              .atStartOfDay(id)
              .toInstant());
    }
    List<Purchase> bought = facts.purchasesUntil(t);
    if (!bought.isEmpty()) {
      LocalDate last = day(bought.get(bought.size() - 1).paidAt());
      candidates.add(last.plusDays(activeDays).atStartOfDay(id).toInstant());
      candidates.add(last.plusDays(lapsingDays).atStartOfDay(id).toInstant());
    }
    return candidates.higher(t);
  }

  /** Since when the member has been active without a gap that made them inactive. */
  private Instant activeSince(List<Purchase> bought) {
    return streakStart(bought.stream().map(Purchase::paidAt).toList(), activeDays);
  }

  /** The first of the times (sorted) since which no gap was longer than a window of days. */
  private Instant streakStart(List<Instant> times, int days) {
    Instant since = times.get(0);
    for (int i = 1; i < times.size(); i++) {
      if (day(times.get(i)).isAfter(day(times.get(i - 1)).plusDays(days - 1))) {
        since = times.get(i);
      }
    }
    return since;
  }

  private LocalDate day(Instant at) {
    return at.atZone(ZoneId.of(zone)).toLocalDate();
  }
}
