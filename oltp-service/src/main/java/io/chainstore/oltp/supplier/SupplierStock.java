package io.chainstore.oltp.supplier;

import io.chainstore.oltp.stock.StockService;
import io.chainstore.oltp.stock.StockService.Quantity;
import io.chainstore.oltp.supplier.SupplierModels.Location;
import io.chainstore.oltp.supplier.SupplierModels.LocationRequest;
import io.chainstore.oltp.supplier.SupplierModels.Receipt;
import io.chainstore.oltp.supplier.SupplierModels.ReceiptLine;
import io.chainstore.oltp.supplier.SupplierModels.ReceiptRequest;
import io.chainstore.oltp.supplier.SupplierModels.StockLevel;
import io.chainstore.oltp.web.ApiException;
import io.chainstore.oltp.web.Distinct;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's own locations (kind {@code supplier}) and the stock of its SKUs there, booked with
 * receipts through the stock ledger like the chain's. The chain's stock lists and documents leave
 * them out; the database refuses any other SKU at them.
 */
@Service
class SupplierStock {

  private final JdbcTemplate jdbc;
  private final StockService stock;

  SupplierStock(JdbcTemplate jdbc, StockService stock) {
    this.jdbc = jdbc;
    this.stock = stock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Location createLocation(long supplier, LocationRequest request) {
    if (!jdbc.queryForList("SELECT 1 FROM locations WHERE code = ?", request.code()).isEmpty()) {
      throw ApiException.conflict("code", "location code " + request.code() + " is taken");
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO locations (code, name, kind, supplier_id) VALUES (?, ?, 'supplier', ?)"
                + " RETURNING id",
            Long.class,
            request.code(),
            request.name(),
            supplier);
    return new Location(id, request.code(), request.name());
  }

  @Transactional(readOnly = true)
  List<Location> locations(long supplier) {
    return jdbc.query(
        "SELECT id, code, name FROM locations WHERE supplier_id = ? ORDER BY id",
        (rs, i) -> new Location(rs.getLong("id"), rs.getString("code"), rs.getString("name")),
        supplier);
  }

  /**
   * Units of the supplier's own SKUs arrive at one of its own locations: a posted receipt, one
   * ledger row per line. Anything else's location or SKU is refused (403; unknown ones 422).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Receipt receive(long supplier, ReceiptRequest request) {
    Distinct.check(request.lines(), ReceiptLine::skuId, "lines", "skuId");
    requireOwn(
        "SELECT supplier_id FROM locations WHERE id = ?",
        request.locationId(),
        supplier,
        "locationId",
        "location");
    for (int i = 0; i < request.lines().size(); i++) {
      requireOwn(
          "SELECT supplier_id FROM skus WHERE id = ?",
          request.lines().get(i).skuId(),
          supplier,
          "lines[" + i + "].skuId",
          "SKU");
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO stock_documents (kind, status, location_id, reference)"
                + " VALUES ('receipt', 'posted', ?, ?) RETURNING id",
            Long.class,
            request.locationId(),
            request.reference());
    List<Quantity> lines =
        IntStream.range(0, request.lines().size())
            .mapToObj(
                i ->
                    new Quantity(
                        i, request.lines().get(i).skuId(), request.lines().get(i).quantity()))
            .toList();
    for (Quantity line : lines) {
      jdbc.update(
          "INSERT INTO stock_document_lines (document_id, line_no, sku_id, quantity)"
              + " VALUES (?, ?, ?, ?)",
          id,
          line.index() + 1,
          line.skuId(),
          line.quantity());
    }
    stock.receive(request.locationId(), lines, "receipt", "receipt:" + id);
    return new Receipt(id, request.locationId(), request.reference(), request.lines());
  }

  /** Stock of the supplier's SKUs at its locations, optionally of one of them. */
  @Transactional(readOnly = true)
  List<StockLevel> levels(long supplier, Long locationId) {
    if (locationId != null) {
      requireOwnForRead(supplier, locationId);
    }
    return jdbc.query(
        "SELECT s.sku_id, k.code AS sku_code, s.location_id, l.code AS location_code,"
            + " s.on_hand, s.reserved FROM stock s JOIN locations l ON l.id = s.location_id"
            + " JOIN skus k ON k.id = s.sku_id WHERE l.supplier_id = ?"
            + " AND (?::bigint IS NULL OR s.location_id = ?) ORDER BY s.location_id, s.sku_id"
            + " LIMIT 5000",
        (rs, i) ->
            new StockLevel(
                rs.getLong("sku_id"),
                rs.getString("sku_code"),
                rs.getLong("location_id"),
                rs.getString("location_code"),
                rs.getInt("on_hand"),
                rs.getInt("reserved"),
                rs.getInt("on_hand") - rs.getInt("reserved")),
        supplier,
        locationId,
        locationId);
  }

  private void requireOwnForRead(long supplier, long locationId) {
    if (jdbc.queryForList(
            "SELECT 1 FROM locations WHERE id = ? AND supplier_id = ?", locationId, supplier)
        .isEmpty()) {
      throw ApiException.notFound("locationId", "no location " + locationId + " of yours");
    }
  }

  /** The thing must exist (422) and be the supplier's (403). */
  private void requireOwn(String sql, long id, long supplier, String field, String what) {
    List<Long> owner = jdbc.query(sql, (rs, i) -> rs.getObject(1, Long.class), id);
    if (owner.isEmpty()) {
      throw ApiException.unprocessable(field, "no " + what + " " + id);
    }
    if (owner.get(0) == null || owner.get(0) != supplier) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, field, what + " " + id + " is not this supplier's");
    }
  }
}
