package io.chainstore.oltp.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // A Wednesday.
  private static final LocalDate DAY = LocalDate.of(2026, 6, 3);
  private static final Duration HOUR = Duration.ofMinutes(60);
  private static final Duration QUARTER = Duration.ofMinutes(15);

  private static WorkingHours.Span span(int weekday, String from, String to) {
    return new WorkingHours.Span(weekday, LocalTime.parse(from), LocalTime.parse(to));
  }

  private static Instant at(LocalDate day, String time, ZoneId zone) {
    return ZonedDateTime.of(day, LocalTime.parse(time), zone).toInstant();
  }

  private static List<String> local(List<Instant> starts, ZoneId zone) {
    return starts.stream()
        .map(
            s ->
                s.atZone(zone).toOffsetDateTime().toLocalTime()
                    + s.atZone(zone).getOffset().getId())
        .toList();
  }

  @Test
  void everyQuarterWhereTheWholeServiceFitsTheWorkingHours() {
    List<Instant> free =
        Slots.free(
            DAY,
            SHANGHAI,
            List.of(span(3, "09:00", "11:00")),
            List.of(),
            HOUR,
            QUARTER,
            Instant.EPOCH);
    assertThat(local(free, SHANGHAI))
        .containsExactly("09:00+08:00", "09:15+08:00", "09:30+08:00", "09:45+08:00", "10:00+08:00");
  }

  @Test
  void otherWeekdaysAndLunchBreaksGiveNoSlots() {
    List<WorkingHours.Span> hours =
        List.of(span(3, "09:00", "10:30"), span(3, "11:30", "12:30"), span(4, "09:00", "18:00"));
    List<Instant> free = Slots.free(DAY, SHANGHAI, hours, List.of(), HOUR, QUARTER, Instant.EPOCH);
    assertThat(local(free, SHANGHAI))
        .containsExactly("09:00+08:00", "09:15+08:00", "09:30+08:00", "11:30+08:00");
    assertThat(
            Slots.free(DAY.plusDays(2), SHANGHAI, hours, List.of(), HOUR, QUARTER, Instant.EPOCH))
        .isEmpty();
  }

  @Test
  void existingBookingsBlockEveryOverlappingStartButNotTheAdjacentOnes() {
    List<WorkingHours.Interval> booked =
        List.of(new WorkingHours.Interval(at(DAY, "10:00", SHANGHAI), at(DAY, "11:00", SHANGHAI)));
    List<Instant> free =
        Slots.free(
            DAY,
            SHANGHAI,
            List.of(span(3, "09:00", "12:00")),
            booked,
            HOUR,
            QUARTER,
            Instant.EPOCH);
    assertThat(local(free, SHANGHAI)).containsExactly("09:00+08:00", "11:00+08:00");
  }

  @Test
  void bookingsInAnyOrderAndOverlappingEachOtherBlockExactlyTheStartsTheyOverlap() {
    Random random = new Random(7);
    List<WorkingHours.Span> hours = List.of(span(3, "08:00", "12:00"), span(3, "13:00", "20:00"));
    Instant dayStart = at(DAY, "00:00", SHANGHAI);
    for (int round = 0; round < 200; round++) {
      List<WorkingHours.Interval> booked = new ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        // Anywhere from the evening before to the next morning, 5 to 180 minutes long.
        Instant start = dayStart.plus(Duration.ofMinutes(random.nextInt(36 * 60) - 6 * 60));
        booked.add(
            new WorkingHours.Interval(
                start, start.plus(Duration.ofMinutes(5 + random.nextInt(176)))));
      }
      List<Instant> all = Slots.free(DAY, SHANGHAI, hours, List.of(), HOUR, QUARTER, Instant.EPOCH);
      List<Instant> expected =
          all.stream()
              .filter(s -> booked.stream().noneMatch(b -> b.overlaps(s, s.plus(HOUR))))
              .toList();
      assertThat(Slots.free(DAY, SHANGHAI, hours, booked, HOUR, QUARTER, Instant.EPOCH))
          .as("round %d, bookings %s", round, booked)
          .isEqualTo(expected);
    }
  }

  @Test
  void theDurationDecidesTheLastStart() {
    List<Instant> free =
        Slots.free(
            DAY,
            SHANGHAI,
            List.of(span(3, "09:00", "12:00")),
            List.of(),
            Duration.ofMinutes(120),
            Duration.ofMinutes(30),
            Instant.EPOCH);
    assertThat(local(free, SHANGHAI)).containsExactly("09:00+08:00", "09:30+08:00", "10:00+08:00");
  }

  @Test
  void startsBeforeNowAreNotOffered() {
    List<Instant> free =
        Slots.free(
            DAY,
            SHANGHAI,
            List.of(span(3, "09:00", "12:00")),
            List.of(),
            HOUR,
            QUARTER,
            at(DAY, "10:20", SHANGHAI));
    assertThat(local(free, SHANGHAI)).containsExactly("10:30+08:00", "10:45+08:00", "11:00+08:00");
  }

  @Test
  void theNightSummerTimeBeginsHasAnHourLess() {
    // 2026-03-29 is a Sunday; at 02:00 Berlin clocks jump to 03:00.
    LocalDate day = LocalDate.of(2026, 3, 29);
    List<Instant> free =
        Slots.free(
            day, BERLIN, List.of(span(7, "00:00", "06:00")), List.of(), HOUR, HOUR, Instant.EPOCH);
    assertThat(local(free, BERLIN))
        .containsExactly("00:00+01:00", "01:00+01:00", "03:00+02:00", "04:00+02:00", "05:00+02:00");
    // A day shift after the change keeps its local hours.
    assertThat(
            local(
                Slots.free(
                    day,
                    BERLIN,
                    List.of(span(7, "09:00", "12:00")),
                    List.of(),
                    HOUR,
                    HOUR,
                    Instant.EPOCH),
                BERLIN))
        .containsExactly("09:00+02:00", "10:00+02:00", "11:00+02:00");
  }

  @Test
  void theNightSummerTimeEndsHasAnHourMoreAndTwoTwoOClocks() {
    // 2026-10-25 is a Sunday; at 03:00 Berlin clocks go back to 02:00.
    LocalDate day = LocalDate.of(2026, 10, 25);
    List<Instant> free =
        Slots.free(
            day, BERLIN, List.of(span(7, "00:00", "06:00")), List.of(), HOUR, HOUR, Instant.EPOCH);
    assertThat(local(free, BERLIN))
        .containsExactly(
            "00:00+02:00",
            "01:00+02:00",
            "02:00+02:00",
            "02:00+01:00",
            "03:00+01:00",
            "04:00+01:00",
            "05:00+01:00");
  }

  @Test
  void aBookingMustLieWithinOneSpanOfTheDayItStartsOn() {
    List<WorkingHours.Span> hours = List.of(span(3, "09:00", "12:00"), span(3, "13:00", "17:00"));
    assertThat(
            WorkingHours.covers(
                hours, SHANGHAI, at(DAY, "11:00", SHANGHAI), at(DAY, "12:00", SHANGHAI)))
        .isTrue();
    assertThat(
            WorkingHours.covers(
                hours, SHANGHAI, at(DAY, "11:30", SHANGHAI), at(DAY, "12:30", SHANGHAI)))
        .isFalse();
    assertThat(
            WorkingHours.covers(
                hours, SHANGHAI, at(DAY, "08:30", SHANGHAI), at(DAY, "09:30", SHANGHAI)))
        .isFalse();
    assertThat(
            WorkingHours.covers(
                hours,
                SHANGHAI,
                at(DAY.plusDays(1), "10:00", SHANGHAI),
                at(DAY.plusDays(1), "11:00", SHANGHAI)))
        .isFalse();
  }
}
