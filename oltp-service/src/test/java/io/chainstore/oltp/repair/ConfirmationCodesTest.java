package io.chainstore.oltp.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.repair.ConfirmationCodes.Stored;
import io.chainstore.oltp.repair.ConfirmationCodes.Verdict;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationCodesTest {

  private static Stored stored(int version, String code, boolean expired, int tries, boolean used) {
    return new Stored(version, ConfirmationCodes.hash(7, version, code), expired, tries, used);
  }

  @Test
  void codesAreSixDigitsAndVary() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String code = ConfirmationCodes.newCode();
      assertThat(code).matches("[0-9]{6}");
      seen.add(code);
    }
    assertThat(seen).hasSizeGreaterThan(40);
  }

  @Test
  void theHashBindsOrderVersionAndCodeAndIsNotTheCode() {
    String hash = ConfirmationCodes.hash(7, 2, "123456");
    assertThat(hash).doesNotContain("123456").hasSize(64);
    assertThat(ConfirmationCodes.hash(8, 2, "123456")).isNotEqualTo(hash);
    assertThat(ConfirmationCodes.hash(7, 3, "123456")).isNotEqualTo(hash);
  }

  @Test
  void theRightCodeForTheCurrentVersionConfirms() {
    assertThat(ConfirmationCodes.check(stored(2, "123456", false, 0, false), 7, 2, "123456"))
        .isEqualTo(Verdict.CONFIRMS);
    assertThat(ConfirmationCodes.check(stored(2, "123456", false, 4, false), 7, 2, "123456"))
        .isEqualTo(Verdict.CONFIRMS);
  }

  @Test
  void wrongExpiredUsedStaleAndSpentCodesConfirmNothing() {
    assertThat(ConfirmationCodes.check(stored(2, "123456", false, 0, false), 7, 2, "123457"))
        .isEqualTo(Verdict.WRONG);
    // The right code for another work order is wrong here.
    assertThat(ConfirmationCodes.check(stored(2, "123456", false, 0, false), 8, 2, "123456"))
        .isEqualTo(Verdict.WRONG);
    assertThat(ConfirmationCodes.check(stored(2, "123456", true, 0, false), 7, 2, "123456"))
        .isEqualTo(Verdict.EXPIRED);
    assertThat(ConfirmationCodes.check(stored(2, "123456", false, 0, true), 7, 2, "123456"))
        .isEqualTo(Verdict.USED);
    // Issued for version 2; the lines changed since: even the right digits are stale.
    assertThat(ConfirmationCodes.check(stored(2, "123456", false, 0, false), 7, 3, "123456"))
        .isEqualTo(Verdict.STALE);
    assertThat(
            ConfirmationCodes.check(
                stored(2, "123456", false, ConfirmationCodes.MAX_ATTEMPTS, false), 7, 2, "123456"))
        .isEqualTo(Verdict.TOO_MANY_TRIES);
  }
}
