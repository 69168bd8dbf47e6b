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
 * it has one, else the SKU's base price.
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
    jdbc.query(
        connection -> {
          var ps =
              connection.prepareStatement(
                  "SELECT k.id, coalesce(sp.price, k.price) AS price FROM skus k"
                      + " LEFT JOIN sku_store_prices sp ON sp.sku_id = k.id AND sp.store_id = ?"
                      + " WHERE k.id = ANY (?)");
          ps.setLong(1, storeId);
          Array ids = connection.createArrayOf("bigint", skuIds.toArray());
          ps.setArray(2, ids);
          return ps;
        },
        rs -> {
          prices.put(rs.getLong("id"), rs.getBigDecimal("price"));
        });
    return prices;
  }
}
