package io.chainstore.oltp.catalog;

import io.chainstore.oltp.catalog.CatalogModels.PriceRequest;
import io.chainstore.oltp.catalog.CatalogModels.Product;
import io.chainstore.oltp.catalog.CatalogModels.ProductKind;
import io.chainstore.oltp.catalog.CatalogModels.ProductRequest;
import io.chainstore.oltp.catalog.CatalogModels.ScannedSku;
import io.chainstore.oltp.catalog.CatalogModels.Sku;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Products and their SKUs, base prices and per-store prices. */
@Service
class Catalog {

  private static final RowMapper<Sku> SKU =
      (rs, i) ->
          new Sku(
              rs.getLong("id"),
              rs.getLong("product_id"),
              rs.getString("code"),
              rs.getString("name"),
              rs.getString("barcode"),
              rs.getBigDecimal("price"));

  private final JdbcTemplate jdbc;
  private final Prices prices;
  private final Locations locations;
  private final CatalogCodes catalogCodes;

  Catalog(JdbcTemplate jdbc, Prices prices, Locations locations, CatalogCodes catalogCodes) {
    this.catalogCodes = catalogCodes;
    this.jdbc = jdbc;
    this.prices = prices;
    this.locations = locations;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Product create(ProductRequest request) {
    catalogCodes.requireFree(
        request.code(),
        request.skus().stream()
            .map(sku -> new CatalogCodes.SkuCodes(sku.code(), sku.barcode()))
            .toList());
    long id =
        jdbc.queryForObject(
            "INSERT INTO products (code, name, kind, category) VALUES (?, ?, ?, ?) RETURNING id",
            Long.class,
            request.code(),
            request.name(),
            request.kind().code(),
            request.category());
    for (var sku : request.skus()) {
      jdbc.update(
          "INSERT INTO skus (product_id, code, name, barcode, price) VALUES (?, ?, ?, ?, ?)",
          id,
          sku.code(),
          sku.name(),
          sku.barcode(),
          sku.price());
    }
    return product(id);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Product update(long id, CatalogModels.ProductUpdate update) {
    if (jdbc.update(
            "UPDATE products SET name = coalesce(?, name), category = coalesce(?, category) WHERE id = ?",
            update.name(),
            update.category(),
            id)
        == 0) {
      throw ApiException.notFound("productId", "no product " + id);
    }
    return product(id);
  }

  /** Adds a SKU (another size, colour or spec) to an existing product. */
  @Transactional(propagation = Propagation.MANDATORY)
  Product addSku(long productId, CatalogModels.SkuRequest sku) {
    if (!exists("SELECT 1 FROM products WHERE id = ?", productId)) {
      throw ApiException.notFound("productId", "no product " + productId);
    }
    if (exists("SELECT 1 FROM skus WHERE code = ?", sku.code())) {
      throw ApiException.conflict("code", "SKU code " + sku.code() + " is taken");
    }
    if (sku.barcode() != null && exists("SELECT 1 FROM skus WHERE barcode = ?", sku.barcode())) {
      throw ApiException.conflict("barcode", "barcode " + sku.barcode() + " is taken");
    }
    jdbc.update(
        "INSERT INTO skus (product_id, code, name, barcode, price) VALUES (?, ?, ?, ?, ?)",
        productId,
        sku.code(),
        sku.name(),
        sku.barcode(),
        sku.price());
    return product(productId);
  }

  @Transactional(readOnly = true)
  Product product(long id) {
    List<Product> found =
        jdbc.query(
            "SELECT * FROM products WHERE id = ?",
            (rs, i) ->
                new Product(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    ProductKind.fromCode(rs.getString("kind")),
                    rs.getString("category"),
                    jdbc.query("SELECT * FROM skus WHERE product_id = ? ORDER BY id", SKU, id)),
            id);
    if (found.isEmpty()) {
      throw ApiException.notFound("productId", "no product " + id);
    }
    return found.get(0);
  }

  /** Products whose name or code contains {@code text}, optionally of a category and kind. */
  @Transactional(readOnly = true)
  List<Product> search(String text, String category, ProductKind kind, int limit, int offset) {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM products WHERE (?::text IS NULL OR name ILIKE ? OR code ILIKE ?)"
                + " AND (?::text IS NULL OR category = ?) AND (?::text IS NULL OR kind = ?)"
                + " ORDER BY id LIMIT ? OFFSET ?",
            Long.class,
            text,
            like(text),
            like(text),
            category,
            category,
            kind == null ? null : kind.code(),
            kind == null ? null : kind.code(),
            limit,
            offset);
    return ids.stream().map(this::product).toList();
  }

  @Transactional
  Sku setBasePrice(long skuId, PriceRequest request) {
    if (jdbc.update(
            "UPDATE skus SET price = ?, updated_at = now() WHERE id = ?", request.price(), skuId)
        == 0) {
      throw ApiException.notFound("skuId", "no SKU " + skuId);
    }
    return jdbc.queryForObject("SELECT * FROM skus WHERE id = ?", SKU, skuId);
  }

  @Transactional
  void setStorePrice(long skuId, long storeId, PriceRequest request) {
    requireSku(skuId);
    requireStore(storeId);
    jdbc.update(
        "INSERT INTO sku_store_prices (sku_id, store_id, price) VALUES (?, ?, ?)"
            + " ON CONFLICT (sku_id, store_id) DO UPDATE SET price = EXCLUDED.price, updated_at = now()",
        skuId,
        storeId,
        request.price());
  }

  @Transactional
  void removeStorePrice(long skuId, long storeId) {
    requireSku(skuId);
    requireStore(storeId);
    jdbc.update("DELETE FROM sku_store_prices WHERE sku_id = ? AND store_id = ?", skuId, storeId);
  }

  /** The SKU with this barcode and the price charged at the store (base price without one). */
  @Transactional(readOnly = true)
  ScannedSku scan(String barcode, Long storeId) {
    if (storeId != null) {
      requireStore(storeId);
    }
    List<ScannedSku> found =
        jdbc.query(
            "SELECT k.*, p.name AS product_name, p.kind, p.category FROM skus k"
                + " JOIN products p ON p.id = k.product_id WHERE k.barcode = ?",
            (rs, i) ->
                new ScannedSku(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("barcode"),
                    rs.getLong("product_id"),
                    rs.getString("product_name"),
                    ProductKind.fromCode(rs.getString("kind")),
                    rs.getString("category"),
                    storeId,
                    storeId == null
                        ? rs.getBigDecimal("price")
                        : prices.at(storeId, List.of(rs.getLong("id"))).get(rs.getLong("id")),
                    rs.getBigDecimal("price")),
            barcode);
    if (found.isEmpty()) {
      throw ApiException.notFound("barcode", "no SKU with barcode " + barcode);
    }
    return found.get(0);
  }

  private void requireSku(long skuId) {
    if (!exists("SELECT 1 FROM skus WHERE id = ?", skuId)) {
      throw ApiException.notFound("skuId", "no SKU " + skuId);
    }
  }

  private void requireStore(long storeId) {
    if (!locations.isStore(storeId)) {
      throw ApiException.notFound("storeId", "no store " + storeId);
    }
  }

  private boolean exists(String sql, Object... args) {
    return !jdbc.queryForList(sql, args).isEmpty();
  }

  private static String like(String text) {
    return text == null
        ? null
        : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
