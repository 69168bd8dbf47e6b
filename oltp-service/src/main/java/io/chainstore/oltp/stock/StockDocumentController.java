package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stock documents; HQ admins anywhere, store managers at their own store. */
@RestController
@RequestMapping("/api/stock")
@Tag(name = "Stock documents", description = "Receipts, issues, transfers and stocktakes")
class StockDocumentController {

  private static final String KEY = IdempotentRequests.HEADER;
  private final StockDocuments documents;
  private final IdempotentRequests idempotent;

  StockDocumentController(StockDocuments documents, IdempotentRequests idempotent) {
    this.documents = documents;
    this.idempotent = idempotent;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/receipts")
  @Operation(summary = "Book an inbound receipt: on hand rises")
  ResponseEntity<StockDocuments.Document> receiveStock(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody StockDocuments.MoveRequest request) {
    return idempotent.run(
        "POST /api/stock/receipts",
        key,
        request,
        HttpStatus.CREATED,
        () -> documents.receive(request, Caller.current()));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/issues")
  @Operation(summary = "Book an outbound issue: on hand falls, never below what is reserved")
  ResponseEntity<StockDocuments.Document> issueStock(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody StockDocuments.MoveRequest request) {
    return idempotent.run(
        "POST /api/stock/issues",
        key,
        request,
        HttpStatus.CREATED,
        () -> documents.issue(request, Caller.current()));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/transfers")
  @Operation(summary = "Draft a transfer between locations (no stock moves yet)")
  ResponseEntity<StockDocuments.Document> draftTransfer(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody StockDocuments.TransferRequest request) {
    return idempotent.run(
        "POST /api/stock/transfers",
        key,
        request,
        HttpStatus.CREATED,
        () -> documents.draftTransfer(request, Caller.current()));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/transfers/{transferId}/ship")
  @Operation(
      summary =
          "Ship a drafted transfer: stock leaves the origin and is in transit to the destination")
  ResponseEntity<StockDocuments.Document> ship(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable long transferId) {
    return idempotent.run(
        "POST /api/stock/transfers/" + transferId + "/ship",
        key,
        transferId,
        HttpStatus.OK,
        () -> documents.ship(transferId, Caller.current()));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/transfers/{transferId}/receive")
  @Operation(
      summary =
          "Receive a shipped transfer, all of it or the quantities given (the rest is the discrepancy)")
  ResponseEntity<StockDocuments.Document> receiveTransfer(
      @RequestHeader(name = KEY, required = false) String key,
      @PathVariable long transferId,
      @Valid @RequestBody(required = false) StockDocuments.ReceiveRequest request) {
    return idempotent.run(
        "POST /api/stock/transfers/" + transferId + "/receive",
        key,
        request == null ? transferId : request,
        HttpStatus.OK,
        () -> documents.receiveTransfer(transferId, request, Caller.current()));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/stocktakes")
  @Operation(summary = "Open a count sheet for a location; book quantities are taken now")
  ResponseEntity<StockDocuments.Document> openStocktake(
      @RequestHeader(name = KEY, required = false) String key,
      @Valid @RequestBody StockDocuments.StocktakeRequest request) {
    return idempotent.run(
        "POST /api/stock/stocktakes",
        key,
        request,
        HttpStatus.CREATED,
        () -> documents.openStocktake(request, Caller.current()));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PutMapping("/stocktakes/{stocktakeId}/counts")
  @Operation(summary = "Record counted quantities (again replaces); the sheet shows the variance")
  ResponseEntity<StockDocuments.Document> countStocktake(
      @PathVariable long stocktakeId, @Valid @RequestBody StockDocuments.CountRequest request) {
    return idempotent.run(
        "PUT counts",
        null,
        request,
        HttpStatus.OK,
        () -> documents.count(stocktakeId, request, Caller.current()));
  }

  @AllowedRoles({Role.HQ_ADMIN, Role.STORE_MANAGER})
  @PostMapping("/stocktakes/{stocktakeId}/post")
  @Operation(summary = "Post the variances of the counted lines as adjustments")
  ResponseEntity<StockDocuments.Document> postStocktake(
      @RequestHeader(name = KEY, required = false) String key, @PathVariable long stocktakeId) {
    return idempotent.run(
        "POST /api/stock/stocktakes/" + stocktakeId + "/post",
        key,
        stocktakeId,
        HttpStatus.OK,
        () -> documents.post(stocktakeId, Caller.current()));
  }

  @AllowedRoles(anyRole = true)
  @GetMapping("/documents/{documentId}")
  @Operation(summary = "A stock document with its lines (a stocktake: book, counted, variance)")
  StockDocuments.Document getStockDocument(@PathVariable long documentId) {
    return documents.get(documentId, Caller.current());
  }
}
