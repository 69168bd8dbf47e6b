package io.chainstore.oltp.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The catalog's requests and responses. */
final class CatalogModels {

  private CatalogModels() {}

  /** Goods are stocked and sold, services are performed, parts are used in repairs. */
  enum ProductKind {
    GOODS,
    SERVICE,
    PART;

    @JsonValue
    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static ProductKind fromCode(String code) {
      for (ProductKind k : values()) {
        if (k.code().equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown kind " + code);
    }
  }

  record ProductRequest(
      @NotBlank @Size(max = 64) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull ProductKind kind,
      @NotBlank @Size(max = 100) String category,
      @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull SkuRequest> skus) {}

  record SkuRequest(
      @NotBlank @Size(max = 64) String code,
      @NotBlank @Size(max = 200) String name,
      @Pattern(regexp = "[0-9]{8,14}", message = "must be 8 to 14 digits") String barcode,
      @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal price) {}

  /** Fields to change; those left out stay as they are. */
  record ProductUpdate(
      @Size(min = 1, max = 200) String name, @Size(min = 1, max = 100) String category) {}

  record PriceRequest(
      @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal price) {}

  record Sku(long id, long productId, String code, String name, String barcode, BigDecimal price) {}

  record Product(
      long id, String code, String name, ProductKind kind, String category, List<Sku> skus) {}

  /** What a till shows after a scan: the SKU and the price this store charges. */
  record ScannedSku(
      long skuId,
      String code,
      String name,
      String barcode,
      long productId,
      String productName,
      ProductKind kind,
      String category,
      Long storeId,
      BigDecimal price,
      BigDecimal basePrice) {}
}
