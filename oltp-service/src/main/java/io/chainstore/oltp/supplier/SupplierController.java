package io.chainstore.oltp.supplier;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.supplier.SupplierModels.Ledger;
import io.chainstore.oltp.supplier.SupplierModels.Supplier;
import io.chainstore.oltp.supplier.SupplierModels.SupplierRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HQ's side of the suppliers: who they are and what the chain owes each. */
@RestController
@RequestMapping("/api/suppliers")
@Tag(name = "Suppliers", description = "Suppliers that sell through the chain (S2B2C); HQ")
class SupplierController {

  private final Suppliers suppliers;
  private final SupplierLedger ledger;
  private final IdempotentRequests idempotent;

  SupplierController(Suppliers suppliers, SupplierLedger ledger, IdempotentRequests idempotent) {
    this.suppliers = suppliers;
    this.ledger = ledger;
    this.idempotent = idempotent;
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping
  @Operation(summary = "Add a supplier; its keys are issued at /api/admin/api-keys; HQ admin")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "409", description = "The code is taken")
  ResponseEntity<Supplier> createSupplier(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody SupplierRequest request) {
    return idempotent.run(
        "POST /api/suppliers",
        idempotencyKey,
        request,
        HttpStatus.CREATED,
        () -> suppliers.create(request));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.HQ_ANALYST})
  @GetMapping
  @Operation(summary = "Suppliers with what the chain owes each now; HQ")
  List<Supplier> listSuppliers(
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return suppliers.list(limit, offset);
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.HQ_ANALYST})
  @GetMapping("/{supplierId}/ledger")
  @Operation(summary = "What the chain owes a supplier: balance and newest rows; HQ")
  Ledger supplierLedger(
      @PathVariable @Min(1) long supplierId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return ledger.of(supplierId, limit, offset);
  }
}
