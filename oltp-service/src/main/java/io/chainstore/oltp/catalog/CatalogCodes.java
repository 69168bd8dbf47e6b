package io.chainstore.oltp.catalog;

import io.chainstore.oltp.web.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Product codes, SKU codes and barcodes are unique across the catalog, whoever adds the product (HQ
 * or a supplier): 409 naming the field that is taken, before anything is written.
 */
@Component
public class CatalogCodes {

  /** A new SKU's identifiers, as the request lists them. */
  public record SkuCodes(String code, String barcode) {}

  private final JdbcTemplate jdbc;

  CatalogCodes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void requireFree(String productCode, List<SkuCodes> skus) {
    if (exists("SELECT 1 FROM products WHERE code = ?", productCode)) {
      throw ApiException.conflict("code", "product code " + productCode + " is taken");
    }
    Set<String> codes = new HashSet<>();
    Set<String> barcodes = new HashSet<>();
    for (int i = 0; i < skus.size(); i++) {
      SkuCodes sku = skus.get(i);
      if (!codes.add(sku.code()) || exists("SELECT 1 FROM skus WHERE code = ?", sku.code())) {
        throw ApiException.conflict("skus[" + i + "].code", "SKU code " + sku.code() + " is taken");
      }
      if (sku.barcode() != null
          && (!barcodes.add(sku.barcode())
              || exists("SELECT 1 FROM skus WHERE barcode = ?", sku.barcode()))) {
        throw ApiException.conflict(
            "skus[" + i + "].barcode", "barcode " + sku.barcode() + " is taken");
      }
    }
  }

  private boolean exists(String sql, Object... args) {
    return !jdbc.queryForList(sql, args).isEmpty();
  }
}
