package io.chainstore.oltp.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

  private static WorkingHours.Span span(int weekday, String from, String to) {
    return new WorkingHours.Span(weekday, LocalTime.parse(from), LocalTime.parse(to));
  }

  @Test
  void spansOfOneDayMayNotOverlapNorEndBeforeTheyStart() {
    assertThatCode(
            () ->
                WorkingHours.check(
                    List.of(
                        span(1, "09:00", "12:00"),
                        span(1, "12:00", "17:00"),
                        span(2, "10:00", "11:00")),
                    "hours"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                WorkingHours.check(
                    List.of(span(1, "09:00", "12:00"), span(1, "11:00", "17:00")), "hours"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.field()).isEqualTo("hours[1].from"));
    assertThatThrownBy(() -> WorkingHours.check(List.of(span(1, "12:00", "12:00")), "hours"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.field()).isEqualTo("hours[0].to"));
  }

  @Test
  void theCutOffRefusesChangesFromTwoHoursBeforeTheStart() {
    CutOff cutOff = new CutOff(Duration.ofMinutes(120));
    Instant start = Instant.parse("2026-06-03T14:00:00Z");
    assertThat(cutOff.allowsChange(start, Instant.parse("2026-06-03T11:59:59Z"))).isTrue();
    assertThat(cutOff.allowsChange(start, Instant.parse("2026-06-03T12:00:00Z"))).isFalse();
    assertThat(cutOff.allowsChange(start, Instant.parse("2026-06-03T13:30:00Z"))).isFalse();
    assertThat(cutOff.allowsChange(start, Instant.parse("2026-06-03T15:00:00Z"))).isFalse();
    assertThat(cutOff.deadline(start)).isEqualTo(Instant.parse("2026-06-03T12:00:00Z"));
    assertThat(new CutOff(Duration.ZERO).allowsChange(start, start.minusSeconds(1))).isTrue();
  }
}
