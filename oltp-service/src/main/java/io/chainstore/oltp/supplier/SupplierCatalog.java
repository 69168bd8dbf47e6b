package io.chainstore.oltp.supplier;

import io.chainstore.oltp.catalog.CatalogCodes;
import io.chainstore.oltp.supplier.SupplierModels.Product;
import io.chainstore.oltp.supplier.SupplierModels.ProductRequest;
import io.chainstore.oltp.supplier.SupplierModels.Sku;
import io.chainstore.oltp.supplier.SupplierModels.SkuUpdate;
import io.chainstore.oltp.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's own products and SKUs. They are part of the one catalog (every channel finds and
 * sells them); the supplier proposes the retail (base) price and sets its cost price, HQ may
 * override the retail price per store or change the base price through the catalog.
 */
@Service
class SupplierCatalog {

  private static final RowMapper<Sku> SKU =
      (rs, i) ->
          new Sku(
              rs.getLong("id"),
              rs.getLong("product_id"),
              rs.getString("code"),
              rs.getString("name"),
              rs.getString("barcode"),
              rs.getBigDecimal("price"),
              rs.getBigDecimal("cost_price"));

  private final JdbcTemplate jdbc;
  private final CatalogCodes catalogCodes;

  SupplierCatalog(JdbcTemplate jdbc, CatalogCodes catalogCodes) {
    this.catalogCodes = catalogCodes;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Product create(long supplier, ProductRequest request) {
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
            request.kind(),
            request.category());
    for (var sku : request.skus()) {
      jdbc.update(
          "INSERT INTO skus (product_id, code, name, barcode, price, supplier_id, cost_price)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          id,
          sku.code(),
          sku.name(),
          sku.barcode(),
          sku.price(),
          supplier,
          sku.costPrice());
    }
    return jdbc.queryForObject(
        "SELECT * FROM products WHERE id = ?",
        (rs, i) ->
            new Product(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("category"),
                jdbc.query("SELECT * FROM skus WHERE product_id = ? ORDER BY id", SKU, id)),
        id);
  }

  @Transactional(readOnly = true)
  List<Sku> skus(long supplier, int limit, int offset) {
    return jdbc.query(
        "SELECT * FROM skus WHERE supplier_id = ? ORDER BY id LIMIT ? OFFSET ?",
        SKU,
        supplier,
        limit,
        offset);
  }

  /** Changes the supplier's own SKU; another's (or the chain's) is not found. */
  @Transactional(propagation = Propagation.MANDATORY)
  Sku update(long supplier, long skuId, SkuUpdate update) {
    List<Sku> changed =
        jdbc.query(
            "UPDATE skus SET name = coalesce(?, name), price = coalesce(?, price),"
                + " cost_price = coalesce(?, cost_price), updated_at = now()"
                + " WHERE id = ? AND supplier_id = ? RETURNING *",
            SKU,
            update.name(),
            update.price(),
            update.costPrice(),
            skuId,
            supplier);
    if (changed.isEmpty()) {
      throw ApiException.notFound("skuId", "no SKU " + skuId + " of yours");
    }
    return changed.get(0);
  }
}
