package io.chainstore.oltp.order;

import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Checkout for online, click-and-collect and POS")
class OrderController {

  private final OrderService orders;
  private final IdempotentRequests idempotent;

  OrderController(OrderService orders, IdempotentRequests idempotent) {
    this.orders = orders;
    this.idempotent = idempotent;
  }

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
  ResponseEntity<?> create(
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

  @PostMapping("/{orderId}/pay")
  @Operation(summary = "Pay a created order; reserved stock leaves the store")
  @ApiResponse(responseCode = "409", description = "The order is not in status created")
  ResponseEntity<?> pay(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/pay",
        idempotencyKey,
        orderId,
        HttpStatus.OK,
        () -> orders.pay(orderId));
  }

  @PostMapping("/{orderId}/cancel")
  @Operation(
      summary =
          "Cancel an order: a created order releases its reservation, a paid one is refunded and restocked")
  @ApiResponse(responseCode = "409", description = "The order is already cancelled")
  ResponseEntity<?> cancel(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long orderId) {
    return idempotent.run(
        "POST /api/orders/" + orderId + "/cancel",
        idempotencyKey,
        orderId,
        HttpStatus.OK,
        () -> orders.cancel(orderId));
  }

  @GetMapping("/{orderId}")
  @Operation(summary = "Read an order")
  Order get(@PathVariable long orderId) {
    return orders.get(orderId);
  }
}
