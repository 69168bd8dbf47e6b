package io.chainstore.streaming.transfers;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who gives: the nearest location that can spare the whole quantity; if none can, the one that can
 * spare the most (nearest among equals) gives what it can spare. Nobody gives more than it can
 * spare, and with no spare anywhere there is no transfer. Ties in distance go to the lower id, so
 * the choice is the same on every run.
 */
public final class DonorChoice {

  /** A possible donor: where it is from the receiver, and what it can spare. */
  public record Candidate(long locationId, double km, int spare) {}

  /** The donor and the units it gives. */
  public record Choice(long locationId, int quantity) {}

  private DonorChoice() {}

  public static Optional<Choice> choose(int need, List<Candidate> candidates) {
    if (need <= 0) {
      return Optional.empty();
    }
    Comparator<Candidate> nearest =
        Comparator.comparingDouble(Candidate::km).thenComparingLong(Candidate::locationId);
    Optional<Candidate> whole = candidates.stream().filter(c -> c.spare() >= need).min(nearest);
    if (whole.isPresent()) {
      return Optional.of(new Choice(whole.get().locationId(), need));
    }
    return candidates.stream()
        .filter(c -> c.spare() > 0)
        .min(Comparator.comparingInt(Candidate::spare).reversed().thenComparing(nearest))
        .map(c -> new Choice(c.locationId(), c.spare()));
  }
}
