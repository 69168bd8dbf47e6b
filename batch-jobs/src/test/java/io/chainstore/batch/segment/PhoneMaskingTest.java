package io.chainstore.batch.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PhoneMaskingTest {

  @Test
  void keepsCountryAndLastFourDigits() {
    assertThat(PhoneMasking.mask("+49 151 2345 6789")).isEqualTo("+49*******6789");
    assertThat(PhoneMasking.mask("13812345678")).isEqualTo("13*****5678");
  }

  @Test
  void masksShortNumbersEntirely() {
    assertThat(PhoneMasking.mask("12345")).isEqualTo("*****");
    assertThat(PhoneMasking.mask("")).isEmpty();
    assertThat(PhoneMasking.mask(null)).isEmpty();
  }

  @Test
  void csvQuotesFieldsThatNeedIt() {
    assertThat(CsvLine.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvLine.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(
            new CsvLine()
                .aggregate(new SegmentMember(7, "+49*****6789", new BigDecimal("120.50"), 3, null)))
        .isEqualTo("7,+49*****6789,120.50,3,");
  }
}
