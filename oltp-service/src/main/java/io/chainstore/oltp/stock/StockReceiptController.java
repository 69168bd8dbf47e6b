package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inbound receipts: goods arriving at a store or warehouse (HQ admin, or that store's manager). */
@RestController
@RequestMapping("/api/stock/receipts")
@Tag(name = "Stock")
class StockReceiptController {

  private final JdbcTemplate jdbc;
  private final StockService stock;
  private final IdempotentRequests idempotent;

  StockReceiptController(JdbcTemplate jdbc, StockService stock, IdempotentRequests idempotent) {
    this.jdbc = jdbc;
    this.stock = stock;
    this.idempotent = idempotent;
  }

  record ReceiptRequest(
      @NotNull @Positive Long locationId,
      @Size(max = 100) String reference,
      @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    record Line(
        @NotNull @Positive Long skuId, @NotNull @Positive @Max(1_000_000) Integer quantity) {}
  }

  record Receipt(long id, long locationId, String reference, List<ReceiptRequest.Line> lines) {}

  @PostMapping
  @Operation(summary = "Book an inbound receipt: on-hand stock rises, one ledger row per line")
  ResponseEntity<?> receive(
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody ReceiptRequest request) {
    Caller caller = Caller.current();
    caller.requireRole("Authorization", Role.HQ_ADMIN, Role.STORE_MANAGER);
    caller.requireStore(request.locationId(), "locationId");
    return idempotent.run(
        "POST /api/stock/receipts",
        idempotencyKey,
        request,
        HttpStatus.CREATED,
        () -> book(request));
  }

  private Receipt book(ReceiptRequest request) {
    if (jdbc.queryForList("SELECT 1 FROM locations WHERE id = ?", request.locationId()).isEmpty()) {
      throw ApiException.unprocessable("locationId", "no location " + request.locationId());
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < request.lines().size(); i++) {
      long sku = request.lines().get(i).skuId();
      if (!seen.add(sku)) {
        throw ApiException.unprocessable("lines[" + i + "].skuId", "SKU " + sku + " appears twice");
      }
      if (jdbc.queryForList("SELECT 1 FROM skus WHERE id = ?", sku).isEmpty()) {
        throw ApiException.unprocessable("lines[" + i + "].skuId", "no SKU " + sku);
      }
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO stock_documents (kind, location_id, reference) VALUES ('receipt', ?, ?) RETURNING id",
            Long.class,
            request.locationId(),
            request.reference());
    for (int i = 0; i < request.lines().size(); i++) {
      jdbc.update(
          "INSERT INTO stock_document_lines (document_id, line_no, sku_id, quantity) VALUES (?, ?, ?, ?)",
          id,
          i + 1,
          request.lines().get(i).skuId(),
          request.lines().get(i).quantity());
    }
    stock.receive(
        request.locationId(),
        IntStream.range(0, request.lines().size())
            .mapToObj(
                i ->
                    new StockService.Quantity(
                        i, request.lines().get(i).skuId(), request.lines().get(i).quantity()))
            .toList(),
        "receipt:" + id);
    return new Receipt(id, request.locationId(), request.reference(), request.lines());
  }
}
