package io.chainstore.streaming.kpi;

import io.chainstore.streaming.sink.RowFormat;
import io.chainstore.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How store-kpis writes its rows: {@code store_kpi} and {@code sku_sales}. */
public final class KpiFormats {

  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private KpiFormats() {}

  public static final RowFormat<KpiRow> STORE_KPI =
      new RowFormat<>() {
        @Override
        public String table(KpiRow row) {
          return WarehouseTables.STORE_KPI;
        }

        @Override
        public List<String> columns(String table) {
          return WarehouseTables.STORE_KPI_COLUMNS;
        }

        @Override
        public String id(KpiRow row) {
          return row.id();
        }

        @Override
        public List<Object> values(KpiRow row, Instant now) {
          KpiKey key = row.key();
          Measures m = row.measures();
          return List.of(
              key.grain(),
              key.storeId(),
              key.channel(),
              dateTime(key.startEpochSecond()),
              dateTime(key.endEpochSecond()),
              LocalDate.ofEpochDay(key.localEpochDay()).toString(),
              key.utcOffsetSeconds(),
              money(m.grossSales()),
              money(m.memberDiscount()),
              money(m.couponDiscount()),
              money(m.pointsDiscount()),
              money(m.refunds()),
              money(m.netSales()),
              m.paidOrders(),
              m.units(),
              m.memberOrders(),
              money(m.memberNetSales()),
              m.newMembers(),
              money(m.goodsNetSales()),
              m.goodsUnits(),
              money(m.serviceNetSales()),
              m.serviceUnits(),
              money(m.partNetSales()),
              m.partUnits(),
              row.version(),
              DATE_TIME.format(now));
        }
      };

  public static final RowFormat<SkuDayRow> SKU_SALES =
      new RowFormat<>() {
        @Override
        public String table(SkuDayRow row) {
          return WarehouseTables.SKU_SALES;
        }

        @Override
        public List<String> columns(String table) {
          return WarehouseTables.SKU_SALES_COLUMNS;
        }

        @Override
        public String id(SkuDayRow row) {
          return row.id();
        }

        @Override
        public List<Object> values(SkuDayRow row, Instant now) {
          return List.of(
              row.storeId(),
              row.skuId(),
              LocalDate.ofEpochDay(row.localEpochDay()).toString(),
              money(row.netSales()),
              row.units(),
              row.version(),
              DATE_TIME.format(now));
        }
      };

  static String dateTime(long epochSecond) {
    return DATE_TIME.format(Instant.ofEpochSecond(epochSecond));
  }

  static String money(BigDecimal amount) {
    return amount.setScale(2).toPlainString();
  }
}
