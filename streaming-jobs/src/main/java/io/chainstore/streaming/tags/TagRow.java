package io.chainstore.streaming.tags;

import java.io.Serializable;

/**
 * A member's tag as of {@code version} (the event time, in milliseconds, it was evaluated at):
 * holding ({@code active}) since {@code sinceMillis}, by rule, with its reason; or no longer
 * holding.
 */
public record TagRow(
    long memberId,
    String tag,
    boolean active,
    long sinceMillis,
    String rule,
    String reason,
    long version)
    implements Serializable {}
