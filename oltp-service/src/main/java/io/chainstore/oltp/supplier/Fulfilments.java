package io.chainstore.oltp.supplier;

import io.chainstore.oltp.stock.StockService;
import io.chainstore.oltp.stock.StockService.Quantity;
import io.chainstore.oltp.supplier.SupplierModels.Destination;
import io.chainstore.oltp.supplier.SupplierModels.Fulfilment;
import io.chainstore.oltp.supplier.SupplierModels.FulfilmentLine;
import io.chainstore.oltp.supplier.SupplierModels.Recipient;
import io.chainstore.oltp.web.ApiException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of an order that has supplier lines. At checkout each supplier's lines are reserved at
 * one of that supplier's locations and become that supplier's part; an online order's chain lines
 * become the store's part. Each part ships on its own; an online order is fulfilled when the last
 * part ships, a click-and-collect order can be picked up once every supplier part has arrived at
 * its store (reserved for it, through a receipt).
 */
@Service
public class Fulfilments {

  private final JdbcTemplate jdbc;
  private final StockService stock;

  Fulfilments(JdbcTemplate jdbc, StockService stock) {
    this.jdbc = jdbc;
    this.stock = stock;
  }

  /**
   * Splits a new order into parts when some of its SKUs are suppliers' (none: nothing happens) and
   * reserves each supplier's lines at a location of that supplier with all of them available (409
   * on the first line when none has). Returns the lines the store reserves itself.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Quantity> plan(
      long orderId, long storeId, boolean online, List<Quantity> lines, List<Long> supplierSkus) {
    if (supplierSkus.isEmpty()) {
      return lines;
    }
    Map<Long, Long> supplierOf = new java.util.HashMap<>();
    jdbc.query(
        "SELECT id, supplier_id FROM skus WHERE id = ANY (?::bigint[])",
        rs -> {
          supplierOf.put(rs.getLong("id"), rs.getLong("supplier_id"));
        },
        (Object) supplierSkus.toArray(Long[]::new));
    OrderParts parts = OrderParts.split(lines, supplierOf);
    String shipTo = online ? "consumer" : "store";
    for (Map.Entry<Long, List<Quantity>> part : parts.bySupplier().entrySet()) {
      List<Quantity> partLines = part.getValue();
      Long location = locationWithAll(part.getKey(), partLines);
      if (location == null) {
        Quantity first = partLines.get(0);
        throw ApiException.conflict(
            "lines[" + first.index() + "].quantity",
            "no location of the supplier of SKU " + first.skuId() + " has these lines available");
      }
      newPart(orderId, part.getKey(), location, shipTo, partLines);
      stock.reserve(location, partLines, "order:" + orderId);
    }
    if (online && !parts.chain().isEmpty()) {
      newPart(orderId, null, storeId, "consumer", parts.chain());
    }
    return parts.chain();
  }

  /** The supplier's location (lowest id first) where every line is available now, if any. */
  private Long locationWithAll(long supplier, List<Quantity> lines) {
    List<Long> found =
        jdbc.queryForList(
            "SELECT l.id FROM locations l WHERE l.supplier_id = ? AND NOT EXISTS ("
                + " SELECT 1 FROM unnest(?::bigint[], ?::integer[]) AS b (sku, qty)"
                + " LEFT JOIN stock s ON s.sku_id = b.sku AND s.location_id = l.id"
                + " WHERE coalesce(s.on_hand - s.reserved, 0) < b.qty) ORDER BY l.id LIMIT 1",
            Long.class,
            supplier,
            lines.stream().map(Quantity::skuId).toArray(Long[]::new),
            lines.stream().map(Quantity::quantity).toArray(Integer[]::new));
    return found.isEmpty() ? null : found.get(0);
  }

  private long newPart(
      long orderId, Long supplier, long location, String shipTo, List<Quantity> lines) {
    long id =
        jdbc.queryForObject(
            "INSERT INTO order_fulfilments (order_id, supplier_id, location_id, ship_to)"
                + " VALUES (?, ?, ?, ?) RETURNING id",
            Long.class,
            orderId,
            supplier,
            location,
            shipTo);
    jdbc.update(
        "UPDATE order_lines SET fulfilment_id = ? WHERE order_id = ? AND line_no = ANY (?::integer[])",
        id,
        orderId,
        lines.stream().map(l -> l.index() + 1).toArray(Integer[]::new));
    return id;
  }

  /** The line numbers of the order that suppliers fulfil (empty for a chain-only order). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<Integer> supplierLines(long orderId) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT l.line_no FROM order_lines l JOIN order_fulfilments f ON f.id = l.fulfilment_id"
                + " WHERE l.order_id = ? AND f.supplier_id IS NOT NULL",
            Integer.class,
            orderId));
  }

  /** True when some part of the order has shipped (it cannot be cancelled any more, if online). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean anyShipped(long orderId) {
    return !jdbc.queryForList(
            "SELECT 1 FROM order_fulfilments WHERE order_id = ? AND status = 'shipped'", orderId)
        .isEmpty();
  }

  /** True when some supplier part of the order has not shipped yet. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean supplierPartsOpen(long orderId) {
    return !jdbc.queryForList(
            "SELECT 1 FROM order_fulfilments WHERE order_id = ? AND supplier_id IS NOT NULL"
                + " AND status = 'open'",
            orderId)
        .isEmpty();
  }

  /**
   * The order is cancelled: each open supplier part releases its reservation at its location, and
   * every open part is cancelled. Returns the line numbers released here (the store releases or
   * restocks the rest).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<Integer> cancelOpenParts(long orderId) {
    Set<Integer> released = new HashSet<>();
    Map<Long, Long> openSupplierParts = new LinkedHashMap<>();
    jdbc.query(
        "SELECT id, location_id FROM order_fulfilments WHERE order_id = ? AND status = 'open'"
            + " AND supplier_id IS NOT NULL ORDER BY id",
        rs -> {
          openSupplierParts.put(rs.getLong("id"), rs.getLong("location_id"));
        },
        orderId);
    for (Map.Entry<Long, Long> part : openSupplierParts.entrySet()) {
      List<Quantity> lines = partLines(part.getKey());
      stock.release(part.getValue(), lines, "order:" + orderId);
      lines.forEach(l -> released.add(l.index() + 1));
    }
    jdbc.update(
        "UPDATE order_fulfilments SET status = 'cancelled', updated_at = now()"
            + " WHERE order_id = ? AND status = 'open'",
        orderId);
    return released;
  }

  /**
   * The store hands over its part of an online order that has supplier parts. Returns true when
   * that was the last part; 409 when the store has no open part.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean shipChainPart(long orderId) {
    int shipped =
        jdbc.update(
            "UPDATE order_fulfilments SET status = 'shipped', shipped_at = now(), updated_at = now()"
                + " WHERE order_id = ? AND supplier_id IS NULL AND status = 'open'",
            orderId);
    if (shipped == 0) {
      throw ApiException.conflict(
          "status",
          "order " + orderId + " has no open part of the store's: its suppliers ship the rest");
    }
    return allShipped(orderId);
  }

  private boolean allShipped(long orderId) {
    return jdbc.queryForList(
            "SELECT 1 FROM order_fulfilments WHERE order_id = ? AND status <> 'shipped'", orderId)
        .isEmpty();
  }

  /**
   * The supplier ships its part: the reserved units leave its location; to the consumer that is all
   * (an online order whose parts have all shipped is fulfilled), to a store they arrive there
   * through a receipt, reserved for the order until it is picked up. The units are owed to the
   * supplier at their cost price now.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Fulfilment ship(long id, long supplier) {
    // The order first, as the order endpoints lock it, so the two never deadlock.
    List<Map<String, Object>> order =
        jdbc.queryForList(
            "SELECT o.id, o.status, o.store_id FROM orders o JOIN order_fulfilments f"
                + " ON f.order_id = o.id WHERE f.id = ? AND f.supplier_id = ? FOR UPDATE OF o",
            id,
            supplier);
    if (order.isEmpty()) {
      throw ApiException.notFound("fulfilmentId", "no fulfilment " + id + " of yours");
    }
    long orderId = ((Number) order.get(0).get("id")).longValue();
    long storeId = ((Number) order.get(0).get("store_id")).longValue();
    String orderStatus = (String) order.get(0).get("status");
    Map<String, Object> part =
        jdbc.queryForMap(
            "SELECT status, location_id, ship_to FROM order_fulfilments WHERE id = ? FOR UPDATE",
            id);
    if (!"open".equals(part.get("status"))) {
      throw ApiException.conflict("status", "fulfilment " + id + " is " + part.get("status"));
    }
    if (!"paid".equals(orderStatus)) {
      throw ApiException.conflict(
          "status", "order " + orderId + " is " + orderStatus + ": ship once it is paid");
    }
    long location = ((Number) part.get("location_id")).longValue();
    List<Quantity> lines = partLines(id);
    stock.commitReserved(location, lines, "fulfilment:" + id);
    Long receipt = null;
    if ("store".equals(part.get("ship_to"))) {
      receipt =
          jdbc.queryForObject(
              "INSERT INTO stock_documents (kind, status, location_id, reference)"
                  + " VALUES ('receipt', 'posted', ?, ?) RETURNING id",
              Long.class,
              storeId,
              "fulfilment:" + id);
      jdbc.update(
          "INSERT INTO stock_document_lines (document_id, line_no, sku_id, quantity)"
              + " SELECT ?, row_number() OVER (ORDER BY line_no), sku_id, quantity"
              + " FROM order_lines WHERE fulfilment_id = ?",
          receipt,
          id);
      stock.receiveReserved(storeId, lines, "receipt:" + receipt);
    }
    jdbc.update(
        "UPDATE order_fulfilments SET status = 'shipped', shipped_at = now(), receipt_id = ?,"
            + " updated_at = now() WHERE id = ?",
        receipt,
        id);
    jdbc.update(
        "INSERT INTO supplier_ledger (supplier_id, kind, fulfilment_id, order_id, line_no, sku_id,"
            + " quantity, unit_cost, amount)"
            + " SELECT ?, 'shipped', l.fulfilment_id, l.order_id, l.line_no, l.sku_id, l.quantity,"
            + " k.cost_price, k.cost_price * l.quantity"
            + " FROM order_lines l JOIN skus k ON k.id = l.sku_id WHERE l.fulfilment_id = ?",
        supplier,
        id);
    if ("consumer".equals(part.get("ship_to")) && allShipped(orderId)) {
      jdbc.update(
          "UPDATE orders SET status = 'fulfilled', fulfilled_at = now(), updated_at = now()"
              + " WHERE id = ? AND status = 'paid'",
          orderId);
    }
    return get(id, supplier);
  }

  /** The supplier's parts, newest first, optionally of one status. */
  @Transactional(readOnly = true)
  List<Fulfilment> list(long supplier, String status, int limit, int offset) {
    return jdbc
        .queryForList(
            "SELECT id FROM order_fulfilments WHERE supplier_id = ?"
                + " AND (?::text IS NULL OR status = ?) ORDER BY id DESC LIMIT ? OFFSET ?",
            Long.class,
            supplier,
            status,
            status,
            limit,
            offset)
        .stream()
        .map(id -> get(id, supplier))
        .toList();
  }

  /** One of the supplier's parts (404 for anyone else's). */
  @Transactional(readOnly = true)
  Fulfilment get(long id, long supplier) {
    List<Fulfilment> found =
        jdbc.query(
            "SELECT f.*, o.channel, o.store_id, m.name AS member_name, m.phone AS member_phone,"
                + " s.code AS store_code, s.name AS store_name"
                + " FROM order_fulfilments f JOIN orders o ON o.id = f.order_id"
                + " JOIN locations s ON s.id = o.store_id"
                + " LEFT JOIN members m ON m.id = o.member_id"
                + " WHERE f.id = ? AND f.supplier_id = ?",
            (rs, i) -> {
              boolean toStore = "store".equals(rs.getString("ship_to"));
              return new Fulfilment(
                  rs.getLong("id"),
                  rs.getLong("order_id"),
                  rs.getString("status"),
                  rs.getString("ship_to"),
                  rs.getLong("location_id"),
                  toStore || rs.getString("member_name") == null
                      ? null
                      : new Recipient(rs.getString("member_name"), rs.getString("member_phone")),
                  toStore
                      ? new Destination(
                          rs.getLong("store_id"),
                          rs.getString("store_code"),
                          rs.getString("store_name"))
                      : null,
                  rs.getObject("receipt_id", Long.class),
                  utc(rs.getTimestamp("created_at")),
                  utc(rs.getTimestamp("shipped_at")),
                  lines(id));
            },
            id,
            supplier);
    if (found.isEmpty()) {
      throw ApiException.notFound("fulfilmentId", "no fulfilment " + id + " of yours");
    }
    return found.get(0);
  }

  private List<FulfilmentLine> lines(long part) {
    return jdbc.query(
        "SELECT l.line_no, l.sku_id, k.code, k.name, l.quantity FROM order_lines l"
            + " JOIN skus k ON k.id = l.sku_id WHERE l.fulfilment_id = ? ORDER BY l.line_no",
        (rs, i) ->
            new FulfilmentLine(
                rs.getInt("line_no"),
                rs.getLong("sku_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("quantity")),
        part);
  }

  /** The part's lines as stock quantities (index: line number - 1). */
  private List<Quantity> partLines(long part) {
    return jdbc.query(
        "SELECT line_no, sku_id, quantity FROM order_lines WHERE fulfilment_id = ? ORDER BY line_no",
        (rs, i) ->
            new Quantity(rs.getInt("line_no") - 1, rs.getLong("sku_id"), rs.getInt("quantity")),
        part);
  }

  static OffsetDateTime utc(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }
}
