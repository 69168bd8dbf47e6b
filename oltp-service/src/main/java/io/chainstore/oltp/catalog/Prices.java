package io.chainstore.oltp.catalog;

import java.math.BigDecimal;
import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place where the price a store charges is resolved: the store's own price for the SKU if
 * it has one, else the SKU's base price. A service's combinations (area tier, duration, type) are
 * SKUs of their own, so they resolve here too.
 */
@Component
public class Prices {

  private final JdbcTemplate jdbc;

  Prices(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Prices at the store of the SKUs that exist; unknown SKUs are absent from the map. */
  public Map<Long, BigDecimal> at(long storeId, Collection<Long> skuIds) {
    Map<Long, BigDecimal> prices = new HashMap<>();
    quote(storeId, skuIds).forEach((sku, quote) -> prices.put(sku, quote.price()));
    return prices;
  }

  /**
   * A SKU's price at a store with what it is: its product's kind (services hold no stock) and, for
   * a service combination, its spec (null otherwise).
   */
  public record Quote(BigDecimal price, String productKind, ServiceSpec spec) {

    public boolean stocked() {
      return !"service".equals(productKind);
    }
  }

  /** Quotes at the store of the SKUs that exist (one query); unknown SKUs are absent. */
  public Map<Long, Quote> quote(long storeId, Collection<Long> skuIds) {
    Map<Long, Quote> quotes = new HashMap<>();
    jdbc.query(
        connection -> {
          var ps =
              connection.prepareStatement(
                  "SELECT k.id, coalesce(sp.price, k.price) AS price, p.kind, ss.area_tier,"
                      + " ss.duration_minutes, ss.service_type FROM skus k"
                      + " JOIN products p ON p.id = k.product_id"
                      + " LEFT JOIN sku_store_prices sp ON sp.sku_id = k.id AND sp.store_id = ?"
                      + " LEFT JOIN service_specs ss ON ss.sku_id = k.id"
                      + " WHERE k.id = ANY (?)");
          ps.setLong(1, storeId);
          Array ids = connection.createArrayOf("bigint", skuIds.toArray());
          ps.setArray(2, ids);
          return ps;
        },
        rs -> {
          String tier = rs.getString("area_tier");
          quotes.put(
              rs.getLong("id"),
              new Quote(
                  rs.getBigDecimal("price"),
                  rs.getString("kind"),
                  tier == null
                      ? null
                      : new ServiceSpec(
                          tier, rs.getInt("duration_minutes"), rs.getString("service_type"))));
        });
    return quotes;
  }
}
