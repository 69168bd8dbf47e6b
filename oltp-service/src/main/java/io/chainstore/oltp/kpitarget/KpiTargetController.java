package io.chainstore.oltp.kpitarget;

import io.chainstore.oltp.access.AllowedRoles;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.access.Role;
import io.chainstore.oltp.location.Locations;
import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HQ sets per-store targets per day or month: net sales, orders, new members. */
@RestController
@RequestMapping("/api/kpi-targets")
@Tag(name = "KPI targets")
class KpiTargetController {

  private final JdbcTemplate jdbc;
  private final Locations locations;

  KpiTargetController(JdbcTemplate jdbc, Locations locations) {
    this.jdbc = jdbc;
    this.locations = locations;
  }

  @Schema(name = "KpiTargetRequest")
  record TargetRequest(
      @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal netSales,
      @NotNull @Min(0) Integer orders,
      @NotNull @Min(0) Integer newMembers) {}

  @Schema(name = "KpiTarget")
  record Target(
      long storeId,
      String periodType,
      LocalDate periodStart,
      BigDecimal netSales,
      int orders,
      int newMembers) {}

  @AllowedRoles(Role.HQ_ADMIN)
  @PutMapping("/{storeId}/{periodType}/{periodStart}")
  @Operation(summary = "Set (or replace) a store's target for a day or a month; HQ admin")
  @Transactional
  public Target setKpiTarget(
      @PathVariable @Min(1) long storeId,
      @PathVariable @Pattern(regexp = "day|month", message = "must be day or month")
          String periodType,
      @PathVariable LocalDate periodStart,
      @Valid @RequestBody TargetRequest request) {
    if ("month".equals(periodType) && periodStart.getDayOfMonth() != 1) {
      throw ApiException.unprocessable("periodStart", "a month starts on its first day");
    }
    if (!locations.isStore(storeId)) {
      throw ApiException.unprocessable("storeId", "no store " + storeId);
    }
    jdbc.update(
        "INSERT INTO kpi_targets (store_id, period_type, period_start, net_sales, orders, new_members)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (store_id, period_type, period_start) DO UPDATE"
            + " SET net_sales = EXCLUDED.net_sales, orders = EXCLUDED.orders,"
            + " new_members = EXCLUDED.new_members, updated_at = now()",
        storeId,
        periodType,
        periodStart,
        request.netSales(),
        request.orders(),
        request.newMembers());
    return new Target(
        storeId,
        periodType,
        periodStart,
        request.netSales(),
        request.orders(),
        request.newMembers());
  }

  @AllowedRoles({Role.HQ_ANALYST, Role.HQ_ADMIN, Role.STORE_MANAGER})
  @GetMapping
  @Operation(summary = "Targets in a date range; a store manager sees its own store's only")
  public List<Target> listKpiTargets(
      @RequestParam(required = false) @Min(1) Long storeId,
      @RequestParam LocalDate from,
      @RequestParam LocalDate to) {
    Caller caller = Caller.current();
    Long store = caller.scope(storeId, "storeId");
    if (store != null && !locations.isStore(store)) {
      throw ApiException.notFound("storeId", "no store " + store);
    }
    if (to.isBefore(from)) {
      throw ApiException.unprocessable("to", "is before from");
    }
    return jdbc.query(
        "SELECT * FROM kpi_targets WHERE (?::bigint IS NULL OR store_id = ?)"
            + " AND period_start BETWEEN ? AND ? ORDER BY store_id, period_type, period_start",
        (rs, i) ->
            new Target(
                rs.getLong("store_id"),
                rs.getString("period_type"),
                rs.getObject("period_start", LocalDate.class),
                rs.getBigDecimal("net_sales"),
                rs.getInt("orders"),
                rs.getInt("new_members")),
        store,
        store,
        from,
        to);
  }
}
