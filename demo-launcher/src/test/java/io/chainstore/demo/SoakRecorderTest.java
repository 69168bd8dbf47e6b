package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakRecorderTest {

  @Test
  void heapAddsTheGenerationsAndLeavesMetaspaceOut() {
    String parallel =
        """
         PSYoungGen      total 153088K, used 2621K [0x00000000f5580000, 0x0000000100000000)
          eden space 131584K, 1%% used
         ParOldGen       total 349696K, used 10342K [0x00000000e0000000, 0x00000000f5580000)
         Metaspace       used 61234K, committed 61888K, reserved 1114112K
          class space    used 7891K, committed 8192K, reserved 1048576K
        """
            .formatted();
    assertThat(SoakRecorder.Heap.of(parallel))
        .isEqualTo(new SoakRecorder.Heap((2621 + 10342) >> 10, (153088 + 349696) >> 10));

    String g1 =
        """
         garbage-first heap   total 262144K, used 20480K [0x00000000f0000000, 0x0000000100000000)
          region size 1024K, 2 young (2048K), 0 survivors (0K)
         Metaspace       used 1000K, committed 1100K, reserved 1114112K
        """;
    assertThat(SoakRecorder.Heap.of(g1)).isEqualTo(new SoakRecorder.Heap(20, 256));
  }

  @Test
  void aMinuteIsOneLineWithEveryProcessAndTheFreshness() {
    Map<String, Long> memory = new LinkedHashMap<>();
    memory.put("oltp-service", 512L);
    memory.put("flink", 1024L);
    assertThat(
            SoakRecorder.line(
                new SoakRecorder.Sample(3.04, memory, 20_950_000L, 246.4, 329.0, 298)))
        .isEqualTo(
            "minute 3.0: memory MB oltp-service 512, flink 1024; slot WAL 21.0 MB;"
                + " freshness p95 246 ms, max 329 ms (298 probes)");
    assertThat(SoakRecorder.line(new SoakRecorder.Sample(0, memory, 0, null, null, 0)))
        .endsWith("freshness p95 – ms, max – ms (0 probes)");
  }
}
