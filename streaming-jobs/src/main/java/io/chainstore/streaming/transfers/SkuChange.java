package io.chainstore.streaming.transfers;

import java.io.Serializable;

/** A change that concerns one SKU's stock picture; all of a SKU's changes meet in one key. */
public sealed interface SkuChange extends Serializable
    permits SkuChange.Level, SkuChange.Sale, SkuChange.Suggestion {

  long skuId();

  long lsn();

  /** The commit time of the change, epoch milliseconds. */
  long commitMillis();

  /** A {@code stock} row: what a location holds of the SKU now. */
  record Level(
      long skuId,
      long locationId,
      int onHand,
      int reserved,
      int inTransit,
      long lsn,
      long commitMillis)
      implements SkuChange {

    public int available() {
      return onHand - reserved;
    }

    /** What the location can sell without help: available and on its way. */
    public int position() {
      return available() + inTransit;
    }
  }

  /** A sale out of a location's stock (a {@code stock_movements} row with reason sale). */
  record Sale(long skuId, long locationId, int units, long movementId, long lsn, long commitMillis)
      implements SkuChange {}

  /** A {@code suggested_transfers} row as the transactional service holds it. */
  record Suggestion(
      String id,
      long skuId,
      long fromLocationId,
      long toLocationId,
      int quantity,
      String status,
      boolean deleted,
      long lsn,
      long commitMillis)
      implements SkuChange {

    /** Open or accepted: its units are on their way in the receiver's and donor's books. */
    public boolean live() {
      return !deleted && (status.equals("open") || status.equals("accepted"));
    }
  }
}
