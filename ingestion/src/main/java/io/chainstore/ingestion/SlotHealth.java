package io.chainstore.ingestion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The logical replication slots as PostgreSQL sees them: whether a connector is attached and how
 * much WAL each keeps on disk for it (from its restart LSN to the current WAL position). WAL kept
 * grows while the connector is down or behind; a full disk stops the transactional database.
 */
public final class SlotHealth {

  /** One slot: its name, whether a connector is attached, and the WAL it keeps, in bytes. */
  public record Slot(String name, boolean active, long retainedWalBytes) {}

  private static final String QUERY =
      "SELECT slot_name, active,"
          + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint AS retained"
          + " FROM pg_replication_slots WHERE slot_type = 'logical' ORDER BY slot_name";

  private SlotHealth() {}

  public static List<Slot> read(Connection connection) throws SQLException {
    List<Slot> slots = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      while (rs.next()) {
        slots.add(new Slot(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
      }
    }
    return slots;
  }

  /** The slots in Prometheus' text format, under the names the alert rules use. */
  public static String prometheusText(List<Slot> slots) {
    StringBuilder out = new StringBuilder();
    gauge(
        out,
        "chainstore_cdc_slot_retained_wal_bytes",
        "WAL the slot keeps on disk",
        slots,
        Slot::retainedWalBytes);
    gauge(
        out,
        "chainstore_cdc_slot_active",
        "1 while a connector reads the slot",
        slots,
        slot -> slot.active() ? 1 : 0);
    return out.toString();
  }

  private static void gauge(
      StringBuilder out, String name, String help, List<Slot> slots, ToLongFunction<Slot> value) {
    PrometheusText.header(out, name, "gauge", help);
    for (Slot slot : slots) {
      out.append(name)
          .append("{slot=\"")
          .append(label(slot.name()))
          .append("\"} ")
          .append(value.applyAsLong(slot))
          .append('\n');
    }
  }

  /** A label value as Prometheus' text format wants it escaped. */
  private static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
