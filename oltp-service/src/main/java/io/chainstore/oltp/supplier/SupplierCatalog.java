package io.chainstore.oltp.supplier;

import io.chainstore.oltp.supplier.SupplierModels.Product;
import io.chainstore.oltp.supplier.SupplierModels.ProductRequest;
import io.chainstore.oltp.supplier.SupplierModels.Sku;
import io.chainstore.oltp.supplier.SupplierModels.SkuUpdate;
import io.chainstore.oltp.web.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  SupplierCatalog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Product create(long supplier, ProductRequest request) {
    if (exists("SELECT 1 FROM products WHERE code = ?", request.code())) {
      throw ApiException.conflict("code", "product code " + request.code() + " is taken");
    }
    Set<String> codes = new HashSet<>();
    Set<String> barcodes = new HashSet<>();
    for (int i = 0; i < request.skus().size(); i++) {
      var sku = request.skus().get(i);
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

  private boolean exists(String sql, Object... args) {
    return !jdbc.queryForList(sql, args).isEmpty();
  }
}
