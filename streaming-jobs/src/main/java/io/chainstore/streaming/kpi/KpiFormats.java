package io.chainstore.streaming.kpi;

import static io.chainstore.streaming.sink.TextValues.date;
import static io.chainstore.streaming.sink.TextValues.dateTime;
import static io.chainstore.streaming.sink.TextValues.money;

import io.chainstore.streaming.sink.RowFormat;
import io.chainstore.warehouse.WarehouseTables;
import java.util.List;

/**
 * How store-kpis writes its rows: {@code store_kpi}, {@code sku_sales}, {@code sku_chain_sales}.
 */
public final class KpiFormats {

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
        public List<Object> values(KpiRow row, String writtenAt) {
          KpiKey key = row.key();
          Measures m = row.measures();
          return List.of(
              key.grain(),
              key.storeId(),
              key.channel(),
              dateTime(key.startEpochSecond()),
              dateTime(key.endEpochSecond()),
              date(key.localEpochDay()),
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
              writtenAt);
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
        public List<Object> values(SkuDayRow row, String writtenAt) {
          return List.of(
              row.storeId(),
              row.skuId(),
              date(row.localEpochDay()),
              money(row.netSales()),
              row.units(),
              row.version(),
              writtenAt);
        }
      };

  public static final RowFormat<ChainSkuDayRow> SKU_CHAIN_SALES =
      new RowFormat<>() {
        @Override
        public String table(ChainSkuDayRow row) {
          return WarehouseTables.SKU_CHAIN_SALES;
        }

        @Override
        public List<String> columns(String table) {
          return WarehouseTables.SKU_CHAIN_SALES_COLUMNS;
        }

        @Override
        public String id(ChainSkuDayRow row) {
          return row.id();
        }

        @Override
        public List<Object> values(ChainSkuDayRow row, String writtenAt) {
          return List.of(
              row.skuId(),
              date(row.localEpochDay()),
              money(row.netSales()),
              row.units(),
              row.version(),
              writtenAt);
        }
      };
}
