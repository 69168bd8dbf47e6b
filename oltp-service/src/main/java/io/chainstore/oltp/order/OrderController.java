package io.chainstore.oltp.order;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.location.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Checkout for online, click-and-collect and POS")
class OrderController {

  private final OrderService orders;
  private final IdempotentRequests idempotent;
  private final Locations locations;
  private final Receipts receipts;

  OrderController(
      OrderService orders, IdempotentRequests idempotent, Locations locations, Receipts receipts) {
    this.orders = orders;
    this.idempotent = idempotent;
    this.locations = locations;
    this.receipts = receipts;
  }

  record PickupStoresRequest(
      @NotNull @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 10)
          BigDecimal latitude,
      @NotNull @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 10)
          BigDecimal longitude,
      @NotNull @Size(min = 1, max = 200) List<CreateOrderRequest.@Valid @NotNull Line> lines,
      @Min(1) @Max(50) Integer limit) {}

  @AllowedRoles(anyRole = true)
  @PostMapping("/pickup-stores")
  @Operation(
      summary = "The nearest stores that can fulfil the whole basket now, for click-and-collect")
  List<Locations.Location> pickupStores(@Valid @RequestBody PickupStoresRequest request) {
    return locations.nearestStoresWith(
        request.latitude(),
        request.longitude(),
        request.lines().stream().map(CreateOrderRequest.Line::skuId).toArray(Long[]::new),
        request.lines().stream().map(CreateOrderRequest.Line::quantity).toArray(Integer[]::new),
        request.limit() == null ? 5 : request.limit());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.HQ_ADMIN})
  @PostMapping
  @Operation(summary = "Create an order and reserve its stock at the store")
  @ApiResponse(responseCode = "201", description = "Created; stock reserved")
  @ApiResponse(
      responseCode = "400",
      description = "Malformed or invalid request (problem+json naming the field)")
  @ApiResponse(responseCode = "409", description = "Not enough stock for a line")
  @ApiResponse(
      responseCode = "422",
      description = "Unknown store, member or SKU; or key reused for another request")
  ResponseEntity<Order> createOrder(
      @Parameter(description = "Retries with the same key return the first response")
          @RequestHeader(name = IdempotentRequests.HEADER, required = false)
          String idempotencyKey,
      @Valid @RequestBody CreateOrderRequest request) {
    return idempotent.run(
        "POST /api/orders",
        idempotencyKey,
        request,
        HttpStatus.CREATED,
        () -> orders.create(request));
  }

  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{orderId}/pay")
  @Operation(summary = "Pay a created order; reserved stock leaves the store")
  @ApiResponse(responseCode = "200", description = "Paid")
  @ApiResponse(responseCode = "409", description = "The order is not in status created")
  @ApiResponse(
      responseCode = "422",
      description =
          "The tenders do not add up to the total, or tenders for an order with nothing due")
  ResponseEntity<Order> payOrder(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId,
      @Valid @RequestBody(required = false) PayRequest request) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/pay",
        idempotencyKey,
        request == null ? orderId : request,
        HttpStatus.OK,
        () -> orders.pay(orderId, request));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/{orderId}/receipt")
  @Operation(summary = "The electronic receipt: lines with names, discounts, tenders and change")
  Receipts.Receipt getReceipt(@PathVariable long orderId) {
    return receipts.receipt(orders.get(orderId));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping(value = "/{orderId}/receipt.txt", produces = "text/plain;charset=UTF-8")
  @Operation(summary = "The receipt as printable text for a till printer")
  String printableReceipt(@PathVariable long orderId) {
    return Receipts.print(receipts.receipt(orders.get(orderId)));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping(value = "/{orderId}/receipt.html", produces = "text/html;charset=UTF-8")
  @Operation(summary = "The receipt as a printable HTML page, e.g. to e-mail to the customer")
  String htmlReceipt(@PathVariable long orderId) {
    return Receipts.html(receipts.receipt(orders.get(orderId)));
  }

  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{orderId}/cancel")
  @Operation(
      summary =
          "Cancel an order: a created order releases its reservation, a paid one is refunded and restocked")
  @ApiResponse(responseCode = "200", description = "Cancelled")
  @ApiResponse(
      responseCode = "409",
      description = "The order is already cancelled or was handed over")
  ResponseEntity<Order> cancelOrder(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/cancel",
        idempotencyKey,
        orderId,
        HttpStatus.OK,
        () -> orders.cancel(orderId));
  }

  @AllowedRoles({Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{orderId}/fulfil")
  @Operation(
      summary =
          "Hand over a paid online or POS order (shipped or carried out); the store's till or manager")
  ResponseEntity<Order> fulfil(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/fulfil",
        idempotencyKey,
        orderId,
        HttpStatus.OK,
        () -> orders.fulfil(orderId));
  }

  @AllowedRoles({Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{orderId}/pickup")
  @Operation(
      summary =
          "The customer collects a paid click-and-collect order; its reserved units leave the store")
  ResponseEntity<Order> pickUp(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/pickup",
        idempotencyKey,
        orderId,
        HttpStatus.OK,
        () -> orders.pickUp(orderId));
  }

  @AllowedRoles({Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{orderId}/complete")
  @Operation(summary = "Close a handed-over order")
  ResponseEntity<Order> complete(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/complete",
        idempotencyKey,
        orderId,
        HttpStatus.OK,
        () -> orders.complete(orderId));
  }

  @AllowedRoles({Role.STOREFRONT, Role.POS, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{orderId}/returns")
  @Operation(
      summary =
          "Return some or all units after hand-over: refund of their share of what was paid, stock back at the returning store")
  @ApiResponse(responseCode = "200", description = "The order after the return")
  @ApiResponse(
      responseCode = "422",
      description = "More units than can come back, or an unknown line")
  ResponseEntity<Order> returnItems(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId,
      @Valid @RequestBody ReturnRequest request) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/returns",
        idempotencyKey,
        request,
        HttpStatus.OK,
        () -> orders.returnItems(orderId, request));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/{orderId}")
  @Operation(summary = "Read an order")
  Order getOrder(@PathVariable long orderId) {
    return orders.get(orderId);
  }
}
