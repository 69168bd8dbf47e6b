package io.chainstore.oltp.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs in their one canonical form, 8-4-4-4-12 hexadecimal digits ({@link StrictUuidBinding} for
 * paths and queries): {@link UUID#fromString} alone would also read "1-1-1-1-1" (and Spring's
 * converter trims blanks), silently naming another id.
 */
public final class Uuids {

  public static final String RULE = "must be a UUID (8-4-4-4-12 hexadecimal digits)";

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  /** The UUID the text spells, or {@link RejectedValue} when it is not a canonical one. */
  public static UUID parse(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      throw new RejectedValue(RULE);
    }
    return UUID.fromString(text);
  }
}
