package io.chainstore.oltp.suggestion;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
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

/** Transfers the low-stock job suggests; HQ admins list, accept or reject them. */
@RestController
@RequestMapping("/api/transfer-suggestions")
@Tag(
    name = "Transfer suggestions",
    description =
        "Low-stock transfers suggested by the analytics; HQ accepts (a draft transfer) or rejects")
class SuggestedTransferController {

  private static final String KEY = IdempotentRequests.HEADER;

  /** Why a suggestion is rejected; optional. */
  record RejectSuggestionRequest(@Size(max = 500) String reason) {}

  private final SuggestedTransfers suggestions;
  private final IdempotentRequests idempotent;

  SuggestedTransferController(SuggestedTransfers suggestions, IdempotentRequests idempotent) {
    this.suggestions = suggestions;
    this.idempotent = idempotent;
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @GetMapping
  @Operation(
      summary = "Suggested transfers, newest first, by status, receiving store and SKU; HQ admin")
  List<SuggestedTransfer> listTransferSuggestions(
      @RequestParam(required = false)
          @Pattern(
              regexp = "open|accepted|rejected|shipped",
              message = "must be open, accepted, rejected or shipped")
          String status,
      @RequestParam(required = false) @Min(1) Long toLocationId,
      @RequestParam(required = false) @Min(1) Long skuId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return suggestions.list(status, toLocationId, skuId, limit, offset);
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @GetMapping("/{id}")
  @Operation(summary = "A suggested transfer with what was decided; HQ admin")
  SuggestedTransfer getTransferSuggestion(@PathVariable UUID id) {
    return suggestions.get(id);
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/{id}/accept")
  @Operation(
      summary =
          "Accept an open suggestion: a draft transfer of the suggested quantity (reference"
              + " suggestion:<id>); HQ admin")
  @ApiResponse(responseCode = "200", description = "Accepted; transferId names the draft")
  @ApiResponse(responseCode = "409", description = "The suggestion is not open")
  ResponseEntity<SuggestedTransfer> acceptTransferSuggestion(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable UUID id) {
    return idempotent.run(
        "POST /api/transfer-suggestions/" + id + "/accept",
        key,
        id,
        HttpStatus.OK,
        () -> suggestions.accept(id, Caller.current()));
  }

  @AllowedRoles(Role.HQ_ADMIN)
  @PostMapping("/{id}/reject")
  @Operation(summary = "Reject an open suggestion, with a reason if given; HQ admin")
  @ApiResponse(responseCode = "200", description = "Rejected")
  @ApiResponse(responseCode = "409", description = "The suggestion is not open")
  ResponseEntity<SuggestedTransfer> rejectTransferSuggestion(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) RejectSuggestionRequest request) {
    return idempotent.run(
        "POST /api/transfer-suggestions/" + id + "/reject",
        key,
        request == null ? id : request,
        HttpStatus.OK,
        () -> suggestions.reject(id, request == null ? null : request.reason(), Caller.current()));
  }
}
