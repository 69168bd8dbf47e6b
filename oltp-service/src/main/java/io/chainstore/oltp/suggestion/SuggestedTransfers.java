package io.chainstore.oltp.suggestion;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.stock.TransferDrafts;
import io.chainstore.oltp.stock.TransferShipped;
import io.chainstore.oltp.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suggested transfers: kept once per suggestion from the job's topic ({@link #record}), listed,
 * accepted (a draft transfer of the suggested quantity) or rejected by HQ, and marked shipped when
 * their transfer ships.
 */
@Service
class SuggestedTransfers {

  private static final Logger LOG = LoggerFactory.getLogger(SuggestedTransfers.class);

  /** What became of a message; the tag of the {@code chainstore.suggestions.received} counter. */
  enum Outcome {
    /** Kept: a new suggestion. */
    INSERTED,
    /** Its id is known: a replay or a second delivery. */
    DUPLICATE,
    /** The pair has a live suggestion, or one decided on this change or a later one. */
    SUPERSEDED,
    /** Malformed, or naming an unknown SKU or location. */
    INVALID;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Keeps the suggestion unless its id is known (ON CONFLICT DO NOTHING, which also covers a live
   * one inserted concurrently), its SKU and store have a live suggestion (open or accepted), or one
   * based on the same or a later change (a replayed job must not reopen a decided pair). One
   * statement; the CTE's snapshot predates the insert, so the last EXISTS sees only earlier rows.
   */
  private static final String RECORD =
      """
      WITH candidate AS (
          SELECT CAST(? AS uuid) AS id, CAST(? AS bigint) AS sku_id,
                 CAST(? AS bigint) AS from_location_id, CAST(? AS bigint) AS to_location_id,
                 CAST(? AS integer) AS quantity, CAST(? AS integer) AS reorder_point,
                 CAST(? AS integer) AS position, CAST(? AS numeric) AS velocity_per_day,
                 CAST(? AS numeric) AS days_of_cover, CAST(? AS text) AS reason,
                 CAST(? AS bigint) AS based_on_lsn, CAST(? AS timestamptz) AS suggested_at),
      inserted AS (
          INSERT INTO suggested_transfers (id, sku_id, from_location_id, to_location_id, quantity,
                                           reorder_point, position, velocity_per_day,
                                           days_of_cover, reason, based_on_lsn, suggested_at)
          SELECT c.* FROM candidate c
          WHERE NOT EXISTS (
              SELECT 1 FROM suggested_transfers s
              WHERE s.sku_id = c.sku_id AND s.to_location_id = c.to_location_id
                AND (s.status IN ('open', 'accepted') OR s.based_on_lsn >= c.based_on_lsn))
          ON CONFLICT DO NOTHING
          RETURNING id)
      SELECT CASE
          WHEN EXISTS (SELECT 1 FROM inserted) THEN 'INSERTED'
          WHEN EXISTS (SELECT 1 FROM suggested_transfers s JOIN candidate c ON s.id = c.id)
              THEN 'DUPLICATE'
          ELSE 'SUPERSEDED' END
      """;

  private static final RowMapper<SuggestedTransfer> ROW = SuggestedTransfers::row;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final TransferDrafts transfers;
  private final Locations locations;

  SuggestedTransfers(
      JdbcTemplate jdbc, TransactionTemplate tx, TransferDrafts transfers, Locations locations) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.transfers = transfers;
    this.locations = locations;
  }

  /**
   * Keeps a suggestion from the topic, in a transaction of its own. A database that is away throws
   * (the caller retries); a constraint the message breaks (an unknown SKU or location) is {@link
   * Outcome#INVALID}.
   */
  Outcome record(SuggestionMessage m) {
    try {
      return Outcome.valueOf(
          tx.execute(
              s ->
                  jdbc.queryForObject(
                      RECORD,
                      String.class,
                      m.id(),
                      m.skuId(),
                      m.fromLocationId(),
                      m.toLocationId(),
                      m.quantity(),
                      m.reorderPoint(),
                      m.position(),
                      m.velocityPerDay(),
                      m.daysOfCover(),
                      m.reason(),
                      m.basedOnLsn(),
                      m.suggestedAt())));
    } catch (DataIntegrityViolationException e) {
      LOG.warn(
          "transfer suggestion {} skipped: the database refuses it ({})",
          m.id(),
          e.getMostSpecificCause().getMessage());
      return Outcome.INVALID;
    }
  }

  @Transactional(readOnly = true)
  List<SuggestedTransfer> list(
      String status, Long toLocationId, Long skuId, int limit, int offset) {
    if (toLocationId != null && locations.kind(toLocationId).isEmpty()) {
      throw ApiException.notFound("toLocationId", "no location " + toLocationId);
    }
    if (skuId != null && jdbc.queryForList("SELECT 1 FROM skus WHERE id = ?", skuId).isEmpty()) {
      throw ApiException.notFound("skuId", "no SKU " + skuId);
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM suggested_transfers WHERE true");
    List<Object> args = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status);
    }
    if (toLocationId != null) {
      sql.append(" AND to_location_id = ?");
      args.add(toLocationId);
    }
    if (skuId != null) {
      sql.append(" AND sku_id = ?");
      args.add(skuId);
    }
    sql.append(" ORDER BY suggested_at DESC, created_at DESC, id LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  @Transactional(readOnly = true)
  SuggestedTransfer get(UUID id) {
    return load(id, "");
  }

  /** Drafts the suggested transfer and marks the suggestion accepted; only an open one. */
  @Transactional(propagation = Propagation.MANDATORY)
  SuggestedTransfer accept(UUID id, Caller caller) {
    SuggestedTransfer suggestion = lockOpen(id);
    long transfer =
        transfers.draft(
            suggestion.fromLocationId(),
            suggestion.toLocationId(),
            suggestion.skuId(),
            suggestion.quantity(),
            "suggestion:" + id,
            caller);
    jdbc.update(
        "UPDATE suggested_transfers SET status = 'accepted', transfer_id = ?, decided_at = now(),"
            + " decided_by = ?, updated_at = now() WHERE id = ?",
        transfer,
        caller.name(),
        id);
    return load(id, "");
  }

  @Transactional(propagation = Propagation.MANDATORY)
  SuggestedTransfer reject(UUID id, String reason, Caller caller) {
    lockOpen(id);
    jdbc.update(
        "UPDATE suggested_transfers SET status = 'rejected', decided_at = now(), decided_by = ?,"
            + " reject_reason = ?, updated_at = now() WHERE id = ?",
        caller.name(),
        reason,
        id);
    return load(id, "");
  }

  /** The suggestion a shipped transfer was drafted for (if any) is shipped with it. */
  @EventListener
  void shipped(TransferShipped event) {
    jdbc.update(
        "UPDATE suggested_transfers SET status = 'shipped', updated_at = now()"
            + " WHERE transfer_id = ?",
        event.transferId());
  }

  private SuggestedTransfer lockOpen(UUID id) {
    SuggestedTransfer suggestion = load(id, " FOR UPDATE");
    if (!suggestion.status().equals("open")) {
      throw ApiException.conflict(
          "status", "suggestion " + id + " is " + suggestion.status() + ", not open");
    }
    return suggestion;
  }

  private SuggestedTransfer load(UUID id, String lock) {
    List<SuggestedTransfer> found =
        jdbc.query("SELECT * FROM suggested_transfers WHERE id = ?" + lock, ROW, id);
    if (found.isEmpty()) {
      throw ApiException.notFound("id", "no transfer suggestion " + id);
    }
    return found.get(0);
  }

  private static SuggestedTransfer row(ResultSet rs, int i) throws SQLException {
    return new SuggestedTransfer(
        rs.getObject("id", UUID.class),
        rs.getLong("sku_id"),
        rs.getLong("from_location_id"),
        rs.getLong("to_location_id"),
        rs.getInt("quantity"),
        rs.getInt("reorder_point"),
        rs.getInt("position"),
        rs.getBigDecimal("velocity_per_day"),
        rs.getBigDecimal("days_of_cover"),
        rs.getString("reason"),
        rs.getLong("based_on_lsn"),
        rs.getObject("suggested_at", OffsetDateTime.class),
        rs.getString("status"),
        rs.getObject("transfer_id", Long.class),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decided_by"),
        rs.getString("reject_reason"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
