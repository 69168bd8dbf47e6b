package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrphanGuardTest {

  @Test
  void aProcessIsKnownByItsStartTimeAndAGoneOneHasNone() {
    long self = ProcessHandle.current().pid();
    assertThat(OrphanGuard.startTime(self)).hasValueSatisfying(t -> assertThat(t).matches("\\d+"));
    assertThat(OrphanGuard.startTime(self)).isEqualTo(OrphanGuard.startTime(self));
    assertThat(OrphanGuard.startTime(Long.MAX_VALUE)).isEmpty();
  }
}
