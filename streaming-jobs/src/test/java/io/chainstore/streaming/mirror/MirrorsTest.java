package io.chainstore.streaming.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.ChangeEvents;
import io.chainstore.streaming.cdc.Envelope;
import io.chainstore.streaming.sink.TableRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorsTest {

  @Test
  void aLocationBecomesAStoreDimensionRowVersionedByItsLsn() throws Exception {
    TableRow row = decode("locations", ChangeEvents.location(501, 3, "store", "Asia/Shanghai"));
    assertThat(row.table()).isEqualTo("store_dim");
    assertThat(row.id()).isEqualTo("store_dim|3");
    assertThat(row.values())
        .containsExactly(
            3L, "L3", "Location 3", "store", "Asia/Shanghai", "52.520000", "13.400000", 501L, 0);
    assertThat(Mirrors.FORMAT.values(row, "2026-11-27 10:00:00")).endsWith("2026-11-27 10:00:00");
    assertThat(Mirrors.FORMAT.columns("store_dim")).hasSize(row.values().size() + 1);
  }

  @Test
  void aTargetKeepsItsDateAndADeleteIsFlagged() throws Exception {
    String event =
        ChangeEvents.event(
            "kpi_targets",
            "d",
            600,
            "store_id",
            3,
            "period_type",
            "month",
            "period_start",
            20423,
            "net_sales",
            "12500.00",
            "orders",
            300,
            "new_members",
            25);
    TableRow row = decode("kpi_targets", event);
    assertThat(row.id()).isEqualTo("kpi_target|3|month|20423");
    assertThat(row.values())
        .isEqualTo(List.of(3L, "month", "2025-12-01", "12500.00", 300L, 25L, 600L, 1));
  }

  @Test
  void otherTablesAreNotMirrored() throws Exception {
    assertThat(decode("orders", ChangeEvents.event("orders", "c", 1, "id", 1))).isNull();
  }

  private static TableRow decode(String table, String json) throws Exception {
    return Mirrors.DECODER.decode(table, Envelope.parse(json.getBytes(StandardCharsets.UTF_8)));
  }
}
