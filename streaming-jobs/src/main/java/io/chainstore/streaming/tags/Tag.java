package io.chainstore.streaming.tags;

import java.io.Serializable;
import java.time.Instant;

/** A tag that holds: since when, by which rule, and why, in words. */
public record Tag(String name, Instant since, String rule, String reason) implements Serializable {}
