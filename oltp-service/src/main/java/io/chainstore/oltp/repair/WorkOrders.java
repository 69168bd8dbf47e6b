package io.chainstore.oltp.repair;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.catalog.Prices;
import io.chainstore.oltp.order.PayRequest;
import io.chainstore.oltp.order.Tenders;
import io.chainstore.oltp.stock.StockService;
import io.chainstore.oltp.stock.StockService.Quantity;
import io.chainstore.oltp.web.ApiException;
import io.chainstore.oltp.web.Distinct;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a repair work order. Callers provide the transaction (IdempotentRequests), so the
 * order, its stock changes and the stored response commit together. Parts are reserved at the store
 * through StockService, like an order's lines: a part cannot be promised twice.
 */
@Service
class WorkOrders {

  private final JdbcTemplate jdbc;
  private final StockService stock;
  private final Prices prices;
  private final CodeAttempts attempts;

  WorkOrders(JdbcTemplate jdbc, StockService stock, Prices prices, CodeAttempts attempts) {
    this.jdbc = jdbc;
    this.stock = stock;
    this.prices = prices;
    this.attempts = attempts;
  }

  /** Opened by a technician, at the technician's store. */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder open(WorkOrderRequests.Open request, Caller caller) {
    if (request.memberId() != null
        && jdbc.queryForList("SELECT 1 FROM members WHERE id = ?", request.memberId()).isEmpty()) {
      throw ApiException.unprocessable("memberId", "no member " + request.memberId());
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO work_orders (store_id, technician_id, member_id, description)"
                + " VALUES (?, ?, ?, ?) RETURNING id",
            Long.class,
            caller.storeId(),
            caller.technicianId(),
            request.memberId(),
            request.description());
    return load(id);
  }

  /** Adds parts (reserved at the store now) and labour: a new version of the quote. */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder addLines(long id, WorkOrderRequests.AddLines request) {
    List<WorkOrderRequests.Line> lines = request.lines();
    Distinct.check(lines, WorkOrderRequests.Line::skuId, "lines", "skuId");
    LineShapes.check(lines);
    Head head = lockForChange(id);
    Quote.Changed changed = Quote.change(id, head.status(), head.version());
    List<Long> skuIds = new ArrayList<>();
    lines.stream().filter(l -> l.skuId() != null).forEach(l -> skuIds.add(l.skuId()));
    Map<Long, BigDecimal> unitPrices = prices.at(head.storeId(), skuIds);
    Map<Long, String> kinds = productKinds(skuIds);
    Map<Long, Integer> onOrder = partsOnOrder(id);
    int lineNo =
        jdbc.queryForObject(
            "SELECT coalesce(max(line_no), 0) FROM work_order_lines WHERE work_order_id = ?",
            Integer.class,
            id);
    List<Quantity> parts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      WorkOrderRequests.Line line = lines.get(i);
      lineNo++;
      if (line.kind().equals(WorkOrder.PART)) {
        long sku = line.skuId();
        String field = "lines[" + i + "].skuId";
        if (!unitPrices.containsKey(sku)) {
          throw ApiException.unprocessable(field, "no SKU " + sku);
        }
        if (!WorkOrder.PART.equals(kinds.get(sku))) {
          throw ApiException.unprocessable(
              field, "SKU " + sku + " is " + kinds.get(sku) + ", not a part");
        }
        if (onOrder.containsKey(sku)) {
          throw ApiException.conflict(
              field, "SKU " + sku + " is line " + onOrder.get(sku) + " already; remove it first");
        }
        BigDecimal unitPrice = unitPrices.get(sku);
        jdbc.update(
            "INSERT INTO work_order_lines (work_order_id, line_no, kind, sku_id, quantity,"
                + " unit_price, line_amount, added_in_version) VALUES (?, ?, 'part', ?, ?, ?, ?, ?)",
            id,
            lineNo,
            sku,
            line.quantity(),
            unitPrice,
            Quote.partAmount(unitPrice, line.quantity()),
            changed.version());
        parts.add(new Quantity(i, sku, line.quantity()));
      } else {
        jdbc.update(
            "INSERT INTO work_order_lines (work_order_id, line_no, kind, description, hours, rate,"
                + " line_amount, added_in_version) VALUES (?, ?, 'labour', ?, ?, ?, ?, ?)",
            id,
            lineNo,
            line.description(),
            line.hours(),
            line.rate(),
            Quote.labourAmount(line.amount(), line.hours(), line.rate()),
            changed.version());
      }
    }
    if (!parts.isEmpty()) {
      // 409 lines[i].quantity when the store has not that many available.
      stock.reserve(head.storeId(), parts, document(id));
    }
    return saveChange(id, changed);
  }

  /** Removes a line; a part's units become available again. A new version of the quote. */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder removeLine(long id, int lineNo) {
    Head head = lockForChange(id);
    Quote.Changed changed = Quote.change(id, head.status(), head.version());
    List<WorkOrder.Line> removed =
        jdbc.query(
            "DELETE FROM work_order_lines WHERE work_order_id = ? AND line_no = ? RETURNING *",
            (rs, i) -> line(rs),
            id,
            lineNo);
    if (removed.isEmpty()) {
      throw ApiException.notFound("lineNo", "work order " + id + " has no line " + lineNo);
    }
    WorkOrder.Line line = removed.get(0);
    if (line.kind().equals(WorkOrder.PART)) {
      stock.release(
          head.storeId(), List.of(new Quantity(0, line.skuId(), line.quantity())), document(id));
    }
    return saveChange(id, changed);
  }

  /**
   * A code for the customer to confirm the quote as it is now. A new code replaces the previous one
   * (only the newest counts).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder.Code issueCode(long id) {
    Head head = lockForChange(id);
    if (head.status() != WorkOrderStatus.OPEN) {
      throw ApiException.conflict(
          "status", "work order " + id + " is " + head.status().code() + ", not open");
    }
    if (jdbc.queryForList("SELECT 1 FROM work_order_lines WHERE work_order_id = ?", id).isEmpty()) {
      throw ApiException.unprocessable("lines", "the quote has no lines to confirm");
    }
    String code = ConfirmationCodes.newCode();
    Timestamp expiresAt =
        jdbc.queryForObject(
            "INSERT INTO work_order_codes (work_order_id, quote_version, code_hash, expires_at)"
                + " VALUES (?, ?, ?, now() + make_interval(mins => ?)) RETURNING expires_at",
            Timestamp.class,
            id,
            head.version(),
            ConfirmationCodes.hash(id, head.version(), code),
            ConfirmationCodes.VALID_MINUTES);
    BigDecimal total =
        jdbc.queryForObject(
            "SELECT total_amount FROM work_orders WHERE id = ?", BigDecimal.class, id);
    return new WorkOrder.Code(
        id, head.version(), total, code, utc(expiresAt), ConfirmationCodes.MAX_ATTEMPTS);
  }

  /**
   * The customer confirms the quote's current version with the newest code. A wrong code counts a
   * try (kept although the request is refused); a used, stale or expired code confirms nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder confirm(long id, String code, Caller caller) {
    Head head = lock(id);
    // The storefront confirms with the code alone (the code is the customer's proof); a
    // technician only at its own store.
    if (!caller.is(Role.STOREFRONT)) {
      caller.requireStore(head.storeId(), "workOrderId");
    }
    if (head.status() != WorkOrderStatus.OPEN) {
      throw ApiException.conflict(
          "status", "work order " + id + " is " + head.status().code() + ", not open");
    }
    record Row(long id, ConfirmationCodes.Stored stored) {}
    List<Row> newest =
        jdbc.query(
            "SELECT id, quote_version, code_hash, expires_at <= now() AS expired, attempts,"
                + " used_at IS NOT NULL AS used FROM work_order_codes WHERE work_order_id = ?"
                + " ORDER BY id DESC LIMIT 1",
            (rs, i) ->
                new Row(
                    rs.getLong("id"),
                    new ConfirmationCodes.Stored(
                        rs.getInt("quote_version"),
                        rs.getString("code_hash"),
                        rs.getBoolean("expired"),
                        rs.getInt("attempts"),
                        rs.getBoolean("used"))),
            id);
    if (newest.isEmpty()) {
      throw ApiException.unprocessable("code", "no code was issued for this work order");
    }
    Row row = newest.get(0);
    switch (ConfirmationCodes.check(row.stored(), id, head.version(), code)) {
      case CONFIRMS -> {
        jdbc.update("UPDATE work_order_codes SET used_at = now() WHERE id = ?", row.id());
        jdbc.update(
            "UPDATE work_orders SET status = 'confirmed', confirmed_version = quote_version,"
                + " confirmed_at = now(), updated_at = now() WHERE id = ? AND status = 'open'",
            id);
        return load(id);
      }
      case WRONG -> {
        int left = attempts.wrongTry(row.id());
        throw ApiException.unprocessable(
            "code",
            left > 0
                ? "wrong code; " + left + " tries left"
                : "wrong code; no tries left: ask the technician for a new code");
      }
      case USED -> throw ApiException.unprocessable("code", "this code was used already");
      case STALE ->
          throw ApiException.unprocessable(
              "code",
              "the code was for version "
                  + row.stored().version()
                  + " of the quote, which is now at version "
                  + head.version()
                  + ": ask for a new code");
      case TOO_MANY_TRIES ->
          throw ApiException.unprocessable(
              "code", "too many wrong tries: ask the technician for a new code");
      case EXPIRED ->
          throw ApiException.unprocessable("code", "the code has expired: ask for a new code");
    }
    throw new IllegalStateException("unreachable");
  }

  /** Pays a confirmed quote by the payment rules of the chain (Tenders, as a POS order is paid). */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder pay(long id, PayRequest request) {
    Head head = lockForChange(id);
    if (head.status() != WorkOrderStatus.CONFIRMED) {
      throw ApiException.conflict(
          "status",
          head.status() == WorkOrderStatus.OPEN && head.confirmedVersion() != null
              ? "the quote changed after version "
                  + head.confirmedVersion()
                  + " was confirmed: the customer must confirm version "
                  + head.version()
              : "work order "
                  + id
                  + " is "
                  + head.status().code()
                  + "; only a confirmed quote"
                  + " is paid");
    }
    BigDecimal total =
        jdbc.queryForObject(
            "SELECT total_amount FROM work_orders WHERE id = ?", BigDecimal.class, id);
    for (Tenders.Checked tender : Tenders.check(total, request, "card")) {
      jdbc.update(
          "INSERT INTO work_order_payments (work_order_id, seq, method, amount, tendered, change,"
              + " reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
          id,
          tender.seq(),
          tender.method(),
          tender.amount(),
          tender.tendered(),
          tender.change(),
          tender.reference());
    }
    moveTo(id, WorkOrderStatus.CONFIRMED, WorkOrderStatus.PAID, "paid_at");
    return load(id);
  }

  /** The repair is done: the reserved parts leave the store through the ledger. */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder complete(long id) {
    Head head = lockForChange(id);
    if (head.status() != WorkOrderStatus.PAID) {
      throw ApiException.conflict(
          "status", "work order " + id + " is " + head.status().code() + ", not paid");
    }
    List<Quantity> parts = parts(id);
    if (!parts.isEmpty()) {
      stock.commitReserved(head.storeId(), parts, document(id));
    }
    moveTo(id, WorkOrderStatus.PAID, WorkOrderStatus.COMPLETED, "completed_at");
    return load(id);
  }

  /** Cancels before payment; the reserved parts become available again. */
  @Transactional(propagation = Propagation.MANDATORY)
  WorkOrder cancel(long id) {
    Head head = lockForChange(id);
    if (!head.status().quoteEditable()) {
      throw ApiException.conflict(
          "status",
          head.status() == WorkOrderStatus.PAID
              ? "work order " + id + " is paid: it is completed, not cancelled"
              : "work order " + id + " is " + head.status().code() + " already");
    }
    List<Quantity> parts = parts(id);
    if (!parts.isEmpty()) {
      stock.release(head.storeId(), parts, document(id));
    }
    moveTo(id, head.status(), WorkOrderStatus.CANCELLED, "cancelled_at");
    return load(id);
  }

  @Transactional(readOnly = true)
  WorkOrder get(long id, Caller caller) {
    WorkOrder order = load(id);
    caller.requireStore(order.storeId(), "workOrderId");
    return order;
  }

  /** Work orders newest first; a store-bound caller sees its own store's only. */
  @Transactional(readOnly = true)
  List<WorkOrder> list(Long storeId, String status, int limit, int offset, Caller caller) {
    Long store = caller.scope(storeId, "storeId");
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM work_orders WHERE (?::bigint IS NULL OR store_id = ?)"
                + " AND (?::text IS NULL OR status = ?) ORDER BY id DESC LIMIT ? OFFSET ?",
            Long.class,
            store,
            store,
            status,
            status,
            limit,
            offset);
    return ids.stream().map(this::load).toList();
  }

  // ---- inside -------------------------------------------------------------------------------

  private record Head(
      long id, long storeId, WorkOrderStatus status, int version, Integer confirmedVersion) {}

  /** Locks the work order for a change by the caller, at the caller's store. */
  private Head lockForChange(long id) {
    Head head = lock(id);
    Caller.current().requireStore(head.storeId(), "workOrderId");
    return head;
  }

  // NO KEY UPDATE: lines and codes referring to the row can still be written meanwhile.
  private Head lock(long id) {
    List<Head> heads =
        jdbc.query(
            "SELECT id, store_id, status, quote_version, confirmed_version FROM work_orders"
                + " WHERE id = ? FOR NO KEY UPDATE",
            (rs, i) ->
                new Head(
                    rs.getLong("id"),
                    rs.getLong("store_id"),
                    WorkOrderStatus.fromCode(rs.getString("status")),
                    rs.getInt("quote_version"),
                    rs.getObject("confirmed_version", Integer.class)),
            id);
    if (heads.isEmpty()) {
      throw ApiException.notFound("workOrderId", "no work order " + id);
    }
    return heads.get(0);
  }

  /** Stores the new version and the totals of the lines as they are now. */
  private WorkOrder saveChange(long id, Quote.Changed changed) {
    Quote.Totals totals = Quote.totals(lines(id));
    jdbc.update(
        "UPDATE work_orders SET status = ?, quote_version = ?, parts_amount = ?,"
            + " labour_amount = ?, total_amount = ?, updated_at = now() WHERE id = ?",
        changed.status().code(),
        changed.version(),
        totals.parts(),
        totals.labour(),
        totals.total(),
        id);
    return load(id);
  }

  /** A conditional move: the row must still be in {@code from} (it is locked, so it is). */
  private void moveTo(long id, WorkOrderStatus from, WorkOrderStatus to, String stamp) {
    int moved =
        jdbc.update(
            "UPDATE work_orders SET status = ?, "
                + stamp
                + " = now(), updated_at = now() WHERE id = ? AND status = ?",
            to.code(),
            id,
            from.code());
    if (moved != 1) {
      throw new ApiException(
          HttpStatus.CONFLICT, "status", "work order " + id + " is no longer " + from.code());
    }
  }

  private Map<Long, String> productKinds(List<Long> skuIds) {
    Map<Long, String> kinds = new HashMap<>();
    if (skuIds.isEmpty()) {
      return kinds;
    }
    jdbc.query(
        connection -> {
          var ps =
              connection.prepareStatement(
                  "SELECT k.id, p.kind FROM skus k JOIN products p ON p.id = k.product_id"
                      + " WHERE k.id = ANY (?)");
          ps.setArray(1, connection.createArrayOf("bigint", skuIds.toArray()));
          return ps;
        },
        rs -> {
          kinds.put(rs.getLong(1), rs.getString(2));
        });
    return kinds;
  }

  /** The parts already on the order: SKU to line number. */
  private Map<Long, Integer> partsOnOrder(long id) {
    Map<Long, Integer> out = new HashMap<>();
    jdbc.query(
        "SELECT sku_id, line_no FROM work_order_lines WHERE work_order_id = ? AND kind = 'part'",
        rs -> {
          out.put(rs.getLong(1), rs.getInt(2));
        },
        id);
    return out;
  }

  private List<Quantity> parts(long id) {
    List<Quantity> out = new ArrayList<>();
    for (WorkOrder.Line line : lines(id)) {
      if (line.kind().equals(WorkOrder.PART)) {
        out.add(new Quantity(line.lineNo() - 1, line.skuId(), line.quantity()));
      }
    }
    return out;
  }

  private static String document(long id) {
    return "workorder:" + id;
  }

  private List<WorkOrder.Line> lines(long id) {
    return jdbc.query(
        "SELECT * FROM work_order_lines WHERE work_order_id = ? ORDER BY line_no",
        (rs, i) -> line(rs),
        id);
  }

  private static WorkOrder.Line line(ResultSet rs) throws SQLException {
    return new WorkOrder.Line(
        rs.getInt("line_no"),
        rs.getString("kind"),
        rs.getObject("sku_id", Long.class),
        rs.getObject("quantity", Integer.class),
        rs.getBigDecimal("unit_price"),
        rs.getString("description"),
        rs.getBigDecimal("hours"),
        rs.getBigDecimal("rate"),
        rs.getBigDecimal("line_amount"),
        rs.getInt("added_in_version"));
  }

  private WorkOrder load(long id) {
    List<WorkOrder.Line> lines = lines(id);
    List<WorkOrder.Payment> payments =
        jdbc.query(
            "SELECT * FROM work_order_payments WHERE work_order_id = ? ORDER BY seq",
            (rs, i) ->
                new WorkOrder.Payment(
                    rs.getInt("seq"),
                    rs.getString("method"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("tendered"),
                    rs.getBigDecimal("change"),
                    rs.getString("reference")),
            id);
    List<WorkOrder> found =
        jdbc.query(
            "SELECT * FROM work_orders WHERE id = ?",
            (rs, i) ->
                new WorkOrder(
                    rs.getLong("id"),
                    rs.getLong("store_id"),
                    rs.getLong("technician_id"),
                    rs.getObject("member_id", Long.class),
                    rs.getString("description"),
                    WorkOrderStatus.fromCode(rs.getString("status")),
                    rs.getInt("quote_version"),
                    rs.getObject("confirmed_version", Integer.class),
                    rs.getBigDecimal("parts_amount"),
                    rs.getBigDecimal("labour_amount"),
                    rs.getBigDecimal("total_amount"),
                    lines,
                    payments,
                    utc(rs.getTimestamp("created_at")),
                    utc(rs.getTimestamp("confirmed_at")),
                    utc(rs.getTimestamp("paid_at")),
                    utc(rs.getTimestamp("completed_at")),
                    utc(rs.getTimestamp("cancelled_at"))),
            id);
    if (found.isEmpty()) {
      throw ApiException.notFound("workOrderId", "no work order " + id);
    }
    return found.get(0);
  }

  private static OffsetDateTime utc(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }
}
