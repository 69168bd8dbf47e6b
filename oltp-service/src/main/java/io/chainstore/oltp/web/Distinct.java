package io.chainstore.oltp.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * Lists whose items must differ in one property (a SKU twice in one basket is a malformed list).
 */
public final class Distinct {

  private Distinct() {}

  /** Refuses (400, naming e.g. {@code lines[2].skuId}) the first item that repeats a value. */
  public static <T> void check(
      List<T> items, Function<T, ?> property, String list, String propertyName) {
    if (items == null) {
      return;
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Object value = property.apply(items.get(i));
      if (value != null && !seen.add(value)) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            list + "[" + i + "]." + propertyName,
            propertyName + " " + value + " appears more than once");
      }
    }
  }
}
