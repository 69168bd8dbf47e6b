package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.web.ApiException;
import java.util.Comparator;
import java.util.List;
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

  StockService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One line of a stock change: {@code index} names the request line for error messages. */
  public record Quantity(int index, long skuId, int quantity) {}

  /** Reserves every line at the location, or none (the caller's transaction rolls back). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reserve(long locationId, List<Quantity> lines) {
    for (Quantity line : lockOrder(lines)) {
      int updated =
          jdbc.update(
              "UPDATE stock SET reserved = reserved + ?, updated_at = now()"
                  + " WHERE sku_id = ? AND location_id = ? AND on_hand - reserved >= ?",
              line.quantity(),
              line.skuId(),
              locationId,
              line.quantity());
      if (updated == 0) {
        throw ApiException.conflict(
            "lines[" + line.index() + "].quantity",
            "not enough stock of SKU " + line.skuId() + " at location " + locationId);
      }
    }
  }

  /** Reserved units leave the location (a paid sale). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void commitReserved(long locationId, List<Quantity> lines) {
    for (Quantity line : lockOrder(lines)) {
      change(
          "UPDATE stock SET on_hand = on_hand - ?, reserved = reserved - ?, updated_at = now()"
              + " WHERE sku_id = ? AND location_id = ?",
          line.quantity(),
          line.quantity(),
          line.skuId(),
          locationId);
    }
  }

  /** Reserved units become available again (an unpaid order cancelled). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void release(long locationId, List<Quantity> lines) {
    for (Quantity line : lockOrder(lines)) {
      change(
          "UPDATE stock SET reserved = reserved - ?, updated_at = now()"
              + " WHERE sku_id = ? AND location_id = ?",
          line.quantity(),
          line.skuId(),
          locationId);
    }
  }

  /** Sold units come back on hand (a paid order cancelled and refunded). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void restock(long locationId, List<Quantity> lines) {
    for (Quantity line : lockOrder(lines)) {
      change(
          "UPDATE stock SET on_hand = on_hand + ?, updated_at = now()"
              + " WHERE sku_id = ? AND location_id = ?",
          line.quantity(),
          line.skuId(),
          locationId);
    }
  }

  /** The SKU's stock at every location that carries it (a store-bound caller: its store). */
  @Transactional(readOnly = true)
  public SkuStock stockOf(long skuId, Caller caller) {
    Integer known =
        jdbc.queryForObject("SELECT count(*) FROM skus WHERE id = ?", Integer.class, skuId);
    if (known == null || known == 0) {
      throw ApiException.notFound("skuId", "no SKU " + skuId);
    }
    List<SkuStock.LocationStock> locations =
        jdbc.query(
            "SELECT l.id, l.code, l.kind, s.on_hand, s.reserved FROM stock s"
                + " JOIN locations l ON l.id = s.location_id WHERE s.sku_id = ? ORDER BY l.id",
            (rs, i) ->
                new SkuStock.LocationStock(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("kind"),
                    rs.getInt("on_hand"),
                    rs.getInt("reserved"),
                    rs.getInt("on_hand") - rs.getInt("reserved")),
            skuId);
    return SkuStock.of(
        skuId, locations.stream().filter(l -> caller.mayActAt(l.locationId())).toList());
  }

  private void change(String sql, Object... args) {
    if (jdbc.update(sql, args) != 1) {
      throw new IllegalStateException("stock row missing for an order line: " + List.of(args));
    }
  }

  // Rows are always locked in SKU order, so two multi-line orders cannot deadlock.
  private static List<Quantity> lockOrder(List<Quantity> lines) {
    return lines.stream().sorted(Comparator.comparingLong(Quantity::skuId)).toList();
  }
}
