package io.chainstore.oltp.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/api-keys")
@Tag(name = "Access", description = "API keys per role; HQ admin only")
class ApiKeyController {

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  record CreateKeyRequest(
      @NotBlank @Size(max = 100) String name,
      @NotNull Role role,
      @Min(1) Long storeId,
      @Min(1) Long technicianId,
      @Min(1) Long supplierId) {}

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping
  @Operation(
      summary =
          "Issue an API key for a role (a store's POS terminal or manager: with storeId; a"
              + " technician: with technicianId; a supplier: with supplierId)",
      description =
          "The key is in the response once; only its hash is stored. Deliberately not"
              + " idempotent: a stored response would keep the secret. A retry issues another key.")
  ResponseEntity<ApiKeys.IssuedKey> issueApiKey(@Valid @RequestBody CreateKeyRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            keys.issue(
                request.name(),
                request.role(),
                request.storeId(),
                request.technicianId(),
                request.supplierId()));
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @GetMapping
  @Operation(summary = "All API keys with their role, store and revocation; never a secret")
  List<ApiKeys.KeyInfo> listApiKeys() {
    return keys.list();
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @DeleteMapping("/{id}")
  @Operation(
      summary = "Revoke an API key (a lost till, a leaked secret); repeating it changes nothing",
      description =
          "Requests with the key are refused with 401 at once by the instance that revoked it"
              + " and within 5 seconds by every other instance (answers are cached that long).")
  @ApiResponse(responseCode = "200", description = "The key, revoked")
  @ApiResponse(responseCode = "404", description = "No such key")
  ApiKeys.KeyInfo revokeApiKey(@PathVariable long id) {
    return keys.revoke(id);
  }
}
