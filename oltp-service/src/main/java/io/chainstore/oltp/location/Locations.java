package io.chainstore.oltp.location;

import io.chainstore.oltp.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores and warehouses, and which stores are nearest to a point. */
@Service
public class Locations {

  record LocationRequest(
      @NotBlank @Size(max = 32) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull @Pattern(regexp = "store|warehouse", message = "must be store or warehouse")
          String kind,
      @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
      @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6)
          BigDecimal longitude,
      @Size(max = 200) String openingHours,
      @Schema(
              description =
                  "IANA time zone (e.g. Asia/Shanghai): the location's business day is its local"
                      + " day. Fixed once the location is open. Default: the service's"
                      + " DEFAULT_TIME_ZONE.")
          @Size(max = 64)
          String timeZone) {}

  /** A location, with its distance when asked for the nearest. */
  public record Location(
      long id,
      String code,
      String name,
      String kind,
      BigDecimal latitude,
      BigDecimal longitude,
      String openingHours,
      String timeZone,
      BigDecimal distanceKm) {}

  private static final RowMapper<Location> LOCATION =
      (rs, i) ->
          new Location(
              rs.getLong("id"),
              rs.getString("code"),
              rs.getString("name"),
              rs.getString("kind"),
              rs.getBigDecimal("latitude"),
              rs.getBigDecimal("longitude"),
              rs.getString("opening_hours"),
              rs.getString("time_zone"),
              rs.getBigDecimal("distance_km"));

  private final JdbcTemplate jdbc;
  private final String defaultTimeZone;
  // Locations are never deleted and never change kind, so a kind once read stays true.
  private final Map<Long, String> kinds = new ConcurrentHashMap<>();

  Locations(
      JdbcTemplate jdbc, @Value("${chainstore.default-time-zone:UTC}") String defaultTimeZone) {
    this.jdbc = jdbc;
    this.defaultTimeZone = TimeZones.check(defaultTimeZone, "chainstore.default-time-zone");
  }

  /** The location's kind (store or warehouse), if it exists; asked on every checkout, so kept. */
  public Optional<String> kind(long id) {
    String known = kinds.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    List<String> found =
        jdbc.queryForList("SELECT kind FROM locations WHERE id = ?", String.class, id);
    found.forEach(kind -> kinds.put(id, kind));
    return found.stream().findFirst();
  }

  public boolean isStore(long id) {
    return kind(id).filter("store"::equals).isPresent();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Location create(LocationRequest request) {
    if ((request.latitude() == null) != (request.longitude() == null)) {
      throw ApiException.unprocessable(
          request.latitude() == null ? "latitude" : "longitude",
          "give both coordinates or neither");
    }
    String zone =
        request.timeZone() == null
            ? defaultTimeZone
            : TimeZones.check(request.timeZone(), "timeZone");
    if (!jdbc.queryForList("SELECT 1 FROM locations WHERE code = ?", request.code()).isEmpty()) {
      throw ApiException.conflict("code", "location code " + request.code() + " is taken");
    }
    long id =
        jdbc.queryForObject(
            "INSERT INTO locations (code, name, kind, latitude, longitude, opening_hours,"
                + " time_zone) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            Long.class,
            request.code(),
            request.name(),
            request.kind(),
            request.latitude(),
            request.longitude(),
            request.openingHours(),
            zone);
    return jdbc.queryForObject(
        "SELECT *, NULL::numeric AS distance_km FROM locations WHERE id = ?", LOCATION, id);
  }

  @Transactional(readOnly = true)
  List<Location> list(String kind) {
    return jdbc.query(
        "SELECT *, NULL::numeric AS distance_km FROM locations"
            + " WHERE (?::text IS NULL OR kind = ?) ORDER BY id",
        LOCATION,
        kind,
        kind);
  }

  /** Great-circle distance in km from the point (?, ?, ?: latitude, latitude, longitude). */
  private static final String DISTANCE_KM =
      "round((6371 * 2 * asin(sqrt(power(sin(radians(latitude - ?) / 2), 2)"
          + " + cos(radians(?)) * cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2)"
          + ")))::numeric, 3)";

  /** Locations of a kind ordered by great-circle distance from the point, nearest first. */
  @Transactional(readOnly = true)
  List<Location> nearest(BigDecimal latitude, BigDecimal longitude, String kind, int limit) {
    return jdbc.query(
        "SELECT * FROM (SELECT *, "
            + DISTANCE_KM
            + " AS distance_km"
            + " FROM locations WHERE latitude IS NOT NULL AND kind = ?) l"
            + " ORDER BY distance_km, id LIMIT ?",
        LOCATION,
        latitude,
        latitude,
        longitude,
        kind,
        limit);
  }

  /**
   * The nearest stores that have every SKU of the basket available in the quantity asked (a
   * supplier's SKU is shipped to the store by its supplier, so the store need not have it).
   */
  @Transactional(readOnly = true)
  public List<Location> nearestStoresWith(
      BigDecimal latitude, BigDecimal longitude, Long[] skuIds, Integer[] quantities, int limit) {
    return jdbc.query(
        connection -> {
          var ps =
              connection.prepareStatement(
                  "SELECT * FROM (SELECT *, "
                      + DISTANCE_KM
                      + " AS distance_km"
                      + " FROM locations l WHERE latitude IS NOT NULL AND kind = 'store'"
                      + " AND NOT EXISTS (SELECT 1 FROM unnest(?::bigint[], ?::int[]) AS b (sku, qty)"
                      + "   LEFT JOIN stock s ON s.sku_id = b.sku AND s.location_id = l.id"
                      + "   WHERE coalesce(s.on_hand - s.reserved, 0) < b.qty"
                      // suppliers' SKUs come from the suppliers, whichever store collects them
                      + "   AND NOT EXISTS (SELECT 1 FROM skus k WHERE k.id = b.sku"
                      + "     AND k.supplier_id IS NOT NULL))) l"
                      + " ORDER BY distance_km, id LIMIT ?");
          ps.setBigDecimal(1, latitude);
          ps.setBigDecimal(2, latitude);
          ps.setBigDecimal(3, longitude);
          ps.setArray(4, connection.createArrayOf("bigint", skuIds));
          ps.setArray(5, connection.createArrayOf("integer", quantities));
          ps.setInt(6, limit);
          return ps;
        },
        LOCATION);
  }
}
