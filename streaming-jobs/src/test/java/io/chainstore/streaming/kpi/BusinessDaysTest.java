package io.chainstore.streaming.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

  @Test
  void aShanghaiBusinessDayStartsAtLocalMidnight() {
    // 2026-11-27 17:30 UTC is 01:30 on the 28th in Shanghai.
    List<KpiKey> keys =
        BusinessDays.buckets(
            1, "pos", Instant.parse("2026-11-27T17:30:12Z"), ZoneId.of("Asia/Shanghai"));
    KpiKey minute = keys.get(0);
    KpiKey hour = keys.get(1);
    KpiKey day = keys.get(2);
    assertThat(minute.grain()).isEqualTo("minute");
    assertThat(Instant.ofEpochSecond(minute.startEpochSecond()))
        .isEqualTo(Instant.parse("2026-11-27T17:30:00Z"));
    assertThat(Instant.ofEpochSecond(hour.startEpochSecond()))
        .isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
    assertThat(day.grain()).isEqualTo("day");
    assertThat(LocalDate.ofEpochDay(day.localEpochDay())).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(Instant.ofEpochSecond(day.startEpochSecond()))
        .isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
    assertThat(day.endEpochSecond() - day.startEpochSecond()).isEqualTo(24 * 3600);
    assertThat(day.utcOffsetSeconds()).isEqualTo(8 * 3600);
    assertThat(minute.localEpochDay()).isEqualTo(day.localEpochDay());
  }

  @Test
  void daysWithADstChangeHave23Or25Hours() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    KpiKey spring =
        BusinessDays.buckets(1, "pos", Instant.parse("2026-03-29T12:00:00Z"), berlin).get(2);
    assertThat(spring.endEpochSecond() - spring.startEpochSecond()).isEqualTo(23 * 3600);
    KpiKey autumn =
        BusinessDays.buckets(1, "pos", Instant.parse("2026-10-25T12:00:00Z"), berlin).get(2);
    assertThat(autumn.endEpochSecond() - autumn.startEpochSecond()).isEqualTo(25 * 3600);
    assertThat(Instant.ofEpochSecond(autumn.startEpochSecond()))
        .isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
  }

  @Test
  void theRepeatedHourOfAnAutumnNightIsTwoBuckets() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 02:30 CEST and 02:30 CET on 2026-10-25: the same local hour, an hour apart.
    KpiKey first =
        BusinessDays.buckets(1, "pos", Instant.parse("2026-10-25T00:30:00Z"), berlin).get(1);
    KpiKey second =
        BusinessDays.buckets(1, "pos", Instant.parse("2026-10-25T01:30:00Z"), berlin).get(1);
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.localEpochDay()).isEqualTo(second.localEpochDay());
    assertThat(first.utcOffsetSeconds()).isEqualTo(7200);
    assertThat(second.utcOffsetSeconds()).isEqualTo(3600);
  }

  @Test
  void aBusinessMonthRunsFromTheLocalMidnightOfItsFirstDay() {
    // 2026-10-31 23:30 UTC is 00:30 on 1 November in Berlin: November's bucket.
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    KpiKey november =
        BusinessDays.buckets(1, "pos", Instant.parse("2026-10-31T23:30:00Z"), berlin).get(3);
    assertThat(november.grain()).isEqualTo("month");
    assertThat(LocalDate.ofEpochDay(november.localEpochDay())).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(Instant.ofEpochSecond(november.startEpochSecond()))
        .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(november.utcOffsetSeconds()).isEqualTo(3600);
    // October starts in summer time and ends in winter time: 31 days and an hour.
    KpiKey october =
        BusinessDays.buckets(1, "pos", Instant.parse("2026-10-31T22:30:00Z"), berlin).get(3);
    assertThat(LocalDate.ofEpochDay(october.localEpochDay())).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(Instant.ofEpochSecond(october.startEpochSecond()))
        .isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(october.endEpochSecond()).isEqualTo(november.startEpochSecond());
    assertThat(october.endEpochSecond() - october.startEpochSecond())
        .isEqualTo((31 * 24 + 1) * 3600);
    assertThat(october.utcOffsetSeconds()).isEqualTo(7200);
    assertThat(october.id()).isNotEqualTo(november.id());
  }
}
