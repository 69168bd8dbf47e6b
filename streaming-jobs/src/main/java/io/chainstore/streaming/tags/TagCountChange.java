package io.chainstore.streaming.tags;

import java.io.Serializable;

/** A tag gained ({@code +1}) or lost ({@code -1}) a member. */
public record TagCountChange(String tag, int members) implements Serializable {}
