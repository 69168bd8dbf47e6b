package io.chainstore.oltp.location;

import io.chainstore.oltp.web.ApiException;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Time zones the service accepts: IANA region names (Asia/Shanghai, Europe/Berlin, UTC), which
 * PostgreSQL, Java and ClickHouse all know by the same name. Fixed offsets like +08:00 are refused:
 * they ignore daylight saving time.
 */
final class TimeZones {

  private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

  private TimeZones() {}

  /** The zone, or a refusal (400) naming {@code field}. */
  static String check(String zone, String field) {
    if (!KNOWN.contains(zone)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, field, "must be an IANA time zone such as Asia/Shanghai or UTC");
    }
    return zone;
  }
}
