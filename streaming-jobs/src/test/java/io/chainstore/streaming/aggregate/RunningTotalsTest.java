package io.chainstore.streaming.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.streaming.kpi.SkuDayRow;
import java.math.BigDecimal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class RunningTotalsTest {

  @Test
  void addsChangesAndKeepsTheHighestVersionEvenWhenAnOlderChangeComesLast() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, SkuDayRow, SkuDayRow> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new RunningTotals<>(TypeInformation.of(SkuDayRow.class)),
            SkuDayRow::id,
            Types.STRING)) {
      harness.processElement(new SkuDayRow(1, 7, 20000, new BigDecimal("5.00"), 2, 30), 0);
      harness.processElement(new SkuDayRow(1, 7, 20000, new BigDecimal("-1.50"), -1, 20), 0);
      SkuDayRow last = harness.extractOutputValues().get(1);
      assertThat(last.netSales()).isEqualByComparingTo("3.50");
      assertThat(last.units()).isEqualTo(1);
      assertThat(last.version()).isEqualTo(30);
    }
  }
}
