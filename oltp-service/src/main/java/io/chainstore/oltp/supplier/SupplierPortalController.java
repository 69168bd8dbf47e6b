package io.chainstore.oltp.supplier;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.supplier.SupplierModels.Fulfilment;
import io.chainstore.oltp.supplier.SupplierModels.Ledger;
import io.chainstore.oltp.supplier.SupplierModels.Location;
import io.chainstore.oltp.supplier.SupplierModels.LocationRequest;
import io.chainstore.oltp.supplier.SupplierModels.Product;
import io.chainstore.oltp.supplier.SupplierModels.ProductRequest;
import io.chainstore.oltp.supplier.SupplierModels.Receipt;
import io.chainstore.oltp.supplier.SupplierModels.ReceiptRequest;
import io.chainstore.oltp.supplier.SupplierModels.Sku;
import io.chainstore.oltp.supplier.SupplierModels.SkuUpdate;
import io.chainstore.oltp.supplier.SupplierModels.StockLevel;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supplier's own side, for supplier keys only: everything here is the key's supplier's, and
 * another supplier's SKU, location or fulfilment is not found (in a path) or refused (in a body).
 */
@RestController
@RequestMapping("/api/supplier")
@Tag(
    name = "Supplier portal",
    description = "A supplier's own SKUs, stock, order parts to ship and what it is owed")
class SupplierPortalController {

  private static final String KEY = IdempotentRequests.HEADER;

  private final SupplierCatalog catalog;
  private final SupplierStock stock;
  private final Fulfilments fulfilments;
  private final SupplierLedger ledger;
  private final IdempotentRequests idempotent;

  SupplierPortalController(
      SupplierCatalog catalog,
      SupplierStock stock,
      Fulfilments fulfilments,
      SupplierLedger ledger,
      IdempotentRequests idempotent) {
    this.catalog = catalog;
    this.stock = stock;
    this.fulfilments = fulfilments;
    this.ledger = ledger;
    this.idempotent = idempotent;
  }

  private static long supplier() {
    return Caller.current().supplierId();
  }

  @AllowedRoles(Role.SUPPLIER)
  @PostMapping("/products")
  @Operation(
      summary =
          "Add a product with its SKUs (proposed retail price, cost price); they join the catalog")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "409", description = "A code or barcode is taken")
  ResponseEntity<Product> createSupplierProduct(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody ProductRequest request) {
    long supplier = supplier();
    return idempotent.run(
        "POST /api/supplier/products",
        key,
        request,
        HttpStatus.CREATED,
        () -> catalog.create(supplier, request));
  }

  @AllowedRoles(Role.SUPPLIER)
  @GetMapping("/skus")
  @Operation(summary = "The supplier's own SKUs with retail and cost price")
  List<Sku> listSupplierSkus(
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return catalog.skus(supplier(), limit, offset);
  }

  @AllowedRoles(Role.SUPPLIER)
  @PatchMapping("/skus/{skuId}")
  @Operation(
      summary =
          "Change the name, proposed retail price or cost price of one of the supplier's SKUs"
              + " (a new cost applies to parts shipped from now on)")
  @ApiResponse(responseCode = "200", description = "Changed")
  @ApiResponse(responseCode = "404", description = "No SKU of this supplier")
  ResponseEntity<Sku> updateSupplierSku(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable @Min(1) long skuId,
      @Valid @RequestBody SkuUpdate update) {
    long supplier = supplier();
    return idempotent.run(
        "PATCH /api/supplier/skus/" + skuId,
        key,
        update,
        HttpStatus.OK,
        () -> catalog.update(supplier, skuId, update));
  }

  @AllowedRoles(Role.SUPPLIER)
  @PostMapping("/locations")
  @Operation(summary = "Add one of the supplier's own warehouses (a location of kind supplier)")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "409", description = "The code is taken")
  ResponseEntity<Location> createSupplierLocation(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody LocationRequest request) {
    long supplier = supplier();
    return idempotent.run(
        "POST /api/supplier/locations",
        key,
        request,
        HttpStatus.CREATED,
        () -> stock.createLocation(supplier, request));
  }

  @AllowedRoles(Role.SUPPLIER)
  @GetMapping("/locations")
  @Operation(summary = "The supplier's own locations")
  List<Location> listSupplierLocations() {
    return stock.locations(supplier());
  }

  @AllowedRoles(Role.SUPPLIER)
  @PostMapping("/receipts")
  @Operation(
      summary = "Book units of the supplier's own SKUs in at one of its own locations (a receipt)")
  @ApiResponse(responseCode = "201", description = "Posted; stock is on hand")
  @ApiResponse(responseCode = "403", description = "Another's location or SKU")
  @ApiResponse(responseCode = "422", description = "An unknown location or SKU")
  ResponseEntity<Receipt> createSupplierReceipt(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody ReceiptRequest request) {
    long supplier = supplier();
    return idempotent.run(
        "POST /api/supplier/receipts",
        key,
        request,
        HttpStatus.CREATED,
        () -> stock.receive(supplier, request));
  }

  @AllowedRoles(Role.SUPPLIER)
  @GetMapping("/stock")
  @Operation(summary = "Stock of the supplier's SKUs at its locations, optionally one of them")
  List<StockLevel> supplierStock(@RequestParam(required = false) @Min(1) Long locationId) {
    return stock.levels(supplier(), locationId);
  }

  @AllowedRoles(Role.SUPPLIER)
  @GetMapping("/fulfilments")
  @Operation(
      summary =
          "The supplier's parts of orders, newest first: its own lines and where they go, nothing"
              + " else of the order")
  List<Fulfilment> listSupplierFulfilments(
      @RequestParam(required = false)
          @Pattern(
              regexp = "open|shipped|cancelled",
              message = "must be open, shipped or cancelled")
          String status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return fulfilments.list(supplier(), status, limit, offset);
  }

  @AllowedRoles(Role.SUPPLIER)
  @GetMapping("/fulfilments/{fulfilmentId}")
  @Operation(summary = "One of the supplier's order parts")
  Fulfilment getSupplierFulfilment(@PathVariable @Min(1) long fulfilmentId) {
    return fulfilments.get(fulfilmentId, supplier());
  }

  @AllowedRoles(Role.SUPPLIER)
  @PostMapping("/fulfilments/{fulfilmentId}/ship")
  @Operation(
      summary =
          "Ship an open part of a paid order: to the consumer (online; the order is fulfilled"
              + " when its last part ships) or to the order's store (click-and-collect; the units"
              + " arrive there reserved for it, through a receipt). Owes cost x quantity.")
  @ApiResponse(responseCode = "200", description = "Shipped")
  @ApiResponse(responseCode = "404", description = "No fulfilment of this supplier")
  @ApiResponse(responseCode = "409", description = "The part is not open, or its order is not paid")
  ResponseEntity<Fulfilment> shipSupplierFulfilment(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable @Min(1) long fulfilmentId) {
    long supplier = supplier();
    return idempotent.run(
        "POST /api/supplier/fulfilments/" + fulfilmentId + "/ship",
        key,
        fulfilmentId,
        HttpStatus.OK,
        () -> fulfilments.ship(fulfilmentId, supplier));
  }

  @AllowedRoles(Role.SUPPLIER)
  @GetMapping("/ledger")
  @Operation(summary = "What the chain owes the supplier: balance and newest rows")
  Ledger ownLedger(
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return ledger.of(supplier(), limit, offset);
  }
}
