package io.chainstore.oltp.stock;

import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.stock.StockService.Quantity;
import io.chainstore.oltp.web.ApiException;
import io.chainstore.oltp.web.Distinct;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock documents: inbound receipts and outbound issues (posted at once), transfers between
 * locations (draft → shipped → received, with units in transit and the discrepancy of a partial
 * receipt), and stocktakes (open a count sheet → record counts → see the variance → post it).
 */
@Service
class StockDocuments {

  @Schema(name = "StockLineRequest")
  record Line(@NotNull @Min(1) Long skuId, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}

  record MoveRequest(
      @NotNull @Min(1) Long locationId,
      @Size(max = 100) String reference,
      @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Line> lines) {}

  record TransferRequest(
      @NotNull @Min(1) Long fromLocationId,
      @NotNull @Min(1) Long toLocationId,
      @Size(max = 100) String reference,
      @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Line> lines) {}

  record ReceivedLine(
      @NotNull @Min(1) Long skuId, @NotNull @Min(0) @Max(1_000_000) Integer quantity) {}

  /** Omitted: everything shipped arrived. */
  record ReceiveRequest(@Size(max = 500) List<@Valid @NotNull ReceivedLine> lines) {}

  record CountRequest(
      @NotNull @Size(min = 1, max = 5000) List<@Valid @NotNull ReceivedLine> lines) {}

  record StocktakeRequest(@NotNull @Min(1) Long locationId, @Size(max = 100) String reference) {}

  @Schema(name = "StockDocumentLine")
  record DocumentLine(
      long skuId,
      int quantity,
      Integer receivedQuantity,
      Integer bookQuantity,
      Integer countedQuantity,
      Integer variance) {}

  @Schema(name = "StockDocument")
  record Document(
      long id,
      String kind,
      String status,
      long locationId,
      Long toLocationId,
      String reference,
      List<DocumentLine> lines) {}

  private final JdbcTemplate jdbc;
  private final StockService stock;
  private final ApplicationEventPublisher events;

  StockDocuments(JdbcTemplate jdbc, StockService stock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.stock = stock;
    this.events = events;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Document receive(MoveRequest request, Caller caller) {
    requireHandler(caller, request.locationId(), "locationId");
    long id =
        open("receipt", "posted", request.locationId(), null, request.reference(), request.lines());
    stock.receive(request.locationId(), quantities(request.lines()), "receipt", "receipt:" + id);
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Document issue(MoveRequest request, Caller caller) {
    requireHandler(caller, request.locationId(), "locationId");
    long id =
        open("issue", "posted", request.locationId(), null, request.reference(), request.lines());
    stock.issue(request.locationId(), quantities(request.lines()), "issue", "issue:" + id);
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Document draftTransfer(TransferRequest request, Caller caller) {
    requireHandler(caller, request.fromLocationId(), "fromLocationId");
    requireLocation(request.toLocationId(), "toLocationId");
    if (request.toLocationId().equals(request.fromLocationId())) {
      throw ApiException.unprocessable("toLocationId", "a transfer goes to another location");
    }
    long id =
        open(
            "transfer",
            "draft",
            request.fromLocationId(),
            request.toLocationId(),
            request.reference(),
            request.lines());
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Document ship(long id, Caller caller) {
    Document transfer = lockTransfer(id);
    requireHandler(caller, transfer.locationId(), "transferId");
    requireStatus(transfer, "draft");
    List<Quantity> lines =
        IntStream.range(0, transfer.lines().size())
            .mapToObj(
                i ->
                    new Quantity(
                        i, transfer.lines().get(i).skuId(), transfer.lines().get(i).quantity()))
            .toList();
    stock.issue(transfer.locationId(), lines, "transfer_shipped", "transfer:" + id);
    stock.addInTransit(transfer.toLocationId(), lines, "transfer:" + id);
    setStatus(id, "shipped");
    events.publishEvent(new TransferShipped(id));
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Document receiveTransfer(long id, ReceiveRequest request, Caller caller) {
    Document transfer = lockTransfer(id);
    requireHandler(caller, transfer.toLocationId(), "transferId");
    requireStatus(transfer, "shipped");
    Map<Long, Integer> received = new java.util.HashMap<>();
    if (request != null && request.lines() != null) {
      Distinct.check(request.lines(), ReceivedLine::skuId, "lines", "skuId");
      for (int i = 0; i < request.lines().size(); i++) {
        ReceivedLine line = request.lines().get(i);
        String field = "lines[" + i + "]";
        DocumentLine shipped =
            transfer.lines().stream()
                .filter(l -> l.skuId() == line.skuId())
                .findFirst()
                .orElseThrow(
                    () ->
                        ApiException.unprocessable(
                            field + ".skuId", "SKU " + line.skuId() + " was not shipped"));
        // More than was shipped cannot arrive: stock would appear from nowhere. Found extra units
        // are booked with a receipt (or a stocktake), which says where they came from.
        if (line.quantity() > shipped.quantity()) {
          throw ApiException.unprocessable(
              field + ".quantity",
              "only "
                  + shipped.quantity()
                  + " units of SKU "
                  + line.skuId()
                  + " were shipped; book extra units with a receipt");
        }
        received.put(line.skuId(), line.quantity());
      }
    }
    for (DocumentLine line : transfer.lines()) {
      int arrived = received.getOrDefault(line.skuId(), line.quantity());
      stock.receiveInTransit(
          transfer.toLocationId(), line.skuId(), line.quantity(), arrived, "transfer:" + id);
      jdbc.update(
          "UPDATE stock_document_lines SET received_quantity = ? WHERE document_id = ? AND sku_id = ?",
          arrived,
          id,
          line.skuId());
    }
    setStatus(id, "received");
    return load(id);
  }

  /** Opens a count sheet with the book quantity of every SKU stocked at the location now. */
  @Transactional(propagation = Propagation.MANDATORY)
  Document openStocktake(StocktakeRequest request, Caller caller) {
    requireHandler(caller, request.locationId(), "locationId");
    requireLocation(request.locationId(), "locationId");
    long id =
        jdbc.queryForObject(
            "INSERT INTO stock_documents (kind, status, location_id, reference)"
                + " VALUES ('stocktake', 'open', ?, ?) RETURNING id",
            Long.class,
            request.locationId(),
            request.reference());
    int lineNo = 1;
    for (Map.Entry<Long, Integer> book : stock.onHand(request.locationId()).entrySet()) {
      jdbc.update(
          "INSERT INTO stock_document_lines (document_id, line_no, sku_id, quantity, book_quantity)"
              + " VALUES (?, ?, ?, 0, ?)",
          id,
          lineNo++,
          book.getKey(),
          book.getValue());
    }
    return load(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Document count(long id, CountRequest request, Caller caller) {
    Document sheet = lockDocument(id, "stocktake");
    requireHandler(caller, sheet.locationId(), "stocktakeId");
    requireStatus(sheet, "open");
    Distinct.check(request.lines(), ReceivedLine::skuId, "lines", "skuId");
    for (int i = 0; i < request.lines().size(); i++) {
      ReceivedLine line = request.lines().get(i);
      if (jdbc.update(
              "UPDATE stock_document_lines SET counted_quantity = ? WHERE document_id = ? AND sku_id = ?",
              line.quantity(),
              id,
              line.skuId())
          == 0) {
        throw ApiException.unprocessable(
            "lines[" + i + "].skuId", "SKU " + line.skuId() + " is not on this count sheet");
      }
    }
    return load(id);
  }

  /**
   * Books each counted line's variance (counted − book quantity at opening). Sales and receipts
   * after opening already moved on hand, so adding the variance keeps them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Document post(long id, Caller caller) {
    Document sheet = lockDocument(id, "stocktake");
    requireHandler(caller, sheet.locationId(), "stocktakeId");
    requireStatus(sheet, "open");
    for (int i = 0; i < sheet.lines().size(); i++) {
      DocumentLine line = sheet.lines().get(i);
      if (line.variance() != null && line.variance() != 0) {
        stock.adjust(
            sheet.locationId(),
            line.skuId(),
            line.variance(),
            "lines[" + i + "].countedQuantity",
            "stocktake:" + id);
      }
    }
    setStatus(id, "posted");
    return load(id);
  }

  @Transactional(readOnly = true)
  Document get(long id, Caller caller) {
    Document document = load(id);
    if (!caller.mayActAt(document.locationId())
        && (document.toLocationId() == null || !caller.mayActAt(document.toLocationId()))) {
      caller.requireStore(document.locationId(), "documentId");
    }
    return document;
  }

  private long open(
      String kind, String status, long location, Long to, String reference, List<Line> lines) {
    Distinct.check(lines, Line::skuId, "lines", "skuId");
    requireLocation(location, "locationId");
    for (int i = 0; i < lines.size(); i++) {
      long sku = lines.get(i).skuId();
      if (jdbc.queryForList("SELECT 1 FROM skus WHERE id = ?", sku).isEmpty()) {
        throw ApiException.unprocessable("lines[" + i + "].skuId", "no SKU " + sku);
      }
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO stock_documents (kind, status, location_id, to_location_id, reference)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id",
            Long.class,
            kind,
            status,
            location,
            to,
            reference);
    for (int i = 0; i < lines.size(); i++) {
      jdbc.update(
          "INSERT INTO stock_document_lines (document_id, line_no, sku_id, quantity) VALUES (?, ?, ?, ?)",
          id,
          i + 1,
          lines.get(i).skuId(),
          lines.get(i).quantity());
    }
    return id;
  }

  private static void requireHandler(Caller caller, long location, String field) {
    caller.requireStore(location, field);
  }

  private void requireLocation(long location, String field) {
    List<String> kind =
        jdbc.queryForList("SELECT kind FROM locations WHERE id = ?", String.class, location);
    if (kind.isEmpty()) {
      throw ApiException.unprocessable(field, "no location " + location);
    }
    // A supplier's stock is the supplier's: it books receipts itself and ships order lines.
    if (kind.get(0).equals("supplier")) {
      throw ApiException.unprocessable(
          field, "location " + location + " is a supplier's; its stock is the supplier's own");
    }
  }

  private static void requireStatus(Document document, String status) {
    if (!document.status().equals(status)) {
      throw ApiException.conflict(
          "status",
          document.kind() + " " + document.id() + " is " + document.status() + ", not " + status);
    }
  }

  private Document lockTransfer(long id) {
    return lockDocument(id, "transfer");
  }

  private Document lockDocument(long id, String kind) {
    List<String> kinds =
        jdbc.queryForList(
            "SELECT kind FROM stock_documents WHERE id = ? FOR UPDATE", String.class, id);
    if (kinds.isEmpty() || !kinds.get(0).equals(kind)) {
      throw ApiException.notFound(kind + "Id", "no " + kind + " " + id);
    }
    return load(id);
  }

  private void setStatus(long id, String status) {
    jdbc.update(
        "UPDATE stock_documents SET status = ?, updated_at = now() WHERE id = ?", status, id);
  }

  private Document load(long id) {
    List<DocumentLine> lines =
        jdbc.query(
            "SELECT * FROM stock_document_lines WHERE document_id = ? ORDER BY line_no",
            (rs, i) -> {
              Integer book = rs.getObject("book_quantity", Integer.class);
              Integer counted = rs.getObject("counted_quantity", Integer.class);
              return new DocumentLine(
                  rs.getLong("sku_id"),
                  rs.getInt("quantity"),
                  rs.getObject("received_quantity", Integer.class),
                  book,
                  counted,
                  book != null && counted != null ? counted - book : null);
            },
            id);
    List<Document> found =
        jdbc.query(
            "SELECT * FROM stock_documents WHERE id = ?",
            (rs, i) ->
                new Document(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getString("status"),
                    rs.getLong("location_id"),
                    rs.getObject("to_location_id", Long.class),
                    rs.getString("reference"),
                    lines),
            id);
    if (found.isEmpty()) {
      throw ApiException.notFound("documentId", "no stock document " + id);
    }
    return found.get(0);
  }

  private static List<Quantity> quantities(List<Line> lines) {
    return IntStream.range(0, lines.size())
        .mapToObj(i -> new Quantity(i, lines.get(i).skuId(), lines.get(i).quantity()))
        .toList();
  }
}
