package io.chainstore.streaming.tags;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tag rules look at for one member: when they joined and their sales (orders that are paid
 * and neither cancelled nor entirely returned, with their net after returns), with the LSN of each
 * row's last change; when sales stopped counting ({@code ended}, by order); and the dated facts
 * (referrals, services used) by their row.
 */
public record MemberFacts(
    Instant joinedAt,
    Map<Long, Purchase> purchases,
    Map<String, Long> lsns,
    Map<String, Instant> dated,
    Map<Long, Instant> ended)
    implements Serializable {

  public static MemberFacts empty() {
    return new MemberFacts(
        null, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  /**
   * Purchases that were sales at {@code t} (paid at or before it, and not yet cancelled or entirely
   * returned then), oldest first. A sale that ended is kept with its end, so the tags at any time
   * are the same whether its end arrived before or after that time was evaluated (a replay).
   */
  public List<Purchase> purchasesUntil(Instant t) {
    List<Purchase> out = new ArrayList<>();
    for (Purchase p : purchases.values()) {
      Instant end = ended.get(p.orderId());
      if (!p.paidAt().isAfter(t) && (end == null || end.isAfter(t))) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(Purchase::paidAt).thenComparing(Purchase::orderId));
    return out;
  }

  public boolean joinedBy(Instant t) {
    return joinedAt != null && !joinedAt.isAfter(t);
  }

  /**
   * The times of the dated facts of one kind ({@link MemberFact#REFERRAL}, …) up to t, oldest
   * first.
   */
  public List<Instant> datedUntil(String kind, Instant t) {
    List<Instant> out = new ArrayList<>();
    for (Map.Entry<String, Instant> e : dated.entrySet()) {
      if (e.getKey().startsWith(kind) && !e.getValue().isAfter(t)) {
        out.add(e.getValue());
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
