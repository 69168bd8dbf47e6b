package io.chainstore.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextValuesTest {

  private static final DateTimeFormatter CLICKHOUSE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Test
  void dateTimesAreWhatTheFormatterWrites() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1000));
      assertThat(TextValues.dateTime(at)).isEqualTo(CLICKHOUSE.format(at));
    }
    assertThat(TextValues.dateTime(0)).isEqualTo("1970-01-01 00:00:00");
  }

  @Test
  void moneyHasTwoDecimals() {
    assertThat(TextValues.money(new BigDecimal("5"))).isEqualTo("5.00");
    assertThat(TextValues.money(new BigDecimal("-0.50"))).isEqualTo("-0.50");
    assertThat(TextValues.date(20419)).isEqualTo("2025-11-27");
  }
}
