package io.chainstore.warehouse;

import java.util.List;

/** The names of the ClickHouse tables other modules write and read; the DDL is in migrations. */
public final class WarehouseTables {
  public static final String STORE_KPI = "store_kpi";
  public static final String MEMBER_PROFILE = "member_profile";
  public static final String SCHEMA_MIGRATIONS = "schema_migrations";

  /** The columns of {@link #STORE_KPI}, in the order writers send them. */
  public static final List<String> STORE_KPI_COLUMNS =
      List.of(
          "grain",
          "store_id",
          "channel",
          "bucket_start",
          "net_sales",
          "paid_orders",
          "units",
          "version",
          "updated_at");

  private WarehouseTables() {}
}
