package io.chainstore.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheFirstDelayUpToTheMaximumAndStaysThere() {
    Backoff backoff = new Backoff(100, 30_000);
    assertThat(backoff.delayMillis(1)).isEqualTo(100);
    assertThat(backoff.delayMillis(2)).isEqualTo(200);
    assertThat(backoff.delayMillis(3)).isEqualTo(400);
    assertThat(backoff.delayMillis(9)).isEqualTo(25_600);
    assertThat(backoff.delayMillis(10)).isEqualTo(30_000);
    assertThat(backoff.delayMillis(Integer.MAX_VALUE)).isEqualTo(30_000);
  }

  @Test
  void aMaximumNearTheLongRangeDoesNotOverflow() {
    Backoff backoff = new Backoff(3, Long.MAX_VALUE - 1);
    assertThat(backoff.delayMillis(200)).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(backoff.delayMillis(61)).isPositive();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Backoff(0, 10)).hasMessageContaining("first (0)");
    assertThatThrownBy(() -> new Backoff(10, 5)).hasMessageContaining("max (5)");
    assertThatThrownBy(() -> new Backoff(1, 5).delayMillis(0)).hasMessageContaining("from 1");
  }
}
