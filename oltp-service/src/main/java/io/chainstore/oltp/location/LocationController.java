package io.chainstore.oltp.location;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.location.Locations.Location;
import io.chainstore.oltp.location.Locations.LocationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/locations")
@Tag(name = "Locations", description = "Stores and warehouses")
class LocationController {

  private final Locations locations;
  private final IdempotentRequests idempotent;

  LocationController(Locations locations, IdempotentRequests idempotent) {
    this.locations = locations;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping
  @Operation(summary = "Open a store or warehouse; HQ admin")
  ResponseEntity<Location> createLocation(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody LocationRequest request) {
    return idempotent.run(
        "POST /api/locations",
        idempotencyKey,
        request,
        HttpStatus.CREATED,
        () -> locations.create(request));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping
  @Operation(summary = "All locations, or those of one kind")
  List<Location> listLocations(
      @RequestParam(required = false)
          @Pattern(regexp = "store|warehouse", message = "must be store or warehouse")
          String kind) {
    return locations.list(kind);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/nearest")
  @Operation(summary = "The stores (or warehouses) nearest to a point, with their distance in km")
  List<Location> nearestLocations(
      @RequestParam @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 10)
          BigDecimal latitude,
      @RequestParam @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 10)
          BigDecimal longitude,
      @RequestParam(defaultValue = "store")
          @Pattern(regexp = "store|warehouse", message = "must be store or warehouse")
          String kind,
      @RequestParam(defaultValue = "5") @Min(1) @Max(100) int limit) {
    return locations.nearest(latitude, longitude, kind, limit);
  }
}
