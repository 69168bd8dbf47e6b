package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestWorkersTest {

  @Test
  void twoPerCoreButNeverFewerThanFour() {
    assertThat(RequestWorkers.defaultFor(1)).isEqualTo(4);
    assertThat(RequestWorkers.defaultFor(2)).isEqualTo(4);
    assertThat(RequestWorkers.defaultFor(16)).isEqualTo(32);
  }

  @Test
  void aConfiguredNumberWins() {
    assertThat(new RequestWorkers(3).workers()).isEqualTo(3);
    assertThat(new RequestWorkers(0).workers())
        .isEqualTo(RequestWorkers.defaultFor(Runtime.getRuntime().availableProcessors()));
  }
}
