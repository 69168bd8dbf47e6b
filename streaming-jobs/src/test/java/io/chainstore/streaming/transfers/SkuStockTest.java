package io.chainstore.streaming.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.transfers.SkuChange.Level;
import io.chainstore.streaming.transfers.SkuChange.Sale;
import io.chainstore.streaming.transfers.SkuChange.Suggestion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkuStockTest {

  private static final long SKU = 5;
  private static final long STORE = 1;
  private static final long NEAR = 2;
  private static final long WAREHOUSE = 3;
  private static final long T0 = 1_764_000_000_000L;

  private static final Map<Long, Place> PLACES =
      Map.of(
          STORE, new Place(STORE, false, 52.52, 13.40),
          NEAR, new Place(NEAR, false, 52.50, 13.45),
          WAREHOUSE, new Place(WAREHOUSE, true, 51.0, 10.0));

  private final ReplenishmentRules rules = ReplenishmentRules.defaults();
  private final SkuStock sku = new SkuStock();
  private long lsn = 100;
  private long now = 5_000;

  private List<TransferSuggestion> apply(SkuChange change) {
    return sku.decide(SKU, sku.apply(change, rules), PLACES::get, rules, now);
  }

  private Level level(long location, int onHand, int reserved, int inTransit, long at) {
    return new Level(SKU, location, onHand, reserved, inTransit, ++lsn, at);
  }

  private List<TransferSuggestion> stocked(int store, int near, int warehouse) {
    apply(level(NEAR, near, 0, 0, T0));
    apply(level(WAREHOUSE, warehouse, 0, 0, T0));
    return apply(level(STORE, store, 0, 0, T0));
  }

  @Test
  void aStoreUnderItsReorderPointGetsItsNeedFromTheNearestLocationThatCanSpareIt() {
    assertThat(stocked(10, 30, 100)).isEmpty();
    // A sale of 7 (velocity 1/day): position 3 under the reorder point 1 x 2 + 2 = 4.
    apply(new Sale(SKU, STORE, 7, 1, ++lsn, T0 + 1000));
    List<TransferSuggestion> out = apply(level(STORE, 3, 0, 0, T0 + 1000));
    assertThat(out).hasSize(1);
    TransferSuggestion s = out.get(0);
    assertThat(s.toLocationId()).isEqualTo(STORE);
    assertThat(s.fromLocationId()).isEqualTo(NEAR);
    // target 1 x 9 + 2 = 11, position 3 -> 8
    assertThat(s.quantity()).isEqualTo(8);
    assertThat(s.reorderPoint()).isEqualTo(4);
    assertThat(s.position()).isEqualTo(3);
    assertThat(s.basedOnLsn()).isEqualTo(lsn);
    assertThat(s.id()).isEqualTo(TransferSuggestion.idFor(SKU, STORE, lsn));
    assertThat(s.reason()).contains("position 3", "reorder point 4");
  }

  @Test
  void stockInTransitCountsAndNothingIsSuggestedTwiceWhileTheFirstIsOnItsWay() {
    stocked(10, 30, 100);
    apply(new Sale(SKU, STORE, 7, 1, ++lsn, T0));
    assertThat(apply(level(STORE, 3, 0, 2, T0))).as("3 + 2 in transit is not under 4").isEmpty();
    List<TransferSuggestion> first = apply(level(STORE, 1, 0, 0, T0 + 1));
    assertThat(first).hasSize(1);
    // Sent, not yet seen back: no second one, however far event time moves on.
    assertThat(apply(level(STORE, 0, 0, 0, T0 + 600_000))).isEmpty();
    // Seen back open, then accepted: still none, even after the confirmation timeout.
    TransferSuggestion s = first.get(0);
    apply(suggestion(s, "open", T0 + 600_001));
    apply(suggestion(s, "accepted", T0 + 600_002));
    now += 120_000;
    assertThat(apply(level(STORE, 1, 0, 0, T0 + 600_003))).isEmpty();
  }

  @Test
  void aSuggestionTheServiceNeverShowsIsSentAgainAfterTheConfirmationTimeout() {
    stocked(10, 30, 100);
    apply(new Sale(SKU, STORE, 7, 1, ++lsn, T0));
    TransferSuggestion first = apply(level(STORE, 3, 0, 0, T0)).get(0);
    now += 59_000;
    assertThat(apply(level(STORE, 2, 0, 0, T0 + 1))).isEmpty();
    now += 2_000;
    List<TransferSuggestion> again = apply(level(STORE, 2, 0, 0, T0 + 2));
    assertThat(again).singleElement().satisfies(s -> assertThat(s.id()).isNotEqualTo(first.id()));
  }

  @Test
  void aShippedTransferCountsUntilBothStockRowsShowIt() {
    stocked(10, 30, 100);
    apply(new Sale(SKU, STORE, 7, 1, ++lsn, T0));
    TransferSuggestion s = apply(level(STORE, 3, 0, 0, T0)).get(0);
    apply(suggestion(s, "accepted", T0 + 10));
    // The status arrives before the stock rows of the same transaction.
    assertThat(apply(suggestion(s, "shipped", T0 + 20))).isEmpty();
    assertThat(apply(level(STORE, 3, 0, s.quantity(), T0 + 20))).isEmpty();
    assertThat(apply(level(NEAR, 30 - s.quantity(), 0, 0, T0 + 20))).isEmpty();
    // Received, then sold down again: a new suggestion.
    apply(level(STORE, 3 + s.quantity(), 0, 0, T0 + 30));
    apply(new Sale(SKU, STORE, 9, 2, ++lsn, T0 + 40));
    assertThat(apply(level(STORE, 2, 0, 0, T0 + 40))).hasSize(1);
  }

  @Test
  void aRejectedSuggestionIsNotRepeatedWithinTheCooldown() {
    stocked(10, 30, 100);
    apply(new Sale(SKU, STORE, 7, 1, ++lsn, T0));
    TransferSuggestion s = apply(level(STORE, 3, 0, 0, T0)).get(0);
    apply(suggestion(s, "rejected", T0 + 10));
    assertThat(apply(level(STORE, 2, 0, 0, T0 + 3_600_000))).isEmpty();
    assertThat(apply(level(STORE, 2, 0, 0, T0 + 86_400_000 + 11))).hasSize(1);
  }

  @Test
  void promisedUnitsAreNotSpareAndWithoutSpareThereIsNoSuggestion() {
    // The near store holds exactly its own target, the warehouse has nothing.
    stocked(10, 2, 0);
    apply(new Sale(SKU, STORE, 7, 1, ++lsn, T0));
    assertThat(apply(level(STORE, 3, 0, 0, T0))).isEmpty();
    // The warehouse receives 5: the store gets those 5, though it needs 8.
    List<TransferSuggestion> out = apply(level(WAREHOUSE, 5, 0, 0, T0 + 1));
    assertThat(out)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.fromLocationId()).isEqualTo(WAREHOUSE);
              assertThat(s.quantity()).isEqualTo(5);
            });
  }

  @Test
  void repeatedChangesChangeNothing() {
    stocked(10, 30, 100);
    Sale sale = new Sale(SKU, STORE, 7, 1, ++lsn, T0);
    apply(sale);
    double velocity = sku.velocity(STORE, rules);
    assertThat(sku.apply(sale, rules)).isEmpty();
    assertThat(sku.velocity(STORE, rules)).isEqualTo(velocity);
    Level low = level(STORE, 3, 0, 0, T0);
    assertThat(apply(low)).hasSize(1);
    assertThat(sku.apply(low, rules)).isEmpty();
  }

  private Suggestion suggestion(TransferSuggestion s, String status, long at) {
    return new Suggestion(
        s.id(), SKU, s.fromLocationId(), s.toLocationId(), s.quantity(), status, false, ++lsn, at);
  }
}
