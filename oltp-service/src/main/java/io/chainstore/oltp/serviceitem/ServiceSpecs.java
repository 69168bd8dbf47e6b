package io.chainstore.oltp.serviceitem;

import io.chainstore.oltp.catalog.Prices;
import io.chainstore.oltp.catalog.ServiceSpec;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The combinations of service products: which SKU is which (area tier, duration, type). A spec is
 * fixed once defined (orders and bookings name the SKU); another combination is another SKU.
 */
@Service
class ServiceSpecs {

  /** What combination a SKU of a service is. */
  record ServiceSpecRequest(
      @Schema(description = "any, up_to_60 (m²), 60_to_120 or over_120")
          @NotNull
          @Pattern(
              regexp = AreaTier.CODES,
              message = "must be any, up_to_60, 60_to_120 or over_120")
          String areaTier,
      @Schema(description = "How long the service takes, and so a booking of it")
          @NotNull
          @Min(15)
          @Max(720)
          Integer durationMinutes,
      @NotBlank @Size(max = 50) String serviceType) {}

  private final JdbcTemplate jdbc;
  private final Prices prices;
  private final Locations locations;

  ServiceSpecs(JdbcTemplate jdbc, Prices prices, Locations locations) {
    this.jdbc = jdbc;
    this.prices = prices;
    this.locations = locations;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  ServiceCombination define(long skuId, ServiceSpecRequest request) {
    List<Map<String, Object>> sku =
        jdbc.queryForList(
            "SELECT k.product_id, p.kind FROM skus k JOIN products p ON p.id = k.product_id"
                + " WHERE k.id = ? FOR UPDATE OF k",
            skuId);
    if (sku.isEmpty()) {
      throw ApiException.notFound("skuId", "no SKU " + skuId);
    }
    if (!"service".equals(sku.get(0).get("kind"))) {
      throw ApiException.unprocessable(
          "skuId", "SKU " + skuId + " is " + sku.get(0).get("kind") + ", not a service");
    }
    long product = ((Number) sku.get(0).get("product_id")).longValue();
    if (!jdbc.queryForList("SELECT 1 FROM service_specs WHERE sku_id = ?", skuId).isEmpty()) {
      throw ApiException.conflict("skuId", "SKU " + skuId + " already has its spec");
    }
    List<Long> taken =
        jdbc.queryForList(
            "SELECT sku_id FROM service_specs WHERE product_id = ? AND area_tier = ?"
                + " AND duration_minutes = ? AND service_type = ?",
            Long.class,
            product,
            request.areaTier(),
            request.durationMinutes(),
            request.serviceType());
    if (!taken.isEmpty()) {
      throw ApiException.conflict(
          "serviceType", "this combination is already SKU " + taken.get(0) + " of the product");
    }
    // The composite keys refuse a SKU of goods and a duplicate combination even if a race slips by.
    jdbc.update(
        "INSERT INTO service_specs (sku_id, product_id, area_tier, duration_minutes, service_type)"
            + " VALUES (?, ?, ?, ?, ?)",
        skuId,
        product,
        request.areaTier(),
        request.durationMinutes(),
        request.serviceType());
    return combinations(product, null).stream()
        .filter(c -> c.skuId() == skuId)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The combinations of a service product that fit the criteria, with the price at the store when
   * one is given (resolved in {@link Prices}, as at checkout).
   */
  @Transactional(readOnly = true)
  List<ServiceCombination> list(
      long productId,
      Long storeId,
      Integer areaSquareMetres,
      Integer durationMinutes,
      String serviceType) {
    List<String> kind =
        jdbc.queryForList("SELECT kind FROM products WHERE id = ?", String.class, productId);
    if (kind.isEmpty()) {
      throw ApiException.notFound("productId", "no product " + productId);
    }
    if (!kind.get(0).equals("service")) {
      throw ApiException.unprocessable(
          "productId", "product " + productId + " is " + kind.get(0) + ", not a service");
    }
    if (storeId != null && !locations.isStore(storeId)) {
      throw ApiException.notFound("storeId", "no store " + storeId);
    }
    return combinations(productId, storeId).stream()
        .filter(c -> c.fits(areaSquareMetres, durationMinutes, serviceType))
        .toList();
  }

  private List<ServiceCombination> combinations(long productId, Long storeId) {
    List<ServiceCombination> base =
        jdbc.query(
            "SELECT k.id, k.code, k.name, k.price, s.area_tier, s.duration_minutes, s.service_type"
                + " FROM service_specs s JOIN skus k ON k.id = s.sku_id WHERE s.product_id = ?"
                + " ORDER BY s.service_type, s.area_tier, s.duration_minutes, k.id",
            (rs, i) ->
                new ServiceCombination(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    new ServiceSpec(
                        rs.getString("area_tier"),
                        rs.getInt("duration_minutes"),
                        rs.getString("service_type")),
                    rs.getBigDecimal("price"),
                    null,
                    rs.getBigDecimal("price")),
            productId);
    if (storeId == null || base.isEmpty()) {
      return base;
    }
    Map<Long, BigDecimal> atStore =
        prices.at(storeId, base.stream().map(ServiceCombination::skuId).toList());
    return base.stream()
        .map(
            c ->
                new ServiceCombination(
                    c.skuId(),
                    c.skuCode(),
                    c.name(),
                    c.spec(),
                    c.basePrice(),
                    storeId,
                    atStore.get(c.skuId())))
        .toList();
  }
}
