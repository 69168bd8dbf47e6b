package io.chainstore.oltp.booking;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;

/** Technicians' requests and responses. */
final class TechnicianModels {

  /** A local time of day, HH:MM. */
  static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

  private TechnicianModels() {}

  record TechnicianRequest(@NotNull @Min(1) Long storeId, @NotBlank @Size(max = 200) String name) {}

  /** The service products the technician performs: the whole set, replacing the one before. */
  record SkillsRequest(@NotNull @Size(max = 200) List<@NotNull @Min(1) Long> productIds) {}

  /** The weekly working hours: the whole week, replacing the hours before. */
  record HoursRequest(@NotNull @Size(max = 70) List<@Valid @NotNull HoursSpan> hours) {}

  /** Working from {@code from} to {@code to} (local time of the store) on an ISO weekday. */
  record HoursSpan(
      @Schema(description = "ISO weekday: 1 = Monday … 7 = Sunday") @NotNull @Min(1) @Max(7)
          Integer weekday,
      @Schema(description = "Local time HH:MM", example = "09:00")
          @NotNull
          @Pattern(regexp = HH_MM, message = "must be a time HH:MM")
          String from,
      @Schema(description = "Local time HH:MM, after from", example = "17:00")
          @NotNull
          @Pattern(regexp = HH_MM, message = "must be a time HH:MM")
          String to) {

    WorkingHours.Span span() {
      return new WorkingHours.Span(weekday, LocalTime.parse(from), LocalTime.parse(to));
    }

    static HoursSpan of(WorkingHours.Span span) {
      return new HoursSpan(span.weekday(), span.from().toString(), span.to().toString());
    }
  }

  record Technician(
      long id,
      long storeId,
      String name,
      boolean active,
      @Schema(description = "The service products the technician performs") List<Long> productIds,
      List<HoursSpan> hours) {}
}
