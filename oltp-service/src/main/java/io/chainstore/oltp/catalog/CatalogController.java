package io.chainstore.oltp.catalog;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.catalog.CatalogModels.PriceRequest;
import io.chainstore.oltp.catalog.CatalogModels.Product;
import io.chainstore.oltp.catalog.CatalogModels.ProductKind;
import io.chainstore.oltp.catalog.CatalogModels.ProductRequest;
import io.chainstore.oltp.catalog.CatalogModels.ScannedSku;
import io.chainstore.oltp.catalog.CatalogModels.Sku;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Catalog", description = "One catalog for every channel; only HQ admins change it")
class CatalogController {

  private final Catalog catalog;
  private final IdempotentRequests idempotent;

  CatalogController(Catalog catalog, IdempotentRequests idempotent) {
    this.catalog = catalog;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/products")
  @Operation(summary = "Create a product (goods, service or part) with its SKUs; HQ admin")
  ResponseEntity<Product> createProduct(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody ProductRequest request) {
    return idempotent.run(
        "POST /api/catalog/products",
        idempotencyKey,
        request,
        HttpStatus.CREATED,
        () -> catalog.create(request));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/products")
  @Operation(summary = "Search products by name or code, category and kind")
  List<Product> searchProducts(
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(required = false) @Size(max = 100) String category,
      @RequestParam(required = false)
          @Pattern(regexp = "goods|service|part", message = "must be goods, service or part")
          String kind,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return catalog.search(
        q, category, kind == null ? null : ProductKind.fromCode(kind), limit, offset);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/products/{productId}")
  @Operation(summary = "A product with its SKUs")
  Product getProduct(@PathVariable long productId) {
    return catalog.product(productId);
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PatchMapping("/products/{productId}")
  @Operation(summary = "Rename a product or move it to another category; HQ admin")
  ResponseEntity<Product> updateProduct(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long productId,
      @Valid @RequestBody CatalogModels.ProductUpdate update) {
    return idempotent.run(
        "PATCH /api/catalog/products/" + productId,
        idempotencyKey,
        update,
        HttpStatus.OK,
        () -> catalog.update(productId, update));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/products/{productId}/skus")
  @Operation(summary = "Add a SKU to a product; HQ admin")
  ResponseEntity<Product> addSku(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long productId,
      @Valid @RequestBody CatalogModels.SkuRequest sku) {
    return idempotent.run(
        "POST /api/catalog/products/" + productId + "/skus",
        idempotencyKey,
        sku,
        HttpStatus.CREATED,
        () -> catalog.addSku(productId, sku));
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PutMapping("/skus/{skuId}/price")
  @Operation(summary = "Set a SKU's base price; HQ admin")
  Sku setBasePrice(@PathVariable long skuId, @Valid @RequestBody PriceRequest request) {
    return catalog.setBasePrice(skuId, request);
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/skus/{skuId}/store-prices/{storeId}")
  @Operation(summary = "Set the price one store charges for a SKU; HQ admin")
  ResponseEntity<Void> setStorePrice(
      @PathVariable long skuId,
      @PathVariable long storeId,
      @Valid @RequestBody PriceRequest request) {
    catalog.setStorePrice(skuId, storeId, request);
    return ResponseEntity.noContent().build();
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/skus/{skuId}/store-prices/{storeId}")
  @Operation(summary = "Remove a store's own price (the base price applies again); HQ admin")
  ResponseEntity<Void> removeStorePrice(@PathVariable long skuId, @PathVariable long storeId) {
    catalog.removeStorePrice(skuId, storeId);
    return ResponseEntity.noContent().build();
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/scan/{barcode}")
  @Operation(
      summary = "Look up a SKU by barcode with the price charged at a store",
      description = "A POS terminal or store manager gets its own store's price by default.")
  ScannedSku scan(
      @PathVariable @Pattern(regexp = "[0-9]{8,14}", message = "must be 8 to 14 digits")
          String barcode,
      @RequestParam(required = false) @Min(1) Long storeId) {
    return catalog.scan(barcode, Caller.current().scope(storeId, "storeId"));
  }
}
