package io.chainstore.oltp.supplier;

import io.chainstore.oltp.supplier.SupplierModels.Ledger;
import io.chainstore.oltp.supplier.SupplierModels.LedgerRow;
import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the chain owes each supplier: a row of cost x quantity for every line it shipped (written
 * when the part ships, see {@link Fulfilments}) and a negative row for every return of such a line,
 * at the cost the shipment was owed at.
 */
@Service
public class SupplierLedger {

  private final JdbcTemplate jdbc;

  SupplierLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A return took back units of the order's lines ({@code lineNos[i]}: {@code quantities[i]}
   * units); those a supplier shipped are owed no more. Lines of the chain's own are skipped.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reverseReturned(
      long returnId, long orderId, Integer[] lineNos, Integer[] quantities) {
    jdbc.update(
        "INSERT INTO supplier_ledger (supplier_id, kind, fulfilment_id, order_id, line_no,"
            + " return_id, sku_id, quantity, unit_cost, amount)"
            + " SELECT s.supplier_id, 'returned', s.fulfilment_id, s.order_id, s.line_no, ?,"
            + " s.sku_id, r.qty, s.unit_cost, -(s.unit_cost * r.qty)"
            + " FROM unnest(?::integer[], ?::integer[]) AS r (line_no, qty)"
            + " JOIN supplier_ledger s ON s.order_id = ? AND s.line_no = r.line_no"
            + " AND s.kind = 'shipped'",
        returnId,
        lineNos,
        quantities,
        orderId);
  }

  /** The supplier's balance and its newest rows. */
  @Transactional(readOnly = true)
  Ledger of(long supplier, int limit, int offset) {
    if (jdbc.queryForList("SELECT 1 FROM suppliers WHERE id = ?", supplier).isEmpty()) {
      throw ApiException.notFound("supplierId", "no supplier " + supplier);
    }
    BigDecimal balance =
        jdbc.queryForObject(
            "SELECT coalesce(sum(amount), 0)::numeric(18, 2) FROM supplier_ledger"
                + " WHERE supplier_id = ?",
            BigDecimal.class,
            supplier);
    List<LedgerRow> rows =
        jdbc.query(
            "SELECT * FROM supplier_ledger WHERE supplier_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
            (rs, i) ->
                new LedgerRow(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getLong("fulfilment_id"),
                    rs.getLong("order_id"),
                    rs.getInt("line_no"),
                    rs.getObject("return_id", Long.class),
                    rs.getLong("sku_id"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("unit_cost"),
                    rs.getBigDecimal("amount"),
                    Fulfilments.utc(rs.getTimestamp("created_at"))),
            supplier,
            limit,
            offset);
    return new Ledger(supplier, balance, rows);
  }
}
