package io.chainstore.streaming.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chainstore.streaming.kpi.SkuDayRow;
import java.math.BigDecimal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RunningTotalsTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, SkuDayRow, SkuDayRow> harness(
      int maxPendingKeys) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new RunningTotals<>(TypeInformation.of(SkuDayRow.class), 50, maxPendingKeys),
        SkuDayRow::id,
        Types.STRING);
  }

  private static SkuDayRow row(long sku, String net, long units, long version) {
    return new SkuDayRow(1, sku, 20000, new BigDecimal(net), units, version);
  }

  @Test
  void addsChangesAndKeepsTheHighestVersionEvenWhenAnOlderChangeComesLast() throws Exception {
    try (var harness = harness(100)) {
      harness.open();
      harness.processElement(row(7, "5.00", 2, 30), 0);
      harness.setProcessingTime(50);
      harness.processElement(row(7, "-1.50", -1, 20), 0);
      harness.setProcessingTime(100);
      SkuDayRow last = harness.extractOutputValues().get(1);
      assertThat(last.netSales()).isEqualByComparingTo("3.50");
      assertThat(last.units()).isEqualTo(1);
      assertThat(last.version()).isEqualTo(30);
    }
  }

  @Test
  void changesWithinAFlushIntervalLeaveAsOneRowPerKeyWhenItEnds() throws Exception {
    try (var harness = harness(100)) {
      harness.open();
      harness.setProcessingTime(1000);
      harness.processElement(row(7, "5.00", 2, 1), 0);
      harness.processElement(row(7, "2.00", 1, 2), 0);
      harness.processElement(row(8, "9.00", 3, 3), 0);
      harness.processElement(row(7, "1.00", 1, 4), 0);
      harness.setProcessingTime(1049);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.setProcessingTime(1050);
      assertThat(harness.extractOutputValues())
          .extracting(SkuDayRow::skuId, SkuDayRow::units, SkuDayRow::version)
          .containsExactlyInAnyOrder(tuple(7L, 4L, 4L), tuple(8L, 3L, 3L));
    }
  }

  @Test
  void tooManyWaitingKeysAreFoldedInAtOnce() throws Exception {
    try (var harness = harness(2)) {
      harness.open();
      harness.processElement(row(7, "5.00", 2, 1), 0);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.processElement(row(8, "9.00", 3, 2), 0);
      assertThat(harness.extractOutputValues()).hasSize(2);
    }
  }

  @Test
  void aCheckpointHoldsEveryChangeBeforeItAndARestoreGoesOnFromThere() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness(100)) {
      harness.open();
      harness.processElement(row(7, "5.00", 2, 1), 0);
      harness.processElement(row(7, "2.00", 1, 2), 0);
      // As a task does when the barrier arrives: fold in what waits, then snapshot.
      harness.prepareSnapshotPreBarrier(1);
      snapshot = harness.snapshot(1, 0);
      assertThat(harness.extractOutputValues())
          .singleElement()
          .extracting(SkuDayRow::units)
          .isEqualTo(3L);
    }
    try (var restored = harness(100)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(row(7, "1.00", 1, 3), 0);
      restored.setProcessingTime(50);
      SkuDayRow total = restored.extractOutputValues().get(0);
      assertThat(total.units()).isEqualTo(4);
      assertThat(total.netSales()).isEqualByComparingTo("8.00");
      assertThat(total.version()).isEqualTo(3);
    }
  }
}
