package io.chainstore.batch.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void phonesKeepCountryAndLastFourDigits() {
    assertThat(Masking.phone("+49 151 2345 6789")).isEqualTo("+49*******6789");
    assertThat(Masking.phone("13812345678")).isEqualTo("13*****5678");
  }

  @Test
  void shortPhonesAreMaskedEntirely() {
    assertThat(Masking.phone("12345")).isEqualTo("*****");
    assertThat(Masking.phone("")).isEmpty();
    assertThat(Masking.phone(null)).isEmpty();
  }

  @Test
  void emailsKeepTheFirstCharacterAndTheDomain() {
    assertThat(Masking.email("anna.schmidt@example.com")).isEqualTo("a***@example.com");
    assertThat(Masking.email(" Z@shop.cn ")).isEqualTo("Z***@shop.cn");
    assertThat(Masking.email("\uD83D\uDE00smile@x.org")).isEqualTo("\uD83D\uDE00***@x.org");
  }

  @Test
  void malformedEmailsRevealNothing() {
    assertThat(Masking.email("no-at-sign")).isEqualTo("***");
    assertThat(Masking.email("@example.com")).isEqualTo("***");
    assertThat(Masking.email("a@b@c")).isEqualTo("***");
    assertThat(Masking.email("anna@")).isEqualTo("***");
    assertThat(Masking.email(null)).isEmpty();
  }

  @Test
  void namesKeepTheFirstLetterOfEachWord() {
    assertThat(Masking.name("Li Na")).isEqualTo("L*** N***");
    assertThat(Masking.name("  Anna   Maria Schmidt ")).isEqualTo("A*** M*** S***");
    assertThat(Masking.name("王小明")).isEqualTo("王***");
    assertThat(Masking.name(" ")).isEmpty();
  }

  @Test
  void csvQuotesFieldsThatNeedIt() {
    assertThat(CsvLine.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvLine.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    SegmentMember member =
        new SegmentMember(
            7,
            "Li, Na",
            "+49 151 2345 6789",
            "li.na@example.cn",
            new BigDecimal("120.50"),
            3,
            null,
            "5-4-3",
            "active referrer");
    assertThat(new CsvLine().aggregate(member))
        .isEqualTo(
            "7,\"Li, Na\",+49 151 2345 6789,li.na@example.cn,120.50,3,,5-4-3,active referrer");
    assertThat(new CsvLine().aggregate(member.masked()))
        .isEqualTo("7,L*** N***,+49*******6789,l***@example.cn,120.50,3,,5-4-3,active referrer");
  }
}
