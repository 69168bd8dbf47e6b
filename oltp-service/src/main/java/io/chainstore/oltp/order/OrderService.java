package io.chainstore.oltp.order;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.catalog.Prices;
import io.chainstore.oltp.catalog.ServiceSpec;
import io.chainstore.oltp.coupon.CouponTerms;
import io.chainstore.oltp.coupon.Coupons;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.member.MemberPoints;
import io.chainstore.oltp.stock.StockService;
import io.chainstore.oltp.stock.StockService.Quantity;
import io.chainstore.oltp.supplier.Fulfilments;
import io.chainstore.oltp.supplier.SupplierLedger;
import io.chainstore.oltp.web.ApiException;
import io.chainstore.oltp.web.Distinct;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order lifecycle. Callers provide the transaction (see IdempotentRequests), so the order, its
 * stock changes and the stored idempotent response commit together or not at all.
 */
@Service
class OrderService {

  private final JdbcTemplate jdbc;
  private final StockService stock;
  private final Prices prices;
  private final MemberPoints points;
  private final Coupons coupons;
  private final Locations locations;
  private final Fulfilments fulfilments;
  private final SupplierLedger supplierLedger;
  private final int pickupHoldHours;
  private final ApplicationEventPublisher events;

  OrderService(
      JdbcTemplate jdbc,
      StockService stock,
      Prices prices,
      MemberPoints points,
      Coupons coupons,
      Locations locations,
      Fulfilments fulfilments,
      SupplierLedger supplierLedger,
      @Value("${chainstore.pickup-hold-hours:48}") int pickupHoldHours,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.stock = stock;
    this.prices = prices;
    this.points = points;
    this.coupons = coupons;
    this.locations = locations;
    this.fulfilments = fulfilments;
    this.supplierLedger = supplierLedger;
    this.pickupHoldHours = pickupHoldHours;
    this.events = events;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order create(CreateOrderRequest request) {
    Distinct.check(request.lines(), CreateOrderRequest.Line::skuId, "lines", "skuId");
    OrderAccess.checkCreate(Caller.current(), request);
    if (request.channel() == Channel.ONLINE) {
      // Online orders ship from a store or from a warehouse (never a supplier's location: a
      // supplier's SKUs ship from there as the supplier's part of the order).
      if (locations.kind(request.storeId()).filter(k -> !k.equals("supplier")).isEmpty()) {
        throw ApiException.unprocessable("storeId", "no location " + request.storeId());
      }
    } else {
      requireStore(request.storeId());
    }
    BigDecimal memberDiscountPercent = BigDecimal.ZERO;
    if (request.memberId() != null) {
      memberDiscountPercent = points.terms(request.memberId(), "memberId").discountPercent();
    } else if (request.points() > 0) {
      throw ApiException.unprocessable("pointsToRedeem", "only a member can redeem points");
    }
    CouponTerms coupon =
        request.couponCode() == null
            ? null
            : coupons.check(
                request.couponCode(),
                request.memberId(),
                request.channel() == Channel.POS ? "store" : "online",
                Instant.now());
    Map<Long, Prices.Quote> quotes = quotesOf(request.storeId(), request.lines());
    Map<Long, BigDecimal> prices = new HashMap<>();
    quotes.forEach((sku, quote) -> prices.put(sku, quote.price()));
    OrderPricing.Priced priced =
        OrderPricing.price(
            request.lines(),
            prices,
            memberDiscountPercent,
            coupon,
            request.points(),
            MemberPoints.POINT_VALUE);

    Inserted inserted = insert(request, priced, coupon);
    long id = inserted.id();
    // Services are performed, not stocked: only goods and parts lines reserve units. Online and
    // click-and-collect lines of suppliers' SKUs are reserved at the suppliers' own locations; a
    // POS sale sells what is on the store's shelf, whoever supplied it.
    List<Quantity> stocked = quantities(request, quotes);
    List<Quantity> atStore =
        request.channel() == Channel.POS
            ? stocked
            : fulfilments.plan(
                id,
                request.storeId(),
                request.channel() == Channel.ONLINE,
                stocked,
                inserted.supplierSkus());
    if (!atStore.isEmpty()) {
      stock.reserve(request.storeId(), atStore, "order:" + id);
    }
    if (coupon != null) {
      coupons.reserve(coupon.couponId(), id);
    }
    if (request.memberId() != null) {
      points.redeem(request.memberId(), priced.pointsRedeemed(), id);
    }
    // Everything the new order holds is known here: no need to read it back.
    return new Order(
        id,
        request.storeId(),
        request.channel(),
        request.memberId(),
        OrderStatus.CREATED,
        priced.subtotal(),
        priced.memberDiscount(),
        coupon == null ? null : coupon.couponId(),
        priced.couponDiscount(),
        priced.pointsDiscount(),
        priced.pointsRedeemed(),
        0,
        priced.total(),
        priced.units(),
        inserted.createdAt(),
        null,
        null,
        null,
        null,
        inserted.pickupExpiresAt(),
        BigDecimal.ZERO.setScale(2),
        0,
        priced.lines().stream().map(l -> l.describedBy(quotes.get(l.skuId()))).toList());
  }

  private record Inserted(
      long id, OffsetDateTime createdAt, OffsetDateTime pickupExpiresAt, List<Long> supplierSkus) {}

  /** Inserts the order and its lines in one statement (one round trip of the checkout). */
  private Inserted insert(
      CreateOrderRequest request, OrderPricing.Priced priced, CouponTerms coupon) {
    List<Order.OrderLine> lines = priced.lines();
    return jdbc.query(
        connection -> {
          PreparedStatement ps =
              connection.prepareStatement(
                  "WITH o AS (INSERT INTO orders (store_id, channel, member_id, status,"
                      + " subtotal_amount, member_discount, coupon_id, coupon_discount,"
                      + " points_discount, points_redeemed, total_amount, total_units,"
                      + " pickup_expires_at)"
                      + " VALUES (?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " CASE WHEN ? THEN now() + make_interval(hours => ?) END)"
                      + " RETURNING id, created_at, pickup_expires_at),"
                      + " l AS (INSERT INTO order_lines (order_id, line_no, sku_id, quantity,"
                      + " unit_price, line_amount, product_kind)"
                      + " SELECT o.id, x.*, p.kind FROM o, unnest(?::integer[], ?::bigint[],"
                      + " ?::integer[], ?::numeric[], ?::numeric[])"
                      + " AS x (line_no, sku_id, quantity, unit_price, line_amount)"
                      + " JOIN skus k ON k.id = x.sku_id JOIN products p ON p.id = k.product_id)"
                      + " SELECT id, created_at, pickup_expires_at, ARRAY(SELECT k.id FROM skus k"
                      + " WHERE k.id = ANY (?::bigint[]) AND k.supplier_id IS NOT NULL)"
                      + " AS supplier_skus FROM o");
          Object[] args = {
            request.storeId(),
            request.channel().code(),
            request.memberId(),
            priced.subtotal(),
            priced.memberDiscount(),
            coupon == null ? null : coupon.couponId(),
            priced.couponDiscount(),
            priced.pointsDiscount(),
            priced.pointsRedeemed(),
            priced.total(),
            priced.units(),
            request.channel() == Channel.PICKUP,
            pickupHoldHours,
            array(connection, "integer", lines, Order.OrderLine::lineNo),
            array(connection, "bigint", lines, Order.OrderLine::skuId),
            array(connection, "integer", lines, Order.OrderLine::quantity),
            array(connection, "numeric", lines, Order.OrderLine::unitPrice),
            array(connection, "numeric", lines, Order.OrderLine::lineAmount),
            array(connection, "bigint", lines, Order.OrderLine::skuId)
          };
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          return ps;
        },
        rs -> {
          rs.next();
          return new Inserted(
              rs.getLong("id"),
              utc(rs.getTimestamp("created_at")),
              utc(rs.getTimestamp("pickup_expires_at")),
              List.of((Long[]) rs.getArray("supplier_skus").getArray()));
        });
  }

  private static Array array(
      Connection connection,
      String type,
      List<Order.OrderLine> lines,
      Function<Order.OrderLine, Object> field)
      throws SQLException {
    return connection.createArrayOf(type, lines.stream().map(field).toArray());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order pay(long orderId, PayRequest request) {
    Order order = lockForChange(orderId);
    if (order.status() != OrderStatus.CREATED) {
      throw ApiException.conflict(
          "status", "order " + orderId + " is " + order.status().code() + ", not created");
    }
    recordPayments(order, request);
    moveTo(orderId, OrderStatus.PAID, "paid_at");
    // Click-and-collect keeps its units reserved at the store until the customer collects them.
    if (order.channel() != Channel.PICKUP) {
      // Suppliers' lines stay reserved at their locations until each supplier ships its part.
      List<Quantity> atStore = except(quantities(order), fulfilments.supplierLines(orderId));
      if (!atStore.isEmpty()) {
        stock.commitReserved(order.storeId(), atStore, "order:" + orderId);
      }
    }
    if (order.couponId() != null) {
      coupons.redeem(order.couponId(), orderId);
    }
    if (order.memberId() != null) {
      int earned = points.earn(order.memberId(), order.totalAmount(), orderId);
      jdbc.update("UPDATE orders SET points_earned = ? WHERE id = ?", earned, orderId);
    }
    events.publishEvent(new OrderPaid(orderId));
    return load(orderId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order cancel(long orderId) {
    return cancel(lockForChange(orderId));
  }

  /** Cancels before fulfilment: releases or restocks, returns coupon and points, refunds. */
  private Order cancel(Order order) {
    long orderId = order.id();
    String document = "order:" + orderId;
    if (order.status() == OrderStatus.PAID
        && order.channel() == Channel.ONLINE
        && fulfilments.anyShipped(orderId)) {
      throw ApiException.conflict(
          "status", "part of order " + orderId + " has shipped; return its items instead");
    }
    // Open supplier parts give their units back at the suppliers' locations; what is left is at
    // the store (a supplier part delivered for collection is reserved there).
    List<Quantity> atStore =
        order.status() == OrderStatus.CREATED || order.status() == OrderStatus.PAID
            ? except(quantities(order), fulfilments.cancelOpenParts(orderId))
            : List.of();
    switch (order.status()) {
      case CREATED -> {
        release(order.storeId(), atStore, document);
        if (order.couponId() != null) {
          coupons.release(order.couponId(), orderId);
        }
      }
      case PAID -> {
        if (order.channel() == Channel.PICKUP) {
          release(order.storeId(), atStore, document);
        } else if (!atStore.isEmpty()) {
          stock.restock(order.storeId(), atStore, document);
        }
      }
      case FULFILLED, PICKED_UP, COMPLETED ->
          throw ApiException.conflict(
              "status", "order " + orderId + " was handed over; return its items instead");
      case CANCELLED, RETURNED ->
          throw ApiException.conflict(
              "status", "order " + orderId + " is already " + order.status().code());
    }
    if (order.memberId() != null) {
      points.returnRedeemed(order.memberId(), order.pointsRedeemed(), orderId);
      if (order.status() == OrderStatus.PAID) {
        points.reverseEarned(order.memberId(), order.pointsEarned(), order.totalAmount(), orderId);
      }
    }
    if (order.status() == OrderStatus.PAID) {
      events.publishEvent(
          new OrderRefunded(
              orderId,
              null,
              order.lines().stream()
                  .map(l -> new OrderRefunded.Line(l.lineNo(), BigDecimal.ZERO, true))
                  .toList()));
    }
    moveTo(orderId, OrderStatus.CANCELLED, "cancelled_at");
    // Bookings this order paid for are cancelled with it, in the same transaction.
    events.publishEvent(new OrderCancelled(orderId));
    return load(orderId);
  }

  /** Checks the tenders by the chain's payment rules (Tenders) and stores them. */
  private void recordPayments(Order order, PayRequest request) {
    for (Tenders.Checked tender :
        Tenders.check(
            order.totalAmount(), request, order.channel() == Channel.POS ? "card" : "online")) {
      jdbc.update(
          "INSERT INTO order_payments (order_id, seq, method, amount, tendered, change, reference)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          order.id(),
          tender.seq(),
          tender.method(),
          tender.amount(),
          tender.tendered(),
          tender.change(),
          tender.reference());
    }
  }

  /** Online and POS orders: handed over (shipped or carried out). */
  @Transactional(propagation = Propagation.MANDATORY)
  Order fulfil(long orderId) {
    Order order = lockForHandling(orderId);
    if (order.channel() == Channel.PICKUP) {
      throw ApiException.conflict(
          "channel", "a click-and-collect order is picked up, not fulfilled");
    }
    requireStatus(order, OrderStatus.PAID);
    // An order with supplier parts is fulfilled when its last part ships: the store's may be first.
    if (order.channel() == Channel.ONLINE && !fulfilments.supplierLines(orderId).isEmpty()) {
      if (!fulfilments.shipChainPart(orderId)) {
        return load(orderId);
      }
    }
    moveTo(orderId, OrderStatus.FULFILLED, "fulfilled_at");
    return load(orderId);
  }

  /** Click-and-collect: the customer collects; the reserved units leave the store now. */
  @Transactional(propagation = Propagation.MANDATORY)
  Order pickUp(long orderId) {
    Order order = lockForHandling(orderId);
    if (order.channel() != Channel.PICKUP) {
      throw ApiException.conflict("channel", "only click-and-collect orders are picked up");
    }
    requireStatus(order, OrderStatus.PAID);
    if (fulfilments.supplierPartsOpen(orderId)) {
      throw ApiException.conflict(
          "status", "order " + orderId + " still waits for a supplier's part to reach the store");
    }
    stock.commitReserved(order.storeId(), quantities(order), "order:" + orderId);
    moveTo(orderId, OrderStatus.PICKED_UP, "fulfilled_at");
    return load(orderId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Order complete(long orderId) {
    Order order = lockForHandling(orderId);
    if (order.status() != OrderStatus.FULFILLED && order.status() != OrderStatus.PICKED_UP) {
      throw ApiException.conflict(
          "status", "order " + orderId + " is " + order.status().code() + ", not handed over");
    }
    moveTo(orderId, OrderStatus.COMPLETED, "completed_at");
    return load(orderId);
  }

  /**
   * Takes units back after hand-over: stock returns at the returning store, the refund is the
   * units' share of what was paid (OrderPricing.refund), earned points are taken back in the same
   * proportion; the order is returned once every unit is back.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Order returnItems(long orderId, ReturnRequest request) {
    Distinct.check(request.lines(), ReturnRequest.Line::lineNo, "lines", "lineNo");
    Order order = lockForChange(orderId);
    long store = request.storeId() == null ? order.storeId() : request.storeId();
    Caller.current().requireStore(store, "storeId");
    requireStore(store);
    if (!order.status().handedOver()) {
      throw ApiException.conflict(
          "status",
          "order "
              + orderId
              + " is "
              + order.status().code()
              + "; only handed-over orders take returns");
    }
    int units = 0;
    for (int i = 0; i < request.lines().size(); i++) {
      ReturnRequest.Line line = request.lines().get(i);
      if (line.lineNo() > order.lines().size()) {
        throw ApiException.unprocessable(
            "lines[" + i + "].lineNo", "the order has no line " + line.lineNo());
      }
      Order.OrderLine ordered = order.lines().get(line.lineNo() - 1);
      if (line.quantity() > ordered.quantity() - ordered.returnedQuantity()) {
        throw ApiException.unprocessable(
            "lines[" + i + "].quantity",
            "only "
                + (ordered.quantity() - ordered.returnedQuantity())
                + " units of line "
                + line.lineNo()
                + " can come back");
      }
      units += line.quantity();
    }
    boolean last = order.returnedUnits() + units == order.totalUnits();
    long returnId =
        jdbc.queryForObject(
            "INSERT INTO order_returns (order_id, store_id, refund_amount) VALUES (?, ?, 0) RETURNING id",
            Long.class,
            orderId,
            store);
    BigDecimal refunded = order.refundedAmount();
    BigDecimal refund = BigDecimal.ZERO.setScale(2);
    List<Quantity> back = new ArrayList<>();
    List<OrderRefunded.Line> refundedLines = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      ReturnRequest.Line line = request.lines().get(i);
      Order.OrderLine ordered = order.lines().get(line.lineNo() - 1);
      boolean lastLine = last && i == request.lines().size() - 1;
      BigDecimal lineRefund =
          OrderPricing.refund(
              ordered,
              line.quantity(),
              order.subtotalAmount(),
              order.totalAmount(),
              refunded,
              lastLine);
      refunded = refunded.add(lineRefund);
      refund = refund.add(lineRefund);
      jdbc.update(
          "INSERT INTO order_return_lines (return_id, order_id, line_no, quantity, refund_amount)"
              + " VALUES (?, ?, ?, ?, ?)",
          returnId,
          orderId,
          line.lineNo(),
          line.quantity(),
          lineRefund);
      jdbc.update(
          "UPDATE order_lines SET returned_quantity = returned_quantity + ? WHERE order_id = ? AND line_no = ?",
          line.quantity(),
          orderId,
          line.lineNo());
      if (ordered.stocked()) {
        back.add(new Quantity(i, ordered.skuId(), line.quantity()));
      }
      refundedLines.add(
          new OrderRefunded.Line(
              line.lineNo(),
              lineRefund,
              ordered.returnedQuantity() + line.quantity() == ordered.quantity()));
    }
    jdbc.update("UPDATE order_returns SET refund_amount = ? WHERE id = ?", refund, returnId);
    supplierLedger.reverseReturned(
        returnId,
        orderId,
        request.lines().stream().map(ReturnRequest.Line::lineNo).toArray(Integer[]::new),
        request.lines().stream().map(ReturnRequest.Line::quantity).toArray(Integer[]::new));
    stock.receive(store, back, "return", "return:" + returnId);
    jdbc.update(
        "UPDATE orders SET refunded_amount = refunded_amount + ?, returned_units = returned_units + ?,"
            + " status = CASE WHEN ? THEN 'returned' ELSE status END, updated_at = now() WHERE id = ?",
        refund,
        units,
        last,
        orderId);
    if (order.memberId() != null) {
      // The refund leaves the member's spend whether or not the order earned points.
      int share =
          order.totalAmount().signum() == 0
              ? 0
              : refund
                  .multiply(BigDecimal.valueOf(order.pointsEarned()))
                  .divide(order.totalAmount(), 0, java.math.RoundingMode.DOWN)
                  .intValue();
      points.reverseEarned(order.memberId(), share, refund, orderId);
    }
    events.publishEvent(new OrderRefunded(orderId, returnId, refundedLines));
    return load(orderId);
  }

  /**
   * Cancels click-and-collect orders not collected in time, releasing their units (and refunding
   * the paid ones). Returns how many expired.
   */
  @Transactional
  public int expirePickups() {
    List<Long> expired =
        jdbc.queryForList(
            "SELECT id FROM orders WHERE channel = 'pickup' AND status IN ('created', 'paid')"
                + " AND pickup_expires_at < now() ORDER BY id FOR UPDATE SKIP LOCKED",
            Long.class);
    for (long id : expired) {
      cancel(load(id));
    }
    return expired.size();
  }

  @Transactional(readOnly = true)
  Order get(long orderId) {
    Order order = load(orderId);
    OrderAccess.checkRead(Caller.current(), order);
    return order;
  }

  private Order lockForChange(long orderId) {
    List<Long> locked =
        jdbc.queryForList("SELECT id FROM orders WHERE id = ? FOR UPDATE", Long.class, orderId);
    if (locked.isEmpty()) {
      throw ApiException.notFound("orderId", "no order " + orderId);
    }
    Order order = load(orderId);
    OrderAccess.checkChange(Caller.current(), order);
    return order;
  }

  /** Sets the status and stamps when the order got there. */
  private void moveTo(long orderId, OrderStatus status, String timestampColumn) {
    jdbc.update(
        "UPDATE orders SET status = ?, "
            + timestampColumn
            + " = now(), updated_at = now() WHERE id = ?",
        status.code(),
        orderId);
  }

  private Order lockForHandling(long orderId) {
    Order order = lockForChange(orderId);
    OrderAccess.checkHandle(Caller.current(), order);
    return order;
  }

  private static void requireStatus(Order order, OrderStatus status) {
    if (order.status() != status) {
      throw ApiException.conflict(
          "status",
          "order " + order.id() + " is " + order.status().code() + ", not " + status.code());
    }
  }

  private void requireStore(long storeId) {
    if (!locations.isStore(storeId)) {
      throw ApiException.unprocessable("storeId", "no store " + storeId);
    }
  }

  private Map<Long, Prices.Quote> quotesOf(long storeId, List<CreateOrderRequest.Line> lines) {
    Map<Long, Prices.Quote> prices =
        this.prices.quote(storeId, lines.stream().map(CreateOrderRequest.Line::skuId).toList());
    for (int i = 0; i < lines.size(); i++) {
      if (!prices.containsKey(lines.get(i).skuId())) {
        throw ApiException.unprocessable(
            "lines[" + i + "].skuId", "no SKU " + lines.get(i).skuId());
      }
    }
    return prices;
  }

  private Order load(long orderId) {
    List<Order.OrderLine> lines =
        jdbc.query(
            "SELECT l.line_no, l.sku_id, l.quantity, l.unit_price, l.line_amount,"
                + " l.returned_quantity, l.product_kind, s.area_tier, s.duration_minutes,"
                + " s.service_type FROM order_lines l LEFT JOIN service_specs s ON s.sku_id = l.sku_id"
                + " WHERE l.order_id = ? ORDER BY l.line_no",
            (rs, i) ->
                new Order.OrderLine(
                    rs.getInt("line_no"),
                    rs.getLong("sku_id"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("line_amount"),
                    rs.getInt("returned_quantity"),
                    rs.getString("product_kind"),
                    rs.getString("area_tier") == null
                        ? null
                        : new ServiceSpec(
                            rs.getString("area_tier"),
                            rs.getInt("duration_minutes"),
                            rs.getString("service_type"))),
            orderId);
    List<Order> orders =
        jdbc.query(
            "SELECT * FROM orders WHERE id = ?",
            (rs, i) ->
                new Order(
                    rs.getLong("id"),
                    rs.getLong("store_id"),
                    Channel.fromCode(rs.getString("channel")),
                    rs.getObject("member_id", Long.class),
                    OrderStatus.fromCode(rs.getString("status")),
                    rs.getBigDecimal("subtotal_amount"),
                    rs.getBigDecimal("member_discount"),
                    rs.getObject("coupon_id", Long.class),
                    rs.getBigDecimal("coupon_discount"),
                    rs.getBigDecimal("points_discount"),
                    rs.getInt("points_redeemed"),
                    rs.getInt("points_earned"),
                    rs.getBigDecimal("total_amount"),
                    rs.getInt("total_units"),
                    utc(rs.getTimestamp("created_at")),
                    utc(rs.getTimestamp("paid_at")),
                    utc(rs.getTimestamp("cancelled_at")),
                    utc(rs.getTimestamp("fulfilled_at")),
                    utc(rs.getTimestamp("completed_at")),
                    utc(rs.getTimestamp("pickup_expires_at")),
                    rs.getBigDecimal("refunded_amount"),
                    rs.getInt("returned_units"),
                    lines),
            orderId);
    if (orders.isEmpty()) {
      throw ApiException.notFound("orderId", "no order " + orderId);
    }
    return orders.get(0);
  }

  private static OffsetDateTime utc(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }

  /** The stocked lines of a basket (goods and parts). */
  private static List<Quantity> quantities(
      CreateOrderRequest request, Map<Long, Prices.Quote> quotes) {
    return IntStream.range(0, request.lines().size())
        .filter(i -> quotes.get(request.lines().get(i).skuId()).stocked())
        .mapToObj(
            i -> new Quantity(i, request.lines().get(i).skuId(), request.lines().get(i).quantity()))
        .toList();
  }

  private void release(long storeId, List<Quantity> lines, String document) {
    if (!lines.isEmpty()) {
      stock.release(storeId, lines, document);
    }
  }

  /** The lines but those numbered in {@code lineNos}. */
  private static List<Quantity> except(List<Quantity> lines, java.util.Set<Integer> lineNos) {
    return lineNos.isEmpty()
        ? lines
        : lines.stream().filter(l -> !lineNos.contains(l.index() + 1)).toList();
  }

  /** The stocked lines of an order: a service line never touches stock. */
  private static List<Quantity> quantities(Order order) {
    List<Quantity> out = new ArrayList<>();
    for (Order.OrderLine line : order.lines()) {
      if (line.stocked()) {
        out.add(new Quantity(line.lineNo() - 1, line.skuId(), line.quantity()));
      }
    }
    return out;
  }
}
