package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a value of a type must look like, in the words a problem response uses. */
final class Expected {

  private Expected() {}

  static String of(Class<?> type, ObjectMapper json) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Integer.class || type == int.class || type == Short.class || type == short.class) {
      return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == Long.class || type == long.class) {
      return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (type == LocalDate.class) {
      return SupportedDates.dayRule();
    }
    if (type == OffsetDateTime.class) {
      return SupportedDates.timeRule();
    }
    if (type == UUID.class) {
      return Uuids.RULE;
    }
    if (type.isEnum()) {
      return "must be one of: "
          + Arrays.stream(type.getEnumConstants())
              .map(constant -> json.convertValue(constant, String.class))
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    return "must be an object";
  }
}
