package io.chainstore.warehouse;

import java.util.List;

/** The names of the ClickHouse tables other modules write and read; the DDL is in migrations. */
public final class WarehouseTables {
  public static final String STORE_KPI = "store_kpi";
  public static final String SKU_SALES = "sku_sales";
  public static final String SKU_CHAIN_SALES = "sku_chain_sales";
  public static final String MEMBER_PROFILE = "member_profile";
  public static final String MEMBER_PROFILE_RUN = "member_profile_run";
  public static final String SCHEMA_MIGRATIONS = "schema_migrations";

  /** The columns of {@link #STORE_KPI}, in the order writers send them. */
  public static final List<String> STORE_KPI_COLUMNS =
      List.of(
          "grain",
          "store_id",
          "channel",
          "bucket_start",
          "bucket_end",
          "local_date",
          "utc_offset",
          "gross_sales",
          "member_discount",
          "coupon_discount",
          "points_discount",
          "refunds",
          "net_sales",
          "paid_orders",
          "units",
          "member_orders",
          "member_net_sales",
          "new_members",
          "goods_net_sales",
          "goods_units",
          "service_net_sales",
          "service_units",
          "part_net_sales",
          "part_units",
          "version",
          "updated_at");

  /** The columns of {@link #SKU_SALES}, in the order writers send them. */
  public static final List<String> SKU_SALES_COLUMNS =
      List.of("store_id", "sku_id", "local_date", "net_sales", "units", "version", "updated_at");

  /** The columns of {@link #SKU_CHAIN_SALES}, in the order writers send them. */
  public static final List<String> SKU_CHAIN_SALES_COLUMNS =
      List.of("sku_id", "local_date", "net_sales", "units", "version", "updated_at");

  private WarehouseTables() {}
}
