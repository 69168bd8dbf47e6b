package io.chainstore.streaming.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void readsTimestampsAsTheJdkDoesWhateverTheirFractionOrOffset() {
    for (String text :
        new String[] {
          "2026-11-27T17:30:00Z",
          "2026-11-27T17:30:00.1Z",
          "2026-11-27T17:30:00.123456Z",
          "2026-11-27T17:30:00.123456789Z",
          "1969-12-31T23:59:59.999Z",
          "2024-02-29T00:00:00Z",
          "2026-03-29T01:30:00+01:00",
          "2026-11-27T17:30:00.5-05:30"
        }) {
      assertThat(Columns.parseInstant(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @Test
  void readsRandomInstantsBackExactly() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Instant at =
          Instant.ofEpochSecond(
              random.nextLong(-2_000_000_000L, 4_000_000_000L),
              random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1000);
      assertThat(Columns.parseInstant(at.toString())).isEqualTo(at);
    }
  }

  @Test
  void refusesWhatIsNoTimestamp() {
    for (String text :
        new String[] {"2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-2xT00:00:00Z"}) {
      assertThatThrownBy(() -> Columns.parseInstant(text))
          .as(text)
          .isInstanceOf(java.time.DateTimeException.class);
    }
    assertThatThrownBy(() -> Columns.parseInstant("yesterday"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
