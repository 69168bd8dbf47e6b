package io.chainstore.streaming.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.sink.TableRow;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TagCountsTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, TagCountChange, TableRow> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new TagCounts(), TagCountChange::tag, Types.STRING);
  }

  private static List<List<Object>> rows(
      KeyedOneInputStreamOperatorTestHarness<String, TagCountChange, TableRow> harness) {
    return harness.extractOutputValues().stream().map(TableRow::values).toList();
  }

  @Test
  void countsAreWrittenAsOfEachSecondInWhichTheyChanged() throws Exception {
    try (var harness = harness()) {
      harness.processElement(new TagCountChange("active", 1), 10_000);
      harness.processElement(new TagCountChange("active", 1), 10_400);
      harness.processElement(new TagCountChange("lapsing", 1), 10_999);
      harness.processElement(new TagCountChange("active", -1), 11_500);
      harness.processWatermark(10_999);
      assertThat(rows(harness)).containsExactly(List.of("active", 1L, 10_000L));

      harness.processWatermark(11_000);
      assertThat(rows(harness))
          .containsExactlyInAnyOrder(
              List.of("active", 1L, 10_000L),
              List.of("active", 2L, 11_000L),
              List.of("lapsing", 1L, 11_000L));

      harness.processWatermark(12_000);
      assertThat(rows(harness)).contains(List.of("active", 1L, 12_000L)).hasSize(4);
    }
  }

  @Test
  void changesWithinASecondArrivingInAnyOrderGiveTheSameRow() throws Exception {
    try (var harness = harness()) {
      // One member stops holding, another starts: in the same second, the count does not dip.
      harness.processElement(new TagCountChange("new", 1), 5_000);
      harness.processWatermark(5_000);
      harness.processElement(new TagCountChange("new", -1), 5_700);
      harness.processElement(new TagCountChange("new", 1), 5_300);
      harness.processWatermark(6_000);

      assertThat(rows(harness))
          .containsExactly(List.of("new", 1L, 5_000L), List.of("new", 1L, 6_000L));
    }
  }

  @Test
  void aRestoredCountGoesOnFromItsSnapshot() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      harness.processElement(new TagCountChange("referrer", 1), 1_000);
      harness.processElement(new TagCountChange("referrer", 1), 1_500);
      harness.processWatermark(1_000);
      snapshot = harness.snapshot(1, 1_000);
    }
    try (var restored =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TagCounts()), TagCountChange::tag, Types.STRING)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(new TagCountChange("referrer", 1), 1_800);
      restored.processWatermark(2_000);
      assertThat(rows(restored)).containsExactly(List.of("referrer", 3L, 2_000L));
    }
  }
}
