package io.chainstore.oltp.serviceitem;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.serviceitem.ServiceSpecs.ServiceSpecRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service items: which SKU of a service is which combination, and what each costs at a store. */
@RestController
@RequestMapping("/api/catalog")
@Tag(
    name = "Service items",
    description =
        "Services priced by area tier, duration and type: each combination is a SKU of the service")
class ServiceSpecController {

  private final ServiceSpecs specs;
  private final IdempotentRequests idempotent;

  ServiceSpecController(ServiceSpecs specs, IdempotentRequests idempotent) {
    this.specs = specs;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/skus/{skuId}/service-spec")
  @Operation(
      summary =
          "Say which combination of its service a SKU is (fixed once set; its price is the SKU's);"
              + " HQ admin")
  @ApiResponse(responseCode = "201", description = "The combination with its base price")
  @ApiResponse(
      responseCode = "409",
      description = "The SKU has its spec already, or the combination is another SKU's")
  @ApiResponse(responseCode = "422", description = "The SKU is not of a service product")
  ResponseEntity<ServiceCombination> defineServiceSpec(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @PathVariable long skuId,
      @Valid @RequestBody ServiceSpecRequest request) {
    return idempotent.run(
        "POST /api/catalog/skus/" + skuId + "/service-spec",
        idempotencyKey,
        request,
        HttpStatus.CREATED,
        () -> specs.define(skuId, request));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/products/{productId}/service-specs")
  @Operation(
      summary =
          "The combinations of a service with their prices (the store's price when a store is"
              + " given; a store-bound key: its own store), optionally only those for an area,"
              + " a duration or a type")
  @ApiResponse(responseCode = "200", description = "The combinations")
  @ApiResponse(responseCode = "422", description = "The product is not a service")
  List<ServiceCombination> listServiceSpecs(
      @PathVariable long productId,
      @RequestParam(required = false) @Min(1) Long storeId,
      @RequestParam(required = false) @Min(1) @Max(100_000) Integer areaSquareMetres,
      @RequestParam(required = false) @Min(15) @Max(720) Integer durationMinutes,
      @RequestParam(required = false) @Size(min = 1, max = 50) String serviceType) {
    return specs.list(
        productId,
        Caller.current().scope(storeId, "storeId"),
        areaSquareMetres,
        durationMinutes,
        serviceType);
  }
}
