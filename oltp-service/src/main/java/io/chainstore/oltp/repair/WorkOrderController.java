package io.chainstore.oltp.repair;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.order.PayRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Repair work orders: a technician's quote, the customer's confirmation, payment, completion. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(
    name = "Repair work orders",
    description =
        "A technician quotes parts and labour on site; the customer confirms with a one-time"
            + " code and pays; the parts leave the store's stock on completion")
class WorkOrderController {

  private static final String KEY = IdempotentRequests.HEADER;

  private final WorkOrders workOrders;
  private final IdempotentRequests idempotent;

  WorkOrderController(WorkOrders workOrders, IdempotentRequests idempotent) {
    this.workOrders = workOrders;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.TECHNICIAN)
  @PostMapping
  @Operation(summary = "Open a work order at the technician's store; technician")
  @ApiResponse(responseCode = "201", description = "Opened, with an empty quote (version 1)")
  @ApiResponse(responseCode = "422", description = "Unknown member")
  ResponseEntity<WorkOrder> openWorkOrder(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody WorkOrderRequests.Open request) {
    return idempotent.run(
        "POST /api/work-orders",
        key,
        request,
        HttpStatus.CREATED,
        () -> workOrders.open(request, Caller.current()));
  }

  @AllowedRoles(Role.TECHNICIAN)
  @PostMapping("/{workOrderId}/lines")
  @Operation(
      summary =
          "Add parts (reserved at the store now, at the store's price) and labour: a new version"
              + " of the quote, which needs a new confirmation; technician of the store")
  @ApiResponse(responseCode = "200", description = "The work order with its new quote")
  @ApiResponse(
      responseCode = "409",
      description =
          "Not enough of a part available, the part is on the order already, or the order is paid,"
              + " completed or cancelled")
  @ApiResponse(responseCode = "422", description = "Unknown SKU, or a SKU that is not a part")
  ResponseEntity<WorkOrder> addWorkOrderLines(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long workOrderId,
      @Valid @RequestBody WorkOrderRequests.AddLines request) {
    return idempotent.run(
        "POST /api/work-orders/" + workOrderId + "/lines",
        key,
        request,
        HttpStatus.OK,
        () -> workOrders.addLines(workOrderId, request));
  }

  @AllowedRoles(Role.TECHNICIAN)
  @DeleteMapping("/{workOrderId}/lines/{lineNo}")
  @Operation(
      summary =
          "Remove a line (a part's units become available again): a new version of the quote;"
              + " technician of the store")
  @ApiResponse(responseCode = "200", description = "The work order with its new quote")
  @ApiResponse(responseCode = "409", description = "The order is paid, completed or cancelled")
  ResponseEntity<WorkOrder> removeWorkOrderLine(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long workOrderId,
      @PathVariable int lineNo) {
    return idempotent.run(
        "DELETE /api/work-orders/" + workOrderId + "/lines/" + lineNo,
        key,
        List.of(workOrderId, lineNo),
        HttpStatus.OK,
        () -> workOrders.removeLine(workOrderId, lineNo));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.TECHNICIAN)
  @PostMapping("/{workOrderId}/confirmation-code")
  @Operation(
      summary =
          "A one-time code (six digits, valid 15 minutes, 5 tries) that confirms the quote's"
              + " current version; it replaces any earlier code; technician of the store")
  @ApiResponse(responseCode = "201", description = "The code to show the customer")
  @ApiResponse(responseCode = "409", description = "The order is not open")
  @ApiResponse(responseCode = "422", description = "The quote has no lines")
  ResponseEntity<WorkOrder.Code> issueWorkOrderCode(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable long workOrderId) {
    return idempotent.run(
        "POST /api/work-orders/" + workOrderId + "/confirmation-code",
        key,
        workOrderId,
        HttpStatus.CREATED,
        () -> workOrders.issueCode(workOrderId));
  }

  @AllowedRoles({Role.TECHNICIAN, Role.STOREFRONT})
  @PostMapping("/{workOrderId}/confirm")
  @Operation(
      summary =
          "The customer confirms the quote with the code, on the technician's device or in the"
              + " storefront; technician of the store, storefront")
  @ApiResponse(responseCode = "200", description = "Confirmed at the current version")
  @ApiResponse(responseCode = "409", description = "The order is not open")
  @ApiResponse(
      responseCode = "422",
      description =
          "Wrong (the try counts), used, expired or stale code, too many tries, or none issued")
  ResponseEntity<WorkOrder> confirmWorkOrder(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long workOrderId,
      @Valid @RequestBody WorkOrderRequests.Confirm request) {
    return idempotent.run(
        "POST /api/work-orders/" + workOrderId + "/confirm",
        key,
        request,
        HttpStatus.OK,
        () -> workOrders.confirm(workOrderId, request.code(), Caller.current()));
  }

  @AllowedRoles({Role.TECHNICIAN, Role.POS, Role.STORE_MANAGER})
  @PostMapping("/{workOrderId}/pay")
  @Operation(
      summary =
          "Pay a confirmed quote with the tenders of a POS payment (without a body: one card"
              + " tender); the store's technician, till or manager")
  @ApiResponse(responseCode = "200", description = "Paid")
  @ApiResponse(
      responseCode = "409",
      description = "The quote is not confirmed (or changed since), or the order is not open")
  @ApiResponse(responseCode = "422", description = "The tenders do not add up to the total")
  ResponseEntity<WorkOrder> payWorkOrder(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long workOrderId,
      @Valid @RequestBody(required = false) PayRequest request) {
    return idempotent.run(
        "POST /api/work-orders/" + workOrderId + "/pay",
        key,
        request == null ? workOrderId : request,
        HttpStatus.OK,
        () -> workOrders.pay(workOrderId, request));
  }

  @AllowedRoles({Role.TECHNICIAN, Role.STORE_MANAGER})
  @PostMapping("/{workOrderId}/complete")
  @Operation(
      summary =
          "The repair is done: the reserved parts leave the store's stock (ledger reason sale,"
              + " document workorder:<id>); technician or manager of the store")
  @ApiResponse(responseCode = "200", description = "Completed")
  @ApiResponse(responseCode = "409", description = "The order is not paid")
  ResponseEntity<WorkOrder> completeWorkOrder(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable long workOrderId) {
    return idempotent.run(
        "POST /api/work-orders/" + workOrderId + "/complete",
        key,
        workOrderId,
        HttpStatus.OK,
        () -> workOrders.complete(workOrderId));
  }

  @AllowedRoles({Role.TECHNICIAN, Role.STORE_MANAGER, Role.HQ_ADMIN})
  @PostMapping("/{workOrderId}/cancel")
  @Operation(
      summary =
          "Cancel an open or confirmed work order: its parts become available again; a paid one"
              + " is completed, not cancelled")
  @ApiResponse(responseCode = "200", description = "Cancelled")
  @ApiResponse(responseCode = "409", description = "The order is paid, completed or cancelled")
  ResponseEntity<WorkOrder> cancelWorkOrder(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable long workOrderId) {
    return idempotent.run(
        "POST /api/work-orders/" + workOrderId + "/cancel",
        key,
        workOrderId,
        HttpStatus.OK,
        () -> workOrders.cancel(workOrderId));
  }

  @AllowedRoles({Role.TECHNICIAN, Role.POS, Role.STORE_MANAGER, Role.HQ_ANALYST, Role.HQ_ADMIN})
  @GetMapping("/{workOrderId}")
  @Operation(summary = "A work order; a store-bound key sees its own store's only")
  WorkOrder getWorkOrder(@PathVariable long workOrderId) {
    return workOrders.get(workOrderId, Caller.current());
  }

  @AllowedRoles({Role.TECHNICIAN, Role.POS, Role.STORE_MANAGER, Role.HQ_ANALYST, Role.HQ_ADMIN})
  @GetMapping
  @Operation(
      summary = "Work orders newest first, by store and status; a store-bound key: its own store")
  List<WorkOrder> listWorkOrders(
      @RequestParam(required = false) @Min(1) Long storeId,
      @RequestParam(required = false)
          @Pattern(
              regexp = "open|confirmed|paid|completed|cancelled",
              message = "must be open, confirmed, paid, completed or cancelled")
          String status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return workOrders.list(storeId, status, limit, offset, Caller.current());
  }
}
