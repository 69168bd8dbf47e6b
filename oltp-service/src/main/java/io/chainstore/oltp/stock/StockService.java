package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock levels per (SKU, location). Each change is a single conditional UPDATE, so two checkouts
 * racing for the last unit serialize on the row and exactly one wins; the table's CHECK constraints
 * back this up if any caller ever gets it wrong.
 */
@Service
public class StockService {

  private final JdbcTemplate jdbc;
  private final Locations locations;

  StockService(JdbcTemplate jdbc, Locations locations) {
    this.jdbc = jdbc;
    this.locations = locations;
  }

  /** One line of a stock change: {@code index} names the request line for error messages. */
  public record Quantity(int index, long skuId, int quantity) {}

  /** Reserves every line at the location, or none (the caller's transaction rolls back). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reserve(long locationId, List<Quantity> lines, String document) {
    takeAvailable("order_reserved", document, "reserved = reserved + ?", locationId, lines);
  }

  /** Units leave the location outright (an outbound issue); refused beyond what is available. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void issue(long locationId, List<Quantity> lines, String reason, String document) {
    takeAvailable(reason, document, "on_hand = on_hand - ?", locationId, lines);
  }

  /**
   * Applies {@code set} (with the quantity as its parameter) to each line's row only where that
   * many units are available; one line short refuses the whole change with 409.
   */
  private void takeAvailable(
      String reason, String document, String set, long locationId, List<Quantity> lines) {
    List<Quantity> ordered = lockOrder(lines);
    int[] updated =
        changeEach(
            reason,
            document,
            "UPDATE stock SET "
                + set
                + ", updated_at = now()"
                + " WHERE sku_id = ? AND location_id = ? AND on_hand - reserved >= ?",
            ordered,
            line -> new Object[] {line.quantity(), line.skuId(), locationId, line.quantity()});
    for (int i = 0; i < ordered.size(); i++) {
      if (updated[i] == 0) {
        Quantity line = ordered.get(i);
        throw ApiException.conflict(
            "lines[" + line.index() + "].quantity",
            "not enough stock of SKU " + line.skuId() + " available at location " + locationId);
      }
    }
  }

  /** Reserved units leave the location (a paid sale). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void commitReserved(long locationId, List<Quantity> lines, String document) {
    changeExisting(
        "sale",
        document,
        "UPDATE stock SET on_hand = on_hand - ?, reserved = reserved - ?, updated_at = now()"
            + " WHERE sku_id = ? AND location_id = ?",
        lines,
        line -> new Object[] {line.quantity(), line.quantity(), line.skuId(), locationId});
  }

  /** Reserved units become available again (an unpaid order cancelled). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void release(long locationId, List<Quantity> lines, String document) {
    changeExisting(
        "reservation_released",
        document,
        "UPDATE stock SET reserved = reserved - ?, updated_at = now()"
            + " WHERE sku_id = ? AND location_id = ?",
        lines,
        line -> new Object[] {line.quantity(), line.skuId(), locationId});
  }

  /** Sold units come back on hand (a paid order cancelled and refunded). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void restock(long locationId, List<Quantity> lines, String document) {
    changeExisting(
        "refund_restock",
        document,
        "UPDATE stock SET on_hand = on_hand + ?, updated_at = now()"
            + " WHERE sku_id = ? AND location_id = ?",
        lines,
        line -> new Object[] {line.quantity(), line.skuId(), locationId});
  }

  /** Units arrive at the location (a receipt, a return); a SKU new there gets its stock row. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void receive(long locationId, List<Quantity> lines, String reason, String document) {
    changeEach(
        reason,
        document,
        "INSERT INTO stock (sku_id, location_id, on_hand) VALUES (?, ?, ?)"
            + " ON CONFLICT (sku_id, location_id)"
            + " DO UPDATE SET on_hand = stock.on_hand + EXCLUDED.on_hand, updated_at = now()",
        lockOrder(lines),
        line -> new Object[] {line.skuId(), locationId, line.quantity()});
  }

  /**
   * Units arrive at the location already reserved for an order (a supplier's delivery for a
   * click-and-collect order): on hand and reserved grow together, so nobody else can sell them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void receiveReserved(long locationId, List<Quantity> lines, String document) {
    changeEach(
        "receipt",
        document,
        "INSERT INTO stock (sku_id, location_id, on_hand, reserved) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (sku_id, location_id) DO UPDATE SET on_hand = stock.on_hand"
            + " + EXCLUDED.on_hand, reserved = stock.reserved + EXCLUDED.reserved, updated_at = now()",
        lockOrder(lines),
        line -> new Object[] {line.skuId(), locationId, line.quantity(), line.quantity()});
  }

  /** Shipped units are on their way to the location. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void addInTransit(long locationId, List<Quantity> lines, String document) {
    changeEach(
        "transfer_in_transit",
        document,
        "INSERT INTO stock (sku_id, location_id, on_hand, in_transit) VALUES (?, ?, 0, ?)"
            + " ON CONFLICT (sku_id, location_id)"
            + " DO UPDATE SET in_transit = stock.in_transit + EXCLUDED.in_transit, updated_at = now()",
        lockOrder(lines),
        line -> new Object[] {line.skuId(), locationId, line.quantity()});
  }

  /** A transfer arrives: what was in transit leaves transit, what arrived is on hand. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void receiveInTransit(
      long locationId, long skuId, int shipped, int received, String document) {
    changeExisting(
        "transfer_received",
        document,
        "UPDATE stock SET in_transit = in_transit - ?, on_hand = on_hand + ?, updated_at = now()"
            + " WHERE sku_id = ? AND location_id = ?",
        List.of(new Quantity(0, skuId, received)),
        line -> new Object[] {shipped, received, skuId, locationId});
  }

  /** A counted difference is booked; on hand may not fall below what is reserved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void adjust(long locationId, long skuId, int delta, String field, String document) {
    int[] updated =
        changeEach(
            "stocktake_adjustment",
            document,
            "UPDATE stock SET on_hand = on_hand + ?, updated_at = now()"
                + " WHERE sku_id = ? AND location_id = ? AND on_hand + ? >= reserved",
            List.of(new Quantity(0, skuId, delta)),
            line -> new Object[] {delta, skuId, locationId, delta});
    if (updated[0] == 0) {
      throw ApiException.conflict(
          field, "the count would leave less on hand than is reserved for orders of SKU " + skuId);
    }
  }

  /** Changes each line's row, which must exist (its units were reserved, sold or shipped). */
  private void changeExisting(
      String reason,
      String document,
      String sql,
      List<Quantity> lines,
      Function<Quantity, Object[]> args) {
    List<Quantity> ordered = lockOrder(lines);
    int[] updated = changeEach(reason, document, sql, ordered, args);
    for (int i = 0; i < ordered.size(); i++) {
      if (updated[i] != 1) {
        throw new IllegalStateException("stock row missing for an order line: " + ordered.get(i));
      }
    }
  }

  /**
   * Tells the database why stock changes (its trigger writes one ledger row per change with this
   * reason and document, and refuses a change without one), then runs {@code sql} once per line in
   * the given order. All of it goes to PostgreSQL as one round trip: a checkout's cost is mostly
   * round trips. Returns the rows changed per line.
   */
  private int[] changeEach(
      String reason,
      String document,
      String sql,
      List<Quantity> ordered,
      Function<Quantity, Object[]> args) {
    if (ordered.isEmpty()) {
      // Nothing to change (an order of services only): no round trip.
      return new int[0];
    }
    String statements =
        "SELECT set_config('chainstore.stock_reason', ?, true),"
            + " set_config('chainstore.stock_document', ?, true)"
            + (";" + sql).repeat(ordered.size());
    return jdbc.execute(
        statements,
        (PreparedStatement ps) -> {
          int p = 1;
          ps.setString(p++, reason);
          ps.setString(p++, document == null ? "" : document);
          for (Quantity line : ordered) {
            for (Object arg : args.apply(line)) {
              ps.setObject(p++, arg);
            }
          }
          ps.execute();
          int[] changed = new int[ordered.size()];
          for (int i = 0; i < changed.length; i++) {
            ps.getMoreResults();
            changed[i] = ps.getUpdateCount();
          }
          return changed;
        });
  }

  /** On-hand quantities now, for the SKUs stocked at the location (all of them when null). */
  @Transactional(propagation = Propagation.MANDATORY)
  public java.util.Map<Long, Integer> onHand(long locationId) {
    java.util.Map<Long, Integer> out = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT sku_id, on_hand FROM stock WHERE location_id = ? FOR SHARE",
        rs -> {
          out.put(rs.getLong("sku_id"), rs.getInt("on_hand"));
        },
        locationId);
    return out;
  }

  /** The SKU's stock at every location that carries it (a store-bound caller: its store). */
  @Transactional(readOnly = true)
  public SkuStock stockOf(long skuId, Caller caller) {
    requireSku(skuId);
    List<SkuStock.LocationStock> locations =
        jdbc.query(
            "SELECT l.id, l.code, l.kind, s.on_hand, s.reserved, s.in_transit FROM stock s"
                + " JOIN locations l ON l.id = s.location_id"
                // a supplier's stock is its own (see the supplier feature), not the chain's
                + " WHERE s.sku_id = ? AND l.kind <> 'supplier' ORDER BY l.id",
            (rs, i) ->
                new SkuStock.LocationStock(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("kind"),
                    rs.getInt("on_hand"),
                    rs.getInt("reserved"),
                    rs.getInt("on_hand") - rs.getInt("reserved"),
                    rs.getInt("in_transit")),
            skuId);
    return SkuStock.of(
        skuId, locations.stream().filter(l -> caller.mayActAt(l.locationId())).toList());
  }

  /** A stock level as HQ and store managers list them. */
  @Schema(name = "StockLevel")
  public record Level(
      long skuId,
      String skuCode,
      String skuName,
      long locationId,
      String locationCode,
      int onHand,
      int reserved,
      int available,
      int inTransit) {}

  /**
   * Stock levels, optionally of one location and only those with at most {@code maxAvailable} units
   * available (the low-stock list). A store-bound caller sees its own store only.
   */
  @Transactional(readOnly = true)
  public List<Level> levels(Long locationId, Integer maxAvailable, Caller caller) {
    Long location = caller.scope(locationId, "locationId");
    requireLocation(location);
    return jdbc.query(
        "SELECT s.sku_id, k.code AS sku_code, k.name AS sku_name, s.location_id, l.code AS location_code,"
            + " s.on_hand, s.reserved, s.on_hand - s.reserved AS available, s.in_transit"
            + " FROM stock s JOIN skus k ON k.id = s.sku_id JOIN locations l ON l.id = s.location_id"
            + " WHERE (?::bigint IS NULL OR s.location_id = ?) AND (?::integer IS NULL OR s.on_hand - s.reserved <= ?)"
            + " AND l.kind <> 'supplier'"
            + " ORDER BY s.location_id, s.sku_id LIMIT 5000",
        (rs, i) ->
            new Level(
                rs.getLong("sku_id"),
                rs.getString("sku_code"),
                rs.getString("sku_name"),
                rs.getLong("location_id"),
                rs.getString("location_code"),
                rs.getInt("on_hand"),
                rs.getInt("reserved"),
                rs.getInt("available"),
                rs.getInt("in_transit")),
        location,
        location,
        maxAvailable,
        maxAvailable);
  }

  /** One row of the movement ledger. */
  @Schema(name = "StockMovement")
  public record Movement(
      long id,
      long skuId,
      long locationId,
      int onHandChange,
      int reservedChange,
      int onHandAfter,
      int reservedAfter,
      String reason,
      String document,
      java.time.OffsetDateTime at) {}

  /** The newest movements of a SKU, optionally at one location (a store-bound caller: its own). */
  @Transactional(readOnly = true)
  public List<Movement> movements(long skuId, Long locationId, int limit, Caller caller) {
    Long location = caller.scope(locationId, "locationId");
    requireSku(skuId);
    requireLocation(location);
    return jdbc.query(
        "SELECT * FROM stock_movements WHERE sku_id = ? AND (?::bigint IS NULL OR location_id = ?)"
            + " ORDER BY id DESC LIMIT ?",
        (rs, i) ->
            new Movement(
                rs.getLong("id"),
                rs.getLong("sku_id"),
                rs.getLong("location_id"),
                rs.getInt("on_hand_change"),
                rs.getInt("reserved_change"),
                rs.getInt("on_hand_after"),
                rs.getInt("reserved_after"),
                rs.getString("reason"),
                rs.getString("document"),
                rs.getTimestamp("created_at").toInstant().atOffset(java.time.ZoneOffset.UTC)),
        skuId,
        location,
        location,
        limit);
  }

  private void requireSku(long skuId) {
    if (jdbc.queryForList("SELECT 1 FROM skus WHERE id = ?", skuId).isEmpty()) {
      throw ApiException.notFound("skuId", "no SKU " + skuId);
    }
  }

  /** A location asked for by a filter must exist (none asked: fine). */
  private void requireLocation(Long locationId) {
    if (locationId != null && locations.kind(locationId).isEmpty()) {
      throw ApiException.notFound("locationId", "no location " + locationId);
    }
  }

  // Rows are always locked in SKU order, so two multi-line orders cannot deadlock.
  private static List<Quantity> lockOrder(List<Quantity> lines) {
    return lines.stream().sorted(Comparator.comparingLong(Quantity::skuId)).toList();
  }
}
