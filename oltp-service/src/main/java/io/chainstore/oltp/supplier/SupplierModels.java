package io.chainstore.oltp.supplier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The supplier feature's requests and responses. */
final class SupplierModels {

  private SupplierModels() {}

  record SupplierRequest(
      @NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String name) {}

  /** A supplier with what the chain owes it now. */
  record Supplier(long id, String code, String name, BigDecimal owed) {}

  @Schema(name = "SupplierProductRequest")
  record ProductRequest(
      @NotBlank @Size(max = 64) String code,
      @NotBlank @Size(max = 200) String name,
      @Schema(description = "goods or part: what a supplier stocks and ships")
          @NotNull
          @Pattern(regexp = "goods|part", message = "must be goods or part")
          String kind,
      @NotBlank @Size(max = 100) String category,
      @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull SkuRequest> skus) {}

  @Schema(name = "SupplierSkuRequest")
  record SkuRequest(
      @NotBlank @Size(max = 64) String code,
      @NotBlank @Size(max = 200) String name,
      @Pattern(regexp = "[0-9]{8,14}", message = "must be 8 to 14 digits") String barcode,
      @Schema(description = "The proposed retail (base) price; HQ may override it per store")
          @NotNull
          @DecimalMin("0.00")
          @Digits(integer = 16, fraction = 2)
          BigDecimal price,
      @Schema(description = "What the chain pays the supplier per unit shipped")
          @NotNull
          @DecimalMin("0.00")
          @Digits(integer = 16, fraction = 2)
          BigDecimal costPrice) {}

  /** Fields to change; those left out stay as they are. */
  @Schema(name = "SupplierSkuUpdate")
  record SkuUpdate(
      @Size(min = 1, max = 200) String name,
      @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal price,
      @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal costPrice) {}

  @Schema(name = "SupplierSku")
  record Sku(
      long id,
      long productId,
      String code,
      String name,
      String barcode,
      BigDecimal price,
      BigDecimal costPrice) {}

  @Schema(name = "SupplierProduct")
  record Product(long id, String code, String name, String kind, String category, List<Sku> skus) {}

  @Schema(name = "SupplierLocationRequest")
  record LocationRequest(
      @NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String name) {}

  @Schema(name = "SupplierLocation")
  record Location(long id, String code, String name) {}

  @Schema(name = "SupplierReceiptLine")
  record ReceiptLine(
      @NotNull @Min(1) Long skuId, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}

  @Schema(name = "SupplierReceiptRequest")
  record ReceiptRequest(
      @NotNull @Min(1) Long locationId,
      @Size(max = 100) String reference,
      @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull ReceiptLine> lines) {}

  @Schema(name = "SupplierReceipt")
  record Receipt(long id, long locationId, String reference, List<ReceiptLine> lines) {}

  @Schema(name = "SupplierStockLevel")
  record StockLevel(
      long skuId,
      String skuCode,
      long locationId,
      String locationCode,
      int onHand,
      int reserved,
      int available) {}

  /** Who receives a part shipped to the consumer: what shipping needs of the member, no more. */
  record Recipient(String name, String phone) {}

  /** Where a part shipped to a store for collection goes. */
  record Destination(long storeId, String code, String name) {}

  record FulfilmentLine(int lineNo, long skuId, String skuCode, String skuName, int quantity) {}

  /** A supplier's part of an order: its lines only, never the rest of the order. */
  record Fulfilment(
      long id,
      long orderId,
      @Schema(description = "open, shipped or cancelled") String status,
      @Schema(description = "consumer (online order) or store (click-and-collect)") String shipTo,
      long locationId,
      Recipient recipient,
      Destination store,
      Long receiptId,
      OffsetDateTime createdAt,
      OffsetDateTime shippedAt,
      List<FulfilmentLine> lines) {}

  @Schema(name = "SupplierLedgerRow")
  record LedgerRow(
      long id,
      @Schema(description = "shipped (owed) or returned (reversed)") String kind,
      long fulfilmentId,
      long orderId,
      int lineNo,
      Long returnId,
      long skuId,
      int quantity,
      BigDecimal unitCost,
      BigDecimal amount,
      OffsetDateTime at) {}

  /** What the chain owes the supplier: the sum of every row, and the newest rows. */
  @Schema(name = "SupplierLedger")
  record Ledger(long supplierId, BigDecimal balance, List<LedgerRow> rows) {}

  /** A part of an order as the chain sees it: who ships which lines, and how far it got. */
  record OrderPart(
      long id,
      @Schema(description = "The supplier that ships it; absent for the store's own part")
          Long supplierId,
      long locationId,
      String shipTo,
      String status,
      OffsetDateTime shippedAt,
      List<Integer> lineNos) {}
}
