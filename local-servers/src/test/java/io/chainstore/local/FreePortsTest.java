package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsAskedForTogetherAreDistinct() {
    for (int i = 0; i < 20; i++) {
      assertThat(FreePorts.distinct(3)).doesNotHaveDuplicates().hasSize(3);
    }
  }
}
