package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.demo.ReplayBench.Progressed;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBenchTest {

  @Test
  void theWarmRateStartsAtTheFirstCommitPastAQuarterOfTheEvents() {
    List<Progressed> commits =
        List.of(
            new Progressed(10, 100_000), // start-up: left out
            new Progressed(20, 300_000),
            new Progressed(30, 700_000),
            new Progressed(40, 1_000_000));
    assertThat(ReplayBench.warmRate(commits, 1_000_000)).isEqualTo(35_000.0);
  }

  @Test
  void tooFewCommitsGiveNoWarmRate() {
    assertThat(ReplayBench.warmRate(List.of(new Progressed(5, 900)), 1000)).isNaN();
    assertThat(ReplayBench.warmRate(List.of(), 1000)).isNaN();
    List<Progressed> twoCheckpoints = List.of(new Progressed(5, 400), new Progressed(9, 700));
    assertThat(ReplayBench.warmRate(twoCheckpoints, 1000)).isNaN();
  }
}
