package io.chainstore.oltp.booking;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.booking.TechnicianModels.HoursRequest;
import io.chainstore.oltp.booking.TechnicianModels.SkillsRequest;
import io.chainstore.oltp.booking.TechnicianModels.Technician;
import io.chainstore.oltp.booking.TechnicianModels.TechnicianRequest;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
@RequestMapping("/api/technicians")
@Tag(
    name = "Technicians",
    description =
        "A store's technicians, the services they perform and their weekly hours; HQ admins and"
            + " the store's manager manage them")
class TechnicianController {

  private static final String KEY = IdempotentRequests.HEADER;

  private final Technicians technicians;
  private final IdempotentRequests idempotent;

  TechnicianController(Technicians technicians, IdempotentRequests idempotent) {
    this.technicians = technicians;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping
  @Operation(summary = "Add a technician to a store; HQ admin or that store's manager")
  @ApiResponse(responseCode = "201", description = "Created, without skills or hours yet")
  @ApiResponse(responseCode = "422", description = "No such store")
  ResponseEntity<Technician> createTechnician(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody TechnicianRequest request) {
    return idempotent.run(
        "POST /api/technicians",
        key,
        request,
        HttpStatus.CREATED,
        () -> technicians.create(request, Caller.current()));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PutMapping("/{technicianId}/skills")
  @Operation(
      summary =
          "Set the service products a technician performs (the whole set); HQ admin or the"
              + " store's manager")
  @ApiResponse(responseCode = "200", description = "The technician with the new skills")
  @ApiResponse(responseCode = "422", description = "An unknown product, or one not a service")
  ResponseEntity<Technician> setTechnicianSkills(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long technicianId,
      @Valid @RequestBody SkillsRequest request) {
    return idempotent.run(
        "PUT /api/technicians/" + technicianId + "/skills",
        key,
        request,
        HttpStatus.OK,
        () -> technicians.setSkills(technicianId, request, Caller.current()));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PutMapping("/{technicianId}/hours")
  @Operation(
      summary =
          "Set a technician's weekly working hours in the store's local time (the whole week);"
              + " HQ admin or the store's manager")
  @ApiResponse(responseCode = "200", description = "The technician with the new hours")
  @ApiResponse(
      responseCode = "422",
      description = "A span ending before it starts, or overlapping another of its day")
  ResponseEntity<Technician> setTechnicianHours(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long technicianId,
      @Valid @RequestBody HoursRequest request) {
    return idempotent.run(
        "PUT /api/technicians/" + technicianId + "/hours",
        key,
        request,
        HttpStatus.OK,
        () -> technicians.setHours(technicianId, request, Caller.current()));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping
  @Operation(
      summary =
          "A store's technicians (a store-bound key: its own store), optionally only those who"
              + " perform a service product")
  List<Technician> listTechnicians(
      @RequestParam(required = false) @Min(1) Long storeId,
      @RequestParam(required = false) @Min(1) Long productId) {
    Long store = Caller.current().scope(storeId, "storeId");
    if (store == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "storeId", "is required");
    }
    return technicians.list(store, productId);
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/{technicianId}")
  @Operation(summary = "A technician with skills and hours (a store-bound key: of its store)")
  Technician getTechnician(@PathVariable long technicianId) {
    return technicians.get(technicianId, Caller.current());
  }
}
