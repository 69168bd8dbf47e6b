package io.chainstore.streaming.transfers;

import io.chainstore.streaming.transfers.DonorChoice.Candidate;
import io.chainstore.streaming.transfers.DonorChoice.Choice;
import io.chainstore.streaming.transfers.SkuChange.Level;
import io.chainstore.streaming.transfers.SkuChange.Sale;
import io.chainstore.streaming.transfers.SkuChange.Suggestion;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * One SKU across all locations: stock levels, sales velocities, the suggestions the service holds
 * and the ones sent but not yet seen there; and the decisions taken on them. Changes delivered
 * twice or replayed are recognised by their LSN (levels, suggestions) or movement id (sales) and
 * change nothing.
 */
public final class SkuStock implements Serializable {

  /**
   * A suggestion sent to the service and not yet seen back in its table; {@code sentMillis} is
   * processing time, as the wait is for the service, not for events.
   */
  record Pending(String id, long fromLocationId, int quantity, long sentMillis)
      implements Serializable {}

  private final Map<Long, Level> levels = new HashMap<>();
  private final Map<Long, Velocity> velocities = new HashMap<>();
  private final Map<Long, Long> lastSale = new HashMap<>();
  private final Map<Long, Long> versions = new HashMap<>();
  private final Map<String, Suggestion> held = new HashMap<>();
  private final Map<Long, Pending> pending = new HashMap<>();
  private final Map<Long, Long> rejectedAt = new HashMap<>();
  private long lastLsn;
  private long clock = Long.MIN_VALUE;

  /**
   * Takes in a change; returns the stores whose picture it changed (all stores when stock became
   * available somewhere, as that may make a donor), or an empty list for a repeat.
   */
  public List<Long> apply(SkuChange change, ReplenishmentRules rules) {
    List<Long> touched = new ArrayList<>();
    boolean fresh;
    if (change instanceof Level level) {
      fresh = applyLevel(level, touched);
    } else if (change instanceof Sale sale) {
      fresh = applySale(sale, touched, rules.velocityDays());
    } else {
      fresh = applySuggestion((Suggestion) change, touched);
    }
    if (fresh) {
      lastLsn = Math.max(lastLsn, change.lsn());
      clock = Math.max(clock, change.commitMillis());
    }
    return fresh ? touched : List.of();
  }

  private boolean applyLevel(Level level, List<Long> touched) {
    Level known = levels.get(level.locationId());
    if (known != null && level.lsn() <= known.lsn()) {
      return false;
    }
    levels.put(level.locationId(), level);
    versions.merge(level.locationId(), level.lsn(), Math::max);
    held.values().removeIf(s -> s.status().equals("shipped") && arrivedInBooks(s));
    touched.add(level.locationId());
    if (known == null || level.available() > known.available()) {
      touched.addAll(levels.keySet());
    }
    return true;
  }

  private boolean applySale(Sale sale, List<Long> touched, double meanAge) {
    Long last = lastSale.get(sale.locationId());
    if (last != null && sale.movementId() <= last) {
      return false;
    }
    lastSale.put(sale.locationId(), sale.movementId());
    versions.merge(sale.locationId(), sale.lsn(), Math::max);
    touched.add(sale.locationId());
    velocities.merge(
        sale.locationId(),
        Velocity.NONE.plus(sale.units(), sale.commitMillis(), meanAge),
        (v, ignored) -> v.plus(sale.units(), sale.commitMillis(), meanAge));
    return true;
  }

  private boolean applySuggestion(Suggestion suggestion, List<Long> touched) {
    Suggestion known = held.get(suggestion.id());
    if (known != null && suggestion.lsn() <= known.lsn()) {
      return false;
    }
    long store = suggestion.toLocationId();
    Pending sent = pending.get(store);
    if (sent != null && (sent.id().equals(suggestion.id()) || suggestion.live())) {
      pending.remove(store);
    }
    if (suggestion.status().equals("rejected") && !suggestion.deleted()) {
      rejectedAt.merge(store, suggestion.commitMillis(), Math::max);
    }
    // A shipped transfer counts until its units show in both locations' stock rows (they are
    // written in the same transaction but read from other topics).
    if (suggestion.live()
        || (suggestion.status().equals("shipped")
            && !suggestion.deleted()
            && !arrivedInBooks(suggestion))) {
      held.put(suggestion.id(), suggestion);
    } else {
      held.remove(suggestion.id());
    }
    touched.add(store);
    return true;
  }

  private boolean arrivedInBooks(Suggestion shipped) {
    Level to = levels.get(shipped.toLocationId());
    Level from = levels.get(shipped.fromLocationId());
    return to != null
        && from != null
        && to.commitMillis() >= shipped.commitMillis()
        && from.commitMillis() >= shipped.commitMillis();
  }

  /**
   * The suggestions to send now for the given stores, by the rules, with places known from the
   * locations table (a location not known yet is left out). Each one sent is remembered as pending,
   * so the next decision neither repeats it nor gives the donor's units twice, until the service's
   * row shows up or {@code confirmTimeout} of processing time ({@code now}) passes.
   */
  public List<TransferSuggestion> decide(
      long skuId,
      List<Long> stores,
      LongFunction<Place> places,
      ReplenishmentRules rules,
      long now) {
    List<TransferSuggestion> out = new ArrayList<>();
    for (long store : new TreeSet<>(stores)) {
      suggestFor(skuId, store, places, rules, now).ifPresent(out::add);
    }
    return out;
  }

  private Optional<TransferSuggestion> suggestFor(
      long skuId, long store, LongFunction<Place> places, ReplenishmentRules rules, long now) {
    Place receiver = places.apply(store);
    Level level = levels.get(store);
    if (receiver == null || receiver.warehouse() || level == null || waiting(store, rules, now)) {
      return Optional.empty();
    }
    double velocity = velocity(store, rules);
    int position = level.position();
    int need = rules.need(position, velocity);
    if (need <= 0) {
      return Optional.empty();
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Level donor : levels.values()) {
      Place place = places.apply(donor.locationId());
      if (donor.locationId() != store && place != null) {
        int spare =
            rules.spare(
                place.warehouse(),
                donor.available(),
                promisedBy(donor.locationId()),
                velocity(donor.locationId(), rules));
        candidates.add(new Candidate(donor.locationId(), receiver.kmTo(place), spare));
      }
    }
    Optional<Choice> choice = DonorChoice.choose(need, candidates);
    if (choice.isEmpty()) {
      return Optional.empty();
    }
    Choice c = choice.get();
    int reorderPoint = rules.reorderPoint(velocity);
    Double cover = velocity >= 0.001 ? Math.min(position / velocity, 99_999_999.9) : null;
    String id = TransferSuggestion.idFor(skuId, store, lastLsn);
    pending.put(store, new Pending(id, c.locationId(), c.quantity(), now));
    return Optional.of(
        new TransferSuggestion(
            id,
            skuId,
            c.locationId(),
            store,
            c.quantity(),
            reorderPoint,
            position,
            velocity,
            cover,
            reason(level, velocity, reorderPoint, rules, c, need),
            lastLsn,
            clock));
  }

  /** A suggestion for the store is open, accepted, on its way, just sent, or just rejected. */
  private boolean waiting(long store, ReplenishmentRules rules, long now) {
    if (held.values().stream().anyMatch(s -> s.toLocationId() == store)) {
      return true;
    }
    Pending sent = pending.get(store);
    if (sent != null && now - sent.sentMillis() < rules.confirmTimeout().toMillis()) {
      return true;
    }
    pending.remove(store);
    Long rejected = rejectedAt.get(store);
    return rejected != null && clock - rejected < rules.rejectedCooldown().toMillis();
  }

  private int promisedBy(long location) {
    int held =
        this.held.values().stream()
            .filter(s -> s.fromLocationId() == location)
            .mapToInt(Suggestion::quantity)
            .sum();
    int sent =
        pending.values().stream()
            .filter(p -> p.fromLocationId() == location)
            .mapToInt(Pending::quantity)
            .sum();
    return held + sent;
  }

  public double velocity(long location, ReplenishmentRules rules) {
    Velocity v = velocities.get(location);
    return v == null ? 0 : v.at(clock, rules.velocityDays());
  }

  public Level level(long location) {
    return levels.get(location);
  }

  /** The newest LSN of the location's stock row and sales: the version of its stock_level row. */
  public long version(long location) {
    return versions.getOrDefault(location, 0L);
  }

  private static String reason(
      Level level,
      double velocity,
      int reorderPoint,
      ReplenishmentRules rules,
      Choice choice,
      int need) {
    return String.format(
        java.util.Locale.ROOT,
        "position %d (available %d + in transit %d) under reorder point %d"
            + " (%s/day x %s days lead + %d safety); %d more bring it to %d%s",
        level.position(),
        level.available(),
        level.inTransit(),
        reorderPoint,
        TransferSuggestion.decimal(velocity, 3),
        TransferSuggestion.decimal(rules.leadDays(), 1),
        rules.safetyUnits(),
        need,
        level.position() + need,
        choice.quantity() < need ? "; the donor can spare " + choice.quantity() : "");
  }
}
