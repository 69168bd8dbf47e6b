package io.chainstore.oltp.supplier;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.supplier.SupplierModels.OrderPart;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The chain's view of an order's parts: which are the suppliers', which have shipped. */
@RestController
@Tag(name = "Orders")
class OrderPartsController {

  private final JdbcTemplate jdbc;

  OrderPartsController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/api/orders/{orderId}/parts")
  @Operation(
      summary =
          "The parts of an order with supplier lines (empty for the chain's own orders): the"
              + " store's part and one per supplier, each with its lines and status")
  @Transactional(readOnly = true)
  List<OrderPart> orderParts(@PathVariable @Min(1) long orderId) {
    List<Map<String, Object>> order =
        jdbc.queryForList("SELECT store_id, channel FROM orders WHERE id = ?", orderId);
    if (order.isEmpty()) {
      throw ApiException.notFound("orderId", "no order " + orderId);
    }
    Caller caller = Caller.current();
    // The same visibility as the order itself: a store's staff see their store's, a storefront
    // sees no POS sale.
    caller.requireStore(((Number) order.get(0).get("store_id")).longValue(), "orderId");
    if (caller.is(Role.STOREFRONT) && "pos".equals(order.get(0).get("channel"))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "orderId", "a storefront sees no POS sales");
    }
    return jdbc.query(
        "SELECT f.*, ARRAY(SELECT l.line_no FROM order_lines l WHERE l.fulfilment_id = f.id"
            + " ORDER BY l.line_no) AS line_nos FROM order_fulfilments f WHERE f.order_id = ?"
            + " ORDER BY f.id",
        (rs, i) ->
            new OrderPart(
                rs.getLong("id"),
                rs.getObject("supplier_id", Long.class),
                rs.getLong("location_id"),
                rs.getString("ship_to"),
                rs.getString("status"),
                Fulfilments.utc(rs.getTimestamp("shipped_at")),
                Arrays.asList((Integer[]) rs.getArray("line_nos").getArray())),
        orderId);
  }
}
