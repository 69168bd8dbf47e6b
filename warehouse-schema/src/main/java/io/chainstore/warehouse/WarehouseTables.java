package io.chainstore.warehouse;

/** The names of the ClickHouse tables other modules write and read; the DDL is in migrations. */
public final class WarehouseTables {
  public static final String STORE_KPI = "store_kpi";
  public static final String MEMBER_PROFILE = "member_profile";
  public static final String SCHEMA_MIGRATIONS = "schema_migrations";

  private WarehouseTables() {}
}
