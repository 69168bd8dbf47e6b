package io.chainstore.streaming.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.kpi.KpiBuckets;
import io.chainstore.streaming.kpi.KpiRow;
import io.chainstore.streaming.kpi.Measures;
import io.chainstore.streaming.kpi.StoreDelta;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ZoneResolverTest {

  private static final long PAID = Instant.parse("2026-11-27T17:30:00Z").toEpochMilli();

  private static KeyedTwoInputStreamOperatorTestHarness<Long, StoreDelta, LocationRow, KpiRow>
      harness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new ZoneResolver<>(
            KpiBuckets::storeRows, TypeInformation.of(StoreDelta.class), "Europe/Berlin"),
        StoreDelta::storeId,
        LocationRow::locationId,
        Types.LONG);
  }

  @Test
  void aChangeBeforeItsStoresLocationWaitsForItsTimeZone() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(new StoreDelta(3, "pos", PAID, 10, Measures.NEW_MEMBER), 0);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processElement2(new LocationRow(3, "store", "Asia/Shanghai"), 0);
      assertThat(harness.extractOutputValues())
          .hasSize(4)
          .allSatisfy(row -> assertThat(row.key().storeId()).isEqualTo(3));
      // 17:30 UTC is the 28th in Shanghai.
      assertThat(LocalDate.ofEpochDay(harness.extractOutputValues().get(2).key().localEpochDay()))
          .isEqualTo(LocalDate.of(2026, 11, 28));

      harness.processElement1(new StoreDelta(3, "pos", PAID, 11, Measures.NEW_MEMBER), 0);
      assertThat(harness.extractOutputValues()).hasSize(8);
    }
  }

  @Test
  void whatBelongsToNoStoreUsesTheChainsTimeZone() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(
          new StoreDelta(StoreZones.NO_STORE, "online", PAID, 10, Measures.NEW_MEMBER), 0);
      KpiRow day = harness.extractOutputValues().get(2);
      assertThat(day.key().utcOffsetSeconds()).isEqualTo(3600);
      assertThat(LocalDate.ofEpochDay(day.key().localEpochDay()))
          .isEqualTo(LocalDate.of(2026, 11, 27));
    }
  }
}
