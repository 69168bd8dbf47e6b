package io.chainstore.streaming.tags;

import java.io.Serializable;
import java.time.Instant;

/**
 * A change the tag rules care about, for one member: they joined ({@code joinedAt}), or one of
 * their orders is now the given purchase (or, {@code purchase} null, no purchase: not paid,
 * cancelled, entirely returned). {@code rowKey} names the source row, whose changes are compared by
 * LSN; {@code commitMillis} is when the change was committed (its event time).
 */
public record MemberFact(
    long memberId,
    String rowKey,
    long lsn,
    long commitMillis,
    Instant joinedAt,
    long orderId,
    Purchase purchase)
    implements Serializable {

  public static MemberFact joined(long memberId, Instant at, long lsn, long commitMillis) {
    return new MemberFact(memberId, "member", lsn, commitMillis, at, 0, null);
  }

  public static MemberFact order(
      long memberId, long orderId, Purchase purchase, long lsn, long commitMillis) {
    return new MemberFact(memberId, "order:" + orderId, lsn, commitMillis, null, orderId, purchase);
  }

  public boolean isJoin() {
    return joinedAt != null;
  }

  /** When the fact itself happened: the time rules see it from. */
  public Instant factTime() {
    if (joinedAt != null) {
      return joinedAt;
    }
    return purchase != null ? purchase.paidAt() : Instant.ofEpochMilli(commitMillis);
  }
}
