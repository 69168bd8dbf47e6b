package io.chainstore.streaming.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chainstore.streaming.kpi.KpiBuckets;
import io.chainstore.streaming.kpi.KpiKey;
import io.chainstore.streaming.kpi.KpiRow;
import io.chainstore.streaming.kpi.Measures;
import io.chainstore.streaming.kpi.StoreDelta;
import io.chainstore.streaming.stores.LocationRow;
import io.chainstore.streaming.stores.StoreZones;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class StoreTotalsTest {

  private static final long PAID = Instant.parse("2026-11-27T17:30:00Z").toEpochMilli();

  private static KeyedTwoInputStreamOperatorTestHarness<Long, StoreDelta, LocationRow, KpiRow>
      harness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new StoreTotals<>(
            KpiBuckets::storeRows,
            TypeInformation.of(StoreDelta.class),
            TypeInformation.of(KpiRow.class),
            "Europe/Berlin",
            50,
            1000),
        StoreDelta::storeId,
        LocationRow::locationId,
        Types.LONG);
  }

  private static StoreDelta sale(long store, long atMillis, String net, long lsn) {
    BigDecimal amount = new BigDecimal(net);
    Measures one =
        Measures.NONE.plus(
            new Measures(
                amount,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                amount,
                1,
                1,
                0,
                BigDecimal.ZERO,
                0,
                amount,
                1,
                BigDecimal.ZERO,
                0,
                BigDecimal.ZERO,
                0));
    return new StoreDelta(store, "pos", atMillis, lsn, one);
  }

  @Test
  void aSaleBeforeItsStoresLocationWaitsAndIsBucketedInTheStoresZone() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement1(sale(3, PAID, "10.00", 10), 0);
      harness.setProcessingTime(100);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processElement2(new LocationRow(3, "store", "Asia/Shanghai"), 0);
      harness.setProcessingTime(200);
      assertThat(harness.extractOutputValues())
          .extracting(row -> row.key().grain())
          .containsExactlyInAnyOrder(KpiKey.MINUTE, KpiKey.HOUR, KpiKey.DAY, KpiKey.MONTH);
      KpiRow day = dayRow(harness);
      // 17:30 UTC is the 28th in Shanghai.
      assertThat(LocalDate.ofEpochDay(day.key().localEpochDay()))
          .isEqualTo(LocalDate.of(2026, 11, 28));
      assertThat(day.key().utcOffsetSeconds()).isEqualTo(8 * 3600);
    }
  }

  @Test
  void salesOfOneFlushLeaveAsOneRowPerBucketAndStoresKeepTheirOwnRows() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement2(new LocationRow(3, "store", "Asia/Shanghai"), 0);
      harness.processElement2(new LocationRow(4, "store", "Europe/Berlin"), 0);
      harness.setProcessingTime(1000);
      harness.processElement1(sale(3, PAID, "10.00", 10), 0);
      harness.processElement1(sale(3, PAID + 1000, "2.50", 12), 0);
      harness.processElement1(sale(4, PAID, "7.00", 11), 0);
      harness.setProcessingTime(1049);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.setProcessingTime(1050);
      assertThat(harness.extractOutputValues())
          .filteredOn(row -> row.key().grain().equals(KpiKey.DAY))
          .extracting(
              row -> row.key().storeId(),
              row -> row.measures().netSales().toPlainString(),
              row -> row.measures().paidOrders(),
              KpiRow::version)
          .containsExactlyInAnyOrder(tuple(3L, "12.50", 2L, 12L), tuple(4L, "7.00", 1L, 11L));
      // Per store: its minute, hour, day and month.
      assertThat(harness.extractOutputValues()).hasSize(8);
    }
  }

  @Test
  void whatBelongsToNoStoreUsesTheChainsTimeZone() throws Exception {
    try (var harness = harness()) {
      harness.open();
      harness.processElement1(
          new StoreDelta(StoreZones.NO_STORE, "online", PAID, 10, Measures.NEW_MEMBER), 0);
      harness.setProcessingTime(50);
      KpiRow day = dayRow(harness);
      assertThat(day.key().utcOffsetSeconds()).isEqualTo(3600);
      assertThat(LocalDate.ofEpochDay(day.key().localEpochDay()))
          .isEqualTo(LocalDate.of(2026, 11, 27));
    }
  }

  @Test
  void aCheckpointHoldsTotalsAndZonesAndARestoreGoesOnFromThere() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      harness.open();
      harness.processElement2(new LocationRow(3, "store", "Asia/Shanghai"), 0);
      harness.processElement1(sale(3, PAID, "10.00", 10), 0);
      // As a task does when the barrier arrives: fold in what waits, then snapshot.
      harness.prepareSnapshotPreBarrier(1);
      snapshot = harness.snapshot(1, 0);
      assertThat(harness.extractOutputValues()).hasSize(4);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement1(sale(3, PAID, "5.00", 13), 0);
      restored.setProcessingTime(50);
      KpiRow day = dayRow(restored);
      assertThat(day.measures().netSales()).isEqualByComparingTo("15.00");
      assertThat(day.measures().paidOrders()).isEqualTo(2);
      assertThat(day.version()).isEqualTo(13);
      assertThat(day.key().utcOffsetSeconds()).isEqualTo(8 * 3600);
    }
  }

  private static KpiRow dayRow(
      KeyedTwoInputStreamOperatorTestHarness<Long, StoreDelta, LocationRow, KpiRow> harness) {
    return harness.extractOutputValues().stream()
        .filter(row -> row.key().grain().equals(KpiKey.DAY))
        .reduce((first, second) -> second)
        .orElseThrow();
  }
}
