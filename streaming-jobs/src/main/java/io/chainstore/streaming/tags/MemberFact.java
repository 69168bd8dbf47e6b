package io.chainstore.streaming.tags;

import java.io.Serializable;
import java.time.Instant;

/**
 * A change the tag rules care about, for one member: they joined ({@code joinedAt}), or one of
 * their orders is now the given purchase (or, {@code purchase} null, no purchase: not paid,
 * cancelled, entirely returned), or a dated fact of another kind holds since {@code dated} (or,
 * null, no longer): they referred a member ({@code referral:<member>}, dated when that member
 * joined) or used a service ({@code service:<source>:<id>}). {@code rowKey} names the source row,
 * whose changes are compared by LSN; {@code commitMillis} is when the change was committed (its
 * event time).
 */
public record MemberFact(
    long memberId,
    String rowKey,
    long lsn,
    long commitMillis,
    Instant joinedAt,
    long orderId,
    Purchase purchase,
    Instant dated)
    implements Serializable {

  public static final String REFERRAL = "referral:";
  public static final String SERVICE = "service:";

  public static MemberFact joined(long memberId, Instant at, long lsn, long commitMillis) {
    return new MemberFact(memberId, "member", lsn, commitMillis, at, 0, null, null);
  }

  /** The referrer's fact: the member {@code referee} joined with their code at {@code joined}. */
  public static MemberFact referral(
      long referrer, long referee, Instant joined, long lsn, long commitMillis) {
    return new MemberFact(referrer, REFERRAL + referee, lsn, commitMillis, null, 0, null, joined);
  }

  /** A service the member used at {@code usedAt} (null: it does not count, or no longer). */
  public static MemberFact service(
      long memberId, String source, Instant usedAt, long lsn, long commitMillis) {
    return new MemberFact(memberId, SERVICE + source, lsn, commitMillis, null, 0, null, usedAt);
  }

  public static MemberFact order(
      long memberId, long orderId, Purchase purchase, long lsn, long commitMillis) {
    return new MemberFact(
        memberId, "order:" + orderId, lsn, commitMillis, null, orderId, purchase, null);
  }

  public boolean isJoin() {
    return joinedAt != null;
  }

  /** A referral or a service use, rather than a sign-up or an order. */
  public boolean isDated() {
    return rowKey.startsWith(REFERRAL) || rowKey.startsWith(SERVICE);
  }

  /** When the fact itself happened: the time rules see it from. */
  public Instant factTime() {
    if (joinedAt != null) {
      return joinedAt;
    }
    if (dated != null) {
      return dated;
    }
    return purchase != null ? purchase.paidAt() : Instant.ofEpochMilli(commitMillis);
  }
}
