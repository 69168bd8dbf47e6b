package io.chainstore.demo;

import io.chainstore.local.LocalPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The chain the demo trades in: stores, a warehouse, SKUs with prices, stock and members. Written
 * straight to PostgreSQL until the catalog and member APIs exist.
 */
final class DemoSeed {

  /** The chain; {@code zones} are the stores' time zones, in the order of {@code stores}. */
  record Chain(
      List<Long> stores, long warehouse, List<Long> skus, List<Long> members, List<String> zones) {

    /** The SKUs the first store holds only a few of, so that selling them runs it low. */
    List<Long> scarceAtFirstStore() {
      return skus.subList(2, Math.min(5, skus.size()));
    }
  }

  private static final String[] PRODUCTS = {
    "Milk 1l", "Espresso beans 500g", "Olive oil 750ml", "Sourdough bread", "Apples 1kg",
    "Dark chocolate", "Green tea", "Pasta 500g", "Tomato sauce", "Sparkling water 6x1l",
    "Cheddar 200g", "Yoghurt 4x125g", "Granola 750g", "Orange juice 1l", "Rice 1kg",
    "Dish soap", "Paper towels", "Shampoo 250ml", "Toothpaste", "Batteries AA 4x"
  };

  private DemoSeed() {}

  static Chain seed(LocalPostgres postgres, int storeCount, long seed) {
    return seed(postgres, storeCount, PRODUCTS.length, seed);
  }

  /** The chain with {@code skuCount} SKUs: the named products first, then numbered articles. */
  static Chain seed(LocalPostgres postgres, int storeCount, int skuCount, long seed) {
    Random random = new Random(seed);
    try (Connection c = postgres.connect()) {
      c.setAutoCommit(false);
      List<Long> stores = new ArrayList<>();
      List<String> zones = new ArrayList<>();
      for (int i = 1; i <= storeCount; i++) {
        // Two business days side by side: odd stores close their books in Shanghai.
        zones.add(i % 2 == 1 ? "Asia/Shanghai" : "Europe/Berlin");
        stores.add(
            insert(
                c,
                "INSERT INTO locations (code, name, kind, latitude, longitude, time_zone)"
                    + " VALUES (?, ?, 'store', ?, ?, ?) RETURNING id",
                "S" + String.format("%03d", i),
                "Store " + i,
                new BigDecimal("52.5").add(BigDecimal.valueOf(random.nextInt(2000) - 1000, 4)),
                new BigDecimal("13.4").add(BigDecimal.valueOf(random.nextInt(2000) - 1000, 4)),
                zones.get(i - 1)));
      }
      long warehouse =
          insert(
              c,
              "INSERT INTO locations (code, name, kind, latitude, longitude, time_zone) VALUES"
                  + " ('W001', 'Central warehouse', 'warehouse', 52.35, 13.5, 'Europe/Berlin')"
                  + " RETURNING id");
      List<Long> skus = new ArrayList<>();
      for (int i = 0; i < skuCount; i++) {
        String name = i < PRODUCTS.length ? PRODUCTS[i] : "Article " + (i + 1);
        BigDecimal price = BigDecimal.valueOf(99 + random.nextInt(2400), 2);
        long product =
            insert(
                c,
                "INSERT INTO products (code, name, kind, category) VALUES (?, ?, 'goods', ?)"
                    + " RETURNING id",
                "P-" + (1000 + i),
                name,
                i < 15 ? "grocery" : "household");
        skus.add(
            insert(
                c,
                "INSERT INTO skus (product_id, code, name, barcode, price) VALUES (?, ?, ?, ?, ?)"
                    + " RETURNING id",
                product,
                "SKU-" + (1000 + i),
                name,
                "40" + String.format("%011d", 1000 + i),
                price));
      }
      // Every stock change declares its reason; the ledger trigger refuses one without.
      try (PreparedStatement reason =
          c.prepareStatement("SELECT set_config('chainstore.stock_reason', 'initial', true)")) {
        reason.execute();
      }
      List<Long> scarce = skus.subList(2, Math.min(5, skus.size()));
      try (PreparedStatement stock =
          c.prepareStatement("INSERT INTO stock (sku_id, location_id, on_hand) VALUES (?, ?, ?)")) {
        for (long sku : skus) {
          for (long store : stores) {
            stock.setLong(1, sku);
            stock.setLong(2, store);
            boolean low = store == stores.get(0) && scarce.contains(sku);
            stock.setInt(3, low ? 6 : 200 + random.nextInt(300));
            stock.addBatch();
          }
          stock.setLong(1, sku);
          stock.setLong(2, warehouse);
          stock.setInt(3, 5000);
          stock.addBatch();
        }
        stock.executeBatch();
      }
      List<Long> members = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        members.add(
            insert(
                c,
                "INSERT INTO members (name, phone) VALUES (?, ?) RETURNING id",
                "Member " + i,
                "+49151" + String.format("%08d", 10_000_000 + i * 7919 % 90_000_000)));
      }
      c.commit();
      return new Chain(stores, warehouse, skus, members, zones);
    } catch (SQLException e) {
      throw new IllegalStateException("seeding the demo chain failed", e);
    }
  }

  private static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
